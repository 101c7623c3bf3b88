//! The permission set requests apply makes, built from the plan, and their printable form for
//! `--dry-run`: the same operations with the same parameters as the real calls (an ARN that a dry
//! run cannot know is shown as a placeholder).

use crate::apply::calls;
use crate::apply::events::Call;
use crate::aws::{Boundary, NewPermissionSet, PermissionSetUpdate, PolicyReference, Tag};
use crate::plan::{CustomerManagedPolicy, PermissionSet, Plan, rules};

/// The session duration AWS gives a permission set that sets none.
pub(crate) const DEFAULT_SESSION: &str = "PT1H";

/// `CreatePermissionSet` for a plan permission set.
pub(crate) fn new_set(plan: &Plan, instance: &str, set: &PermissionSet) -> NewPermissionSet {
    NewPermissionSet {
        instance_arn: instance.to_owned(),
        name: set.name.clone(),
        description: set
            .description
            .clone()
            .unwrap_or_else(|| calls::permission_set_description(plan)),
        session_duration: set
            .session_duration
            .clone()
            .unwrap_or_else(|| DEFAULT_SESSION.to_owned()),
        relay_state: set.relay_state.clone(),
        tags: set_tags(plan, set),
    }
}

/// The tags a new permission set gets: the plan's, `adsso:plan`, and the set's own (which win
/// over a plan tag of the same key).
pub(crate) fn set_tags(plan: &Plan, set: &PermissionSet) -> Vec<Tag> {
    let mut tags: Vec<Tag> = calls::tags(plan)
        .into_iter()
        .filter(|tag| !set.tags.contains_key(&tag.key))
        .collect();
    tags.extend(set.tags.iter().map(|(key, value)| Tag {
        key: key.clone(),
        value: value.clone(),
    }));
    tags.sort();
    tags
}

/// A plan's customer managed policy as the reference AWS keeps.
pub(crate) fn reference(policy: &CustomerManagedPolicy) -> PolicyReference {
    PolicyReference {
        name: policy.name.clone(),
        path: policy.path().to_owned(),
    }
}

/// The plan's permissions boundary of `set`, as AWS keeps it.
pub(crate) fn boundary(set: &PermissionSet) -> Option<Boundary> {
    let boundary = set.permissions_boundary.as_ref()?;
    match (
        &boundary.managed_policy_arn,
        &boundary.customer_managed_policy,
    ) {
        (Some(arn), _) => Some(Boundary::Managed(arn.clone())),
        (None, Some(policy)) => Some(Boundary::Customer(reference(policy))),
        (None, None) => None,
    }
}

/// `key=value, ...`, as a dry run shows tags.
fn shown_tags(tags: &[Tag]) -> String {
    tags.iter()
        .map(|tag| format!("{}={}", tag.key, tag.value))
        .collect::<Vec<_>>()
        .join(", ")
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
    let mut params = vec![
        ("InstanceArn", request.instance_arn.clone()),
        ("Name", request.name.clone()),
        ("Description", request.description.clone()),
        ("SessionDuration", request.session_duration.clone()),
    ];
    if let Some(relay) = &request.relay_state {
        params.push(("RelayState", relay.clone()));
    }
    params.push(("Tags", shown_tags(&request.tags)));
    sso("CreatePermissionSet", params)
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

/// The dry-run form of `UpdatePermissionSet` with the values it changes.
pub(crate) fn update(instance: &str, arn: &str, update: &PermissionSetUpdate) -> Call {
    let mut params = vec![
        ("InstanceArn", instance.to_owned()),
        ("PermissionSetArn", arn.to_owned()),
    ];
    let given = [
        ("SessionDuration", &update.session_duration),
        ("Description", &update.description),
        ("RelayState", &update.relay_state),
    ];
    params.extend(
        given
            .into_iter()
            .filter_map(|(name, value)| value.clone().map(|value| (name, value))),
    );
    sso("UpdatePermissionSet", params)
}

/// The dry-run form of attaching or detaching a customer managed policy reference.
pub(crate) fn customer_policy(
    operation: &'static str,
    instance: &str,
    arn: &str,
    policy: &PolicyReference,
) -> Call {
    sso(
        operation,
        vec![
            ("InstanceArn", instance.to_owned()),
            ("PermissionSetArn", arn.to_owned()),
            (
                "CustomerManagedPolicyReference",
                format!("Name={}, Path={}", policy.name, policy.path),
            ),
        ],
    )
}

/// The dry-run form of `PutPermissionsBoundaryToPermissionSet`.
pub(crate) fn put_boundary(instance: &str, arn: &str, boundary: &Boundary) -> Call {
    let shown = match boundary {
        Boundary::Managed(policy) => format!("ManagedPolicyArn={policy}"),
        Boundary::Customer(policy) => format!(
            "CustomerManagedPolicyReference=(Name={}, Path={})",
            policy.name, policy.path
        ),
    };
    sso(
        "PutPermissionsBoundaryToPermissionSet",
        vec![
            ("InstanceArn", instance.to_owned()),
            ("PermissionSetArn", arn.to_owned()),
            ("PermissionsBoundary", shown),
        ],
    )
}

/// The dry-run form of `DeletePermissionsBoundaryFromPermissionSet`.
pub(crate) fn delete_boundary(instance: &str, arn: &str) -> Call {
    sso(
        "DeletePermissionsBoundaryFromPermissionSet",
        vec![
            ("InstanceArn", instance.to_owned()),
            ("PermissionSetArn", arn.to_owned()),
        ],
    )
}

/// The dry-run form of `TagResource` on a permission set.
pub(crate) fn tag(instance: &str, arn: &str, tags: &[Tag]) -> Call {
    sso(
        "TagResource",
        vec![
            ("InstanceArn", instance.to_owned()),
            ("ResourceArn", arn.to_owned()),
            ("Tags", shown_tags(tags)),
        ],
    )
}

/// The dry-run form of `UntagResource` on a permission set.
pub(crate) fn untag(instance: &str, arn: &str, keys: &[String]) -> Call {
    sso(
        "UntagResource",
        vec![
            ("InstanceArn", instance.to_owned()),
            ("ResourceArn", arn.to_owned()),
            ("TagKeys", keys.join(",")),
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

/// Every call that creating `set` makes, in order: the set, its managed policies, its customer
/// managed policies, its permissions boundary, its inline policy.
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
    for customer in &set.customer_managed_policies {
        out.push(customer_policy(
            ATTACH_CUSTOMER,
            instance,
            arn,
            &reference(customer),
        ));
    }
    if let Some(boundary) = boundary(set) {
        out.push(put_boundary(instance, arn, &boundary));
    }
    if let Some(document) = &set.inline_policy {
        out.push(put_inline(instance, arn, document));
    }
    out
}

/// `AttachCustomerManagedPolicyReferenceToPermissionSet`.
pub(crate) const ATTACH_CUSTOMER: &str = "AttachCustomerManagedPolicyReferenceToPermissionSet";
/// `DetachCustomerManagedPolicyReferenceFromPermissionSet`.
pub(crate) const DETACH_CUSTOMER: &str = "DetachCustomerManagedPolicyReferenceFromPermissionSet";
