//! `adsso apply FILE [--yes] [--dry-run] [--wait-timeout DUR] [--prune]`: runs the plan's steps.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

use super::progress::Printer;
use super::{CommandError, Confirm, Outcome, confirm, connection, load_valid};
use crate::apply::summary::summary;
use crate::apply::{
    ApplyOutcome, Executor, GateMode, RunContext, RunMode, RunOptions, Secrets, WaitPolicy,
};
use crate::aws::Target;
use crate::aws::sdk::SdkCloud;
use crate::cli::ApplyArgs;

/// What the flags asked for, as the engine's enums.
#[derive(Debug, Clone, Copy)]
struct Options {
    /// `--yes` or ask.
    confirm: Confirm,
    /// `--dry-run` or not.
    mode: RunMode,
    /// `--wait-timeout`.
    wait_timeout: Duration,
}

impl From<&ApplyArgs> for Options {
    fn from(args: &ApplyArgs) -> Self {
        Options {
            confirm: Confirm::from_yes(args.yes),
            mode: if args.dry_run {
                RunMode::DryRun
            } else {
                RunMode::Apply
            },
            wait_timeout: args.wait_timeout,
        }
    }
}

/// Applies the plan in `args.file`.
pub fn run(args: &ApplyArgs, flags: &Target) -> Result<Outcome, CommandError> {
    let options = Options::from(args);
    let file = args.file.as_path();
    let Some(mut plan) = load_valid(file)? else {
        return Ok(Outcome::Invalid);
    };
    if args.prune {
        for assignment in plan
            .identity_center
            .iter_mut()
            .flat_map(|ic| &mut ic.assignments)
        {
            assignment.prune = true;
        }
    }
    let connection = connection(flags, &plan)?;
    let secrets = match options.mode {
        RunMode::DryRun => Secrets::default(),
        RunMode::Apply => {
            // Every secret readable without asking is read and checked before any AWS call.
            let offline = crate::secrets::resolve_offline(&plan)?;
            if offline.open.is_empty() {
                offline.secrets
            } else {
                // Then, read-only: a resumed run asks for (or needs) no password whose
                // resource exists.
                let open = crate::runtime::block_on(async {
                    let cloud = SdkCloud::connect(&connection).await;
                    crate::apply::needs::still_needed(&plan, &cloud, offline.open).await
                })?;
                let mut secrets = offline.secrets;
                secrets.extend(crate::secrets::resolve_slots(&plan, &open)?);
                secrets
            }
        }
    };
    if options.mode == RunMode::Apply && options.confirm == Confirm::Ask {
        if !offer_preflight(&plan, &secrets)? {
            eprintln!("nothing was changed");
            return Ok(Outcome::Failed);
        }
        let mut err = std::io::stderr().lock();
        for line in summary(&plan, &file.display().to_string()) {
            writeln!(err, "{line}")?;
        }
        drop(err);
        if !confirm(crate::text::cost::APPLY_QUESTION, "apply")? {
            eprintln!("nothing was changed");
            return Ok(Outcome::Failed);
        }
    }
    let gates = if options.confirm == Confirm::Ask && std::io::stdin().is_terminal() {
        GateMode::Wait
    } else {
        GateMode::Stop
    };
    let policy = WaitPolicy::from_env(options.wait_timeout);
    let mut printer = Printer::default();
    let outcome = crate::runtime::block_on(async {
        let cloud = SdkCloud::connect(&connection).await;
        let mut run =
            RunOptions::new(options.mode, gates, policy).with_plan_file(file.display().to_string());
        if gates == GateMode::Wait {
            run = run.with_nudge(enter_key());
        }
        let context = RunContext {
            plan: &plan,
            cloud: &cloud,
            reporter: &mut printer,
            options: run,
        };
        let mut executor = Executor::new(context, secrets);
        tokio::select! {
            outcome = executor.run() => outcome.map_err(CommandError::from),
            _ = tokio::signal::ctrl_c() => Err(CommandError::Interrupted),
        }
    })??;
    let mut out = std::io::stdout().lock();
    if options.mode == RunMode::DryRun {
        for line in crate::text::cost::cost_lines(&plan) {
            writeln!(out, "{line}")?;
        }
    }
    match (outcome, options.mode) {
        (ApplyOutcome::Done, RunMode::DryRun) => {
            writeln!(out, "dry run: nothing was changed")?;
            Ok(Outcome::Done)
        }
        (ApplyOutcome::Done, RunMode::Apply) => {
            writeln!(out, "apply complete: {} is connected", plan.metadata.name)?;
            Ok(Outcome::Done)
        }
        (ApplyOutcome::Paused { instructions, .. }, _) => {
            writeln!(out, "{instructions}")?;
            Ok(Outcome::Paused)
        }
    }
}

/// Notified each time the operator presses Enter (a gate then checks at once).
fn enter_key() -> Arc<Notify> {
    let nudge = Arc::new(Notify::new());
    let notify = Arc::clone(&nudge);
    std::thread::spawn(move || {
        let mut line = String::new();
        while std::io::stdin().read_line(&mut line).is_ok_and(|n| n > 0) {
            notify.notify_one();
            line.clear();
        }
    });
    nudge
}

/// Offers the preflight checks before anything changes (skippable); returns false when the
/// operator stops after failed checks.
fn offer_preflight(plan: &crate::plan::Plan, secrets: &Secrets) -> Result<bool, CommandError> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        // No one to ask: the confirmation that follows reports the missing terminal.
        return Ok(true);
    }
    let run = inquire::Confirm::new(crate::text::wizard::PREFLIGHT_FIRST)
        .with_default(true)
        .with_help_message(crate::text::wizard::CHECK_HINT_PLAIN)
        .prompt()
        .map_err(|error| CommandError::Prompt(error.to_string()))?;
    if !run {
        return Ok(true);
    }
    let report = crate::preflight::run::run_with_defaults(plan, secrets.service_account.as_ref())
        .map_err(CommandError::Prompt)?;
    eprint!("{}", report.render_text());
    if report.passed() {
        return Ok(true);
    }
    confirm(crate::text::wizard::CONTINUE_AFTER_FAILED_CHECKS, "apply")
}
