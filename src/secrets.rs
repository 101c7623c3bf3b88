//! Resolving a plan's secret references at apply time, and only there: from the environment, from
//! a file readable only by its owner, or from a masked prompt. Values are held in
//! [`SecretString`] (zeroized on drop) and never printed, logged or put into an error: errors
//! name the reference, never the value.

use std::io::IsTerminal;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;

use secrecy::SecretString;

use crate::plan::{Mode, Plan, SecretRef};
use crate::steps::Secrets;

/// Why a secret could not be read. Holds references, never values.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SecretError {
    /// The environment variable is not set (or not UTF-8).
    #[error(
        "the {what} comes from the environment variable {name}, which is not set; export it, then re-run"
    )]
    EnvMissing {
        /// What the secret is for.
        what: &'static str,
        /// The variable.
        name: String,
    },
    /// The secret is empty.
    #[error("the {what} ({reference}) is empty")]
    Empty {
        /// What the secret is for.
        what: &'static str,
        /// Where it came from.
        reference: String,
    },
    /// The file can be read by others.
    #[error(
        "the {what} file {path} has mode {mode:o}; it must be readable only by you: `chmod 600 {path}`"
    )]
    FileMode {
        /// What the secret is for.
        what: &'static str,
        /// The file.
        path: String,
        /// Its permission bits.
        mode: u32,
    },
    /// The file cannot be read.
    #[error("cannot read the {what} file {path}: {reason}")]
    FileRead {
        /// What the secret is for.
        what: &'static str,
        /// The file.
        path: String,
        /// Why (the OS error; never the content).
        reason: String,
    },
    /// `{prompt: true}` without a terminal.
    #[error(
        "the {what} is {{prompt: true}} but there is no terminal to ask on; use {{env: NAME}} or {{file: PATH}} for unattended runs"
    )]
    NoTerminal {
        /// What the secret is for.
        what: &'static str,
    },
    /// The prompt was cancelled or failed.
    #[error("the {what} was not entered: {reason}")]
    Prompt {
        /// What the secret is for.
        what: &'static str,
        /// Why.
        reason: String,
    },
}

/// Resolves one reference.
pub fn resolve(reference: &SecretRef, what: &'static str) -> Result<SecretString, SecretError> {
    let value = match reference {
        SecretRef::Env(name) => std::env::var(name).map_err(|_| SecretError::EnvMissing {
            what,
            name: name.clone(),
        })?,
        SecretRef::File(path) => read_file(path, what)?,
        SecretRef::Prompt => {
            if !std::io::stdin().is_terminal() {
                return Err(SecretError::NoTerminal { what });
            }
            inquire::Password::new(&format!("{what}:"))
                .without_confirmation()
                .with_display_mode(inquire::PasswordDisplayMode::Hidden)
                .prompt()
                .map_err(|error| SecretError::Prompt {
                    what,
                    reason: error.to_string(),
                })?
        }
    };
    if value.is_empty() {
        return Err(SecretError::Empty {
            what,
            reference: reference.describe(),
        });
    }
    Ok(SecretString::from(value))
}

fn read_file(path: &str, what: &'static str) -> Result<String, SecretError> {
    let read_error = |error: std::io::Error| SecretError::FileRead {
        what,
        path: path.to_owned(),
        reason: error.kind().to_string(),
    };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    #[cfg(unix)]
    {
        let mode = metadata.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(SecretError::FileMode {
                what,
                path: path.to_owned(),
                mode,
            });
        }
    }
    #[cfg(not(unix))]
    let _ = metadata;
    let mut text = std::fs::read_to_string(path).map_err(read_error)?;
    while text.ends_with('\n') || text.ends_with('\r') {
        text.pop();
    }
    Ok(text)
}

/// Resolves every secret the plan's mode needs.
pub fn resolve_plan(plan: &Plan) -> Result<Secrets, SecretError> {
    let mut secrets = Secrets::default();
    match plan.connection.mode {
        Mode::AdConnector => {
            if let Some(connector) = &plan.connection.ad_connector {
                secrets.service_account = Some(resolve(
                    &connector.service_account.password,
                    "service account password",
                )?);
            }
        }
        Mode::Trust | Mode::SimpleAd => {
            if let Some(trust) = &plan.connection.trust {
                if let Some(create) = &trust.managed_ad.create {
                    secrets.admin = Some(resolve(
                        &create.admin_password,
                        "Managed AD Admin password",
                    )?);
                }
                secrets.trust = Some(resolve(&trust.password, "trust password")?);
            }
        }
    }
    Ok(secrets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn a_file_readable_by_others_is_refused_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pw");
        std::fs::write(&path, "Canary-Secret-4711!\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let reference = SecretRef::File(path.display().to_string());
        let error = resolve(&reference, "trust password").unwrap_err();
        assert!(matches!(error, SecretError::FileMode { mode: 0o644, .. }));
        assert!(!error.to_string().contains("Canary"));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let value = resolve(&reference, "trust password").unwrap();
        assert_eq!(value.expose_secret(), "Canary-Secret-4711!");
    }

    #[test]
    fn a_missing_variable_is_named_not_guessed() {
        let reference = SecretRef::Env("ADSSO_TEST_SURELY_UNSET_VARIABLE".to_owned());
        let error = resolve(&reference, "trust password").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("ADSSO_TEST_SURELY_UNSET_VARIABLE")
        );
    }
}
