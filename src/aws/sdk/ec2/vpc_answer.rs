//! EC2's answers about a VPC's network path: `DescribeNetworkAclsResponse` and
//! `DescribeRouteTablesResponse`, read like every EC2 answer ([`super::answer`]): untrusted,
//! bounded, only the elements adsso uses (by the names of EC2's service model).

use aws_smithy_xml::decode::ScopedDecoder;

use super::answer::{Page, data, page, port};
use crate::aws::{AclEntry, Direction, NetworkAcl, Route, RouteTable, RouteTarget, RuleAction};
use crate::aws::{TableRole, vpc};

/// The network ACLs of a `DescribeNetworkAclsResponse`.
pub fn network_acls(xml: &str) -> Result<Page<NetworkAcl>, String> {
    page(
        xml,
        "DescribeNetworkAclsResponse",
        "networkAclSet",
        network_acl,
    )
}

/// The route tables of a `DescribeRouteTablesResponse`.
pub fn route_tables(xml: &str) -> Result<Page<RouteTable>, String> {
    page(
        xml,
        "DescribeRouteTablesResponse",
        "routeTableSet",
        route_table,
    )
}

/// One `item` of `networkAclSet`.
fn network_acl(item: &mut ScopedDecoder<'_, '_>) -> Result<NetworkAcl, String> {
    let mut acl = NetworkAcl::default();
    while let Some(mut field) = item.next_tag() {
        if field.start_el().matches("networkAclId") {
            acl.id = data(&mut field)?;
        } else if field.start_el().matches("vpcId") {
            acl.vpc_id = data(&mut field)?;
        } else if field.start_el().matches("entrySet") {
            while let Some(mut entry) = field.next_tag() {
                acl.entries.push(acl_entry(&mut entry)?);
            }
        } else if field.start_el().matches("associationSet") {
            while let Some(mut association) = field.next_tag() {
                while let Some(mut member) = association.next_tag() {
                    if member.start_el().matches("subnetId") {
                        acl.subnet_ids.push(data(&mut member)?);
                    }
                }
            }
        }
    }
    Ok(acl)
}

/// One `item` of `entrySet`. A missing action reads as deny, a missing direction as inbound
/// and a missing rule number as the last rule: the readings that never pass traffic adsso
/// could not see.
fn acl_entry(item: &mut ScopedDecoder<'_, '_>) -> Result<AclEntry, String> {
    let mut entry = AclEntry {
        rule_number: i32::MAX,
        protocol: "-1".to_owned(),
        action: RuleAction::Deny,
        direction: Direction::Inbound,
        cidr: None,
        ports: None,
    };
    let (mut from, mut to) = (None, None);
    while let Some(mut field) = item.next_tag() {
        let element = field.start_el();
        if element.matches("ruleNumber") {
            let text = data(&mut field)?;
            entry.rule_number = text
                .parse()
                .map_err(|_| crate::text::ec2::ec2_not_a_number(&text))?;
        } else if element.matches("protocol") {
            entry.protocol = data(&mut field)?;
        } else if element.matches("ruleAction") {
            entry.action = match data(&mut field)?.as_str() {
                "allow" => RuleAction::Allow,
                _ => RuleAction::Deny,
            };
        } else if element.matches("egress") {
            entry.direction = match data(&mut field)?.as_str() {
                "true" => Direction::Outbound,
                _ => Direction::Inbound,
            };
        } else if element.matches("cidrBlock") {
            entry.cidr = Some(data(&mut field)?);
        } else if element.matches("portRange") {
            while let Some(mut bound) = field.next_tag() {
                if bound.start_el().matches("from") {
                    from = Some(port(&mut bound)?);
                } else if bound.start_el().matches("to") {
                    to = Some(port(&mut bound)?);
                }
            }
        }
    }
    entry.ports = from.zip(to);
    Ok(entry)
}

/// One `item` of `routeTableSet`.
fn route_table(item: &mut ScopedDecoder<'_, '_>) -> Result<RouteTable, String> {
    let mut table = RouteTable::default();
    while let Some(mut field) = item.next_tag() {
        if field.start_el().matches("routeTableId") {
            table.id = data(&mut field)?;
        } else if field.start_el().matches("vpcId") {
            table.vpc_id = data(&mut field)?;
        } else if field.start_el().matches("routeSet") {
            while let Some(mut route) = field.next_tag() {
                table.routes.push(route_of(&mut route)?);
            }
        } else if field.start_el().matches("associationSet") {
            while let Some(mut association) = field.next_tag() {
                while let Some(mut member) = association.next_tag() {
                    if member.start_el().matches("subnetId") {
                        table.subnet_ids.push(data(&mut member)?);
                    } else if member.start_el().matches("main") && data(&mut member)? == "true" {
                        table.role = TableRole::Main;
                    }
                }
            }
        }
    }
    Ok(table)
}

/// One `item` of `routeSet`.
fn route_of(item: &mut ScopedDecoder<'_, '_>) -> Result<Route, String> {
    let mut route = Route {
        destination: None,
        target: RouteTarget::Other(String::new()),
        state: "active".to_owned(),
    };
    while let Some(mut field) = item.next_tag() {
        let name = field.start_el().local().to_owned();
        let value = data(&mut field)?;
        if value.is_empty() {
            continue;
        }
        match name.as_str() {
            "destinationCidrBlock" => route.destination = Some(value),
            "state" => route.state = value,
            "gatewayId" => route.target = vpc::gateway_target(value),
            "transitGatewayId" => route.target = RouteTarget::TransitGateway(value),
            "vpcPeeringConnectionId" => route.target = RouteTarget::Peering(value),
            "natGatewayId" => route.target = RouteTarget::NatGateway(value),
            // An instance route names its interface too: the first one seen is kept.
            "networkInterfaceId" | "instanceId"
                if !matches!(route.target, RouteTarget::Appliance(_)) =>
            {
                route.target = RouteTarget::Appliance(value);
            }
            "egressOnlyInternetGatewayId"
            | "localGatewayId"
            | "carrierGatewayId"
            | "coreNetworkArn" => route.target = RouteTarget::Other(value),
            _ => {}
        }
    }
    Ok(route)
}
