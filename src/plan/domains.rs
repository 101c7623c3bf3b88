//! The self-managed side of a plan: one domain, written as a mapping (as every plan always
//! could), or several, written as a list (trust mode: one two-way trust to each). The form a
//! plan was written in is kept, so a plan saved again reads the same. Each domain may override
//! the trust's type, selective authentication and password for its own trust.

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::diagnostic::FieldPath;
use super::model::{SelfManaged, Trust, TrustType};
use super::secret::SecretRef;

/// How the domains were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainsForm {
    /// `selfManaged: {domain: ...}`: one domain.
    Mapping,
    /// `selfManaged: [{domain: ...}, ...]`: one or more domains.
    List,
}

/// The self-managed domains of a plan: never empty (an empty list is refused when read).
#[derive(Debug, Clone, PartialEq)]
pub struct SelfManagedDomains {
    domains: Vec<SelfManaged>,
    form: DomainsForm,
}

impl SelfManagedDomains {
    /// One domain, written as a mapping.
    pub fn one(domain: SelfManaged) -> Self {
        SelfManagedDomains {
            domains: vec![domain],
            form: DomainsForm::Mapping,
        }
    }

    /// Several domains, written as a list; `None` when `domains` is empty.
    pub fn several(domains: Vec<SelfManaged>) -> Option<Self> {
        (!domains.is_empty()).then_some(SelfManagedDomains {
            domains,
            form: DomainsForm::List,
        })
    }

    /// The first domain: the only one in AD Connector mode.
    pub fn first(&self) -> &SelfManaged {
        &self.domains[0]
    }

    /// The first domain, to edit.
    pub fn first_mut(&mut self) -> &mut SelfManaged {
        &mut self.domains[0]
    }

    /// Every domain, in the plan's order.
    pub fn all(&self) -> &[SelfManaged] {
        &self.domains
    }

    /// Every domain, to edit.
    pub fn all_mut(&mut self) -> &mut [SelfManaged] {
        &mut self.domains
    }

    /// How many domains.
    pub fn len(&self) -> usize {
        self.domains.len()
    }

    /// Never true: a plan has at least one domain. (Here for the `len` convention.)
    pub fn is_empty(&self) -> bool {
        self.domains.is_empty()
    }

    /// How the plan wrote them.
    pub fn form(&self) -> DomainsForm {
        self.form
    }

    /// The domain named `name` (DNS names compare without case), with its index.
    pub fn find(&self, name: &str) -> Option<(usize, &SelfManaged)> {
        self.domains
            .iter()
            .enumerate()
            .find(|(_, d)| d.domain.eq_ignore_ascii_case(name))
    }

    /// The validation path of domain `index`: `selfManaged` in the mapping form,
    /// `selfManaged[index]` in the list form.
    pub fn path_of(&self, index: usize) -> FieldPath {
        let path = FieldPath::root().key("selfManaged");
        match self.form {
            DomainsForm::Mapping => path,
            DomainsForm::List => path.index(index),
        }
    }

    /// Adds a domain (the list form from then on).
    pub fn push(&mut self, domain: SelfManaged) {
        self.domains.push(domain);
        self.form = DomainsForm::List;
    }

    /// Removes domain `index` unless it is the last one left; returns it.
    pub fn remove(&mut self, index: usize) -> Option<SelfManaged> {
        (self.domains.len() > 1 && index < self.domains.len()).then(|| self.domains.remove(index))
    }
}

impl From<SelfManaged> for SelfManagedDomains {
    fn from(domain: SelfManaged) -> Self {
        SelfManagedDomains::one(domain)
    }
}

/// A domain's trust override: what differs from `connection.trust` for this domain's trust.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TrustOverride {
    /// `forest` or `external` for this domain's trust.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub trust_type: Option<TrustType>,
    /// Selective authentication for this domain's trust.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selective_auth: Option<bool>,
    /// This domain's trust password (it must equal the one set on this domain's side).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<SecretRef>,
}

/// The settings of one domain's trust: the domain's override over `connection.trust`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DomainTrust<'a> {
    /// Forest or external.
    pub trust_type: TrustType,
    /// Selective authentication on the AWS side.
    pub selective_auth: bool,
    /// Where its password comes from.
    pub password: &'a SecretRef,
    /// Whether the password is the domain's own (`selfManaged[i].trust.password`).
    pub own_password: bool,
}

impl SelfManaged {
    /// This domain's trust settings under `trust` (the plan's `connection.trust`).
    pub fn trust_settings<'a>(&'a self, trust: &'a Trust) -> DomainTrust<'a> {
        let over = self.trust.as_ref();
        let own = over.and_then(|o| o.password.as_ref());
        DomainTrust {
            trust_type: over.and_then(|o| o.trust_type).unwrap_or(trust.trust_type),
            selective_auth: over
                .and_then(|o| o.selective_auth)
                .unwrap_or(trust.selective_auth),
            password: own.unwrap_or(&trust.password),
            own_password: own.is_some(),
        }
    }
}

impl Serialize for SelfManagedDomains {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.form {
            DomainsForm::Mapping if self.domains.len() == 1 => self.first().serialize(serializer),
            _ => self.domains.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for SelfManagedDomains {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DomainsVisitor)
    }
}

struct DomainsVisitor;

impl<'de> Visitor<'de> for DomainsVisitor {
    type Value = SelfManagedDomains;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a domain (domain, netbiosName, dnsServers) or a list of domains")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let domain = SelfManaged::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(SelfManagedDomains::one(domain))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let domains = Vec::<SelfManaged>::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
        SelfManagedDomains::several(domains)
            .ok_or_else(|| de::Error::custom(crate::text::NO_DOMAINS))
    }
}

impl JsonSchema for SelfManagedDomains {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SelfManagedDomains".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<SelfManaged>();
        json_schema!({
            "description": "One self-managed domain, or a list of them (trust mode: a two-way trust to each).",
            "oneOf": [
                one,
                {"type": "array", "minItems": 1, "items": one}
            ]
        })
    }
}

#[cfg(test)]
#[path = "domains_tests.rs"]
mod tests;
