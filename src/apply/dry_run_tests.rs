//! `apply --dry-run` lists exactly the mutating calls the real run then makes, in order and with
//! the same parameters: against the in-memory [`Fake`], fresh and after drift.

use std::time::Duration;

use super::assignment_tests::{apply, both_groups, plan, ready, sso_mutations};
use super::test_support::{Clock, execute, fast_policy};
use super::*;
use crate::aws::fake::Fake;

/// The calls a dry run lists.
pub(super) fn dry_run(plan: &Plan, cloud: &Fake) -> Vec<Call> {
    let policy = fast_policy(Duration::from_secs(1));
    let (outcome, events) = execute(
        plan,
        cloud,
        RunMode::DryRun,
        GateMode::Stop,
        policy,
        Clock::Paused,
    );
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    events
        .into_iter()
        .filter_map(|e| match e {
            Event::WouldCall(call) => Some(call),
            _ => None,
        })
        .collect()
}

/// The Identity Center operations of a dry run's calls (as [`sso_mutations`] keeps them).
pub(super) fn sso_operations(calls: &[Call]) -> Vec<&'static str> {
    calls
        .iter()
        .filter(|c| c.service == "sso-admin")
        .map(|c| c.operation)
        .collect()
}

/// The operation names of the fake's mutations, from `from` on.
pub(super) fn made(cloud: &Fake, from: usize) -> Vec<String> {
    sso_mutations(cloud)
        .iter()
        .skip(from)
        .map(|m| m.split(' ').next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_fresh_dry_run_lists_the_calls_the_real_run_makes_with_their_parameters() {
    let plan = plan();
    let cloud = ready(both_groups());
    let calls = dry_run(&plan, &cloud);
    assert!(cloud.0.borrow().mutations.is_empty());
    let create = calls
        .iter()
        .find(|c| c.operation == "CreatePermissionSet")
        .unwrap();
    let param = |name: &str| {
        create
            .params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(
        param("Description").as_deref(),
        Some("Created by adsso for plan corp-to-identity-center")
    );
    assert_eq!(
        param("Tags").as_deref(),
        Some("Owner=platform-team, adsso:plan=corp-to-identity-center")
    );
    let listed = sso_operations(&calls);
    let (outcome, _) = apply(&plan, &cloud);
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    assert_eq!(made(&cloud, 0), listed);
    assert_eq!(
        listed
            .iter()
            .filter(|o| o.starts_with("CreateAccount"))
            .count(),
        3
    );
}

#[test]
fn a_dry_run_after_drift_lists_the_changes_and_the_provisioning() {
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
        set.inline = None;
    }
    let before = sso_mutations(&cloud).len();
    let calls = dry_run(&plan, &cloud);
    let listed = sso_operations(&calls);
    assert_eq!(
        listed,
        vec![
            "UpdatePermissionSet",
            "PutInlinePolicyToPermissionSet",
            "ProvisionPermissionSet"
        ]
    );
    assert!(
        calls.iter().all(|c| c
            .params
            .iter()
            .any(|(n, v)| *n == "PermissionSetArn" && v.contains("ps-"))),
        "{calls:?}"
    );
    let (outcome, _) = apply(&plan, &cloud);
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    assert_eq!(made(&cloud, before), listed);
}
