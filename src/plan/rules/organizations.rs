//! AWS Organizations targets of an assignment: an OU id (`ou-ab12-34cd56ef`), the root id
//! (`r-ab12`: every account), or a path of OU names from the root (`Root/Workloads/Prod`). The
//! id rules implement the Organizations model's patterns (`OrganizationalUnitId`, `RootId`,
//! `ParentId`); names are the model's `OrganizationalUnitName` (1-128 characters), and OUs nest
//! at most five levels below the root (Organizations' quota).

use super::aws_model as model;
use super::{Problem, model_or, shown};

/// The most characters of an OU id (`OrganizationalUnitId`: 68).
pub const OU_ID_MAX: usize = model_or(model::ORGANIZATIONS_DESCRIBE_ORGANIZATIONAL_UNIT_ID.max, 68);
/// The most characters of an OU name (`OrganizationalUnitName`: 128).
pub const OU_NAME_MAX: usize = model_or(
    model::ORGANIZATIONS_CREATE_ORGANIZATIONAL_UNIT_NAME.max,
    128,
);
/// How deep OUs nest below the root (Organizations quota "OU maximum nesting in a root": 5).
pub const OU_DEPTH_MAX: usize = 5;
/// The name every organization's root has, the first part of a path.
pub const ROOT_NAME: &str = "Root";

/// What an `organizationalUnits` entry names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OuTarget {
    /// The root (`r-...`): every account of the organization.
    Root(String),
    /// One OU by id, with the OUs nested in it.
    Unit(String),
    /// OU names from the root, `Root` excluded (empty: the root itself).
    Path(Vec<String>),
}

/// Reads one `organizationalUnits` entry.
pub fn ou_target(text: &str) -> Result<OuTarget, Problem> {
    if text.starts_with("ou-") {
        organizational_unit_id(text).map(|()| OuTarget::Unit(text.to_owned()))
    } else if text.starts_with("r-") {
        root_id(text).map(|()| OuTarget::Root(text.to_owned()))
    } else {
        ou_path(text).map(OuTarget::Path)
    }
}

/// `ou-` then 4 to 32 of `[0-9a-z]`, `-`, then 8 to 32 of `[a-z0-9]`.
pub fn organizational_unit_id(id: &str) -> Result<(), Problem> {
    let parts = id.strip_prefix("ou-").and_then(|rest| rest.split_once('-'));
    match parts {
        Some((root, unit))
            if id.len() <= OU_ID_MAX
                && lower_alphanumeric(root, 4, 32)
                && lower_alphanumeric(unit, 8, 32) =>
        {
            Ok(())
        }
        _ => Err(format!("{} is not an OU id", shown(id))),
    }
}

/// `r-` then 4 to 32 of `[0-9a-z]`.
pub fn root_id(id: &str) -> Result<(), Problem> {
    match id.strip_prefix("r-") {
        Some(rest) if lower_alphanumeric(rest, 4, 32) => Ok(()),
        _ => Err(format!("{} is not a root id", shown(id))),
    }
}

/// `Root/Name/...`: the OU names below the root, each 1 to [`OU_NAME_MAX`] characters without
/// control characters, at most [`OU_DEPTH_MAX`] of them.
pub fn ou_path(path: &str) -> Result<Vec<String>, Problem> {
    let mut parts = path.split('/');
    if parts.next() != Some(ROOT_NAME) {
        return Err(format!(
            "{} is neither an OU id, a root id nor a path from `{ROOT_NAME}`",
            shown(path)
        ));
    }
    let names: Vec<String> = parts.map(str::to_owned).collect();
    if names.len() > OU_DEPTH_MAX {
        return Err(format!(
            "{} goes {} levels below the root; OUs nest at most {OU_DEPTH_MAX}",
            shown(path),
            names.len()
        ));
    }
    for name in &names {
        let length = name.chars().count();
        if length == 0 || length > OU_NAME_MAX {
            return Err(format!(
                "{} has an OU name of {length} characters (1 to {OU_NAME_MAX})",
                shown(path)
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(format!("{} has a control character", shown(path)));
        }
    }
    Ok(names)
}

/// `min` to `max` characters, each `[0-9a-z]`.
fn lower_alphanumeric(text: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&text.len())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::super::pattern_tests::model_accepts;
    use super::*;

    #[test]
    fn ou_ids_implement_the_model_pattern_on_both_sides_of_each_limit() {
        let field = &model::ORGANIZATIONS_DESCRIBE_ORGANIZATIONAL_UNIT_ID;
        let ou = |root: usize, unit: usize| format!("ou-{}-{}", "a".repeat(root), "1".repeat(unit));
        for id in [
            ou(4, 8),
            ou(3, 8),
            ou(4, 7),
            ou(32, 32),
            ou(33, 32),
            ou(32, 33),
            "ou-AB12-34cd56ef".to_owned(),
            "ou-ab12-34cd56e_".to_owned(),
            "ou-ab12".to_owned(),
            "ou--34cd56ef".to_owned(),
        ] {
            assert_eq!(
                organizational_unit_id(&id).is_ok(),
                model_accepts(field, &id),
                "{id}"
            );
        }
        assert_eq!(organizational_unit_id(&ou(32, 32)), Ok(()));
        assert_eq!(ou(32, 32).len(), OU_ID_MAX);
        assert!(organizational_unit_id(&ou(33, 32)).is_err());
    }

    #[test]
    fn root_ids_implement_the_parent_pattern() {
        let field = &model::ORGANIZATIONS_LIST_ACCOUNTS_FOR_PARENT_PARENT_ID;
        for id in [
            "r-ab12".to_owned(),
            "r-ab1".to_owned(),
            format!("r-{}", "a".repeat(32)),
            format!("r-{}", "a".repeat(33)),
            "r-AB12".to_owned(),
            "r-ab12 ".to_owned(),
        ] {
            assert_eq!(root_id(&id).is_ok(), model_accepts(field, &id), "{id}");
        }
    }

    #[test]
    fn entries_read_as_a_root_an_ou_or_a_path() {
        assert_eq!(ou_target("r-ab12"), Ok(OuTarget::Root("r-ab12".into())));
        assert_eq!(
            ou_target("ou-ab12-34cd56ef"),
            Ok(OuTarget::Unit("ou-ab12-34cd56ef".into()))
        );
        assert_eq!(
            ou_target("Root/Workloads/Prod"),
            Ok(OuTarget::Path(vec!["Workloads".into(), "Prod".into()]))
        );
        assert_eq!(ou_target("Root"), Ok(OuTarget::Path(Vec::new())));
        assert!(ou_target("Workloads/Prod").unwrap_err().contains("neither"));
        assert!(ou_target("ou-nope").is_err());
        assert!(ou_target("r-").is_err());
    }

    #[test]
    fn paths_allow_five_levels_and_names_of_128_characters() {
        let five = "Root/a/b/c/d/e";
        assert_eq!(ou_path(five).map(|n| n.len()), Ok(OU_DEPTH_MAX));
        let problem = ou_path("Root/a/b/c/d/e/f").unwrap_err();
        assert!(problem.contains("6 levels"), "{problem}");
        let longest = format!("Root/{}", "é".repeat(OU_NAME_MAX));
        assert!(ou_path(&longest).is_ok());
        let problem = ou_path(&format!("Root/{}", "é".repeat(OU_NAME_MAX + 1))).unwrap_err();
        assert!(problem.contains("129 characters"), "{problem}");
        assert!(ou_path("Root//Prod").unwrap_err().contains("0 characters"));
        assert!(ou_path("Root/Pr\u{7}od").unwrap_err().contains("control"));
        assert_eq!(OU_NAME_MAX, 128);
    }
}
