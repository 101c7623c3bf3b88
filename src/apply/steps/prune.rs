//! Which existing assignments `prune` deletes: only those of a pruning entry's group and
//! permission set, and only in accounts that no entry of the plan for that same group and
//! permission set still reaches (targeted, or left out because the account is not active or is
//! the management account). Nothing the plan does not name is ever a candidate.

use std::collections::{BTreeMap, BTreeSet};

use crate::aws::AssignmentKey;

/// A group id and a permission set ARN.
type Pair = (String, String);

/// What the plan's entries keep, and which pairs they prune.
#[derive(Debug, Default)]
pub(crate) struct PruneScope {
    /// Pairs of entries with `prune: true`, with their `group -> set` label.
    pruned: BTreeMap<Pair, String>,
    /// The accounts each pair still reaches, over every entry of the plan.
    kept: BTreeMap<Pair, BTreeSet<String>>,
}

impl PruneScope {
    /// Records that an entry of (`group_id`, `set_arn`) reaches `accounts`.
    pub(crate) fn keep<'a>(
        &mut self,
        group_id: &str,
        set_arn: &str,
        accounts: impl IntoIterator<Item = &'a String>,
    ) {
        self.kept
            .entry((group_id.to_owned(), set_arn.to_owned()))
            .or_default()
            .extend(accounts.into_iter().cloned());
    }

    /// Records that an entry of (`group_id`, `set_arn`) prunes; `label` is `group -> set`.
    pub(crate) fn prune(&mut self, group_id: &str, set_arn: &str, label: String) {
        self.pruned
            .insert((group_id.to_owned(), set_arn.to_owned()), label);
    }

    /// The group ids whose assignments must be read to find the candidates.
    pub(crate) fn groups(&self) -> BTreeSet<String> {
        self.pruned.keys().map(|(group, _)| group.clone()).collect()
    }

    /// The existing assignments to delete, each with its label (`group -> set in account`).
    pub(crate) fn candidates(
        &self,
        existing: &BTreeSet<AssignmentKey>,
    ) -> Vec<(AssignmentKey, String)> {
        existing
            .iter()
            .filter_map(|key| {
                let pair = (key.group_id.clone(), key.permission_set_arn.clone());
                let label = self.pruned.get(&pair)?;
                let kept = self.kept.get(&pair);
                if kept.is_some_and(|accounts| accounts.contains(&key.account_id)) {
                    return None;
                }
                Some((key.clone(), format!("{label} in {}", key.account_id)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(group: &str, set: &str, account: &str) -> AssignmentKey {
        AssignmentKey {
            account_id: account.to_owned(),
            permission_set_arn: set.to_owned(),
            group_id: group.to_owned(),
        }
    }

    #[test]
    fn only_the_pruned_pairs_accounts_that_no_entry_reaches_are_candidates() {
        let mut scope = PruneScope::default();
        let kept = ["111111111111".to_owned()];
        scope.keep("g-1", "ps-read", &kept);
        scope.prune("g-1", "ps-read", "Users -> ReadOnly".to_owned());
        // Another entry of the same pair, without prune, still reaches 222.
        scope.keep("g-1", "ps-read", &["222222222222".to_owned()]);
        // A pair the plan keeps but does not prune.
        scope.keep("g-2", "ps-admin", &kept);
        let existing: BTreeSet<AssignmentKey> = [
            key("g-1", "ps-read", "111111111111"),
            key("g-1", "ps-read", "222222222222"),
            key("g-1", "ps-read", "333333333333"),
            key("g-1", "ps-other", "333333333333"),
            key("g-2", "ps-admin", "333333333333"),
            key("g-9", "ps-read", "333333333333"),
        ]
        .into();
        let candidates = scope.candidates(&existing);
        assert_eq!(
            candidates,
            [(
                key("g-1", "ps-read", "333333333333"),
                "Users -> ReadOnly in 333333333333".to_owned()
            )]
        );
        assert_eq!(scope.groups(), BTreeSet::from(["g-1".to_owned()]));
    }

    #[test]
    fn without_a_pruning_entry_nothing_is_a_candidate() {
        let scope = PruneScope::default();
        let existing: BTreeSet<AssignmentKey> = [key("g-1", "ps", "1")].into();
        assert!(scope.candidates(&existing).is_empty());
        assert!(scope.groups().is_empty());
    }
}
