use super::*;

#[test]
fn cidrs_hold_what_they_should_at_every_limit() {
    let ip = Ipv4Addr::new(10, 0, 0, 10);
    assert!(cidr_contains("0.0.0.0/0", ip));
    assert!(cidr_contains("10.0.0.10/32", ip));
    assert!(!cidr_contains("10.0.0.11/32", ip));
    // /31 holds .10 and .11, not .12.
    assert!(cidr_contains("10.0.0.10/31", Ipv4Addr::new(10, 0, 0, 11)));
    assert!(!cidr_contains("10.0.0.10/31", Ipv4Addr::new(10, 0, 0, 12)));
    assert!(!cidr_contains("10.0.0.10/31", Ipv4Addr::new(10, 0, 0, 9)));
    assert!(cidr_contains("10.0.0.0/24", ip));
    assert!(!cidr_contains("10.0.1.0/24", ip));
    for bad in ["10.0.0.0/33", "garbage", "10.0.0.0", "::/0", "10.0.0/8", ""] {
        assert!(!cidr_contains(bad, ip), "{bad}");
    }
    assert_eq!(Cidr::parse("10.0.0.0/8").map(Cidr::bits), Some(8));
}

#[test]
fn rfc1918_has_exactly_its_three_ranges() {
    let private = |a, b, c, d| is_rfc1918(Ipv4Addr::new(a, b, c, d));
    assert!(private(10, 255, 255, 255));
    assert!(!private(11, 0, 0, 0));
    assert!(private(172, 16, 0, 0) && private(172, 31, 255, 255));
    assert!(!private(172, 15, 255, 255) && !private(172, 32, 0, 0));
    assert!(private(192, 168, 0, 1));
    assert!(!private(192, 169, 0, 1));
    assert!(!private(100, 64, 0, 1), "carrier-grade NAT is not RFC 1918");
    assert!(!private(203, 0, 113, 10));
}

#[test]
fn port_ranges_subtract_at_their_edges() {
    let dynamic = Ports::range(49152, 65535);
    assert_eq!(dynamic.minus(&[Ports::range(49152, 65535)]), vec![]);
    assert_eq!(
        dynamic.minus(&[Ports::range(49153, 65535)]),
        vec![Ports::one(49152)]
    );
    assert_eq!(
        dynamic.minus(&[Ports::range(1024, 65534)]),
        vec![Ports::one(65535)]
    );
    assert_eq!(dynamic.minus(&[Ports::range(0, 49151)]), vec![dynamic]);
    assert_eq!(
        dynamic.minus(&[Ports::range(50000, 50001)]),
        vec![Ports::range(49152, 49999), Ports::range(50002, 65535)]
    );
    assert_eq!(dynamic.minus(&[Ports::ALL]), vec![]);
    assert_eq!(
        Ports::one(53).overlap(Ports::range(53, 88)),
        Some(Ports::one(53))
    );
    assert_eq!(Ports::one(52).overlap(Ports::range(53, 88)), None);
    assert_eq!(Ports::range(3268, 3269).to_string(), "3268-3269");
    assert_eq!(Ports::one(53).to_string(), "53");
}

#[test]
fn rule_ranges_as_aws_gives_them() {
    assert_eq!(Ports::of_rule(None), Some(Ports::ALL));
    assert_eq!(Ports::of_rule(Some((-1, -1))), Some(Ports::ALL));
    assert_eq!(Ports::of_rule(Some((53, 53))), Some(Ports::one(53)));
    assert_eq!(Ports::of_rule(Some((0, 70000))), Some(Ports::ALL));
    assert_eq!(Ports::of_rule(Some((90, 80))), None);
}

#[test]
fn protocols_match_by_name_number_or_all() {
    for rule in ["-1", "all", "tcp", "6", " TCP "] {
        assert!(Protocol::Tcp.matched_by(rule), "{rule}");
    }
    for rule in ["udp", "17", "1", "icmp", "58", ""] {
        assert!(!Protocol::Tcp.matched_by(rule), "{rule}");
    }
    assert!(Protocol::Udp.matched_by("17") && Protocol::Udp.matched_by("-1"));
    assert!(!Protocol::Udp.matched_by("6"));
}

#[test]
fn the_modes_need_their_documented_ports() {
    let has = |mode, protocol, ports| needs(mode).contains(&Need { protocol, ports });
    for port in [53, 88, 389] {
        assert!(has(Mode::AdConnector, Protocol::Tcp, Ports::one(port)));
        assert!(has(Mode::AdConnector, Protocol::Udp, Ports::one(port)));
    }
    assert_eq!(needs(Mode::AdConnector).len(), 6);
    assert!(has(Mode::Trust, Protocol::Udp, Ports::one(123)));
    assert!(has(Mode::Trust, Protocol::Udp, Ports::one(138)));
    assert!(!has(Mode::Trust, Protocol::Tcp, Ports::one(123)));
    assert!(has(Mode::Trust, Protocol::Tcp, Ports::range(49152, 65535)));
    assert!(has(Mode::Trust, Protocol::Tcp, Ports::range(3268, 3269)));
    assert!(!has(Mode::Trust, Protocol::Udp, Ports::one(636)));
}

#[test]
fn flows_go_both_ways_for_a_trust_and_replies_only_for_a_connector() {
    let ip = Ipv4Addr::new(10, 0, 0, 10);
    let connector = flows(Mode::AdConnector, ip);
    let inbound: Vec<&Flow> = connector
        .iter()
        .filter(|f| f.direction == Direction::Inbound)
        .collect();
    assert_eq!(inbound.len(), 2);
    assert!(inbound.iter().all(|f| f.ports == Ports::EPHEMERAL));
    let trust = flows(Mode::Trust, ip);
    assert!(trust.iter().any(|f| f.direction == Direction::Inbound
        && f.protocol == Protocol::Tcp
        && f.ports == Ports::one(88)));
    assert!(trust.iter().any(|f| f.direction == Direction::Outbound
        && f.protocol == Protocol::Udp
        && f.ports == Ports::EPHEMERAL));
}
