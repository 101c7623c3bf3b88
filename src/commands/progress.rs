//! Renders progress events: a live line (stage, elapsed, next check) on a terminal, plain
//! lines stamped with the elapsed time otherwise. Dry-run calls go to standard output; the rest
//! to standard error.

use std::io::{IsTerminal, Write};
use std::time::Instant;

use crate::apply::{Event, Reporter};

/// How waiting is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// One line rewritten in place.
    Live,
    /// One timestamped line per check.
    Plain,
}

/// Prints events for a person or a log.
#[derive(Debug)]
pub struct Printer {
    start: Instant,
    style: Style,
    line_open: bool,
}

impl Default for Printer {
    fn default() -> Self {
        Printer {
            start: Instant::now(),
            style: if std::io::stderr().is_terminal() {
                Style::Live
            } else {
                Style::Plain
            },
            line_open: false,
        }
    }
}

impl Printer {
    fn stamp(&self) -> String {
        format!("[{:>7.1}s]", self.start.elapsed().as_secs_f64())
    }

    fn close_line(&mut self, err: &mut impl Write) {
        if self.line_open {
            let _ = writeln!(err);
            self.line_open = false;
        }
    }
}

impl Reporter for Printer {
    fn event(&mut self, event: Event) {
        let mut err = std::io::stderr().lock();
        match &event {
            Event::Waiting { .. } => match self.style {
                Style::Live => {
                    let _ = write!(err, "\r\x1b[2K  {event}");
                    let _ = err.flush();
                    self.line_open = true;
                }
                Style::Plain => {
                    let _ = writeln!(err, "{}   {event}", self.stamp());
                }
            },
            Event::Progress { done, total, .. } => match self.style {
                Style::Live => {
                    let _ = write!(err, "\r\x1b[2K  {event}");
                    let _ = err.flush();
                    self.line_open = true;
                }
                // Every tenth and the last, not hundreds of lines.
                Style::Plain if done % (total / 10).max(1) == 0 || done == total => {
                    let _ = writeln!(err, "{}   {event}", self.stamp());
                }
                Style::Plain => {}
            },
            Event::StepStarted { .. } => {
                self.close_line(&mut err);
                let _ = writeln!(err, "{} {event}", self.stamp());
            }
            Event::StepDone { .. } | Event::Warning(_) | Event::Detail(_) => {
                self.close_line(&mut err);
                let _ = writeln!(err, "{}   {event}", self.stamp());
            }
            Event::WouldCall(_) => {
                self.close_line(&mut err);
                let _ = write!(std::io::stdout().lock(), "{event}");
            }
            Event::Gate(_) => {
                self.close_line(&mut err);
                let _ = writeln!(std::io::stdout().lock(), "{event}");
            }
        }
    }
}
