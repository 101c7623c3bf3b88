//! The AD Connector service account's health from its attributes (MS-ADTS 2.2.16 and 3.1.1.4.5):
//! `userAccountControl` (disabled, password never expires), the constructed
//! `msDS-User-Account-Control-Computed` (locked out, password expired) and
//! `msDS-UserPasswordExpiryTimeComputed` (fine-grained policies included), `pwdLastSet`,
//! `accountExpires`, `lockoutTime`, and the domain head's `maxPwdAge` and `lockoutDuration` when
//! the constructed ones are missing. A password that expires stops AD Connector without a word,
//! so adsso warns [`WARN_WITHIN_DAYS`] days ahead. Pure: the reads are in `ldap_reads.rs`.

use std::collections::HashMap;

/// Warn when the password expires within this many days.
pub const WARN_WITHIN_DAYS: i64 = 14;
/// 100-nanosecond intervals in a day (FILETIME units).
const DAY: i64 = 864_000_000_000;
/// FILETIME of the Unix epoch.
const UNIX_EPOCH_FILETIME: i64 = 116_444_736_000_000_000;
/// "Never" in `accountExpires` and the computed expiry.
const NEVER: i64 = i64::MAX;

const ACCOUNTDISABLE: i64 = 0x2;
const LOCKOUT: i64 = 0x10;
const DONT_EXPIRE_PASSWORD: i64 = 0x1_0000;
const PASSWORD_EXPIRED: i64 = 0x80_0000;

/// The attributes read for the service account and its domain (FILETIMEs and intervals as AD
/// stores them: 100 ns units; intervals negative).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AccountAttributes {
    /// `userAccountControl`.
    pub control: Option<i64>,
    /// `msDS-User-Account-Control-Computed`.
    pub control_computed: Option<i64>,
    /// `pwdLastSet`.
    pub password_last_set: Option<i64>,
    /// `accountExpires`.
    pub account_expires: Option<i64>,
    /// `lockoutTime`.
    pub lockout_time: Option<i64>,
    /// `msDS-UserPasswordExpiryTimeComputed`.
    pub password_expiry_computed: Option<i64>,
    /// The domain's `maxPwdAge`.
    pub max_password_age: Option<i64>,
    /// The domain's `lockoutDuration`.
    pub lockout_duration: Option<i64>,
}

/// The service account's state, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountVerdict {
    /// Disabled (`userAccountControl` ACCOUNTDISABLE, or AD code 533).
    Disabled,
    /// Locked out (AD code 775).
    Locked,
    /// The account expired at this FILETIME (AD code 701; `None` when only the code said so).
    Expired(Option<i64>),
    /// The password expired at this FILETIME (AD code 532).
    PasswordExpired(Option<i64>),
    /// The password must be changed before the next logon (`pwdLastSet` 0, AD code 773).
    MustChange,
    /// The password expires at this FILETIME, within [`WARN_WITHIN_DAYS`] days.
    ExpiresSoon(i64),
    /// Healthy; the password expires at this FILETIME, or never.
    Healthy(Option<i64>),
    /// `userAccountControl` could not be read: the account cannot see its own attributes.
    Unreadable,
}

/// A FILETIME for a Unix time in milliseconds.
pub fn filetime(unix_ms: i64) -> i64 {
    unix_ms
        .saturating_mul(10_000)
        .saturating_add(UNIX_EPOCH_FILETIME)
}

/// The date (`YYYY-MM-DD`, UTC) of a FILETIME.
pub fn date(filetime: i64) -> String {
    let days = (filetime - UNIX_EPOCH_FILETIME).div_euclid(DAY);
    // H. Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Whole days from `now` until `then` (FILETIMEs), rounded down.
pub fn days_until(then: i64, now: i64) -> i64 {
    then.saturating_sub(now).div_euclid(DAY)
}

/// Reads the attributes of the account entry and the domain head (names without case).
pub fn from_entries(
    account: &HashMap<String, Vec<String>>,
    domain: &HashMap<String, Vec<String>>,
) -> AccountAttributes {
    let number = |attributes: &HashMap<String, Vec<String>>, name: &str| {
        attributes
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .and_then(|(_, values)| values.first())
            .and_then(|value| value.trim().parse::<i64>().ok())
    };
    AccountAttributes {
        control: number(account, "userAccountControl"),
        control_computed: number(account, "msDS-User-Account-Control-Computed"),
        password_last_set: number(account, "pwdLastSet"),
        account_expires: number(account, "accountExpires"),
        lockout_time: number(account, "lockoutTime"),
        password_expiry_computed: number(account, "msDS-UserPasswordExpiryTimeComputed"),
        max_password_age: number(domain, "maxPwdAge"),
        lockout_duration: number(domain, "lockoutDuration"),
    }
}

/// The state an AD bind refusal code names (`data 533`...), when it names one.
pub fn from_bind_code(code: &str) -> Option<AccountVerdict> {
    match code {
        "533" => Some(AccountVerdict::Disabled),
        "775" => Some(AccountVerdict::Locked),
        "701" => Some(AccountVerdict::Expired(None)),
        "532" => Some(AccountVerdict::PasswordExpired(None)),
        "773" => Some(AccountVerdict::MustChange),
        _ => None,
    }
}

/// Judges the account at `now` (a FILETIME).
pub fn verdict(attributes: &AccountAttributes, now: i64) -> AccountVerdict {
    let Some(control) = attributes.control else {
        return AccountVerdict::Unreadable;
    };
    let computed = attributes.control_computed.unwrap_or(0);
    if control & ACCOUNTDISABLE != 0 {
        return AccountVerdict::Disabled;
    }
    if control & LOCKOUT != 0 || computed & LOCKOUT != 0 || locked_by_time(attributes, now) {
        return AccountVerdict::Locked;
    }
    if let Some(expires) = attributes.account_expires
        && expires != 0
        && expires != NEVER
        && expires <= now
    {
        return AccountVerdict::Expired(Some(expires));
    }
    if attributes.password_last_set == Some(0) {
        return AccountVerdict::MustChange;
    }
    let expiry = password_expiry(attributes, control);
    if computed & PASSWORD_EXPIRED != 0 || expiry.is_some_and(|at| at <= now) {
        return AccountVerdict::PasswordExpired(expiry);
    }
    match expiry {
        Some(at) if at.saturating_sub(now) <= WARN_WITHIN_DAYS * DAY => {
            AccountVerdict::ExpiresSoon(at)
        }
        other => AccountVerdict::Healthy(other),
    }
}

/// Locked by `lockoutTime` and the domain's `lockoutDuration` (MS-ADTS 3.1.1.4.5.17): a lockout
/// time, and a duration of "forever" or one that has not run out yet.
fn locked_by_time(attributes: &AccountAttributes, now: i64) -> bool {
    let Some(locked_at) = attributes.lockout_time.filter(|time| *time > 0) else {
        return false;
    };
    match attributes.lockout_duration {
        Some(i64::MIN) => true,
        Some(duration) => locked_at.saturating_sub(duration) > now,
        // No duration read: the computed flag (checked before) is the only word on it.
        None => false,
    }
}

/// When the password expires (FILETIME), or `None` for never.
fn password_expiry(attributes: &AccountAttributes, control: i64) -> Option<i64> {
    if let Some(computed) = attributes.password_expiry_computed {
        return (computed != NEVER && computed > 0).then_some(computed);
    }
    if control & DONT_EXPIRE_PASSWORD != 0 {
        return None;
    }
    let age = attributes
        .max_password_age
        .filter(|age| *age != 0 && *age != i64::MIN)?;
    let set = attributes.password_last_set?;
    Some(set.saturating_add(age.saturating_abs()))
}

#[cfg(test)]
#[path = "ldap_account_tests.rs"]
mod tests;
