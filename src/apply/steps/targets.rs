//! The targets step: finds every OU entry of the plan in AWS Organizations before anything is
//! created, so an entry that names nothing stops the run while nothing has changed. The
//! organization is read once per run (see [`crate::inspect::targets`]); the accounts deeper
//! under the targets are read alongside the next steps, and the assignments step resolves each
//! assignment's accounts from them.

use std::collections::BTreeSet;

use crate::apply::executor::{Executor, StepEnd};
use crate::apply::{ApplyError, Event, Reporter};
use crate::aws::Cloud;
use crate::inspect::targets::{self, Resolved, Skip};
use crate::text::apply as apply_text;

impl<C: Cloud, R: Reporter> Executor<'_, C, R> {
    /// Finds every `organizationalUnits` entry (the rest of the organization is read alongside
    /// the next steps, see [`crate::apply::engine::prefetch`]): an entry that names nothing
    /// stops the run here, before any step can change anything.
    pub(crate) async fn resolve_targets(&mut self) -> Result<StepEnd, ApplyError> {
        let checked = match self.prefetch.checked().await {
            Some(result) => self.read(async { result }).await?,
            // The reads did not start (a second run of this executor): read it all here.
            None => {
                let (cloud, plan) = (self.cloud(), self.plan());
                self.read(targets::read(cloud, plan)).await?
            }
        };
        let Some(view) = checked else {
            return Ok(StepEnd::Done("not resolved (no credentials)".to_owned()));
        };
        let caller = self.found.account.clone();
        let assignments = self.plan().assignments();
        let unknown: Vec<String> = assignments
            .iter()
            .flat_map(|a| targets::resolve(a, &view, caller.as_deref()).unknown)
            .collect();
        if !unknown.is_empty() {
            return Err(ApplyError::UnknownTargets(unknown));
        }
        let units: BTreeSet<&String> = assignments
            .iter()
            .flat_map(|a| &a.organizational_units)
            .collect();
        self.found.organization = Some(view);
        Ok(StepEnd::Done(match units.len() {
            0 => format!(
                "{} assignment(s) with listed accounts only",
                assignments.len()
            ),
            n => format!(
                "{n} OU target(s) found; the accounts under them are read alongside the next steps"
            ),
        }))
    }

    /// Each assignment's accounts, from the whole organization under its targets (waiting for
    /// the read that runs alongside the steps), each target's accounts reported as a detail.
    pub(crate) async fn resolve_accounts(&mut self) -> Result<(), ApplyError> {
        let Some(checked) = self.found.organization.take() else {
            return Ok(());
        };
        let view = match self.prefetch.view().await {
            Some(result) => match self.read(async { result }).await? {
                Some(view) => view,
                None => return Ok(()),
            },
            None => checked,
        };
        let caller = self.found.account.clone();
        let assignments = self.plan().assignments();
        let resolved: Vec<Resolved> = assignments
            .iter()
            .map(|a| targets::resolve(a, &view, caller.as_deref()))
            .collect();
        for (assignment, targets) in assignments.iter().zip(&resolved) {
            if assignment.organizational_units.is_empty() && targets.skipped.is_empty() {
                continue;
            }
            let line = target_line(&assignment.group, &assignment.permission_set, targets);
            self.report(Event::Detail(line));
        }
        self.found.targets = Some(resolved);
        Ok(())
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
