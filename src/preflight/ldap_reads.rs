//! What preflight reads once bound: the service account's state attributes (its entry found by
//! `sAMAccountName`, then read with a base search, since AD returns constructed attributes only
//! there) with the domain head's password and lockout policy, and each group the plan assigns
//! (members, nested groups, foreign security principals). All reads on one connection, the
//! groups concurrently, each bounded by the probe limit and a size limit.

use std::collections::HashMap;
use std::time::Duration;

use futures_util::future::join_all;
use ldap3::{Ldap, LdapError, Scope, SearchEntry, SearchOptions};

use super::groups::{self, GroupFacts};
use super::ldap::describe;
use super::ldap_account::{self, AccountAttributes};

/// How many nested groups are counted at most.
const NESTED_SAMPLE: i32 = 1000;

/// What to read after the bind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wanted {
    /// The service account's `sAMAccountName` (AD Connector mode).
    pub account: Option<String>,
    /// The groups the plan assigns in this domain.
    pub groups: Vec<String>,
}

/// What was read after the bind.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The service account's attributes, or why they could not be read.
    pub account: Option<Result<AccountAttributes, String>>,
    /// Each wanted group: its facts (`None`: no such group), or why it could not be read.
    pub groups: Vec<(String, Result<Option<GroupFacts>, String>)>,
}

/// Reads what is `wanted` under `base` (the domain's naming context).
pub async fn read(ldap: &Ldap, base: &str, wanted: &Wanted, limit: Duration) -> Found {
    let account = async {
        match &wanted.account {
            Some(name) => Some(
                account(ldap.clone(), base, name, limit)
                    .await
                    .map_err(|error| describe(&error)),
            ),
            None => None,
        }
    };
    let groups = join_all(wanted.groups.iter().map(|name| async move {
        let facts = group(ldap.clone(), base, name, limit)
            .await
            .map_err(|error| describe(&error));
        (name.clone(), facts)
    }));
    let (account, groups) = tokio::join!(account, groups);
    Found { account, groups }
}

/// The attributes of the first entry of a search, or `None`.
async fn first(
    ldap: &mut Ldap,
    base: &str,
    scope: Scope,
    filter: &str,
    attributes: Vec<&str>,
    limit: Duration,
) -> Result<Option<(String, HashMap<String, Vec<String>>)>, LdapError> {
    ldap.with_timeout(limit)
        .with_search_options(SearchOptions::new().sizelimit(2));
    let (entries, _) = ldap
        .search(base, scope, filter, attributes)
        .await?
        .success()?;
    let mut entries = entries
        .into_iter()
        .filter(|entry| !entry.is_ref() && !entry.is_intermediate());
    Ok(entries.next().map(|entry| {
        let entry = SearchEntry::construct(entry);
        (entry.dn, entry.attrs)
    }))
}

async fn account(
    mut ldap: Ldap,
    base: &str,
    name: &str,
    limit: Duration,
) -> Result<AccountAttributes, LdapError> {
    let filter = format!(
        "(&(objectCategory=person)(objectClass=user)(sAMAccountName={}))",
        groups::escape_filter_value(name)
    );
    let Some((dn, _)) = first(&mut ldap, base, Scope::Subtree, &filter, vec!["1.1"], limit).await?
    else {
        return Ok(AccountAttributes::default());
    };
    let attributes = vec![
        "userAccountControl",
        "msDS-User-Account-Control-Computed",
        "pwdLastSet",
        "accountExpires",
        "lockoutTime",
        "msDS-UserPasswordExpiryTimeComputed",
    ];
    let entry = first(
        &mut ldap,
        &dn,
        Scope::Base,
        "(objectClass=*)",
        attributes,
        limit,
    )
    .await?
    .map(|(_, attributes)| attributes)
    .unwrap_or_default();
    let domain = first(
        &mut ldap,
        base,
        Scope::Base,
        "(objectClass=*)",
        vec!["maxPwdAge", "lockoutDuration"],
        limit,
    )
    .await?
    .map(|(_, attributes)| attributes)
    .unwrap_or_default();
    Ok(ldap_account::from_entries(&entry, &domain))
}

async fn group(
    mut ldap: Ldap,
    base: &str,
    name: &str,
    limit: Duration,
) -> Result<Option<GroupFacts>, LdapError> {
    let found = first(
        &mut ldap,
        base,
        Scope::Subtree,
        &groups::group_filter(name),
        vec!["member"],
        limit,
    )
    .await?;
    let Some((dn, attributes)) = found else {
        return Ok(None);
    };
    let mut facts = GroupFacts {
        dn,
        ..GroupFacts::default()
    };
    for (key, members) in &attributes {
        let key = key.to_ascii_lowercase();
        if key == "member" || key.starts_with("member;range=") {
            facts.members += members.len();
            facts.foreign += members.iter().filter(|m| groups::is_foreign(m)).count();
            facts.more |= key.starts_with("member;range=") && !key.ends_with("-*");
        }
    }
    if facts.members > 0 {
        ldap.with_timeout(limit)
            .with_search_options(SearchOptions::new().sizelimit(NESTED_SAMPLE));
        let result = ldap
            .search(
                base,
                Scope::Subtree,
                &groups::nested_filter(&facts.dn),
                vec!["1.1"],
            )
            .await?;
        let (entries, _) = match result.1.rc {
            // 4: size limit exceeded, the count is a floor.
            0 | 4 => (result.0, result.1),
            _ => result.success()?,
        };
        facts.nested = entries.iter().filter(|entry| !entry.is_ref()).count();
    }
    Ok(Some(facts))
}
