//! Boundary tests for the rules AWS's service models and documented AD limits set: each limit
//! shown accepted at its maximum and refused one past it.

use super::*;

#[test]
fn service_account_names_are_at_most_20_characters() {
    assert_eq!(
        service_account_name(&"s".repeat(SAM_ACCOUNT_NAME_MAX)),
        Ok(())
    );
    assert_eq!(
        service_account_name(&"s".repeat(SAM_ACCOUNT_NAME_MAX + 1)),
        Err(format!("`{}` has 21 characters", "s".repeat(21)))
    );
}

#[test]
fn netbios_names_windows_reserves_are_refused_in_any_case() {
    for name in ["NETWORK", "system", "Local", "BUILTIN", "world"] {
        let problem = netbios(name).unwrap_err();
        assert!(problem.ends_with("is a name Windows reserves"), "{problem}");
    }
    for name in ["NETWORKS", "CORP", "LOCALCORP", "SYSTEMS"] {
        assert_eq!(netbios(name), Ok(()), "{name}");
    }
}

#[test]
fn tag_characters_follow_the_models_general_categories() {
    // Letters, separators (no-break and ideographic spaces) and numbers pass.
    for key in [
        "Owner",
        "Kostenstelle Ü",
        "a\u{a0}b",
        "a\u{3000}b",
        "Ⅻ",
        "²",
        "x_.:/=+-@",
    ] {
        assert_eq!(tag_key(key), Ok(()), "{key:?}");
        assert_eq!(tag_value(key), Ok(()), "{key:?}");
    }
    // Combining marks, symbols and controls do not.
    for key in ["e\u{301}", "a\u{1b}", "a€", "a,b", "a\tb"] {
        assert!(tag_key(key).is_err(), "{key:?}");
        assert!(tag_value(key).is_err(), "{key:?}");
    }
}

#[test]
fn tag_lengths_come_from_the_models() {
    for field in [
        &aws_model::DS_CONNECT_DIRECTORY_TAG_KEY,
        &aws_model::DS_CREATE_MICROSOFT_AD_TAG_KEY,
        &aws_model::SSO_ADMIN_CREATE_PERMISSION_SET_TAG_KEY,
    ] {
        assert_eq!(
            (field.min, field.max),
            (Some(TAG_KEY_MIN), Some(TAG_KEY_MAX))
        );
    }
    for field in [
        &aws_model::DS_CONNECT_DIRECTORY_TAG_VALUE,
        &aws_model::DS_CREATE_MICROSOFT_AD_TAG_VALUE,
        &aws_model::SSO_ADMIN_CREATE_PERMISSION_SET_TAG_VALUE,
    ] {
        assert_eq!((field.min, field.max), (Some(0), Some(TAG_VALUE_MAX)));
    }
    assert_eq!((TAG_KEY_MAX, TAG_VALUE_MAX), (128, 256));
    assert_eq!(tag_key(&"k".repeat(TAG_KEY_MAX)), Ok(()));
    assert_eq!(
        tag_key(&"k".repeat(TAG_KEY_MAX + 1)),
        Err(format!(
            "the tag key `{}…` has 129 characters",
            "k".repeat(64)
        ))
    );
    assert_eq!(tag_value(&"v".repeat(TAG_VALUE_MAX)), Ok(()));
    assert_eq!(
        tag_value(&"v".repeat(TAG_VALUE_MAX + 1)),
        Err("the tag value is longer than 256 characters".into())
    );
}

#[test]
fn the_tag_count_is_directory_services_documented_50() {
    // Directory Service's model states no list size; sso-admin's allows 75.
    assert_eq!(aws_model::DS_CONNECT_DIRECTORY_TAGS.list_max, None);
    assert_eq!(aws_model::DS_CREATE_MICROSOFT_AD_TAGS.list_max, None);
    assert_eq!(
        aws_model::SSO_ADMIN_CREATE_PERMISSION_SET_TAGS.list_max,
        Some(75)
    );
    assert_eq!(TAGS_MAX, DS_TAGS_DOCUMENTED);
    assert_eq!(crate::plan::rules::MAX_USER_TAGS, TAGS_MAX - 1);
}

#[test]
fn permission_set_names_are_1_to_32_characters() {
    assert_eq!(PERMISSION_SET_NAME_LENGTH, 1..=32);
    let longest = "p".repeat(*PERMISSION_SET_NAME_LENGTH.end());
    assert_eq!(permission_set_name(&longest), Ok(()));
    assert_eq!(
        permission_set_name(&format!("{longest}p")),
        Err(format!("`{longest}p` has 33 characters"))
    );
    assert_eq!(permission_set_name(""), Err("`` has 0 characters".into()));
}

#[test]
fn session_duration_texts_are_at_most_100_characters() {
    assert_eq!(SESSION_DURATION_TEXT_MAX, 100);
    let pad = |length: usize| format!("PT3600.{}S", "0".repeat(length - "PT3600.S".len()));
    assert_eq!(pad(SESSION_DURATION_TEXT_MAX).chars().count(), 100);
    assert_eq!(session_duration(&pad(SESSION_DURATION_TEXT_MAX)), Ok(3600));
    let problem = session_duration(&pad(SESSION_DURATION_TEXT_MAX + 1)).unwrap_err();
    assert!(problem.ends_with("has 101 characters"), "{problem}");
}

#[test]
fn account_ids_have_the_models_12_digits() {
    assert_eq!(ACCOUNT_ID_DIGITS, 12);
    assert_eq!(account_id(&"1".repeat(ACCOUNT_ID_DIGITS)), Ok(()));
    assert_eq!(
        account_id(&"1".repeat(ACCOUNT_ID_DIGITS + 1)),
        Err("`1111111111111` is not 12 digits".into())
    );
}

#[test]
fn inline_policies_are_at_most_the_models_32768_characters() {
    assert_eq!(INLINE_POLICY_MAX, 32_768);
    let frame = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:X", "Resource": "*"}}"#;
    let padded = |length: usize| format!("{frame}{}", " ".repeat(length - frame.len()));
    assert!(inline_policy(&padded(INLINE_POLICY_MAX)).is_ok());
    assert_eq!(
        inline_policy(&padded(INLINE_POLICY_MAX + 1)).unwrap_err(),
        "the policy has 32769 characters"
    );
}

#[test]
fn the_limits_taken_from_the_models_are_stated_there() {
    // `model_or` falls back to a documented number only where a model states none; these all
    // come from the models.
    for limit in [
        aws_model::DS_CONNECT_DIRECTORY_TAG_KEY.max,
        aws_model::DS_CONNECT_DIRECTORY_TAG_KEY.min,
        aws_model::DS_CREATE_MICROSOFT_AD_TAG_KEY.max,
        aws_model::SSO_ADMIN_CREATE_PERMISSION_SET_TAG_KEY.max,
        aws_model::DS_CONNECT_DIRECTORY_TAG_VALUE.max,
        aws_model::DS_CREATE_MICROSOFT_AD_TAG_VALUE.max,
        aws_model::SSO_ADMIN_CREATE_PERMISSION_SET_TAG_VALUE.max,
        aws_model::SSO_ADMIN_CREATE_PERMISSION_SET_TAGS.list_max,
        aws_model::SSO_ADMIN_CREATE_PERMISSION_SET_NAME.min,
        aws_model::SSO_ADMIN_CREATE_PERMISSION_SET_NAME.max,
        aws_model::SSO_ADMIN_CREATE_PERMISSION_SET_SESSION_DURATION.max,
        aws_model::SSO_ADMIN_ATTACH_MANAGED_POLICY_ARN.min,
        aws_model::SSO_ADMIN_ATTACH_MANAGED_POLICY_ARN.max,
        aws_model::SSO_ADMIN_PUT_INLINE_POLICY.max,
        aws_model::SSO_ADMIN_CREATE_ACCOUNT_ASSIGNMENT_TARGET_ID.max,
        aws_model::DS_CREATE_TRUST_TRUST_PASSWORD.min,
        aws_model::DS_CREATE_TRUST_TRUST_PASSWORD.max,
        aws_model::DS_CONNECT_DIRECTORY_PASSWORD.min,
        aws_model::DS_CONNECT_DIRECTORY_PASSWORD.max,
    ] {
        assert!(limit.is_some());
    }
}

#[test]
fn regions_come_from_the_table_with_the_closest_match() {
    for name in [
        "us-east-1",
        "eu-central-1",
        "us-gov-west-1",
        "cn-northwest-1",
        "eusc-de-east-1",
        "us-isof-south-1",
        "me-west-1",
    ] {
        assert!(region(name).is_ok(), "{name}");
    }
    assert_eq!(region("eusc-de-east-1").map(|p| p.id), Ok("aws-eusc"));
    assert_eq!(
        region("us-est-1"),
        Err("`us-est-1` is not a Region name; did you mean `us-east-1`?".into())
    );
    assert_eq!(
        region("US-EAST-1").unwrap_err(),
        "`US-EAST-1` is not a Region name"
    );
    // Well-formed names AWS does not list are refused: the shape alone is not enough.
    assert_eq!(
        region("us-east-9"),
        Err("`us-east-9` is not a Region name; did you mean `us-east-1`?".into())
    );
    assert_eq!(
        region("aws-global"),
        Err("`aws-global` is not a Region name".into())
    );
}

#[test]
fn an_arn_of_another_partition_than_the_regions_is_refused() {
    let aws = partition_of("us-east-1").unwrap();
    let china = partition_of("cn-north-1").unwrap();
    let arn = "arn:aws-cn:iam::aws:policy/ReadOnlyAccess";
    assert_eq!(same_partition(arn, china, "cn-north-1", china), Ok(()));
    assert_eq!(
        same_partition(arn, china, "us-east-1", aws),
        Err(
            "`arn:aws-cn:iam::aws:policy/ReadOnlyAccess` is an ARN of the partition `aws-cn`, \
             but the Region `us-east-1` is in `aws`"
                .into()
        )
    );
}

#[test]
fn managed_policy_arns_of_every_partition_and_path_are_accepted() {
    for (arn, partition) in [
        ("arn:aws:iam::aws:policy/ReadOnlyAccess", "aws"),
        ("arn:aws-cn:iam::aws:policy/ReadOnlyAccess", "aws-cn"),
        (
            "arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess",
            "aws-us-gov",
        ),
        ("arn:aws-eusc:iam::aws:policy/ReadOnlyAccess", "aws-eusc"),
        ("arn:aws-iso-b:iam::aws:policy/ReadOnlyAccess", "aws-iso-b"),
        ("arn:aws-iso-f:iam::aws:policy/X", "aws-iso-f"),
        ("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", "aws"),
        (
            "arn:aws:iam::aws:policy/service-role/a/b.c,d+e@f=g_h-i",
            "aws",
        ),
    ] {
        assert_eq!(
            managed_policy_arn(arn).map(|p| p.id),
            Ok(partition),
            "{arn}"
        );
    }
}

#[test]
fn managed_policy_arns_with_empty_segments_or_odd_partitions_are_refused() {
    for arn in [
        "arn:aws:iam::aws:policy//X",
        "arn:aws:iam::aws:policy/job-function/",
        "arn:aws:iam::aws:policy/",
        "arn:aws:iam::aws:policy",
        "arn:aws:iam::aws:policy/a b",
        "arn:aws-abcdef:iam::aws:policy/X",
        "arn:aws-a-b-c:iam::aws:policy/X",
        "arn:aws-iso-g:iam::aws:policy/X",
        "arn:aws-a-b-c-d:iam::aws:policy/X",
        "arn:aws-:iam::aws:policy/X",
        "arn:aws-US:iam::aws:policy/X",
        "arn:awsx:iam::aws:policy/X",
        "arn:aws:iam::123456789012:policy/X",
    ] {
        assert!(managed_policy_arn(arn).is_err(), "{arn}");
    }
}

#[test]
fn managed_policy_arns_are_20_to_2048_characters() {
    assert_eq!(MANAGED_POLICY_ARN_LENGTH, 20..=2048);
    let prefix = "arn:aws:iam::aws:policy/";
    let longest = format!(
        "{prefix}{}",
        "x".repeat(MANAGED_POLICY_ARN_LENGTH.end() - prefix.len())
    );
    assert!(managed_policy_arn(&longest).is_ok());
    assert!(managed_policy_arn(&format!("{longest}x")).is_err());
    // The shortest the model allows is shorter than any well-formed ARN: `arn:aws:iam::aws:policy/X`
    // has 25 characters, so the lower limit never refuses one on its own.
    assert!(managed_policy_arn("arn:aws:iam::aws:policy/X").is_ok());
}

#[test]
fn instance_arns_take_every_partition_and_check_their_characters() {
    assert_eq!(
        instance_arn("arn:aws-eusc:sso:::instance/ssoins-0123456789abcdef").map(|p| p.id),
        Ok("aws-eusc")
    );
    assert_eq!(
        instance_arn("arn:aws-us-gov:sso:::instance/ins-01234567.9abcde-").map(|p| p.id),
        Ok("aws-us-gov")
    );
    for arn in [
        "arn:aws:sso:::instance/ssoins-0123456789abcde_",
        "arn:aws:sso:::instance/ssoins-0123456789abcde",
        "arn:aws:sso:::instance/ssoins-0123456789abcdef0",
        "arn:aws-abcdef:sso:::instance/ssoins-0123456789abcdef",
    ] {
        assert!(instance_arn(arn).is_err(), "{arn}");
    }
}

#[test]
fn session_durations_may_have_fractional_seconds() {
    assert_eq!(session_duration("PT3600.0S"), Ok(3600));
    assert_eq!(session_duration("PT3600.5S"), Ok(3600));
    assert_eq!(session_duration("PT43200.000S"), Ok(43200));
    assert_eq!(session_duration("PT1H0.0S"), Ok(3600));
    assert_eq!(
        session_duration("PT3599.5S"),
        Err("`PT3599.5S` is about 1 h".into())
    );
    assert_eq!(
        session_duration("PT43200.5S"),
        Err("`PT43200.5S` is about 12 h 1 s".into())
    );
    for malformed in ["PT.5S", "PT3600.S", "PT1.5H", "PT3600.5", "PT36.00.5S"] {
        assert!(
            session_duration(malformed)
                .unwrap_err()
                .ends_with("is not an ISO 8601 duration"),
            "{malformed}"
        );
    }
    assert_eq!(iso8601_seconds("PT3599.5S"), Some(3600));
    assert_eq!(iso8601_seconds("PT1.0S"), Some(1));
}

/// A valid policy with exactly `significant` characters that are not white space.
fn policy_with(significant: usize) -> String {
    let frame = r#"{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:", "Resource": "*"}}"#;
    let counted = frame.chars().filter(|c| !c.is_whitespace()).count();
    let action = "A".repeat(significant - counted);
    frame.replace("\"s3:\"", &format!("\"s3:{action}\""))
}

#[test]
fn inline_policies_hold_at_most_10240_characters_besides_white_space() {
    let longest = policy_with(INLINE_POLICY_QUOTA);
    assert!(inline_policy(&longest).is_ok());
    // White space does not count: padding keeps it within the quota.
    let padded = longest.replace(": ", ":          ");
    assert!(padded.chars().count() > longest.chars().count());
    assert!(inline_policy(&padded).is_ok());
    assert_eq!(
        inline_policy(&policy_with(INLINE_POLICY_QUOTA + 1)).unwrap_err(),
        "the policy has 10241 characters besides white space"
    );
}

#[test]
fn domain_names_are_at_most_255_characters() {
    // Four labels of 63 characters and three dots make exactly 255.
    let label = "a".repeat(DNS_LABEL_MAX);
    let longest = format!("{label}.{label}.{label}.{label}");
    assert_eq!(longest.len(), FQDN_MAX);
    assert_eq!(fqdn(&longest), Ok(()));
    let one_more = format!("{label}.{label}.{label}.{}.c", "b".repeat(62));
    assert_eq!(one_more.len(), FQDN_MAX + 1);
    assert_eq!(
        fqdn(&one_more).unwrap_err(),
        format!("{} is longer than 255 characters", shown(&one_more))
    );
}

#[test]
fn the_longest_plan_name_is_a_valid_tag_value() {
    // apply tags what it creates with `adsso:plan=<metadata.name>`.
    let longest = format!("a-{}", "9".repeat(61));
    assert_eq!(plan_name(&longest), Ok(()));
    assert_eq!(tag_value(&longest), Ok(()));
    assert_eq!(tag_key(crate::plan::rules::PLAN_TAG), Ok(()));
}

#[test]
fn quoted_values_are_cut_after_64_characters_only() {
    let longest = "q".repeat(64);
    assert_eq!(shown(&longest), format!("`{longest}`"));
    assert_eq!(shown(&"q".repeat(65)), format!("`{longest}…`"));
    assert_eq!(shown("a\u{1b}b"), "`a\\u{1b}b`");
}
