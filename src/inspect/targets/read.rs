//! Reads what the plan's assignment targets need from AWS Organizations, each parent listed at
//! most once: `DescribeOrganization` when the plan has assignments; `ListRoots` and, for each OU
//! a target reaches, `ListOrganizationalUnitsForParent` and `ListAccountsForParent`. Bounded:
//! at most [`MAX_UNITS`] OUs are read.

use std::collections::BTreeSet;

use super::OrgView;
use crate::aws::{AwsError, AwsErrorKind, OrganizationsApi};
use crate::plan::Plan;
use crate::plan::rules::{OuTarget, ou_target};

/// The most OUs one run reads (Organizations allows at most 2,000 OUs per organization).
pub const MAX_UNITS: usize = 2_000;

/// Reads the organization as the plan's targets need it. An entry that names no OU or root is
/// recorded in [`OrgView::missing`], not an error; a failed call is.
pub async fn read(cloud: &impl OrganizationsApi, plan: &Plan) -> Result<OrgView, AwsError> {
    let assignments = plan
        .identity_center
        .as_ref()
        .map(|ic| ic.assignments.as_slice())
        .unwrap_or_default();
    let mut view = OrgView::default();
    if assignments.is_empty() {
        return Ok(view);
    }
    view.organization = cloud.describe_organization().await?;
    let entries: BTreeSet<&String> = assignments
        .iter()
        .flat_map(|a| &a.organizational_units)
        .collect();
    if entries.is_empty() {
        return Ok(view);
    }
    if view.organization.is_none() {
        view.missing.extend(entries.into_iter().cloned());
        return Ok(view);
    }
    view.roots = cloud.list_roots().await?;
    let mut reader = Reader {
        cloud,
        view,
        read: 0,
    };
    for entry in entries {
        let Ok(target) = ou_target(entry) else {
            reader.view.missing.insert(entry.clone());
            continue;
        };
        let start = match &target {
            OuTarget::Root(id) => reader
                .view
                .roots
                .iter()
                .any(|r| &r.id == id)
                .then(|| id.clone()),
            OuTarget::Unit(id) => Some(id.clone()),
            OuTarget::Path(names) => reader.walk_path(names).await?,
        };
        match start {
            Some(node) => {
                if !reader.subtree(&node).await? {
                    reader.view.missing.insert(entry.clone());
                }
            }
            None => {
                reader.view.missing.insert(entry.clone());
            }
        }
    }
    Ok(reader.view)
}

struct Reader<'a, C> {
    cloud: &'a C,
    view: OrgView,
    read: usize,
}

impl<C: OrganizationsApi> Reader<'_, C> {
    /// Lists `parent`'s OUs and accounts unless done already; `false` when AWS does not know it.
    async fn list(&mut self, parent: &str) -> Result<bool, AwsError> {
        if self.view.units.contains_key(parent) {
            return Ok(true);
        }
        self.read += 1;
        if self.read > MAX_UNITS {
            return Err(AwsError::new(
                "organizations",
                "ListOrganizationalUnitsForParent",
                AwsErrorKind::Other,
                format!("more than {MAX_UNITS} OUs to read: stopped"),
            ));
        }
        let units = match self.cloud.list_units(parent).await {
            Ok(units) => units,
            Err(error) if error.kind == AwsErrorKind::DoesNotExist => return Ok(false),
            Err(error) => return Err(error),
        };
        let accounts = self.cloud.list_accounts(parent).await?;
        self.view.units.insert(parent.to_owned(), units);
        self.view.accounts.insert(parent.to_owned(), accounts);
        Ok(true)
    }

    /// Reads every OU and account under `node`; `false` when `node` does not exist.
    async fn subtree(&mut self, node: &str) -> Result<bool, AwsError> {
        if !self.list(node).await? {
            return Ok(false);
        }
        let mut queue = vec![node.to_owned()];
        while let Some(parent) = queue.pop() {
            self.list(&parent).await?;
            let children = self.view.units.get(&parent).cloned().unwrap_or_default();
            queue.extend(children.into_iter().map(|unit| unit.id));
        }
        Ok(true)
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
