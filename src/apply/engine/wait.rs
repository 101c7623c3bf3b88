//! Waiting for AWS: exponential backoff with jitter, capped, with a timeout per wait.
//! The intervals come from the environment so tests can poll in milliseconds.

use std::time::Duration;

/// Environment variable: first poll interval in milliseconds (default 10 000).
pub const POLL_INITIAL_ENV: &str = "ADSSO_POLL_INITIAL_MS";
/// Environment variable: longest poll interval in milliseconds (default 60 000).
pub const POLL_MAX_ENV: &str = "ADSSO_POLL_MAX_MS";

/// When a poll gives up on a pending state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Patience {
    /// Keep polling until the policy's timeout.
    UntilTimeout,
    /// Check once (a gate with no operator to wait for).
    CheckOnce,
}

/// How a poll ended without an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Polled<T> {
    /// The check gave its value.
    Ready(T),
    /// Still pending when patience ran out: the last state, and how long it waited.
    GaveUp {
        /// The last pending state.
        state: String,
        /// How long the poll lasted.
        waited: Duration,
    },
}

/// How a wait polls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitPolicy {
    /// The first interval.
    pub initial: Duration,
    /// The cap on intervals.
    pub max: Duration,
    /// The longest one wait may last.
    pub timeout: Duration,
}

impl WaitPolicy {
    /// The default intervals (10 s doubling up to 60 s), overridable by the environment, and
    /// the given timeout.
    pub fn from_env(timeout: Duration) -> Self {
        let ms = |name: &str, default: u64| {
            std::env::var(name)
                .ok()
                .and_then(|value| value.parse::<u64>().ok())
                .map_or(Duration::from_millis(default), Duration::from_millis)
        };
        let initial = ms(POLL_INITIAL_ENV, 10_000);
        WaitPolicy {
            initial,
            max: ms(POLL_MAX_ENV, 60_000).max(initial),
            timeout,
        }
    }

    /// A backoff sequence for one wait.
    pub fn backoff(&self) -> Backoff {
        Backoff {
            next: self.initial,
            max: self.max,
            seed: seed(),
        }
    }
}

/// Successive intervals: doubling, capped, each with up to ±20% jitter.
#[derive(Debug, Clone)]
pub struct Backoff {
    next: Duration,
    max: Duration,
    seed: u64,
}

impl Iterator for Backoff {
    type Item = Duration;

    fn next(&mut self) -> Option<Duration> {
        // xorshift64: enough to spread pollers apart, no dependency needed.
        self.seed ^= self.seed << 13;
        self.seed ^= self.seed >> 7;
        self.seed ^= self.seed << 17;
        let base = self.next.min(self.max);
        let spread = base.as_millis() as u64 / 5;
        let jitter = if spread == 0 {
            0
        } else {
            self.seed % (2 * spread + 1)
        };
        let millis = (base.as_millis() as u64 + jitter).saturating_sub(spread);
        self.next = (self.next * 2).min(self.max);
        Some(Duration::from_millis(millis.max(1)))
    }
}

fn seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0x9e37_79b9, |d| d.as_nanos() as u64);
    nanos | 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_is_capped_and_jitters_within_twenty_percent() {
        let policy = WaitPolicy {
            initial: Duration::from_millis(1000),
            max: Duration::from_millis(4000),
            timeout: Duration::from_secs(60),
        };
        let steps: Vec<u128> = policy.backoff().take(6).map(|d| d.as_millis()).collect();
        let bases = [1000u128, 2000, 4000, 4000, 4000, 4000];
        for (step, base) in steps.iter().zip(bases) {
            assert!(
                *step >= base * 8 / 10 && *step <= base * 12 / 10,
                "{steps:?}"
            );
        }
    }
}
