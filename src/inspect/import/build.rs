//! The plan an [`Imported`] setup reads as: pure. Passwords are references to environment
//! variables (`ADSSO_SERVICE_ACCOUNT_PASSWORD`, `ADSSO_TRUST_PASSWORD`), never values: AWS gives
//! none back. What AWS does not say (the NetBIOS names of trusted domains) is guessed and named
//! in the notes printed above the plan.

use std::collections::BTreeMap;

use super::{Imported, ous};
use crate::apply::calls;
use crate::aws::{Boundary, DirectoryKind, PolicyReference};
use crate::plan::model::*;
use crate::plan::rules::PLAN_TAG;
use crate::plan::{SecretRef, SelfManagedDomains, TrustOverride};
use crate::text::import as words;

/// The service account password reference of an imported AD Connector plan.
pub const SERVICE_ACCOUNT_ENV: &str = "ADSSO_SERVICE_ACCOUNT_PASSWORD";
/// The trust password reference of an imported trust plan.
pub const TRUST_ENV: &str = "ADSSO_TRUST_PASSWORD";

/// The plan, and notes on what to check before applying it; `None` when the directory is a
/// Managed AD without any trust (there is no self-managed domain to describe).
pub fn plan(imported: &Imported) -> Option<(Plan, Vec<String>)> {
    let mut notes = Vec::new();
    let directory = &imported.directory;
    let (self_managed, connection) = match directory.kind {
        DirectoryKind::AdConnector => connector(imported),
        _ => trust(imported, &mut notes)?,
    };
    let name = plan_name(imported);
    if imported.plan_tag.as_deref() != Some(name.as_str()) {
        notes.push(words::untagged(&directory.id, &name));
    }
    let plan = Plan {
        api_version: ApiVersion::V1,
        kind: Kind::Plan,
        metadata: Metadata { name },
        aws: Aws {
            region: imported.options.region.clone(),
            account_id: Some(imported.account.clone()),
        },
        self_managed,
        connection,
        identity_center: Some(identity_center(imported)),
        tags: BTreeMap::new(),
    };
    Some((plan, notes))
}

fn connector(imported: &Imported) -> (SelfManagedDomains, Connection) {
    let directory = &imported.directory;
    let details = &directory.details;
    let domain = SelfManaged {
        domain: directory.name.clone(),
        netbios_name: details.short_name.clone(),
        dns_servers: directory.dns_ips.clone(),
        trust: None,
    };
    let connection = Connection {
        mode: Mode::AdConnector,
        ad_connector: Some(AdConnector {
            size: match details.size.as_deref() {
                Some("Large") => ConnectorSize::Large,
                _ => ConnectorSize::Small,
            },
            vpc_id: directory.vpc_id.clone().unwrap_or_default(),
            subnet_ids: directory.subnet_ids.clone(),
            service_account: ServiceAccount {
                user_name: details.customer_user_name.clone().unwrap_or_default(),
                password: SecretRef::Env(SERVICE_ACCOUNT_ENV.to_owned()),
            },
        }),
        trust: None,
    };
    (SelfManagedDomains::one(domain), connection)
}

fn trust(imported: &Imported, notes: &mut Vec<String>) -> Option<(SelfManagedDomains, Connection)> {
    let first = &imported.trusts.first()?.0;
    // AWS's words, as apply sends and compares them.
    let trust_type = |text: &str| match text == calls::trust_type_name(TrustType::External) {
        true => TrustType::External,
        false => TrustType::Forest,
    };
    let selective = |text: &str| text == calls::selective_auth_name(true);
    let two_way = calls::trust_direction_name(TrustDirection::TwoWay);
    let mut domains = Vec::new();
    for (trust, forwarder) in &imported.trusts {
        if trust.direction != two_way {
            notes.push(words::one_way(&trust.remote_domain, &trust.direction));
        }
        let netbios = guessed_netbios(&trust.remote_domain);
        notes.push(words::netbios_guessed(&trust.remote_domain, &netbios));
        let own_type = trust_type(&trust.trust_type);
        let own_selective = selective(&trust.selective_auth);
        let differs = own_type != trust_type(&first.trust_type)
            || own_selective != selective(&first.selective_auth);
        domains.push(SelfManaged {
            domain: trust.remote_domain.clone(),
            netbios_name: netbios,
            dns_servers: forwarder
                .as_ref()
                .map(|f| f.dns_ips.clone())
                .unwrap_or_default(),
            trust: differs.then_some(TrustOverride {
                trust_type: Some(own_type),
                selective_auth: Some(own_selective),
                password: None,
            }),
        });
    }
    let connection = Connection {
        mode: Mode::Trust,
        ad_connector: None,
        trust: Some(Trust {
            direction: TrustDirection::TwoWay,
            trust_type: trust_type(&first.trust_type),
            selective_auth: selective(&first.selective_auth),
            password: SecretRef::Env(TRUST_ENV.to_owned()),
            managed_ad: ManagedAd {
                existing_directory_id: Some(imported.directory.id.clone()),
                create: None,
            },
        }),
    };
    let domains = match domains.len() {
        1 => SelfManagedDomains::one(domains.remove(0)),
        _ => SelfManagedDomains::several(domains)?,
    };
    Some((domains, connection))
}

fn identity_center(imported: &Imported) -> IdentityCenter {
    let domains: Vec<String> = match imported.directory.kind {
        DirectoryKind::AdConnector => vec![imported.directory.name.to_ascii_lowercase()],
        _ => imported
            .trusts
            .iter()
            .map(|(t, _)| t.remote_domain.to_ascii_lowercase())
            .collect(),
    };
    let mut assignments = Vec::new();
    for ((group, set_arn), accounts) in &imported.assignments {
        let Some(set) = imported.permission_sets.get(set_arn) else {
            continue;
        };
        let (units, listed) = match &imported.organization {
            Some(view) => ous::group(accounts, view),
            None => (Vec::new(), accounts.iter().cloned().collect()),
        };
        assignments.push(Assignment {
            group: plan_group(group, &domains),
            permission_set: set.name.clone(),
            accounts: listed,
            organizational_units: units,
            exclude_accounts: Vec::new(),
            prune: false,
        });
    }
    let permission_sets = imported
        .permission_sets
        .values()
        .map(|set| PermissionSet {
            name: set.name.clone(),
            existing: false,
            session_duration: set.session_duration.clone(),
            managed_policies: set.managed_policies.clone(),
            inline_policy: set.inline_policy.clone(),
            description: set.description.clone(),
            relay_state: set.relay_state.clone(),
            customer_managed_policies: set.customer_policies.iter().map(plan_policy).collect(),
            permissions_boundary: set.boundary.as_ref().map(|boundary| match boundary {
                Boundary::Managed(arn) => PermissionsBoundary {
                    managed_policy_arn: Some(arn.clone()),
                    customer_managed_policy: None,
                },
                Boundary::Customer(policy) => PermissionsBoundary {
                    managed_policy_arn: None,
                    customer_managed_policy: Some(plan_policy(policy)),
                },
            }),
            tags: set
                .tags
                .iter()
                .filter(|tag| {
                    tag.key != PLAN_TAG && !tag.key.to_ascii_lowercase().starts_with("aws:")
                })
                .map(|tag| (tag.key.clone(), tag.value.clone()))
                .collect(),
        })
        .collect();
    IdentityCenter {
        instance_arn: Some(imported.instance.arn.clone()),
        permission_sets,
        assignments,
    }
}

/// A customer managed policy reference as the plan writes it (no `path` when it is `/`).
fn plan_policy(policy: &PolicyReference) -> CustomerManagedPolicy {
    CustomerManagedPolicy {
        name: policy.name.clone(),
        path: (policy.path != crate::plan::rules::DEFAULT_POLICY_PATH).then(|| policy.path.clone()),
    }
}

/// The plan's name: `--name`, the directory's `adsso:plan` tag, or its DNS name made into one
/// (`corp.example.com` -> `corp-example-com`).
fn plan_name(imported: &Imported) -> String {
    if let Some(name) = imported.options.name.clone().or(imported.plan_tag.clone()) {
        return name;
    }
    let name: String = imported
        .directory
        .name
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(63)
        .collect();
    name.trim_matches('-').to_owned()
}

/// A synced group's plan name: `Name@domain` of one of the plan's domains reads as `Name`
/// (apply matches `Name@domain` first).
fn plan_group(display_name: &str, domains: &[String]) -> String {
    match display_name.rsplit_once('@') {
        Some((name, domain)) if domains.contains(&domain.to_ascii_lowercase()) => name.to_owned(),
        _ => display_name.to_owned(),
    }
}

/// A trusted domain's NetBIOS name as Windows would default it: its first label, uppercased,
/// at most 15 characters.
fn guessed_netbios(domain: &str) -> String {
    domain
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase()
        .chars()
        .take(15)
        .collect()
}
