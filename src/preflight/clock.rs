//! Clock comparison with a domain controller: the KDC's time read from its KRB-ERROR reply
//! (`stime [4] KerberosTime`, `susec [5] Microseconds`), our own clock at the middle of the
//! exchange, and the verdict on the offset. Kerberos refuses tickets when the two clocks differ by
//! more than its tolerance, 5 minutes by default (RFC 4120 section 1.6, "clockskew"; Windows'
//! "Maximum tolerance for computer clock synchronization"); adsso warns from 1 minute on, so a
//! drifting clock is seen before it breaks sign-in. Pure: no network, no clock of its own.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::der;

/// Kerberos' default tolerance: an offset above it fails.
pub const FAIL_OVER: Duration = Duration::from_secs(300);
/// An offset above this warns (the clock drifts; it will fail once it passes [`FAIL_OVER`]).
pub const WARN_OVER: Duration = Duration::from_secs(60);

/// The verdict on a clock offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skew {
    /// At most [`WARN_OVER`].
    Within,
    /// Above [`WARN_OVER`], at most [`FAIL_OVER`].
    Drifting,
    /// Above [`FAIL_OVER`]: Kerberos refuses the tickets.
    TooFar,
}

/// Judges `offset_ms` (the other clock minus ours, in milliseconds; either sign).
pub fn judge(offset_ms: i64) -> Skew {
    let size = u128::from(offset_ms.unsigned_abs());
    if size > FAIL_OVER.as_millis() {
        Skew::TooFar
    } else if size > WARN_OVER.as_millis() {
        Skew::Drifting
    } else {
        Skew::Within
    }
}

/// Milliseconds since the Unix epoch of `time` (negative before 1970).
pub fn unix_ms(time: SystemTime) -> i64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_millis()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_millis()).unwrap_or(i64::MAX),
    }
}

/// The offset of a server clock that read `server_ms` while we sent at `sent_ms` and received
/// at `received_ms` (all Unix milliseconds): the server's time minus ours at the middle of the
/// exchange. Positive: the server is ahead.
pub fn offset_ms(server_ms: i64, sent_ms: i64, received_ms: i64) -> i64 {
    let middle = sent_ms.saturating_add(received_ms.saturating_sub(sent_ms) / 2);
    server_ms.saturating_sub(middle)
}

/// The KDC's time in a KRB-ERROR reply (without the TCP length prefix), in Unix milliseconds;
/// `None` when the reply is not a KRB-ERROR or its `stime` is missing or malformed.
pub fn krb_error_time(reply: &[u8]) -> Option<i64> {
    let (outer, _) = der::read(reply)?;
    if outer.tag != 0x7e {
        return None;
    }
    let (sequence, _) = der::read(outer.content)?;
    if sequence.tag != 0x30 {
        return None;
    }
    let fields = der::children(sequence.content);
    let stime = fields.iter().find(|field| field.tag == 0xa4)?;
    let (time, _) = der::read(stime.content)?;
    if time.tag != 0x18 {
        return None;
    }
    let seconds = kerberos_time(time.content)?;
    let micros = fields
        .iter()
        .find(|field| field.tag == 0xa5)
        .and_then(|field| der::read(field.content))
        .and_then(|(value, _)| der::read_integer(value))
        .filter(|micros| (0..1_000_000).contains(micros))
        .unwrap_or(0);
    seconds.checked_mul(1000)?.checked_add(micros / 1000)
}

/// A KerberosTime (`GeneralizedTime` "YYYYMMDDHHMMSSZ", RFC 4120 5.2.3) in Unix seconds.
pub fn kerberos_time(text: &[u8]) -> Option<i64> {
    if text.len() != 15 || text[14] != b'Z' || !text[..14].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let number = |from: usize, to: usize| {
        text[from..to]
            .iter()
            .fold(0i64, |acc, digit| acc * 10 + i64::from(digit - b'0'))
    };
    let (year, month, day) = (number(0, 4), number(4, 6), number(6, 8));
    let (hour, minute, second) = (number(8, 10), number(10, 12), number(12, 14));
    if !(1..=12).contains(&month)
        || !(1..=days_in_month(year, month)).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::preflight::der::{context, integer, sequence, tlv};

    fn krb_error(stime: &[u8], susec: Option<u32>) -> Vec<u8> {
        let mut fields = vec![
            context(0, &integer(5)),
            context(1, &integer(30)),
            context(4, &tlv(0x18, stime)),
        ];
        if let Some(micros) = susec {
            fields.push(context(5, &integer(micros)));
        }
        fields.push(context(6, &integer(25)));
        tlv(0x7e, &sequence(&fields))
    }

    #[test]
    fn kerberos_times_are_read_as_unix_seconds() {
        assert_eq!(kerberos_time(b"19700101000000Z"), Some(0));
        assert_eq!(kerberos_time(b"20261130111246Z"), Some(1_796_037_166));
        assert_eq!(kerberos_time(b"20000229235959Z"), Some(951_868_799));
        assert_eq!(kerberos_time(b"20370913024805Z"), Some(2_136_422_885));
        for bad in [
            &b"20261130111246"[..],
            b"20261130111246z",
            b"2026113011124Z",
            b"20261330111246Z",
            b"20260230111246Z",
            b"20261130241246Z",
            b"2026-11-30T11:1Z",
            b"",
            b"20261130111246.5Z",
        ] {
            assert_eq!(kerberos_time(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_kdc_time_comes_from_stime_and_susec() {
        let reply = krb_error(b"20261130111246Z", Some(250_000));
        assert_eq!(krb_error_time(&reply), Some(1_796_037_166_250));
        let reply = krb_error(b"20261130111246Z", None);
        assert_eq!(krb_error_time(&reply), Some(1_796_037_166_000));
        // A microsecond count out of range is ignored, not trusted.
        let reply = krb_error(b"20261130111246Z", Some(5_000_000));
        assert_eq!(krb_error_time(&reply), Some(1_796_037_166_000));
    }

    #[test]
    fn hostile_replies_give_no_time() {
        let good = krb_error(b"20261130111246Z", Some(1));
        for cut in 0..good.len() {
            assert_eq!(krb_error_time(&good[..cut]), None, "cut at {cut}");
        }
        // An AS-REP, a wrong inner tag, a stime of the wrong type.
        assert_eq!(krb_error_time(&tlv(0x6b, &[])), None);
        assert_eq!(krb_error_time(&tlv(0x7e, &tlv(0x31, &[]))), None);
        let wrong_type = tlv(
            0x7e,
            &sequence(&[context(4, &tlv(0x04, b"20261130111246Z"))]),
        );
        assert_eq!(krb_error_time(&wrong_type), None);
        assert_eq!(krb_error_time(&vec![0xff; 70_000]), None);
    }

    #[test]
    fn skew_limits_on_both_sides() {
        assert_eq!(judge(0), Skew::Within);
        assert_eq!(judge(60_000), Skew::Within);
        assert_eq!(judge(-60_000), Skew::Within);
        assert_eq!(judge(60_001), Skew::Drifting);
        assert_eq!(judge(300_000), Skew::Drifting);
        assert_eq!(judge(-300_000), Skew::Drifting);
        assert_eq!(judge(301_000), Skew::TooFar);
        assert_eq!(judge(-301_000), Skew::TooFar);
        assert_eq!(judge(i64::MIN), Skew::TooFar);
    }

    #[test]
    fn the_offset_is_taken_at_the_middle_of_the_exchange() {
        assert_eq!(offset_ms(1_000_600, 1_000_000, 1_000_200), 500);
        assert_eq!(offset_ms(999_000, 1_000_000, 1_000_000), -1000);
        assert_eq!(offset_ms(i64::MAX, i64::MIN, i64::MAX), i64::MAX);
        assert_eq!(unix_ms(UNIX_EPOCH + Duration::from_millis(1500)), 1500);
        assert_eq!(unix_ms(UNIX_EPOCH - Duration::from_millis(1500)), -1500);
    }
}
