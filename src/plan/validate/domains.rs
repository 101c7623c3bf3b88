//! Rules for `selfManaged`: each domain's own fields (DNS name, NetBIOS name, DNS servers, its
//! trust override), and the rules between domains: AD Connector reaches one domain only; names
//! and DNS server sets are distinct; a forest trust already covers its child domains; with four
//! or more domains users sign in as `DOMAIN\user`.

use std::collections::{BTreeSet, HashSet};

use super::{Report, plural, secret};
use crate::plan::diagnostic::FieldPath;
use crate::plan::model::{Mode, Plan, SelfManaged, TrustType};
use crate::plan::rules;
use crate::text;

/// From this many trusted domains on, Identity Center signs users in as `DOMAIN\user`.
pub const DOMAIN_PREFIX_SIGN_IN_FROM: usize = 4;

/// Checks every domain, then the rules between them.
pub(super) fn check(plan: &Plan, report: &mut Report) {
    let domains = &plan.self_managed;
    for (index, domain) in domains.all().iter().enumerate() {
        let path = domains.path_of(index);
        self_managed(domain, &path, report);
        trust_override(plan, domain, &path, report);
    }
    match plan.connection.mode {
        Mode::AdConnector if domains.len() > 1 => report.error(
            FieldPath::root().key("selfManaged"),
            format!("{} listed", plural(domains.len(), "domain")),
            text::CONNECTOR_ONE_DOMAIN,
        ),
        Mode::Trust if domains.len() >= DOMAIN_PREFIX_SIGN_IN_FROM => report.warn(
            FieldPath::root().key("selfManaged"),
            format!("{} trusted", plural(domains.len(), "domain")),
            text::DOMAIN_PREFIX_SIGN_IN,
        ),
        _ => {}
    }
    distinct(plan, report);
    if plan.connection.mode == Mode::Trust {
        covered_children(plan, report);
    }
}

/// A domain's trust override: only in trust mode; its password reference is checked.
fn trust_override(plan: &Plan, domain: &SelfManaged, path: &FieldPath, report: &mut Report) {
    let Some(over) = &domain.trust else {
        return;
    };
    let path = path.key("trust");
    if plan.connection.mode != Mode::Trust {
        report.error(
            path,
            "is set but mode is not `trust`",
            text::DOMAIN_TRUST_ONLY,
        );
        return;
    }
    if let Some(password) = &over.password {
        secret(password, path.key("password"), report);
    }
}

/// Names and DNS server sets must differ between domains (DNS and NetBIOS names without case).
fn distinct(plan: &Plan, report: &mut Report) {
    let domains = plan.self_managed.all();
    for (later, domain) in domains.iter().enumerate().skip(1) {
        let path = plan.self_managed.path_of(later);
        let earlier = &domains[..later];
        if let Some(first) = earlier
            .iter()
            .position(|d| d.domain.eq_ignore_ascii_case(&domain.domain))
        {
            report.error(
                path.key("domain"),
                format!(
                    "{} is also {}.domain",
                    rules::shown(&domain.domain),
                    plan.self_managed.path_of(first).as_str()
                ),
                text::DOMAINS_DISTINCT,
            );
        }
        if let Some(first) = earlier
            .iter()
            .position(|d| d.netbios_name.eq_ignore_ascii_case(&domain.netbios_name))
        {
            report.error(
                path.key("netbiosName"),
                format!(
                    "{} is also {}.netbiosName",
                    rules::shown(&domain.netbios_name),
                    plan.self_managed.path_of(first).as_str()
                ),
                text::NETBIOS_DISTINCT,
            );
        }
        let servers = server_set(domain);
        if let Some(first) = earlier
            .iter()
            .position(|d| !servers.is_empty() && server_set(d) == servers)
        {
            report.error(
                path.key("dnsServers"),
                format!(
                    "the same DNS servers as {}.dnsServers",
                    plan.self_managed.path_of(first).as_str()
                ),
                text::DNS_SERVER_SETS_DISTINCT,
            );
        }
    }
}

fn server_set(domain: &SelfManaged) -> BTreeSet<&str> {
    domain.dns_servers.iter().map(String::as_str).collect()
}

/// A forest trust reaches every domain of the forest: a listed child domain of a domain that
/// also has a forest trust, itself with a forest trust, is refused with the reason.
fn covered_children(plan: &Plan, report: &mut Report) {
    let Some(trust) = &plan.connection.trust else {
        return;
    };
    let domains = plan.self_managed.all();
    let forest = |d: &SelfManaged| d.trust_settings(trust).trust_type == TrustType::Forest;
    for (index, child) in domains.iter().enumerate() {
        let parent = domains.iter().find(|parent| {
            forest(parent) && forest(child) && is_child_of(&child.domain, &parent.domain)
        });
        if let Some(parent) = parent {
            report.error(
                plan.self_managed.path_of(index).key("domain"),
                format!(
                    "{} is inside the forest of {}, whose forest trust already covers it",
                    rules::shown(&child.domain),
                    rules::shown(&parent.domain)
                ),
                text::CHILD_DOMAIN_COVERED,
            );
        }
    }
}

/// Whether `child` is a subdomain of `parent` (DNS names, without case).
fn is_child_of(child: &str, parent: &str) -> bool {
    let (child, parent) = (child.to_ascii_lowercase(), parent.to_ascii_lowercase());
    child.len() > parent.len() + 1
        && child.ends_with(&parent)
        && child.as_bytes()[child.len() - parent.len() - 1] == b'.'
}

fn self_managed(domain: &SelfManaged, path: &FieldPath, report: &mut Report) {
    report.check(
        path.key("domain"),
        rules::fqdn(&domain.domain),
        text::FQDN_ALLOWED,
    );
    report.check(
        path.key("netbiosName"),
        rules::netbios(&domain.netbios_name),
        text::NETBIOS_ALLOWED,
    );
    dns_servers(&domain.dns_servers, &path.key("dnsServers"), report);
}

fn dns_servers(servers: &[String], path: &FieldPath, report: &mut Report) {
    match servers.len() {
        0 => report.error(
            path.clone(),
            "no DNS server is given",
            text::DNS_SERVERS_ALLOWED,
        ),
        1 => report.warn(
            path.clone(),
            "only one DNS server is given",
            text::DNS_SERVERS_ADVICE,
        ),
        2..=4 => {}
        n => report.error(
            path.clone(),
            format!("{} given", plural(n, "DNS server")),
            text::DNS_SERVERS_ALLOWED,
        ),
    }
    let mut seen = HashSet::new();
    for (index, server) in servers.iter().enumerate() {
        let item = path.index(index);
        if report
            .check(
                item.clone(),
                rules::dns_server(server),
                text::DNS_SERVER_ALLOWED,
            )
            .is_some()
            && !seen.insert(server.as_str())
        {
            report.error(
                item,
                format!("{} is listed twice", rules::shown(server)),
                text::DNS_SERVERS_ALLOWED,
            );
        }
    }
}

#[cfg(test)]
#[path = "domains_tests.rs"]
mod tests;
