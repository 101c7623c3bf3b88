//! What adsso reads of a VPC's network path and a directory's reach, in its own types: network
//! ACLs and route tables (`ec2`), the directory's IP routes and limits (`ds`). `doctor` and
//! apply's network checks evaluate them ([`crate::inspect::doctor`]).

/// Whether a network ACL rule lets traffic through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleAction {
    /// `allow`.
    Allow,
    /// `deny` (and any action this version of adsso does not know: the safe reading).
    Deny,
}

/// Which way traffic crosses a subnet's boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Direction {
    /// Leaving the subnet (a network ACL's `egress` rules, a security group's outbound rules).
    Outbound,
    /// Entering the subnet.
    Inbound,
}

/// One rule of a network ACL (`NetworkAclEntry`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AclEntry {
    /// Rules are evaluated from the lowest number up; the first that matches decides.
    pub rule_number: i32,
    /// The IP protocol number as text: `-1` (every protocol), `6` (TCP), `17` (UDP), ...
    pub protocol: String,
    /// Allow or deny.
    pub action: RuleAction,
    /// Outbound (`egress` true) or inbound.
    pub direction: Direction,
    /// The IPv4 range (`None` for an IPv6 rule, which never matches an IPv4 address).
    pub cidr: Option<String>,
    /// The first and last port (`None`: every port).
    pub ports: Option<(i32, i32)>,
}

/// A network ACL and the subnets it is associated with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetworkAcl {
    /// `acl-` id.
    pub id: String,
    /// Its VPC.
    pub vpc_id: String,
    /// The subnets associated with it.
    pub subnet_ids: Vec<String>,
    /// Its rules, in the order AWS listed them (evaluation sorts them by number).
    pub entries: Vec<AclEntry>,
}

/// Where a route sends traffic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteTarget {
    /// `local`: the VPC's own range.
    Local,
    /// An internet gateway (`igw-`).
    InternetGateway(String),
    /// A virtual private gateway of a Site-to-Site VPN or Direct Connect (`vgw-`).
    VpnGateway(String),
    /// A transit gateway (`tgw-`).
    TransitGateway(String),
    /// A VPC peering connection (`pcx-`).
    Peering(String),
    /// A NAT gateway (`nat-`).
    NatGateway(String),
    /// An instance or network interface (a network appliance).
    Appliance(String),
    /// Another target (egress-only gateway, carrier or local gateway, core network, ...).
    Other(String),
}

/// The target a route's `gatewayId` names: `local`, an internet gateway (`igw-`), a virtual
/// private gateway (`vgw-`), or another gateway.
pub fn gateway_target(id: String) -> RouteTarget {
    if id == "local" {
        RouteTarget::Local
    } else if id.starts_with("igw-") {
        RouteTarget::InternetGateway(id)
    } else if id.starts_with("vgw-") {
        RouteTarget::VpnGateway(id)
    } else {
        RouteTarget::Other(id)
    }
}

/// One route of a route table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The IPv4 destination (`None` for IPv6 or prefix-list routes).
    pub destination: Option<String>,
    /// Where it sends traffic.
    pub target: RouteTarget,
    /// `active` or `blackhole` (its target is gone), as AWS spells it.
    pub state: String,
}

/// How a route table is associated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TableRole {
    /// Only the subnets it names explicitly.
    #[default]
    Explicit,
    /// The VPC's main table: every subnet without an explicit association.
    Main,
}

/// A route table (`ec2 DescribeRouteTables`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RouteTable {
    /// `rtb-` id.
    pub id: String,
    /// Its VPC.
    pub vpc_id: String,
    /// Main or not.
    pub role: TableRole,
    /// The subnets explicitly associated with it.
    pub subnet_ids: Vec<String>,
    /// Its routes.
    pub routes: Vec<Route>,
}

/// One IP route of a directory (`ds ListIpRoutes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IpRoute {
    /// The IPv4 range.
    pub cidr: String,
    /// `Added`, `Adding`, `Removing`, `AddFailed`, ..., as AWS spells it.
    pub status: String,
}

/// One count against its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Limit {
    /// Directories of this kind in the Region.
    pub current: i32,
    /// How many the Region allows.
    pub limit: i32,
    /// Whether AWS says the limit is reached.
    pub reached: bool,
}

/// The directory limits of the Region (`ds GetDirectoryLimits`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DirectoryLimits {
    /// AWS Managed Microsoft AD directories.
    pub managed_ad: Limit,
    /// Connected directories (AD Connector).
    pub connected: Limit,
    /// Cloud-only directories (Simple AD).
    pub cloud_only: Limit,
}
