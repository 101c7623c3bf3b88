//! `apply` at a terminal (a pseudo-terminal driven by expectrl) against the AWS emulator: the
//! confirmation prompt, a gate that waits for its evidence, and Enter to check at once.

use std::process::Command;
use std::time::Duration;

use crate::support::moto::{ACCOUNT, Peer};
use crate::support::plans::*;
use expectrl::{Eof, Expect, Session};

#[test]
fn at_a_terminal_apply_asks_once_waits_at_the_gate_and_checks_on_enter() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let mut command = Command::new(env!("CARGO_BIN_EXE_adsso"));
    command
        .args([
            "apply",
            plan.to_str().unwrap(),
            "--endpoint-url",
            &peer.url(),
        ])
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", "/nonexistent/adsso-test-config")
        // Polls come only every 10 minutes: only Enter can make the gate check again (the
        // directory is Active at its first read).
        .env("ADSSO_POLL_INITIAL_MS", "600000")
        .env("ADSSO_POLL_MAX_MS", "600000")
        .envs(SECRETS);
    let mut session = Session::spawn(command).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(60)));
    // Skip the offered connectivity check: the plan's DNS servers are not test hosts.
    session.expect("connectivity").unwrap();
    session.send("n\r").unwrap();
    session.expect("Apply these steps to AWS?").unwrap();
    assert_eq!(
        peer.count("ConnectDirectory"),
        0,
        "nothing before the answer"
    );
    session.send("y\r").unwrap();
    session.expect("Change identity source").unwrap();
    session.expect("waiting for groups synced from").unwrap();
    let id = peer.directories()[0].0.clone();
    peer.sync(&id, "corp.example.com", &["AWS-SSO-Users"]);
    session.send("\r").unwrap();
    let rest = session.expect(Eof).unwrap();
    let mut bytes = rest.before().to_vec();
    for matched in rest.matches() {
        bytes.extend_from_slice(matched);
    }
    let text = String::from_utf8_lossy(&bytes).into_owned();
    assert!(text.contains("apply complete"), "{text}");
    assert!(!text.contains(crate::support::CANARY));
    assert_eq!(peer.count("ConnectDirectory"), 1);
}
