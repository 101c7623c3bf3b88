//! `adsso diagram FILE [--format text|mermaid]`: draws a valid plan.

use std::io::Write;

use super::{CommandError, Outcome, load_valid};
use crate::cli::{DiagramArgs, DiagramFormat};
use crate::diagram::{self, Diagram};

/// Draws the plan in `file`.
pub fn run(args: &DiagramArgs) -> Result<Outcome, CommandError> {
    let (file, format) = (args.file.as_path(), args.format);
    let Some(plan) = load_valid(file)? else {
        return Ok(Outcome::Invalid);
    };
    let model = Diagram::from_plan(&plan);
    let text = match format {
        DiagramFormat::Text => diagram::render_text(&model),
        DiagramFormat::Mermaid => diagram::render_mermaid(&model),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Outcome::Done)
}
