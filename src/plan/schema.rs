//! JSON Schema of the plan format, generated from the model (`assets/plan.schema.json`), for
//! editors (yaml-language-server) and other tools.

/// The modeline that makes yaml-language-server use the published schema.
pub const SCHEMA_MODELINE: &str = "# yaml-language-server: $schema=https://raw.githubusercontent.com/adsso/adsso/main/assets/plan.schema.json";

/// The schema as pretty JSON, ending with a newline.
pub fn plan_schema_json() -> String {
    let schema = schemars::schema_for!(super::model::Plan);
    let mut json = serde_json::to_string_pretty(&schema).unwrap_or_default();
    json.push('\n');
    json
}
