//! Several domains in the full-screen wizard: adding, switching and removing domains, the AD
//! Connector refusal, errors of `selfManaged[i]` on domain i's questions, the per-domain trust
//! override, and snapshots of the Domain screen with two domains.

use super::*;
use crate::text::wizard as words;
use crate::wizard::domains::AS_PLAN;

/// The Domain screen in trust mode with the first domain answered (focus on its DNS servers).
fn first_domain() -> Model {
    let mut model = model();
    update(&mut model, Action::Confirm); // two-way trust
    assert_eq!(model.screen, Screen::Domain);
    answer(&mut model, "corp.example.com");
    answer(&mut model, "CORP");
    type_text(&mut model, "10.0.0.10, 10.0.0.11");
    model
}

/// Two domains, the second one current and answered with an external trust of its own.
fn two_domains() -> Model {
    let mut model = first_domain();
    update(&mut model, Action::AddDomain);
    answer(&mut model, "emea.example.net");
    answer(&mut model, "EMEA");
    answer(&mut model, "10.1.0.10, 10.1.0.11");
    update(&mut model, Action::Right); // trust type: as plan -> forest
    update(&mut model, Action::Right); // forest -> external
    update(&mut model, Action::Next);
    update(&mut model, Action::Next);
    type_text(&mut model, "ADSSO_TRUST_PASSWORD_EMEA");
    model
}

#[test]
fn a_domain_is_added_switched_to_and_removed_but_never_the_last() {
    let mut model = first_domain();
    assert_eq!(model.fields().len(), 3, "one domain: the screen as before");
    update(&mut model, Action::AddDomain);
    assert_eq!(model.draft.domain_count(), 2);
    assert_eq!(model.draft.current_domain(), 1);
    assert_eq!(model.focus, 0);
    assert_eq!(model.draft.get(FieldId::Domain), "");
    assert_eq!(
        model.fields().len(),
        6,
        "with several: the trust override too"
    );
    type_text(&mut model, "emea.example.net");
    update(&mut model, Action::PreviousDomain);
    assert_eq!(model.draft.current_domain(), 0);
    assert_eq!(model.draft.get(FieldId::Domain), "corp.example.com");
    update(&mut model, Action::NextDomain);
    assert_eq!(model.draft.get(FieldId::Domain), "emea.example.net");
    update(&mut model, Action::NextDomain);
    assert_eq!(model.draft.current_domain(), 0, "wraps around");
    update(&mut model, Action::NextDomain);
    update(&mut model, Action::RemoveDomain);
    assert_eq!(model.draft.domain_count(), 1);
    assert_eq!(model.draft.get(FieldId::Domain), "corp.example.com");
    update(&mut model, Action::RemoveDomain);
    assert_eq!(model.draft.domain_count(), 1);
    assert_eq!(model.status.as_deref(), Some(words::LAST_DOMAIN));
}

#[test]
fn ad_connector_refuses_a_second_domain_with_the_reason() {
    let mut model = model();
    update(&mut model, Action::Next);
    update(&mut model, Action::Confirm); // AD Connector
    assert_eq!(model.draft.mode, Mode::AdConnector);
    update(&mut model, Action::AddDomain);
    assert_eq!(model.draft.domain_count(), 1);
    assert_eq!(
        model.status.as_deref(),
        Some(words::CONNECTOR_ONE_DOMAIN_SHORT)
    );
    assert!(model.status.as_deref().unwrap().chars().count() <= 80);
}

#[test]
fn the_domain_keys_do_nothing_on_other_screens() {
    let mut model = walk(Mode::Trust);
    update(&mut model, Action::AddDomain);
    assert_eq!(model.draft.domain_count(), 1);
    assert_eq!(model.screen, Screen::Finish);
}

#[test]
fn an_error_of_domain_i_lands_on_domain_i() {
    let mut model = first_domain();
    update(&mut model, Action::AddDomain);
    answer(&mut model, "emea.example.net");
    type_text(&mut model, "CORP"); // the first domain's NetBIOS name again
    assert!(
        model
            .error(FieldId::Netbios)
            .unwrap()
            .contains("selfManaged[0]"),
        "{:?}",
        model.errors
    );
    update(&mut model, Action::PreviousDomain);
    assert_eq!(model.error(FieldId::Netbios), None, "domain 1 is fine");
    // Enter past the last question of domain 1 shows the domain with the error instead.
    for _ in 0..model.fields().len() {
        update(&mut model, Action::Confirm);
    }
    assert_eq!(model.screen, Screen::Domain);
    assert_eq!(model.draft.current_domain(), 1);
    assert_eq!(model.status.as_deref(), Some(words::FIX_FIRST));
}

#[test]
fn the_override_goes_into_the_plan_and_review_and_diagram_show_every_domain() {
    let model = two_domains();
    let plan = model.draft.to_plan();
    let domains = plan.self_managed.all();
    assert_eq!(domains.len(), 2);
    assert_eq!(domains[0].trust, None);
    let over = domains[1].trust.as_ref().unwrap();
    assert_eq!(over.trust_type, Some(crate::plan::TrustType::External));
    assert_eq!(over.selective_auth, None);
    assert_eq!(
        over.password,
        Some(crate::plan::SecretRef::Env(
            "ADSSO_TRUST_PASSWORD_EMEA".into()
        ))
    );
    assert_eq!(model.draft.get(FieldId::DomainSelectiveAuth), AS_PLAN);
    for screen in [Screen::Review, Screen::Diagram] {
        let mut shown = model.clone();
        shown.screen = screen;
        let frame = render(&shown, 120, 40);
        for name in ["corp.example.com", "emea.example.net"] {
            assert!(frame.contains(name), "{screen:?} lacks {name}:\n{frame}");
        }
    }
}

#[test]
fn a_two_domain_flow_reaches_finish_with_a_valid_plan() {
    let mut model = two_domains();
    for _ in 0..KEY_BOUND {
        if model.screen != Screen::Domain {
            break;
        }
        update(&mut model, Action::Confirm);
    }
    assert_eq!(model.screen, Screen::Aws, "{:?}", model.errors);
    assert_eq!(model.draft.domain_count(), 2);
}

#[test]
fn snapshots_of_the_domain_screen_with_two_domains() {
    let model = two_domains();
    insta::assert_snapshot!("trust-two-domains-80x24", render(&model, 80, 24));
    insta::assert_snapshot!("trust-two-domains-120x40", render(&model, 120, 40));
}
