//! The one place adsso starts an async runtime: a current-thread tokio runtime with I/O and
//! timers, built only by the edges that need one (the commands that call AWS or probe the
//! domain, and the wizard's background work). The core modules (`plan`, `diagram`, `text`)
//! never see it.

use std::future::Future;

use tokio::runtime::{Builder, Runtime};

/// The async runtime could not start (the operating system refused a thread, a timer or an
/// I/O driver); nothing was run.
#[derive(Debug, thiserror::Error)]
#[error("cannot start the async runtime")]
pub struct RuntimeError(#[source] pub std::io::Error);

/// A current-thread runtime with I/O and timers, for callers that block on it more than once
/// (`destroy` asks for confirmation between its calls and keeps its AWS clients in between).
pub fn start() -> Result<Runtime, RuntimeError> {
    Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(RuntimeError)
}

/// Runs `future` to its end on a runtime of its own ([`start`]), blocking this thread.
pub fn block_on<F: Future>(future: F) -> Result<F::Output, RuntimeError> {
    Ok(start()?.block_on(future))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_on_runs_the_future_with_timers() {
        let value = block_on(async {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
            7
        });
        assert_eq!(value.unwrap(), 7);
    }

    #[test]
    fn the_error_says_the_runtime_did_not_start_and_keeps_the_cause() {
        let error = RuntimeError(std::io::Error::other("no threads left"));
        assert_eq!(error.to_string(), "cannot start the async runtime");
        let cause = std::error::Error::source(&error).map(ToString::to_string);
        assert_eq!(cause.as_deref(), Some("no threads left"));
    }
}
