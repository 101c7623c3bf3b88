//! The self-managed domains of a draft: each domain's answers (DNS name, NetBIOS name, DNS
//! servers and an optional trust override), adding, removing (never the last) and moving
//! between them, and the `selfManaged` part of the plan they give.

use std::collections::BTreeMap;

use super::draft::{Draft, FieldId, secret_of};
use crate::plan::{
    DomainsForm, Mode, SecretRef, SelfManaged, SelfManagedDomains, TrustOverride, TrustType,
};

/// The choice that leaves a per-domain trust setting to `connection.trust`.
pub const AS_PLAN: &str = "as plan";

/// One domain's answers, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainDraft {
    values: BTreeMap<FieldId, String>,
}

impl Default for DomainDraft {
    fn default() -> Self {
        let mut values = BTreeMap::new();
        values.insert(FieldId::DomainTrustType, AS_PLAN.to_owned());
        values.insert(FieldId::DomainSelectiveAuth, AS_PLAN.to_owned());
        Self { values }
    }
}

impl DomainDraft {
    /// The answer to `id` ("" when unanswered).
    pub fn get(&self, id: FieldId) -> &str {
        self.values.get(&id).map_or("", String::as_str)
    }

    /// Sets the answer to `id`.
    pub fn set(&mut self, id: FieldId, value: impl Into<String>) {
        self.values.insert(id, value.into());
    }

    fn text(&self, id: FieldId) -> String {
        self.get(id).trim().to_owned()
    }

    /// The trust override these answers give (`None`: everything as `connection.trust`).
    pub fn trust_override(&self) -> Option<TrustOverride> {
        let over = TrustOverride {
            trust_type: match self.get(FieldId::DomainTrustType) {
                "forest" => Some(TrustType::Forest),
                "external" => Some(TrustType::External),
                _ => None,
            },
            selective_auth: match self.get(FieldId::DomainSelectiveAuth) {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            password: match secret_of(self.get(FieldId::DomainTrustPassword)) {
                SecretRef::Prompt => None,
                other => Some(other),
            },
        };
        (over != TrustOverride::default()).then_some(over)
    }

    /// True when any trust setting of this domain differs from the plan's.
    pub fn has_override(&self) -> bool {
        self.trust_override().is_some()
    }

    /// The domain these answers describe (`with_override`: its trust override is included).
    fn to_self_managed(&self, with_override: bool) -> SelfManaged {
        SelfManaged {
            domain: self.text(FieldId::Domain),
            netbios_name: self.text(FieldId::Netbios),
            dns_servers: self
                .get(FieldId::DnsServers)
                .split([',', ' '])
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(str::to_owned)
                .collect(),
            trust: self.trust_override().filter(|_| with_override),
        }
    }
}

/// Why a domain could not be added or removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainRefusal {
    /// AD Connector reaches one domain only.
    ConnectorOneDomain,
    /// The last domain stays.
    LastDomain,
}

impl Draft {
    /// How many self-managed domains.
    pub fn domain_count(&self) -> usize {
        self.domains.len()
    }

    /// The index of the domain the per-domain questions are about.
    pub fn current_domain(&self) -> usize {
        self.current
    }

    /// Adds an empty domain after the others and makes it current (trust mode only).
    pub fn add_domain(&mut self) -> Result<usize, DomainRefusal> {
        if self.mode != Mode::Trust {
            return Err(DomainRefusal::ConnectorOneDomain);
        }
        self.domains.push(DomainDraft::default());
        self.current = self.domains.len() - 1;
        Ok(self.current)
    }

    /// Removes the current domain unless it is the last one; the one before it becomes current.
    pub fn remove_domain(&mut self) -> Result<(), DomainRefusal> {
        if self.domains.len() <= 1 {
            return Err(DomainRefusal::LastDomain);
        }
        self.domains.remove(self.current);
        self.current = self.current.saturating_sub(1).min(self.domains.len() - 1);
        Ok(())
    }

    /// Makes domain `index` current (an index past the end is ignored).
    pub fn select_domain(&mut self, index: usize) {
        if index < self.domains.len() {
            self.current = index;
        }
    }

    /// Moves to the next (`step` > 0) or previous domain, wrapping around.
    pub fn step_domain(&mut self, step: isize) {
        let count = self.domains.len().max(1) as isize;
        self.current = (self.current as isize + step).rem_euclid(count) as usize;
    }

    /// True when the Domain screen asks for the current domain's trust override: in trust mode
    /// with several domains, or when the domain has one already (a loaded plan).
    pub fn asks_override(&self) -> bool {
        self.mode == Mode::Trust
            && (self.domains.len() > 1
                || self
                    .domains
                    .get(self.current)
                    .is_some_and(DomainDraft::has_override))
    }

    /// The plan's `selfManaged`: every domain, overrides only in trust mode.
    pub(super) fn self_managed(&self) -> SelfManagedDomains {
        let trust = self.mode == Mode::Trust;
        let mut domains: Vec<SelfManaged> = self
            .domains
            .iter()
            .map(|domain| domain.to_self_managed(trust))
            .collect();
        match (self.form, domains.len()) {
            (DomainsForm::Mapping, 1) => SelfManagedDomains::one(domains.remove(0)),
            _ => SelfManagedDomains::several(domains).unwrap_or_else(|| {
                SelfManagedDomains::one(DomainDraft::default().to_self_managed(false))
            }),
        }
    }
}
