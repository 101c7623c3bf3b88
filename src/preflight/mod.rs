//! `preflight`: checks the self-managed AD from where the operator stands, before AWS spends
//! minutes creating a directory: DNS SRV records, ports on the domain controllers, an LDAP bind
//! and reads as the service account (TLS only, unless allowed), and the KDC's answer.

pub mod clock;
pub mod der;
pub mod dns;
pub mod epm;
pub mod kerberos;
pub mod ldap;
pub mod ntp;
pub mod ports;
pub mod rpc;
pub mod run;
