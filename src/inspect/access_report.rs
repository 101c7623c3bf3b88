//! The plan's account assignments as they stand in Identity Center, for `status` (present or
//! missing, and why) and `destroy --include-assignments` (what to delete). The views hold names
//! as received; their printers escape them. AWS's failure reasons are escaped here.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::apply::ApplyError;
use crate::apply::assignments::{GroupMatch, candidate_names, resolve};
use crate::aws::{AssignmentKey, Cloud, Group, RequestState};
use crate::plan::Plan;
use crate::text::untrusted::Untrusted;

/// One plan assignment (group, permission set, account) and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AssignmentView {
    /// The plan's group name.
    pub group: String,
    /// The plan's permission set name.
    pub permission_set: String,
    /// The account.
    pub account: String,
    /// `present`, `missing`, `group not synced`, `group from another source` or
    /// `permission set missing`.
    pub state: &'static str,
    /// The assignment's ids when the group and permission set exist.
    #[serde(skip)]
    pub key: Option<AssignmentKey>,
}

/// Reads every plan assignment's state: permission sets by name, groups resolved as apply
/// resolves them (issuer `issuer`), then each group's assignments once.
pub async fn assignment_views(
    cloud: &impl Cloud,
    plan: &Plan,
    instance_arn: &str,
    groups: &[Group],
    issuer: &str,
) -> Result<Vec<AssignmentView>, ApplyError> {
    let Some(ic) = plan.identity_center.as_ref() else {
        return Ok(Vec::new());
    };
    let mut set_arns = BTreeMap::new();
    for arn in cloud.list_permission_sets(instance_arn).await? {
        let info = cloud.describe_permission_set(instance_arn, &arn).await?;
        set_arns.insert(info.name, info.arn);
    }
    let names: BTreeSet<&String> = ic.assignments.iter().map(|a| &a.group).collect();
    let mut matches = BTreeMap::new();
    let mut existing = BTreeSet::new();
    for name in names {
        let found = resolve(groups, &candidate_names(plan, name), issuer);
        if let GroupMatch::Found { id, .. } = &found {
            existing.extend(cloud.group_assignments(instance_arn, id).await?);
        }
        matches.insert(name.clone(), found);
    }
    let mut views = Vec::new();
    for assignment in &ic.assignments {
        for account in &assignment.accounts {
            let set = set_arns.get(&assignment.permission_set);
            let (state, key) = match (matches.get(&assignment.group), set) {
                (Some(GroupMatch::Missing) | None, _) => ("group not synced", None),
                (Some(GroupMatch::OtherSource(_)), _) => ("group from another source", None),
                (Some(GroupMatch::Found { .. }), None) => ("permission set missing", None),
                (Some(GroupMatch::Found { id, .. }), Some(arn)) => {
                    let key = AssignmentKey {
                        account_id: account.clone(),
                        permission_set_arn: arn.clone(),
                        group_id: id.clone(),
                    };
                    let state = if existing.contains(&key) {
                        "present"
                    } else {
                        "missing"
                    };
                    (state, Some(key))
                }
            };
            views.push(AssignmentView {
                group: assignment.group.clone(),
                permission_set: assignment.permission_set.clone(),
                account: account.clone(),
                state,
                key,
            });
        }
    }
    Ok(views)
}

/// Deletes one assignment and waits (briefly polling) until AWS reports the deletion done.
pub async fn delete_assignment(
    cloud: &impl Cloud,
    instance_arn: &str,
    key: &AssignmentKey,
) -> Result<(), ApplyError> {
    let mut status = cloud.delete_assignment(instance_arn, key).await?;
    let mut pause = std::time::Duration::from_millis(200);
    for _ in 0..60 {
        match status.state {
            RequestState::Succeeded => return Ok(()),
            RequestState::Failed(reason) => {
                return Err(ApplyError::Assignments(format!(
                    "deleting the assignment in {} failed: {}",
                    key.account_id,
                    Untrusted(&reason)
                )));
            }
            RequestState::InProgress => {}
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(std::time::Duration::from_secs(5));
        status = cloud
            .assignment_deletion_status(instance_arn, &status.request_id)
            .await?;
    }
    Err(ApplyError::Assignments(format!(
        "the deletion of the assignment in {} is still in progress (request {}); re-run `adsso status` later",
        key.account_id,
        Untrusted(&status.request_id)
    )))
}
