//! `network.sg-egress`, pure: which needed ports no outbound rule of the directory's security
//! group allows, per DC address. Security groups are stateful: replies need no rule.

use std::net::Ipv4Addr;

use super::flows::{Need, Ports, Protocol, cidr_contains};
use crate::aws::EgressRule;

/// Ports a DC address needs that no outbound rule allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct EgressGap {
    /// TCP or UDP.
    pub protocol: Protocol,
    /// The ports not allowed (part of a needed range, or all of it).
    pub ports: Ports,
    /// The DC.
    pub address: Ipv4Addr,
}

/// The port ranges `rules` allow to `address` over `protocol`.
fn allowed(rules: &[EgressRule], protocol: Protocol, address: Ipv4Addr) -> Vec<Ports> {
    rules
        .iter()
        .filter(|rule| protocol.matched_by(&rule.protocol))
        .filter(|rule| rule.cidrs.iter().any(|cidr| cidr_contains(cidr, address)))
        .filter_map(|rule| {
            if rule.protocol == "-1" || rule.protocol.eq_ignore_ascii_case("all") {
                return Some(Ports::ALL);
            }
            Ports::of_rule(rule.from_port.zip(rule.to_port))
        })
        .collect()
}

/// Every needed port range (of `needs`) each of `addresses` lacks, in address order.
pub fn egress_gaps(rules: &[EgressRule], needs: &[Need], addresses: &[Ipv4Addr]) -> Vec<EgressGap> {
    let mut gaps = Vec::new();
    for &address in addresses {
        for need in needs {
            let covered = allowed(rules, need.protocol, address);
            for ports in need.ports.minus(&covered) {
                gaps.push(EgressGap {
                    protocol: need.protocol,
                    ports,
                    address,
                });
            }
        }
    }
    gaps
}

/// The gaps grouped for one `authorize-security-group-egress` permission each: protocol and
/// ports, with every address that lacks them (sorted, each once).
pub fn grouped(gaps: &[EgressGap]) -> Vec<(Protocol, Ports, Vec<Ipv4Addr>)> {
    let mut groups: Vec<(Protocol, Ports, Vec<Ipv4Addr>)> = Vec::new();
    let mut sorted = gaps.to_vec();
    sorted.sort();
    for gap in sorted {
        match groups
            .iter_mut()
            .find(|(protocol, ports, _)| *protocol == gap.protocol && *ports == gap.ports)
        {
            Some((_, _, addresses)) if !addresses.contains(&gap.address) => {
                addresses.push(gap.address);
            }
            Some(_) => {}
            None => groups.push((gap.protocol, gap.ports, vec![gap.address])),
        }
    }
    for (_, _, addresses) in &mut groups {
        addresses.sort();
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inspect::doctor::flows::needs;
    use crate::plan::Mode;

    fn rule(protocol: &str, ports: Option<(i32, i32)>, cidr: &str) -> EgressRule {
        EgressRule {
            protocol: protocol.to_owned(),
            from_port: ports.map(|p| p.0),
            to_port: ports.map(|p| p.1),
            cidrs: vec![cidr.to_owned()],
        }
    }

    const DC: Ipv4Addr = Ipv4Addr::new(10, 0, 0, 10);
    const DC2: Ipv4Addr = Ipv4Addr::new(10, 0, 0, 11);

    #[test]
    fn the_default_allow_all_rule_leaves_no_gap() {
        let rules = [rule("-1", None, "0.0.0.0/0")];
        assert!(egress_gaps(&rules, needs(Mode::Trust), &[DC, DC2]).is_empty());
    }

    #[test]
    fn an_all_protocols_rule_allows_every_port_whatever_ports_it_carries() {
        for protocol in ["-1", "all"] {
            let rules = [rule(protocol, Some((0, 0)), "10.0.0.0/8")];
            assert!(
                egress_gaps(&rules, needs(Mode::Trust), &[DC]).is_empty(),
                "{protocol}"
            );
        }
    }

    #[test]
    fn an_address_given_twice_is_named_once_per_permission() {
        let gaps = egress_gaps(&[], needs(Mode::AdConnector), &[DC, DC]);
        let groups = grouped(&gaps);
        assert_eq!(groups.len(), 6);
        assert!(
            groups
                .iter()
                .all(|(_, _, addresses)| addresses == &vec![DC])
        );
    }

    #[test]
    fn no_rule_leaves_every_needed_port() {
        let gaps = egress_gaps(&[], needs(Mode::AdConnector), &[DC]);
        assert_eq!(gaps.len(), 6);
        assert!(gaps.contains(&EgressGap {
            protocol: Protocol::Udp,
            ports: Ports::one(389),
            address: DC
        }));
    }

    #[test]
    fn the_dynamic_range_is_checked_to_its_first_and_last_port() {
        let tcp = |from, to| rule("tcp", Some((from, to)), "10.0.0.0/24");
        let mut rules = vec![rule("-1", None, "10.0.0.10/32")];
        assert!(egress_gaps(&rules, needs(Mode::Trust), &[DC]).is_empty());
        rules = vec![tcp(0, 49151), rule("udp", None, "10.0.0.0/24")];
        let gaps = egress_gaps(&rules, needs(Mode::Trust), &[DC]);
        assert_eq!(
            gaps,
            vec![EgressGap {
                protocol: Protocol::Tcp,
                ports: Ports::range(49152, 65535),
                address: DC
            }]
        );
        rules = vec![tcp(0, 65534), rule("udp", Some((0, 65535)), "10.0.0.0/24")];
        let gaps = egress_gaps(&rules, needs(Mode::Trust), &[DC]);
        assert_eq!(gaps.len(), 1);
        assert_eq!(gaps[0].ports, Ports::one(65535));
    }

    #[test]
    fn a_rule_to_another_address_or_protocol_does_not_count() {
        let rules = [
            rule("-1", None, "10.0.0.11/32"),
            rule("tcp", Some((0, 65535)), "10.0.0.10/32"),
        ];
        let gaps = egress_gaps(&rules, needs(Mode::AdConnector), &[DC, DC2]);
        assert!(
            gaps.iter()
                .all(|g| g.address == DC && g.protocol == Protocol::Udp)
        );
        assert_eq!(gaps.len(), 3);
        let narrow = [rule("-1", None, "10.0.0.10/31")];
        assert!(egress_gaps(&narrow, needs(Mode::AdConnector), &[DC, DC2]).is_empty());
        let narrower = [rule("-1", None, "10.0.0.10/32")];
        assert_eq!(
            egress_gaps(&narrower, needs(Mode::AdConnector), &[DC, DC2]).len(),
            6
        );
    }

    #[test]
    fn port_53_alone_leaves_the_rest_of_the_trust_ports() {
        let rules = [
            rule("tcp", Some((53, 53)), "0.0.0.0/0"),
            rule("udp", Some((53, 53)), "0.0.0.0/0"),
        ];
        let gaps = egress_gaps(&rules, needs(Mode::Trust), &[DC]);
        assert!(!gaps.iter().any(|g| g.ports == Ports::one(53)));
        assert!(gaps.iter().any(|g| g.ports == Ports::one(88)));
    }

    #[test]
    fn gaps_group_by_port_with_each_address_once() {
        let gaps = egress_gaps(&[], needs(Mode::AdConnector), &[DC2, DC]);
        let groups = grouped(&gaps);
        assert_eq!(groups.len(), 6);
        assert!(
            groups
                .iter()
                .all(|(_, _, addresses)| addresses == &vec![DC, DC2])
        );
        assert_eq!(groups[0].0, Protocol::Tcp);
        assert_eq!(groups[0].1, Ports::one(53));
    }
}
