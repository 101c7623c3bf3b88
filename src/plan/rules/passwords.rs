//! Password rules AWS applies to the secrets adsso sends, checked as soon as a secret is resolved
//! (before any AWS call) so a bad trust password fails in seconds, not after the 20-45 minutes a
//! Managed AD takes to create. Problems name the rule, never the value.
//!
//! Sources: Directory Service's model (`Password`, `TrustPassword`, `ConnectPassword` shapes,
//! botocore `ds` 2015-04-16) and the Directory Service admin guide (the Admin password may not
//! contain the word "admin").

use super::aws_model as model;
use super::aws_tables::model_or;
use super::{Problem, unicode};

/// Admin password length, in characters (the model's `Password` pattern: `(?=^.{8,64}$)`; the
/// shape states no min or max, so the numbers are written here and pinned by a test).
pub const ADMIN_PASSWORD_LENGTH: std::ops::RangeInclusive<usize> = 8..=64;
/// Trust password length (the model's `TrustPassword` min and max).
pub const TRUST_PASSWORD_LENGTH: std::ops::RangeInclusive<usize> =
    model_or(model::DS_CREATE_TRUST_TRUST_PASSWORD.min, 1)
        ..=model_or(model::DS_CREATE_TRUST_TRUST_PASSWORD.max, 128);
/// AD Connector service account password length (the model's `ConnectPassword` min and max).
pub const CONNECT_PASSWORD_LENGTH: std::ops::RangeInclusive<usize> =
    model_or(model::DS_CONNECT_DIRECTORY_PASSWORD.min, 1)
        ..=model_or(model::DS_CONNECT_DIRECTORY_PASSWORD.max, 128);

/// Java's `\s`: the white space the model's "special character" class excludes.
fn is_java_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r')
}

/// Characters Java's `.` does not match (line terminators).
fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn length_problem(length: usize, range: &std::ops::RangeInclusive<usize>) -> Option<Problem> {
    (!range.contains(&length)).then(|| {
        format!(
            "it has {length} characters; {}-{} are allowed",
            range.start(),
            range.end()
        )
    })
}

/// The new Managed AD's Admin password: 8-64 characters on one line, at least three of lowercase
/// letters, uppercase letters, digits and special characters (not letters, digits or white
/// space), and not containing "admin".
pub fn admin_password(password: &str) -> Result<(), Problem> {
    if let Some(problem) = length_problem(password.chars().count(), &ADMIN_PASSWORD_LENGTH) {
        return Err(problem);
    }
    if password.chars().any(is_line_terminator) {
        return Err("it contains a line break".into());
    }
    let classes = [
        password.chars().any(|c| c.is_ascii_lowercase()),
        password.chars().any(|c| c.is_ascii_uppercase()),
        password.chars().any(|c| c.is_ascii_digit()),
        password
            .chars()
            .any(|c| !c.is_ascii_alphanumeric() && !is_java_space(c)),
    ];
    let present = classes.iter().filter(|present| **present).count();
    if present < 3 {
        return Err(format!(
            "it uses {present} of the 4 character classes (lowercase, uppercase, digits, special \
             characters other than white space); at least 3 are required"
        ));
    }
    if password.to_lowercase().contains("admin") {
        return Err("it contains the word \"admin\"".into());
    }
    Ok(())
}

/// Java's `\p{Punct}`: ASCII punctuation only.
fn is_java_punct(c: char) -> bool {
    c.is_ascii_punctuation()
}

/// Java's `\p{LD}`: a letter (any `L` category) or a decimal digit (`Nd`).
fn is_java_letter_or_digit(c: char) -> bool {
    unicode::is_letter(c) || unicode::is_decimal_digit(c)
}

/// The trust password (`^(\p{LD}|\p{Punct}| )+$`, 1-128): letters, digits, ASCII punctuation
/// and spaces. `£` or `§` are refused, as AWS refuses them.
pub fn trust_password(password: &str) -> Result<(), Problem> {
    if let Some(problem) = length_problem(password.chars().count(), &TRUST_PASSWORD_LENGTH) {
        return Err(problem);
    }
    match password
        .chars()
        .position(|c| !(is_java_letter_or_digit(c) || is_java_punct(c) || c == ' '))
    {
        Some(index) => Err(format!(
            "character {} is not a letter, a digit, ASCII punctuation or a space (the character is not shown)",
            index + 1
        )),
        None => Ok(()),
    }
}

/// The AD Connector service account's password (`ConnectPassword`, 1-128 characters).
pub fn connect_password(password: &str) -> Result<(), Problem> {
    match length_problem(password.chars().count(), &CONNECT_PASSWORD_LENGTH) {
        Some(problem) => Err(problem),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_implement_the_models_password_shapes() {
        let admin = format!(
            "(?=^.{{{},{}}}$)",
            ADMIN_PASSWORD_LENGTH.start(),
            ADMIN_PASSWORD_LENGTH.end()
        );
        assert_eq!(
            model::DS_CREATE_MICROSOFT_AD_PASSWORD.pattern,
            Some(
                r"(?=^.{8,64}$)((?=.*\d)(?=.*[A-Z])(?=.*[a-z])|(?=.*\d)(?=.*[^A-Za-z0-9\s])(?=.*[a-z])|(?=.*[^A-Za-z0-9\s])(?=.*[A-Z])(?=.*[a-z])|(?=.*\d)(?=.*[A-Z])(?=.*[^A-Za-z0-9\s]))^.*"
            )
        );
        assert!(
            model::DS_CREATE_MICROSOFT_AD_PASSWORD
                .pattern
                .is_some_and(|p| p.starts_with(&admin))
        );
        assert_eq!(
            model::DS_CREATE_TRUST_TRUST_PASSWORD.pattern,
            Some(r"^(\p{LD}|\p{Punct}| )+$")
        );
        assert_eq!(model::DS_CONNECT_DIRECTORY_PASSWORD.pattern, None);
        assert_eq!(TRUST_PASSWORD_LENGTH, 1..=128);
        assert_eq!(CONNECT_PASSWORD_LENGTH, 1..=128);
    }

    #[test]
    fn admin_passwords_are_8_to_64_characters() {
        assert_eq!(admin_password("Abcdef1!"), Ok(()));
        assert_eq!(admin_password(&format!("Ab1!{}", "x".repeat(60))), Ok(()));
        assert_eq!(
            admin_password("Abcde1!"),
            Err("it has 7 characters; 8-64 are allowed".into())
        );
        assert_eq!(
            admin_password(&format!("Ab1!{}", "x".repeat(61))),
            Err("it has 65 characters; 8-64 are allowed".into())
        );
    }

    #[test]
    fn admin_passwords_need_three_of_four_classes() {
        for ok in ["abcdefG1", "abcdefg1!", "ABCDEFg!", "ABCDEF1!", "Passwörd1"] {
            assert_eq!(admin_password(ok), Ok(()), "{ok}");
        }
        for weak in ["abcdefgh1", "ABCDEFGH!", "abcd efgh1", "abcdefgh\t1"] {
            let problem = admin_password(weak).unwrap_err();
            assert!(
                problem.starts_with("it uses 2 of the 4"),
                "{weak}: {problem}"
            );
        }
    }

    #[test]
    fn admin_passwords_may_not_contain_admin_or_a_line_break() {
        assert_eq!(
            admin_password("MyAdMin2025!"),
            Err("it contains the word \"admin\"".into())
        );
        assert_eq!(
            admin_password("Abcdef1!\n"),
            Err("it contains a line break".into())
        );
        assert!(admin_password("Abcdef1!\u{2028}").is_err());
    }

    #[test]
    fn trust_passwords_take_letters_digits_ascii_punctuation_and_spaces() {
        for ok in [
            "a",
            "Trust pass: 2025-ü!",
            "Пароль123",
            "~`!@#$%^&*()_+-={}[]|\\:;\"'<>,.?/",
        ] {
            assert_eq!(trust_password(ok), Ok(()), "{ok}");
        }
        assert_eq!(
            trust_password(&"p".repeat(*TRUST_PASSWORD_LENGTH.end())),
            Ok(())
        );
        assert_eq!(
            trust_password(&"p".repeat(TRUST_PASSWORD_LENGTH.end() + 1)),
            Err("it has 129 characters; 1-128 are allowed".into())
        );
        assert_eq!(
            trust_password(""),
            Err("it has 0 characters; 1-128 are allowed".into())
        );
        for bad in ["Price£5", "§1", "tab\there", "e\u{301}", "a\u{a0}b", "€"] {
            let problem = trust_password(bad).unwrap_err();
            assert!(problem.contains("is not a letter"), "{bad}: {problem}");
            assert!(!problem.contains(bad), "{problem}");
        }
    }

    #[test]
    fn connect_passwords_are_1_to_128_characters() {
        assert_eq!(connect_password("x"), Ok(()));
        assert_eq!(
            connect_password(&"x".repeat(*CONNECT_PASSWORD_LENGTH.end())),
            Ok(())
        );
        assert!(connect_password(&"x".repeat(CONNECT_PASSWORD_LENGTH.end() + 1)).is_err());
        assert!(connect_password("").is_err());
    }
}
