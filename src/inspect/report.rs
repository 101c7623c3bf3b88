//! Read-only views for `status` and `destroy`: what exists in AWS for a plan, found the same way
//! apply finds it (name + `adsso:plan` tag), and the deletion of what the plan owns. The views
//! hold AWS's text as received: whoever prints them escapes it ([`crate::text::untrusted`]), as
//! `status` and `destroy` do; serde escapes it in JSON.

use serde::Serialize;

use crate::apply::ApplyError;
use crate::aws::{AwsErrorKind, Cloud, Directory};
use crate::inspect::find::{self, Found};
use crate::plan::Plan;

/// What exists for a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The plan's name.
    pub plan: String,
    /// The credentials' account.
    pub account: String,
    /// The Region.
    pub region: String,
    /// The directory, when it exists.
    pub directory: Option<DirectoryView>,
    /// Each self-managed domain of a trust plan, with its trust when it exists (empty for an AD
    /// Connector plan or before the directory exists).
    pub trusts: Vec<DomainTrustView>,
    /// Conditional forwarders of the Managed AD (`None` when they could not be read).
    pub forwarders: Option<Vec<ForwarderView>>,
    /// Why the forwarders could not be read.
    pub forwarders_error: Option<String>,
    /// The Identity Center instance.
    pub instance: Option<String>,
    /// Groups synced from the directory (the identity source is switched when non-empty).
    pub synced_groups: Vec<String>,
    /// The plan's permission sets, each with what it holds and what apply would change.
    pub permission_sets: Vec<crate::inspect::permission_set_report::PermissionSetView>,
    /// The plan's account assignments, each present or missing.
    pub assignments: Vec<crate::inspect::access_report::AssignmentView>,
}

/// A directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DirectoryView {
    /// `d-` id.
    pub id: String,
    /// DNS name.
    pub name: String,
    /// Type.
    pub kind: String,
    /// Stage.
    pub stage: String,
    /// StageReason.
    pub stage_reason: String,
    /// DNS addresses.
    pub dns_ips: Vec<String>,
    /// Whether the plan created it (tagged) or only uses it.
    pub owned: bool,
}

/// A self-managed domain of the plan and the trust to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DomainTrustView {
    /// The plan's domain.
    pub domain: String,
    /// Its trust, when one exists.
    pub trust: Option<TrustView>,
}

/// A trust.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrustView {
    /// `t-` id.
    pub id: String,
    /// Direction.
    pub direction: String,
    /// Type.
    pub trust_type: String,
    /// State.
    pub state: String,
    /// TrustStateReason.
    pub state_reason: String,
}

/// A conditional forwarder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ForwarderView {
    /// Domain.
    pub remote_domain: String,
    /// Addresses.
    pub dns_ips: Vec<String>,
}

/// Finds the plan's directory: the existing one it names, or the one tagged as its own.
pub async fn plan_directory(
    cloud: &impl Cloud,
    plan: &Plan,
) -> Result<Option<(Directory, bool)>, ApplyError> {
    if let Some(id) = plan.existing_directory() {
        return match cloud.describe_directories(&[id.to_owned()]).await {
            Ok(found) => Ok(found.into_iter().next().map(|d| (d, false))),
            Err(error) if error.kind == AwsErrorKind::DoesNotExist => Ok(None),
            Err(error) => Err(error.into()),
        };
    }
    let name = plan.directory_name().unwrap_or_default();
    let candidates = find::candidates(cloud, name, &plan.metadata.name).await?;
    Ok(match find::decide(candidates, name, &plan.metadata.name)? {
        Found::Owned(directory) => Some((*directory, true)),
        Found::Nothing => None,
    })
}

/// Reads everything `status` shows.
pub async fn report(cloud: &impl Cloud, plan: &Plan) -> Result<Report, ApplyError> {
    let identity = cloud.caller_identity().await?;
    let instance = cloud
        .list_instances()
        .await?
        .into_iter()
        .find(|i| i.status == crate::aws::InstanceStatus::Active);
    let found = plan_directory(cloud, plan).await?;
    let mut report = Report {
        plan: plan.metadata.name.clone(),
        account: identity.account.clone(),
        region: plan.aws.region.clone(),
        directory: None,
        trusts: Vec::new(),
        forwarders: None,
        forwarders_error: None,
        instance: instance.as_ref().map(|i| i.arn.clone()),
        synced_groups: Vec::new(),
        permission_sets: Vec::new(),
        assignments: Vec::new(),
    };
    if let Some(instance) = &instance {
        report.permission_sets =
            crate::inspect::permission_set_report::permission_set_views(cloud, plan, &instance.arn)
                .await?;
    }
    let Some((directory, owned)) = found else {
        return Ok(report);
    };
    if plan.connection.trust.is_some() {
        let trusts = cloud.describe_trusts(&directory.id).await?;
        report.trusts = plan
            .self_managed
            .all()
            .iter()
            .map(|domain| DomainTrustView {
                domain: domain.domain.clone(),
                trust: trusts
                    .iter()
                    .find(|t| t.remote_domain.eq_ignore_ascii_case(&domain.domain))
                    .map(|t| TrustView {
                        id: t.id.clone(),
                        direction: t.direction.clone(),
                        trust_type: t.trust_type.clone(),
                        state: t.state.name().to_owned(),
                        state_reason: t.state_reason.clone(),
                    }),
            })
            .collect();
        match cloud.describe_forwarders(&directory.id).await {
            Ok(list) => {
                report.forwarders = Some(
                    list.into_iter()
                        .map(|f| ForwarderView {
                            remote_domain: f.remote_domain,
                            dns_ips: f.dns_ips,
                        })
                        .collect(),
                );
            }
            Err(error) => report.forwarders_error = Some(error.to_string()),
        }
    }
    if let Some(instance) = &instance {
        let issuer = directory.issuer(&plan.aws.region, &identity.account);
        let groups = cloud.list_groups(&instance.identity_store_id).await?;
        report.synced_groups = groups
            .iter()
            .filter(|g| g.issuers.contains(&issuer))
            .map(|g| g.display_name.clone())
            .collect();
        report.assignments = crate::inspect::access_report::assignment_views(
            cloud,
            plan,
            &instance.arn,
            &groups,
            &issuer,
        )
        .await?;
    }
    report.directory = Some(DirectoryView {
        id: directory.id,
        name: directory.name,
        kind: directory.kind.to_string(),
        stage: directory.stage.name().to_owned(),
        stage_reason: directory.stage_reason,
        dns_ips: directory.dns_ips,
        owned,
    });
    Ok(report)
}

/// What `destroy` removes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removal {
    /// A trust (with its conditional forwarder) of an owned directory.
    Trust {
        /// `t-` id.
        id: String,
        /// The remote domain.
        remote_domain: String,
    },
    /// An owned directory.
    Directory {
        /// `d-` id.
        id: String,
        /// Its name.
        name: String,
    },
}

/// What destroy would remove: only what is tagged as this plan's. An existing directory the
/// plan merely uses is never removed (nor its trusts: trusts carry no tags).
pub async fn removals(cloud: &impl Cloud, plan: &Plan) -> Result<Vec<Removal>, ApplyError> {
    if plan.existing_directory().is_some() {
        return Ok(Vec::new());
    }
    let Some((directory, true)) = plan_directory(cloud, plan).await? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    if plan.connection.trust.is_some() {
        for trust in cloud.describe_trusts(&directory.id).await? {
            out.push(Removal::Trust {
                id: trust.id,
                remote_domain: trust.remote_domain,
            });
        }
    }
    out.push(Removal::Directory {
        id: directory.id,
        name: directory.name,
    });
    Ok(out)
}

/// Removes them, trusts first.
pub async fn remove(cloud: &impl Cloud, removals: &[Removal]) -> Result<(), ApplyError> {
    for removal in removals {
        match removal {
            Removal::Trust { id, .. } => cloud.delete_trust(id).await?,
            Removal::Directory { id, .. } => cloud.delete_directory(id).await?,
        }
    }
    Ok(())
}
