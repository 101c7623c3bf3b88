//! Property tests of `adsso::plan::load`: arbitrary bytes and mutated example plans (lines
//! deleted, duplicated, swapped or re-indented, byte ranges overwritten, truncation) never make
//! it panic; every refusal names a field or the document with a plausible position; and a
//! literal password inserted in a secret field is never shown.

use crate::support::{CANARY, crate_dir, examples};
use adsso::plan::Diagnostics;
use proptest::prelude::*;

/// The example plans, plus variants holding the canary as literal passwords.
fn bases() -> Vec<String> {
    let mut bases: Vec<String> = examples()
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect();
    let ad_connector = bases[0].replace(
        "password: {env: ADSSO_SERVICE_ACCOUNT_PASSWORD}",
        &format!("password: {CANARY}"),
    );
    let trust = bases[1]
        .replace(
            "password: {env: ADSSO_TRUST_PASSWORD}",
            &format!("password: \"{CANARY}\""),
        )
        .replace(
            "adminPassword: {env: ADSSO_ADMIN_PASSWORD}",
            &format!("adminPassword: '{CANARY}'"),
        );
    assert!(ad_connector.contains(CANARY) && trust.contains(CANARY));
    bases.push(ad_connector);
    bases.push(trust);
    let valid = crate_dir().join("tests/fixtures/valid/block-style-minimal.yaml");
    bases.push(std::fs::read_to_string(valid).unwrap());
    bases
}

/// One edit of a plan's text.
#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Reindent(usize, usize),
    Overwrite(usize, usize, String),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (any::<usize>(), 0usize..12).prop_map(|(line, indent)| Mutation::Reindent(line, indent)),
        (any::<usize>(), 0usize..16, "[ -~\n\t]{0,16}")
            .prop_map(|(at, len, with)| Mutation::Overwrite(at, len, with)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

/// Applies `mutation` to `text` (indices are taken modulo the sizes).
fn apply(text: &str, mutation: &Mutation) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if lines.is_empty() {
        return text.to_owned();
    }
    let n = lines.len();
    match mutation {
        Mutation::DeleteLine(i) => {
            lines.remove(i % n);
        }
        Mutation::DuplicateLine(i) => {
            let line = lines[i % n].clone();
            lines.insert(i % n, line);
        }
        Mutation::SwapLines(a, b) => lines.swap(a % n, b % n),
        Mutation::Reindent(i, indent) => {
            let line = &mut lines[i % n];
            *line = format!("{}{}", " ".repeat(*indent), line.trim_start());
        }
        Mutation::Overwrite(at, len, with) => {
            let bytes = text.as_bytes();
            let start = at % bytes.len().max(1);
            let end = (start + len).min(bytes.len());
            let mut out = bytes[..start].to_vec();
            out.extend_from_slice(with.as_bytes());
            out.extend_from_slice(&bytes[end..]);
            // The inputs are ASCII, so any cut is on a character boundary.
            return String::from_utf8_lossy(&out).into_owned();
        }
        Mutation::Truncate(at) => {
            let cut = at % (text.len() + 1);
            return String::from_utf8_lossy(&text.as_bytes()[..cut]).into_owned();
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// True when every occurrence of the canary sits in a password field (where it must be hidden).
fn canary_only_in_secret_fields(text: &str) -> bool {
    text.lines()
        .filter(|line| line.contains(CANARY))
        .all(|line| {
            let line = line.trim_start();
            line.starts_with("password: ") || line.starts_with("adminPassword: ")
        })
}

/// The invariants of a refusal.
fn check_refusal(text: &[u8], problems: &Diagnostics) -> Result<(), TestCaseError> {
    prop_assert!(!problems.0.is_empty(), "Err without any diagnostic");
    let lines = text.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    for diagnostic in &problems.0 {
        let shown = diagnostic.to_string();
        prop_assert!(
            !diagnostic.problem.trim().is_empty(),
            "a diagnostic without a problem: {shown}"
        );
        prop_assert!(
            !diagnostic.path.as_str().is_empty() || shown.contains("(document)"),
            "a diagnostic that names neither a field nor the document: {shown}"
        );
        prop_assert!(
            shown.starts_with(&diagnostic.path.to_string())
                || shown.starts_with(&format!("warning: {}", diagnostic.path)),
            "the rendering does not start with the path: {shown}"
        );
        if let Some(position) = diagnostic.position {
            prop_assert!(
                position.line >= 1 && position.line <= lines && position.column >= 1,
                "position {position} outside a {lines}-line input: {shown}"
            );
        }
    }
    Ok(())
}

/// 256 cases per property; `PROPTEST_CASES` raises it for a longer run.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        if let Err(problems) = adsso::plan::load(&bytes) {
            check_refusal(&bytes, &problems)?;
        }
    }

    #[test]
    fn yaml_like_text_never_panics(text in "([a-zA-Z0-9 :,\\-\\[\\]{}&*!|>'\"#?@%`\n\t]|\n  |- ){0,400}") {
        if let Err(problems) = adsso::plan::load(text.as_bytes()) {
            check_refusal(text.as_bytes(), &problems)?;
        }
    }

    #[test]
    fn mutated_plans_never_panic_and_never_show_the_canary(
        base in 0usize..5,
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let bases = bases();
        let mut text = bases[base % bases.len()].clone();
        for mutation in &mutations {
            text = apply(&text, mutation);
        }
        match adsso::plan::load(text.as_bytes()) {
            Ok((parsed, warnings)) => {
                prop_assert!(!text.contains(CANARY), "a plan with a literal password loaded");
                prop_assert!(warnings.0.iter().all(|warning| !warning.is_error()));
                prop_assert!(adsso::plan::validate(&parsed.plan).iter().all(|d| !d.is_error()));
            }
            Err(problems) => {
                check_refusal(text.as_bytes(), &problems)?;
                if canary_only_in_secret_fields(&text) {
                    let shown = format!("{problems}{problems:?}");
                    prop_assert!(!shown.contains(CANARY), "the canary is shown:\n{shown}\nfor:\n{text}");
                }
            }
        }
    }

    #[test]
    fn load_is_deterministic(base in 0usize..5, mutation in mutation()) {
        let bases = bases();
        let text = apply(&bases[base % bases.len()], &mutation);
        let first = adsso::plan::load(text.as_bytes()).err();
        let second = adsso::plan::load(text.as_bytes()).err();
        prop_assert_eq!(first, second);
    }
}

#[test]
fn unmutated_bases_behave() {
    for (index, text) in bases().iter().enumerate() {
        let loaded = adsso::plan::load(text.as_bytes());
        assert_eq!(loaded.is_ok(), !text.contains(CANARY), "base {index}");
    }
}
