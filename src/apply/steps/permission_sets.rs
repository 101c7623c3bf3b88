//! The permission sets step: each plan permission set is found by name and made to match the plan
//! (settings, AWS and customer managed policies, permissions boundary, inline policy, tags; see
//! [`super::permission_set_changes`]), or created tagged `adsso:plan`; a set whose roles
//! changed is provisioned again. Each change is retried after
//! throttling or a write conflict (see [`crate::apply::throughput::Retry`]). `existing: true` sets are only
//! looked up.

use std::collections::BTreeMap;
use std::rc::Rc;

use tokio::time::Instant;

use super::permission_set_changes::{Change, Current, changes, read_current};
use crate::apply::events::Call;
use crate::apply::executor::{Check, Executor, RunMode, StepEnd};
use crate::apply::permission_set_calls as psc;
use crate::apply::throughput::paced;
use crate::apply::throughput::with_retries;
use crate::apply::{ApplyError, Event, Reporter};
use crate::aws::{Cloud, PermissionSetInfo, RequestState};
use crate::plan::PermissionSet;

/// The ARN a dry run shows for a permission set it would create.
pub(crate) fn placeholder(name: &str) -> String {
    format!("<ARN of the new permission set {name}>")
}

impl<C: Cloud, R: Reporter> Executor<'_, C, R> {
    /// Converges the plan's permission sets; remembers their ARNs for the assignments.
    pub(crate) async fn ensure_permission_sets(&mut self) -> Result<StepEnd, ApplyError> {
        let plan = self.plan();
        let sets = plan
            .identity_center
            .as_ref()
            .map(|ic| ic.permission_sets.as_slice())
            .unwrap_or_default();
        let Some(instance) = self.found.instance.clone() else {
            for set in sets {
                if set.existing {
                    self.found
                        .permission_sets
                        .insert(set.name.clone(), format!("<ARN of {}>", set.name));
                    continue;
                }
                let arn = placeholder(&set.name);
                for call in psc::creation(plan, "<instance ARN>", &arn, set) {
                    self.would(call);
                }
                self.found.permission_sets.insert(set.name.clone(), arn);
            }
            return Ok(StepEnd::Done(
                "would create the permission sets (the instance could not be read)".to_owned(),
            ));
        };
        let found = self.read_permission_sets(&instance.arn).await?;
        let mut notes = Vec::new();
        for set in sets {
            let note = match found.get(&set.name) {
                Some(info) => self.converge_set(&instance.arn, set, info).await?,
                None if set.existing && self.mode() == RunMode::DryRun => {
                    self.report(Event::Warning(format!(
                        "the permission set {} is marked `existing: true` but was not found",
                        set.name
                    )));
                    self.found
                        .permission_sets
                        .insert(set.name.clone(), format!("<ARN of {}>", set.name));
                    format!("{} not found", set.name)
                }
                None if set.existing => {
                    return Err(ApplyError::PermissionSetMissing {
                        name: set.name.clone(),
                        instance: instance.arn.clone(),
                    });
                }
                None => self.create_set(&instance.arn, set).await?,
            };
            notes.push(note);
        }
        Ok(StepEnd::Done(notes.join("; ")))
    }

    /// Name -> permission set of the instance (empty when a dry run cannot read).
    async fn read_permission_sets(
        &mut self,
        instance: &str,
    ) -> Result<BTreeMap<String, PermissionSetInfo>, ApplyError> {
        let (cloud, pace) = (self.cloud(), Rc::clone(&self.pace));
        let listed = paced(&pace, cloud.list_permission_sets(instance));
        let Some(arns) = self.read(listed).await? else {
            return Ok(BTreeMap::new());
        };
        let mut found = BTreeMap::new();
        for arn in arns {
            if let Some(info) = self
                .read(paced(&pace, cloud.describe_permission_set(instance, &arn)))
                .await?
            {
                found.insert(info.name.clone(), info);
            }
        }
        Ok(found)
    }

    async fn create_set(
        &mut self,
        instance: &str,
        set: &PermissionSet,
    ) -> Result<String, ApplyError> {
        let plan = self.plan();
        if self.mode() == RunMode::DryRun {
            let arn = placeholder(&set.name);
            for call in psc::creation(plan, instance, &arn, set) {
                self.would(call);
            }
            self.found.permission_sets.insert(set.name.clone(), arn);
            return Ok(format!("would create {}", set.name));
        }
        let request = psc::new_set(plan, instance, set);
        let (cloud, pace, deadline) = (self.cloud(), &self.pace, self.deadline());
        let arn = with_retries(pace, deadline, || cloud.create_permission_set(&request)).await?;
        for policy in &set.managed_policies {
            with_retries(pace, deadline, || {
                cloud.attach_managed_policy(instance, &arn, policy)
            })
            .await?;
        }
        for customer in &set.customer_managed_policies {
            let reference = psc::reference(customer);
            with_retries(pace, deadline, || {
                cloud.attach_customer_policy(instance, &arn, &reference)
            })
            .await?;
        }
        if let Some(boundary) = psc::boundary(set) {
            with_retries(pace, deadline, || {
                cloud.put_permissions_boundary(instance, &arn, &boundary)
            })
            .await?;
        }
        if let Some(policy) = &set.inline_policy {
            with_retries(pace, deadline, || {
                cloud.put_inline_policy(instance, &arn, policy)
            })
            .await?;
        }
        self.found
            .permission_sets
            .insert(set.name.clone(), arn.clone());
        Ok(format!("created {} ({arn})", set.name))
    }

    /// Makes an existing permission set match the plan; says what changed.
    async fn converge_set(
        &mut self,
        instance: &str,
        set: &PermissionSet,
        info: &PermissionSetInfo,
    ) -> Result<String, ApplyError> {
        self.found
            .permission_sets
            .insert(set.name.clone(), info.arn.clone());
        if set.existing {
            return Ok(format!("uses the existing {}", set.name));
        }
        let changes = self.changes(instance, set, info).await?;
        if changes.is_empty() {
            return Ok(format!("{} is up to date", set.name));
        }
        let mut done = Vec::new();
        for change in &changes {
            match self.mode() {
                RunMode::DryRun => self.would(change.call(instance, &info.arn)),
                RunMode::Apply => {
                    let (cloud, pace, deadline) = (self.cloud(), &self.pace, self.deadline());
                    with_retries(pace, deadline, || change.make(cloud, instance, &info.arn))
                        .await?;
                }
            }
            done.push(change.to_string());
        }
        if changes.iter().any(Change::needs_provisioning) {
            match self.mode() {
                RunMode::Apply => self.provision(instance, &info.arn).await?,
                RunMode::DryRun => self.would(psc::provision(instance, &info.arn)),
            }
        }
        let verb = if self.mode() == RunMode::DryRun {
            "would update"
        } else {
            "updated"
        };
        Ok(format!("{verb} {} ({})", set.name, done.join(", ")))
    }

    /// What differs between the plan and AWS (everything, when a dry run cannot read).
    async fn changes(
        &mut self,
        instance: &str,
        set: &PermissionSet,
        info: &PermissionSetInfo,
    ) -> Result<Vec<Change>, ApplyError> {
        let (cloud, pace) = (self.cloud(), Rc::clone(&self.pace));
        let current = self
            .read(read_current(cloud, instance, info, &pace))
            .await?
            .unwrap_or_else(|| Current::bare(info.clone()));
        Ok(changes(self.plan(), set, &current))
    }

    /// `ProvisionPermissionSet` to the accounts it is in, then waits for it.
    async fn provision(&mut self, instance: &str, arn: &str) -> Result<(), ApplyError> {
        let (cloud, pace, deadline) = (self.cloud(), &self.pace, self.deadline());
        let first = with_retries(pace, deadline, || {
            cloud.provision_permission_set(instance, arn)
        })
        .await?;
        let request = first.request_id.clone();
        let mut state = Some(first.state);
        let end = self
            .wait(&format!("provisioning of {arn}"), || {
                let known = state.take();
                let request = request.clone();
                async move {
                    let state = match known {
                        Some(state) => state,
                        None => cloud.provisioning_status(instance, &request).await?.state,
                    };
                    Ok(match state {
                        RequestState::InProgress => Check::Pending("IN_PROGRESS".to_owned()),
                        done => Check::Ready(done),
                    })
                }
            })
            .await?;
        match end {
            RequestState::Failed(reason) => Err(ApplyError::ProvisioningFailed {
                arn: arn.to_owned(),
                reason,
            }),
            _ => Ok(()),
        }
    }

    /// Until when a retried call may wait (the wait timeout from now).
    fn deadline(&self) -> Instant {
        Instant::now() + self.options().policy.timeout
    }

    fn would(&mut self, call: Call) {
        self.report(Event::WouldCall(call));
    }
}
