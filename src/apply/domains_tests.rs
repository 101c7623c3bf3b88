//! Apply with several self-managed domains, against the in-memory [`Fake`]: one trust per
//! domain with that domain's settings and password, listed alike by a dry run, and a re-run
//! that finds each trust again by its remote domain.

use std::time::Duration;

use super::test_support::{Clock, execute, fast_policy};
use super::*;
use crate::aws::fake::Fake;
use crate::plan::{SecretRef, SelfManaged, TrustOverride, TrustType};

/// The trust example with a second domain, emea.example.net: an external trust with its own
/// password reference.
fn two_domains() -> Plan {
    let path = format!("{}/assets/examples/trust.yaml", env!("CARGO_MANIFEST_DIR"));
    let mut plan = crate::plan::load(&std::fs::read(path).unwrap())
        .unwrap()
        .0
        .plan;
    plan.self_managed.push(SelfManaged {
        domain: "emea.example.net".to_owned(),
        netbios_name: "EMEA".to_owned(),
        dns_servers: vec!["10.1.0.10".to_owned(), "10.1.0.11".to_owned()],
        trust: Some(TrustOverride {
            trust_type: Some(TrustType::External),
            selective_auth: Some(true),
            password: Some(SecretRef::Env("ADSSO_TRUST_PASSWORD_EMEA".to_owned())),
        }),
    });
    assert!(crate::plan::validate(&plan).is_empty());
    plan
}

fn run(plan: &Plan, cloud: &Fake, mode: RunMode) -> (Result<ApplyOutcome, ApplyError>, Vec<Event>) {
    let policy = fast_policy(Duration::from_secs(1));
    execute(plan, cloud, mode, GateMode::Stop, policy, Clock::Paused)
}

#[test]
fn the_steps_have_one_create_trust_per_domain_before_the_gates() {
    let plan = two_domains();
    let steps = plan_steps(&plan);
    let trusts: Vec<&Step> = steps
        .iter()
        .filter(|s| matches!(s, Step::CreateTrust(_)))
        .collect();
    assert_eq!(trusts, [&Step::CreateTrust(0), &Step::CreateTrust(1)]);
    assert_eq!(
        Step::CreateTrust(1).describe(&plan),
        "find or create the two-way external trust to emea.example.net with a conditional \
         forwarder to 10.1.0.10, 10.1.0.11"
    );
    assert_eq!(
        Step::WaitTrustVerified.describe(&plan),
        "wait until the 2 trusts are Verified"
    );
    assert_eq!(
        Step::CreateTrust(2).describe(&plan),
        "no domain selfManaged[2] in this plan"
    );
}

#[test]
fn each_trust_gets_its_domain_s_settings_and_password() {
    let plan = two_domains();
    let cloud = Fake::new();
    let (outcome, _) = run(&plan, &cloud, RunMode::Apply);
    assert!(outcome.is_ok(), "{outcome:?}");
    let state = cloud.0.borrow();
    let settings: Vec<(&str, &str, &str)> = state
        .trusts
        .iter()
        .map(|t| {
            (
                t.remote_domain.as_str(),
                t.trust_type.as_str(),
                t.selective_auth.as_str(),
            )
        })
        .collect();
    assert_eq!(
        settings,
        [
            ("corp.example.com", "Forest", "Disabled"),
            ("emea.example.net", "External", "Enabled"),
        ]
    );
    assert_eq!(
        state
            .trust_passwords
            .get("corp.example.com")
            .map(String::as_str),
        Some("pw-3")
    );
    assert_eq!(
        state
            .trust_passwords
            .get("emea.example.net")
            .map(String::as_str),
        Some("pw-4 emea")
    );
}

#[test]
fn a_rerun_finds_each_trust_by_its_domain_and_creates_none() {
    let plan = two_domains();
    let cloud = Fake::new();
    let _ = run(&plan, &cloud, RunMode::Apply);
    let creates = |cloud: &Fake| {
        cloud
            .0
            .borrow()
            .mutations
            .iter()
            .filter(|m| m.starts_with("CreateTrust"))
            .count()
    };
    assert_eq!(creates(&cloud), 2);
    let _ = run(&plan, &cloud, RunMode::Apply);
    assert_eq!(creates(&cloud), 2);
}

#[test]
fn a_dry_run_lists_each_create_trust_with_its_domain_s_password_reference() {
    let plan = two_domains();
    let cloud = Fake::new();
    let (outcome, events) = run(&plan, &cloud, RunMode::DryRun);
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    let creates: Vec<Vec<(&str, String)>> = events
        .iter()
        .filter_map(|e| match e {
            Event::WouldCall(call) if call.operation == "CreateTrust" => Some(
                call.params
                    .iter()
                    .filter(|(k, _)| {
                        [
                            "RemoteDomainName",
                            "TrustType",
                            "TrustPassword",
                            "SelectiveAuth",
                        ]
                        .contains(k)
                    })
                    .map(|(k, v)| (*k, v.clone()))
                    .collect(),
            ),
            _ => None,
        })
        .collect();
    assert_eq!(creates.len(), 2, "{events:?}");
    assert!(creates[0].contains(&("RemoteDomainName", "corp.example.com".to_owned())));
    assert!(creates[0].contains(&("TrustPassword", "{env: ADSSO_TRUST_PASSWORD}".to_owned())));
    assert!(creates[1].contains(&("TrustType", "External".to_owned())));
    assert!(creates[1].contains(&("SelectiveAuth", "Enabled".to_owned())));
    assert!(creates[1].contains(&(
        "TrustPassword",
        "{env: ADSSO_TRUST_PASSWORD_EMEA}".to_owned()
    )));
    let verifies = events
        .iter()
        .filter(|e| matches!(e, Event::WouldCall(c) if c.operation == "VerifyTrust"))
        .count();
    assert_eq!(verifies, 2);
    assert!(cloud.0.borrow().mutations.is_empty());
}
