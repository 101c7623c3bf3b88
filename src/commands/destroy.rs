//! `adsso destroy FILE [--yes] [--include-assignments]`: deletes the trust and the directory this
//! plan created, and only what carries its `adsso:plan` tag; the plan's account assignments only
//! when asked (people may depend on them). The guards apply runs come first: the Region must be
//! the plan's and the credentials' account its `aws.accountId`, before anything is listed or
//! deleted. Names from AWS are printed escaped ([`Untrusted`]).

use std::io::Write;

use super::{CommandError, Confirm, Outcome, confirm, connection, load_valid};
use crate::apply::guards::checked_account;
use crate::aws::Target;
use crate::aws::sdk::SdkCloud;
use crate::cli::DestroyArgs;
use crate::inspect::access_report::{AssignmentState, AssignmentView, delete_assignment};
use crate::inspect::report::{self, Removal};
use crate::text::untrusted::Untrusted;

/// What destroy deletes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The tagged trust and directory; account assignments are left in place.
    Resources,
    /// Also the plan's account assignments (`--include-assignments`).
    WithAssignments,
}

/// Destroys what the plan in `file` created.
pub fn run(args: &DestroyArgs, flags: &Target) -> Result<Outcome, CommandError> {
    let file = args.file.as_path();
    let confirmation = Confirm::from_yes(args.yes);
    let scope = if args.include_assignments {
        Scope::WithAssignments
    } else {
        Scope::Resources
    };
    let Some(plan) = load_valid(file)? else {
        return Ok(Outcome::Invalid);
    };
    let connection = connection(flags, &plan)?;
    let rt = crate::runtime::start()?;
    let cloud = rt.block_on(SdkCloud::connect(&connection));
    rt.block_on(checked_account(&cloud, &plan))?;
    let removals = rt.block_on(report::removals(&cloud, &plan))?;
    let status = rt.block_on(report::report(&cloud, &plan))?;
    let present: Vec<AssignmentView> = status
        .assignments
        .into_iter()
        .filter(|a| a.state == AssignmentState::Present)
        .collect();
    let mut out = std::io::stdout().lock();
    let assignments = match scope {
        Scope::WithAssignments => present,
        Scope::Resources => {
            if !present.is_empty() {
                writeln!(
                    out,
                    "left in place: {} account assignment(s) of the plan (`--include-assignments` deletes them)",
                    present.len()
                )?;
            }
            Vec::new()
        }
    };
    for a in &assignments {
        writeln!(
            out,
            "delete assignment {} -> {} in {}",
            Untrusted(&a.group),
            Untrusted(&a.permission_set),
            Untrusted(&a.account)
        )?;
    }
    if removals.is_empty() && assignments.is_empty() {
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
                "delete trust {} to {} (and its conditional forwarder)",
                Untrusted(id),
                Untrusted(remote_domain)
            )?,
            Removal::Directory { id, name } => writeln!(
                out,
                "delete directory {} ({})",
                Untrusted(id),
                Untrusted(name)
            )?,
        }
    }
    drop(out);
    if confirmation == Confirm::Ask && !confirm("Delete these resources?", "destroy")? {
        eprintln!("nothing was deleted");
        return Ok(Outcome::Failed);
    }
    if let Some(instance) = &status.instance {
        for key in assignments.iter().filter_map(|a| a.key.as_ref()) {
            rt.block_on(delete_assignment(&cloud, instance, key))?;
        }
    }
    rt.block_on(report::remove(&cloud, &removals))?;
    writeln!(
        std::io::stdout().lock(),
        "deleted: AWS finishes deleting directories in the background (`adsso status FILE` shows it)"
    )?;
    Ok(Outcome::Done)
}
