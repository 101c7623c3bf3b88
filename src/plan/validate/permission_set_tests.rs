//! The permission set fields `description`, `relayState`, `customerManagedPolicies`,
//! `permissionsBoundary` and `tags`: each limit on both sides through `load`, with the error
//! naming the field's path and line.

use crate::plan::{Diagnostic, load};

/// A valid plan whose one permission set has `fields` (YAML lines at the set's indentation).
fn plan_with(fields: &str) -> String {
    let base = include_str!("../../../assets/examples/trust.yaml");
    let (head, _) = base.split_once("identityCenter:").unwrap_or((base, ""));
    format!(
        "{head}identityCenter:\n  permissionSets:\n    - name: Dev\n{fields}tags: {{Owner: platform-team}}\n"
    )
}

/// The errors `load` reports for the plan, as (path, line).
fn errors(fields: &str) -> Vec<(String, u64)> {
    match load(plan_with(fields).as_bytes()) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics
            .0
            .iter()
            .filter(|d| d.is_error())
            .map(|d: &Diagnostic| (d.path.as_str().to_owned(), d.position.map_or(0, |p| p.line)))
            .collect(),
    }
}

/// The line of the plan text where `needle` first appears (1-based).
fn line_of(fields: &str, needle: &str) -> u64 {
    let text = plan_with(fields);
    let index = text.find(needle).unwrap();
    text[..index].matches('\n').count() as u64 + 1
}

const SET: &str = "identityCenter.permissionSets[0]";

#[test]
fn every_new_field_at_its_longest_is_accepted() {
    let fields = format!(
        "      description: \"{}\"\n      relayState: \"https://x/{}\"\n      customerManagedPolicies:\n        - {{name: {}, path: \"/{}/\"}}\n        - {{name: Other}}\n      permissionsBoundary:\n        customerManagedPolicy: {{name: Boundary, path: /b/}}\n      tags: {{Team: data, Cost: \"1\"}}\n",
        "d".repeat(700),
        "r".repeat(230),
        "n".repeat(128),
        "p".repeat(510),
    );
    assert_eq!(errors(&fields), vec![]);
    let arn = "      permissionsBoundary:\n        managedPolicyArn: arn:aws:iam::aws:policy/PowerUserAccess\n";
    assert_eq!(errors(arn), vec![]);
}

#[test]
fn a_description_one_character_too_long_is_refused_at_its_line() {
    let fields = format!("      description: \"{}\"\n", "d".repeat(701));
    let line = line_of(&fields, "description:");
    assert_eq!(errors(&fields), [(format!("{SET}.description"), line)]);
    let empty = "      description: \"\"\n";
    assert_eq!(errors(empty), [(format!("{SET}.description"), line)]);
}

#[test]
fn a_relay_state_one_character_too_long_or_with_a_bad_character_is_refused() {
    let fields = format!("      relayState: \"https://x/{}\"\n", "r".repeat(231));
    let line = line_of(&fields, "relayState:");
    assert_eq!(errors(&fields), [(format!("{SET}.relayState"), line)]);
    let bad = "      relayState: \"https://x/<script>\"\n";
    assert_eq!(errors(bad), [(format!("{SET}.relayState"), line)]);
}

#[test]
fn customer_policy_names_and_paths_one_too_long_are_refused_at_their_lines() {
    let fields = format!(
        "      customerManagedPolicies:\n        - name: {}\n        - name: Ok\n          path: \"/{}/\"\n        - name: Ok2\n          path: /no-trailing\n",
        "n".repeat(129),
        "p".repeat(511),
    );
    assert_eq!(
        errors(&fields),
        [
            (
                format!("{SET}.customerManagedPolicies[0].name"),
                line_of(&fields, "- name: nnn")
            ),
            (
                format!("{SET}.customerManagedPolicies[1].path"),
                line_of(&fields, "path: \"/ppp")
            ),
            (
                format!("{SET}.customerManagedPolicies[2].path"),
                line_of(&fields, "path: /no-trailing")
            ),
        ]
    );
}

#[test]
fn a_customer_policy_listed_twice_is_refused() {
    let fields = "      customerManagedPolicies:\n        - {name: A}\n        - {name: A, path: /}\n        - {name: A, path: /x/}\n";
    assert_eq!(
        errors(fields),
        [(
            format!("{SET}.customerManagedPolicies[1]"),
            line_of(fields, "- {name: A, path: /}")
        )]
    );
}

#[test]
fn a_boundary_takes_exactly_one_key_and_a_valid_arn_of_the_regions_partition() {
    let both = "      permissionsBoundary:\n        managedPolicyArn: arn:aws:iam::aws:policy/PowerUserAccess\n        customerManagedPolicy: {name: B}\n";
    let line = line_of(both, "permissionsBoundary:");
    // A block mapping's position is where its value starts: the line after its key.
    assert_eq!(
        errors(both),
        [(format!("{SET}.permissionsBoundary"), line + 1)]
    );
    let neither = "      permissionsBoundary: {}\n";
    assert_eq!(
        errors(neither),
        [(format!("{SET}.permissionsBoundary"), line)]
    );
    let china = "      permissionsBoundary:\n        managedPolicyArn: arn:aws-cn:iam::aws:policy/PowerUserAccess\n";
    assert_eq!(
        errors(china),
        [(
            format!("{SET}.permissionsBoundary.managedPolicyArn"),
            line + 1
        )]
    );
    let customer = "      permissionsBoundary:\n        customerManagedPolicy: {name: \"a b\"}\n";
    assert_eq!(
        errors(customer),
        [(
            format!("{SET}.permissionsBoundary.customerManagedPolicy.name"),
            line + 1
        )]
    );
}

#[test]
fn permission_set_tags_follow_the_tag_rules_and_the_count() {
    let fields = format!(
        "      tags: {{\"{}\": x, \"aws:x\": y, \"adsso:plan\": z, Ok: \"{}\"}}\n",
        "k".repeat(129),
        "v".repeat(257),
    );
    let paths: Vec<String> = errors(&fields).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        paths,
        [
            format!("{SET}.tags.Ok"),
            format!("{SET}.tags.adsso:plan"),
            format!("{SET}.tags.aws:x"),
            format!("{SET}.tags.{}", "k".repeat(129)),
        ]
    );
    let longest = format!(
        "      tags: {{\"{}\": \"{}\"}}\n",
        "k".repeat(128),
        "v".repeat(256)
    );
    assert_eq!(errors(&longest), vec![]);
    // The plan's Owner tag and 73 of the set's make 74: accepted; one more is refused.
    let many = |n: usize| {
        let tags: Vec<String> = (0..n).map(|i| format!("t{i}: v")).collect();
        format!("      tags: {{{}}}\n", tags.join(", "))
    };
    assert_eq!(errors(&many(73)), vec![]);
    let refused = many(74);
    assert_eq!(
        errors(&refused),
        [(format!("{SET}.tags"), line_of(&refused, "tags: {t0"))]
    );
}

#[test]
fn an_existing_set_takes_none_of_the_new_fields() {
    for field in [
        "      description: d\n",
        "      relayState: https://x\n",
        "      customerManagedPolicies: [{name: A}]\n",
        "      permissionsBoundary: {customerManagedPolicy: {name: B}}\n",
        "      tags: {A: b}\n",
    ] {
        let fields = format!("      existing: true\n{field}");
        let line = line_of(&fields, "- name: Dev");
        assert_eq!(errors(&fields), [(SET.to_owned(), line)], "{field}");
    }
}
