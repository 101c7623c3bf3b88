//! Apply now from the wizard: the masked password field and the live progress.

use super::*;
use crate::apply::Event;
use crate::wizard::apply::{ApplyEnd, ApplyView, SecretSlot};

#[test]
fn save_and_apply_now_asks_masked_then_shows_progress_and_the_gate() {
    let mut model = walk(Mode::AdConnector);
    model.focus = 2;
    assert_eq!(
        update(&mut model, Action::Confirm),
        Effect::Save {
            path: "plan.yaml".into(),
            overwrite: Overwrite::Ask
        }
    );
    assert_eq!(
        update(&mut model, Action::SaveResult(Ok("plan.yaml".into()))),
        Effect::None,
        "nothing is prepared before the confirmation"
    );
    assert_eq!(update(&mut model, Action::Confirm), Effect::PrepareApply);
    assert_eq!(model.exit, Exit::Running);
    update(
        &mut model,
        Action::SecretsNeeded(vec![SecretSlot::ServiceAccount]),
    );
    assert_eq!(
        model.apply,
        ApplyView::AskingSecrets(vec![SecretSlot::ServiceAccount])
    );
    assert_eq!(
        update(&mut model, Action::Confirm),
        Effect::None,
        "an empty password is not taken"
    );
    type_text(&mut model, "Canary-4711");
    update(&mut model, Action::Erase);
    let screen = render(&model, 80, 24);
    assert!(
        screen.contains("••••••••••") && !screen.contains("Canary"),
        "{screen}"
    );
    assert!(
        !format!("{model:?}").contains("Canary"),
        "Debug never shows the password"
    );
    assert_eq!(
        update(&mut model, Action::Confirm),
        Effect::SecretEntered {
            slot: SecretSlot::ServiceAccount,
            last: true
        }
    );
    assert!(matches!(model.apply, ApplyView::Running(_)));
    update(
        &mut model,
        Action::ApplyEvent(Event::StepStarted {
            index: 4,
            total: 6,
            description: "find or create the AD Connector".into(),
        }),
    );
    update(
        &mut model,
        Action::ApplyEvent(Event::StepDone {
            note: "created d-0123456789".into(),
        }),
    );
    update(
        &mut model,
        Action::ApplyEvent(Event::Waiting {
            what: "directory d-0123456789".into(),
            state: "Creating".into(),
            elapsed: std::time::Duration::from_secs(20),
            next_check: std::time::Duration::from_secs(40),
        }),
    );
    let screen = render(&model, 100, 30);
    assert!(screen.contains("step 4 of 6"), "{screen}");
    assert!(screen.contains("created d-0123456789"), "{screen}");
    assert!(
        screen.contains("Creating (waited 20s, next check in 40s)"),
        "{screen}"
    );
    update(
        &mut model,
        Action::ApplyFinished(ApplyEnd::Paused(
            "Switch the identity source in the console".into(),
        )),
    );
    let screen = render(&model, 100, 30);
    assert!(screen.contains("Apply paused at a manual step"), "{screen}");
    assert!(
        screen.contains("Switch the identity source in the console"),
        "{screen}"
    );
    update(&mut model, Action::Confirm);
    assert_eq!(
        model.exit,
        Exit::Applied(
            "plan.yaml".into(),
            ApplyEnd::Paused("Switch the identity source in the console".into())
        )
    );
}

#[test]
fn with_every_secret_resolved_apply_starts_at_once() {
    let mut model = walk(Mode::Trust);
    model.focus = 2;
    update(&mut model, Action::Confirm);
    update(&mut model, Action::SaveResult(Ok("plan.yaml".into())));
    assert_eq!(
        update(&mut model, Action::SecretsNeeded(vec![])),
        Effect::StartApply
    );
    assert!(matches!(model.apply, ApplyView::Running(_)));
    update(&mut model, Action::Quit);
    assert!(
        matches!(model.exit, Exit::Applied(_, ApplyEnd::Failed(_))),
        "quitting stops the run"
    );
}

#[test]
fn a_question_mark_is_typed_into_the_masked_password_not_taken_as_help() {
    let mut model = walk(Mode::Trust);
    model.focus = 2;
    update(&mut model, Action::Confirm);
    update(&mut model, Action::SaveResult(Ok("plan.yaml".into())));
    update(&mut model, Action::SecretsNeeded(vec![SecretSlot::Admin]));
    press_text(&mut model, "Tr?st-q?4711");
    assert_eq!(model.overlay, Overlay::None, "no help over the password");
    assert_eq!(model.secret_input.len(), 12, "every character was typed");
    assert_eq!(model.secret_input.take().as_str(), "Tr?st-q?4711");
}

#[test]
fn f1_opens_help_over_the_masked_password_and_the_closing_key_is_not_typed() {
    let mut model = walk(Mode::Trust);
    model.focus = 2;
    update(&mut model, Action::Confirm);
    update(&mut model, Action::SaveResult(Ok("plan.yaml".into())));
    update(&mut model, Action::SecretsNeeded(vec![SecretSlot::Admin]));
    press(&mut model, KeyCode::F(1));
    assert_eq!(model.overlay, Overlay::Help);
    assert!(render(&model, 80, 24).contains("masked"));
    press_text(&mut model, "x");
    assert_eq!(model.overlay, Overlay::None);
    assert!(model.secret_input.is_empty());
}

/// Save and apply now on a trust plan, at the password prompt with part of a password typed.
fn at_the_password_prompt() -> Model {
    let mut model = walk(Mode::Trust);
    model.focus = 2;
    update(&mut model, Action::Confirm);
    update(&mut model, Action::SaveResult(Ok("plan.yaml".into())));
    update(&mut model, Action::SecretsNeeded(vec![SecretSlot::Admin]));
    type_text(&mut model, "Half-typed");
    model
}

#[test]
fn esc_at_the_password_prompt_goes_back_to_finish_and_nothing_runs() {
    let mut model = at_the_password_prompt();
    assert_eq!(press(&mut model, KeyCode::Esc), Effect::CancelApply);
    assert_eq!(model.apply, ApplyView::NotStarted);
    assert_eq!((model.screen, model.focus), (Screen::Finish, 2));
    assert!(
        model.secret_input.is_empty(),
        "the half-typed password is dropped"
    );
    assert_eq!(model.exit, Exit::Running);
    assert!(render(&model, 80, 24).contains("Save and apply now"));
    press(&mut model, KeyCode::Char('c')); // not a text field: nothing
    update(&mut model, Action::Quit);
    assert_eq!(
        model.exit,
        Exit::Saved("plan.yaml".into()),
        "the plan is saved: quitting says so"
    );
}

#[test]
fn ctrl_c_at_the_password_prompt_quits_saying_nothing_was_applied() {
    let mut model = at_the_password_prompt();
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let action = action_for(ctrl_c, &model).unwrap();
    assert_eq!(update(&mut model, action), Effect::CancelApply);
    assert_eq!(model.exit, Exit::SavedNotApplied("plan.yaml".into()));
    assert!(model.secret_input.is_empty());
}

#[test]
fn the_end_of_apply_and_the_save_message_name_the_plans_file() {
    let mut model = walk(Mode::AdConnector);
    model.save_path = "corp-plan.yaml".into();
    model.apply = ApplyView::Running(Default::default());
    update(
        &mut model,
        Action::ApplyFinished(ApplyEnd::Paused("Switch the identity source".into())),
    );
    let screen = render(&model, 120, 40);
    assert!(screen.contains("`adsso apply corp-plan.yaml`"), "{screen}");
    assert!(!screen.contains("FILE"), "{screen}");
    let saved = crate::text::wizard::saved("corp-plan.yaml");
    assert!(
        saved.contains("`adsso preflight corp-plan.yaml`")
            && saved.contains("`adsso apply corp-plan.yaml --dry-run`"),
        "{saved}"
    );
}

/// A run of the AD Connector plan with `done` finished steps, running step 6.
fn running_with_a_long_log(done: usize) -> Model {
    let mut model = walk(Mode::AdConnector);
    model.apply = ApplyView::Running(Default::default());
    for index in 1..=done {
        update(
            &mut model,
            Action::ApplyEvent(Event::StepStarted {
                index,
                total: done + 1,
                description: format!("step number {index}"),
            }),
        );
        update(
            &mut model,
            Action::ApplyEvent(Event::StepDone {
                note: "done".into(),
            }),
        );
    }
    update(
        &mut model,
        Action::ApplyEvent(Event::StepStarted {
            index: done + 1,
            total: done + 1,
            description: "make the directory the identity source".into(),
        }),
    );
    model
}

#[test]
fn the_log_follows_the_current_step_until_scrolled_and_arrows_scroll_it() {
    let mut model = running_with_a_long_log(30);
    let shown = render(&model, 80, 24);
    assert!(
        shown.contains("▶ 31. make the directory the identity source"),
        "the current step is below the fold:\n{shown}"
    );
    assert!(shown.contains("↑↓/PgUp/PgDn scroll"), "{shown}");
    press(&mut model, KeyCode::Up);
    press(&mut model, KeyCode::Up);
    let held = render(&model, 80, 24);
    assert!(!held.contains("▶ 31."), "↑ scrolled the log up:\n{held}");
    update(
        &mut model,
        Action::ApplyEvent(Event::Warning("something to read".into())),
    );
    assert!(
        !render(&model, 80, 24).contains("something to read"),
        "a scrolled log stays where it was"
    );
    for _ in 0..5 {
        press(&mut model, KeyCode::Down);
    }
    update(
        &mut model,
        Action::ApplyEvent(Event::Warning("the latest warning".into())),
    );
    assert!(
        render(&model, 80, 24).contains("the latest warning"),
        "scrolled back to the end, it follows again"
    );
}

#[test]
fn a_pause_at_80_columns_shows_the_whole_heading_and_the_instructions_from_their_start() {
    let mut model = running_with_a_long_log(12);
    model.save_path = "corp-plan.yaml".into();
    let instructions = crate::text::apply::identity_source_gate(
        "us-east-1",
        "d-0123456789",
        &["corp.example.com"],
        Mode::AdConnector,
        &[],
    );
    update(
        &mut model,
        Action::ApplyFinished(ApplyEnd::Paused(instructions)),
    );
    let shown = render(&model, 80, 24);
    assert!(
        shown.contains("Enter closes the wizard."),
        "the heading is cut:\n{shown}"
    );
    assert!(shown.contains("corp-plan.yaml` to resume"), "{shown}");
    assert!(
        shown.contains("MANUAL STEP: make the directory d-0123456789"),
        "the instructions are below the fold:\n{shown}"
    );
    assert!(shown.contains("Enter close"), "{shown}");
    assert!(
        shown.contains("lines 12-27 of 27"),
        "the position shown: {shown}"
    );
    insta::assert_snapshot!("connector-paused-80x24", shown);
    insta::assert_snapshot!("connector-paused-120x40", render(&model, 120, 40));
}

#[test]
fn save_and_apply_now_shows_the_steps_and_the_cost_and_asks_once() {
    let mut model = walk(Mode::Trust);
    model.save_path = "corp-plan.yaml".into();
    model.focus = 2;
    update(&mut model, Action::Confirm);
    assert_eq!(
        update(&mut model, Action::SaveResult(Ok("corp-plan.yaml".into()))),
        Effect::None,
        "nothing is created or asked for before the answer"
    );
    let ApplyView::Confirming(lines) = &model.apply else {
        panic!("no confirmation: {:?}", model.apply)
    };
    let plan = model.draft.to_plan();
    let expected = crate::apply::summary::summary(&plan, "corp-plan.yaml");
    assert!(
        lines.starts_with(&expected),
        "the wizard shows what adsso apply shows"
    );
    let text = lines.join("\n");
    for wanted in [
        "adsso apply corp-plan.yaml will:",
        "find or create the AWS Managed Microsoft AD",
        "AWS Managed Microsoft AD, Standard edition: about USD 175 a month",
        "AWS takes 20-45 minutes to create it",
        "`adsso preflight corp-plan.yaml`",
        "Apply these steps to AWS?",
    ] {
        assert!(text.contains(wanted), "missing {wanted}:\n{text}");
    }
    let shown = render(&model, 80, 24);
    assert!(
        shown.contains("adsso apply corp-plan.yaml will:"),
        "{shown}"
    );
    insta::assert_snapshot!("trust-apply-confirm-80x24", shown);
    insta::assert_snapshot!("trust-apply-confirm-120x40", render(&model, 120, 40));
    press(&mut model, KeyCode::PageDown);
    press(&mut model, KeyCode::PageDown);
    assert!(
        render(&model, 80, 24).contains("Apply these steps to AWS?"),
        "the question is reached by scrolling"
    );
    assert_eq!(
        update(&mut model, Action::Confirm),
        Effect::PrepareApply,
        "one Enter applies"
    );
    update(&mut model, Action::SecretsNeeded(vec![SecretSlot::Admin]));
    assert_eq!(
        model.apply,
        ApplyView::AskingSecrets(vec![SecretSlot::Admin]),
        "no second question: the passwords come next"
    );
}

#[test]
fn esc_at_the_confirmation_goes_back_to_finish_and_q_quits_with_nothing_applied() {
    let mut model = walk(Mode::AdConnector);
    model.focus = 2;
    update(&mut model, Action::Confirm);
    update(&mut model, Action::SaveResult(Ok("plan.yaml".into())));
    assert!(render(&model, 120, 40).contains("AD Connector, Small: about USD 37 a month"));
    assert_eq!(press(&mut model, KeyCode::Esc), Effect::None);
    assert_eq!(model.apply, ApplyView::NotStarted);
    assert_eq!((model.screen, model.focus), (Screen::Finish, 2));
    update(&mut model, Action::Confirm);
    update(&mut model, Action::SaveResult(Ok("plan.yaml".into())));
    update(&mut model, Action::Quit);
    assert_eq!(model.exit, Exit::SavedNotApplied("plan.yaml".into()));
}
