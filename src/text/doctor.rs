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

/// The subject of a trust check.
pub fn trust_subject(domain: &str, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("trust {id} to {domain}"),
        None => format!("trust to {domain}"),
    }
}

/// A trust's state and reason.
pub fn trust_state(state: &str, reason: &str, selective_auth: &str) -> String {
    let reason = if reason.is_empty() {
        String::new()
    } else {
        format!(": {reason}")
    };
    format!("{state}{reason} (selective authentication {selective_auth})")
}

/// No trust to the domain.
pub const TRUST_MISSING: &str = "no trust to this domain exists on the directory";
/// The fix of a missing trust.
pub const TRUST_MISSING_FIX: &str = "run `adsso apply FILE`: it creates the two-way trust";
/// The fix of a trust still in progress.
pub const TRUST_PENDING_FIX: &str = "wait: AWS is still working on the trust; once the \
self-managed side exists (`adsso onprem-script FILE`), `adsso apply FILE` verifies it";
/// The fix of a trust being deleted.
pub const TRUST_DELETING_FIX: &str =
    "wait until it is gone, then `adsso apply FILE` creates it again";

/// "Access is denied".
pub const TRUST_ACCESS_DENIED_FIX: &str = "\"Access is denied\" has three documented causes: \
(1) the trust password differs between the sides: set the same one on the self-managed DC \
(`adsso onprem-script FILE`) and in AWS (delete and re-create the trust with `adsso apply`); \
(2) the named pipes netlogon, samr and lsarpc are not allowed for anonymous access on the \
self-managed DCs (Group Policy: Network access: Named Pipes that can be accessed anonymously); \
(3) the two sides use different AD site names: rename the self-managed site to match the \
Managed AD's (Default-First-Site-Name) or give both the same site";
/// "The operation could not be performed".
pub const TRUST_NOT_PERFORMED_FIX: &str = "\"The operation could not be performed\" means the \
NetBIOS names overlap: the Managed AD's NetBIOS name must differ from every NetBIOS name of the \
self-managed forest (and its trusted domains); re-create the directory with another NetBIOS name";
/// "Could not be contacted".
pub const TRUST_NOT_CONTACTED_FIX: &str = "\"The specified domain either does not exist or \
could not be contacted\": the Managed AD cannot reach the self-managed DNS servers: check the \
conditional forwarder on both sides (`adsso status FILE`, `adsso onprem-script FILE`) and the \
network checks above (network.sg-egress: the security group's outbound rules; network.nacl; \
network.route)";
/// Selective authentication.
pub const TRUST_SELECTIVE_AUTH_FIX: &str = "with selective authentication enabled, users of the \
trusted domain need the \"Allowed to Authenticate\" permission on the computer objects they \
sign in to (the Managed AD's domain controllers); grant it, or disable selective authentication \
(`selectiveAuth: false`, then `aws ds update-trust --selective-auth Disabled`)";
/// Another reason.
pub const TRUST_OTHER_FIX: &str = "see Directory Service's trust troubleshooting guide for this \
reason; `adsso preflight FILE` checks the self-managed side (DNS, ports, Kerberos, clock)";

/// The directory's subject.
pub fn directory_subject(id: &str, name: &str) -> String {
    format!("{id} ({name})")
}

/// A directory's stage and reason.
pub fn stage(stage: &str, reason: &str) -> String {
    if reason.is_empty() {
        stage.to_owned()
    } else {
        format!("{stage}: {reason}")
    }
}

/// The fix of a directory still being created or updated.
pub const STAGE_BUSY_FIX: &str = "wait (a Managed AD takes 20-45 minutes, an AD Connector a few); \
`adsso apply FILE` waits for it";
/// The fix of an Impaired or Inoperable directory.
pub const STAGE_IMPAIRED_FIX: &str = "Impaired or Inoperable usually means the domain \
controllers lost their network (security group, NACL, route changes) or their DNS: check the \
network checks, then Directory Service's troubleshooting for the stage reason; AWS tries to \
restore it";
/// The fix of a failed directory.
pub const STAGE_FAILED_FIX: &str = "a failed directory does not recover: read the reason, fix it \
(for an AD Connector: the DNS servers must answer from the subnets, the service account must \
bind), delete it (`adsso destroy FILE`) and apply again";

/// The limits subject.
pub fn limits_subject(kind: &str) -> String {
    format!("{kind} directories in this Region")
}

/// A count against its limit.
pub fn limits_detail(current: i32, limit: i32) -> String {
    format!("{current} of {limit} used")
}

/// The fix when the limit is reached.
pub const LIMITS_FIX: &str = "delete a directory you no longer use, or ask for more in Service \
Quotas (AWS Directory Service), before `adsso apply` creates one";

/// The plan's directory exists: nothing to create.
pub const LIMITS_NOT_NEEDED: &str = "the plan's directory exists: apply creates none";

/// The Identity Center subject.
pub fn instance_subject(region: &str) -> String {
    format!("IAM Identity Center in {region}")
}

/// An instance found.
pub fn instance_detail(arn: &str, owner: &str, status: &str) -> String {
    format!("{arn} (owner account {owner}, {status})")
}

/// No instance.
pub const INSTANCE_NONE: &str = "no IAM Identity Center instance in this Region for this account";
/// Its fix.
pub const INSTANCE_NONE_FIX: &str = "enable IAM Identity Center in the plan's Region (console: \
IAM Identity Center -> Enable), or set `aws.region` to the Region where it is enabled: the \
directory must be in the same Region";
/// The instance's owner is another account.
pub fn instance_other_owner(owner: &str, account: &str) -> String {
    format!(
        "the instance belongs to account {owner}, the directory is in {account}: Identity Center \
         only offers directories of its own account"
    )
}
/// Its fix.
pub const INSTANCE_OWNER_FIX: &str = "run the plan in the Organizations management account or \
in the delegated administrator account of IAM Identity Center (the account that owns the \
instance)";
/// The plan names an instance that is not there.
pub fn instance_not_listed(arn: &str) -> String {
    format!("the plan's instance {arn} is not among the instances of this Region and account")
}
/// The instance is not ACTIVE.
pub fn instance_not_active(status: &str) -> String {
    format!("the instance is {status}, not ACTIVE")
}
/// Its fix.
pub const INSTANCE_WAIT_FIX: &str = "wait until the instance is ACTIVE, or fix \
`identityCenter.instanceArn` in the plan";

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
