//! The EC2 client's network ACL and route table requests and answers, without a network.

use super::answer::Page;
use super::{request, vpc_answer};
use crate::aws::*;

#[test]
fn acl_and_route_table_listings_filter_on_the_vpc() {
    assert_eq!(
        request::describe_network_acls("vpc-1", None),
        "Action=DescribeNetworkAcls&Version=2016-11-15&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1"
    );
    assert_eq!(
        request::describe_route_tables("vpc-1 &", Some("t/2")),
        "Action=DescribeRouteTables&Version=2016-11-15&NextToken=t%2F2&Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-1%20%26"
    );
}

const ACLS: &str = r#"<DescribeNetworkAclsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>1</requestId>
  <networkAclSet>
    <item>
      <networkAclId>acl-1</networkAclId><vpcId>vpc-1</vpcId><default>true</default>
      <entrySet>
        <item><ruleNumber>100</ruleNumber><protocol>6</protocol><ruleAction>allow</ruleAction>
          <egress>true</egress><cidrBlock>10.0.0.0/8</cidrBlock><portRange><from>53</from><to>88</to></portRange></item>
        <item><ruleNumber>90</ruleNumber><protocol>-1</protocol><ruleAction>deny</ruleAction>
          <egress>false</egress><cidrBlock>10.9.0.0/16</cidrBlock></item>
        <item><ruleNumber>32767</ruleNumber><protocol>-1</protocol><ruleAction>deny</ruleAction>
          <egress>false</egress><ipv6CidrBlock>::/0</ipv6CidrBlock></item>
      </entrySet>
      <associationSet>
        <item><networkAclAssociationId>aclassoc-1</networkAclAssociationId><networkAclId>acl-1</networkAclId><subnetId>subnet-a</subnetId></item>
        <item><networkAclAssociationId>aclassoc-2</networkAclAssociationId><networkAclId>acl-1</networkAclId><subnetId>subnet-b</subnetId></item>
      </associationSet>
      <tagSet><item><key>subnetId</key><value>not-this</value></item></tagSet>
    </item>
  </networkAclSet>
  <nextToken>more</nextToken>
</DescribeNetworkAclsResponse>"#;

#[test]
fn network_acls_are_read_with_their_rules_and_subnets() {
    let page = vpc_answer::network_acls(ACLS).unwrap();
    let entry = |n, protocol: &str, action, direction, cidr: Option<&str>, ports| AclEntry {
        rule_number: n,
        protocol: protocol.to_owned(),
        action,
        direction,
        cidr: cidr.map(str::to_owned),
        ports,
    };
    assert_eq!(
        page,
        Page {
            items: vec![NetworkAcl {
                id: "acl-1".to_owned(),
                vpc_id: "vpc-1".to_owned(),
                subnet_ids: vec!["subnet-a".to_owned(), "subnet-b".to_owned()],
                entries: vec![
                    entry(
                        100,
                        "6",
                        RuleAction::Allow,
                        Direction::Outbound,
                        Some("10.0.0.0/8"),
                        Some((53, 88))
                    ),
                    entry(
                        90,
                        "-1",
                        RuleAction::Deny,
                        Direction::Inbound,
                        Some("10.9.0.0/16"),
                        None
                    ),
                    entry(
                        32767,
                        "-1",
                        RuleAction::Deny,
                        Direction::Inbound,
                        None,
                        None
                    ),
                ],
            }],
            next: Some("more".to_owned()),
        }
    );
}

#[test]
fn hostile_acl_answers_are_refused_with_a_reason() {
    let number = ACLS.replace("<ruleNumber>100<", "<ruleNumber>1&#x1b;00<");
    assert_eq!(
        vpc_answer::network_acls(&number).unwrap_err(),
        "`1\\u{1b}00` is not a rule number"
    );
    let cut = &ACLS[..ACLS.find("</networkAclSet>").unwrap()];
    assert!(vpc_answer::network_acls(cut).is_err());
    assert!(vpc_answer::route_tables(ACLS).is_err(), "wrong root");
}

const TABLES: &str = r#"<DescribeRouteTablesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>1</requestId>
  <routeTableSet>
    <item>
      <routeTableId>rtb-main</routeTableId><vpcId>vpc-1</vpcId>
      <routeSet>
        <item><destinationCidrBlock>10.42.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state><origin>CreateRouteTable</origin></item>
        <item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><gatewayId>igw-1</gatewayId><state>active</state></item>
        <item><destinationIpv6CidrBlock>::/0</destinationIpv6CidrBlock><egressOnlyInternetGatewayId>eigw-1</egressOnlyInternetGatewayId></item>
      </routeSet>
      <associationSet><item><routeTableAssociationId>rtbassoc-1</routeTableAssociationId><routeTableId>rtb-main</routeTableId><main>true</main></item></associationSet>
    </item>
    <item>
      <routeTableId>rtb-2</routeTableId><vpcId>vpc-1</vpcId>
      <routeSet>
        <item><destinationCidrBlock>10.0.0.0/8</destinationCidrBlock><transitGatewayId>tgw-1</transitGatewayId><gatewayId></gatewayId><state>active</state></item>
        <item><destinationCidrBlock>192.168.0.0/16</destinationCidrBlock><gatewayId>vgw-1</gatewayId><state>blackhole</state></item>
        <item><destinationCidrBlock>172.16.0.0/12</destinationCidrBlock><vpcPeeringConnectionId>pcx-1</vpcPeeringConnectionId></item>
        <item><destinationCidrBlock>100.64.0.0/10</destinationCidrBlock><natGatewayId>nat-1</natGatewayId></item>
        <item><destinationCidrBlock>198.51.100.0/24</destinationCidrBlock><instanceId>i-1</instanceId><networkInterfaceId>eni-1</networkInterfaceId></item>
      </routeSet>
      <associationSet><item><routeTableId>rtb-2</routeTableId><subnetId>subnet-a</subnetId><main>false</main></item></associationSet>
    </item>
  </routeTableSet>
</DescribeRouteTablesResponse>"#;

#[test]
fn route_tables_are_read_with_their_targets_and_associations() {
    let page = vpc_answer::route_tables(TABLES).unwrap();
    assert_eq!(page.next, None);
    let route = |cidr: Option<&str>, target, state: &str| Route {
        destination: cidr.map(str::to_owned),
        target,
        state: state.to_owned(),
    };
    let id = |s: &str| s.to_owned();
    assert_eq!(
        page.items,
        vec![
            RouteTable {
                id: id("rtb-main"),
                vpc_id: id("vpc-1"),
                role: TableRole::Main,
                subnet_ids: vec![],
                routes: vec![
                    route(Some("10.42.0.0/16"), RouteTarget::Local, "active"),
                    route(
                        Some("0.0.0.0/0"),
                        RouteTarget::InternetGateway(id("igw-1")),
                        "active"
                    ),
                    route(None, RouteTarget::Other(id("eigw-1")), "active"),
                ],
            },
            RouteTable {
                id: id("rtb-2"),
                vpc_id: id("vpc-1"),
                role: TableRole::Explicit,
                subnet_ids: vec![id("subnet-a")],
                routes: vec![
                    route(
                        Some("10.0.0.0/8"),
                        RouteTarget::TransitGateway(id("tgw-1")),
                        "active"
                    ),
                    route(
                        Some("192.168.0.0/16"),
                        RouteTarget::VpnGateway(id("vgw-1")),
                        "blackhole"
                    ),
                    route(
                        Some("172.16.0.0/12"),
                        RouteTarget::Peering(id("pcx-1")),
                        "active"
                    ),
                    route(
                        Some("100.64.0.0/10"),
                        RouteTarget::NatGateway(id("nat-1")),
                        "active"
                    ),
                    route(
                        Some("198.51.100.0/24"),
                        RouteTarget::Appliance(id("i-1")),
                        "active"
                    ),
                ],
            },
        ]
    );
}
