//! Hostile input: alias bombs, deep nesting, junk, random bytes, NUL bytes, empty and
//! comment-only files, several documents, a huge scalar, a directory. Each must be refused
//! (exit 2) within a second and never panic, both through the binary and through
//! `adsso::plan::load`. Unusable files (FIFOs, devices, loops, sparse giants): see `files`.

mod files;

use std::path::Path;
use std::time::Instant;

use crate::support::{TIME_LIMIT, adsso, crate_dir, report, temp_plan};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| (self.next() >> 24) as u8).collect()
    }

    /// Random text: mostly YAML punctuation, letters and line breaks.
    fn junk(&mut self, len: usize) -> Vec<u8> {
        const ALPHABET: &[u8] = b"abcXYZ019 :-[]{}&*!|>'\"#%@`,?\n\n\t";
        (0..len)
            .map(|_| ALPHABET[(self.next() % ALPHABET.len() as u64) as usize])
            .collect()
    }

    /// Random valid UTF-8 of about `len` bytes, from all planes.
    fn utf8(&mut self, len: usize) -> Vec<u8> {
        let mut text = String::new();
        while text.len() < len {
            let candidate = match self.next() % 4 {
                0 => (self.next() % 0x80) as u32,
                1 => (self.next() % 0x800) as u32,
                2 => (self.next() % 0x1_0000) as u32,
                _ => (self.next() % 0x11_0000) as u32,
            };
            if let Some(c) = char::from_u32(candidate) {
                text.push(c);
            }
        }
        text.into_bytes()
    }
}

fn valid_plan() -> String {
    std::fs::read_to_string(crate_dir().join("tests/fixtures/valid/ad-connector-small.yaml"))
        .unwrap()
}

fn replaced(base: &str, from: &str, to: &str) -> String {
    assert_eq!(base.matches(from).count(), 1, "`{from}` must occur once");
    base.replace(from, to)
}

/// Billion laughs: 9 levels of 10 aliases each, inline as one flow sequence.
fn laughs_inline() -> String {
    let mut levels = vec![format!("&l0 [{}]", ["lol"; 10].join(", "))];
    for level in 1..9 {
        let refs = vec![format!("*l{}", level - 1); 10].join(", ");
        levels.push(format!("&l{level} [{refs}]"));
    }
    format!("[{}]", levels.join(", "))
}

/// Billion laughs as top-level keys (the classic form).
fn laughs_top_level() -> String {
    let mut text = format!("l0: &l0 [{}]\n", ["\"lol\""; 10].join(", "));
    for level in 1..9 {
        let refs = vec![format!("*l{}", level - 1); 10].join(", ");
        text.push_str(&format!("l{level}: &l{level} [{refs}]\n"));
    }
    text
}

/// A mapping-based alias bomb hidden in the list of policies.
fn laughs_block(base: &str) -> String {
    let mut anchors = String::from("      managedPolicies:\n");
    anchors.push_str(&format!(
        "        - &m0 [{}]\n",
        ["arn:aws:iam::aws:policy/ReadOnlyAccess"; 10].join(", ")
    ));
    for level in 1..9 {
        let refs = vec![format!("*m{}", level - 1); 10].join(", ");
        anchors.push_str(&format!("        - &m{level} [{refs}]\n"));
    }
    replaced(
        base,
        "      managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n",
        &anchors,
    )
}

/// Every hostile input, by name.
fn hostile_inputs() -> Vec<(&'static str, Vec<u8>)> {
    let plan = valid_plan();
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let deep_flow = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_map = format!("{}1{}", "{a: ".repeat(10_000), "}".repeat(10_000));
    let deep_block = format!("{}x\n", "- ".repeat(10_000));
    let deep_block_map = (0..10_000).fold(String::new(), |mut text, _| {
        text.push_str("? ");
        text
    }) + "x\n";
    let huge = "a".repeat(200 * 1024);
    let mut with_nul = plan.clone().into_bytes();
    with_nul.splice(30..30, [0u8, b'x', 0u8]);
    vec![
        (
            "alias bomb in identityCenter.permissionSets[0].managedPolicies",
            replaced(
                &plan,
                "managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]",
                &format!("managedPolicies: {}", laughs_inline()),
            )
            .into_bytes(),
        ),
        (
            "alias bomb as block items of managedPolicies",
            laughs_block(&plan).into_bytes(),
        ),
        ("alias bomb at top level", laughs_top_level().into_bytes()),
        (
            "alias bomb at top level, then a plan",
            format!("{}{plan}", laughs_top_level()).into_bytes(),
        ),
        (
            "alias bomb as selfManaged.dnsServers",
            replaced(
                &plan,
                "dnsServers: [10.0.0.10, 10.0.0.11]",
                &format!("dnsServers: {}", laughs_inline()),
            )
            .into_bytes(),
        ),
        (
            "a 100 KB anchored scalar aliased 99 times in managedPolicies",
            replaced(
                &plan,
                "managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]",
                &format!(
                    "managedPolicies: [&s {}, {}]",
                    "a".repeat(100_000),
                    ["*s"; 99].join(", ")
                ),
            )
            .into_bytes(),
        ),
        (
            "a 100 KB anchored scalar aliased 99 times in dnsServers",
            replaced(
                &plan,
                "dnsServers: [10.0.0.10, 10.0.0.11]",
                &format!(
                    "dnsServers: [&s {}, {}]",
                    "1".repeat(100_000),
                    ["*s"; 99].join(", ")
                ),
            )
            .into_bytes(),
        ),
        (
            "500 aliases of an account id",
            replaced(
                &plan,
                "accounts: [\"111122223333\"]",
                &format!(
                    "accounts: [&a \"111122223333\", {}]",
                    ["*a"; 500].join(", ")
                ),
            )
            .into_bytes(),
        ),
        ("10,000-deep flow sequences", deep_flow.clone().into_bytes()),
        (
            "10,000-deep flow sequences as metadata.name",
            replaced(
                &plan,
                "name: corp-ad-connector",
                &format!("name: {deep_flow}"),
            )
            .into_bytes(),
        ),
        ("10,000-deep flow mappings", deep_map.clone().into_bytes()),
        (
            "10,000-deep flow mappings as tags",
            replaced(
                &plan,
                "tags: {Owner: platform-team}",
                &format!("tags: {deep_map}"),
            )
            .into_bytes(),
        ),
        (
            "10,000-deep block sequences",
            deep_block.clone().into_bytes(),
        ),
        (
            "10,000-deep block sequences as dnsServers",
            replaced(
                &plan,
                "dnsServers: [10.0.0.10, 10.0.0.11]",
                &format!("dnsServers:\n    {deep_block}"),
            )
            .into_bytes(),
        ),
        ("10,000-deep complex keys", deep_block_map.into_bytes()),
        ("3 MB of junk", rng.junk(3 * 1024 * 1024)),
        ("200 KB of junk", rng.junk(200 * 1024)),
        ("300 KB of random bytes", rng.bytes(300 * 1024)),
        ("200 KB of random bytes", rng.bytes(200 * 1024)),
        ("200 KB of random valid UTF-8", rng.utf8(200 * 1024)),
        ("NUL bytes in a plan", with_nul),
        ("a single NUL byte", vec![0]),
        ("an empty file", Vec::new()),
        ("only whitespace", b"  \n\n\t\n".to_vec()),
        (
            "only comments",
            b"# a plan\n# apiVersion: adsso/v1\n   # indented comment\n".to_vec(),
        ),
        ("only document markers", b"---\n...\n---\n".to_vec()),
        ("two documents", format!("{plan}---\n{plan}").into_bytes()),
        ("a bare scalar", b"hello\n".to_vec()),
        ("a bare list", b"- a\n- b\n".to_vec()),
        ("a null document", b"~\n".to_vec()),
        (
            "a 200 KB scalar as metadata.name",
            replaced(&plan, "name: corp-ad-connector", &format!("name: {huge}")).into_bytes(),
        ),
        (
            "a 200 KB scalar as the whole file",
            huge.clone().into_bytes(),
        ),
        (
            "a 200 KB quoted scalar as an unknown key",
            format!("\"{huge}\": 1\n").into_bytes(),
        ),
        (
            "a UTF-8 byte order mark and junk",
            b"\xEF\xBB\xBF\xEF\xBB\xBF: : :\n".to_vec(),
        ),
        (
            "a truncated multi-byte character",
            [plan.as_bytes(), b"# caf\xC3"].concat(),
        ),
        ("UTF-16 text", {
            let mut bytes = vec![0xFF, 0xFE];
            bytes.extend(plan.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        }),
    ]
}

/// Checks one run of the binary on a hostile file.
fn check_run(label: &str, command: &str, path: &Path, failures: &mut Vec<String>) {
    let run = adsso([command.as_ref(), path.as_os_str()]);
    if run.panicked() {
        failures.push(format!("{label}: `{command}` panicked:\n{}", run.stderr));
    }
    if run.code != Some(2) {
        failures.push(format!(
            "{label}: `{command}` exit {:?}, expected 2\n{}",
            run.code,
            run.stderr.chars().take(2_000).collect::<String>()
        ));
    }
    if run.elapsed > TIME_LIMIT {
        failures.push(format!("{label}: `{command}` took {:?}", run.elapsed));
    }
    if run.stderr.trim().is_empty() {
        failures.push(format!("{label}: `{command}` gave no reason"));
    }
}

#[test]
fn cli_refuses_hostile_files_quickly_without_panicking() {
    let mut failures = Vec::new();
    for (label, bytes) in hostile_inputs() {
        let (_dir, path) = temp_plan("hostile.yaml", &bytes);
        check_run(label, "validate", &path, &mut failures);
        check_run(label, "diagram", &path, &mut failures);
    }
    report(&failures);
}

#[test]
fn library_refuses_hostile_bytes_quickly_without_panicking() {
    let mut failures = Vec::new();
    for (label, bytes) in hostile_inputs() {
        let started = Instant::now();
        let outcome = std::panic::catch_unwind(|| adsso::plan::load(&bytes));
        let elapsed = started.elapsed();
        match outcome {
            Err(_) => failures.push(format!("{label}: load panicked")),
            Ok(Ok(_)) => failures.push(format!("{label}: load accepted it")),
            Ok(Err(problems)) => {
                if problems.0.is_empty() {
                    failures.push(format!("{label}: Err with no diagnostic"));
                }
                if problems
                    .0
                    .iter()
                    .any(|problem| problem.problem.trim().is_empty())
                {
                    failures.push(format!(
                        "{label}: a diagnostic without a problem: {problems:?}"
                    ));
                }
            }
        }
        if elapsed > TIME_LIMIT {
            failures.push(format!("{label}: load took {elapsed:?}"));
        }
        let started = Instant::now();
        if std::panic::catch_unwind(|| adsso::plan::parse(&bytes)).is_err() {
            failures.push(format!("{label}: parse panicked"));
        }
        if started.elapsed() > TIME_LIMIT {
            failures.push(format!("{label}: parse took {:?}", started.elapsed()));
        }
    }
    report(&failures);
}

#[test]
fn validate_a_directory_does_not_hang_or_panic() {
    for dir in [Path::new("/tmp"), Path::new("/")] {
        let run = adsso([Path::new("validate"), dir]);
        assert_eq!(
            run.code,
            Some(2),
            "{}: exit {:?}\n{}",
            dir.display(),
            run.code,
            run.stderr
        );
        assert!(!run.panicked(), "{}", run.stderr);
        assert!(run.elapsed < TIME_LIMIT, "took {:?}", run.elapsed);
    }
}

#[test]
fn validate_dev_null_and_dev_zero_are_refused() {
    for device in ["/dev/null", "/dev/zero"] {
        let run = adsso(["validate", device]);
        assert_eq!(run.code, Some(2), "{device}: {}", run.stderr);
        assert!(!run.panicked(), "{}", run.stderr);
        assert!(run.elapsed < TIME_LIMIT, "{device} took {:?}", run.elapsed);
    }
}

#[test]
fn huge_values_are_not_echoed_in_full() {
    let plan = replaced(
        &valid_plan(),
        "name: corp-ad-connector",
        &format!("name: {}", "a".repeat(200 * 1024)),
    );
    let (_dir, path) = temp_plan("huge.yaml", plan.as_bytes());
    let run = adsso([Path::new("validate"), &path]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.len() < 16 * 1024,
        "a 200 KB metadata.name is echoed back: {} bytes of diagnostics",
        run.stderr.len()
    );
}
