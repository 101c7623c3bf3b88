//! Groups an imported set of accounts back into OU targets: the highest OUs (or the root) whose
//! every ACTIVE account, nested OUs included, is in the set become one `organizationalUnits`
//! entry each; the accounts no such OU covers stay under `accounts`. Resolving the result gives
//! back the same ACTIVE accounts, so applying the imported plan creates nothing.

use std::collections::BTreeSet;

use crate::aws::AccountState;
use crate::inspect::targets::OrgView;

/// `(organizationalUnits, accounts)` for `accounts`, both sorted.
pub fn group(accounts: &BTreeSet<String>, view: &OrgView) -> (Vec<String>, Vec<String>) {
    let mut units = Vec::new();
    let mut covered: BTreeSet<String> = BTreeSet::new();
    let mut queue: Vec<String> = view.roots.iter().map(|root| root.id.clone()).collect();
    // Each node is visited once: the OU tree has no cycles, and `seen` guards a malformed one.
    let mut seen = BTreeSet::new();
    while let Some(node) = queue.pop() {
        if !seen.insert(node.clone()) {
            continue;
        }
        let under = view.accounts_under(&node);
        let active: Vec<&str> = under
            .iter()
            .filter(|a| a.state == AccountState::Active)
            .map(|a| a.id.as_str())
            .collect();
        if !active.is_empty() && active.iter().all(|id| accounts.contains(*id)) {
            units.push(node);
            covered.extend(under.iter().map(|a| a.id.clone()));
            continue;
        }
        queue.extend(
            view.units
                .get(&node)
                .into_iter()
                .flatten()
                .map(|unit| unit.id.clone()),
        );
    }
    units.sort();
    let rest = accounts
        .iter()
        .filter(|id| !covered.contains(*id))
        .cloned()
        .collect();
    (units, rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::{OrgAccount, OrgUnit};

    fn unit(id: &str) -> OrgUnit {
        OrgUnit {
            id: id.to_owned(),
            name: id.to_owned(),
        }
    }

    fn account(id: &str, state: AccountState) -> OrgAccount {
        OrgAccount {
            id: id.to_owned(),
            name: id.to_owned(),
            state,
        }
    }

    /// r-root ─┬─ ou-a ─┬─ ou-a1: 1, 2 (SUSPENDED)
    ///         │        └─ ou-a2: 3
    ///         └─ ou-b: 4          (root itself: 5)
    fn view() -> OrgView {
        let mut view = OrgView {
            roots: vec![unit("r-root")],
            ..OrgView::default()
        };
        view.units
            .insert("r-root".into(), vec![unit("ou-a"), unit("ou-b")]);
        view.units
            .insert("ou-a".into(), vec![unit("ou-a1"), unit("ou-a2")]);
        let active = AccountState::Active;
        let suspended = AccountState::Suspended("SUSPENDED".into());
        view.accounts.insert(
            "ou-a1".into(),
            vec![account("1", active.clone()), account("2", suspended)],
        );
        view.accounts
            .insert("ou-a2".into(), vec![account("3", active.clone())]);
        view.accounts
            .insert("ou-b".into(), vec![account("4", active.clone())]);
        view.accounts
            .insert("r-root".into(), vec![account("5", active)]);
        view
    }

    fn set(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_highest_wholly_assigned_ou_is_chosen_and_the_rest_stays_listed() {
        let (units, rest) = group(&set(&["1", "3", "5"]), &view());
        assert_eq!(units, ["ou-a"]);
        assert_eq!(rest, ["5"]);
    }

    #[test]
    fn every_active_account_is_the_root() {
        let (units, rest) = group(&set(&["1", "3", "4", "5"]), &view());
        assert_eq!(units, ["r-root"]);
        assert!(rest.is_empty());
    }

    #[test]
    fn a_partly_assigned_ou_is_not_grouped() {
        let (units, rest) = group(&set(&["1", "4"]), &view());
        assert_eq!(units, ["ou-a1", "ou-b"]);
        assert!(rest.is_empty());
        let (units, rest) = group(&set(&["3", "2"]), &view());
        assert_eq!(units, ["ou-a2"]);
        assert_eq!(rest, ["2"], "a suspended account alone makes no OU whole");
    }

    #[test]
    fn outside_an_organization_every_account_stays_listed() {
        let (units, rest) = group(&set(&["1", "2"]), &OrgView::default());
        assert!(units.is_empty());
        assert_eq!(rest, ["1", "2"]);
    }
}
