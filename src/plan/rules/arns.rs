//! ARN rules as sso-admin's models write them: the partition (`aws`, `aws-cn`, `aws-us-gov`,
//! `aws-eusc`, ...), AWS managed policy ARNs and Identity Center instance ARNs.

use super::{Problem, shown};

/// The partition part of an ARN as sso-admin's models write it: `aws(-[a-z]{1,5}){0,3}`
/// (`aws`, `aws-cn`, `aws-us-gov`, `aws-iso-b`, `aws-eusc`, ...). Returns what follows it.
fn after_partition(arn: &str) -> Option<&str> {
    let rest = arn.strip_prefix("arn:aws")?;
    let (partition, rest) = rest.split_once(':')?;
    let suffixes: Vec<&str> = partition.split('-').skip(1).collect();
    let ok = partition.is_empty()
        || (partition.starts_with('-')
            && suffixes.len() <= 3
            && suffixes.iter().all(|part| {
                (1..=5).contains(&part.len()) && part.chars().all(|c| c.is_ascii_lowercase())
            }));
    ok.then_some(rest)
}

/// sso-admin's `ManagedPolicyArn` limits, in characters.
pub const MANAGED_POLICY_ARN_LENGTH: std::ops::RangeInclusive<usize> = 20..=2048;

/// An AWS managed policy ARN, as sso-admin's `ManagedPolicyArn` pattern says:
/// `arn:<partition>:iam::aws:policy(/<segment>)*/<name>`, every segment and the name non-empty
/// and of `[A-Za-z0-9.,+@=_-]`, 20 to 2048 characters in all.
pub fn managed_policy_arn(arn: &str) -> Result<(), Problem> {
    let segments_ok = |path: &str| {
        path.split('/').all(|segment| {
            !segment.is_empty()
                && segment
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".,+@=_-".contains(c))
        })
    };
    let ok = MANAGED_POLICY_ARN_LENGTH.contains(&arn.chars().count())
        && after_partition(arn)
            .and_then(|rest| rest.strip_prefix("iam::aws:policy/"))
            .is_some_and(segments_ok);
    if ok {
        Ok(())
    } else {
        Err(format!("{} is not an AWS managed policy ARN", shown(arn)))
    }
}

/// An Identity Center instance ARN: `arn:<partition>:sso:::instance/ssoins-<16 characters>`.
pub fn instance_arn(arn: &str) -> Result<(), Problem> {
    let ok = after_partition(arn)
        .and_then(|rest| rest.strip_prefix("sso:::instance/"))
        .and_then(|id| {
            id.strip_prefix("ssoins-")
                .or_else(|| id.strip_prefix("ins-"))
        })
        .is_some_and(|id| {
            id.len() == 16
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        });
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{} is not an Identity Center instance ARN",
            shown(arn)
        ))
    }
}
