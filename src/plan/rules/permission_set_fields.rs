//! Format rules for the permission set fields beyond name, session and policies: the description,
//! the relay state, customer managed policy references (name and path, also a permissions
//! boundary's), and how many tags a permission set takes. Limits come from sso-admin's model
//! (the generated table); each pattern is implemented by hand and pinned to the model's text by
//! `sso_parity_tests.rs`.

use super::aws_model as model;
use super::aws_tables::{model_or, smaller};
use super::{Problem, shown};

/// The shortest and longest permission set description (sso-admin's `PermissionSetDescription`,
/// the same in `CreatePermissionSet` and `UpdatePermissionSet`).
pub const DESCRIPTION_LENGTH: std::ops::RangeInclusive<usize> =
    model_or(model::SSO_ADMIN_CREATE_PERMISSION_SET_DESCRIPTION.min, 1)
        ..=smaller(
            model_or(model::SSO_ADMIN_CREATE_PERMISSION_SET_DESCRIPTION.max, 700),
            model_or(model::SSO_ADMIN_UPDATE_PERMISSION_SET_DESCRIPTION.max, 700),
        );

/// A permission set description: [`DESCRIPTION_LENGTH`] characters of tab, newline, carriage
/// return, U+0020-U+007E and U+00A1-U+00FF (the model's
/// `[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*`).
pub fn permission_set_description(text: &str) -> Result<(), Problem> {
    let length = text.chars().count();
    if !DESCRIPTION_LENGTH.contains(&length) {
        return Err(format!("the description has {length} characters"));
    }
    match text.chars().find(|c| !description_char(*c)) {
        Some(bad) => Err(format!(
            "the description contains `{}`",
            bad.escape_default()
        )),
        None => Ok(()),
    }
}

fn description_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{7e}' | '\u{a1}'..='\u{ff}')
}

/// The shortest and longest relay state (sso-admin's `RelayState`).
pub const RELAY_STATE_LENGTH: std::ops::RangeInclusive<usize> =
    model_or(model::SSO_ADMIN_CREATE_PERMISSION_SET_RELAY_STATE.min, 1)
        ..=smaller(
            model_or(model::SSO_ADMIN_CREATE_PERMISSION_SET_RELAY_STATE.max, 240),
            model_or(model::SSO_ADMIN_UPDATE_PERMISSION_SET_RELAY_STATE.max, 240),
        );

/// The characters of a relay state besides ASCII letters and digits (the model's
/// `[a-zA-Z0-9&$@#\\\/%?=~\-_'"|!:,.;*+\[\]\ \(\)\{\}]+`).
pub(crate) const RELAY_STATE_PUNCTUATION: &str = "&$@#\\/%?=~-_'\"|!:,.;*+[] (){}";

/// A relay state (the URL the console opens after sign-in): [`RELAY_STATE_LENGTH`] characters
/// of ASCII letters, digits and [`RELAY_STATE_PUNCTUATION`].
pub fn relay_state(text: &str) -> Result<(), Problem> {
    let length = text.chars().count();
    if !RELAY_STATE_LENGTH.contains(&length) {
        return Err(format!("{} has {length} characters", shown(text)));
    }
    match text
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || RELAY_STATE_PUNCTUATION.contains(*c)))
    {
        Some(bad) => Err(format!(
            "{} contains `{}`",
            shown(text),
            bad.escape_default()
        )),
        None => Ok(()),
    }
}

/// The shortest and longest customer managed policy name (sso-admin's `ManagedPolicyName`, in
/// an attached reference and in a permissions boundary).
pub const CUSTOMER_POLICY_NAME_LENGTH: std::ops::RangeInclusive<usize> =
    model_or(model::SSO_ADMIN_ATTACH_CUSTOMER_POLICY_NAME.min, 1)
        ..=smaller(
            model_or(model::SSO_ADMIN_ATTACH_CUSTOMER_POLICY_NAME.max, 128),
            model_or(model::SSO_ADMIN_PUT_BOUNDARY_CUSTOMER_POLICY_NAME.max, 128),
        );

/// A customer managed policy name: [`CUSTOMER_POLICY_NAME_LENGTH`] characters of `[\w+=,.@-]`
/// (`\w` as Java means it: ASCII letters, digits and `_`).
pub fn customer_policy_name(name: &str) -> Result<(), Problem> {
    let length = name.chars().count();
    if !CUSTOMER_POLICY_NAME_LENGTH.contains(&length) {
        return Err(format!("{} has {length} characters", shown(name)));
    }
    match name.chars().find(|c| !iam_name_char(*c)) {
        Some(bad) => Err(format!(
            "{} contains `{}`",
            shown(name),
            bad.escape_default()
        )),
        None => Ok(()),
    }
}

fn iam_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || super::PERMISSION_SET_NAME_PUNCTUATION.contains(c)
}

/// The path a customer managed policy reference has when the plan gives none (the model's
/// documentation: "The default is `/`").
pub const DEFAULT_POLICY_PATH: &str = "/";

/// The shortest and longest customer managed policy path (sso-admin's `ManagedPolicyPath`).
pub const POLICY_PATH_LENGTH: std::ops::RangeInclusive<usize> =
    model_or(model::SSO_ADMIN_ATTACH_CUSTOMER_POLICY_PATH.min, 1)
        ..=smaller(
            model_or(model::SSO_ADMIN_ATTACH_CUSTOMER_POLICY_PATH.max, 512),
            model_or(model::SSO_ADMIN_PUT_BOUNDARY_CUSTOMER_POLICY_PATH.max, 512),
        );

/// The characters of a path segment besides ASCII letters and digits (the model's
/// `((/[A-Za-z0-9\.,\+@=_-]+)*)/`).
const PATH_PUNCTUATION: &str = ".,+@=_-";

/// A customer managed policy path: [`POLICY_PATH_LENGTH`] characters, `/` alone or segments of
/// ASCII letters, digits and `.,+@=_-` each between slashes (`/team/`, `/a/b/`).
pub fn policy_path(path: &str) -> Result<(), Problem> {
    let length = path.chars().count();
    if !POLICY_PATH_LENGTH.contains(&length) {
        return Err(format!("{} has {length} characters", shown(path)));
    }
    if path == DEFAULT_POLICY_PATH {
        return Ok(());
    }
    let Some(inner) = path
        .strip_prefix('/')
        .and_then(|rest| rest.strip_suffix('/'))
    else {
        return Err(format!("{} does not start and end with `/`", shown(path)));
    };
    if inner.split('/').any(str::is_empty) {
        return Err(format!("{} has an empty segment (`//`)", shown(path)));
    }
    match inner
        .chars()
        .find(|c| !(*c == '/' || c.is_ascii_alphanumeric() || PATH_PUNCTUATION.contains(*c)))
    {
        Some(bad) => Err(format!(
            "{} contains `{}`",
            shown(path),
            bad.escape_default()
        )),
        None => Ok(()),
    }
}

/// The most tags one permission set takes (sso-admin's `TagList` max, for `CreatePermissionSet`
/// and `TagResource`).
pub const PERMISSION_SET_TAGS_MAX: usize = smaller(
    model_or(model::SSO_ADMIN_CREATE_PERMISSION_SET_TAGS.list_max, 75),
    model_or(model::SSO_ADMIN_TAG_RESOURCE_TAGS.list_max, 75),
);

/// At most this many tags of the plan and of the permission set together (their keys counted
/// once): [`PERMISSION_SET_TAGS_MAX`] less `adsso:plan`, which apply adds.
pub const MAX_PERMISSION_SET_USER_TAGS: usize = PERMISSION_SET_TAGS_MAX - 1;
