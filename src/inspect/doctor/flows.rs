//! The traffic a directory needs to reach the self-managed domain controllers, per mode, and
//! the arithmetic the network checks share: port ranges, IPv4 ranges (CIDR), RFC 1918. Pure.

use std::net::Ipv4Addr;

use crate::aws::Direction;
use crate::plan::Mode;

/// An IP protocol the checks care about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Protocol {
    /// TCP (protocol number 6).
    Tcp,
    /// UDP (protocol number 17).
    Udp,
}

impl Protocol {
    /// The name security groups and the AWS CLI use: `tcp`, `udp`.
    pub fn name(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
        }
    }

    /// Whether a rule's protocol (`-1`/`all`, a name or a number, as AWS spells it) covers
    /// this one.
    pub fn matched_by(self, rule: &str) -> bool {
        let rule = rule.trim().to_ascii_lowercase();
        match self {
            Protocol::Tcp => matches!(rule.as_str(), "-1" | "all" | "tcp" | "6"),
            Protocol::Udp => matches!(rule.as_str(), "-1" | "all" | "udp" | "17"),
        }
    }
}

/// An inclusive range of ports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ports {
    /// The first port.
    pub first: u16,
    /// The last port (at least `first`).
    pub last: u16,
}

impl Ports {
    /// One port.
    pub const fn one(port: u16) -> Self {
        Ports {
            first: port,
            last: port,
        }
    }

    /// `first..=last`.
    pub const fn range(first: u16, last: u16) -> Self {
        Ports { first, last }
    }

    /// Every port.
    pub const ALL: Ports = Ports::range(0, 65535);

    /// The ephemeral ports replies come back on (AWS's advice for network ACLs: 1024-65535).
    pub const EPHEMERAL: Ports = Ports::range(1024, 65535);

    /// A rule's port range as AWS gives it (`None`, or `-1` for every port), clamped to
    /// 0-65535; `None` when the range holds no port.
    pub fn of_rule(ports: Option<(i32, i32)>) -> Option<Ports> {
        match ports {
            None | Some((-1, _)) => Some(Ports::ALL),
            Some((first, last)) => {
                let clamp = |port: i32| u16::try_from(port.clamp(0, 65535)).unwrap_or(u16::MAX);
                (first <= last && last >= 0 && first <= 65535)
                    .then(|| Ports::range(clamp(first), clamp(last)))
            }
        }
    }

    /// The parts of `self` that none of `covered` holds, in order.
    pub fn minus(self, covered: &[Ports]) -> Vec<Ports> {
        let mut left = vec![self];
        for cover in covered {
            left = left
                .into_iter()
                .flat_map(|part| part.without(*cover))
                .collect();
        }
        left
    }

    /// `self` without `cover`: nothing, one or two parts.
    fn without(self, cover: Ports) -> Vec<Ports> {
        if cover.last < self.first || cover.first > self.last {
            return vec![self];
        }
        let mut parts = Vec::new();
        if cover.first > self.first {
            parts.push(Ports::range(self.first, cover.first - 1));
        }
        if cover.last < self.last {
            parts.push(Ports::range(cover.last + 1, self.last));
        }
        parts
    }

    /// The ports both hold, if any.
    pub fn overlap(self, other: Ports) -> Option<Ports> {
        let first = self.first.max(other.first);
        let last = self.last.min(other.last);
        (first <= last).then_some(Ports::range(first, last))
    }
}

impl std::fmt::Display for Ports {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}-{}", self.first, self.last)
        }
    }
}

/// A protocol and a port range the directory needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Need {
    /// TCP or UDP.
    pub protocol: Protocol,
    /// The destination ports.
    pub ports: Ports,
}

const fn need(protocol: Protocol, ports: Ports) -> Need {
    Need { protocol, ports }
}

/// AD Connector: TCP and UDP 53, 88, 389 (Directory Service's AD Connector prerequisites).
const AD_CONNECTOR: &[Need] = &[
    need(Protocol::Tcp, Ports::one(53)),
    need(Protocol::Tcp, Ports::one(88)),
    need(Protocol::Tcp, Ports::one(389)),
    need(Protocol::Udp, Ports::one(53)),
    need(Protocol::Udp, Ports::one(88)),
    need(Protocol::Udp, Ports::one(389)),
];

/// A trust: TCP/UDP 53, 88, 389, 445, 464; UDP 123, 138; TCP 135, 636, 3268-3269 and the
/// dynamic RPC ports 49152-65535 (Directory Service's trust prerequisites).
const TRUST: &[Need] = &[
    need(Protocol::Tcp, Ports::one(53)),
    need(Protocol::Tcp, Ports::one(88)),
    need(Protocol::Tcp, Ports::one(135)),
    need(Protocol::Tcp, Ports::one(389)),
    need(Protocol::Tcp, Ports::one(445)),
    need(Protocol::Tcp, Ports::one(464)),
    need(Protocol::Tcp, Ports::one(636)),
    need(Protocol::Tcp, Ports::range(3268, 3269)),
    need(Protocol::Tcp, Ports::range(49152, 65535)),
    need(Protocol::Udp, Ports::one(53)),
    need(Protocol::Udp, Ports::one(88)),
    need(Protocol::Udp, Ports::one(123)),
    need(Protocol::Udp, Ports::one(138)),
    need(Protocol::Udp, Ports::one(389)),
    need(Protocol::Udp, Ports::one(445)),
    need(Protocol::Udp, Ports::one(464)),
];

/// What the directory of `mode` needs to reach on each self-managed DC.
pub fn needs(mode: Mode) -> &'static [Need] {
    match mode {
        Mode::AdConnector => AD_CONNECTOR,
        Mode::Trust | Mode::SimpleAd => TRUST,
    }
}

/// Traffic crossing the directory subnets' boundary, as a network ACL sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Flow {
    /// Leaving or entering the subnet.
    pub direction: Direction,
    /// TCP or UDP.
    pub protocol: Protocol,
    /// The destination ports of the packets.
    pub ports: Ports,
    /// The DC's address (destination when outbound, source when inbound).
    pub address: Ipv4Addr,
}

/// Every flow a network ACL must pass for `mode` and the DC `address`: the needed ports
/// outbound and their replies inbound on the ephemeral ports; for a trust also the other way
/// round, since the self-managed DCs open connections to the Managed AD (two-way trust).
pub fn flows(mode: Mode, address: Ipv4Addr) -> Vec<Flow> {
    let list = needs(mode);
    let mut out = Vec::new();
    for need in list {
        out.push(Flow {
            direction: Direction::Outbound,
            protocol: need.protocol,
            ports: need.ports,
            address,
        });
    }
    let both_ways = matches!(mode, Mode::Trust | Mode::SimpleAd);
    for protocol in [Protocol::Tcp, Protocol::Udp] {
        out.push(Flow {
            direction: Direction::Inbound,
            protocol,
            ports: Ports::EPHEMERAL,
            address,
        });
        if both_ways {
            out.push(Flow {
                direction: Direction::Outbound,
                protocol,
                ports: Ports::EPHEMERAL,
                address,
            });
        }
    }
    if both_ways {
        for need in list {
            out.push(Flow {
                direction: Direction::Inbound,
                protocol: need.protocol,
                ports: need.ports,
                address,
            });
        }
    }
    out
}

/// An IPv4 range `a.b.c.d/n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    base: u32,
    bits: u8,
}

impl Cidr {
    /// Parses `a.b.c.d/n` (n at most 32); `None` for anything else (IPv6 included).
    pub fn parse(text: &str) -> Option<Cidr> {
        let (base, bits) = text.trim().split_once('/')?;
        let base: Ipv4Addr = base.parse().ok()?;
        let bits: u8 = bits.parse().ok().filter(|bits| *bits <= 32)?;
        Some(Cidr {
            base: u32::from(base),
            bits,
        })
    }

    /// The prefix length.
    pub fn bits(self) -> u8 {
        self.bits
    }

    /// Whether the range holds `ip`.
    pub fn contains(self, ip: Ipv4Addr) -> bool {
        let mask = u32::MAX.checked_shl(32 - u32::from(self.bits)).unwrap_or(0);
        self.base & mask == u32::from(ip) & mask
    }
}

/// Whether `cidr` (text from AWS) holds `ip`; text that is not an IPv4 range holds nothing.
pub fn cidr_contains(cidr: &str, ip: Ipv4Addr) -> bool {
    Cidr::parse(cidr).is_some_and(|range| range.contains(ip))
}

/// Whether `ip` is a private address of RFC 1918 (10/8, 172.16/12, 192.168/16). Directory
/// Service needs IP routes (`AddIpRoutes`) for every other address.
pub fn is_rfc1918(ip: Ipv4Addr) -> bool {
    ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]
        .iter()
        .any(|range| cidr_contains(range, ip))
}

#[cfg(test)]
#[path = "flows_tests.rs"]
mod tests;
