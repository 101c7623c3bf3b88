//! The trust steps: find or create the two-way trust (with its conditional forwarder) and wait
//! until it is Verified.

use crate::apply::executor::{Check, Executor, NEW_DIRECTORY, RunMode, StepEnd};
use crate::apply::{ApplyError, Event, Reporter};
use std::cell::Cell;

use crate::apply::error::Mismatch;
use crate::apply::{calls, network};
use crate::aws::{Cloud, CreateTrustRequest, TrustInfo, TrustState};
use crate::text::apply as apply_text;

/// How many reads of a stale `VerifyFailed` a wait tolerates right after VerifyTrust.
const STALE_VERIFY_FAILED_READS: u32 = 3;

impl<C: Cloud, R: Reporter> Executor<'_, C, R> {
    pub(crate) async fn ensure_trust(&mut self) -> Result<StepEnd, ApplyError> {
        let directory_id = self
            .found
            .directory
            .as_ref()
            .map_or(NEW_DIRECTORY.to_owned(), |d| d.id.clone());
        let cloud = self.cloud();
        self.check_egress().await;
        let existing = match &self.found.directory {
            Some(_) => self.read(cloud.describe_trusts(&directory_id)).await?,
            None => None,
        };
        let domain = self.plan().self_managed.first().domain.clone();
        if let Some(trust) = existing.into_iter().flatten().find(|t| {
            t.remote_domain.eq_ignore_ascii_case(&domain)
                && !matches!(t.state, TrustState::Deleting(_))
        }) {
            if trust.direction != "Two-Way" {
                return Err(ApplyError::TrustDirection {
                    domain,
                    id: trust.id,
                    direction: trust.direction,
                });
            }
            if let Some(request) = calls::create_trust(self.plan(), &directory_id) {
                settings_match(&trust, &request)?;
            }
            if let TrustState::Failed(state) = &trust.state {
                return Err(ApplyError::TrustFailed {
                    id: trust.id.clone(),
                    state: state.clone(),
                    reason: trust.state_reason.clone(),
                });
            }
            let note = format!("already exists: {} ({})", trust.id, trust.state.name());
            self.found.trust = Some(trust);
            return Ok(StepEnd::Done(note));
        }
        let Some(request) = calls::create_trust(self.plan(), &directory_id) else {
            return Ok(StepEnd::Done("no trust in this plan".to_owned()));
        };
        if self.mode() == RunMode::DryRun {
            let reference = self
                .plan()
                .connection
                .trust
                .as_ref()
                .map(|t| t.password.describe())
                .unwrap_or_default();
            self.report(Event::WouldCall(calls::create_trust_call(
                &request, &reference,
            )));
            return Ok(StepEnd::Done("would be created".to_owned()));
        }
        let secret = self
            .secrets()
            .trust
            .as_ref()
            .ok_or(ApplyError::MissingSecret("trust password"))?;
        let id = self.cloud().create_trust(&request, secret).await?;
        let note = format!("created {id}");
        self.found.trust = Some(TrustInfo {
            id,
            directory_id,
            remote_domain: domain,
            direction: request.direction,
            trust_type: request.trust_type,
            selective_auth: request.selective_auth,
            state: TrustState::Pending("Creating".to_owned()),
            state_reason: String::new(),
        });
        Ok(StepEnd::Done(note))
    }

    pub(crate) async fn wait_trust(&mut self) -> Result<StepEnd, ApplyError> {
        let Some(trust) = self.found.trust.clone() else {
            return Ok(StepEnd::Done(
                "would wait until the new trust is Verified".to_owned(),
            ));
        };
        if trust.state == TrustState::Verified {
            return Ok(StepEnd::Done(format!("{} is Verified", trust.id)));
        }
        if self.mode() == RunMode::DryRun {
            return Ok(StepEnd::Done(format!(
                "would wait until {} is Verified",
                trust.id
            )));
        }
        let cloud = self.cloud();
        let what = format!("trust {} to be Verified", trust.id);
        // Right after VerifyTrust, AWS may still show the previous VerifyFailed for a moment:
        // it counts as a failure once a new verification was seen, or after a few reads.
        let stale_reads = Cell::new(0u32);
        let progressed = Cell::new(false);
        let verified = self
            .wait(&what, || async {
                let trusts = cloud.describe_trusts(&trust.directory_id).await?;
                let Some(current) = trusts.into_iter().find(|t| t.id == trust.id) else {
                    return Err(ApplyError::TrustFailed {
                        id: trust.id.clone(),
                        state: "Deleted".to_owned(),
                        reason: "it disappeared while adsso waited".to_owned(),
                    });
                };
                match &current.state {
                    TrustState::Verified => Ok(Check::Ready(current)),
                    TrustState::VerifyFailed
                        if !progressed.get() && stale_reads.get() < STALE_VERIFY_FAILED_READS =>
                    {
                        stale_reads.set(stale_reads.get() + 1);
                        Ok(Check::Pending(
                            "VerifyFailed (verification not started yet)".to_owned(),
                        ))
                    }
                    TrustState::VerifyFailed | TrustState::Failed(_) | TrustState::Deleting(_) => {
                        Err(ApplyError::TrustFailed {
                            id: current.id.clone(),
                            state: current.state.name().to_owned(),
                            reason: current.state_reason.clone(),
                        })
                    }
                    TrustState::Pending(state) => {
                        progressed.set(true);
                        Ok(Check::Pending(state.clone()))
                    }
                }
            })
            .await?;
        let note = format!("{} is Verified", verified.id);
        self.found.trust = Some(verified);
        Ok(StepEnd::Done(note))
    }

    /// Warns when the Managed AD's security group has no outbound rule to the self-managed DNS
    /// servers. Never fails apply: the rules may be managed elsewhere.
    async fn check_egress(&mut self) {
        let Some(group) = self
            .found
            .directory
            .as_ref()
            .and_then(|d| d.security_group_id.clone())
        else {
            return;
        };
        let cloud = self.cloud();
        let warning = match cloud.security_group_egress(&group).await {
            Ok(rules) => {
                let missing =
                    network::unreachable_dns(&rules, &self.plan().self_managed.first().dns_servers);
                if missing.is_empty() {
                    return;
                }
                apply_text::egress_missing(&group, &missing)
            }
            Err(error) => format!("could not check the outbound rules of {group}: {error}"),
        };
        self.report(Event::Warning(warning));
    }
}

/// An existing trust must have the plan's TrustType and SelectiveAuth, not only its direction:
/// otherwise it is refused, naming both values and the fix, before any change.
fn settings_match(trust: &TrustInfo, wanted: &CreateTrustRequest) -> Result<(), ApplyError> {
    let differs = |found: &str, plan: &str| {
        (!found.eq_ignore_ascii_case(plan)).then(|| {
            Box::new(Mismatch {
                found: found.to_owned(),
                wanted: plan.to_owned(),
            })
        })
    };
    let trust_type = differs(&trust.trust_type, &wanted.trust_type);
    let selective_auth = differs(&trust.selective_auth, &wanted.selective_auth);
    if trust_type.is_none() && selective_auth.is_none() {
        return Ok(());
    }
    Err(ApplyError::TrustSettingsDiffer {
        domain: wanted.remote_domain.clone(),
        id: trust.id.clone(),
        trust_type,
        selective_auth,
    })
}
