//! The canary secret never leaves the process: wherever a literal password is written in a plan
//! (service account, trust password, admin password, inside a reference map, as a tag, quoted,
//! as a block scalar, behind an alias...), neither `validate` nor `diagram` (text or Mermaid),
//! nor the library's diagnostics, print it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::{CANARY, adsso, crate_dir, fixtures, report, temp_plan};

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
