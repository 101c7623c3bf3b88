//! Safe under a hostile AWS side: an endpoint that accepts and never answers, one that refuses,
//! answers holding terminal escapes, and `destroy` against the wrong account or a directory adsso
//! did not create.

use std::net::TcpListener;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::support::Run;
use crate::support::moto::{ACCOUNT, Peer, REGION};
use crate::support::plans::*;

/// A run against an endpoint that is never answered is killed after this and fails the test.
const KILL_AFTER: Duration = Duration::from_secs(60);

/// What text planted in AWS looks like: an OSC 52 clipboard write and a faked output line.
const HOSTILE: &str = "evil\u{1b}]52;c;ZXZpbA==\u{7}\nadsso: all clean";
/// How the escaped form starts in adsso's output.
const SHOWN: &str = "evil\\u{1b}]52;c;ZXZpbA==\\u{7}\\nadsso: all clean";

/// Runs `adsso` against `endpoint` with fake credentials and no config files or instance
/// metadata to look up; killed after [`KILL_AFTER`].
fn adsso_at(endpoint: &str, args: &[&str]) -> Run {
    adsso_with(
        endpoint,
        args,
        &[
            ("AWS_ACCESS_KEY_ID", "testing"),
            ("AWS_SECRET_ACCESS_KEY", "testing"),
        ],
    )
}

/// [`adsso_at`] with only the credentials in `credentials`.
fn adsso_with(endpoint: &str, args: &[&str], credentials: &[(&str, &str)]) -> Run {
    let started = Instant::now();
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_adsso"))
        .args(args)
        .args(["--endpoint-url", endpoint])
        .env("NO_COLOR", "1")
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .envs(credentials.iter().copied())
        .env("AWS_REGION", REGION)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", "/nonexistent/adsso-test-config")
        .env(
            "AWS_SHARED_CREDENTIALS_FILE",
            "/nonexistent/adsso-test-credentials",
        )
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_ENDPOINT_URL")
        .env("ADSSO_RETRY_INITIAL_BACKOFF_MS", "10")
        .envs(SECRETS)
        .timeout(KILL_AFTER)
        .output()
        .unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

/// A listener on 127.0.0.1 that accepts every connection and never answers; stops on drop.
struct Stalled {
    port: u16,
    stop: Arc<AtomicBool>,
}

impl Stalled {
    fn start() -> Stalled {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut held = Vec::new();
            while !stopped.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => held.push(stream),
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        });
        Stalled { port, stop }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Stalled {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn offline_plan(dir: &Path) -> std::path::PathBuf {
    let subnets = [
        "subnet-0123456789abcdef0".to_owned(),
        "subnet-0fedcba9876543210".to_owned(),
    ];
    write(
        dir,
        &ad_connector_plan(ACCOUNT, "vpc-0123456789abcdef0", &subnets),
    )
}

/// True when `needle` is in `text`, ignoring whitespace and miette's frame (which may wrap a
/// line anywhere, even inside a hyphenated word).
fn has(text: &str, needle: &str) -> bool {
    let squash = |t: &str| -> String {
        t.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '│' | '×'))
            .collect()
    };
    squash(text).contains(&squash(needle))
}

fn no_debug_dump(run: &Run) {
    let all = run.all_output();
    for dump in [
        "DispatchFailure(",
        "{ source:",
        "ConnectorError",
        "TimeoutError(",
    ] {
        assert!(
            !all.contains(dump),
            "a Debug dump ({dump}) was printed:\n{all}"
        );
    }
}

#[test]
fn a_stalled_endpoint_ends_status_and_apply_with_exit_1_naming_it() {
    let stalled = Stalled::start();
    let dir = tempfile::tempdir().unwrap();
    let plan = offline_plan(dir.path());
    let plan = plan.to_str().unwrap();
    for args in [
        vec!["status", plan, "--aws-timeout", "2s"],
        vec!["apply", plan, "--yes", "--aws-timeout", "2s"],
    ] {
        let run = adsso_at(&stalled.url(), &args);
        eprintln!("adsso {} ended after {:?}", args[0], run.elapsed);
        assert_eq!(run.code, Some(1), "{:?}: {}", run.elapsed, run.all_output());
        assert!(run.elapsed < Duration::from_secs(15), "{:?}", run.elapsed);
        let text = &run.stderr;
        assert!(has(text, "the call timed out"), "{text}");
        assert!(has(text, &stalled.url()), "{text}");
        assert!(has(text, "--aws-timeout"), "{text}");
        no_debug_dump(&run);
        no_secret(&run);
    }
}

#[test]
fn a_refused_connection_is_said_in_words() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let dir = tempfile::tempdir().unwrap();
    let plan = offline_plan(dir.path());
    let run = adsso_at(&url, &["status", plan.to_str().unwrap()]);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    let text = &run.stderr;
    assert!(has(text, "refused the connection"), "{text}");
    assert!(has(text, &url), "{text}");
    assert!(!has(text, "AWS said"), "{text}");
    no_debug_dump(&run);
    assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
}

#[test]
fn missing_credentials_are_said_in_words() {
    let stalled = Stalled::start();
    let dir = tempfile::tempdir().unwrap();
    let plan = offline_plan(dir.path());
    let run = adsso_with(&stalled.url(), &["status", plan.to_str().unwrap()], &[]);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    let text = &run.stderr;
    assert!(has(text, "the AWS credentials are missing"), "{text}");
    assert!(has(text, "configure credentials"), "{text}");
    assert!(!has(text, "dispatch failure"), "{text}");
    // The chain's list of providers is one sentence, not its multi-line dump (issue 13, bug 11).
    assert!(
        has(text, "no credentials found; tried: Environment, Profile"),
        "{text}"
    );
    assert!(
        !text.contains("Attempted:") && !text.contains('\t'),
        "{text}"
    );
    no_debug_dump(&run);
}

#[test]
fn the_aws_timeout_flag_takes_a_duration_or_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let plan = offline_plan(dir.path());
    let refused =
        crate::support::adsso(["status", plan.to_str().unwrap(), "--aws-timeout", "soon"]);
    assert_eq!(refused.code, Some(2), "{}", refused.all_output());
    assert!(
        refused.stderr.contains("--aws-timeout"),
        "{}",
        refused.stderr
    );
    let help = crate::support::adsso(["status", "--help"]);
    assert_eq!(help.code, Some(0), "{}", help.all_output());
    assert!(help.stdout.contains("--aws-timeout"), "{}", help.stdout);
    assert!(help.stdout.contains("default: 60s"), "{}", help.stdout);
}

#[test]
fn aws_names_and_reasons_are_shown_escaped_by_status() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let id = peer.boto(&format!(
        "ds = boto3.client('ds', **kw)\nr = ds.create_microsoft_ad(Name='aws.corp.example.com', ShortName='AWSCORP', Password='Passw0rd!x', VpcSettings={{'VpcId': '{vpc}', 'SubnetIds': ['{}', '{}']}})\nprint(json.dumps(r['DirectoryId']))",
        subnets[0], subnets[1]
    ));
    let id = id.as_str().unwrap();
    let planted = serde_json::json!({"directoryId": id, "name": HOSTILE, "stageReason": HOSTILE});
    peer.post("/_ext/directory", &planted.to_string());
    peer.sync(id, "corp.example.com", &[HOSTILE]);
    let text = trust_plan(&vpc, &subnets);
    let start = text.find("      create:").unwrap();
    let text = format!("{}      existingDirectoryId: {id}\n", &text[..start]);
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &text);

    let run = peer.adsso(&["status", plan.to_str().unwrap()], &[]);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    let all = run.all_output();
    assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all:?}");
    assert!(
        run.stdout.matches(SHOWN).count() >= 3,
        "name, stage reason and group:\n{}",
        run.stdout
    );
    assert!(
        !all.lines().any(|l| l.starts_with("adsso: all clean")),
        "{all}"
    );

    let json = peer.adsso(&["status", plan.to_str().unwrap(), "--output", "json"], &[]);
    assert_eq!(json.code, Some(0), "{}", json.all_output());
    assert!(!json.stdout.contains('\u{1b}'), "{:?}", json.stdout);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["directory"]["stageReason"], HOSTILE);
}

#[test]
fn an_aws_error_message_is_shown_escaped_and_indented() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let fault = serde_json::json!({
        "target": "DirectoryService_20150416.ConnectDirectory",
        "count": 1, "kind": "error", "code": "ClientException", "message": HOSTILE,
    });
    peer.post("/_fault", &fault.to_string());
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    let all = run.all_output();
    assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all:?}");
    assert!(
        has(
            &run.stderr,
            "evil\\u{1b}]52;c;ZXZpbA==\\u{7} adsso: all clean"
        ),
        "{}",
        run.stderr
    );
    assert!(
        !all.lines().any(|l| l.starts_with("adsso: all clean")),
        "{all}"
    );
}

#[test]
fn destroy_refuses_another_account_before_listing_or_deleting() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let first = apply(&peer, &plan);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    assert_eq!(peer.directories().len(), 1);

    let other = write(
        dir.path(),
        &ad_connector_plan("111122223333", &vpc, &subnets),
    );
    let listed_before = peer.count("DescribeDirectories");
    let run = peer.adsso(&["destroy", other.to_str().unwrap(), "--yes"], &[]);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    let text = &run.stderr;
    assert!(
        has(text, "credentials are for account 123456789012"),
        "{text}"
    );
    assert!(has(text, "the plan is for account 111122223333"), "{text}");
    assert!(!run.stdout.contains("delete directory"), "{}", run.stdout);
    assert_eq!(peer.count("DescribeDirectories"), listed_before, "listed");
    assert_eq!(peer.count("DeleteDirectory"), 0);
    assert_eq!(peer.directories().len(), 1);

    let region = peer.adsso(
        &[
            "destroy",
            other.to_str().unwrap(),
            "--yes",
            "--region",
            "eu-west-1",
        ],
        &[],
    );
    assert_eq!(region.code, Some(2), "{}", region.all_output());
    assert!(
        has(&region.stderr, "contradicts the plan's aws.region"),
        "{}",
        region.stderr
    );
    assert_eq!(peer.directories().len(), 1);
}

#[test]
fn destroy_leaves_a_same_named_directory_it_did_not_create_and_offers_no_adoption() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    peer.boto(&format!(
        "ds = boto3.client('ds', **kw)\nr = ds.connect_directory(Name='corp.example.com', ShortName='CORP', Password='Passw0rd!x', Size='Small', ConnectSettings={{'VpcId': '{vpc}', 'SubnetIds': ['{}', '{}'], 'CustomerDnsIps': ['10.0.0.10'], 'CustomerUserName': 'other'}})\nprint(json.dumps(r['DirectoryId']))",
        subnets[0], subnets[1]
    ));
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let run = peer.adsso(&["destroy", plan.to_str().unwrap(), "--yes"], &[]);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    let text = run.all_output();
    assert!(
        has(&text, "not tagged adsso:plan=corp-ad-connector"),
        "{text}"
    );
    assert!(has(&text, "leaves it alone"), "{text}");
    assert!(has(&text, "aws ds delete-directory"), "{text}");
    assert!(!has(&text, "adopt") && !has(&text, "tagit"), "{text}");
    assert_eq!(peer.count("DeleteDirectory"), 0);
    assert_eq!(peer.directories().len(), 1);
}

#[test]
fn a_page_token_that_comes_back_unchanged_ends_the_listing_with_an_error() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    // Every ListInstances answer names the same next page: without the bound, `status` would
    // read it forever.
    let fault = serde_json::json!({
        "target": "SWBExternalService.ListInstances", "count": 1000, "kind": "repeatToken",
    });
    peer.post("/_fault", &fault.to_string());
    let run = peer.adsso(&["status", plan.to_str().unwrap()], &[]);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert!(
        has(&run.stderr, "ListInstances") && has(&run.stderr, "repeated the page token"),
        "{}",
        run.stderr
    );
    assert_eq!(peer.count("ListInstances"), 2, "{:?}", peer.calls());
}
