//! The plan draft the wizard edits: every answer as the operator typed it, for both modes, so
//! going back and forth (or switching mode) never loses anything. [`Draft::to_plan`] turns it
//! into a [`Plan`] that the foundation's validation then judges.
//!
//! The self-managed side is a list of domains (at least one, see [`super::domains`]); the
//! per-domain questions ([`FieldId::is_per_domain`]) read and write the current domain. A draft
//! opened from a saved plan ([`super::edit`]) keeps that plan and lays its answers over it, so
//! what the wizard does not ask about is saved unchanged.

use std::collections::BTreeMap;

use super::domains::DomainDraft;
use crate::plan::{
    AdConnector, ApiVersion, Aws, Connection, ConnectorSize, DomainsForm, Edition, Kind, ManagedAd,
    Metadata, Mode, NewManagedAd, Plan, SecretRef, ServiceAccount, Trust, TrustDirection,
    TrustType,
};

/// Every question the wizard can ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldId {
    /// `selfManaged.domain`.
    Domain,
    /// `selfManaged.netbiosName`.
    Netbios,
    /// `selfManaged.dnsServers`, comma separated.
    DnsServers,
    /// `selfManaged[i].trust.type`: `as plan`, forest or external.
    DomainTrustType,
    /// `selfManaged[i].trust.selectiveAuth`: `as plan`, no or yes.
    DomainSelectiveAuth,
    /// `selfManaged[i].trust.password`: an env var name, or empty for the plan's password.
    DomainTrustPassword,
    /// `metadata.name`.
    PlanName,
    /// `aws.region`.
    Region,
    /// `aws.accountId` (optional).
    AccountId,
    /// AD Connector size.
    ConnectorSize,
    /// The VPC (either mode).
    VpcId,
    /// First subnet.
    Subnet1,
    /// Second subnet.
    Subnet2,
    /// The AD Connector service account.
    ServiceUser,
    /// Trust type.
    TrustType,
    /// Selective authentication.
    SelectiveAuth,
    /// New Managed AD or an existing one.
    ManagedAdSource,
    /// Existing directory id.
    ExistingDirectoryId,
    /// New Managed AD domain.
    ManagedDomain,
    /// New Managed AD NetBIOS name.
    ManagedNetbios,
    /// New Managed AD edition.
    Edition,
    /// Where the service account password comes from (env var name, or empty: prompt).
    ServicePassword,
    /// Where the trust password comes from.
    TrustPassword,
    /// Where the Managed AD admin password comes from.
    AdminPassword,
}

impl FieldId {
    /// True for the questions each self-managed domain answers for itself.
    pub fn is_per_domain(self) -> bool {
        matches!(
            self,
            FieldId::Domain
                | FieldId::Netbios
                | FieldId::DnsServers
                | FieldId::DomainTrustType
                | FieldId::DomainSelectiveAuth
                | FieldId::DomainTrustPassword
        )
    }
}

/// Whether the trust uses a new or an existing Managed Microsoft AD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManagedAdSource {
    /// Create one.
    New,
    /// Use an existing one.
    Existing,
}

/// All answers so far, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// The chosen design.
    pub mode: Mode,
    values: BTreeMap<FieldId, String>,
    /// The self-managed domains' answers: never empty.
    pub(super) domains: Vec<DomainDraft>,
    /// The domain the per-domain questions are about.
    pub(super) current: usize,
    /// How the domains are written when there is one (a loaded list stays a list).
    pub(super) form: DomainsForm,
    /// The plan this draft was opened from (`--edit`): what the wizard does not ask is kept.
    pub(super) base: Option<Box<Plan>>,
}

impl Default for Draft {
    fn default() -> Self {
        let mut values = BTreeMap::new();
        for (id, value) in [
            (FieldId::PlanName, "corp-identity-center"),
            (FieldId::Region, "us-east-1"),
            (FieldId::ConnectorSize, "Small"),
            (FieldId::ServiceUser, "svc-adconnector"),
            (FieldId::TrustType, "forest"),
            (FieldId::SelectiveAuth, "no"),
            (FieldId::ManagedAdSource, "new"),
            (FieldId::Edition, "Standard"),
            (FieldId::ServicePassword, "ADSSO_SERVICE_ACCOUNT_PASSWORD"),
            (FieldId::TrustPassword, "ADSSO_TRUST_PASSWORD"),
            (FieldId::AdminPassword, "ADSSO_ADMIN_PASSWORD"),
        ] {
            values.insert(id, value.to_owned());
        }
        Self {
            mode: Mode::Trust,
            values,
            domains: vec![DomainDraft::default()],
            current: 0,
            form: DomainsForm::Mapping,
            base: None,
        }
    }
}

impl Draft {
    /// The answer to `id` ("" when unanswered); a per-domain question's for the current domain.
    pub fn get(&self, id: FieldId) -> &str {
        if id.is_per_domain() {
            return self.get_in(self.current, id);
        }
        self.values.get(&id).map_or("", String::as_str)
    }

    /// Sets the answer to `id` (a per-domain question's for the current domain).
    pub fn set(&mut self, id: FieldId, value: impl Into<String>) {
        if id.is_per_domain() {
            if let Some(domain) = self.domains.get_mut(self.current) {
                domain.set(id, value);
            }
            return;
        }
        self.values.insert(id, value.into());
    }

    /// The answer of domain `index` to the per-domain question `id` ("" when unanswered).
    pub fn get_in(&self, index: usize, id: FieldId) -> &str {
        self.domains.get(index).map_or("", |domain| domain.get(id))
    }

    /// Whether the trust uses a new or existing Managed AD.
    pub fn managed_ad_source(&self) -> ManagedAdSource {
        match self.get(FieldId::ManagedAdSource) {
            "existing" => ManagedAdSource::Existing,
            _ => ManagedAdSource::New,
        }
    }

    fn text(&self, id: FieldId) -> String {
        self.get(id).trim().to_owned()
    }

    fn secret(&self, id: FieldId) -> SecretRef {
        secret_of(self.get(id))
    }

    fn subnets(&self) -> Vec<String> {
        [FieldId::Subnet1, FieldId::Subnet2]
            .into_iter()
            .map(|id| self.text(id))
            .filter(|subnet| !subnet.is_empty())
            .collect()
    }

    /// The plan these answers describe (validate it to know whether it can be applied). A
    /// draft opened from a plan gives that plan with the answers laid over it.
    pub fn to_plan(&self) -> Plan {
        let account = self.text(FieldId::AccountId);
        let (identity_center, tags) = match &self.base {
            Some(base) => (base.identity_center.clone(), base.tags.clone()),
            None => (None, BTreeMap::new()),
        };
        Plan {
            api_version: ApiVersion::V1,
            kind: Kind::Plan,
            metadata: Metadata {
                name: self.text(FieldId::PlanName),
            },
            aws: Aws {
                region: self.text(FieldId::Region),
                account_id: (!account.is_empty()).then_some(account),
            },
            self_managed: self.self_managed(),
            connection: self.connection(),
            identity_center,
            tags,
        }
    }

    fn connection(&self) -> Connection {
        match self.mode {
            Mode::Trust => Connection {
                mode: Mode::Trust,
                ad_connector: None,
                trust: Some(self.trust()),
            },
            Mode::AdConnector | Mode::SimpleAd => Connection {
                mode: self.mode,
                ad_connector: Some(AdConnector {
                    size: match self.get(FieldId::ConnectorSize) {
                        "Large" => ConnectorSize::Large,
                        _ => ConnectorSize::Small,
                    },
                    vpc_id: self.text(FieldId::VpcId),
                    subnet_ids: self.subnets(),
                    service_account: ServiceAccount {
                        user_name: self.text(FieldId::ServiceUser),
                        password: self.secret(FieldId::ServicePassword),
                    },
                }),
                trust: None,
            },
        }
    }

    fn trust(&self) -> Trust {
        let managed_ad = match self.managed_ad_source() {
            ManagedAdSource::Existing => ManagedAd {
                existing_directory_id: Some(self.text(FieldId::ExistingDirectoryId)),
                create: None,
            },
            ManagedAdSource::New => ManagedAd {
                existing_directory_id: None,
                create: Some(NewManagedAd {
                    domain: self.text(FieldId::ManagedDomain),
                    netbios_name: self.text(FieldId::ManagedNetbios),
                    edition: match self.get(FieldId::Edition) {
                        "Enterprise" => Edition::Enterprise,
                        _ => Edition::Standard,
                    },
                    vpc_id: self.text(FieldId::VpcId),
                    subnet_ids: self.subnets(),
                    admin_password: self.secret(FieldId::AdminPassword),
                }),
            },
        };
        Trust {
            direction: TrustDirection::TwoWay,
            trust_type: match self.get(FieldId::TrustType) {
                "external" => TrustType::External,
                _ => TrustType::Forest,
            },
            selective_auth: self.get(FieldId::SelectiveAuth) == "yes",
            password: self.secret(FieldId::TrustPassword),
            managed_ad,
        }
    }
}

/// A secret reference as the wizard's field shows it: an env var name, `file:PATH` for a file
/// reference, empty for "asked at apply time".
pub(super) fn secret_of(typed: &str) -> SecretRef {
    match typed.trim() {
        "" => SecretRef::Prompt,
        typed => match typed.strip_prefix(FILE_PREFIX) {
            Some(path) => SecretRef::File(path.trim().to_owned()),
            None => SecretRef::Env(typed.to_owned()),
        },
    }
}

/// How a secret field writes a `{file: PATH}` reference (an env var name has no `:`).
pub(super) const FILE_PREFIX: &str = "file:";

/// The field text of a secret reference (the inverse of [`secret_of`]).
pub(super) fn secret_text(secret: &SecretRef) -> String {
    match secret {
        SecretRef::Env(name) => name.clone(),
        SecretRef::File(path) => format!("{FILE_PREFIX}{path}"),
        SecretRef::Prompt => String::new(),
    }
}
