//! Plans as an attacker would write them, and the secrets and schema a plan leans on: hostile
//! values are refused by every command without a raw control character reaching the terminal,
//! the PowerShell is never written for them, `validate` checks the secrets it can read against
//! AWS's rules, and the JSON Schema accepts every plan `validate` accepts.

use std::path::Path;

use crate::support::{CANARY, adsso, crate_dir, examples, fixtures, report, temp_plan};

fn name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// `adsso onprem-script --dns-ip 10.1.0.5` for the example trust plan with its trust password
/// reference replaced by `password`.
fn onprem_script_with_password(password: &str) -> crate::support::Run {
    let trust = std::fs::read_to_string(crate_dir().join("assets/examples/trust.yaml")).unwrap();
    let plan = trust.replacen("password: {env: ADSSO_TRUST_PASSWORD}", password, 1);
    assert_ne!(plan, trust);
    let (_dir, path) = temp_plan("trust.yaml", plan.as_bytes());
    adsso([
        "onprem-script".as_ref(),
        path.as_os_str(),
        "--dns-ip".as_ref(),
        "10.1.0.5".as_ref(),
    ])
}

#[test]
fn onprem_script_is_never_written_for_a_plan_with_a_hostile_value() {
    let hostile = [
        r#"password: {file: "/tmp/pw\nStart-Process calc.exe # "}"#,
        r#"password: {file: "/tmp/pw\rStart-Process calc.exe # "}"#,
        r#"password: {file: "/tmp/pw\e[8mStart-Process calc.exe"}"#,
    ];
    for value in hostile {
        let run = onprem_script_with_password(value);
        assert_eq!(run.code, Some(2), "{value}: {}", run.all_output());
        assert!(run.stdout.is_empty(), "{value}: {}", run.stdout);
        assert!(
            run.stderr.contains("connection.trust.password.file ("),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains('\u{1b}') && !run.stderr.contains('\r'));
    }
}

#[test]
fn onprem_script_never_shows_a_secret_file_path() {
    let run = onprem_script_with_password("password: {file: /home/ops/trust-password.txt}");
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert!(run.stdout.contains("$MasterServers = @('10.1.0.5')"));
    assert!(!run.all_output().contains("trust-password.txt"));
}

#[test]
fn hostile_plans_are_refused_by_every_command_without_raw_control_characters() {
    let hostile: Vec<_> = fixtures("invalid")
        .into_iter()
        .filter(|file| {
            let label = name(file);
            label.contains("terminal-escape")
                || label.contains("control-character")
                || label.starts_with("secret-file-")
        })
        .collect();
    assert!(hostile.len() >= 5, "{hostile:?}");
    let mut failures = Vec::new();
    for file in &hostile {
        for command in [
            vec!["validate"],
            vec!["diagram"],
            vec!["apply", "--dry-run"],
            vec!["status"],
            vec!["destroy", "--yes"],
            vec!["onprem-script", "--dns-ip", "10.1.0.5"],
        ] {
            let mut args: Vec<&std::ffi::OsStr> = vec![command[0].as_ref(), file.as_os_str()];
            args.extend(command[1..].iter().map(|arg| std::ffi::OsStr::new(*arg)));
            let run = adsso(&args);
            let label = format!("{} {}", command.join(" "), name(file));
            if run.code != Some(2) {
                failures.push(format!(
                    "{label}: exit {:?}\n{}",
                    run.code,
                    run.all_output()
                ));
            }
            if run
                .all_output()
                .chars()
                .any(|c| c != '\n' && c.is_control())
            {
                failures.push(format!(
                    "{label}: raw control character in\n{}",
                    run.all_output().escape_debug()
                ));
            }
        }
    }
    report(&failures);
}

fn validate_with_env(plan: &Path, env: &[(&str, &str)]) -> std::process::Output {
    let mut command = assert_cmd::Command::new(env!("CARGO_BIN_EXE_adsso"));
    command
        .args(["validate".as_ref(), plan.as_os_str()])
        .env_remove("ADSSO_TRUST_PASSWORD")
        .env_remove("ADSSO_ADMIN_PASSWORD")
        .timeout(std::time::Duration::from_secs(20));
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap()
}

#[test]
fn validate_checks_the_secrets_it_can_read_against_aws_rules() {
    let plan = crate_dir().join("assets/examples/trust.yaml");
    let unset = validate_with_env(&plan, &[]);
    let text = String::from_utf8_lossy(&unset.stdout);
    assert_eq!(unset.status.code(), Some(0), "{text}");
    assert!(
        text.contains("the trust password ({env: ADSSO_TRUST_PASSWORD}) is not readable here without asking; apply checks it"),
        "{text}"
    );
    let good = validate_with_env(
        &plan,
        &[
            ("ADSSO_TRUST_PASSWORD", CANARY),
            ("ADSSO_ADMIN_PASSWORD", "Str0ng-Passw0rd"),
        ],
    );
    let text = String::from_utf8_lossy(&good.stdout);
    assert_eq!(good.status.code(), Some(0), "{text}");
    assert!(text.contains("the trust password ({env: ADSSO_TRUST_PASSWORD}) meets AWS's rules"));
    assert!(text.contains("the Managed AD Admin password ({env: ADSSO_ADMIN_PASSWORD}) meets"));
    assert!(!text.contains(CANARY));
    let bad = validate_with_env(&plan, &[("ADSSO_TRUST_PASSWORD", "Canary£Secret")]);
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&bad.stdout),
        String::from_utf8_lossy(&bad.stderr)
    );
    assert_eq!(bad.status.code(), Some(2), "{all}");
    assert!(all.contains("does not meet AWS's"), "{all}");
    assert!(!all.contains("Canary£Secret"), "{all}");
}

/// What the JSON Schema says of each file: valid or not, by file.
fn schema_verdicts(files: &[std::path::PathBuf]) -> std::collections::HashMap<String, bool> {
    let schema = crate_dir().join("assets/plan.schema.json");
    crate::support::schema_verdicts(schema.as_os_str(), files)
        .into_iter()
        .map(|verdict| {
            (
                verdict["file"].as_str().unwrap().to_owned(),
                verdict["valid"].as_bool().unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_json_schema_accepts_every_plan_validate_accepts() {
    let mut files = fixtures("valid");
    files.extend(fixtures("invalid"));
    files.extend(examples());
    let verdicts = schema_verdicts(&files);
    assert_eq!(verdicts.len(), files.len());
    let mut failures = Vec::new();
    for file in &files {
        let schema_valid = verdicts[&file.display().to_string()];
        let run = adsso([Path::new("validate"), file]);
        if run.code == Some(0) && !schema_valid {
            failures.push(format!(
                "{}: validate accepts it, the JSON Schema refuses it",
                name(file)
            ));
        }
    }
    report(&failures);
    // Both refuse an unquoted account id (YAML tools read it as a number).
    let unquoted = crate_dir().join("tests/fixtures/invalid/account-id-unquoted.yaml");
    assert!(!verdicts[&unquoted.display().to_string()]);
}
