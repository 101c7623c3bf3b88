//! Runs every preflight check for a plan, all concurrently with short timeouts, and collects the
//! checklist. Each self-managed domain is checked on its own, all domains at once: DNS comes
//! first (it names the domain's controllers); ports, the RPC endpoint mapper, NTP, Kerberos and
//! LDAP then run together on every DC found (`run_ports.rs`, `run_kerberos.rs`, `run_ldap.rs`),
//! so one dead server costs one probe limit.

use std::net::Ipv4Addr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::future::join_all;
use rustls::ClientConfig;
use secrecy::SecretString;

use super::dns::{self, DomainController};
use super::ldap::{self, PlainLdap};
use super::{groups, run_kerberos, run_ldap, run_ports};
use crate::checks::{Check, CheckId, Report};
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
        bind: None,
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
    /// Trust mode: an account to bind with to read the plan's groups (`--bind-user`).
    pub bind: Option<BindAccount>,
}

/// An account of the self-managed domain that LDAP binds as in trust mode, where the plan has no
/// service account (`--bind-user USER --bind-password-env VAR`).
pub struct BindAccount {
    /// Its `sAMAccountName`.
    pub user: String,
    /// Its password (never printed).
    pub password: SecretString,
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
        for id in skipped_without_dc(plan, &domain) {
            checks.push(Check::skipped(id, words::NO_DC_TITLE, words::SKIPPED_NO_DC));
        }
    } else {
        let mode = plan.connection.mode;
        let limit = options.timeout;
        let (ports, rpc, ntp, kerberos, levels, ldap) = tokio::join!(
            run_ports::port_checks(mode, &reachable, &domain, limit),
            run_ports::rpc_checks(mode, &reachable, limit),
            run_ports::ntp_checks(&reachable, limit),
            run_kerberos::kerberos_checks(plan, &reachable, &domain, limit),
            run_ldap::level_checks(&reachable, options),
            run_ldap::ldap_checks(plan, &self_managed.domain, &reachable, password, options),
        );
        for more in [ports, rpc, ntp, kerberos, levels, ldap] {
            checks.extend(more);
        }
    }
    checks.sort_by_key(Check::area);
    checks
        .into_iter()
        .map(|check| check.about(&self_managed.domain))
        .collect()
}

/// The checks that need a DC, skipped when DNS named none: those of the plan's mode.
fn skipped_without_dc(plan: &Plan, domain: &str) -> Vec<CheckId> {
    let mut ids = vec![CheckId::PortsTcp];
    if plan.connection.mode == Mode::Trust {
        ids.push(CheckId::RpcEndpointMapper);
    }
    ids.extend([
        CheckId::Ntp,
        CheckId::KerberosKdc,
        CheckId::KerberosClockSkew,
        CheckId::LdapFunctionalLevel,
    ]);
    if plan.connection.ad_connector.is_some() {
        ids.extend([CheckId::LdapBind, CheckId::LdapServiceAccount]);
    }
    if !groups::plan_groups(plan, domain).is_empty() {
        ids.push(CheckId::LdapGroups);
    }
    ids
}

#[cfg(test)]
#[path = "run_tests.rs"]
mod tests;
