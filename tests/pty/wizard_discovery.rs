//! The wizard discovers the AWS side from the emulator (moto + adsso's extension): in a real
//! pseudo-terminal, a complete AD Connector flow picks the VPC and two subnets with → from what
//! discovery found, and the saved plan uses them.

use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

use crate::support::moto::{Peer, REGION};
use expectrl::Expect;
use expectrl::session::OsSession as Session;

fn keys(session: &mut Session, keys: &[&str]) {
    for key in keys {
        session.send(key).unwrap();
        sleep(Duration::from_millis(80));
    }
}

/// The wizard (with `front_end` flags, e.g. `--plain`) in a pty, pointed at the emulator with
/// test credentials and fast polling.
fn wizard(peer: &Peer, out: &std::path::Path, front_end: &[&str]) -> Session {
    let mut command = Command::new(env!("CARGO_BIN_EXE_adsso"));
    command
        .args(["--endpoint-url", &peer.url(), "wizard"])
        .args(front_end)
        .arg("--out")
        .arg(out)
        .env("TERM", "xterm-256color")
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_REGION", REGION)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", "/nonexistent/adsso-test-config")
        .env(
            "AWS_SHARED_CREDENTIALS_FILE",
            "/nonexistent/adsso-test-credentials",
        )
        .env_remove("AWS_PROFILE")
        .env_remove("ADSSO_SERVICE_ACCOUNT_PASSWORD")
        .env("ADSSO_POLL_INITIAL_MS", "20")
        .env("ADSSO_POLL_MAX_MS", "100")
        .env("ADSSO_RETRY_INITIAL_BACKOFF_MS", "10");
    let mut session = Session::spawn(command).unwrap();
    session.get_process_mut().set_window_size(120, 40).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session
}

/// Walks an AD Connector flow to the Finish screen, picking the VPC and subnets discovered.
fn walk_to_finish(session: &mut Session) {
    session.expect("Directory?").unwrap();
    keys(
        session,
        &["\x1b[B", "\r", "corp.example.com", "\r", "CORP", "\r"],
    );
    keys(session, &["10.0.0.10, 10.0.0.11", "\r"]);
    session.expect("picks)").unwrap(); // the discovery summary: instance, account, VPCs, subnets
    // name, region, account (pre-filled with the credentials' account), size
    keys(session, &["\r", "\r", "\r", "\r"]);
    keys(session, &["\x1b[C", "\r"]); // VPC: the first discovered
    keys(session, &["\x1b[C", "\r"]); // subnet 1: the first of the VPC
    keys(session, &["\x1b[C", "\r"]); // subnet 2: the picker starts in another zone
    keys(session, &["\r", "\r", "\r", "\r"]); // service account, secret, diagram, review
}

#[test]
fn full_screen_flow_picks_vpc_and_subnets_from_discovery() {
    let peer = Peer::start();
    let (vpc, _) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = wizard(&peer, &out, &[]);
    walk_to_finish(&mut session);
    keys(&mut session, &["\t", "\r"]); // Save
    session.expect(expectrl::Eof).unwrap();
    let text = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("no plan saved: {e}"));
    let plan = adsso::plan::load(text.as_bytes()).unwrap().0.plan;
    let connector = plan.connection.ad_connector.unwrap();
    assert_eq!(connector.vpc_id, vpc, "{text}");
    assert_eq!(connector.subnet_ids.len(), 2);
    assert_ne!(connector.subnet_ids[0], connector.subnet_ids[1]);
    let zones = peer.boto(&format!(
        "ec2 = boto3.client('ec2', **kw)\nsubs = ec2.describe_subnets(SubnetIds={:?})['Subnets']\nprint(json.dumps([s['AvailabilityZone'] for s in subs if s['VpcId'] == {vpc:?}]))",
        connector.subnet_ids
    ));
    let zones = zones.as_array().unwrap();
    assert_eq!(zones.len(), 2, "both subnets belong to the VPC: {zones:?}");
    assert_ne!(zones[0], zones[1], "two Availability Zones");
}

#[test]
fn save_and_apply_now_runs_to_the_identity_source_gate_with_a_masked_password() {
    const CANARY: &str = "Canary-Wizard-Passw0rd-4711";
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = wizard(&peer, &out, &[]);
    walk_to_finish(&mut session);
    keys(&mut session, &["\t", "\t", "\r"]); // Save and apply now
    session.expect("Cost:").unwrap(); // what apply will do and cost, asked once
    keys(&mut session, &["\r"]);
    session.expect("masked").unwrap(); // the env var is not set: the password is asked
    keys(&mut session, &[CANARY, "\r"]);
    session.expect("paused").unwrap();
    keys(&mut session, &["\r"]);
    let rest = session.expect(expectrl::Eof).unwrap();
    let printed = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(printed.contains("identity source"), "{printed}");
    assert!(!printed.contains(CANARY), "the password was printed");
    match session.get_process().wait().unwrap() {
        expectrl::process::unix::WaitStatus::Exited(_, code) => {
            assert_eq!(code, 3, "exit 3 at a manual step")
        }
        other => panic!("the wizard did not exit: {other:?}"),
    }
    let connectors: Vec<_> = peer
        .directories()
        .into_iter()
        .filter(|d| d.2 == "ADConnector")
        .collect();
    assert_eq!(connectors.len(), 1, "{connectors:?}");
    assert!(out.exists());
}

#[test]
fn plain_flow_saves_and_applies_now_with_a_masked_password() {
    const CANARY: &str = "Canary-Plain-Passw0rd-4711";
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = wizard(&peer, &out, &["--plain"]);
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    // Each answer waits for its prompt (typed ahead, Enter can reach the next prompt as Ctrl-J
    // through the terminal's cooked mode).
    session.expect("Which design?").unwrap();
    keys(&mut session, &["\x1b[B", "\r"]); // AD Connector
    session.expect("FQDN").unwrap();
    keys(
        &mut session,
        &["corp.example.com\r", "CORP\r", "10.0.0.10, 10.0.0.11\r"],
    );
    session.expect("connectivity").unwrap();
    keys(&mut session, &["\r"]); // no check
    session.expect("directories").unwrap(); // the discovery summary and lists
    // name, region, account (pre-filled with the credentials' account), size
    keys(&mut session, &["\r", "\r", "\r", "\r"]);
    // The VPC and subnets are pick lists of what discovery found: typing filters them.
    for id in [&vpc, &subnets[0], &subnets[1]] {
        session.expect("type another value").unwrap();
        keys(&mut session, &[&format!("{id}\r")]);
    }
    keys(&mut session, &["\r", "\r"]); // service account, password variable
    session.expect("Finish:").unwrap();
    keys(&mut session, &["\x1b[B", "\r"]); // save and apply now
    session.expect("Save the plan to:").unwrap();
    keys(&mut session, &["\r"]);
    session.expect("Apply these steps to AWS?").unwrap();
    keys(&mut session, &["y\r"]);
    session.expect("service account password").unwrap();
    keys(&mut session, &[CANARY, "\r"]);
    let rest = session.expect(expectrl::Eof).unwrap();
    let printed = String::from_utf8_lossy(rest.as_bytes()).into_owned();
    assert!(
        printed.contains("step 1/6:") && printed.contains("identity source"),
        "{printed}"
    );
    assert!(!printed.contains(CANARY), "the password was printed");
    match session.get_process().wait().unwrap() {
        expectrl::process::unix::WaitStatus::Exited(_, code) => assert_eq!(code, 3, "{printed}"),
        other => panic!("the wizard did not exit: {other:?}"),
    }
    let connectors: Vec<_> = peer
        .directories()
        .into_iter()
        .filter(|d| d.2 == "ADConnector")
        .collect();
    assert_eq!(connectors.len(), 1, "{connectors:?}");
}

#[test]
fn plain_discovery_shows_aws_names_escaped() {
    const HOSTILE: &str = "evil\u{1b}]52;c;ZXZpbA==\u{7}\nadsso: all clean";
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let id = peer.boto(&format!(
        "ds = boto3.client('ds', **kw)\nr = ds.create_microsoft_ad(Name='aws.corp.example.com', ShortName='AWSCORP', Password='Passw0rd!x', VpcSettings={{'VpcId': '{vpc}', 'SubnetIds': ['{}', '{}']}})\nprint(json.dumps(r['DirectoryId']))",
        subnets[0], subnets[1]
    ));
    let planted = serde_json::json!({"directoryId": id, "name": HOSTILE});
    peer.post("/_ext/directory", &planted.to_string());
    let dir = tempfile::tempdir().unwrap();
    let mut session = wizard(&peer, &dir.path().join("plan.yaml"), &["--plain"]);
    session.expect("Which design?").unwrap();
    keys(&mut session, &["\x1b[B", "\r"]); // AD Connector
    session.expect("FQDN").unwrap();
    keys(
        &mut session,
        &["corp.example.com\r", "CORP\r", "10.0.0.10, 10.0.0.11\r"],
    );
    session.expect("connectivity").unwrap();
    keys(&mut session, &["\r"]); // no check: discovery follows
    let found = session.expect("usable for a trust").unwrap();
    let printed = String::from_utf8_lossy(found.before()).into_owned();
    assert!(
        printed.contains("evil\\u{1b}]52;c;ZXZpbA==\\u{7}\\nadsso: all clean"),
        "{printed:?}"
    );
    assert!(!printed.contains("\u{1b}]52"), "{printed:?}");
    quit(&mut session);
}

/// Quits the plain wizard with Ctrl-C. A Ctrl-C that lands between two prompts (the terminal in
/// cooked mode) can be lost or met by the "quit anyway?" question: answer it and try again, at
/// most three times.
fn quit(session: &mut Session) {
    session.set_expect_timeout(Some(Duration::from_secs(10)));
    for _ in 0..3 {
        keys(session, &["\x03"]);
        if session.expect(expectrl::Eof).is_ok() {
            return;
        }
        keys(session, &["y\r"]);
        if session.expect(expectrl::Eof).is_ok() {
            return;
        }
    }
    panic!("the plain wizard did not end after three Ctrl-C");
}
