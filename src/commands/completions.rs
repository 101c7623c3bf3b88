//! `adsso completions SHELL`: the shell's completion script for every subcommand and flag,
//! generated from the same clap definitions as the parser, so it cannot drift from them.

use clap::CommandFactory;

use super::{CommandError, Outcome};
use crate::cli::Cli;

/// Prints the completion script of `shell`.
pub fn run(shell: clap_complete::Shell) -> Result<Outcome, CommandError> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "adsso", &mut script);
    std::io::Write::write_all(&mut std::io::stdout().lock(), &script)?;
    Ok(Outcome::Done)
}
