//! `preflight`: checks the self-managed AD from where the operator stands, before AWS spends
//! minutes creating a directory: DNS SRV records, ports on the domain controllers, the RPC
//! endpoint mapper (trust), NTP, the KDC's answer and clock, the functional levels, an LDAP bind
//! and reads as the service account (TLS only, unless allowed): its state and the plan's groups.
//! Protocol parsers and verdicts are pure, each in its own file; `run` and `run_*` run them.

pub mod clock;
pub mod der;
pub mod dns;
pub mod epm;
pub mod functional;
pub mod groups;
pub mod kerberos;
pub mod ldap;
pub mod ldap_account;
pub mod ldap_reads;
pub mod ntp;
pub mod ports;
pub mod rpc;
pub mod run;
mod run_kerberos;
mod run_ldap;
mod run_ports;
