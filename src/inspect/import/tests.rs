use super::*;
use crate::aws::fake::Fake;
use crate::aws::fake::access::{FakeSet, INSTANCE};
use crate::aws::fake::organization::FakeOrg;
use crate::aws::{AssignmentKey, DirectoryDetails, Group, Tag};

const DIRECTORY: &str = "d-1234567890";

/// An AD Connector to corp.example.com, tagged as plan `corp`, with AWS-SSO-Users synced and
/// assigned ReadOnly in both accounts of OU Prod and in one more account.
fn setup() -> Fake {
    let cloud = Fake::new();
    {
        let mut state = cloud.0.borrow_mut();
        let mut directory =
            Fake::directory(DIRECTORY, "corp.example.com", DirectoryKind::AdConnector);
        directory.dns_ips = vec!["10.0.0.10".into(), "10.0.0.11".into()];
        directory.vpc_id = Some("vpc-0123456789abcdef0".into());
        directory.subnet_ids = vec![
            "subnet-0123456789abcdef0".into(),
            "subnet-0fedcba9876543210".into(),
        ];
        directory.details = DirectoryDetails {
            short_name: "CORP".into(),
            size: Some("Small".into()),
            customer_user_name: Some("svc-adconnector".into()),
        };
        let tag = Tag {
            key: "adsso:plan".into(),
            value: "corp".into(),
        };
        state.directories.push((directory, vec![tag]));
        state.groups = vec![Group {
            id: "g-1".into(),
            display_name: "AWS-SSO-Users@corp.example.com".into(),
            issuers: vec![format!(
                "arn:aws:ds:us-east-1:123456789012:directory/{DIRECTORY}"
            )],
        }];
        let set = format!("{INSTANCE}/ps-read");
        state.access.sets.insert(
            set.clone(),
            FakeSet {
                name: "ReadOnly".into(),
                session_duration: Some("PT8H".into()),
                policies: vec!["arn:aws:iam::aws:policy/ReadOnlyAccess".into()],
                ..FakeSet::default()
            },
        );
        for account in ["111111111111", "222222222222", "333333333333"] {
            state.access.assignments.push(AssignmentKey {
                account_id: account.into(),
                permission_set_arn: set.clone(),
                group_id: "g-1".into(),
            });
        }
        state.org = Some(
            FakeOrg::new("123456789012")
                .unit(FakeOrg::ROOT, "ou-root-prod0001", "Prod")
                .account("ou-root-prod0001", "111111111111", "ACTIVE")
                .account("ou-root-prod0001", "222222222222", "ACTIVE")
                .account(FakeOrg::ROOT, "333333333333", "ACTIVE")
                .account(FakeOrg::ROOT, "444444444444", "ACTIVE"),
        );
    }
    cloud
}

fn options() -> ImportOptions {
    ImportOptions {
        region: "us-east-1".into(),
        ..ImportOptions::default()
    }
}

fn imported(cloud: &Fake, options: ImportOptions) -> Result<Imported, ImportError> {
    crate::runtime::block_on(read(cloud, options)).unwrap()
}

#[test]
fn an_ad_connector_setup_reads_as_a_valid_plan_with_its_ou_grouped_back() {
    let cloud = setup();
    let imported = imported(&cloud, options()).unwrap();
    let (plan, notes) = build::plan(&imported).unwrap();
    let errors: Vec<_> = crate::plan::validate(&plan)
        .into_iter()
        .filter(crate::plan::Diagnostic::is_error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(notes.is_empty(), "tagged as this plan: {notes:?}");
    assert_eq!(plan.metadata.name, "corp");
    assert_eq!(
        plan.self_managed.first().dns_servers,
        ["10.0.0.10", "10.0.0.11"]
    );
    let connector = plan.connection.ad_connector.as_ref().unwrap();
    assert_eq!(connector.service_account.user_name, "svc-adconnector");
    let ic = plan.identity_center.as_ref().unwrap();
    assert_eq!(ic.permission_sets[0].name, "ReadOnly");
    assert_eq!(ic.assignments.len(), 1);
    assert_eq!(ic.assignments[0].group, "AWS-SSO-Users");
    assert_eq!(ic.assignments[0].organizational_units, ["ou-root-prod0001"]);
    assert_eq!(ic.assignments[0].accounts, ["333333333333"]);
    assert!(
        cloud.0.borrow().mutations.is_empty(),
        "import changed something"
    );
}

#[test]
fn an_untagged_directory_is_named_and_the_tag_command_given() {
    let cloud = setup();
    cloud.0.borrow_mut().directories[0].1.clear();
    let imported = imported(&cloud, options()).unwrap();
    let (plan, notes) = build::plan(&imported).unwrap();
    assert_eq!(plan.metadata.name, "corp-example-com");
    assert!(
        notes[0].contains("--tags Key=adsso:plan,Value=corp-example-com"),
        "{notes:?}"
    );
}

#[test]
fn the_group_filter_keeps_only_matching_groups() {
    let cloud = setup();
    let only_admins = ImportOptions {
        group_filter: vec!["*-Admins*".into()],
        ..options()
    };
    let imported = imported(&cloud, only_admins).unwrap();
    assert!(imported.assignments.is_empty());
    let (plan, _) = build::plan(&imported).unwrap();
    assert!(plan.identity_center.unwrap().permission_sets.is_empty());
}

#[test]
fn without_a_directory_source_nothing_is_imported() {
    let cloud = setup();
    cloud.0.borrow_mut().groups[0].issuers.clear();
    assert!(matches!(
        imported(&cloud, options()),
        Err(ImportError::NoDirectorySource)
    ));
    let unknown = ImportOptions {
        instance: Some("arn:aws:sso:::instance/ssoins-9999999999999999".into()),
        ..options()
    };
    assert!(matches!(
        imported(&setup(), unknown),
        Err(ImportError::InstanceNotFound(_))
    ));
}

#[test]
fn globs_match_stars_and_question_marks_without_backtracking_blowup() {
    assert!(wanted("AWS-SSO-Users", &[]));
    assert!(wanted("AWS-SSO-Users", &["AWS-*".into()]));
    assert!(wanted("AWS-SSO-Users", &["*Users".into(), "x".into()]));
    assert!(wanted("abc", &["a?c".into()]));
    assert!(!wanted("abc", &["a?".into()]));
    assert!(!wanted("AWS-SSO-Users", &["*Admins".into()]));
    assert!(wanted("", &["*".into()]));
    let long = "a".repeat(10_000);
    assert!(!wanted(&long, &[format!("{}b", "*a".repeat(50))]));
}

#[test]
fn a_managed_ad_with_two_trusts_reads_as_a_trust_plan_on_the_existing_directory() {
    let cloud = setup();
    {
        let mut state = cloud.0.borrow_mut();
        let mut directory =
            Fake::directory(DIRECTORY, "aws.example.com", DirectoryKind::MicrosoftAd);
        directory.details.short_name = "AWSCORP".into();
        state.directories[0].0 = directory;
        for (index, (domain, kind)) in [
            ("corp.example.com", "Forest"),
            ("emea.example.net", "External"),
        ]
        .into_iter()
        .enumerate()
        {
            state.trusts.push(crate::aws::TrustInfo {
                id: format!("t-000000000{index}"),
                directory_id: DIRECTORY.into(),
                remote_domain: domain.into(),
                direction: "Two-Way".into(),
                trust_type: kind.into(),
                selective_auth: "Disabled".into(),
                state: crate::aws::TrustState::Verified,
                state_reason: String::new(),
            });
        }
    }
    let imported = imported(&cloud, options()).unwrap();
    let (plan, notes) = build::plan(&imported).unwrap();
    let trust = plan.connection.trust.as_ref().unwrap();
    assert_eq!(
        trust.managed_ad.existing_directory_id.as_deref(),
        Some(DIRECTORY)
    );
    let domains = plan.self_managed.all();
    assert_eq!(domains.len(), 2);
    assert_eq!(domains[1].netbios_name, "EMEA");
    assert_eq!(
        domains[1].trust.as_ref().and_then(|t| t.trust_type),
        Some(crate::plan::TrustType::External)
    );
    assert!(
        notes.iter().any(|n| n.contains("EMEA is a guess")),
        "{notes:?}"
    );
    assert_eq!(
        plan.identity_center.unwrap().assignments[0].group,
        "AWS-SSO-Users",
        "the group's domain is one of the plan's"
    );
}

#[test]
fn a_sets_description_relay_state_customer_policies_boundary_and_tags_are_imported() {
    let cloud = setup();
    {
        let mut state = cloud.0.borrow_mut();
        let set = state
            .access
            .sets
            .get_mut(&format!("{INSTANCE}/ps-read"))
            .unwrap();
        set.description = Some("Auditors".into());
        set.relay_state = Some("https://console.aws.amazon.com/s3".into());
        set.customer = vec![
            PolicyReference {
                name: "DenyBilling".into(),
                path: "/".into(),
            },
            PolicyReference {
                name: "Reports".into(),
                path: "/team/".into(),
            },
        ];
        set.boundary = Some(Boundary::Managed(
            "arn:aws:iam::aws:policy/PowerUserAccess".into(),
        ));
        set.tags = vec![
            Tag {
                key: "adsso:plan".into(),
                value: "corp".into(),
            },
            Tag {
                key: "Team".into(),
                value: "audit".into(),
            },
        ];
    }
    let imported = imported(&cloud, options()).unwrap();
    let (plan, _) = build::plan(&imported).unwrap();
    let errors: Vec<_> = crate::plan::validate(&plan)
        .into_iter()
        .filter(crate::plan::Diagnostic::is_error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let set = &plan.identity_center.as_ref().unwrap().permission_sets[0];
    assert_eq!(set.description.as_deref(), Some("Auditors"));
    assert_eq!(
        set.relay_state.as_deref(),
        Some("https://console.aws.amazon.com/s3")
    );
    let policies: Vec<(&str, Option<&str>)> = set
        .customer_managed_policies
        .iter()
        .map(|p| (p.name.as_str(), p.path.as_deref()))
        .collect();
    assert_eq!(
        policies,
        [("DenyBilling", None), ("Reports", Some("/team/"))]
    );
    assert_eq!(
        set.permissions_boundary
            .as_ref()
            .and_then(|b| b.managed_policy_arn.as_deref()),
        Some("arn:aws:iam::aws:policy/PowerUserAccess")
    );
    assert_eq!(
        set.tags,
        BTreeMap::from([("Team".to_owned(), "audit".to_owned())])
    );
}
