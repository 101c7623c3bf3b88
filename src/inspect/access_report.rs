//! The plan's account assignments as they stand in Identity Center, for `status` (present or
//! missing, and why) and `destroy --include-assignments` (what to delete). The views hold names
//! as received; their printers escape them. AWS's failure reasons are escaped here.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::apply::ApplyError;
use crate::apply::assignments::{GroupMatch, match_group};
use crate::apply::throughput::{list_each, with_retries};
use crate::aws::{AssignmentKey, Cloud, Group, RequestState};
use crate::plan::Plan;

/// Where one plan assignment stands; serialized (`status --output json`) and shown as its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum AssignmentState {
    /// The assignment exists.
    #[serde(rename = "present")]
    Present,
    /// The group and permission set exist, the assignment does not.
    #[serde(rename = "missing")]
    Missing,
    /// The plan's group is not (yet) in the identity store.
    #[serde(rename = "group not synced")]
    GroupNotSynced,
    /// A group of that name exists but was not synced from the plan's directory.
    #[serde(rename = "group from another source")]
    GroupFromOtherSource,
    /// With several domains, the bare group name is found in more than one of them.
    #[serde(rename = "group in several domains")]
    GroupInSeveralDomains,
    /// The plan's permission set does not exist.
    #[serde(rename = "permission set missing")]
    PermissionSetMissing,
}

impl AssignmentState {
    /// The state in words, as `status` shows and serializes it.
    pub fn words(self) -> &'static str {
        match self {
            AssignmentState::Present => "present",
            AssignmentState::Missing => "missing",
            AssignmentState::GroupNotSynced => "group not synced",
            AssignmentState::GroupFromOtherSource => "group from another source",
            AssignmentState::GroupInSeveralDomains => "group in several domains",
            AssignmentState::PermissionSetMissing => "permission set missing",
        }
    }
}

impl std::fmt::Display for AssignmentState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.words())
    }
}

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
    /// Where it stands.
    pub state: AssignmentState,
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
    let matches: BTreeMap<String, GroupMatch> = plan
        .assignment_groups()
        .into_iter()
        .map(|name| (name.clone(), match_group(plan, groups, name, issuer)))
        .collect();
    let ids: BTreeSet<String> = matches
        .values()
        .filter_map(|found| match found {
            GroupMatch::Found { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect();
    // Every group's listing at once, each page within Identity Center's call rate.
    let pace = crate::apply::assignments::pace();
    let mut existing = BTreeSet::new();
    for listed in list_each(cloud, &pace, instance_arn, ids)
        .await
        .into_values()
    {
        existing.extend(listed?);
    }
    let resolved = resolved_accounts(cloud, plan).await?;
    let mut views = Vec::new();
    for (assignment, accounts) in ic.assignments.iter().zip(resolved) {
        for account in &accounts {
            let set = set_arns.get(&assignment.permission_set);
            let (state, key) = match (matches.get(&assignment.group), set) {
                (Some(GroupMatch::Missing) | None, _) => (AssignmentState::GroupNotSynced, None),
                (Some(GroupMatch::OtherSource(_)), _) => {
                    (AssignmentState::GroupFromOtherSource, None)
                }
                (Some(GroupMatch::Ambiguous(_)), _) => {
                    (AssignmentState::GroupInSeveralDomains, None)
                }
                (Some(GroupMatch::Found { .. }), None) => {
                    (AssignmentState::PermissionSetMissing, None)
                }
                (Some(GroupMatch::Found { id, .. }), Some(arn)) => {
                    let key = AssignmentKey {
                        account_id: account.clone(),
                        permission_set_arn: arn.clone(),
                        group_id: id.clone(),
                    };
                    let state = if existing.contains(&key) {
                        AssignmentState::Present
                    } else {
                        AssignmentState::Missing
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

/// Each assignment's accounts: as listed, or, when the plan targets OUs, resolved through AWS
/// Organizations as apply resolves them (without the delegated administrator's rule: status
/// shows what the plan targets).
async fn resolved_accounts(
    cloud: &impl Cloud,
    plan: &Plan,
) -> Result<Vec<Vec<String>>, ApplyError> {
    let assignments = plan.assignments();
    if assignments
        .iter()
        .all(|a| a.organizational_units.is_empty())
    {
        return Ok(assignments.iter().map(|a| a.accounts.clone()).collect());
    }
    let view = crate::inspect::targets::read(cloud, plan).await?;
    Ok(assignments
        .iter()
        .map(|a| crate::inspect::targets::resolve(a, &view, None).accounts)
        .collect())
}

/// How long a deletion call is retried after throttling or a write conflict.
const DELETE_RETRY_WINDOW: std::time::Duration = std::time::Duration::from_secs(60);

/// Deletes one assignment and waits (briefly polling) until AWS reports the deletion done. A
/// throttled call or a concurrent write (sso-admin `ConflictException`) is retried with backoff,
/// within Identity Center's call budget, as apply's creations are.
pub async fn delete_assignment(
    cloud: &impl Cloud,
    instance_arn: &str,
    key: &AssignmentKey,
) -> Result<(), ApplyError> {
    let pace = crate::apply::assignments::pace();
    let deadline = tokio::time::Instant::now() + DELETE_RETRY_WINDOW;
    let mut status = with_retries(&pace, deadline, || {
        cloud.delete_assignment(instance_arn, key)
    })
    .await?;
    let mut pause = std::time::Duration::from_millis(200);
    for _ in 0..60 {
        match status.state {
            RequestState::Succeeded => return Ok(()),
            RequestState::Failed(reason) => {
                return Err(ApplyError::AssignmentDeletionFailed {
                    account: key.account_id.clone(),
                    reason,
                });
            }
            RequestState::InProgress => {}
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(std::time::Duration::from_secs(5));
        status = cloud
            .assignment_deletion_status(instance_arn, &status.request_id)
            .await?;
    }
    Err(ApplyError::AssignmentDeletionPending {
        account: key.account_id.clone(),
        request: status.request_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_state_serializes_and_shows_as_the_words_status_always_printed() {
        let view = AssignmentView {
            group: "G".to_owned(),
            permission_set: "P".to_owned(),
            account: "111122223333".to_owned(),
            state: AssignmentState::Present,
            key: None,
        };
        let json = serde_json::to_value(&view).unwrap_or_default();
        assert_eq!(json["state"], "present");
        for state in [
            AssignmentState::Present,
            AssignmentState::Missing,
            AssignmentState::GroupNotSynced,
            AssignmentState::GroupFromOtherSource,
            AssignmentState::GroupInSeveralDomains,
            AssignmentState::PermissionSetMissing,
        ] {
            let json = serde_json::to_value(state).unwrap_or_default();
            assert_eq!(json, state.words(), "{state:?}");
            assert_eq!(state.to_string(), state.words());
        }
    }
}
