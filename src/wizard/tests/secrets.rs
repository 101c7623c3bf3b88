//! The Secrets screen's fields take an environment variable's name: a password typed there by
//! mistake is refused without being repeated and shown masked; a lowercase name is warned.

use super::*;

/// The trust flow on its Secrets screen, the focus on the trust password's variable name, emptied.
fn trust_secrets() -> Model {
    let mut model = walk(Mode::Trust);
    model.screen = Screen::Secrets;
    model.focus = 0;
    erase(&mut model, |model| {
        model.draft.get(FieldId::TrustPassword).is_empty()
    });
    model
}

#[test]
fn a_password_typed_as_a_variable_name_is_refused_and_never_shown() {
    for typed in ["Winter2025pw", "Winter 2025!"] {
        let mut model = trust_secrets();
        type_text(&mut model, typed);
        let error = model
            .error(FieldId::TrustPassword)
            .cloned()
            .unwrap_or_default();
        assert!(
            error.contains("takes the variable's name"),
            "{typed}: {error}"
        );
        assert!(!error.contains("Winter"), "the error repeats it: {error}");
        for (width, height) in [(80, 24), (120, 40)] {
            let screen = render(&model, width, height);
            assert!(!screen.contains("Winter"), "shown in clear:\n{screen}");
            assert!(
                screen.contains(&"•".repeat(typed.chars().count())),
                "{screen}"
            );
        }
        update(&mut model, Action::Confirm);
        update(&mut model, Action::Confirm);
        assert_eq!(
            model.screen,
            Screen::Secrets,
            "{typed} is not saved as a name"
        );
        model.screen = Screen::Finish;
        let screen = render(&model, 120, 40);
        assert!(!screen.contains("Winter"), "{screen}");
    }
    let mut model = trust_secrets();
    type_text(&mut model, "Winter2025pw");
    insta::assert_snapshot!("trust-secrets-refused-80x24", render(&model, 80, 24));
}

#[test]
fn a_lowercase_variable_name_is_accepted_with_a_warning() {
    let mut model = trust_secrets();
    type_text(&mut model, "adsso_trust");
    assert_eq!(model.error(FieldId::TrustPassword), None);
    let screen = render(&model, 80, 24);
    assert!(screen.contains("upper case by convention"), "{screen}");
    assert!(screen.contains("adsso_trust"), "a name is shown: {screen}");
    erase(&mut model, |model| {
        model.draft.get(FieldId::TrustPassword).is_empty()
    });
    type_text(&mut model, "ADSSO_TRUST_PASSWORD");
    assert!(!render(&model, 80, 24).contains("convention"));
}

#[test]
fn a_password_typed_as_a_domains_own_variable_name_is_refused() {
    let mut model = walk(Mode::Trust);
    model.draft.add_domain().unwrap();
    model
        .draft
        .set(FieldId::DomainTrustPassword, "Summer2024Pass");
    model.revalidate();
    let error = model
        .error(FieldId::DomainTrustPassword)
        .cloned()
        .unwrap_or_default();
    assert!(error.contains("takes the variable's name"), "{error}");
    model.screen = Screen::Domain;
    model.focus = 0;
    assert!(!render(&model, 120, 40).contains("Summer"));
}

#[test]
fn a_password_in_a_variables_place_is_not_shown_on_review() {
    let mut model = walk(Mode::Trust);
    model.draft.set(FieldId::AdminPassword, "Winter2025pw");
    model.revalidate();
    model.screen = Screen::Review;
    for _ in 0..10 {
        let shown = render(&model, 120, 40);
        assert!(!shown.contains("Winter"), "{shown}");
        update(&mut model, Action::Scroll(10));
    }
}

#[test]
fn arrows_choose_where_a_password_comes_from_and_the_plan_follows() {
    use crate::plan::SecretRef;
    let mut model = walk(Mode::Trust);
    model.screen = Screen::Secrets;
    model.focus = 0;
    let trust = |model: &Model| model.draft.to_plan().connection.trust.unwrap().password;
    assert_eq!(trust(&model), SecretRef::Env("ADSSO_TRUST_PASSWORD".into()));
    update(&mut model, Action::Right); // variable -> file: the path is typed next
    type_text(&mut model, "/root/trust-pw");
    assert_eq!(trust(&model), SecretRef::File("/root/trust-pw".into()));
    assert!(render(&model, 80, 24).contains("‹ file › /root/trust-pw"));
    update(&mut model, Action::Right); // file -> asked at apply
    assert_eq!(trust(&model), SecretRef::Prompt);
    assert!(model.error(FieldId::TrustPassword).is_none());
    assert!(render(&model, 80, 24).contains("‹ asked at apply ›"));
    update(&mut model, Action::Right); // back to a variable, the conventional one
    assert_eq!(trust(&model), SecretRef::Env("ADSSO_TRUST_PASSWORD".into()));
    update(&mut model, Action::Left); // and ← goes the other way
    assert_eq!(trust(&model), SecretRef::Prompt);
}
