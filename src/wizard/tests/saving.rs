//! Saving from the Finish screen: asking before replacing a file or symbolic link, `--force`,
//! and a failed save that keeps the wizard open with every answer and the path editable.

use super::*;
use crate::wizard::apply::ApplyView;
use crate::wizard::save::SaveError;

/// A complete AD Connector flow with the focus on `[ Save ]`.
fn at_save() -> Model {
    let mut model = walk(Mode::AdConnector);
    model.focus = 1;
    model
}

fn replace_path(model: &mut Model, path: &str) {
    model.focus = 0;
    super::erase(model, |model| model.save_path.is_empty());
    type_text(model, path);
}

fn exists(link: bool) -> Action {
    Action::SaveResult(Err(SaveError::Exists {
        path: "plan.yaml".into(),
        link,
    }))
}

#[test]
fn an_existing_file_is_replaced_only_after_yes() {
    let mut model = at_save();
    assert_eq!(
        update(&mut model, Action::Confirm),
        Effect::Save {
            path: "plan.yaml".into(),
            overwrite: Overwrite::Ask
        }
    );
    assert_eq!(update(&mut model, exists(false)), Effect::None);
    assert_eq!(model.overlay, Overlay::ConfirmReplace { link: false });
    assert_eq!(model.exit, Exit::Running);
    let screen = render(&model, 80, 24);
    assert!(
        screen.contains("plan.yaml already exists. Replace it"),
        "{screen}"
    );
    update(&mut model, Action::Type('x'));
    assert_eq!(
        model.overlay,
        Overlay::ConfirmReplace { link: false },
        "other keys do nothing"
    );
    assert_eq!(
        update(&mut model, Action::Type('y')),
        Effect::Save {
            path: "plan.yaml".into(),
            overwrite: Overwrite::Replace
        }
    );
    assert_eq!(model.overlay, Overlay::None);
    update(&mut model, Action::SaveResult(Ok("plan.yaml".into())));
    assert_eq!(model.exit, Exit::Saved("plan.yaml".into()));
}

#[test]
fn no_or_esc_keeps_the_file_and_the_wizard_open_to_type_another_path() {
    for key in [Action::Type('n'), Action::Back, Action::Quit] {
        let mut model = at_save();
        let draft = model.draft.clone();
        update(&mut model, Action::Confirm);
        update(&mut model, exists(false));
        assert_eq!(update(&mut model, key.clone()), Effect::None, "{key:?}");
        assert_eq!(model.overlay, Overlay::None, "{key:?}");
        assert_eq!(model.exit, Exit::Running, "{key:?}");
        assert_eq!((model.screen, model.focus), (Screen::Finish, 0), "{key:?}");
        assert_eq!(model.draft, draft, "{key:?}: the answers are kept");
        let screen = render(&model, 120, 40);
        assert!(screen.contains("plan.yaml was left as it is"), "{screen}");
        replace_path(&mut model, "other.yaml");
        update(&mut model, Action::Next);
        assert_eq!(
            update(&mut model, Action::Confirm),
            Effect::Save {
                path: "other.yaml".into(),
                overwrite: Overwrite::Ask
            }
        );
    }
}

#[test]
fn a_symbolic_link_is_named_in_the_question() {
    let mut model = at_save();
    update(&mut model, Action::Confirm);
    update(&mut model, exists(true));
    assert_eq!(model.overlay, Overlay::ConfirmReplace { link: true });
    let screen = render(&model, 120, 40);
    assert!(
        screen.contains("plan.yaml is a symbolic link. Replace the link"),
        "{screen}"
    );
}

#[test]
fn with_force_the_save_may_replace_without_asking() {
    let mut model = at_save();
    model.overwrite = Overwrite::Replace;
    assert_eq!(
        update(&mut model, Action::Confirm),
        Effect::Save {
            path: "plan.yaml".into(),
            overwrite: Overwrite::Replace
        }
    );
}

const MISSING_DIR: &str =
    "cannot save the plan to /nope/plan.yaml: the directory /nope does not exist";

#[test]
fn a_failed_save_keeps_every_answer_and_says_which_file_and_why() {
    let mut model = at_save();
    replace_path(&mut model, "/nope/plan.yaml");
    update(&mut model, Action::Next);
    let draft = model.draft.clone();
    assert_eq!(
        update(&mut model, Action::Confirm),
        Effect::Save {
            path: "/nope/plan.yaml".into(),
            overwrite: Overwrite::Ask
        }
    );
    let failed = Action::SaveResult(Err(SaveError::Failed(MISSING_DIR.into())));
    assert_eq!(update(&mut model, failed), Effect::None);
    assert_eq!(model.exit, Exit::Running);
    assert_eq!(model.saved, SaveState::Unsaved);
    assert_eq!(model.draft, draft);
    assert_eq!((model.screen, model.focus), (Screen::Finish, 0));
    let screen = render(&model, 120, 40);
    assert!(screen.contains(MISSING_DIR), "{screen}");
    update(&mut model, Action::Tick);
    assert!(
        render(&model, 120, 40).contains(MISSING_DIR),
        "the reason stays on the screen"
    );
    replace_path(&mut model, "plan.yaml");
    update(&mut model, Action::Next);
    update(&mut model, Action::Confirm);
    assert_eq!(model.save_error, None, "a new save clears the old reason");
    update(&mut model, Action::SaveResult(Ok("plan.yaml".into())));
    assert_eq!(model.exit, Exit::Saved("plan.yaml".into()));
}

#[test]
fn a_failed_save_and_apply_now_does_not_apply_and_can_be_retried() {
    let mut model = walk(Mode::AdConnector);
    model.focus = 2;
    update(&mut model, Action::Confirm);
    let failed = Action::SaveResult(Err(SaveError::Failed(MISSING_DIR.into())));
    assert_eq!(update(&mut model, failed), Effect::None);
    assert_eq!(model.apply, ApplyView::NotStarted);
    assert_eq!((model.exit.clone(), model.focus), (Exit::Running, 0));
    model.focus = 2;
    update(&mut model, Action::Confirm);
    assert_eq!(
        update(&mut model, Action::SaveResult(Ok("plan.yaml".into()))),
        Effect::None
    );
    assert!(matches!(model.apply, ApplyView::Confirming(_)));
    assert_eq!(update(&mut model, Action::Confirm), Effect::PrepareApply);
}
