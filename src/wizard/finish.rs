//! The Finish screen's save, as state changes only (the write itself is [`Effect::Save`], done
//! by [`super::effects`]): asking before replacing an existing file or symbolic link, and
//! keeping the wizard open with every answer when a save fails, so the operator can type
//! another path.

use super::apply::ApplyView;
use super::model::{AfterSave, Exit, Model, Overlay, SaveState};
use super::save::{Overwrite, SaveError};
use super::update::{Action, Effect};
use crate::text::wizard as words;

/// Asks for a save to the typed path; `after` is what follows a successful save.
pub(super) fn start(model: &mut Model, after: AfterSave) -> Effect {
    model.after_save = after;
    model.save_error = None;
    Effect::Save {
        path: model.save_path.trim().to_owned(),
        overwrite: model.overwrite,
    }
}

/// The answer to [`Effect::Save`].
pub(super) fn saved(model: &mut Model, result: Result<String, SaveError>) -> Effect {
    match result {
        Ok(path) => {
            model.save_error = None;
            model.saved = SaveState::Saved(path.clone());
            match model.after_save {
                AfterSave::Exit => model.exit = Exit::Saved(path),
                AfterSave::Apply => {
                    let shown = crate::text::untrusted::line(&path);
                    let plan = model.draft.to_plan();
                    let lines = crate::apply::summary::confirmation(&plan, &shown);
                    model.apply = ApplyView::Confirming(lines);
                    model.scroll = 0;
                }
            }
        }
        Err(SaveError::Exists { link, .. }) => {
            model.overlay = Overlay::ConfirmReplace { link };
        }
        Err(SaveError::Failed(message)) => {
            model.save_error = Some(message);
            model.focus = 0;
        }
    }
    Effect::None
}

/// A key while "Replace it?" is open: `y` saves over it; `n`, Esc and Ctrl-C keep it and put
/// the focus on the path.
pub(super) fn replace_answer(model: &mut Model, action: &Action) -> Effect {
    match action {
        Action::Type('y' | 'Y') => {
            model.overlay = Overlay::None;
            model.save_error = None;
            Effect::Save {
                path: model.save_path.trim().to_owned(),
                overwrite: Overwrite::Replace,
            }
        }
        Action::Type('n' | 'N') | Action::Back | Action::Quit => {
            model.overlay = Overlay::None;
            model.save_error = Some(words::kept(model.save_path.trim()));
            model.focus = 0;
            Effect::None
        }
        _ => Effect::None,
    }
}
