//! Runs every preflight check for a plan, all concurrently with short timeouts, and collects the
//! checklist. Each self-managed domain is checked on its own, all domains at once: DNS comes
//! first (it names the domain's controllers); ports, Kerberos and LDAP then run together on
//! every DC found.

use std::net::Ipv4Addr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::future::join_all;
use rustls::ClientConfig;
use secrecy::SecretString;

use super::dns::{self, DomainController};
use super::kerberos::KdcAnswer;
use super::ldap::{self, Credentials, LdapOutcome, PlainLdap};
use super::ports::{self, PortState, Protocol};
use crate::checks::{Check, CheckId, Report, Status};
use crate::plan::{Mode, Plan, SelfManaged};
use crate::text::preflight as words;

/// The probe limit of the checks the wizard and `apply` offer.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(3);

/// Runs every check with the defaults the wizard and `apply` use (system TLS roots, TLS only,
/// [`DEFAULT_TIMEOUT`]) on a runtime of its own. Blocking; `Err` says why nothing could run.
pub fn run_with_defaults(plan: &Plan, password: Option<&SecretString>) -> Result<Report, String> {
    let options = Options {
        timeout: DEFAULT_TIMEOUT,
        tls: ldap::tls_config(None)?,
        plain: PlainLdap::Refuse,
    };
    crate::runtime::block_on(run(plan, password, &options)).map_err(|error| error.to_string())
}

/// How preflight runs.
pub struct Options {
    /// The limit for each single probe (one query, one connect, one LDAP operation).
    pub timeout: Duration,
    /// Certificates trusted for LDAPS and StartTLS.
    pub tls: Arc<ClientConfig>,
    /// Whether the password may go over plain LDAP.
    pub plain: PlainLdap,
}

/// Runs every check for every domain of `plan`, the domains concurrently. `password` is the
/// service account's (AD Connector mode); without it the LDAP bind is skipped.
pub async fn run(plan: &Plan, password: Option<&SecretString>, options: &Options) -> Report {
    run_domains(plan, None, password, options).await
}

/// Runs every check for the domain `selfManaged[index]` of `plan`, or for every domain when
/// `only` is `None` (concurrently). The report lists the domains in the plan's order, each
/// domain's checks by area, every check naming its domain.
pub async fn run_domains(
    plan: &Plan,
    only: Option<usize>,
    password: Option<&SecretString>,
    options: &Options,
) -> Report {
    let started = Instant::now();
    let domains: Vec<&SelfManaged> = plan
        .self_managed
        .all()
        .iter()
        .enumerate()
        .filter(|(index, _)| only.is_none_or(|only| only == *index))
        .map(|(_, domain)| domain)
        .collect();
    let per_domain = join_all(
        domains
            .iter()
            .map(|domain| check_domain(plan, domain, password, options)),
    )
    .await;
    Report {
        checks: per_domain.into_iter().flatten().collect(),
        elapsed_ms: started.elapsed().as_millis(),
    }
}

/// Every check of one domain, by area, each naming the domain.
async fn check_domain(
    plan: &Plan,
    self_managed: &SelfManaged,
    password: Option<&SecretString>,
    options: &Options,
) -> Vec<Check> {
    let domain = self_managed.domain.to_ascii_lowercase();
    let servers: Vec<Ipv4Addr> = self_managed
        .dns_servers
        .iter()
        .filter_map(|server| server.parse().ok())
        .collect();
    let findings = dns::check(&servers, &domain, options.timeout).await;
    let mut checks = findings.checks;
    let reachable: Vec<&DomainController> = findings
        .controllers
        .iter()
        .filter(|controller| !controller.addresses.is_empty())
        .collect();
    if reachable.is_empty() {
        for id in [CheckId::PortsTcp, CheckId::KerberosKdc, CheckId::LdapBind] {
            checks.push(Check::skipped(id, words::NO_DC_TITLE, words::SKIPPED_NO_DC));
        }
    } else {
        let (ports, kerberos, ldap) = tokio::join!(
            port_checks(plan.connection.mode, &reachable, &domain, options.timeout),
            kerberos_checks(plan, &reachable, &domain, options.timeout),
            ldap_checks(plan, &self_managed.domain, &reachable, password, options),
        );
        checks.extend(ports);
        checks.extend(kerberos);
        checks.extend(ldap);
    }
    checks.sort_by_key(Check::area);
    checks
        .into_iter()
        .map(|check| check.about(&self_managed.domain))
        .collect()
}

async fn port_checks(
    mode: Mode,
    controllers: &[&DomainController],
    domain: &str,
    limit: Duration,
) -> Vec<Check> {
    let (tcp_ports, required): (&[u16], &[u16]) = match mode {
        Mode::Trust => (ports::TRUST_TCP, &[53, 88, 389, 445]),
        Mode::AdConnector | Mode::SimpleAd => (ports::CONNECTOR_TCP, ports::CONNECTOR_TCP),
    };
    let mut probes = Vec::new();
    for controller in controllers {
        let ip = controller.addresses[0];
        for &port in tcp_ports {
            probes.push((
                controller.name.clone(),
                Protocol::Tcp,
                port,
                required.contains(&port),
                ip,
            ));
        }
        for &port in ports::UDP {
            probes.push((controller.name.clone(), Protocol::Udp, port, false, ip));
        }
    }
    let states = join_all(probes.iter().map(|(_, protocol, port, _, ip)| async move {
        match protocol {
            Protocol::Tcp => ports::tcp(*ip, *port, limit).await,
            Protocol::Udp => ports::udp(*ip, *port, domain, limit).await,
        }
    }))
    .await;
    probes
        .into_iter()
        .zip(states)
        .map(|((name, protocol, port, required, _), state)| {
            port_check(&name, protocol, port, required, state)
        })
        .collect()
}

fn port_check(
    name: &str,
    protocol: Protocol,
    port: u16,
    required: bool,
    state: PortState,
) -> Check {
    let title = words::port_title(name, protocol == Protocol::Udp, port);
    let id = match protocol {
        Protocol::Tcp => CheckId::PortsTcp,
        Protocol::Udp => CheckId::PortsUdp,
    };
    let severity = match (protocol, required) {
        (Protocol::Tcp, true) => Status::Fail,
        _ => Status::Warn,
    };
    match state {
        PortState::Open => Check::pass(id, title, words::PORT_OPEN),
        PortState::Closed => Check::problem(
            id,
            severity,
            title,
            words::PORT_CLOSED,
            words::port_fix(port),
        ),
        PortState::NoAnswer => Check::problem(
            id,
            severity,
            title,
            words::PORT_NO_ANSWER,
            words::port_fix(port),
        ),
        PortState::Unreachable => Check::problem(
            id,
            Status::Fail,
            title,
            words::PORT_UNREACHABLE,
            words::ROUTE_FIX,
        ),
    }
}

async fn kerberos_checks(
    plan: &Plan,
    controllers: &[&DomainController],
    domain: &str,
    limit: Duration,
) -> Vec<Check> {
    let service_account = plan
        .connection
        .ad_connector
        .as_ref()
        .map(|connector| connector.service_account.user_name.clone());
    let user = service_account
        .clone()
        .unwrap_or_else(|| words::PROBE_PRINCIPAL.to_owned());
    let kdcs: Vec<&&DomainController> = controllers.iter().filter(|c| c.kerberos).collect();
    let answers = join_all(
        kdcs.iter()
            .map(|c| ports::kerberos_tcp(c.addresses[0], &user, domain, limit)),
    )
    .await;
    kdcs.iter()
        .zip(answers)
        .map(|(controller, answer)| {
            let title = words::kdc_title(&controller.name);
            let principal = format!("{user}@{}", domain.to_ascii_uppercase());
            match (answer, service_account.is_some()) {
                (Ok(KdcAnswer::PreauthRequired), _) | (Ok(KdcAnswer::PrincipalUnknown), false) => {
                    Check::pass(CheckId::KerberosKdc, title, words::KDC_HEALTHY)
                }
                (Ok(KdcAnswer::PrincipalUnknown), true) => Check::problem(
                    CheckId::KerberosKdc,
                    Status::Fail,
                    title,
                    words::kdc_unknown(&principal),
                    words::SERVICE_ACCOUNT_FIX,
                ),
                (Ok(KdcAnswer::NoPreauthRequired), _) => Check::problem(
                    CheckId::KerberosKdc,
                    Status::Fail,
                    title,
                    words::kdc_no_preauth(&principal),
                    words::PREAUTH_FIX,
                ),
                (Ok(KdcAnswer::ClientRevoked), _) => Check::problem(
                    CheckId::KerberosKdc,
                    Status::Fail,
                    title,
                    words::kdc_revoked(&principal),
                    words::ACCOUNT_FIX,
                ),
                (Ok(KdcAnswer::WrongRealm), _) => Check::problem(
                    CheckId::KerberosKdc,
                    Status::Fail,
                    title,
                    words::KDC_WRONG_REALM,
                    words::DNS_SRV_FIX,
                ),
                (Ok(KdcAnswer::Error(code)), _) => Check::problem(
                    CheckId::KerberosKdc,
                    Status::Warn,
                    title,
                    words::kdc_error(code),
                    words::KDC_ERROR_FIX,
                ),
                (Ok(KdcAnswer::NotKerberos), _) => Check::problem(
                    CheckId::KerberosKdc,
                    Status::Fail,
                    title,
                    words::KDC_NOT_KERBEROS,
                    words::port_fix(88),
                ),
                (Err(state), _) => Check::problem(
                    CheckId::KerberosKdc,
                    Status::Fail,
                    title,
                    words::port_state(state),
                    words::port_fix(88),
                ),
            }
        })
        .collect()
}

async fn ldap_checks(
    plan: &Plan,
    domain: &str,
    controllers: &[&DomainController],
    password: Option<&SecretString>,
    options: &Options,
) -> Vec<Check> {
    let Some(connector) = &plan.connection.ad_connector else {
        return Vec::new();
    };
    let Some(password) = password else {
        return vec![Check::skipped(
            CheckId::LdapBind,
            words::LDAP_TITLE,
            words::NO_PASSWORD,
        )];
    };
    let credentials = Credentials {
        principal: format!("{}@{domain}", connector.service_account.user_name),
        password,
    };
    let servers: Vec<&&DomainController> = controllers.iter().filter(|c| c.ldap).collect();
    let outcomes = join_all(servers.iter().map(|c| {
        ldap::check(
            &c.name,
            c.addresses[0],
            &credentials,
            &options.tls,
            options.plain,
            options.timeout,
        )
    }))
    .await;
    servers
        .iter()
        .zip(outcomes)
        .map(|(controller, outcome)| ldap_check(&controller.name, &credentials.principal, outcome))
        .collect()
}

fn ldap_check(name: &str, principal: &str, outcome: LdapOutcome) -> Check {
    let title = words::ldap_title(name);
    match outcome {
        LdapOutcome::Read {
            channel,
            naming_context,
            users,
            groups,
        } => Check::pass(
            CheckId::LdapBind,
            title,
            words::ldap_read(principal, channel, &naming_context, users, groups),
        ),
        LdapOutcome::BindRefused(why) => Check::problem(
            CheckId::LdapBind,
            Status::Fail,
            title,
            why,
            words::ACCOUNT_FIX,
        ),
        LdapOutcome::NoTls(why) => Check::problem(
            CheckId::LdapBind,
            Status::Fail,
            title,
            words::no_tls(&why),
            words::TLS_FIX,
        ),
        LdapOutcome::ReadFailed(why) => {
            Check::problem(CheckId::LdapBind, Status::Fail, title, why, words::READ_FIX)
        }
        LdapOutcome::Unreachable(why) => Check::problem(
            CheckId::LdapBind,
            Status::Fail,
            title,
            why,
            words::port_fix(389),
        ),
    }
}

#[cfg(test)]
#[path = "run_tests.rs"]
mod tests;
