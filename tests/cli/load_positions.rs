//! Loading reports each problem at the right field path, line and column, for parser errors
//! (unknown keys, missing keys, bad values, syntax) and for validation errors alike.

use adsso::plan::{self, Diagnostic};

const TRUST: &str = include_str!("../../assets/examples/trust.yaml");

fn problems(text: &str) -> Vec<Diagnostic> {
    plan::load(text.as_bytes()).map(|_| ()).unwrap_err().0
}

/// 1-based line of the first line containing `needle`, and the column where `needle` starts.
fn position_of(text: &str, needle: &str) -> (u64, u64) {
    let (index, line) = text
        .lines()
        .enumerate()
        .find(|(_, line)| line.contains(needle))
        .unwrap();
    let column = line.find(needle).unwrap() + 1;
    (index as u64 + 1, column as u64)
}

fn assert_at(diagnostic: &Diagnostic, path: &str, text: &str, needle: &str) {
    assert_eq!(diagnostic.path.as_str(), path, "{diagnostic}");
    let (line, column) = position_of(text, needle);
    let position = diagnostic.position.unwrap();
    assert_eq!(
        (position.line, position.column),
        (line, column),
        "{diagnostic}"
    );
}

#[test]
fn validation_errors_point_at_the_value() {
    let text = TRUST.replace("netbiosName: AWSCORP", "netbiosName: WAY-TOO-LONG-NETBIOS");
    let found = problems(&text);
    assert_eq!(found.len(), 1);
    assert_at(
        &found[0],
        "connection.trust.managedAd.create.netbiosName",
        &text,
        "WAY-TOO",
    );
}

#[test]
fn sequence_items_have_their_own_position() {
    let text = TRUST.replace("subnet-0fedcba9876543210]", "subnet-bad]");
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_at(
        &found[0],
        "connection.trust.managedAd.create.subnetIds[1]",
        &text,
        "subnet-bad",
    );
}

#[test]
fn several_problems_come_in_document_order() {
    let text = TRUST
        .replace("name: corp-to-identity-center", "name: Corp")
        .replace("direction: two-way", "direction: one-way-incoming")
        .replace("sessionDuration: PT8H", "sessionDuration: PT13H");
    let paths: Vec<String> = problems(&text)
        .iter()
        .map(|d| d.path.as_str().to_owned())
        .collect();
    assert_eq!(
        paths,
        [
            "metadata.name",
            "connection.trust.direction",
            "identityCenter.permissionSets[0].sessionDuration"
        ]
    );
}

#[test]
fn unknown_key_names_the_key_and_the_allowed_ones() {
    let text = TRUST.replace(
        "    selectiveAuth: false",
        "    selectiveAuthentication: false",
    );
    let found = problems(&text);
    assert_at(
        &found[0],
        "connection.trust.selectiveAuthentication",
        &text,
        "selectiveAuthentication",
    );
    assert!(found[0].allowed.contains("selectiveAuth"), "{}", found[0]);
}

#[test]
fn missing_key_is_named_under_its_mapping() {
    let text = TRUST.replace("        edition: Standard\n", "");
    let found = problems(&text);
    assert_eq!(
        found[0].path.as_str(),
        "connection.trust.managedAd.create.edition",
        "{}",
        found[0]
    );
}

#[test]
fn bad_enum_value_lists_the_allowed_values() {
    let text = TRUST.replace("type: forest", "type: realm");
    let found = problems(&text);
    assert_at(&found[0], "connection.trust.type", &text, "realm");
    assert!(
        found[0].allowed.contains("forest") && found[0].allowed.contains("external"),
        "{}",
        found[0]
    );
}

#[test]
fn literal_secret_is_refused_without_echo() {
    let canary = "Canary-Secret-4711!";
    let text = TRUST.replace("{env: ADSSO_ADMIN_PASSWORD}", &format!("\"{canary}\""));
    let found = problems(&text);
    assert_eq!(
        found[0].path.as_str(),
        "connection.trust.managedAd.create.adminPassword"
    );
    let shown = found[0].to_string();
    assert!(
        !shown.contains(canary) && !shown.contains("4711"),
        "{shown}"
    );
    assert!(
        shown.contains("{env: NAME}")
            && shown.contains("{file: PATH}")
            && shown.contains("{prompt: true}")
    );
}

#[test]
fn syntax_error_has_line_and_column() {
    let text = TRUST.replace("    type: forest", "    type: [forest");
    let found = problems(&text);
    assert_eq!(found.len(), 1);
    assert!(found[0].position.is_some(), "{}", found[0]);
}

#[test]
fn inline_policy_errors_point_at_the_block_and_into_the_policy() {
    let text = TRUST.replace(r#""Effect": "Allow","#, r#""Effect": "Allow""#);
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].path.as_str(),
        "identityCenter.permissionSets[0].inlinePolicy"
    );
    // A block scalar's position is its first content line, the policy's line 1.
    let (block, _) = position_of(&text, "inlinePolicy: |");
    let position = found[0].position.unwrap();
    assert_eq!(
        (position.line, position.column),
        (block + 1, 9),
        "{}",
        found[0]
    );
    assert!(
        found[0].problem.contains("line 7, column 7 of the policy"),
        "{}",
        found[0]
    );
}
