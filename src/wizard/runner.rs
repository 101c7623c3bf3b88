//! Runs apply for the wizard: resolves the plan's env and file secrets (the rest are typed in
//! the TUI's masked field), then runs the apply engine through the connector it is given,
//! forwarding its progress events ([`super::effects`] puts the run on a background thread for
//! the full-screen front end). Gates do not block here: apply stops at a manual step with its
//! instructions, and `adsso apply FILE` resumes later.

use std::time::Duration;

use secrecy::SecretString;
use zeroize::Zeroizing;

use super::apply::{ApplyEnd, SecretSlot};
use super::effects::AwsAccess;
use crate::apply::{
    ApplyOutcome, Event, Executor, GateMode, Reporter, RunContext, RunMode, RunOptions, Secrets,
    WaitPolicy,
};
use crate::aws::Connect;
use crate::plan::Plan;

/// How long each wait of a wizard-started apply may take.
pub const WAIT_TIMEOUT: Duration = Duration::from_secs(60 * 60);

/// Resolves what env and file references give; returns those secrets and the slots to ask for
/// (a file that cannot be used is asked for too; the run checks every password's rules).
pub fn prepare(plan: &Plan) -> (Secrets, Vec<SecretSlot>) {
    let mut secrets = Secrets::default();
    let mut missing = Vec::new();
    for (slot, reference) in crate::plan::secret_slots(plan) {
        match crate::secrets::read_without_asking(slot, reference) {
            Some(Ok(value)) => secrets.store(slot, value),
            Some(Err(_)) | None => missing.push(slot),
        }
    }
    (secrets, missing)
}

/// Puts a typed password into its slot.
pub fn store_typed(secrets: &mut Secrets, slot: SecretSlot, typed: Zeroizing<String>) {
    secrets.store(slot, SecretString::from(typed.as_str().to_owned()));
}

/// Forwards progress events to the TUI's channel.
struct Forward<F: Fn(Event)>(F);

impl<F: Fn(Event)> Reporter for Forward<F> {
    fn event(&mut self, event: Event) {
        (self.0)(event);
    }
}

/// Runs apply to its end on this thread (blocking): opens the cloud for the plan's Region
/// through `aws`, runs every step with gates that stop (never wait), and gives `on_event` each
/// progress event; `file` is the plan's file, named in the instructions of a pause.
pub fn run<K: Connect>(
    plan: &Plan,
    file: &str,
    secrets: Secrets,
    aws: &AwsAccess<K>,
    on_event: impl Fn(Event),
) -> ApplyEnd {
    let ran = crate::runtime::block_on(async {
        let cloud = aws.open(&plan.aws.region).await;
        let mut reporter = Forward(on_event);
        let policy = WaitPolicy::from_env(WAIT_TIMEOUT);
        let context = RunContext {
            plan,
            cloud: &cloud,
            reporter: &mut reporter,
            options: RunOptions::new(RunMode::Apply, GateMode::Stop, policy).with_plan_file(file),
        };
        let mut executor = Executor::new(context, secrets);
        match executor.run().await {
            Ok(ApplyOutcome::Done) => ApplyEnd::Done,
            Ok(ApplyOutcome::Paused { instructions, .. }) => ApplyEnd::Paused(instructions),
            Err(error) => ApplyEnd::Failed(error.with_fix()),
        }
    });
    ran.unwrap_or_else(|error| ApplyEnd::Failed(error.to_string()))
}
