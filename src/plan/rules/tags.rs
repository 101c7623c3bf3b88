//! Tag rules: the lengths and the count of tags Directory Service and sso-admin take (from the
//! generated table, and Directory Service's documented count), and the models' tag character set.

use super::aws_model as model;
use super::aws_tables::{model_or, smaller};
use super::{Problem, shown, unicode};

/// The longest tag key both Directory Service and sso-admin take (`TagKey` max).
pub const TAG_KEY_MAX: usize = smaller(
    smaller(
        model_or(model::DS_CONNECT_DIRECTORY_TAG_KEY.max, 128),
        model_or(model::DS_CREATE_MICROSOFT_AD_TAG_KEY.max, 128),
    ),
    model_or(model::SSO_ADMIN_CREATE_PERMISSION_SET_TAG_KEY.max, 128),
);

/// The shortest tag key (`TagKey` min).
pub const TAG_KEY_MIN: usize = model_or(model::DS_CONNECT_DIRECTORY_TAG_KEY.min, 1);

/// The longest tag value both Directory Service and sso-admin take (`TagValue` max).
pub const TAG_VALUE_MAX: usize = smaller(
    smaller(
        model_or(model::DS_CONNECT_DIRECTORY_TAG_VALUE.max, 256),
        model_or(model::DS_CREATE_MICROSOFT_AD_TAG_VALUE.max, 256),
    ),
    model_or(model::SSO_ADMIN_CREATE_PERMISSION_SET_TAG_VALUE.max, 256),
);

/// Directory Service's tag limit per resource, which its model does not state (Directory
/// Service admin guide, "Tagging restrictions": at most 50 tags per resource).
pub const DS_TAGS_DOCUMENTED: usize = 50;

/// The most tags one resource takes: Directory Service's (documented, or its model's if it ever
/// states one) and sso-admin's `TagList` max, whichever is smaller.
pub const TAGS_MAX: usize = smaller(
    smaller(
        model_or(
            model::DS_CONNECT_DIRECTORY_TAGS.list_max,
            DS_TAGS_DOCUMENTED,
        ),
        model_or(
            model::DS_CREATE_MICROSOFT_AD_TAGS.list_max,
            DS_TAGS_DOCUMENTED,
        ),
    ),
    model_or(
        model::SSO_ADMIN_CREATE_PERMISSION_SET_TAGS.list_max,
        DS_TAGS_DOCUMENTED,
    ),
);

/// A tag key: [`TAG_KEY_MIN`]-[`TAG_KEY_MAX`] characters of letters, digits, spaces and
/// `_.:/=+-@`, not starting with `aws:`.
pub fn tag_key(key: &str) -> Result<(), Problem> {
    let length = key.chars().count();
    if !(TAG_KEY_MIN..=TAG_KEY_MAX).contains(&length) {
        return Err(format!(
            "the tag key {} has {length} characters",
            shown(key)
        ));
    }
    if key.to_ascii_lowercase().starts_with("aws:") {
        return Err(format!(
            "the tag key {} uses the reserved `aws:` prefix",
            shown(key)
        ));
    }
    tag_characters(key)
}

/// A tag value: 0-[`TAG_VALUE_MAX`] characters of letters, digits, spaces and `_.:/=+-@`.
pub fn tag_value(value: &str) -> Result<(), Problem> {
    if value.chars().count() > TAG_VALUE_MAX {
        return Err(format!(
            "the tag value is longer than {TAG_VALUE_MAX} characters"
        ));
    }
    // The value is not quoted: a tag value is free text and may hold something private.
    tag_characters(value)
        .map_err(|_| "the tag value contains a character that is not allowed".into())
}

/// The tag character set of the Directory Service and sso-admin models:
/// `[\p{L}\p{Z}\p{N}_.:/=+\-@]` (letters, separators such as spaces, numbers; no marks).
pub(crate) const TAG_PUNCTUATION: &str = "_.:/=+-@";

/// Checks `text` against the tag character set ([`TAG_PUNCTUATION`] and the categories).
fn tag_characters(text: &str) -> Result<(), Problem> {
    let allowed = |c: char| {
        TAG_PUNCTUATION.contains(c)
            || unicode::is_letter(c)
            || unicode::is_separator(c)
            || unicode::is_number(c)
    };
    match text.chars().find(|c| !allowed(*c)) {
        Some(bad) => Err(format!(
            "{} contains `{}`",
            shown(text),
            bad.escape_default()
        )),
        None => Ok(()),
    }
}

/// The tag apply sets on everything it creates, with the plan's name as its value: how a re-run
/// finds its own resources again, and what `destroy` limits itself to.
pub const PLAN_TAG: &str = "adsso:plan";

/// At most this many user tags: AWS allows [`TAGS_MAX`] per resource and adsso adds
/// [`PLAN_TAG`].
pub const MAX_USER_TAGS: usize = TAGS_MAX - 1;
