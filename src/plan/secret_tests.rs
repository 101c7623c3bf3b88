//! Unit tests of secret references: how they are written, read and shown, which refusals they
//! give (never repeating a value), which passwords a plan needs and the rules each must meet.

use serde::de::value::{
    BoolDeserializer, BytesDeserializer, CharDeserializer, Error, F64Deserializer, I64Deserializer,
    I128Deserializer, MapDeserializer, SeqDeserializer, StrDeserializer, U64Deserializer,
    U128Deserializer, UnitDeserializer,
};
use serde::de::{Expected, IntoDeserializer};

use super::*;
use crate::plan::{example, parse};

/// A secret reference read from a map of `entries`, or the refusal's text.
fn from_map<K, V>(entries: Vec<(K, V)>) -> Result<SecretRef, String>
where
    K: IntoDeserializer<'static, Error>,
    V: IntoDeserializer<'static, Error>,
{
    SecretRef::deserialize(MapDeserializer::new(entries.into_iter())).map_err(|e| e.to_string())
}

/// A secret reference read from `deserializer`, or the refusal's text.
fn from<'de, D: Deserializer<'de, Error = Error>>(deserializer: D) -> Result<SecretRef, String> {
    SecretRef::deserialize(deserializer).map_err(|e| e.to_string())
}

#[test]
fn references_are_described_as_the_operator_writes_them() {
    let env = SecretRef::Env("ADSSO_TRUST_PASSWORD".into());
    let file = SecretRef::File("/run/secrets/trust".into());
    assert_eq!(env.describe(), "{env: ADSSO_TRUST_PASSWORD}");
    assert_eq!(file.describe(), "{file: /run/secrets/trust}");
    assert_eq!(SecretRef::Prompt.describe(), "{prompt: true}");
    assert_eq!(env.to_string(), "{env: ADSSO_TRUST_PASSWORD}");
    assert_eq!(file.to_string(), "{file: /run/secrets/trust}");
    assert_eq!(SecretRef::Prompt.to_string(), "{prompt: true}");
}

#[test]
fn references_serialize_as_one_key_maps_and_read_back() {
    for (reference, json) in [
        (SecretRef::Env("X_1".into()), r#"{"env":"X_1"}"#),
        (SecretRef::File("./pw".into()), r#"{"file":"./pw"}"#),
        (SecretRef::Prompt, r#"{"prompt":true}"#),
    ] {
        assert_eq!(serde_json::to_string(&reference).unwrap(), json);
        assert_eq!(serde_json::from_str::<SecretRef>(json).unwrap(), reference);
    }
}

#[test]
fn each_key_reads_its_form() {
    assert_eq!(from_map(vec![("env", "A")]), Ok(SecretRef::Env("A".into())));
    assert_eq!(
        from_map(vec![("file", "/p")]),
        Ok(SecretRef::File("/p".into()))
    );
    assert_eq!(from_map(vec![("prompt", true)]), Ok(SecretRef::Prompt));
    assert_eq!(
        from_map(vec![("prompt", false)]),
        Err(text::SECRET_PROMPT_FALSE.into())
    );
}

#[test]
fn a_literal_of_any_scalar_type_is_refused_without_its_value() {
    let literal = Err(text::SECRET_LITERAL.to_owned());
    assert_eq!(from(StrDeserializer::new("hunter2")), literal);
    assert_eq!(from(BytesDeserializer::new(b"hunter2")), literal);
    assert_eq!(from(BoolDeserializer::new(true)), literal);
    assert_eq!(from(I64Deserializer::new(-42)), literal);
    assert_eq!(from(U64Deserializer::new(42)), literal);
    assert_eq!(from(I128Deserializer::new(-42)), literal);
    assert_eq!(from(U128Deserializer::new(42)), literal);
    assert_eq!(from(F64Deserializer::new(4.2)), literal);
    assert_eq!(from(CharDeserializer::new('x')), literal);
    // In a plan, a plain scalar, quoted or not, is a literal too; no problem repeats it.
    let trust_yaml = include_str!("../../assets/examples/trust.yaml");
    for literal in ["hunter2", "\"hunter2\"", "12345678"] {
        let yaml = trust_yaml.replace("{env: ADSSO_TRUST_PASSWORD}", literal);
        let problems = parse(yaml.as_bytes()).unwrap_err().0;
        assert_eq!(problems.len(), 1, "{literal}");
        let shown = format!("{} {}", problems[0].problem, problems[0].allowed);
        assert!(shown.contains("literal password"), "{shown}");
        assert!(
            !shown.contains("hunter2") && !shown.contains("12345678"),
            "{shown}"
        );
    }
}

#[test]
fn empty_listed_or_several_sources_are_refused() {
    let missing = Err(text::SECRET_MISSING.to_owned());
    assert_eq!(from(UnitDeserializer::new()), missing);
    assert_eq!(
        SecretRefVisitor
            .visit_none::<Error>()
            .map_err(|e| e.to_string()),
        missing
    );
    assert_eq!(from_map(Vec::<(&str, &str)>::new()), missing);
    assert_eq!(
        from(SeqDeserializer::new(vec!["env", "X"].into_iter())),
        Err(text::SECRET_NOT_A_MAP.into())
    );
    assert_eq!(
        from_map(vec![("env", "A"), ("file", "/p")]),
        Err(text::SECRET_SEVERAL.into())
    );
    assert_eq!(
        from_map(vec![("env", "A"), ("env", "B")]),
        Err(text::SECRET_SEVERAL.into())
    );
}

#[test]
fn an_unknown_key_of_any_type_is_refused_without_the_key() {
    let unknown = Err(text::SECRET_UNKNOWN_KEY.to_owned());
    for key in ["password", "Env", "ENV", "files", ""] {
        assert_eq!(from_map(vec![(key, "hunter2")]), unknown, "{key}");
    }
    assert_eq!(from_map(vec![(b"env".as_slice(), "x")]), unknown);
    assert_eq!(from_map(vec![(7_u64, "x")]), unknown);
    assert_eq!(from_map(vec![(-7_i64, "x")]), unknown);
    assert_eq!(from_map(vec![(true, "x")]), unknown);
    assert_eq!(from_map(vec![(0.5_f64, "x")]), unknown);
    // A key of another type is named by its type, with the keys that are allowed.
    assert_eq!(
        from_map(vec![((), "x")]),
        Err("invalid type: unit value, expected `env`, `file` or `prompt`".into())
    );
}

#[test]
fn a_misfit_type_error_names_the_three_forms() {
    let expected = &SecretRefVisitor as &dyn Expected;
    assert_eq!(expected.to_string(), text::SECRET_FORMS);
    assert_eq!(
        SecretRefVisitor
            .visit_some(UnitDeserializer::<Error>::new())
            .map_err(|e| e.to_string()),
        Err(format!(
            "invalid type: Option value, expected {}",
            text::SECRET_FORMS
        ))
    );
}

#[test]
fn the_schema_offers_exactly_the_three_forms() {
    assert_eq!(SecretRef::schema_name(), "SecretRef");
    let schema: serde_json::Value =
        serde_json::from_str(&crate::plan::schema::plan_schema_json()).unwrap();
    let forms = schema["$defs"]["SecretRef"]["oneOf"].as_array().unwrap();
    let required: Vec<&serde_json::Value> = forms.iter().map(|form| &form["required"]).collect();
    assert_eq!(
        required,
        [
            &serde_json::json!(["env"]),
            &serde_json::json!(["file"]),
            &serde_json::json!(["prompt"])
        ]
    );
    assert_eq!(
        forms[2]["properties"]["prompt"],
        serde_json::json!({"const": true})
    );
    // Every password field of the plan points at it.
    for (definition, field) in [
        ("NewManagedAd", "adminPassword"),
        ("ServiceAccount", "password"),
        ("Trust", "password"),
    ] {
        assert_eq!(
            schema["$defs"][definition]["properties"][field]["$ref"], "#/$defs/SecretRef",
            "{definition}.{field}"
        );
    }
    assert_eq!(
        schema["$defs"]["TrustOverride"]["properties"]["password"]["anyOf"][0]["$ref"],
        "#/$defs/SecretRef"
    );
}

#[test]
fn slots_say_what_they_are_and_check_their_own_rules() {
    assert_eq!(
        SecretSlot::ServiceAccount.what(),
        "service account password"
    );
    assert_eq!(SecretSlot::Admin.what(), "Managed AD Admin password");
    assert_eq!(SecretSlot::Trust.what(), "trust password");
    assert_eq!(
        SecretSlot::DomainTrust(1).what(),
        "trust password of selfManaged[1]"
    );
    // The same value meets one rule and not another.
    assert_eq!(SecretSlot::ServiceAccount.check("abc"), Ok(()));
    assert_eq!(SecretSlot::Trust.check("abc"), Ok(()));
    assert_eq!(SecretSlot::DomainTrust(0).check("abc"), Ok(()));
    assert_eq!(
        SecretSlot::Admin.check("abc"),
        Err("it has 3 characters; 8-64 are allowed".into())
    );
    assert_eq!(SecretSlot::ServiceAccount.check("a\u{7}b"), Ok(()));
    let not_a_letter = "character 2 is not a letter, a digit, ASCII punctuation or a space \
                        (the character is not shown)";
    assert_eq!(SecretSlot::Trust.check("a\u{7}b"), Err(not_a_letter.into()));
    assert_eq!(
        SecretSlot::DomainTrust(0).check("a\u{7}b"),
        Err(not_a_letter.into())
    );
    assert_eq!(
        SecretSlot::ServiceAccount.check(""),
        Err("it has 0 characters; 1-128 are allowed".into())
    );
}

#[test]
fn each_mode_needs_its_passwords() {
    let connector = example("ad-connector.yaml");
    assert_eq!(
        secret_slots(&connector),
        [(
            SecretSlot::ServiceAccount,
            &SecretRef::Env("ADSSO_SERVICE_ACCOUNT_PASSWORD".into())
        )]
    );
    let mut trust = example("trust.yaml");
    assert_eq!(
        secret_slots(&trust),
        [
            (
                SecretSlot::Admin,
                &SecretRef::Env("ADSSO_ADMIN_PASSWORD".into())
            ),
            (
                SecretSlot::Trust,
                &SecretRef::Env("ADSSO_TRUST_PASSWORD".into())
            ),
        ]
    );
    // An existing Managed AD needs no Admin password.
    if let Some(settings) = trust.connection.trust.as_mut() {
        settings.managed_ad.create = None;
        settings.managed_ad.existing_directory_id = Some("d-0123456789".into());
    }
    assert_eq!(
        secret_slots(&trust),
        [(
            SecretSlot::Trust,
            &SecretRef::Env("ADSSO_TRUST_PASSWORD".into())
        )]
    );
    trust.connection.mode = crate::plan::Mode::SimpleAd;
    assert_eq!(secret_slots(&trust).len(), 1);
    // A mode without its section needs nothing (validate reports the missing section).
    trust.connection.trust = None;
    assert_eq!(secret_slots(&trust), []);
    let mut connector = connector;
    connector.connection.ad_connector = None;
    assert_eq!(secret_slots(&connector), []);
}

#[test]
fn a_domain_with_its_own_trust_password_needs_it_and_the_shared_one_only_if_used() {
    let mut forests = example("trust-two-forests.yaml");
    let admin = SecretRef::Env("ADSSO_ADMIN_PASSWORD".into());
    let emea = SecretRef::Env("ADSSO_TRUST_PASSWORD_EMEA".into());
    assert_eq!(
        secret_slots(&forests),
        [
            (SecretSlot::Admin, &admin),
            (SecretSlot::DomainTrust(1), &emea),
            (
                SecretSlot::Trust,
                &SecretRef::Env("ADSSO_TRUST_PASSWORD".into())
            ),
        ]
    );
    // Once every domain has its own, `connection.trust.password` is not needed.
    forests.self_managed.all_mut()[0].trust = Some(crate::plan::TrustOverride {
        trust_type: None,
        selective_auth: None,
        password: Some(SecretRef::Prompt),
    });
    assert_eq!(
        secret_slots(&forests),
        [
            (SecretSlot::Admin, &admin),
            (SecretSlot::DomainTrust(0), &SecretRef::Prompt),
            (SecretSlot::DomainTrust(1), &emea),
        ]
    );
    // An override without a password uses the shared one.
    forests.self_managed.all_mut()[1].trust = Some(crate::plan::TrustOverride {
        trust_type: None,
        selective_auth: Some(true),
        password: None,
    });
    assert_eq!(
        secret_slots(&forests),
        [
            (SecretSlot::Admin, &admin),
            (SecretSlot::DomainTrust(0), &SecretRef::Prompt),
            (
                SecretSlot::Trust,
                &SecretRef::Env("ADSSO_TRUST_PASSWORD".into())
            ),
        ]
    );
}
