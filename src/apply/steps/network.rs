//! Pure network checks: does a security group's outbound rules let the Managed AD reach the
//! self-managed DNS servers? A missing outbound rule is the most common cause of "the domain
//! could not be contacted" when the trust is verified.

use std::net::Ipv4Addr;

use crate::aws::EgressRule;

/// Whether `cidr` (`a.b.c.d/n`) contains `ip`.
pub fn cidr_contains(cidr: &str, ip: Ipv4Addr) -> bool {
    let Some((base, bits)) = cidr.split_once('/') else {
        return false;
    };
    let (Ok(base), Ok(bits)) = (base.parse::<Ipv4Addr>(), bits.parse::<u32>()) else {
        return false;
    };
    if bits > 32 {
        return false;
    }
    let mask = if bits == 0 {
        0
    } else {
        u32::MAX << (32 - bits)
    };
    u32::from(base) & mask == u32::from(ip) & mask
}

fn allows_dns(rule: &EgressRule) -> bool {
    let covers_53 = |from: Option<i32>, to: Option<i32>| match (from, to) {
        (Some(from), Some(to)) => from == -1 || (from <= 53 && 53 <= to),
        _ => true,
    };
    match rule.protocol.as_str() {
        "-1" | "all" => true,
        "tcp" | "udp" | "6" | "17" => covers_53(rule.from_port, rule.to_port),
        _ => false,
    }
}

/// The DNS servers no outbound rule reaches on port 53.
pub fn unreachable_dns(rules: &[EgressRule], dns_servers: &[String]) -> Vec<String> {
    dns_servers
        .iter()
        .filter(|server| {
            let Ok(ip) = server.parse::<Ipv4Addr>() else {
                return true;
            };
            !rules
                .iter()
                .any(|rule| allows_dns(rule) && rule.cidrs.iter().any(|c| cidr_contains(c, ip)))
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(protocol: &str, ports: Option<(i32, i32)>, cidr: &str) -> EgressRule {
        EgressRule {
            protocol: protocol.to_owned(),
            from_port: ports.map(|p| p.0),
            to_port: ports.map(|p| p.1),
            cidrs: vec![cidr.to_owned()],
        }
    }

    #[test]
    fn cidrs_contain_what_they_should() {
        let ip = Ipv4Addr::new(10, 0, 0, 10);
        assert!(cidr_contains("0.0.0.0/0", ip));
        assert!(cidr_contains("10.0.0.0/24", ip));
        assert!(cidr_contains("10.0.0.10/32", ip));
        assert!(!cidr_contains("10.0.1.0/24", ip));
        assert!(!cidr_contains("10.0.0.0/33", ip));
        assert!(!cidr_contains("garbage", ip));
    }

    #[test]
    fn only_rules_covering_port_53_to_the_server_count() {
        let servers = vec!["10.0.0.10".to_owned(), "10.0.0.11".to_owned()];
        assert!(unreachable_dns(&[rule("-1", None, "0.0.0.0/0")], &servers).is_empty());
        assert!(
            unreachable_dns(&[rule("udp", Some((53, 53)), "10.0.0.0/24")], &servers).is_empty()
        );
        assert_eq!(unreachable_dns(&[], &servers), servers);
        assert_eq!(
            unreachable_dns(&[rule("tcp", Some((443, 443)), "0.0.0.0/0")], &servers),
            servers
        );
        assert_eq!(
            unreachable_dns(&[rule("-1", None, "10.0.0.10/32")], &servers),
            vec!["10.0.0.11".to_owned()]
        );
    }
}
