//! End-to-end tests of `adsso wizard` in a real pseudo-terminal (expectrl): both front ends
//! walk a complete AD Connector flow and a complete trust flow to a saved plan that equals the
//! expected YAML; Ctrl-C and a forced panic leave the terminal in cooked mode with echo.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

use expectrl::Expect;
use expectrl::session::OsSession as Session;

mod apply_prompt;
mod colour;
mod domains;
mod flags;
mod plain_back;
mod plain_design;
mod saving;
mod small;

const DOWN: &str = "\x1b[B";
const RIGHT: &str = "\x1b[C";
const TAB: &str = "\t";
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";

/// Runs `adsso ARGS` in a pty through `sh`, which prints the exit code and `stty -a` afterwards.
fn spawn(args: &str, extra_env: &[(&str, &str)]) -> Session {
    let bin = env!("CARGO_BIN_EXE_adsso");
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!(
            "stty echo icanon; {bin} {args}; echo EXIT=$?; stty -a; sleep 0.2"
        ))
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        // No AWS access: discovery fails fast on loopback and the values are typed.
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
    for (key, value) in extra_env {
        command.env(key, value);
    }
    let mut session = Session::spawn(command).unwrap();
    session.get_process_mut().set_window_size(100, 32).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(15)));
    sleep(Duration::from_millis(400));
    session
}

/// Sends keys one by one, giving the event loop time to redraw.
fn keys(session: &mut Session, keys: &[&str]) {
    for key in keys {
        session.send(key).unwrap();
        sleep(Duration::from_millis(60));
    }
}

/// Types `text` then Enter.
fn line(session: &mut Session, text: &str) {
    keys(session, &[text, ENTER]);
}

/// Reads to the end, returns the shell's `EXIT=N` line, and checks that `stty -a` afterwards
/// shows the terminal back in cooked mode with echo (the shell turned both on before adsso ran).
fn finish(session: &mut Session) -> String {
    let all = session.expect(expectrl::Eof).unwrap();
    let text = String::from_utf8_lossy(all.as_bytes()).into_owned();
    let after = text
        .rsplit_once("EXIT=")
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("no EXIT line in {text}"));
    let code: String = after.chars().take_while(char::is_ascii_digit).collect();
    let flags: Vec<&str> = after.split_whitespace().collect();
    assert!(
        flags.contains(&"icanon"),
        "terminal left in raw mode: {after}"
    );
    assert!(
        flags.contains(&"echo"),
        "terminal left without echo: {after}"
    );
    format!("EXIT={code}")
}

fn saved(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const HEADER: &str = "# yaml-language-server: $schema=adsso-plan.schema.json\n\
                      # Written by `adsso wizard`. Check it with `adsso validate`.\n";

fn expected_connector() -> String {
    format!(
        "{HEADER}apiVersion: adsso/v1\nkind: Plan\nmetadata:\n  name: corp-identity-center\naws:\n  region: us-east-1\n  \
         accountId: \"123456789012\"\nselfManaged:\n  domain: corp.example.com\n  netbiosName: CORP\n  dnsServers:\n  \
         - \"10.0.0.10\"\n  - \"10.0.0.11\"\nconnection:\n  mode: ad-connector\n  adConnector:\n    size: Small\n    \
         vpcId: vpc-0123456789abcdef0\n    subnetIds:\n    - subnet-0123456789abcdef0\n    - subnet-0fedcba9876543210\n    \
         serviceAccount:\n      userName: svc-adconnector\n      password:\n        env: ADSSO_SERVICE_ACCOUNT_PASSWORD\n"
    )
}

fn expected_trust() -> String {
    format!(
        "{HEADER}apiVersion: adsso/v1\nkind: Plan\nmetadata:\n  name: corp-identity-center\naws:\n  region: us-east-1\n  \
         accountId: \"123456789012\"\nselfManaged:\n  domain: corp.example.com\n  netbiosName: CORP\n  dnsServers:\n  \
         - \"10.0.0.10\"\n  - \"10.0.0.11\"\nconnection:\n  mode: trust\n  trust:\n    direction: two-way\n    \
         type: forest\n    selectiveAuth: false\n    password:\n      env: ADSSO_TRUST_PASSWORD\n    managedAd:\n      \
         create:\n        domain: aws.corp.example.com\n        netbiosName: AWSCORP\n        edition: Enterprise\n        \
         vpcId: vpc-0123456789abcdef0\n        subnetIds:\n        - subnet-0123456789abcdef0\n        \
         - subnet-0fedcba9876543210\n        adminPassword:\n          env: ADSSO_ADMIN_PASSWORD\n"
    )
}

fn validate(path: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_adsso"))
        .arg("validate")
        .arg(path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "adsso validate refused the saved plan: {output:?}"
    );
}

#[test]
fn full_screen_ad_connector_flow() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --out {}", out.display()), &[]);
    full_screen_connector_to_finish(&mut session);
    keys(&mut session, &[TAB, ENTER]); // Save
    let exit = finish(&mut session);
    assert_eq!(exit, "EXIT=0");
    assert_eq!(saved(&out), expected_connector());
    validate(&out);
    let mode = std::fs::metadata(&out).unwrap();
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&mode.permissions()) & 0o777,
        0o600
    );
}

/// Answers the full-screen AD Connector flow up to the Finish screen (focus on the path).
fn full_screen_connector_to_finish(session: &mut Session) {
    session.expect("Directory?").unwrap();
    keys(session, &[DOWN, ENTER]);
    line(session, "corp.example.com");
    line(session, "CORP");
    line(session, "10.0.0.10, 10.0.0.11");
    keys(session, &[ENTER, ENTER]); // plan name, region: defaults
    line(session, "123456789012");
    keys(session, &[ENTER]); // size: Small
    line(session, "vpc-0123456789abcdef0");
    line(session, "subnet-0123456789abcdef0");
    line(session, "subnet-0fedcba9876543210");
    keys(session, &[ENTER]); // service account: default
    keys(session, &[ENTER]); // secrets: default env var
    keys(session, &[ENTER, ENTER]); // diagram, review
}

#[test]
fn full_screen_trust_flow() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --out {}", out.display()), &[]);
    session.expect("Directory?").unwrap();
    keys(&mut session, &[ENTER]);
    line(&mut session, "corp.example.com");
    line(&mut session, "CORP");
    line(&mut session, "10.0.0.10, 10.0.0.11");
    keys(&mut session, &[ENTER, ENTER]);
    line(&mut session, "123456789012");
    keys(&mut session, &[ENTER, ENTER, ENTER]); // forest, no selective auth, new Managed AD
    line(&mut session, "aws.corp.example.com");
    line(&mut session, "AWSCORP");
    keys(&mut session, &[RIGHT, ENTER]); // Enterprise
    line(&mut session, "vpc-0123456789abcdef0");
    line(&mut session, "subnet-0123456789abcdef0");
    line(&mut session, "subnet-0fedcba9876543210");
    keys(&mut session, &[ENTER, ENTER]); // trust and admin password references
    keys(&mut session, &[ENTER, ENTER, TAB, ENTER]);
    let exit = finish(&mut session);
    assert_eq!(exit, "EXIT=0");
    assert_eq!(saved(&out), expected_trust());
    validate(&out);
}

#[test]
fn plain_ad_connector_flow() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --plain --out {}", out.display()), &[]);
    plain_connector_to_save(&mut session);
    keys(&mut session, &[ENTER]);
    let exit = finish(&mut session);
    assert_eq!(exit, "EXIT=0");
    assert_eq!(saved(&out), expected_connector());
}

/// Answers the plain AD Connector flow up to "Save the plan to:" (save only, no apply).
fn plain_connector_to_save(session: &mut Session) {
    plain_connector_to_finish(session);
    keys(session, &[ENTER]); // save only
    session.expect("Save the plan to:").unwrap();
}

/// Answers the plain AD Connector flow up to "Finish:".
fn plain_connector_to_finish(session: &mut Session) {
    session.expect("Which design?").unwrap();
    keys(session, &[DOWN, ENTER]); // AD Connector
    session.expect("Domain (FQDN)").unwrap();
    line(session, "corp");
    session.expect("single-label").unwrap();
    line(session, ".example.com");
    line(session, "CORP");
    line(session, "10.0.0.10, 10.0.0.11");
    session.expect("connectivity").unwrap();
    keys(session, &[ENTER]); // no connectivity check now
    session.expect("type the values").unwrap();
    keys(session, &[ENTER, ENTER]);
    line(session, "123456789012");
    keys(session, &[ENTER]);
    line(session, "vpc-0123456789abcdef0");
    line(session, "subnet-0123456789abcdef0");
    line(session, "subnet-0fedcba9876543210");
    keys(session, &[ENTER, ENTER]);
    session.expect("Finish:").unwrap();
}

#[test]
fn plain_trust_flow() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --plain --out {}", out.display()), &[]);
    session.expect("Which design?").unwrap();
    keys(&mut session, &[ENTER]); // two-way trust, the first
    session.expect("Domain (FQDN)").unwrap();
    line(&mut session, "corp.example.com");
    line(&mut session, "CORP");
    line(&mut session, "10.0.0.10, 10.0.0.11");
    session.expect("Add another domain?").unwrap();
    keys(&mut session, &[ENTER]); // no: one domain
    session.expect("connectivity").unwrap();
    keys(&mut session, &[ENTER]); // no connectivity check now
    session.expect("type the values").unwrap();
    keys(&mut session, &[ENTER, ENTER]);
    line(&mut session, "123456789012");
    keys(&mut session, &[ENTER, ENTER, ENTER]);
    line(&mut session, "aws.corp.example.com");
    line(&mut session, "AWSCORP");
    keys(&mut session, &[DOWN, ENTER]); // Enterprise
    line(&mut session, "vpc-0123456789abcdef0");
    line(&mut session, "subnet-0123456789abcdef0");
    line(&mut session, "subnet-0fedcba9876543210");
    keys(&mut session, &[ENTER, ENTER]);
    session.expect("Finish:").unwrap();
    keys(&mut session, &[ENTER]); // save only
    session.expect("Save the plan to:").unwrap();
    keys(&mut session, &[ENTER]);
    let exit = finish(&mut session);
    assert_eq!(exit, "EXIT=0");
    assert_eq!(saved(&out), expected_trust());
}

#[test]
fn ctrl_c_asks_then_quits_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --out {}", out.display()), &[]);
    session.expect("Directory?").unwrap();
    keys(&mut session, &[CTRL_C]);
    session.expect("anyway?").unwrap();
    keys(&mut session, &["y"]);
    let exit = finish(&mut session);
    assert_eq!(exit, "EXIT=1");
    assert!(!out.exists(), "nothing is saved on quit");
}

#[test]
fn a_panic_restores_the_terminal() {
    let mut session = spawn(
        "wizard --out /dev/null",
        &[("ADSSO_WIZARD_FORCE_PANIC", "1")],
    );
    session.expect("forced panic").unwrap();
    let exit = finish(&mut session);
    assert_eq!(exit, "EXIT=101");
}

#[test]
fn no_terminal_is_a_clear_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_adsso"))
        .args(["wizard", "--out", "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("needs an interactive terminal"));
}
