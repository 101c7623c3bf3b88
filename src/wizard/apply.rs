//! Apply now, from the wizard: the state of the run as the TUI shows it, its transitions, (the secrets still to
//! ask for, the step being run, waits, gate instructions, the end), and the masked input used to
//! ask for a password. The run itself happens on a background thread (see `effects`) and
//! reaches `update` as the apply engine's progress events.

use std::fmt;

use zeroize::Zeroizing;

use super::model::{Exit, Follow, Model, Overlay};
use super::update::{Action, Effect};
use crate::apply::Event;
use crate::text::wizard as words;

pub use crate::plan::SecretSlot;

/// How apply ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyEnd {
    /// Every step done.
    Done,
    /// Stopped at a manual step; the instructions.
    Paused(String),
    /// Failed; the reason (never a secret).
    Failed(String),
}

/// The wizard's view of an apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyView {
    /// Not asked for.
    NotStarted,
    /// The plan is saved; showing what apply will do and cost (these lines), asking once.
    Confirming(Vec<String>),
    /// Asking for these passwords, the first one now.
    AskingSecrets(Vec<SecretSlot>),
    /// Running.
    Running(Progress),
    /// Over.
    Finished(ApplyEnd, Progress),
}

/// What the run has shown so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    /// The step running: (1-based index, total, description).
    pub step: Option<(usize, usize, String)>,
    /// The current wait, in words.
    pub waiting: Option<String>,
    /// Finished steps, warnings and instructions, in order.
    pub log: Vec<String>,
    /// Ticks since the start (spinner, elapsed time).
    pub ticks: usize,
}

impl Progress {
    /// Takes one progress event into account.
    pub fn record(&mut self, event: Event) {
        match event {
            Event::StepStarted {
                index,
                total,
                description,
            } => {
                self.step = Some((index, total, description));
                self.waiting = None;
            }
            Event::StepDone { note } => {
                if let Some((index, _, description)) = &self.step {
                    self.log.push(format!("✓ {index}. {description}: {note}"));
                }
                self.waiting = None;
            }
            waiting @ (Event::Waiting { .. } | Event::Progress { .. }) => {
                self.waiting = Some(waiting.to_string());
            }
            Event::Warning(text) => self.log.push(format!("⚠ {text}")),
            Event::Detail(text) => self.log.push(format!("  {text}")),
            Event::Gate(text) => self.log.push(text),
            Event::WouldCall(call) => self.log.push(call.to_string()),
        }
    }

    /// Fraction of the steps done, for the gauge.
    pub fn ratio(&self) -> f64 {
        match &self.step {
            Some((index, total, _)) if *total > 0 => (*index as f64 - 1.0).max(0.0) / *total as f64,
            _ => 0.0,
        }
    }
}

/// Actions while apply now runs (or asks for passwords); `None` when apply is not involved.
pub(super) fn update(model: &mut Model, action: &Action) -> Option<Effect> {
    if let Action::SecretsNeeded(_) = action {
        model.follow = Follow::Current;
    }
    match (&mut model.apply, action) {
        (ApplyView::Confirming(_), Action::Confirm) => Some(Effect::PrepareApply),
        (ApplyView::Confirming(_), Action::Back) => {
            model.apply = ApplyView::NotStarted;
            model.focus = 2;
            Some(Effect::None)
        }
        (ApplyView::Confirming(_), Action::Quit) => {
            model.exit = Exit::SavedNotApplied(model.save_path.trim().to_owned());
            Some(Effect::None)
        }
        (ApplyView::Confirming(_), Action::Scroll(lines)) => {
            super::update::scroll(model, *lines);
            Some(Effect::None)
        }
        (_, Action::SecretsNeeded(slots)) if slots.is_empty() => {
            model.apply = ApplyView::Running(Progress::default());
            Some(Effect::StartApply)
        }
        (_, Action::SecretsNeeded(slots)) => {
            model.apply = ApplyView::AskingSecrets(slots.clone());
            Some(Effect::None)
        }
        (
            ApplyView::Confirming(_)
            | ApplyView::AskingSecrets(_)
            | ApplyView::Running(_)
            | ApplyView::Finished(..),
            Action::Help,
        ) => {
            model.overlay = Overlay::Help;
            Some(Effect::None)
        }
        (ApplyView::AskingSecrets(_), Action::Type(c)) => {
            model.secret_input.push(*c);
            Some(Effect::None)
        }
        (ApplyView::AskingSecrets(_), Action::Erase) => {
            model.secret_input.pop();
            Some(Effect::None)
        }
        (ApplyView::AskingSecrets(slots), Action::Confirm) if !model.secret_input.is_empty() => {
            let Some(&slot) = slots.first() else {
                return Some(Effect::None);
            };
            if !entry_taken(model, slot) {
                return Some(Effect::None);
            }
            let ApplyView::AskingSecrets(slots) = &mut model.apply else {
                return Some(Effect::None);
            };
            slots.remove(0);
            let last = slots.is_empty();
            if last {
                model.apply = ApplyView::Running(Progress::default());
            }
            Some(Effect::SecretEntered { slot, last })
        }
        (ApplyView::AskingSecrets(_), Action::Confirm) => Some(Effect::None),
        (ApplyView::Running(progress), Action::ApplyEvent(event)) => {
            progress.record(event.clone());
            Some(Effect::None)
        }
        (ApplyView::Running(progress), Action::Tick) => {
            progress.ticks += 1;
            Some(Effect::None)
        }
        (ApplyView::Running(progress), Action::ApplyFinished(end)) => {
            let progress = std::mem::take(progress);
            model.apply = ApplyView::Finished(end.clone(), progress);
            model.follow = Follow::Current;
            Some(Effect::None)
        }
        (ApplyView::Finished(end, _), Action::Confirm | Action::Quit | Action::Back) => {
            let path = model.save_path.trim().to_owned();
            model.exit = Exit::Applied(path, end.clone());
            Some(Effect::None)
        }
        (ApplyView::Running(_) | ApplyView::Finished(..), Action::Scroll(lines)) => {
            super::update::scroll(model, *lines);
            Some(Effect::None)
        }
        (ApplyView::AskingSecrets(_), Action::Back) => {
            model.apply = ApplyView::NotStarted;
            drop(model.secret_input.take());
            model.secret_first = None;
            model.secret_problem = None;
            model.focus = 2;
            Some(Effect::CancelApply)
        }
        (ApplyView::AskingSecrets(_), Action::Quit) => {
            drop(model.secret_input.take());
            model.secret_first = None;
            model.exit = Exit::SavedNotApplied(model.save_path.trim().to_owned());
            Some(Effect::CancelApply)
        }
        (ApplyView::Running(_), Action::Quit) => {
            let path = model.save_path.trim().to_owned();
            model.exit = Exit::Applied(path, ApplyEnd::Failed(words::APPLY_INTERRUPTED.to_owned()));
            Some(Effect::None)
        }
        (
            ApplyView::Confirming(_)
            | ApplyView::AskingSecrets(_)
            | ApplyView::Running(_)
            | ApplyView::Finished(..),
            _,
        ) => Some(Effect::None),
        (ApplyView::NotStarted, _) => None,
    }
}

/// Judges the password typed for `slot`: it must meet AWS's rules at once, and a new one
/// (the Admin's, a trust's) is typed twice. True when it is taken (it stays in
/// `model.secret_input` for the effect); otherwise the field is cleared for the next entry and
/// `model.secret_problem` says why (never the value).
fn entry_taken(model: &mut Model, slot: SecretSlot) -> bool {
    use crate::secrets::typed::{Novelty, novelty};
    let what = slot.what();
    if let Err(problem) = slot.check(model.secret_input.expose()) {
        model.secret_problem = Some(crate::text::password_refused(&what, &problem));
        model.secret_first = None;
        drop(model.secret_input.take());
        return false;
    }
    if novelty(slot) == Novelty::Existing {
        model.secret_problem = None;
        return true;
    }
    match model.secret_first.take() {
        None => {
            model.secret_first = Some(std::mem::take(&mut model.secret_input));
            model.secret_problem = None;
            false
        }
        Some(first) if first.expose() == model.secret_input.expose() => {
            model.secret_problem = None;
            true
        }
        Some(_) => {
            model.secret_problem = Some(crate::text::password_mismatch(&what));
            drop(model.secret_input.take());
            false
        }
    }
}

/// A password being typed: shown as dots, zeroed when dropped, never printed by `Debug`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct MaskedInput(Zeroizing<String>);

impl MaskedInput {
    /// Adds a character.
    pub fn push(&mut self, c: char) {
        self.0.push(c);
    }

    /// Removes the last character.
    pub fn pop(&mut self) {
        self.0.pop();
    }

    /// How many characters were typed.
    pub fn len(&self) -> usize {
        self.0.chars().count()
    }

    /// The typed text, for the rule check and the comparison (never for display).
    pub fn expose(&self) -> &str {
        self.0.as_str()
    }

    /// True when nothing was typed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Takes the value out, leaving the input empty.
    pub fn take(&mut self) -> Zeroizing<String> {
        std::mem::take(&mut self.0)
    }
}

impl fmt::Debug for MaskedInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MaskedInput({} characters)", self.len())
    }
}

/// One progress event as a line of text (the plain front end prints these): the event's own
/// words, sub-lines indented under their step.
pub fn event_line(event: &Event) -> String {
    match event {
        Event::StepStarted { .. } | Event::Gate(_) | Event::WouldCall(_) => event.to_string(),
        Event::StepDone { .. }
        | Event::Waiting { .. }
        | Event::Warning(_)
        | Event::Detail(_)
        | Event::Progress { .. } => {
            format!("      {event}")
        }
    }
}
