//! The full-screen front end's event loop: terminal events (read on their own thread) and ticks
//! arrive on one channel; each becomes an [`Action`] for `update`, and the frame is redrawn.
//! `ratatui::init` puts the terminal in raw mode and restores it on panic; this loop restores it
//! on every exit path.

use std::path::Path;
use std::sync::{Arc, mpsc};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

pub use super::keys::action_for;

use super::apply::ApplyEnd;
use super::discovery::{AwsDiscovery, Discovery, Found};
use super::model::{Exit, Model};
use super::runner;
use super::save;
use super::update::{Action, Effect, update};
use super::view::view;
use crate::apply::Secrets;

/// How often the screen is redrawn without input (spinners, clocks).
const TICK: Duration = Duration::from_millis(250);

/// What reaches the loop.
enum Message {
    /// A terminal event.
    Terminal(Event),
    /// A progress event of the running apply.
    Apply(crate::apply::Event),
    /// Apply ended.
    Applied(ApplyEnd),
    /// Background discovery finished.
    Discovered(Result<Found, String>),
    /// The background connectivity check finished.
    Checks {
        /// The checklist.
        report: String,
        /// True when nothing failed.
        passed: bool,
    },
}

/// Runs the full-screen wizard until the plan is saved or the operator quits.
pub fn run(
    mut model: Model,
    discovery: Arc<dyn Discovery>,
    aws: AwsDiscovery,
) -> std::io::Result<Exit> {
    let mut secrets = Secrets::default();
    let mut terminal = ratatui::init();
    let (sender, receiver) = mpsc::channel();
    let worker = sender.clone();
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if sender.send(Message::Terminal(event)).is_err() {
                break;
            }
        }
    });
    let result = (|| {
        while model.exit == Exit::Running {
            terminal.draw(|frame| view(&model, frame))?;
            forced_panic_for_tests();
            let action = match receiver.recv_timeout(TICK) {
                Err(_) => Action::Tick,
                Ok(Message::Checks { report, passed }) => Action::ChecksDone { report, passed },
                Ok(Message::Discovered(result)) => Action::Discovered(result),
                Ok(Message::Apply(event)) => Action::ApplyEvent(event),
                Ok(Message::Applied(end)) => Action::ApplyFinished(end),
                Ok(Message::Terminal(Event::Key(key))) => match action_for(key, &model) {
                    Some(action) => action,
                    None => continue,
                },
                Ok(Message::Terminal(_)) => continue,
            };
            // An effect may answer with an action whose update asks for another effect.
            let mut effect = update(&mut model, action);
            loop {
                let next = match effect {
                    Effect::None => break,
                    Effect::Save { path, overwrite } => {
                        let outcome =
                            save::save(&model.draft.to_plan(), Path::new(&path), overwrite)
                                .map(|()| path);
                        Some(Action::SaveResult(outcome))
                    }
                    Effect::PrepareApply => {
                        let (resolved, missing) = runner::prepare(&model.draft.to_plan());
                        secrets = resolved;
                        Some(Action::SecretsNeeded(missing))
                    }
                    Effect::SecretEntered { slot, last } => {
                        runner::store_typed(&mut secrets, slot, model.secret_input.take());
                        if last {
                            start_apply(&model, &mut secrets, &aws, &worker);
                        }
                        None
                    }
                    Effect::StartApply => {
                        start_apply(&model, &mut secrets, &aws, &worker);
                        None
                    }
                    Effect::Discover(region) => {
                        let sender = worker.clone();
                        let discovery = Arc::clone(&discovery);
                        std::thread::spawn(move || {
                            let _ = sender.send(Message::Discovered(discovery.discover(&region)));
                        });
                        None
                    }
                    Effect::CheckConnectivity => {
                        let plan = model.draft.to_plan();
                        let sender = worker.clone();
                        std::thread::spawn(move || {
                            let (report, passed) = super::connectivity::check(&plan);
                            let _ = sender.send(Message::Checks { report, passed });
                        });
                        None
                    }
                };
                effect = match next {
                    Some(action) => update(&mut model, action),
                    None => Effect::None,
                };
            }
        }
        Ok(model.exit.clone())
    })();
    ratatui::restore();
    result
}

/// Starts apply on a background thread with the passwords gathered (they move to it).
fn start_apply(
    model: &Model,
    secrets: &mut Secrets,
    aws: &AwsDiscovery,
    sender: &mpsc::Sender<Message>,
) {
    runner::spawn(
        model.draft.to_plan(),
        std::mem::take(secrets),
        aws.clone(),
        sender.clone(),
        Message::Apply,
        Message::Applied,
    );
}

/// Debug builds only: `ADSSO_WIZARD_FORCE_PANIC=1` panics after the first frame, so the tests
/// can check that a panic leaves the terminal restored.
#[cfg(debug_assertions)]
#[allow(clippy::panic)]
fn forced_panic_for_tests() {
    if std::env::var_os("ADSSO_WIZARD_FORCE_PANIC").is_some() {
        panic!("forced panic (ADSSO_WIZARD_FORCE_PANIC)");
    }
}

#[cfg(not(debug_assertions))]
fn forced_panic_for_tests() {}
