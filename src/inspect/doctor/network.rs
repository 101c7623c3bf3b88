//! The network checks (`network.sg-egress`, `network.nacl`, `network.route`) of a directory:
//! [`read`] makes one call per resource type (the security group, the VPC's network ACLs, the
//! VPC's route tables, the directory's IP routes when a public address needs them), and
//! [`checks`] evaluates them (pure). `doctor` and apply share both.

use std::net::Ipv4Addr;

use super::flows::{self, is_rfc1918};
use super::{nacl, route, sg};
use crate::aws::{
    Direction, Directory, DirectoryApi, EgressRule, IpRoute, NetworkAcl, NetworkApi, RouteTable,
    RouteTarget,
};
use crate::checks::{Check, CheckId, Status};
use crate::plan::{Mode, Plan};
use crate::text::doctor as words;

/// The most network ACL commands a fix lists before it counts the rest.
const MAX_ACL_COMMANDS: usize = 6;

/// What the network checks read, each read's failure kept as text (the check then says it
/// could not run, and the others still run).
#[derive(Debug, Clone, Default)]
pub struct NetworkFacts {
    /// The security group's outbound rules (`None`: the directory names no group).
    pub egress: Option<Result<Vec<EgressRule>, String>>,
    /// The VPC's network ACLs (`None`: the directory names no VPC).
    pub acls: Option<Result<Vec<NetworkAcl>, String>>,
    /// The VPC's route tables.
    pub tables: Option<Result<Vec<RouteTable>, String>>,
    /// The directory's IP routes (`None`: not needed, no public address in trust mode).
    pub ip_routes: Option<Result<Vec<IpRoute>, String>>,
}

/// The DNS servers of each self-managed domain of the plan, as addresses.
pub fn servers(plan: &Plan) -> Vec<(String, Vec<Ipv4Addr>)> {
    plan.self_managed
        .all()
        .iter()
        .map(|domain| {
            let addresses = domain
                .dns_servers
                .iter()
                .filter_map(|server| server.parse().ok())
                .collect();
            (domain.domain.clone(), addresses)
        })
        .collect()
}

/// Whether the plan needs the directory's IP routes: a trust with a public DNS server.
fn needs_ip_routes(plan: &Plan) -> bool {
    plan.connection.mode == Mode::Trust
        && servers(plan)
            .iter()
            .flat_map(|(_, list)| list)
            .any(|ip| !is_rfc1918(*ip))
}

/// Reads what the network checks need: one call per resource type.
pub async fn read(
    cloud: &(impl NetworkApi + DirectoryApi),
    plan: &Plan,
    directory: &Directory,
) -> NetworkFacts {
    let text = |error: crate::aws::AwsError| error.to_string();
    let mut facts = NetworkFacts::default();
    if let Some(group) = &directory.security_group_id {
        facts.egress = Some(cloud.security_group_egress(group).await.map_err(text));
    }
    if let Some(vpc) = &directory.vpc_id {
        facts.acls = Some(cloud.describe_network_acls(vpc).await.map_err(text));
        facts.tables = Some(cloud.describe_route_tables(vpc).await.map_err(text));
    }
    if needs_ip_routes(plan) {
        facts.ip_routes = Some(cloud.list_ip_routes(&directory.id).await.map_err(text));
    }
    facts
}

/// The three network checks of every domain of the plan.
pub fn checks(plan: &Plan, directory: &Directory, facts: &NetworkFacts) -> Vec<Check> {
    let mode = plan.connection.mode;
    let mut out = Vec::new();
    for (domain, addresses) in servers(plan) {
        out.push(sg_check(mode, directory, facts, &addresses).about(&domain));
        out.push(nacl_check(mode, directory, facts, &addresses).about(&domain));
        out.push(route_check(mode, directory, facts, &addresses).about(&domain));
    }
    out
}

/// A check whose read failed.
fn unreadable(id: CheckId, subject: String, what: &str, error: &str, action: &str) -> Check {
    Check::problem(
        id,
        Status::Warn,
        subject,
        words::unreadable(what, error),
        words::unreadable_fix(action),
    )
}

/// `network.sg-egress`.
fn sg_check(mode: Mode, directory: &Directory, facts: &NetworkFacts, to: &[Ipv4Addr]) -> Check {
    const ID: CheckId = CheckId::NetworkSgEgress;
    let (Some(group), Some(egress)) = (&directory.security_group_id, &facts.egress) else {
        return Check::skipped(ID, words::addresses(to), words::SG_NONE);
    };
    let subject = words::sg_subject(group, to);
    let rules = match egress {
        Ok(rules) => rules,
        Err(error) => {
            let what = format!("the outbound rules of {group}");
            return unreadable(ID, subject, &what, error, "ec2:DescribeSecurityGroups");
        }
    };
    let needs = flows::needs(mode);
    let gaps = sg::egress_gaps(rules, needs, to);
    if gaps.is_empty() {
        return Check::pass(ID, subject, words::sg_pass(&ports_list(needs)));
    }
    let groups = sg::grouped(&gaps);
    let lines: Vec<String> = groups
        .iter()
        .map(|(protocol, ports, list)| {
            words::sg_missing_line(protocol.name(), &ports.to_string(), list)
        })
        .collect();
    let missing: Vec<(&str, u16, u16, Vec<Ipv4Addr>)> = groups
        .iter()
        .map(|(protocol, ports, list)| (protocol.name(), ports.first, ports.last, list.clone()))
        .collect();
    Check::problem(
        ID,
        Status::Fail,
        subject,
        lines.join("\n"),
        words::sg_fix(group, &missing),
    )
}

/// The needed ports in words: `TCP 53, 88; UDP 53`.
fn ports_list(needs: &[flows::Need]) -> String {
    let of = |protocol: flows::Protocol| {
        let ports: Vec<String> = needs
            .iter()
            .filter(|need| need.protocol == protocol)
            .map(|need| need.ports.to_string())
            .collect();
        format!("{} {}", protocol.name().to_uppercase(), ports.join(", "))
    };
    format!("{}; {}", of(flows::Protocol::Tcp), of(flows::Protocol::Udp))
}

/// `network.nacl`.
fn nacl_check(mode: Mode, directory: &Directory, facts: &NetworkFacts, to: &[Ipv4Addr]) -> Check {
    const ID: CheckId = CheckId::NetworkNacl;
    let subject = words::path_subject(&directory.subnet_ids, to);
    let (false, Some(acls)) = (directory.subnet_ids.is_empty(), &facts.acls) else {
        return Check::skipped(ID, subject, words::NO_SUBNETS);
    };
    let acls = match acls {
        Ok(acls) => acls,
        Err(error) => {
            return unreadable(
                ID,
                subject,
                "the network ACLs",
                error,
                "ec2:DescribeNetworkAcls",
            );
        }
    };
    let mut lines = Vec::new();
    let mut commands = Vec::new();
    let mut seen = Vec::new();
    for subnet in &directory.subnet_ids {
        let Some(acl) = nacl::acl_of(acls, subnet) else {
            lines.push(words::nacl_unknown(subnet));
            continue;
        };
        seen.push(acl.id.clone());
        for &address in to {
            for flow in flows::flows(mode, address) {
                for dropped in nacl::blocked(acl, &flow) {
                    lines.push(blocked_line(subnet, acl, &dropped));
                    commands.push(allow_command(acl, &dropped));
                }
            }
        }
    }
    unique(&mut seen);
    unique(&mut commands);
    if lines.is_empty() {
        return Check::pass(ID, subject, words::nacl_pass(&seen));
    }
    let more = commands.len().saturating_sub(MAX_ACL_COMMANDS);
    commands.truncate(MAX_ACL_COMMANDS);
    Check::problem(
        ID,
        Status::Fail,
        subject,
        lines.join("\n"),
        words::nacl_fix(&commands, more),
    )
}

/// Keeps the first of equal items, in order.
fn unique(items: &mut Vec<String>) {
    let mut kept: Vec<String> = Vec::new();
    for item in items.drain(..) {
        if !kept.contains(&item) {
            kept.push(item);
        }
    }
    *items = kept;
}

/// One dropped flow in words.
fn blocked_line(subnet: &str, acl: &NetworkAcl, dropped: &nacl::Blocked) -> String {
    let flow = dropped.flow;
    let rule = match dropped.by {
        nacl::BlockedBy::Rule(number) => Some(number),
        nacl::BlockedBy::NoRule => None,
    };
    words::nacl_blocked_line(
        subnet,
        &acl.id,
        flow.protocol.name(),
        &flow.ports.to_string(),
        &words::direction(flow.direction == Direction::Outbound, flow.address),
        &words::blocking_rule(rule),
    )
}

/// The command that allows a dropped flow, numbered just below the rule that drops it (the
/// highest free number below it in that direction).
fn allow_command(acl: &NetworkAcl, dropped: &nacl::Blocked) -> String {
    let flow = dropped.flow;
    let below = match dropped.by {
        nacl::BlockedBy::Rule(number) => number,
        nacl::BlockedBy::NoRule => nacl::DEFAULT_RULE,
    };
    let used: Vec<i32> = acl
        .entries
        .iter()
        .filter(|entry| entry.direction == flow.direction)
        .map(|entry| entry.rule_number)
        .collect();
    let number = (1..below).rev().find(|n| !used.contains(n)).unwrap_or(1);
    words::nacl_command(
        &acl.id,
        number,
        flow.direction == Direction::Outbound,
        flow.protocol.name(),
        flow.ports.first,
        flow.ports.last,
        flow.address,
    )
}

/// `network.route`.
fn route_check(mode: Mode, directory: &Directory, facts: &NetworkFacts, to: &[Ipv4Addr]) -> Check {
    const ID: CheckId = CheckId::NetworkRoute;
    let subject = words::path_subject(&directory.subnet_ids, to);
    let (false, Some(tables)) = (directory.subnet_ids.is_empty(), &facts.tables) else {
        return Check::skipped(ID, subject, words::NO_SUBNETS);
    };
    let tables = match tables {
        Ok(tables) => tables,
        Err(error) => {
            return unreadable(
                ID,
                subject,
                "the route tables",
                error,
                "ec2:DescribeRouteTables",
            );
        }
    };
    let mut status = Status::Pass;
    let mut lines = Vec::new();
    let mut fixes = Vec::new();
    for subnet in &directory.subnet_ids {
        for &address in to {
            let (now, how) = match route::reach(tables, subnet, address) {
                route::Reach::Reaches(route) => (Status::Pass, described(&route)),
                route::Reach::Doubtful(route) => {
                    (Status::Warn, words::route_doubtful(&described(&route)))
                }
                route::Reach::Wrong(route) => {
                    (Status::Fail, words::route_wrong(&described(&route)))
                }
                route::Reach::Blackhole(route) => {
                    (Status::Fail, words::route_blackhole(&described(&route)))
                }
                route::Reach::NoRoute => (Status::Fail, words::NO_ROUTE.to_owned()),
                route::Reach::NoTable => (Status::Fail, words::NO_TABLE.to_owned()),
            };
            worse(now, &mut status);
            lines.push(words::route_line(subnet, address, &how));
        }
    }
    if status != Status::Pass {
        fixes.push(words::ROUTE_FIX.to_owned());
    }
    if mode == Mode::Trust
        && let Some(routes) = &facts.ip_routes
    {
        match routes {
            Ok(routes) => {
                let missing = route::missing_ip_routes(routes, to);
                if !missing.is_empty() {
                    worse(Status::Fail, &mut status);
                    lines.push(words::ip_routes_missing(&missing));
                    fixes.push(words::ip_routes_fix(&directory.id, &missing));
                }
            }
            Err(error) => {
                worse(Status::Warn, &mut status);
                lines.push(words::unreadable("the directory's IP routes", error));
                fixes.push(words::unreadable_fix("ds:ListIpRoutes"));
            }
        }
    }
    match status {
        Status::Pass => Check::pass(ID, subject, words::route_pass(&lines)),
        _ => Check::problem(ID, status, subject, lines.join("\n"), fixes.join("\n")),
    }
}

/// Raises `status` to `now` when `now` is worse.
fn worse(now: Status, status: &mut Status) {
    if now == Status::Fail || (now == Status::Warn && *status == Status::Pass) {
        *status = now;
    }
}

/// A route in words: its destination and target.
fn described(route: &crate::aws::Route) -> String {
    let target = match &route.target {
        RouteTarget::Local => "local (the VPC)".to_owned(),
        RouteTarget::InternetGateway(id) => format!("internet gateway {id}"),
        RouteTarget::VpnGateway(id) => format!("virtual private gateway {id}"),
        RouteTarget::TransitGateway(id) => format!("transit gateway {id}"),
        RouteTarget::Peering(id) => format!("peering connection {id}"),
        RouteTarget::NatGateway(id) => format!("NAT gateway {id}"),
        RouteTarget::Appliance(id) => format!("network appliance {id}"),
        RouteTarget::Other(id) => format!("target {id}"),
    };
    words::via(route.destination.as_deref().unwrap_or_default(), &target)
}

#[cfg(test)]
#[path = "network_tests.rs"]
mod tests;
