//! Tests of the key table: the footer names the keys of the table in its order, each key it
//! names acts, and the domain keys act on the Domain screen only.

use super::*;

#[test]
fn the_footer_names_the_keys_of_the_table_in_its_order() {
    let mut model = Model::new("p.yaml", crate::wizard::model::Colour::Off);
    assert_eq!(
        footer_hints(&model),
        "Tab/↑↓ move · ←→ change · Enter next · Esc back · F1 help · Ctrl-C quit"
    );
    model.screen = Screen::Domain;
    let footer = footer_hints(&model);
    assert_eq!(
        footer,
        "Tab/↑↓ move · ←→ change · Enter next · Esc back · Ctrl-N add domain · F1 help"
    );
    assert!(footer.chars().count() <= 78, "fits 80 columns");
    assert_eq!(domain_hints(&model), None);
    model.draft.add_domain().unwrap();
    assert_eq!(
        domain_hints(&model).unwrap(),
        "Domain 2 of 2 · PgUp/PgDn other domain · Ctrl-D remove it"
    );
    model.draft.mode = Mode::AdConnector;
    assert!(footer_hints(&model).ends_with("Ctrl-C quit"));
}

#[test]
fn the_domain_keys_act_on_the_domain_screen_only() {
    let mut model = Model::new("p.yaml", crate::wizard::model::Colour::Off);
    let ctrl = KeyModifiers::CONTROL;
    let press = |model: &Model, code, modifiers| action_for(KeyEvent::new(code, modifiers), model);
    assert_eq!(press(&model, KeyCode::Char('n'), ctrl), None);
    assert_eq!(
        press(&model, KeyCode::PageDown, KeyModifiers::NONE),
        Some(Action::Scroll(10))
    );
    model.screen = Screen::Domain;
    assert_eq!(
        press(&model, KeyCode::Char('n'), ctrl),
        Some(Action::AddDomain)
    );
    assert_eq!(
        press(&model, KeyCode::Char('d'), ctrl),
        Some(Action::RemoveDomain)
    );
    assert_eq!(
        press(&model, KeyCode::PageDown, KeyModifiers::NONE),
        Some(Action::NextDomain)
    );
    assert_eq!(
        press(&model, KeyCode::PageUp, KeyModifiers::NONE),
        Some(Action::PreviousDomain)
    );
}

#[test]
fn every_key_the_footer_names_does_something() {
    let model = Model::new("p.yaml", crate::wizard::model::Colour::Off);
    let press = |code, modifiers| action_for(KeyEvent::new(code, modifiers), &model);
    let none = KeyModifiers::NONE;
    assert_eq!(press(KeyCode::Tab, none), Some(Action::Next));
    assert_eq!(press(KeyCode::Down, none), Some(Action::Next));
    assert_eq!(press(KeyCode::Up, none), Some(Action::Previous));
    assert_eq!(press(KeyCode::Left, none), Some(Action::Left));
    assert_eq!(press(KeyCode::Right, none), Some(Action::Right));
    assert_eq!(press(KeyCode::Enter, none), Some(Action::Confirm));
    assert_eq!(press(KeyCode::Esc, none), Some(Action::Back));
    assert_eq!(press(KeyCode::F(1), none), Some(Action::Help));
    assert_eq!(
        press(KeyCode::Char('c'), KeyModifiers::CONTROL),
        Some(Action::Quit)
    );
}

#[test]
fn apply_nows_footers_name_its_keys() {
    use crate::wizard::apply::{ApplyEnd, ApplyView, Progress};
    let mut model = Model::new("p.yaml", crate::wizard::model::Colour::Off);
    model.screen = Screen::Finish;
    model.apply = ApplyView::AskingSecrets(vec![crate::wizard::apply::SecretSlot::Trust]);
    assert_eq!(
        footer_hints(&model),
        "Enter next · Esc back · F1 help · Ctrl-C quit"
    );
    model.apply = ApplyView::Running(Progress::default());
    assert_eq!(
        footer_hints(&model),
        "↑↓/PgUp/PgDn scroll · F1 help · Ctrl-C stop"
    );
    let press = |model: &Model, code| action_for(KeyEvent::new(code, KeyModifiers::NONE), model);
    assert_eq!(press(&model, KeyCode::Up), Some(Action::Scroll(-1)));
    assert_eq!(press(&model, KeyCode::Down), Some(Action::Scroll(1)));
    model.apply = ApplyView::Finished(ApplyEnd::Done, Progress::default());
    assert_eq!(
        footer_hints(&model),
        "↑↓/PgUp/PgDn scroll · Enter close · F1 help"
    );
    assert_eq!(press(&model, KeyCode::Enter), Some(Action::Confirm));
}
