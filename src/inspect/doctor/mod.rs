//! `adsso doctor`: the AWS side of a plan, read-only, as checks of the one check format
//! ([`crate::checks`]). [`run`] reads with at most one call per resource type (the caller, the
//! Identity Center instances, the directories, the security group, the VPC's network ACLs and
//! route tables, the trusts, the IP routes or the limits when needed) and evaluates what it read
//! with pure functions: [`flows`] (ports per mode, ranges), [`sg`], [`nacl`], [`route`],
//! [`trust`], assembled by [`network`] and [`checks_aws`].

pub mod checks_aws;
pub mod flows;
pub mod nacl;
pub mod network;
pub mod route;
pub mod sg;
pub mod trust;

use std::time::Instant;

use crate::apply::ApplyError;
use crate::apply::guards::account_matches;
use crate::aws::Cloud;
use crate::checks::Report;
use crate::inspect::report::plan_directory;
use crate::plan::Plan;

/// Reads the AWS side of `plan` and checks it. Fails (exit 1) only when AWS cannot be read at
/// all or the credentials are not the plan's account; a check that cannot read what it needs
/// says so itself.
pub async fn run(cloud: &impl Cloud, plan: &Plan) -> Result<Report, ApplyError> {
    let started = Instant::now();
    let identity = cloud.caller_identity().await?;
    account_matches(plan, &identity.account)?;
    let instances = cloud.list_instances().await?;
    let directory = plan_directory(cloud, plan)
        .await?
        .map(|(directory, _)| directory);
    let mut checks = vec![checks_aws::stage(directory.as_ref())];
    let limits = match directory {
        Some(_) => None,
        None if plan.existing_directory().is_some() => None,
        None => Some(cloud.directory_limits().await?),
    };
    checks.push(checks_aws::limits(plan, limits.as_ref()));
    checks.push(checks_aws::instance(plan, &instances, &identity.account));
    let trusts = match &directory {
        Some(directory) if plan.connection.trust.is_some() => {
            Some(cloud.describe_trusts(&directory.id).await?)
        }
        _ => None,
    };
    if let Some(directory) = &directory {
        let facts = network::read(cloud, plan, directory).await;
        checks.extend(network::checks(plan, directory, &facts));
    }
    checks.extend(checks_aws::trusts(plan, trusts.as_deref()));
    Ok(Report {
        checks,
        elapsed_ms: started.elapsed().as_millis(),
    })
}
