//! Where a wizard with pre-filled answers opens (flags, `--edit`): with the design known, on the
//! first screen that still has an unanswered or invalid question (its first such question
//! focused), or on Review when every question is answered; without it, on Choose.

use super::draft::Draft;
use super::model::{Choice, Colour, Model, Origin};
use super::questions::{self, Screen};

impl Model {
    /// A wizard on `draft`; `choice` is [`Choice::Picked`] when the design is known (`--mode`,
    /// `--edit`), [`Choice::Open`] when Choose still asks it.
    pub fn opening(
        save_path: impl Into<String>,
        colour: Colour,
        draft: Draft,
        origin: Origin,
        choice: Choice,
    ) -> Self {
        let mut model = match origin {
            Origin::New => Model::new(save_path, colour),
            Origin::Edited => Model::editing(save_path, colour, draft.clone()),
        };
        model.draft = draft;
        model.revalidate();
        model.choice = choice;
        model.screen = match choice {
            Choice::Picked => model.first_open_screen(),
            Choice::Open | Choice::Recommended => Screen::Choose,
        };
        model.focus = model
            .fields()
            .iter()
            .position(|field| model.error(field.id).is_some())
            .unwrap_or(0);
        model
    }

    /// The first form screen with an unanswered or invalid question (the domain shown is the
    /// first with one), or Review.
    fn first_open_screen(&mut self) -> Screen {
        if let Some(domain) = self.first_invalid_domain() {
            self.draft.select_domain(domain);
            return Screen::Domain;
        }
        for screen in [Screen::Domain, Screen::Aws, Screen::Secrets] {
            let open = questions::fields(screen, &self.draft)
                .iter()
                .any(|field| self.error(field.id).is_some());
            if open {
                return screen;
            }
        }
        Screen::Review
    }
}
