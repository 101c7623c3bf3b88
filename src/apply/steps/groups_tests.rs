//! Tests of group matching with several domains: a named domain, a bare name found in one, in
//! several (ambiguous, never guessed) or in none (the managed domain, then the bare name).

use super::*;
use crate::plan::{SelfManaged, parse};

const ISSUER: &str = "arn:aws:ds:us-east-1:123456789012:directory/d-0000000000";

/// The trust example with a second domain, emea.example.net.
fn two_domains() -> Plan {
    let mut plan = parse(include_bytes!("../../../assets/examples/trust.yaml"))
        .unwrap()
        .plan;
    plan.self_managed.push(SelfManaged {
        domain: "emea.example.net".to_owned(),
        netbios_name: "EMEA".to_owned(),
        dns_servers: vec!["10.1.0.10".to_owned()],
        trust: None,
    });
    plan
}

fn group(id: &str, name: &str, issuer: &str) -> Group {
    Group {
        id: id.to_owned(),
        display_name: name.to_owned(),
        issuers: vec![issuer.to_owned()],
    }
}

fn found(id: &str, name: &str) -> GroupMatch {
    GroupMatch::Found {
        id: id.to_owned(),
        display_name: name.to_owned(),
    }
}

#[test]
fn a_bare_name_in_one_domain_is_that_domain_s_group() {
    let plan = two_domains();
    let groups = [
        group("g-emea", "Ops@emea.example.net", ISSUER),
        group("g-bare", "Ops", ISSUER),
    ];
    assert_eq!(
        match_group(&plan, &groups, "Ops", ISSUER),
        found("g-emea", "Ops@emea.example.net")
    );
}

#[test]
fn a_bare_name_in_two_domains_is_ambiguous_and_lists_both() {
    let plan = two_domains();
    let groups = [
        group("g-corp", "Ops@corp.example.com", ISSUER),
        group("g-emea", "Ops@EMEA.example.net", ISSUER),
    ];
    assert_eq!(
        match_group(&plan, &groups, "Ops", ISSUER),
        GroupMatch::Ambiguous(vec![
            "Ops@corp.example.com".to_owned(),
            "Ops@EMEA.example.net".to_owned()
        ])
    );
    let matches = BTreeMap::from([("Ops".to_owned(), match_group(&plan, &groups, "Ops", ISSUER))]);
    assert_eq!(
        ambiguous_groups(&matches),
        vec![
            "Ops: found in more than one domain (Ops@corp.example.com, Ops@EMEA.example.net); \
             name one in the plan as Group@domain (skipped)"
                .to_owned()
        ]
    );
    assert_eq!(group_problems(&matches), None);
}

#[test]
fn a_named_domain_picks_its_group_and_only_that_one() {
    let plan = two_domains();
    let groups = [
        group("g-corp", "Ops@corp.example.com", ISSUER),
        group("g-emea", "Ops@emea.example.net", ISSUER),
    ];
    assert_eq!(
        match_group(&plan, &groups, "Ops@Emea.Example.net", ISSUER),
        found("g-emea", "Ops@emea.example.net")
    );
    assert_eq!(
        match_group(&plan, &groups[..1], "Ops@emea.example.net", ISSUER),
        GroupMatch::Missing
    );
}

#[test]
fn a_name_with_an_at_sign_that_is_no_plan_domain_is_a_bare_name() {
    let plan = two_domains();
    let groups = [group("g-at", "R&D@lab", ISSUER)];
    assert_eq!(
        match_group(&plan, &groups, "R&D@lab", ISSUER),
        found("g-at", "R&D@lab")
    );
    assert_eq!(
        match_group(&plan, &groups, "@corp.example.com", ISSUER),
        GroupMatch::Missing
    );
}

#[test]
fn found_in_no_self_managed_domain_it_falls_back_to_the_managed_domain_then_the_name() {
    let plan = two_domains();
    let managed = [
        group("g-aws", "Ops@aws.corp.example.com", ISSUER),
        group("g-bare", "Ops", ISSUER),
    ];
    assert_eq!(
        match_group(&plan, &managed, "Ops", ISSUER),
        found("g-aws", "Ops@aws.corp.example.com")
    );
    assert_eq!(
        match_group(&plan, &managed[1..], "Ops", ISSUER),
        found("g-bare", "Ops")
    );
    let other = [group("g-x", "Ops@emea.example.net", "arn:aws:ds:x")];
    assert_eq!(
        match_group(&plan, &other, "Ops", ISSUER),
        GroupMatch::OtherSource("Ops@emea.example.net".to_owned())
    );
}

#[test]
fn possible_matches_are_the_plan_groups_under_every_issuer_and_nothing_else() {
    let plan = two_domains();
    let other = "arn:aws:ds:us-east-1:123456789012:directory/d-1111111111";
    let groups = [
        group("g-ours", "AWS-SSO-Users@corp.example.com", ISSUER),
        group("g-theirs", "AWS-SSO-Users@corp.example.com", other),
        group("g-unplanned", "Somebody-Else@corp.example.com", ISSUER),
    ];
    assert_eq!(
        possible_matches(&plan, &groups),
        BTreeSet::from(["g-ours".to_owned(), "g-theirs".to_owned()])
    );
    assert!(possible_matches(&plan, &groups[2..]).is_empty());
}
