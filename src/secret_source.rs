//! Resolving a plan's secret references into secret values, at the edge only: from an
//! environment variable, from a file readable only by its owner (mode 0600 or 0400), or from a
//! masked prompt on a terminal. Values live in [`SecretString`] (zeroized on drop) and no error
//! ever contains one.

use std::io::IsTerminal;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;

use secrecy::SecretString;

use crate::plan::SecretRef;

/// Why a secret could not be read. The messages name the reference, never the value.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum SecretError {
    /// The environment variable is not set (or not UTF-8).
    #[error("the {what} is read from the environment variable {name}, which is not set")]
    #[diagnostic(help("export {name}=... in this shell, or change the reference in the plan"))]
    EnvMissing {
        /// What the secret is for.
        what: String,
        /// The variable.
        name: String,
    },
    /// The file cannot be read.
    #[error("the {what} file {path} cannot be read")]
    FileUnreadable {
        /// What the secret is for.
        what: String,
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is readable by others.
    #[error("the {what} file {path} has mode {mode:o}; it must be readable by its owner only")]
    #[diagnostic(help("chmod 600 {path}"))]
    FileTooOpen {
        /// What the secret is for.
        what: String,
        /// The file.
        path: String,
        /// Its permission bits.
        mode: u32,
    },
    /// The secret is empty.
    #[error("the {what} from {reference} is empty")]
    Empty {
        /// What the secret is for.
        what: String,
        /// The reference.
        reference: String,
    },
    /// `{prompt: true}` without a terminal.
    #[error(
        "the {what} is asked at run time ({{prompt: true}}), but there is no terminal to ask on"
    )]
    #[diagnostic(help("run in a terminal, or use {{env: NAME}} or {{file: PATH}} in the plan"))]
    NoTerminal {
        /// What the secret is for.
        what: String,
    },
    /// The prompt failed or was cancelled.
    #[error("the {what} prompt was cancelled or failed: {reason}")]
    Prompt {
        /// What the secret is for.
        what: String,
        /// Why (never the input).
        reason: String,
    },
}

/// Reads the secret `reference` points at; `what` names it in messages ("service account password").
pub fn resolve(reference: &SecretRef, what: &str) -> Result<SecretString, SecretError> {
    let value = match reference {
        SecretRef::Env(name) => std::env::var(name).map_err(|_| SecretError::EnvMissing {
            what: what.to_owned(),
            name: name.clone(),
        })?,
        SecretRef::File(path) => read_file(path, what)?,
        SecretRef::Prompt => prompt(what)?,
    };
    let value = value.trim_end_matches(['\n', '\r']).to_owned();
    if value.is_empty() {
        return Err(SecretError::Empty {
            what: what.to_owned(),
            reference: reference.describe(),
        });
    }
    Ok(SecretString::from(value))
}

fn read_file(path: &str, what: &str) -> Result<String, SecretError> {
    let unreadable = |source| SecretError::FileUnreadable {
        what: what.to_owned(),
        path: path.to_owned(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    #[cfg(unix)]
    {
        let mode = metadata.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(SecretError::FileTooOpen {
                what: what.to_owned(),
                path: path.to_owned(),
                mode,
            });
        }
    }
    #[cfg(not(unix))]
    let _ = metadata;
    std::fs::read_to_string(path).map_err(unreadable)
}

fn prompt(what: &str) -> Result<String, SecretError> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Err(SecretError::NoTerminal {
            what: what.to_owned(),
        });
    }
    inquire::Password::new(&format!("{what}:"))
        .without_confirmation()
        .with_display_mode(inquire::PasswordDisplayMode::Masked)
        .prompt()
        .map_err(|error| SecretError::Prompt {
            what: what.to_owned(),
            reason: error.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;

    use super::*;

    #[test]
    fn file_secrets_need_owner_only_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret");
        std::fs::write(&path, "Canary-Secret-4711!\n").unwrap();
        let reference = SecretRef::File(path.display().to_string());
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let error = resolve(&reference, "trust password").unwrap_err();
        assert!(matches!(
            error,
            SecretError::FileTooOpen { mode: 0o644, .. }
        ));
        assert!(!error.to_string().contains("Canary"));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let secret = resolve(&reference, "trust password").unwrap();
        assert_eq!(secret.expose_secret(), "Canary-Secret-4711!");
    }

    #[test]
    fn missing_env_names_the_variable_only() {
        let reference = SecretRef::Env("ADSSO_TEST_SURELY_UNSET_VARIABLE".into());
        let error = resolve(&reference, "service account password").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("ADSSO_TEST_SURELY_UNSET_VARIABLE")
        );
    }
}
