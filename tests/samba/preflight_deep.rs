//! The deeper preflight checks against the real Samba AD DC: the KDC's and the NTP server's
//! clocks (adsso run under libfaketime, so the DC's clock differs from the one adsso reads), the
//! RPC endpoint mapper and a dynamic RPC range closed with nftables, the functional levels, the
//! service account in each state (locked, expired, password expiring in 10 days, disabled), the
//! plan's groups (nested, empty, with a foreign security principal, missing), and each finding
//! printed once. Every assertion names the check id and status from `--output json`.

use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

use crate::preflight::{
    FIREWALL, Run, args, ca_args, connector_plan, plan, preflight, right_password,
};
use crate::samba_dc::dc;

/// The statuses of the checks with `id` in a JSON report.
fn statuses(run: &Run, id: &str) -> Vec<String> {
    checks(run, id)
        .iter()
        .map(|check| check["status"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// The checks with `id` in a JSON report.
fn checks(run: &Run, id: &str) -> Vec<Value> {
    let report: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|error| panic!("not JSON ({error}):\n{}\n{}", run.stdout, run.stderr));
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|check| check["id"] == id)
        .cloned()
        .collect()
}

/// The check with `id` whose subject contains `subject`.
fn check(run: &Run, id: &str, subject: &str) -> Value {
    checks(run, id)
        .into_iter()
        .find(|check| {
            check["subject"]
                .as_str()
                .unwrap_or_default()
                .contains(subject)
        })
        .unwrap_or_else(|| panic!("no {id} check about {subject}:\n{}", run.stdout))
}

/// A trust plan of the DC's domain whose assignments name `groups`.
fn trust_plan_with_groups(groups: &[&str]) -> tempfile::NamedTempFile {
    let file = plan("trust", "", dc().get("AD_DNS_IP"), dc().get("AD_DOMAIN"));
    if groups.is_empty() {
        return file;
    }
    let mut text = std::fs::read_to_string(file.path()).unwrap();
    text.push_str(
        "identityCenter:\n  permissionSets:\n    - name: ReadOnly\n      sessionDuration: PT8H\n      \
         managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n  assignments:\n",
    );
    for group in groups {
        text.push_str(&format!(
            "    - group: '{group}'\n      permissionSet: ReadOnly\n      accounts: [\"111122223333\"]\n"
        ));
    }
    std::fs::write(file.path(), text).unwrap();
    file
}

/// `adsso preflight --output json` under libfaketime, its clock shifted by `offset` (e.g. `-10m`).
fn preflight_shifted(plan: &tempfile::NamedTempFile, offset: &str) -> Run {
    let library = dc().get("AD_FAKETIME_LIB").to_owned();
    assert!(
        std::path::Path::new(&library).exists(),
        "libfaketime is missing ({library}): tests/peers/samba-dc.sh install brings it"
    );
    let started = std::time::Instant::now();
    let output = Command::cargo_bin("adsso")
        .unwrap()
        .arg("preflight")
        .arg(plan.path())
        .args(["--output", "json"])
        .env("LD_PRELOAD", library)
        .env("FAKETIME", offset)
        // Timers run on the monotonic clock: left alone, so the probe limits stay real.
        .env("DONT_FAKE_MONOTONIC", "1")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

#[test]
fn a_clock_ten_minutes_off_fails_and_ninety_seconds_warns() {
    let plan = trust_plan_with_groups(&[]);
    // adsso's clock 10 minutes behind: the DC's is 10 minutes ahead of it.
    let run = preflight_shifted(&plan, "-10m");
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(statuses(&run, "kerberos.clock-skew"), ["fail"]);
    let skew = check(&run, "kerberos.clock-skew", "dc1");
    let seconds = seconds_in(skew["detail"].as_str().unwrap());
    assert!((590.0..610.0).contains(&seconds), "{skew}");
    assert_eq!(statuses(&run, "ntp"), ["fail"], "{}", run.stdout);
    assert_eq!(statuses(&run, "kerberos.kdc"), ["pass"]);
    let run = preflight_shifted(&plan, "+90");
    assert_eq!(
        statuses(&run, "kerberos.clock-skew"),
        ["warn"],
        "{}",
        run.stdout
    );
    assert_eq!(statuses(&run, "ntp"), ["warn"], "{}", run.stdout);
    let seconds = seconds_in(
        check(&run, "kerberos.clock-skew", "dc1")["detail"]
            .as_str()
            .unwrap(),
    );
    assert!((-100.0..-80.0).contains(&seconds), "{}", run.stdout);
}

/// The signed offset in a detail such as "the KDC's clock is +600.0 s from ...".
fn seconds_in(detail: &str) -> f64 {
    detail
        .split_whitespace()
        .find(|word| word.starts_with('+') || word.starts_with('-'))
        .and_then(|word| word.parse().ok())
        .unwrap_or_else(|| panic!("no offset in {detail}"))
}

#[test]
fn trust_mode_maps_a_dynamic_rpc_port_and_reads_time_and_levels() {
    let _guard = FIREWALL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let plan = trust_plan_with_groups(&["AWS-SSO-Users"]);
    let run = preflight(&plan, "", &["--output", "json"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(statuses(&run, "rpc.endpoint-mapper"), ["pass"]);
    let rpc = check(&run, "rpc.endpoint-mapper", "dc1");
    assert!(
        rpc["detail"]
            .as_str()
            .unwrap()
            .contains("dynamic TCP port 49"),
        "{rpc}"
    );
    assert_eq!(
        statuses(&run, "ntp"),
        ["pass"],
        "chrony serves NTP on the DC"
    );
    assert_eq!(statuses(&run, "kerberos.clock-skew"), ["pass"]);
    // Samba 4.17 provisions the 2008 R2 levels (4): below 2012 R2 warns.
    assert_eq!(statuses(&run, "ldap.functional-level"), ["warn"]);
    assert!(
        check(&run, "ldap.functional-level", "dc1")["detail"]
            .as_str()
            .unwrap()
            .contains("domain Windows Server 2008 R2 (4), forest Windows Server 2008 R2 (4)"),
        "{}",
        run.stdout
    );
    // No account to read groups with in trust mode without --bind-user: said, not hidden.
    let groups = check(&run, "ldap.groups", "sync scope");
    assert_eq!(groups["status"], "skipped");
    assert!(
        groups["detail"].as_str().unwrap().contains("--bind-user"),
        "{groups}"
    );
    assert!(checks(&run, "ldap.service-account").is_empty());
}

#[test]
fn a_closed_dynamic_rpc_range_fails_the_endpoint_mapper() {
    let _guard = FIREWALL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let dc = dc();
    dc.in_namespace(&["nft", "add", "table", "inet", "adsso_rpc"]);
    dc.in_namespace(&[
        "nft",
        "add chain inet adsso_rpc input { type filter hook input priority 0 ; }",
    ]);
    dc.in_namespace(&[
        "nft",
        "add rule inet adsso_rpc input tcp dport 49152-65535 drop",
    ]);
    let plan = trust_plan_with_groups(&[]);
    let run = preflight(&plan, "", &["--output", "json", "--timeout", "1s"]);
    dc.in_namespace(&["nft", "delete", "table", "inet", "adsso_rpc"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(statuses(&run, "rpc.endpoint-mapper"), ["fail"]);
    let rpc = check(&run, "rpc.endpoint-mapper", "dc1");
    assert!(
        rpc["detail"].as_str().unwrap().contains("no answer"),
        "{rpc}"
    );
    assert!(
        rpc["fix"].as_str().unwrap().contains("49152-65535"),
        "{rpc}"
    );
    // TCP 135 itself stays open: the port check passes; the one failure is the dynamic port.
    assert!(
        checks(&run, "ports.tcp")
            .iter()
            .all(|check| check["status"] == "pass"),
        "{}",
        run.stdout
    );
    assert!(
        run.elapsed < Duration::from_secs(4),
        "took {:?}",
        run.elapsed
    );
}

#[test]
fn groups_are_told_apart_and_the_sync_scope_list_printed() {
    let plan = trust_plan_with_groups(&[
        "AWS-SSO-Users",
        "AWS-Admins",
        "AWS-Empty",
        "AWS-External",
        "AWS-Nobody",
        "AWS-*)(objectClass=*",
    ]);
    let output = Command::cargo_bin("adsso")
        .unwrap()
        .arg("preflight")
        .arg(plan.path())
        .args(["--output", "json", "--bind-user", "svc-adconnector"])
        .args(["--bind-password-env", "ADSSO_TEST_BIND_PASSWORD"])
        .args(args(&ca_args()))
        .env("ADSSO_TEST_BIND_PASSWORD", right_password())
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: Duration::ZERO,
    };
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(statuses(&run, "ldap.bind"), ["pass"]);
    let of = |name: &str| check(&run, "ldap.groups", &format!("group {name}"));
    let users = of("AWS-SSO-Users");
    assert_eq!(users["status"], "pass");
    assert!(
        users["detail"]
            .as_str()
            .unwrap()
            .starts_with("1 direct members, 0 of them groups")
    );
    let admins = of("AWS-Admins");
    assert_eq!(admins["status"], "pass");
    assert!(
        admins["detail"]
            .as_str()
            .unwrap()
            .starts_with("2 direct members, 1 of them groups"),
        "{admins}"
    );
    assert_eq!(of("AWS-Empty")["status"], "warn");
    let external = of("AWS-External");
    assert_eq!(external["status"], "warn");
    assert!(
        external["detail"]
            .as_str()
            .unwrap()
            .contains("1 foreign security principals"),
        "{external}"
    );
    assert_eq!(of("AWS-Nobody")["status"], "fail");
    // A filter metacharacter in the name is escaped: it finds nothing rather than everything.
    assert_eq!(of("AWS-*)(objectClass=*")["status"], "fail");
    let scope = check(&run, "ldap.groups", "sync scope");
    assert_eq!(
        scope["fix"].as_str().unwrap(),
        "add these groups to Identity Center's sync scope: AWS-SSO-Users, AWS-Admins, AWS-Empty, \
         AWS-External (IAM Identity Center console -> Settings -> Identity source -> Manage sync -> \
         Add users and groups; there is no API)"
    );
    assert!(!run.stdout.contains(&right_password()) && !run.stderr.contains(&right_password()));
}

#[test]
fn the_service_account_state_is_read_in_each_case() {
    let cases = [
        ("svc-adconnector", "pass", "the password never expires"),
        ("svc-expiring", "warn", "(in 9 days)"),
        ("svc-locked", "fail", "the account is locked out"),
        ("svc-expired", "fail", "the account has expired"),
        ("svc-disabled", "fail", "the account is disabled"),
    ];
    for (user, status, words) in cases {
        let plan = connector_plan(user);
        let mut extra = ca_args();
        extra.extend(["--output".into(), "json".into()]);
        let run = preflight(&plan, &right_password(), &args(&extra));
        let account = check(&run, "ldap.service-account", user);
        assert_eq!(account["status"], status, "{user}: {account}");
        let detail = account["detail"].as_str().unwrap();
        assert!(
            detail.contains(words) || (user == "svc-expiring" && detail.contains("(in 10 days)")),
            "{user}: {account}"
        );
        assert_eq!(
            run.code,
            i32::from(status == "fail"),
            "{user}: {}",
            run.stdout
        );
    }
}

#[test]
fn each_finding_appears_once() {
    // One DNS server: the plan's warning is printed once, and no check is listed twice.
    let plan = connector_plan("svc-adconnector");
    let mut extra = ca_args();
    extra.extend(["--output".into(), "json".into()]);
    let run = preflight(&plan, &right_password(), &args(&extra));
    assert_eq!(
        run.stderr.matches("only one DNS server is given").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        !run.stdout.contains("only one DNS server"),
        "{}",
        run.stdout
    );
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let mut seen = std::collections::HashSet::new();
    for check in report["checks"].as_array().unwrap() {
        let key = format!("{} {} {}", check["id"], check["domain"], check["subject"]);
        assert!(
            seen.insert(key.clone()),
            "listed twice: {key}\n{}",
            run.stdout
        );
    }
}
