//! The assignments step: each plan assignment's group is found among the groups synced from the
//! plan's directory (`Name@domain` first, then `Name`), the assignments that exist are read once
//! per group, and the missing ones are created within Identity Center's limits (see
//! [`crate::apply::throughput`]), each polled until it SUCCEEDS or FAILS. Missing groups are reported
//! together and do not stop the others. Entries with `prune: true` then delete their group's
//! assignments of their permission set in accounts the plan no longer reaches (see
//! [`super::prune`]).

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use tokio::time::Instant;

pub use super::groups::{GroupMatch, candidate_names, match_group, resolve};
use super::groups::{ambiguous_groups, group_problems};
use super::prune::PruneScope;
use crate::apply::events::Call;
use crate::apply::executor::{Executor, RunMode, StepEnd};
use crate::apply::throughput::{
    CALLS_PER_SECOND, Estimate, MAX_OUTSTANDING, Pace, Retry, list_each, with_retries,
};
use crate::apply::{ApplyError, Event, Reporter};
use crate::aws::{AssignmentKey, AwsError, Cloud, RequestState};
use crate::inspect::targets::Skip;
use crate::text::apply as apply_text;

/// What the plan asks of the assignments step.
#[derive(Default)]
struct Planned {
    /// Wanted assignment -> `group -> set in account`.
    wanted: BTreeMap<AssignmentKey, String>,
    /// Accounts refused before any call, in words.
    refused: Vec<String>,
    /// What prune keeps and may delete.
    scope: PruneScope,
}

/// How one creation ended.
enum Created {
    Done,
    Failed(String),
    Error(AwsError),
}

/// The first guess at how long a creation takes, before any was seen.
const FIRST_ESTIMATE: Duration = Duration::from_secs(1);

impl<C: Cloud, R: Reporter> Executor<'_, C, R> {
    /// Creates the plan's missing assignments, then deletes what pruning entries no longer
    /// target.
    pub(crate) async fn ensure_assignments(&mut self) -> Result<StepEnd, ApplyError> {
        self.resolve_accounts().await?;
        let matches = self.match_groups();
        let Planned {
            wanted,
            refused,
            scope,
        } = self.planned(&matches);
        let mut groups: BTreeSet<String> = wanted.keys().map(|k| k.group_id.clone()).collect();
        groups.extend(scope.groups());
        let existing = self.read_assignments(groups).await?;
        let total = wanted.len();
        let todo: Vec<(AssignmentKey, String)> = wanted
            .into_iter()
            .filter(|(key, _)| !existing.contains(key))
            .collect();
        let present = total - todo.len();
        let stale = scope.candidates(&existing);
        let problems = group_problems(&matches);
        if self.mode() == RunMode::DryRun {
            let instance = self.instance_arn();
            for (key, _) in &todo {
                self.report(Event::WouldCall(create_call(&instance, key)));
            }
            for (key, _) in &stale {
                self.report(Event::WouldCall(delete_call(&instance, key)));
            }
            let refused = match refused.is_empty() {
                true => String::new(),
                false => format!("; would refuse {}", refused.join("; ")),
            };
            let pruned = match stale.len() {
                0 => String::new(),
                n => format!("; would prune {n}"),
            };
            return Ok(StepEnd::Done(format!(
                "{present} of {total} assignments exist; would create {}{pruned}{refused}{}",
                todo.len(),
                problems.map(|p| format!("; {p}")).unwrap_or_default()
            )));
        }
        let mut failures = self.create_all(todo.clone()).await;
        let created = todo.len() - failures.len();
        let pruned = self.prune_all(&stale, &mut failures).await;
        failures.extend(ambiguous_groups(&matches));
        failures.extend(refused);
        let mut summary = format!("{created} created, {present} already present");
        if !stale.is_empty() {
            summary.push_str(&format!(", {pruned} pruned"));
        }
        match (failures.is_empty(), problems) {
            (true, None) => Ok(StepEnd::Done(summary)),
            (true, Some(problems)) => Ok(StepEnd::Paused(format!(
                "{summary}\n{problems}\n{}\n",
                apply_text::SYNC_SCOPE_ADVICE
            ))),
            (false, problems) => Err(ApplyError::AssignmentsFailed {
                created,
                present,
                failures,
                problems,
            }),
        }
    }

    /// The assignments the plan wants (key -> label), the accounts refused before any call, and
    /// what prune may delete.
    fn planned(&self, matches: &BTreeMap<String, GroupMatch>) -> Planned {
        let plan = self.plan();
        let assignments = plan.assignments();
        let resolved = self.found.targets.as_ref();
        let mut planned = Planned::default();
        for (index, assignment) in assignments.iter().enumerate() {
            let targets = resolved.and_then(|all| all.get(index));
            let accounts =
                targets.map_or(assignment.accounts.as_slice(), |t| t.accounts.as_slice());
            let name = format!("{} -> {}", assignment.group, assignment.permission_set);
            for (account, why) in targets.map(|t| t.refused.as_slice()).unwrap_or_default() {
                let why = super::targets::skip_words(why);
                planned.refused.push(format!("{name} in {account}: {why}"));
            }
            let group_id = match matches.get(&assignment.group) {
                Some(GroupMatch::Found { id, .. }) => id.clone(),
                Some(_) => continue,
                None => format!("<id of group {}>", assignment.group),
            };
            let Some(set_arn) = self.found.permission_sets.get(&assignment.permission_set) else {
                continue;
            };
            for account in accounts {
                let key = AssignmentKey {
                    account_id: account.clone(),
                    permission_set_arn: set_arn.clone(),
                    group_id: group_id.clone(),
                };
                planned.wanted.insert(key, format!("{name} in {account}"));
            }
            // Accounts left out as not active or refused keep their assignments.
            let spared = targets.into_iter().flat_map(|t| {
                t.skipped
                    .iter()
                    .filter(|(_, why)| *why != Skip::Excluded)
                    .chain(&t.refused)
                    .map(|(account, _)| account)
            });
            planned
                .scope
                .keep(&group_id, set_arn, accounts.iter().chain(spared));
            if assignment.prune && !group_id.starts_with('<') {
                planned.scope.prune(&group_id, set_arn, name);
            }
        }
        planned
    }

    /// Deletes each stale assignment (after the confirmation apply asked); returns how many
    /// were deleted and adds the failures in words.
    async fn prune_all(
        &mut self,
        stale: &[(AssignmentKey, String)],
        failures: &mut Vec<String>,
    ) -> usize {
        let instance = self.instance_arn();
        let cloud = self.cloud();
        let mut deleted = 0;
        for (index, (key, label)) in stale.iter().enumerate() {
            match crate::inspect::access_report::delete_assignment(cloud, &instance, key).await {
                Ok(()) => deleted += 1,
                Err(error) => failures.push(format!("pruning {label}: {error}")),
            }
            self.report(Event::Progress {
                what: "pruned assignments".to_owned(),
                done: index + 1,
                total: stale.len(),
            });
        }
        deleted
    }

    fn instance_arn(&self) -> String {
        self.found
            .instance
            .as_ref()
            .map_or_else(|| "<instance ARN>".to_owned(), |i| i.arn.clone())
    }

    /// Each distinct plan group -> how it matched (empty when the groups are unknown: a dry run
    /// before the identity source is switched).
    fn match_groups(&self) -> BTreeMap<String, GroupMatch> {
        let (Some(groups), Some(directory), Some(account)) = (
            &self.found.groups,
            &self.found.directory,
            &self.found.account,
        ) else {
            return BTreeMap::new();
        };
        let plan = self.plan();
        let issuer = directory.issuer(&plan.aws.region, account);
        plan.assignment_groups()
            .into_iter()
            .map(|name| (name.clone(), match_group(plan, groups, name, &issuer)))
            .collect()
    }

    /// The assignments of `groups` that exist (placeholders skipped): the listings read
    /// alongside the steps when they are fresh, and the groups they did not cover read now,
    /// several at once, every page within the call budget.
    async fn read_assignments(
        &mut self,
        groups: BTreeSet<String>,
    ) -> Result<BTreeSet<AssignmentKey>, ApplyError> {
        let Some(instance) = self.found.instance.as_ref().map(|i| i.arn.clone()) else {
            return Ok(BTreeSet::new());
        };
        let groups: BTreeSet<String> = groups
            .into_iter()
            .filter(|id| !id.starts_with('<'))
            .collect();
        let mut listed: BTreeMap<String, Result<Vec<AssignmentKey>, AwsError>> = self
            .prefetch
            .listings()
            .await
            .map(|listings| listings.by_group)
            .unwrap_or_default();
        // A listing that failed alongside the steps is read again, like one never made.
        listed.retain(|_, listed| listed.is_ok());
        let rest: BTreeSet<String> = groups
            .iter()
            .filter(|id| !listed.contains_key(*id))
            .cloned()
            .collect();
        let (cloud, pace) = (self.cloud(), Rc::clone(&self.pace));
        listed.extend(list_each(cloud, &pace, &instance, rest).await);
        let mut existing = BTreeSet::new();
        for group in &groups {
            let Some(result) = listed.remove(group) else {
                continue;
            };
            if let Some(found) = self.read(async { result }).await? {
                existing.extend(found);
            }
        }
        Ok(existing)
    }

    /// Creates every assignment in `todo`, at most [`MAX_OUTSTANDING`] at once; returns the
    /// failures in words.
    async fn create_all(&mut self, todo: Vec<(AssignmentKey, String)>) -> Vec<String> {
        let instance = self.instance_arn();
        let total = todo.len();
        let cloud = self.cloud();
        let deadline = Instant::now() + self.options().policy.timeout;
        let (pace, estimate, reporter) = self.budget_and_reporter();
        let mut queue = todo.into_iter();
        let mut running = FuturesUnordered::new();
        let mut failures = Vec::new();
        let mut finished = 0;
        loop {
            while running.len() < MAX_OUTSTANDING {
                let Some((key, label)) = queue.next() else {
                    break;
                };
                let instance = instance.clone();
                running.push(async move {
                    let end = create_one(cloud, &instance, &key, pace, estimate, deadline).await;
                    (label, end)
                });
            }
            let Some((label, end)) = running.next().await else {
                break;
            };
            finished += 1;
            match end {
                Created::Done => {}
                Created::Failed(reason) => failures.push(format!(
                    "{label}: FAILED: {}",
                    crate::text::untrusted::Untrusted(&reason)
                )),
                Created::Error(error) => failures.push(format!("{label}: {error}")),
            }
            reporter.event(Event::Progress {
                what: "account assignments".to_owned(),
                done: finished,
                total,
            });
        }
        failures
    }
}

/// One creation: `CreateAccountAssignment` (again after throttling or a write conflict, see
/// [`Retry`]), then status checks until it ends. Every call waits for its turn in the budget.
async fn create_one<C: Cloud>(
    cloud: &C,
    instance: &str,
    key: &AssignmentKey,
    pace: &Pace,
    estimate: &Estimate,
    deadline: Instant,
) -> Created {
    let mut state =
        match with_retries(pace, deadline, || cloud.create_assignment(instance, key)).await {
            Ok(status) => status,
            Err(error) => return Created::Error(error),
        };
    let mut retry = Retry::default();
    let mut first = true;
    let mut wait = estimate.get();
    while state.state == RequestState::InProgress {
        if Instant::now() >= deadline {
            return Created::Failed(format!(
                "still IN_PROGRESS at the wait timeout (request {})",
                state.request_id
            ));
        }
        tokio::time::sleep(wait).await;
        pace.turn().await;
        match cloud
            .assignment_creation_status(instance, &state.request_id)
            .await
        {
            Ok(status) => state = status,
            Err(error) if retry.again(pace, &error, deadline).await => continue,
            Err(error) => return Created::Error(error),
        }
        if first {
            match state.state {
                RequestState::InProgress => estimate.was_early(),
                _ => estimate.was_done(),
            }
            first = false;
        }
        wait = (estimate.get() / 10).max(Duration::from_millis(50));
    }
    match state.state {
        RequestState::Failed(reason) => Created::Failed(reason),
        _ => Created::Done,
    }
}

/// The groups that could not be used, in words; `None` when every group was found.
fn create_call(instance: &str, key: &AssignmentKey) -> Call {
    Call {
        service: "sso-admin",
        operation: "CreateAccountAssignment",
        params: vec![
            ("InstanceArn", instance.to_owned()),
            ("TargetId", key.account_id.clone()),
            ("TargetType", "AWS_ACCOUNT".to_owned()),
            ("PermissionSetArn", key.permission_set_arn.clone()),
            ("PrincipalType", "GROUP".to_owned()),
            ("PrincipalId", key.group_id.clone()),
        ],
    }
}

/// The `DeleteAccountAssignment` a prune makes, for the dry run.
fn delete_call(instance: &str, key: &AssignmentKey) -> Call {
    let mut call = create_call(instance, key);
    call.operation = "DeleteAccountAssignment";
    call
}

/// Calls per second the step keeps to.
pub(crate) fn pace() -> Pace {
    Pace::per_second(CALLS_PER_SECOND)
}

/// The creation-time estimate a run starts with.
pub(crate) fn estimate() -> Estimate {
    Estimate::new(FIRST_ESTIMATE)
}
