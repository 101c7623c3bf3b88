//! What a permission set's `description`, `relayState`, `customerManagedPolicies`,
//! `permissionsBoundary` and `tags` allow, as `validate` says it (re-exported by [`crate::text`]).

/// Permission set descriptions.
pub const PERMISSION_SET_DESCRIPTION_ALLOWED: &str = "1-700 characters of tab, newline and U+0020-U+00FF \
     except U+007F-U+00A0 (no typographic quotes or dashes)";
/// Relay states.
pub const RELAY_STATE_ALLOWED: &str = "a URL of 1-240 characters of ASCII letters, digits and \
     & $ @ # \\ / % ? = ~ - _ ' \" | ! : , . ; * + [ ] ( ) { } and spaces";
/// Customer managed policy names.
pub const CUSTOMER_POLICY_NAME_ALLOWED: &str =
    "an IAM policy name of 1-128 characters of letters, digits and + = , . @ _ -";
/// Customer managed policy paths.
pub const POLICY_PATH_ALLOWED: &str = "an IAM path of 1-512 characters: `/` (the default) or \
     segments of letters, digits and . , + @ = _ - between slashes (`/team/`)";
/// Customer managed policies are listed once.
pub const CUSTOMER_POLICY_UNIQUE: &str =
    "each customer managed policy (name and path) appears once";
/// A permissions boundary.
pub const BOUNDARY_ONE_OF: &str = "exactly one of `managedPolicyArn` (an AWS managed policy) or \
     `customerManagedPolicy` ({name, path})";
/// The tags of a permission set.
pub const PERMISSION_SET_TAGS_COUNT_ALLOWED: &str = "at most 74 tags of the plan's `tags` and the \
     permission set's together (AWS allows 75 per permission set and adsso adds `adsso:plan`)";
