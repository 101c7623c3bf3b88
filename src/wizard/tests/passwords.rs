//! Apply now's password prompt: a new password (the Admin's, a trust's) is checked against
//! AWS's rules as soon as it is entered and typed twice; an existing one (the service
//! account's) once. A refusal names the rule, never the value.

use super::*;
use crate::wizard::apply::{ApplyView, SecretSlot};

const GOOD: &str = "Corp-Directory-Pw0rd-1";

/// Save and apply now on a trust plan, at the prompt for `slot`.
fn prompt_for(slot: SecretSlot) -> Model {
    let mut model = walk(Mode::Trust);
    model.focus = 2;
    update(&mut model, Action::Confirm);
    update(&mut model, Action::SaveResult(Ok("plan.yaml".into())));
    update(&mut model, Action::SecretsNeeded(vec![slot]));
    model
}

fn enter(model: &mut Model, typed: &str) -> Effect {
    type_text(model, typed);
    update(model, Action::Confirm)
}

#[test]
fn a_new_password_is_typed_twice_and_taken_when_both_match() {
    let mut model = prompt_for(SecretSlot::Admin);
    assert_eq!(enter(&mut model, GOOD), Effect::None);
    assert!(matches!(model.apply, ApplyView::AskingSecrets(_)));
    let screen = render(&model, 100, 30);
    assert!(screen.contains("(again, to confirm)"), "{screen}");
    assert!(!screen.contains(GOOD), "{screen}");
    assert_eq!(
        enter(&mut model, GOOD),
        Effect::SecretEntered {
            slot: SecretSlot::Admin,
            last: true
        }
    );
    assert!(matches!(model.apply, ApplyView::Running(_)));
    assert_eq!(model.secret_first, None);
}

#[test]
fn two_different_entries_are_refused_and_asked_again_from_the_first() {
    let mut model = prompt_for(SecretSlot::Trust);
    enter(&mut model, GOOD);
    assert_eq!(enter(&mut model, "Corp-Other-Passw0rd-2"), Effect::None);
    let problem = model.secret_problem.clone().unwrap();
    assert_eq!(
        problem,
        crate::text::password_mismatch(&SecretSlot::Trust.what())
    );
    assert_eq!(model.secret_first, None, "asked again from the first entry");
    assert!(model.secret_input.is_empty());
    let screen = render(&model, 100, 30);
    assert!(screen.contains("do not match"), "{screen}");
    assert!(!screen.contains("Corp-Other"), "{screen}");
    enter(&mut model, GOOD);
    assert!(matches!(
        enter(&mut model, GOOD),
        Effect::SecretEntered { .. }
    ));
}

#[test]
fn a_password_breaking_aws_rules_is_refused_at_once_naming_the_rule() {
    let mut model = prompt_for(SecretSlot::Admin);
    // Too short for a Managed AD Admin password (8 to 64 characters).
    assert_eq!(enter(&mut model, "Ab1!"), Effect::None);
    let problem = model.secret_problem.clone().unwrap();
    assert!(problem.contains("does not meet AWS's rules"), "{problem}");
    assert!(!problem.contains("Ab1!"), "{problem}");
    assert_eq!(model.secret_first, None, "not kept as a first entry");
    let screen = render(&model, 100, 30);
    assert!(screen.contains("does not meet AWS's rules"), "{screen}");
}

#[test]
fn an_existing_password_is_typed_once() {
    let mut model = walk(Mode::AdConnector);
    model.focus = 2;
    update(&mut model, Action::Confirm);
    update(&mut model, Action::SaveResult(Ok("plan.yaml".into())));
    update(
        &mut model,
        Action::SecretsNeeded(vec![SecretSlot::ServiceAccount]),
    );
    assert_eq!(
        enter(&mut model, "Service-Passw0rd"),
        Effect::SecretEntered {
            slot: SecretSlot::ServiceAccount,
            last: true
        }
    );
}
