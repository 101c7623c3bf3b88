//! The two manual gates. Each has evidence adsso checks itself: the on-premises gate passes when
//! VerifyTrust succeeds (it keeps waiting only while VerifyTrust says the other side cannot be
//! found or contacted); the identity-source gate when the identity store holds groups synced
//! from the directory. Without evidence a gate waits (operator at a terminal) or stops apply.

use crate::apply::calls;
use crate::apply::executor::{Executor, GateMode, NEW_TRUST, RunMode, StepEnd};
use crate::apply::wait::{Patience, Polled};
use crate::apply::{ApplyError, Event, Reporter};
use crate::aws::{AwsError, AwsErrorKind, Cloud, TrustState};
use crate::onprem::{self, ManagedSide};
use crate::text::apply as apply_text;

/// What a gate's check found.
enum Evidence<T> {
    /// The manual step is done.
    Held(T),
    /// Not yet, and why.
    Missing(String),
}

/// Whether a VerifyTrust failure means the self-managed side is not there (yet): Directory
/// Service answers ClientException ("the trust relationship could not be verified: the specified
/// domain either does not exist or could not be contacted") until it is. The answers that waiting
/// for the operator cannot fix (access denied, no such trust, unsupported, invalid parameter,
/// credentials, an endpoint that refuses or does not resolve) end apply at once with their message.
pub fn onprem_side_missing(error: &AwsError) -> bool {
    error.kind == AwsErrorKind::Client
}

/// A failure that says nothing about the trust and passes on its own (the service failed
/// internally, throttling, no answer in time): the gate checks again rather than end apply.
fn passing_failure(error: &AwsError) -> bool {
    matches!(
        error.kind,
        AwsErrorKind::Service
            | AwsErrorKind::Throttling
            | AwsErrorKind::TimedOut
            | AwsErrorKind::Unreachable
    )
}

impl<C: Cloud, R: Reporter> Executor<'_, C, R> {
    /// Polls `evidence` while the operator works, until it holds or the wait times out
    /// (with [`GateMode::Stop`], checks once); Enter at the terminal checks at once.
    async fn wait_for_evidence<T, F, Fut>(
        &mut self,
        what: &str,
        mut evidence: F,
    ) -> Result<Evidence<T>, ApplyError>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<Evidence<T>, ApplyError>>,
    {
        let patience = match self.options().gates {
            GateMode::Stop => Patience::CheckOnce,
            GateMode::Wait => Patience::UntilTimeout,
        };
        let nudge = self.options().nudge.clone();
        let checked = || {
            let next = evidence();
            async move {
                Ok(match next.await? {
                    Evidence::Held(value) => Ok(value),
                    Evidence::Missing(missing) => Err(missing),
                })
            }
        };
        Ok(match self.poll(what, patience, nudge, checked).await? {
            Polled::Ready(value) => Evidence::Held(value),
            Polled::GaveUp { state, .. } => Evidence::Missing(state),
        })
    }

    /// The on-premises gate: the self-managed side of the trust.
    pub(crate) async fn onprem_gate(&mut self) -> Result<StepEnd, ApplyError> {
        let trust = self.found.trust.clone();
        if self.mode() == RunMode::DryRun {
            let id = trust
                .as_ref()
                .map_or(NEW_TRUST.to_owned(), |t| t.id.clone());
            if trust
                .as_ref()
                .is_some_and(|t| t.state == TrustState::Verified)
            {
                return Ok(StepEnd::Done(format!("{id} is already Verified")));
            }
            self.report(Event::WouldCall(calls::verify_trust_call(&id)));
            return Ok(StepEnd::Done(
                "would stop here until the self-managed side of the trust exists".to_owned(),
            ));
        }
        let Some(trust) = trust else {
            return Ok(StepEnd::Done("no trust".to_owned()));
        };
        if trust.state == TrustState::Verified {
            return Ok(StepEnd::Done(format!("{} is already Verified", trust.id)));
        }
        let (domain, dns_ips) = self
            .found
            .directory
            .as_ref()
            .map(|d| (d.name.clone(), d.dns_ips.clone()))
            .unwrap_or_default();
        let plan = self.plan();
        let managed = match &self.found.directory {
            Some(_) => ManagedSide::from_aws(&domain, &dns_ips)?,
            None => ManagedSide {
                domain: None,
                dns_ips: Vec::new(),
            },
        };
        let mut instructions =
            apply_text::onprem_gate(&domain, &dns_ips, &plan.self_managed.first().domain);
        if let Some(script) = onprem::script(plan, &managed)? {
            instructions.push('\n');
            instructions.push_str(&script);
        }
        if self.options().gates == GateMode::Wait {
            self.report(Event::Gate(instructions.clone()));
        }
        let cloud = self.cloud();
        let what = format!("VerifyTrust {} to succeed", trust.id);
        let missing = self
            .wait_for_evidence(&what, || async {
                match cloud.verify_trust(&trust.id).await {
                    Ok(()) => Ok(Evidence::Held(())),
                    Err(error) if onprem_side_missing(&error) => {
                        Ok(Evidence::Missing(format!("not yet: {error}")))
                    }
                    Err(error) if passing_failure(&error) => Ok(Evidence::Missing(format!(
                        "could not check (checking again): {error}"
                    ))),
                    Err(error) => Err(error.into()),
                }
            })
            .await?;
        match missing {
            Evidence::Held(()) => Ok(StepEnd::Done(format!("VerifyTrust {} succeeded", trust.id))),
            Evidence::Missing(reason) => Ok(StepEnd::Paused(format!(
                "{instructions}\nLast check: {reason}\n{}\n",
                apply_text::RESUME
            ))),
        }
    }

    /// The identity-source gate: the directory becomes Identity Center's identity source.
    pub(crate) async fn identity_source_gate(&mut self) -> Result<StepEnd, ApplyError> {
        let plan = self.plan();
        let region = plan.aws.region.clone();
        let (Some(directory), Some(instance), Some(account)) = (
            self.found.directory.clone(),
            self.found.instance.clone(),
            self.found.account.clone(),
        ) else {
            return Ok(StepEnd::Done(
                "would stop here until the directory is Identity Center's identity source"
                    .to_owned(),
            ));
        };
        let issuer = directory.issuer(&region, &account);
        let instructions = apply_text::identity_source_gate(
            &region,
            &directory.id,
            &plan.self_managed.first().domain,
        );
        let cloud = self.cloud();
        let store = instance.identity_store_id.clone();
        // Every group of the store: the assignments step resolves the plan's groups from them.
        let synced = || cloud.list_groups(&store);
        let from_directory = |groups: &[crate::aws::Group]| -> Vec<String> {
            groups
                .iter()
                .filter(|g| g.issuers.contains(&issuer))
                .map(|g| g.display_name.clone())
                .collect()
        };
        if self.mode() == RunMode::DryRun {
            let groups = self.read(synced()).await?;
            let names = groups.as_deref().map(from_directory);
            self.found.groups = groups;
            return Ok(StepEnd::Done(match names {
                Some(names) if !names.is_empty() => {
                    format!(
                        "{} is already the identity source ({} synced groups)",
                        directory.id,
                        names.len()
                    )
                }
                _ => "would stop here until the directory is Identity Center's identity source"
                    .to_owned(),
            }));
        }
        let first = synced().await?;
        let names = from_directory(&first);
        if !names.is_empty() {
            self.found.groups = Some(first);
            return Ok(StepEnd::Done(found(&directory.id, &names)));
        }
        if self.options().gates == GateMode::Stop {
            return Ok(StepEnd::Paused(format!(
                "{instructions}\n{}\n",
                apply_text::RESUME
            )));
        }
        self.report(Event::Gate(instructions.clone()));
        let what = format!("groups synced from {}", directory.id);
        let missing = self
            .wait_for_evidence(&what, || async {
                let current = synced().await?;
                if from_directory(&current).is_empty() {
                    Ok(Evidence::Missing("no synced group yet".to_owned()))
                } else {
                    Ok(Evidence::Held(current))
                }
            })
            .await?;
        match missing {
            Evidence::Held(groups) => {
                let names = from_directory(&groups);
                self.found.groups = Some(groups);
                Ok(StepEnd::Done(found(&directory.id, &names)))
            }
            Evidence::Missing(_) => Ok(StepEnd::Paused(format!(
                "{instructions}\n{}\n",
                apply_text::RESUME
            ))),
        }
    }
}

fn found(directory_id: &str, names: &[String]) -> String {
    format!(
        "{directory_id} is the identity source: {} group(s) synced ({})",
        names.len(),
        names.join(", ")
    )
}
