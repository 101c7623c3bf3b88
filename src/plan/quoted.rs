//! Values that must be written as quoted strings: AWS account ids. Unquoted, `012345678901` is
//! a number to YAML tools and JSON Schema (and loses its leading zero), while adsso would read
//! the digits as written: the plan would mean different things to different readers. adsso
//! refuses the unquoted form, as the JSON Schema does.

use std::fmt;

use serde::Deserializer;
use serde::de::{self, Visitor};

use crate::text;

/// A string given as a YAML string (quoted, or a plain scalar that is not a number or boolean).
struct QuotedVisitor;

impl Visitor<'_> for QuotedVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(text::ACCOUNT_ID_QUOTED)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
        Ok(value.to_owned())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<String, E> {
        Err(E::custom(text::ACCOUNT_ID_QUOTED))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<String, E> {
        Err(E::custom(text::ACCOUNT_ID_QUOTED))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<String, E> {
        Err(E::custom(text::ACCOUNT_ID_QUOTED))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<String, E> {
        Err(E::custom(text::ACCOUNT_ID_QUOTED))
    }
}

/// One quoted account id (see the module docs).
struct Quoted(String);

impl<'de> serde::Deserialize<'de> for Quoted {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(QuotedVisitor).map(Quoted)
    }
}

/// `deserialize_with` for an optional quoted account id.
pub fn optional<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let value: Option<Quoted> = serde::Deserialize::deserialize(deserializer)?;
    Ok(value.map(|quoted| quoted.0))
}

/// `deserialize_with` for a list of quoted account ids.
pub fn list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    let values: Vec<Quoted> = serde::Deserialize::deserialize(deserializer)?;
    Ok(values.into_iter().map(|quoted| quoted.0).collect())
}
