//! The permission sets and assignments steps against the in-memory [`Fake`]: created once,
//! missing groups reported while the others are made, throttling, the outstanding limit. Time is
//! paused (tokio's test clock), so the call budget costs no real time.

use std::time::Duration;

use super::assignments::{GroupMatch, candidate_names, resolve};
use super::test_support::{Clock, execute, fast_policy};
use super::*;
use crate::aws::Group;
use crate::aws::fake::Fake;
use crate::aws::fake::access::{FakeSet, INSTANCE};

const DIRECTORY: &str = "d-0000000000";

pub(super) fn plan() -> Plan {
    let path = format!("{}/assets/examples/trust.yaml", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(path).unwrap();
    crate::plan::load(&bytes).unwrap().0.plan
}

fn group(id: &str, name: &str, issuer_directory: &str) -> Group {
    Group {
        id: id.to_owned(),
        display_name: name.to_owned(),
        issuers: vec![format!(
            "arn:aws:ds:us-east-1:123456789012:directory/{issuer_directory}"
        )],
    }
}

/// A fake where the trust example's directory and trust exist and are verified.
pub(super) fn ready(groups: Vec<Group>) -> Fake {
    let cloud = Fake::new();
    {
        let mut state = cloud.0.borrow_mut();
        state.groups = groups;
        state.access.sets.insert(
            format!("{INSTANCE}/ps-admin"),
            FakeSet {
                name: "AdministratorAccess".to_owned(),
                ..FakeSet::default()
            },
        );
    }
    cloud
}

pub(super) fn both_groups() -> Vec<Group> {
    vec![
        group("g-1", "AWS-SSO-Users@corp.example.com", DIRECTORY),
        group("g-2", "AWS-Admins@corp.example.com", DIRECTORY),
    ]
}

pub(super) fn apply(plan: &Plan, cloud: &Fake) -> (Result<ApplyOutcome, ApplyError>, Vec<Event>) {
    cloud.0.borrow_mut().verify_after = 0;
    let policy = fast_policy(Duration::from_secs(600));
    execute(
        plan,
        cloud,
        RunMode::Apply,
        GateMode::Stop,
        policy,
        Clock::Paused,
    )
}

pub(super) fn sso_mutations(cloud: &Fake) -> Vec<String> {
    let state = cloud.0.borrow();
    state
        .mutations
        .iter()
        .filter(|m| {
            !m.starts_with("Create")
                || m.starts_with("CreateAccount")
                || m.starts_with("CreatePermission")
        })
        .filter(|m| !m.contains("Trust") && !m.contains("MicrosoftAD"))
        .cloned()
        .collect()
}

#[test]
fn permission_sets_and_assignments_are_created_once() {
    let plan = plan();
    let cloud = ready(both_groups());
    let (first, _) = apply(&plan, &cloud);
    assert!(matches!(first, Ok(ApplyOutcome::Done)), "{first:?}");
    let after_first = sso_mutations(&cloud);
    assert_eq!(cloud.0.borrow().access.assignments.len(), 3);
    let set = cloud
        .0
        .borrow()
        .access
        .sets
        .values()
        .find(|s| s.name == "ReadOnly")
        .cloned()
        .unwrap();
    assert_eq!(set.session_duration.as_deref(), Some("PT8H"));
    assert_eq!(set.policies, vec!["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
    assert!(set.inline.unwrap().contains("s3:GetObject"));

    let (second, _) = apply(&plan, &cloud);
    assert!(matches!(second, Ok(ApplyOutcome::Done)), "{second:?}");
    assert_eq!(
        sso_mutations(&cloud),
        after_first,
        "a re-run changed something"
    );
    assert_eq!(cloud.0.borrow().access.assignments.len(), 3);
}

#[test]
fn a_drifted_permission_set_is_brought_back_and_provisioned() {
    let plan = plan();
    let cloud = ready(both_groups());
    apply(&plan, &cloud).0.unwrap();
    {
        let mut state = cloud.0.borrow_mut();
        let set = state
            .access
            .sets
            .values_mut()
            .find(|s| s.name == "ReadOnly")
            .unwrap();
        set.session_duration = Some("PT2H".to_owned());
        set.policies
            .push("arn:aws:iam::aws:policy/AdministratorAccess".to_owned());
        set.inline = None;
    }
    let (outcome, events) = apply(&plan, &cloud);
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    let state = cloud.0.borrow();
    let set = state
        .access
        .sets
        .values()
        .find(|s| s.name == "ReadOnly")
        .unwrap();
    assert_eq!(set.session_duration.as_deref(), Some("PT8H"));
    assert_eq!(set.policies, vec!["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
    assert!(set.inline.is_some());
    assert_eq!(set.provisioned, 1);
    let text: Vec<String> = events.iter().map(ToString::to_string).collect();
    assert!(text.iter().any(|t| t.contains("updated ReadOnly (session duration PT8H, detach arn:aws:iam::aws:policy/AdministratorAccess, inline policy)")), "{text:?}");
}

#[test]
fn a_missing_group_is_reported_while_the_others_are_assigned() {
    let plan = plan();
    let cloud = ready(vec![group(
        "g-1",
        "AWS-SSO-Users@corp.example.com",
        DIRECTORY,
    )]);
    let (outcome, _) = apply(&plan, &cloud);
    let Ok(ApplyOutcome::Paused { gate, instructions }) = outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(gate, Step::Assignments);
    assert!(
        instructions.contains("2 created, 0 already present"),
        "{instructions}"
    );
    assert!(
        instructions
            .contains("not found in Identity Center (their assignments were skipped): AWS-Admins"),
        "{instructions}"
    );
    assert!(
        instructions.contains("sync scope") && instructions.contains("3 hours"),
        "{instructions}"
    );
    assert_eq!(cloud.0.borrow().access.assignments.len(), 2);
}

#[test]
fn throttled_creations_are_retried_until_they_succeed() {
    let plan = plan();
    let cloud = ready(both_groups());
    cloud.0.borrow_mut().access.throttle_creates = 7;
    let (outcome, _) = apply(&plan, &cloud);
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    let state = cloud.0.borrow();
    assert_eq!(state.access.assignments.len(), 3);
    assert_eq!(state.access.creates, 3);
}

#[test]
fn write_conflicts_are_retried_with_backoff_for_sets_and_assignments() {
    let plan = plan();
    let cloud = ready(both_groups());
    {
        let mut state = cloud.0.borrow_mut();
        state.access.conflicts.insert("CreatePermissionSet", 2);
        state
            .access
            .conflicts
            .insert("AttachManagedPolicyToPermissionSet", 1);
        state.access.conflicts.insert("CreateAccountAssignment", 3);
    }
    let (outcome, _) = apply(&plan, &cloud);
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    let state = cloud.0.borrow();
    assert_eq!(state.access.sets.len(), 2);
    assert_eq!(state.access.assignments.len(), 3);
    assert_eq!(state.access.conflicts.values().sum::<usize>(), 0);
    let creates = state
        .mutations
        .iter()
        .filter(|m| m.starts_with("CreatePermissionSet"));
    assert_eq!(creates.count(), 1);
}

#[test]
fn a_conflict_that_persists_ends_as_a_concurrent_change_after_bounded_retries() {
    let plan = plan();
    let cloud = ready(both_groups());
    cloud
        .0
        .borrow_mut()
        .access
        .conflicts
        .insert("CreateAccountAssignment", 1000);
    let (outcome, _) = apply(&plan, &cloud);
    let Err(error @ ApplyError::AssignmentsFailed { .. }) = outcome else {
        panic!("{outcome:?}");
    };
    let text = error.to_string();
    assert!(text.contains("concurrent change"), "{text}");
    assert!(!text.contains("rename or remove"), "{text}");
    let left = cloud.0.borrow().access.conflicts["CreateAccountAssignment"];
    let per_creation = throughput::MAX_CONFLICT_RETRIES as usize + 1;
    assert_eq!(1000 - left, 3 * per_creation);
}

#[test]
fn at_most_ten_creations_are_outstanding_and_failures_are_listed() {
    let mut plan = plan();
    let accounts: Vec<String> = (0..60)
        .map(|i| format!("{:012}", 100_000_000_000u64 + i))
        .collect();
    let ic = plan.identity_center.as_mut().unwrap();
    ic.assignments[0].accounts = accounts;
    let cloud = ready(both_groups());
    {
        let mut state = cloud.0.borrow_mut();
        state.access.polls_to_succeed = 3;
        state.access.failing_groups = vec!["g-2".to_owned()];
    }
    let (outcome, events) = apply(&plan, &cloud);
    let Err(error @ ApplyError::AssignmentsFailed { .. }) = outcome else {
        panic!("{outcome:?}");
    };
    let text = error.to_string();
    assert!(
        text.contains("60 created, 0 already present; 1 failed"),
        "{text}"
    );
    assert!(
        text.contains("AWS-Admins -> AdministratorAccess in 111122223333: FAILED"),
        "{text}"
    );
    let state = cloud.0.borrow();
    assert_eq!(state.access.max_pending, 10);
    assert_eq!(state.access.assignments.len(), 60);
    let last = events.iter().rev().find_map(|e| match e {
        Event::Progress { done, total, .. } => Some((*done, *total)),
        _ => None,
    });
    assert_eq!(last, Some((61, 61)));
}

#[test]
fn groups_resolve_with_the_domain_first_and_only_from_the_plan_s_directory() {
    let plan = plan();
    let candidates = candidate_names(&plan, "Ops");
    assert_eq!(
        candidates,
        vec!["Ops@corp.example.com", "Ops@aws.corp.example.com", "Ops"]
    );
    let issuer = "arn:aws:ds:us-east-1:123456789012:directory/d-0000000000";
    let groups = vec![
        group("g-bare", "Ops", DIRECTORY),
        group("g-domain", "ops@corp.example.com", DIRECTORY),
        group("g-other", "Admins", "d-9999999999"),
    ];
    assert_eq!(
        resolve(&groups, &candidates, issuer),
        GroupMatch::Found {
            id: "g-domain".to_owned(),
            display_name: "ops@corp.example.com".to_owned()
        }
    );
    assert_eq!(
        resolve(&groups, &candidate_names(&plan, "Admins"), issuer),
        GroupMatch::OtherSource("Admins".to_owned())
    );
    assert_eq!(
        resolve(&groups, &candidate_names(&plan, "Nobody"), issuer),
        GroupMatch::Missing
    );
}
