//! Read-only views of what exists in AWS for a plan: the directory, trust and identity source
//! ([`report`], used by `status` and `destroy`), the plan's account assignments
//! ([`access_report`]) and permission sets ([`permission_set_report`]), and how a plan's directory is found again by name and tag ([`find`],
//! shared with apply).

pub mod access_report;
pub mod doctor;
pub mod find;
pub mod import;
pub mod permission_set_report;
pub mod report;
pub mod targets;
