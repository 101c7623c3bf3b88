//! `adsso diagram FILE [--format text|mermaid]`: draws a valid plan.

use std::io::Write;
use std::path::Path;

use super::{CommandError, Outcome, read_plan};
use crate::cli::DiagramFormat;
use crate::diagram::{self, Diagram};
use crate::plan;

/// Draws the plan in `file`.
pub fn run(file: &Path, format: DiagramFormat) -> Result<Outcome, CommandError> {
    let bytes = read_plan(file)?;
    let parsed = match plan::load(&bytes) {
        Ok((parsed, _warnings)) => parsed,
        Err(problems) => {
            let mut err = std::io::stderr().lock();
            write!(err, "{problems}")?;
            writeln!(
                err,
                "{}: fix the plan first (`adsso validate` lists the problems)",
                file.display()
            )?;
            return Ok(Outcome::Invalid);
        }
    };
    let model = Diagram::from_plan(&parsed.plan);
    let text = match format {
        DiagramFormat::Text => diagram::render_text(&model),
        DiagramFormat::Mermaid => diagram::render_mermaid(&model),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Outcome::Done)
}
