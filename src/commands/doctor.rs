//! `adsso doctor FILE [--output text|json] [--domain D]`: the AWS side of the plan, read-only,
//! as checks ([`crate::inspect::doctor`]). Exit 0 when nothing failed, 1 when a check failed
//! (or AWS could not be read), 2 for invalid input.

use super::{CommandError, Outcome, connection, load_valid, pick_domain};
use crate::aws::Target;
use crate::aws::sdk::SdkCloud;
use crate::cli::DoctorArgs;

/// Runs the checks of the plan in `args.file`.
pub fn run(args: &DoctorArgs, flags: &Target) -> Result<Outcome, CommandError> {
    let Some(plan) = load_valid(&args.file)? else {
        return Ok(Outcome::Invalid);
    };
    let only = pick_domain(&plan, args.domain.as_deref())?;
    let connection = connection(flags, &plan)?;
    let mut report = crate::runtime::block_on(async {
        let cloud = SdkCloud::connect(&connection).await;
        crate::inspect::doctor::run(&cloud, &plan).await
    })??;
    if let Some(domain) = only.and_then(|index| plan.self_managed.all().get(index)) {
        report
            .checks
            .retain(|check| check.domain.is_empty() || check.domain == domain.domain);
    }
    super::preflight::print_report(&report, args.output)
}
