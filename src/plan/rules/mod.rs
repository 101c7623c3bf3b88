//! Format rules for single values, as AWS states them for the fields adsso sends
//! (Directory Service, IAM Identity Center, tagging). Each check returns the problem in plain
//! words; the caller adds the field path and what is allowed (see [`crate::text`]).
//!
//! Lengths, list sizes, enums, partitions and Regions come from the generated table
//! [`aws_model`] (botocore's models); the patterns are implemented by hand and each is pinned to
//! the model's text by a unit test. Limits the models do not state cite their source.

use std::net::Ipv4Addr;

use aws_model as model;
use aws_tables::model_or;
pub use aws_tables::{ModelField, Partition, closest_region, edit_distance, partition_of};

/// A problem with one value, in plain words.
pub type Problem = String;

/// The longest part of a value a problem quotes; longer values are cut with `…`.
const QUOTE_MAX: usize = 64;

/// A value quoted for a problem message: in backticks, control characters escaped, cut at
/// [`QUOTE_MAX`] characters so a megabyte value never floods the terminal.
pub fn shown(value: &str) -> String {
    let head: String = value.chars().take(QUOTE_MAX).collect();
    let mut quoted = crate::text::untrusted::line(&head).into_owned();
    if value.chars().count() > QUOTE_MAX {
        quoted.push('…');
    }
    format!("`{quoted}`")
}

/// `metadata.name`: `[a-z0-9-]{1,63}`.
pub fn plan_name(name: &str) -> Result<(), Problem> {
    if name.is_empty() || name.len() > 63 {
        return Err(format!(
            "{} has {} characters",
            shown(name),
            name.chars().count()
        ));
    }
    match name
        .chars()
        .find(|c| !matches!(c, 'a'..='z' | '0'..='9' | '-'))
    {
        Some(bad) => Err(format!(
            "{} contains {}",
            shown(name),
            shown(&bad.to_string())
        )),
        None => Ok(()),
    }
}

/// The longest domain name (RFC 1035 section 2.3.4: 255 octets; Directory Service's
/// `DirectoryName` states no length, `RemoteDomainName` allows 1024).
pub const FQDN_MAX: usize = 255;

/// The longest label of a domain name (RFC 1035 section 2.3.4: 63 octets).
pub const DNS_LABEL_MAX: usize = 63;

/// A domain name as Directory Service takes it (`DirectoryName`:
/// `^([a-zA-Z0-9]+[\\.-])+([a-zA-Z0-9])+$`), with at least two labels, labels of at most
/// [`DNS_LABEL_MAX`] characters and at most [`FQDN_MAX`] in all, no trailing dot.
pub fn fqdn(name: &str) -> Result<(), Problem> {
    if name.is_empty() {
        return Err("the domain name is empty".into());
    }
    if name.ends_with('.') {
        return Err(format!("{} ends with a dot", shown(name)));
    }
    if name.len() > FQDN_MAX {
        return Err(format!(
            "{} is longer than {FQDN_MAX} characters",
            shown(name)
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '.' || *c == '-'))
    {
        return Err(format!(
            "{} contains {}",
            shown(name),
            shown(&bad.to_string())
        ));
    }
    let labels: Vec<&str> = name.split('.').collect();
    if labels.len() < 2 {
        return Err(format!("{} is a single-label domain", shown(name)));
    }
    for label in &labels {
        if label.is_empty() {
            return Err(format!("{} has an empty label", shown(name)));
        }
        if label.starts_with('-') || label.ends_with('-') || label.contains("--") {
            return Err(format!(
                "{} has a label that starts or ends with `-`, or repeats it",
                shown(name)
            ));
        }
        if label.len() > DNS_LABEL_MAX {
            return Err(format!(
                "{} has a label longer than {DNS_LABEL_MAX} characters",
                shown(name)
            ));
        }
    }
    Ok(())
}

/// Characters a NetBIOS name may not contain (Microsoft's list; the character class of AWS's
/// `DirectoryShortName` pattern `^[^\\/:*?"<>|.]+[^\\/:*?"<>|]*$`).
pub const NETBIOS_FORBIDDEN: &[char] = &['\\', '/', ':', '*', '?', '"', '<', '>', '|'];

/// The longest NetBIOS domain name (Microsoft, "Naming conventions in Active Directory":
/// 15 characters; `DirectoryShortName` states no length).
pub const NETBIOS_MAX: usize = 15;

/// A NetBIOS domain name: 1-[`NETBIOS_MAX`] characters, none of `\/:*?"<>|`, no spaces or
/// control characters, not starting with `.`.
pub fn netbios(name: &str) -> Result<(), Problem> {
    let length = name.chars().count();
    if length == 0 || length > NETBIOS_MAX {
        return Err(format!("{} has {length} characters", shown(name)));
    }
    if let Some(bad) = name.chars().find(|c| {
        NETBIOS_FORBIDDEN.contains(c) || c.is_whitespace() || c.is_control() || !c.is_ascii()
    }) {
        return Err(format!(
            "{} contains `{}`",
            shown(name),
            bad.escape_default()
        ));
    }
    if name.starts_with('.') {
        return Err(format!("{} starts with `.`", shown(name)));
    }
    if let Some(reserved) = NETBIOS_RESERVED
        .iter()
        .find(|word| word.eq_ignore_ascii_case(name))
    {
        return Err(format!("{} is a name Windows reserves", shown(reserved)));
    }
    Ok(())
}

/// The one-word names Windows reserves for NetBIOS domain names (Microsoft KB 909264, "Naming
/// conventions in Active Directory", reserved words; the ones with spaces cannot be NetBIOS
/// names anyway).
pub const NETBIOS_RESERVED: &[&str] = &[
    "ANONYMOUS",
    "BATCH",
    "BUILTIN",
    "DIALUP",
    "INTERACTIVE",
    "INTERNET",
    "LOCAL",
    "NETWORK",
    "NULL",
    "PROXY",
    "RESTRICTED",
    "SELF",
    "SERVER",
    "SERVICE",
    "SYSTEM",
    "USERS",
    "WORLD",
];

/// The longest sAMAccountName of a user (20 characters: MS-ADTS, "sAMAccountName ... must be
/// 20 characters or fewer" for user objects).
pub const SAM_ACCOUNT_NAME_MAX: usize = 20;

/// A DNS server address: a unicast IPv4 address in dotted-quad form.
pub fn dns_server(address: &str) -> Result<Ipv4Addr, Problem> {
    let ip: Ipv4Addr = address
        .parse()
        .map_err(|_| format!("{} is not an IPv4 address", shown(address)))?;
    if ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_link_local()
    {
        return Err(format!(
            "{} cannot be a domain's DNS server",
            shown(address)
        ));
    }
    Ok(ip)
}

/// True for addresses that Directory Service reaches without `AddIpRoutes` (RFC 1918).
pub fn is_rfc1918(ip: Ipv4Addr) -> bool {
    ip.is_private()
}

/// An AWS resource id: `prefix-` then 8 or 17 lowercase hex digits.
pub fn resource_id(id: &str, prefix: &str) -> Result<(), Problem> {
    let hex = id
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('-'))
        .ok_or_else(|| format!("{} does not start with `{prefix}-`", shown(id)))?;
    if !(hex.len() == 8 || hex.len() == 17) || !is_lower_hex(hex) {
        return Err(format!(
            "{} is not `{prefix}-` followed by 8 or 17 hex digits",
            shown(id)
        ));
    }
    Ok(())
}

/// A directory id: `^d-[0-9a-f]{10}$`.
pub fn directory_id(id: &str) -> Result<(), Problem> {
    match id.strip_prefix("d-") {
        Some(hex) if hex.len() == 10 && is_lower_hex(hex) => Ok(()),
        _ => Err(format!(
            "{} is not `d-` followed by 10 hex digits",
            shown(id)
        )),
    }
}

fn is_lower_hex(text: &str) -> bool {
    text.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f'))
}

/// The digits of an AWS account id (sso-admin's `TargetId`: `\d{12}`, 12 to 12 characters).
pub const ACCOUNT_ID_DIGITS: usize =
    model_or(model::SSO_ADMIN_CREATE_ACCOUNT_ASSIGNMENT_TARGET_ID.max, 12);

/// A 12-digit AWS account id.
pub fn account_id(id: &str) -> Result<(), Problem> {
    if id.len() == ACCOUNT_ID_DIGITS && id.chars().all(|c| c.is_ascii_digit()) {
        Ok(())
    } else {
        Err(format!("{} is not {ACCOUNT_ID_DIGITS} digits", shown(id)))
    }
}

/// An AWS Region of the table (every partition botocore's endpoint files list); returns its
/// partition. An unknown name's problem suggests the closest Region of the table.
pub fn region(name: &str) -> Result<&'static Partition, Problem> {
    partition_of(name).ok_or_else(|| unknown_region(name))
}

/// `` `us-est-1` is not a Region name; did you mean `us-east-1`? ``
pub fn unknown_region(name: &str) -> Problem {
    match closest_region(name) {
        Some(close) => format!(
            "{} is not a Region name; did you mean `{close}`?",
            shown(name)
        ),
        None => format!("{} is not a Region name", shown(name)),
    }
}

/// The service account name for AD Connector (`UserName`: `[a-zA-Z0-9._-]+`, at least 1), at
/// most [`SAM_ACCOUNT_NAME_MAX`], no `DOMAIN\` or `@`.
pub fn service_account_name(name: &str) -> Result<(), Problem> {
    if name.is_empty() {
        return Err("the user name is empty".into());
    }
    let length = name.chars().count();
    if length > SAM_ACCOUNT_NAME_MAX {
        return Err(format!("{} has {length} characters", shown(name)));
    }
    if name.contains('\\') {
        return Err(format!("{} has a `DOMAIN\\` prefix", shown(name)));
    }
    if name.contains('@') {
        return Err(format!(
            "{} is a user principal name (has `@`)",
            shown(name)
        ));
    }
    match name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        Some(bad) => Err(format!(
            "{} contains `{}`",
            shown(name),
            bad.escape_default()
        )),
        None => Ok(()),
    }
}

/// An environment variable name: `[A-Za-z_][A-Za-z0-9_]*` (POSIX.1-2017, Base Definitions 8.1
/// and 3.235 "Name"; no AWS model is involved: the name never reaches AWS).
pub fn env_name(name: &str) -> Result<(), Problem> {
    let mut chars = name.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if first_ok && chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(())
    } else {
        Err("the name is not an environment variable name (it is not shown: it may be a pasted secret)".into())
    }
}

mod arns;
pub mod aws_model;
mod aws_tables;
mod free_text;
mod identity_center;
mod organizations;
pub mod passwords;
mod permission_set_fields;
mod tags;
mod unicode;

pub use arns::*;
pub use free_text::*;
pub use identity_center::*;
pub use organizations::*;
pub use permission_set_fields::*;
pub use tags::*;

#[cfg(test)]
mod model_tests;
#[cfg(test)]
pub(crate) mod pattern_tests;
#[cfg(test)]
mod policy_tests;
#[cfg(test)]
mod sso_parity_tests;
#[cfg(test)]
mod sso_pattern_tests;
#[cfg(test)]
mod tests;
