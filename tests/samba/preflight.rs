//! `adsso preflight` against a real Samba 4 AD domain controller in a network namespace: the
//! happy path, bad credentials, a disabled account, a dead DNS server, a closed port, a domain
//! without SRV records, TLS-only binds, and a plan of two domains (the DC's and a dead one)
//! reported domain by domain.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::samba_dc::dc;
use assert_cmd::Command;

/// A canary that must never be printed.
const CANARY: &str = "Canary-Wrong-Passw0rd-4711";

/// Serializes the tests that touch the DC's firewall.
pub(crate) static FIREWALL: Mutex<()> = Mutex::new(());

pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
    pub(crate) elapsed: Duration,
}

pub(crate) fn plan(mode: &str, user: &str, dns: &str, domain: &str) -> tempfile::NamedTempFile {
    let connection = match mode {
        "ad-connector" => format!(
            "  mode: ad-connector\n  adConnector:\n    size: Small\n    vpcId: vpc-0123456789abcdef0\n    \
             subnetIds: [subnet-0123456789abcdef0, subnet-0fedcba9876543210]\n    serviceAccount:\n      \
             userName: {user}\n      password: {{env: ADSSO_TEST_SVC_PASSWORD}}\n"
        ),
        _ => "  mode: trust\n  trust:\n    direction: two-way\n    type: forest\n    password: {env: ADSSO_TEST_TRUST_PASSWORD}\n    \
              managedAd:\n      existingDirectoryId: d-0123456789\n"
            .to_owned(),
    };
    let text = format!(
        "apiVersion: adsso/v1\nkind: Plan\nmetadata:\n  name: preflight-test\naws:\n  region: us-east-1\n\
         selfManaged:\n  domain: {domain}\n  netbiosName: CORP\n  dnsServers: [{dns}]\nconnection:\n{connection}"
    );
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), text).unwrap();
    file
}

pub(crate) fn preflight(plan: &tempfile::NamedTempFile, password: &str, extra: &[&str]) -> Run {
    let started = Instant::now();
    let output = Command::cargo_bin("adsso")
        .unwrap()
        .arg("preflight")
        .arg(plan.path())
        .args(extra)
        .env("ADSSO_TEST_SVC_PASSWORD", password)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: started.elapsed(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

pub(crate) fn right_password() -> String {
    dc().get("AD_SVC_PW").to_owned()
}

pub(crate) fn ca_args() -> Vec<String> {
    vec!["--ca-file".into(), dc().ca_pem().display().to_string()]
}

pub(crate) fn args(owned: &[String]) -> Vec<&str> {
    owned.iter().map(String::as_str).collect()
}

pub(crate) fn connector_plan(user: &str) -> tempfile::NamedTempFile {
    plan(
        "ad-connector",
        user,
        dc().get("AD_DNS_IP"),
        dc().get("AD_DOMAIN"),
    )
}

#[test]
fn all_checks_pass_for_the_right_service_account() {
    let plan = connector_plan("svc-adconnector");
    let run = preflight(&plan, &right_password(), &args(&ca_args()));
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("bound as svc-adconnector@corp.example.test over StartTLS"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("DC=corp,DC=example,DC=test"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("pre-authentication required"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("TCP 389 (LDAP): open"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("UDP 88 (Kerberos): open"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("FAIL"), "{}", run.stdout);
    assert!(!run.stdout.contains(&right_password()) && !run.stderr.contains(&right_password()));
}

#[test]
fn json_output_lists_every_check() {
    let plan = connector_plan("svc-adconnector");
    let mut extra = ca_args();
    extra.extend(["--output".into(), "json".into()]);
    let run = preflight(&plan, &right_password(), &args(&extra));
    assert_eq!(run.code, 0, "{}", run.stdout);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let checks = report["checks"].as_array().unwrap();
    assert!(checks.len() >= 10, "{checks:?}");
    // Samba 4.17 provisions the Windows Server 2008 R2 functional levels: below 2012 R2, a
    // warning; everything else passes.
    assert!(
        checks.iter().all(|check| check["status"] == "pass"
            || (check["id"] == "ldap.functional-level" && check["status"] == "warn")),
        "{checks:?}"
    );
    for id in [
        "dns.server",
        "dns.controller",
        "dns.shared-dc",
        "ports.tcp",
        "ports.udp",
        "kerberos.kdc",
        "kerberos.clock-skew",
        "ntp",
        "ldap.bind",
        "ldap.functional-level",
        "ldap.service-account",
    ] {
        assert!(
            checks.iter().any(|check| check["id"] == id),
            "no {id} check"
        );
    }
    assert!(
        checks
            .iter()
            .all(|check| check["subject"].is_string() && check["detail"].is_string()),
        "{checks:?}"
    );
}

#[test]
fn wrong_password_is_named_without_printing_it() {
    let plan = connector_plan("svc-adconnector");
    let run = preflight(&plan, CANARY, &args(&ca_args()));
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("bad credentials: wrong password"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("52e"), "{}", run.stdout);
    assert!(!run.stdout.contains(CANARY) && !run.stderr.contains(CANARY));
}

#[test]
fn disabled_account_is_named() {
    let plan = connector_plan("svc-disabled");
    let run = preflight(&plan, &right_password(), &args(&ca_args()));
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("the account is disabled (AD code 533)"),
        "{}",
        run.stdout
    );
    // Samba's KDC asks for pre-authentication before it looks at the account state (Windows
    // answers KDC error 18 here), so only the bind names the cause; error 18 is unit-tested.
}

#[test]
fn unknown_service_account_is_named_by_the_kdc() {
    let plan = connector_plan("svc-nobody");
    let run = preflight(&plan, &right_password(), &args(&ca_args()));
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("the KDC does not know svc-nobody@CORP.EXAMPLE.TEST"),
        "{}",
        run.stdout
    );
}

#[test]
fn dead_dns_server_fails_within_one_timeout() {
    let dns = format!("10.200.0.99, {}", dc().get("AD_DNS_IP"));
    let plan = plan(
        "ad-connector",
        "svc-adconnector",
        &dns,
        dc().get("AD_DOMAIN"),
    );
    let mut extra = ca_args();
    extra.extend(["--timeout".into(), "2s".into()]);
    let run = preflight(&plan, &right_password(), &args(&extra));
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("DNS 10.200.0.99 over UDP: the server did not answer any query"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("DNS 10.200.0.99 over TCP"),
        "{}",
        run.stdout
    );
    // The live server still finds the DC, and everything else passes.
    assert!(
        run.stdout.contains("bound as svc-adconnector"),
        "{}",
        run.stdout
    );
    assert!(
        run.elapsed < Duration::from_secs(5),
        "took {:?}: more than one 2 s timeout",
        run.elapsed
    );
}

#[test]
fn closed_port_is_told_apart_from_filtered() {
    let _guard = FIREWALL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let dc = dc();
    dc.in_namespace(&["nft", "add", "table", "inet", "adsso_test"]);
    dc.in_namespace(&[
        "nft",
        "add chain inet adsso_test input { type filter hook input priority 0 ; }",
    ]);
    dc.in_namespace(&[
        "nft",
        "add rule inet adsso_test input tcp dport 445 reject with tcp reset",
    ]);
    dc.in_namespace(&["nft", "add rule inet adsso_test input tcp dport 3268 drop"]);
    let plan = plan("trust", "", dc.get("AD_DNS_IP"), dc.get("AD_DOMAIN"));
    let run = preflight(&plan, "", &["--timeout", "1s"]);
    dc.in_namespace(&["nft", "delete", "table", "inet", "adsso_test"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("✗ FAIL  [ports.tcp] dc1.corp.example.test TCP 445 (SMB): closed (refused)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("TCP 3268 (Global Catalog): no answer"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("TCP 636 (LDAPS): open"),
        "{}",
        run.stdout
    );
    // Trust mode binds nothing: no service account, and the KDC probe expects an unknown principal.
    assert!(!run.stdout.contains("bind on"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("KDC on dc1.corp.example.test: the KDC answers"),
        "{}",
        run.stdout
    );
}

#[test]
fn trust_mode_passes_with_every_port_open() {
    let _guard = FIREWALL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let plan = plan("trust", "", dc().get("AD_DNS_IP"), dc().get("AD_DOMAIN"));
    let run = preflight(&plan, "", &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    for port in [
        "53", "88", "135", "389", "445", "464", "636", "3268", "3269",
    ] {
        assert!(
            run.stdout.contains(&format!("TCP {port} (")),
            "port {port} not checked:\n{}",
            run.stdout
        );
    }
}

#[test]
fn domain_without_srv_records_fails_and_skips_the_rest() {
    let plan = plan(
        "ad-connector",
        "svc-adconnector",
        dc().get("AD_DNS_IP"),
        "other.example.test",
    );
    let run = preflight(&plan, &right_password(), &args(&ca_args()));
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("_ldap._tcp.dc._msdcs.other.example.test. (no such name)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("no domain controller was found through SRV records"),
        "{}",
        run.stdout
    );
    // Every check that needs a DC is skipped (an AD Connector plan without groups): ports,
    // NTP, the KDC and its clock, the functional levels, the bind and the service account.
    assert_eq!(run.stdout.matches("- skip").count(), 7, "{}", run.stdout);
}

#[test]
fn plain_ldap_is_refused_without_the_flag() {
    let plan = connector_plan("svc-adconnector");
    // No --ca-file: the test CA is not trusted, so TLS fails and the password must not be sent.
    let run = preflight(&plan, &right_password(), &[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("invalid peer certificate"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("the password was not sent over plain LDAP"),
        "{}",
        run.stdout
    );
    // With the flag, the password goes in clear, and this DC (like AD) refuses a plain simple bind.
    let run = preflight(&plan, &right_password(), &["--allow-plain-ldap"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("requires an encrypted connection"),
        "{}",
        run.stdout
    );
}

#[test]
fn invalid_plan_and_missing_secret_exit_2() {
    let plan = connector_plan("svc-adconnector");
    let output = Command::cargo_bin("adsso")
        .unwrap()
        .arg("preflight")
        .arg(plan.path())
        .env_remove("ADSSO_TEST_SVC_PASSWORD")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("ADSSO_TEST_SVC_PASSWORD"), "{stderr}");
}

/// The wizard's "check connectivity" against the same DC, in a pseudo-terminal.
#[path = "preflight_wizard.rs"]
mod wizard_check;

/// A plan of several domains, reported domain by domain.
#[path = "preflight_domains.rs"]
mod domains;
