//! Rules for `connection`: the mode (AD Connector or two-way trust; Simple AD refused), the AD
//! Connector's settings, and the trust with its AWS Managed Microsoft AD.

use super::{Report, secret, vpc_and_subnets};
use crate::plan::diagnostic::FieldPath;
use crate::plan::model::{AdConnector, ManagedAd, Mode, Plan, Trust, TrustDirection};
use crate::plan::rules;
use crate::text;

/// Checks `connection` as a whole.
pub(super) fn check(plan: &Plan, path: &FieldPath, report: &mut Report) {
    let connection = &plan.connection;
    match connection.mode {
        Mode::SimpleAd => report.error(
            path.key("mode"),
            text::SIMPLE_AD_REFUSED,
            text::MODE_ALLOWED,
        ),
        Mode::AdConnector => {
            match &connection.ad_connector {
                Some(connector) => ad_connector(connector, &path.key("adConnector"), report),
                None => report.error(
                    path.key("adConnector"),
                    "is missing for mode `ad-connector`",
                    text::AD_CONNECTOR_REQUIRED,
                ),
            }
            if connection.trust.is_some() {
                report.error(
                    path.key("trust"),
                    "is set but mode is `ad-connector`",
                    text::ONE_SECTION_PER_MODE,
                );
            }
        }
        Mode::Trust => {
            match &connection.trust {
                Some(trust) => self::trust(plan, trust, &path.key("trust"), report),
                None => report.error(
                    path.key("trust"),
                    "is missing for mode `trust`",
                    text::TRUST_REQUIRED,
                ),
            }
            if connection.ad_connector.is_some() {
                report.error(
                    path.key("adConnector"),
                    "is set but mode is `trust`",
                    text::ONE_SECTION_PER_MODE,
                );
            }
        }
    }
}

fn ad_connector(connector: &AdConnector, path: &FieldPath, report: &mut Report) {
    vpc_and_subnets(&connector.vpc_id, &connector.subnet_ids, path, report);
    let account = path.key("serviceAccount");
    report.check(
        account.key("userName"),
        rules::service_account_name(&connector.service_account.user_name),
        text::SERVICE_ACCOUNT_ALLOWED,
    );
    secret(
        &connector.service_account.password,
        account.key("password"),
        report,
    );
}

fn trust(plan: &Plan, trust: &Trust, path: &FieldPath, report: &mut Report) {
    match trust.direction {
        TrustDirection::TwoWay => {}
        TrustDirection::OneWayOutgoing => {
            report.error(
                path.key("direction"),
                text::ONE_WAY_OUTGOING_REFUSED,
                text::DIRECTION_ALLOWED,
            );
        }
        TrustDirection::OneWayIncoming => {
            report.error(
                path.key("direction"),
                text::ONE_WAY_INCOMING_REFUSED,
                text::DIRECTION_ALLOWED,
            );
        }
    }
    secret(&trust.password, path.key("password"), report);
    for (index, domain) in plan.self_managed.all().iter().enumerate() {
        let public_dns = domain
            .dns_servers
            .iter()
            .filter_map(|server| rules::dns_server(server).ok())
            .any(|ip| !rules::is_rfc1918(ip));
        if public_dns {
            report.warn(
                plan.self_managed.path_of(index).key("dnsServers"),
                "some DNS servers are public (not RFC 1918) addresses",
                text::PUBLIC_DNS_ADVICE,
            );
        }
    }
    managed_ad(plan, &trust.managed_ad, &path.key("managedAd"), report);
}

fn managed_ad(plan: &Plan, managed: &ManagedAd, path: &FieldPath, report: &mut Report) {
    match (&managed.existing_directory_id, &managed.create) {
        (Some(_), Some(_)) => report.error(
            path.clone(),
            "sets both `existingDirectoryId` and `create`",
            text::MANAGED_AD_ONE_OF,
        ),
        (None, None) => report.error(
            path.clone(),
            "sets neither `existingDirectoryId` nor `create`",
            text::MANAGED_AD_ONE_OF,
        ),
        (Some(id), None) => {
            report.check(
                path.key("existingDirectoryId"),
                rules::directory_id(id),
                text::DIRECTORY_ID_ALLOWED,
            );
        }
        (None, Some(create)) => {
            let path = path.key("create");
            let domains = plan.self_managed.all();
            if report
                .check(
                    path.key("domain"),
                    rules::fqdn(&create.domain),
                    text::FQDN_ALLOWED,
                )
                .is_some()
                && domains
                    .iter()
                    .any(|ours| create.domain.eq_ignore_ascii_case(&ours.domain))
            {
                report.error(
                    path.key("domain"),
                    format!(
                        "{} is a self-managed domain's name",
                        rules::shown(&create.domain)
                    ),
                    text::MANAGED_DOMAIN_DIFFERS,
                );
            }
            if report
                .check(
                    path.key("netbiosName"),
                    rules::netbios(&create.netbios_name),
                    text::NETBIOS_ALLOWED,
                )
                .is_some()
                && domains
                    .iter()
                    .any(|ours| create.netbios_name.eq_ignore_ascii_case(&ours.netbios_name))
            {
                report.error(
                    path.key("netbiosName"),
                    format!(
                        "{} is a self-managed domain's NetBIOS name",
                        rules::shown(&create.netbios_name)
                    ),
                    text::MANAGED_NETBIOS_DIFFERS,
                );
            }
            if create.netbios_name.contains('.') {
                report.warn(
                    path.key("netbiosName"),
                    format!("{} contains `.`", rules::shown(&create.netbios_name)),
                    text::NETBIOS_DOT_ADVICE,
                );
            }
            vpc_and_subnets(&create.vpc_id, &create.subnet_ids, &path, report);
            secret(&create.admin_password, path.key("adminPassword"), report);
        }
    }
}
