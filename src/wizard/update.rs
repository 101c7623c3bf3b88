//! `update`: the only place the wizard's state changes, one [`Action`] at a time. No I/O: saving
//! is asked for through [`Effect::Save`] and done by [`super::effects`], like every other effect.

use super::apply::{ApplyEnd, SecretSlot};
use super::discovery::Found;
use super::draft::FieldId;
use super::model::{
    AfterSave, Choice, Connectivity, DiscoveryState, Exit, Model, Overlay, SaveState, TermSize,
};
use super::questions::Screen;
use super::save::{Overwrite, SaveError};
use crate::apply::Event;
use crate::plan::Mode;
use crate::text::wizard as words;

/// What the operator did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Next item (Tab, ↓).
    Next,
    /// Previous item (Shift-Tab, ↑).
    Previous,
    /// Change a choice forward (→, Space).
    Right,
    /// Change a choice backward (←).
    Left,
    /// Enter.
    Confirm,
    /// Esc.
    Back,
    /// A typed character.
    Type(char),
    /// Backspace.
    Erase,
    /// F1 anywhere, `?` outside text fields.
    Help,
    /// `q` outside a text field, or Ctrl-C.
    Quit,
    /// Page up / down on the long screens.
    Scroll(i16),
    /// The save finished (from the effects): the path saved to, or why not.
    SaveResult(Result<String, SaveError>),
    /// Ctrl-N on the Domain screen: add another domain (trust mode).
    AddDomain,
    /// Ctrl-D on the Domain screen: remove the domain shown (never the last).
    RemoveDomain,
    /// PgDn on the Domain screen: the next domain.
    NextDomain,
    /// PgUp on the Domain screen: the previous domain.
    PreviousDomain,
    /// Ctrl-K or F2: check connectivity to the self-managed domain now.
    CheckConnectivity,
    /// The connectivity check finished (from the effects).
    ChecksDone {
        /// The checklist.
        report: String,
        /// True when nothing failed.
        passed: bool,
    },
    /// Time passed (spinners).
    Tick,
    /// The terminal was resized to this size (also sent once at the start).
    Resize(TermSize),
    /// Discovery finished (from the effects): what exists, or why nothing could be read.
    Discovered(Result<Found, String>),
    /// Apply now needs these passwords typed (from the effects, after resolving the others).
    SecretsNeeded(Vec<SecretSlot>),
    /// A progress event of the running apply.
    ApplyEvent(Event),
    /// Apply ended.
    ApplyFinished(ApplyEnd),
}

/// Work for [`super::effects::Effects::perform`] after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing.
    None,
    /// Write the plan; answer with `SaveResult`.
    Save {
        /// Where.
        path: String,
        /// Whether an existing file or symbolic link there may be replaced.
        overwrite: Overwrite,
    },
    /// Run preflight for the draft's plan in the background; answer with `ChecksDone`.
    CheckConnectivity,
    /// Read what exists in this Region in the background; answer with `Discovered`.
    Discover(String),
    /// Resolve the plan's env and file secrets; answer with `SecretsNeeded` for the rest.
    PrepareApply,
    /// Take `model.secret_input` as this password; when `last`, start apply.
    SecretEntered {
        /// Which password.
        slot: SecretSlot,
        /// True when no other password is left to ask for.
        last: bool,
    },
    /// Start apply with the passwords gathered (none left to ask).
    StartApply,
    /// Apply now was left at its password prompt: forget the passwords gathered.
    CancelApply,
}

/// Applies one action.
pub fn update(model: &mut Model, action: Action) -> Effect {
    let effect = apply(model, action);
    match effect {
        Effect::None => discover_if_needed(model),
        other => other,
    }
}

/// Starts discovery when the AWS screen shows a Region not read yet (and not being typed).
fn discover_if_needed(model: &mut Model) -> Effect {
    let region = model.draft.get(FieldId::Region).trim().to_owned();
    let typing_region = model
        .focused_field()
        .is_some_and(|field| field.id == FieldId::Region);
    let needed = model.screen == Screen::Aws
        && !typing_region
        && model.error(FieldId::Region).is_none()
        && model.discovery.region() != Some(region.as_str());
    if !needed {
        return Effect::None;
    }
    model.discovery = DiscoveryState::Running(region.clone(), 0);
    Effect::Discover(region)
}

impl Action {
    /// True for what the operator did (a key), false for the answers of background work.
    pub fn is_key(&self) -> bool {
        !matches!(
            self,
            Action::SaveResult(_)
                | Action::ChecksDone { .. }
                | Action::Tick
                | Action::Resize(_)
                | Action::Discovered(_)
                | Action::SecretsNeeded(_)
                | Action::ApplyEvent(_)
                | Action::ApplyFinished(_)
        )
    }
}

fn apply(model: &mut Model, action: Action) -> Effect {
    if let Action::Resize(size) = action {
        model.size = size;
        return Effect::None;
    }
    if model.overlay == Overlay::Help && action.is_key() {
        model.overlay = Overlay::None;
        if action != Action::Quit {
            return Effect::None;
        }
    }
    if let Some(effect) = super::apply::update(model, &action) {
        return effect;
    }
    match action {
        Action::Discovered(result) => {
            let region = model.discovery.region().unwrap_or_default().to_owned();
            model.discovery = match result {
                Ok(found) => {
                    super::discovery::prefill(&mut model.draft, &found);
                    DiscoveryState::Ready(found)
                }
                Err(reason) => DiscoveryState::Unavailable(region, reason),
            };
            model.revalidate();
            return Effect::None;
        }
        Action::Tick => {
            if let Connectivity::Running(ticks) = &mut model.connectivity {
                *ticks += 1;
            }
            if let DiscoveryState::Running(_, ticks) = &mut model.discovery {
                *ticks += 1;
            }
            return Effect::None;
        }
        Action::ChecksDone { report, passed } => {
            model.connectivity = Connectivity::Done { report, passed };
            model.scroll = 0;
            model.overlay = Overlay::Checks;
            return Effect::None;
        }
        Action::SaveResult(result) => return super::finish::saved(model, result),
        _ => {}
    }
    if model.overlay != Overlay::None {
        return overlay(model, action);
    }
    model.status = None;
    if super::domain_actions::update(model, &action) {
        return Effect::None;
    }
    match action {
        Action::CheckConnectivity => return check_connectivity(model),
        Action::Tick
        | Action::Resize(_)
        | Action::ChecksDone { .. }
        | Action::Discovered(_)
        | Action::SecretsNeeded(_)
        | Action::ApplyEvent(_)
        | Action::ApplyFinished(_)
        | Action::SaveResult(_)
        | Action::AddDomain
        | Action::RemoveDomain
        | Action::NextDomain
        | Action::PreviousDomain => {}
        Action::Help => model.overlay = Overlay::Help,
        Action::Quit => quit(model),
        Action::Next => move_focus(model, 1),
        Action::Previous => move_focus(model, -1),
        Action::Back => back(model),
        Action::Scroll(lines) => scroll(model, lines),
        Action::Left => super::typing::change(model, -1),
        Action::Right => super::typing::change(model, 1),
        Action::Type(c) => super::typing::type_char(model, c),
        Action::Erase => super::typing::erase(model),
        Action::Confirm => return confirm(model),
    }
    Effect::None
}

fn overlay(model: &mut Model, action: Action) -> Effect {
    if let Overlay::ConfirmReplace { .. } = model.overlay {
        return super::finish::replace_answer(model, &action);
    }
    match (model.overlay, action) {
        (Overlay::ConfirmQuit, Action::Type('y' | 'Y')) | (Overlay::ConfirmQuit, Action::Quit) => {
            model.exit = Exit::Quit;
        }
        (Overlay::Checks, Action::Scroll(lines)) => scroll(model, lines),
        (Overlay::ConfirmQuit, Action::Type('n' | 'N'))
        | (_, Action::Back)
        | (Overlay::Help, _) => {
            model.overlay = Overlay::None;
        }
        _ => {}
    }
    Effect::None
}

/// Scrolls what scrolls now by `lines`, stopped at both ends (apply now's log follows the run
/// again when scrolled back to where it follows).
pub(super) fn scroll(model: &mut Model, lines: i16) {
    let (offset, follow) = super::view::scrolled_by(model, lines);
    model.scroll = offset;
    model.follow = follow;
}

/// Starts the connectivity check once the domain answers are valid.
fn check_connectivity(model: &mut Model) -> Effect {
    let domain_fields = [FieldId::Domain, FieldId::Netbios, FieldId::DnsServers];
    if matches!(model.connectivity, Connectivity::Running(_)) {
        return Effect::None;
    }
    if domain_fields.iter().any(|id| model.error(*id).is_some()) {
        model.status = Some(words::CHECK_NEEDS_DOMAIN.to_owned());
        return Effect::None;
    }
    model.connectivity = Connectivity::Running(0);
    Effect::CheckConnectivity
}

pub(super) fn quit(model: &mut Model) {
    match &model.saved {
        SaveState::Saved(path) => model.exit = Exit::Saved(path.clone()),
        SaveState::Unsaved => model.overlay = Overlay::ConfirmQuit,
    }
}

fn move_focus(model: &mut Model, step: isize) {
    let count = model.focusable().max(1) as isize;
    model.focus = (model.focus as isize + step).rem_euclid(count) as usize;
}

fn go_to(model: &mut Model, screen: Screen) {
    model.screen = screen;
    model.focus = 0;
    model.scroll = 0;
}

fn back(model: &mut Model) {
    if let Some(previous) = model.screen.previous() {
        go_to(model, previous);
    }
}

fn advance(model: &mut Model) {
    if !model.screen_is_valid() {
        model.status = Some(words::FIX_FIRST.to_owned());
        return;
    }
    if !super::domain_actions::all_domains_valid(model) {
        return;
    }
    if let Some(next) = model.screen.next() {
        go_to(model, next);
    }
}

fn confirm(model: &mut Model) -> Effect {
    match model.screen {
        Screen::Choose => {
            let mode = match model.focus {
                0 => Mode::Trust,
                1 => Mode::AdConnector,
                _ if model.choice == Choice::Open => {
                    model.status = Some(words::NO_RECOMMENDATION_YET.to_owned());
                    return Effect::None;
                }
                _ => model.draft.mode,
            };
            if model.focus < 2 {
                model.choice = Choice::Picked;
            }
            model.draft.mode = mode;
            model.revalidate();
            go_to(model, Screen::Domain);
        }
        Screen::Domain | Screen::Aws | Screen::Secrets => {
            if model.focus + 1 < model.focusable() {
                model.focus += 1;
            } else {
                advance(model);
            }
        }
        Screen::Diagram | Screen::Review => advance(model),
        Screen::Finish => {
            if !model.errors.is_empty() {
                model.status = Some(words::PLAN_INVALID.to_owned());
            } else if model.save_path.trim().is_empty() {
                model.focus = 0;
            } else {
                let after = if model.focus == 2 {
                    AfterSave::Apply
                } else {
                    AfterSave::Exit
                };
                return super::finish::start(model, after);
            }
        }
    }
    Effect::None
}
