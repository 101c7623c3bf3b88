//! The canary secret never leaves the process: wherever a literal password is written in a plan
//! (service account, trust password, admin password, inside a reference map, as a tag, quoted,
//! as a block scalar, behind an alias...), neither `validate` nor `diagram` (text or Mermaid),
//! nor the library's diagnostics, print it.

use crate::support::{CANARY, adsso, crate_dir, fixtures, report, temp_plan};

/// The valid AD Connector fixture, as a base for substitutions.
fn ad_connector() -> String {
    std::fs::read_to_string(crate_dir().join("tests/fixtures/valid/ad-connector-small.yaml"))
        .unwrap()
}

/// The valid trust fixture, as a base for substitutions.
fn trust() -> String {
    std::fs::read_to_string(crate_dir().join("tests/fixtures/valid/trust-create-forest.yaml"))
        .unwrap()
}

/// `base` with `from` (which must occur exactly once) replaced by `to`.
fn replaced(base: &str, from: &str, to: &str) -> String {
    assert_eq!(base.matches(from).count(), 1, "`{from}` must occur once");
    base.replace(from, to)
}

const SERVICE: &str = "password: {env: ADSSO_SERVICE_ACCOUNT_PASSWORD}";
const TRUST: &str = "password: {env: ADSSO_TRUST_PASSWORD}";
const ADMIN: &str = "adminPassword: {env: ADSSO_ADMIN_PASSWORD}";
const TAGS: &str = "tags: {Owner: platform-team}";

/// Plans with the canary in many positions, by name.
fn canary_plans() -> Vec<(&'static str, String)> {
    let ac = ad_connector();
    let tr = trust();
    let c = CANARY;
    vec![
        (
            "service account, plain",
            replaced(&ac, SERVICE, &format!("password: {c}")),
        ),
        (
            "service account, double-quoted",
            replaced(&ac, SERVICE, &format!("password: \"{c}\"")),
        ),
        (
            "service account, single-quoted",
            replaced(&ac, SERVICE, &format!("password: '{c}'")),
        ),
        (
            "service account, !!str tag",
            replaced(&ac, SERVICE, &format!("password: !!str {c}")),
        ),
        (
            "service account, literal block scalar",
            replaced(&ac, SERVICE, &format!("password: |\n        {c}\n")),
        ),
        (
            "service account, folded block scalar",
            replaced(&ac, SERVICE, &format!("password: >-\n        {c}\n")),
        ),
        (
            "service account, in a list",
            replaced(&ac, SERVICE, &format!("password: [{c}]")),
        ),
        (
            "service account, env plus value",
            replaced(&ac, SERVICE, &format!("password: {{env: X, value: {c}}}")),
        ),
        (
            "service account, value only",
            replaced(&ac, SERVICE, &format!("password: {{value: {c}}}")),
        ),
        (
            "service account, prompt given the password",
            replaced(&ac, SERVICE, &format!("password: {{prompt: {c}}}")),
        ),
        (
            "service account, the password pasted as the env name",
            replaced(&ac, SERVICE, &format!("password: {{env: \"{c}\"}}")),
        ),
        (
            "service account, block mapping with value",
            replaced(
                &ac,
                SERVICE,
                &format!("password:\n        env: X\n        value: \"{c}\""),
            ),
        ),
        (
            "trust password, plain",
            replaced(&tr, TRUST, &format!("password: {c}")),
        ),
        (
            "trust password, double-quoted",
            replaced(&tr, TRUST, &format!("password: \"{c}\"")),
        ),
        (
            "trust password, anchored and reused as admin password",
            replaced(
                &replaced(&tr, TRUST, &format!("password: &pw \"{c}\"")),
                ADMIN,
                "adminPassword: *pw",
            ),
        ),
        (
            "admin password, plain",
            replaced(&tr, ADMIN, &format!("adminPassword: {c}")),
        ),
        (
            "admin password, literal block scalar",
            replaced(&tr, ADMIN, &format!("adminPassword: |\n          {c}\n")),
        ),
        (
            "admin password, env plus value",
            replaced(
                &tr,
                ADMIN,
                &format!("adminPassword: {{env: X, value: \"{c}\"}}"),
            ),
        ),
        (
            "all three literal in a trust plan",
            replaced(
                &replaced(&tr, TRUST, &format!("password: {c}")),
                ADMIN,
                &format!("adminPassword: '{c}'"),
            ),
        ),
        (
            "as a tag value",
            replaced(
                &ac,
                TAGS,
                &format!("tags: {{Owner: platform-team, Password: \"{c}\"}}"),
            ),
        ),
        (
            "as a tag value in a one-way trust plan (the diagram is printed)",
            replaced(
                &replaced(&tr, TAGS, &format!("tags: {{Password: \"{c}\"}}")),
                "direction: two-way",
                "direction: one-way-outgoing",
            ),
        ),
    ]
}

/// Runs validate and both diagrams on `path`, returning a failure line per leak or panic.
fn leaks(label: &str, path: &std::path::Path) -> Vec<String> {
    let mut failures = Vec::new();
    let runs = [
        ("validate", adsso(["validate".as_ref(), path.as_os_str()])),
        ("diagram", adsso(["diagram".as_ref(), path.as_os_str()])),
        (
            "diagram --format mermaid",
            adsso([
                "diagram".as_ref(),
                path.as_os_str(),
                "--format".as_ref(),
                "mermaid".as_ref(),
            ]),
        ),
    ];
    for (command, run) in runs {
        if run.panicked() {
            failures.push(format!("{label}: `{command}` panicked:\n{}", run.stderr));
        }
        if run.code != Some(2) {
            failures.push(format!(
                "{label}: `{command}` exit {:?}, expected 2",
                run.code
            ));
        }
        for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            if text.contains(CANARY) || text.contains("Canary-Secret") {
                failures.push(format!(
                    "{label}: `{command}` printed the canary on {stream}:\n{text}"
                ));
            }
        }
    }
    failures
}

#[test]
fn the_canary_is_in_some_fixtures() {
    let with_canary = fixtures("invalid")
        .into_iter()
        .filter(|file| std::fs::read_to_string(file).unwrap().contains(CANARY))
        .count();
    assert!(
        with_canary >= 4,
        "only {with_canary} fixtures hold the canary"
    );
}

#[test]
fn fixtures_with_the_canary_never_print_it() {
    let mut failures = Vec::new();
    for file in fixtures("invalid").into_iter().chain(fixtures("valid")) {
        if std::fs::read_to_string(&file).unwrap().contains(CANARY) {
            let label = file.file_name().unwrap().to_string_lossy().into_owned();
            failures.extend(leaks(&label, &file));
        }
    }
    report(&failures);
}

#[test]
fn cli_never_prints_the_canary_wherever_it_is_written() {
    let mut failures = Vec::new();
    for (label, plan) in canary_plans() {
        let (_dir, path) = temp_plan("plan.yaml", plan.as_bytes());
        failures.extend(leaks(label, &path));
    }
    report(&failures);
}

#[test]
fn library_diagnostics_never_contain_the_canary() {
    let mut failures = Vec::new();
    for (label, plan) in canary_plans() {
        match adsso::plan::load(plan.as_bytes()) {
            Ok(_) => failures.push(format!("{label}: loaded, expected a refusal")),
            Err(problems) => {
                let shown = format!("{problems}\n{problems:?}");
                if shown.contains(CANARY) {
                    failures.push(format!(
                        "{label}: diagnostics contain the canary:\n{problems}"
                    ));
                }
            }
        }
        if let Err(problems) = adsso::plan::parse(plan.as_bytes())
            && format!("{problems}\n{problems:?}").contains(CANARY)
        {
            failures.push(format!(
                "{label}: parse diagnostics contain the canary:\n{problems}"
            ));
        }
    }
    report(&failures);
}

/// The AD Connector plan reading its service account password from `{file: PATH}`.
fn with_secret_file(path: &std::path::Path) -> String {
    replaced(
        &ad_connector(),
        SERVICE,
        &format!("password: {{file: \"{}\"}}", path.display()),
    )
}

/// A secret file holding `bytes`, readable only by its owner.
fn secret_file(dir: &std::path::Path, bytes: &[u8]) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("password");
    std::fs::write(&path, bytes).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    path
}

/// Whitespace collapsed, so a message wrapped by the error printer still matches.
fn flat(text: &str) -> String {
    text.split_whitespace()
        .filter(|word| !matches!(*word, "│" | "×" | "╰─▶" | "├─▶"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The commands that resolve the service account password before anything else: `apply --yes`
/// (before any AWS call) and preflight (before any probe).
fn resolving_runs(plan: &std::path::Path) -> Vec<(&'static str, crate::support::Run)> {
    vec![
        (
            "apply --yes",
            adsso(["apply".as_ref(), plan.as_os_str(), "--yes".as_ref()]),
        ),
        (
            "preflight",
            adsso([
                "preflight".as_ref(),
                plan.as_os_str(),
                "--timeout".as_ref(),
                "100ms".as_ref(),
            ]),
        ),
    ]
}

#[test]
fn unusable_secret_files_exit_2_fast_naming_the_file_and_why() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    std::fs::set_permissions(&fifo, std::fs::Permissions::from_mode(0o600)).unwrap();
    let sparse = dir.path().join("sparse");
    let file = std::fs::File::create(&sparse).unwrap();
    file.set_len(3 << 30).unwrap();
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
        .unwrap();
    let over = dir.path().join("over");
    std::fs::write(&over, [b'x'; 4097]).unwrap();
    std::fs::set_permissions(&over, std::fs::Permissions::from_mode(0o600)).unwrap();
    let cases = [
        (fifo, "it is a named pipe (FIFO), not a regular file"),
        ("/dev/zero".into(), "it is a character device"),
        ("/dev/null".into(), "it is a character device"),
        (dir.path().to_owned(), "it is a directory"),
        (
            sparse,
            "the file is 3.0 GiB (3221225472 bytes); a secret file is at most 4 KiB",
        ),
        (
            over,
            "the file is 4.0 KiB (4097 bytes); a secret file is at most 4 KiB",
        ),
    ];
    let mut failures = Vec::new();
    for (secret, reason) in cases {
        let (_plan_dir, plan) = temp_plan("plan.yaml", with_secret_file(&secret).as_bytes());
        for (command, run) in resolving_runs(&plan) {
            let label = format!("{{file: {}}} with `{command}`", secret.display());
            if run.code != Some(2) || run.panicked() {
                failures.push(format!("{label}: exit {:?}\n{}", run.code, run.stderr));
            }
            if run.elapsed > crate::support::TIME_LIMIT {
                failures.push(format!("{label}: took {:?}", run.elapsed));
            }
            let expected = format!(
                "cannot read the service account password file {}: {reason}",
                secret.display()
            );
            if !flat(&run.stderr).contains(&expected) {
                failures.push(format!("{label}: expected `{expected}` in\n{}", run.stderr));
            }
        }
    }
    report(&failures);
}

#[test]
fn a_secret_file_of_exactly_4_kib_is_used_and_never_printed() {
    let dir = tempfile::tempdir().unwrap();
    let mut secret = CANARY.repeat(4096 / CANARY.len() + 1).into_bytes();
    secret.truncate(4096);
    let path = secret_file(dir.path(), &secret);
    let (_plan_dir, plan) = temp_plan("plan.yaml", with_secret_file(&path).as_bytes());
    let run = adsso([
        "preflight".as_ref(),
        plan.as_os_str(),
        "--timeout".as_ref(),
        "100ms".as_ref(),
    ]);
    assert_eq!(
        run.code,
        Some(1),
        "the password is read and the (unreachable) domain checks fail: {}",
        run.all_output()
    );
    assert!(
        !run.all_output().contains("cannot read"),
        "{}",
        run.all_output()
    );
    assert!(!run.all_output().contains(CANARY), "{}", run.all_output());
}
