//! `adsso preflight` on a trust plan of two domains: the test DC's realm, and a domain whose
//! only DNS server does not exist. The report is grouped by domain, the first passing and the
//! second failing (exit 1); the JSON names each check's domain; `--domain` checks one.

use super::{FIREWALL, preflight};
use crate::samba_dc::dc;

/// A trust plan of two domains: the test DC's realm first, then a domain whose only DNS server
/// (10.255.255.1) does not exist. (Two entries for the same realm are refused by validation,
/// and a second DC in its own realm is not set up: this is the variant with a dead second domain.)
fn two_domain_plan() -> tempfile::NamedTempFile {
    let text = format!(
        "apiVersion: adsso/v1\nkind: Plan\nmetadata:\n  name: preflight-two\naws:\n  region: us-east-1\n\
         selfManaged:\n  - domain: {}\n    netbiosName: CORP\n    dnsServers: [{}]\n  \
         - domain: unreachable.example.test\n    netbiosName: UNREACHABLE\n    dnsServers: [10.255.255.1]\n\
         connection:\n  mode: trust\n  trust:\n    direction: two-way\n    type: forest\n    \
         password: {{env: ADSSO_TEST_TRUST_PASSWORD}}\n    managedAd:\n      existingDirectoryId: d-0123456789\n",
        dc().get("AD_DOMAIN"),
        dc().get("AD_DNS_IP")
    );
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), text).unwrap();
    file
}

#[test]
fn two_domains_are_reported_apart_the_reachable_one_passing() {
    let _guard = FIREWALL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let plan = two_domain_plan();
    let realm = dc().get("AD_DOMAIN").to_owned();
    let run = preflight(&plan, "", &["--timeout", "1s"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let first = run.stdout.find(&format!("══ {realm} ══")).unwrap();
    let second = run.stdout.find("══ unreachable.example.test ══").unwrap();
    assert!(first < second, "{}", run.stdout);
    let (corp, dead) = run.stdout.split_at(second);
    assert!(!corp.contains("FAIL"), "{}", run.stdout);
    assert!(corp.contains(&format!("DNS · {realm}")), "{}", run.stdout);
    assert!(corp.contains("TCP 389 (LDAP): open"), "{}", run.stdout);
    assert!(corp.contains("the KDC answers"), "{}", run.stdout);
    assert!(
        dead.contains("✗ FAIL  [dns.server] DNS 10.255.255.1 over UDP"),
        "{}",
        run.stdout
    );
    assert!(
        dead.contains("- skip  [ports.tcp] domain controllers"),
        "{}",
        run.stdout
    );
    assert!(!dead.contains("✓ pass"), "{}", run.stdout);
    assert!(
        dead.contains(&format!("{realm}: ready (")),
        "{}",
        run.stdout
    );
    assert!(
        dead.contains("unreachable.example.test: NOT ready (0 passed"),
        "{}",
        run.stdout
    );

    // The JSON names each check's domain; none of the first domain's checks fails.
    let json = preflight(&plan, "", &["--timeout", "1s", "--output", "json"]);
    assert_eq!(json.code, 1, "{}", json.stdout);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let checks = report["checks"].as_array().unwrap();
    let of = |domain: &str| -> Vec<&serde_json::Value> {
        checks.iter().filter(|c| c["domain"] == domain).collect()
    };
    assert_eq!(
        of(&realm).len() + of("unreachable.example.test").len(),
        checks.len()
    );
    assert!(of(&realm).len() >= 10, "{checks:?}");
    assert!(
        of(&realm).iter().all(|c| c["status"] != "fail"),
        "{checks:?}"
    );
    assert!(
        of("unreachable.example.test")
            .iter()
            .any(|c| c["status"] == "fail"),
        "{checks:?}"
    );
    // Domain by domain, in the plan's order.
    let last_corp = checks.iter().rposition(|c| c["domain"] == realm.as_str());
    let first_dead = checks
        .iter()
        .position(|c| c["domain"] == "unreachable.example.test");
    assert!(last_corp < first_dead, "{checks:?}");

    // --domain checks that domain only: the reachable one passes (exit 0).
    let one = preflight(&plan, "", &["--timeout", "1s", "--domain", &realm]);
    assert_eq!(one.code, 0, "{}\n{}", one.stdout, one.stderr);
    assert!(!one.stdout.contains("unreachable"), "{}", one.stdout);
    assert!(!one.stdout.contains("══"), "{}", one.stdout);
}
