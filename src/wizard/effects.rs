//! The wizard's side effects, in one place for both front ends: discovery, the connectivity
//! check, saving the plan, gathering apply's passwords and running apply. The full-screen event
//! loop hands each [`Effect`] that `update` asks for to [`Effects::perform`] (slow work goes to a
//! background thread that answers with an [`Action`]); the `--plain` front end calls the same
//! methods in its own order, blocking. AWS is reached only through the [`Connect`] given by
//! `commands/wizard.rs`, so the wizard never names the SDK client.

use std::path::Path;

use zeroize::Zeroizing;

use super::apply::{ApplyEnd, SecretSlot};
use super::discovery::{self, Found};
use super::model::{Model, SaveState};
use super::runner;
use super::save::{self, Overwrite, SaveError};
use super::update::{Action, Effect};
use crate::apply::{Event, Secrets};
use crate::aws::{Connect, Target};
use crate::plan::Plan;

/// How the wizard reaches AWS: a connector (the SDK's, or the tests' fake) and the command
/// line's target; the Region is the draft's, set for each call.
#[derive(Debug, Clone)]
pub struct AwsAccess<K> {
    /// Opens the clients.
    pub connector: K,
    /// Profile, endpoint and timeouts from the global flags.
    pub target: Target,
}

impl<K: Connect> AwsAccess<K> {
    /// Opens the cloud for `region`.
    pub async fn open(&self, region: &str) -> K::Cloud {
        self.connector.connect(&self.target.in_region(region)).await
    }

    /// The slots of `missing` still needed once what exists is known (read-only, blocking,
    /// bounded by the AWS timeouts): a password whose directory or trust exists is not asked.
    /// When AWS cannot be read, every slot of `missing` is.
    pub fn still_needed(&self, plan: &Plan, missing: Vec<SecretSlot>) -> Vec<SecretSlot> {
        if missing.is_empty() {
            return missing;
        }
        let fallback = missing.clone();
        crate::runtime::block_on(async {
            let cloud = self.open(&plan.aws.region).await;
            crate::apply::needs::still_needed(plan, &cloud, missing).await
        })
        .unwrap_or(fallback)
    }

    /// Reads what exists in `region` (blocking); `Err` says why nothing could be read.
    pub fn discover(&self, region: &str) -> Result<Found, String> {
        let read = crate::runtime::block_on(async {
            let cloud = self.open(region).await;
            discovery::read(&cloud, region).await
        });
        read.map_err(|error| error.to_string())?
    }
}

/// A [`Connect`] the wizard can use: it is cloned onto the background threads that discover and
/// apply (the cloud it opens stays on that thread).
pub trait Connector: Connect + Clone + Send + 'static {}

impl<K: Connect + Clone + Send + 'static> Connector for K {}

/// Performs the wizard's effects; holds the passwords gathered for apply now until the run
/// takes them.
pub struct Effects<K> {
    /// How AWS is reached.
    aws: AwsAccess<K>,
    /// The passwords resolved from the plan's references or typed, for the next apply.
    secrets: Secrets,
}

impl<K: Connector> Effects<K> {
    /// Effects that reach AWS through `connector`, with the global flags' `target`.
    pub fn new(connector: K, target: Target) -> Self {
        Self {
            aws: AwsAccess { connector, target },
            secrets: Secrets::default(),
        }
    }

    /// Reads what exists in `region` (blocking).
    pub fn discover(&self, region: &str) -> Result<Found, String> {
        self.aws.discover(region)
    }

    /// Runs preflight for `plan` (blocking); the checklist and whether nothing failed.
    pub fn check_connectivity(&self, plan: &Plan) -> (String, bool) {
        super::connectivity::check(plan)
    }

    /// Writes `plan` to `path` (see [`save::save`]).
    pub fn save(&self, plan: &Plan, path: &Path, overwrite: Overwrite) -> Result<(), SaveError> {
        save::save(plan, path, overwrite)
    }

    /// Resolves the plan's env and file secrets and keeps them; returns the slots still to ask
    /// (blocking: what exists is read first, so no password is asked for a directory or trust
    /// that is there).
    pub fn prepare_apply(&mut self, plan: &Plan) -> Vec<SecretSlot> {
        let (resolved, missing) = runner::prepare(plan);
        self.secrets = resolved;
        self.aws.still_needed(plan, missing)
    }

    /// Keeps a typed password for its slot.
    pub fn secret_entered(&mut self, slot: SecretSlot, typed: Zeroizing<String>) {
        runner::store_typed(&mut self.secrets, slot, typed);
    }

    /// Runs apply to its end on this thread with the passwords gathered (they move to the run);
    /// `file` is where the plan was saved (named in the instructions of a pause).
    pub fn apply(&mut self, plan: &Plan, file: &str, on_event: impl Fn(Event)) -> ApplyEnd {
        let secrets = std::mem::take(&mut self.secrets);
        runner::run(plan, file, secrets, &self.aws, on_event)
    }

    /// Performs what `update` asked for. Quick effects answer at once with the next action for
    /// `update`; slow ones (discovery, the connectivity check, apply) run on a background thread
    /// and answer later through `answer`.
    pub fn perform<A>(&mut self, effect: Effect, model: &mut Model, answer: &A) -> Option<Action>
    where
        A: Fn(Action) + Clone + Send + 'static,
    {
        match effect {
            Effect::None => None,
            Effect::Save { path, overwrite } => {
                let outcome = self
                    .save(&model.draft.to_plan(), Path::new(&path), overwrite)
                    .map(|()| path);
                Some(Action::SaveResult(outcome))
            }
            Effect::PrepareApply => {
                let plan = model.draft.to_plan();
                let (resolved, missing) = runner::prepare(&plan);
                self.secrets = resolved;
                if missing.is_empty() {
                    return Some(Action::SecretsNeeded(missing));
                }
                // What exists is read on a background thread: the screen stays live meanwhile.
                let (aws, answer) = (self.aws.clone(), answer.clone());
                std::thread::spawn(move || {
                    answer(Action::SecretsNeeded(aws.still_needed(&plan, missing)));
                });
                None
            }
            Effect::SecretEntered { slot, last } => {
                self.secret_entered(slot, model.secret_input.take());
                if last {
                    self.spawn_apply(model.draft.to_plan(), saved_path(model), answer);
                }
                None
            }
            Effect::CancelApply => {
                self.secrets = Secrets::default();
                None
            }
            Effect::StartApply => {
                self.spawn_apply(model.draft.to_plan(), saved_path(model), answer);
                None
            }
            Effect::Discover(region) => {
                let (aws, answer) = (self.aws.clone(), answer.clone());
                std::thread::spawn(move || answer(Action::Discovered(aws.discover(&region))));
                None
            }
            Effect::CheckConnectivity => {
                let (plan, answer) = (model.draft.to_plan(), answer.clone());
                std::thread::spawn(move || {
                    let (report, passed) = super::connectivity::check(&plan);
                    answer(Action::ChecksDone { report, passed });
                });
                None
            }
        }
    }

    /// Starts apply on a background thread with the passwords gathered (they move to it); its
    /// progress events and its end come back through `answer`.
    fn spawn_apply<A>(&mut self, plan: Plan, file: String, answer: &A)
    where
        A: Fn(Action) + Clone + Send + 'static,
    {
        let (secrets, aws, answer) = (
            std::mem::take(&mut self.secrets),
            self.aws.clone(),
            answer.clone(),
        );
        std::thread::spawn(move || {
            let events = answer.clone();
            let end = runner::run(&plan, &file, secrets, &aws, move |event| {
                events(Action::ApplyEvent(event));
            });
            answer(Action::ApplyFinished(end));
        });
    }
}

/// Where the plan was saved (the path typed, before the first save).
fn saved_path(model: &Model) -> String {
    match &model.saved {
        SaveState::Saved(path) => path.clone(),
        SaveState::Unsaved => model.save_path.trim().to_owned(),
    }
}
