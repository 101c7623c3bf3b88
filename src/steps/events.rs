//! Progress events: what the executor tells the front end while it works. The command renders
//! them (a live line on a terminal, timestamped lines otherwise); tests collect them.

use std::fmt;
use std::time::Duration;

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
        for (name, value) in &self.params {
            writeln!(f, "    {name}: {value}")?;
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
            } => write!(f, "step {index}/{total}: {description}"),
            Event::StepDone { note } => write!(f, "done: {note}"),
            Event::Waiting {
                what,
                state,
                elapsed,
                next_check,
            } => write!(
                f,
                "waiting for {what}: {state} (waited {}s, next check in {}s)",
                elapsed.as_secs(),
                next_check.as_secs().max(1)
            ),
            Event::Warning(text) => write!(f, "warning: {text}"),
            Event::WouldCall(call) => write!(f, "would call {call}"),
            Event::Gate(instructions) => f.write_str(instructions),
            Event::Progress { what, done, total } => write!(f, "{what}: {done} of {total} done"),
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
