//! The trust steps: find or create the two-way trust (with its conditional forwarder) and wait
//! until it is Verified.

use crate::apply::executor::{Check, Executor, NEW_DIRECTORY, RunMode, StepEnd};
use crate::apply::{ApplyError, Event, Reporter};
use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::apply::calls;
use crate::apply::error::Mismatch;
use crate::aws::{Cloud, CreateTrustRequest, TrustInfo, TrustState};

/// How many reads of a stale `VerifyFailed` a wait tolerates right after VerifyTrust.
const STALE_VERIFY_FAILED_READS: u32 = 3;

impl<C: Cloud, R: Reporter> Executor<'_, C, R> {
    /// Finds or creates the two-way trust to the plan's domain `selfManaged[index]`.
    pub(crate) async fn ensure_trust(&mut self, index: usize) -> Result<StepEnd, ApplyError> {
        let plan = self.plan();
        let Some(domain) = plan.self_managed.all().get(index) else {
            return Ok(StepEnd::Done(format!("no domain selfManaged[{index}]")));
        };
        let directory_id = self
            .found
            .directory
            .as_ref()
            .map_or(NEW_DIRECTORY.to_owned(), |d| d.id.clone());
        let cloud = self.cloud();
        let existing = match &self.found.directory {
            Some(_) => self.read(cloud.describe_trusts(&directory_id)).await?,
            None => None,
        };
        let request = calls::create_trust(plan, &directory_id, index);
        if let Some(trust) = existing.into_iter().flatten().find(|t| {
            t.remote_domain.eq_ignore_ascii_case(&domain.domain)
                && !matches!(t.state, TrustState::Deleting(_))
        }) {
            return self.existing_trust(index, trust, request.as_ref());
        }
        let Some(request) = request else {
            return Ok(StepEnd::Done("no trust in this plan".to_owned()));
        };
        if self.mode() == RunMode::DryRun {
            let reference = plan
                .connection
                .trust
                .as_ref()
                .map(|t| domain.trust_settings(t).password.describe())
                .unwrap_or_default();
            self.report(Event::WouldCall(calls::create_trust_call(
                &request, &reference,
            )));
            return Ok(StepEnd::Done("would be created".to_owned()));
        }
        let secret = self
            .secrets()
            .trust_password(index)
            .ok_or(ApplyError::MissingSecret("trust password"))?;
        let id = cloud.create_trust(&request, secret).await?;
        let note = format!("created {id}");
        self.found.trusts.insert(
            index,
            TrustInfo {
                id,
                directory_id,
                remote_domain: request.remote_domain,
                direction: request.direction,
                trust_type: request.trust_type,
                selective_auth: request.selective_auth,
                state: TrustState::Pending("Creating".to_owned()),
                state_reason: String::new(),
            },
        );
        Ok(StepEnd::Done(note))
    }

    /// Takes an existing trust to the domain when it is two-way with the plan's settings and
    /// has not failed.
    fn existing_trust(
        &mut self,
        index: usize,
        trust: TrustInfo,
        wanted: Option<&CreateTrustRequest>,
    ) -> Result<StepEnd, ApplyError> {
        if trust.direction != calls::trust_direction_name(crate::plan::TrustDirection::TwoWay) {
            return Err(ApplyError::TrustDirection {
                domain: trust.remote_domain,
                id: trust.id,
                direction: trust.direction,
            });
        }
        if let Some(request) = wanted {
            settings_match(&trust, request)?;
        }
        if let TrustState::Failed(state) = &trust.state {
            return Err(ApplyError::TrustFailed {
                id: trust.id.clone(),
                domain: trust.remote_domain.clone(),
                state: state.clone(),
                reason: trust.state_reason.clone(),
            });
        }
        let note = format!("already exists: {} ({})", trust.id, trust.state.name());
        self.found.trusts.insert(index, trust);
        Ok(StepEnd::Done(note))
    }

    /// Waits until every trust is Verified; a trust that fails ends apply, named with its
    /// domain and reason.
    pub(crate) async fn wait_trust(&mut self) -> Result<StepEnd, ApplyError> {
        let trusts: Vec<TrustInfo> = self.found.trusts.values().cloned().collect();
        let Some(directory_id) = trusts.first().map(|t| t.directory_id.clone()) else {
            return Ok(StepEnd::Done(
                "would wait until the new trust is Verified".to_owned(),
            ));
        };
        let pending: Vec<TrustInfo> = trusts
            .iter()
            .filter(|t| t.state != TrustState::Verified)
            .cloned()
            .collect();
        if pending.is_empty() {
            return Ok(StepEnd::Done(format!("{} Verified", ids(&trusts))));
        }
        if self.mode() == RunMode::DryRun {
            return Ok(StepEnd::Done(format!(
                "would wait until {} Verified",
                ids(&pending)
            )));
        }
        let cloud = self.cloud();
        let what = format!("{} to be Verified", trust_words(&pending));
        let staleness = Staleness::default();
        let verified = self
            .wait(&what, || async {
                let current = cloud.describe_trusts(&directory_id).await?;
                let mut verified = Vec::new();
                let mut waiting = Vec::new();
                for trust in &pending {
                    match verification(trust, &current, &staleness)? {
                        Check::Ready(done) => verified.push(done),
                        Check::Pending(state) => {
                            waiting.push(format!("{}: {state}", trust.remote_domain))
                        }
                    }
                }
                Ok(match waiting.is_empty() {
                    true => Check::Ready(verified),
                    false => Check::Pending(waiting.join("; ")),
                })
            })
            .await?;
        for trust in verified {
            if let Some(entry) = self.found.trusts.values_mut().find(|t| t.id == trust.id) {
                *entry = trust;
            }
        }
        let all: Vec<TrustInfo> = self.found.trusts.values().cloned().collect();
        Ok(StepEnd::Done(format!("{} Verified", ids(&all))))
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

/// Right after VerifyTrust, AWS may still show the previous VerifyFailed for a moment: per
/// trust, it counts as a failure once a new verification was seen, or after a few reads.
#[derive(Default)]
struct Staleness {
    /// Trust id -> (stale reads so far, a verification was seen in progress).
    seen: RefCell<BTreeMap<String, (u32, bool)>>,
}

/// Where one trust stands in `current` (a fresh DescribeTrusts).
fn verification(
    trust: &TrustInfo,
    current: &[TrustInfo],
    staleness: &Staleness,
) -> Result<Check<TrustInfo>, ApplyError> {
    let Some(now) = current.iter().find(|t| t.id == trust.id) else {
        return Err(ApplyError::TrustFailed {
            id: trust.id.clone(),
            domain: trust.remote_domain.clone(),
            state: "Deleted".to_owned(),
            reason: "it disappeared while adsso waited".to_owned(),
        });
    };
    let mut seen = staleness.seen.borrow_mut();
    let (stale_reads, progressed) = seen.entry(trust.id.clone()).or_default();
    match &now.state {
        TrustState::Verified => Ok(Check::Ready(now.clone())),
        TrustState::VerifyFailed if !*progressed && *stale_reads < STALE_VERIFY_FAILED_READS => {
            *stale_reads += 1;
            Ok(Check::Pending(
                "VerifyFailed (verification not started yet)".to_owned(),
            ))
        }
        TrustState::VerifyFailed | TrustState::Failed(_) | TrustState::Deleting(_) => {
            Err(ApplyError::TrustFailed {
                id: now.id.clone(),
                domain: now.remote_domain.clone(),
                state: now.state.name().to_owned(),
                reason: now.state_reason.clone(),
            })
        }
        TrustState::Pending(state) => {
            *progressed = true;
            Ok(Check::Pending(state.clone()))
        }
    }
}

/// `t-1 is` or `t-1, t-2 are`.
fn ids(trusts: &[TrustInfo]) -> String {
    let list: Vec<&str> = trusts.iter().map(|t| t.id.as_str()).collect();
    match list.len() {
        1 => format!("{} is", list[0]),
        _ => format!("{} are", list.join(", ")),
    }
}

/// `trust t-1` or `trusts t-1, t-2`.
fn trust_words(trusts: &[TrustInfo]) -> String {
    let list: Vec<&str> = trusts.iter().map(|t| t.id.as_str()).collect();
    match list.len() {
        1 => format!("trust {}", list[0]),
        _ => format!("trusts {}", list.join(", ")),
    }
}
