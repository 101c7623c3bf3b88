//! Rules for a permission set's `description`, `relayState`, `customerManagedPolicies`,
//! `permissionsBoundary` and `tags` (sso-admin's model; see `rules::permission_set_fields`).

use std::collections::{BTreeMap, HashSet};

use super::{Report, plural};
use crate::plan::diagnostic::FieldPath;
use crate::plan::model::{CustomerManagedPolicy, PermissionSet, PermissionsBoundary};
use crate::plan::rules;
use crate::text;

/// The fields this module checks that `set` gives, as `` `name` `` (an `existing: true` set
/// takes none).
pub(super) fn given(set: &PermissionSet) -> Vec<&'static str> {
    [
        (set.description.is_some(), "`description`"),
        (set.relay_state.is_some(), "`relayState`"),
        (
            !set.customer_managed_policies.is_empty(),
            "`customerManagedPolicies`",
        ),
        (set.permissions_boundary.is_some(), "`permissionsBoundary`"),
        (!set.tags.is_empty(), "`tags`"),
    ]
    .into_iter()
    .filter_map(|(is_given, name)| is_given.then_some(name))
    .collect()
}

/// Checks the fields of a permission set apply creates or converges; `plan_tags` are the plan's
/// own `tags`, which the set gets too. Returns the boundary's managed policy ARN and its
/// partition when it is well formed (the caller compares it with the Region's).
pub(super) fn check<'a>(
    set: &'a PermissionSet,
    plan_tags: &BTreeMap<String, String>,
    path: &FieldPath,
    report: &mut Report,
) -> Option<(&'a str, &'static rules::Partition, FieldPath)> {
    if let Some(description) = &set.description {
        report.check(
            path.key("description"),
            rules::permission_set_description(description),
            text::PERMISSION_SET_DESCRIPTION_ALLOWED,
        );
    }
    if let Some(relay) = &set.relay_state {
        report.check(
            path.key("relayState"),
            rules::relay_state(relay),
            text::RELAY_STATE_ALLOWED,
        );
    }
    let policies = path.key("customerManagedPolicies");
    let mut seen = HashSet::new();
    for (index, policy) in set.customer_managed_policies.iter().enumerate() {
        let item = policies.index(index);
        if customer_policy(policy, &item, report)
            && !seen.insert((policy.name.as_str(), policy.path()))
        {
            report.error(
                item,
                format!("{} is listed twice", rules::shown(&policy.name)),
                text::CUSTOMER_POLICY_UNIQUE,
            );
        }
    }
    let boundary = set
        .permissions_boundary
        .as_ref()
        .and_then(|b| self::boundary(b, &path.key("permissionsBoundary"), report));
    tags(set, plan_tags, &path.key("tags"), report);
    boundary
}

/// Checks one customer managed policy reference; true when it is well formed.
fn customer_policy(policy: &CustomerManagedPolicy, path: &FieldPath, report: &mut Report) -> bool {
    let name = report.check(
        path.key("name"),
        rules::customer_policy_name(&policy.name),
        text::CUSTOMER_POLICY_NAME_ALLOWED,
    );
    let policy_path = match &policy.path {
        Some(given) => report.check(
            path.key("path"),
            rules::policy_path(given),
            text::POLICY_PATH_ALLOWED,
        ),
        None => Some(()),
    };
    name.is_some() && policy_path.is_some()
}

/// Exactly one of the two keys; returns a well-formed managed policy ARN with its partition.
fn boundary<'a>(
    boundary: &'a PermissionsBoundary,
    path: &FieldPath,
    report: &mut Report,
) -> Option<(&'a str, &'static rules::Partition, FieldPath)> {
    match (
        &boundary.managed_policy_arn,
        &boundary.customer_managed_policy,
    ) {
        (Some(arn), None) => {
            let at = path.key("managedPolicyArn");
            report
                .check(
                    at.clone(),
                    rules::managed_policy_arn(arn),
                    text::MANAGED_POLICY_ALLOWED,
                )
                .map(|partition| (arn.as_str(), partition, at))
        }
        (None, Some(policy)) => {
            customer_policy(policy, &path.key("customerManagedPolicy"), report);
            None
        }
        (Some(_), Some(_)) => {
            report.error(path.clone(), "sets both keys", text::BOUNDARY_ONE_OF);
            None
        }
        (None, None) => {
            report.error(path.clone(), "sets neither key", text::BOUNDARY_ONE_OF);
            None
        }
    }
}

/// Each tag's key and value, and the count of the plan's and the set's tags together.
fn tags(
    set: &PermissionSet,
    plan_tags: &BTreeMap<String, String>,
    path: &FieldPath,
    report: &mut Report,
) {
    let together = plan_tags
        .keys()
        .chain(set.tags.keys())
        .collect::<HashSet<_>>()
        .len();
    if together > rules::MAX_PERMISSION_SET_USER_TAGS {
        report.error(
            path.clone(),
            format!("{} given with the plan's", plural(together, "tag")),
            text::PERMISSION_SET_TAGS_COUNT_ALLOWED,
        );
    }
    super::tag_entries(&set.tags, path, report);
}
