//! Unit tests of the validation walk: each rule reports the right field path, and a valid plan
//! reports nothing.

use crate::plan::model::*;
use crate::plan::secret::SecretRef;
use crate::plan::{Diagnostic, validate};

fn connector_plan() -> Plan {
    crate::plan::parse(include_bytes!("../../../assets/examples/ad-connector.yaml"))
        .map(|parsed| parsed.plan)
        .unwrap()
}

fn trust_plan() -> Plan {
    crate::plan::parse(include_bytes!("../../../assets/examples/trust.yaml"))
        .map(|parsed| parsed.plan)
        .unwrap()
}

fn errors(plan: &Plan) -> Vec<Diagnostic> {
    validate(plan)
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect()
}

fn error_paths(plan: &Plan) -> Vec<String> {
    errors(plan)
        .iter()
        .map(|d| d.path.as_str().to_owned())
        .collect()
}

fn trust(plan: &mut Plan) -> &mut Trust {
    plan.connection.trust.as_mut().unwrap()
}

fn connector(plan: &mut Plan) -> &mut AdConnector {
    plan.connection.ad_connector.as_mut().unwrap()
}

#[test]
fn examples_are_clean() {
    assert_eq!(validate(&connector_plan()), vec![]);
    assert_eq!(validate(&trust_plan()), vec![]);
}

#[test]
fn all_problems_are_reported_at_once() {
    let mut plan = connector_plan();
    plan.metadata.name = "Bad Name".into();
    plan.self_managed.first_mut().domain = "corp".into();
    plan.self_managed.first_mut().netbios_name = "WAYTOOLONGNETBIOS".into();
    connector(&mut plan).subnet_ids.pop();
    assert_eq!(
        error_paths(&plan),
        [
            "metadata.name",
            "selfManaged.domain",
            "selfManaged.netbiosName",
            "connection.adConnector.subnetIds"
        ]
    );
}

#[test]
fn dns_server_rules() {
    let mut plan = connector_plan();
    plan.self_managed.first_mut().dns_servers = vec![];
    assert_eq!(error_paths(&plan), ["selfManaged.dnsServers"]);
    plan.self_managed.first_mut().dns_servers = vec!["10.0.0.1".into(); 5];
    assert!(error_paths(&plan).contains(&"selfManaged.dnsServers".to_owned()));
    plan.self_managed.first_mut().dns_servers = vec!["10.0.0.1".into(), "10.0.0.1".into()];
    assert_eq!(error_paths(&plan), ["selfManaged.dnsServers[1]"]);
    plan.self_managed.first_mut().dns_servers =
        vec!["10.0.0.1".into(), "dc.corp.example.com".into()];
    assert_eq!(error_paths(&plan), ["selfManaged.dnsServers[1]"]);
    plan.self_managed.first_mut().dns_servers = vec!["10.0.0.1".into()];
    let all = validate(&plan);
    assert_eq!(all.len(), 1);
    assert!(!all[0].is_error(), "one DNS server is a warning");
}

#[test]
fn subnet_rules() {
    let mut plan = connector_plan();
    let subnet = connector(&mut plan).subnet_ids[0].clone();
    connector(&mut plan).subnet_ids[1] = subnet;
    assert_eq!(error_paths(&plan), ["connection.adConnector.subnetIds[1]"]);
    connector(&mut plan).subnet_ids = vec![
        "subnet-1".into(),
        "subnet-0123456789abcdef0".into(),
        "subnet-01234567".into(),
    ];
    assert_eq!(
        error_paths(&plan),
        [
            "connection.adConnector.subnetIds",
            "connection.adConnector.subnetIds[0]"
        ]
    );
    connector(&mut plan).vpc_id = "vpc-xyz".into();
    assert!(error_paths(&plan).contains(&"connection.adConnector.vpcId".to_owned()));
}

#[test]
fn simple_ad_is_refused_with_the_reason() {
    let mut plan = connector_plan();
    plan.connection.mode = Mode::SimpleAd;
    let found = errors(&plan);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path.as_str(), "connection.mode");
    assert!(found[0].problem.contains("Simple AD"));
    assert!(
        found[0]
            .problem
            .contains("does not work with IAM Identity Center")
    );
}

#[test]
fn mode_sections_must_match() {
    let mut plan = connector_plan();
    plan.connection.mode = Mode::Trust;
    assert_eq!(
        error_paths(&plan),
        ["connection.trust", "connection.adConnector"]
    );
    let mut plan = trust_plan();
    plan.connection.mode = Mode::AdConnector;
    assert_eq!(
        error_paths(&plan),
        ["connection.adConnector", "connection.trust"]
    );
}

#[test]
fn one_way_trusts_are_refused_with_what_breaks() {
    let mut plan = trust_plan();
    trust(&mut plan).direction = TrustDirection::OneWayOutgoing;
    let found = errors(&plan);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path.as_str(), "connection.trust.direction");
    assert!(found[0].problem.contains("breaks sync"));
    trust(&mut plan).direction = TrustDirection::OneWayIncoming;
    let found = errors(&plan);
    assert!(found[0].problem.contains("breaks sign-in"));
}

#[test]
fn managed_ad_must_differ_from_self_managed() {
    let mut plan = trust_plan();
    let create = trust(&mut plan).managed_ad.create.as_mut().unwrap();
    create.domain = "CORP.example.com".into();
    create.netbios_name = "corp".into();
    assert_eq!(
        error_paths(&plan),
        [
            "connection.trust.managedAd.create.domain",
            "connection.trust.managedAd.create.netbiosName"
        ]
    );
}

#[test]
fn exactly_one_managed_ad_source() {
    let mut plan = trust_plan();
    trust(&mut plan).managed_ad.existing_directory_id = Some("d-0123456789".into());
    assert_eq!(error_paths(&plan), ["connection.trust.managedAd"]);
    trust(&mut plan).managed_ad.create = None;
    assert_eq!(error_paths(&plan), Vec::<String>::new());
    trust(&mut plan).managed_ad.existing_directory_id = Some("d-123".into());
    assert_eq!(
        error_paths(&plan),
        ["connection.trust.managedAd.existingDirectoryId"]
    );
    trust(&mut plan).managed_ad.existing_directory_id = None;
    assert_eq!(error_paths(&plan), ["connection.trust.managedAd"]);
}

#[test]
fn secret_reference_formats() {
    let mut plan = trust_plan();
    trust(&mut plan).password = SecretRef::Env("1BAD".into());
    assert_eq!(error_paths(&plan), ["connection.trust.password.env"]);
    trust(&mut plan).password = SecretRef::File(" ".into());
    assert_eq!(error_paths(&plan), ["connection.trust.password.file"]);
    trust(&mut plan).password = SecretRef::Prompt;
    assert_eq!(error_paths(&plan), Vec::<String>::new());
}

#[test]
fn identity_center_rules() {
    let mut plan = trust_plan();
    let center = plan.identity_center.as_mut().unwrap();
    center.permission_sets[0].session_duration = Some("PT13H".into());
    center.permission_sets[1].managed_policies =
        vec!["arn:aws:iam::aws:policy/ReadOnlyAccess".into()];
    center.assignments[0].permission_set = "Nope".into();
    center.assignments[1].accounts = vec!["1234".into()];
    center.instance_arn = Some("arn:aws:sso:::instance/x".into());
    assert_eq!(
        error_paths(&plan),
        [
            "identityCenter.instanceArn",
            "identityCenter.permissionSets[0].sessionDuration",
            "identityCenter.permissionSets[1]",
            "identityCenter.assignments[0].permissionSet",
            "identityCenter.assignments[1].accounts[0]"
        ]
    );
}

#[test]
fn arns_must_be_of_the_regions_partition() {
    let mut plan = trust_plan();
    let center = plan.identity_center.as_mut().unwrap();
    center.instance_arn = Some("arn:aws-us-gov:sso:::instance/ssoins-0123456789abcdef".into());
    center.permission_sets[0].managed_policies = vec![
        "arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess".into(),
        "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess".into(),
    ];
    plan.aws.region = "us-gov-west-1".into();
    assert_eq!(
        error_paths(&plan),
        ["identityCenter.permissionSets[0].managedPolicies[1]"]
    );
    plan.aws.region = "us-east-1".into();
    assert_eq!(
        error_paths(&plan),
        [
            "identityCenter.instanceArn",
            "identityCenter.permissionSets[0].managedPolicies[0]"
        ]
    );
    // An unknown Region is reported once; the ARNs are not compared with it.
    plan.aws.region = "us-est-1".into();
    assert_eq!(error_paths(&plan), ["aws.region"]);
}

#[test]
fn tags_up_to_the_limit_are_accepted() {
    let mut plan = connector_plan();
    plan.tags.clear();
    for index in 0..crate::plan::rules::MAX_USER_TAGS {
        plan.tags.insert(format!("k{index}"), "v".into());
    }
    assert_eq!(error_paths(&plan), Vec::<String>::new());
    plan.tags.insert("one-more".into(), "v".into());
    assert_eq!(error_paths(&plan), ["tags"]);
    let message = errors(&plan)[0].to_string();
    assert!(message.contains("50 tags are given"), "{message}");
}

#[test]
fn duplicate_permission_sets_and_accounts() {
    let mut plan = trust_plan();
    let center = plan.identity_center.as_mut().unwrap();
    center.permission_sets[1].name = "ReadOnly".into();
    center.assignments[0].accounts = vec!["111122223333".into(), "111122223333".into()];
    let paths = error_paths(&plan);
    assert!(
        paths.contains(&"identityCenter.permissionSets[1].name".to_owned()),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"identityCenter.assignments[0].accounts[1]".to_owned()),
        "{paths:?}"
    );
}

#[test]
fn tag_rules() {
    let mut plan = connector_plan();
    plan.tags.insert("adsso:plan".into(), "x".into());
    plan.tags.insert("aws:x".into(), "y".into());
    assert_eq!(error_paths(&plan), ["tags.adsso:plan", "tags.aws:x"]);
}

#[test]
fn public_dns_in_trust_mode_is_a_warning() {
    let mut plan = trust_plan();
    plan.self_managed.first_mut().dns_servers = vec!["203.0.113.10".into(), "203.0.113.11".into()];
    let all = validate(&plan);
    assert_eq!(all.len(), 1);
    assert!(!all[0].is_error());
    assert!(all[0].allowed.contains("AddIpRoutes"));
}

#[test]
fn inline_policy_rules() {
    let mut plan = trust_plan();
    let center = plan.identity_center.as_mut().unwrap();
    assert!(
        center.permission_sets[0].inline_policy.is_some(),
        "the trust example shows an inline policy"
    );
    center.permission_sets[0].inline_policy = Some(r#"{"Version": "2012-10-17""#.into());
    let found = errors(&plan);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].path.as_str(),
        "identityCenter.permissionSets[0].inlinePolicy"
    );
    assert!(found[0].problem.contains("line 1"), "{}", found[0]);
    assert!(found[0].allowed.contains("32768"), "{}", found[0]);

    let center = plan.identity_center.as_mut().unwrap();
    let resources = vec![r#""arn:aws:s3:::corp-reports/*""#; 1200].join(", ");
    let long = format!(
        r#"{{"Version": "2012-10-17", "Statement": {{"Effect": "Allow", "Action": "s3:GetObject", "Resource": [{resources}]}}}}"#
    );
    assert!(long.len() > 32_768);
    center.permission_sets[0].inline_policy = Some(long);
    let found = errors(&plan);
    assert_eq!(
        found[0].path.as_str(),
        "identityCenter.permissionSets[0].inlinePolicy"
    );
    assert!(found[0].problem.ends_with(" characters"), "{}", found[0]);
    assert!(found[0].to_string().len() < 600, "{}", found[0]);
}

#[test]
fn existing_permission_sets_take_no_inline_policy() {
    let mut plan = trust_plan();
    let center = plan.identity_center.as_mut().unwrap();
    assert!(center.permission_sets[1].existing);
    center.permission_sets[1].inline_policy = center.permission_sets[0].inline_policy.clone();
    let found = errors(&plan);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].path.as_str(), "identityCenter.permissionSets[1]");
    assert!(found[0].problem.contains("`inlinePolicy`"), "{}", found[0]);
    assert!(found[0].allowed.contains("`inlinePolicy`"), "{}", found[0]);
}
