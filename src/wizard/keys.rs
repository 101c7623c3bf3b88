//! The one key table of the full-screen wizard: each binding says which keys it takes, what it
//! does, and how the footer names it, side by side, so the footer's hints cannot drift from the
//! keys. [`action_for`] reads the table top to bottom (the first match wins); [`footer_hints`]
//! and [`domain_hints`] (the Domain screen's "Domain k of N" line) write the hints from the same
//! rows, each row saying where its hint is shown.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::apply::ApplyView;
use super::model::{Model, Overlay, Room};
use super::questions::Screen;
use super::update::Action;
use crate::plan::Mode;
use crate::text::wizard as words;

/// Which domain keys the screen has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DomainForm {
    /// Not the Domain screen: the domain keys do nothing.
    Elsewhere,
    /// The Domain screen in AD Connector mode (adding is refused with the reason).
    Connector,
    /// The Domain screen in trust mode, one domain.
    TrustOne,
    /// The Domain screen in trust mode, several domains.
    TrustSeveral,
}

/// Whether printable keys type text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Input {
    /// No text input has the focus: `?` opens help (like F1), `q` quits.
    Keys,
    /// A text input has the focus (a text field, the save path, apply now's masked password):
    /// every printable key is typed, `?` and `q` too.
    Text,
}

/// What a binding may depend on besides the key.
#[derive(Debug, Clone, Copy)]
struct Context {
    /// Diagram, Review and the connectivity checklist scroll with ↑ and ↓ instead of moving
    /// between fields (and with PgUp / PgDn, on the Domain screen too).
    long_screen: bool,
    /// The Domain screen's domain keys.
    domains: DomainForm,
    /// Whether printable keys type text.
    input: Input,
}

impl Context {
    fn of(model: &Model) -> Self {
        let long_screen = matches!(model.screen, Screen::Diagram | Screen::Review)
            || model.overlay == Overlay::Checks;
        let domains = match (model.screen, model.draft.mode) {
            _ if long_screen => DomainForm::Elsewhere,
            (Screen::Domain, Mode::Trust) if model.draft.domain_count() > 1 => {
                DomainForm::TrustSeveral
            }
            (Screen::Domain, Mode::Trust) => DomainForm::TrustOne,
            (Screen::Domain, _) => DomainForm::Connector,
            _ => DomainForm::Elsewhere,
        };
        let input = match model.apply {
            ApplyView::AskingSecrets(_) => Input::Text,
            _ if model.typing() => Input::Text,
            _ => Input::Keys,
        };
        Context {
            long_screen,
            domains,
            input,
        }
    }

    fn domain_screen(self) -> bool {
        self.domains != DomainForm::Elsewhere
    }

    fn trust_domains(self) -> bool {
        matches!(
            self.domains,
            DomainForm::TrustOne | DomainForm::TrustSeveral
        )
    }
}

/// Where a row's hint is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// In every footer.
    Always,
    /// In the footer, except on the Domain screen in trust mode (room for the domain keys).
    OutsideDomainKeys,
    /// In the footer of the Domain screen in trust mode.
    DomainKeys,
    /// On the Domain screen's "Domain k of N" line, with several domains.
    SeveralDomains,
}

impl Shown {
    fn in_footer(self, context: Context) -> bool {
        match self {
            Shown::Always => true,
            Shown::OutsideDomainKeys => !context.trust_domains(),
            Shown::DomainKeys => context.trust_domains(),
            Shown::SeveralDomains => false,
        }
    }
}

/// One row of the table.
struct Binding {
    /// The action for a key, when this row takes it.
    action: fn(&KeyEvent, Context) -> Option<Action>,
    /// The keys, what they do and where that is shown (`None`: not shown).
    hint: Option<(&'static str, &'static str, Shown)>,
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
            KeyCode::PageDown if !context.domain_screen() => Some(Action::Scroll(10)),
            KeyCode::PageUp if !context.domain_screen() => Some(Action::Scroll(-10)),
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
        hint: Some((words::KEYS_MOVE, words::DOES_MOVE, Shown::Always)),
    },
    Binding {
        action: |key, _| match key.code {
            KeyCode::Left => Some(Action::Left),
            KeyCode::Right => Some(Action::Right),
            _ => None,
        },
        hint: Some((words::KEYS_CHANGE, words::DOES_CHANGE, Shown::Always)),
    },
    Binding {
        action: |key, _| (key.code == KeyCode::Enter).then_some(Action::Confirm),
        hint: Some((words::KEYS_NEXT, words::DOES_NEXT, Shown::Always)),
    },
    Binding {
        action: |key, _| (key.code == KeyCode::Esc).then_some(Action::Back),
        hint: Some((words::KEYS_BACK, words::DOES_BACK, Shown::Always)),
    },
    Binding {
        action: |key, context| match key.code {
            KeyCode::Char('n') if control(key) && context.domain_screen() => {
                Some(Action::AddDomain)
            }
            _ => None,
        },
        hint: Some((
            words::KEYS_ADD_DOMAIN,
            words::DOES_ADD_DOMAIN,
            Shown::DomainKeys,
        )),
    },
    Binding {
        action: |key, context| match key.code {
            KeyCode::PageDown if context.domain_screen() => Some(Action::NextDomain),
            KeyCode::PageUp if context.domain_screen() => Some(Action::PreviousDomain),
            _ => None,
        },
        hint: Some((
            words::KEYS_SWITCH_DOMAIN,
            words::DOES_SWITCH_DOMAIN,
            Shown::SeveralDomains,
        )),
    },
    Binding {
        action: |key, context| match key.code {
            KeyCode::Char('d') if control(key) && context.domain_screen() => {
                Some(Action::RemoveDomain)
            }
            _ => None,
        },
        hint: Some((
            words::KEYS_REMOVE_DOMAIN,
            words::DOES_REMOVE_DOMAIN,
            Shown::SeveralDomains,
        )),
    },
    Binding {
        action: |key, _| (key.code == KeyCode::Backspace).then_some(Action::Erase),
        hint: None,
    },
    Binding {
        action: |key, context| match key.code {
            KeyCode::F(1) => Some(Action::Help),
            KeyCode::Char('?') if context.input == Input::Keys => Some(Action::Help),
            _ => None,
        },
        hint: Some((words::KEYS_HELP, words::DOES_HELP, Shown::Always)),
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
        hint: Some((words::KEYS_QUIT, words::DOES_QUIT, Shown::OutsideDomainKeys)),
    },
];

/// The action a key means in the current state, if any.
pub fn action_for(key: KeyEvent, model: &Model) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if model.size.room() == Room::TooSmall {
        return too_small_action(&key, model);
    }
    let context = Context::of(model);
    BINDINGS
        .iter()
        .find_map(|binding| (binding.action)(&key, context))
}

/// While the terminal is too small to show the wizard, only quitting acts (as the notice says):
/// Ctrl-C, `q` or Esc quit (asking first when the plan is not saved, the question shown in the
/// notice), and the question's answers.
fn too_small_action(key: &KeyEvent, model: &Model) -> Option<Action> {
    let asking = model.overlay == Overlay::ConfirmQuit;
    match key.code {
        KeyCode::Char('c') if control(key) => Some(Action::Quit),
        _ if control(key) => None,
        KeyCode::Char(c @ ('y' | 'Y' | 'n' | 'N')) if asking => Some(Action::Type(c)),
        KeyCode::Esc if asking => Some(Action::Back),
        KeyCode::Char('q') | KeyCode::Esc => Some(Action::Quit),
        _ => None,
    }
}

/// The hints of the rows shown where `shown` says, joined.
fn hints(shown: impl Fn(Shown) -> bool) -> String {
    BINDINGS
        .iter()
        .filter_map(|binding| binding.hint)
        .filter(|(_, _, place)| shown(*place))
        .map(|(keys, does, _)| format!("{keys} {does}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The footer's key hints for the current screen, written from the table:
/// `Tab/↑↓ move · ... · Ctrl-C quit`.
pub fn footer_hints(model: &Model) -> String {
    let context = Context::of(model);
    hints(|shown| shown.in_footer(context))
}

/// The Domain screen's heading with several domains: `Domain k of N · PgUp/PgDn ... · Ctrl-D
/// ...` (`None` with one domain, or outside trust mode).
pub fn domain_hints(model: &Model) -> Option<String> {
    let context = Context::of(model);
    (context.domains == DomainForm::TrustSeveral).then(|| {
        format!(
            "{} · {}",
            words::domain_heading(model.draft.current_domain(), model.draft.domain_count()),
            hints(|shown| shown == Shown::SeveralDomains)
        )
    })
}

#[cfg(test)]
mod tests {
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
        let press =
            |model: &Model, code, modifiers| action_for(KeyEvent::new(code, modifiers), model);
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
}
