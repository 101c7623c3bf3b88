//! The shipped assets stay in step with the code: the JSON Schema is regenerated from the model,
//! the examples validate, and their diagrams match the reviewed snapshots.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use adsso::diagram::{self, Diagram, WIDTH};
use adsso::plan;

const EXAMPLES: &[(&str, &str)] = &[
    (
        "ad-connector",
        include_str!("../assets/examples/ad-connector.yaml"),
    ),
    ("trust", include_str!("../assets/examples/trust.yaml")),
];

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
        assert!(text.starts_with(plan::schema::SCHEMA_MODELINE), "{name}");
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
                line.chars().count() <= WIDTH,
                "{name}: `{line}` is wider than {WIDTH}"
            );
        }
        insta::assert_snapshot!(format!("{name}-text"), rendered);
        insta::assert_snapshot!(format!("{name}-mermaid"), diagram::render_mermaid(&model));
    }
}

#[test]
fn one_way_trust_diagram_shows_the_missing_arrow() {
    let text = include_str!("../assets/examples/trust.yaml")
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
