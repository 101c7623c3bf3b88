//! `network.route`, pure: the route a directory subnet takes to a DC address. The subnet's
//! table is the one explicitly associated with it, else the VPC's main table; among its routes
//! whose IPv4 destination holds the address, the longest prefix wins.

use std::net::Ipv4Addr;

use super::flows::{Cidr, is_rfc1918};
use crate::aws::{IpRoute, Route, RouteTable, RouteTarget, TableRole};

/// Where a subnet's traffic to one address goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reach {
    /// Through a target that can carry it (local VPC range, VPN gateway, transit gateway,
    /// peering, a network appliance).
    Reaches(Route),
    /// Through a target that looks wrong but might work (an internet or NAT gateway for a
    /// public address, a target adsso does not know).
    Doubtful(Route),
    /// Through an internet or NAT gateway for a private (RFC 1918) address: never arrives.
    Wrong(Route),
    /// The best route's target is gone (`blackhole`).
    Blackhole(Route),
    /// No route holds the address.
    NoRoute,
    /// The subnet has no table (no explicit one and no main table seen).
    NoTable,
}

/// The table that routes `subnet`: its explicit association, else the main table.
pub fn table_of<'a>(tables: &'a [RouteTable], subnet: &str) -> Option<&'a RouteTable> {
    tables
        .iter()
        .find(|table| table.subnet_ids.iter().any(|id| id == subnet))
        .or_else(|| tables.iter().find(|table| table.role == TableRole::Main))
}

/// The route of `table` with the longest IPv4 prefix holding `address`.
pub fn best_route(table: &RouteTable, address: Ipv4Addr) -> Option<&Route> {
    table
        .routes
        .iter()
        .filter_map(|route| {
            let cidr = Cidr::parse(route.destination.as_deref()?)?;
            cidr.contains(address).then_some((cidr.bits(), route))
        })
        .max_by_key(|(bits, _)| *bits)
        .map(|(_, route)| route)
}

/// Where `subnet`'s traffic to `address` goes.
pub fn reach(tables: &[RouteTable], subnet: &str, address: Ipv4Addr) -> Reach {
    let Some(table) = table_of(tables, subnet) else {
        return Reach::NoTable;
    };
    let Some(route) = best_route(table, address) else {
        return Reach::NoRoute;
    };
    if route.state.eq_ignore_ascii_case("blackhole") {
        return Reach::Blackhole(route.clone());
    }
    let private = is_rfc1918(address);
    match &route.target {
        RouteTarget::Local
        | RouteTarget::VpnGateway(_)
        | RouteTarget::TransitGateway(_)
        | RouteTarget::Peering(_)
        | RouteTarget::Appliance(_) => Reach::Reaches(route.clone()),
        RouteTarget::InternetGateway(_) | RouteTarget::NatGateway(_) if private => {
            Reach::Wrong(route.clone())
        }
        RouteTarget::InternetGateway(_) | RouteTarget::NatGateway(_) | RouteTarget::Other(_) => {
            Reach::Doubtful(route.clone())
        }
    }
}

/// The public (non-RFC 1918) addresses no IP route of the directory holds. A route whose
/// status is a failure (`AddFailed`, `RemoveFailed`) or that is being removed does not count.
pub fn missing_ip_routes(routes: &[IpRoute], addresses: &[Ipv4Addr]) -> Vec<Ipv4Addr> {
    addresses
        .iter()
        .copied()
        .filter(|address| !is_rfc1918(*address))
        .filter(|address| {
            !routes.iter().any(|route| {
                let usable = !route.status.contains("Fail") && !route.status.starts_with("Remov");
                usable && Cidr::parse(&route.cidr).is_some_and(|cidr| cidr.contains(*address))
            })
        })
        .collect()
}

#[cfg(test)]
#[path = "route_tests.rs"]
mod tests;
