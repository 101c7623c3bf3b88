//! Runs the steps of a plan against a [`Cloud`]: reads first, skips what is done, creates what
//! is missing (tagged), waits with backoff, and stops at manual gates without evidence.

use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use futures_util::future::Either;
use tokio::sync::Notify;

use crate::apply::throughput::{Estimate, Pace};
use crate::apply::wait::{Patience, Polled};
use crate::apply::{ApplyError, Event, Reporter, Step, plan_steps};
use crate::aws::{AwsError, Cloud};
use crate::plan::Plan;

use super::context::Found;
pub use super::context::{GateMode, RunContext, RunMode, RunOptions, Secrets};
use super::prefetch::{self, Prefetch, Senders};

/// How apply ended when it did not fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyOutcome {
    /// Every step is done (or, in a dry run, listed).
    Done,
    /// Stopped at a manual step; the instructions say what to do.
    Paused {
        /// The gate.
        gate: Step,
        /// What the operator must do.
        instructions: String,
    },
}

/// What one step ended with.
pub(crate) enum StepEnd {
    Done(String),
    Paused(String),
}

/// Whether a wait is over.
pub(crate) enum Check<T> {
    Ready(T),
    Pending(String),
}

/// Whether current state could be read (a dry run without credentials cannot).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sight {
    Reading,
    Blind,
}

/// The placeholder for an id that a dry run cannot know.
pub(crate) const NEW_DIRECTORY: &str = "<id of the new directory>";
/// The placeholder for a trust id that a dry run cannot know.
pub(crate) const NEW_TRUST: &str = "<id of the new trust>";

/// Runs one plan.
pub struct Executor<'a, C, R> {
    context: RunContext<'a, C, R>,
    secrets: Secrets,
    sight: Sight,
    /// What the steps have found or made so far.
    pub(crate) found: Found,
    /// The Identity Center call budget, shared with the reads that run alongside the steps.
    pub(crate) pace: Rc<Pace>,
    /// The reads that run alongside the steps (started after the instance check).
    pub(crate) prefetch: Prefetch,
    /// Their reading side, until [`Executor::run`] starts it.
    senders: Option<Senders>,
    /// How long an assignment creation takes, as seen so far.
    pub(crate) estimate: Estimate,
}

impl<'a, C: Cloud, R: Reporter> Executor<'a, C, R> {
    /// An executor for `context`'s plan, with its resolved `secrets`.
    pub fn new(context: RunContext<'a, C, R>, secrets: Secrets) -> Self {
        let (prefetch, senders) = prefetch::channels();
        Executor {
            prefetch,
            senders: Some(senders),
            context,
            secrets,
            sight: Sight::Reading,
            found: Found::default(),
            pace: Rc::new(crate::apply::assignments::pace()),
            estimate: crate::apply::assignments::estimate(),
        }
    }

    /// The plan being applied.
    pub(crate) fn plan(&self) -> &'a Plan {
        self.context.plan
    }

    /// The AWS side.
    pub(crate) fn cloud(&self) -> &'a C {
        self.context.cloud
    }

    /// Whether calls are made or listed.
    pub(crate) fn mode(&self) -> RunMode {
        self.context.options.mode
    }

    /// How the run behaves.
    pub(crate) fn options(&self) -> &RunOptions {
        &self.context.options
    }

    /// The resolved secrets.
    pub(crate) fn secrets(&self) -> &Secrets {
        &self.secrets
    }

    /// The call budget and the reporter at once: assignment creation reports progress while
    /// its concurrent calls share the budget.
    pub(crate) fn budget_and_reporter(&mut self) -> (&Pace, &Estimate, &mut R) {
        (&self.pace, &self.estimate, &mut *self.context.reporter)
    }

    /// Tells the reporter about progress.
    pub(crate) fn report(&mut self, event: Event) {
        self.context.reporter.event(event);
    }

    /// Runs every step in order, with the reads of [`prefetch`] alongside once the instance is
    /// checked. A second call runs the steps without them.
    pub async fn run(&mut self) -> Result<ApplyOutcome, ApplyError> {
        self.secrets.check_rules()?;
        let Some(senders) = self.senders.take() else {
            return self.run_steps().await;
        };
        // On the heap: the two futures are large (in a debug build far more so), and the
        // wizard runs apply on a background thread with a thread's default stack (2 MiB).
        let reads = Box::pin(prefetch::drive(
            self.cloud(),
            self.plan(),
            Rc::clone(&self.pace),
            senders,
        ));
        let steps = Box::pin(self.run_steps());
        match futures_util::future::select(steps, reads).await {
            Either::Left((outcome, _)) => outcome,
            Either::Right(((), steps)) => steps.await,
        }
    }

    /// The steps, in order.
    async fn run_steps(&mut self) -> Result<ApplyOutcome, ApplyError> {
        let steps = plan_steps(self.plan());
        let total = steps.len();
        for (index, step) in steps.into_iter().enumerate() {
            self.report(Event::StepStarted {
                index: index + 1,
                total,
                description: step.describe(self.plan()),
            });
            match self.step(&step).await? {
                StepEnd::Done(note) => self.report(Event::StepDone { note }),
                StepEnd::Paused(instructions) => {
                    return Ok(ApplyOutcome::Paused {
                        gate: step,
                        instructions,
                    });
                }
            }
        }
        Ok(ApplyOutcome::Done)
    }

    async fn step(&mut self, step: &Step) -> Result<StepEnd, ApplyError> {
        match step {
            Step::CheckAccount => self.check_account().await,
            Step::CheckInstance => self.check_instance().await,
            Step::ResolveTargets => self.resolve_targets().await,
            Step::CheckSubnets => self.check_subnets().await,
            Step::ConnectDirectory | Step::CreateManagedAd => self.ensure_directory(step).await,
            Step::UseExistingDirectory => self.use_existing().await,
            Step::WaitDirectoryActive => self.wait_directory().await,
            Step::CreateTrust(index) => self.ensure_trust(*index).await,
            Step::OnPremGate => self.onprem_gate().await,
            Step::WaitTrustVerified => self.wait_trust().await,
            Step::IdentitySourceGate => self.identity_source_gate().await,
            Step::PermissionSets => self.ensure_permission_sets().await,
            Step::Assignments => self.ensure_assignments().await,
        }
    }

    /// Reads current state. In a dry run a failed read is reported once, and from then on
    /// nothing more is read (`None`): every call is listed as if nothing existed.
    pub(crate) async fn read<T>(
        &mut self,
        call: impl Future<Output = Result<T, AwsError>>,
    ) -> Result<Option<T>, ApplyError> {
        if self.sight == Sight::Blind {
            return Ok(None);
        }
        match call.await {
            Ok(value) => Ok(Some(value)),
            Err(error) if self.mode() == RunMode::DryRun => {
                self.sight = Sight::Blind;
                self.report(Event::Warning(format!(
                    "could not read the current state ({error}); listing every call as if nothing existed yet"
                )));
                Ok(None)
            }
            Err(error) => Err(error.into()),
        }
    }

    /// Polls `check` with backoff until it is ready, fails, or the wait times out.
    pub(crate) async fn wait<T, F, Fut>(
        &mut self,
        what: &str,
        mut check: F,
    ) -> Result<T, ApplyError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Check<T>, ApplyError>>,
    {
        let checked = || {
            let next = check();
            async move {
                Ok(match next.await? {
                    Check::Ready(value) => Ok(value),
                    Check::Pending(state) => Err(state),
                })
            }
        };
        match self
            .poll(what, Patience::UntilTimeout, None, checked)
            .await?
        {
            Polled::Ready(value) => Ok(value),
            Polled::GaveUp { state, waited } => Err(ApplyError::Timeout {
                what: what.to_owned(),
                state,
                waited,
            }),
        }
    }

    /// The one poll loop of apply (waits and gates): calls `check` until it gives a value
    /// (`Ok(value)`) or an error, with backoff between checks and a `Waiting` event before each
    /// pause; `patience` says when to give up on a pending state (`Err(state)`), and `nudge`
    /// (the operator's Enter at a gate) cuts a pause short.
    pub(crate) async fn poll<T, F, Fut>(
        &mut self,
        what: &str,
        patience: Patience,
        nudge: Option<Arc<Notify>>,
        mut check: F,
    ) -> Result<Polled<T>, ApplyError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Result<T, String>, ApplyError>>,
    {
        let start = Instant::now();
        let policy = self.options().policy;
        let mut backoff = policy.backoff();
        loop {
            let state = match check().await? {
                Ok(value) => return Ok(Polled::Ready(value)),
                Err(state) => state,
            };
            let elapsed = start.elapsed();
            if patience == Patience::CheckOnce || elapsed >= policy.timeout {
                return Ok(Polled::GaveUp {
                    state,
                    waited: elapsed,
                });
            }
            let next = backoff
                .next()
                .unwrap_or(policy.max)
                .min(policy.timeout - elapsed);
            self.report(Event::Waiting {
                what: what.to_owned(),
                state,
                elapsed,
                next_check: next,
            });
            match &nudge {
                Some(nudge) => {
                    tokio::select! {
                        () = tokio::time::sleep(next) => {}
                        () = nudge.notified() => {}
                    }
                }
                None => tokio::time::sleep(next).await,
            }
        }
    }
}
