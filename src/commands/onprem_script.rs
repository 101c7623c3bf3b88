//! `adsso onprem-script FILE [--dns-ip IP...] [--domain D]`: prints the PowerShell for the
//! self-managed DCs: every domain's script (each under a heading naming it), or with `--domain`
//! that domain's only. With `--dns-ip` it works offline; otherwise it reads the Managed AD's DNS
//! addresses from AWS.

use std::io::Write;

use super::{CommandError, Outcome, connection, load_valid, pick_domain};
use crate::apply::ApplyError;
use crate::aws::DirectoryApi;
use crate::aws::Target;
use crate::aws::sdk::SdkCloud;
use crate::cli::OnpremScriptArgs;
use crate::inspect::find::{self, Found};
use crate::onprem::{self, ManagedSide};
use crate::plan::Mode;

/// Prints the script for the plan in `file`.
pub fn run(args: &OnpremScriptArgs, flags: &Target) -> Result<Outcome, CommandError> {
    let (file, dns_ips) = (args.file.as_path(), args.dns_ips.as_slice());
    let Some(plan) = load_valid(file)? else {
        return Ok(Outcome::Invalid);
    };
    if plan.connection.mode != Mode::Trust {
        eprintln!(
            "{}: an AD Connector plan needs nothing on the domain controllers (only the service account and firewall rules)",
            file.display()
        );
        return Ok(Outcome::Invalid);
    }
    // Checked before AWS is asked anything: a wrong name fails at once, offline.
    let only = pick_domain(&plan, args.domain.as_deref())?;
    let managed = if dns_ips.is_empty() {
        let connection = connection(flags, &plan)?;
        crate::runtime::block_on(async {
            let cloud = SdkCloud::connect(&connection).await;
            let directory = match plan.existing_directory() {
                Some(id) => cloud
                    .describe_directories(&[id.to_owned()])
                    .await
                    .map_err(ApplyError::from)?
                    .into_iter()
                    .next(),
                None => {
                    let name = plan.managed_domain().unwrap_or_default();
                    let candidates = find::candidates(&cloud, name, &plan.metadata.name)
                        .await
                        .map_err(ApplyError::from)?;
                    match find::decide(candidates, name, &plan.metadata.name)? {
                        Found::Owned(directory) => Some(*directory),
                        Found::Nothing => None,
                    }
                }
            };
            Ok::<_, CommandError>(match directory {
                Some(d) => ManagedSide::from_aws(&d.name, &d.dns_ips).map_err(ApplyError::from)?,
                None => {
                    eprintln!(
                        "the Managed AD does not exist yet (run `adsso apply`), or pass --dns-ip; the script below stops before changing anything until it is known"
                    );
                    ManagedSide {
                        domain: plan.managed_domain().map(str::to_owned),
                        dns_ips: Vec::new(),
                    }
                }
            })
        })??
    } else {
        let domain = plan.managed_domain().map(str::to_owned);
        if domain.is_none() {
            eprintln!(
                "offline, the domain of the existing directory {} is not known: the script stops before changing anything (run without --dns-ip to read it from AWS)",
                plan.existing_directory().unwrap_or("of the plan")
            );
        }
        ManagedSide {
            domain,
            dns_ips: dns_ips.to_vec(),
        }
    };
    let script = match only {
        Some(index) => onprem::domain_script(&plan, index, &managed),
        None => onprem::script(&plan, &managed),
    };
    if let Some(script) = script.map_err(ApplyError::from)? {
        std::io::stdout().lock().write_all(script.as_bytes())?;
    }
    Ok(Outcome::Done)
}
