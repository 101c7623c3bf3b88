//! The one quoting function for values in generated PowerShell.
//!
//! A value becomes a single-quoted string literal: inside one, PowerShell gives meaning only to
//! the quote characters, so doubling each of them makes the literal end exactly where the
//! quoting put its end. PowerShell accepts four quote characters besides `'` (U+2018, U+2019,
//! U+201A, U+201B): they are doubled too. Control characters (newlines included) and bidi
//! controls are refused outright: a literal may hold them, but an operator reading the script
//! before running it should see every value as it is.

use crate::text::untrusted;

/// The characters PowerShell treats as a single quote (`'` and its typographic forms).
pub const SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];

/// A value that cannot be put into the script.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} {} contains a control character, which a script value may not hold", shown(.value))]
pub struct Unquotable {
    /// What the value is (e.g. "the Managed AD's DNS name").
    pub what: &'static str,
    /// The value as given (shown escaped).
    pub value: String,
}

fn shown(value: &str) -> String {
    format!("`{}`", untrusted::line(value))
}

/// `value` as a PowerShell single-quoted literal, or why it cannot be one.
pub fn quoted(value: &str, what: &'static str) -> Result<String, Unquotable> {
    if value.chars().any(untrusted::is_unsafe) {
        return Err(Unquotable {
            what,
            value: value.to_owned(),
        });
    }
    let mut literal = String::with_capacity(value.len() + 2);
    literal.push('\'');
    for c in value.chars() {
        literal.push(c);
        if SINGLE_QUOTES.contains(&c) {
            literal.push(c);
        }
    }
    literal.push('\'');
    Ok(literal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quote_character_is_doubled() {
        assert_eq!(quoted("a'b", "x").unwrap(), "'a''b'");
        assert_eq!(
            quoted("\u{2018}\u{2019}\u{201A}\u{201B}", "x").unwrap(),
            "'\u{2018}\u{2018}\u{2019}\u{2019}\u{201A}\u{201A}\u{201B}\u{201B}'"
        );
        assert_eq!(quoted("", "x").unwrap(), "''");
        assert_eq!(
            quoted("$(calc) `n \"x\"", "x").unwrap(),
            "'$(calc) `n \"x\"'"
        );
    }

    #[test]
    fn control_characters_are_refused_and_shown_escaped() {
        for value in [
            "a\nb",
            "a\rb",
            "a\u{1b}b",
            "a\u{85}b",
            "a\u{202e}b",
            "a\u{7f}",
        ] {
            let error = quoted(value, "the Managed AD's DNS name").unwrap_err();
            let message = error.to_string();
            assert!(
                message.starts_with("the Managed AD's DNS name `a"),
                "{message}"
            );
            assert!(!message.chars().any(untrusted::is_unsafe), "{message:?}");
        }
    }
}
