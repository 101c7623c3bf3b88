//! The targets step: reads AWS Organizations once (see [`crate::inspect::targets`]) and resolves
//! every assignment's accounts before anything is created, so an OU id that names nothing
//! stops the run while nothing has changed. The resolved accounts wait in the run's findings
//! for the assignments step.

use crate::apply::executor::{Executor, StepEnd};
use crate::apply::{ApplyError, Event, Reporter};
use crate::aws::Cloud;
use crate::inspect::targets::{self, Resolved, Skip};
use crate::text::apply as apply_text;

impl<C: Cloud, R: Reporter> Executor<'_, C, R> {
    pub(crate) async fn resolve_targets(&mut self) -> Result<StepEnd, ApplyError> {
        let cloud = self.cloud();
        let plan = self.plan();
        let Some(view) = self.read(targets::read(cloud, plan)).await? else {
            return Ok(StepEnd::Done("not resolved (no credentials)".to_owned()));
        };
        let caller = self.found.account.clone();
        let assignments = plan
            .identity_center
            .as_ref()
            .map(|ic| ic.assignments.as_slice())
            .unwrap_or_default();
        let resolved: Vec<Resolved> = assignments
            .iter()
            .map(|a| targets::resolve(a, &view, caller.as_deref()))
            .collect();
        let unknown: Vec<String> = resolved.iter().flat_map(|r| r.unknown.clone()).collect();
        if !unknown.is_empty() {
            return Err(ApplyError::UnknownTargets(unknown));
        }
        for (assignment, targets) in assignments.iter().zip(&resolved) {
            if assignment.organizational_units.is_empty() && targets.skipped.is_empty() {
                continue;
            }
            let line = target_line(&assignment.group, &assignment.permission_set, targets);
            self.report(Event::Detail(line));
        }
        let total: usize = resolved.iter().map(|r| r.accounts.len()).sum();
        self.found.targets = Some(resolved);
        Ok(StepEnd::Done(format!(
            "{total} account target(s) for {} assignment(s)",
            assignments.len()
        )))
    }
}

/// `group -> set: N account(s): ids; skipped id (why)`.
pub(crate) fn target_line(group: &str, set: &str, targets: &Resolved) -> String {
    let mut line = format!(
        "{group} -> {set}: {} account(s): {}",
        targets.accounts.len(),
        targets.accounts.join(", ")
    );
    for (account, why) in &targets.skipped {
        line.push_str(&format!("; skipped {account} ({})", skip_words(why)));
    }
    line
}

/// Why an account is left out, in words.
pub(crate) fn skip_words(why: &Skip) -> String {
    match why {
        Skip::NotActive(state) => format!("{state}: not active"),
        Skip::Excluded => "excludeAccounts".to_owned(),
        Skip::ManagementAccount => apply_text::MANAGEMENT_ACCOUNT_SKIPPED.to_owned(),
    }
}
