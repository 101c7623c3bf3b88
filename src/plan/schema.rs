//! JSON Schema of the plan format, generated from the model (`assets/plan.schema.json`), for
//! editors (yaml-language-server) and other tools.

/// The file name of the schema beside a plan (`adsso schema --write DIR`).
pub const SCHEMA_FILE: &str = "adsso-plan.schema.json";

/// The modeline of saved plans and templates: yaml-language-server resolves the path relative
/// to the plan, so `adsso schema --write DIR` beside the plan makes it resolve. (A URL would
/// need a published copy; there is none.)
pub const SCHEMA_MODELINE: &str = "# yaml-language-server: $schema=adsso-plan.schema.json";

/// A plan as a file holds it: the schema modeline, `head` (comment lines, each ending with a
/// newline; the caller escapes whatever it quotes), then the plan's YAML.
pub fn plan_document(plan: &super::model::Plan, head: &str) -> String {
    let yaml = serde_saphyr::to_string(plan).unwrap_or_default();
    format!("{SCHEMA_MODELINE}\n{head}{yaml}")
}

/// The schema as pretty JSON, ending with a newline.
pub fn plan_schema_json() -> String {
    let schema = schemars::schema_for!(super::model::Plan);
    let mut json = serde_json::to_string_pretty(&schema).unwrap_or_default();
    json.push('\n');
    json
}
