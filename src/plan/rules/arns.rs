//! ARN rules as sso-admin's models write them: the partition (exactly the partitions of the
//! generated table: `aws`, `aws-cn`, `aws-us-gov`, `aws-eusc`, ...), AWS managed policy ARNs and
//! Identity Center instance ARNs, and the rule that an ARN's partition is the plan's Region's.

use super::aws_model as model;
use super::aws_tables::{Partition, model_or, partition};
use super::{Problem, shown};

/// The partition of an ARN, if it is one of the table's, and what follows it. The models write
/// the partition as `aws(-[a-z]{1,5}){0,3}`; the table's partitions all have that form.
fn after_partition(arn: &str) -> Option<(&'static Partition, &str)> {
    let rest = arn.strip_prefix("arn:")?;
    let (id, rest) = rest.split_once(':')?;
    Some((partition(id)?, rest))
}

/// sso-admin's `ManagedPolicyArn` limits, in characters.
pub const MANAGED_POLICY_ARN_LENGTH: std::ops::RangeInclusive<usize> =
    model_or(model::SSO_ADMIN_ATTACH_MANAGED_POLICY_ARN.min, 20)
        ..=model_or(model::SSO_ADMIN_ATTACH_MANAGED_POLICY_ARN.max, 2048);

/// The characters of a managed policy ARN's path segments and name (the model's
/// `[A-Za-z0-9\.,\+@=_-]` besides letters and digits).
pub(crate) const POLICY_NAME_PUNCTUATION: &str = ".,+@=_-";

/// An AWS managed policy ARN, as sso-admin's `ManagedPolicyArn` pattern says:
/// `arn:<partition>:iam::aws:policy(/<segment>)*/<name>`, every segment and the name non-empty
/// and of `[A-Za-z0-9.,+@=_-]`, [`MANAGED_POLICY_ARN_LENGTH`] characters in all. Returns the
/// ARN's partition.
pub fn managed_policy_arn(arn: &str) -> Result<&'static Partition, Problem> {
    let segments_ok = |path: &str| {
        path.split('/').all(|segment| {
            !segment.is_empty()
                && segment
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || POLICY_NAME_PUNCTUATION.contains(c))
        })
    };
    let found = after_partition(arn)
        .filter(|_| MANAGED_POLICY_ARN_LENGTH.contains(&arn.chars().count()))
        .filter(|(_, rest)| {
            rest.strip_prefix("iam::aws:policy/")
                .is_some_and(segments_ok)
        });
    match found {
        Some((partition, _)) => Ok(partition),
        None => Err(format!("{} is not an AWS managed policy ARN", shown(arn))),
    }
}

/// An Identity Center instance ARN: `arn:<partition>:sso:::instance/ssoins-<16 characters>`
/// (sso-admin's `InstanceArn`: `(sso)?ins-[a-zA-Z0-9-.]{16}`). Returns the ARN's partition.
pub fn instance_arn(arn: &str) -> Result<&'static Partition, Problem> {
    let found = after_partition(arn).filter(|(_, rest)| {
        rest.strip_prefix("sso:::instance/")
            .and_then(|id| {
                id.strip_prefix("ssoins-")
                    .or_else(|| id.strip_prefix("ins-"))
            })
            .is_some_and(|id| {
                id.len() == 16
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
            })
    });
    match found {
        Some((partition, _)) => Ok(partition),
        None => Err(format!(
            "{} is not an Identity Center instance ARN",
            shown(arn)
        )),
    }
}

/// An ARN of `arn_partition` used in a Region of `region_partition`: AWS refuses ARNs of another
/// partition (an `arn:aws-cn:` policy cannot be attached in `us-east-1`).
pub fn same_partition(
    arn: &str,
    arn_partition: &Partition,
    region: &str,
    region_partition: &Partition,
) -> Result<(), Problem> {
    if arn_partition.id == region_partition.id {
        Ok(())
    } else {
        Err(format!(
            "{} is an ARN of the partition `{}`, but the Region {} is in `{}`",
            shown(arn),
            arn_partition.id,
            shown(region),
            region_partition.id
        ))
    }
}
