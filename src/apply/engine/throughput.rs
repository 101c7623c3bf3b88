//! Identity Center's limits, kept by the client: a call budget of 20 per second across its APIs
//! (spaced evenly, pushed back after throttling) and at most 10 account assignment creations
//! outstanding at once; the retries of a call that was throttled or hit a write conflict
//! (`ConflictException`, which AWS's model says to retry with backoff); and groups' assignment
//! listings made within the budget, a page per turn.

use std::cell::Cell;
use std::future::Future;
use std::time::Duration;

use std::collections::{BTreeMap, BTreeSet};

use futures_util::StreamExt;
use futures_util::stream;
use tokio::time::Instant;

use crate::aws::pages::Pages;
use crate::aws::{AssignmentApi, AssignmentKey, AwsError, AwsErrorKind};

/// Calls per second across the Identity Center APIs (AWS quota).
pub const CALLS_PER_SECOND: u32 = 20;
/// Asynchronous `CreateAccountAssignment` requests outstanding at once (AWS quota).
pub const MAX_OUTSTANDING: usize = 10;

/// Spaces calls so that no more than the budget start in any second.
#[derive(Debug)]
pub struct Pace {
    interval: Duration,
    next: Cell<Instant>,
}

impl Pace {
    /// A pace of `per_second` calls.
    pub fn per_second(per_second: u32) -> Self {
        Pace {
            interval: Duration::from_secs(1) / per_second.max(1),
            next: Cell::new(Instant::now()),
        }
    }

    /// Waits for this call's turn. A turn is taken when it comes, not booked ahead: callers that
    /// wake late together (a busy machine) take turns one interval apart instead of sending a
    /// burst that AWS would count in one second.
    pub async fn turn(&self) {
        loop {
            let now = Instant::now();
            let at = self.next.get();
            if at <= now {
                self.next.set(now + self.interval);
                return;
            }
            tokio::time::sleep_until(at).await;
        }
    }

    /// After throttling: no call starts before `pause` from now.
    pub fn hold(&self, pause: Duration) {
        let until = Instant::now() + pause;
        if self.next.get() < until {
            self.next.set(until);
        }
    }
}

/// How long to wait before the first status check of a creation: learned from the creations
/// seen so far, so that most requests are checked once, soon after they finish.
#[derive(Debug)]
pub struct Estimate {
    current: Cell<Duration>,
}

impl Estimate {
    const FLOOR: Duration = Duration::from_millis(50);
    const CEILING: Duration = Duration::from_secs(30);

    /// Starts at `initial`.
    pub fn new(initial: Duration) -> Self {
        Estimate {
            current: Cell::new(initial),
        }
    }

    /// The current estimate.
    pub fn get(&self) -> Duration {
        self.current.get()
    }

    /// The first check found the request done: check a little earlier next time.
    pub fn was_done(&self) {
        self.current
            .set(self.current.get().mul_f64(0.99).max(Self::FLOOR));
    }

    /// The first check found it still running: check a little later next time.
    pub fn was_early(&self) {
        self.current
            .set(self.current.get().mul_f64(1.1).min(Self::CEILING));
    }
}

/// Groups whose assignments are listed at once. The call budget sets the pace; this only keeps
/// enough listings going that the budget, not one listing's round trips, is the limit.
pub(crate) const LISTINGS_AT_ONCE: usize = 10;

/// Most retries of one call after a write conflict (`ConflictException`).
pub const MAX_CONFLICT_RETRIES: u32 = 5;
/// The first pause before a retry.
const FIRST_PAUSE: Duration = Duration::from_millis(200);
/// Longest pause before a retry.
const MAX_PAUSE: Duration = Duration::from_secs(10);

/// The retries of one call: after throttling until the deadline, after a write conflict at most
/// [`MAX_CONFLICT_RETRIES`] times; each waits a pause that doubles, and every caller of the
/// budget waits with it.
#[derive(Debug)]
pub struct Retry {
    pause: Duration,
    conflicts: u32,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            pause: FIRST_PAUSE,
            conflicts: 0,
        }
    }
}

impl Retry {
    /// Whether `error` is worth another attempt; if so, waits the pause first.
    pub async fn again(&mut self, pace: &Pace, error: &AwsError, deadline: Instant) -> bool {
        let retry = match error.kind {
            AwsErrorKind::Throttling => true,
            AwsErrorKind::Conflict => {
                self.conflicts += 1;
                self.conflicts <= MAX_CONFLICT_RETRIES
            }
            _ => false,
        };
        if !retry || Instant::now() >= deadline {
            return false;
        }
        pace.hold(self.pause);
        tokio::time::sleep(self.pause).await;
        self.pause = (self.pause * 2).min(MAX_PAUSE);
        true
    }
}

/// Makes `call` in its turn of the budget, again after throttling or a write conflict (see
/// [`Retry`]); the last error when it is not worth retrying any more.
pub async fn with_retries<T, F, Fut>(
    pace: &Pace,
    deadline: Instant,
    mut call: F,
) -> Result<T, AwsError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, AwsError>>,
{
    let mut retry = Retry::default();
    loop {
        pace.turn().await;
        match call().await {
            Ok(value) => return Ok(value),
            Err(error) if retry.again(pace, &error, deadline).await => {}
            Err(error) => return Err(error),
        }
    }
}

/// `call`, once `pace` gives it its turn.
pub async fn paced<T>(pace: &Pace, call: impl Future<Output = T>) -> T {
    pace.turn().await;
    call.await
}

/// The assignments of each of `groups`, [`LISTINGS_AT_ONCE`] groups at once, every page taking
/// its turn in `pace`.
pub(crate) async fn list_each(
    cloud: &impl AssignmentApi,
    pace: &Pace,
    instance: &str,
    groups: BTreeSet<String>,
) -> BTreeMap<String, Result<Vec<AssignmentKey>, AwsError>> {
    stream::iter(groups)
        .map(|group| async move {
            let listed = list_paced(cloud, pace, instance, &group).await;
            (group, listed)
        })
        .buffer_unordered(LISTINGS_AT_ONCE)
        .collect()
        .await
}

/// Every page of one group's assignments, each page taking its turn in `pace`.
async fn list_paced(
    cloud: &impl AssignmentApi,
    pace: &Pace,
    instance: &str,
    group: &str,
) -> Result<Vec<AssignmentKey>, AwsError> {
    let mut pages = Pages::new("sso-admin", "ListAccountAssignmentsForPrincipal");
    let mut out = Vec::new();
    let mut token = None;
    loop {
        pace.turn().await;
        let page = cloud.group_assignments_page(instance, group, token).await?;
        out.extend(page.items);
        token = pages.next(page.next.as_deref())?;
        if token.is_none() {
            return Ok(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    fn error(kind: AwsErrorKind) -> AwsError {
        AwsError::new("sso-admin", "CreatePermissionSet", kind, "")
    }

    #[tokio::test(start_paused = true)]
    async fn conflicts_are_retried_a_bounded_number_of_times() {
        let pace = Pace::per_second(20);
        let calls = RefCell::new(0u32);
        let deadline = Instant::now() + Duration::from_secs(3600);
        let end: Result<(), AwsError> = with_retries(&pace, deadline, || async {
            *calls.borrow_mut() += 1;
            Err(error(AwsErrorKind::Conflict))
        })
        .await;
        assert_eq!(end.map_err(|e| e.kind), Err(AwsErrorKind::Conflict));
        assert_eq!(*calls.borrow(), MAX_CONFLICT_RETRIES + 1);
    }

    #[tokio::test(start_paused = true)]
    async fn a_conflict_that_clears_succeeds_and_other_errors_are_not_retried() {
        let pace = Pace::per_second(20);
        let deadline = Instant::now() + Duration::from_secs(3600);
        let calls = RefCell::new(0u32);
        let end = with_retries(&pace, deadline, || async {
            *calls.borrow_mut() += 1;
            match *calls.borrow() {
                1 => Err(error(AwsErrorKind::Conflict)),
                2 => Err(error(AwsErrorKind::Throttling)),
                _ => Ok(7),
            }
        })
        .await;
        assert_eq!(end.map_err(|e| e.kind), Ok(7));
        *calls.borrow_mut() = 0;
        let end: Result<(), AwsError> = with_retries(&pace, deadline, || async {
            *calls.borrow_mut() += 1;
            Err(error(AwsErrorKind::AlreadyExists))
        })
        .await;
        assert!(end.is_err());
        assert_eq!(*calls.borrow(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn turns_are_spaced_by_the_budget() {
        let pace = Pace::per_second(20);
        let start = Instant::now();
        for _ in 0..21 {
            pace.turn().await;
        }
        assert_eq!(start.elapsed(), Duration::from_secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn callers_that_wake_late_together_still_go_one_interval_apart() {
        let pace = Pace::per_second(20);
        pace.turn().await;
        // Three callers wait while the thread is busy well past all their turns.
        let taken = std::cell::RefCell::new(Vec::new());
        let caller = || async {
            pace.turn().await;
            taken.borrow_mut().push(Instant::now());
        };
        let busy = async {
            std::thread::sleep(Duration::from_millis(10));
            tokio::time::advance(Duration::from_millis(400)).await;
        };
        tokio::join!(busy, caller(), caller(), caller());
        let times = taken.into_inner();
        assert_eq!(times.len(), 3);
        for pair in times.windows(2) {
            assert!(pair[1] - pair[0] >= Duration::from_millis(50), "{times:?}");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn hold_pushes_the_next_turn_back() {
        let pace = Pace::per_second(20);
        pace.turn().await;
        let start = Instant::now();
        pace.hold(Duration::from_millis(500));
        pace.turn().await;
        assert_eq!(start.elapsed(), Duration::from_millis(500));
    }

    #[test]
    fn the_estimate_follows_what_it_sees_within_bounds() {
        let estimate = Estimate::new(Duration::from_secs(1));
        estimate.was_early();
        assert_eq!(estimate.get(), Duration::from_millis(1100));
        for _ in 0..1000 {
            estimate.was_done();
        }
        assert_eq!(estimate.get(), Estimate::FLOOR);
    }

    #[tokio::test(start_paused = true)]
    async fn every_page_of_every_listing_takes_its_turn_in_the_budget() {
        let cloud = crate::aws::fake::Fake::new();
        let key = |account: usize| AssignmentKey {
            account_id: format!("{account:012}"),
            permission_set_arn: "ps".to_owned(),
            group_id: "g-1".to_owned(),
        };
        // 250 assignments: three pages of g-1; g-2 has one empty page.
        cloud.0.borrow_mut().access.assignments = (0..250).map(key).collect();
        let pace = crate::apply::assignments::pace();
        let groups = BTreeSet::from(["g-1".to_owned(), "g-2".to_owned()]);
        let started = Instant::now();
        let listed = list_each(&cloud, &pace, "arn", groups).await;
        assert_eq!(listed["g-1"].as_ref().unwrap().len(), 250);
        assert!(listed["g-2"].as_ref().unwrap().is_empty());
        assert_eq!(cloud.0.borrow().access.listed_pages, 4);
        // Four calls at 20 per second: the last starts three intervals after the first.
        assert!(
            started.elapsed() >= Duration::from_millis(150),
            "{:?}",
            started.elapsed()
        );
    }
}
