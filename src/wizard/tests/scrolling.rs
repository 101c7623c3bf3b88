//! Scrolling stops at the end of the long views (Review, Diagram, apply now's log, the
//! connectivity checklist) and says where it is (`lines a-b of n`).

use super::*;
use crate::apply::Event;
use crate::wizard::apply::ApplyView;

/// Presses PageDown far more often than the content needs.
fn page_down_past_the_end(model: &mut Model) {
    for _ in 0..30 {
        update(model, Action::Scroll(10));
    }
}

/// The rows inside the screen's box, borders cut off.
fn body_rows(screen: &str) -> Vec<String> {
    let rows: Vec<&str> = screen.lines().collect();
    rows[2..rows.len() - 2]
        .iter()
        .map(|row| row.trim_matches('"').trim_matches('│').trim().to_owned())
        .collect()
}

#[test]
fn page_down_stops_at_the_end_of_review_and_diagram_and_says_where() {
    for screen in [Screen::Review, Screen::Diagram] {
        let mut model = walk(Mode::Trust);
        model.screen = screen;
        page_down_past_the_end(&mut model);
        let limit = crate::wizard::view::scroll_limit(&model);
        assert!(limit > 0, "{screen:?} is longer than 80x24");
        assert_eq!(model.scroll, limit, "{screen:?}");
        let shown = render(&model, 80, 24);
        let rows = body_rows(&shown);
        assert!(!rows.last().unwrap().is_empty(), "an empty box:\n{shown}");
        let total = usize::from(limit) + 20;
        assert!(
            shown.contains(&format!("lines {}-{total} of {total}", limit + 1)),
            "{shown}"
        );
        update(&mut model, Action::Scroll(-10));
        assert_eq!(
            model.scroll,
            limit - 10,
            "PageUp acts at once after the end"
        );
        update(&mut model, Action::Scroll(-100));
        assert_eq!(model.scroll, 0);
    }
    let mut model = walk(Mode::Trust);
    model.screen = Screen::Review;
    page_down_past_the_end(&mut model);
    insta::assert_snapshot!("trust-review-end-80x24", render(&model, 80, 24));
}

#[test]
fn the_apply_log_and_the_checklist_stop_at_their_end() {
    let mut model = walk(Mode::AdConnector);
    model.apply = ApplyView::Running(Default::default());
    for index in 1..=40 {
        update(
            &mut model,
            Action::ApplyEvent(Event::Warning(format!("warning number {index}"))),
        );
    }
    page_down_past_the_end(&mut model);
    let limit = crate::wizard::view::scroll_limit(&model);
    assert!(limit > 0);
    assert_eq!(model.scroll, limit);
    let shown = render(&model, 80, 24);
    assert!(shown.contains("warning number 40"), "{shown}");
    assert!(shown.contains("of 40"), "{shown}");

    let mut model = walk(Mode::AdConnector);
    let report: Vec<String> = (1..=60).map(|n| format!("  ✓ PASS check {n}")).collect();
    update(
        &mut model,
        Action::ChecksDone {
            report: report.join("\n"),
            passed: true,
        },
    );
    page_down_past_the_end(&mut model);
    assert_eq!(model.scroll, crate::wizard::view::scroll_limit(&model));
    let shown = render(&model, 80, 24);
    assert!(
        shown.contains("check 60") && shown.contains("of 60"),
        "{shown}"
    );
}

#[test]
fn the_checklist_over_the_domain_screen_scrolls_with_its_keys() {
    let mut model = model();
    update(&mut model, Action::Confirm);
    fill_domain(&mut model);
    update(&mut model, Action::Back);
    assert_eq!(model.screen, Screen::Domain);
    let report: Vec<String> = (1..=60).map(|n| format!("  ✓ PASS check {n}")).collect();
    update(
        &mut model,
        Action::ChecksDone {
            report: report.join("\n"),
            passed: true,
        },
    );
    super::press(&mut model, KeyCode::Down);
    assert_eq!(model.scroll, 1, "↓ scrolls the checklist");
    super::press(&mut model, KeyCode::PageDown);
    assert_eq!(model.scroll, 11, "PgDn scrolls it, not to another domain");
    assert_eq!(model.overlay, Overlay::Checks);
}

#[test]
fn the_trust_aws_form_scrolls_only_when_the_focused_field_would_leave_the_box() {
    let mut model = walk(Mode::Trust);
    model.screen = Screen::Aws;
    model.focus = model.fields().len() - 1; // Subnet 2, the last field
    let shown = render(&model, 80, 24);
    for label in [
        "Plan name",
        "Region",
        "Trust type",
        "Subnet 2",
        "two subnets",
    ] {
        assert!(shown.contains(label), "{label} is not shown:\n{shown}");
    }
    insta::assert_snapshot!("trust-aws-last-field-80x24", shown);
}

#[test]
fn a_form_longer_than_the_box_keeps_the_focused_field_and_fills_the_box() {
    let mut model = walk(Mode::Trust);
    model.screen = Screen::Aws;
    for id in [
        FieldId::PlanName,
        FieldId::Region,
        FieldId::AccountId,
        FieldId::ManagedDomain,
        FieldId::ManagedNetbios,
        FieldId::VpcId,
        FieldId::Subnet1,
        FieldId::Subnet2,
    ] {
        model.draft.set(id, "x y");
    }
    model.revalidate();
    model.focus = model.fields().len() - 1;
    let shown = render(&model, 80, 24);
    let rows = body_rows(&shown);
    assert!(
        rows.iter().any(|row| row.starts_with("▶ ✗ Subnet 2")),
        "the focused field is hidden:\n{shown}"
    );
    assert!(
        !rows.last().unwrap().is_empty(),
        "blank rows at the bottom:\n{shown}"
    );
    model.focus = 0;
    let shown = render(&model, 80, 24);
    assert!(
        body_rows(&shown)[3].starts_with("▶ ✗ Plan name"),
        "the form starts at its top:\n{shown}"
    );
}
