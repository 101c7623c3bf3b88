//! The plan's permission sets as they stand in Identity Center, for `status`: found or missing,
//! what they hold of the fields apply converges (description, relay state, customer managed
//! policies, permissions boundary, tags) and the changes apply would make (the same comparison
//! apply uses, [`crate::apply::steps::permission_set_changes`]). The views hold AWS's text as
//! received; their printers escape it.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::apply::ApplyError;
use crate::apply::steps::permission_set_changes::{changes, read_current};
use crate::aws::Cloud;
use crate::plan::Plan;

/// Where one plan permission set stands; serialized (`status --output json`) and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PermissionSetState {
    /// It exists and holds what the plan says.
    #[serde(rename = "up to date")]
    UpToDate,
    /// It exists; apply would change it.
    #[serde(rename = "differs")]
    Differs,
    /// It does not exist (apply creates it).
    #[serde(rename = "missing")]
    Missing,
    /// `existing: true`: it exists and is only referenced.
    #[serde(rename = "existing")]
    Existing,
    /// `existing: true` but not found (apply stops there).
    #[serde(rename = "existing, not found")]
    ExistingNotFound,
}

impl std::fmt::Display for PermissionSetState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PermissionSetState::UpToDate => "up to date",
            PermissionSetState::Differs => "differs",
            PermissionSetState::Missing => "missing",
            PermissionSetState::Existing => "existing",
            PermissionSetState::ExistingNotFound => "existing, not found",
        })
    }
}

/// One plan permission set and what Identity Center holds for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PermissionSetView {
    /// The plan's name.
    pub name: String,
    /// Where it stands.
    pub state: PermissionSetState,
    /// The changes apply would make, in words (empty unless it differs).
    pub pending: Vec<String>,
    /// Its description.
    pub description: Option<String>,
    /// Its relay state.
    pub relay_state: Option<String>,
    /// Its customer managed policies, as `path` + `name`.
    pub customer_managed_policies: Vec<String>,
    /// Its permissions boundary, in words.
    pub permissions_boundary: Option<String>,
    /// Its tags, as `key=value`.
    pub tags: Vec<String>,
}

impl PermissionSetView {
    fn bare(name: &str, state: PermissionSetState) -> Self {
        Self {
            name: name.to_owned(),
            state,
            pending: Vec::new(),
            description: None,
            relay_state: None,
            customer_managed_policies: Vec::new(),
            permissions_boundary: None,
            tags: Vec::new(),
        }
    }
}

/// Reads every plan permission set of the instance `instance_arn`.
pub async fn permission_set_views(
    cloud: &impl Cloud,
    plan: &Plan,
    instance_arn: &str,
) -> Result<Vec<PermissionSetView>, ApplyError> {
    let Some(center) = &plan.identity_center else {
        return Ok(Vec::new());
    };
    if center.permission_sets.is_empty() {
        return Ok(Vec::new());
    }
    let mut by_name = BTreeMap::new();
    for arn in cloud.list_permission_sets(instance_arn).await? {
        let info = cloud.describe_permission_set(instance_arn, &arn).await?;
        by_name.insert(info.name.clone(), info);
    }
    let pace = crate::apply::assignments::pace();
    let mut views = Vec::new();
    for set in &center.permission_sets {
        let view = match (by_name.get(&set.name), set.existing) {
            (None, true) => {
                PermissionSetView::bare(&set.name, PermissionSetState::ExistingNotFound)
            }
            (None, false) => PermissionSetView::bare(&set.name, PermissionSetState::Missing),
            (Some(_), true) => PermissionSetView::bare(&set.name, PermissionSetState::Existing),
            (Some(info), false) => {
                let current = read_current(cloud, instance_arn, info, &pace).await?;
                let pending: Vec<String> = changes(plan, set, &current)
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                PermissionSetView {
                    name: set.name.clone(),
                    state: if pending.is_empty() {
                        PermissionSetState::UpToDate
                    } else {
                        PermissionSetState::Differs
                    },
                    pending,
                    description: current.info.description,
                    relay_state: current.info.relay_state,
                    customer_managed_policies: current
                        .customer
                        .iter()
                        .map(ToString::to_string)
                        .collect(),
                    permissions_boundary: current.boundary.map(|b| b.to_string()),
                    tags: sorted_tags(&current.tags),
                }
            }
        };
        views.push(view);
    }
    Ok(views)
}

/// `key=value` for each tag, sorted by key.
fn sorted_tags(tags: &[crate::aws::Tag]) -> Vec<String> {
    let mut tags = tags.to_vec();
    tags.sort();
    tags.iter()
        .map(|tag| format!("{}={}", tag.key, tag.value))
        .collect()
}
