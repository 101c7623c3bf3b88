//! The bodies of apply's steps, one file per concern: the account and instance [`guards`], the
//! directory (AD Connector or Managed AD), the trust, the two manual [`gates`], permission sets and
//! account [`assignments`] (their [`groups`], and their accounts resolved by [`targets`]); [`calls`] builds the requests they send (and `--dry-run` prints).

pub mod assignments;
pub mod calls;
pub(crate) mod directory;
pub mod gates;
pub mod groups;
pub mod guards;
pub mod network;
pub(crate) mod permission_set_calls;
pub mod permission_set_changes;
pub(crate) mod permission_sets;
pub(crate) mod prune;
pub(crate) mod targets;
pub(crate) mod trust;
