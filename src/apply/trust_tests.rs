//! AWS's own rules for what a trust plan finds: an existing trust with another TrustType or
//! SelectiveAuth, an existing directory that is Impaired, Inoperable or Hybrid Edition, and
//! VerifyTrust failures that waiting cannot fix. Against the in-memory [`Fake`].

use std::time::Duration;

use super::test_support::{Clock, execute, fast_policy};
use super::*;
use crate::aws::fake::Fake;
use crate::aws::{AwsErrorKind, DirectoryKind, DirectoryStage, Tag, TrustInfo, TrustState};

const DIRECTORY: &str = "d-4444444444";

fn plan() -> Plan {
    let path = format!("{}/assets/examples/trust.yaml", env!("CARGO_MANIFEST_DIR"));
    crate::plan::load(&std::fs::read(path).unwrap())
        .unwrap()
        .0
        .plan
}

/// The trust example using the existing directory [`DIRECTORY`] instead of creating one.
fn existing_plan() -> Plan {
    let mut plan = plan();
    let trust = plan.connection.trust.as_mut().unwrap();
    trust.managed_ad.create = None;
    trust.managed_ad.existing_directory_id = Some(DIRECTORY.to_owned());
    plan
}

fn run(plan: &Plan, cloud: &Fake, gates: GateMode) -> Result<ApplyOutcome, ApplyError> {
    // The gates measure real time: a short timeout ends the identity-source gate's wait.
    let policy = fast_policy(Duration::from_secs(1));
    execute(plan, cloud, RunMode::Apply, gates, policy, Clock::Paused).0
}

/// A fake holding the plan's tagged Managed AD.
fn with_directory(plan: &Plan, edit: impl FnOnce(&mut crate::aws::Directory)) -> Fake {
    let cloud = Fake::new();
    let mut directory = Fake::directory(
        DIRECTORY,
        "aws.corp.example.com",
        DirectoryKind::MicrosoftAd,
    );
    directory.edition = Some("Enterprise".to_owned());
    edit(&mut directory);
    let tag = vec![Tag {
        key: PLAN_TAG.to_owned(),
        value: plan.metadata.name.clone(),
    }];
    cloud.0.borrow_mut().directories.push((directory, tag));
    cloud
}

fn trust(trust_type: &str, selective_auth: &str) -> TrustInfo {
    TrustInfo {
        id: "t-4444444444".to_owned(),
        directory_id: DIRECTORY.to_owned(),
        remote_domain: "corp.example.com".to_owned(),
        direction: "Two-Way".to_owned(),
        trust_type: trust_type.to_owned(),
        selective_auth: selective_auth.to_owned(),
        state: TrustState::Verified,
        state_reason: String::new(),
    }
}

#[test]
fn an_existing_trust_with_other_settings_is_refused_with_both_values_and_the_fixes() {
    let plan = existing_plan();
    let cloud = with_directory(&plan, |_| {});
    cloud
        .0
        .borrow_mut()
        .trusts
        .push(trust("External", "Enabled"));
    let error = run(&plan, &cloud, GateMode::Stop).unwrap_err();
    assert!(
        matches!(error, ApplyError::TrustSettingsDiffer { .. }),
        "{error:?}"
    );
    let text = error.to_string();
    // What happened is the message; the fixes are the diagnostic's help.
    let help = miette::Diagnostic::help(&error)
        .map(|h| h.to_string())
        .unwrap_or_default();
    assert!(
        text.contains("TrustType `External` (the plan: `Forest`)"),
        "{text}"
    );
    assert!(
        text.contains("SelectiveAuth `Enabled` (the plan: `Disabled`)"),
        "{text}"
    );
    assert!(
        help.contains("cannot be changed: delete that trust"),
        "{help}"
    );
    assert!(help.contains("UpdateTrust"), "{help}");
    assert!(text.contains("nothing was changed"), "{text}");
    assert!(cloud.0.borrow().mutations.is_empty());
}

#[test]
fn only_the_differing_setting_is_named_and_a_matching_trust_is_used() {
    let plan = existing_plan();
    let cloud = with_directory(&plan, |_| {});
    cloud.0.borrow_mut().trusts.push(trust("Forest", "Enabled"));
    let text = run(&plan, &cloud, GateMode::Stop).unwrap_err().to_string();
    assert!(text.contains("SelectiveAuth `Enabled`"), "{text}");
    assert!(!text.contains("TrustType"), "{text}");

    let cloud = with_directory(&plan, |_| {});
    cloud
        .0
        .borrow_mut()
        .trusts
        .push(trust("Forest", "Disabled"));
    let outcome = run(&plan, &cloud, GateMode::Stop);
    assert!(
        matches!(outcome, Ok(ApplyOutcome::Paused { .. })),
        "{outcome:?}"
    );
}

#[test]
fn an_impaired_inoperable_or_hybrid_directory_is_refused_before_any_change() {
    let plan = existing_plan();
    type Edit = Box<dyn Fn(&mut crate::aws::Directory)>;
    let cases: [(&str, Edit); 3] = [
        (
            "is Impaired (the security group was deleted)",
            Box::new(|d| {
                d.stage = DirectoryStage::from_name("Impaired");
                d.stage_reason = "the security group was deleted".to_owned();
            }),
        ),
        (
            "is Inoperable",
            Box::new(|d| d.stage = DirectoryStage::from_name("Inoperable")),
        ),
        (
            "Edition Hybrid, which does not support trusts",
            Box::new(|d| d.edition = Some("Hybrid".to_owned())),
        ),
    ];
    for (expected, edit) in cases {
        let cloud = with_directory(&plan, |d| edit(d));
        let error = run(&plan, &cloud, GateMode::Stop).unwrap_err();
        assert!(
            matches!(
                error,
                ApplyError::ExistingDirectoryUnusable { .. }
                    | ApplyError::ExistingDirectoryHybrid { .. }
            ),
            "{error:?}"
        );
        let text = error.to_string();
        assert!(text.contains(expected), "{text}");
        assert!(text.contains("nothing was changed"), "{text}");
        assert!(cloud.0.borrow().mutations.is_empty(), "{expected}");
    }
}

#[test]
fn verify_trust_errors_that_waiting_cannot_fix_end_apply_at_once() {
    for kind in [
        AwsErrorKind::AccessDenied,
        AwsErrorKind::DoesNotExist,
        AwsErrorKind::Unsupported,
    ] {
        let plan = existing_plan();
        let cloud = with_directory(&plan, |_| {});
        {
            let mut state = cloud.0.borrow_mut();
            state.verify_after = 1000;
            state.verify_error = Some(kind);
        }
        let error = run(&plan, &cloud, GateMode::Wait).unwrap_err();
        assert!(
            matches!(&error, ApplyError::Aws(e) if e.kind == kind),
            "{error:?}"
        );
        assert!(
            error.to_string().contains("ds:VerifyTrust failed"),
            "{error}"
        );
        assert_eq!(cloud.0.borrow().verify_calls, 1, "{kind:?}");
    }
}

#[test]
fn verify_trust_keeps_waiting_while_the_other_side_cannot_be_contacted() {
    for kind in [AwsErrorKind::Client, AwsErrorKind::Service] {
        let plan = existing_plan();
        let cloud = with_directory(&plan, |_| {});
        {
            let mut state = cloud.0.borrow_mut();
            state.verify_after = 3;
            state.verify_error = Some(kind);
        }
        let outcome = run(&plan, &cloud, GateMode::Wait);
        let Ok(ApplyOutcome::Paused { gate, .. }) = outcome else {
            panic!("{kind:?}: {outcome:?}");
        };
        assert_eq!(gate, Step::IdentitySourceGate);
        let state = cloud.0.borrow();
        assert_eq!(state.verify_calls, 4, "{kind:?}");
        assert!(state.trusts.iter().all(|t| t.state == TrustState::Verified));
    }
}

#[test]
fn network_problems_are_warned_with_their_fix_before_the_on_premises_gate_without_stopping() {
    let plan = existing_plan();
    let cloud = with_directory(&plan, |d| {
        d.vpc_id = Some("vpc-1".to_owned());
        d.subnet_ids = vec!["subnet-a".to_owned(), "subnet-b".to_owned()];
        d.security_group_id = Some("sg-0abc".to_owned());
    });
    // No outbound rule, no network ACL and no route table seen: all three fail.
    let policy = fast_policy(Duration::from_secs(1));
    let (outcome, events) = execute(
        &plan,
        &cloud,
        RunMode::Apply,
        GateMode::Stop,
        policy,
        Clock::Paused,
    );
    assert!(
        matches!(outcome, Ok(ApplyOutcome::Paused { .. })),
        "{outcome:?}"
    );
    let position = |wanted: &dyn Fn(&Event) -> bool| events.iter().position(wanted);
    let warning = |id: &'static str| move |event: &Event| matches!(event, Event::Warning(text) if text.starts_with(id));
    let sg = position(&warning("[network.sg-egress] (corp.example.com) sg-0abc"))
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert!(
        position(&warning("[network.nacl]")).is_some(),
        "{events:#?}"
    );
    assert!(
        position(&warning("[network.route]")).is_some(),
        "{events:#?}"
    );
    let gate = position(&|event| {
        matches!(event, Event::StepStarted { description, .. } if description.starts_with("manual step"))
    })
    .unwrap_or_else(|| panic!("{events:#?}"));
    assert!(sg < gate, "{events:#?}");
    let Event::Warning(text) = &events[sg] else {
        unreachable!()
    };
    assert!(
        text.contains("\nfix: aws ec2 authorize-security-group-egress --group-id sg-0abc"),
        "{text}"
    );
    // One read per resource type, once per run.
    assert_eq!(
        cloud.0.borrow().network_reads,
        vec![
            "DescribeSecurityGroups",
            "DescribeNetworkAcls",
            "DescribeRouteTables"
        ]
    );
}
