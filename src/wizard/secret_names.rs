//! The secret fields (the service account, trust and Admin passwords, a domain's own trust
//! password) take where apply reads the password from: an environment variable's *name*,
//! `file:PATH`, or nothing (asked at apply time). A password typed there by mistake must not be
//! saved as a variable name, nor shown: a value that is not a name, or that looks like a
//! password (mixed case with digits and no underscore), is refused without repeating it, and
//! the form shows it masked. A lowercase name is accepted with a warning (names are uppercase by
//! convention).

use std::collections::BTreeMap;

use super::draft::{Draft, FILE_PREFIX, FieldId};
use super::paths::FieldAt;
use super::questions::{self, Screen};
use crate::plan::Mode;
use crate::text::wizard as words;

/// What a secret field's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretText {
    /// Empty: the password is asked at apply time.
    Prompt,
    /// `file:PATH`: a file reference (its path is checked by the plan's validation).
    File,
    /// An environment variable name in upper case (the convention).
    Name,
    /// A valid environment variable name with lower-case letters: accepted, with a warning.
    LowercaseName,
    /// Not a variable name, or one that looks like a password: refused, and never shown.
    Refused,
}

/// True for the questions whose answer says where a password comes from.
pub fn is_secret_field(id: FieldId) -> bool {
    matches!(
        id,
        FieldId::ServicePassword
            | FieldId::TrustPassword
            | FieldId::AdminPassword
            | FieldId::DomainTrustPassword
    )
}

/// Judges a secret field's text: `[A-Za-z_][A-Za-z0-9_]*` is a name; a name mixing upper and
/// lower case with a digit and no underscore (`Winter2025pw`) looks like a password.
pub fn judge(typed: &str) -> SecretText {
    let typed = typed.trim();
    if typed.is_empty() {
        return SecretText::Prompt;
    }
    if typed.starts_with(FILE_PREFIX) {
        return SecretText::File;
    }
    if crate::plan::rules::env_name(typed).is_err() {
        return SecretText::Refused;
    }
    let has = |test: fn(&char) -> bool| typed.chars().any(|c| test(&c));
    let lower = has(char::is_ascii_lowercase);
    let upper = has(char::is_ascii_uppercase);
    let digit = has(char::is_ascii_digit);
    let underscore = has(|c| *c == '_');
    match (lower, upper && digit && !underscore) {
        (true, true) => SecretText::Refused,
        (true, false) => SecretText::LowercaseName,
        (false, _) => SecretText::Name,
    }
}

/// The text a secret field shows for `typed`: a refused value as dots, anything else as typed.
pub fn shown(id: FieldId, typed: &str) -> String {
    if is_secret_field(id) && judge(typed) == SecretText::Refused {
        "•".repeat(typed.chars().count())
    } else {
        typed.to_owned()
    }
}

/// The warning under a secret field whose name is accepted but unusual, if any.
pub fn warning(id: FieldId, typed: &str) -> Option<&'static str> {
    (is_secret_field(id) && judge(typed) == SecretText::LowercaseName)
        .then_some(words::SECRET_NAME_LOWERCASE)
}

/// Puts the refusal on every secret field of the plan whose text is refused (it replaces the
/// plan's own error there, which may be less clear about what the field takes).
pub fn refuse_passwords(draft: &Draft, errors: &mut BTreeMap<FieldAt, String>) {
    let refused = |typed: &str| judge(typed) == SecretText::Refused;
    for field in questions::fields(Screen::Secrets, draft) {
        if refused(draft.get(field.id)) {
            errors.insert(
                FieldAt::global(field.id),
                words::SECRET_TAKES_NAME.to_owned(),
            );
        }
    }
    if draft.mode != Mode::Trust {
        return;
    }
    for domain in 0..draft.domain_count() {
        if refused(draft.get_in(domain, FieldId::DomainTrustPassword)) {
            errors.insert(
                FieldAt {
                    domain: Some(domain),
                    id: FieldId::DomainTrustPassword,
                },
                words::SECRET_TAKES_NAME.to_owned(),
            );
        }
    }
}

/// The draft as the screens may show it: every refused secret field's text replaced by dots
/// (a plan opened with `--edit` may name a password as a variable; the Review screen then
/// shows dots, never the value).
pub fn masked(draft: &Draft) -> Draft {
    let mut shown = draft.clone();
    for field in questions::fields(Screen::Secrets, draft) {
        shown.set(field.id, self::shown(field.id, draft.get(field.id)));
    }
    let current = draft.current_domain();
    for domain in 0..draft.domain_count() {
        shown.select_domain(domain);
        let typed = draft.get_in(domain, FieldId::DomainTrustPassword);
        shown.set(
            FieldId::DomainTrustPassword,
            self::shown(FieldId::DomainTrustPassword, typed),
        );
    }
    shown.select_domain(current);
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_files_and_empty_pass_and_password_lookalikes_are_refused() {
        for (typed, expected) in [
            ("", SecretText::Prompt),
            ("  ", SecretText::Prompt),
            ("file:/run/secrets/trust", SecretText::File),
            ("ADSSO_TRUST_PASSWORD", SecretText::Name),
            ("_X1", SecretText::Name),
            ("TRUST2025", SecretText::Name),
            ("adsso_trust", SecretText::LowercaseName),
            ("Trust_Password2", SecretText::LowercaseName),
            ("Winter2025pw", SecretText::Refused),
            ("Winter 2025!", SecretText::Refused),
            ("p@ss", SecretText::Refused),
            ("1ABC", SecretText::Refused),
        ] {
            assert_eq!(judge(typed), expected, "{typed:?}");
        }
    }

    #[test]
    fn a_refused_value_is_shown_as_dots_only_in_secret_fields() {
        assert_eq!(
            shown(FieldId::TrustPassword, "Winter2025pw"),
            "••••••••••••"
        );
        assert_eq!(shown(FieldId::TrustPassword, "ADSSO_X"), "ADSSO_X");
        assert_eq!(shown(FieldId::Domain, "Winter2025pw"), "Winter2025pw");
    }

    #[test]
    fn the_masked_draft_hides_refused_values_only() {
        let mut draft = Draft::default();
        draft.set(FieldId::TrustPassword, "Winter2025pw");
        draft.add_domain().unwrap();
        draft.set(FieldId::DomainTrustPassword, "Summer2024Pass");
        draft.select_domain(0);
        let text = crate::wizard::save::plan_text(&masked(&draft).to_plan());
        assert!(
            !text.contains("Winter") && !text.contains("Summer"),
            "{text}"
        );
        assert!(text.contains("ADSSO_ADMIN_PASSWORD"), "{text}");
        assert_eq!(masked(&draft).current_domain(), 0);
    }
}
