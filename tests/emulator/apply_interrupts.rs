//! `apply` interrupted against the AWS emulator: killed with SIGKILL mid-wait (a re-run converges)
//! and stopped with Ctrl-C (clean exit that says how to resume).

use crate::support::CANARY;
use crate::support::moto::{ACCOUNT, Peer};
use crate::support::plans::*;

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

#[test]
fn ctrl_c_stops_cleanly_and_says_how_to_resume() {
    let peer = Peer::start();
    peer.post("/_ext/config", r#"{"directoryCreatingReads": 100000}"#);
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_adsso"))
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
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while peer.count("DescribeDirectories") < 3 {
        assert!(
            std::time::Instant::now() < deadline,
            "apply never reached the wait"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    let stderr = flat(&String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert!(
        stderr.contains("run the same command again to resume"),
        "{stderr}"
    );
    assert!(!stderr.contains(CANARY));
}

/// Starts `apply --yes` on `plan` with a slow emulator, kills it (SIGKILL) once the emulator has
/// handled `operation`.
pub(crate) fn kill_after(peer: &Peer, plan: &std::path::Path, operation: &str) {
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
        .env("ADSSO_RETRY_INITIAL_BACKOFF_MS", "10")
        .envs(SECRETS)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while peer.count(operation) == 0 {
        if child.try_wait().unwrap().is_some() {
            break; // it got past the point (or stopped at a gate) before the kill
        }
        assert!(
            std::time::Instant::now() < deadline,
            "apply never called {operation}"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    // The emulator delays each call by 100 ms before handling it: give it the time to handle
    // this one, so the kill lands after AWS did the work but (likely) before apply read the
    // answer. (A kill while a create is still queued in AWS cannot be made safe: Directory
    // Service's create calls take no idempotency token.)
    std::thread::sleep(std::time::Duration::from_millis(250));
    let _ = child.kill(); // SIGKILL
    child.wait().unwrap();
}

#[test]
fn trust_apply_killed_at_several_points_then_rerun_converges() {
    for operation in [
        "CreateMicrosoftAD",
        "CreateTrust",
        "DescribeSecurityGroups",
        "VerifyTrust",
    ] {
        let peer = Peer::start();
        peer.post("/_ext/config", r#"{"directoryCreatingReads": 3}"#);
        peer.post(
            "/_ext/onprem-trust",
            r#"{"remoteDomainName": "corp.example.com"}"#,
        );
        // Every call is slowed down, so the kill lands close after `operation`.
        peer.post(
            "/_fault",
            r#"{"target": "*", "count": 1000, "kind": "latency", "latencyMs": 100}"#,
        );
        let (vpc, subnets) = peer.network();
        let dir = tempfile::tempdir().unwrap();
        let plan = write(dir.path(), &trust_plan(&vpc, &subnets));
        kill_after(&peer, &plan, operation);
        peer.post("/_fault", r#"{"clear": true}"#);
        let rerun = apply(&peer, &plan);
        // Past both manual steps except the identity source, which needs the sync switch.
        assert_eq!(
            rerun.code,
            Some(3),
            "killed after {operation}: {}",
            rerun.all_output()
        );
        let directories = peer.directories();
        assert_eq!(
            directories.len(),
            1,
            "killed after {operation}: {directories:?}"
        );
        let trusts = peer.trusts(&directories[0].0);
        assert_eq!(trusts.len(), 1, "killed after {operation}: {trusts:?}");
        assert_eq!(trusts[0].3, "Verified", "killed after {operation}");
        assert_eq!(
            peer.count("CreateMicrosoftAD"),
            1,
            "killed after {operation}"
        );
        assert_eq!(peer.count("CreateTrust"), 1, "killed after {operation}");
    }
}
