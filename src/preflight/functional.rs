//! Functional levels: the rootDSE's `domainFunctionality`, `forestFunctionality` and
//! `domainControllerFunctionality` (MS-ADTS 3.1.1.3.2), which AD serves to anyone without a bind,
//! read over plain LDAP (no secret travels), named as the Windows Server versions they stand for,
//! and judged.
//!
//! What AWS requires: a forest trust needs a forest functional level of Windows Server 2003 or
//! later on both sides (Microsoft, "Forest and domain functional levels": forest trusts came with
//! the 2003 forest level), so below 2003 (level 2) fails. AWS Managed Microsoft AD itself runs at
//! the Windows Server 2012 R2 level and AWS documents no other minimum for the self-managed side
//! of a trust or for AD Connector; below 2012 R2 (level 6) adsso warns, since levels under it are
//! out of Microsoft's support and AWS tests against newer ones.

use std::collections::HashMap;
use std::net::Ipv4Addr;
use std::sync::Arc;
use std::time::Duration;

use ldap3::{Scope, SearchEntry};
use rustls::ClientConfig;

use super::ldap::{Channel, connect, describe};

/// Below this level (Windows Server 2003) a forest trust cannot be made: fail.
pub const FAIL_BELOW: i64 = 2;
/// Below this level (Windows Server 2012 R2) adsso warns.
pub const WARN_BELOW: i64 = 6;

/// The functional levels a DC announced (`None`: not in its rootDSE, or not a number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Levels {
    /// `domainFunctionality`.
    pub domain: Option<i64>,
    /// `forestFunctionality`.
    pub forest: Option<i64>,
    /// `domainControllerFunctionality`.
    pub controller: Option<i64>,
}

/// The verdict on a DC's levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelVerdict {
    /// Windows Server 2012 R2 or later.
    Current,
    /// Windows Server 2003 to 2012: works, worth raising.
    Old,
    /// Below Windows Server 2003: no forest trust.
    TooOld,
    /// The rootDSE named no domain or forest level (not an AD DC?).
    Unknown,
}

/// The Windows Server version of a functional level (MS-ADTS 6.1.4.2-6.1.4.4).
pub fn level_name(level: i64) -> String {
    match level {
        0 => "Windows 2000".into(),
        1 => "Windows Server 2003 interim".into(),
        2 => "Windows Server 2003".into(),
        3 => "Windows Server 2008".into(),
        4 => "Windows Server 2008 R2".into(),
        5 => "Windows Server 2012".into(),
        6 => "Windows Server 2012 R2".into(),
        7 => "Windows Server 2016".into(),
        10 => "Windows Server 2025".into(),
        other => format!("level {other}"),
    }
}

/// Judges the lower of the domain and forest levels.
pub fn judge(levels: Levels) -> LevelVerdict {
    let lowest = match (levels.domain, levels.forest) {
        (Some(domain), Some(forest)) => domain.min(forest),
        (Some(level), None) | (None, Some(level)) => level,
        (None, None) => return LevelVerdict::Unknown,
    };
    if lowest < FAIL_BELOW {
        LevelVerdict::TooOld
    } else if lowest < WARN_BELOW {
        LevelVerdict::Old
    } else {
        LevelVerdict::Current
    }
}

/// Reads the levels from rootDSE attributes (names compared without case).
pub fn from_attributes(attributes: &HashMap<String, Vec<String>>) -> Levels {
    let number = |name: &str| {
        attributes
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .and_then(|(_, values)| values.first())
            .and_then(|value| value.trim().parse::<i64>().ok())
            .filter(|level| (0..=100).contains(level))
    };
    Levels {
        domain: number("domainFunctionality"),
        forest: number("forestFunctionality"),
        controller: number("domainControllerFunctionality"),
    }
}

/// Reads the rootDSE of the DC `host` at `ip` anonymously over plain LDAP (no bind, no secret).
pub async fn read(
    host: &str,
    ip: Ipv4Addr,
    tls: &Arc<ClientConfig>,
    limit: Duration,
) -> Result<Levels, String> {
    let mut ldap = connect(host, ip, Channel::Plain, tls, limit)
        .await
        .map_err(|error| describe(&error))?;
    ldap.with_timeout(limit);
    let result = ldap
        .search(
            "",
            Scope::Base,
            "(objectClass=*)",
            vec![
                "domainFunctionality",
                "forestFunctionality",
                "domainControllerFunctionality",
            ],
        )
        .await
        .and_then(ldap3::SearchResult::success);
    let _ = ldap.unbind().await;
    let (entries, _) = result.map_err(|error| describe(&error))?;
    Ok(entries
        .into_iter()
        .next()
        .map(SearchEntry::construct)
        .map(|entry| from_attributes(&entry.attrs))
        .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(domain: i64, forest: i64) -> Levels {
        Levels {
            domain: Some(domain),
            forest: Some(forest),
            controller: Some(domain),
        }
    }

    #[test]
    fn limits_on_both_sides() {
        assert_eq!(judge(levels(6, 6)), LevelVerdict::Current);
        assert_eq!(judge(levels(7, 10)), LevelVerdict::Current);
        assert_eq!(judge(levels(5, 6)), LevelVerdict::Old);
        assert_eq!(judge(levels(6, 5)), LevelVerdict::Old);
        assert_eq!(judge(levels(2, 4)), LevelVerdict::Old);
        assert_eq!(judge(levels(4, 1)), LevelVerdict::TooOld);
        assert_eq!(judge(levels(0, 0)), LevelVerdict::TooOld);
        assert_eq!(judge(Levels::default()), LevelVerdict::Unknown);
        let forest_only = Levels {
            forest: Some(7),
            ..Levels::default()
        };
        assert_eq!(judge(forest_only), LevelVerdict::Current);
    }

    #[test]
    fn levels_are_named_as_windows_versions() {
        assert_eq!(level_name(4), "Windows Server 2008 R2");
        assert_eq!(level_name(6), "Windows Server 2012 R2");
        assert_eq!(level_name(7), "Windows Server 2016");
        assert_eq!(level_name(10), "Windows Server 2025");
        assert_eq!(level_name(9), "level 9");
    }

    #[test]
    fn attributes_are_read_without_case_and_hostile_values_ignored() {
        let attributes: HashMap<String, Vec<String>> = [
            ("DomainFunctionality", vec!["4"]),
            ("forestfunctionality", vec![" 4 "]),
            (
                "domainControllerFunctionality",
                vec!["99999999999999999999"],
            ),
        ]
        .into_iter()
        .map(|(key, values)| {
            (
                key.to_owned(),
                values.into_iter().map(String::from).collect(),
            )
        })
        .collect();
        assert_eq!(
            from_attributes(&attributes),
            Levels {
                domain: Some(4),
                forest: Some(4),
                controller: None,
            }
        );
        let hostile: HashMap<String, Vec<String>> =
            [("domainFunctionality".to_owned(), vec!["-1".to_owned()])].into();
        assert_eq!(from_attributes(&hostile), Levels::default());
        assert_eq!(from_attributes(&HashMap::new()), Levels::default());
    }
}
