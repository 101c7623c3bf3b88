//! Tests of the rules for several self-managed domains: each rule names its field, and each
//! limit is tested on both sides.

use super::DOMAIN_PREFIX_SIGN_IN_FROM;
use super::is_child_of;
use crate::plan::model::*;
use crate::plan::secret::SecretRef;
use crate::plan::{Diagnostic, validate};
use crate::text;

fn example(bytes: &[u8]) -> Plan {
    crate::plan::parse(bytes).map(|parsed| parsed.plan).unwrap()
}

fn domain(name: &str, netbios: &str, dns: &[&str]) -> SelfManaged {
    SelfManaged {
        domain: name.to_owned(),
        netbios_name: netbios.to_owned(),
        dns_servers: dns.iter().map(|s| (*s).to_owned()).collect(),
        trust: None,
    }
}

/// The trust example with `count` distinct domains (corp.example.com, then d1.example.net, ...).
fn trust_plan(count: usize) -> Plan {
    let mut plan = example(include_bytes!("../../../assets/examples/trust.yaml"));
    for n in 1..count {
        plan.self_managed.push(domain(
            &format!("d{n}.example.net"),
            &format!("DOM{n}"),
            &[&format!("10.{n}.0.10"), &format!("10.{n}.0.11")],
        ));
    }
    plan
}

fn connector_plan() -> Plan {
    example(include_bytes!("../../../assets/examples/ad-connector.yaml"))
}

fn findings(plan: &Plan, severity: fn(&Diagnostic) -> bool) -> Vec<(String, String)> {
    validate(plan)
        .into_iter()
        .filter(severity)
        .map(|d| (d.path.as_str().to_owned(), d.allowed.clone()))
        .collect()
}

fn errors(plan: &Plan) -> Vec<(String, String)> {
    findings(plan, Diagnostic::is_error)
}

fn warnings(plan: &Plan) -> Vec<(String, String)> {
    findings(plan, |d| !d.is_error())
}

fn entry(plan: &mut Plan, index: usize) -> &mut SelfManaged {
    &mut plan.self_managed.all_mut()[index]
}

#[test]
fn three_distinct_domains_are_valid_without_warnings() {
    assert_eq!(validate(&trust_plan(3)), vec![]);
}

#[test]
fn an_ad_connector_takes_one_domain_and_refuses_two_with_the_reason() {
    let mut plan = connector_plan();
    plan.self_managed =
        SelfManagedDomains::several(vec![plan.self_managed.first().clone()]).unwrap();
    assert_eq!(errors(&plan), vec![]);
    plan.self_managed.push(domain(
        "emea.example.net",
        "EMEA",
        &["10.1.0.10", "10.1.0.11"],
    ));
    assert_eq!(
        errors(&plan),
        vec![(
            "selfManaged".to_owned(),
            text::CONNECTOR_ONE_DOMAIN.to_owned()
        )]
    );
}

#[test]
fn users_sign_in_as_domain_backslash_user_from_four_domains_on() {
    assert_eq!(DOMAIN_PREFIX_SIGN_IN_FROM, 4);
    assert_eq!(warnings(&trust_plan(3)), vec![]);
    assert_eq!(
        warnings(&trust_plan(4)),
        vec![(
            "selfManaged".to_owned(),
            text::DOMAIN_PREFIX_SIGN_IN.to_owned()
        )]
    );
    assert_eq!(errors(&trust_plan(4)), vec![]);
}

#[test]
fn a_domain_listed_twice_is_refused_whatever_its_case() {
    let mut plan = trust_plan(2);
    entry(&mut plan, 1).domain = "CORP.Example.com".to_owned();
    assert_eq!(
        errors(&plan),
        vec![(
            "selfManaged[1].domain".to_owned(),
            text::DOMAINS_DISTINCT.to_owned()
        )]
    );
}

#[test]
fn a_netbios_name_used_twice_is_refused() {
    let mut plan = trust_plan(3);
    entry(&mut plan, 2).netbios_name = "corp".to_owned();
    assert_eq!(
        errors(&plan),
        vec![(
            "selfManaged[2].netbiosName".to_owned(),
            text::NETBIOS_DISTINCT.to_owned()
        )]
    );
}

#[test]
fn the_same_dns_server_set_is_refused_but_a_shared_server_is_not() {
    let mut plan = trust_plan(2);
    entry(&mut plan, 1).dns_servers = vec!["10.0.0.11".to_owned(), "10.0.0.10".to_owned()];
    assert_eq!(
        errors(&plan),
        vec![(
            "selfManaged[1].dnsServers".to_owned(),
            text::DNS_SERVER_SETS_DISTINCT.to_owned()
        )]
    );
    entry(&mut plan, 1).dns_servers = vec!["10.0.0.11".to_owned(), "10.1.0.10".to_owned()];
    assert_eq!(errors(&plan), vec![]);
}

#[test]
fn a_child_domain_of_a_forest_trust_is_refused_only_when_both_are_forest_trusts() {
    let mut plan = trust_plan(2);
    entry(&mut plan, 1).domain = "emea.corp.example.com".to_owned();
    assert_eq!(
        errors(&plan),
        vec![(
            "selfManaged[1].domain".to_owned(),
            text::CHILD_DOMAIN_COVERED.to_owned()
        )]
    );
    entry(&mut plan, 1).trust = Some(TrustOverride {
        trust_type: Some(TrustType::External),
        ..TrustOverride::default()
    });
    assert_eq!(errors(&plan), vec![]);
    entry(&mut plan, 1).trust = None;
    entry(&mut plan, 0).trust = Some(TrustOverride {
        trust_type: Some(TrustType::External),
        ..TrustOverride::default()
    });
    assert_eq!(errors(&plan), vec![]);
}

#[test]
fn child_domains_are_told_by_whole_labels() {
    assert!(is_child_of("emea.corp.example.com", "corp.example.com"));
    assert!(is_child_of("EMEA.Corp.example.com", "corp.EXAMPLE.com"));
    assert!(!is_child_of("xcorp.example.com", "corp.example.com"));
    assert!(!is_child_of("corp.example.com", "corp.example.com"));
    assert!(!is_child_of(".corp.example.com", "corp.example.com"));
    assert!(!is_child_of("corp.example.com", "emea.corp.example.com"));
}

#[test]
fn a_trust_override_is_refused_outside_trust_mode_and_its_password_is_checked() {
    let mut plan = connector_plan();
    plan.self_managed.first_mut().trust = Some(TrustOverride::default());
    assert_eq!(
        errors(&plan),
        vec![(
            "selfManaged.trust".to_owned(),
            text::DOMAIN_TRUST_ONLY.to_owned()
        )]
    );
    let mut plan = trust_plan(2);
    entry(&mut plan, 1).trust = Some(TrustOverride {
        password: Some(SecretRef::Env("1BAD".to_owned())),
        ..TrustOverride::default()
    });
    assert_eq!(
        errors(&plan),
        vec![(
            "selfManaged[1].trust.password.env".to_owned(),
            text::ENV_NAME_ALLOWED.to_owned()
        )]
    );
}

#[test]
fn a_new_managed_ad_differs_from_every_listed_domain() {
    let mut plan = trust_plan(2);
    let create = plan
        .connection
        .trust
        .as_mut()
        .and_then(|t| t.managed_ad.create.as_mut())
        .unwrap();
    create.domain = "D1.example.net".to_owned();
    create.netbios_name = "dom1".to_owned();
    assert_eq!(
        errors(&plan),
        vec![
            (
                "connection.trust.managedAd.create.domain".to_owned(),
                text::MANAGED_DOMAIN_DIFFERS.to_owned()
            ),
            (
                "connection.trust.managedAd.create.netbiosName".to_owned(),
                text::MANAGED_NETBIOS_DIFFERS.to_owned()
            ),
        ]
    );
}

#[test]
fn a_public_dns_server_is_warned_about_on_its_own_domain() {
    let mut plan = trust_plan(2);
    entry(&mut plan, 1).dns_servers = vec!["8.8.8.8".to_owned(), "10.1.0.11".to_owned()];
    assert_eq!(
        warnings(&plan),
        vec![(
            "selfManaged[1].dnsServers".to_owned(),
            text::PUBLIC_DNS_ADVICE.to_owned()
        )]
    );
}
