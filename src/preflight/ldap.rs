//! LDAP check as the AD Connector service account: StartTLS on 389 or LDAPS on 636 with
//! certificate verification (system roots or `--ca-file`), a simple bind, then reads of users and
//! groups under the domain's naming context. The password only ever travels inside TLS, unless
//! the operator allowed plain LDAP. AD's bind sub-codes are told in plain words.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use ldap3::{Ldap, LdapConnAsync, LdapConnSettings, LdapError, Scope, SearchOptions, StdStream};
use rustls::ClientConfig;
use secrecy::{ExposeSecret, SecretString};

use super::ldap_reads::{self, Found, Wanted};
use crate::text::preflight as words;

/// Whether the password may go over unencrypted LDAP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlainLdap {
    /// Never (the default): TLS or nothing.
    Refuse,
    /// After StartTLS and LDAPS both failed (`--allow-plain-ldap`).
    Allow,
}

/// How the connection was protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// StartTLS on port 389.
    StartTls,
    /// LDAPS on port 636.
    Ldaps,
    /// Plain LDAP on 389 (only with [`PlainLdap::Allow`]).
    Plain,
}

/// What the LDAP check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LdapOutcome {
    /// Bound and read.
    Read {
        /// What was read for the account and group checks.
        found: Found,
        /// The channel used.
        channel: Channel,
        /// The naming context read.
        naming_context: String,
        /// Users seen (capped at the sample size).
        users: usize,
        /// Groups seen (capped at the sample size).
        groups: usize,
    },
    /// The bind was refused.
    BindRefused {
        /// Why, in plain words.
        why: String,
        /// AD's sub-code (`52e`, `775`...), when it gave one.
        code: Option<String>,
    },
    /// No protected channel could be set up, and plain LDAP is not allowed.
    NoTls(String),
    /// Bound, but reading failed.
    ReadFailed(String),
    /// The DC could not be reached.
    Unreachable(String),
}

/// How many entries of each kind are read as proof.
pub const SAMPLE: i32 = 10;

/// The account and trust material for a bind.
pub struct Credentials<'a> {
    /// `user@domain`.
    pub principal: String,
    /// The password (never printed).
    pub password: &'a SecretString,
}

/// Builds the TLS configuration: the CA file's certificates, or the system's roots.
pub fn tls_config(ca_pem: Option<&[u8]>) -> Result<Arc<ClientConfig>, String> {
    let mut roots = rustls::RootCertStore::empty();
    match ca_pem {
        Some(pem) => {
            for cert in rustls_pemfile::certs(&mut &pem[..]) {
                let cert =
                    cert.map_err(|error| format!("{}: {error}", words::CA_FILE_UNREADABLE))?;
                roots
                    .add(cert)
                    .map_err(|error| format!("{}: {error}", words::CA_FILE_UNREADABLE))?;
            }
            if roots.is_empty() {
                return Err(words::CA_FILE_EMPTY.to_owned());
            }
        }
        None => {
            let native = rustls_native_certs::load_native_certs();
            for cert in native.certs {
                let _ = roots.add(cert);
            }
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|error| error.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// Connects to `host` (a DC name, checked against its certificate) at `ip` over `channel`.
pub(crate) async fn connect(
    host: &str,
    ip: Ipv4Addr,
    channel: Channel,
    tls: &Arc<ClientConfig>,
    limit: Duration,
) -> Result<Ldap, LdapError> {
    let port = if channel == Channel::Ldaps { 636 } else { 389 };
    let stream = tokio::time::timeout(
        limit,
        tokio::net::TcpStream::connect(SocketAddr::from((ip, port))),
    )
    .await
    .map_err(|_| {
        LdapError::from(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            words::LDAP_TIMEOUT,
        ))
    })??
    .into_std()?;
    let settings = LdapConnSettings::new()
        .set_conn_timeout(limit)
        .set_config(tls.clone())
        .set_starttls(channel == Channel::StartTls)
        .set_std_stream(StdStream::Tcp(stream));
    let scheme = if channel == Channel::Ldaps {
        "ldaps"
    } else {
        "ldap"
    };
    let url = format!("{scheme}://{host}:{port}");
    let (connection, ldap) = LdapConnAsync::with_settings(settings, &url).await?;
    ldap3::drive!(connection);
    Ok(ldap)
}

/// Binds and reads as the service account on one DC, then reads what is `wanted`.
pub async fn check(
    host: &str,
    ip: Ipv4Addr,
    credentials: &Credentials<'_>,
    wanted: &Wanted,
    tls: &Arc<ClientConfig>,
    plain: PlainLdap,
    limit: Duration,
) -> LdapOutcome {
    let mut failures = Vec::new();
    let mut channels = vec![Channel::StartTls, Channel::Ldaps];
    if plain == PlainLdap::Allow {
        channels.push(Channel::Plain);
    }
    for channel in channels {
        match connect(host, ip, channel, tls, limit).await {
            Ok(mut ldap) => {
                let outcome = bind_and_read(&mut ldap, channel, credentials, wanted, limit).await;
                let _ = ldap.unbind().await;
                return outcome;
            }
            Err(error) => failures.push(format!(
                "{}: {}",
                words::channel_name(channel),
                describe(&error)
            )),
        }
    }
    let seen = failures.join("; ");
    if failures
        .iter()
        .all(|failure| failure.contains(words::LDAP_TIMEOUT))
    {
        return LdapOutcome::Unreachable(seen);
    }
    match plain {
        PlainLdap::Refuse => LdapOutcome::NoTls(seen),
        PlainLdap::Allow => LdapOutcome::Unreachable(seen),
    }
}

async fn bind_and_read(
    ldap: &mut Ldap,
    channel: Channel,
    credentials: &Credentials<'_>,
    wanted: &Wanted,
    limit: Duration,
) -> LdapOutcome {
    ldap.with_timeout(limit);
    let bound = ldap
        .simple_bind(&credentials.principal, credentials.password.expose_secret())
        .await
        .and_then(ldap3::LdapResult::success);
    if let Err(error) = bound {
        return LdapOutcome::BindRefused {
            why: explain_bind(&error),
            code: bind_sub_code(&error),
        };
    }
    match read(ldap, limit).await {
        Ok((naming_context, users, groups)) => LdapOutcome::Read {
            found: ldap_reads::read(ldap, &naming_context, wanted, limit).await,
            channel,
            naming_context,
            users,
            groups,
        },
        Err(error) => LdapOutcome::ReadFailed(describe(&error)),
    }
}

async fn read(ldap: &mut Ldap, limit: Duration) -> Result<(String, usize, usize), LdapError> {
    ldap.with_timeout(limit);
    let (root, _) = ldap
        .search(
            "",
            Scope::Base,
            "(objectClass=*)",
            vec!["defaultNamingContext"],
        )
        .await?
        .success()?;
    let naming_context = root
        .into_iter()
        .next()
        .map(ldap3::SearchEntry::construct)
        .and_then(|entry| {
            entry
                .attrs
                .get("defaultNamingContext")
                .and_then(|v| v.first().cloned())
        })
        .unwrap_or_default();
    let users = count(
        ldap,
        &naming_context,
        "(&(objectCategory=person)(objectClass=user))",
        limit,
    )
    .await?;
    let groups = count(ldap, &naming_context, "(objectClass=group)", limit).await?;
    Ok((naming_context, users, groups))
}

/// Counts up to [`SAMPLE`] entries; "size limit exceeded" is the expected end of a sample.
async fn count(
    ldap: &mut Ldap,
    base: &str,
    filter: &str,
    limit: Duration,
) -> Result<usize, LdapError> {
    ldap.with_timeout(limit)
        .with_search_options(SearchOptions::new().sizelimit(SAMPLE));
    let result = ldap
        .search(base, Scope::Subtree, filter, vec!["sAMAccountName"])
        .await?;
    match result.1.rc {
        0 | 4 => Ok(result.0.len().min(SAMPLE as usize)),
        _ => result.success().map(|(entries, _)| entries.len()),
    }
}

/// An LDAP error in words; the password is never part of it.
pub(crate) fn describe(error: &LdapError) -> String {
    match error {
        LdapError::LdapResult { result } => format!("rc={} {}", result.rc, result.text.trim()),
        other => other.to_string(),
    }
}

/// AD's sub-code of a refused bind (`data 52e` in the diagnostic message), in lower case.
pub fn bind_sub_code(error: &LdapError) -> Option<String> {
    let LdapError::LdapResult { result } = error else {
        return None;
    };
    result
        .text
        .split("data ")
        .nth(1)
        .and_then(|rest| rest.split([',', ' ']).next())
        .filter(|code| !code.is_empty() && code.len() <= 8)
        .map(str::to_ascii_lowercase)
}

/// Explains a refused bind, with AD's sub-code (`data 52e`...) in plain words.
pub fn explain_bind(error: &LdapError) -> String {
    let LdapError::LdapResult { result } = error else {
        return describe(error);
    };
    let sub_code = bind_sub_code(error).unwrap_or_default();
    match (result.rc, sub_code.as_str()) {
        (49, code) if !code.is_empty() => words::bind_sub_code(code),
        (49, _) => words::BIND_INVALID_CREDENTIALS.to_owned(),
        (8, _) | (13, _) => words::BIND_NEEDS_TLS.to_owned(),
        _ => describe(error),
    }
}
