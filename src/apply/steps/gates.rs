//! The two manual gates. Each has evidence adsso checks itself: the on-premises gate passes when
//! VerifyTrust succeeds (it keeps waiting only while VerifyTrust says the other side cannot be
//! found or contacted); the identity-source gate when the identity store holds groups synced
//! from the directory. Without evidence a gate waits (operator at a terminal) or stops apply.

use std::cell::RefCell;
use std::collections::BTreeSet;

use crate::apply::calls;
use crate::apply::executor::{Executor, GateMode, NEW_TRUST, RunMode, StepEnd};
use crate::apply::wait::{Patience, Polled};
use crate::apply::{ApplyError, Event, Reporter};
use crate::aws::{AwsError, AwsErrorKind, Cloud, TrustInfo, TrustState};
use crate::onprem::{self, ManagedSide};
use crate::plan::Plan;
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

    /// The on-premises gate: the self-managed side of each trust, on each domain's DC. It holds
    /// when VerifyTrust succeeds for every trust not yet Verified; until then it names the
    /// domains still pending.
    pub(crate) async fn onprem_gate(&mut self) -> Result<StepEnd, ApplyError> {
        let plan = self.plan();
        if self.mode() == RunMode::DryRun {
            return Ok(self.onprem_gate_dry_run());
        }
        if self.found.trusts.is_empty() {
            return Ok(StepEnd::Done("no trust".to_owned()));
        }
        let pending: Vec<(usize, TrustInfo)> = self
            .found
            .trusts
            .iter()
            .filter(|(_, t)| t.state != TrustState::Verified)
            .map(|(index, t)| (*index, t.clone()))
            .collect();
        if pending.is_empty() {
            return Ok(StepEnd::Done(format!(
                "{} already Verified",
                listed(self.found.trusts.values().map(|t| t.id.as_str()))
            )));
        }
        if self.options().gates == GateMode::Wait {
            let instructions = self.onprem_instructions(plan, &pending)?;
            self.report(Event::Gate(instructions));
        }
        let cloud = self.cloud();
        let what = format!(
            "VerifyTrust {} to succeed",
            listed(pending.iter().map(|(_, t)| t.id.as_str()))
        );
        let succeeded = RefCell::new(BTreeSet::new());
        let missing = self
            .wait_for_evidence(&what, || async {
                let mut waiting = Vec::new();
                for (_, trust) in &pending {
                    if succeeded.borrow().contains(&trust.id) {
                        continue;
                    }
                    match cloud.verify_trust(&trust.id).await {
                        Ok(()) => {
                            succeeded.borrow_mut().insert(trust.id.clone());
                        }
                        Err(error) if onprem_side_missing(&error) => {
                            waiting.push(format!("{}: not yet: {error}", trust.remote_domain))
                        }
                        Err(error) if passing_failure(&error) => waiting.push(format!(
                            "{}: could not check (checking again): {error}",
                            trust.remote_domain
                        )),
                        Err(error) => return Err(error.into()),
                    }
                }
                Ok(match waiting.is_empty() {
                    true => Evidence::Held(()),
                    false => Evidence::Missing(waiting.join("; ")),
                })
            })
            .await?;
        match missing {
            Evidence::Held(()) => Ok(StepEnd::Done(format!(
                "VerifyTrust succeeded for {}",
                listed(pending.iter().map(|(_, t)| t.id.as_str()))
            ))),
            Evidence::Missing(reason) => {
                let done = succeeded.into_inner();
                let still: Vec<(usize, TrustInfo)> = pending
                    .into_iter()
                    .filter(|(_, t)| !done.contains(&t.id))
                    .collect();
                let instructions = self.onprem_instructions(plan, &still)?;
                Ok(StepEnd::Paused(format!(
                    "{instructions}\nLast check: {reason}\n{}\n",
                    apply_text::resume(self.options().plan_file.as_deref())
                )))
            }
        }
    }

    /// The dry run of the on-premises gate: the VerifyTrust call of each trust not Verified.
    fn onprem_gate_dry_run(&mut self) -> StepEnd {
        let count = self.plan().self_managed.len();
        let mut verified = 0;
        for index in 0..count {
            match self.found.trusts.get(&index) {
                Some(trust) if trust.state == TrustState::Verified => verified += 1,
                Some(trust) => {
                    let call = calls::verify_trust_call(&trust.id.clone());
                    self.report(Event::WouldCall(call));
                }
                None => self.report(Event::WouldCall(calls::verify_trust_call(NEW_TRUST))),
            }
        }
        StepEnd::Done(match verified == count {
            true => "every trust is already Verified".to_owned(),
            false => "would stop here until the self-managed side of each trust exists".to_owned(),
        })
    }

    /// What to do on each pending domain's DC: the steps and that domain's script.
    fn onprem_instructions(
        &self,
        plan: &Plan,
        pending: &[(usize, TrustInfo)],
    ) -> Result<String, ApplyError> {
        let (aws_domain, dns_ips) = self
            .found
            .directory
            .as_ref()
            .map(|d| (d.name.clone(), d.dns_ips.clone()))
            .unwrap_or_default();
        let managed = match &self.found.directory {
            Some(_) => ManagedSide::from_aws(&aws_domain, &dns_ips)?,
            None => ManagedSide {
                domain: None,
                dns_ips: Vec::new(),
            },
        };
        let mut instructions = String::new();
        for (index, _) in pending {
            let Some(domain) = plan.self_managed.all().get(*index) else {
                continue;
            };
            if !instructions.is_empty() {
                instructions.push('\n');
            }
            instructions.push_str(&apply_text::onprem_gate(
                &aws_domain,
                &dns_ips,
                &domain.domain,
                self.options().plan_file.as_deref(),
            ));
            if let Some(script) = onprem::domain_script(plan, *index, &managed)? {
                instructions.push('\n');
                instructions.push_str(&script);
            }
        }
        Ok(instructions)
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
        let domains: Vec<&str> = plan
            .self_managed
            .all()
            .iter()
            .map(|d| d.domain.as_str())
            .collect();
        let instructions = apply_text::identity_source_gate(
            &region,
            &directory.id,
            &domains,
            plan.connection.mode,
            &crate::preflight::groups::sync_scope_groups(plan),
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
        // The groups read alongside the steps, when they already show the directory's.
        let early = match self.prefetch.groups().await {
            Some(Ok(groups)) if !from_directory(&groups).is_empty() => Some(groups),
            _ => None,
        };
        if self.mode() == RunMode::DryRun {
            let groups = match early {
                Some(groups) => Some(groups),
                None => self.read(synced()).await?,
            };
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
        let first = match early {
            Some(groups) => groups,
            None => synced().await?,
        };
        let names = from_directory(&first);
        if !names.is_empty() {
            self.found.groups = Some(first);
            return Ok(StepEnd::Done(found(&directory.id, &names)));
        }
        if self.options().gates == GateMode::Stop {
            return Ok(StepEnd::Paused(format!(
                "{instructions}\n{}\n",
                apply_text::resume(self.options().plan_file.as_deref())
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
                apply_text::resume(self.options().plan_file.as_deref())
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

/// Ids joined with `, `.
fn listed<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.collect::<Vec<_>>().join(", ")
}
