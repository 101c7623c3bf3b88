//! What an assignment's targets (`accounts`, `organizationalUnits`, `excludeAccounts`) allow,
//! as `validate` says it.

/// Assignment targets.
pub const TARGETS_REQUIRED: &str = "`accounts` (12-digit ids, quoted), `organizationalUnits` (OU ids, the root id or paths such as Root/Workloads/Prod), or both";
/// Organizational unit targets.
pub const OU_TARGET_ALLOWED: &str = "distinct OU ids (ou-ab12-34cd56ef), the root id (r-ab12: every account) or paths of OU names from the root (Root/Workloads/Prod; at most 5 names of 1-128 characters)";
/// Excluded accounts.
pub const EXCLUDE_ACCOUNTS_ALLOWED: &str = "distinct 12-digit account ids, quoted, to leave out of what `organizationalUnits` resolves to; not also under `accounts`";
