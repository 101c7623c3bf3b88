//! The hand-written rules that implement a model pattern, pinned to it: each test asserts the
//! pattern's text in the generated table (so a changed model fails here, next to the rule that
//! implements it) and compares the rule with the pattern itself on examples and character sweeps.
//! A rule may be stricter than its pattern (documented limits); it is never looser. This file has
//! the helpers and the Directory Service and tag patterns; `sso_pattern_tests.rs` the sso-admin ones.

use regex::Regex;

use super::aws_model as model;
use super::*;

/// The model's pattern as a Rust regex with Java's meaning: the whole value must match
/// (`String.matches`), and `\w`, `\d`, `\s` are ASCII only.
pub(crate) fn java_regex(pattern: &str) -> Regex {
    let mut rust = String::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            rust.push(c);
            continue;
        }
        match chars.next() {
            Some('w') => rust.push_str("[0-9A-Za-z_]"),
            Some('d') => rust.push_str("[0-9]"),
            Some('s') => rust.push_str(r"[ \t\n\x0B\x0C\r]"),
            Some(other) => {
                rust.push('\\');
                rust.push(other);
            }
            None => rust.push('\\'),
        }
    }
    Regex::new(&format!("^(?:{rust})$")).unwrap_or_else(|e| panic!("{pattern}: {e}"))
}

/// Whether `field`'s pattern and length limits accept `value`.
pub(crate) fn model_accepts(field: &ModelField, value: &str) -> bool {
    let length = value.chars().count();
    field.pattern.is_none_or(|p| java_regex(p).is_match(value))
        && field.min.is_none_or(|min| length >= min)
        && field.max.is_none_or(|max| length <= max)
}

/// Checks that `rule` accepts nothing `field` refuses, on every sample.
pub(crate) fn never_looser(field: &ModelField, samples: &[String], rule: impl Fn(&str) -> bool) {
    for sample in samples {
        if rule(sample) {
            assert!(
                model_accepts(field, sample),
                "{} {} accepts {sample:?} but the model does not",
                field.operation,
                field.member
            );
        }
    }
}

/// `template` with `{}` replaced by each ASCII character.
pub(crate) fn ascii_sweep(template: &str) -> Vec<(char, String)> {
    (0u8..=127)
        .map(char::from)
        .map(|c| (c, template.replace("{}", &c.to_string())))
        .collect()
}

#[test]
fn fqdn_implements_directory_name_and_remote_domain_name() {
    let pattern = r"^([a-zA-Z0-9]+[\\.-])+([a-zA-Z0-9])+$";
    assert_eq!(model::DS_CONNECT_DIRECTORY_NAME.pattern, Some(pattern));
    assert_eq!(model::DS_CREATE_MICROSOFT_AD_NAME.pattern, Some(pattern));
    assert_eq!(
        model::DS_CREATE_TRUST_REMOTE_DOMAIN_NAME.pattern,
        Some(r"^([a-zA-Z0-9]+[\\.-])+([a-zA-Z0-9])+[.]?$")
    );
    let mut samples: Vec<String> = [
        "corp.example.com",
        "a.b",
        "my-corp.example.co.uk",
        "corp",
        "corp.example.com.",
        "corp..com",
        "-corp.com",
        "a--b.com",
        "corp_x.com",
        "co rp.com",
    ]
    .map(String::from)
    .to_vec();
    samples.push(format!("{}.com", "a".repeat(DNS_LABEL_MAX)));
    samples.push(format!("{}.com", "a".repeat(DNS_LABEL_MAX + 1)));
    samples.extend(
        ascii_sweep("co{}rp.example.com")
            .into_iter()
            .map(|(_, s)| s),
    );
    for field in [
        &model::DS_CONNECT_DIRECTORY_NAME,
        &model::DS_CREATE_MICROSOFT_AD_NAME,
        &model::DS_CREATE_TRUST_REMOTE_DOMAIN_NAME,
    ] {
        never_looser(field, &samples, |s| fqdn(s).is_ok());
    }
    // Stricter than the pattern where RFC 1035 says so: a 64-character label.
    let long_label = format!("{}.com", "a".repeat(DNS_LABEL_MAX + 1));
    assert!(model_accepts(
        &model::DS_CONNECT_DIRECTORY_NAME,
        &long_label
    ));
    assert!(fqdn(&long_label).is_err());
}

#[test]
fn netbios_implements_directory_short_name() {
    let pattern = r#"^[^\\/:*?"<>|.]+[^\\/:*?"<>|]*$"#;
    assert_eq!(
        model::DS_CONNECT_DIRECTORY_SHORT_NAME.pattern,
        Some(pattern)
    );
    assert_eq!(
        model::DS_CREATE_MICROSOFT_AD_SHORT_NAME.pattern,
        Some(pattern)
    );
    let field = &model::DS_CREATE_MICROSOFT_AD_SHORT_NAME;
    // Printable ASCII but space: the rule and the pattern agree character by character, so
    // NETBIOS_FORBIDDEN is exactly the pattern's class.
    for (c, sample) in ascii_sweep("CO{}RP") {
        if c.is_ascii_graphic() {
            assert_eq!(
                netbios(&sample).is_ok(),
                model_accepts(field, &sample),
                "{c:?}"
            );
        }
    }
    let samples: Vec<String> = ascii_sweep("{}CORP")
        .into_iter()
        .chain(ascii_sweep("CO{}RP"))
        .map(|(_, s)| s)
        .chain(["CORPÉ".into(), "A".repeat(NETBIOS_MAX), "NETWORK".into()])
        .collect();
    never_looser(field, &samples, |s| netbios(s).is_ok());
}

#[test]
fn resource_ids_implement_vpc_subnet_and_directory_ids() {
    assert_eq!(
        model::DS_CONNECT_DIRECTORY_VPC_ID.pattern,
        Some("^(vpc-[0-9a-f]{8}|vpc-[0-9a-f]{17})$")
    );
    assert_eq!(
        model::DS_CREATE_MICROSOFT_AD_SUBNET_IDS.pattern,
        Some("^(subnet-[0-9a-f]{8}|subnet-[0-9a-f]{17})$")
    );
    assert_eq!(
        model::DS_CREATE_TRUST_DIRECTORY_ID.pattern,
        Some("^d-[0-9a-f]{10}$")
    );
    assert_eq!(
        model::DS_DESCRIBE_DIRECTORIES_DIRECTORY_IDS.pattern,
        model::DS_CREATE_TRUST_DIRECTORY_ID.pattern
    );
    for digits in [7, 8, 9, 16, 17, 18] {
        for hex in [
            "0123456789abcdef0123",
            "0123456789ABCDEF0123",
            "0123456789abcdeg0123",
        ] {
            let id = &hex[..digits];
            let vpc = format!("vpc-{id}");
            let subnet = format!("subnet-{id}");
            assert_eq!(
                resource_id(&vpc, "vpc").is_ok(),
                model_accepts(&model::DS_CONNECT_DIRECTORY_VPC_ID, &vpc),
                "{vpc}"
            );
            assert_eq!(
                resource_id(&subnet, "subnet").is_ok(),
                model_accepts(&model::DS_CONNECT_DIRECTORY_SUBNET_IDS, &subnet),
                "{subnet}"
            );
        }
    }
    for id in [
        "d-0123456789",
        "d-012345678",
        "d-01234567890",
        "d-012345678A",
        "e-0123456789",
    ] {
        assert_eq!(
            directory_id(id).is_ok(),
            model_accepts(&model::DS_CREATE_TRUST_DIRECTORY_ID, id),
            "{id}"
        );
    }
}

#[test]
fn dns_server_implements_ip_addr() {
    let pattern = r"^(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$";
    assert_eq!(
        model::DS_CONNECT_DIRECTORY_CUSTOMER_DNS_IPS.pattern,
        Some(pattern)
    );
    assert_eq!(
        model::DS_CREATE_TRUST_CONDITIONAL_FORWARDER_IP_ADDRS.pattern,
        Some(pattern)
    );
    let samples: Vec<String> = [
        "10.0.0.10",
        "203.0.113.5",
        "255.255.255.254",
        "10.0.0.256",
        "10.0.0",
        "010.0.0.1",
        "::1",
        " 10.0.0.1",
    ]
    .map(String::from)
    .to_vec();
    never_looser(
        &model::DS_CONNECT_DIRECTORY_CUSTOMER_DNS_IPS,
        &samples,
        |s| dns_server(s).is_ok(),
    );
    // Stricter: a leading zero (octal to some resolvers) fits the pattern but is refused.
    assert!(model_accepts(
        &model::DS_CONNECT_DIRECTORY_CUSTOMER_DNS_IPS,
        "010.0.0.1"
    ));
    assert!(dns_server("010.0.0.1").is_err());
}

#[test]
fn service_account_name_implements_user_name() {
    let field = &model::DS_CONNECT_DIRECTORY_CUSTOMER_USER_NAME;
    assert_eq!(field.pattern, Some("[a-zA-Z0-9._-]+"));
    assert_eq!((field.min, field.max), (Some(1), None));
    for (c, sample) in ascii_sweep("svc{}x") {
        assert_eq!(
            service_account_name(&sample).is_ok(),
            model_accepts(field, &sample),
            "{c:?}"
        );
    }
    // Stricter: the model states no length; a user's sAMAccountName has at most 20.
    let long = "s".repeat(SAM_ACCOUNT_NAME_MAX + 1);
    assert!(model_accepts(field, &long));
    assert!(service_account_name(&long).is_err());
}

#[test]
fn tag_characters_implement_tag_key_and_tag_value() {
    assert_eq!(
        model::DS_CONNECT_DIRECTORY_TAG_KEY.pattern,
        Some(r"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$")
    );
    assert_eq!(
        model::DS_CREATE_MICROSOFT_AD_TAG_VALUE.pattern,
        model::DS_CONNECT_DIRECTORY_TAG_KEY.pattern
    );
    assert_eq!(
        model::SSO_ADMIN_CREATE_PERMISSION_SET_TAG_KEY.pattern,
        Some(r"([\p{L}\p{Z}\p{N}_.:/=+\-@]*)")
    );
    assert_eq!(
        model::SSO_ADMIN_CREATE_PERMISSION_SET_TAG_VALUE.pattern,
        model::SSO_ADMIN_CREATE_PERMISSION_SET_TAG_KEY.pattern
    );
    let fields = [
        &model::DS_CONNECT_DIRECTORY_TAG_VALUE,
        &model::DS_CREATE_MICROSOFT_AD_TAG_VALUE,
        &model::SSO_ADMIN_CREATE_PERMISSION_SET_TAG_VALUE,
    ];
    // Every character of the Basic Multilingual Plane but surrogates: the rule and each pattern
    // agree (letters, separators and numbers by general category, and TAG_PUNCTUATION).
    let regexes: Vec<Regex> = fields
        .iter()
        .filter_map(|field| field.pattern.map(java_regex))
        .collect();
    for c in (0u32..=0xFFFF).filter_map(char::from_u32) {
        let text = c.to_string();
        for regex in &regexes {
            assert_eq!(
                tag_value(&text).is_ok(),
                regex.is_match(&text),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }
}
