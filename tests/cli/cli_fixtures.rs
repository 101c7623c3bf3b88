//! Fixture-driven tests of the `adsso` binary: every plan in `tests/fixtures/valid` validates
//! (exit 0), every plan in `tests/fixtures/invalid` is refused (exit 2) with the field path its
//! `# expect:` header names and a line:column, quickly. Also the shipped examples, help, usage
//! errors and the one-way trust explanation (the `init` templates: `templates.rs`).

use std::path::Path;

use crate::support::{
    CANARY, TIME_LIMIT, adsso, crate_dir, examples, expectation, find_located, fixtures, report,
    temp_plan,
};

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn there_are_enough_fixtures() {
    assert!(fixtures("valid").len() >= 8, "at least 8 valid fixtures");
    assert!(
        fixtures("invalid").len() >= 60,
        "one invalid fixture per rule"
    );
}

#[test]
fn every_valid_fixture_validates() {
    let mut failures = Vec::new();
    for file in fixtures("valid") {
        let run = adsso([Path::new("validate"), &file]);
        if run.code != Some(0) {
            failures.push(format!(
                "{}: exit {:?}, expected 0\n{}",
                name(&file),
                run.code,
                run.all_output()
            ));
        }
        if !run.stdout.contains("valid plan") {
            failures.push(format!(
                "{}: stdout lacks `valid plan`: {}",
                name(&file),
                run.stdout
            ));
        }
        if run.elapsed > TIME_LIMIT {
            failures.push(format!("{}: took {:?}", name(&file), run.elapsed));
        }
    }
    report(&failures);
}

#[test]
fn every_valid_fixture_draws_as_text_and_mermaid() {
    let mut failures = Vec::new();
    for file in fixtures("valid") {
        for format in ["text", "mermaid"] {
            let run = adsso([
                "diagram".as_ref(),
                file.as_os_str(),
                "--format".as_ref(),
                format.as_ref(),
            ]);
            if run.code != Some(0) || run.stdout.trim().is_empty() || run.panicked() {
                failures.push(format!(
                    "{} --format {format}: exit {:?}\n{}",
                    name(&file),
                    run.code,
                    run.all_output()
                ));
            }
        }
    }
    report(&failures);
}

#[test]
fn one_dns_server_is_a_warning_not_an_error() {
    let file = crate_dir().join("tests/fixtures/valid/ad-connector-one-dns-server.yaml");
    let run = adsso([Path::new("validate"), &file]);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert!(
        run.stderr.contains("warning: selfManaged.dnsServers ("),
        "expected a warning on selfManaged.dnsServers, got: {}",
        run.stderr
    );
}

#[test]
fn every_invalid_fixture_is_refused_with_the_right_field_and_position() {
    let mut failures = Vec::new();
    for file in fixtures("invalid") {
        let expected = expectation(&file);
        let run = adsso([Path::new("validate"), &file]);
        let label = name(&file);
        if run.panicked() {
            failures.push(format!("{label}: PANIC\n{}", run.stderr));
            continue;
        }
        if run.code != Some(2) {
            failures.push(format!(
                "{label}: exit {:?}, expected 2\n{}",
                run.code,
                run.all_output()
            ));
            continue;
        }
        match find_located(&run.stderr, &expected.path) {
            None => failures.push(format!(
                "{label}: expected a diagnostic for `{} (line:col)`, got:\n{}",
                expected.path, run.stderr
            )),
            Some((line, column)) => {
                if line == 0 || column == 0 {
                    failures.push(format!("{label}: position {line}:{column} is not 1-based"));
                }
                if let Some(want) = expected.line
                    && want != line
                {
                    failures.push(format!(
                        "{label}: `{}` reported at line {line}, the problem is on line {want}\n{}",
                        expected.path, run.stderr
                    ));
                }
            }
        }
        if run.elapsed > TIME_LIMIT {
            failures.push(format!("{label}: refusal took {:?}", run.elapsed));
        }
        if let Some(bad) = run
            .all_output()
            .chars()
            .find(|c| *c != '\n' && (c.is_control() || ('\u{202a}'..='\u{202e}').contains(c)))
        {
            failures.push(format!(
                "{label}: the output holds the control character {bad:?} raw:\n{}",
                run.all_output().escape_debug()
            ));
        }
        if run.all_output().contains(CANARY) {
            failures.push(format!("{label}: the canary secret was printed"));
        }
    }
    report(&failures);
}

#[test]
fn shipped_examples_validate() {
    for file in examples() {
        let run = adsso([Path::new("validate"), &file]);
        assert_eq!(
            run.code,
            Some(0),
            "{}: {}",
            file.display(),
            run.all_output()
        );
        assert!(
            run.stderr.is_empty(),
            "no warnings expected: {}",
            run.stderr
        );
    }
}

#[test]
fn validate_missing_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let run = adsso([Path::new("validate"), &dir.path().join("nope.yaml")]);
    assert_eq!(run.code, Some(2), "{}", run.all_output());
    assert!(!run.panicked());
    assert!(
        run.stderr.contains("nope.yaml"),
        "names the file: {}",
        run.stderr
    );
}

#[test]
fn help_exits_0() {
    for args in [
        vec!["--help"],
        vec!["validate", "--help"],
        vec!["diagram", "--help"],
        vec!["init", "--help"],
    ] {
        let run = adsso(&args);
        assert_eq!(
            run.code,
            Some(0),
            "adsso {}: {}",
            args.join(" "),
            run.all_output()
        );
        assert!(
            run.stdout.contains("Usage"),
            "adsso {}: {}",
            args.join(" "),
            run.stdout
        );
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["frobnicate"],
        vec![],
        vec!["validate"],
        vec!["init"],
        vec!["init", "--mode", "simple-ad"],
        vec!["diagram", "x.yaml", "--format", "svg"],
    ] {
        let run = adsso(&args);
        assert_eq!(
            run.code,
            Some(2),
            "adsso {}: {}",
            args.join(" "),
            run.all_output()
        );
        assert!(!run.panicked());
    }
}

#[test]
fn diagram_of_an_invalid_plan_exits_2() {
    let mut failures = Vec::new();
    for file in fixtures("invalid") {
        for format in ["text", "mermaid"] {
            let run = adsso([
                "diagram".as_ref(),
                file.as_os_str(),
                "--format".as_ref(),
                format.as_ref(),
            ]);
            if run.code != Some(2) || run.panicked() || !run.stdout.is_empty() {
                failures.push(format!(
                    "{} --format {format}: exit {:?}, stdout {} bytes\n{}",
                    name(&file),
                    run.code,
                    run.stdout.len(),
                    run.stderr
                ));
            }
        }
    }
    report(&failures);
}

#[test]
fn one_way_outgoing_trust_explains_that_sync_breaks() {
    let file = crate_dir().join("tests/fixtures/invalid/trust-one-way-outgoing.yaml");
    let run = adsso([Path::new("validate"), &file]);
    assert_eq!(run.code, Some(2));
    let output = run.all_output();
    assert!(output.contains("✗ MISSING"), "{output}");
    assert!(output.contains("sync breaks"), "{output}");
}

#[test]
fn one_way_incoming_trust_explains_that_sign_in_breaks() {
    let file = crate_dir().join("tests/fixtures/invalid/trust-one-way-incoming.yaml");
    let run = adsso([Path::new("validate"), &file]);
    assert_eq!(run.code, Some(2));
    let output = run.all_output();
    assert!(output.contains("✗ MISSING"), "{output}");
    assert!(output.contains("sign-in breaks"), "{output}");
}

#[test]
fn one_way_trust_diagram_is_not_titled_two_way() {
    for fixture in ["trust-one-way-outgoing.yaml", "trust-one-way-incoming.yaml"] {
        let file = crate_dir().join("tests/fixtures/invalid").join(fixture);
        let run = adsso([Path::new("validate"), &file]);
        assert_eq!(run.code, Some(2));
        assert!(
            !run.stderr.contains("Two-way"),
            "{fixture}: the explanation of a one-way trust calls it two-way:\n{}",
            run.stderr
        );
    }
}

#[test]
fn validate_a_directory_fails_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let run = adsso([Path::new("validate"), dir.path()]);
    assert!(
        matches!(run.code, Some(1 | 2)),
        "{:?}: {}",
        run.code,
        run.stderr
    );
    assert!(!run.panicked(), "{}", run.stderr);
    assert!(run.elapsed < TIME_LIMIT, "took {:?}", run.elapsed);
}

#[test]
fn inline_policy_over_32768_characters_is_refused_without_echo() {
    let resources = vec!["\"arn:aws:s3:::corp-reports/*\""; 1200].join(", ");
    let policy = format!(
        r#"{{"Version": "2012-10-17", "Statement": {{"Effect": "Allow", "Action": "s3:GetObject", "Resource": [{resources}]}}}}"#
    );
    assert!(policy.chars().count() > 32_768);
    let example = std::fs::read_to_string(crate_dir().join("assets/examples/trust.yaml")).unwrap();
    let start = example.find("      inlinePolicy: |\n").unwrap();
    let end = example.find("    - name: AdministratorAccess").unwrap();
    let text = format!(
        "{}      inlinePolicy: '{policy}'\n{}",
        &example[..start],
        &example[end..]
    );
    let (_dir, path) = temp_plan("long-policy.yaml", text.as_bytes());
    let run = adsso([Path::new("validate"), &path]);
    assert_eq!(run.code, Some(2), "{}", run.all_output());
    let field = "identityCenter.permissionSets[0].inlinePolicy";
    assert!(
        find_located(&run.stderr, field).is_some(),
        "expected `{field} (line:col)`: {}",
        run.stderr
    );
    let length = policy.chars().count();
    assert!(
        run.stderr
            .contains(&format!("the policy has {length} characters")),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("corp-reports") && run.stderr.len() < 1000,
        "the policy is not echoed: {}",
        run.stderr
    );
}
