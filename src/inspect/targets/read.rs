//! Reads what the plan's assignment targets need from AWS Organizations, each parent listed at
//! most once: `DescribeOrganization` when the plan has assignments; `ListRoots` and, for each OU
//! a target reaches, `ListOrganizationalUnitsForParent` and `ListAccountsForParent`, a level of
//! the tree at a time, [`CONCURRENCY`] parents at once. Bounded: at most [`MAX_UNITS`] OUs are
//! read.

use std::collections::BTreeSet;

use futures_util::future::join_all;

use super::OrgView;
use crate::aws::{AwsError, AwsErrorKind, OrganizationsApi};
use crate::plan::Plan;
use crate::plan::rules::{OuTarget, ou_target};

/// The most OUs one run reads (Organizations allows at most 2,000 OUs per organization).
pub const MAX_UNITS: usize = 2_000;
/// How many parents are listed at once (two calls each): Organizations throttles bursts, and
/// the SDK retries what it throttles.
pub const CONCURRENCY: usize = 4;

/// Reads the organization as the plan's targets need it: [`check`], then [`Checked::complete`].
pub async fn read(cloud: &impl OrganizationsApi, plan: &Plan) -> Result<OrgView, AwsError> {
    check(cloud, plan).await?.complete().await
}

/// The first part of [`read`]: the organization, its roots, and each `organizationalUnits`
/// entry's OU found with its first level listed. What it shows is enough to tell which entries
/// name nothing ([`OrgView::missing`]) and which account is the management account; the accounts
/// deeper down are read by [`Checked::complete`], which apply runs alongside its other steps.
/// An entry that names no OU or root is recorded, not an error; a failed call is.
pub async fn check<'a, C: OrganizationsApi>(
    cloud: &'a C,
    plan: &Plan,
) -> Result<Checked<'a, C>, AwsError> {
    let mut reader = Reader {
        cloud,
        view: OrgView::default(),
        read: 0,
    };
    let assignments = plan.assignments();
    if assignments.is_empty() {
        return Ok(reader.checked(Vec::new()));
    }
    reader.view.organization = cloud.describe_organization().await?;
    let entries: BTreeSet<&String> = assignments
        .iter()
        .flat_map(|a| &a.organizational_units)
        .collect();
    if entries.is_empty() || reader.view.organization.is_none() {
        reader.view.missing.extend(entries.into_iter().cloned());
        return Ok(reader.checked(Vec::new()));
    }
    reader.view.roots = cloud.list_roots().await?;
    let mut starts = Vec::new();
    for entry in entries {
        let start = match ou_target(entry) {
            Err(_) => None,
            Ok(OuTarget::Root(id)) => reader.view.roots.iter().any(|r| r.id == id).then_some(id),
            Ok(OuTarget::Unit(id)) => Some(id),
            Ok(OuTarget::Path(names)) => reader.walk_path(&names).await?,
        };
        match start {
            Some(node) => starts.push((entry, node)),
            None => {
                reader.view.missing.insert(entry.clone());
            }
        }
    }
    let firsts: Vec<String> = starts.iter().map(|(_, node)| node.clone()).collect();
    let known = reader.list_level(&firsts).await?;
    let mut nodes = Vec::new();
    for (entry, node) in starts {
        match known.contains(&node) {
            true => nodes.push(node),
            false => {
                reader.view.missing.insert(entry.clone());
            }
        }
    }
    Ok(reader.checked(nodes))
}

/// The organization after [`check`]: each found target's first level is read.
pub struct Checked<'a, C> {
    reader: Reader<'a, C>,
    /// The OUs and roots the entries name, found.
    nodes: Vec<String>,
}

impl<C: OrganizationsApi> Checked<'_, C> {
    /// What has been read so far.
    pub fn view(&self) -> &OrgView {
        &self.reader.view
    }

    /// Reads every OU and account under the found targets, a level at a time (each parent
    /// once, however many targets reach it).
    pub async fn complete(mut self) -> Result<OrgView, AwsError> {
        let mut level = self.nodes;
        while !level.is_empty() {
            self.reader.list_level(&level).await?;
            level = level
                .iter()
                .flat_map(|parent| self.reader.view.units.get(parent).into_iter().flatten())
                .map(|unit| unit.id.clone())
                .collect();
        }
        Ok(self.reader.view)
    }
}

/// The whole organization, every OU and account (what `import` groups accounts back into OUs
/// with); `None` when the account is in no organization.
pub async fn read_whole(cloud: &impl OrganizationsApi) -> Result<Option<OrgView>, AwsError> {
    let Some(organization) = cloud.describe_organization().await? else {
        return Ok(None);
    };
    let view = OrgView {
        organization: Some(organization),
        roots: cloud.list_roots().await?,
        ..OrgView::default()
    };
    let roots: Vec<String> = view.roots.iter().map(|root| root.id.clone()).collect();
    let reader = Reader {
        cloud,
        view,
        read: 0,
    };
    Ok(Some(reader.checked(roots).complete().await?))
}

struct Reader<'a, C> {
    cloud: &'a C,
    view: OrgView,
    read: usize,
}

impl<'a, C: OrganizationsApi> Reader<'a, C> {
    /// The reader after [`check`], with the found targets `nodes`.
    fn checked(self, nodes: Vec<String>) -> Checked<'a, C> {
        Checked {
            reader: self,
            nodes,
        }
    }

    /// Lists `parent`'s OUs and accounts unless done already; `false` when AWS does not know it.
    async fn list(&mut self, parent: &str) -> Result<bool, AwsError> {
        let known = self.list_level(&[parent.to_owned()]).await?;
        Ok(known.contains(parent))
    }

    /// Lists the OUs and accounts of each of `parents` not read yet, [`CONCURRENCY`] parents at
    /// a time (each parent's two listings together); returns the parents AWS knows.
    async fn list_level(&mut self, parents: &[String]) -> Result<BTreeSet<String>, AwsError> {
        let mut known: BTreeSet<String> = parents
            .iter()
            .filter(|p| self.view.units.contains_key(*p))
            .cloned()
            .collect();
        let todo: Vec<&String> = parents.iter().filter(|p| !known.contains(*p)).collect();
        self.read += todo.len();
        if self.read > MAX_UNITS {
            return Err(AwsError::new(
                "organizations",
                "ListOrganizationalUnitsForParent",
                AwsErrorKind::Other,
                format!("more than {MAX_UNITS} OUs to read: stopped"),
            ));
        }
        let cloud = self.cloud;
        for chunk in todo.chunks(CONCURRENCY) {
            let answers = join_all(chunk.iter().map(|parent| async move {
                let (units, accounts) = futures_util::future::join(
                    cloud.list_units(parent),
                    cloud.list_accounts(parent),
                )
                .await;
                (*parent, units, accounts)
            }))
            .await;
            for (parent, units, accounts) in answers {
                let units = match units {
                    Ok(units) => units,
                    Err(error) if error.kind == AwsErrorKind::DoesNotExist => continue,
                    Err(error) => return Err(error),
                };
                let accounts = match accounts {
                    Ok(accounts) => accounts,
                    Err(error) if error.kind == AwsErrorKind::DoesNotExist => continue,
                    Err(error) => return Err(error),
                };
                self.view.units.insert(parent.clone(), units);
                self.view.accounts.insert(parent.clone(), accounts);
                known.insert(parent.clone());
            }
        }
        Ok(known)
    }

    /// The OU a path of names leads to from the first root, listing each level on the way.
    async fn walk_path(&mut self, names: &[String]) -> Result<Option<String>, AwsError> {
        let Some(mut node) = self.view.roots.first().map(|root| root.id.clone()) else {
            return Ok(None);
        };
        for name in names {
            self.list(&node).await?;
            let next = self
                .view
                .units
                .get(&node)
                .and_then(|units| units.iter().find(|unit| &unit.name == name))
                .map(|unit| unit.id.clone());
            match next {
                Some(id) => node = id,
                None => return Ok(None),
            }
        }
        Ok(Some(node))
    }
}
