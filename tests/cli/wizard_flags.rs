//! `adsso wizard` with its answers as flags: a refused value ends with exit 2 naming the flag
//! and what is allowed, before any screen (no terminal is needed to be refused); a value clap
//! itself refuses (an unknown `--mode`, conflicting flags) is exit 2 too.

use crate::support::adsso;

/// Runs `adsso wizard --out /dev/null ARGS` (stdin is not a terminal).
fn wizard(args: &[&str]) -> crate::support::Run {
    let mut all = vec!["wizard", "--out", "/dev/null"];
    all.extend_from_slice(args);
    adsso(all)
}

#[test]
fn a_refused_flag_value_is_exit_2_naming_the_flag_and_what_is_allowed() {
    for (args, named, allowed) in [
        (&["--domain", "corp"][..], "--domain", "single-label"),
        (&["--netbios", "WAY-TOO-LONG-NETBIOS"], "--netbios", "15"),
        (&["--region", "mars-1"], "--region", "mars-1"),
        (&["--dns", "10.0.0.300"], "--dns", "10.0.0.300"),
        (&["--vpc", "vpc-nope"], "--vpc", "vpc-"),
        (
            &["--subnets", "subnet-0123456789abcdef0"],
            "--subnets",
            "exactly 2",
        ),
        (&["--account", "12345"], "--account", "12"),
        (
            &["--mode", "trust", "--size", "large"],
            "--size",
            "ad-connector",
        ),
    ] {
        let run = wizard(args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.all_output());
        assert!(
            run.stderr.contains(&format!("{named}:")) && run.stderr.contains(allowed),
            "{args:?}: {}",
            run.stderr
        );
        assert!(
            !run.stderr.contains("interactive terminal"),
            "refused before the terminal is needed: {}",
            run.stderr
        );
    }
}

#[test]
fn clap_refuses_an_unknown_mode_and_conflicting_flags() {
    let run = wizard(&["--mode", "one-way"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("--mode") && run.stderr.contains("ad-connector"));
    let run = wizard(&[
        "--directory-id",
        "d-1234567890",
        "--aws-domain",
        "a.example.com",
    ]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("--aws-domain"), "{}", run.stderr);
}

#[test]
fn valid_flags_go_on_to_the_terminal_check() {
    let run = wizard(&[
        "--mode",
        "ad-connector",
        "--domain",
        "corp.example.com",
        "--region",
        "eu-west-1",
    ]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("interactive terminal"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_password_typed_into_a_variable_flag_is_never_printed() {
    let run = wizard(&["--service-password-env", "Hunter2-Secret!"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("--service-password-env"),
        "{}",
        run.stderr
    );
    assert!(
        !run.all_output().contains("Hunter2"),
        "{}",
        run.all_output()
    );
}
