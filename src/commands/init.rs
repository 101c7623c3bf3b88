//! `adsso init`: print a commented plan template.

use std::io::Write;

use super::{CommandError, Outcome};
use crate::cli::InitMode;
use crate::plan::model::Mode;
use crate::plan::template::template_for;

/// Prints the template for `mode` listing `domains` self-managed domains (1: today's template;
/// more: trust mode only).
pub fn run(mode: InitMode, domains: usize) -> Result<Outcome, CommandError> {
    let mode = match mode {
        InitMode::AdConnector => Mode::AdConnector,
        InitMode::Trust => Mode::Trust,
    };
    let text = template_for(mode, domains).map_err(|refusal| CommandError::InitDomains {
        message: refusal.to_string(),
    })?;
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Outcome::Done)
}
