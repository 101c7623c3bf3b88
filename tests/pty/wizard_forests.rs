//! Issue 16's done-when: a two-forest plan goes from the wizard (`--plain`, discovery from the
//! emulator) to a saved plan, then `adsso apply` takes it through both gates (each domain's side
//! marked ready with `/_ext/onprem-trust`, the identity-source switch faked with `sync`) to
//! `status`, which shows both trusts Verified.

use std::time::Duration;

use expectrl::Expect;
use expectrl::session::OsSession as Session;

use crate::support::moto::{ACCOUNT, Peer, REGION};
use crate::support::plans::SECRETS;

const EMEA_ENV: &str = "ADSSO_TRUST_PASSWORD_EMEA";
const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";

fn keys(session: &mut Session, keys: &[&str]) {
    for key in keys {
        session.send(key).unwrap();
        std::thread::sleep(Duration::from_millis(80));
    }
}

fn line(session: &mut Session, text: &str) {
    keys(session, &[text, ENTER]);
}

fn wizard(peer: &Peer, out: &std::path::Path) -> Session {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_adsso"));
    command
        .args(["--endpoint-url", &peer.url(), "wizard", "--plain", "--out"])
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
        .env("ADSSO_RETRY_INITIAL_BACKOFF_MS", "10");
    let mut session = Session::spawn(command).unwrap();
    session.get_process_mut().set_window_size(120, 40).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session
}

fn apply(peer: &Peer, plan: &std::path::Path) -> crate::support::Run {
    let mut env = SECRETS.to_vec();
    env.push((EMEA_ENV, "Canary-Emea-Trust-0042!"));
    peer.adsso(&["apply", plan.to_str().unwrap(), "--yes"], &env)
}

fn ready(peer: &Peer, domain: &str) {
    peer.post(
        "/_ext/onprem-trust",
        &format!(r#"{{"remoteDomainName": "{domain}"}}"#),
    );
}

#[test]
fn a_two_forest_plan_from_the_wizard_is_applied_through_both_gates_to_status() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("forests.yaml");
    let mut session = wizard(&peer, &out);
    session.expect("Which design?").unwrap();
    keys(&mut session, &[ENTER]); // two-way trust
    line(&mut session, "corp.example.com");
    line(&mut session, "CORP");
    line(&mut session, "10.0.0.10, 10.0.0.11");
    session.expect("Add another domain?").unwrap();
    line(&mut session, "y");
    line(&mut session, "emea.example.net");
    line(&mut session, "EMEA");
    line(&mut session, "10.1.0.10, 10.1.0.11");
    session.expect("Trust type (this domain)").unwrap();
    keys(&mut session, &[DOWN, DOWN, ENTER, ENTER]); // external, selective auth as plan
    line(&mut session, EMEA_ENV);
    session.expect("Add another domain?").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("connectivity").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Plan name").unwrap();
    line(&mut session, "two-forests");
    keys(&mut session, &[ENTER]); // Region: the emulator's
    keys(&mut session, &[ENTER]); // the account: pre-filled by discovery (checked below)
    keys(&mut session, &[ENTER, ENTER, ENTER]); // forest, no selective auth, new Managed AD
    line(&mut session, "aws.corp.example.com");
    line(&mut session, "AWSCORP");
    keys(&mut session, &[ENTER]); // Standard
    line(&mut session, &vpc);
    line(&mut session, &subnets[0]);
    line(&mut session, &subnets[1]);
    keys(&mut session, &[ENTER, ENTER]); // password references
    session.expect("Finish:").unwrap();
    keys(&mut session, &[ENTER]); // save only
    session.expect("Save the plan to:").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect(expectrl::Eof).unwrap();
    let saved = std::fs::read_to_string(&out).unwrap();
    assert!(saved.contains("emea.example.net"), "{saved}");
    assert!(
        saved.contains(&format!("accountId: \"{ACCOUNT}\"")),
        "{saved}"
    );

    let first = apply(&peer, &out);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    for domain in ["corp.example.com", "emea.example.net"] {
        let step = format!("on a domain controller of {domain}");
        assert!(first.stdout.contains(&step), "{}", first.stdout);
    }
    assert_eq!(peer.count("CreateTrust"), 2);
    ready(&peer, "corp.example.com");
    ready(&peer, "emea.example.net");
    let second = apply(&peer, &out);
    assert_eq!(second.code, Some(3), "{}", second.all_output());
    assert!(
        second.stdout.contains("Change identity source"),
        "{}",
        second.stdout
    );
    let id = peer.directories()[0].0.clone();
    let states: Vec<String> = peer.trusts(&id).into_iter().map(|t| t.3).collect();
    assert_eq!(states, ["Verified"; 2], "{states:?}");
    peer.sync(&id, "corp.example.com", &["AWS-SSO-Users"]);
    peer.sync(&id, "emea.example.net", &["EMEA-Users"]);
    let third = apply(&peer, &out);
    assert_eq!(third.code, Some(0), "{}", third.all_output());

    let status = peer.adsso(&["status", out.to_str().unwrap(), "--output", "json"], &[]);
    assert_eq!(status.code, Some(0), "{}", status.all_output());
    let json: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    let shown: Vec<(&str, &str)> = json["trusts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["domain"].as_str().unwrap(),
                t["trust"]["state"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("corp.example.com", "Verified"),
            ("emea.example.net", "Verified"),
        ]
    );
}
