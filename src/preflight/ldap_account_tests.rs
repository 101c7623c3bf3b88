//! The service account verdict at its limits: 14 days exactly and one second more, expiry at
//! the second, lockout running out, and the attribute values AD uses for "never".

use super::*;

/// 2026-11-30 00:00:00 UTC.
const NOW: i64 = 134_404_704_000_000_000;
const SECOND: i64 = 10_000_000;

fn healthy() -> AccountAttributes {
    AccountAttributes {
        control: Some(0x200),
        control_computed: Some(0),
        password_last_set: Some(NOW - 10 * DAY),
        account_expires: Some(NEVER),
        lockout_time: Some(0),
        password_expiry_computed: None,
        max_password_age: Some(-42 * DAY),
        lockout_duration: Some(-30 * 60 * SECOND),
    }
}

#[test]
fn dates_and_filetimes() {
    assert_eq!(date(NOW), "2026-11-30");
    assert_eq!(date(UNIX_EPOCH_FILETIME), "1970-01-01");
    assert_eq!(filetime(0), UNIX_EPOCH_FILETIME);
    assert_eq!(filetime(1_796_037_166_000), 134_405_107_660_000_000);
    assert_eq!(date(130_000_000_000_000_000), "2012-12-14");
    assert_eq!(days_until(NOW + 14 * DAY, NOW), 14);
    assert_eq!(days_until(NOW + 14 * DAY - 1, NOW), 13);
}

#[test]
fn a_healthy_account_passes_with_its_expiry() {
    assert_eq!(
        verdict(&healthy(), NOW),
        AccountVerdict::Healthy(Some(NOW + 32 * DAY))
    );
    let never = AccountAttributes {
        control: Some(0x200 | DONT_EXPIRE_PASSWORD),
        ..healthy()
    };
    assert_eq!(verdict(&never, NOW), AccountVerdict::Healthy(None));
    let no_policy = AccountAttributes {
        max_password_age: Some(i64::MIN),
        ..healthy()
    };
    assert_eq!(verdict(&no_policy, NOW), AccountVerdict::Healthy(None));
}

#[test]
fn fourteen_days_warns_and_one_second_more_passes() {
    let at = |expiry| AccountAttributes {
        password_expiry_computed: Some(expiry),
        ..healthy()
    };
    assert_eq!(
        verdict(&at(NOW + 14 * DAY), NOW),
        AccountVerdict::ExpiresSoon(NOW + 14 * DAY)
    );
    assert_eq!(
        verdict(&at(NOW + 14 * DAY + SECOND), NOW),
        AccountVerdict::Healthy(Some(NOW + 14 * DAY + SECOND))
    );
    assert_eq!(
        verdict(&at(NOW + SECOND), NOW),
        AccountVerdict::ExpiresSoon(NOW + SECOND)
    );
    assert_eq!(
        verdict(&at(NOW), NOW),
        AccountVerdict::PasswordExpired(Some(NOW))
    );
    assert_eq!(verdict(&at(NEVER), NOW), AccountVerdict::Healthy(None));
}

#[test]
fn the_password_age_is_computed_without_the_constructed_attribute() {
    let old = AccountAttributes {
        password_last_set: Some(NOW - 42 * DAY),
        ..healthy()
    };
    assert_eq!(
        verdict(&old, NOW),
        AccountVerdict::PasswordExpired(Some(NOW))
    );
    let almost = AccountAttributes {
        password_last_set: Some(NOW - 42 * DAY + SECOND),
        ..healthy()
    };
    assert_eq!(
        verdict(&almost, NOW),
        AccountVerdict::ExpiresSoon(NOW + SECOND)
    );
    let flagged = AccountAttributes {
        control_computed: Some(PASSWORD_EXPIRED),
        ..healthy()
    };
    assert!(matches!(
        verdict(&flagged, NOW),
        AccountVerdict::PasswordExpired(_)
    ));
}

#[test]
fn disabled_locked_expired_and_must_change() {
    let disabled = AccountAttributes {
        control: Some(0x202),
        ..healthy()
    };
    assert_eq!(verdict(&disabled, NOW), AccountVerdict::Disabled);
    let locked = AccountAttributes {
        control_computed: Some(LOCKOUT),
        ..healthy()
    };
    assert_eq!(verdict(&locked, NOW), AccountVerdict::Locked);
    let expired = AccountAttributes {
        account_expires: Some(NOW),
        ..healthy()
    };
    assert_eq!(verdict(&expired, NOW), AccountVerdict::Expired(Some(NOW)));
    let not_yet = AccountAttributes {
        account_expires: Some(NOW + SECOND),
        ..healthy()
    };
    assert!(matches!(verdict(&not_yet, NOW), AccountVerdict::Healthy(_)));
    let zero_never = AccountAttributes {
        account_expires: Some(0),
        ..healthy()
    };
    assert!(matches!(
        verdict(&zero_never, NOW),
        AccountVerdict::Healthy(_)
    ));
    let must_change = AccountAttributes {
        password_last_set: Some(0),
        ..healthy()
    };
    assert_eq!(verdict(&must_change, NOW), AccountVerdict::MustChange);
    assert_eq!(
        verdict(&AccountAttributes::default(), NOW),
        AccountVerdict::Unreadable
    );
}

#[test]
fn a_lockout_runs_out_after_the_domains_duration() {
    let at = |locked_at, duration| AccountAttributes {
        control_computed: None,
        lockout_time: Some(locked_at),
        lockout_duration: Some(duration),
        ..healthy()
    };
    let thirty_minutes = -30 * 60 * SECOND;
    assert_eq!(
        verdict(&at(NOW - 29 * 60 * SECOND, thirty_minutes), NOW),
        AccountVerdict::Locked
    );
    assert!(matches!(
        verdict(&at(NOW - 30 * 60 * SECOND, thirty_minutes), NOW),
        AccountVerdict::Healthy(_)
    ));
    assert_eq!(
        verdict(&at(NOW - 365 * DAY, i64::MIN), NOW),
        AccountVerdict::Locked
    );
}

#[test]
fn bind_codes_name_states() {
    assert_eq!(from_bind_code("533"), Some(AccountVerdict::Disabled));
    assert_eq!(from_bind_code("775"), Some(AccountVerdict::Locked));
    assert_eq!(from_bind_code("701"), Some(AccountVerdict::Expired(None)));
    assert_eq!(
        from_bind_code("532"),
        Some(AccountVerdict::PasswordExpired(None))
    );
    assert_eq!(from_bind_code("773"), Some(AccountVerdict::MustChange));
    assert_eq!(from_bind_code("52e"), None);
}

#[test]
fn attributes_are_read_from_entries_whatever_the_case() {
    let entry = |pairs: &[(&str, &str)]| -> HashMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(key, value)| ((*key).to_owned(), vec![(*value).to_owned()]))
            .collect()
    };
    let account = entry(&[
        ("userAccountControl", "66048"),
        ("pwdlastset", "134405107346819650"),
        ("accountExpires", "garbage"),
        ("msDS-UserPasswordExpiryTimeComputed", "9223372036854775807"),
    ]);
    let domain = entry(&[("maxPwdAge", "-36288000000000")]);
    let read = from_entries(&account, &domain);
    assert_eq!(read.control, Some(66048));
    assert_eq!(read.password_last_set, Some(134_405_107_346_819_650));
    assert_eq!(read.account_expires, None);
    assert_eq!(read.max_password_age, Some(-36_288_000_000_000));
    assert_eq!(verdict(&read, NOW), AccountVerdict::Healthy(None));
}
