//! The guards that run before anything is created: the credentials' account, the Identity
//! Center instance, and the subnets of the plan.

use crate::apply::calls;
use crate::apply::executor::{Executor, StepEnd};
use crate::apply::{ApplyError, Reporter};
use crate::aws::{AccountApi, AwsErrorKind, CallerIdentity, Cloud, InstanceStatus};
use crate::plan::Plan;

/// The account guard: the credentials' account must be the plan's `aws.accountId` when the plan
/// sets one.
pub fn account_matches(plan: &Plan, actual: &str) -> Result<(), ApplyError> {
    match &plan.aws.account_id {
        Some(expected) if expected != actual => Err(ApplyError::WrongAccount {
            expected: expected.clone(),
            actual: actual.to_owned(),
        }),
        _ => Ok(()),
    }
}

/// Reads the credentials' account and applies [`account_matches`]: what `destroy` runs before it
/// lists or deletes anything, with apply's error.
pub async fn checked_account(
    cloud: &impl AccountApi,
    plan: &Plan,
) -> Result<CallerIdentity, ApplyError> {
    let identity = cloud.caller_identity().await?;
    account_matches(plan, &identity.account)?;
    Ok(identity)
}

impl<C: Cloud, R: Reporter> Executor<'_, C, R> {
    pub(crate) async fn check_account(&mut self) -> Result<StepEnd, ApplyError> {
        let cloud = self.cloud();
        let Some(identity) = self.read(cloud.caller_identity()).await? else {
            return Ok(StepEnd::Done("not checked (no credentials)".to_owned()));
        };
        account_matches(self.plan(), &identity.account)?;
        let note = format!("account {} ({})", identity.account, identity.arn);
        self.found.account = Some(identity.account);
        Ok(StepEnd::Done(note))
    }

    pub(crate) async fn check_instance(&mut self) -> Result<StepEnd, ApplyError> {
        let cloud = self.cloud();
        let Some(instances) = self.read(cloud.list_instances()).await? else {
            return Ok(StepEnd::Done("not checked (no credentials)".to_owned()));
        };
        let region = &self.plan().aws.region;
        let wanted = self
            .plan()
            .identity_center
            .as_ref()
            .and_then(|ic| ic.instance_arn.as_deref());
        let account = self.found.account.clone().unwrap_or_default();
        let chosen = match wanted {
            Some(arn) => instances
                .into_iter()
                .find(|i| i.arn == arn)
                .ok_or_else(|| ApplyError::InstanceNotInRegion {
                    arn: arn.to_owned(),
                    region: region.clone(),
                    account: account.clone(),
                })?,
            None => instances
                .into_iter()
                .filter(|i| i.owner_account.is_empty() || i.owner_account == account)
                .min_by_key(|i| i.status != InstanceStatus::Active)
                .ok_or_else(|| ApplyError::InstanceMissing {
                    region: region.clone(),
                    account: account.clone(),
                })?,
        };
        if chosen.status != InstanceStatus::Active {
            return Err(ApplyError::InstanceNotActive {
                arn: chosen.arn,
                status: chosen.status,
            });
        }
        if !chosen.owner_account.is_empty()
            && !account.is_empty()
            && chosen.owner_account != account
        {
            return Err(ApplyError::InstanceOfOtherAccount {
                arn: chosen.arn,
                owner: chosen.owner_account,
                account,
            });
        }
        let note = format!(
            "{} (identity store {})",
            chosen.arn, chosen.identity_store_id
        );
        self.prefetch.begin(chosen.clone());
        self.found.instance = Some(chosen);
        Ok(StepEnd::Done(note))
    }

    pub(crate) async fn check_subnets(&mut self) -> Result<StepEnd, ApplyError> {
        let (vpc, ids) = match (
            &self.plan().connection.ad_connector,
            calls::create_managed_ad(self.plan()),
        ) {
            (Some(connector), _) => (connector.vpc_id.clone(), connector.subnet_ids.clone()),
            (None, Some(request)) => (request.vpc_id, request.subnet_ids),
            (None, None) => return Ok(StepEnd::Done("no subnets in this plan".to_owned())),
        };
        let cloud = self.cloud();
        let answer = match self.read(cloud.describe_subnets(&ids)).await {
            Err(ApplyError::Aws(error)) if error.kind == AwsErrorKind::DoesNotExist => {
                return Err(ApplyError::SubnetsNotFound {
                    region: self.plan().aws.region.clone(),
                    detail: error.detail,
                });
            }
            other => other?,
        };
        let Some(subnets) = answer else {
            return Ok(StepEnd::Done("not checked (no credentials)".to_owned()));
        };
        for id in &ids {
            match subnets.iter().find(|s| s.id == *id) {
                None => {
                    return Err(ApplyError::SubnetMissing {
                        id: id.clone(),
                        region: self.plan().aws.region.clone(),
                    });
                }
                Some(subnet) if subnet.vpc_id != vpc => {
                    return Err(ApplyError::SubnetOutsideVpc {
                        id: id.clone(),
                        vpc,
                        subnet_vpc: subnet.vpc_id.clone(),
                    });
                }
                Some(_) => {}
            }
        }
        let mut zones: Vec<&str> = subnets
            .iter()
            .map(|s| s.availability_zone.as_str())
            .collect();
        zones.sort_unstable();
        zones.dedup();
        if zones.len() < 2 {
            return Err(ApplyError::SubnetsInOneZone {
                ids,
                zones: zones.into_iter().map(str::to_owned).collect(),
            });
        }
        Ok(StepEnd::Done(format!(
            "{vpc}: {} in {}",
            ids.join(", "),
            zones.join(", ")
        )))
    }
}
