//! Shared by the apply unit tests: test passwords that meet AWS's rules, a fast wait policy,
//! and one way to run the executor against the in-memory fake and collect its events.

use std::time::Duration;

use secrecy::SecretString;

use super::events::Collect;
use super::*;
use crate::aws::fake::Fake;

/// Which clock the run sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Clock {
    /// Tokio's paused clock: waits pass at once.
    Paused,
    /// Real time (the gates' Enter nudge and timeouts measure it).
    Real,
}

/// Test passwords for every slot; each meets AWS's rules for it.
pub(super) fn test_secrets() -> Secrets {
    Secrets {
        service_account: Some(SecretString::from("pw-1")),
        admin: Some(SecretString::from("Pw-2-Mgmt0x")),
        trust: Some(SecretString::from("pw-3")),
        domain_trusts: [(1, SecretString::from("pw-4 emea"))].into(),
    }
}

/// Polls every 1-2 ms, giving up after `timeout`.
pub(super) fn fast_policy(timeout: Duration) -> WaitPolicy {
    WaitPolicy {
        initial: Duration::from_millis(1),
        max: Duration::from_millis(2),
        timeout,
    }
}

/// A single-threaded runtime with timers on `clock`.
pub(super) fn runtime(clock: Clock) -> tokio::runtime::Runtime {
    let mut builder = tokio::runtime::Builder::new_current_thread();
    builder.enable_time();
    if clock == Clock::Paused {
        builder.start_paused(true);
    }
    builder.build().unwrap()
}

/// Runs `plan` against `cloud` once (with [`test_secrets`] unless a dry run) and returns the
/// outcome and every event.
pub(super) fn execute(
    plan: &Plan,
    cloud: &Fake,
    mode: RunMode,
    gates: GateMode,
    policy: WaitPolicy,
    clock: Clock,
) -> (Result<ApplyOutcome, ApplyError>, Vec<Event>) {
    let mut events = Collect::default();
    let secrets = match mode {
        RunMode::Apply => test_secrets(),
        RunMode::DryRun => Secrets::default(),
    };
    let context = RunContext {
        plan,
        cloud,
        reporter: &mut events,
        options: RunOptions::new(mode, gates, policy),
    };
    let outcome = runtime(clock).block_on(Executor::new(context, secrets).run());
    (outcome, events.0)
}
