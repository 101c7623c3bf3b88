//! The executor against the in-memory [`Fake`] cloud: idempotency, gates that wait or stop,
//! ambiguity, dry runs. Fast, no emulator needed.

use std::time::Duration;

use secrecy::SecretString;

use super::test_support::{Clock, execute, fast_policy, runtime, test_secrets};
use super::*;
use crate::apply::events::Collect;
use crate::aws::fake::Fake;
use crate::aws::{DirectoryKind, Group, Tag, TrustInfo, TrustState};

use crate::plan::example;

fn policy() -> WaitPolicy {
    fast_policy(Duration::from_secs(5))
}

fn run_with(
    plan: &Plan,
    cloud: &Fake,
    gates: GateMode,
    policy: WaitPolicy,
    nudge: std::sync::Arc<tokio::sync::Notify>,
) -> Result<ApplyOutcome, ApplyError> {
    let mut events = Collect::default();
    let context = RunContext {
        plan,
        cloud,
        reporter: &mut events,
        options: RunOptions::new(RunMode::Apply, gates, policy).with_nudge(nudge),
    };
    runtime(Clock::Real).block_on(Executor::new(context, test_secrets()).run())
}

fn run(
    plan: &Plan,
    cloud: &Fake,
    mode: RunMode,
    gates: GateMode,
    policy: WaitPolicy,
) -> (Result<ApplyOutcome, ApplyError>, Vec<Event>) {
    execute(plan, cloud, mode, gates, policy, Clock::Real)
}

fn synced(directory_id: &str) -> Group {
    synced_group(directory_id, "g-1", "AWS-SSO-Users")
}

fn synced_group(directory_id: &str, id: &str, name: &str) -> Group {
    Group {
        id: id.to_owned(),
        display_name: format!("{name}@corp.example.com"),
        issuers: vec![format!(
            "arn:aws:ds:us-east-1:123456789012:directory/{directory_id}"
        )],
    }
}

/// The trust example's groups synced and its `existing: true` permission set present.
fn trust_access(cloud: &Fake, directory_id: &str) {
    let mut state = cloud.0.borrow_mut();
    state.groups = vec![
        synced(directory_id),
        synced_group(directory_id, "g-2", "AWS-Admins"),
    ];
    state.access.sets.insert(
        format!("{}/ps-admin", crate::aws::fake::access::INSTANCE),
        crate::aws::fake::access::FakeSet {
            name: "AdministratorAccess".to_owned(),
            ..Default::default()
        },
    );
}

#[test]
fn ad_connector_is_created_once_and_apply_stops_at_the_identity_source_gate() {
    let plan = example("ad-connector.yaml");
    let cloud = Fake::new();
    let (outcome, _) = run(&plan, &cloud, RunMode::Apply, GateMode::Stop, policy());
    let Ok(ApplyOutcome::Paused { gate, instructions }) = outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(gate, Step::IdentitySourceGate);
    assert!(instructions.contains("ACCEPT"), "{instructions}");
    assert_eq!(
        cloud.0.borrow().mutations,
        vec!["ConnectDirectory d-0000000000"]
    );
    let (again, _) = run(&plan, &cloud, RunMode::Apply, GateMode::Stop, policy());
    assert!(matches!(again, Ok(ApplyOutcome::Paused { .. })));
    assert_eq!(
        cloud.0.borrow().mutations.len(),
        1,
        "a re-run changed something"
    );
}

#[test]
fn a_waiting_gate_polls_until_synced_groups_appear() {
    let plan = example("ad-connector.yaml");
    let cloud = Fake::new();
    {
        let mut state = cloud.0.borrow_mut();
        state.groups = vec![synced("d-0000000000")];
        // The first read is the one made alongside the steps, right after the instance check.
        state.groups_after = 4;
    }
    let (outcome, events) = run(&plan, &cloud, RunMode::Apply, GateMode::Wait, policy());
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    assert_eq!(cloud.0.borrow().list_groups_calls, 5);
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::Gate(text) if text.contains("Change identity source")))
    );
    let waits = events
        .iter()
        .filter(|e| matches!(e, Event::Waiting { .. }))
        .count();
    // The first check happens before the instructions are shown; two more found nothing.
    assert_eq!(waits, 2);
    // Then the example's two permission sets and its one assignment are created.
    let state = cloud.0.borrow();
    assert_eq!(state.access.sets.len(), 2);
    assert_eq!(state.access.assignments.len(), 1);
}

#[test]
fn a_waiting_gate_that_times_out_pauses_instead_of_failing() {
    let plan = example("ad-connector.yaml");
    let cloud = Fake::new();
    let short = WaitPolicy {
        timeout: Duration::from_millis(20),
        ..policy()
    };
    let (outcome, _) = run(&plan, &cloud, RunMode::Apply, GateMode::Wait, short);
    assert!(
        matches!(
            outcome,
            Ok(ApplyOutcome::Paused {
                gate: Step::IdentitySourceGate,
                ..
            })
        ),
        "{outcome:?}"
    );
}

#[test]
fn the_trust_passes_both_waiting_gates_once_the_evidence_appears() {
    let plan = example("trust.yaml");
    let cloud = Fake::new();
    {
        let mut state = cloud.0.borrow_mut();
        state.verify_after = 2;
    }
    trust_access(&cloud, "d-0000000000");
    let (outcome, events) = run(&plan, &cloud, RunMode::Apply, GateMode::Wait, policy());
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    let state = cloud.0.borrow();
    assert_eq!(
        state.mutations,
        vec![
            "CreateMicrosoftAD d-0000000000",
            "CreateTrust t-0000000000",
            "VerifyTrust t-0000000000",
            "VerifyTrust t-0000000000",
            "VerifyTrust t-0000000000",
            "CreatePermissionSet ReadOnly",
            "AttachManagedPolicyToPermissionSet arn:aws:sso:::instance/ssoins-0000000000000000/ps-0000000000000001",
            "PutInlinePolicyToPermissionSet arn:aws:sso:::instance/ssoins-0000000000000000/ps-0000000000000001",
            "CreateAccountAssignment 111122223333",
            "CreateAccountAssignment 111122223333",
            "CreateAccountAssignment 444455556666",
        ]
    );
    assert_eq!(state.trusts[0].state, TrustState::Verified);
    assert!(events.iter().any(
        |e| matches!(e, Event::Gate(text) if text.contains("CreateLocalSideOfTrustRelationship"))
    ));
}

#[test]
fn two_directories_tagged_as_the_plan_s_stop_apply() {
    let plan = example("ad-connector.yaml");
    let cloud = Fake::new();
    let tag = vec![Tag {
        key: PLAN_TAG.to_owned(),
        value: plan.metadata.name.clone(),
    }];
    for id in ["d-1111111111", "d-2222222222"] {
        let directory = Fake::directory(id, "corp.example.com", DirectoryKind::AdConnector);
        cloud
            .0
            .borrow_mut()
            .directories
            .push((directory, tag.clone()));
    }
    let (outcome, _) = run(&plan, &cloud, RunMode::Apply, GateMode::Stop, policy());
    let text = outcome.unwrap_err().to_string();
    assert!(text.contains("d-1111111111, d-2222222222"), "{text}");
    assert!(cloud.0.borrow().mutations.is_empty());
}

#[test]
fn an_existing_one_way_trust_is_refused_with_the_fix() {
    let plan = example("trust.yaml");
    let cloud = Fake::new();
    let tag = vec![Tag {
        key: PLAN_TAG.to_owned(),
        value: plan.metadata.name.clone(),
    }];
    let directory = Fake::directory(
        "d-3333333333",
        "aws.corp.example.com",
        DirectoryKind::MicrosoftAd,
    );
    cloud.0.borrow_mut().directories.push((directory, tag));
    cloud.0.borrow_mut().trusts.push(TrustInfo {
        id: "t-3333333333".to_owned(),
        directory_id: "d-3333333333".to_owned(),
        remote_domain: "corp.example.com".to_owned(),
        direction: "One-Way: Outgoing".to_owned(),
        trust_type: "Forest".to_owned(),
        selective_auth: "Disabled".to_owned(),
        state: TrustState::Verified,
        state_reason: String::new(),
    });
    let (outcome, _) = run(&plan, &cloud, RunMode::Apply, GateMode::Stop, policy());
    let text = outcome.unwrap_err().with_fix();
    assert!(
        text.contains("`One-Way: Outgoing`") && text.contains("delete that trust"),
        "{text}"
    );
    assert!(cloud.0.borrow().mutations.is_empty());
}

#[test]
fn a_dry_run_lists_the_calls_with_references_and_changes_nothing() {
    let plan = example("trust.yaml");
    let cloud = Fake::new();
    let (outcome, events) = run(&plan, &cloud, RunMode::DryRun, GateMode::Stop, policy());
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    let calls: Vec<&Call> = events
        .iter()
        .filter_map(|e| match e {
            Event::WouldCall(call) => Some(call),
            _ => None,
        })
        .collect();
    let operations: Vec<&str> = calls.iter().map(|c| c.operation).collect();
    assert_eq!(
        operations,
        vec![
            "CreateMicrosoftAD",
            "CreateTrust",
            "VerifyTrust",
            "CreatePermissionSet",
            "AttachManagedPolicyToPermissionSet",
            "PutInlinePolicyToPermissionSet",
            "CreateAccountAssignment",
            "CreateAccountAssignment",
            "CreateAccountAssignment"
        ]
    );
    let trust = calls[1].to_string();
    assert!(
        trust.contains("TrustPassword: {env: ADSSO_TRUST_PASSWORD}"),
        "{trust}"
    );
    assert!(
        trust.contains("DirectoryId: <id of the new directory>"),
        "{trust}"
    );
    assert!(cloud.0.borrow().mutations.is_empty());
}

#[test]
fn a_stale_verify_failed_right_after_verify_trust_is_waited_out_but_not_forever() {
    let plan = example("trust.yaml");
    for (stale, converges) in [(2, true), (10, false)] {
        let cloud = Fake::new();
        {
            let mut state = cloud.0.borrow_mut();
            state.stale_after_verify = stale;
        }
        trust_access(&cloud, "d-0000000000");
        let (outcome, _) = run(&plan, &cloud, RunMode::Apply, GateMode::Stop, policy());
        match (converges, outcome) {
            (true, Ok(ApplyOutcome::Done)) => {}
            (false, Err(ApplyError::TrustFailed { state, .. })) => {
                assert_eq!(state, "VerifyFailed")
            }
            (_, other) => panic!("stale {stale}: {other:?}"),
        }
    }
}

#[test]
fn enter_at_a_waiting_gate_checks_at_once() {
    let plan = example("ad-connector.yaml");
    let cloud = Fake::new();
    {
        let mut state = cloud.0.borrow_mut();
        state.groups = vec![synced("d-0000000000")];
        state.groups_after = 2;
    }
    let slow = WaitPolicy {
        initial: Duration::from_secs(30),
        max: Duration::from_secs(30),
        timeout: Duration::from_secs(120),
    };
    let nudge = std::sync::Arc::new(tokio::sync::Notify::new());
    nudge.notify_one(); // the operator pressed Enter
    let started = std::time::Instant::now();
    let outcome = run_with(&plan, &cloud, GateMode::Wait, slow, nudge);
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_password_that_breaks_aws_rules_stops_apply_before_any_call() {
    let mut weak = test_secrets();
    weak.trust = Some(SecretString::from("Price£5"));
    let error = weak.check_rules().unwrap_err();
    assert_eq!(
        error.to_string(),
        "the trust password does not meet AWS's rules: character 6 is not a letter, a digit, ASCII punctuation or a space (the character is not shown); nothing was sent to AWS"
    );
    assert!(test_secrets().check_rules().is_ok());
}
