//! Which passwords a run of apply still needs, from what already exists (read-only): a resumed
//! apply asks for nothing whose resource is there (the Managed AD's Admin password once the
//! directory exists, the AD Connector's service account once the connector exists, a domain's
//! trust password once its trust exists). Reading first, rather than asking right before the
//! step, keeps every question before the one confirmation and before anything is created. When
//! AWS cannot be read, every password is needed (apply then reports the read error itself).

use crate::aws::{DirectoryApi, TrustState};
use crate::inspect::find::{self, Found};
use crate::plan::{Plan, SecretSlot, secret_slots};

/// The plan's secret slots whose resource does not exist yet.
async fn needed_slots(plan: &Plan, cloud: &impl DirectoryApi) -> Vec<SecretSlot> {
    let slots: Vec<SecretSlot> = secret_slots(plan).into_iter().map(|(s, _)| s).collect();
    let directory = match plan.existing_directory() {
        Some(id) => Some(id.to_owned()),
        None => owned_directory(plan, cloud).await,
    };
    let Some(directory) = directory else {
        return slots;
    };
    let trusted: Vec<bool> = match cloud.describe_trusts(&directory).await {
        Ok(trusts) => plan
            .self_managed
            .all()
            .iter()
            .map(|domain| {
                trusts.iter().any(|t| {
                    t.remote_domain.eq_ignore_ascii_case(&domain.domain)
                        && !matches!(t.state, TrustState::Deleting(_) | TrustState::Failed(_))
                })
            })
            .collect(),
        Err(_) => vec![false; plan.self_managed.len()],
    };
    let has_own = |index: usize| {
        plan.self_managed
            .all()
            .get(index)
            .and_then(|d| d.trust.as_ref())
            .and_then(|t| t.password.as_ref())
            .is_some()
    };
    slots
        .into_iter()
        .filter(|slot| match slot {
            SecretSlot::ServiceAccount | SecretSlot::Admin => false,
            SecretSlot::DomainTrust(index) => !trusted.get(*index).copied().unwrap_or(false),
            SecretSlot::Trust => trusted
                .iter()
                .enumerate()
                .any(|(index, done)| !has_own(index) && !done),
        })
        .collect()
}

/// The slots of `open` still needed once what exists is read: a password whose resource is
/// there is dropped. Reads nothing when `open` is empty.
pub async fn still_needed(
    plan: &Plan,
    cloud: &impl DirectoryApi,
    open: Vec<SecretSlot>,
) -> Vec<SecretSlot> {
    if open.is_empty() {
        return open;
    }
    let needed = needed_slots(plan, cloud).await;
    open.into_iter()
        .filter(|slot| needed.contains(slot))
        .collect()
}

/// The id of the directory this plan created, if it exists (and can be read).
async fn owned_directory(plan: &Plan, cloud: &impl DirectoryApi) -> Option<String> {
    let name = plan.directory_name()?;
    let candidates = find::candidates(cloud, name, &plan.metadata.name)
        .await
        .ok()?;
    match find::decide(candidates, name, &plan.metadata.name) {
        Ok(Found::Owned(directory)) => Some(directory.id),
        _ => None,
    }
}
