//! The plan draft the wizard edits: every answer as the operator typed it, for both modes, so
//! going back and forth (or switching mode) never loses anything. [`Draft::to_plan`] turns it
//! into a [`Plan`] that the foundation's validation then judges.

use std::collections::BTreeMap;

use crate::plan::{
    AdConnector, ApiVersion, Aws, Connection, ConnectorSize, Edition, Kind, ManagedAd, Metadata,
    Mode, NewManagedAd, Plan, SecretRef, SelfManaged, ServiceAccount, Trust, TrustDirection,
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

/// Whether the trust uses a new or an existing Managed Microsoft AD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManagedAdSource {
    /// Create one.
    New,
    /// Use an existing one.
    Existing,
}

/// All answers so far, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The chosen design.
    pub mode: Mode,
    values: BTreeMap<FieldId, String>,
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
        }
    }
}

impl Draft {
    /// The answer to `id` ("" when unanswered).
    pub fn get(&self, id: FieldId) -> &str {
        self.values.get(&id).map_or("", String::as_str)
    }

    /// Sets the answer to `id`.
    pub fn set(&mut self, id: FieldId, value: impl Into<String>) {
        self.values.insert(id, value.into());
    }

    /// Whether the trust uses a new or existing Managed AD.
    pub fn managed_ad_source(&self) -> ManagedAdSource {
        match self.get(FieldId::ManagedAdSource) {
            "existing" => ManagedAdSource::Existing,
            _ => ManagedAdSource::New,
        }
    }

    fn list(&self, id: FieldId) -> Vec<String> {
        self.get(id)
            .split([',', ' '])
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(str::to_owned)
            .collect()
    }

    fn text(&self, id: FieldId) -> String {
        self.get(id).trim().to_owned()
    }

    fn secret(&self, id: FieldId) -> SecretRef {
        match self.get(id).trim() {
            "" => SecretRef::Prompt,
            name => SecretRef::Env(name.to_owned()),
        }
    }

    fn subnets(&self) -> Vec<String> {
        [FieldId::Subnet1, FieldId::Subnet2]
            .into_iter()
            .map(|id| self.text(id))
            .filter(|subnet| !subnet.is_empty())
            .collect()
    }

    /// The plan these answers describe (validate it to know whether it can be applied).
    pub fn to_plan(&self) -> Plan {
        let account = self.text(FieldId::AccountId);
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
            self_managed: SelfManaged {
                domain: self.text(FieldId::Domain),
                netbios_name: self.text(FieldId::Netbios),
                dns_servers: self.list(FieldId::DnsServers),
                trust: None,
            }
            .into(),
            connection: self.connection(),
            identity_center: None,
            tags: BTreeMap::new(),
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
