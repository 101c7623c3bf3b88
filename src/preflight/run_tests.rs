//! Which domains a run checks: every domain by default, in the plan's order, each check naming
//! its domain; one domain when asked. The DNS servers are TEST-NET addresses (RFC 5737) that
//! nothing answers, with a short probe limit, so no network is needed.

use std::time::Duration;

use super::*;
use crate::plan::SelfManagedDomains;

fn plan_of(names: &[&str]) -> Plan {
    let path = format!("{}/assets/examples/trust.yaml", env!("CARGO_MANIFEST_DIR"));
    let mut plan = crate::plan::parse(&std::fs::read(path).unwrap())
        .unwrap()
        .plan;
    let domains = names
        .iter()
        .enumerate()
        .map(|(index, name)| SelfManaged {
            domain: (*name).to_owned(),
            netbios_name: format!("DOM{index}"),
            dns_servers: vec![format!("192.0.2.{}", index + 1)],
            trust: None,
        })
        .collect();
    plan.self_managed = SelfManagedDomains::several(domains).unwrap();
    plan
}

fn options() -> Options {
    Options {
        timeout: Duration::from_millis(200),
        tls: ldap::tls_config(None).unwrap(),
        plain: PlainLdap::Refuse,
        bind: None,
    }
}

#[test]
fn every_domain_is_checked_in_the_plans_order_and_one_when_asked() {
    let plan = plan_of(&["corp.example.com", "emea.example.net", "apac.example.org"]);
    let all = crate::runtime::block_on(run(&plan, None, &options())).unwrap();
    assert_eq!(
        all.domains(),
        ["corp.example.com", "emea.example.net", "apac.example.org"]
    );
    assert!(all.checks.iter().all(|check| !check.domain.is_empty()));
    assert!(!all.passed());
    let one = crate::runtime::block_on(run_domains(&plan, Some(1), None, &options())).unwrap();
    assert_eq!(one.domains(), ["emea.example.net"]);
    assert!(
        one.checks
            .iter()
            .any(|check| check.id == crate::checks::CheckId::DnsServer)
    );
    let none = crate::runtime::block_on(run_domains(&plan, Some(3), None, &options())).unwrap();
    assert!(none.checks.is_empty());
}
