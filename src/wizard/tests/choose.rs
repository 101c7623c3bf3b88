//! The Choose screen stays consistent: no design is recommended (or selected) while every
//! helper answer is "not sure", and the selection follows the recommendation until the
//! operator picks a design themselves.

use super::*;
use crate::wizard::model::Choice;

/// Focus on helper question `index` (0: several domains, 1: portal resets, 2: data in AWS).
fn on_question(model: &mut Model, index: usize) {
    model.focus = 2 + index;
}

#[test]
fn all_not_sure_recommends_nothing_and_selects_nothing() {
    let mut model = model();
    assert_eq!(model.decision.recommend(), None);
    assert_eq!(model.choice, Choice::Open);
    let screen = render(&model, 80, 24);
    assert!(screen.contains("No recommendation yet"), "{screen}");
    assert!(!screen.contains("Recommended:"), "{screen}");
    assert!(!screen.contains("(●)"), "nothing is selected: {screen}");
    // Enter on a helper question has nothing to take: it stays and says why.
    on_question(&mut model, 0);
    update(&mut model, Action::Confirm);
    assert_eq!(model.screen, Screen::Choose);
    assert!(
        model
            .status
            .as_deref()
            .unwrap_or_default()
            .contains("No recommendation yet")
    );
    // An answer, then back to "not sure": no recommendation again.
    update(&mut model, Action::Right);
    assert_eq!(model.choice, Choice::Recommended);
    update(&mut model, Action::Left);
    assert_eq!(model.decision.several_domains, YesNo::Unsure);
    assert_eq!(model.decision.recommend(), None);
    assert_eq!(model.choice, Choice::Open);
}

#[test]
fn the_selection_follows_the_recommendation_as_the_answers_change() {
    let mut model = model();
    on_question(&mut model, 2);
    update(&mut model, Action::Right); // data in AWS: yes -> AD Connector (simpler)
    assert_eq!(
        model.decision.recommend().map(|r| r.0),
        Some(Mode::AdConnector)
    );
    assert_eq!(model.draft.mode, Mode::AdConnector);
    assert_eq!(model.focus, 4, "the focus stays on the question answered");
    let screen = render(&model, 80, 24);
    assert!(screen.contains("Recommended: AD Connector"), "{screen}");
    assert!(screen.contains("(●) AD Connector"), "{screen}");
    on_question(&mut model, 0);
    update(&mut model, Action::Right); // several domains: yes -> trust
    assert_eq!(model.draft.mode, Mode::Trust);
    let screen = render(&model, 80, 24);
    assert!(screen.contains("Recommended: two-way trust"), "{screen}");
    assert!(screen.contains("(●) Two-way trust"), "{screen}");
    update(&mut model, Action::Confirm); // Enter on a question takes the selection
    assert_eq!(model.screen, Screen::Domain);
    assert_eq!(model.draft.mode, Mode::Trust);
}

#[test]
fn a_design_the_operator_picked_is_not_moved_by_the_helper() {
    let mut model = model();
    update(&mut model, Action::Right); // the operator moves to AD Connector
    assert_eq!(model.focus, 1);
    assert_eq!(model.draft.mode, Mode::AdConnector);
    assert_eq!(model.choice, Choice::Picked);
    on_question(&mut model, 0);
    update(&mut model, Action::Right); // several domains: yes -> trust recommended
    assert_eq!(model.decision.recommend().map(|r| r.0), Some(Mode::Trust));
    assert_eq!(
        model.draft.mode,
        Mode::AdConnector,
        "the operator's pick stays"
    );
    update(&mut model, Action::Confirm);
    assert_eq!(model.draft.mode, Mode::AdConnector);
}
