//! Runs apply for the wizard: resolves the plan's env and file secrets (the rest are typed in
//! the TUI's masked field), then runs the apply engine on a background thread, forwarding its
//! progress events. Gates do not block here: apply stops at a manual step with its
//! instructions, and `adsso apply FILE` resumes later.

use std::sync::mpsc::Sender;
use std::time::Duration;

use secrecy::SecretString;
use zeroize::Zeroizing;

use super::apply::{ApplyEnd, SecretSlot};
use super::discovery::AwsDiscovery;
use crate::apply::{
    ApplyOutcome, Event, Executor, GateMode, Reporter, RunContext, RunMode, RunOptions, Secrets,
    WaitPolicy,
};
use crate::aws::sdk::SdkCloud;
use crate::plan::{Plan, SecretRef};

/// How long each wait of a wizard-started apply may take.
pub const WAIT_TIMEOUT: Duration = Duration::from_secs(60 * 60);

/// Resolves what env and file references give; returns those secrets and the slots to ask for.
pub fn prepare(plan: &Plan) -> (Secrets, Vec<SecretSlot>) {
    let mut secrets = Secrets::default();
    let mut missing = Vec::new();
    for (slot, reference) in crate::plan::secret_slots(plan) {
        let resolved = match reference {
            SecretRef::Prompt => None,
            other => crate::secrets::resolve(other, slot.what()).ok(),
        };
        match resolved {
            Some(value) => secrets.store(slot, value),
            None => missing.push(slot),
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

/// Runs apply on a new thread; `on_event` gets each progress event, `on_end` the end.
pub fn spawn<M: Send + 'static>(
    plan: Plan,
    secrets: Secrets,
    aws: AwsDiscovery,
    sender: Sender<M>,
    on_event: fn(Event) -> M,
    on_end: fn(ApplyEnd) -> M,
) {
    std::thread::spawn(move || {
        let events = sender.clone();
        let end = run(&plan, secrets, &aws, move |event| {
            let _ = events.send(on_event(event));
        });
        let _ = sender.send(on_end(end));
    });
}

/// Runs apply to its end on this thread (blocking); `on_event` gets each progress event.
pub fn run(
    plan: &Plan,
    secrets: Secrets,
    aws: &AwsDiscovery,
    on_event: impl Fn(Event),
) -> ApplyEnd {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => return ApplyEnd::Failed(error.to_string()),
    };
    runtime.block_on(async {
        let cloud = SdkCloud::connect(&aws.target.in_region(&plan.aws.region)).await;
        let mut reporter = Forward(on_event);
        let policy = WaitPolicy::from_env(WAIT_TIMEOUT);
        let context = RunContext {
            plan,
            cloud: &cloud,
            reporter: &mut reporter,
            options: RunOptions::new(RunMode::Apply, GateMode::Stop, policy),
        };
        let mut executor = Executor::new(context, secrets);
        match executor.run().await {
            Ok(ApplyOutcome::Done) => ApplyEnd::Done,
            Ok(ApplyOutcome::Paused { instructions, .. }) => ApplyEnd::Paused(instructions),
            Err(error) => ApplyEnd::Failed(error.with_fix()),
        }
    })
}
