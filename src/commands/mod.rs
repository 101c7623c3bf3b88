//! One thin module per subcommand: read input, call the core, print, pick the exit code.

pub mod diagram;
pub mod init;
pub mod preflight;
pub mod validate;
pub mod wizard;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::plan::load::MAX_PLAN_BYTES;

/// How a command ended; each maps to one exit code of the CLI contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done (exit 0).
    Done,
    /// Failed: AWS or runtime error, reason printed (exit 1).
    Failed,
    /// Invalid input: usage or plan, problems printed (exit 2).
    Invalid,
    /// Paused at a manual step, instructions printed (exit 3).
    Paused,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> Self {
        ExitCode::from(match outcome {
            Outcome::Done => 0,
            Outcome::Failed => 1,
            Outcome::Invalid => 2,
            Outcome::Paused => 3,
        })
    }
}

/// Errors at the edge, before the core runs.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum CommandError {
    /// The plan file cannot be read.
    #[error("cannot read the plan {path}")]
    #[diagnostic(help(
        "give the path of a plan file; `adsso init --mode trust > plan.yaml` writes one"
    ))]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// A secret could not be read.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Secret(#[from] crate::secret_source::SecretError),
    /// The CA file cannot be used.
    #[error("cannot use the CA file {path}: {reason}")]
    CaFile {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The wizard needs a terminal.
    #[error("the wizard needs an interactive terminal (stdin and stdout are not both terminals)")]
    #[diagnostic(help(
        "run it in a terminal; `adsso init --mode trust` prints a plan template to fill in instead"
    ))]
    NoTerminal,
    /// The terminal failed during the wizard.
    #[error("the terminal failed during the wizard")]
    Terminal(#[source] std::io::Error),
    /// The async runtime could not start.
    #[error("cannot start the async runtime")]
    Runtime(#[source] std::io::Error),
    /// Writing to standard output failed.
    #[error("cannot write the output: {0}")]
    Write(#[from] std::io::Error),
}

impl CommandError {
    /// The outcome this error ends the command with.
    pub fn outcome(&self) -> Outcome {
        match self {
            CommandError::Read { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                Outcome::Invalid
            }
            CommandError::Secret(_) | CommandError::CaFile { .. } | CommandError::NoTerminal => {
                Outcome::Invalid
            }
            CommandError::Terminal(_) => Outcome::Failed,
            CommandError::Read { .. } | CommandError::Write(_) | CommandError::Runtime(_) => {
                Outcome::Failed
            }
        }
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<Outcome, CommandError> {
    match cli.command {
        Command::Wizard { out, plain } => wizard::run(&out, plain),
        Command::Validate { file } => validate::run(&file),
        Command::Diagram { file, format } => diagram::run(&file, format),
        Command::Init { mode } => init::run(mode),
        Command::Schema => init::schema(),
        Command::Preflight {
            file,
            ca_file,
            timeout,
            output,
            allow_plain_ldap,
        } => preflight::run(&preflight::Args {
            file,
            ca_file,
            timeout,
            output,
            allow_plain_ldap,
        }),
    }
}

/// Reads a plan file, refusing to read more than a plan can be (so `/dev/zero` is harmless).
pub fn read_plan(path: &Path) -> Result<Vec<u8>, CommandError> {
    let error = |source| CommandError::Read {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(error)?;
    let mut bytes = Vec::new();
    file.take(MAX_PLAN_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(error)?;
    Ok(bytes)
}
