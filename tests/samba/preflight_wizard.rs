//! The wizard's "check connectivity" against the same DC, in a pseudo-terminal.

use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

use expectrl::Expect;
use expectrl::session::OsSession as Session;

use super::dc;

fn spawn(args: &[&str]) -> Session {
    let mut command = Command::new(env!("CARGO_BIN_EXE_adsso"));
    command
        .args(args)
        .env("TERM", "xterm-256color")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
        .env("AWS_CONFIG_FILE", "/nonexistent/adsso-test-config")
        .env(
            "AWS_SHARED_CREDENTIALS_FILE",
            "/nonexistent/adsso-test-credentials",
        )
        .env("ADSSO_RETRY_INITIAL_BACKOFF_MS", "10")
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env_remove("AWS_PROFILE");
    let mut session = Session::spawn(command).unwrap();
    session.get_process_mut().set_window_size(100, 32).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session
}

fn keys(session: &mut Session, keys: &[&str]) {
    for key in keys {
        session.send(key).unwrap();
        sleep(Duration::from_millis(60));
    }
}

#[test]
fn full_screen_wizard_checks_connectivity_with_ctrl_k() {
    let dc = dc();
    let mut session = spawn(&["wizard", "--out", "/dev/null"]);
    session.expect("Directory?").unwrap();
    keys(
        &mut session,
        &[
            "\r",
            dc.get("AD_DOMAIN"),
            "\r",
            "CORP",
            "\r",
            dc.get("AD_DNS_IP"),
            "\r",
        ],
    );
    keys(&mut session, &["\x0b"]); // Ctrl-K
    // The checklist's first lines (the KDC's are further down, past the trust's ports, the
    // endpoint mapper and NTP: the list scrolls). A text without spaces: the terminal is
    // redrawn by difference, so a space over a space is never sent.
    session.expect("_kerberos._tcp").unwrap();
    keys(&mut session, &["\x1b"]);
    sleep(Duration::from_millis(200));
    keys(&mut session, &["\x03", "y"]);
    session.expect(expectrl::Eof).unwrap();
}

#[test]
fn apply_offers_the_checks_first_and_changes_nothing_when_declined() {
    let plan = super::connector_plan("svc-adconnector");
    let mut command = Command::new(env!("CARGO_BIN_EXE_adsso"));
    command
        .args(["apply"])
        .arg(plan.path())
        // No AWS is reached: the run stops at the confirmation, before any call.
        .args(["--endpoint-url", "http://127.0.0.1:9"])
        .env("ADSSO_TEST_SVC_PASSWORD", super::right_password())
        .env("TERM", "xterm-256color")
        .env("AWS_EC2_METADATA_DISABLED", "true");
    let mut session = Session::spawn(command).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session.expect("connectivity").unwrap();
    sleep(Duration::from_millis(300));
    keys(&mut session, &["y", "\r"]);
    session.expect("KDC on dc1.corp.example.test").unwrap();
    // Without --ca-file the test CA is not trusted: the bind fails, so apply asks first.
    session.expect("Apply anyway?").unwrap();
    keys(&mut session, &["n", "\r"]);
    session.expect("nothing was changed").unwrap();
    session.expect(expectrl::Eof).unwrap();
}

#[test]
fn plain_wizard_offers_the_check_after_the_domain() {
    let dc = dc();
    let mut session = spawn(&["wizard", "--plain", "--out", "/dev/null"]);
    // Each answer waits for its prompt: a key typed between two prompts reaches the next
    // one through the terminal's cooked mode, where Enter becomes Ctrl-J.
    session.expect("Which design?").unwrap();
    keys(&mut session, &["\x1b[B", "\r"]); // AD Connector
    for (prompt, answer) in [
        ("FQDN", dc.get("AD_DOMAIN")),
        ("NetBIOS", "CORP"),
        ("DNS servers", dc.get("AD_DNS_IP")),
    ] {
        session.expect(prompt).unwrap();
        keys(&mut session, &[answer, "\r"]);
    }
    session.expect("connectivity").unwrap();
    keys(&mut session, &["y", "\r"]);
    let dns = format!("DNS {} over UDP: answers SRV", dc.get("AD_DNS_IP"));
    session.expect(dns.as_str()).unwrap();
    session.expect("KDC on dc1.corp.example.test").unwrap();
    keys(&mut session, &["\x03"]);
    session.expect(expectrl::Eof).unwrap();
}
