//! Diagrams of several self-managed domains: every trust drawn both ways with what it carries,
//! 80 columns for up to four domains (long names cut with `…` in the boxes, whole in the
//! legend), Mermaid for any number. One domain's drawing is held by the snapshot tests.

use ratatui::text::Line;

use super::*;
use crate::plan::{Plan, SelfManaged, TrustDirection, TrustOverride, TrustType};

/// The shipped trust example with `count` domains named by `name` (index from 1).
fn plan_with(count: usize, name: impl Fn(usize) -> String) -> Plan {
    let path = format!("{}/assets/examples/trust.yaml", env!("CARGO_MANIFEST_DIR"));
    let mut plan = crate::plan::parse(&std::fs::read(path).unwrap())
        .unwrap()
        .plan;
    let template = plan.self_managed.first().clone();
    for n in 1..=count {
        let domain = SelfManaged {
            domain: name(n),
            netbios_name: format!("DOM{n}"),
            dns_servers: vec![format!("10.{n}.0.10"), format!("10.{n}.0.11")],
            trust: (n % 2 == 0).then(|| TrustOverride {
                trust_type: Some(TrustType::External),
                ..TrustOverride::default()
            }),
        };
        if n == 1 {
            *plan.self_managed.first_mut() = domain;
        } else {
            plan.self_managed.push(domain);
        }
    }
    assert_eq!(plan.self_managed.len(), count, "{template:?}");
    plan
}

fn short(n: usize) -> String {
    format!("dom{n}.example.com")
}

/// A 47-character DNS name.
fn long(n: usize) -> String {
    format!("research-and-development-{n}.emea.example.net")
}

/// The text with every run of white space (line breaks of the legend included) as one space.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn widest(text: &str) -> usize {
    text.lines()
        .map(|line| Line::raw(line).width())
        .max()
        .unwrap_or(0)
}

#[test]
fn up_to_four_domains_fit_80_columns_with_both_trusts_each() {
    for count in 1..=4 {
        let plan = plan_with(count, short);
        let text = render_text(&Diagram::from_plan(&plan));
        assert!(widest(&text) <= WIDTH, "{count} domains:\n{text}");
        assert_eq!(text.matches("──trusts──▶").count(), count, "{text}");
        assert_eq!(text.matches("◀──trusts──").count(), count, "{text}");
        assert_eq!(text.matches("(sign-in)").count(), count, "{text}");
        assert_eq!(text.matches("(sync)").count(), count, "{text}");
        for n in 1..=count {
            let name = short(n);
            assert!(
                text.contains(&format!("│ {name} ")),
                "{name} boxed:\n{text}"
            );
            let flat = flat(&text);
            assert!(flat.contains(&format!("→ sign-in: users of {name} authenticate")));
            assert!(flat.contains(&format!("reads users and groups of {name}")));
        }
    }
}

#[test]
fn several_domains_name_each_trust_type_and_one_domain_does_not() {
    let two = render_text(&Diagram::from_plan(&plan_with(2, short)));
    assert!(two.contains("Self-managed AD · forest"), "{two}");
    assert!(two.contains("Self-managed AD · external"), "{two}");
    assert!(
        flat(&two).contains("trusts dom2.example.com (external trust)"),
        "{two}"
    );
    assert!(flat(&two).contains("--domain dom2.example.com"), "{two}");
    assert!(
        two.starts_with("Two-way trusts with 2 self-managed domains"),
        "{two}"
    );
    let one = render_text(&Diagram::from_plan(&plan_with(1, short)));
    assert!(one.starts_with("Two-way forest trust · plan"), "{one}");
    assert!(
        !one.contains(" · forest ") && !one.contains("(forest trust)"),
        "{one}"
    );
}

#[test]
fn four_domains_with_long_names_are_cut_in_boxes_and_whole_in_the_legend() {
    let plan = plan_with(4, long);
    let text = render_text(&Diagram::from_plan(&plan));
    assert!(widest(&text) <= WIDTH, "{text}");
    for n in 1..=4 {
        let name = long(n);
        assert!(name.len() > 40);
        // In the box (27 columns of text): cut, with the ellipsis.
        let cut: String = name.chars().take(26).collect();
        assert!(text.contains(&format!("│ {cut}… │")), "{name}:\n{text}");
        // In the legend: whole.
        let flat = flat(&text);
        assert!(
            flat.contains(&format!("users of {name} authenticate")),
            "{text}"
        );
        assert!(
            flat.contains(&format!("reads users and groups of {name}")),
            "{text}"
        );
    }
}

#[test]
fn a_name_longer_than_a_legend_line_is_cut_and_one_that_fits_is_whole() {
    // The legend indents wrapped lines by 4 columns at least: 76 characters fit, 77 do not.
    for (length, whole) in [(76, true), (77, false)] {
        let first = (length - 13) / 2;
        let name = format!(
            "{}.{}.example.com",
            "a".repeat(first),
            "b".repeat(length - 13 - first)
        );
        assert_eq!(name.len(), length);
        let plan = plan_with(2, |n| if n == 1 { name.clone() } else { short(n) });
        let text = render_text(&Diagram::from_plan(&plan));
        assert!(widest(&text) <= WIDTH, "{text}");
        assert_eq!(text.contains(&name), whole, "{length}:\n{text}");
    }
}

#[test]
fn mermaid_draws_any_number_of_domains() {
    let count = 7;
    let plan = plan_with(count, short);
    let mermaid = render_mermaid(&Diagram::from_plan(&plan));
    assert!(
        mermaid.contains("  self_managed[\"Self-managed AD · forest"),
        "{mermaid}"
    );
    for n in 2..=count {
        let key = format!("self_managed_{n}");
        assert!(mermaid.contains(&format!("  {key}[\"")), "{key}: {mermaid}");
        let kind = if n % 2 == 0 { "external" } else { "forest" };
        assert!(
            mermaid.contains(&format!("  managed_ad -- \"trusts ({kind})\" --> {key}\n")),
            "{key}: {mermaid}"
        );
        assert!(
            mermaid.contains(&format!("  {key} -- \"trusts ({kind})\" --> managed_ad\n")),
            "{key}"
        );
        assert!(mermaid.contains(&format!("identity_center -. \"sync: IAM Identity Center reads users and groups of {}\" .-> {key}\n", short(n))), "{key}");
        assert!(
            mermaid.contains(&format!("  {key} -. \"sign-in: users of {}", short(n))),
            "{key}"
        );
    }
    assert!(!mermaid.contains(&format!("self_managed_{}", count + 1)));
}

#[test]
fn four_domains_add_the_domain_prefix_note_and_three_do_not() {
    let note = "DOMAIN\\user";
    for (count, shown) in [(2, false), (3, false), (4, true), (5, true)] {
        let diagram = Diagram::from_plan(&plan_with(count, short));
        assert_eq!(
            diagram.notes.iter().any(|n| n.contains(note)),
            shown,
            "{count}"
        );
    }
}

#[test]
fn a_one_way_trust_is_missing_for_every_domain() {
    let mut plan = plan_with(3, short);
    if let Some(trust) = plan.connection.trust.as_mut() {
        trust.direction = TrustDirection::OneWayIncoming;
    }
    let text = render_text(&Diagram::from_plan(&plan));
    assert_eq!(text.matches("(no sign-in)").count(), 3, "{text}");
    assert_eq!(text.matches("◀──trusts──").count(), 3, "{text}");
    for n in 1..=3 {
        assert!(flat(&text).contains(&format!("users of {} cannot authenticate", short(n))));
    }
}
