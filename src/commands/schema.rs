//! `adsso schema`: print the plan's JSON Schema, or write it beside the plans, where the
//! modeline of saved plans and templates (`$schema=adsso-plan.schema.json`) points editors.

use std::io::Write;
use std::path::Path;

use super::{CommandError, Outcome};
use crate::plan::schema::{SCHEMA_FILE, plan_schema_json};
use crate::wizard::save::{Overwrite, write_atomically};

/// Prints the schema, or writes it to `dir`/[`SCHEMA_FILE`] (replacing an older copy; a
/// symbolic link there is replaced, never followed).
pub fn run(write: Option<&Path>) -> Result<Outcome, CommandError> {
    let schema = plan_schema_json();
    let Some(dir) = write else {
        std::io::stdout().lock().write_all(schema.as_bytes())?;
        return Ok(Outcome::Done);
    };
    if !dir.is_dir() {
        return Err(CommandError::SchemaDir(dir.to_owned()));
    }
    let path = dir.join(SCHEMA_FILE);
    write_atomically(&path, schema.as_bytes(), Overwrite::Replace).map_err(|error| {
        CommandError::SchemaWrite {
            path: path.clone(),
            reason: error.to_string(),
        }
    })?;
    eprintln!(
        "wrote {}: plans in this directory that start with the adsso modeline are now checked by editors",
        crate::text::untrusted::line(&path.display().to_string())
    );
    Ok(Outcome::Done)
}
