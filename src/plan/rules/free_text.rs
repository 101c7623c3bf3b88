//! Rules for the plan's free-text values that no AWS pattern covers fully: group names and
//! secret file paths. They reach terminals, logs and the generated PowerShell, so a control
//! character (C0, C1, DEL, newlines) or a bidi control is refused here, with the field named,
//! before anything is shown or sent.

use super::{Problem, shown};
use crate::text::untrusted;

/// The longest group name a plan may give. AD limits a group's sAMAccountName to 256 characters
/// (MS-ADA3, `SAM-Account-Name` rangeUpper); Identity Center shows it as `Name@domain`.
pub const GROUP_NAME_MAX: usize = 256;

/// The longest `{file: PATH}` a plan may give (Linux `PATH_MAX` is 4096 bytes).
pub const SECRET_PATH_MAX: usize = 4096;

/// The first control or bidi character of `value`, as a problem naming its position.
fn control_character(value: &str) -> Result<(), Problem> {
    match value.chars().position(untrusted::is_unsafe) {
        Some(index) => Err(format!(
            "{} has a control character at position {}",
            shown(value),
            index + 1
        )),
        None => Ok(()),
    }
}

/// An AD group name as a plan names it: 1-256 characters, not only spaces, no control or bidi
/// character (Identity Store's DisplayName takes letters, marks, symbols, numbers, punctuation
/// and spaces).
pub fn group_name(name: &str) -> Result<(), Problem> {
    if name.trim().is_empty() {
        return Err("the group name is empty".into());
    }
    let length = name.chars().count();
    if length > GROUP_NAME_MAX {
        return Err(format!("{} has {length} characters", shown(name)));
    }
    control_character(name)
}

/// A secret file path: 1-4096 bytes, not only spaces, no control or bidi character. The path
/// is shown in messages (never the file's content), so it must be plain text.
pub fn secret_file_path(path: &str) -> Result<(), Problem> {
    if path.trim().is_empty() {
        return Err("the path is empty".into());
    }
    if path.len() > SECRET_PATH_MAX {
        return Err(format!("the path has {} bytes", path.len()));
    }
    control_character(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_up_to_the_limit_are_accepted() {
        assert_eq!(group_name("AWS-SSO-Users"), Ok(()));
        assert_eq!(group_name("Domain Admins (EMEA) ü"), Ok(()));
        assert_eq!(group_name(&"g".repeat(GROUP_NAME_MAX)), Ok(()));
        let too_long = "g".repeat(GROUP_NAME_MAX + 1);
        assert!(
            group_name(&too_long)
                .unwrap_err()
                .ends_with("has 257 characters")
        );
    }

    #[test]
    fn group_names_with_controls_are_refused_and_shown_escaped() {
        let problem = group_name("Admins\u{1b}]52;c;ZXZpbA==\u{7}").unwrap_err();
        assert_eq!(
            problem,
            "`Admins\\u{1b}]52;c;ZXZpbA==\\u{7}` has a control character at position 7"
        );
        assert!(group_name("a\u{202e}b").is_err());
        assert!(group_name("a\u{85}b").is_err());
        assert_eq!(group_name("  "), Err("the group name is empty".into()));
        assert_eq!(group_name(""), Err("the group name is empty".into()));
    }

    #[test]
    fn secret_paths_up_to_the_limit_are_accepted() {
        assert_eq!(secret_file_path("/run/secrets/trust"), Ok(()));
        assert_eq!(secret_file_path(&"p".repeat(SECRET_PATH_MAX)), Ok(()));
        assert_eq!(
            secret_file_path(&"p".repeat(SECRET_PATH_MAX + 1)),
            Err("the path has 4097 bytes".into())
        );
    }

    #[test]
    fn secret_paths_that_could_break_a_line_are_refused() {
        let problem = secret_file_path("/tmp/pw\nStart-Process calc.exe # ").unwrap_err();
        assert!(problem.contains("\\nStart-Process"), "{problem}");
        assert!(problem.ends_with("position 8"), "{problem}");
        assert!(secret_file_path("/tmp/pw\rx").is_err());
        assert!(secret_file_path("/tmp/\u{1b}[8m").is_err());
        assert_eq!(secret_file_path(" "), Err("the path is empty".into()));
    }
}
