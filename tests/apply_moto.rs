//! `apply`, `status`, `destroy` and `onprem-script` against the AWS emulator (moto + adsso's
//! extension, see `tests/peers/moto_ext.py`). Each test starts its own emulator.
// Test helpers fail the test by panicking, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::{Path, PathBuf};

use support::CANARY;
use support::moto::{ACCOUNT, Peer};

const SERVICE_ENV: &str = "ADSSO_SERVICE_ACCOUNT_PASSWORD";
const TRUST_ENV: &str = "ADSSO_TRUST_PASSWORD";
const ADMIN_ENV: &str = "ADSSO_ADMIN_PASSWORD";
/// A Managed AD Admin password moto accepts; also a canary.
const ADMIN_CANARY: &str = "Canary-Admin-8086!x";

const SECRETS: [(&str, &str); 3] = [
    (SERVICE_ENV, CANARY),
    (TRUST_ENV, CANARY),
    (ADMIN_ENV, ADMIN_CANARY),
];

const MUTATING: [&str; 7] = [
    "ConnectDirectory",
    "CreateMicrosoftAD",
    "CreateTrust",
    "VerifyTrust",
    "DeleteTrust",
    "DeleteDirectory",
    "AddTagsToResource",
];

fn ad_connector_plan(account: &str, vpc: &str, subnets: &[String; 2]) -> String {
    format!(
        r#"apiVersion: adsso/v1
kind: Plan
metadata:
  name: corp-ad-connector
aws:
  region: us-east-1
  accountId: "{account}"
selfManaged:
  domain: corp.example.com
  netbiosName: CORP
  dnsServers: [10.0.0.10, 10.0.0.11]
connection:
  mode: ad-connector
  adConnector:
    size: Small
    vpcId: {vpc}
    subnetIds: [{}, {}]
    serviceAccount:
      userName: svc-adconnector
      password: {{env: {SERVICE_ENV}}}
tags: {{Owner: platform-team}}
"#,
        subnets[0], subnets[1]
    )
}

fn trust_plan(vpc: &str, subnets: &[String; 2]) -> String {
    format!(
        r#"apiVersion: adsso/v1
kind: Plan
metadata:
  name: corp-trust
aws:
  region: us-east-1
  accountId: "{ACCOUNT}"
selfManaged:
  domain: corp.example.com
  netbiosName: CORP
  dnsServers: [10.0.0.10, 10.0.0.11]
connection:
  mode: trust
  trust:
    direction: two-way
    type: forest
    selectiveAuth: false
    password: {{env: {TRUST_ENV}}}
    managedAd:
      create:
        domain: aws.corp.example.com
        netbiosName: AWSCORP
        edition: Standard
        vpcId: {vpc}
        subnetIds: [{}, {}]
        adminPassword: {{env: {ADMIN_ENV}}}
"#,
        subnets[0], subnets[1]
    )
}

fn write(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("plan.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Standard error without miette's line wrapping and frame, for searching.
fn flat(text: &str) -> String {
    text.replace(['│', '×'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn no_secret(run: &support::Run) {
    let all = run.all_output();
    assert!(!all.contains(CANARY), "a secret was printed:\n{all}");
    assert!(!all.contains(ADMIN_CANARY), "a secret was printed:\n{all}");
}

fn mutations(peer: &Peer) -> Vec<String> {
    peer.calls()
        .into_iter()
        .filter(|c| MUTATING.iter().any(|m| c.ends_with(&format!(".{m}"))))
        .collect()
}

fn apply(peer: &Peer, plan: &Path) -> support::Run {
    let run = peer.adsso(&["apply", plan.to_str().unwrap(), "--yes"], &SECRETS);
    no_secret(&run);
    run
}

#[test]
fn ad_connector_end_to_end_then_rerun_changes_nothing() {
    let peer = Peer::start();
    peer.post("/_ext/config", r#"{"directoryCreatingReads": 3}"#);
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));

    let first = apply(&peer, &plan);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    assert!(
        first.stdout.contains("Change identity source"),
        "{}",
        first.stdout
    );
    assert!(first.stdout.contains("DELETES"), "{}", first.stdout);
    assert!(
        first.stderr.contains("waiting for directory"),
        "{}",
        first.stderr
    );
    let directories = peer.directories();
    assert_eq!(directories.len(), 1, "{directories:?}");
    let (id, name, kind, stage) = &directories[0];
    assert_eq!(
        (name.as_str(), kind.as_str(), stage.as_str()),
        ("corp.example.com", "ADConnector", "Active")
    );

    peer.sync(id, "corp.example.com", &["AWS-SSO-Users"]);
    let second = apply(&peer, &plan);
    assert_eq!(second.code, Some(0), "{}", second.all_output());
    assert!(
        second.stderr.contains("AWS-SSO-Users@corp.example.com"),
        "{}",
        second.stderr
    );

    let before = mutations(&peer);
    let third = apply(&peer, &plan);
    assert_eq!(third.code, Some(0), "{}", third.all_output());
    assert_eq!(mutations(&peer), before, "a re-run made changes");
    assert_eq!(peer.count("ConnectDirectory"), 1);
    assert_eq!(peer.directories().len(), 1);
}

#[test]
fn trust_end_to_end_through_both_gates() {
    let peer = Peer::start();
    peer.post("/_ext/config", r#"{"directoryCreatingReads": 2}"#);
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&vpc, &subnets));

    let first = apply(&peer, &plan);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    assert!(
        first
            .stdout
            .contains("Add-DnsServerConditionalForwarderZone -Name $AwsDomain"),
        "{}",
        first.stdout
    );
    assert!(first.stdout.contains("'Bidirectional'"), "{}", first.stdout);
    let directories = peer.directories();
    assert_eq!(directories.len(), 1, "{directories:?}");
    let id = directories[0].0.clone();
    assert_eq!(directories[0].2, "MicrosoftAD");
    let trusts = peer.trusts(&id);
    assert_eq!(trusts.len(), 1);
    assert_eq!(
        (trusts[0].1.as_str(), trusts[0].2.as_str()),
        ("corp.example.com", "Two-Way")
    );

    // Still no on-premises side: a re-run stops at the same gate and creates nothing.
    let again = apply(&peer, &plan);
    assert_eq!(again.code, Some(3), "{}", again.all_output());
    assert_eq!(peer.count("CreateTrust"), 1);

    peer.post(
        "/_ext/onprem-trust",
        r#"{"remoteDomainName": "corp.example.com"}"#,
    );
    let second = apply(&peer, &plan);
    assert_eq!(second.code, Some(3), "{}", second.all_output());
    assert!(second.stderr.contains("VerifyTrust"), "{}", second.stderr);
    assert!(
        second.stdout.contains("Change identity source"),
        "{}",
        second.stdout
    );
    assert_eq!(peer.trusts(&id)[0].3, "Verified");

    peer.sync(&id, "corp.example.com", &["AWS-SSO-Users"]);
    let third = apply(&peer, &plan);
    assert_eq!(third.code, Some(0), "{}", third.all_output());

    let before = mutations(&peer);
    let fourth = apply(&peer, &plan);
    assert_eq!(fourth.code, Some(0), "{}", fourth.all_output());
    assert_eq!(mutations(&peer), before, "a re-run made changes");
    assert_eq!(peer.count("CreateMicrosoftAD"), 1);
    assert_eq!(peer.count("CreateTrust"), 1);

    let status = peer.adsso(&["status", plan.to_str().unwrap(), "--output", "json"], &[]);
    assert_eq!(status.code, Some(0), "{}", status.all_output());
    let json: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(json["directory"]["id"], id.as_str());
    assert_eq!(json["trust"]["state"], "Verified");
    assert_eq!(json["forwarders"][0]["remoteDomain"], "corp.example.com");
    assert_eq!(json["forwarders"][0]["dnsIps"][1], "10.0.0.11");
    assert_eq!(json["syncedGroups"][0], "AWS-SSO-Users@corp.example.com");
}

#[test]
fn dry_run_changes_nothing_and_shows_secret_references() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&vpc, &subnets));
    let run = peer.adsso(&["apply", plan.to_str().unwrap(), "--dry-run"], &SECRETS);
    no_secret(&run);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    for expected in [
        "would call ds:CreateMicrosoftAD",
        "Password: {env: ADSSO_ADMIN_PASSWORD}",
        "would call ds:CreateTrust",
        "TrustPassword: {env: ADSSO_TRUST_PASSWORD}",
        "TrustDirection: Two-Way",
        "ConditionalForwarderIpAddrs: 10.0.0.10, 10.0.0.11",
        "Tags: adsso:plan=corp-trust",
        "would call ds:VerifyTrust",
    ] {
        assert!(
            run.stdout.contains(expected),
            "missing {expected}:\n{}",
            run.stdout
        );
    }
    assert_eq!(mutations(&peer), Vec::<String>::new());
    assert!(peer.directories().is_empty());
}

#[test]
fn dry_run_works_without_credentials() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let subnets = [
        "subnet-0123456789abcdef0".to_owned(),
        "subnet-0fedcba9876543210".to_owned(),
    ];
    let plan = write(
        dir.path(),
        &ad_connector_plan(ACCOUNT, "vpc-0123456789abcdef0", &subnets),
    );
    let run = peer.adsso(
        &["apply", plan.to_str().unwrap(), "--dry-run"],
        &[("AWS_ACCESS_KEY_ID", ""), ("AWS_SECRET_ACCESS_KEY", "")],
    );
    no_secret(&run);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert!(
        flat(&run.stderr).contains("could not read the current state"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("would call ds:ConnectDirectory"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Password: {env: ADSSO_SERVICE_ACCOUNT_PASSWORD}"),
        "{}",
        run.stdout
    );
    assert_eq!(mutations(&peer), Vec::<String>::new());
}

#[test]
fn injected_faults_on_every_call_still_converge_without_duplicates() {
    let peer = Peer::start();
    peer.post("/_ext/config", r#"{"directoryCreatingReads": 2}"#);
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let targets = [
        ("sts.GetCallerIdentity", "throttle"),
        ("SWBExternalService.ListInstances", "http500"),
        ("ec2.DescribeSubnets", "throttle"),
        ("DirectoryService_20150416.DescribeDirectories", "http500"),
        ("DirectoryService_20150416.ListTagsForResource", "throttle"),
        ("DirectoryService_20150416.ConnectDirectory", "throttle"),
        ("AWSIdentityStore.ListGroups", "http500"),
    ];
    for (target, kind) in targets {
        peer.post(
            "/_fault",
            &format!(r#"{{"target": "{target}", "count": 2, "kind": "{kind}"}}"#),
        );
    }
    peer.post(
        "/_fault",
        r#"{"target": "*", "count": 5, "kind": "latency", "latencyMs": 150}"#,
    );
    let first = apply(&peer, &plan);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    let directories = peer.directories();
    assert_eq!(directories.len(), 1, "{directories:?}");
    peer.sync(&directories[0].0, "corp.example.com", &["AWS-SSO-Users"]);
    for (target, kind) in targets {
        peer.post(
            "/_fault",
            &format!(r#"{{"target": "{target}", "count": 2, "kind": "{kind}"}}"#),
        );
    }
    let second = apply(&peer, &plan);
    assert_eq!(second.code, Some(0), "{}", second.all_output());
    assert_eq!(peer.directories().len(), 1);
    // Throttled ConnectDirectory attempts were retried by the SDK; only one directory exists.
    assert!(peer.count("ConnectDirectory") >= 1);
}

#[test]
fn a_wrong_account_is_refused_before_any_change() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(
        dir.path(),
        &ad_connector_plan("111122223333", &vpc, &subnets),
    );
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert!(
        flat(&run.stderr).contains("credentials are for account 123456789012"),
        "{}",
        run.stderr
    );
    assert!(flat(&run.stderr).contains("111122223333"), "{}", run.stderr);
    assert_eq!(mutations(&peer), Vec::<String>::new());
}

#[test]
fn a_failed_directory_ends_apply_with_the_reason_and_likely_fixes() {
    let peer = Peer::start();
    peer.post(
        "/_ext/config",
        r#"{"directoryCreatingReads": 2, "failDirectories": true}"#,
    );
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert!(flat(&run.stderr).contains("is Failed"), "{}", run.stderr);
    assert!(
        flat(&run.stderr).contains("emulated failure"),
        "{}",
        run.stderr
    );
    assert!(
        flat(&run.stderr).contains("likely causes"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_same_named_directory_of_someone_else_stops_apply() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    peer.boto(&format!(
        "ds = boto3.client('ds', **kw)\nr = ds.connect_directory(Name='corp.example.com', ShortName='CORP', Password='Passw0rd!x', Size='Small', ConnectSettings={{'VpcId': '{vpc}', 'SubnetIds': ['{}', '{}'], 'CustomerDnsIps': ['10.0.0.10'], 'CustomerUserName': 'other'}})\nprint(json.dumps(r['DirectoryId']))",
        subnets[0], subnets[1]
    ));
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert!(
        flat(&run.stderr).contains("not tagged adsso:plan=corp-ad-connector"),
        "{}",
        run.stderr
    );
    assert_eq!(peer.count("ConnectDirectory"), 1, "only the foreign one");
}

#[test]
fn destroy_removes_only_what_the_plan_tagged() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let foreign = peer.boto(&format!(
        "ds = boto3.client('ds', **kw)\nr = ds.create_microsoft_ad(Name='other.example.com', ShortName='OTHER', Password='Passw0rd!x', VpcSettings={{'VpcId': '{vpc}', 'SubnetIds': ['{}', '{}']}})\nprint(json.dumps(r['DirectoryId']))",
        subnets[0], subnets[1]
    ));
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&vpc, &subnets));
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(3), "{}", run.all_output());
    assert_eq!(peer.directories().len(), 2);

    let destroy = peer.adsso(&["destroy", plan.to_str().unwrap(), "--yes"], &[]);
    assert_eq!(destroy.code, Some(0), "{}", destroy.all_output());
    assert!(
        destroy.stdout.contains("delete trust"),
        "{}",
        destroy.stdout
    );
    let left = peer.directories();
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0].0, foreign.as_str().unwrap());
    assert_eq!(peer.count("DeleteTrust"), 1);

    let again = peer.adsso(&["destroy", plan.to_str().unwrap(), "--yes"], &[]);
    assert_eq!(again.code, Some(0), "{}", again.all_output());
    assert!(
        again.stdout.contains("nothing to delete"),
        "{}",
        again.stdout
    );
}

#[test]
fn a_trust_on_an_existing_ad_connector_is_refused() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let id = peer.boto(&format!(
        "ds = boto3.client('ds', **kw)\nr = ds.connect_directory(Name='corp.example.com', ShortName='CORP', Password='Passw0rd!x', Size='Small', ConnectSettings={{'VpcId': '{vpc}', 'SubnetIds': ['{}', '{}'], 'CustomerDnsIps': ['10.0.0.10'], 'CustomerUserName': 'svc'}})\nprint(json.dumps(r['DirectoryId']))",
        subnets[0], subnets[1]
    ));
    let text = trust_plan(&vpc, &subnets);
    let start = text.find("      create:").unwrap();
    let text = format!(
        "{}      existingDirectoryId: {}\n",
        &text[..start],
        id.as_str().unwrap()
    );
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &text);
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert!(
        flat(&run.stderr).contains("is a ADConnector"),
        "{}",
        run.stderr
    );
    assert_eq!(peer.count("CreateTrust"), 0);
}

#[test]
fn plain_moto_without_extension_converges_to_one_directory_and_one_trust() {
    let peer = Peer::start_plain();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&vpc, &subnets));
    for _ in 0..2 {
        let run = apply(&peer, &plan);
        // Plain moto never verifies a trust (VerifyTrust is not implemented): the on-premises gate.
        assert_eq!(run.code, Some(3), "{}", run.all_output());
        assert!(
            run.stdout.contains("CreateLocalSideOfTrustRelationship"),
            "{}",
            run.stdout
        );
    }
    let directories = peer.directories();
    assert_eq!(directories.len(), 1, "{directories:?}");
    let trusts = peer.trusts(&directories[0].0);
    assert_eq!(trusts.len(), 1, "{trusts:?}");
    assert_eq!(trusts[0].2, "Two-Way");

    let connector = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    for _ in 0..2 {
        let run = apply(&peer, &connector);
        assert_eq!(run.code, Some(3), "{}", run.all_output());
    }
    assert_eq!(peer.directories().len(), 2);
}

#[test]
fn a_missing_secret_or_a_missing_terminal_is_invalid_input_and_changes_nothing() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let path = plan.to_str().unwrap();
    let missing = peer.adsso(&["apply", path, "--yes"], &[]);
    assert_eq!(missing.code, Some(2), "{}", missing.all_output());
    assert!(
        flat(&missing.stderr).contains("ADSSO_SERVICE_ACCOUNT_PASSWORD, which is not set"),
        "{}",
        missing.stderr
    );
    let unconfirmed = peer.adsso(&["apply", path], &SECRETS);
    no_secret(&unconfirmed);
    assert_eq!(unconfirmed.code, Some(2), "{}", unconfirmed.all_output());
    assert!(
        flat(&unconfirmed.stderr).contains("there is no terminal"),
        "{}",
        unconfirmed.stderr
    );
    assert_eq!(mutations(&peer), Vec::<String>::new());
}

#[test]
fn onprem_script_offline_asks_for_the_password_and_never_contains_it() {
    let dir = tempfile::tempdir().unwrap();
    let subnets = [
        "subnet-0123456789abcdef0".to_owned(),
        "subnet-0fedcba9876543210".to_owned(),
    ];
    let plan = write(dir.path(), &trust_plan("vpc-0123456789abcdef0", &subnets));
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_adsso"))
        .args([
            "onprem-script",
            plan.to_str().unwrap(),
            "--dns-ip",
            "10.1.0.5",
            "--dns-ip",
            "10.1.1.5",
        ])
        .env(TRUST_ENV, CANARY)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("-MasterServers @('10.1.0.5', '10.1.1.5')"),
        "{text}"
    );
    assert!(text.contains("Read-Host -AsSecureString"), "{text}");
    assert!(text.contains("GetCurrentForest()"), "{text}");
    assert!(!text.contains(CANARY));
}

#[test]
fn apply_killed_mid_wait_then_rerun_converges() {
    let peer = Peer::start();
    peer.post("/_ext/config", r#"{"directoryCreatingReads": 1000}"#);
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_adsso"))
        .args([
            "apply",
            plan.to_str().unwrap(),
            "--yes",
            "--endpoint-url",
            &peer.url(),
        ])
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", "/nonexistent/adsso-test-config")
        .env("ADSSO_POLL_INITIAL_MS", "50")
        .env("ADSSO_POLL_MAX_MS", "50")
        .env(SERVICE_ENV, CANARY)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while peer.count("ConnectDirectory") == 0 || peer.count("DescribeDirectories") < 4 {
        assert!(
            std::time::Instant::now() < deadline,
            "apply never reached the wait"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(peer.directories().len(), 1);

    peer.post("/_ext/config", r#"{"directoryCreatingReads": 0}"#);
    let id = peer.directories()[0].0.clone();
    peer.sync(&id, "corp.example.com", &["AWS-SSO-Users"]);
    let rerun = peer.adsso(
        &[
            "apply",
            plan.to_str().unwrap(),
            "--yes",
            "--wait-timeout",
            "60s",
        ],
        &SECRETS,
    );
    no_secret(&rerun);
    assert_eq!(rerun.code, Some(0), "{}", rerun.all_output());
    assert_eq!(peer.count("ConnectDirectory"), 1, "{}", rerun.all_output());
    assert_eq!(peer.directories().len(), 1);
}
