//! `adsso import`: reads an existing Identity Center setup (the directory its groups are synced
//! from, that directory's trusts, the permission sets and the groups' account assignments) and
//! turns it into a plan that `apply` would leave as it is. Read-only: [`read`] makes only
//! Describe/List/Get calls; [`build::plan`] is pure, and so is the OU grouping ([`ous`]).

pub mod build;
pub mod ous;

use std::collections::{BTreeMap, BTreeSet};

use crate::apply::steps::permission_set_changes::read_current;
use crate::apply::throughput::{Pace, list_each};
use crate::aws::{
    AwsError, Boundary, Cloud, Directory, DirectoryKind, Forwarder, Instance, InstanceStatus,
    PolicyReference, Tag, TrustInfo,
};
use crate::inspect::targets::OrgView;

/// What to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The Identity Center instance (`--instance`); the only instance when absent.
    pub instance: Option<String>,
    /// Glob patterns (`*` and `?`) on group names (`--group-filter`); every group when empty.
    pub group_filter: Vec<String>,
    /// The plan's `metadata.name` (`--name`); else the directory's `adsso:plan` tag, else one
    /// made from the directory's name.
    pub name: Option<String>,
    /// The Region read from.
    pub region: String,
}

/// A permission set as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedSet {
    /// Its name.
    pub name: String,
    /// Its session duration.
    pub session_duration: Option<String>,
    /// Its AWS managed policy ARNs.
    pub managed_policies: Vec<String>,
    /// Its inline policy.
    pub inline_policy: Option<String>,
    /// Its description.
    pub description: Option<String>,
    /// Its relay state.
    pub relay_state: Option<String>,
    /// Its customer managed policy references.
    pub customer_policies: Vec<PolicyReference>,
    /// Its permissions boundary.
    pub boundary: Option<Boundary>,
    /// Its tags.
    pub tags: Vec<Tag>,
}

/// Everything read.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The options it was read with.
    pub options: ImportOptions,
    /// The credentials' account.
    pub account: String,
    /// The instance.
    pub instance: Instance,
    /// The directory the identity store's groups come from.
    pub directory: Directory,
    /// Its `adsso:plan` tag, when it has one.
    pub plan_tag: Option<String>,
    /// Its trusts (Managed AD), each with the forwarder of its domain.
    pub trusts: Vec<(TrustInfo, Option<Forwarder>)>,
    /// The permission sets the imported assignments use, by ARN.
    pub permission_sets: BTreeMap<String, ImportedSet>,
    /// (group display name, permission set ARN) -> the accounts it is assigned in.
    pub assignments: BTreeMap<(String, String), BTreeSet<String>>,
    /// The whole organization, when the account is in one.
    pub organization: Option<OrgView>,
}

/// Why nothing could be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// An AWS call failed.
    #[error(transparent)]
    Aws(#[from] AwsError),
    /// No ACTIVE Identity Center instance in the Region.
    #[error("no ACTIVE IAM Identity Center instance in {0}")]
    NoInstance(String),
    /// Several instances and no `--instance`.
    #[error("{} IAM Identity Center instances: choose one with --instance ({})", .0.len(), .0.join(", "))]
    SeveralInstances(Vec<String>),
    /// `--instance` names none of them.
    #[error("no IAM Identity Center instance {0} in this Region")]
    InstanceNotFound(String),
    /// No group of the identity store comes from a directory.
    #[error(
        "no group of the identity store is synced from a directory: the identity source is not Active Directory, so there is nothing for adsso to import"
    )]
    NoDirectorySource,
    /// Groups come from several directories.
    #[error("groups come from several directories ({}); adsso plans connect one", .0.join(", "))]
    SeveralDirectories(Vec<String>),
    /// The directory is of a type Identity Center plans cannot use.
    #[error("directory {id} is a {kind}, which adsso plans do not describe")]
    Unsupported {
        /// The directory.
        id: String,
        /// Its type.
        kind: DirectoryKind,
    },
}

/// Reads the setup. At most one call per resource type and item: the instance list, the
/// identity store's groups, the directory, its tags and trusts and forwarders, each group's
/// assignments, each permission set those assignments use (no other is read), and the
/// organization's OUs once each.
pub async fn read(cloud: &impl Cloud, options: ImportOptions) -> Result<Imported, ImportError> {
    let account = cloud.caller_identity().await?.account;
    let instance = pick_instance(cloud.list_instances().await?, &options)?;
    let groups = cloud.list_groups(&instance.identity_store_id).await?;
    let directory_ids: BTreeSet<String> = groups
        .iter()
        .flat_map(|group| &group.issuers)
        .filter_map(|issuer| {
            issuer
                .rsplit_once(":directory/")
                .map(|(_, id)| id.to_owned())
        })
        .collect();
    let directory_id = match directory_ids.len() {
        0 => return Err(ImportError::NoDirectorySource),
        1 => directory_ids.into_iter().next().unwrap_or_default(),
        _ => {
            return Err(ImportError::SeveralDirectories(
                directory_ids.into_iter().collect(),
            ));
        }
    };
    let directory = cloud
        .describe_directories(std::slice::from_ref(&directory_id))
        .await?
        .into_iter()
        .next()
        .ok_or(ImportError::NoDirectorySource)?;
    let plan_tag = cloud
        .list_tags(&directory.id)
        .await?
        .into_iter()
        .find(|tag| tag.key == crate::apply::PLAN_TAG)
        .map(|tag| tag.value);
    let trusts = match directory.kind {
        DirectoryKind::AdConnector => Vec::new(),
        DirectoryKind::MicrosoftAd => trusts_of(cloud, &directory.id).await?,
        ref other => {
            return Err(ImportError::Unsupported {
                id: directory.id.clone(),
                kind: other.clone(),
            });
        }
    };
    let names: BTreeMap<&String, &String> = groups
        .iter()
        .filter(|g| wanted(&g.display_name, &options.group_filter))
        .map(|g| (&g.id, &g.display_name))
        .collect();
    // One call budget for the run: every group's listing at once, then the permission sets.
    let pace = crate::apply::assignments::pace();
    let ids = names.keys().map(|id| (*id).clone()).collect();
    let mut assignments = BTreeMap::new();
    for (id, listed) in list_each(cloud, &pace, &instance.arn, ids).await {
        let name = names.get(&id).map_or_else(String::new, |n| (*n).clone());
        for key in listed? {
            assignments
                .entry((name.clone(), key.permission_set_arn))
                .or_insert_with(BTreeSet::new)
                .insert(key.account_id);
        }
    }
    let used: BTreeSet<&String> = assignments.keys().map(|(_, arn)| arn).collect();
    let permission_sets = permission_sets(cloud, &instance.arn, used, &pace).await?;
    let organization = match assignments.is_empty() {
        true => None,
        false => crate::inspect::targets::read_whole(cloud).await?,
    };
    Ok(Imported {
        options,
        account,
        instance,
        directory,
        plan_tag,
        trusts,
        permission_sets,
        assignments,
        organization,
    })
}

fn pick_instance(
    instances: Vec<Instance>,
    options: &ImportOptions,
) -> Result<Instance, ImportError> {
    let active: Vec<Instance> = instances
        .into_iter()
        .filter(|i| i.status == InstanceStatus::Active)
        .collect();
    match (&options.instance, active.len()) {
        (Some(arn), _) => active
            .into_iter()
            .find(|i| &i.arn == arn)
            .ok_or_else(|| ImportError::InstanceNotFound(arn.clone())),
        (None, 0) => Err(ImportError::NoInstance(options.region.clone())),
        (None, 1) => active
            .into_iter()
            .next()
            .ok_or(ImportError::NoInstance(options.region.clone())),
        (None, _) => Err(ImportError::SeveralInstances(
            active.into_iter().map(|i| i.arn).collect(),
        )),
    }
}

async fn trusts_of(
    cloud: &impl Cloud,
    directory_id: &str,
) -> Result<Vec<(TrustInfo, Option<Forwarder>)>, AwsError> {
    let forwarders = cloud.describe_forwarders(directory_id).await?;
    Ok(cloud
        .describe_trusts(directory_id)
        .await?
        .into_iter()
        .map(|trust| {
            let forwarder = forwarders
                .iter()
                .find(|f| f.remote_domain.eq_ignore_ascii_case(&trust.remote_domain))
                .cloned();
            (trust, forwarder)
        })
        .collect())
}

/// The permission sets of `arns` (those the imported assignments use), each read once, within
/// the run's call budget `pace`.
async fn permission_sets(
    cloud: &impl Cloud,
    instance: &str,
    arns: BTreeSet<&String>,
    pace: &Pace,
) -> Result<BTreeMap<String, ImportedSet>, AwsError> {
    let mut out = BTreeMap::new();
    for arn in arns {
        let info = cloud.describe_permission_set(instance, arn).await?;
        let current = read_current(cloud, instance, &info, pace).await?;
        let set = ImportedSet {
            name: current.info.name,
            session_duration: current.info.session_duration,
            managed_policies: current.managed,
            inline_policy: current.inline,
            description: current.info.description,
            relay_state: current.info.relay_state,
            customer_policies: current.customer,
            boundary: current.boundary,
            tags: current.tags,
        };
        out.insert(arn.clone(), set);
    }
    Ok(out)
}

/// True when `name` matches one of `patterns` (`*` any run, `?` one character), or there are
/// none.
pub fn wanted(name: &str, patterns: &[String]) -> bool {
    patterns.is_empty() || patterns.iter().any(|pattern| glob(pattern, name))
}

fn glob(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    // Iterative matching with one backtrack point: linear in practice, no recursion.
    let (mut p, mut t, mut star, mut mark) = (0, 0, None, 0);
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some(p);
            mark = t;
            p += 1;
        } else if let Some(s) = star {
            p = s + 1;
            mark += 1;
            t = mark;
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|c| *c == '*')
}

#[cfg(test)]
mod tests;
