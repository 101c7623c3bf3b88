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

/// What the screen shows, for the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    /// A screen of fields or choices: ↑ ↓ move between them.
    Form,
    /// Diagram, Review or the connectivity checklist: ↑ ↓ scroll.
    Long,
    /// Apply now's masked password prompt.
    Password,
    /// Apply now running: its log scrolls.
    Running,
    /// Apply now over: its log scrolls, Enter closes the wizard.
    Over,
}

/// What a binding may depend on besides the key.
#[derive(Debug, Clone, Copy)]
struct Context {
    /// What the screen shows.
    view: View,
    /// The Domain screen's domain keys.
    domains: DomainForm,
    /// Whether printable keys type text.
    input: Input,
}

impl Context {
    fn of(model: &Model) -> Self {
        let view = match (&model.apply, model.screen) {
            _ if model.overlay == Overlay::Checks => View::Long,
            (ApplyView::Confirming(_), _) => View::Long,
            (ApplyView::AskingSecrets(_), _) => View::Password,
            (ApplyView::Running(_), _) => View::Running,
            (ApplyView::Finished(..), _) => View::Over,
            (_, Screen::Diagram | Screen::Review) => View::Long,
            _ => View::Form,
        };
        let domains = match (model.screen, model.draft.mode) {
            _ if view != View::Form => DomainForm::Elsewhere,
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
            view,
            domains,
            input,
        }
    }

    /// True when ↑ ↓ scroll (a long view or apply now's log).
    fn scrolls(self) -> bool {
        matches!(self.view, View::Long | View::Running | View::Over)
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
    /// In the footer of the screens of fields and choices.
    Forms,
    /// In the footer where ↑ ↓ scroll.
    Scrolling,
    /// In the footer of the wizard's steps (forms, long views, the password prompt).
    Steps,
    /// In the footer while apply now runs.
    Running,
    /// In the footer once apply now is over.
    Over,
    /// In the footer outside apply now's run, except on the Domain screen in trust mode (room
    /// for the domain keys).
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
            Shown::Forms => context.view == View::Form,
            Shown::Scrolling => context.scrolls(),
            Shown::Steps => matches!(context.view, View::Form | View::Long | View::Password),
            Shown::Running => context.view == View::Running,
            Shown::Over => context.view == View::Over,
            Shown::OutsideDomainKeys => {
                !context.trust_domains() && !matches!(context.view, View::Running | View::Over)
            }
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
            KeyCode::Down if context.scrolls() => Some(Action::Scroll(1)),
            KeyCode::Up if context.scrolls() => Some(Action::Scroll(-1)),
            KeyCode::PageDown if !context.domain_screen() => Some(Action::Scroll(10)),
            KeyCode::PageUp if !context.domain_screen() => Some(Action::Scroll(-10)),
            _ => None,
        },
        hint: Some((words::KEYS_SCROLL, words::DOES_SCROLL, Shown::Scrolling)),
    },
    Binding {
        action: |key, _| match key.code {
            KeyCode::Tab | KeyCode::Down => Some(Action::Next),
            KeyCode::BackTab | KeyCode::Up => Some(Action::Previous),
            _ => None,
        },
        hint: Some((words::KEYS_MOVE, words::DOES_MOVE, Shown::Forms)),
    },
    Binding {
        action: |key, _| match key.code {
            KeyCode::Left => Some(Action::Left),
            KeyCode::Right => Some(Action::Right),
            _ => None,
        },
        hint: Some((words::KEYS_CHANGE, words::DOES_CHANGE, Shown::Forms)),
    },
    Binding {
        action: |key, _| (key.code == KeyCode::Enter).then_some(Action::Confirm),
        hint: Some((words::KEYS_NEXT, words::DOES_NEXT, Shown::Steps)),
    },
    // Hint only: once apply is over, the row above's Enter closes the wizard.
    Binding {
        action: |_, _| None,
        hint: Some((words::KEYS_NEXT, words::DOES_CLOSE, Shown::Over)),
    },
    Binding {
        action: |key, _| (key.code == KeyCode::Esc).then_some(Action::Back),
        hint: Some((words::KEYS_BACK, words::DOES_BACK, Shown::Steps)),
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
    // Hint only: while apply runs, the last row's Ctrl-C stops it.
    Binding {
        action: |_, _| None,
        hint: Some((words::KEYS_QUIT, words::DOES_STOP, Shown::Running)),
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
#[path = "keys_tests.rs"]
mod tests;
