//! Resolving a plan's secret references at apply time, and only there: from the environment, from
//! a file readable only by its owner, or from a masked prompt. Values are held in
//! [`SecretString`] (zeroized on drop) and never printed, logged or put into an error: errors
//! name the reference, never the value.

use std::io::IsTerminal;
#[cfg(unix)]
use std::os::unix::fs::PermissionsExt;

use secrecy::{ExposeSecret, SecretString};

pub mod typed;

use crate::apply::Secrets;
use crate::plan::{Plan, SecretRef, SecretSlot};

/// Why a secret could not be read. Holds references, never values.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SecretError {
    /// The environment variable is not set (or not UTF-8).
    #[error(
        "the {what} comes from the environment variable {name}, which is not set; export it, then re-run"
    )]
    EnvMissing {
        /// What the secret is for.
        what: String,
        /// The variable.
        name: String,
    },
    /// The secret is empty.
    #[error("the {what} ({reference}) is empty")]
    Empty {
        /// What the secret is for.
        what: String,
        /// Where it came from.
        reference: String,
    },
    /// The file can be read by others.
    #[error(
        "the {what} file {path} has mode {mode:o}; group and others must have no access to it: `chmod 600 {path}`"
    )]
    FileMode {
        /// What the secret is for.
        what: String,
        /// The file.
        path: String,
        /// Its permission bits.
        mode: u32,
    },
    /// The file cannot be read.
    #[error("cannot read the {what} file {path}: {reason}")]
    FileRead {
        /// What the secret is for.
        what: String,
        /// The file.
        path: String,
        /// Why (the OS error; never the content).
        reason: String,
    },
    /// The secret breaks AWS's rules for it.
    #[error(
        "the {what} ({reference}) does not meet AWS's rules: {problem}; nothing was sent to AWS"
    )]
    Rule {
        /// What the secret is for.
        what: String,
        /// Where it came from.
        reference: String,
        /// Which rule, in words (never the value).
        problem: String,
    },
    /// `{prompt: true}` without a terminal.
    #[error(
        "the {what} is {{prompt: true}} but there is no terminal to ask on; use {{env: NAME}} or {{file: PATH}} for unattended runs"
    )]
    NoTerminal {
        /// What the secret is for.
        what: String,
    },
    /// A typed password was refused (mismatch or rule) too many times.
    #[error("the {what} was refused {attempts} times (see above); nothing was sent to AWS")]
    Attempts {
        /// What the secret is for.
        what: String,
        /// How many tries were refused.
        attempts: usize,
    },
    /// The prompt was cancelled or failed.
    #[error("the {what} was not entered: {reason}")]
    Prompt {
        /// What the secret is for.
        what: String,
        /// Why.
        reason: String,
    },
}

/// Resolves one reference.
pub fn resolve(reference: &SecretRef, what: &str) -> Result<SecretString, SecretError> {
    let value = match reference {
        SecretRef::Env(name) => std::env::var(name).map_err(|_| SecretError::EnvMissing {
            what: what.to_owned(),
            name: name.clone(),
        })?,
        SecretRef::File(path) => read_file(path, what)?,
        SecretRef::Prompt => {
            if !std::io::stdin().is_terminal() {
                return Err(SecretError::NoTerminal {
                    what: what.to_owned(),
                });
            }
            inquire::Password::new(&format!("{what}:"))
                .without_confirmation()
                .with_display_mode(inquire::PasswordDisplayMode::Hidden)
                .prompt()
                .map_err(|error| SecretError::Prompt {
                    what: what.to_owned(),
                    reason: error.to_string(),
                })?
        }
    };
    if value.is_empty() {
        return Err(SecretError::Empty {
            what: what.to_owned(),
            reference: reference.describe(),
        });
    }
    Ok(SecretString::from(value))
}

/// Reads a `{file:}` secret with the bounded reader of [`crate::files`]: a regular file only
/// (never a FIFO, which would block, nor a device), with no group or other access (checked on the
/// opened handle, so the file checked is the file read), of at most 4 KiB; trailing line breaks
/// are dropped.
fn read_file(path: &str, what: &str) -> Result<String, SecretError> {
    let read_error = |error: crate::files::FileError| SecretError::FileRead {
        what: what.to_owned(),
        path: path.to_owned(),
        reason: error.to_string(),
    };
    let (file, metadata) = crate::files::open(std::path::Path::new(path)).map_err(read_error)?;
    #[cfg(unix)]
    {
        let mode = metadata.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(SecretError::FileMode {
                what: what.to_owned(),
                path: path.to_owned(),
                mode,
            });
        }
    }
    crate::files::check_size(&metadata, crate::files::SECRET).map_err(read_error)?;
    let bytes = crate::files::read_capped(file, crate::files::SECRET).map_err(read_error)?;
    let mut text = String::from_utf8(bytes).map_err(|error| {
        zeroize::Zeroize::zeroize(&mut error.into_bytes());
        SecretError::FileRead {
            what: what.to_owned(),
            path: path.to_owned(),
            reason: crate::text::PLAN_NOT_UTF8.to_owned(),
        }
    })?;
    while text.ends_with('\n') || text.ends_with('\r') {
        text.pop();
    }
    Ok(text)
}

/// Resolves every secret the plan's mode needs and checks each against AWS's rules for it,
/// before anything is sent.
pub fn resolve_plan(plan: &Plan) -> Result<Secrets, SecretError> {
    let all: Vec<SecretSlot> = crate::plan::secret_slots(plan)
        .into_iter()
        .map(|(slot, _)| slot)
        .collect();
    resolve_slots(plan, &all)
}

/// Resolves the plan's secrets of the slots `needed` (see [`crate::apply::needs`]) and checks
/// each against AWS's rules, before anything is sent.
pub fn resolve_slots(plan: &Plan, needed: &[SecretSlot]) -> Result<Secrets, SecretError> {
    let mut secrets = Secrets::default();
    for (slot, reference) in crate::plan::secret_slots(plan) {
        if !needed.contains(&slot) {
            continue;
        }
        let value = resolve_slot(slot, reference)?;
        checked(slot, reference, &value)?;
        secrets.store(slot, value);
    }
    Ok(secrets)
}

/// The secrets resolved without asking, and the slots still open (no `Debug`: it holds
/// passwords).
#[derive(Default)]
pub struct Offline {
    /// Every secret read from its environment variable or file, each checked against AWS's rules.
    pub secrets: Secrets,
    /// The slots not resolved: `{prompt: true}`, or an environment variable that is not set or
    /// empty. Apply resolves them once it knows which are still needed (a resumed run needs no
    /// password for what exists), and fails on those then.
    pub open: Vec<SecretSlot>,
}

/// The first phase of apply's secrets, before any AWS call: every secret that can be read
/// without asking (an environment variable that is set, a file) is read and checked against
/// AWS's rules now, so a password AWS would refuse fails in seconds, before anything is sent.
/// A file that cannot be used is an error at once.
pub fn resolve_offline(plan: &Plan) -> Result<Offline, SecretError> {
    let mut offline = Offline::default();
    for (slot, reference) in crate::plan::secret_slots(plan) {
        match read_without_asking(slot, reference) {
            Some(value) => {
                let value = value?;
                checked(slot, reference, &value)?;
                offline.secrets.store(slot, value);
            }
            None => offline.open.push(slot),
        }
    }
    Ok(offline)
}

/// What `reference` gives without asking anyone: `None` for `{prompt: true}` and for a variable
/// that is not set or is empty (those are open: asked, or missing); the file's content or why
/// it cannot be used for `{file:}`; the variable's value when it is set.
pub fn read_without_asking(
    slot: SecretSlot,
    reference: &SecretRef,
) -> Option<Result<SecretString, SecretError>> {
    match reference {
        SecretRef::Prompt => None,
        SecretRef::Env(name) => std::env::var(name)
            .ok()
            .filter(|value| !value.is_empty())
            .map(|value| Ok(SecretString::from(value))),
        SecretRef::File(_) => Some(resolve(reference, &slot.what())),
    }
}

/// Resolves `slot`'s reference; `{prompt: true}` asks on the terminal with [`typed::ask`] (a
/// new password twice, each try checked against AWS's rules at once).
pub fn resolve_slot(slot: SecretSlot, reference: &SecretRef) -> Result<SecretString, SecretError> {
    if *reference != SecretRef::Prompt {
        return resolve(reference, &slot.what());
    }
    let what = slot.what().into_owned();
    if !std::io::stdin().is_terminal() {
        return Err(SecretError::NoTerminal { what });
    }
    typed::ask(&mut typed::Terminal, slot).map_err(|not_taken| match not_taken {
        typed::NotTaken::OutOfAttempts => SecretError::Attempts {
            what,
            attempts: typed::ATTEMPTS,
        },
        typed::NotTaken::Stopped(stop) => SecretError::Prompt {
            what,
            reason: match stop {
                typed::Stop::Back | typed::Stop::Interrupted => "cancelled".to_owned(),
                typed::Stop::Failed(reason) => reason,
            },
        },
    })
}

/// `value` if it meets AWS's rules for `slot`; the error names the rule, never the value.
pub fn checked(
    slot: SecretSlot,
    reference: &SecretRef,
    value: &SecretString,
) -> Result<(), SecretError> {
    slot.check(value.expose_secret())
        .map_err(|problem| SecretError::Rule {
            what: slot.what().into_owned(),
            reference: reference.describe(),
            problem,
        })
}

/// What `validate` can tell about one secret without asking for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readiness {
    /// Resolved here and it meets AWS's rules.
    Meets {
        /// What the secret is for.
        what: String,
        /// Where it came from.
        reference: String,
    },
    /// Not resolvable here without a prompt (an unset variable, a file not on this machine,
    /// `{prompt: true}`): apply checks it.
    Unchecked {
        /// What the secret is for.
        what: String,
        /// Where it will come from.
        reference: String,
    },
}

/// Checks every secret of `plan` that can be read without prompting (a set variable, a file
/// that exists here): `Err` for one that cannot be used (a rule broken, an unusable file).
pub fn check_readable(plan: &Plan) -> Result<Vec<Readiness>, SecretError> {
    let mut seen = Vec::new();
    for (slot, reference) in crate::plan::secret_slots(plan) {
        let unchecked = Readiness::Unchecked {
            what: slot.what().into_owned(),
            reference: reference.describe(),
        };
        let readable = match reference {
            SecretRef::Env(name) => std::env::var_os(name).is_some(),
            // A file that is not here may be on the machine that applies; one that is here
            // must be usable.
            SecretRef::File(path) => std::path::Path::new(path).exists(),
            SecretRef::Prompt => false,
        };
        if !readable {
            seen.push(unchecked);
            continue;
        }
        let value = resolve(reference, &slot.what())?;
        checked(slot, reference, &value)?;
        seen.push(Readiness::Meets {
            what: slot.what().into_owned(),
            reference: reference.describe(),
        });
    }
    Ok(seen)
}

#[cfg(test)]
mod tests;
