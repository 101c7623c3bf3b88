//! Tests of the self-managed domains: both written forms, kept when saved again; an empty list
//! and unknown keys refused with their path and line; per-domain trust overrides.

use super::*;
use crate::plan::{Plan, parse};

const EXAMPLE: &str = include_str!("../../assets/examples/trust.yaml");

const ONE: &str = "selfManaged:
  domain: corp.example.com
  netbiosName: CORP
  dnsServers: [10.0.0.10, 10.0.0.11]
";

fn with_domains(block: &str) -> String {
    assert!(
        EXAMPLE.contains(ONE),
        "the example's selfManaged block changed"
    );
    EXAMPLE.replace(ONE, block)
}

fn two_domains() -> String {
    with_domains(
        "selfManaged:
  - domain: corp.example.com
    netbiosName: CORP
    dnsServers: [10.0.0.10, 10.0.0.11]
  - domain: emea.example.net
    netbiosName: EMEA
    dnsServers: [10.1.0.10]
    trust: {type: external, password: {env: ADSSO_TRUST_PASSWORD_EMEA}}
",
    )
}

fn plan(text: &str) -> Plan {
    parse(text.as_bytes()).unwrap().plan
}

#[test]
fn one_domain_is_a_mapping_and_stays_one_when_saved() {
    let plan = plan(EXAMPLE);
    assert_eq!(plan.self_managed.form(), DomainsForm::Mapping);
    assert_eq!(plan.self_managed.len(), 1);
    assert_eq!(plan.self_managed.first().domain, "corp.example.com");
    assert_eq!(plan.self_managed.path_of(0).as_str(), "selfManaged");
    let saved = serde_saphyr::to_string(&plan).unwrap();
    assert!(
        saved.contains("selfManaged:\n  domain: corp.example.com"),
        "{saved}"
    );
    assert_eq!(super::super::parse(saved.as_bytes()).unwrap().plan, plan);
}

#[test]
fn several_domains_are_a_list_and_stay_a_list_when_saved() {
    let plan = plan(&two_domains());
    let domains = &plan.self_managed;
    assert_eq!(domains.form(), DomainsForm::List);
    assert_eq!(domains.len(), 2);
    assert_eq!(domains.all()[1].domain, "emea.example.net");
    assert_eq!(domains.path_of(1).as_str(), "selfManaged[1]");
    assert_eq!(domains.find("EMEA.example.NET").map(|(i, _)| i), Some(1));
    assert_eq!(domains.find("example.net").map(|(i, _)| i), None);
    let saved = serde_saphyr::to_string(&plan).unwrap();
    assert!(
        saved.contains("selfManaged:\n- domain: corp.example.com"),
        "{saved}"
    );
    assert_eq!(parse(saved.as_bytes()).unwrap().plan, plan);
}

#[test]
fn a_list_of_one_domain_is_kept_a_list() {
    let plan = plan(&with_domains(&format!(
        "selfManaged:\n  - {}",
        ONE.trim_start_matches("selfManaged:\n  ")
            .replace("\n  ", "\n    ")
    )));
    assert_eq!(plan.self_managed.form(), DomainsForm::List);
    assert_eq!(plan.self_managed.len(), 1);
    assert_eq!(plan.self_managed.path_of(0).as_str(), "selfManaged[0]");
}

#[test]
fn an_empty_list_is_refused_at_its_line() {
    let errors = parse(with_domains("selfManaged: []\n").as_bytes()).unwrap_err();
    let error = &errors.0[0];
    assert_eq!(error.problem, crate::text::NO_DOMAINS, "{error:?}");
    assert_eq!(error.position.map(|p| p.line), Some(10), "{error:?}");
}

#[test]
fn an_unknown_key_in_a_listed_domain_is_named_with_its_line() {
    let text = two_domains().replace("    dnsServers: [10.1.0.10]", "    dnsServer: [10.1.0.10]");
    let errors = parse(text.as_bytes()).unwrap_err();
    let error = &errors.0[0];
    let shown = format!("{} {}", error.problem, error.allowed);
    assert!(shown.contains("dnsServer"), "{error:?}");
    assert_eq!(error.position.map(|p| p.line), Some(16), "{error:?}");
}

#[test]
fn a_domain_override_changes_only_what_it_names() {
    let plan = plan(&two_domains());
    let trust = plan.connection.trust.as_ref().unwrap();
    let first = plan.self_managed.all()[0].trust_settings(trust);
    assert_eq!(first.trust_type, TrustType::Forest);
    assert!(!first.selective_auth);
    assert_eq!(
        first.password,
        &SecretRef::Env("ADSSO_TRUST_PASSWORD".into())
    );
    assert!(!first.own_password);
    let second = plan.self_managed.all()[1].trust_settings(trust);
    assert_eq!(second.trust_type, TrustType::External);
    assert!(!second.selective_auth);
    assert_eq!(
        second.password,
        &SecretRef::Env("ADSSO_TRUST_PASSWORD_EMEA".into())
    );
    assert!(second.own_password);
}

#[test]
fn the_last_domain_cannot_be_removed_and_adding_one_makes_a_list() {
    let mut domains = plan(EXAMPLE).self_managed;
    assert_eq!(domains.remove(0), None);
    assert_eq!(domains.remove(1), None);
    let extra = SelfManaged {
        domain: "emea.example.net".into(),
        ..domains.first().clone()
    };
    domains.push(extra);
    assert_eq!(domains.form(), DomainsForm::List);
    assert_eq!(domains.len(), 2);
    assert_eq!(
        domains.remove(0).map(|d| d.domain),
        Some("corp.example.com".into())
    );
    assert_eq!(domains.first().domain, "emea.example.net");
    assert!(SelfManagedDomains::several(Vec::new()).is_none());
}
