//! The permission set requests apply makes, built from the plan, and their printable form for
//! `--dry-run`: the same operations with the same parameters as the real calls (an ARN that a dry
//! run cannot know is shown as a placeholder).

use crate::apply::calls;
use crate::apply::events::Call;
use crate::aws::NewPermissionSet;
use crate::plan::{PermissionSet, Plan, rules};

/// The session duration AWS gives a permission set that sets none.
pub(crate) const DEFAULT_SESSION: &str = "PT1H";

/// `CreatePermissionSet` for a plan permission set.
pub(crate) fn new_set(plan: &Plan, instance: &str, set: &PermissionSet) -> NewPermissionSet {
    NewPermissionSet {
        instance_arn: instance.to_owned(),
        name: set.name.clone(),
        description: calls::permission_set_description(plan),
        session_duration: set
            .session_duration
            .clone()
            .unwrap_or_else(|| DEFAULT_SESSION.to_owned()),
        tags: calls::tags(plan),
    }
}

fn sso(operation: &'static str, params: Vec<(&'static str, String)>) -> Call {
    Call {
        service: "sso-admin",
        operation,
        params,
    }
}

/// The dry-run form of `CreatePermissionSet`.
pub(crate) fn create(request: &NewPermissionSet) -> Call {
    let tags = request
        .tags
        .iter()
        .map(|tag| format!("{}={}", tag.key, tag.value))
        .collect::<Vec<_>>()
        .join(", ");
    sso(
        "CreatePermissionSet",
        vec![
            ("InstanceArn", request.instance_arn.clone()),
            ("Name", request.name.clone()),
            ("Description", request.description.clone()),
            ("SessionDuration", request.session_duration.clone()),
            ("Tags", tags),
        ],
    )
}

/// The dry-run form of attaching or detaching an AWS managed policy.
pub(crate) fn policy(operation: &'static str, instance: &str, arn: &str, policy: &str) -> Call {
    sso(
        operation,
        vec![
            ("InstanceArn", instance.to_owned()),
            ("PermissionSetArn", arn.to_owned()),
            ("ManagedPolicyArn", policy.to_owned()),
        ],
    )
}

/// The dry-run form of `PutInlinePolicyToPermissionSet`: the document on one line (compact JSON
/// when it parses).
pub(crate) fn put_inline(instance: &str, arn: &str, document: &str) -> Call {
    let shown = rules::inline_policy(document)
        .ok()
        .and_then(|value| serde_json::to_string(&value).ok())
        .unwrap_or_else(|| document.split_whitespace().collect::<Vec<_>>().join(" "));
    sso(
        "PutInlinePolicyToPermissionSet",
        vec![
            ("InstanceArn", instance.to_owned()),
            ("PermissionSetArn", arn.to_owned()),
            ("InlinePolicy", shown),
        ],
    )
}

/// The dry-run form of `UpdatePermissionSet` (session duration).
pub(crate) fn update_session(instance: &str, arn: &str, duration: &str) -> Call {
    sso(
        "UpdatePermissionSet",
        vec![
            ("InstanceArn", instance.to_owned()),
            ("PermissionSetArn", arn.to_owned()),
            ("SessionDuration", duration.to_owned()),
        ],
    )
}

/// The dry-run form of `DeleteInlinePolicyFromPermissionSet`.
pub(crate) fn delete_inline(instance: &str, arn: &str) -> Call {
    sso(
        "DeleteInlinePolicyFromPermissionSet",
        vec![
            ("InstanceArn", instance.to_owned()),
            ("PermissionSetArn", arn.to_owned()),
        ],
    )
}

/// The dry-run form of `ProvisionPermissionSet` to the accounts it is in.
pub(crate) fn provision(instance: &str, arn: &str) -> Call {
    sso(
        "ProvisionPermissionSet",
        vec![
            ("InstanceArn", instance.to_owned()),
            ("PermissionSetArn", arn.to_owned()),
            ("TargetType", "ALL_PROVISIONED_ACCOUNTS".to_owned()),
        ],
    )
}

/// Every call that creating `set` makes, in order: the set, its managed policies, its inline
/// policy.
pub(crate) fn creation(plan: &Plan, instance: &str, arn: &str, set: &PermissionSet) -> Vec<Call> {
    let mut out = vec![create(&new_set(plan, instance, set))];
    for managed in &set.managed_policies {
        out.push(policy(
            "AttachManagedPolicyToPermissionSet",
            instance,
            arn,
            managed,
        ));
    }
    if let Some(document) = &set.inline_policy {
        out.push(put_inline(instance, arn, document));
    }
    out
}
