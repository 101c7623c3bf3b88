//! Format rules for IAM Identity Center values: session durations (ISO 8601, 1 to 12 hours),
//! permission set names, AWS managed policy ARNs and instance ARNs.

use super::{Problem, shown};

/// Shortest and longest session duration Identity Center accepts, in seconds (1 h and 12 h).
pub const SESSION_SECONDS: std::ops::RangeInclusive<u64> = 3_600..=43_200;

/// An ISO 8601 duration (`PT8H`, `PT1H30M`, `P0DT4H`) within Identity Center's 1 to 12 hours.
pub fn session_duration(text: &str) -> Result<u64, Problem> {
    let seconds = iso8601_seconds(text)
        .ok_or_else(|| format!("{} is not an ISO 8601 duration", shown(text)))?;
    if SESSION_SECONDS.contains(&seconds) {
        Ok(seconds)
    } else {
        Err(format!("{} is {}", shown(text), human_duration(seconds)))
    }
}

/// Seconds in `P[nD][T[nH][nM][nS]]`; `None` when malformed (years, months and weeks are refused:
/// their length is not fixed).
pub fn iso8601_seconds(text: &str) -> Option<u64> {
    let rest = text.strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((date, time)) if !time.is_empty() => (date, Some(time)),
        Some(_) => return None,
        None => (rest, None),
    };
    let mut total = units(date, &[('D', 86_400)])?;
    if let Some(time) = time {
        total = total.checked_add(units(time, &[('H', 3_600), ('M', 60), ('S', 1)])?)?;
    }
    (!rest.is_empty()).then_some(total)
}

/// Sums `<digits><unit>` groups, each unit at most once and in the given order.
fn units(text: &str, allowed: &[(char, u64)]) -> Option<u64> {
    let mut total: u64 = 0;
    let mut remaining = allowed.iter();
    let mut digits = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let (_, factor) = remaining.by_ref().find(|(unit, _)| *unit == c)?;
        if digits.is_empty() || digits.len() > 9 {
            return None;
        }
        let value: u64 = digits.parse().ok()?;
        total = total.checked_add(value.checked_mul(*factor)?)?;
        digits.clear();
    }
    digits.is_empty().then_some(total)
}

/// `5400` -> `1 h 30 min`.
pub fn human_duration(seconds: u64) -> String {
    let (hours, minutes, secs) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
    let mut parts = Vec::new();
    if hours > 0 {
        parts.push(format!("{hours} h"));
    }
    if minutes > 0 {
        parts.push(format!("{minutes} min"));
    }
    if secs > 0 || parts.is_empty() {
        parts.push(format!("{secs} s"));
    }
    parts.join(" ")
}

/// A permission set name: `[\w+=,.@-]{1,32}`.
pub fn permission_set_name(name: &str) -> Result<(), Problem> {
    let length = name.chars().count();
    if length == 0 || length > 32 {
        return Err(format!("{} has {length} characters", shown(name)));
    }
    match name.chars().find(|c| {
        !(c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '=' | ',' | '.' | '@' | '-'))
    }) {
        Some(bad) => Err(format!(
            "{} contains `{}`",
            shown(name),
            bad.escape_default()
        )),
        None => Ok(()),
    }
}

const PARTITIONS: &[&str] = &["aws", "aws-us-gov", "aws-cn"];

/// An AWS managed policy ARN: `arn:<partition>:iam::aws:policy/<path and name>`.
pub fn managed_policy_arn(arn: &str) -> Result<(), Problem> {
    let ok = PARTITIONS.iter().any(|partition| {
        arn.strip_prefix(&format!("arn:{partition}:iam::aws:policy/"))
            .is_some_and(|name| {
                !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "_+=,.@/-".contains(c))
            })
    });
    if ok {
        Ok(())
    } else {
        Err(format!("{} is not an AWS managed policy ARN", shown(arn)))
    }
}

/// An Identity Center instance ARN: `arn:<partition>:sso:::instance/ssoins-<16 characters>`.
pub fn instance_arn(arn: &str) -> Result<(), Problem> {
    let ok = PARTITIONS.iter().any(|partition| {
        arn.strip_prefix(&format!("arn:{partition}:sso:::instance/"))
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
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{} is not an Identity Center instance ARN",
            shown(arn)
        ))
    }
}
