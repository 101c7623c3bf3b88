//! The checks of the directory, the trusts and Identity Center (`directory.stage`,
//! `directory.limits`, `trust.state`, `identity-center.instance`), pure: from what `doctor`
//! read to [`Check`]s.

use super::trust::{Cause, Finding, finding};
use crate::aws::{Directory, DirectoryLimits, DirectoryStage, Instance, InstanceStatus, TrustInfo};
use crate::checks::{Check, CheckId, Status};
use crate::plan::{Mode, Plan};
use crate::text::doctor_aws as words;

/// `directory.stage` of the plan's directory (skipped while it does not exist).
pub fn stage(directory: Option<&Directory>) -> Check {
    const ID: CheckId = CheckId::DirectoryStage;
    let Some(directory) = directory else {
        return Check::skipped(ID, "directory", crate::text::doctor::NO_DIRECTORY);
    };
    let subject = words::directory_subject(&directory.id, &directory.name);
    let detail = words::stage(directory.stage.name(), &directory.stage_reason);
    match &directory.stage {
        DirectoryStage::Active => Check::pass(ID, subject, detail),
        DirectoryStage::Creating(_) => {
            Check::problem(ID, Status::Warn, subject, detail, words::STAGE_BUSY_FIX)
        }
        DirectoryStage::Busy(name) if matches!(name.as_str(), "Impaired" | "Inoperable") => {
            Check::problem(ID, Status::Fail, subject, detail, words::STAGE_IMPAIRED_FIX)
        }
        DirectoryStage::Busy(_) => {
            Check::problem(ID, Status::Warn, subject, detail, words::STAGE_BUSY_FIX)
        }
        DirectoryStage::Failed(_) | DirectoryStage::Deleting(_) => {
            Check::problem(ID, Status::Fail, subject, detail, words::STAGE_FAILED_FIX)
        }
    }
}

/// `directory.limits` for a plan that would still create a directory (`limits` read), or
/// skipped when the directory exists (`None`).
pub fn limits(plan: &Plan, limits: Option<&DirectoryLimits>) -> Check {
    const ID: CheckId = CheckId::DirectoryLimits;
    let (kind, wanted) = match plan.connection.mode {
        Mode::AdConnector => ("AD Connector", limits.map(|l| l.connected)),
        Mode::Trust | Mode::SimpleAd => ("Managed Microsoft AD", limits.map(|l| l.managed_ad)),
    };
    let subject = words::limits_subject(kind);
    let Some(limit) = wanted else {
        return Check::skipped(ID, subject, words::LIMITS_NOT_NEEDED);
    };
    let detail = words::limits_detail(limit.current, limit.limit);
    if limit.reached || limit.current >= limit.limit {
        Check::problem(ID, Status::Fail, subject, detail, words::LIMITS_FIX)
    } else {
        Check::pass(ID, subject, detail)
    }
}

/// `trust.state` of each domain of a trust plan (none for an AD Connector plan).
pub fn trusts(plan: &Plan, found: Option<&[TrustInfo]>) -> Vec<Check> {
    const ID: CheckId = CheckId::TrustState;
    if plan.connection.mode != Mode::Trust {
        return Vec::new();
    }
    plan.self_managed
        .all()
        .iter()
        .map(|domain| {
            let Some(found) = found else {
                let subject = words::trust_subject(&domain.domain, None);
                return Check::skipped(ID, subject, crate::text::doctor::NO_DIRECTORY)
                    .about(&domain.domain);
            };
            let trust = found
                .iter()
                .find(|t| t.remote_domain.eq_ignore_ascii_case(&domain.domain));
            let subject = words::trust_subject(&domain.domain, trust.map(|t| t.id.as_str()));
            let detail = trust.map_or(words::TRUST_MISSING.to_owned(), |t| {
                words::trust_state(t.state.name(), &t.state_reason, &t.selective_auth)
            });
            let check = match finding(trust) {
                Finding::Verified => Check::pass(ID, subject, detail),
                Finding::Missing => {
                    Check::problem(ID, Status::Fail, subject, detail, words::TRUST_MISSING_FIX)
                }
                Finding::InProgress => {
                    Check::problem(ID, Status::Warn, subject, detail, words::TRUST_PENDING_FIX)
                }
                Finding::Deleting => {
                    Check::problem(ID, Status::Warn, subject, detail, words::TRUST_DELETING_FIX)
                }
                Finding::Failed(cause) => {
                    Check::problem(ID, Status::Fail, subject, detail, cause_fix(cause))
                }
            };
            check.about(&domain.domain)
        })
        .collect()
}

/// The documented fix of a cause.
fn cause_fix(cause: Cause) -> &'static str {
    match cause {
        Cause::AccessDenied => words::TRUST_ACCESS_DENIED_FIX,
        Cause::NotPerformed => words::TRUST_NOT_PERFORMED_FIX,
        Cause::NotContacted => words::TRUST_NOT_CONTACTED_FIX,
        Cause::SelectiveAuth => words::TRUST_SELECTIVE_AUTH_FIX,
        Cause::Other => words::TRUST_OTHER_FIX,
    }
}

/// `identity-center.instance`: the plan's instance (or the Region's only one) exists, is ACTIVE
/// and belongs to the credentials' account, where the directory is.
pub fn instance(plan: &Plan, instances: &[Instance], account: &str) -> Check {
    const ID: CheckId = CheckId::IdentityCenterInstance;
    let subject = words::instance_subject(&plan.aws.region);
    let wanted = plan
        .identity_center
        .as_ref()
        .and_then(|ic| ic.instance_arn.as_deref());
    let chosen = match wanted {
        Some(arn) => instances.iter().find(|i| i.arn == arn),
        None => instances.first(),
    };
    let Some(instance) = chosen else {
        return match wanted {
            Some(arn) => Check::problem(
                ID,
                Status::Fail,
                subject,
                words::instance_not_listed(arn),
                words::INSTANCE_WAIT_FIX,
            ),
            None => Check::problem(
                ID,
                Status::Fail,
                subject,
                words::INSTANCE_NONE,
                words::INSTANCE_NONE_FIX,
            ),
        };
    };
    let detail = words::instance_detail(
        &instance.arn,
        &instance.owner_account,
        instance.status.name(),
    );
    if !instance.owner_account.is_empty() && instance.owner_account != account {
        let problem = words::instance_other_owner(&instance.owner_account, account);
        return Check::problem(
            ID,
            Status::Fail,
            subject,
            format!("{detail}: {problem}"),
            words::INSTANCE_OWNER_FIX,
        );
    }
    if instance.status != InstanceStatus::Active {
        let problem = words::instance_not_active(instance.status.name());
        return Check::problem(
            ID,
            Status::Fail,
            subject,
            format!("{detail}: {problem}"),
            words::INSTANCE_WAIT_FIX,
        );
    }
    Check::pass(ID, subject, detail)
}

#[cfg(test)]
#[path = "checks_aws_tests.rs"]
mod tests;
