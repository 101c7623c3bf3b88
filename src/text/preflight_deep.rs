//! Words of preflight's deeper checks: the KDC's and the NTP server's clocks, the RPC endpoint
//! mapper, the functional levels, the service account's state and the plan's groups (with the
//! sync-scope list the identity-source gate shows too).

use crate::preflight::epm::{EpmProblem, NOT_REGISTERED};
use crate::preflight::ldap_account::{self, AccountVerdict};
use crate::preflight::ntp::NtpProblem;
use crate::preflight::ports::PortState;

/// An offset in seconds with its sign and one decimal: `+600.1 s`.
pub fn offset(ms: i64) -> String {
    let sign = if ms < 0 { '-' } else { '+' };
    let size = ms.unsigned_abs();
    format!("{sign}{}.{} s", size / 1000, (size % 1000) / 100)
}

/// `clock of dc1...`.
pub fn clock_title(name: &str) -> String {
    format!("clock of {name}")
}
/// The KDC's clock within a minute of ours.
pub fn clock_within(ms: i64) -> String {
    format!(
        "the KDC's clock is {} from this host's (Kerberos allows 5 minutes)",
        offset(ms)
    )
}
/// The KDC's clock drifting.
pub fn clock_drifting(ms: i64) -> String {
    format!(
        "the KDC's clock is {} from this host's: over 1 minute, under Kerberos' 5",
        offset(ms)
    )
}
/// The KDC's clock too far.
pub fn clock_too_far(ms: i64) -> String {
    format!(
        "the KDC's clock is {} from this host's: over Kerberos' 5 minutes, tickets are refused",
        offset(ms)
    )
}
/// Fix for a clock offset.
pub const CLOCK_FIX: &str = "sync the clocks: the PDC emulator of the forest root from a reliable NTP source (`w32tm /config /manualpeerlist:... /syncfromflags:manual /reliable:yes /update`), the other DCs from the domain hierarchy; and this host's clock (the VPC's uses the Amazon Time Sync Service)";
/// No time in the KDC's reply.
pub const CLOCK_NO_TIME: &str = "the KDC's reply carried no time to compare";
/// The KDC did not answer.
pub const CLOCK_NO_KDC: &str = "the KDC did not answer (see kerberos.kdc)";

/// `NTP on dc1...`.
pub fn ntp_title(name: &str) -> String {
    format!("NTP on {name}")
}
/// An NTP answer.
pub fn ntp_answer(stratum: u8, ms: i64) -> String {
    format!(
        "UDP 123 answers (stratum {stratum}); its clock is {} from this host's",
        offset(ms)
    )
}
/// An NTP answer with a clock that drifts or is too far.
pub fn ntp_off(stratum: u8, ms: i64) -> String {
    format!(
        "UDP 123 answers (stratum {stratum}), but its clock is {} from this host's (Kerberos allows 5 minutes)",
        offset(ms)
    )
}
/// An unusable NTP answer.
pub fn ntp_unusable(problem: &NtpProblem) -> String {
    match problem {
        NtpProblem::TooShort => "UDP 123 answered with a datagram too short for NTP".into(),
        NtpProblem::NotServer(mode) => {
            format!("UDP 123 answered, but not as an NTP server (mode {mode})")
        }
        NtpProblem::NotOurs => "UDP 123 answered, but not to adsso's request".into(),
        NtpProblem::Kiss(code) => format!("the NTP server refused to answer (kiss code {code})"),
        NtpProblem::Unsynchronised => {
            "the NTP server answers but says its own clock is not synchronised".into()
        }
    }
}
/// No NTP answer.
pub fn ntp_silent(state: PortState) -> String {
    format!(
        "no NTP answer on UDP 123 ({}); a trust's domain controllers and members take their time from the DCs",
        super::preflight::port_state(state)
    )
}
/// Fix for NTP.
pub const NTP_FIX: &str = "run the Windows Time service on the DCs as a time server (`w32tm /query /configuration`; AnnounceFlags), and allow UDP 123 from both VPC subnets to the DCs";

/// `endpoint mapper on dc1...`.
pub fn rpc_title(name: &str) -> String {
    format!("endpoint mapper on {name}")
}
/// A mapped, reachable port.
pub fn rpc_reachable(interface: &str, port: u16) -> String {
    format!(
        "TCP 135 answers an endpoint-mapper request; {interface} is on dynamic TCP port {port}, open"
    )
}
/// A mapped port that does not answer.
pub fn rpc_port_shut(interface: &str, port: u16, state: PortState) -> String {
    format!(
        "TCP 135 maps {interface} to dynamic TCP port {port}, which is {}: trust setup and verification fail",
        super::preflight::port_state(state)
    )
}
/// TCP 135 itself shut.
pub fn rpc_mapper_shut(state: PortState) -> String {
    format!(
        "TCP 135 is {} (see ports.tcp)",
        super::preflight::port_state(state)
    )
}
/// Not an endpoint mapper.
pub fn rpc_not_mapper(problem: &EpmProblem) -> String {
    match problem {
        EpmProblem::Status(NOT_REGISTERED) | EpmProblem::NoTcpTower => {
            "the endpoint mapper knows no TCP endpoint for LSARPC or NETLOGON".into()
        }
        EpmProblem::Status(status) => {
            format!("the endpoint mapper answered with status 0x{status:08x}")
        }
        EpmProblem::Fault(status) => {
            format!("the endpoint mapper answered with fault 0x{status:08x}")
        }
        EpmProblem::BindRefused(reason) => {
            format!("TCP 135 refused the bind to the endpoint mapper (reason {reason})")
        }
        EpmProblem::ContextRejected(reason) => {
            format!("TCP 135 rejected the endpoint mapper's interface (reason {reason})")
        }
        EpmProblem::Unexpected(kind) => {
            format!("TCP 135 answered with an unexpected PDU (type {kind})")
        }
        EpmProblem::Malformed(what) => {
            format!("TCP 135 answered, but not as an endpoint mapper ({what})")
        }
    }
}
/// The exchange stopped.
pub const RPC_STALLED: &str =
    "TCP 135 connected, then stopped answering the endpoint-mapper request";
/// Fix for the dynamic RPC range.
pub const RPC_PORTS_FIX: &str = "allow TCP 49152-65535 (dynamic RPC) and TCP 135 from both VPC subnets to the DCs; AWS's trust runbook checks TCP 1024-65535";
/// Fix for a broken endpoint mapper.
pub const RPC_SERVICE_FIX: &str = "check that TCP 135 reaches a domain controller (not a proxy or another host) and that its RPC services run";

/// `functional levels (dc1...)`.
pub fn levels_title(name: &str) -> String {
    format!("functional levels on {name}")
}
/// The levels read.
pub fn levels(domain: Option<i64>, forest: Option<i64>, controller: Option<i64>) -> String {
    let shown = |level: Option<i64>| {
        level.map_or_else(
            || "not given".to_owned(),
            |level| {
                format!(
                    "{} ({level})",
                    crate::preflight::functional::level_name(level)
                )
            },
        )
    };
    format!(
        "domain {}, forest {}, this DC {}",
        shown(domain),
        shown(forest),
        shown(controller)
    )
}
/// Below 2012 R2.
pub const LEVELS_OLD_FIX: &str = "raise the domain and forest functional levels to Windows Server 2012 R2 or later (Active Directory Domains and Trusts, or Set-ADDomainMode / Set-ADForestMode) once every DC runs that version or later";
/// Below 2003.
pub const LEVELS_TOO_OLD_FIX: &str = "a forest trust needs the Windows Server 2003 forest functional level or later: raise the domain and forest levels (Set-ADForestMode)";
/// No level given.
pub const LEVELS_UNKNOWN: &str =
    "the rootDSE names no domain or forest functional level: is this an Active Directory DC?";
/// Unreadable rootDSE.
pub fn levels_unreadable(why: &str) -> String {
    format!("the rootDSE could not be read anonymously ({why})")
}

/// The service account's state in words.
pub fn account_state(verdict: AccountVerdict, now: i64) -> String {
    let date = ldap_account::date;
    match verdict {
        AccountVerdict::Disabled => "the account is disabled".into(),
        AccountVerdict::Locked => "the account is locked out".into(),
        AccountVerdict::Expired(Some(at)) => format!("the account expired on {}", date(at)),
        AccountVerdict::Expired(None) => "the account has expired".into(),
        AccountVerdict::PasswordExpired(Some(at)) => {
            format!("the password expired on {}", date(at))
        }
        AccountVerdict::PasswordExpired(None) => "the password has expired".into(),
        AccountVerdict::MustChange => "the password must be changed before the next logon".into(),
        AccountVerdict::ExpiresSoon(at) => format!(
            "the password expires on {} (in {} days): AD Connector then stops authenticating, without an error of its own",
            date(at),
            ldap_account::days_until(at, now)
        ),
        AccountVerdict::Healthy(Some(at)) => format!(
            "enabled, not locked, not expired; the password expires on {} (in {} days)",
            date(at),
            ldap_account::days_until(at, now)
        ),
        AccountVerdict::Healthy(None) => {
            "enabled, not locked, not expired; the password never expires".into()
        }
        AccountVerdict::Unreadable => "the account's userAccountControl could not be read".into(),
    }
}
/// Fix for an expiring password.
pub const ACCOUNT_EXPIRING_FIX: &str = "set a new password in AD and give it to AD Connector (Directory Service console: the directory's service account credentials), or exempt the account from password expiry (a fine-grained password policy)";
/// Fix for an unreadable account.
pub const ACCOUNT_UNREADABLE_FIX: &str =
    "let the service account read its own attributes (Domain Users can by default)";
/// The account's attributes could not be read.
pub fn account_unreadable(why: &str) -> String {
    format!("the account's attributes could not be read ({why})")
}
/// Skipped: no bind.
pub const ACCOUNT_NO_BIND: &str = "no DC accepted the bind (see ldap.bind)";

/// Title of the sync-scope summary.
pub const SYNC_SCOPE_TITLE: &str = "Identity Center sync scope";
/// The groups to add to Identity Center's sync scope, and where (the identity-source gate shows
/// the same line).
pub fn sync_scope(groups: &[String]) -> String {
    format!(
        "add these groups to Identity Center's sync scope: {} (IAM Identity Center console -> Settings -> Identity source -> Manage sync -> Add users and groups; there is no API)",
        groups.join(", ")
    )
}
/// `group AWS-Admins`.
pub fn group_title(name: &str) -> String {
    format!("group {name}")
}
/// A group with members.
pub fn group_found(members: usize, more: bool, nested: usize, foreign: usize) -> String {
    let plus = if more { "+" } else { "" };
    format!(
        "{members}{plus} direct members, {nested} of them groups (nested), {foreign} foreign security principals"
    )
}
/// A missing group.
pub const GROUP_MISSING: &str =
    "no group with this sAMAccountName in the domain: Identity Center cannot sync it";
/// Fix for a missing group.
pub const GROUP_MISSING_FIX: &str = "create the group in AD or correct `identityCenter.assignments[].group` in the plan (its sAMAccountName)";
/// An empty group.
pub const GROUP_EMPTY: &str = "the group has no members: its assignment gives nobody access";
/// Fix for an empty group.
pub const GROUP_EMPTY_FIX: &str = "add the users who need AWS access to the group";
/// Foreign members.
pub const GROUP_FOREIGN_FIX: &str = "foreign security principals (members from another forest) are not synced to Identity Center: add those users to a group of their own domain and assign that group";
/// Groups not read in trust mode without an account.
pub const GROUPS_NO_ACCOUNT: &str = "trust mode has no service account to read groups with: give --bind-user USER --bind-password-env VAR to check them";
/// Groups not read without a bind.
pub const GROUPS_NO_BIND: &str = "no DC accepted the bind (see ldap.bind)";
/// A group that could not be read.
pub fn group_unreadable(why: &str) -> String {
    format!("the group could not be read ({why})")
}
