//! Assignment targets resolved against AWS Organizations: each assignment's `accounts`, plus the
//! ACTIVE accounts under its `organizationalUnits` (nested OUs included), minus
//! `excludeAccounts`, with the accounts left out and why. [`read`] reads the organization once
//! per run (a few calls per OU, never per account); [`resolve`] is pure.

mod read;

use std::collections::{BTreeMap, BTreeSet};

pub use read::{Checked, check, read, read_whole};

use crate::aws::{AccountState, OrgAccount, OrgUnit, Organization};
use crate::plan::model::Assignment;
use crate::plan::rules::{OuTarget, ou_target};

/// The organization as far as the plan's targets needed it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgView {
    /// `DescribeOrganization`: `None` when the account is in no organization.
    pub organization: Option<Organization>,
    /// The roots (`ListRoots`), read only when a target names an OU.
    pub roots: Vec<OrgUnit>,
    /// OUs directly under each parent read.
    pub units: BTreeMap<String, Vec<OrgUnit>>,
    /// Accounts directly under each parent read.
    pub accounts: BTreeMap<String, Vec<OrgAccount>>,
    /// `organizationalUnits` entries that name no OU or root of the organization.
    pub missing: BTreeSet<String>,
}

/// Why an account a target reaches is not assigned.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skip {
    /// Suspended, closed or not active yet (its state).
    NotActive(String),
    /// Listed under `excludeAccounts`.
    Excluded,
    /// The management account, while the credentials are a delegated administrator's.
    ManagementAccount,
}

/// One assignment's targets, resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolved {
    /// The accounts to assign, sorted.
    pub accounts: Vec<String>,
    /// Accounts reached but left out, and why.
    pub skipped: Vec<(String, Skip)>,
    /// Accounts named under `accounts` that cannot be assigned (the management account for a
    /// delegated administrator): the step reports them as failures.
    pub refused: Vec<(String, Skip)>,
    /// `organizationalUnits` entries that name nothing in the organization.
    pub unknown: Vec<String>,
}

impl OrgView {
    /// Every account under `parent`, its nested OUs included, in the order read.
    pub fn accounts_under(&self, parent: &str) -> Vec<&OrgAccount> {
        let mut out = Vec::new();
        let mut queue = vec![parent];
        let mut seen = BTreeSet::new();
        while let Some(node) = queue.pop() {
            if !seen.insert(node) {
                continue;
            }
            out.extend(self.accounts.get(node).into_iter().flatten());
            queue.extend(
                self.units
                    .get(node)
                    .into_iter()
                    .flatten()
                    .map(|u| u.id.as_str()),
            );
        }
        out
    }

    /// The id an `organizationalUnits` entry names, if it was found.
    pub fn node_of(&self, target: &OuTarget) -> Option<String> {
        match target {
            OuTarget::Root(id) => self.roots.iter().any(|r| &r.id == id).then(|| id.clone()),
            OuTarget::Unit(id) => self.is_known_unit(id).then(|| id.clone()),
            OuTarget::Path(names) => {
                let mut node = self.roots.first()?.id.clone();
                for name in names {
                    node = self
                        .units
                        .get(&node)?
                        .iter()
                        .find(|u| &u.name == name)?
                        .id
                        .clone();
                }
                Some(node)
            }
        }
    }

    fn is_known_unit(&self, id: &str) -> bool {
        self.units.values().flatten().any(|unit| unit.id == id) || self.units.contains_key(id)
    }

    /// The state of `account`, when a listing showed it.
    fn state_of(&self, account: &str) -> Option<&AccountState> {
        self.accounts
            .values()
            .flatten()
            .find(|a| a.id == account)
            .map(|a| &a.state)
    }

    /// The management account when `caller` is not it (a delegated administrator, or a member
    /// account): Identity Center refuses assignments there from such callers.
    fn forbidden_account(&self, caller: Option<&str>) -> Option<&str> {
        let management = self.organization.as_ref()?.management_account.as_str();
        (caller? != management).then_some(management)
    }
}

/// The accounts `assignment` targets, as `view` shows the organization; `caller` is the
/// credentials' account.
pub fn resolve(assignment: &Assignment, view: &OrgView, caller: Option<&str>) -> Resolved {
    let forbidden = view.forbidden_account(caller);
    let excluded: BTreeSet<&str> = assignment
        .exclude_accounts
        .iter()
        .map(String::as_str)
        .collect();
    let mut out = Resolved::default();
    let mut chosen = BTreeSet::new();
    let mut skipped = BTreeMap::new();
    for account in &assignment.accounts {
        if Some(account.as_str()) == forbidden {
            out.refused.push((account.clone(), Skip::ManagementAccount));
        } else if let Some(state) = view
            .state_of(account)
            .filter(|s| **s != AccountState::Active)
        {
            skipped.insert(account.clone(), Skip::NotActive(state_text(state)));
        } else {
            chosen.insert(account.clone());
        }
    }
    for entry in &assignment.organizational_units {
        let node = ou_target(entry)
            .ok()
            .and_then(|target| view.node_of(&target));
        let Some(node) = node.filter(|_| !view.missing.contains(entry)) else {
            out.unknown.push(entry.clone());
            continue;
        };
        for account in view.accounts_under(&node) {
            let id = account.id.as_str();
            let skip = if excluded.contains(id) {
                Some(Skip::Excluded)
            } else if Some(id) == forbidden {
                Some(Skip::ManagementAccount)
            } else if account.state != AccountState::Active {
                Some(Skip::NotActive(state_text(&account.state)))
            } else {
                None
            };
            match skip {
                // Dropped below when another target of the entry chose the account.
                Some(skip) => {
                    skipped.insert(id.to_owned(), skip);
                }
                None => {
                    chosen.insert(id.to_owned());
                }
            }
        }
    }
    skipped.retain(|id, _| !chosen.contains(id) && !out.refused.iter().any(|(r, _)| r == id));
    out.accounts = chosen.into_iter().collect();
    out.skipped = skipped.into_iter().collect();
    out
}

fn state_text(state: &AccountState) -> String {
    match state {
        AccountState::Active => "ACTIVE".to_owned(),
        AccountState::Suspended(text) | AccountState::Other(text) => text.clone(),
    }
}

#[cfg(test)]
mod tests;
