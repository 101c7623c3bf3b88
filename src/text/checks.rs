//! Words of the checklist that `preflight` and `doctor` print: area headings, status marks and
//! the totals line.

use crate::checks::{Area, Status};

/// The heading of an area in the text checklist.
pub fn area_title(area: Area) -> &'static str {
    match area {
        Area::Dns => "DNS",
        Area::Ports => "Ports on the domain controllers",
        Area::Rpc => "RPC endpoint mapper",
        Area::Time => "Time",
        Area::Kerberos => "Kerberos",
        Area::Ldap => "LDAP",
        Area::Directory => "AWS directory",
        Area::Network => "Network path from the directory to the domain controllers",
        Area::Trust => "Trust",
        Area::IdentityCenter => "IAM Identity Center",
    }
}

/// The mark before a check's line.
pub fn mark(status: Status) -> &'static str {
    match status {
        Status::Pass => "✓ pass",
        Status::Warn => "! warn",
        Status::Fail => "✗ FAIL",
        Status::Skipped => "- skip",
    }
}

/// The last line of a checklist.
pub fn totals(pass: usize, warn: usize, fail: usize, skipped: usize, elapsed_ms: u128) -> String {
    format!("{pass} passed, {warn} warnings, {fail} failed, {skipped} skipped in {elapsed_ms} ms")
}
