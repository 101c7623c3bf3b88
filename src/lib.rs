//! adsso: connect AWS IAM Identity Center to a self-managed Active Directory.
//!
//! The pipeline, `wizard -> plan -> preflight -> apply -> aws`, one line per module:
//! - [`wizard`]: the interactive front ends (full screen and `--plain`) that edit a plan draft.
//! - [`plan`]: the plan model, loading with limits and positions, validation rules. Pure.
//! - [`diagram`]: the trust and access directions of a plan, as text or Mermaid. Pure.
//! - [`checks`]: the one check format (ids, statuses, fixes) of `preflight` and `doctor`. Pure.
//! - [`preflight`]: checks of the self-managed AD from this host (DNS, ports, Kerberos, LDAP).
//! - [`apply`]: the plan as ordered steps, the engine that runs them, the manual gates.
//! - [`inspect`]: read-only views of what exists in AWS for a plan (status, destroy's list).
//! - [`aws`]: the only module that speaks to AWS: traits in adsso's own types, the SDK behind them.
//! - [`onprem`]: the PowerShell for a self-managed domain controller. Pure.
//! - [`secrets`] and [`files`]: secret references resolved at the edge; bounded file reads.
//! - [`runtime`]: the one place an async runtime is started, for the edges that need one.
//! - [`text`]: user-facing wording, and the one rule for showing untrusted text.
//! - [`cli`] and [`commands`]: the thin command-line edge that reads input, runs and prints.

pub mod apply;
pub mod aws;
pub mod checks;
pub mod cli;
pub mod commands;
pub mod diagram;
pub mod files;
pub mod inspect;
pub mod onprem;
pub mod plan;
pub mod preflight;
pub mod runtime;
pub mod secrets;
pub mod text;
pub mod wizard;
