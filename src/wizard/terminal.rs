//! The full-screen front end's event loop: terminal events (read on their own thread), ticks and
//! the answers of background work arrive on one channel; each becomes an [`Action`] for
//! `update`, whose effects go to [`Effects::perform`], and the frame is redrawn. The loop maps
//! and draws only. The terminal is set up by `ratatui::try_init` (raw mode, alternate screen;
//! its panic hook restores the terminal on a panic) and restored by a guard on every other exit
//! path, errors included.

use std::sync::mpsc;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

pub use super::keys::action_for;

use super::effects::{Connector, Effects};
use super::model::{Exit, Model, TermSize};
use super::update::{Action, update};
use super::view::view;

/// How often the screen is redrawn without input (spinners, clocks).
const TICK: Duration = Duration::from_millis(250);

/// What reaches the loop.
enum Message {
    /// A terminal event.
    Terminal(Event),
    /// The answer of background work (discovery, the connectivity check, apply's progress).
    Answer(Action),
}

/// Restores the terminal when dropped (also after a set-up that failed half way), unless a panic
/// is unwinding: then ratatui's panic hook has restored it already, before the message was
/// printed.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            ratatui::restore();
        }
    }
}

/// Runs the full-screen wizard until the plan is saved or the operator quits.
pub fn run<K: Connector>(mut model: Model, mut effects: Effects<K>) -> std::io::Result<Exit> {
    let _restore = Restore;
    let mut terminal = ratatui::try_init()?;
    let (sender, receiver) = mpsc::channel();
    let worker = sender.clone();
    let answer = move |action| {
        let _ = worker.send(Message::Answer(action));
    };
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if sender.send(Message::Terminal(event)).is_err() {
                break;
            }
        }
    });
    let size = terminal.size()?;
    update(
        &mut model,
        Action::Resize(TermSize {
            width: size.width,
            height: size.height,
        }),
    );
    while model.exit == Exit::Running {
        terminal.draw(|frame| view(&model, frame))?;
        forced_panic_for_tests();
        let action = match receiver.recv_timeout(TICK) {
            Err(_) => Action::Tick,
            Ok(Message::Answer(action)) => action,
            Ok(Message::Terminal(Event::Key(key))) => match action_for(key, &model) {
                Some(action) => action,
                None => continue,
            },
            Ok(Message::Terminal(Event::Resize(width, height))) => {
                Action::Resize(TermSize { width, height })
            }
            Ok(Message::Terminal(_)) => continue,
        };
        // An effect may answer with an action whose update asks for another effect.
        let mut effect = update(&mut model, action);
        while let Some(next) = effects.perform(effect, &mut model, &answer) {
            effect = update(&mut model, next);
        }
    }
    Ok(model.exit.clone())
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
