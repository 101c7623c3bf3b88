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
    assert_eq!(tag_key(&"k".repeat(128)), Ok(()));
    assert!(tag_key(&"k".repeat(129)).is_err());
    assert_eq!(tag_value(&"v".repeat(256)), Ok(()));
    assert!(tag_value(&"v".repeat(257)).is_err());
}

#[test]
fn managed_policy_arns_of_every_partition_and_path_are_accepted() {
    for arn in [
        "arn:aws:iam::aws:policy/ReadOnlyAccess",
        "arn:aws-cn:iam::aws:policy/ReadOnlyAccess",
        "arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess",
        "arn:aws-eusc:iam::aws:policy/ReadOnlyAccess",
        "arn:aws-iso-b:iam::aws:policy/ReadOnlyAccess",
        "arn:aws-a-b-c:iam::aws:policy/X",
        "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
        "arn:aws:iam::aws:policy/service-role/a/b.c,d+e@f=g_h-i",
    ] {
        assert_eq!(managed_policy_arn(arn), Ok(()), "{arn}");
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
    let prefix = "arn:aws:iam::aws:policy/";
    let longest = format!("{prefix}{}", "x".repeat(2048 - prefix.len()));
    assert_eq!(managed_policy_arn(&longest), Ok(()));
    assert!(managed_policy_arn(&format!("{longest}x")).is_err());
}

#[test]
fn instance_arns_take_every_partition_and_check_their_characters() {
    assert_eq!(
        instance_arn("arn:aws-eusc:sso:::instance/ssoins-0123456789abcdef"),
        Ok(())
    );
    assert_eq!(
        instance_arn("arn:aws-us-gov:sso:::instance/ins-01234567.9abcde-"),
        Ok(())
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
