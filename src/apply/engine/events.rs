//! Progress events: what the executor tells the front end while it works. The command renders
//! them (a live line on a terminal, timestamped lines otherwise); tests collect them. Their
//! `Display` escapes what they carry (AWS ids, names, states, reasons and error messages) through
//! [`crate::text::untrusted`], so no front end prints AWS's bytes raw.

use std::fmt;
use std::time::Duration;

use crate::text::untrusted::{self, Untrusted};

/// A call `apply --dry-run` would make, with its parameters; secrets appear as references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// `ds`, `sso-admin`, ...
    pub service: &'static str,
    /// The API operation.
    pub operation: &'static str,
    /// Parameter names and printable values.
    pub params: Vec<(&'static str, String)>,
}

impl fmt::Display for Call {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}:{}", self.service, self.operation)?;
        // Values may come from AWS's answers (ARNs, ids, tag keys): escaped like every event.
        for (name, value) in &self.params {
            writeln!(f, "    {name}: {}", Untrusted(value))?;
        }
        Ok(())
    }
}

/// One thing that happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A step begins.
    StepStarted {
        /// 1-based position.
        index: usize,
        /// How many steps.
        total: usize,
        /// The step's description.
        description: String,
    },
    /// A step ended; `note` says what it found or did.
    StepDone {
        /// What happened (`created d-...`, `already exists`, ...).
        note: String,
    },
    /// Still waiting.
    Waiting {
        /// What is awaited.
        what: String,
        /// The current state.
        state: String,
        /// Time waited so far.
        elapsed: Duration,
        /// Time until the next check.
        next_check: Duration,
    },
    /// Something the operator should know.
    Warning(String),
    /// One line of what the current step found (each assignment's resolved accounts).
    Detail(String),
    /// Dry run: this call would be made.
    WouldCall(Call),
    /// A manual step's instructions.
    Gate(String),
    /// Part of a long step is done.
    Progress {
        /// What is counted.
        what: String,
        /// How many are done.
        done: usize,
        /// How many in all.
        total: usize,
    },
}

impl fmt::Display for Event {
    /// The event in words, as the CLI and the wizard print it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Event::StepStarted {
                index,
                total,
                description,
            } => write!(f, "step {index}/{total}: {}", Untrusted(description)),
            Event::StepDone { note } => write!(f, "done: {}", Untrusted(note)),
            Event::Detail(text) => write!(f, "  {}", Untrusted(text)),
            Event::Waiting {
                what,
                state,
                elapsed,
                next_check,
            } => write!(
                f,
                "waiting for {}: {} (waited {}s, next check in {}s)",
                Untrusted(what),
                Untrusted(state),
                elapsed.as_secs(),
                next_check.as_secs().max(1)
            ),
            Event::Warning(text) => write!(f, "warning: {}", untrusted::block(text, "    ")),
            Event::WouldCall(call) => write!(f, "would call {call}"),
            Event::Gate(instructions) => f.write_str(&untrusted::keep_lines(instructions)),
            Event::Progress { what, done, total } => {
                write!(f, "{}: {done} of {total} done", Untrusted(what))
            }
        }
    }
}

/// Receives progress events.
pub trait Reporter {
    /// Handles one event.
    fn event(&mut self, event: Event);
}

/// Collects events in memory (tests, and callers that render later).
#[derive(Debug, Default)]
pub struct Collect(pub Vec<Event>);

impl Reporter for Collect {
    fn event(&mut self, event: Event) {
        self.0.push(event);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "d-1\u{1b}]52;c;ZXZpbA==\u{7}\ndone: fake";

    #[test]
    fn aws_text_in_events_is_shown_escaped() {
        let events = [
            Event::StepDone {
                note: HOSTILE.to_owned(),
            },
            Event::Waiting {
                what: "directory".to_owned(),
                state: HOSTILE.to_owned(),
                elapsed: Duration::from_secs(3),
                next_check: Duration::from_secs(1),
            },
            Event::Warning(HOSTILE.to_owned()),
            Event::Detail(HOSTILE.to_owned()),
            Event::WouldCall(Call {
                service: "sso-admin",
                operation: "UntagResource",
                params: vec![("TagKeys", HOSTILE.to_owned())],
            }),
        ];
        for event in events {
            let text = event.to_string();
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{7}'),
                "{text:?}"
            );
            assert!(text.contains("\\u{1b}]52"), "{text}");
            assert!(
                !text.lines().any(|l| l.starts_with("done: fake")),
                "a faked line: {text}"
            );
        }
    }

    #[test]
    fn gate_instructions_are_escaped_line_by_line() {
        let text = Event::Gate("MANUAL STEP\n  directory d-1\u{1b}[2J\r\n".to_owned()).to_string();
        assert_eq!(text, "MANUAL STEP\n  directory d-1\\u{1b}[2J\\r\n");
    }

    #[test]
    fn gate_instructions_keep_their_lines_and_indentation() {
        let text = Event::Gate("MANUAL STEP\n  1. Open\n\n    $x = 1\n".to_owned()).to_string();
        assert_eq!(text, "MANUAL STEP\n  1. Open\n\n    $x = 1\n");
    }
}
