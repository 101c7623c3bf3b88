//! The sso-admin patterns the hand-written rules implement (account ids, permission set names,
//! ARNs and their partitions, inline policy characters, session durations), pinned to the
//! generated table and compared with the patterns themselves (see `pattern_tests.rs`).

use super::aws_model as model;
use super::identity_center::first_unsendable;
use super::pattern_tests::{ascii_sweep, java_regex, model_accepts};
use super::*;

#[test]
fn account_id_implements_target_id() {
    let field = &model::SSO_ADMIN_CREATE_ACCOUNT_ASSIGNMENT_TARGET_ID;
    assert_eq!(field.pattern, Some(r"\d{12}"));
    assert_eq!((field.min, field.max), (Some(12), Some(12)));
    for id in [
        "123456789012",
        "12345678901",
        "1234567890123",
        "12345678901a",
        "١٢٣٤٥٦٧٨٩٠١٢",
    ] {
        assert_eq!(account_id(id).is_ok(), model_accepts(field, id), "{id}");
    }
}

#[test]
fn permission_set_name_implements_permission_set_name() {
    let field = &model::SSO_ADMIN_CREATE_PERMISSION_SET_NAME;
    assert_eq!(field.pattern, Some(r"[\w+=,.@-]+"));
    for (c, sample) in ascii_sweep("Read{}Only") {
        assert_eq!(
            permission_set_name(&sample).is_ok(),
            model_accepts(field, &sample),
            "{c:?}"
        );
    }
    for sample in ["Lecture_é", "ReadOnly", ""] {
        assert_eq!(
            permission_set_name(sample).is_ok(),
            model_accepts(field, sample),
            "{sample}"
        );
    }
}

#[test]
fn managed_policy_arn_implements_managed_policy_arn() {
    let field = &model::SSO_ADMIN_ATTACH_MANAGED_POLICY_ARN;
    assert_eq!(
        field.pattern,
        Some(
            r"arn:aws(-[a-z]{1,5}){0,3}:iam::aws:policy((/[A-Za-z0-9\.,\+@=_-]+)*)/([A-Za-z0-9\.,\+=@_-]+)"
        )
    );
    for (c, sample) in ascii_sweep("arn:aws:iam::aws:policy/job{}function/View{}Only") {
        assert_eq!(
            managed_policy_arn(&sample).is_ok(),
            model_accepts(field, &sample),
            "{c:?}"
        );
    }
    // Stricter: a partition the model's form allows but AWS does not list.
    assert!(model_accepts(
        field,
        "arn:aws-abc:iam::aws:policy/ReadOnlyAccess"
    ));
    assert!(managed_policy_arn("arn:aws-abc:iam::aws:policy/ReadOnlyAccess").is_err());
}

#[test]
fn instance_arn_implements_instance_arn() {
    let field = &model::SSO_ADMIN_CREATE_PERMISSION_SET_INSTANCE_ARN;
    assert_eq!(
        field.pattern,
        Some(r"arn:aws(-[a-z]{1,5}){0,3}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}")
    );
    for (c, sample) in ascii_sweep("arn:aws:sso:::instance/ssoins-0123456789abcd{}f") {
        assert_eq!(
            instance_arn(&sample).is_ok(),
            model_accepts(field, &sample),
            "{c:?}"
        );
    }
}

#[test]
fn every_partition_of_the_table_fits_the_models_partition_form() {
    let pattern = model::SSO_ADMIN_ATTACH_MANAGED_POLICY_ARN
        .pattern
        .and_then(|p| p.strip_prefix("arn:"))
        .and_then(|p| p.split(':').next())
        .unwrap();
    assert_eq!(pattern, "aws(-[a-z]{1,5}){0,3}");
    let form = java_regex(pattern);
    for partition in model::PARTITIONS {
        assert!(form.is_match(partition.id), "{}", partition.id);
        let arn = format!("arn:{}:iam::aws:policy/ReadOnlyAccess", partition.id);
        assert_eq!(managed_policy_arn(&arn).map(|p| p.id), Ok(partition.id));
        let arn = format!(
            "arn:{}:sso:::instance/ssoins-0123456789abcdef",
            partition.id
        );
        assert_eq!(instance_arn(&arn).map(|p| p.id), Ok(partition.id));
    }
}

#[test]
fn inline_policy_characters_implement_the_policy_document_pattern() {
    let field = &model::SSO_ADMIN_PUT_INLINE_POLICY;
    assert_eq!(field.pattern, Some(r"[\u0009\u000A\u000D\u0020-\u00FF]+"));
    let regex = java_regex(r"[\u0009\u000A\u000D\u0020-\u00FF]+");
    for c in (0u32..=0x2FF).filter_map(char::from_u32) {
        let text = format!("a{c}b");
        assert_eq!(
            first_unsendable(&text).is_none(),
            regex.is_match(&text),
            "U+{:04X}",
            u32::from(c)
        );
    }
}

#[test]
fn session_duration_implements_the_duration_pattern() {
    // The pattern has a lookahead the regex crate does not take: pinned, and shown on examples.
    assert_eq!(
        model::SSO_ADMIN_CREATE_PERMISSION_SET_SESSION_DURATION.pattern,
        Some(
            r"(-?)P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)([DW]))?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?"
        )
    );
    assert_eq!(
        model::SSO_ADMIN_UPDATE_PERMISSION_SET_SESSION_DURATION,
        ModelField {
            operation: "UpdatePermissionSet",
            ..model::SSO_ADMIN_CREATE_PERMISSION_SET_SESSION_DURATION
        }
    );
    for accepted in ["PT8H", "PT1H30M", "P0DT4H", "PT3600.5S"] {
        assert!(session_duration(accepted).is_ok(), "{accepted}");
    }
    // Forms the pattern allows and the rule refuses: no fixed length, negative, or no digits.
    for refused in ["P1Y", "P1M", "P1W", "-PT8H", "PT8.5H", "PT"] {
        assert!(session_duration(refused).is_err(), "{refused}");
    }
}
