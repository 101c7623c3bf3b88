//! Discovery in the wizard: picking from what exists, and the checks only discovery allows.

use super::*;
use crate::aws::{Directory, DirectoryKind, DirectoryStage, Instance, Subnet};
use crate::wizard::discovery::Found;
use crate::wizard::model::DiscoveryState;

fn subnet(id: &str, vpc: &str, zone: &str) -> Subnet {
    Subnet {
        id: id.into(),
        vpc_id: vpc.into(),
        availability_zone: zone.into(),
        ..Subnet::default()
    }
}

fn directory(id: &str, kind: DirectoryKind) -> Directory {
    Directory {
        id: id.into(),
        name: "aws.corp.example.com".into(),
        kind,
        stage: DirectoryStage::Active,
        stage_reason: String::new(),
        dns_ips: vec![],
        vpc_id: None,
        security_group_id: None,
        edition: None,
        details: crate::aws::DirectoryDetails::default(),
    }
}

fn found() -> Found {
    Found {
        region: "us-east-1".into(),
        account: "123456789012".into(),
        instance: Some(Instance {
            arn: "arn:aws:sso:::instance/ssoins-0123456789abcdef".into(),
            identity_store_id: "d-9067000000".into(),
            owner_account: "123456789012".into(),
            status: crate::aws::InstanceStatus::Active,
        }),
        subnets: vec![
            subnet("subnet-0000000a", "vpc-0000000a", "us-east-1a"),
            subnet("subnet-0000000b", "vpc-0000000a", "us-east-1b"),
            subnet("subnet-0000000c", "vpc-0000000a", "us-east-1a"),
            subnet("subnet-0000000d", "vpc-0000000b", "us-east-1c"),
        ],
        directories: vec![
            directory("d-0000000001", DirectoryKind::MicrosoftAd),
            directory("d-0000000002", DirectoryKind::SimpleAd),
            directory("d-0000000003", DirectoryKind::AdConnector),
        ],
        vpc_details: Vec::new(),
    }
}

/// A connector draft on the AWS screen with discovery answered.
fn on_aws_screen() -> Model {
    let mut model = model();
    update(&mut model, Action::Next);
    update(&mut model, Action::Confirm);
    answer(&mut model, "corp.example.com");
    answer(&mut model, "CORP");
    type_text(&mut model, "10.0.0.10, 10.0.0.11");
    assert_eq!(
        update(&mut model, Action::Confirm),
        Effect::Discover("us-east-1".into())
    );
    assert_eq!(
        model.discovery,
        DiscoveryState::Running("us-east-1".into(), 0)
    );
    update(&mut model, Action::Discovered(Ok(found())));
    model
}

fn focus(model: &mut Model, id: FieldId) {
    model.focus = model.fields().iter().position(|f| f.id == id).unwrap();
}

#[test]
fn opening_the_aws_screen_discovers_once_per_region() {
    let mut model = on_aws_screen();
    assert!(model.discovery.found().is_some());
    assert_eq!(
        update(&mut model, Action::Next),
        Effect::None,
        "the same Region is not read twice"
    );
    focus(&mut model, FieldId::Region);
    update(&mut model, Action::Erase);
    type_text(&mut model, "2");
    assert_eq!(model.draft.get(FieldId::Region), "us-east-2");
    assert_eq!(
        update(&mut model, Action::Next),
        Effect::Discover("us-east-2".into())
    );
}

#[test]
fn vpc_and_subnets_are_picked_and_two_zones_enforced() {
    let mut model = on_aws_screen();
    focus(&mut model, FieldId::VpcId);
    update(&mut model, Action::Right);
    assert_eq!(model.draft.get(FieldId::VpcId), "vpc-0000000a");
    focus(&mut model, FieldId::Subnet1);
    update(&mut model, Action::Right);
    assert_eq!(model.draft.get(FieldId::Subnet1), "subnet-0000000a");
    focus(&mut model, FieldId::Subnet2);
    // Sorted by zone: a (1a), c (1a), b (1b); the second picker starts in another zone.
    update(&mut model, Action::Right);
    assert_eq!(model.draft.get(FieldId::Subnet2), "subnet-0000000b");
    assert!(model.error(FieldId::Subnet2).is_none());
    update(&mut model, Action::Left);
    assert_eq!(model.draft.get(FieldId::Subnet2), "subnet-0000000c");
    assert!(
        model
            .error(FieldId::Subnet2)
            .unwrap()
            .contains("two different Availability Zones")
    );
    update(&mut model, Action::Right);
    assert_eq!(model.draft.get(FieldId::Subnet2), "subnet-0000000b");
    assert!(model.error(FieldId::Subnet2).is_none());
    let screen = render(&model, 100, 30);
    assert!(screen.contains("subnet-0000000b (us-east-1b)"), "{screen}");
    assert!(
        screen.contains("Identity Center arn:aws:sso:::instance/ssoins-0123456789abcdef"),
        "{screen}"
    );
    model.draft.set(FieldId::Subnet2, "subnet-0000000d");
    model.revalidate();
    assert!(
        model
            .error(FieldId::Subnet2)
            .unwrap()
            .contains("belongs to vpc-0000000b")
    );
}

#[test]
fn only_managed_ads_are_offered_for_a_trust_and_the_others_say_why() {
    let mut model = model();
    update(&mut model, Action::Confirm);
    answer(&mut model, "corp.example.com");
    answer(&mut model, "CORP");
    type_text(&mut model, "10.0.0.10");
    update(&mut model, Action::Confirm);
    update(&mut model, Action::Discovered(Ok(found())));
    focus(&mut model, FieldId::ManagedAdSource);
    update(&mut model, Action::Right);
    focus(&mut model, FieldId::ExistingDirectoryId);
    update(&mut model, Action::Right);
    update(&mut model, Action::Right);
    assert_eq!(
        model.draft.get(FieldId::ExistingDirectoryId),
        "d-0000000001",
        "only one candidate"
    );
    let screen = render(&model, 120, 40);
    assert!(screen.contains("✓ d-0000000001"), "{screen}");
    assert!(
        screen.contains("Simple AD does not work with IAM Identity Center"),
        "{screen}"
    );
    assert!(
        screen.contains("an AD Connector cannot hold a trust"),
        "{screen}"
    );
    model
        .draft
        .set(FieldId::ExistingDirectoryId, "d-0000000002");
    model.revalidate();
    assert!(
        model
            .error(FieldId::ExistingDirectoryId)
            .unwrap()
            .contains("Simple AD")
    );
}

#[test]
fn the_account_guard_is_checked_against_the_credentials() {
    let mut model = on_aws_screen();
    focus(&mut model, FieldId::AccountId);
    assert_eq!(
        model.draft.get(FieldId::AccountId),
        "123456789012",
        "pre-filled with the credentials' account"
    );
    super::erase(&mut model, |model| {
        model.draft.get(FieldId::AccountId).is_empty()
    });
    type_text(&mut model, "111122223333");
    assert!(
        model
            .error(FieldId::AccountId)
            .unwrap()
            .contains("credentials are for account 123456789012")
    );
    super::erase(&mut model, |model| {
        model.draft.get(FieldId::AccountId).is_empty()
    });
    type_text(&mut model, "123456789012");
    assert!(model.error(FieldId::AccountId).is_none());
}

#[test]
fn without_aws_access_it_says_so_and_values_are_typed() {
    let mut model = model();
    update(&mut model, Action::Next);
    update(&mut model, Action::Confirm);
    fill_domain(&mut model);
    update(&mut model, Action::Discovered(Err("no credentials".into())));
    assert!(matches!(model.discovery, DiscoveryState::Unavailable(_, _)));
    assert!(render(&model, 80, 24).contains("No AWS access (no credentials); type the values."));
    focus(&mut model, FieldId::VpcId);
    update(&mut model, Action::Right);
    assert_eq!(model.draft.get(FieldId::VpcId), "", "nothing to pick");
    type_text(&mut model, "vpc-0123456789abcdef0");
    assert!(model.error(FieldId::VpcId).is_none());
}

#[test]
fn a_long_reason_is_one_sentence_wrapped_and_cut_at_words() {
    let words: Vec<String> = (0..60).map(|n| format!("word{n:02}")).collect();
    let reason = format!(
        "the credential provider was not enabled: no credentials found in chain. Attempted:\n\t{}",
        words.join("\n\t")
    );
    let line = crate::text::wizard::discovery_unavailable(&reason);
    assert!(!line.contains('\n') && !line.contains('\t'), "{line:?}");
    assert!(line.contains("…); type the values."), "{line}");
    let mut model = model();
    update(&mut model, Action::Confirm);
    fill_domain(&mut model);
    model.discovery = DiscoveryState::Unavailable("us-east-1".into(), reason.clone());
    let screen = render(&model, 80, 24);
    let known: Vec<&str> = reason.split_whitespace().collect();
    let shown: String = screen
        .lines()
        .map(|row| row.trim_matches('"').trim_matches('│').trim().to_owned())
        .skip_while(|row| !row.starts_with("No AWS access"))
        .take_while(|row| !row.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(shown.ends_with("type the values."), "{screen}");
    for word in shown
        .trim_start_matches("No AWS access (")
        .split(['…', ' '])
        .filter(|w| w.starts_with("word"))
    {
        assert!(known.contains(&word), "`{word}` is cut:\n{screen}");
    }
}

#[test]
fn vpcs_and_subnets_are_shown_with_their_names_and_ranges() {
    let mut model = on_aws_screen();
    let DiscoveryState::Ready(found) = &mut model.discovery else {
        panic!("discovery answered");
    };
    found.vpc_details = vec![
        crate::aws::Vpc {
            id: "vpc-0000000a".into(),
            cidr: "10.0.0.0/16".into(),
            name: "prod".into(),
        },
        crate::aws::Vpc {
            id: "vpc-0000000z".into(),
            cidr: "10.9.0.0/16".into(),
            name: "\u{1b}[31mempty".into(),
        },
    ];
    found.subnets[0].name = "app-a".into();
    found.subnets[0].cidr = "10.0.1.0/24".into();
    focus(&mut model, FieldId::VpcId);
    update(&mut model, Action::Right);
    assert_eq!(model.draft.get(FieldId::VpcId), "vpc-0000000a");
    focus(&mut model, FieldId::Subnet1);
    update(&mut model, Action::Right);
    let screen = render(&model, 120, 40);
    assert!(
        screen.contains("vpc-0000000a (prod · 10.0.0.0/16)"),
        "{screen}"
    );
    assert!(
        screen.contains("subnet-0000000a (app-a · us-east-1a · 10.0.1.0/24)"),
        "{screen}"
    );
    let found = model.discovery.found().unwrap();
    // VPCs with subnets first; a VPC without subnets is still offered, its name escaped.
    assert_eq!(
        found.vpcs(),
        vec!["vpc-0000000a", "vpc-0000000b", "vpc-0000000z"]
    );
    assert_eq!(
        found.label(FieldId::VpcId, "vpc-0000000z").unwrap(),
        "\\u{1b}[31mempty · 10.9.0.0/16"
    );
}

#[test]
fn a_mistyped_region_gets_the_closest_known_region() {
    let mut model = on_aws_screen();
    focus(&mut model, FieldId::Region);
    super::erase(&mut model, |model| {
        model.draft.get(FieldId::Region).is_empty()
    });
    type_text(&mut model, "us-est-1");
    let error = model.error(FieldId::Region).unwrap();
    assert!(
        error.starts_with("`us-est-1` is not a Region name; did you mean `us-east-1`?; "),
        "{error}"
    );
    for _ in 0.."st-1".len() {
        update(&mut model, Action::Erase);
    }
    type_text(&mut model, "ast-1");
    assert_eq!(model.draft.get(FieldId::Region), "us-east-1");
    assert_eq!(model.error(FieldId::Region), None);
}
