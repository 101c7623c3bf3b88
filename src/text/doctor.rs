//! Words of `adsso doctor` and of apply's network checks: what each check saw and the fix, with
//! the exact AWS CLI command where there is one. Ids from AWS only reach a command when they have
//! the shape AWS gives them ([`shell_id`]): a command is meant to be pasted into a shell.

use std::net::Ipv4Addr;

/// `id` when it is `<prefix>-` and letters or digits only (as AWS writes `sg-`, `acl-`, `d-`
/// ids), so it is safe in a shell command; otherwise a placeholder naming what to put there.
pub fn shell_id(id: &str, prefix: &str) -> String {
    let safe = id
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric()));
    if safe {
        id.to_owned()
    } else {
        format!("<{prefix}-id>")
    }
}

/// Addresses joined with `, `.
pub fn addresses(list: &[Ipv4Addr]) -> String {
    let text: Vec<String> = list.iter().map(ToString::to_string).collect();
    text.join(", ")
}

/// The subject of the security-group check.
pub fn sg_subject(group: &str, servers: &[Ipv4Addr]) -> String {
    format!("{group} outbound to {}", addresses(servers))
}

/// Every needed port is allowed outbound.
pub fn sg_pass(ports: &str) -> String {
    format!("outbound allowed on every port the directory needs ({ports})")
}

/// One missing outbound permission: protocol, ports, the addresses.
pub fn sg_missing_line(protocol: &str, ports: &str, to: &[Ipv4Addr]) -> String {
    format!(
        "no outbound rule allows {} {ports} to {}",
        protocol.to_uppercase(),
        addresses(to)
    )
}

/// The fix of missing outbound permissions: one `authorize-security-group-egress` command
/// (each permission in the CLI's shorthand) and the console path.
pub fn sg_fix(group: &str, missing: &[(&str, u16, u16, Vec<Ipv4Addr>)]) -> String {
    let group = shell_id(group, "sg");
    let permissions: Vec<String> = missing
        .iter()
        .map(|(protocol, first, last, to)| {
            let ranges: Vec<String> = to
                .iter()
                .map(|ip| format!("{{CidrIp={ip}/32,Description=adsso-domain-controller}}"))
                .collect();
            format!(
                "'IpProtocol={protocol},FromPort={first},ToPort={last},IpRanges=[{}]'",
                ranges.join(",")
            )
        })
        .collect();
    format!(
        "aws ec2 authorize-security-group-egress --group-id {group} --ip-permissions {}\n\
         or in the console: VPC -> Security groups -> {group} -> Outbound rules -> Edit outbound \
         rules -> Add rule (for each protocol and port above, destination the address /32)",
        permissions.join(" ")
    )
}

/// The directory has no security group to check.
pub const SG_NONE: &str = "Directory Service names no security group for this directory";

/// A read that failed: the check could not run.
pub fn unreadable(what: &str, error: &str) -> String {
    format!("could not read {what}: {error}")
}

/// The fix of a read that failed.
pub fn unreadable_fix(action: &str) -> String {
    format!("allow `{action}` to the credentials (read-only) and run `adsso doctor` again")
}

/// The directory names no subnets.
pub const NO_SUBNETS: &str = "Directory Service names no subnets for this directory";

/// The subject of the network ACL and route checks.
pub fn path_subject(subnets: &[String], servers: &[Ipv4Addr]) -> String {
    format!("{} -> {}", subnets.join(", "), addresses(servers))
}

/// Every subnet's ACL passes the traffic both ways.
pub fn nacl_pass(acls: &[String]) -> String {
    format!(
        "{} allow the needed ports to the DCs and their replies (ephemeral 1024-65535)",
        acls.join(", ")
    )
}

/// A subnet without an associated ACL in the answer.
pub fn nacl_unknown(subnet: &str) -> String {
    format!("{subnet}: no network ACL of the VPC is associated with it")
}

/// Which way a flow goes, in words.
pub fn direction(outbound: bool, address: Ipv4Addr) -> String {
    if outbound {
        format!("outbound to {address}")
    } else {
        format!("inbound from {address}")
    }
}

/// The rule that drops a flow, in words.
pub fn blocking_rule(rule: Option<i32>) -> String {
    match rule {
        Some(32767) | None => "the final `*` rule (no rule allows it)".to_owned(),
        Some(number) => format!("deny rule {number}"),
    }
}

/// One dropped flow.
pub fn nacl_blocked_line(
    subnet: &str,
    acl: &str,
    protocol: &str,
    ports: &str,
    way: &str,
    rule: &str,
) -> String {
    format!(
        "{subnet} ({acl}): {} {ports} {way} is dropped by {rule}",
        protocol.to_uppercase()
    )
}

/// The command that allows one dropped flow: a rule numbered below the one that drops it.
pub fn nacl_command(
    acl: &str,
    rule_number: i32,
    outbound: bool,
    protocol: &str,
    first: u16,
    last: u16,
    address: Ipv4Addr,
) -> String {
    let way = if outbound { "--egress" } else { "--ingress" };
    format!(
        "aws ec2 create-network-acl-entry --network-acl-id {} {way} --rule-number {rule_number} \
         --protocol {protocol} --port-range From={first},To={last} --cidr-block {address}/32 \
         --rule-action allow",
        shell_id(acl, "acl")
    )
}

/// The network ACL fix: the commands (at most a few, then how many more) and the console path.
pub fn nacl_fix(commands: &[String], more: usize) -> String {
    let mut text = commands.join("\n");
    if more > 0 {
        text.push_str(&format!("\n... and {more} more rules like these"));
    }
    text.push_str(
        "\nor in the console: VPC -> Network ACLs -> the ACL -> Inbound / Outbound rules -> Edit \
         (network ACLs are stateless: allow the replies on 1024-65535 too; a lower rule number \
         is evaluated first)",
    );
    text
}

/// Every subnet reaches every address.
pub fn route_pass(lines: &[String]) -> String {
    lines.join("; ")
}

/// How a subnet reaches an address.
pub fn route_line(subnet: &str, address: Ipv4Addr, how: &str) -> String {
    format!("{subnet} -> {address}: {how}")
}

/// A route and its target, in words.
pub fn via(destination: &str, target: &str) -> String {
    format!("via {destination} to {target}")
}

/// No route.
pub const NO_ROUTE: &str = "no route holds this address";
/// No route table.
pub const NO_TABLE: &str = "no route table (neither an explicit one nor the VPC's main table)";

/// What an internet or NAT gateway means for a private address.
pub fn route_wrong(route: &str) -> String {
    format!(
        "{route}: a private (RFC 1918) address is not reachable through an internet or NAT gateway"
    )
}

/// A target gone.
pub fn route_blackhole(route: &str) -> String {
    format!("{route} is a blackhole (its target no longer exists)")
}

/// A target that might not carry the traffic.
pub fn route_doubtful(route: &str) -> String {
    format!(
        "{route}: the directory's addresses are private, so replies through this target may \
         never come back; a VPN, Direct Connect, transit gateway or peering is the usual path"
    )
}

/// The route fix.
pub const ROUTE_FIX: &str = "add a route for the DNS servers' range to the VPN gateway, transit \
gateway or peering that reaches the self-managed network (VPC -> Route tables -> the subnet's \
table -> Routes -> Edit routes), e.g. `aws ec2 create-route --route-table-id <rtb-id> \
--destination-cidr-block <range> --transit-gateway-id <tgw-id>`";

/// Public DNS addresses without the directory's IP routes.
pub fn ip_routes_missing(missing: &[Ipv4Addr]) -> String {
    format!(
        "{} is not an RFC 1918 address and the directory has no IP route to it: the Managed AD \
         will not send traffic there",
        addresses(missing)
    )
}

/// The `add-ip-routes` fix.
pub fn ip_routes_fix(directory: &str, missing: &[Ipv4Addr]) -> String {
    let routes: Vec<String> = missing
        .iter()
        .map(|ip| format!("CidrIp={ip}/32,Description=adsso-dns-server"))
        .collect();
    format!(
        "aws ds add-ip-routes --directory-id {} --ip-routes {}\n\
         or in the console: Directory Service -> the directory -> Networking & security -> IP \
         routes -> Add IP routes",
        shell_id(directory, "d"),
        routes.join(" ")
    )
}

/// The directory does not exist yet: network and trust checks cannot run.
pub const NO_DIRECTORY: &str = "the plan's directory does not exist yet";
/// The fix when it does not exist.
pub const NO_DIRECTORY_FIX: &str = "run `adsso apply FILE`; then `adsso doctor FILE` again";

/// A check that did not pass, as one warning of apply's run: its id, what it saw and the fix.
pub fn as_warning(check: &crate::checks::Check) -> String {
    let fix = check
        .fix
        .as_deref()
        .map(|fix| format!("\nfix: {fix}"))
        .unwrap_or_default();
    let domain = if check.domain.is_empty() {
        String::new()
    } else {
        format!(" ({})", check.domain)
    };
    format!(
        "[{}]{domain} {}: {}{fix}",
        check.id, check.subject, check.detail
    )
}
