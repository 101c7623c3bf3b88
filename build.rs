//! Records the commit the binary is built from, for `adsso --version`: `ADSSO_COMMIT` from the
//! environment when set (packagers building from a tarball), else `git rev-parse`, else
//! "unknown commit".

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=ADSSO_COMMIT");
    let commit = std::env::var("ADSSO_COMMIT")
        .ok()
        .filter(|commit| !commit.is_empty())
        .or_else(git_commit)
        .unwrap_or_else(|| "unknown commit".to_owned());
    println!("cargo:rustc-env=ADSSO_COMMIT={commit}");
}

/// The short commit id of HEAD, and a rebuild whenever HEAD moves.
fn git_commit() -> Option<String> {
    let git = |args: &[&str]| -> Option<String> {
        let output = Command::new("git").args(args).output().ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
    };
    // Only files that exist: cargo reruns a build script on every build for a missing one.
    let watch = |path: Option<String>| {
        if let Some(path) = path.filter(|path| std::path::Path::new(path).exists()) {
            println!("cargo:rerun-if-changed={path}");
        }
    };
    watch(git(&["rev-parse", "--git-path", "HEAD"]));
    if let Some(reference) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watch(git(&["rev-parse", "--git-path", &reference]));
    }
    watch(git(&["rev-parse", "--git-path", "packed-refs"]));
    git(&["rev-parse", "--short=12", "HEAD"])
        .filter(|commit| commit.len() == 12 && commit.bytes().all(|b| b.is_ascii_hexdigit()))
}
