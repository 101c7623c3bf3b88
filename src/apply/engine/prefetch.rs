//! Reads that apply starts as soon as the account and the Identity Center instance are checked,
//! and runs alongside the steps: the organization under the plan's OU targets (AWS
//! Organizations), the identity store's groups, and the existing assignments of the groups the
//! plan may mean (Identity Center, every page within the run's one call budget). The steps that
//! need them wait for them. On a re-run that finds everything in place these reads are most of
//! the run, so the directory, network and permission-set checks add little time of their own.
//!
//! They are only reads, and what they read is used as if read when needed:
//! - the targets step still waits until every OU entry is found (the first level of each), so
//!   an entry that names nothing stops the run before any step can change anything;
//! - no step before the assignments step creates or deletes an assignment;
//! - listings older than [`FRESH`] (a run that waited at a gate) are read again, and a group the
//!   listings did not cover (synced later) is read when needed.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::time::Instant;

use crate::apply::steps::groups::possible_matches;
use crate::apply::throughput::{Pace, list_each};
use crate::aws::{AssignmentKey, AwsError, Cloud, Group, Instance};
use crate::inspect::targets::{self, OrgView};
use crate::plan::Plan;

/// How long prefetched assignment listings stand for the current state.
pub(crate) const FRESH: Duration = Duration::from_secs(30);

/// Each plan group's possible identity-store group id -> its assignments, as read at `at`.
pub(crate) struct Listings {
    /// When the last listing ended.
    pub(crate) at: Instant,
    /// Group id -> its assignments (or why they could not be read).
    pub(crate) by_group: BTreeMap<String, Result<Vec<AssignmentKey>, AwsError>>,
}

/// Whether the reads were started.
enum Stage {
    /// Not yet: the sender starts them.
    Waiting(oneshot::Sender<Instance>),
    /// Started (or never to be: the run ended its reads or the plan needs none).
    Begun,
}

/// The steps' side: starts the reads and takes their results, each once.
pub(crate) struct Prefetch {
    stage: Stage,
    checked: Option<oneshot::Receiver<Result<OrgView, AwsError>>>,
    view: Option<oneshot::Receiver<Result<OrgView, AwsError>>>,
    groups: Option<oneshot::Receiver<Result<Vec<Group>, AwsError>>>,
    listings: Option<oneshot::Receiver<Listings>>,
}

/// The reading side, which [`drive`] consumes.
pub(crate) struct Senders {
    begin: oneshot::Receiver<Instance>,
    checked: oneshot::Sender<Result<OrgView, AwsError>>,
    view: oneshot::Sender<Result<OrgView, AwsError>>,
    groups: oneshot::Sender<Result<Vec<Group>, AwsError>>,
    listings: oneshot::Sender<Listings>,
}

/// A pair of ends, the reads not started.
pub(crate) fn channels() -> (Prefetch, Senders) {
    let (begin_tx, begin) = oneshot::channel();
    let (checked, checked_rx) = oneshot::channel();
    let (view, view_rx) = oneshot::channel();
    let (groups, groups_rx) = oneshot::channel();
    let (listings, listings_rx) = oneshot::channel();
    (
        Prefetch {
            stage: Stage::Waiting(begin_tx),
            checked: Some(checked_rx),
            view: Some(view_rx),
            groups: Some(groups_rx),
            listings: Some(listings_rx),
        },
        Senders {
            begin,
            checked,
            view,
            groups,
            listings,
        },
    )
}

impl Prefetch {
    /// Starts the reads with the checked `instance`. Only once; later calls do nothing.
    pub(crate) fn begin(&mut self, instance: Instance) {
        if let Stage::Waiting(sender) = std::mem::replace(&mut self.stage, Stage::Begun) {
            let _ = sender.send(instance);
        }
    }

    /// The organization with each OU entry found (see [`targets::check`]); `None` when the
    /// reads were not started.
    pub(crate) async fn checked(&mut self) -> Option<Result<OrgView, AwsError>> {
        self.take(|p| p.checked.take()).await
    }

    /// The organization under every found target (see [`targets::Checked::complete`]).
    pub(crate) async fn view(&mut self) -> Option<Result<OrgView, AwsError>> {
        self.take(|p| p.view.take()).await
    }

    /// The identity store's groups, as read when the reads started.
    pub(crate) async fn groups(&mut self) -> Option<Result<Vec<Group>, AwsError>> {
        self.take(|p| p.groups.take()).await
    }

    /// The assignment listings, when read less than [`FRESH`] ago.
    pub(crate) async fn listings(&mut self) -> Option<Listings> {
        let listings = self.take(|p| p.listings.take()).await?;
        (listings.at.elapsed() < FRESH).then_some(listings)
    }

    /// Waits for one result, unless the reads never started or it was taken already (`None`).
    async fn take<T>(
        &mut self,
        receiver: impl FnOnce(&mut Self) -> Option<oneshot::Receiver<T>>,
    ) -> Option<T> {
        if matches!(self.stage, Stage::Waiting(_)) {
            return None;
        }
        receiver(self)?.await.ok()
    }
}

/// Runs the reads once [`Prefetch::begin`] names the instance: the organization and the
/// Identity Center side at once. Ends without reading when the run ends first.
pub(crate) async fn drive<C: Cloud>(cloud: &C, plan: &Plan, pace: Rc<Pace>, senders: Senders) {
    let Senders {
        begin,
        checked,
        view,
        groups,
        listings,
    } = senders;
    let Ok(instance) = begin.await else {
        return;
    };
    let organization = async {
        match targets::check(cloud, plan).await {
            Err(error) => {
                let _ = checked.send(Err(error));
            }
            Ok(found) => {
                let _ = checked.send(Ok(found.view().clone()));
                let _ = view.send(found.complete().await);
            }
        }
    };
    let identity_center = async {
        pace.turn().await;
        let read = cloud.list_groups(&instance.identity_store_id).await;
        let ids = match &read {
            Ok(all) => possible_matches(plan, all),
            Err(_) => BTreeSet::new(),
        };
        let _ = groups.send(read);
        let by_group = list_each(cloud, &pace, &instance.arn, ids).await;
        let _ = listings.send(Listings {
            at: Instant::now(),
            by_group,
        });
    };
    futures_util::future::join(organization, identity_center).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instance() -> Instance {
        Instance {
            arn: "arn".to_owned(),
            identity_store_id: "d-1".to_owned(),
            owner_account: String::new(),
            status: crate::aws::InstanceStatus::Active,
        }
    }

    fn listings_read_at(at: Instant) -> Listings {
        Listings {
            at,
            by_group: BTreeMap::from([("g-1".to_owned(), Ok(Vec::new()))]),
        }
    }

    #[tokio::test]
    async fn nothing_is_taken_before_the_reads_begin() {
        let (mut prefetch, senders) = channels();
        let _ = senders.listings.send(listings_read_at(Instant::now()));
        assert!(prefetch.listings().await.is_none());
        assert!(prefetch.groups().await.is_none());
    }

    #[tokio::test(start_paused = true)]
    async fn listings_are_used_until_they_are_older_than_fresh() {
        for (age, used) in [(FRESH - Duration::from_millis(1), true), (FRESH, false)] {
            let (mut prefetch, senders) = channels();
            prefetch.begin(instance());
            let read_at = Instant::now();
            let _ = senders.listings.send(listings_read_at(read_at));
            tokio::time::advance(age).await;
            assert_eq!(prefetch.listings().await.is_some(), used, "{age:?}");
            // Taken once: a second ask reads again.
            assert!(prefetch.listings().await.is_none());
        }
    }

    #[tokio::test]
    async fn a_read_that_ended_without_an_answer_gives_none() {
        let (mut prefetch, senders) = channels();
        prefetch.begin(instance());
        drop(senders);
        assert!(prefetch.view().await.is_none());
        assert!(prefetch.checked().await.is_none());
    }
}
