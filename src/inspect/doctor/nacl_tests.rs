use std::net::Ipv4Addr;

use super::*;
use crate::aws::Direction;
use crate::inspect::doctor::flows::Protocol;

const DC: Ipv4Addr = Ipv4Addr::new(10, 0, 0, 10);

fn entry(
    n: i32,
    protocol: &str,
    action: RuleAction,
    egress: bool,
    cidr: &str,
    ports: Option<(i32, i32)>,
) -> AclEntry {
    AclEntry {
        rule_number: n,
        protocol: protocol.to_owned(),
        action,
        direction: if egress {
            Direction::Outbound
        } else {
            Direction::Inbound
        },
        cidr: Some(cidr.to_owned()),
        ports,
    }
}

fn acl(entries: Vec<AclEntry>) -> NetworkAcl {
    NetworkAcl {
        id: "acl-1".to_owned(),
        vpc_id: "vpc-1".to_owned(),
        subnet_ids: vec!["subnet-a".to_owned()],
        entries,
    }
}

/// AWS's default ACL: allow everything, then the `*` deny, both ways.
fn default_acl() -> Vec<AclEntry> {
    let mut out = Vec::new();
    for egress in [true, false] {
        out.push(entry(
            100,
            "-1",
            RuleAction::Allow,
            egress,
            "0.0.0.0/0",
            None,
        ));
        out.push(entry(
            DEFAULT_RULE,
            "-1",
            RuleAction::Deny,
            egress,
            "0.0.0.0/0",
            None,
        ));
    }
    out
}

fn flow(direction: Direction, protocol: Protocol, ports: Ports) -> Flow {
    Flow {
        direction,
        protocol,
        ports,
        address: DC,
    }
}

const OUT_TCP_88: Flow = Flow {
    direction: Direction::Outbound,
    protocol: Protocol::Tcp,
    ports: Ports::one(88),
    address: DC,
};

#[test]
fn the_default_acl_passes_everything() {
    let acl = acl(default_acl());
    for direction in [Direction::Outbound, Direction::Inbound] {
        for protocol in [Protocol::Tcp, Protocol::Udp] {
            assert!(blocked(&acl, &flow(direction, protocol, Ports::ALL)).is_empty());
        }
    }
}

#[test]
fn the_lowest_rule_number_decides_whatever_the_listed_order() {
    let mut entries = default_acl();
    entries.push(entry(
        99,
        "6",
        RuleAction::Deny,
        true,
        "10.0.0.10/32",
        Some((88, 88)),
    ));
    let found = blocked(&acl(entries.clone()), &OUT_TCP_88);
    assert_eq!(
        found,
        vec![Blocked {
            flow: OUT_TCP_88,
            by: BlockedBy::Rule(99)
        }]
    );
    // The same deny after the allow-all (101) never matches.
    entries.last_mut().unwrap().rule_number = 101;
    assert!(blocked(&acl(entries), &OUT_TCP_88).is_empty());
}

#[test]
fn a_deny_for_another_address_protocol_port_or_direction_does_not_match() {
    for deny in [
        entry(
            1,
            "6",
            RuleAction::Deny,
            true,
            "10.0.0.11/32",
            Some((88, 88)),
        ),
        entry(
            1,
            "17",
            RuleAction::Deny,
            true,
            "10.0.0.10/32",
            Some((88, 88)),
        ),
        entry(
            1,
            "6",
            RuleAction::Deny,
            true,
            "10.0.0.10/32",
            Some((89, 90)),
        ),
        entry(
            1,
            "6",
            RuleAction::Deny,
            false,
            "10.0.0.10/32",
            Some((88, 88)),
        ),
        entry(1, "1", RuleAction::Deny, true, "0.0.0.0/0", None),
    ] {
        let mut entries = default_acl();
        entries.push(deny.clone());
        assert!(blocked(&acl(entries), &OUT_TCP_88).is_empty(), "{deny:?}");
    }
}

#[test]
fn an_allow_before_a_deny_wins_and_only_for_its_ports() {
    let entries = vec![
        entry(
            10,
            "6",
            RuleAction::Allow,
            true,
            "10.0.0.0/24",
            Some((49152, 60000)),
        ),
        entry(20, "-1", RuleAction::Deny, true, "0.0.0.0/0", None),
    ];
    let dynamic = flow(
        Direction::Outbound,
        Protocol::Tcp,
        Ports::range(49152, 65535),
    );
    assert_eq!(
        blocked(&acl(entries), &dynamic),
        vec![Blocked {
            flow: flow(
                Direction::Outbound,
                Protocol::Tcp,
                Ports::range(60001, 65535)
            ),
            by: BlockedBy::Rule(20)
        }]
    );
}

#[test]
fn ephemeral_replies_need_the_whole_range_1024_to_65535() {
    let inbound = |from, to| {
        vec![entry(
            100,
            "6",
            RuleAction::Allow,
            false,
            "10.0.0.0/8",
            Some((from, to)),
        )]
    };
    let replies = flow(Direction::Inbound, Protocol::Tcp, Ports::EPHEMERAL);
    assert!(blocked(&acl(inbound(1024, 65535)), &replies).is_empty());
    assert_eq!(
        blocked(&acl(inbound(1025, 65535)), &replies),
        vec![Blocked {
            flow: flow(Direction::Inbound, Protocol::Tcp, Ports::one(1024)),
            by: BlockedBy::NoRule
        }]
    );
    assert!(blocked(&acl(inbound(0, 65535)), &replies).is_empty());
}

#[test]
fn no_matching_rule_means_denied() {
    assert_eq!(
        blocked(&acl(vec![]), &OUT_TCP_88),
        vec![Blocked {
            flow: OUT_TCP_88,
            by: BlockedBy::NoRule
        }]
    );
    let ipv6_only = AclEntry {
        cidr: None,
        ..entry(1, "-1", RuleAction::Allow, true, "", None)
    };
    assert_eq!(blocked(&acl(vec![ipv6_only]), &OUT_TCP_88).len(), 1);
}

#[test]
fn the_acl_of_a_subnet_is_the_one_associated() {
    let acls = [acl(vec![])];
    assert_eq!(
        acl_of(&acls, "subnet-a").map(|a| a.id.as_str()),
        Some("acl-1")
    );
    assert!(acl_of(&acls, "subnet-b").is_none());
}
