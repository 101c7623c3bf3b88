//! Assignments to OUs against the in-memory [`Fake`]: resolved once per run to the ACTIVE
//! accounts of the OUs and the OUs nested in them, exclusions, the management account for a
//! delegated administrator, and an OU that names nothing stopping the run before any change.

use super::assignment_tests::{apply, both_groups, plan, ready};
use super::*;
use crate::aws::fake::Fake;
use crate::aws::fake::organization::FakeOrg;

/// Root ─┬─ Workloads ── Prod: 111 (ACTIVE), 222 (SUSPENDED)
///       └─ (accounts) 123456789012, the management account and the caller
fn org(management: &str) -> FakeOrg {
    FakeOrg::new(management)
        .unit(FakeOrg::ROOT, "ou-root-workload1", "Workloads")
        .unit("ou-root-workload1", "ou-root-prod0001", "Prod")
        .account("ou-root-prod0001", "111111111111", "ACTIVE")
        .account("ou-root-prod0001", "222222222222", "SUSPENDED")
        .account(FakeOrg::ROOT, "123456789012", "ACTIVE")
}

/// The trust example with one assignment of AWS-SSO-Users to ReadOnly, targeting `units` and
/// `accounts`.
fn ou_plan(units: &[&str], accounts: &[&str]) -> Plan {
    let mut plan = plan();
    let ic = plan.identity_center.as_mut().unwrap();
    ic.assignments.truncate(1);
    ic.assignments[0].accounts = accounts.iter().map(|s| s.to_string()).collect();
    ic.assignments[0].organizational_units = units.iter().map(|s| s.to_string()).collect();
    plan
}

fn with_org(management: &str) -> Fake {
    let cloud = ready(both_groups());
    cloud.0.borrow_mut().org = Some(org(management));
    cloud
}

fn assigned_accounts(cloud: &Fake) -> Vec<String> {
    let mut accounts: Vec<String> = cloud
        .0
        .borrow()
        .access
        .assignments
        .iter()
        .map(|key| key.account_id.clone())
        .collect();
    accounts.sort();
    accounts
}

#[test]
fn a_path_target_assigns_the_active_accounts_of_its_ous_and_says_which_were_skipped() {
    let plan = ou_plan(&["Root/Workloads"], &[]);
    let cloud = with_org("123456789012");
    let (outcome, events) = apply(&plan, &cloud);
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    assert_eq!(assigned_accounts(&cloud), ["111111111111"]);
    let notes: String = events.iter().map(|e| format!("{e}\n")).collect();
    assert!(
        notes.contains("AWS-SSO-Users -> ReadOnly: 1 account(s): 111111111111; skipped 222222222222 (SUSPENDED: not active)"),
        "{notes}"
    );
}

#[test]
fn an_account_moved_to_another_ou_is_assigned_on_the_next_run() {
    let plan = ou_plan(&["ou-root-prod0001"], &[]);
    let cloud = with_org("123456789012");
    apply(&plan, &cloud).0.unwrap();
    assert_eq!(assigned_accounts(&cloud), ["111111111111"]);
    {
        let mut state = cloud.0.borrow_mut();
        let org = state.org.as_mut().unwrap();
        org.accounts
            .entry("ou-root-prod0001".to_owned())
            .or_default()
            .push(crate::aws::OrgAccount {
                id: "333333333333".to_owned(),
                name: "new".to_owned(),
                state: crate::aws::AccountState::Active,
            });
    }
    apply(&plan, &cloud).0.unwrap();
    assert_eq!(assigned_accounts(&cloud), ["111111111111", "333333333333"]);
}

#[test]
fn a_delegated_administrator_refuses_the_named_management_account_and_skips_it_under_the_root() {
    let plan = ou_plan(&["r-root"], &["999999999999"]);
    let cloud = with_org("999999999999");
    cloud.0.borrow_mut().org.as_mut().unwrap().accounts.insert(
        FakeOrg::ROOT.to_owned(),
        vec![crate::aws::OrgAccount {
            id: "999999999999".to_owned(),
            name: "management".to_owned(),
            state: crate::aws::AccountState::Active,
        }],
    );
    let (outcome, _) = apply(&plan, &cloud);
    let Err(error @ ApplyError::AssignmentsFailed { .. }) = outcome else {
        panic!("{outcome:?}");
    };
    let text = error.to_string();
    assert!(
        text.contains("AWS-SSO-Users -> ReadOnly in 999999999999: the management account: a delegated administrator cannot assign there"),
        "{text}"
    );
    assert_eq!(assigned_accounts(&cloud), ["111111111111"]);
    assert!(
        !cloud
            .0
            .borrow()
            .mutations
            .iter()
            .any(|m| m.contains("999999999999")),
        "the management account was asked"
    );
}

#[test]
fn an_ou_that_names_nothing_stops_the_run_before_any_change() {
    let plan = ou_plan(&["ou-root-missing1", "Root/Nowhere"], &["111111111111"]);
    let cloud = with_org("123456789012");
    let (outcome, _) = apply(&plan, &cloud);
    let Err(error @ ApplyError::UnknownTargets(_)) = outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(
        error.to_string(),
        "organizationalUnits ou-root-missing1, Root/Nowhere: not in the organization; nothing was changed"
    );
    assert!(
        cloud.0.borrow().mutations.is_empty(),
        "{:?}",
        cloud.0.borrow().mutations
    );
}

#[test]
fn a_dry_run_shows_each_targets_accounts() {
    let plan = ou_plan(&["r-root"], &[]);
    let cloud = with_org("123456789012");
    let (outcome, events) = super::test_support::execute(
        &plan,
        &cloud,
        RunMode::DryRun,
        GateMode::Stop,
        super::test_support::fast_policy(std::time::Duration::from_secs(60)),
        super::test_support::Clock::Paused,
    );
    assert!(outcome.is_ok(), "{outcome:?}");
    let text: String = events.iter().map(|e| format!("{e}\n")).collect();
    assert!(
        text.contains("AWS-SSO-Users -> ReadOnly: 2 account(s): 111111111111, 123456789012; skipped 222222222222"),
        "{text}"
    );
    assert!(cloud.0.borrow().mutations.is_empty());
}

/// Moves account 111 out of Prod into a new OU `Sandbox` under the root.
fn move_out_of_prod(cloud: &Fake) {
    let mut state = cloud.0.borrow_mut();
    let org = state.org.as_mut().unwrap();
    org.units
        .entry(FakeOrg::ROOT.to_owned())
        .or_default()
        .push(crate::aws::OrgUnit {
            id: "ou-root-sandbox1".to_owned(),
            name: "Sandbox".to_owned(),
        });
    org.move_account("111111111111", "ou-root-sandbox1");
}

#[test]
fn an_account_moved_out_of_a_pruning_entrys_ou_loses_its_assignment_and_nothing_else() {
    let mut plan = ou_plan(&["ou-root-prod0001"], &[]);
    let cloud = with_org("123456789012");
    apply(&plan, &cloud).0.unwrap();
    assert_eq!(assigned_accounts(&cloud), ["111111111111"]);
    // Assignments the plan does not name: another permission set of the same group, another group.
    {
        let mut state = cloud.0.borrow_mut();
        let admin = state
            .access
            .sets
            .keys()
            .find(|arn| arn.ends_with("ps-admin"))
            .cloned()
            .unwrap();
        let read_only = state.access.assignments[0].permission_set_arn.clone();
        for (group, set) in [("g-1", admin), ("g-2", read_only)] {
            state.access.assignments.push(crate::aws::AssignmentKey {
                account_id: "111111111111".to_owned(),
                permission_set_arn: set,
                group_id: group.to_owned(),
            });
        }
    }
    move_out_of_prod(&cloud);

    // Without prune, the moved account keeps its assignment.
    apply(&plan, &cloud).0.unwrap();
    assert_eq!(cloud.0.borrow().access.assignments.len(), 3);

    plan.identity_center.as_mut().unwrap().assignments[0].prune = true;
    let (outcome, events) = apply(&plan, &cloud);
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    let text: String = events.iter().map(|e| format!("{e}\n")).collect();
    assert!(
        text.contains("0 created, 0 already present, 1 pruned"),
        "{text}"
    );
    let state = cloud.0.borrow();
    assert!(
        state
            .mutations
            .iter()
            .any(|m| m == "DeleteAccountAssignment 111111111111"),
        "{:?}",
        state.mutations
    );
    assert_eq!(
        state.access.assignments.len(),
        2,
        "only the plan's pair was pruned"
    );
    assert!(
        state
            .access
            .assignments
            .iter()
            .all(|k| k.account_id == "111111111111")
    );
}

#[test]
fn a_dry_run_lists_the_prune_and_changes_nothing() {
    let mut plan = ou_plan(&["ou-root-prod0001"], &[]);
    let cloud = with_org("123456789012");
    apply(&plan, &cloud).0.unwrap();
    move_out_of_prod(&cloud);
    plan.identity_center.as_mut().unwrap().assignments[0].prune = true;
    let before = cloud.0.borrow().mutations.len();
    let (outcome, events) = super::test_support::execute(
        &plan,
        &cloud,
        RunMode::DryRun,
        GateMode::Stop,
        super::test_support::fast_policy(std::time::Duration::from_secs(60)),
        super::test_support::Clock::Paused,
    );
    assert!(outcome.is_ok(), "{outcome:?}");
    let text: String = events.iter().map(|e| format!("{e}\n")).collect();
    assert!(text.contains("DeleteAccountAssignment"), "{text}");
    assert!(
        text.contains("TargetId=111111111111") || text.contains("111111111111"),
        "{text}"
    );
    assert!(text.contains("would prune 1"), "{text}");
    assert_eq!(cloud.0.borrow().mutations.len(), before);
    assert_eq!(assigned_accounts(&cloud), ["111111111111"]);
}

#[test]
fn a_suspended_account_keeps_its_assignment_under_prune() {
    let mut plan = ou_plan(&["ou-root-prod0001"], &[]);
    plan.identity_center.as_mut().unwrap().assignments[0].prune = true;
    let cloud = with_org("123456789012");
    apply(&plan, &cloud).0.unwrap();
    {
        let mut state = cloud.0.borrow_mut();
        let org = state.org.as_mut().unwrap();
        for account in org.accounts.values_mut().flatten() {
            if account.id == "111111111111" {
                account.state = crate::aws::AccountState::Suspended("SUSPENDED".to_owned());
            }
        }
    }
    apply(&plan, &cloud).0.unwrap();
    assert_eq!(assigned_accounts(&cloud), ["111111111111"]);
}

#[test]
fn the_summary_warns_before_a_pruning_apply() {
    let mut plan = ou_plan(&["ou-root-prod0001"], &[]);
    plan.identity_center.as_mut().unwrap().assignments[0].prune = true;
    let lines = crate::apply::summary::summary(&plan, "corp.yaml").join("\n");
    assert!(
        lines.contains("then DELETE, for the 1 pruning entry, their group's assignments"),
        "{lines}"
    );
    assert!(lines.contains("the accounts of 1 OU target(s)"), "{lines}");
}

#[test]
fn a_re_run_reads_the_groups_and_each_groups_assignments_once() {
    let plan = ou_plan(&["Root/Workloads"], &["123456789012"]);
    let cloud = with_org("123456789012");
    let (outcome, _) = apply(&plan, &cloud);
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    let before = cloud.0.borrow().mutations.len();
    {
        let mut state = cloud.0.borrow_mut();
        state.list_groups_calls = 0;
        state.access.listed_pages = 0;
        state.org.as_mut().unwrap().calls = 0;
    }
    let (outcome, events) = apply(&plan, &cloud);
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    let state = cloud.0.borrow();
    assert_eq!(state.mutations.len(), before, "a re-run changed something");
    // The identity-source gate takes the groups read alongside the steps; the assignments step
    // takes the one listing of the one group.
    assert_eq!(state.list_groups_calls, 1);
    assert_eq!(state.access.listed_pages, 1);
    // The organization once: ListRoots, then Root, Workloads and Prod (their OUs and accounts).
    assert_eq!(state.org.as_ref().unwrap().calls, 7);
    let text: String = events.iter().map(|e| format!("{e}\n")).collect();
    assert!(text.contains("0 created, 2 already present"), "{text}");
}

#[test]
fn each_ou_target_is_shown_with_its_accounts_and_a_plain_account_list_is_not() {
    let with_dev = |plan: &Plan| {
        let cloud = with_org("123456789012");
        let org = org("123456789012")
            .unit("ou-root-workload1", "ou-root-dev00001", "Dev")
            .account("ou-root-dev00001", "333333333333", "ACTIVE");
        cloud.0.borrow_mut().org = Some(org);
        let (outcome, events) = apply(plan, &cloud);
        assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
        events
            .iter()
            .filter(|e| matches!(e, Event::Detail(_)))
            .map(|e| format!("{e}"))
            .collect::<Vec<_>>()
    };
    // An OU whose accounts are all assigned: its line, though nothing was skipped.
    let details = with_dev(&ou_plan(&["Root/Workloads/Dev"], &[]));
    assert_eq!(details.len(), 1, "{details:?}");
    assert!(
        details[0].contains("AWS-SSO-Users -> ReadOnly: 1 account(s): 333333333333"),
        "{details:?}"
    );
    // Listed accounts only, none skipped: no line.
    assert_eq!(
        with_dev(&ou_plan(&[], &["333333333333"])),
        Vec::<String>::new()
    );
}
