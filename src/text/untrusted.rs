//! The one output-safety rule for text adsso did not write itself: plan values and field paths,
//! names and messages from AWS, LDAP and DNS answers, OS and SDK error text.
//!
//! Such text may hold any bytes. Shown on a terminal, ESC sequences could set the clipboard
//! (OSC 52), hide or recolour output, or move the cursor; a newline could fake a line of adsso's
//! own output; bidi overrides could reorder what the operator reads. Every character that a
//! terminal would interpret (C0 and C1 controls, DEL) and every bidi control is therefore shown
//! escaped and visible (`\u{1b}`, `\n`), never passed through. Multi-line text (an AWS error
//! message) can instead be shown as an indented block: each of its lines escaped, every line
//! after the first indented so it cannot pass for a line of its own.

use std::borrow::Cow;
use std::fmt;

/// True for a character a terminal would act on, or that reorders the text around it.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Bidi embedding, override and isolate controls, and the implicit marks (Unicode UAX #9).
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Appends the visible escape of one unsafe character.
fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        other => out.push_str(&format!("\\u{{{:x}}}", u32::from(other))),
    }
}

/// `text` on one line: every unsafe character (newlines too) escaped.
pub fn line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` with its line breaks kept (`\n` only) and every other unsafe character escaped: for
/// text adsso laid out itself around untrusted values, such as a diagram.
pub fn keep_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let escaped: Vec<Cow<'_, str>> = text.split('\n').map(line).collect();
    Cow::Owned(escaped.join("\n"))
}

/// `text` as a block: its lines (split at `\n`, `\r\n` or a lone `\r`) each escaped with
/// [`line`], every line after the first starting with `indent`. Blank lines are dropped.
pub fn block(text: &str, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let lines = text
        .split(['\n', '\r'])
        .map(str::trim_end)
        .filter(|l| !l.is_empty());
    for (index, part) in lines.enumerate() {
        if index > 0 {
            out.push('\n');
            out.push_str(indent);
        }
        out.push_str(&line(part));
    }
    out
}

/// A `Display` of untrusted text on one line (see [`line`]): `format!("{}", Untrusted(name))`.
#[derive(Debug, Clone, Copy)]
pub struct Untrusted<'a>(pub &'a str);

impl fmt::Display for Untrusted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&line(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        let text = "CORP\\Domain Admins @ corp.example.com — Grüße";
        assert!(matches!(line(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn osc52_and_hidden_text_are_shown_escaped() {
        let hostile = "\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[8m";
        assert_eq!(line(hostile), "\\u{1b}]52;c;ZXZpbA==\\u{7}\\u{1b}[8m");
    }

    #[test]
    fn every_control_class_is_escaped() {
        for (c, shown) in [
            ('\0', "\\u{0}"),
            ('\n', "\\n"),
            ('\r', "\\r"),
            ('\t', "\\t"),
            ('\u{7f}', "\\u{7f}"),
            ('\u{85}', "\\u{85}"),
            ('\u{9b}', "\\u{9b}"),
            ('\u{202e}', "\\u{202e}"),
            ('\u{2066}', "\\u{2066}"),
            ('\u{200f}', "\\u{200f}"),
            ('\u{61c}', "\\u{61c}"),
        ] {
            assert_eq!(line(&format!("a{c}b")), format!("a{shown}b"), "{c:?}");
        }
    }

    #[test]
    fn neighbours_of_the_escaped_ranges_pass() {
        for c in [
            '\u{20}', '\u{7e}', '\u{a0}', '\u{2029}', '\u{202f}', '\u{2065}', '\u{206a}',
        ] {
            assert!(!is_unsafe(c), "{c:?}");
        }
    }

    #[test]
    fn a_block_cannot_fake_an_output_line() {
        let message = "Directory creation failed\r\ndeleted: everything\rok\n\n\u{1b}[2J";
        assert_eq!(
            block(message, "    "),
            "Directory creation failed\n    deleted: everything\n    ok\n    \\u{1b}[2J"
        );
    }

    #[test]
    fn keep_lines_keeps_only_line_feeds() {
        assert_eq!(keep_lines("a\nb\r\n\u{1b}c\n"), "a\nb\\r\n\\u{1b}c\n");
        assert!(matches!(keep_lines("a\n b\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn the_display_wrapper_escapes() {
        assert_eq!(format!("<{}>", Untrusted("a\u{1b}b")), "<a\\u{1b}b>");
    }
}
