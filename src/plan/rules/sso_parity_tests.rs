//! The permission set fields of `permission_set_fields.rs` (description, relay state, customer
//! managed policy names and paths, the permissions boundary's ARN, per-set tags): each limit on
//! both sides (the longest accepted, one more refused), and each pattern pinned to the generated
//! table and compared with the pattern itself (see `pattern_tests.rs`).

use super::aws_model as model;
use super::pattern_tests::{ascii_sweep, java_regex, model_accepts};
use super::*;

#[test]
fn the_new_limits_are_stated_in_the_models() {
    for limit in [
        model::SSO_ADMIN_CREATE_PERMISSION_SET_DESCRIPTION.min,
        model::SSO_ADMIN_CREATE_PERMISSION_SET_DESCRIPTION.max,
        model::SSO_ADMIN_UPDATE_PERMISSION_SET_DESCRIPTION.max,
        model::SSO_ADMIN_CREATE_PERMISSION_SET_RELAY_STATE.min,
        model::SSO_ADMIN_CREATE_PERMISSION_SET_RELAY_STATE.max,
        model::SSO_ADMIN_UPDATE_PERMISSION_SET_RELAY_STATE.max,
        model::SSO_ADMIN_ATTACH_CUSTOMER_POLICY_NAME.min,
        model::SSO_ADMIN_ATTACH_CUSTOMER_POLICY_NAME.max,
        model::SSO_ADMIN_PUT_BOUNDARY_CUSTOMER_POLICY_NAME.max,
        model::SSO_ADMIN_ATTACH_CUSTOMER_POLICY_PATH.min,
        model::SSO_ADMIN_ATTACH_CUSTOMER_POLICY_PATH.max,
        model::SSO_ADMIN_PUT_BOUNDARY_CUSTOMER_POLICY_PATH.max,
        model::SSO_ADMIN_TAG_RESOURCE_TAGS.list_max,
        model::SSO_ADMIN_TAG_RESOURCE_TAG_KEY.max,
        model::SSO_ADMIN_TAG_RESOURCE_TAG_VALUE.max,
    ] {
        assert!(limit.is_some());
    }
    // The same shapes in every operation that sends them.
    let same = |a: &ModelField, b: &ModelField| {
        (a.shape, a.min, a.max, a.pattern) == (b.shape, b.min, b.max, b.pattern)
    };
    assert!(same(
        &model::SSO_ADMIN_CREATE_PERMISSION_SET_DESCRIPTION,
        &model::SSO_ADMIN_UPDATE_PERMISSION_SET_DESCRIPTION
    ));
    assert!(same(
        &model::SSO_ADMIN_CREATE_PERMISSION_SET_RELAY_STATE,
        &model::SSO_ADMIN_UPDATE_PERMISSION_SET_RELAY_STATE
    ));
    assert!(same(
        &model::SSO_ADMIN_ATTACH_CUSTOMER_POLICY_NAME,
        &model::SSO_ADMIN_PUT_BOUNDARY_CUSTOMER_POLICY_NAME
    ));
    assert!(same(
        &model::SSO_ADMIN_ATTACH_CUSTOMER_POLICY_PATH,
        &model::SSO_ADMIN_PUT_BOUNDARY_CUSTOMER_POLICY_PATH
    ));
    assert!(same(
        &model::SSO_ADMIN_ATTACH_MANAGED_POLICY_ARN,
        &model::SSO_ADMIN_PUT_BOUNDARY_MANAGED_POLICY_ARN
    ));
    assert!(same(
        &model::SSO_ADMIN_CREATE_PERMISSION_SET_TAG_KEY,
        &model::SSO_ADMIN_TAG_RESOURCE_TAG_KEY
    ));
    assert!(same(
        &model::SSO_ADMIN_CREATE_PERMISSION_SET_TAG_VALUE,
        &model::SSO_ADMIN_TAG_RESOURCE_TAG_VALUE
    ));
}

#[test]
fn descriptions_are_1_to_700_characters() {
    assert_eq!(DESCRIPTION_LENGTH, 1..=700);
    let longest = "d".repeat(700);
    assert_eq!(permission_set_description(&longest), Ok(()));
    assert_eq!(
        permission_set_description(&format!("{longest}d")),
        Err("the description has 701 characters".into())
    );
    assert_eq!(
        permission_set_description(""),
        Err("the description has 0 characters".into())
    );
}

#[test]
fn description_characters_implement_the_models_pattern() {
    let field = &model::SSO_ADMIN_CREATE_PERMISSION_SET_DESCRIPTION;
    assert_eq!(
        field.pattern,
        Some(r"[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*")
    );
    for c in (0u32..=0x2FF).filter_map(char::from_u32) {
        let text = format!("a{c}b");
        assert_eq!(
            permission_set_description(&text).is_ok(),
            model_accepts(field, &text),
            "U+{:04X}",
            u32::from(c)
        );
    }
}

#[test]
fn relay_states_are_1_to_240_characters() {
    assert_eq!(RELAY_STATE_LENGTH, 1..=240);
    let longest = format!("https://x/{}", "r".repeat(230));
    assert_eq!(longest.len(), 240);
    assert_eq!(relay_state(&longest), Ok(()));
    let problem = relay_state(&format!("{longest}r")).unwrap_err();
    assert!(problem.ends_with("has 241 characters"), "{problem}");
    assert!(relay_state("").is_err());
}

#[test]
fn relay_state_implements_the_models_pattern() {
    let field = &model::SSO_ADMIN_CREATE_PERMISSION_SET_RELAY_STATE;
    assert_eq!(
        field.pattern,
        Some(r#"[a-zA-Z0-9&$@#\\\/%?=~\-_'"|!:,.;*+\[\]\ \(\)\{\}]+"#)
    );
    for (c, sample) in ascii_sweep("https://console.aws.amazon.com/{}s3") {
        assert_eq!(
            relay_state(&sample).is_ok(),
            model_accepts(field, &sample),
            "{c:?}"
        );
    }
    assert!(!model_accepts(field, "https://é"));
    assert!(relay_state("https://é").is_err());
}

#[test]
fn customer_policy_names_are_1_to_128_characters() {
    assert_eq!(CUSTOMER_POLICY_NAME_LENGTH, 1..=128);
    let longest = "n".repeat(128);
    assert_eq!(customer_policy_name(&longest), Ok(()));
    let problem = customer_policy_name(&format!("{longest}n")).unwrap_err();
    assert!(problem.ends_with("has 129 characters"), "{problem}");
    assert!(customer_policy_name("").is_err());
}

#[test]
fn customer_policy_name_implements_managed_policy_name() {
    let field = &model::SSO_ADMIN_ATTACH_CUSTOMER_POLICY_NAME;
    assert_eq!(field.pattern, Some(r"[\w+=,.@-]+"));
    for (c, sample) in ascii_sweep("Team{}Boundary") {
        assert_eq!(
            customer_policy_name(&sample).is_ok(),
            model_accepts(field, &sample),
            "{c:?}"
        );
    }
    assert_eq!(
        customer_policy_name("Équipe").is_ok(),
        model_accepts(field, "Équipe")
    );
}

#[test]
fn policy_paths_are_1_to_512_characters() {
    assert_eq!(POLICY_PATH_LENGTH, 1..=512);
    let longest = format!("/{}/", "p".repeat(510));
    assert_eq!(longest.len(), 512);
    assert_eq!(policy_path(&longest), Ok(()));
    let one_more = format!("/{}/", "p".repeat(511));
    let problem = policy_path(&one_more).unwrap_err();
    assert!(problem.ends_with("has 513 characters"), "{problem}");
    assert!(policy_path("").is_err());
}

#[test]
fn policy_path_implements_managed_policy_path() {
    let field = &model::SSO_ADMIN_ATTACH_CUSTOMER_POLICY_PATH;
    assert_eq!(field.pattern, Some(r"((/[A-Za-z0-9\.,\+@=_-]+)*)/"));
    for (c, sample) in ascii_sweep("/team{}a/b/") {
        assert_eq!(
            policy_path(&sample).is_ok(),
            model_accepts(field, &sample),
            "{c:?}"
        );
    }
    let regex = java_regex(field.pattern.unwrap_or_default());
    for sample in ["/", "//", "/a", "a/", "/a//b/", "/a/b/", "/é/", "/a/b"] {
        assert_eq!(
            policy_path(sample).is_ok(),
            regex.is_match(sample),
            "{sample}"
        );
    }
}

#[test]
fn boundary_arns_follow_the_managed_policy_rule() {
    let field = &model::SSO_ADMIN_PUT_BOUNDARY_MANAGED_POLICY_ARN;
    for (c, sample) in ascii_sweep("arn:aws:iam::aws:policy/Power{}User") {
        if managed_policy_arn(&sample).is_ok() {
            assert!(model_accepts(field, &sample), "{c:?}");
        }
    }
}

#[test]
fn a_permission_set_takes_75_tags_less_adsso_plan() {
    assert_eq!(PERMISSION_SET_TAGS_MAX, 75);
    assert_eq!(MAX_PERMISSION_SET_USER_TAGS, 74);
}
