//! The Kerberos checks of one domain: each KDC's answer to an AS-REQ without pre-authentication
//! (`kerberos.kdc`) and, from the same reply, its clock against ours (`kerberos.clock-skew`).

use std::time::Duration;

use futures_util::future::join_all;

use super::clock::{self, Skew};
use super::dns::DomainController;
use super::kerberos::KdcAnswer;
use super::ports::{self, KdcReply, PortState};
use crate::checks::{Check, CheckId, Status};
use crate::plan::Plan;
use crate::text::preflight as words;
use crate::text::preflight_deep as deep;

pub(super) async fn kerberos_checks(
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
    let mut checks = Vec::new();
    for (controller, reply) in kdcs.iter().zip(answers) {
        checks.push(clock_check(&controller.name, &reply));
        let answer = reply.map(|reply| reply.answer);
        checks.push({
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
        });
    }
    checks
}

/// `kerberos.clock-skew` from the KDC's reply.
fn clock_check(name: &str, reply: &Result<KdcReply, PortState>) -> Check {
    let title = deep::clock_title(name);
    let offset = match reply {
        Ok(KdcReply {
            offset_ms: Some(offset),
            ..
        }) => *offset,
        Ok(_) => return Check::skipped(CheckId::KerberosClockSkew, title, deep::CLOCK_NO_TIME),
        Err(_) => return Check::skipped(CheckId::KerberosClockSkew, title, deep::CLOCK_NO_KDC),
    };
    match clock::judge(offset) {
        Skew::Within => Check::pass(
            CheckId::KerberosClockSkew,
            title,
            deep::clock_within(offset),
        ),
        Skew::Drifting => Check::problem(
            CheckId::KerberosClockSkew,
            Status::Warn,
            title,
            deep::clock_drifting(offset),
            deep::CLOCK_FIX,
        ),
        Skew::TooFar => Check::problem(
            CheckId::KerberosClockSkew,
            Status::Fail,
            title,
            deep::clock_too_far(offset),
            deep::CLOCK_FIX,
        ),
    }
}
