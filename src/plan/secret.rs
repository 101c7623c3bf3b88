//! Secret references: where `apply` will read a password from, never the password itself.
//!
//! A plan holds `{env: NAME}`, `{file: PATH}` or `{prompt: true}`. Anything else, above all a
//! literal string, is refused by the deserializer with a message that shows the allowed forms and
//! never repeats what was written (the value may be a real password).

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::rules::passwords;
use crate::text;

/// Where a secret comes from at apply time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretRef {
    /// Read from this environment variable.
    Env(String),
    /// Read from this file: a regular file of at most 4 KiB that group and others cannot access
    /// (mode 0600, 0400 or 0700; apply refuses anything else).
    File(String),
    /// Asked for at apply time with a masked prompt (needs a terminal).
    Prompt,
}

impl SecretRef {
    /// The reference as the operator would write it, e.g. `{env: ADSSO_TRUST_PASSWORD}`.
    /// Safe to print: it never contains the secret.
    pub fn describe(&self) -> String {
        match self {
            SecretRef::Env(name) => format!("{{env: {name}}}"),
            SecretRef::File(path) => format!("{{file: {path}}}"),
            SecretRef::Prompt => "{prompt: true}".to_owned(),
        }
    }
}

/// A password a plan needs at apply time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretSlot {
    /// The AD Connector's service account.
    ServiceAccount,
    /// The new Managed AD's Admin.
    Admin,
    /// The trust password of `connection.trust` (every domain without its own).
    Trust,
    /// The trust password of domain `selfManaged[i]`, which overrides `connection.trust`'s.
    DomainTrust(usize),
}

impl SecretSlot {
    /// What it is, in words.
    pub fn what(self) -> Cow<'static, str> {
        match self {
            SecretSlot::ServiceAccount => "service account password".into(),
            SecretSlot::Admin => "Managed AD Admin password".into(),
            SecretSlot::Trust => "trust password".into(),
            SecretSlot::DomainTrust(index) => {
                format!("trust password of selfManaged[{index}]").into()
            }
        }
    }

    /// Checks a value against AWS's rules for this password; the problem never holds the value.
    pub fn check(self, value: &str) -> Result<(), super::rules::Problem> {
        match self {
            SecretSlot::ServiceAccount => passwords::connect_password(value),
            SecretSlot::Admin => passwords::admin_password(value),
            SecretSlot::Trust | SecretSlot::DomainTrust(_) => passwords::trust_password(value),
        }
    }
}

/// The passwords `plan` needs for its mode, with their references: the one list apply, the
/// wizard and `validate` use.
pub fn secret_slots(plan: &super::Plan) -> Vec<(SecretSlot, &SecretRef)> {
    let mut slots = Vec::new();
    match plan.connection.mode {
        super::Mode::AdConnector => {
            if let Some(connector) = &plan.connection.ad_connector {
                slots.push((
                    SecretSlot::ServiceAccount,
                    &connector.service_account.password,
                ));
            }
        }
        super::Mode::Trust | super::Mode::SimpleAd => {
            if let Some(trust) = &plan.connection.trust {
                if let Some(create) = &trust.managed_ad.create {
                    slots.push((SecretSlot::Admin, &create.admin_password));
                }
                let mut shared_used = false;
                for (index, domain) in plan.self_managed.all().iter().enumerate() {
                    match domain.trust.as_ref().and_then(|o| o.password.as_ref()) {
                        Some(own) => slots.push((SecretSlot::DomainTrust(index), own)),
                        None => shared_used = true,
                    }
                }
                if shared_used {
                    slots.push((SecretSlot::Trust, &trust.password));
                }
            }
        }
    }
    slots
}

impl fmt::Display for SecretRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

impl Serialize for SecretRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            SecretRef::Env(name) => map.serialize_entry("env", name)?,
            SecretRef::File(path) => map.serialize_entry("file", path)?,
            SecretRef::Prompt => map.serialize_entry("prompt", &true)?,
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for SecretRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SecretRefVisitor)
    }
}

struct SecretRefVisitor;

/// Every scalar form is a literal secret: refuse it without echoing the value.
fn literal<E: de::Error>() -> E {
    E::custom(text::SECRET_LITERAL)
}

impl<'de> Visitor<'de> for SecretRefVisitor {
    type Value = SecretRef;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(text::SECRET_FORMS)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<SecretRef, E> {
        Err(literal())
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<SecretRef, E> {
        Err(literal())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<SecretRef, E> {
        Err(literal())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<SecretRef, E> {
        Err(literal())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<SecretRef, E> {
        Err(literal())
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<SecretRef, E> {
        Err(literal())
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<SecretRef, E> {
        Err(literal())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<SecretRef, E> {
        Err(literal())
    }
    fn visit_char<E: de::Error>(self, _: char) -> Result<SecretRef, E> {
        Err(literal())
    }
    fn visit_unit<E: de::Error>(self) -> Result<SecretRef, E> {
        Err(E::custom(text::SECRET_MISSING))
    }
    fn visit_none<E: de::Error>(self) -> Result<SecretRef, E> {
        Err(E::custom(text::SECRET_MISSING))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<SecretRef, A::Error> {
        Err(de::Error::custom(text::SECRET_NOT_A_MAP))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SecretRef, A::Error> {
        let Some(key) = map.next_key::<SecretKey>()? else {
            return Err(de::Error::custom(text::SECRET_MISSING));
        };
        let reference = match key {
            SecretKey::Env => SecretRef::Env(map.next_value()?),
            SecretKey::File => SecretRef::File(map.next_value()?),
            SecretKey::Prompt => match map.next_value::<bool>()? {
                true => SecretRef::Prompt,
                false => return Err(de::Error::custom(text::SECRET_PROMPT_FALSE)),
            },
        };
        if map.next_key::<SecretKey>()?.is_some() {
            return Err(de::Error::custom(text::SECRET_SEVERAL));
        }
        Ok(reference)
    }
}

/// The keys a secret reference may use.
enum SecretKey {
    Env,
    File,
    Prompt,
}

impl<'de> Deserialize<'de> for SecretKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_identifier(SecretKeyVisitor)
    }
}

/// Reads a key of a secret reference; an unknown key is refused without echoing it.
struct SecretKeyVisitor;

impl Visitor<'_> for SecretKeyVisitor {
    type Value = SecretKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`env`, `file` or `prompt`")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<SecretKey, E> {
        match key {
            "env" => Ok(SecretKey::Env),
            "file" => Ok(SecretKey::File),
            "prompt" => Ok(SecretKey::Prompt),
            _ => Err(E::custom(text::SECRET_UNKNOWN_KEY)),
        }
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<SecretKey, E> {
        Err(E::custom(text::SECRET_UNKNOWN_KEY))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<SecretKey, E> {
        Err(E::custom(text::SECRET_UNKNOWN_KEY))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<SecretKey, E> {
        Err(E::custom(text::SECRET_UNKNOWN_KEY))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<SecretKey, E> {
        Err(E::custom(text::SECRET_UNKNOWN_KEY))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<SecretKey, E> {
        Err(E::custom(text::SECRET_UNKNOWN_KEY))
    }
}

impl JsonSchema for SecretRef {
    fn schema_name() -> Cow<'static, str> {
        "SecretRef".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A reference to a secret, never the secret itself.",
            "oneOf": [
                {
                    "type": "object",
                    "description": "Read the secret from this environment variable.",
                    "properties": {"env": {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"}},
                    "required": ["env"],
                    "additionalProperties": false
                },
                {
                    "type": "object",
                    "description": "Read the secret from this file: a regular file of at most 4 KiB with no group or other access (e.g. mode 0600 or 0400).",
                    "properties": {"file": {"type": "string", "minLength": 1}},
                    "required": ["file"],
                    "additionalProperties": false
                },
                {
                    "type": "object",
                    "description": "Ask for the secret at apply time.",
                    "properties": {"prompt": {"const": true}},
                    "required": ["prompt"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

#[cfg(test)]
#[path = "secret_tests.rs"]
mod tests;
