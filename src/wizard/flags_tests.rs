//! The answers given as flags: parsed by clap, laid over a draft, judged like typed answers,
//! and where the full-screen wizard then opens.

use clap::Parser;

use super::*;
use crate::cli::{Cli, Command};
use crate::wizard::model::{Choice, Colour, Model, Origin};
use crate::wizard::questions::Screen;

/// The presets of `adsso wizard ARGS`.
fn presets(args: &[&str]) -> Presets {
    let cli = Cli::try_parse_from(["adsso", "wizard"].iter().chain(args)).unwrap();
    let Command::Wizard(wizard) = cli.command else {
        panic!("not the wizard");
    };
    Presets::new(&wizard.answers, cli.region.as_deref())
}

/// A draft with `args` laid over the default one.
fn draft(args: &[&str]) -> Result<Draft, FlagError> {
    let mut draft = Draft::default();
    presets(args).apply(&mut draft).map(|()| draft)
}

const CONNECTOR: &[&str] = &[
    "--mode",
    "ad-connector",
    "--domain",
    "corp.example.com",
    "--netbios",
    "CORP",
    "--dns",
    "10.0.0.10,10.0.0.11",
    "--region",
    "eu-west-1",
    "--vpc",
    "vpc-0123456789abcdef0",
    "--subnets",
    "subnet-0123456789abcdef0,subnet-0fedcba9876543210",
    "--size",
    "large",
    "--service-account",
    "svc-sso",
];

fn opened(args: &[&str]) -> Model {
    let presets = presets(args);
    let mut draft = Draft::default();
    presets.apply(&mut draft).unwrap();
    let choice = match presets.mode {
        Some(_) => Choice::Picked,
        None => Choice::Open,
    };
    Model::opening("plan.yaml", Colour::Off, draft, Origin::New, choice)
}

#[test]
fn flags_fill_the_draft() {
    let draft = draft(CONNECTOR).unwrap();
    assert_eq!(draft.mode, Mode::AdConnector);
    assert_eq!(draft.get(FieldId::Domain), "corp.example.com");
    assert_eq!(draft.get(FieldId::Netbios), "CORP");
    assert_eq!(draft.get(FieldId::DnsServers), "10.0.0.10,10.0.0.11");
    assert_eq!(draft.get(FieldId::Region), "eu-west-1");
    assert_eq!(draft.get(FieldId::Subnet2), "subnet-0fedcba9876543210");
    assert_eq!(draft.get(FieldId::ConnectorSize), "Large");
    assert_eq!(draft.get(FieldId::ServiceUser), "svc-sso");
    let plan = draft.to_plan();
    assert!(
        crate::plan::validate(&plan).iter().all(|d| !d.is_error()),
        "{:?}",
        crate::plan::validate(&plan)
    );
    let given = presets(CONNECTOR).given();
    assert!(given.contains(&FieldId::Subnet1) && given.contains(&FieldId::VpcId));
    assert!(!given.contains(&FieldId::PlanName));
}

#[test]
fn trust_flags_fill_the_managed_ad_or_the_existing_directory() {
    let trust = draft(&[
        "--mode",
        "trust",
        "--aws-domain",
        "aws.corp.example.com",
        "--aws-netbios",
        "AWSCORP",
        "--edition",
        "enterprise",
        "--trust-type",
        "external",
        "--selective-auth",
        "yes",
        "--name",
        "corp-sso",
        "--account",
        "123456789012",
    ])
    .unwrap();
    assert_eq!(trust.get(FieldId::SelectiveAuth), "yes");
    assert_eq!(trust.get(FieldId::ManagedAdSource), "new");
    assert!(
        presets(&["--edition", "standard"])
            .given()
            .contains(&FieldId::ManagedAdSource)
    );
    assert_eq!(trust.get(FieldId::ManagedDomain), "aws.corp.example.com");
    assert_eq!(trust.get(FieldId::Edition), "Enterprise");
    assert_eq!(trust.get(FieldId::TrustType), "external");
    assert_eq!(trust.get(FieldId::PlanName), "corp-sso");
    assert_eq!(trust.get(FieldId::AccountId), "123456789012");
    let existing = draft(&["--directory-id", "d-1234567890"]).unwrap();
    assert_eq!(existing.get(FieldId::ManagedAdSource), "existing");
    assert_eq!(existing.get(FieldId::ExistingDirectoryId), "d-1234567890");
}

#[test]
fn a_refused_value_names_the_flag_and_what_is_allowed() {
    for (args, flag, allowed) in [
        (&["--domain", "corp"][..], "--domain", "single-label"),
        (&["--netbios", "WAY-TOO-LONG-NETBIOS"], "--netbios", "15"),
        (&["--region", "mars-1"], "--region", "mars-1"),
        (&["--dns", "10.0.0.300"], "--dns", "10.0.0.300"),
        (
            &["--subnets", "subnet-0123456789abcdef0"],
            "--subnets",
            "exactly 2",
        ),
        (
            &["--subnets", "subnet-a,subnet-b,subnet-c"],
            "--subnets",
            "two",
        ),
        (
            &["--mode", "trust", "--size", "large"],
            "--size",
            "ad-connector",
        ),
        (
            &["--mode", "ad-connector", "--edition", "standard"],
            "--edition",
            "trust",
        ),
        (&["--aws-netbios", "x y"], "--aws-netbios", "x y"),
    ] {
        let refused = draft(args).expect_err(&format!("{args:?}"));
        assert_eq!(refused.flag, flag, "{args:?}");
        assert!(
            refused.problem.contains(allowed),
            "{args:?}: {}",
            refused.problem
        );
    }
}

#[test]
fn a_password_given_as_a_variable_flag_is_refused_without_repeating_it() {
    let refused = draft(&["--trust-password-env", "Hunter2-Secret!"]).unwrap_err();
    assert_eq!(refused.flag, "--trust-password-env");
    assert!(!refused.problem.contains("Hunter2"), "{}", refused.problem);
}

#[test]
fn without_mode_the_wizard_opens_on_choose_with_the_answers_kept() {
    let model = opened(&["--domain", "corp.example.com"]);
    assert_eq!(model.screen, Screen::Choose);
    assert_eq!(model.choice, Choice::Open);
    assert_eq!(model.draft.get(FieldId::Domain), "corp.example.com");
}

#[test]
fn with_mode_it_opens_on_the_first_screen_with_an_open_question() {
    let model = opened(&["--mode", "trust", "--domain", "corp.example.com"]);
    assert_eq!(model.screen, Screen::Domain);
    assert_eq!(model.focused_field().map(|f| f.id), Some(FieldId::Netbios));
    let model = opened(&CONNECTOR[..8]);
    assert_eq!(model.screen, Screen::Aws);
    assert_eq!(model.focused_field().map(|f| f.id), Some(FieldId::VpcId));
}

#[test]
fn a_full_set_of_flags_opens_on_review() {
    let model = opened(CONNECTOR);
    assert!(model.errors.is_empty(), "{:?}", model.errors);
    assert_eq!(model.screen, Screen::Review);
    assert_eq!(model.choice, Choice::Picked);
}

#[test]
fn flags_are_laid_over_an_edited_plan() {
    let path = format!("{}/assets/examples/trust.yaml", env!("CARGO_MANIFEST_DIR"));
    let plan = crate::plan::load(&std::fs::read(path).unwrap())
        .unwrap()
        .0
        .plan;
    let mut draft = Draft::from_plan(plan);
    presets(&["--netbios", "EUROPE"]).apply(&mut draft).unwrap();
    let model = Model::opening("p", Colour::Off, draft, Origin::Edited, Choice::Picked);
    assert_eq!(model.draft.get(FieldId::Netbios), "EUROPE");
    assert_eq!(model.screen, Screen::Review);
}

#[test]
fn repeated_domain_flags_describe_several_domains_in_order() {
    let draft = draft(&[
        "--mode",
        "trust",
        "--domain",
        "corp.example.com",
        "--netbios",
        "CORP",
        "--dns",
        "10.0.0.10,10.0.0.11",
        "--domain",
        "emea.example.net",
        "--netbios",
        "EMEA",
        "--dns",
        "10.1.0.10,10.1.0.11",
    ])
    .unwrap();
    assert_eq!(draft.domain_count(), 2);
    assert_eq!(draft.get_in(0, FieldId::Domain), "corp.example.com");
    assert_eq!(draft.get_in(1, FieldId::Domain), "emea.example.net");
    assert_eq!(draft.get_in(1, FieldId::Netbios), "EMEA");
    assert_eq!(draft.get_in(1, FieldId::DnsServers), "10.1.0.10,10.1.0.11");
    let plan = draft.to_plan();
    let domains: Vec<&str> = plan
        .self_managed
        .all()
        .iter()
        .map(|domain| domain.domain.as_str())
        .collect();
    assert_eq!(domains, ["corp.example.com", "emea.example.net"]);
    // Only the first domain's questions count as answered for the plain wizard's skipping.
    assert!(
        presets(&["--domain", "a.example.com", "--domain", "b.example.com"])
            .given()
            .contains(&FieldId::Domain)
    );
}

#[test]
fn a_second_domain_is_refused_for_an_ad_connector_and_a_bad_one_names_its_flag() {
    let refused = draft(&[
        "--mode",
        "ad-connector",
        "--domain",
        "corp.example.com",
        "--domain",
        "emea.example.net",
    ])
    .unwrap_err();
    assert_eq!(refused.flag, "--domain");
    assert_eq!(refused.problem, words::FLAG_ONE_DOMAIN);
    let bad = draft(&[
        "--mode",
        "trust",
        "--domain",
        "corp.example.com",
        "--domain",
        "emea",
    ])
    .unwrap_err();
    assert_eq!(bad.flag, "--domain");
    assert!(bad.problem.contains("single-label"), "{}", bad.problem);
}
