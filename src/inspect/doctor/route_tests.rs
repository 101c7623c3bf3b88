use super::*;

fn route(cidr: &str, target: RouteTarget) -> Route {
    Route {
        destination: Some(cidr.to_owned()),
        target,
        state: "active".to_owned(),
    }
}

fn table(id: &str, role: TableRole, subnets: &[&str], routes: Vec<Route>) -> RouteTable {
    RouteTable {
        id: id.to_owned(),
        vpc_id: "vpc-1".to_owned(),
        role,
        subnet_ids: subnets.iter().map(|s| (*s).to_owned()).collect(),
        routes,
    }
}

const PRIVATE: Ipv4Addr = Ipv4Addr::new(192, 168, 1, 10);
const PUBLIC: Ipv4Addr = Ipv4Addr::new(203, 0, 113, 10);

fn main_table(routes: Vec<Route>) -> Vec<RouteTable> {
    let mut all = vec![route("10.42.0.0/16", RouteTarget::Local)];
    all.extend(routes);
    vec![table("rtb-main", TableRole::Main, &[], all)]
}

#[test]
fn an_explicit_table_wins_over_the_main_one() {
    let tables = vec![
        table("rtb-main", TableRole::Main, &[], vec![]),
        table("rtb-a", TableRole::Explicit, &["subnet-a"], vec![]),
    ];
    assert_eq!(
        table_of(&tables, "subnet-a").map(|t| t.id.as_str()),
        Some("rtb-a")
    );
    assert_eq!(
        table_of(&tables, "subnet-b").map(|t| t.id.as_str()),
        Some("rtb-main")
    );
    assert!(table_of(&tables[1..], "subnet-b").is_none());
    assert_eq!(reach(&tables[1..], "subnet-b", PRIVATE), Reach::NoTable);
}

#[test]
fn the_longest_prefix_wins_down_to_32_bits() {
    let tgw = RouteTarget::TransitGateway("tgw-1".to_owned());
    let igw = RouteTarget::InternetGateway("igw-1".to_owned());
    let tables = main_table(vec![
        route("0.0.0.0/0", igw.clone()),
        route("192.168.0.0/16", tgw.clone()),
        route("192.168.1.10/32", RouteTarget::Other("lgw-1".to_owned())),
        route(
            "192.168.1.10/31",
            RouteTarget::VpnGateway("vgw-1".to_owned()),
        ),
    ]);
    assert_eq!(
        reach(&tables, "subnet-a", PRIVATE),
        Reach::Doubtful(route(
            "192.168.1.10/32",
            RouteTarget::Other("lgw-1".to_owned())
        ))
    );
    // .11 is in the /31, not the /32.
    assert_eq!(
        reach(&tables, "subnet-a", Ipv4Addr::new(192, 168, 1, 11)),
        Reach::Reaches(route(
            "192.168.1.10/31",
            RouteTarget::VpnGateway("vgw-1".to_owned())
        ))
    );
    // .12 falls back to the /16.
    assert_eq!(
        reach(&tables, "subnet-a", Ipv4Addr::new(192, 168, 1, 12)),
        Reach::Reaches(route("192.168.0.0/16", tgw))
    );
}

#[test]
fn an_internet_or_nat_gateway_is_wrong_for_a_private_address() {
    let igw = route(
        "0.0.0.0/0",
        RouteTarget::InternetGateway("igw-1".to_owned()),
    );
    let tables = main_table(vec![igw.clone()]);
    assert_eq!(reach(&tables, "s", PRIVATE), Reach::Wrong(igw.clone()));
    assert_eq!(reach(&tables, "s", PUBLIC), Reach::Doubtful(igw));
    let nat = route("0.0.0.0/0", RouteTarget::NatGateway("nat-1".to_owned()));
    assert_eq!(
        reach(&main_table(vec![nat.clone()]), "s", PRIVATE),
        Reach::Wrong(nat)
    );
}

#[test]
fn no_route_a_blackhole_and_the_local_range() {
    let tables = main_table(vec![]);
    assert_eq!(reach(&tables, "s", PRIVATE), Reach::NoRoute);
    assert_eq!(
        reach(&tables, "s", Ipv4Addr::new(10, 42, 3, 4)),
        Reach::Reaches(route("10.42.0.0/16", RouteTarget::Local))
    );
    assert_eq!(
        reach(&tables, "s", Ipv4Addr::new(10, 43, 0, 1)),
        Reach::NoRoute
    );
    let mut gone = route(
        "192.168.0.0/16",
        RouteTarget::VpnGateway("vgw-1".to_owned()),
    );
    gone.state = "blackhole".to_owned();
    assert_eq!(
        reach(&main_table(vec![gone.clone()]), "s", PRIVATE),
        Reach::Blackhole(gone)
    );
    let ipv6 = Route {
        destination: None,
        ..route("", RouteTarget::Other("eigw-1".to_owned()))
    };
    assert_eq!(reach(&main_table(vec![ipv6]), "s", PRIVATE), Reach::NoRoute);
}

#[test]
fn public_addresses_need_an_ip_route_private_ones_never() {
    let ip_route = |cidr: &str, status: &str| IpRoute {
        cidr: cidr.to_owned(),
        status: status.to_owned(),
    };
    assert_eq!(missing_ip_routes(&[], &[PRIVATE, PUBLIC]), vec![PUBLIC]);
    assert!(missing_ip_routes(&[ip_route("203.0.113.10/32", "Added")], &[PUBLIC]).is_empty());
    assert!(missing_ip_routes(&[ip_route("203.0.113.0/24", "Adding")], &[PUBLIC]).is_empty());
    assert_eq!(
        missing_ip_routes(&[ip_route("203.0.113.11/32", "Added")], &[PUBLIC]),
        vec![PUBLIC]
    );
    assert_eq!(
        missing_ip_routes(&[ip_route("203.0.113.10/32", "AddFailed")], &[PUBLIC]),
        vec![PUBLIC]
    );
    assert_eq!(
        missing_ip_routes(&[ip_route("203.0.113.10/32", "Removing")], &[PUBLIC]),
        vec![PUBLIC]
    );
}
