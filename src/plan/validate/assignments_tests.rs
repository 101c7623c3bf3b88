//! Assignment targets through the loader: each problem names its field, with its line.

use crate::plan::Diagnostic;

/// The trust example with its assignments replaced by `assignments` (YAML, indented 4).
fn with_assignments(assignments: &str) -> Vec<u8> {
    let example = include_str!("../../../assets/examples/trust.yaml");
    let head = example.split("  assignments:\n").next().unwrap_or_default();
    format!("{head}  assignments:\n{assignments}tags: {{Owner: platform-team}}\n").into_bytes()
}

fn problems(assignments: &str) -> Vec<Diagnostic> {
    match crate::plan::load(&with_assignments(assignments)) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => diagnostics.0,
    }
}

fn paths(assignments: &str) -> Vec<String> {
    problems(assignments)
        .iter()
        .map(|d| d.path.as_str().to_owned())
        .collect()
}

#[test]
fn organizational_units_alone_are_a_target_and_round_trip() {
    let yaml = "    - group: AWS-SSO-Users\n      permissionSet: ReadOnly\n      organizationalUnits: [ou-ab12-34cd56ef, r-ab12, Root/Workloads/Prod]\n      excludeAccounts: [\"444455556666\"]\n      prune: true\n";
    let loaded = crate::plan::load(&with_assignments(yaml));
    let plan = loaded
        .map(|(parsed, _)| parsed.plan)
        .unwrap_or_else(|e| panic!("{e}"));
    let assignment = &plan.identity_center.as_ref().unwrap().assignments[0];
    assert!(assignment.accounts.is_empty());
    assert_eq!(assignment.organizational_units.len(), 3);
    assert_eq!(assignment.exclude_accounts, ["444455556666"]);
    assert!(assignment.prune);
    let saved = serde_saphyr::to_string(&plan).unwrap();
    assert!(!saved.contains("accounts: []"), "{saved}");
    assert!(saved.contains("prune: true"), "{saved}");
    let again = crate::plan::load(saved.as_bytes()).map(|(p, _)| p.plan);
    assert_eq!(again.ok(), Some(plan));
}

#[test]
fn an_assignment_without_any_target_is_refused_at_its_line() {
    let found = problems("    - group: AWS-SSO-Users\n      permissionSet: ReadOnly\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].path.as_str(), "identityCenter.assignments[0]");
    assert!(
        found[0]
            .problem
            .contains("no account and no organizational unit")
    );
    assert_eq!(found[0].position.map(|p| p.line), Some(49));
    assert!(found[0].allowed.contains("organizationalUnits"));
}

#[test]
fn bad_and_repeated_ou_targets_are_named_by_index() {
    let yaml = "    - group: G\n      permissionSet: ReadOnly\n      organizationalUnits: [ou-ab12-34cd56ef, ou-AB12-x, Workloads, ou-ab12-34cd56ef, Root/A/B/C/D/E/F]\n";
    let found = problems(yaml);
    assert_eq!(
        found.iter().map(|d| d.path.as_str()).collect::<Vec<_>>(),
        [
            "identityCenter.assignments[0].organizationalUnits[1]",
            "identityCenter.assignments[0].organizationalUnits[2]",
            "identityCenter.assignments[0].organizationalUnits[3]",
            "identityCenter.assignments[0].organizationalUnits[4]",
        ]
    );
    assert!(found[0].problem.contains("is not an OU id"));
    assert!(found[2].problem.contains("listed twice"));
    assert!(found[3].problem.contains("6 levels"));
    assert_eq!(found[0].position.map(|p| p.line), Some(51));
}

#[test]
fn excluded_accounts_need_ous_are_valid_and_not_also_targeted() {
    assert_eq!(
        paths(
            "    - group: G\n      permissionSet: ReadOnly\n      accounts: [\"111122223333\"]\n      excludeAccounts: [\"111122223333\", \"12\"]\n"
        ),
        [
            "identityCenter.assignments[0].excludeAccounts",
            "identityCenter.assignments[0].excludeAccounts[1]",
            "identityCenter.assignments[0].excludeAccounts[0]",
        ]
    );
    assert_eq!(
        paths(
            "    - group: G\n      permissionSet: ReadOnly\n      organizationalUnits: [r-ab12]\n      excludeAccounts: [\"111122223333\", \"111122223333\"]\n"
        ),
        ["identityCenter.assignments[0].excludeAccounts[1]"]
    );
}

#[test]
fn accounts_alone_still_work_and_an_empty_list_needs_ous() {
    assert!(
        paths(
            "    - group: G\n      permissionSet: ReadOnly\n      accounts: [\"111122223333\"]\n"
        )
        .is_empty()
    );
    assert_eq!(
        paths("    - group: G\n      permissionSet: ReadOnly\n      accounts: []\n"),
        ["identityCenter.assignments[0]"]
    );
    assert!(paths("    - group: G\n      permissionSet: ReadOnly\n      accounts: []\n      organizationalUnits: [Root]\n").is_empty());
}
