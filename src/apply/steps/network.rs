//! Apply's network checks: once the directory is Active (before the on-premises gate), the
//! doctor's `network.sg-egress`, `network.nacl` and `network.route` run on it, and each warning
//! or failure is shown with its fix as a warning of the run. They never stop apply: the path may
//! be managed outside what adsso reads (prefix lists, security-group references, firewalls), and
//! the on-premises gate (VerifyTrust) or AWS's own connector checks are the proof that counts.

use crate::apply::executor::{Executor, RunMode};
use crate::apply::{Event, Reporter};
use crate::aws::Cloud;
use crate::checks::Status;
use crate::inspect::doctor::network;
use crate::text::doctor as words;

impl<C: Cloud, R: Reporter> Executor<'_, C, R> {
    /// Runs the network checks on the directory found (a real run only) and reports each
    /// problem with its fix.
    pub(crate) async fn check_network(&mut self) {
        if self.mode() == RunMode::DryRun {
            return;
        }
        let Some(directory) = self.found.directory.clone() else {
            return;
        };
        let plan = self.plan();
        let facts = network::read(self.cloud(), plan, &directory).await;
        for check in network::checks(plan, &directory, &facts) {
            if matches!(check.status, Status::Warn | Status::Fail) {
                self.report(Event::Warning(words::as_warning(&check)));
            }
        }
    }
}
