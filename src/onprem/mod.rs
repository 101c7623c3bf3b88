//! The PowerShell an operator runs on a self-managed domain controller (trust mode): the
//! checks that stop it before any change (site names, null-session pipes, time, the Managed AD's
//! DNS answering), the conditional forwarder to the AWS Managed AD, the local side of the
//! two-way trust, and checks after. `-WhatIf` prints what it would change.
//! Pure: generated from the plan, the Managed AD's domain and its DNS addresses. The trust
//! password is asked by the script itself (`Read-Host -AsSecureString`), never written into it.
//!
//! Safe by construction: the script is a fixed text with variables set at its top, and every
//! value reaches it through [`quote::quoted`] (one single-quoted literal each). No comment holds a
//! value, a secret file path never appears, and a value that cannot be quoted safely (a control
//! character, or a Managed AD name from AWS that is not a DNS name) stops the script from being
//! written at all.

pub mod quote;
mod template;

use std::net::Ipv4Addr;

use crate::plan::rules;
use crate::plan::{Mode, Plan, SecretRef, TrustType};
use crate::text::untrusted;
pub use quote::{Unquotable, quoted};

/// What the script needs besides the plan: the AWS side of the trust.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagedSide {
    /// The AWS Managed AD's DNS name; `None` while it is not known (the script then stops with
    /// a message before changing anything).
    pub domain: Option<String>,
    /// Its DNS server addresses (`DnsIpAddrs`); empty while not known (same).
    pub dns_ips: Vec<Ipv4Addr>,
}

/// Why no script can be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScriptError {
    /// The Managed AD's name (from AWS) is not a DNS name.
    #[error(
        "the Managed AD's name from AWS is not a DNS name ({problem}); the PowerShell is not written"
    )]
    ManagedDomain {
        /// What is wrong with it (the value shown escaped).
        problem: String,
    },
    /// A DNS address from AWS is not an IPv4 address.
    #[error(
        "the Managed AD's DNS address `{}` from AWS is not an IPv4 address; the PowerShell is not written",
        untrusted::line(.address)
    )]
    DnsAddress {
        /// The address as AWS gave it.
        address: String,
    },
    /// A value cannot be quoted safely.
    #[error(transparent)]
    Unquotable(#[from] Unquotable),
}

impl ManagedSide {
    /// The AWS side as AWS describes it (`Name`, `DnsIpAddrs`), checked before it goes anywhere
    /// near a script: the name must be a DNS name, each address an IPv4 address.
    pub fn from_aws(name: &str, dns_ips: &[String]) -> Result<Self, ScriptError> {
        rules::fqdn(name).map_err(|problem| ScriptError::ManagedDomain { problem })?;
        let dns_ips = dns_ips
            .iter()
            .map(|address| {
                address
                    .parse::<Ipv4Addr>()
                    .map_err(|_| ScriptError::DnsAddress {
                        address: address.clone(),
                    })
            })
            .collect::<Result<_, _>>()?;
        Ok(ManagedSide {
            domain: Some(name.to_owned()),
            dns_ips,
        })
    }
}

/// The script's values, each already a PowerShell literal.
struct Literals {
    scope: &'static str,
    class: &'static str,
    local_domain: String,
    aws_domain: String,
    masters: String,
    password_source: String,
}

/// Where the trust password comes from, for the script's reminder: never a file's path.
fn password_source(reference: &SecretRef) -> String {
    match reference {
        SecretRef::Env(name) => format!("{{env: {name}}}"),
        SecretRef::File(_) => "{file: ...} (the file the plan names)".to_owned(),
        SecretRef::Prompt => "{prompt: true}".to_owned(),
    }
}

/// The script for a trust plan: for one domain its script, for several each domain's script
/// under a comment line that names it (each part runs on a DC of its own domain and skips a DC of
/// another, so the whole text may run on each); `Ok(None)` for an
/// AD Connector plan (nothing to do on the DC).
pub fn script(plan: &Plan, managed: &ManagedSide) -> Result<Option<String>, ScriptError> {
    let domains = plan.self_managed.all();
    if domains.len() == 1 {
        return domain_script(plan, 0, managed);
    }
    let mut out = String::new();
    for (index, domain) in domains.iter().enumerate() {
        let Some(script) = domain_script(plan, index, managed)? else {
            return Ok(None);
        };
        // The name passed validation (letters, digits, hyphens and dots): safe in a comment.
        out.push_str(&format!(
            "# ==== {} (selfManaged[{index}]): run on a domain controller of this domain ====\n",
            crate::text::untrusted::line(&domain.domain)
        ));
        out.push_str(&script);
        out.push('\n');
    }
    Ok(Some(out))
}

/// The script for the self-managed domain `selfManaged[index]` of a trust plan; `Ok(None)` for
/// an AD Connector plan or an index beyond the plan's domains.
pub fn domain_script(
    plan: &Plan,
    index: usize,
    managed: &ManagedSide,
) -> Result<Option<String>, ScriptError> {
    if plan.connection.mode != Mode::Trust {
        return Ok(None);
    }
    let (Some(trust), Some(domain)) = (
        plan.connection.trust.as_ref(),
        plan.self_managed.all().get(index),
    ) else {
        return Ok(None);
    };
    let settings = domain.trust_settings(trust);
    let (scope, class) = match settings.trust_type {
        TrustType::Forest => ("forest", "Forest"),
        TrustType::External => ("domain", "Domain"),
    };
    let masters = managed
        .dns_ips
        .iter()
        .map(|ip| quoted(&ip.to_string(), "a DNS address"))
        .collect::<Result<Vec<_>, _>>()?
        .join(", ");
    let literals = Literals {
        scope,
        class,
        local_domain: quoted(&domain.domain, "selfManaged.domain")?,
        aws_domain: quoted(
            managed.domain.as_deref().unwrap_or_default(),
            "the Managed AD's DNS name",
        )?,
        masters,
        password_source: quoted(
            &password_source(settings.password),
            "the password reference",
        )?,
    };
    Ok(Some(template::render(&literals)))
}

#[cfg(test)]
mod tests;
