//! Unit tests of the format rules: each rule accepts its documented good values and refuses the
//! documented bad ones.

use super::*;

#[test]
fn plan_names() {
    assert!(plan_name("corp-to-identity-center").is_ok());
    assert!(plan_name(&"a".repeat(63)).is_ok());
    assert!(plan_name("").is_err());
    assert!(plan_name(&"a".repeat(64)).is_err());
    assert!(plan_name("Corp").is_err());
    assert!(plan_name("corp_ad").is_err());
}

#[test]
fn fqdns() {
    for good in ["corp.example.com", "a.b", "my-corp.example.co.uk", "x1.y2"] {
        assert!(fqdn(good).is_ok(), "{good}");
    }
    for bad in [
        "",
        "corp",
        "corp.example.com.",
        "corp..com",
        "-corp.com",
        "corp-.com",
        "co rp.com",
        "corp_x.com",
        "a--b.com",
    ] {
        assert!(fqdn(bad).is_err(), "{bad}");
    }
    assert!(fqdn(&format!("{}.com", "a".repeat(64))).is_err());
    assert!(fqdn(&format!("{}.com", "a".repeat(63))).is_ok());
}

#[test]
fn netbios_names() {
    for good in ["CORP", "A", "CORP-01", "ABCDEFGHIJKLMNO", "CO.RP"] {
        assert!(netbios(good).is_ok(), "{good}");
    }
    for bad in ["", "ABCDEFGHIJKLMNOP", ".CORP", "CO RP", "CO\tRP", "CORPÉ"] {
        assert!(netbios(bad).is_err(), "{bad}");
    }
    for forbidden in NETBIOS_FORBIDDEN {
        assert!(netbios(&format!("CO{forbidden}RP")).is_err(), "{forbidden}");
    }
}

#[test]
fn dns_servers() {
    assert!(dns_server("10.0.0.10").is_ok());
    assert!(dns_server("203.0.113.5").is_ok());
    for bad in [
        "",
        "10.0.0",
        "10.0.0.256",
        "::1",
        "fe80::1",
        "dc1.corp.example.com",
        "0.0.0.0",
        "127.0.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "169.254.1.1",
        "010.0.0.1",
    ] {
        assert!(dns_server(bad).is_err(), "{bad}");
    }
    assert!(is_rfc1918("10.1.2.3".parse().unwrap()));
    assert!(is_rfc1918("192.168.1.1".parse().unwrap()));
    assert!(!is_rfc1918("203.0.113.5".parse().unwrap()));
}

#[test]
fn resource_ids() {
    assert!(resource_id("vpc-0123456789abcdef0", "vpc").is_ok());
    assert!(resource_id("vpc-01234567", "vpc").is_ok());
    assert!(resource_id("subnet-0fedcba9876543210", "subnet").is_ok());
    for bad in [
        "vpc-0123",
        "vpc-0123456789ABCDEF0",
        "vpc0123456789abcdef0",
        "subnet-0123456789abcdef0",
        "vpc-0123456789abcdef0g",
        "",
    ] {
        assert!(resource_id(bad, "vpc").is_err(), "{bad}");
    }
    assert!(directory_id("d-0123456789").is_ok());
    for bad in [
        "d-012345678",
        "d-01234567890",
        "d-012345678g",
        "D-0123456789",
        "0123456789",
    ] {
        assert!(directory_id(bad).is_err(), "{bad}");
    }
}

#[test]
fn accounts_and_regions() {
    assert!(account_id("123456789012").is_ok());
    for bad in ["12345678901", "1234567890123", "12345678901a", ""] {
        assert!(account_id(bad).is_err(), "{bad}");
    }
    for good in [
        "us-east-1",
        "eu-central-1",
        "us-gov-west-1",
        "ap-southeast-2",
        "il-central-1",
    ] {
        assert!(region(good).is_ok(), "{good}");
    }
    for bad in [
        "us-east",
        "US-EAST-1",
        "useast1",
        "us-east-1a",
        "",
        "east-1",
    ] {
        assert!(region(bad).is_err(), "{bad}");
    }
}

#[test]
fn service_accounts() {
    assert!(service_account_name("svc-adconnector").is_ok());
    assert!(service_account_name("svc.ad_conn-1").is_ok());
    assert!(service_account_name("").is_err());
    assert!(
        service_account_name("CORP\\svc")
            .unwrap_err()
            .contains("DOMAIN")
    );
    assert!(
        service_account_name("svc@corp.example.com")
            .unwrap_err()
            .contains('@')
    );
    assert!(service_account_name("svc ad").is_err());
}

#[test]
fn env_names() {
    assert!(env_name("ADSSO_TRUST_PASSWORD").is_ok());
    assert!(env_name("_x1").is_ok());
    for bad in ["", "1BAD", "A-B", "A B", "A$"] {
        assert!(env_name(bad).is_err(), "{bad}");
    }
}

#[test]
fn session_durations() {
    assert_eq!(session_duration("PT8H"), Ok(8 * 3600));
    assert_eq!(session_duration("PT1H"), Ok(3600));
    assert_eq!(session_duration("PT12H"), Ok(43_200));
    assert_eq!(session_duration("PT1H30M"), Ok(5400));
    assert_eq!(session_duration("PT90M"), Ok(5400));
    assert_eq!(session_duration("P0DT4H"), Ok(4 * 3600));
    assert_eq!(session_duration("PT3600S"), Ok(3600));
    assert!(session_duration("PT13H").unwrap_err().contains("13 h"));
    assert!(session_duration("PT30M").unwrap_err().contains("30 min"));
    assert!(session_duration("PT12H1S").is_err());
    for malformed in [
        "",
        "P",
        "PT",
        "8h",
        "PT8",
        "P1Y",
        "P1W",
        "PT1M1H",
        "PTH",
        "PT8H8H",
        "P1D",
        "PT99999999999H",
    ] {
        assert!(session_duration(malformed).is_err(), "{malformed}");
    }
}

#[test]
fn session_durations_out_of_range_are_shown_in_hours_minutes_and_seconds() {
    // 1 h is the shortest accepted, 12 h the longest; one second less or more is refused.
    assert_eq!(session_duration("PT3600S"), Ok(3600));
    assert_eq!(
        session_duration("PT3599S"),
        Err("`PT3599S` is 59 min 59 s".into())
    );
    assert_eq!(session_duration("PT43200S"), Ok(43_200));
    assert_eq!(
        session_duration("PT12H1S"),
        Err("`PT12H1S` is 12 h 1 s".into())
    );
    assert_eq!(session_duration("PT13H"), Err("`PT13H` is 13 h".into()));
    assert_eq!(session_duration("PT30M"), Err("`PT30M` is 30 min".into()));
    assert_eq!(session_duration("PT0S"), Err("`PT0S` is 0 s".into()));
    assert_eq!(session_duration("P1D"), Err("`P1D` is 24 h".into()));
}

#[test]
fn human_durations_name_each_unit_that_is_not_zero() {
    for (seconds, shown) in [
        (0, "0 s"),
        (1, "1 s"),
        (59, "59 s"),
        (60, "1 min"),
        (61, "1 min 1 s"),
        (3599, "59 min 59 s"),
        (3600, "1 h"),
        (3601, "1 h 1 s"),
        (3661, "1 h 1 min 1 s"),
        (5400, "1 h 30 min"),
        (46_800, "13 h"),
        (90_061, "25 h 1 min 1 s"),
    ] {
        assert_eq!(human_duration(seconds), shown, "{seconds}");
    }
}

#[test]
fn iso8601_durations_take_days_hours_minutes_and_seconds_in_order() {
    for (text, seconds) in [
        ("PT0S", Some(0)),
        ("PT1S", Some(1)),
        ("PT1M", Some(60)),
        ("PT1H", Some(3600)),
        ("P1D", Some(86_400)),
        ("P1DT1H1M1S", Some(90_061)),
        ("P0DT4H", Some(14_400)),
        ("PT0.5S", Some(1)),
        ("PT2.000S", Some(2)),
        ("P", None),
        ("PT", None),
        ("P1DT", None),
        ("T1H", None),
        ("PT1S1M", None),
        ("PT1H1H", None),
        ("PTH", None),
        ("PT1", None),
        ("P1H", None),
        ("PT1D", None),
        ("PT1.5M", None),
    ] {
        assert_eq!(iso8601_seconds(text), seconds, "{text}");
    }
    assert_eq!(
        session_duration("PT"),
        Err("`PT` is not an ISO 8601 duration".into())
    );
}

#[test]
fn iso8601_numbers_have_at_most_9_digits() {
    assert_eq!(session_duration("PT000003600S"), Ok(3600));
    assert_eq!(
        session_duration("PT0000003600S"),
        Err("`PT0000003600S` is not an ISO 8601 duration".into())
    );
    assert_eq!(iso8601_seconds("PT999999999S"), Some(999_999_999));
    assert_eq!(iso8601_seconds("PT1000000000S"), None);
    assert_eq!(iso8601_seconds("P999999999D"), Some(999_999_999 * 86_400));
}

#[test]
fn permission_sets_and_arns() {
    assert!(permission_set_name("ReadOnly").is_ok());
    assert!(permission_set_name("a+b=c,d.e@f_g-h").is_ok());
    assert!(permission_set_name("").is_err());
    assert!(permission_set_name(&"a".repeat(33)).is_err());
    assert!(permission_set_name("Read Only").is_err());
    assert!(managed_policy_arn("arn:aws:iam::aws:policy/ReadOnlyAccess").is_ok());
    assert!(managed_policy_arn("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess").is_ok());
    assert!(managed_policy_arn("arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess").is_ok());
    assert!(managed_policy_arn("arn:aws:iam::123456789012:policy/Mine").is_err());
    assert!(managed_policy_arn("ReadOnlyAccess").is_err());
    assert!(instance_arn("arn:aws:sso:::instance/ssoins-0123456789abcdef").is_ok());
    assert!(instance_arn("arn:aws:sso:::instance/ssoins-0123").is_err());
    assert!(instance_arn("arn:aws:iam:::instance/ssoins-0123456789abcdef").is_err());
}

#[test]
fn tags() {
    assert!(tag_key("Owner").is_ok());
    assert!(tag_key("cost center:team/a").is_ok());
    assert!(tag_key("").is_err());
    assert!(tag_key("aws:cloudformation").is_err());
    assert!(tag_key("AWS:x").is_err());
    assert!(tag_key(&"k".repeat(129)).is_err());
    assert!(tag_key("a*b").is_err());
    assert!(tag_value("").is_ok());
    assert!(tag_value(&"v".repeat(257)).is_err());
    assert!(tag_value("platform-team").is_ok());
}
