//! The allowed-value wording states the numbers the rules use, so a limit that moves with the
//! models (or a documented limit that changes) fails here until the text says it.

use super::*;
use crate::plan::rules::{self, aws_model};

fn says(text: &str, part: &str) {
    assert!(text.contains(part), "`{text}` does not say `{part}`");
}

#[test]
fn tag_wording_states_the_models_limits() {
    says(TAG_KEY_ALLOWED, &format!("1-{}", rules::TAG_KEY_MAX));
    says(TAG_VALUE_ALLOWED, &format!("0-{}", rules::TAG_VALUE_MAX));
    says(
        TAGS_COUNT_ALLOWED,
        &format!(
            "at most {} tags (AWS allows {}",
            rules::MAX_USER_TAGS,
            rules::TAGS_MAX
        ),
    );
}

#[test]
fn identity_center_wording_states_the_models_limits() {
    let name = rules::PERMISSION_SET_NAME_LENGTH;
    says(
        PERMISSION_SET_NAME_ALLOWED,
        &format!("{}-{}", name.start(), name.end()),
    );
    says(
        INLINE_POLICY_ALLOWED,
        &format!("1-{}", rules::INLINE_POLICY_MAX),
    );
    says(
        INLINE_POLICY_ALLOWED,
        &format!("at most {}", rules::INLINE_POLICY_QUOTA),
    );
    says(
        SESSION_DURATION_ALLOWED,
        &format!("at most {} characters", rules::SESSION_DURATION_TEXT_MAX),
    );
    let arn = rules::MANAGED_POLICY_ARN_LENGTH;
    says(
        MANAGED_POLICY_ALLOWED,
        &format!("{}-{}", arn.start(), arn.end()),
    );
    says(
        MANAGED_POLICY_COUNT,
        &format!("at most {}", rules::MAX_MANAGED_POLICIES),
    );
    says(
        ACCOUNT_ALLOWED,
        &format!("{}-digit", rules::ACCOUNT_ID_DIGITS),
    );
}

#[test]
fn directory_wording_states_the_documented_limits() {
    says(NETBIOS_ALLOWED, &format!("1-{}", rules::NETBIOS_MAX));
    for c in rules::NETBIOS_FORBIDDEN {
        says(NETBIOS_ALLOWED, &c.to_string());
    }
    says(
        SERVICE_ACCOUNT_ALLOWED,
        &format!("1-{}", rules::SAM_ACCOUNT_NAME_MAX),
    );
}

#[test]
fn region_wording_names_every_partition_of_the_table() {
    for partition in aws_model::PARTITIONS {
        says(REGION_ALLOWED, partition.id);
    }
    says(REGION_ALLOWED, "eusc-de-east-1");
    assert!(rules::region("eusc-de-east-1").is_ok());
}

#[test]
fn advice_names_the_plan_file_the_command_was_given() {
    use std::path::Path;
    let advice = "fix it (`adsso validate FILE`), then run `adsso apply FILE --yes`; FILES stay";
    assert_eq!(
        super::with_plan_file(advice, Some(Path::new("plans/corp.yaml"))),
        "fix it (`adsso validate plans/corp.yaml`), then run `adsso apply plans/corp.yaml --yes`; FILES stay"
    );
    assert_eq!(
        super::with_plan_file("`adsso status FILE`", Some(Path::new("my plan's.yaml"))),
        "`adsso status 'my plan'\\''s.yaml'`"
    );
    assert_eq!(
        super::with_plan_file("`adsso status FILE`", Some(Path::new("x\u{1b}[2J.yaml"))),
        "`adsso status 'x\\u{1b}[2J.yaml'`"
    );
    assert_eq!(super::with_plan_file(advice, None), advice);
}

#[test]
fn permission_set_field_wording_states_the_models_limits() {
    let range = |r: std::ops::RangeInclusive<usize>| format!("{}-{}", r.start(), r.end());
    says(
        PERMISSION_SET_DESCRIPTION_ALLOWED,
        &range(rules::DESCRIPTION_LENGTH),
    );
    says(RELAY_STATE_ALLOWED, &range(rules::RELAY_STATE_LENGTH));
    says(
        CUSTOMER_POLICY_NAME_ALLOWED,
        &range(rules::CUSTOMER_POLICY_NAME_LENGTH),
    );
    says(POLICY_PATH_ALLOWED, &range(rules::POLICY_PATH_LENGTH));
    says(
        PERMISSION_SET_TAGS_COUNT_ALLOWED,
        &format!(
            "at most {} tags of the plan's `tags` and the permission set's together (AWS allows {}",
            rules::MAX_PERMISSION_SET_USER_TAGS,
            rules::PERMISSION_SET_TAGS_MAX
        ),
    );
}
