//! Unusable plan files, through every command that reads a plan: a missing file, a directory, a
//! FIFO (which would block a plain open), character devices, a symbolic link loop, a sparse
//! 3 GiB file and one byte over the cap. Each ends with exit 2 within the time limit (the run is
//! killed and the test fails otherwise), naming the file and why; the cap itself is accepted.

use std::path::{Path, PathBuf};

use super::valid_plan;
use crate::support::{TIME_LIMIT, adsso, report};

/// Every command that reads a plan, with the arguments after the file. None of them gets as
/// far as AWS: the plan is read first.
const COMMANDS: [(&str, &[&str]); 9] = [
    ("validate", &[]),
    ("diagram", &[]),
    ("status", &[]),
    ("apply", &["--dry-run"]),
    ("apply", &["--yes"]),
    ("destroy", &["--yes"]),
    ("onprem-script", &[]),
    ("preflight", &["--timeout", "100ms"]),
    ("diagram", &["--format", "mermaid"]),
];

/// Creates a FIFO at `path` with mkfifo(1).
pub fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

/// A sparse file of `len` bytes (no disk space used).
pub fn sparse(path: &Path, len: u64) {
    std::fs::File::create(path).unwrap().set_len(len).unwrap();
}

/// Whitespace collapsed, so a message wrapped by the error printer still matches.
fn flat(text: &str) -> String {
    text.split_whitespace()
        .filter(|word| !matches!(*word, "│" | "×" | "╰─▶" | "├─▶"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The unusable plans, by name, with the words the reason must contain.
fn unusable(dir: &Path) -> Vec<(&'static str, PathBuf, String)> {
    let fifo = dir.join("fifo.yaml");
    mkfifo(&fifo);
    let (a, b) = (dir.join("loop-a.yaml"), dir.join("loop-b.yaml"));
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let huge = dir.join("huge.yaml");
    sparse(&huge, 3 << 30);
    let over = dir.join("over.yaml");
    std::fs::write(&over, padded(&valid_plan(), 256 * 1024 + 1)).unwrap();
    let subdir = dir.join("plans");
    std::fs::create_dir(&subdir).unwrap();
    vec![
        (
            "a missing file",
            dir.join("missing.yaml"),
            "no such file or directory".into(),
        ),
        ("a directory", subdir, "it is a directory".into()),
        ("a FIFO", fifo, "it is a named pipe (FIFO)".into()),
        (
            "/dev/zero",
            "/dev/zero".into(),
            "it is a character device".into(),
        ),
        (
            "/dev/null",
            "/dev/null".into(),
            "it is a character device".into(),
        ),
        ("a symbolic link loop", a, "symbolic link loop".into()),
        (
            "a sparse 3 GiB file",
            huge,
            "the file is 3.0 GiB (3221225472 bytes); a plan is at most 256 KiB".into(),
        ),
        (
            "one byte over the cap",
            over,
            "(262145 bytes); a plan is at most 256 KiB".into(),
        ),
    ]
}

/// `plan` padded with a trailing comment to exactly `len` bytes.
pub fn padded(plan: &str, len: usize) -> Vec<u8> {
    let mut text = format!("{plan}# ");
    assert!(text.len() < len);
    text.push_str(&"x".repeat(len - text.len() - 1));
    text.push('\n');
    assert_eq!(text.len(), len);
    text.into_bytes()
}

#[test]
fn unusable_plan_files_exit_2_fast_naming_the_file_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for (label, path, reason) in unusable(dir.path()) {
        for (command, extra) in COMMANDS {
            let mut args = vec![command.as_ref(), path.as_os_str()];
            args.extend(extra.iter().map(std::ffi::OsStr::new));
            let run = adsso(&args);
            let shown = format!("{label}: `adsso {command} FILE {}`", extra.join(" "));
            if run.code != Some(2) || run.panicked() {
                failures.push(format!("{shown}: exit {:?}\n{}", run.code, run.stderr));
            }
            if run.elapsed > TIME_LIMIT {
                failures.push(format!("{shown}: took {:?}", run.elapsed));
            }
            let said = flat(&run.stderr);
            let expected = format!("cannot read the plan {}: ", path.display());
            if !said.contains(&expected) || !said.contains(&reason) {
                failures.push(format!(
                    "{shown}: expected `{expected}` and `{reason}` in\n{}",
                    run.stderr
                ));
            }
        }
    }
    report(&failures);
}

#[test]
fn a_plan_of_exactly_the_cap_is_read_and_one_more_byte_is_refused_with_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.yaml");
    std::fs::write(&path, padded(&valid_plan(), 256 * 1024)).unwrap();
    let run = adsso(["validate".as_ref(), path.as_os_str()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    std::fs::write(&path, padded(&valid_plan(), 256 * 1024 + 1)).unwrap();
    let run = adsso(["validate".as_ref(), path.as_os_str()]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        flat(&run.stderr)
            .contains("the file is 256.0 KiB (262145 bytes); a plan is at most 256 KiB"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_plan_through_a_symbolic_link_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("plan.yaml");
    std::fs::write(&target, valid_plan()).unwrap();
    let link = dir.path().join("link.yaml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let run = adsso(["validate".as_ref(), link.as_os_str()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn the_library_reports_the_real_size_of_bytes_over_the_cap() {
    let bytes = vec![b'#'; 3 * 1024 * 1024];
    let problems = adsso::plan::load(&bytes).unwrap_err();
    let shown = problems.to_string();
    assert!(
        shown.contains("the file is 3.0 MiB (3145728 bytes)") && shown.contains("at most 256 KiB"),
        "{shown}"
    );
}
