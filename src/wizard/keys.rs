//! The one key table of the full-screen wizard: each binding says which keys it takes, what it
//! does, and how the footer names it, side by side, so the footer's hints cannot drift from the
//! keys. [`action_for`] reads the table top to bottom (the first match wins); [`footer_hints`]
//! writes the hints from the same rows.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::model::Model;
use super::questions::Screen;
use super::update::Action;
use crate::text::wizard as words;

/// What a binding may depend on besides the key.
#[derive(Debug, Clone, Copy)]
struct Context {
    /// Diagram and Review scroll with ↑ and ↓ instead of moving between fields.
    long_screen: bool,
}

/// One row of the table.
struct Binding {
    /// The action for a key, when this row takes it.
    action: fn(&KeyEvent, Context) -> Option<Action>,
    /// The keys and what they do, as the footer shows them (`None`: not in the footer).
    hint: Option<(&'static str, &'static str)>,
}

fn control(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL)
}

/// The bindings, in the footer's order; the first row that takes a key wins.
const BINDINGS: &[Binding] = &[
    Binding {
        action: |key, _| match key.code {
            KeyCode::Char('k') if control(key) => Some(Action::CheckConnectivity),
            KeyCode::F(2) => Some(Action::CheckConnectivity),
            _ => None,
        },
        hint: None,
    },
    Binding {
        action: |key, context| match key.code {
            KeyCode::Down if context.long_screen => Some(Action::Scroll(1)),
            KeyCode::Up if context.long_screen => Some(Action::Scroll(-1)),
            KeyCode::PageDown => Some(Action::Scroll(10)),
            KeyCode::PageUp => Some(Action::Scroll(-10)),
            _ => None,
        },
        hint: None,
    },
    Binding {
        action: |key, _| match key.code {
            KeyCode::Tab | KeyCode::Down => Some(Action::Next),
            KeyCode::BackTab | KeyCode::Up => Some(Action::Previous),
            _ => None,
        },
        hint: Some((words::KEYS_MOVE, words::DOES_MOVE)),
    },
    Binding {
        action: |key, _| match key.code {
            KeyCode::Left => Some(Action::Left),
            KeyCode::Right => Some(Action::Right),
            _ => None,
        },
        hint: Some((words::KEYS_CHANGE, words::DOES_CHANGE)),
    },
    Binding {
        action: |key, _| (key.code == KeyCode::Enter).then_some(Action::Confirm),
        hint: Some((words::KEYS_NEXT, words::DOES_NEXT)),
    },
    Binding {
        action: |key, _| (key.code == KeyCode::Esc).then_some(Action::Back),
        hint: Some((words::KEYS_BACK, words::DOES_BACK)),
    },
    Binding {
        action: |key, _| (key.code == KeyCode::Backspace).then_some(Action::Erase),
        hint: None,
    },
    Binding {
        action: |key, _| (key.code == KeyCode::Char('?')).then_some(Action::Help),
        hint: Some((words::KEYS_HELP, words::DOES_HELP)),
    },
    Binding {
        action: |key, _| match key.code {
            KeyCode::Char(c) if !control(key) => Some(Action::Type(c)),
            _ => None,
        },
        hint: None,
    },
    // Typing takes no control characters, so Ctrl-C reaches this last row.
    Binding {
        action: |key, _| (key.code == KeyCode::Char('c') && control(key)).then_some(Action::Quit),
        hint: Some((words::KEYS_QUIT, words::DOES_QUIT)),
    },
];

/// The action a key means in the current state, if any.
pub fn action_for(key: KeyEvent, model: &Model) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let context = Context {
        long_screen: matches!(model.screen, Screen::Diagram | Screen::Review),
    };
    BINDINGS
        .iter()
        .find_map(|binding| (binding.action)(&key, context))
}

/// The footer's key hints, written from the table: `Tab/↑↓ move · ... · Ctrl-C quit`.
pub fn footer_hints() -> String {
    BINDINGS
        .iter()
        .filter_map(|binding| binding.hint)
        .map(|(keys, does)| format!("{keys} {does}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_names_the_keys_of_the_table_in_its_order() {
        assert_eq!(
            footer_hints(),
            "Tab/↑↓ move · ←→ change · Enter next · Esc back · ? help · Ctrl-C quit"
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
        assert_eq!(press(KeyCode::Char('?'), none), Some(Action::Help));
        assert_eq!(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
    }
}
