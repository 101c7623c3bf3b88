//! The values apply sends, checked against the pinned models: the enum names calls.rs maps the
//! plan's choices to, and the descriptions adsso writes.

use super::calls::*;
use crate::plan::rules::aws_model as model;
use crate::plan::rules::pattern_tests::model_accepts;
use crate::plan::{ConnectorSize, Edition, TrustDirection, TrustType};

/// A plan's serde name and a model's enum value name the same choice: `two-way` and `Two-Way`,
/// `one-way-outgoing` and `One-Way: Outgoing`.
fn same_choice(serde_name: &str, model_value: &str) -> bool {
    let letters = |text: &str| -> String {
        text.chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    letters(serde_name) == letters(model_value)
}

/// The plan's spelling of an enum value.
fn serde_name<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

/// Each plan choice maps to the model value of the same name, and the model values no plan
/// choice maps to are exactly `unoffered`.
fn check_enum<T: serde::Serialize + Copy>(
    field: &crate::plan::rules::ModelField,
    choices: &[T],
    sent: impl Fn(T) -> &'static str,
    unoffered: &[&str],
) {
    let mut covered = Vec::new();
    for choice in choices {
        let name = sent(*choice);
        assert!(
            field.enum_values.contains(&name),
            "{} is not in {} {}: {:?}",
            name,
            field.operation,
            field.member,
            field.enum_values
        );
        assert!(same_choice(&serde_name(*choice), name), "{name}");
        covered.push(name);
    }
    let mut rest: Vec<&str> = field
        .enum_values
        .iter()
        .copied()
        .filter(|value| !covered.contains(value))
        .collect();
    rest.sort_unstable();
    assert_eq!(rest, unoffered, "{} {}", field.operation, field.member);
}

#[test]
fn the_sizes_editions_trust_types_and_directions_sent_are_the_models() {
    check_enum(
        &model::DS_CONNECT_DIRECTORY_SIZE,
        &[ConnectorSize::Small, ConnectorSize::Large],
        size_name,
        &[],
    );
    check_enum(
        &model::DS_CREATE_MICROSOFT_AD_EDITION,
        &[Edition::Standard, Edition::Enterprise],
        edition_name,
        &["Hybrid"],
    );
    check_enum(
        &model::DS_CREATE_TRUST_TRUST_TYPE,
        &[TrustType::Forest, TrustType::External],
        trust_type_name,
        &[],
    );
    check_enum(
        &model::DS_CREATE_TRUST_TRUST_DIRECTION,
        &[
            TrustDirection::TwoWay,
            TrustDirection::OneWayOutgoing,
            TrustDirection::OneWayIncoming,
        ],
        trust_direction_name,
        &[],
    );
}

#[test]
fn selective_auth_is_sent_as_the_models_two_values() {
    let values = model::DS_CREATE_TRUST_SELECTIVE_AUTH.enum_values;
    let mut sent = [selective_auth_name(true), selective_auth_name(false)];
    sent.sort_unstable();
    let mut expected = values.to_vec();
    expected.sort_unstable();
    assert_eq!(sent.to_vec(), expected);
    assert_eq!(selective_auth_name(true), "Enabled");
}

#[test]
fn a_changed_enum_is_noticed() {
    let mut field = model::DS_CREATE_TRUST_TRUST_TYPE;
    field.enum_values = &["Forest", "External", "Realm"];
    let result = std::panic::catch_unwind(|| {
        check_enum(
            &field,
            &[TrustType::Forest, TrustType::External],
            trust_type_name,
            &[],
        );
    });
    assert!(result.is_err());
}

fn example_plan() -> crate::plan::Plan {
    let path = format!("{}/assets/examples/trust.yaml", env!("CARGO_MANIFEST_DIR"));
    let mut plan = crate::plan::load(&std::fs::read(path).unwrap())
        .unwrap()
        .0
        .plan;
    // The longest plan name `metadata.name` allows.
    plan.metadata.name = format!("a-{}", "9".repeat(61));
    plan
}

#[test]
fn the_directory_description_fits_directory_services_description_for_the_longest_plan_name() {
    let plan = example_plan();
    let text = description(&plan);
    for field in [
        &model::DS_CONNECT_DIRECTORY_DESCRIPTION,
        &model::DS_CREATE_MICROSOFT_AD_DESCRIPTION,
    ] {
        assert!(model_accepts(field, &text), "{text}");
        assert!(!model_accepts(field, "Created by adsso, plan x"));
        assert!(model_accepts(field, &"a".repeat(128)));
        assert!(!model_accepts(field, &"a".repeat(129)));
    }
}

#[test]
fn the_permission_set_description_fits_sso_admins_description() {
    let plan = example_plan();
    let field = &model::SSO_ADMIN_CREATE_PERMISSION_SET_DESCRIPTION;
    assert!(model_accepts(field, &permission_set_description(&plan)));
    assert!(model_accepts(field, &"a".repeat(700)));
    assert!(!model_accepts(field, &"a".repeat(701)));
    assert!(!model_accepts(field, "Created by adsso, plan €"));
}

#[test]
fn the_target_and_principal_types_sent_are_the_models() {
    use aws_sdk_ssoadmin::types::{PrincipalType, ProvisionTargetType, TargetType};
    assert!(
        model::SSO_ADMIN_CREATE_ACCOUNT_ASSIGNMENT_TARGET_TYPE
            .enum_values
            .contains(&TargetType::AwsAccount.as_str())
    );
    assert!(
        model::SSO_ADMIN_CREATE_ACCOUNT_ASSIGNMENT_PRINCIPAL_TYPE
            .enum_values
            .contains(&PrincipalType::Group.as_str())
    );
    assert!(
        model::SSO_ADMIN_PROVISION_PERMISSION_SET_TARGET_TYPE
            .enum_values
            .contains(&ProvisionTargetType::AllProvisionedAccounts.as_str())
    );
}
