//! Runs the steps of a plan against a [`Cloud`]: reads first, skips what is done, creates what
//! is missing (tagged), waits with backoff, and stops at manual gates without evidence.

use std::collections::BTreeMap;
use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use secrecy::{ExposeSecret, SecretString};
use tokio::sync::Notify;

use crate::apply::throughput::{Estimate, Pace};
use crate::apply::wait::{Patience, Polled};
use crate::apply::{ApplyError, Event, Reporter, Step, WaitPolicy, plan_steps};
use crate::aws::{AwsError, Cloud, Directory, Group, Instance, TrustInfo};
use crate::plan::{Plan, SecretSlot};

/// Whether calls that change AWS are made or only listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunMode {
    /// Make every call.
    Apply,
    /// Make only reads; list the mutating calls with their parameters.
    DryRun,
}

/// What a manual gate without evidence does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateMode {
    /// Show the instructions and poll for the evidence (an operator is at a terminal).
    Wait,
    /// Stop apply with the instructions (exit 3); a later apply resumes.
    Stop,
}

/// The secrets of a plan, resolved by the command (none in a dry run).
#[derive(Default)]
pub struct Secrets {
    /// The AD Connector's service account password.
    pub service_account: Option<SecretString>,
    /// The new Managed AD's Admin password.
    pub admin: Option<SecretString>,
    /// The trust password.
    pub trust: Option<SecretString>,
}

impl Secrets {
    /// Puts a resolved password into its slot.
    pub fn store(&mut self, slot: SecretSlot, value: SecretString) {
        match slot {
            SecretSlot::ServiceAccount => self.service_account = Some(value),
            SecretSlot::Admin => self.admin = Some(value),
            SecretSlot::Trust => self.trust = Some(value),
        }
    }

    /// The first password that breaks AWS's rules for it, checked before any AWS call (the
    /// wizard's typed passwords reach apply only through here).
    pub fn check_rules(&self) -> Result<(), ApplyError> {
        let slots = [
            (SecretSlot::ServiceAccount, &self.service_account),
            (SecretSlot::Admin, &self.admin),
            (SecretSlot::Trust, &self.trust),
        ];
        for (slot, value) in slots {
            if let Some(value) = value {
                slot.check(value.expose_secret())
                    .map_err(|problem| ApplyError::PasswordRule {
                        what: slot.what(),
                        problem,
                    })?;
            }
        }
        Ok(())
    }
}

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
    pub(crate) plan: &'a Plan,
    pub(crate) cloud: &'a C,
    pub(crate) reporter: &'a mut R,
    pub(crate) mode: RunMode,
    pub(crate) gates: GateMode,
    pub(crate) policy: WaitPolicy,
    pub(crate) secrets: Secrets,
    sight: Sight,
    pub(crate) account: Option<String>,
    pub(crate) instance: Option<Instance>,
    pub(crate) directory: Option<Directory>,
    pub(crate) trust: Option<TrustInfo>,
    pub(crate) nudge: Option<Arc<Notify>>,
    /// The identity store's groups, as the identity-source gate read them.
    pub(crate) groups: Option<Vec<Group>>,
    /// Plan permission set name -> ARN (a placeholder in a dry run).
    pub(crate) permission_sets: BTreeMap<String, String>,
    /// The Identity Center call budget.
    pub(crate) pace: Pace,
    /// How long an assignment creation takes, as seen so far.
    pub(crate) estimate: Estimate,
}

impl<'a, C: Cloud, R: Reporter> Executor<'a, C, R> {
    /// An executor for `plan`.
    pub fn new(
        plan: &'a Plan,
        cloud: &'a C,
        reporter: &'a mut R,
        mode: RunMode,
        gates: GateMode,
        policy: WaitPolicy,
        secrets: Secrets,
    ) -> Self {
        Executor {
            plan,
            cloud,
            reporter,
            mode,
            gates,
            policy,
            secrets,
            sight: Sight::Reading,
            account: None,
            instance: None,
            directory: None,
            trust: None,
            nudge: None,
            groups: None,
            permission_sets: BTreeMap::new(),
            pace: crate::apply::assignments::pace(),
            estimate: crate::apply::assignments::estimate(),
        }
    }

    /// Lets the operator cut a gate's poll interval short (the command notifies on Enter).
    pub fn with_nudge(mut self, nudge: Arc<Notify>) -> Self {
        self.nudge = Some(nudge);
        self
    }

    /// Runs every step in order.
    pub async fn run(&mut self) -> Result<ApplyOutcome, ApplyError> {
        self.secrets.check_rules()?;
        let steps = plan_steps(self.plan);
        let total = steps.len();
        for (index, step) in steps.into_iter().enumerate() {
            self.reporter.event(Event::StepStarted {
                index: index + 1,
                total,
                description: step.describe(self.plan),
            });
            match self.step(&step).await? {
                StepEnd::Done(note) => self.reporter.event(Event::StepDone { note }),
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
            Step::CheckSubnets => self.check_subnets().await,
            Step::ConnectDirectory | Step::CreateManagedAd => self.ensure_directory(step).await,
            Step::UseExistingDirectory => self.use_existing().await,
            Step::WaitDirectoryActive => self.wait_directory().await,
            Step::CreateTrust => self.ensure_trust().await,
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
            Err(error) if self.mode == RunMode::DryRun => {
                self.sight = Sight::Blind;
                self.reporter.event(Event::Warning(format!(
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
        let mut backoff = self.policy.backoff();
        loop {
            let state = match check().await? {
                Ok(value) => return Ok(Polled::Ready(value)),
                Err(state) => state,
            };
            let elapsed = start.elapsed();
            if patience == Patience::CheckOnce || elapsed >= self.policy.timeout {
                return Ok(Polled::GaveUp {
                    state,
                    waited: elapsed,
                });
            }
            let next = backoff
                .next()
                .unwrap_or(self.policy.max)
                .min(self.policy.timeout - elapsed);
            self.reporter.event(Event::Waiting {
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
