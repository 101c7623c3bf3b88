//! `adsso destroy FILE [--yes]`: deletes the trust and the directory this plan created, and only
//! what carries its `adsso:plan` tag.

use std::io::Write;
use std::path::Path;

use super::{AwsFlags, CommandError, Confirm, Outcome, confirm, connection, load_valid, runtime};
use crate::aws::sdk::SdkCloud;
use crate::steps::report::{self, Removal};

/// Destroys what the plan in `file` created.
pub fn run(file: &Path, flags: &AwsFlags, confirmation: Confirm) -> Result<Outcome, CommandError> {
    let Some(plan) = load_valid(file)? else {
        return Ok(Outcome::Invalid);
    };
    let connection = connection(flags, &plan)?;
    let rt = runtime()?;
    let cloud = rt.block_on(SdkCloud::connect(&connection));
    let removals = rt.block_on(report::removals(&cloud, &plan))?;
    let mut out = std::io::stdout().lock();
    if removals.is_empty() {
        writeln!(
            out,
            "nothing to delete: no directory tagged adsso:plan={} (an existing directory the plan only uses is never deleted)",
            plan.metadata.name
        )?;
        return Ok(Outcome::Done);
    }
    for removal in &removals {
        match removal {
            Removal::Trust { id, remote_domain } => writeln!(
                out,
                "delete trust {id} to {remote_domain} (and its conditional forwarder)"
            )?,
            Removal::Directory { id, name } => writeln!(out, "delete directory {id} ({name})")?,
        }
    }
    drop(out);
    if confirmation == Confirm::Ask && !confirm("Delete these resources?", "destroy")? {
        eprintln!("nothing was deleted");
        return Ok(Outcome::Failed);
    }
    rt.block_on(report::remove(&cloud, &removals))?;
    writeln!(
        std::io::stdout().lock(),
        "deleted: AWS finishes deleting directories in the background (`adsso status FILE` shows it)"
    )?;
    Ok(Outcome::Done)
}
