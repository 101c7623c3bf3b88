//! Which identity-store group a plan's group name means: synced from the plan's directory, as
//! `Name@domain` (the domain named, or each self-managed domain tried) or `Name`; a bare name
//! found in several domains is ambiguous and never guessed. Also the words for the groups that
//! could not be used.

use std::collections::{BTreeMap, BTreeSet};

use crate::aws::Group;
use crate::plan::{Mode, Plan};
use crate::text::apply as apply_text;

/// How a plan's group name matched the identity store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupMatch {
    /// Synced from the plan's directory.
    Found {
        /// Identity store group id.
        id: String,
        /// The display name that matched.
        display_name: String,
    },
    /// A group by that name exists, but it did not come from the plan's directory.
    OtherSource(String),
    /// No group by that name (not in the sync scope, or not synced yet).
    Missing,
    /// With several domains, a bare name found in more than one of them (their display names):
    /// the plan must say which, as `Name@domain`.
    Ambiguous(Vec<String>),
}

/// The display names a plan group may have, in the order tried: `Name@domain` for each domain
/// the groups may come from, then `Name` itself.
pub fn candidate_names(plan: &Plan, group: &str) -> Vec<String> {
    let mut names = vec![format!("{group}@{}", plan.self_managed.first().domain)];
    if plan.connection.mode != Mode::AdConnector
        && let Some(domain) = plan.managed_domain()
    {
        names.push(format!("{group}@{domain}"));
    }
    names.push(group.to_owned());
    names
}

/// Finds the plan group `name` among the identity store's groups synced from `issuer`.
/// `Name@domain` with one of the plan's domains names that domain's group. A bare name is
/// tried as `Name@domain` for each self-managed domain: found in one, it is that one; found in
/// several, it is [`GroupMatch::Ambiguous`] (never a guess); found in none, it is tried as
/// `Name@<managed domain>` and `Name`.
pub fn match_group(plan: &Plan, groups: &[Group], name: &str, issuer: &str) -> GroupMatch {
    if names_a_plan_domain(plan, name) || plan.self_managed.len() == 1 {
        let candidates = match names_a_plan_domain(plan, name) {
            true => vec![name.to_owned()],
            false => candidate_names(plan, name),
        };
        return resolve(groups, &candidates, issuer);
    }
    let found: Vec<String> = plan
        .self_managed
        .all()
        .iter()
        .filter_map(
            |d| match resolve(groups, &[format!("{name}@{}", d.domain)], issuer) {
                GroupMatch::Found { display_name, .. } => Some(display_name),
                _ => None,
            },
        )
        .collect();
    match found.as_slice() {
        [] => {
            // None synced from the directory as Name@domain: the managed domain's, the bare
            // name, or else the first of them all from another source.
            let mut fallback: Vec<String> = plan
                .managed_domain()
                .map(|d| format!("{name}@{d}"))
                .into_iter()
                .collect();
            fallback.push(name.to_owned());
            fallback.extend(
                plan.self_managed
                    .all()
                    .iter()
                    .map(|d| format!("{name}@{}", d.domain)),
            );
            resolve(groups, &fallback, issuer)
        }
        [one] => resolve(groups, std::slice::from_ref(one), issuer),
        _ => GroupMatch::Ambiguous(found),
    }
}

/// The ids of every group the plan's assignment groups could match, whichever directory turns
/// out to be the plan's: [`match_group`] under each issuer the store's groups name. What the
/// assignments step reads before it knows the directory.
pub fn possible_matches(plan: &Plan, groups: &[Group]) -> BTreeSet<String> {
    let issuers: BTreeSet<&String> = groups.iter().flat_map(|g| &g.issuers).collect();
    let names = plan.assignment_groups();
    let mut ids = BTreeSet::new();
    for issuer in issuers {
        for name in &names {
            if let GroupMatch::Found { id, .. } = match_group(plan, groups, name, issuer) {
                ids.insert(id);
            }
        }
    }
    ids
}

/// Whether `name` is `Name@domain` with one of the plan's domains (self-managed or managed).
fn names_a_plan_domain(plan: &Plan, name: &str) -> bool {
    let Some((group, domain)) = name.rsplit_once('@') else {
        return false;
    };
    !group.is_empty()
        && (plan.self_managed.find(domain).is_some()
            || plan
                .managed_domain()
                .is_some_and(|d| d.eq_ignore_ascii_case(domain)))
}

/// Finds a plan group among the identity store's groups.
pub fn resolve(groups: &[Group], candidates: &[String], issuer: &str) -> GroupMatch {
    let mut other = None;
    for name in candidates {
        for group in groups
            .iter()
            .filter(|g| g.display_name.eq_ignore_ascii_case(name))
        {
            if group.issuers.iter().any(|i| i == issuer) {
                return GroupMatch::Found {
                    id: group.id.clone(),
                    display_name: group.display_name.clone(),
                };
            }
            other.get_or_insert_with(|| group.display_name.clone());
        }
    }
    other.map_or(GroupMatch::Missing, GroupMatch::OtherSource)
}

/// The plan groups whose bare name matched a group in several domains, each as a failure that
/// lists them: apply never guesses which one was meant.
pub(super) fn ambiguous_groups(matches: &BTreeMap<String, GroupMatch>) -> Vec<String> {
    matches
        .iter()
        .filter_map(|(name, m)| match m {
            GroupMatch::Ambiguous(found) => Some(apply_text::group_in_several_domains(name, found)),
            _ => None,
        })
        .collect()
}

pub(super) fn group_problems(matches: &BTreeMap<String, GroupMatch>) -> Option<String> {
    let missing: Vec<&str> = matches
        .iter()
        .filter(|(_, m)| **m == GroupMatch::Missing)
        .map(|(name, _)| name.as_str())
        .collect();
    let other: Vec<String> = matches
        .iter()
        .filter_map(|(name, m)| match m {
            GroupMatch::OtherSource(display) => Some(format!("{name} (found {display})")),
            _ => None,
        })
        .collect();
    let mut lines = Vec::new();
    if !missing.is_empty() {
        lines.push(format!(
            "groups not found in Identity Center (their assignments were skipped): {}",
            missing.join(", ")
        ));
    }
    if !other.is_empty() {
        lines.push(format!(
            "groups that exist in Identity Center but were not synced from this plan's directory (skipped): {}",
            other.join(", ")
        ));
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

#[cfg(test)]
#[path = "groups_tests.rs"]
mod tests;
