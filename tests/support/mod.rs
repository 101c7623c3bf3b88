//! Helpers shared by the integration tests: fixture discovery, the `# expect:` header of invalid
//! fixtures, running the `adsso` binary with a time limit, and the canary secret.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub mod moto;
pub mod plans;

/// A fake password. It must never appear in anything adsso prints.
pub const CANARY: &str = "Canary-Secret-4711!";

/// How long a refusal (or a validation) may take.
pub const TIME_LIMIT: Duration = Duration::from_secs(1);

/// A run that takes longer than this is killed (so a hang fails the test instead of blocking).
pub const HARD_TIMEOUT: Duration = Duration::from_secs(20);

/// The crate root.
pub fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `.yaml` files of `tests/fixtures/<kind>`, sorted.
pub fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = crate_dir().join("tests").join("fixtures").join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension() == Some(OsStr::new("yaml")))
        .collect();
    files.sort();
    files
}

/// Every example plan shipped in `assets/examples` (`*.yaml`, sorted), so a new example is
/// validated and checked against the JSON Schema without being listed here.
pub fn examples() -> Vec<PathBuf> {
    let dir = crate_dir().join("assets").join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("cannot list {}: {error}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension() == Some(OsStr::new("yaml")))
        .collect();
    files.sort();
    files
}

/// What an invalid fixture's first line announces: `# expect: <path>` or
/// `# expect: <path> @<line>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    /// The field path the diagnostic must name.
    pub path: String,
    /// The line the diagnostic must point at, when the fixture says so.
    pub line: Option<u64>,
}

/// Reads the `# expect:` header of an invalid fixture.
pub fn expectation(file: &Path) -> Expectation {
    let text = std::fs::read_to_string(file).unwrap();
    let first = text.lines().next().unwrap_or_default();
    let rest = first
        .strip_prefix("# expect: ")
        .unwrap_or_else(|| panic!("{} has no `# expect: <path>` first line", file.display()))
        .trim();
    match rest.split_once(" @") {
        Some((path, line)) => Expectation {
            path: path.to_owned(),
            line: Some(line.parse().unwrap()),
        },
        None => Expectation {
            path: rest.to_owned(),
            line: None,
        },
    }
}

/// Finds `<path> (<line>:<col>)` in `output`; returns the line and column of the first match.
pub fn find_located(output: &str, path: &str) -> Option<(u64, u64)> {
    let needle = format!("{path} (");
    output.match_indices(&needle).find_map(|(start, _)| {
        let after = &output[start + needle.len()..];
        let inside = after.split_once(')')?.0;
        let (line, column) = inside.split_once(':')?;
        Some((line.parse().ok()?, column.parse().ok()?))
    })
}

/// What a run of the binary produced.
#[derive(Debug)]
pub struct Run {
    /// The exit code (`None` when killed by a signal).
    pub code: Option<i32>,
    /// Standard output, lossily decoded.
    pub stdout: String,
    /// Standard error, lossily decoded.
    pub stderr: String,
    /// Wall-clock time of the run.
    pub elapsed: Duration,
}

impl Run {
    /// True when the process panicked (Rust's exit code 101 or a panic message).
    pub fn panicked(&self) -> bool {
        self.code == Some(101) || self.stderr.contains("panicked")
    }

    /// Both streams, for searching and for failure messages.
    pub fn all_output(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs `adsso` with `args`, killing it after [`HARD_TIMEOUT`].
pub fn adsso<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    adsso_with_stdin(args, Vec::new())
}

/// Runs `adsso` with `args` and `stdin`, killing it after [`HARD_TIMEOUT`].
pub fn adsso_with_stdin<I, S>(args: I, stdin: Vec<u8>) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let args: Vec<S> = args.into_iter().collect();
    let shown: Vec<String> = args
        .iter()
        .map(|arg| arg.as_ref().to_string_lossy().into_owned())
        .collect();
    let started = Instant::now();
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_adsso"))
        .args(&args)
        .env("NO_COLOR", "1")
        .write_stdin(stdin)
        .timeout(HARD_TIMEOUT)
        .output()
        .unwrap_or_else(|error| panic!("`adsso {}` did not finish: {error}", shown.join(" ")));
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

/// Writes `bytes` to a file named `name` in a new temporary directory.
pub fn temp_plan(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// Fails the test with every collected problem at once.
pub fn report(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} failure(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// What `tests/peers/schema_check.py` says of each file, as an editor would check it (PyYAML +
/// jsonschema): one JSON verdict (`file`, `valid`, `errors`) per file, in order. `first` is the
/// schema file, or `--modeline` to use the schema each file's modeline names.
pub fn schema_verdicts(first: &std::ffi::OsStr, files: &[PathBuf]) -> Vec<serde_json::Value> {
    let output = std::process::Command::new(moto::python())
        .arg(crate_dir().join("tests/peers/schema_check.py"))
        .arg(first)
        .args(files)
        .output()
        .expect("the schema checker runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON verdict a line"))
        .collect()
}
