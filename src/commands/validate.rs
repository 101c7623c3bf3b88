//! `adsso validate FILE`: offline checks; prints every problem as
//! `path (line:col): what is wrong; what is allowed` and exits 0 or 2.

use std::io::Write;
use std::path::Path;

use super::{CommandError, Outcome, read_plan};
use crate::diagram::{self, Diagram};
use crate::plan::{self, Mode, TrustDirection};
use crate::secrets::{self, Readiness};
use crate::text::{self, untrusted};

/// Validates the plan in `file`.
pub fn run(file: &Path) -> Result<Outcome, CommandError> {
    let bytes = read_plan(file)?;
    let mut err = std::io::stderr().lock();
    match plan::load(&bytes) {
        Ok((parsed, warnings)) => {
            write!(err, "{warnings}")?;
            // A secret that can be read without asking is checked against AWS's rules now;
            // an unusable one makes the plan invalid (exit 2 through the error).
            let secrets = secrets::check_readable(&parsed.plan)?;
            let mode = match parsed.plan.connection.mode {
                Mode::AdConnector => "AD Connector",
                Mode::Trust => "two-way trust",
                Mode::SimpleAd => "Simple AD",
            };
            writeln!(
                std::io::stdout().lock(),
                "{}: valid plan `{}` ({mode})",
                file.display(),
                parsed.plan.metadata.name
            )?;
            for readiness in &secrets {
                let line = match readiness {
                    Readiness::Meets { what, reference } => {
                        text::secret_readiness(what, reference, true)
                    }
                    Readiness::Unchecked { what, reference } => {
                        text::secret_readiness(what, reference, false)
                    }
                };
                writeln!(std::io::stdout().lock(), "  {line}")?;
            }
            Ok(Outcome::Done)
        }
        Err(problems) => {
            write!(err, "{problems}")?;
            let count = problems.0.len();
            writeln!(
                err,
                "{}: {count} problem{} found; nothing was changed",
                file.display(),
                if count == 1 { "" } else { "s" }
            )?;
            if let Ok(parsed) = plan::parse(&bytes) {
                explain_one_way(&parsed.plan, &mut err)?;
            }
            Ok(Outcome::Invalid)
        }
    }
}

/// For a one-way trust, draws the trust with its missing arrow and what breaks.
fn explain_one_way(plan: &plan::Plan, out: &mut impl Write) -> std::io::Result<()> {
    let one_way = plan
        .connection
        .trust
        .as_ref()
        .is_some_and(|trust| trust.direction != TrustDirection::TwoWay);
    if plan.connection.mode == Mode::Trust && one_way {
        writeln!(out)?;
        // The plan is invalid: its values are unchecked, so the drawing is escaped.
        let drawing = diagram::render_text(&Diagram::from_plan(plan));
        write!(out, "{}", untrusted::keep_lines(&drawing))?;
    }
    Ok(())
}
