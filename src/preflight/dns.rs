//! DNS checks: every DNS server of the plan, over UDP and over TCP, answers the SRV records
//! Directory Service relies on; the domain controllers they name resolve; the LDAP and Kerberos
//! sets share a DC. Queries go only to the plan's servers, one attempt each, all concurrently.

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use futures_util::future::join_all;
use hickory_resolver::config::{
    ConnectionConfig, NameServerConfig, ResolveHosts, ResolverConfig, ResolverOpts,
};
use hickory_resolver::net::NetError;
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::{RData, RecordType};
use hickory_resolver::{Resolver, TokioResolver};

use crate::checks::{Check, CheckId, Status};
use crate::text::preflight as words;

/// The transport of a DNS query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// UDP port 53.
    Udp,
    /// TCP port 53.
    Tcp,
}

/// The SRV records a domain must publish, and what they locate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// `_ldap._tcp.dc._msdcs.<domain>`: domain controllers.
    DcLocator,
    /// `_ldap._tcp.<domain>`: LDAP servers.
    Ldap,
    /// `_kerberos._tcp.<domain>`: KDCs.
    Kerberos,
}

impl Service {
    const ALL: [Service; 3] = [Service::DcLocator, Service::Ldap, Service::Kerberos];

    /// The SRV owner name for `domain` (fully qualified, with the final dot).
    pub fn record(self, domain: &str) -> String {
        match self {
            Service::DcLocator => format!("_ldap._tcp.dc._msdcs.{domain}."),
            Service::Ldap => format!("_ldap._tcp.{domain}."),
            Service::Kerberos => format!("_kerberos._tcp.{domain}."),
        }
    }
}

/// A domain controller found through SRV records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainController {
    /// Its DNS name, without the final dot.
    pub name: String,
    /// Its IPv4 addresses (empty when it does not resolve).
    pub addresses: Vec<Ipv4Addr>,
    /// Named by the LDAP SRV records.
    pub ldap: bool,
    /// Named by the Kerberos SRV records.
    pub kerberos: bool,
}

/// What the DNS checks found.
#[derive(Debug, Default)]
pub struct DnsFindings {
    /// The checks.
    pub checks: Vec<Check>,
    /// The domain controllers, by name.
    pub controllers: Vec<DomainController>,
}

/// How one query ended.
enum Answer {
    /// SRV targets.
    Targets(Vec<String>),
    /// The server answered, without records (NXDOMAIN or empty).
    Empty(String),
    /// The server did not answer (timeout, refused connection...).
    Silent(String),
}

fn resolver(
    server: Ipv4Addr,
    transport: Transport,
    timeout: Duration,
) -> Result<TokioResolver, NetError> {
    let connection = match transport {
        Transport::Udp => ConnectionConfig::udp(),
        Transport::Tcp => ConnectionConfig::tcp(),
    };
    let config = ResolverConfig::from_name_servers(vec![NameServerConfig::new(
        IpAddr::V4(server),
        true,
        vec![connection],
    )]);
    let mut options = ResolverOpts::default();
    options.timeout = timeout;
    options.attempts = 0;
    options.cache_size = 0;
    options.use_hosts_file = ResolveHosts::Never;
    options.ndots = 0;
    Resolver::builder_with_config(config, TokioRuntimeProvider::default())
        .with_options(options)
        .build()
}

fn explain(error: &NetError) -> Answer {
    if error.is_nx_domain() {
        Answer::Empty(words::DNS_NXDOMAIN.to_owned())
    } else if error.is_no_records_found() {
        Answer::Empty(words::DNS_NO_RECORDS.to_owned())
    } else if matches!(error, NetError::Timeout) {
        Answer::Silent(words::DNS_TIMEOUT.to_owned())
    } else {
        Answer::Silent(error.to_string())
    }
}

async fn srv(resolver: &TokioResolver, name: String) -> Answer {
    match resolver.lookup(name, RecordType::SRV).await {
        Ok(lookup) => {
            let targets: Vec<String> = lookup
                .answers()
                .iter()
                .filter_map(|record| match &record.data {
                    RData::SRV(srv) => Some(
                        srv.target
                            .to_ascii()
                            .trim_end_matches('.')
                            .to_ascii_lowercase(),
                    ),
                    _ => None,
                })
                .collect();
            if targets.is_empty() {
                Answer::Empty(words::DNS_NO_RECORDS.to_owned())
            } else {
                Answer::Targets(targets)
            }
        }
        Err(error) => explain(&error),
    }
}

/// Queries the three SRV records from one server over one transport; returns the check and the
/// targets per service.
async fn server_check(
    server: Ipv4Addr,
    transport: Transport,
    domain: &str,
    timeout: Duration,
) -> (Check, Vec<(Service, Vec<String>)>) {
    let title = words::dns_server_title(server, transport == Transport::Tcp);
    let resolver = match resolver(server, transport, timeout) {
        Ok(resolver) => resolver,
        Err(error) => {
            return (
                Check::problem(
                    CheckId::DnsServer,
                    Status::Fail,
                    title,
                    error.to_string(),
                    words::DNS_SERVER_FIX,
                ),
                Vec::new(),
            );
        }
    };
    let answers =
        join_all(Service::ALL.map(|service| srv(&resolver, service.record(domain)))).await;
    let mut found = Vec::new();
    let mut missing = Vec::new();
    let mut silent = Vec::new();
    for (service, answer) in Service::ALL.into_iter().zip(answers) {
        match answer {
            Answer::Targets(targets) => found.push((service, targets)),
            Answer::Empty(why) => missing.push(format!("{} ({why})", service.record(domain))),
            Answer::Silent(why) => {
                missing.push(format!("{} ({why})", service.record(domain)));
                silent.push(why);
            }
        }
    }
    let check = if missing.is_empty() {
        Check::pass(CheckId::DnsServer, title, words::DNS_ALL_SRV)
    } else if silent.len() == Service::ALL.len() {
        silent.dedup();
        let detail = format!("{} ({})", words::DNS_DEAD, silent.join("; "));
        Check::problem(
            CheckId::DnsServer,
            Status::Fail,
            title,
            detail,
            words::DNS_SERVER_FIX,
        )
    } else {
        Check::problem(
            CheckId::DnsServer,
            Status::Fail,
            title,
            missing.join("; "),
            words::DNS_SRV_FIX,
        )
    };
    (check, found)
}

/// Runs every DNS check for `domain` against `servers`.
pub async fn check(servers: &[Ipv4Addr], domain: &str, timeout: Duration) -> DnsFindings {
    let probes = servers
        .iter()
        .flat_map(|server| [(*server, Transport::Udp), (*server, Transport::Tcp)])
        .map(|(server, transport)| server_check(server, transport, domain, timeout));
    let results = join_all(probes).await;
    let mut findings = DnsFindings::default();
    let mut by_name: BTreeMap<String, DomainController> = BTreeMap::new();
    let mut working = Vec::new();
    for ((check, found), server) in results
        .into_iter()
        .zip(servers.iter().flat_map(|s| [*s, *s]))
    {
        if check.status == Status::Pass {
            working.push(server);
        }
        findings.checks.push(check);
        for (service, targets) in found {
            for target in targets {
                let controller =
                    by_name
                        .entry(target.clone())
                        .or_insert_with(|| DomainController {
                            name: target,
                            addresses: Vec::new(),
                            ldap: false,
                            kerberos: false,
                        });
                match service {
                    Service::DcLocator | Service::Ldap => controller.ldap = true,
                    Service::Kerberos => controller.kerberos = true,
                }
            }
        }
    }
    let mut controllers: Vec<DomainController> = by_name.into_values().collect();
    resolve_controllers(
        &mut controllers,
        working.first().copied(),
        timeout,
        &mut findings.checks,
    )
    .await;
    shared_controller(&controllers, &mut findings.checks);
    findings.controllers = controllers;
    findings
}

/// Resolves each DC name to IPv4 addresses through a server that answered.
async fn resolve_controllers(
    controllers: &mut [DomainController],
    server: Option<Ipv4Addr>,
    timeout: Duration,
    checks: &mut Vec<Check>,
) {
    let Some(server) = server else {
        checks.push(Check::problem(
            CheckId::DnsController,
            Status::Fail,
            words::DC_RESOLVE_TITLE,
            words::NO_DC_FOUND,
            words::DNS_SRV_FIX,
        ));
        return;
    };
    let Ok(resolver) = resolver(server, Transport::Udp, timeout) else {
        return;
    };
    let names: Vec<String> = controllers.iter().map(|c| format!("{}.", c.name)).collect();
    let results = join_all(
        names
            .into_iter()
            .map(|name| resolver.lookup(name, RecordType::A)),
    )
    .await;
    for (controller, result) in controllers.iter_mut().zip(results) {
        let addresses: Vec<Ipv4Addr> = result
            .map(|lookup| {
                lookup
                    .answers()
                    .iter()
                    .filter_map(|record| match &record.data {
                        RData::A(a) => Some(a.0),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let title = words::dc_resolves_title(&controller.name);
        checks.push(if addresses.is_empty() {
            Check::problem(
                CheckId::DnsController,
                Status::Fail,
                title,
                words::DC_NO_ADDRESS,
                words::DC_ADDRESS_FIX,
            )
        } else {
            let shown: Vec<String> = addresses.iter().map(ToString::to_string).collect();
            Check::pass(CheckId::DnsController, title, shown.join(", "))
        });
        controller.addresses = addresses;
    }
}

/// AD Connector needs at least one DC that is both an LDAP server and a KDC.
fn shared_controller(controllers: &[DomainController], checks: &mut Vec<Check>) {
    if controllers.is_empty() {
        return;
    }
    let shared: Vec<&str> = controllers
        .iter()
        .filter(|c| c.ldap && c.kerberos)
        .map(|c| c.name.as_str())
        .collect();
    checks.push(if shared.is_empty() {
        Check::problem(
            CheckId::DnsSharedDc,
            Status::Fail,
            words::SHARED_DC_TITLE,
            words::NO_SHARED_DC,
            words::SHARED_DC_FIX,
        )
    } else {
        Check::pass(
            CheckId::DnsSharedDc,
            words::SHARED_DC_TITLE,
            shared.join(", "),
        )
    });
}
