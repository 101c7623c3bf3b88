//! Passwords typed at a prompt: a new password (the Managed AD's Admin, a trust password) is
//! typed twice and checked against AWS's rules at once, the rule that failed named and the value
//! never shown; an existing one (the AD Connector's service account, already in AD) is typed
//! once. At most [`ATTEMPTS`] tries, then the run stops before anything is sent.

use secrecy::SecretString;
use zeroize::Zeroizing;

use crate::plan::SecretSlot;
use crate::text;

/// How many times a password may be typed wrong before apply gives up.
pub const ATTEMPTS: usize = 3;

/// Whether a password exists already or is chosen now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Novelty {
    /// It exists (the service account's): typed once.
    Existing,
    /// It is chosen now (the Admin's, a trust's): typed twice.
    New,
}

/// Whether `slot`'s password exists already or is chosen now.
pub fn novelty(slot: SecretSlot) -> Novelty {
    match slot {
        SecretSlot::ServiceAccount => Novelty::Existing,
        SecretSlot::Admin | SecretSlot::Trust | SecretSlot::DomainTrust(_) => Novelty::New,
    }
}

/// Why a prompt ended without a password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// Esc: go back.
    Back,
    /// Ctrl-C.
    Interrupted,
    /// The prompt failed (no terminal, I/O); the reason.
    Failed(String),
}

/// Why no password was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotTaken {
    /// The prompt ended.
    Stopped(Stop),
    /// [`ATTEMPTS`] tries were refused.
    OutOfAttempts,
}

/// Asks for passwords: the terminal's prompt, the plain wizard's, or a test's.
pub trait Prompter {
    /// Asks `question`, masked.
    fn password(&mut self, question: &str) -> Result<Zeroizing<String>, Stop>;
    /// Tells why the last value was refused (never containing it).
    fn tell(&mut self, message: &str);
}

/// Asks for `slot`'s password: once for an existing password, twice for a new one; checked
/// against AWS's rules before it is taken.
pub fn ask(prompter: &mut impl Prompter, slot: SecretSlot) -> Result<SecretString, NotTaken> {
    let what = slot.what();
    for _ in 0..ATTEMPTS {
        let mut first = prompter
            .password(&text::type_password(&what))
            .map_err(NotTaken::Stopped)?;
        if first.is_empty() {
            prompter.tell(&text::password_empty(&what));
            continue;
        }
        if let Err(problem) = slot.check(&first) {
            prompter.tell(&text::password_refused(&what, &problem));
            continue;
        }
        if novelty(slot) == Novelty::New {
            let again = prompter
                .password(&text::type_password_again(&what))
                .map_err(NotTaken::Stopped)?;
            if *again != *first {
                prompter.tell(&text::password_mismatch(&what));
                continue;
            }
        }
        return Ok(SecretString::from(std::mem::take(&mut *first)));
    }
    Err(NotTaken::OutOfAttempts)
}

/// The terminal's masked prompt (inquire, on standard error).
pub struct Terminal;

impl Prompter for Terminal {
    fn password(&mut self, question: &str) -> Result<Zeroizing<String>, Stop> {
        match inquire::Password::new(question)
            .without_confirmation()
            .with_display_mode(inquire::PasswordDisplayMode::Hidden)
            .prompt()
        {
            Ok(value) => Ok(Zeroizing::new(value)),
            Err(inquire::InquireError::OperationCanceled) => Err(Stop::Back),
            Err(inquire::InquireError::OperationInterrupted) => Err(Stop::Interrupted),
            Err(other) => Err(Stop::Failed(other.to_string())),
        }
    }

    fn tell(&mut self, message: &str) {
        eprintln!("{message}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    /// Answers from a list; records what it was told.
    struct Fake {
        answers: Vec<&'static str>,
        asked: Vec<String>,
        told: Vec<String>,
    }

    impl Fake {
        fn new(answers: &[&'static str]) -> Self {
            Fake {
                answers: answers.iter().rev().copied().collect(),
                asked: Vec::new(),
                told: Vec::new(),
            }
        }
    }

    impl Prompter for Fake {
        fn password(&mut self, question: &str) -> Result<Zeroizing<String>, Stop> {
            self.asked.push(question.to_owned());
            self.answers
                .pop()
                .map(|a| Zeroizing::new(a.to_owned()))
                .ok_or(Stop::Interrupted)
        }
        fn tell(&mut self, message: &str) {
            self.told.push(message.to_owned());
        }
    }

    #[test]
    fn a_new_password_typed_differently_is_asked_again_then_taken() {
        let mut fake = Fake::new(&[
            "Canary-4711x",
            "Canary-4712x",
            "Canary-4711x",
            "Canary-4711x",
        ]);
        let value = ask(&mut fake, SecretSlot::Admin).unwrap();
        assert_eq!(value.expose_secret(), "Canary-4711x");
        assert_eq!(fake.asked.len(), 4);
        assert!(fake.asked[1].contains("again"), "{:?}", fake.asked);
        assert_eq!(fake.told.len(), 1);
        assert!(fake.told[0].contains("do not match"), "{:?}", fake.told);
        assert!(!fake.told.concat().contains("Canary"));
    }

    #[test]
    fn a_password_breaking_a_rule_is_refused_at_once_naming_the_rule_not_the_value() {
        let mut fake = Fake::new(&["MyAdmin-2025!", "Canary-4711x", "Canary-4711x"]);
        let value = ask(&mut fake, SecretSlot::Admin).unwrap();
        assert_eq!(value.expose_secret(), "Canary-4711x");
        assert_eq!(fake.asked.len(), 3, "a refused value is not asked twice");
        assert!(fake.told[0].contains("\"admin\""), "{:?}", fake.told);
        assert!(!fake.told[0].contains("MyAdmin-2025!"));
        let mut fake = Fake::new(&["Price£5", "ok trust", "ok trust"]);
        ask(&mut fake, SecretSlot::Trust).unwrap();
        assert!(
            fake.told[0].contains("character 6 is not a letter"),
            "{:?}",
            fake.told
        );
    }

    #[test]
    fn an_existing_password_is_asked_once() {
        let mut fake = Fake::new(&["Canary-svc"]);
        let value = ask(&mut fake, SecretSlot::ServiceAccount).unwrap();
        assert_eq!(value.expose_secret(), "Canary-svc");
        assert_eq!(fake.asked.len(), 1);
    }

    #[test]
    fn attempts_are_bounded() {
        let mut fake = Fake::new(&["a1", "b2", "", "x", "y", "z", "w"]);
        assert_eq!(
            ask(&mut fake, SecretSlot::Admin).unwrap_err(),
            NotTaken::OutOfAttempts
        );
        assert_eq!(fake.asked.len(), ATTEMPTS, "each try refused at once");
        let mut fake = Fake::new(&["one1", "two2", "one1", "two2", "one1", "two2", "x"]);
        assert_eq!(
            ask(&mut fake, SecretSlot::Trust).unwrap_err(),
            NotTaken::OutOfAttempts
        );
        assert_eq!(fake.asked.len(), 2 * ATTEMPTS);
        let mut fake = Fake::new(&[]);
        assert_eq!(
            ask(&mut fake, SecretSlot::Trust).unwrap_err(),
            NotTaken::Stopped(Stop::Interrupted)
        );
    }
}
