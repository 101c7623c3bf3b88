//! Keys through the key table as the event loop maps them: `?` typed in text fields and help
//! outside them, F1 everywhere, `q` typed or quitting, and a terminal too small to draw in,
//! where only quitting acts.

use super::*;

#[test]
fn keys_map_to_actions() {
    let model = model();
    let key = |code, modifiers| action_for(KeyEvent::new(code, modifiers), &model);
    assert_eq!(
        key(KeyCode::Char('c'), KeyModifiers::CONTROL),
        Some(Action::Quit)
    );
    assert_eq!(key(KeyCode::Tab, KeyModifiers::NONE), Some(Action::Next));
    assert_eq!(
        key(KeyCode::BackTab, KeyModifiers::SHIFT),
        Some(Action::Previous)
    );
    assert_eq!(key(KeyCode::Esc, KeyModifiers::NONE), Some(Action::Back));
    assert_eq!(
        key(KeyCode::Char('?'), KeyModifiers::NONE),
        Some(Action::Help)
    );
    assert_eq!(
        key(KeyCode::Char('x'), KeyModifiers::NONE),
        Some(Action::Type('x'))
    );
    assert_eq!(key(KeyCode::F(5), KeyModifiers::NONE), None);
}

#[test]
fn q_types_in_text_fields_and_help_opens_anywhere() {
    let mut model = model();
    update(&mut model, Action::Confirm);
    type_text(&mut model, "q");
    assert_eq!(model.draft.get(FieldId::Domain), "q");
    assert_eq!(model.overlay, Overlay::None);
    update(&mut model, Action::Help);
    assert_eq!(model.overlay, Overlay::Help);
    update(&mut model, Action::Back);
    assert_eq!(
        (model.overlay, model.screen),
        (Overlay::None, Screen::Domain)
    );
}

#[test]
fn a_question_mark_is_typed_in_text_fields_and_f1_opens_help_everywhere() {
    let mut model = model();
    press(&mut model, KeyCode::Char('?'));
    assert_eq!(
        model.overlay,
        Overlay::Help,
        "? is help outside text fields"
    );
    press(&mut model, KeyCode::Esc);
    update(&mut model, Action::Confirm);
    press_text(&mut model, "corp?");
    assert_eq!(model.draft.get(FieldId::Domain), "corp?");
    assert_eq!(model.overlay, Overlay::None);
    press(&mut model, KeyCode::F(1));
    assert_eq!(model.overlay, Overlay::Help, "F1 is help in a text field");
    press(&mut model, KeyCode::Char('x'));
    assert_eq!(model.overlay, Overlay::None);
    assert_eq!(
        model.draft.get(FieldId::Domain),
        "corp?",
        "the closing key is not typed"
    );
    let mut model = walk(Mode::AdConnector);
    model.save_path.clear();
    press_text(&mut model, "nf?.yaml");
    assert_eq!(model.save_path, "nf?.yaml");
    assert_eq!(model.overlay, Overlay::None);
}

#[test]
fn while_the_terminal_is_too_small_only_quit_and_resize_act() {
    use crate::wizard::model::TermSize;
    let small = TermSize {
        width: 60,
        height: 20,
    };
    let mut model = walk(Mode::AdConnector);
    model.focus = 1; // [ Save ]
    update(&mut model, Action::Resize(small));
    let before = model.clone();
    for code in [
        KeyCode::Enter,
        KeyCode::Tab,
        KeyCode::Down,
        KeyCode::Right,
        KeyCode::Backspace,
        KeyCode::PageDown,
        KeyCode::F(1),
        KeyCode::F(2),
        KeyCode::Char('a'),
        KeyCode::Char('?'),
    ] {
        assert_eq!(press(&mut model, code), Effect::None, "{code:?} acted");
    }
    assert_eq!(model.save_path, before.save_path);
    assert_eq!((model.screen, model.focus), (Screen::Finish, 1));
    assert_eq!(
        (model.overlay, &model.exit),
        (Overlay::None, &Exit::Running)
    );
    assert!(render(&model, 60, 20).contains("Ctrl-C, q or Esc"));
    model.focus = 2; // [ Save and apply now ]
    assert_eq!(
        press(&mut model, KeyCode::Enter),
        Effect::None,
        "no apply blind"
    );
    press(&mut model, KeyCode::Esc);
    assert_eq!(
        model.overlay,
        Overlay::ConfirmQuit,
        "Esc quits, asking first"
    );
    assert!(render(&model, 60, 20).contains("Quit anyway?"));
    press(&mut model, KeyCode::Char('n'));
    assert_eq!(
        (model.overlay, &model.exit),
        (Overlay::None, &Exit::Running)
    );
    update(&mut model, Action::Resize(TermSize::MIN));
    assert_eq!(
        press(&mut model, KeyCode::Enter),
        Effect::Save {
            path: "plan.yaml".into(),
            overwrite: Overwrite::Ask
        },
        "every key acts again once the terminal is large enough"
    );
    update(&mut model, Action::Resize(small));
    press(&mut model, KeyCode::Char('q'));
    press(&mut model, KeyCode::Char('y'));
    assert_eq!(model.exit, Exit::Quit);
}
