use super::*;
use crate::aws::AwsErrorKind;
use crate::aws::fake::Fake;
use crate::aws::fake::organization::FakeOrg;
use crate::plan::Plan;

/// Root ─┬─ Workloads (ou-root-workload1) ─┬─ Prod (ou-root-prod0001): 111, 222 (SUSPENDED)
///       │                                 └─ Dev (ou-root-dev00001): 333
///       ├─ Security (ou-root-security1): 444
///       └─ (accounts) 999 (the management account)
fn org() -> FakeOrg {
    FakeOrg::new("999999999999")
        .unit(FakeOrg::ROOT, "ou-root-workload1", "Workloads")
        .unit(FakeOrg::ROOT, "ou-root-security1", "Security")
        .unit("ou-root-workload1", "ou-root-prod0001", "Prod")
        .unit("ou-root-workload1", "ou-root-dev00001", "Dev")
        .account("ou-root-prod0001", "111111111111", "ACTIVE")
        .account("ou-root-prod0001", "222222222222", "SUSPENDED")
        .account("ou-root-dev00001", "333333333333", "ACTIVE")
        .account("ou-root-security1", "444444444444", "ACTIVE")
        .account(FakeOrg::ROOT, "999999999999", "ACTIVE")
}

fn plan_with(targets: &[(&[&str], &[&str], &[&str])]) -> Plan {
    let mut plan = crate::plan::example("trust.yaml");
    let ic = plan.identity_center.as_mut().unwrap();
    let template = ic.assignments[0].clone();
    ic.assignments = targets
        .iter()
        .map(|(accounts, units, excluded)| Assignment {
            accounts: accounts.iter().map(|s| s.to_string()).collect(),
            organizational_units: units.iter().map(|s| s.to_string()).collect(),
            exclude_accounts: excluded.iter().map(|s| s.to_string()).collect(),
            ..template.clone()
        })
        .collect();
    plan
}

fn fake() -> Fake {
    let fake = Fake::new();
    fake.0.borrow_mut().org = Some(org());
    fake
}

async fn resolved(plan: &Plan, fake: &Fake, caller: &str) -> Vec<Resolved> {
    let view = read(fake, plan).await.unwrap();
    plan.identity_center
        .as_ref()
        .unwrap()
        .assignments
        .iter()
        .map(|a| resolve(a, &view, Some(caller)))
        .collect()
}

#[tokio::test]
async fn an_ou_reaches_its_nested_ous_active_accounts_only() {
    let plan = plan_with(&[(&[], &["ou-root-workload1"], &[])]);
    let out = resolved(&plan, &fake(), "999999999999").await;
    assert_eq!(out[0].accounts, ["111111111111", "333333333333"]);
    assert_eq!(
        out[0].skipped,
        [(
            "222222222222".to_owned(),
            Skip::NotActive("SUSPENDED".to_owned())
        )]
    );
    assert!(out[0].unknown.is_empty() && out[0].refused.is_empty());
}

#[tokio::test]
async fn a_path_and_the_root_and_exclusions_resolve() {
    let plan = plan_with(&[
        (&[], &["Root/Workloads/Dev"], &[]),
        (&[], &["r-root"], &["444444444444"]),
    ]);
    let out = resolved(&plan, &fake(), "999999999999").await;
    assert_eq!(out[0].accounts, ["333333333333"]);
    assert_eq!(
        out[1].accounts,
        ["111111111111", "333333333333", "999999999999"]
    );
    assert!(
        out[1]
            .skipped
            .contains(&("444444444444".to_owned(), Skip::Excluded))
    );
}

#[tokio::test]
async fn a_delegated_administrator_skips_the_management_account_and_refuses_it_when_named() {
    let plan = plan_with(&[
        (&[], &["r-root"], &[]),
        (&["999999999999", "444444444444"], &[], &[]),
    ]);
    let out = resolved(&plan, &fake(), "444444444444").await;
    assert!(!out[0].accounts.contains(&"999999999999".to_owned()));
    assert!(
        out[0]
            .skipped
            .contains(&("999999999999".to_owned(), Skip::ManagementAccount))
    );
    assert_eq!(out[1].accounts, ["444444444444"]);
    assert_eq!(
        out[1].refused,
        [("999999999999".to_owned(), Skip::ManagementAccount)]
    );
}

#[tokio::test]
async fn unknown_entries_are_reported_not_guessed() {
    let plan = plan_with(&[(
        &["111111111111"],
        &["ou-root-nothere1", "Root/Workloads/Staging", "r-other"],
        &[],
    )]);
    let out = resolved(&plan, &fake(), "999999999999").await;
    assert_eq!(out[0].accounts, ["111111111111"]);
    assert_eq!(
        out[0].unknown,
        ["ou-root-nothere1", "Root/Workloads/Staging", "r-other"]
    );
}

#[tokio::test]
async fn each_parent_is_listed_once_a_few_calls_per_ou_not_per_account() {
    let plan = plan_with(&[
        (&[], &["r-root"], &[]),
        (&[], &["ou-root-workload1", "Root/Workloads/Prod"], &[]),
    ]);
    let fake = fake();
    read(&fake, &plan).await.unwrap();
    // ListRoots, then two listings for each of the 5 parents (root and 4 OUs).
    assert_eq!(fake.0.borrow().org.as_ref().unwrap().calls, 1 + 2 * 5);
}

#[tokio::test]
async fn accounts_only_plans_read_the_organization_and_nothing_else() {
    let plan = plan_with(&[(&["222222222222"], &[], &[])]);
    let fake = fake();
    let view = read(&fake, &plan).await.unwrap();
    assert_eq!(fake.0.borrow().org.as_ref().unwrap().calls, 0);
    assert_eq!(
        view.organization.map(|o| o.management_account).as_deref(),
        Some("999999999999")
    );
    // Its state is not known without a listing: it is assigned as written.
    let out = resolve(
        &plan.identity_center.as_ref().unwrap().assignments[0],
        &OrgView::default(),
        None,
    );
    assert_eq!(out.accounts, ["222222222222"]);
}

#[tokio::test]
async fn without_an_organization_every_ou_entry_is_unknown() {
    let plan = plan_with(&[(&[], &["r-root"], &[])]);
    let fake = Fake::new();
    let view = read(&fake, &plan).await.unwrap();
    let out = resolve(
        &plan.identity_center.as_ref().unwrap().assignments[0],
        &view,
        Some("1"),
    );
    assert_eq!(out.unknown, ["r-root"]);
    assert!(out.accounts.is_empty());
}

#[test]
fn an_account_moved_between_ous_follows_its_new_ou() {
    let mut org = org();
    org.move_account("333333333333", "ou-root-security1");
    let view = OrgView {
        units: org.units.clone(),
        accounts: org.accounts.clone(),
        ..OrgView::default()
    };
    let ids = |parent| -> Vec<String> {
        view.accounts_under(parent)
            .iter()
            .map(|a| a.id.clone())
            .collect()
    };
    assert_eq!(ids("ou-root-security1"), ["444444444444", "333333333333"]);
    assert!(!ids("ou-root-workload1").contains(&"333333333333".to_owned()));
}

/// Root ─ ou-root-prod0001 (listed): 111 (ACTIVE), 222 (SUSPENDED); the root: 999 (ACTIVE).
fn read_view() -> OrgView {
    let org = org();
    OrgView {
        organization: Some(crate::aws::Organization {
            id: "o-1".into(),
            management_account: "999999999999".into(),
        }),
        roots: vec![crate::aws::OrgUnit {
            id: FakeOrg::ROOT.into(),
            name: "Root".into(),
        }],
        units: org.units.clone(),
        accounts: org.accounts.clone(),
        missing: Default::default(),
    }
}

fn entry(accounts: &[&str], units: &[&str]) -> Assignment {
    plan_with(&[(accounts, units, &[])])
        .identity_center
        .unwrap()
        .assignments
        .remove(0)
}

#[test]
fn an_ou_the_view_never_read_is_unknown_and_a_nested_one_is_known() {
    let view = read_view();
    let out = resolve(&entry(&[], &["ou-root-unread01"]), &view, None);
    assert_eq!(out.unknown, ["ou-root-unread01"]);
    let out = resolve(&entry(&[], &["ou-root-prod0001"]), &view, None);
    assert!(out.unknown.is_empty(), "{out:?}");
    assert_eq!(out.accounts, ["111111111111"]);
}

#[test]
fn a_listed_account_the_organization_shows_suspended_is_skipped() {
    let out = resolve(
        &entry(&["222222222222", "111111111111"], &[]),
        &read_view(),
        None,
    );
    assert_eq!(out.accounts, ["111111111111"]);
    assert_eq!(
        out.skipped,
        [(
            "222222222222".to_owned(),
            Skip::NotActive("SUSPENDED".to_owned())
        )]
    );
}

#[test]
fn an_account_refused_by_name_is_not_also_listed_as_skipped_under_its_ou() {
    let out = resolve(
        &entry(&["999999999999"], &["r-root"]),
        &read_view(),
        Some("444444444444"),
    );
    assert_eq!(
        out.refused,
        [("999999999999".to_owned(), Skip::ManagementAccount)]
    );
    assert!(
        !out.skipped.iter().any(|(id, _)| id == "999999999999"),
        "{out:?}"
    );
    assert!(
        out.skipped.iter().any(|(id, _)| id == "222222222222"),
        "{out:?}"
    );
}

/// An organization of `units` OUs, all under the root.
fn flat_org(units: usize) -> Fake {
    let mut org = FakeOrg::new("999999999999");
    for n in 0..units {
        org = org.unit(
            FakeOrg::ROOT,
            &format!("ou-root-{n:08}"),
            &format!("Unit{n}"),
        );
    }
    let fake = Fake::new();
    fake.0.borrow_mut().org = Some(org);
    fake
}

#[tokio::test]
async fn at_most_max_units_ous_are_read_and_one_more_stops_the_read() {
    let plan = plan_with(&[(&[], &["r-root"], &[])]);
    // The root and MAX_UNITS - 1 OUs: MAX_UNITS parents read.
    let view = read(&flat_org(read::MAX_UNITS - 1), &plan).await.unwrap();
    assert_eq!(view.units[FakeOrg::ROOT].len(), read::MAX_UNITS - 1);
    let error = read(&flat_org(read::MAX_UNITS), &plan)
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains(&format!("more than {} OUs", read::MAX_UNITS)),
        "{error}"
    );
}

#[tokio::test]
async fn a_listing_that_fails_is_an_error_and_one_that_finds_no_parent_is_an_unknown_entry() {
    let plan = plan_with(&[(&[], &["ou-root-workload1"], &[])]);
    for operation in ["ListOrganizationalUnitsForParent", "ListAccountsForParent"] {
        for kind in [AwsErrorKind::AccessDenied, AwsErrorKind::Throttling] {
            let fake = fake();
            fake.0.borrow_mut().org.as_mut().unwrap().failing = [(operation, kind)].into();
            let error = read(&fake, &plan).await.unwrap_err();
            assert_eq!((error.operation, error.kind), (operation, kind));
        }
        let fake = fake();
        let failing = [(operation, AwsErrorKind::DoesNotExist)].into();
        fake.0.borrow_mut().org.as_mut().unwrap().failing = failing;
        let view = read(&fake, &plan).await.unwrap();
        assert!(view.missing.contains("ou-root-workload1"), "{operation}");
    }
}
