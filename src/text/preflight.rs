//! Words of `adsso preflight`: check titles, results and the likely fix for each failure.

use std::net::Ipv4Addr;

/// Title of one DNS server check.
pub fn dns_server_title(server: Ipv4Addr, tcp: bool) -> String {
    format!("DNS {server} over {}", if tcp { "TCP" } else { "UDP" })
}
/// NXDOMAIN.
pub const DNS_NXDOMAIN: &str = "no such name";
/// NOERROR without records.
pub const DNS_NO_RECORDS: &str = "no records";
/// No answer.
pub const DNS_TIMEOUT: &str = "no answer in time";
/// A server that answered nothing at all.
pub const DNS_DEAD: &str = "the server did not answer any query";
/// All three SRV records answered.
pub const DNS_ALL_SRV: &str = "answers SRV _ldap._tcp.dc._msdcs, _ldap._tcp and _kerberos._tcp";
/// Fix for a dead DNS server.
pub const DNS_SERVER_FIX: &str = "check the address, that the server runs, and that TCP and UDP 53 are open from the VPC subnets (security groups, firewalls, VPN or Direct Connect routes)";
/// Fix for missing SRV records.
pub const DNS_SRV_FIX: &str = "use DNS servers that are authoritative for the AD domain (usually the domain controllers) and check `selfManaged.domain`";
/// DC resolution title when nothing answered.
pub const DC_RESOLVE_TITLE: &str = "domain controllers";
/// No DC found.
pub const NO_DC_FOUND: &str = "no domain controller was found through SRV records";
/// Title of a DC resolution check.
pub fn dc_resolves_title(name: &str) -> String {
    format!("{name} resolves")
}
/// A DC without an A record.
pub const DC_NO_ADDRESS: &str = "no IPv4 address";
/// Fix for a DC without an address.
pub const DC_ADDRESS_FIX: &str = "register the DC's A record in the domain's DNS zone";
/// Shared DC title.
pub const SHARED_DC_TITLE: &str = "a DC serves both LDAP and Kerberos";
/// No shared DC.
pub const NO_SHARED_DC: &str = "the LDAP and Kerberos SRV records name no DC in common";
/// Fix for no shared DC.
pub const SHARED_DC_FIX: &str =
    "AD Connector needs at least one DC listed in both _ldap._tcp and _kerberos._tcp";

/// The CA file could not be parsed.
pub const CA_FILE_UNREADABLE: &str = "the CA file is not valid PEM";
/// The CA file holds no certificate.
pub const CA_FILE_EMPTY: &str = "the CA file holds no certificate";
/// Connection timed out.
pub const LDAP_TIMEOUT: &str = "no answer in time";
/// rc=49 without a sub-code.
pub const BIND_INVALID_CREDENTIALS: &str = "invalid credentials (wrong user name or password)";
/// Plain bind refused by the server.
pub const BIND_NEEDS_TLS: &str = "the DC requires an encrypted connection for a simple bind";

/// The name of an LDAP channel.
pub fn channel_name(channel: crate::preflight::ldap::Channel) -> &'static str {
    use crate::preflight::ldap::Channel;
    match channel {
        Channel::StartTls => "StartTLS on 389",
        Channel::Ldaps => "LDAPS on 636",
        Channel::Plain => "plain LDAP on 389",
    }
}

/// AD's bind sub-codes (`data 52e` in the diagnostic message) in plain words.
pub fn bind_sub_code(code: &str) -> String {
    let meaning = match code {
        "525" => "the user does not exist",
        "52e" => "wrong password (or wrong user name)",
        "530" => "the account may not log on at this time",
        "531" => "the account may not log on from this workstation",
        "532" => "the password has expired",
        "533" => "the account is disabled",
        "701" => "the account has expired",
        "773" => "the user must change the password before the first logon",
        "775" => "the account is locked out",
        _ => "the bind was refused",
    };
    format!("bad credentials: {meaning} (AD code {code})")
}

/// Title of the skipped checks when no DC was found.
pub const NO_DC_TITLE: &str = "domain controllers";
/// Skipped for lack of a DC.
pub const SKIPPED_NO_DC: &str = "skipped: DNS named no reachable domain controller";
/// Open port.
pub const PORT_OPEN: &str = "open";
/// Refused.
pub const PORT_CLOSED: &str = "closed (refused)";
/// No answer.
pub const PORT_NO_ANSWER: &str = "no answer (filtered, or the service ignored the probe)";
/// Unreachable.
pub const PORT_UNREACHABLE: &str = "network or host unreachable";
/// Fix for unreachable.
pub const ROUTE_FIX: &str =
    "check the route from here (and from the VPC) to the DC: VPN or Direct Connect, route tables";
/// Principal used to probe the KDC in trust mode.
pub const PROBE_PRINCIPAL: &str = "adsso-preflight-probe";
/// A healthy KDC.
pub const KDC_HEALTHY: &str = "the KDC answers (pre-authentication required, as expected)";
/// Wrong realm.
pub const KDC_WRONG_REALM: &str = "the KDC serves another realm";
/// Not Kerberos.
pub const KDC_NOT_KERBEROS: &str = "port 88 answered, but not with Kerberos";
/// Fix for other KDC errors.
pub const KDC_ERROR_FIX: &str = "check the KDC's event log for the request";
/// Fix for a wrong service account.
pub const SERVICE_ACCOUNT_FIX: &str =
    "check `connection.adConnector.serviceAccount.userName` (the sAMAccountName)";
/// Fix for pre-authentication.
pub const PREAUTH_FIX: &str = "enable Kerberos pre-authentication on the account (clear \"Do not require Kerberos preauthentication\"); AD Connector requires it";
/// Fix for account problems.
pub const ACCOUNT_FIX: &str = "check the service account in AD: password, enabled, not locked or expired, no change required at next logon";
/// LDAP title without a DC.
pub const LDAP_TITLE: &str = "service account bind";
/// No password given.
pub const NO_PASSWORD: &str = "no password was resolved";
/// Fix for TLS.
pub const TLS_FIX: &str = "give the CA that issued the DC certificates with --ca-file, or check the DC certificates (their names must match the DC names in DNS); --allow-plain-ldap sends the password unencrypted";
/// Fix for reads.
pub const READ_FIX: &str =
    "give the service account read access to users and groups (Domain Users can read by default)";

/// `dc1.corp.example.com TCP 389 (LDAP)`.
pub fn port_title(name: &str, udp: bool, port: u16) -> String {
    let service = match port {
        53 => "DNS",
        88 => "Kerberos",
        135 => "RPC",
        389 => {
            if udp {
                "CLDAP"
            } else {
                "LDAP"
            }
        }
        445 => "SMB",
        464 => "Kerberos password",
        636 => "LDAPS",
        3268 => "Global Catalog",
        3269 => "Global Catalog TLS",
        _ => "",
    };
    format!(
        "{name} {} {port} ({service})",
        if udp { "UDP" } else { "TCP" }
    )
}

/// The fix for a closed or filtered port.
pub fn port_fix(port: u16) -> String {
    format!(
        "allow port {port} (TCP and UDP where used) from both VPC subnets to the DC in firewalls and security groups"
    )
}

/// A port state in words.
pub fn port_state(state: crate::preflight::ports::PortState) -> &'static str {
    use crate::preflight::ports::PortState;
    match state {
        PortState::Open => PORT_OPEN,
        PortState::Closed => PORT_CLOSED,
        PortState::NoAnswer => PORT_NO_ANSWER,
        PortState::Unreachable => PORT_UNREACHABLE,
    }
}

/// `KDC on dc1...`.
pub fn kdc_title(name: &str) -> String {
    format!("KDC on {name}")
}
/// Unknown principal.
pub fn kdc_unknown(principal: &str) -> String {
    format!("the KDC does not know {principal}")
}
/// No pre-authentication.
pub fn kdc_no_preauth(principal: &str) -> String {
    format!("{principal} does not require Kerberos pre-authentication")
}
/// Revoked.
pub fn kdc_revoked(principal: &str) -> String {
    format!("{principal} is disabled, locked out or expired (KDC error 18)")
}
/// Other KDC error.
pub fn kdc_error(code: i64) -> String {
    format!("the KDC answered with error {code}")
}
/// `LDAP on dc1...`.
pub fn ldap_title(name: &str) -> String {
    format!("bind on {name}")
}
/// A successful LDAP read.
pub fn ldap_read(
    principal: &str,
    channel: crate::preflight::ldap::Channel,
    naming_context: &str,
    users: usize,
    groups: usize,
) -> String {
    let sample = crate::preflight::ldap::SAMPLE as usize;
    let plus = |n: usize| {
        if n >= sample {
            format!("{n}+")
        } else {
            n.to_string()
        }
    };
    format!(
        "bound as {principal} over {}; read {} users and {} groups under {naming_context}",
        channel_name(channel),
        plus(users),
        plus(groups)
    )
}
/// TLS could not be set up.
pub fn no_tls(why: &str) -> String {
    format!("no TLS connection ({why}); the password was not sent over plain LDAP")
}
