//! Where a secret field says its password comes from: an environment variable (the field holds
//! its name), a file (`file:PATH`), or asked when applying (empty). ← → on a secret field
//! chooses the source (full screen), `--plain` asks it as a pick list; the name or path is then
//! typed. The plan stores only the reference, never a password.

use super::draft::{Draft, FILE_PREFIX, FieldId};
use super::secret_names::{SecretText, judge};
use crate::text::wizard as words;

/// Where a password comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretSource {
    /// An environment variable, read at apply time.
    Variable,
    /// A file only its owner can read, read at apply time.
    File,
    /// Asked (masked) when applying.
    Asked,
}

impl SecretSource {
    /// The sources in the order ← → cycles through them.
    pub const ALL: [SecretSource; 3] = [
        SecretSource::Variable,
        SecretSource::File,
        SecretSource::Asked,
    ];

    /// The source a secret field's text names.
    pub fn of(typed: &str) -> SecretSource {
        match judge(typed) {
            SecretText::Prompt => SecretSource::Asked,
            SecretText::File => SecretSource::File,
            SecretText::Name | SecretText::LowercaseName | SecretText::Refused => {
                SecretSource::Variable
            }
        }
    }

    /// The source in words.
    pub fn label(self) -> &'static str {
        match self {
            SecretSource::Variable => words::SOURCE_VARIABLE,
            SecretSource::File => words::SOURCE_FILE,
            SecretSource::Asked => words::SOURCE_ASKED,
        }
    }
}

impl std::fmt::Display for SecretSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// The conventional variable of a secret field (a domain's own trust password is named after
/// its NetBIOS name, e.g. `ADSSO_TRUST_PASSWORD_EMEA`).
pub fn default_variable(id: FieldId, draft: &Draft) -> String {
    match id {
        FieldId::ServicePassword => "ADSSO_SERVICE_ACCOUNT_PASSWORD".to_owned(),
        FieldId::AdminPassword => "ADSSO_ADMIN_PASSWORD".to_owned(),
        FieldId::DomainTrustPassword => {
            let netbios: String = draft
                .get(FieldId::Netbios)
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_uppercase();
            if netbios.is_empty() {
                "ADSSO_TRUST_PASSWORD".to_owned()
            } else {
                format!("ADSSO_TRUST_PASSWORD_{netbios}")
            }
        }
        _ => "ADSSO_TRUST_PASSWORD".to_owned(),
    }
}

/// The field text for `source`: the conventional variable, `file:` to type the path after, or
/// empty. Choosing the source the text already names keeps the text.
pub fn text_for(id: FieldId, draft: &Draft, source: SecretSource) -> String {
    let current = draft.get(id);
    if SecretSource::of(current) == source {
        return current.to_owned();
    }
    match source {
        SecretSource::Variable => default_variable(id, draft),
        SecretSource::File => FILE_PREFIX.to_owned(),
        SecretSource::Asked => String::new(),
    }
}

/// The field text after ← (`step` -1) or → (+1) on a secret field: the next source.
pub fn cycled(id: FieldId, draft: &Draft, step: isize) -> String {
    let current = SecretSource::of(draft.get(id));
    let index = SecretSource::ALL
        .iter()
        .position(|source| *source == current)
        .unwrap_or(0) as isize;
    let next = (index + step).rem_euclid(SecretSource::ALL.len() as isize) as usize;
    text_for(id, draft, SecretSource::ALL[next])
}

/// How a secret field shows its text: the source, then the name or path (a refused name is
/// already dots, see [`super::secret_names::shown`]).
pub fn shown(shown_text: &str) -> String {
    let source = SecretSource::of(shown_text);
    let rest = shown_text.strip_prefix(FILE_PREFIX).unwrap_or(shown_text);
    match source {
        SecretSource::Asked => format!("‹ {} ›", source.label()),
        _ => format!("‹ {} › {rest}", source.label()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_cycle_variable_file_asked_and_back_to_the_conventional_name() {
        let mut draft = Draft::default();
        let id = FieldId::TrustPassword;
        assert_eq!(SecretSource::of(draft.get(id)), SecretSource::Variable);
        let file = cycled(id, &draft, 1);
        assert_eq!(file, "file:");
        draft.set(id, "file:/root/trust-pw");
        assert_eq!(SecretSource::of(draft.get(id)), SecretSource::File);
        assert_eq!(cycled(id, &draft, 1), "");
        draft.set(id, "");
        assert_eq!(SecretSource::of(""), SecretSource::Asked);
        assert_eq!(cycled(id, &draft, 1), "ADSSO_TRUST_PASSWORD");
        assert_eq!(cycled(id, &draft, -1), "file:");
        draft.set(id, "MY_TRUST_PW");
        assert_eq!(text_for(id, &draft, SecretSource::Variable), "MY_TRUST_PW");
    }

    #[test]
    fn each_field_has_its_conventional_variable() {
        let mut draft = Draft::default();
        assert_eq!(
            default_variable(FieldId::ServicePassword, &draft),
            "ADSSO_SERVICE_ACCOUNT_PASSWORD"
        );
        assert_eq!(
            default_variable(FieldId::AdminPassword, &draft),
            "ADSSO_ADMIN_PASSWORD"
        );
        draft.set(FieldId::Netbios, "emea");
        assert_eq!(
            default_variable(FieldId::DomainTrustPassword, &draft),
            "ADSSO_TRUST_PASSWORD_EMEA"
        );
    }

    #[test]
    fn the_field_shows_its_source_first() {
        assert_eq!(
            shown("ADSSO_TRUST_PASSWORD"),
            "‹ variable › ADSSO_TRUST_PASSWORD"
        );
        assert_eq!(shown("file:/root/pw"), "‹ file › /root/pw");
        assert_eq!(shown(""), "‹ asked at apply ›");
    }
}
