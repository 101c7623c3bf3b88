//! `NO_COLOR` (no-color.org): the plain wizard's prompts carry no colour then, and do without
//! it (which proves the check can fail).

use super::*;

/// Whether `text` holds an SGR sequence that sets a colour (30-37, 90-97, 38;5/38;2 and their
/// background forms), as opposed to cursor movement or a reset.
fn has_colour(text: &str) -> bool {
    let regex =
        regex::Regex::new(r"\x1b\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m").unwrap();
    regex.is_match(text)
}

/// The plain wizard's output up to its first prompt, with `env`.
fn first_prompt(env: &[(&str, &str)]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --plain --out {}", out.display()), env);
    let found = session.expect("then the recommended design)").unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(found.before()),
        String::from_utf8_lossy(found.as_bytes())
    );
    session.send(expectrl::ControlCode::EndOfText).unwrap();
    text
}

#[test]
fn no_color_takes_the_colour_out_of_the_plain_wizard() {
    assert!(
        has_colour(&first_prompt(&[])),
        "inquire colours its prompts by default"
    );
    let plain = first_prompt(&[("NO_COLOR", "1")]);
    assert!(!has_colour(&plain), "{plain:?}");
    assert!(plain.contains("Which design?"), "{plain:?}");
}

/// Everything `adsso status` prints for a missing plan, in a pseudo-terminal, with `env`.
fn error_report(env: &[(&str, &str)]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_adsso"));
    command
        .args(["status", "/nonexistent/adsso-plan.yaml"])
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR");
    for (key, value) in env {
        command.env(key, value);
    }
    let mut session = expectrl::Session::spawn(command).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(10)));
    let all = session.expect(expectrl::Eof).unwrap();
    String::from_utf8_lossy(all.as_bytes()).into_owned()
}

#[test]
fn no_color_takes_the_colour_out_of_error_reports() {
    let coloured = error_report(&[]);
    assert!(
        has_colour(&coloured),
        "miette colours a report on a terminal: {coloured:?}"
    );
    let plain = error_report(&[("NO_COLOR", "1")]);
    assert!(!has_colour(&plain), "{plain:?}");
    assert!(plain.contains("cannot read the plan"), "{plain:?}");
}
