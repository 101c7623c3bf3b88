//! Rules for `identityCenter`: the instance ARN, permission sets (names, session durations,
//! managed policies, inline policies); each assignment is checked by [`super::assignments`].

use std::collections::{BTreeMap, HashSet};

use super::{Report, permission_set_fields as fields};
use crate::plan::diagnostic::FieldPath;
use crate::plan::model::{IdentityCenter, PermissionSet};
use crate::plan::rules;
use crate::text;

/// The plan's Region and its partition, when the Region is known.
type Region<'a> = Option<(&'a str, &'static rules::Partition)>;

/// Checks `identityCenter` as a whole; ARNs must be of `region`'s partition.
pub(super) fn check(
    center: &IdentityCenter,
    region: Region<'_>,
    plan_tags: &BTreeMap<String, String>,
    path: &FieldPath,
    report: &mut Report,
) {
    if let Some(arn) = &center.instance_arn
        && let Some(partition) = report.check(
            path.key("instanceArn"),
            rules::instance_arn(arn),
            text::INSTANCE_ARN_ALLOWED,
        )
    {
        same_partition(arn, partition, region, path.key("instanceArn"), report);
    }
    let sets = path.key("permissionSets");
    let mut names = HashSet::new();
    for (index, set) in center.permission_sets.iter().enumerate() {
        let item = sets.index(index);
        if !names.insert(set.name.as_str()) {
            report.error(
                item.key("name"),
                format!("{} is defined twice", rules::shown(&set.name)),
                text::PERMISSION_SET_UNIQUE,
            );
        }
        permission_set(set, region, plan_tags, &item, report);
    }
    let assignments = path.key("assignments");
    for (index, assignment) in center.assignments.iter().enumerate() {
        super::assignments::check(assignment, &names, &assignments.index(index), report);
    }
}

/// Reports an ARN whose partition is not the Region's.
fn same_partition(
    arn: &str,
    partition: &rules::Partition,
    region: Region<'_>,
    path: FieldPath,
    report: &mut Report,
) {
    if let Some((name, region_partition)) = region {
        report.check(
            path,
            rules::same_partition(arn, partition, name, region_partition),
            text::PARTITION_MATCHES_REGION,
        );
    }
}

fn permission_set(
    set: &PermissionSet,
    region: Region<'_>,
    plan_tags: &BTreeMap<String, String>,
    path: &FieldPath,
    report: &mut Report,
) {
    report.check(
        path.key("name"),
        rules::permission_set_name(&set.name),
        text::PERMISSION_SET_NAME_ALLOWED,
    );
    if set.existing {
        let given = given_fields(set);
        if !given.is_empty() {
            report.error(
                path.clone(),
                format!(
                    "is marked `existing: true` but also sets {}",
                    given.join(", ")
                ),
                text::EXISTING_PERMISSION_SET,
            );
        }
        return;
    }
    if let Some(duration) = &set.session_duration {
        report.check(
            path.key("sessionDuration"),
            rules::session_duration(duration),
            text::SESSION_DURATION_ALLOWED,
        );
    }
    let policies = path.key("managedPolicies");
    let mut seen = HashSet::new();
    for (index, arn) in set.managed_policies.iter().enumerate() {
        let Some(partition) = report.check(
            policies.index(index),
            rules::managed_policy_arn(arn),
            text::MANAGED_POLICY_ALLOWED,
        ) else {
            continue;
        };
        if seen.insert(arn.as_str()) {
            same_partition(arn, partition, region, policies.index(index), report);
        } else {
            report.error(
                policies.index(index),
                format!("{} is listed twice", rules::shown(arn)),
                text::MANAGED_POLICY_ALLOWED,
            );
        }
    }
    if set.managed_policies.len() > rules::MAX_MANAGED_POLICIES {
        report.error(
            policies,
            format!("{} managed policies are given", set.managed_policies.len()),
            text::MANAGED_POLICY_COUNT,
        );
    }
    if let Some(policy) = &set.inline_policy {
        report.check(
            path.key("inlinePolicy"),
            rules::inline_policy(policy),
            text::INLINE_POLICY_ALLOWED,
        );
    }
    if let Some((arn, partition, at)) = fields::check(set, plan_tags, path, report) {
        same_partition(arn, partition, region, at, report);
    }
}

/// The fields apply would change that `set` gives, as `` `name` ``.
fn given_fields(set: &PermissionSet) -> Vec<&'static str> {
    let mut given = Vec::new();
    if set.session_duration.is_some() {
        given.push("`sessionDuration`");
    }
    if !set.managed_policies.is_empty() {
        given.push("`managedPolicies`");
    }
    if set.inline_policy.is_some() {
        given.push("`inlinePolicy`");
    }
    given.extend(fields::given(set));
    given
}
