//! The shipped assets stay in step with the code: the JSON Schema is regenerated from the model,
//! the examples validate, and their diagrams match the reviewed snapshots.

use std::process::{Command, Output};

use adsso::diagram::{self, Diagram, WIDTH};
use adsso::plan;

const EXAMPLES: &[(&str, &str)] = &[
    (
        "ad-connector",
        include_str!("../../assets/examples/ad-connector.yaml"),
    ),
    ("trust", include_str!("../../assets/examples/trust.yaml")),
    (
        "trust-two-forests",
        include_str!("../../assets/examples/trust-two-forests.yaml"),
    ),
];

#[test]
fn every_shipped_example_is_listed_here_and_in_the_support_list() {
    let mut listed: Vec<String> = crate::support::examples()
        .iter()
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    listed.sort_unstable();
    let mut here: Vec<&str> = EXAMPLES.iter().map(|(name, _)| *name).collect();
    here.sort_unstable();
    assert_eq!(listed, here);
    assert!(listed.contains(&"trust-two-forests".to_owned()));
}

#[test]
fn schema_asset_is_current() {
    let committed = std::fs::read_to_string("assets/plan.schema.json").unwrap();
    let generated = plan::schema::plan_schema_json();
    assert!(
        committed == generated,
        "assets/plan.schema.json is stale: run `cargo run -- schema > assets/plan.schema.json`"
    );
}

#[test]
fn schema_lists_the_contract_keys_and_refuses_unknown_ones() {
    let schema: serde_json::Value =
        serde_json::from_str(&plan::schema::plan_schema_json()).unwrap();
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        required,
        [
            "apiVersion",
            "kind",
            "metadata",
            "aws",
            "selfManaged",
            "connection"
        ]
    );
    assert_eq!(
        schema["additionalProperties"],
        serde_json::Value::Bool(false)
    );
    let text = plan::schema::plan_schema_json();
    assert!(text.contains("\"two-way\""));
    assert!(
        !text.contains("simple-ad"),
        "the schema must not offer Simple AD"
    );
}

#[test]
fn examples_validate_without_warnings_and_start_with_the_modeline() {
    for (name, text) in EXAMPLES {
        // The examples sit in assets/examples/, beside assets/plan.schema.json.
        assert!(
            text.starts_with("# yaml-language-server: $schema=../plan.schema.json\n"),
            "{name}"
        );
        let (_, warnings) = plan::load(text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(warnings.0.is_empty(), "{name}: {warnings}");
    }
}

#[test]
fn example_diagrams_match_snapshots_and_fit_80_columns() {
    for (name, text) in EXAMPLES {
        let parsed = plan::parse(text.as_bytes()).unwrap();
        let model = Diagram::from_plan(&parsed.plan);
        let rendered = diagram::render_text(&model);
        for line in rendered.lines() {
            assert!(
                ratatui::text::Line::raw(line).width() <= WIDTH,
                "{name}: `{line}` is wider than {WIDTH}"
            );
        }
        insta::assert_snapshot!(format!("{name}-text"), rendered);
        insta::assert_snapshot!(format!("{name}-mermaid"), diagram::render_mermaid(&model));
    }
}

#[test]
fn one_way_trust_diagram_shows_the_missing_arrow() {
    let text = include_str!("../../assets/examples/trust.yaml")
        .replace("direction: two-way", "direction: one-way-outgoing");
    let parsed = plan::parse(text.as_bytes()).unwrap();
    let model = Diagram::from_plan(&parsed.plan);
    let rendered = diagram::render_text(&model);
    assert!(rendered.contains("✗ MISSING: corp.example.com trusts aws.corp.example.com"));
    assert!(rendered.contains("sync breaks"));
    assert!(rendered.contains("(no sync)"));
    assert!(
        rendered.lines().all(|line| line.chars().count() <= WIDTH),
        "{rendered}"
    );
    insta::assert_snapshot!("trust-one-way-outgoing-text", rendered);
    let mermaid = diagram::render_mermaid(&model);
    assert!(mermaid.contains(".-x managed_ad"), "{mermaid}");
}

/// Runs `scripts/gen-aws-rules --check` with the venv's pinned botocore (created if missing, as
/// for the emulator tests; the test fails, never skips, when it cannot be).
fn generator_check(extra: &[&str]) -> Output {
    let python = crate::support::moto::python();
    Command::new(&python)
        .arg("scripts/gen-aws-rules")
        .arg("--check")
        .args(extra)
        .current_dir(crate::support::crate_dir())
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run scripts/gen-aws-rules with {}: {e}",
                python.display()
            )
        })
}

#[test]
fn aws_rules_table_matches_the_pinned_models() {
    let out = generator_check(&[]);
    assert!(
        out.status.success(),
        "src/plan/rules/aws_model.rs differs from what botocore {} gives: run \
         `.venv-moto/bin/python scripts/gen-aws-rules` and review the rules that use it\n{}{}",
        crate::support::moto::BOTOCORE_VERSION,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_generator_check_fails_on_a_changed_table_and_shows_the_difference() {
    let table = std::fs::read_to_string("src/plan/rules/aws_model.rs").unwrap();
    assert!(table.starts_with(&format!(
        "// Generated by scripts/gen-aws-rules from botocore {}; do not edit.\n",
        crate::support::moto::BOTOCORE_VERSION
    )));
    let changed = table.replacen("max: Some(32),", "max: Some(33),", 1);
    assert_ne!(changed, table);
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("aws_model.rs");
    std::fs::write(&copy, changed).unwrap();
    let out = generator_check(&["--target", copy.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(diff.contains("-    max: Some(33),"), "{diff}");
    assert!(diff.contains("+    max: Some(32),"), "{diff}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("differs from the pinned models"),
        "{out:?}"
    );
}
