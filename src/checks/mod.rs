//! The one check format of `preflight` (the self-managed side) and `doctor` (the AWS side): each
//! [`Check`] has a stable dotted [`CheckId`] an operator can search the README for, a
//! [`Status`], what it was about, what was seen and the likely fix. A [`Report`] renders as text
//! or JSON (`{"checks": [...]}`, the same field names). Pure: no I/O.

mod render;

use serde::Serialize;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Verified.
    Pass,
    /// Works, but worth a look.
    Warn,
    /// Will break the onboarding.
    Fail,
    /// Not run because an earlier check failed or an input is missing.
    Skipped,
}

/// What a group of checks is about: the headings of the text checklist, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Area {
    /// DNS servers and SRV records.
    Dns,
    /// TCP and UDP ports on the domain controllers.
    Ports,
    /// The RPC endpoint mapper and the dynamic ports it hands out.
    Rpc,
    /// Time: NTP.
    Time,
    /// The KDC's answer to an AS-REQ, and its clock.
    Kerberos,
    /// LDAP reads: bind, functional levels, the service account, groups.
    Ldap,
    /// The AWS directory itself.
    Directory,
    /// The path from the directory's subnets to the self-managed DCs.
    Network,
    /// The trust as AWS sees it.
    Trust,
    /// The IAM Identity Center instance.
    IdentityCenter,
}

/// A stable check id: scripts and the README's "When it does not work" key on these strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CheckId {
    /// A DNS server answers the domain's SRV records.
    DnsServer,
    /// The domain controllers named by SRV resolve to addresses.
    DnsController,
    /// At least one DC is both an LDAP server and a KDC.
    DnsSharedDc,
    /// A TCP port on a DC.
    PortsTcp,
    /// A UDP port on a DC.
    PortsUdp,
    /// The KDC answers an AS-REQ as a healthy AD does.
    KerberosKdc,
    /// The KDC's clock against ours.
    KerberosClockSkew,
    /// Bind and read as the service account.
    LdapBind,
    /// The domain and forest functional levels.
    LdapFunctionalLevel,
    /// The service account's password age, expiry and lockout.
    LdapServiceAccount,
    /// The groups the plan assigns exist, with members.
    LdapGroups,
    /// The RPC endpoint mapper (TCP 135) and a dynamic port it names.
    RpcEndpointMapper,
    /// An NTP server answers on UDP 123.
    Ntp,
    /// The directory's security group allows outbound traffic to the DCs.
    NetworkSgEgress,
    /// The directory subnets' network ACLs allow the traffic both ways.
    NetworkNacl,
    /// The directory subnets' routes reach the DNS servers.
    NetworkRoute,
    /// The trust's state and reason.
    TrustState,
    /// Directory Service limits of the account and Region.
    DirectoryLimits,
    /// The directory's stage.
    DirectoryStage,
    /// The IAM Identity Center instance.
    IdentityCenterInstance,
}

impl CheckId {
    /// Every id, in the order of the README's table.
    pub const ALL: &'static [CheckId] = &[
        CheckId::DnsServer,
        CheckId::DnsController,
        CheckId::DnsSharedDc,
        CheckId::PortsTcp,
        CheckId::PortsUdp,
        CheckId::RpcEndpointMapper,
        CheckId::Ntp,
        CheckId::KerberosKdc,
        CheckId::KerberosClockSkew,
        CheckId::LdapBind,
        CheckId::LdapFunctionalLevel,
        CheckId::LdapServiceAccount,
        CheckId::LdapGroups,
        CheckId::DirectoryStage,
        CheckId::DirectoryLimits,
        CheckId::NetworkSgEgress,
        CheckId::NetworkNacl,
        CheckId::NetworkRoute,
        CheckId::TrustState,
        CheckId::IdentityCenterInstance,
    ];

    /// The dotted id, as printed and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::DnsServer => "dns.server",
            CheckId::DnsController => "dns.controller",
            CheckId::DnsSharedDc => "dns.shared-dc",
            CheckId::PortsTcp => "ports.tcp",
            CheckId::PortsUdp => "ports.udp",
            CheckId::KerberosKdc => "kerberos.kdc",
            CheckId::KerberosClockSkew => "kerberos.clock-skew",
            CheckId::LdapBind => "ldap.bind",
            CheckId::LdapFunctionalLevel => "ldap.functional-level",
            CheckId::LdapServiceAccount => "ldap.service-account",
            CheckId::LdapGroups => "ldap.groups",
            CheckId::RpcEndpointMapper => "rpc.endpoint-mapper",
            CheckId::Ntp => "ntp",
            CheckId::NetworkSgEgress => "network.sg-egress",
            CheckId::NetworkNacl => "network.nacl",
            CheckId::NetworkRoute => "network.route",
            CheckId::TrustState => "trust.state",
            CheckId::DirectoryLimits => "directory.limits",
            CheckId::DirectoryStage => "directory.stage",
            CheckId::IdentityCenterInstance => "identity-center.instance",
        }
    }

    /// The heading the check is listed under.
    pub fn area(self) -> Area {
        match self {
            CheckId::DnsServer | CheckId::DnsController | CheckId::DnsSharedDc => Area::Dns,
            CheckId::PortsTcp | CheckId::PortsUdp => Area::Ports,
            CheckId::RpcEndpointMapper => Area::Rpc,
            CheckId::Ntp => Area::Time,
            CheckId::KerberosKdc | CheckId::KerberosClockSkew => Area::Kerberos,
            CheckId::LdapBind
            | CheckId::LdapFunctionalLevel
            | CheckId::LdapServiceAccount
            | CheckId::LdapGroups => Area::Ldap,
            CheckId::DirectoryStage | CheckId::DirectoryLimits => Area::Directory,
            CheckId::NetworkSgEgress | CheckId::NetworkNacl | CheckId::NetworkRoute => {
                Area::Network
            }
            CheckId::TrustState => Area::Trust,
            CheckId::IdentityCenterInstance => Area::IdentityCenter,
        }
    }
}

impl std::fmt::Display for CheckId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CheckId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One verified fact (or failure).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// Which check this is.
    pub id: CheckId,
    /// The self-managed domain it is about (its DNS name, as the plan writes it); empty for a
    /// check about the AWS side as a whole.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub domain: String,
    /// The outcome.
    pub status: Status,
    /// What was checked, in a few words (a server, a port, a group).
    pub subject: String,
    /// What was seen.
    pub detail: String,
    /// The likely fix, for warnings and failures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

impl Check {
    /// A passed check.
    pub fn pass(id: CheckId, subject: impl Into<String>, detail: impl Into<String>) -> Self {
        Self::new(id, Status::Pass, subject.into(), detail.into(), None)
    }

    /// A check not run, and why.
    pub fn skipped(id: CheckId, subject: impl Into<String>, detail: impl Into<String>) -> Self {
        Self::new(id, Status::Skipped, subject.into(), detail.into(), None)
    }

    /// A check with a problem (`status` is a warning or a failure) and its likely fix.
    pub fn problem(
        id: CheckId,
        status: Status,
        subject: impl Into<String>,
        detail: impl Into<String>,
        fix: impl Into<String>,
    ) -> Self {
        Self::new(id, status, subject.into(), detail.into(), Some(fix.into()))
    }

    fn new(
        id: CheckId,
        status: Status,
        subject: String,
        detail: String,
        fix: Option<String>,
    ) -> Self {
        Self {
            id,
            domain: String::new(),
            status,
            subject,
            detail,
            fix,
        }
    }

    /// The same check, about `domain`.
    pub fn about(mut self, domain: &str) -> Self {
        domain.clone_into(&mut self.domain);
        self
    }

    /// The heading it is listed under.
    pub fn area(&self) -> Area {
        self.id.area()
    }
}

/// All checks of one run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The checks, grouped by domain then area.
    pub checks: Vec<Check>,
    /// Wall time of the run in milliseconds.
    pub elapsed_ms: u128,
}

impl Report {
    /// True when no check failed (warnings allowed).
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|check| check.status != Status::Fail)
    }

    /// Number of checks with `status`.
    pub fn count(&self, status: Status) -> usize {
        self.checks
            .iter()
            .filter(|check| check.status == status)
            .count()
    }

    /// The checks with `id`.
    pub fn with_id(&self, id: CheckId) -> impl Iterator<Item = &Check> + '_ {
        self.checks.iter().filter(move |check| check.id == id)
    }

    /// The domains checked, in the order of the report (the plan's order); checks about no
    /// domain are not counted.
    pub fn domains(&self) -> Vec<&str> {
        let mut domains: Vec<&str> = Vec::new();
        for check in &self.checks {
            if !check.domain.is_empty() && !domains.contains(&check.domain.as_str()) {
                domains.push(&check.domain);
            }
        }
        domains
    }
}

#[cfg(test)]
mod tests;
