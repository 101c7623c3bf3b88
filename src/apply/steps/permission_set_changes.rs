//! What an existing permission set holds ([`Current`], read through the aws traits) and what
//! must change for it to match the plan ([`changes`], pure): settings, AWS managed and customer
//! managed policies, the permissions boundary, the inline policy and tags. Shared by apply
//! (which makes the changes) and status (which lists them).

use std::collections::BTreeSet;

use crate::apply::events::Call;
use crate::apply::permission_set_calls as psc;
use crate::apply::throughput::{Pace, paced};
use crate::aws::{
    AwsError, Boundary, Cloud, PermissionSetInfo, PermissionSetUpdate, PolicyReference, Tag,
};
use crate::plan::rules::PLAN_TAG;
use crate::plan::{PermissionSet, Plan, rules};

/// What an existing permission set holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Current {
    /// `DescribePermissionSet`.
    pub info: PermissionSetInfo,
    /// AWS managed policy ARNs attached.
    pub managed: Vec<String>,
    /// Customer managed policy references attached.
    pub customer: Vec<PolicyReference>,
    /// Its permissions boundary.
    pub boundary: Option<Boundary>,
    /// Its inline policy.
    pub inline: Option<String>,
    /// Its tags.
    pub tags: Vec<Tag>,
}

impl Current {
    /// A set known by its description only (what a dry run that cannot read assumes).
    pub fn bare(info: PermissionSetInfo) -> Self {
        Self {
            info,
            managed: Vec::new(),
            customer: Vec::new(),
            boundary: None,
            inline: None,
            tags: Vec::new(),
        }
    }
}

/// Reads what the permission set `info` holds: five reads at once, each taking its turn in
/// `pace` (Identity Center's call budget).
pub async fn read_current<C: Cloud>(
    cloud: &C,
    instance: &str,
    info: &PermissionSetInfo,
    pace: &Pace,
) -> Result<Current, AwsError> {
    let arn = info.arn.as_str();
    let (managed, customer, boundary, inline, tags) = futures_util::future::try_join5(
        paced(pace, cloud.list_managed_policies(instance, arn)),
        paced(pace, cloud.list_customer_policies(instance, arn)),
        paced(pace, cloud.permissions_boundary(instance, arn)),
        paced(pace, cloud.inline_policy(instance, arn)),
        paced(pace, cloud.permission_set_tags(instance, arn)),
    )
    .await?;
    Ok(Current {
        info: info.clone(),
        managed,
        customer,
        boundary,
        inline,
        tags,
    })
}

/// One change to an existing permission set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// `UpdatePermissionSet` with the values that differ.
    Update(PermissionSetUpdate),
    /// Attach an AWS managed policy.
    Attach(String),
    /// Detach an AWS managed policy the plan does not list.
    Detach(String),
    /// Attach a customer managed policy reference.
    AttachCustomer(PolicyReference),
    /// Detach a customer managed policy reference the plan does not list.
    DetachCustomer(PolicyReference),
    /// Set the permissions boundary.
    PutBoundary(Boundary),
    /// Remove a permissions boundary the plan does not give.
    DeleteBoundary,
    /// Put the inline policy.
    PutInline(String),
    /// Remove an inline policy the plan does not give.
    DeleteInline,
    /// Add the plan's tags that are missing or have another value.
    Tag(Vec<Tag>),
    /// Remove the tags the plan no longer gives (only on a set this plan created).
    Untag(Vec<String>),
}

/// What must change on the existing set `current` for it to match `plan`'s `set`, in the
/// order apply makes the changes. A description or relay state the plan does not give is left
/// as it is (AWS cannot remove one); policies and the boundary are the plan's alone; tags, see
/// [`tag_changes`].
pub fn changes(plan: &Plan, set: &PermissionSet, current: &Current) -> Vec<Change> {
    let mut out = Vec::new();
    let differs = |wanted: &Option<String>, now: &Option<String>| {
        wanted
            .as_ref()
            .filter(|wanted| now.as_ref() != Some(*wanted))
            .cloned()
    };
    let update = PermissionSetUpdate {
        session_duration: differs(&set.session_duration, &current.info.session_duration),
        description: differs(&set.description, &current.info.description),
        relay_state: differs(&set.relay_state, &current.info.relay_state),
    };
    if update != PermissionSetUpdate::default() {
        out.push(Change::Update(update));
    }
    let managed = &set.managed_policies;
    out.extend(
        managed
            .iter()
            .filter(|p| !current.managed.contains(p))
            .map(|p| Change::Attach(p.clone())),
    );
    out.extend(
        current
            .managed
            .iter()
            .filter(|p| !managed.contains(p))
            .map(|p| Change::Detach(p.clone())),
    );
    let wanted: BTreeSet<PolicyReference> = set
        .customer_managed_policies
        .iter()
        .map(psc::reference)
        .collect();
    let attached: BTreeSet<PolicyReference> = current.customer.iter().cloned().collect();
    out.extend(
        wanted
            .difference(&attached)
            .cloned()
            .map(Change::AttachCustomer),
    );
    out.extend(
        attached
            .difference(&wanted)
            .cloned()
            .map(Change::DetachCustomer),
    );
    match (psc::boundary(set), &current.boundary) {
        (Some(wanted), now) if now.as_ref() != Some(&wanted) => {
            out.push(Change::PutBoundary(wanted));
        }
        (None, Some(_)) => out.push(Change::DeleteBoundary),
        _ => {}
    }
    match (&set.inline_policy, &current.inline) {
        (Some(wanted), Some(now)) if !same_policy(wanted, now) => {
            out.push(Change::PutInline(wanted.clone()));
        }
        (Some(wanted), None) => out.push(Change::PutInline(wanted.clone())),
        (None, Some(_)) => out.push(Change::DeleteInline),
        _ => {}
    }
    out.extend(tag_changes(plan, set, &current.tags));
    out
}

/// The tag changes of a set whose tags are `now`. A set this plan created (tagged
/// `adsso:plan=<metadata.name>`) converges to the tags it was created with: the plan's, the
/// set's own, `adsso:plan`; any other key is removed, except AWS's reserved `aws:` keys. A set
/// the plan found by name only gets the set's own tags: apply neither claims it nor removes
/// what others put on it.
fn tag_changes(plan: &Plan, set: &PermissionSet, now: &[Tag]) -> Vec<Change> {
    let owned = now
        .iter()
        .any(|tag| tag.key == PLAN_TAG && tag.value == plan.metadata.name);
    let wanted: Vec<Tag> = match owned {
        true => psc::set_tags(plan, set),
        false => set
            .tags
            .iter()
            .map(|(key, value)| Tag {
                key: key.clone(),
                value: value.clone(),
            })
            .collect(),
    };
    let mut out = Vec::new();
    let missing: Vec<Tag> = wanted
        .iter()
        .filter(|t| !now.contains(t))
        .cloned()
        .collect();
    if !missing.is_empty() {
        out.push(Change::Tag(missing));
    }
    let stale: Vec<String> = now
        .iter()
        .filter(|tag| owned && !tag.key.starts_with("aws:"))
        .filter(|tag| !wanted.iter().any(|w| w.key == tag.key))
        .map(|tag| tag.key.clone())
        .collect();
    if !stale.is_empty() {
        out.push(Change::Untag(stale));
    }
    out
}

/// Two policy documents say the same (compared as JSON, not as text).
fn same_policy(wanted: &str, current: &str) -> bool {
    match (
        rules::inline_policy(wanted),
        serde_json::from_str::<serde_json::Value>(current),
    ) {
        (Ok(wanted), Ok(current)) => wanted == current,
        _ => wanted == current,
    }
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Change::Update(update) => {
                let mut parts = Vec::new();
                if let Some(duration) = &update.session_duration {
                    parts.push(format!("session duration {duration}"));
                }
                if update.description.is_some() {
                    parts.push("description".to_owned());
                }
                if let Some(relay) = &update.relay_state {
                    parts.push(format!("relay state {relay}"));
                }
                f.write_str(&parts.join(", "))
            }
            Change::Attach(policy) => write!(f, "attach {policy}"),
            Change::Detach(policy) => write!(f, "detach {policy}"),
            Change::AttachCustomer(policy) => write!(f, "attach customer managed {policy}"),
            Change::DetachCustomer(policy) => write!(f, "detach customer managed {policy}"),
            Change::PutBoundary(boundary) => write!(f, "permissions boundary {boundary}"),
            Change::DeleteBoundary => f.write_str("delete the permissions boundary"),
            Change::PutInline(_) => f.write_str("inline policy"),
            Change::DeleteInline => f.write_str("delete the inline policy"),
            Change::Tag(tags) => {
                let keys: Vec<&str> = tags.iter().map(|tag| tag.key.as_str()).collect();
                write!(f, "tags {}", keys.join(", "))
            }
            Change::Untag(keys) => write!(f, "remove tags {}", keys.join(", ")),
        }
    }
}

impl Change {
    /// Whether the accounts the set is provisioned to need it provisioned again: every change
    /// but a description or tags alters the roles Identity Center made from it.
    pub fn needs_provisioning(&self) -> bool {
        match self {
            Change::Update(update) => {
                update.session_duration.is_some() || update.relay_state.is_some()
            }
            Change::Tag(_) | Change::Untag(_) => false,
            _ => true,
        }
    }

    /// The call, as a dry run shows it.
    pub(crate) fn call(&self, instance: &str, arn: &str) -> Call {
        match self {
            Change::Update(update) => psc::update(instance, arn, update),
            Change::Attach(policy) => {
                psc::policy("AttachManagedPolicyToPermissionSet", instance, arn, policy)
            }
            Change::Detach(policy) => psc::policy(
                "DetachManagedPolicyFromPermissionSet",
                instance,
                arn,
                policy,
            ),
            Change::AttachCustomer(policy) => {
                psc::customer_policy(psc::ATTACH_CUSTOMER, instance, arn, policy)
            }
            Change::DetachCustomer(policy) => {
                psc::customer_policy(psc::DETACH_CUSTOMER, instance, arn, policy)
            }
            Change::PutBoundary(boundary) => psc::put_boundary(instance, arn, boundary),
            Change::DeleteBoundary => psc::delete_boundary(instance, arn),
            Change::PutInline(policy) => psc::put_inline(instance, arn, policy),
            Change::DeleteInline => psc::delete_inline(instance, arn),
            Change::Tag(tags) => psc::tag(instance, arn, tags),
            Change::Untag(keys) => psc::untag(instance, arn, keys),
        }
    }

    /// Makes the change.
    pub(crate) async fn make<C: Cloud>(
        &self,
        cloud: &C,
        instance: &str,
        arn: &str,
    ) -> Result<(), AwsError> {
        match self {
            Change::Update(update) => cloud.update_permission_set(instance, arn, update).await,
            Change::Attach(policy) => cloud.attach_managed_policy(instance, arn, policy).await,
            Change::Detach(policy) => cloud.detach_managed_policy(instance, arn, policy).await,
            Change::AttachCustomer(policy) => {
                cloud.attach_customer_policy(instance, arn, policy).await
            }
            Change::DetachCustomer(policy) => {
                cloud.detach_customer_policy(instance, arn, policy).await
            }
            Change::PutBoundary(boundary) => {
                cloud
                    .put_permissions_boundary(instance, arn, boundary)
                    .await
            }
            Change::DeleteBoundary => cloud.delete_permissions_boundary(instance, arn).await,
            Change::PutInline(policy) => cloud.put_inline_policy(instance, arn, policy).await,
            Change::DeleteInline => cloud.delete_inline_policy(instance, arn).await,
            Change::Untag(keys) => cloud.untag_permission_set(instance, arn, keys).await,
            Change::Tag(tags) => cloud.tag_permission_set(instance, arn, tags).await,
        }
    }
}

#[cfg(test)]
#[path = "permission_set_changes_tests.rs"]
mod tests;
