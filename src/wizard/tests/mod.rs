//! Unit tests of the wizard: `update` transitions and validation on every screen, and snapshots
//! of every screen in both modes at 80x24 and 120x40 (TestBackend + insta).

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::draft::FieldId;
use super::model::{Colour, Connectivity, Exit, Model, Overlay, SaveState};
use super::questions::{Screen, YesNo};
use super::save::Overwrite;
use super::terminal::action_for;
use super::update::{Action, Effect, update};
use crate::plan::Mode;

fn model() -> Model {
    Model::new("plan.yaml", Colour::Off)
}

fn type_text(model: &mut Model, text: &str) {
    for c in text.chars() {
        update(model, Action::Type(c));
    }
}

/// The most keys a test presses in one loop: a broken rule fails the test instead of hanging it.
const KEY_BOUND: usize = 500;

/// Presses Backspace until `done` holds, at most [`KEY_BOUND`] times.
fn erase(model: &mut Model, done: impl Fn(&Model) -> bool) {
    for _ in 0..KEY_BOUND {
        if done(model) {
            return;
        }
        update(model, Action::Erase);
    }
    assert!(
        done(model),
        "{KEY_BOUND} Backspaces did not empty the field"
    );
}

/// Replaces the focused field's value.
fn answer(model: &mut Model, text: &str) {
    let id = model.focused_field().unwrap().id;
    erase(model, |model| model.draft.get(id).is_empty());
    type_text(model, text);
    update(model, Action::Confirm);
}

fn fill_domain(model: &mut Model) {
    answer(model, "corp.example.com");
    answer(model, "CORP");
    answer(model, "10.0.0.10, 10.0.0.11");
}

/// Walks a complete flow to the Finish screen.
fn walk(mode: Mode) -> Model {
    let mut model = model();
    if mode == Mode::AdConnector {
        update(&mut model, Action::Next);
    }
    update(&mut model, Action::Confirm);
    fill_domain(&mut model);
    assert_eq!(model.screen, Screen::Aws);
    answer(&mut model, "corp-sso");
    answer(&mut model, "eu-west-1");
    answer(&mut model, "123456789012");
    if mode == Mode::Trust {
        for _ in 0..3 {
            update(&mut model, Action::Confirm); // trust type, selective auth, managed AD source
        }
        answer(&mut model, "aws.corp.example.com");
        answer(&mut model, "AWSCORP");
        update(&mut model, Action::Confirm); // edition
    } else {
        update(&mut model, Action::Confirm); // size
    }
    answer(&mut model, "vpc-0123456789abcdef0");
    answer(&mut model, "subnet-0123456789abcdef0");
    answer(&mut model, "subnet-0fedcba9876543210");
    if mode == Mode::AdConnector {
        update(&mut model, Action::Confirm); // service account keeps its default
    }
    assert_eq!(model.screen, Screen::Secrets, "{:?}", model.errors);
    for _ in 0..KEY_BOUND {
        if model.screen != Screen::Secrets {
            break;
        }
        update(&mut model, Action::Confirm);
    }
    assert_ne!(model.screen, Screen::Secrets, "{:?}", model.errors);
    update(&mut model, Action::Confirm); // diagram
    update(&mut model, Action::Confirm); // review
    assert_eq!(model.screen, Screen::Finish);
    model
}

#[test]
fn starts_on_the_choice_and_enter_picks_the_focused_design() {
    let mut model = model();
    assert_eq!(model.screen, Screen::Choose);
    update(&mut model, Action::Next);
    update(&mut model, Action::Confirm);
    assert_eq!(model.draft.mode, Mode::AdConnector);
    assert_eq!(model.screen, Screen::Domain);
}

#[test]
fn decision_helper_recommends_a_trust_for_several_domains() {
    let mut model = model();
    for _ in 0..2 {
        update(&mut model, Action::Next);
    }
    update(&mut model, Action::Right);
    assert_eq!(model.decision.several_domains, YesNo::Yes);
    update(&mut model, Action::Confirm);
    assert_eq!(model.draft.mode, Mode::Trust);
    let mut model = super::model::Model::new("p", Colour::Off);
    model.focus = 4;
    update(&mut model, Action::Right);
    update(&mut model, Action::Right);
    assert_eq!(model.decision.data_in_aws, YesNo::No);
    update(&mut model, Action::Confirm);
    assert_eq!(model.draft.mode, Mode::AdConnector);
}

#[test]
fn errors_show_as_typed_and_block_the_next_screen() {
    let mut model = model();
    update(&mut model, Action::Confirm);
    type_text(&mut model, "corp");
    assert!(
        model
            .error(FieldId::Domain)
            .unwrap()
            .contains("single-label")
    );
    type_text(&mut model, ".example.com");
    assert!(model.error(FieldId::Domain).is_none());
    update(&mut model, Action::Confirm);
    type_text(&mut model, "WAY-TOO-LONG-NETBIOS");
    assert!(model.error(FieldId::Netbios).is_some());
    update(&mut model, Action::Confirm);
    update(&mut model, Action::Confirm);
    assert_eq!(model.screen, Screen::Domain, "the screen has errors");
    assert!(
        model
            .status
            .as_deref()
            .unwrap_or_default()
            .contains("Fix the fields")
    );
}

#[test]
fn esc_goes_back_and_nothing_typed_is_lost() {
    let mut model = model();
    update(&mut model, Action::Confirm);
    fill_domain(&mut model);
    assert_eq!(model.screen, Screen::Aws);
    update(&mut model, Action::Back);
    assert_eq!(model.screen, Screen::Domain);
    assert_eq!(model.draft.get(FieldId::Domain), "corp.example.com");
    update(&mut model, Action::Back);
    update(&mut model, Action::Next);
    update(&mut model, Action::Confirm);
    assert_eq!(model.draft.mode, Mode::AdConnector);
    assert_eq!(model.draft.get(FieldId::DnsServers), "10.0.0.10, 10.0.0.11");
}

#[test]
fn choices_cycle_and_change_the_questions() {
    let mut model = model();
    update(&mut model, Action::Confirm);
    fill_domain(&mut model);
    let before = model.fields().len();
    model.focus = model
        .fields()
        .iter()
        .position(|f| f.id == FieldId::ManagedAdSource)
        .unwrap();
    update(&mut model, Action::Right);
    assert_eq!(model.draft.get(FieldId::ManagedAdSource), "existing");
    assert!(
        model
            .fields()
            .iter()
            .any(|f| f.id == FieldId::ExistingDirectoryId)
    );
    assert!(model.fields().len() < before);
    update(&mut model, Action::Left);
    assert_eq!(model.draft.get(FieldId::ManagedAdSource), "new");
}

#[test]
fn complete_flows_end_in_a_valid_plan_and_a_save() {
    for mode in [Mode::Trust, Mode::AdConnector] {
        let mut model = walk(mode);
        assert!(model.errors.is_empty(), "{:?}", model.errors);
        update(&mut model, Action::Next);
        assert_eq!(
            update(&mut model, Action::Confirm),
            Effect::Save {
                path: "plan.yaml".into(),
                overwrite: Overwrite::Ask
            }
        );
        update(&mut model, Action::SaveResult(Ok("plan.yaml".into())));
        assert_eq!(model.exit, Exit::Saved("plan.yaml".into()));
        let plan = model.draft.to_plan();
        assert_eq!(plan.connection.mode, mode);
        assert!(crate::plan::validate(&plan).iter().all(|d| !d.is_error()));
    }
}

#[test]
fn quitting_unsaved_asks_first() {
    let mut model = model();
    update(&mut model, Action::Quit);
    assert_eq!(model.overlay, Overlay::ConfirmQuit);
    update(&mut model, Action::Type('n'));
    assert_eq!(
        (model.overlay, &model.exit),
        (Overlay::None, &Exit::Running)
    );
    update(&mut model, Action::Type('q'));
    assert_eq!(
        model.overlay,
        Overlay::ConfirmQuit,
        "q outside a text field quits"
    );
    update(&mut model, Action::Type('y'));
    assert_eq!(model.exit, Exit::Quit);
    let mut saved = super::model::Model::new("p", Colour::Off);
    saved.saved = SaveState::Saved("p".into());
    update(&mut saved, Action::Quit);
    assert_eq!(
        saved.exit,
        Exit::Saved("p".into()),
        "a saved plan quits at once"
    );
}

#[test]
fn finish_refuses_an_invalid_plan() {
    let mut model = walk(Mode::AdConnector);
    model.draft.set(FieldId::VpcId, "vpc-bad");
    model.revalidate();
    update(&mut model, Action::Next);
    assert_eq!(update(&mut model, Action::Confirm), Effect::None);
    assert!(
        model
            .status
            .as_deref()
            .unwrap_or_default()
            .contains("not valid")
    );
}

fn render(model: &Model, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| super::view::view(model, frame))
        .unwrap();
    format!("{}", terminal.backend())
}

/// The model at each screen of a complete flow.
fn screens(mode: Mode) -> Vec<(Screen, Model)> {
    let finish = walk(mode);
    let mut out = Vec::new();
    for screen in Screen::ALL {
        let mut model = finish.clone();
        model.screen = screen;
        model.focus = 0;
        out.push((screen, model));
    }
    out
}

#[test]
fn snapshots_of_every_screen() {
    for mode in [Mode::Trust, Mode::AdConnector] {
        let mode_name = if mode == Mode::Trust {
            "trust"
        } else {
            "connector"
        };
        for (screen, model) in screens(mode) {
            for (width, height) in [(80, 24), (120, 40)] {
                let name = format!(
                    "{mode_name}-{}-{width}x{height}",
                    screen.title().to_lowercase()
                );
                insta::assert_snapshot!(name, render(&model, width, height));
            }
        }
    }
}

#[test]
fn snapshots_of_errors_help_and_a_small_terminal() {
    let mut model = model();
    update(&mut model, Action::Confirm);
    type_text(&mut model, "corp");
    insta::assert_snapshot!("domain-with-error-80x24", render(&model, 80, 24));
    update(&mut model, Action::Help);
    insta::assert_snapshot!("help-80x24", render(&model, 80, 24));
    insta::assert_snapshot!("too-small-60x20", render(&model, 60, 20));
}

#[test]
fn connectivity_check_needs_the_domain_then_runs_in_the_background() {
    let mut model = model();
    update(&mut model, Action::Confirm);
    assert_eq!(update(&mut model, Action::CheckConnectivity), Effect::None);
    assert!(
        model
            .status
            .as_deref()
            .unwrap_or_default()
            .contains("before checking")
    );
    fill_domain(&mut model);
    assert_eq!(
        update(&mut model, Action::CheckConnectivity),
        Effect::CheckConnectivity
    );
    assert_eq!(model.connectivity, Connectivity::Running(0));
    assert_eq!(
        update(&mut model, Action::CheckConnectivity),
        Effect::None,
        "one check at a time"
    );
    update(&mut model, Action::Tick);
    assert_eq!(model.connectivity, Connectivity::Running(1));
    assert!(render(&model, 80, 24).contains("checking connectivity"));
    update(
        &mut model,
        Action::ChecksDone {
            report: "DNS\n  ✗ FAIL  DNS 10.0.0.10 over UDP: the server did not answer any query"
                .into(),
            passed: false,
        },
    );
    assert_eq!(model.overlay, Overlay::Checks);
    let screen = render(&model, 80, 24);
    assert!(
        screen.contains("some checks FAILED") && screen.contains("did not answer"),
        "{screen}"
    );
    update(&mut model, Action::Back);
    assert_eq!((model.overlay, model.screen), (Overlay::None, Screen::Aws));
}

mod discovery;

mod apply_now;
mod choose;
mod domains;
mod effects;
mod keys;
mod passwords;
mod saving;
mod scrolling;
mod secrets;

/// Presses one key through the key table, as the event loop does.
pub(super) fn press(model: &mut Model, code: KeyCode) -> Effect {
    match action_for(KeyEvent::new(code, KeyModifiers::NONE), model) {
        Some(action) => update(model, action),
        None => Effect::None,
    }
}

/// Types `text` key by key through the key table.
pub(super) fn press_text(model: &mut Model, text: &str) {
    for c in text.chars() {
        press(model, KeyCode::Char(c));
    }
}
