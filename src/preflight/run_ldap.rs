//! The LDAP checks of one domain: the functional levels from each DC's rootDSE, read without a
//! bind (`ldap.functional-level`); the bind and reads as the service account, or in trust mode as
//! the `--bind-user` account (`ldap.bind`); then, from the first DC that bound, the service
//! account's state (`ldap.service-account`, AD Connector) and the plan's groups with the list for
//! Identity Center's sync scope (`ldap.groups`).

use std::time::SystemTime;

use futures_util::future::join_all;
use secrecy::SecretString;

use super::clock;
use super::dns::DomainController;
use super::functional::{self, LevelVerdict};
use super::groups::{self, GroupFacts, GroupVerdict};
use super::ldap::{self, Credentials, LdapOutcome};
use super::ldap_account::{self, AccountVerdict};
use super::ldap_reads::{Found, Wanted};
use super::run::Options;
use crate::checks::{Check, CheckId, Status};
use crate::plan::Plan;
use crate::text::preflight as words;
use crate::text::preflight_deep as deep;

/// `ldap.functional-level` on every LDAP DC.
pub(super) async fn level_checks(
    controllers: &[&DomainController],
    options: &Options,
) -> Vec<Check> {
    let servers: Vec<&&DomainController> = controllers.iter().filter(|c| c.ldap).collect();
    let read = join_all(servers.iter().map(|controller| {
        functional::read(
            &controller.name,
            controller.addresses[0],
            &options.tls,
            options.timeout,
        )
    }))
    .await;
    servers
        .iter()
        .zip(read)
        .map(|(controller, levels)| {
            let title = deep::levels_title(&controller.name);
            let id = CheckId::LdapFunctionalLevel;
            let levels = match levels {
                Ok(levels) => levels,
                Err(why) => return Check::skipped(id, title, deep::levels_unreadable(&why)),
            };
            let detail = deep::levels(levels.domain, levels.forest, levels.controller);
            match functional::judge(levels) {
                LevelVerdict::Current => Check::pass(id, title, detail),
                LevelVerdict::Old => {
                    Check::problem(id, Status::Warn, title, detail, deep::LEVELS_OLD_FIX)
                }
                LevelVerdict::TooOld => {
                    Check::problem(id, Status::Fail, title, detail, deep::LEVELS_TOO_OLD_FIX)
                }
                LevelVerdict::Unknown => Check::problem(
                    id,
                    Status::Warn,
                    title,
                    deep::LEVELS_UNKNOWN,
                    deep::LEVELS_OLD_FIX,
                ),
            }
        })
        .collect()
}

/// The account LDAP binds as: the service account (AD Connector), or `--bind-user` (trust).
fn account<'a>(
    plan: &'a Plan,
    password: Option<&'a SecretString>,
    options: &'a Options,
) -> Option<(&'a str, &'a SecretString)> {
    match &plan.connection.ad_connector {
        Some(connector) => {
            password.map(|password| (connector.service_account.user_name.as_str(), password))
        }
        None => options
            .bind
            .as_ref()
            .map(|bind| (bind.user.as_str(), &bind.password)),
    }
}

/// `ldap.bind`, `ldap.service-account` and `ldap.groups` of one domain.
pub(super) async fn ldap_checks(
    plan: &Plan,
    domain: &str,
    controllers: &[&DomainController],
    password: Option<&SecretString>,
    options: &Options,
) -> Vec<Check> {
    let connector = plan.connection.ad_connector.as_ref();
    let wanted = Wanted {
        account: connector.map(|connector| connector.service_account.user_name.clone()),
        groups: groups::plan_groups(plan, domain),
    };
    let Some((user, password)) = account(plan, password, options) else {
        let mut checks = Vec::new();
        if connector.is_some() {
            checks.push(Check::skipped(
                CheckId::LdapBind,
                words::LDAP_TITLE,
                words::NO_PASSWORD,
            ));
            checks.push(Check::skipped(
                CheckId::LdapServiceAccount,
                words::LDAP_TITLE,
                words::NO_PASSWORD,
            ));
        }
        if !wanted.groups.is_empty() {
            let why = if connector.is_some() {
                words::NO_PASSWORD
            } else {
                deep::GROUPS_NO_ACCOUNT
            };
            checks.push(Check::skipped(
                CheckId::LdapGroups,
                deep::SYNC_SCOPE_TITLE,
                why,
            ));
        }
        return checks;
    };
    let credentials = Credentials {
        principal: format!("{user}@{domain}"),
        password,
    };
    let servers: Vec<&&DomainController> = controllers.iter().filter(|c| c.ldap).collect();
    let outcomes = join_all(servers.iter().map(|c| {
        ldap::check(
            &c.name,
            c.addresses[0],
            &credentials,
            &wanted,
            &options.tls,
            options.plain,
            options.timeout,
        )
    }))
    .await;
    let mut checks: Vec<Check> = servers
        .iter()
        .zip(&outcomes)
        .map(|(controller, outcome)| bind_check(&controller.name, &credentials.principal, outcome))
        .collect();
    let found = outcomes.iter().find_map(|outcome| match outcome {
        LdapOutcome::Read { found, .. } => Some(found),
        _ => None,
    });
    if wanted.account.is_some() {
        checks.push(account_check(&credentials.principal, found, &outcomes));
    }
    if !wanted.groups.is_empty() {
        checks.extend(group_checks(found));
    }
    checks
}

fn bind_check(name: &str, principal: &str, outcome: &LdapOutcome) -> Check {
    let title = words::ldap_title(name);
    let id = CheckId::LdapBind;
    match outcome {
        LdapOutcome::Read {
            channel,
            naming_context,
            users,
            groups,
            ..
        } => Check::pass(
            id,
            title,
            words::ldap_read(principal, *channel, naming_context, *users, *groups),
        ),
        LdapOutcome::BindRefused { why, .. } => {
            Check::problem(id, Status::Fail, title, why.clone(), words::ACCOUNT_FIX)
        }
        LdapOutcome::NoTls(why) => {
            Check::problem(id, Status::Fail, title, words::no_tls(why), words::TLS_FIX)
        }
        LdapOutcome::ReadFailed(why) => {
            Check::problem(id, Status::Fail, title, why.clone(), words::READ_FIX)
        }
        LdapOutcome::Unreachable(why) => {
            Check::problem(id, Status::Fail, title, why.clone(), words::port_fix(389))
        }
    }
}

/// The service account's state: from its attributes when a DC bound, else from the code of a
/// refused bind (AD refuses a disabled, locked or expired account's bind with the reason).
fn account_check(principal: &str, found: Option<&Found>, outcomes: &[LdapOutcome]) -> Check {
    let id = CheckId::LdapServiceAccount;
    let now = ldap_account::filetime(clock::unix_ms(SystemTime::now()));
    let verdict = match found.and_then(|found| found.account.as_ref()) {
        Some(Ok(attributes)) => ldap_account::verdict(attributes, now),
        Some(Err(why)) => {
            return Check::problem(
                id,
                Status::Warn,
                principal,
                deep::account_unreadable(why),
                deep::ACCOUNT_UNREADABLE_FIX,
            );
        }
        None => {
            let refused = outcomes.iter().find_map(|outcome| match outcome {
                LdapOutcome::BindRefused {
                    code: Some(code), ..
                } => ldap_account::from_bind_code(code),
                _ => None,
            });
            match refused {
                Some(verdict) => verdict,
                None => return Check::skipped(id, principal, deep::ACCOUNT_NO_BIND),
            }
        }
    };
    let detail = deep::account_state(verdict, now);
    match verdict {
        AccountVerdict::Healthy(_) => Check::pass(id, principal, detail),
        AccountVerdict::ExpiresSoon(_) => Check::problem(
            id,
            Status::Warn,
            principal,
            detail,
            deep::ACCOUNT_EXPIRING_FIX,
        ),
        AccountVerdict::Unreadable => Check::problem(
            id,
            Status::Warn,
            principal,
            detail,
            deep::ACCOUNT_UNREADABLE_FIX,
        ),
        AccountVerdict::PasswordExpired(_) | AccountVerdict::MustChange => Check::problem(
            id,
            Status::Fail,
            principal,
            detail,
            deep::ACCOUNT_EXPIRING_FIX,
        ),
        AccountVerdict::Disabled | AccountVerdict::Locked | AccountVerdict::Expired(_) => {
            Check::problem(id, Status::Fail, principal, detail, words::ACCOUNT_FIX)
        }
    }
}

/// One check per group, then the sync-scope list (the groups that exist) as the last one.
fn group_checks(found: Option<&Found>) -> Vec<Check> {
    let id = CheckId::LdapGroups;
    let Some(found) = found else {
        return vec![Check::skipped(
            id,
            deep::SYNC_SCOPE_TITLE,
            deep::GROUPS_NO_BIND,
        )];
    };
    let mut checks = Vec::new();
    let mut existing = Vec::new();
    for (name, facts) in &found.groups {
        let title = deep::group_title(name);
        let facts: Option<&GroupFacts> = match facts {
            Ok(facts) => facts.as_ref(),
            Err(why) => {
                checks.push(Check::problem(
                    id,
                    Status::Warn,
                    title,
                    deep::group_unreadable(why),
                    words::READ_FIX,
                ));
                existing.push(name.clone());
                continue;
            }
        };
        if facts.is_some() {
            existing.push(name.clone());
        }
        let shown = |facts: &GroupFacts| {
            deep::group_found(facts.members, facts.more, facts.nested, facts.foreign)
        };
        checks.push(match (groups::judge(facts), facts) {
            (GroupVerdict::Fine, Some(facts)) => Check::pass(id, title, shown(facts)),
            (GroupVerdict::Foreign, Some(facts)) => Check::problem(
                id,
                Status::Warn,
                title,
                shown(facts),
                deep::GROUP_FOREIGN_FIX,
            ),
            (GroupVerdict::Empty, _) => Check::problem(
                id,
                Status::Warn,
                title,
                deep::GROUP_EMPTY,
                deep::GROUP_EMPTY_FIX,
            ),
            _ => Check::problem(
                id,
                Status::Fail,
                title,
                deep::GROUP_MISSING,
                deep::GROUP_MISSING_FIX,
            ),
        });
    }
    if !existing.is_empty() {
        let list = deep::sync_scope(&existing);
        let mut summary = Check::pass(id, deep::SYNC_SCOPE_TITLE, existing.join(", "));
        summary.fix = Some(list);
        checks.push(summary);
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(code: &str) -> LdapOutcome {
        LdapOutcome::BindRefused {
            why: "bad credentials".into(),
            code: Some(code.into()),
        }
    }

    #[test]
    fn a_refused_bind_names_the_accounts_state_or_skips() {
        let locked = account_check("svc@corp", None, &[refused("775")]);
        assert_eq!(
            (locked.status, locked.detail.as_str()),
            (Status::Fail, "the account is locked out")
        );
        let expired = account_check("svc@corp", None, &[refused("701")]);
        assert_eq!(expired.status, Status::Fail);
        let wrong_password = account_check("svc@corp", None, &[refused("52e")]);
        assert_eq!(wrong_password.status, Status::Skipped);
        assert_eq!(wrong_password.detail, deep::ACCOUNT_NO_BIND);
    }

    #[test]
    fn groups_are_listed_for_the_sync_scope_when_found() {
        let facts = |members, foreign| GroupFacts {
            dn: "CN=g".into(),
            members,
            more: false,
            nested: 0,
            foreign,
        };
        let found = Found {
            account: None,
            groups: vec![
                ("A".into(), Ok(Some(facts(3, 0)))),
                ("B".into(), Ok(None)),
                ("C".into(), Ok(Some(facts(0, 0)))),
                ("D".into(), Ok(Some(facts(2, 1)))),
            ],
        };
        let checks = group_checks(Some(&found));
        let statuses: Vec<Status> = checks.iter().map(|check| check.status).collect();
        assert_eq!(
            statuses,
            [
                Status::Pass,
                Status::Fail,
                Status::Warn,
                Status::Warn,
                Status::Pass
            ]
        );
        let scope = checks.last().and_then(|check| check.fix.clone());
        assert!(
            scope.is_some_and(|fix| fix.contains("sync scope: A, C, D (")),
            "{checks:?}"
        );
        let skipped = group_checks(None);
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].status, Status::Skipped);
    }
}
