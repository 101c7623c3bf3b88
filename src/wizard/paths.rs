//! Which wizard question a validation path concerns: explicit tables from plan paths to
//! questions, one for the plan-wide questions and one for the questions of a domain, whose
//! entry is `selfManaged` (one domain) or `selfManaged[i]` (a list).

use super::draft::{Draft, FieldId};

/// Where an error lands: a question, and for a per-domain question, its domain's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct FieldAt {
    /// The domain (per-domain questions only).
    pub domain: Option<usize>,
    /// The question.
    pub id: FieldId,
}

impl FieldAt {
    /// A plan-wide question.
    pub fn global(id: FieldId) -> Self {
        FieldAt { domain: None, id }
    }

    /// Question `id` as the draft shows it now: of the current domain when it is per-domain.
    pub fn of(draft: &Draft, id: FieldId) -> Self {
        FieldAt {
            domain: id.is_per_domain().then(|| draft.current_domain()),
            id,
        }
    }
}

/// The plan field each wizard field edits, as validation names it. A diagnostic belongs to a
/// field when its path is that field's path or inside it (`.env`, `[1]`). `subnetIds` itself
/// (e.g. "exactly two") is shown on the second subnet.
const FIELD_PATHS: &[(&str, FieldId)] = &[
    ("metadata.name", FieldId::PlanName),
    ("aws.region", FieldId::Region),
    ("aws.accountId", FieldId::AccountId),
    ("connection.adConnector.size", FieldId::ConnectorSize),
    ("connection.adConnector.vpcId", FieldId::VpcId),
    ("connection.adConnector.subnetIds[0]", FieldId::Subnet1),
    ("connection.adConnector.subnetIds[1]", FieldId::Subnet2),
    ("connection.adConnector.subnetIds", FieldId::Subnet2),
    (
        "connection.adConnector.serviceAccount.userName",
        FieldId::ServiceUser,
    ),
    (
        "connection.adConnector.serviceAccount.password",
        FieldId::ServicePassword,
    ),
    ("connection.trust.type", FieldId::TrustType),
    ("connection.trust.selectiveAuth", FieldId::SelectiveAuth),
    ("connection.trust.password", FieldId::TrustPassword),
    (
        "connection.trust.managedAd.existingDirectoryId",
        FieldId::ExistingDirectoryId,
    ),
    (
        "connection.trust.managedAd.create.domain",
        FieldId::ManagedDomain,
    ),
    (
        "connection.trust.managedAd.create.netbiosName",
        FieldId::ManagedNetbios,
    ),
    (
        "connection.trust.managedAd.create.edition",
        FieldId::Edition,
    ),
    ("connection.trust.managedAd.create.vpcId", FieldId::VpcId),
    (
        "connection.trust.managedAd.create.subnetIds[0]",
        FieldId::Subnet1,
    ),
    (
        "connection.trust.managedAd.create.subnetIds[1]",
        FieldId::Subnet2,
    ),
    (
        "connection.trust.managedAd.create.subnetIds",
        FieldId::Subnet2,
    ),
    (
        "connection.trust.managedAd.create.adminPassword",
        FieldId::AdminPassword,
    ),
];

/// Whether `path` is `ancestor` or lies inside it (`ancestor.key` or `ancestor[i]`).
fn is_within(path: &str, ancestor: &str) -> bool {
    match path.strip_prefix(ancestor) {
        Some(rest) => rest.is_empty() || rest.starts_with('.') || rest.starts_with('['),
        None => false,
    }
}

/// The per-domain questions, by their path inside one domain's entry. The entry itself (e.g.
/// "AD Connector takes one domain") is shown on its DNS name.
const DOMAIN_PATHS: &[(&str, FieldId)] = &[
    ("domain", FieldId::Domain),
    ("netbiosName", FieldId::Netbios),
    ("dnsServers", FieldId::DnsServers),
    ("trust.type", FieldId::DomainTrustType),
    ("trust.selectiveAuth", FieldId::DomainSelectiveAuth),
    ("trust.password", FieldId::DomainTrustPassword),
    ("trust", FieldId::DomainTrustType),
];

/// The root of the domains in a validation path.
const DOMAINS_ROOT: &str = "selfManaged";

/// The domain index and the rest of a path under `selfManaged`: `selfManaged.x` is domain 0
/// (one domain, a mapping), `selfManaged[i].x` domain i; the rest is empty for the entry itself.
fn domain_part(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix(DOMAINS_ROOT)?;
    if rest.is_empty() {
        return Some((0, ""));
    }
    if let Some(inside) = rest.strip_prefix('.') {
        return Some((0, inside));
    }
    let indexed = rest.strip_prefix('[')?;
    let (digits, after) = indexed.split_once(']')?;
    let index = digits.parse().ok()?;
    match after {
        "" => Some((index, "")),
        after => after.strip_prefix('.').map(|inside| (index, inside)),
    }
}

/// Which question a validation path concerns: for a domain's path, the first entry of
/// [`DOMAIN_PATHS`] that is the rest of the path or one of its ancestors; otherwise the first
/// entry of [`FIELD_PATHS`] that is the path or one of its ancestors.
pub fn field_at(path: &str) -> Option<FieldAt> {
    if let Some((index, inside)) = domain_part(path) {
        let id = match inside {
            "" => Some(FieldId::Domain),
            inside => DOMAIN_PATHS
                .iter()
                .find(|(field_path, _)| is_within(inside, field_path))
                .map(|(_, id)| *id),
        };
        return id.map(|id| FieldAt {
            domain: Some(index),
            id,
        });
    }
    FIELD_PATHS
        .iter()
        .find(|(field_path, _)| is_within(path, field_path))
        .map(|(_, id)| FieldAt::global(*id))
}

#[cfg(test)]
#[path = "paths_tests.rs"]
mod tests;
