//! The wizard's state: the screen, the draft, the focus, the decision helper, overlays and how
//! the session ends. Plain data: [`super::update`] changes it, [`super::view`] draws it.

use std::collections::BTreeMap;

use super::apply::{ApplyEnd, ApplyView, MaskedInput};
use super::discovery::{self, Found};
use super::draft::{Draft, FieldId};
use super::questions::{self, Decision, Field, FieldAt, Screen};
use super::save::Overwrite;

/// A window over the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// None.
    None,
    /// The help for the current screen.
    Help,
    /// "Quit without saving?"
    ConfirmQuit,
    /// The connectivity check's checklist.
    Checks,
    /// "Replace what is at the save path?" (`link`: it is a symbolic link).
    ConfirmReplace {
        /// True when the path is a symbolic link.
        link: bool,
    },
}

/// The connectivity check (preflight) run from the domain screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Connectivity {
    /// Not run.
    NotRun,
    /// Running in the background; the number counts ticks for the spinner.
    Running(usize),
    /// Finished.
    Done {
        /// The checklist as text.
        report: String,
        /// True when nothing failed.
        passed: bool,
    },
}

/// Where the plan stands on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Not saved since the last change.
    Unsaved,
    /// Saved to this path.
    Saved(String),
}

/// Whether the wizard goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// Keep running.
    Running,
    /// The operator quit.
    Quit,
    /// The plan was saved; the wizard is done.
    Saved(String),
    /// The plan was saved to this path; apply now was asked for, then left before anything ran
    /// (Ctrl-C at its password prompt).
    SavedNotApplied(String),
    /// The plan was saved to this path and applied with this end.
    Applied(String, ApplyEnd),
}

/// What happens once the plan is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterSave {
    /// The wizard ends.
    Exit,
    /// The plan is applied now.
    Apply,
}

/// Colours on or off (`NO_COLOR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    /// Styled output.
    On,
    /// Plain output.
    Off,
}

/// Discovery of what exists in the chosen Region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiscoveryState {
    /// Not started (it starts when the AWS screen opens).
    NotStarted,
    /// Reading this Region in the background; the number counts ticks for the spinner.
    Running(String, usize),
    /// Found.
    Ready(Found),
    /// No AWS access for this Region, and why; the values are typed.
    Unavailable(String, String),
}

impl DiscoveryState {
    /// What was found, when it was.
    pub fn found(&self) -> Option<&Found> {
        match self {
            DiscoveryState::Ready(found) => Some(found),
            _ => None,
        }
    }

    /// The Region this state is about, if any.
    pub fn region(&self) -> Option<&str> {
        match self {
            DiscoveryState::NotStarted => None,
            DiscoveryState::Running(region, _) | DiscoveryState::Unavailable(region, _) => {
                Some(region)
            }
            DiscoveryState::Ready(found) => Some(&found.region),
        }
    }
}

/// The smallest terminal the wizard draws in.
pub const MIN_WIDTH: u16 = 80;
/// The smallest terminal height.
pub const MIN_HEIGHT: u16 = 24;

/// The terminal's size in cells, as the event loop last saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermSize {
    /// Columns.
    pub width: u16,
    /// Rows.
    pub height: u16,
}

/// Whether the wizard has room to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    /// At least [`MIN_WIDTH`] x [`MIN_HEIGHT`]: the wizard is drawn and every key acts.
    Enough,
    /// Smaller: only the "enlarge the terminal" notice is drawn, and only quitting acts.
    TooSmall,
}

impl TermSize {
    /// The smallest size the wizard draws in (what a model assumes until told otherwise).
    pub const MIN: TermSize = TermSize {
        width: MIN_WIDTH,
        height: MIN_HEIGHT,
    };

    /// Whether this size has room for the wizard.
    pub fn room(self) -> Room {
        if self.width < MIN_WIDTH || self.height < MIN_HEIGHT {
            Room::TooSmall
        } else {
            Room::Enough
        }
    }
}

/// Where apply now's log is scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follow {
    /// It follows the run: the current step at the bottom while it runs, then the end's
    /// instructions or reason from their first line.
    Current,
    /// Where the operator scrolled it to ([`Model::scroll`]).
    Held,
}

/// Where the draft came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A new plan.
    New,
    /// A saved plan opened with `--edit` (its comments are not kept: said before saving).
    Edited,
}

/// The design selected on the Choose screen (the `(●)` mark, what Enter on a helper question
/// takes): it follows the decision helper's recommendation until the operator picks a design.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Nothing selected: a new plan whose helper answers are all "not sure".
    Open,
    /// The helper's recommendation is selected, and follows it when the answers change.
    Recommended,
    /// The operator picked the design (← → or Enter on it), or a flag or the edited plan gave
    /// it: the helper's answers no longer move the selection.
    Picked,
}

/// Everything the wizard shows and edits.
#[derive(Debug, Clone)]
pub struct Model {
    /// The current screen.
    pub screen: Screen,
    /// The answers.
    pub draft: Draft,
    /// The decision helper's answers.
    pub decision: Decision,
    /// Which design the Choose screen selects, and whether it follows the recommendation.
    pub choice: Choice,
    /// The focused item of the current screen.
    pub focus: usize,
    /// Scroll offset of the long views (diagram, review, the checklist, apply now's log).
    pub scroll: u16,
    /// Whether apply now's log follows the run or stays where it was scrolled.
    pub follow: Follow,
    /// Where to save.
    pub save_path: String,
    /// Whether a save may replace an existing file without asking (`--force`).
    pub overwrite: Overwrite,
    /// Why the last save failed, shown on the Finish screen until the next save.
    pub save_error: Option<String>,
    /// A one-line message for the footer.
    pub status: Option<String>,
    /// The overlay shown.
    pub overlay: Overlay,
    /// Saved or not.
    pub saved: SaveState,
    /// Whether to go on.
    pub exit: Exit,
    /// Colours.
    pub colour: Colour,
    /// Validation errors by field (and domain), for the current draft.
    pub errors: BTreeMap<FieldAt, String>,
    /// Whether the draft came from a saved plan (`--edit`).
    pub origin: Origin,
    /// The connectivity check.
    pub connectivity: Connectivity,
    /// Discovery of the AWS side.
    pub discovery: DiscoveryState,
    /// What Save leads to.
    pub after_save: AfterSave,
    /// Apply now, when chosen.
    pub apply: ApplyView,
    /// The password being typed for apply (masked).
    pub secret_input: MaskedInput,
    /// A new password's first entry, while it is typed again to confirm it.
    pub secret_first: Option<MaskedInput>,
    /// Why the last entry was refused (a rule, a mismatch; never the value).
    pub secret_problem: Option<String>,
    /// The terminal's size (the keys act only when it has room).
    pub size: TermSize,
}

impl Model {
    /// A new wizard that will save to `save_path`.
    pub fn new(save_path: impl Into<String>, colour: Colour) -> Self {
        Self::with_draft(save_path, colour, Draft::default(), Origin::New)
    }

    /// A wizard on a plan opened with `--edit`: it starts on the Review screen.
    pub fn editing(save_path: impl Into<String>, colour: Colour, draft: Draft) -> Self {
        let mut model = Self::with_draft(save_path, colour, draft, Origin::Edited);
        model.screen = Screen::Review;
        model
    }

    fn with_draft(
        save_path: impl Into<String>,
        colour: Colour,
        draft: Draft,
        origin: Origin,
    ) -> Self {
        let errors = questions::errors(&draft);
        Self {
            origin,
            screen: Screen::Choose,
            draft,
            decision: Decision::default(),
            choice: match origin {
                Origin::New => Choice::Open,
                Origin::Edited => Choice::Picked,
            },
            focus: 0,
            scroll: 0,
            follow: Follow::Current,
            save_path: save_path.into(),
            overwrite: Overwrite::Ask,
            save_error: None,
            status: None,
            overlay: Overlay::None,
            saved: SaveState::Unsaved,
            exit: Exit::Running,
            colour,
            errors,
            connectivity: Connectivity::NotRun,
            discovery: DiscoveryState::NotStarted,
            after_save: AfterSave::Exit,
            apply: ApplyView::NotStarted,
            secret_input: MaskedInput::default(),
            secret_first: None,
            secret_problem: None,
            size: TermSize::MIN,
        }
    }

    /// The form fields of the current screen.
    pub fn fields(&self) -> Vec<Field> {
        questions::fields(self.screen, &self.draft)
    }

    /// How many items the current screen can focus.
    pub fn focusable(&self) -> usize {
        match self.screen {
            Screen::Choose => 5,
            Screen::Domain | Screen::Aws | Screen::Secrets => self.fields().len(),
            Screen::Diagram | Screen::Review => 1,
            Screen::Finish => 3,
        }
    }

    /// The focused form field, if the focus is on one.
    pub fn focused_field(&self) -> Option<Field> {
        self.fields().get(self.focus).copied()
    }

    /// True when the focus is on a free-text input (where `q` types a `q`).
    pub fn typing(&self) -> bool {
        matches!(self.screen, Screen::Finish) && self.focus == 0
            || self
                .focused_field()
                .is_some_and(|field| field.answer == questions::Answer::Text)
    }

    /// After a helper answer changed: the selection follows the recommendation (none while
    /// every answer is "not sure"), unless the operator picked a design.
    pub fn follow_recommendation(&mut self) {
        if self.choice == Choice::Picked {
            return;
        }
        match self.decision.recommend() {
            Some((mode, _)) => {
                self.choice = Choice::Recommended;
                if self.draft.mode != mode {
                    self.draft.mode = mode;
                    self.revalidate();
                }
            }
            None => self.choice = Choice::Open,
        }
    }

    /// Re-runs validation after an edit.
    pub fn revalidate(&mut self) {
        self.errors = questions::errors(&self.draft);
        if let Some(found) = self.discovery.found() {
            for (id, error) in discovery::errors(&self.draft, found) {
                self.errors.entry(FieldAt::global(id)).or_insert(error);
            }
        }
        self.saved = SaveState::Unsaved;
    }

    /// The error of question `id` as shown now (of the current domain for a per-domain one).
    pub fn error(&self, id: FieldId) -> Option<&String> {
        self.errors.get(&FieldAt::of(&self.draft, id))
    }

    /// True when no field of the current screen has an error.
    pub fn screen_is_valid(&self) -> bool {
        self.fields()
            .iter()
            .all(|field| self.error(field.id).is_none())
    }

    /// The first domain with an error in one of its questions, if any.
    pub fn first_invalid_domain(&self) -> Option<usize> {
        self.errors.keys().find_map(|at| at.domain)
    }
}
