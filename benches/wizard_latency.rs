//! Wizard latency through a real pseudo-terminal, release build: time from spawn to the first
//! frame, key-to-frame latency while typing in a field, and the peak RSS of a complete AD
//! Connector run (via /usr/bin/time). Prints medians; run with `cargo bench --bench wizard_latency`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use expectrl::Expect;
use expectrl::session::OsSession as Session;

const BIN: &str = env!("CARGO_BIN_EXE_adsso");

fn spawn(command: Command) -> Session {
    let mut session = Session::spawn(command).unwrap();
    session.get_process_mut().set_window_size(100, 32).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(10)));
    session
}

fn wizard() -> Command {
    let mut command = Command::new(BIN);
    command
        .args(["wizard", "--out", "/dev/null"])
        .env("TERM", "xterm-256color");
    command
}

/// No AWS access: discovery fails fast on loopback instead of probing anything.
fn isolate(command: &mut Command) {
    command
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
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn first_frame(runs: usize) -> Duration {
    let samples = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let mut session = spawn(wizard());
            session.expect("Directory?").unwrap();
            let elapsed = started.elapsed();
            session.send("\x03").unwrap();
            session.send("y").unwrap();
            let _ = session.expect(expectrl::Eof);
            elapsed
        })
        .collect();
    median(samples)
}

fn key_to_frame(keys: usize) -> (Duration, Duration) {
    let mut session = spawn(wizard());
    session.expect("Directory?").unwrap();
    session.send("\r").unwrap();
    session.expect("FQDN").unwrap();
    sleep(Duration::from_millis(300));
    let mut samples = Vec::new();
    for index in 0..keys {
        // A new letter each time; the frame shows it right before the cursor glyph.
        let letter = char::from(b'a' + (index % 26) as u8);
        let started = Instant::now();
        session.send(letter.to_string()).unwrap();
        session.expect(format!("{letter}▏").as_str()).unwrap();
        samples.push(started.elapsed());
        sleep(Duration::from_millis(20));
    }
    session.send("\x03").unwrap();
    session.send("y").unwrap();
    let max = samples.iter().max().copied().unwrap_or_default();
    (median(samples), max)
}

fn peak_rss_kib() -> String {
    // The run ends by saving here: a file left by an earlier run would make it ask to replace.
    let _ = std::fs::remove_file("/tmp/adsso-bench-plan.yaml");
    let mut command = Command::new("/usr/bin/time");
    command
        .args([
            "-f",
            "MAXRSS=%MKiB",
            BIN,
            "wizard",
            "--out",
            "/tmp/adsso-bench-plan.yaml",
        ])
        .env("TERM", "xterm-256color");
    isolate(&mut command);
    let mut session = spawn(command);
    session.expect("Directory?").unwrap();
    let step = |session: &mut Session, keys: &str| {
        session.send(keys).unwrap();
        sleep(Duration::from_millis(40));
    };
    for keys in [
        "\x1b[B",
        "\r",
        "corp.example.com",
        "\r",
        "CORP",
        "\r",
        "10.0.0.10, 10.0.0.11",
        "\r",
        "\r",
        "\r",
        "123456789012",
        "\r",
        "\r",
        "vpc-0123456789abcdef0",
        "\r",
        "subnet-0123456789abcdef0",
        "\r",
        "subnet-0fedcba9876543210",
        "\r",
        "\r",
        "\r",
        "\r",
        "\r",     // Review -> Finish
        "\x1b[B", // Finish: from the file name to [ Save ]
        "\r",     // saved: the wizard ends
    ] {
        step(&mut session, keys);
    }
    let found = session.expect(expectrl::Regex("MAXRSS=[0-9]+KiB")).unwrap();
    String::from_utf8_lossy(found.get(0).unwrap()).into_owned()
}

fn main() {
    if std::env::args().any(|arg| arg == "--list") {
        return;
    }
    let first = first_frame(20);
    let (key_median, key_max) = key_to_frame(60);
    let rss = peak_rss_kib();
    println!("time to first frame (median of 20): {first:?}");
    println!("key-to-frame latency (median of 60 keys): {key_median:?} (max {key_max:?})");
    println!("peak RSS of a complete AD Connector run: {rss}");
}
