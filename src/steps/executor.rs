//! Runs the steps of a plan against a [`Cloud`]: reads first, skips what is done, creates what
//! is missing (tagged), waits with backoff, and stops at manual gates without evidence.

use std::future::Future;
use std::time::Instant;

use secrecy::SecretString;

use super::calls;
use super::find::{self, Found};
use super::gates;
use super::{ApplyError, Event, Reporter, Step, WaitPolicy, plan_steps};
use crate::aws::{
    AwsError, AwsErrorKind, Cloud, Directory, DirectoryKind, DirectoryStage, Instance, TrustInfo,
    TrustState,
};
use crate::plan::Plan;

/// Whether calls that change AWS are made or only listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunMode {
    /// Make every call.
    Apply,
    /// Make only reads; list the mutating calls with their parameters.
    DryRun,
}

/// What a manual gate without evidence does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateMode {
    /// Show the instructions and poll for the evidence (an operator is at a terminal).
    Wait,
    /// Stop apply with the instructions (exit 3); a later apply resumes.
    Stop,
}

/// The secrets of a plan, resolved by the command (none in a dry run).
#[derive(Default)]
pub struct Secrets {
    /// The AD Connector's service account password.
    pub service_account: Option<SecretString>,
    /// The new Managed AD's Admin password.
    pub admin: Option<SecretString>,
    /// The trust password.
    pub trust: Option<SecretString>,
}

/// How apply ended when it did not fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyOutcome {
    /// Every step is done (or, in a dry run, listed).
    Done,
    /// Stopped at a manual step; the instructions say what to do.
    Paused {
        /// The gate.
        gate: Step,
        /// What the operator must do.
        instructions: String,
    },
}

/// What one step ended with.
pub(crate) enum StepEnd {
    Done(String),
    Paused(String),
}

/// Whether a wait is over.
pub(crate) enum Check<T> {
    Ready(T),
    Pending(String),
}

/// Whether current state could be read (a dry run without credentials cannot).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sight {
    Reading,
    Blind,
}

/// The placeholder for an id that a dry run cannot know.
pub(crate) const NEW_DIRECTORY: &str = "<id of the new directory>";
/// The placeholder for a trust id that a dry run cannot know.
pub(crate) const NEW_TRUST: &str = "<id of the new trust>";

/// Runs one plan.
pub struct Executor<'a, C, R> {
    pub(crate) plan: &'a Plan,
    pub(crate) cloud: &'a C,
    pub(crate) reporter: &'a mut R,
    pub(crate) mode: RunMode,
    pub(crate) gates: GateMode,
    pub(crate) policy: WaitPolicy,
    secrets: Secrets,
    sight: Sight,
    pub(crate) account: Option<String>,
    pub(crate) instance: Option<Instance>,
    pub(crate) directory: Option<Directory>,
    pub(crate) trust: Option<TrustInfo>,
}

impl<'a, C: Cloud, R: Reporter> Executor<'a, C, R> {
    /// An executor for `plan`.
    pub fn new(
        plan: &'a Plan,
        cloud: &'a C,
        reporter: &'a mut R,
        mode: RunMode,
        gates: GateMode,
        policy: WaitPolicy,
        secrets: Secrets,
    ) -> Self {
        Executor {
            plan,
            cloud,
            reporter,
            mode,
            gates,
            policy,
            secrets,
            sight: Sight::Reading,
            account: None,
            instance: None,
            directory: None,
            trust: None,
        }
    }

    /// Runs every step in order.
    pub async fn run(&mut self) -> Result<ApplyOutcome, ApplyError> {
        let steps = plan_steps(self.plan);
        let total = steps.len();
        for (index, step) in steps.into_iter().enumerate() {
            self.reporter.event(Event::StepStarted {
                index: index + 1,
                total,
                description: step.describe(self.plan),
            });
            match self.step(&step).await? {
                StepEnd::Done(note) => self.reporter.event(Event::StepDone { note }),
                StepEnd::Paused(instructions) => {
                    return Ok(ApplyOutcome::Paused {
                        gate: step,
                        instructions,
                    });
                }
            }
        }
        Ok(ApplyOutcome::Done)
    }

    async fn step(&mut self, step: &Step) -> Result<StepEnd, ApplyError> {
        match step {
            Step::CheckAccount => self.check_account().await,
            Step::CheckInstance => self.check_instance().await,
            Step::CheckSubnets => self.check_subnets().await,
            Step::ConnectDirectory | Step::CreateManagedAd => self.ensure_directory(step).await,
            Step::UseExistingDirectory => self.use_existing().await,
            Step::WaitDirectoryActive => self.wait_directory().await,
            Step::CreateTrust => self.ensure_trust().await,
            Step::OnPremGate => gates::onprem(self).await,
            Step::WaitTrustVerified => self.wait_trust().await,
            Step::IdentitySourceGate => gates::identity_source(self).await,
        }
    }

    /// Reads current state. In a dry run a failed read is reported once, and from then on
    /// nothing more is read (`None`): every call is listed as if nothing existed.
    pub(crate) async fn read<T>(
        &mut self,
        call: impl Future<Output = Result<T, AwsError>>,
    ) -> Result<Option<T>, ApplyError> {
        if self.sight == Sight::Blind {
            return Ok(None);
        }
        match call.await {
            Ok(value) => Ok(Some(value)),
            Err(error) if self.mode == RunMode::DryRun => {
                self.sight = Sight::Blind;
                self.reporter.event(Event::Warning(format!(
                    "could not read the current state ({error}); listing every call as if nothing existed yet"
                )));
                Ok(None)
            }
            Err(error) => Err(error.into()),
        }
    }

    /// Polls `check` with backoff until it is ready, fails, or the wait times out.
    pub(crate) async fn wait<T, F, Fut>(
        &mut self,
        what: &str,
        mut check: F,
    ) -> Result<T, ApplyError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Check<T>, ApplyError>>,
    {
        let start = Instant::now();
        let mut backoff = self.policy.backoff();
        loop {
            let state = match check().await? {
                Check::Ready(value) => return Ok(value),
                Check::Pending(state) => state,
            };
            let elapsed = start.elapsed();
            if elapsed >= self.policy.timeout {
                return Err(ApplyError::Timeout {
                    what: what.to_owned(),
                    state,
                    waited: elapsed,
                });
            }
            let next = backoff
                .next()
                .unwrap_or(self.policy.max)
                .min(self.policy.timeout - elapsed);
            self.reporter.event(Event::Waiting {
                what: what.to_owned(),
                state,
                elapsed,
                next_check: next,
            });
            tokio::time::sleep(next).await;
        }
    }

    async fn check_account(&mut self) -> Result<StepEnd, ApplyError> {
        let cloud = self.cloud;
        let Some(identity) = self.read(cloud.caller_identity()).await? else {
            return Ok(StepEnd::Done("not checked (no credentials)".to_owned()));
        };
        if let Some(expected) = &self.plan.aws.account_id
            && *expected != identity.account
        {
            return Err(ApplyError::WrongAccount {
                expected: expected.clone(),
                actual: identity.account,
            });
        }
        let note = format!("account {} ({})", identity.account, identity.arn);
        self.account = Some(identity.account);
        Ok(StepEnd::Done(note))
    }

    async fn check_instance(&mut self) -> Result<StepEnd, ApplyError> {
        let cloud = self.cloud;
        let Some(instances) = self.read(cloud.list_instances()).await? else {
            return Ok(StepEnd::Done("not checked (no credentials)".to_owned()));
        };
        let region = &self.plan.aws.region;
        let wanted = self
            .plan
            .identity_center
            .as_ref()
            .and_then(|ic| ic.instance_arn.as_deref());
        let account = self.account.clone().unwrap_or_default();
        let chosen = match wanted {
            Some(arn) => instances.into_iter().find(|i| i.arn == arn).ok_or_else(|| {
                ApplyError::Instance(format!(
                    "the Identity Center instance {arn} is not in {region} for account {account}; \
                     fix `identityCenter.instanceArn` or `aws.region`"
                ))
            })?,
            None => instances
                .into_iter()
                .filter(|i| i.owner_account.is_empty() || i.owner_account == account)
                .min_by_key(|i| i.status != "ACTIVE")
                .ok_or_else(|| {
                    ApplyError::Instance(format!(
                        "IAM Identity Center has no instance in {region} for account {account}; enable it \
                         (console: IAM Identity Center -> Enable) in {region}, or fix `aws.region`"
                    ))
                })?,
        };
        if chosen.status != "ACTIVE" {
            return Err(ApplyError::Instance(format!(
                "the Identity Center instance {} is {}, not ACTIVE; wait until it is, then re-run",
                chosen.arn, chosen.status
            )));
        }
        if !chosen.owner_account.is_empty()
            && !account.is_empty()
            && chosen.owner_account != account
        {
            return Err(ApplyError::Instance(format!(
                "the Identity Center instance {} belongs to account {}, not {account}; the directory must be \
                 in the instance's account (the management or delegated administrator account)",
                chosen.arn, chosen.owner_account
            )));
        }
        let note = format!(
            "{} (identity store {})",
            chosen.arn, chosen.identity_store_id
        );
        self.instance = Some(chosen);
        Ok(StepEnd::Done(note))
    }

    async fn check_subnets(&mut self) -> Result<StepEnd, ApplyError> {
        let (vpc, ids) = match (
            &self.plan.connection.ad_connector,
            calls::create_managed_ad(self.plan),
        ) {
            (Some(connector), _) => (connector.vpc_id.clone(), connector.subnet_ids.clone()),
            (None, Some(request)) => (request.vpc_id, request.subnet_ids),
            (None, None) => return Ok(StepEnd::Done("no subnets in this plan".to_owned())),
        };
        let cloud = self.cloud;
        let subnets = match cloud.describe_subnets(&ids).await {
            Ok(subnets) => subnets,
            Err(error) if error.detail.contains("NotFound") => {
                return Err(ApplyError::Subnets(format!(
                    "a subnet of the plan does not exist in {} ({})",
                    self.plan.aws.region, error.detail
                )));
            }
            Err(error) => match self.read(async { Err::<(), _>(error) }).await? {
                Some(()) | None => {
                    return Ok(StepEnd::Done("not checked (no credentials)".to_owned()));
                }
            },
        };
        for id in &ids {
            match subnets.iter().find(|s| s.id == *id) {
                None => {
                    return Err(ApplyError::Subnets(format!(
                        "the subnet {id} does not exist in {}",
                        self.plan.aws.region
                    )));
                }
                Some(subnet) if subnet.vpc_id != vpc => {
                    return Err(ApplyError::Subnets(format!(
                        "the subnet {id} belongs to {}, not to {vpc}",
                        subnet.vpc_id
                    )));
                }
                Some(_) => {}
            }
        }
        let mut zones: Vec<&str> = subnets
            .iter()
            .map(|s| s.availability_zone.as_str())
            .collect();
        zones.sort_unstable();
        zones.dedup();
        if zones.len() < 2 {
            return Err(ApplyError::Subnets(format!(
                "the subnets {} are all in {}; AWS needs two different Availability Zones",
                ids.join(", "),
                zones.join(", ")
            )));
        }
        Ok(StepEnd::Done(format!(
            "{vpc}: {} in {}",
            ids.join(", "),
            zones.join(", ")
        )))
    }

    async fn ensure_directory(&mut self, step: &Step) -> Result<StepEnd, ApplyError> {
        let name = super::directory_name(self.plan)
            .unwrap_or_default()
            .to_owned();
        let plan_name = self.plan.metadata.name.clone();
        let cloud = self.cloud;
        let found = match self
            .read(find::candidates(cloud, &name, &plan_name))
            .await?
        {
            Some(candidates) => find::decide(candidates, &name, &plan_name)?,
            None => Found::Nothing,
        };
        let expected = match step {
            Step::ConnectDirectory => DirectoryKind::AdConnector,
            _ => DirectoryKind::MicrosoftAd,
        };
        if let Found::Owned(directory) = found {
            if directory.kind != expected {
                return Err(ApplyError::Ambiguous(format!(
                    "the directory {} ({name}) is tagged as this plan's but is a {}, not a {expected}; \
                     the plan's mode changed? Remove it (`adsso destroy FILE`) or fix the plan",
                    directory.id, directory.kind
                )));
            }
            let note = format!(
                "already exists: {} ({})",
                directory.id,
                directory.stage.name()
            );
            self.directory = Some(directory);
            return Ok(StepEnd::Done(note));
        }
        let id = match step {
            Step::ConnectDirectory => self.connect_directory().await?,
            _ => self.create_managed_ad().await?,
        };
        let Some(id) = id else {
            return Ok(StepEnd::Done("would be created".to_owned()));
        };
        let note = format!("created {id}");
        self.directory = Some(Directory {
            id,
            name,
            kind: expected,
            stage: DirectoryStage::Creating("Requested".to_owned()),
            stage_reason: String::new(),
            dns_ips: Vec::new(),
            vpc_id: None,
            security_group_id: None,
        });
        Ok(StepEnd::Done(note))
    }

    async fn connect_directory(&mut self) -> Result<Option<String>, ApplyError> {
        let Some(request) = calls::connect_directory(self.plan) else {
            return Ok(None);
        };
        let Some(connector) = &self.plan.connection.ad_connector else {
            return Ok(None);
        };
        if self.mode == RunMode::DryRun {
            let reference = connector.service_account.password.describe();
            self.reporter
                .event(Event::WouldCall(calls::connect_directory_call(
                    &request, &reference,
                )));
            return Ok(None);
        }
        let secret = self
            .secrets
            .service_account
            .as_ref()
            .ok_or(ApplyError::MissingSecret("service account password"))?;
        Ok(Some(self.cloud.connect_directory(&request, secret).await?))
    }

    async fn create_managed_ad(&mut self) -> Result<Option<String>, ApplyError> {
        let Some(request) = calls::create_managed_ad(self.plan) else {
            return Ok(None);
        };
        let reference = self
            .plan
            .connection
            .trust
            .as_ref()
            .and_then(|t| t.managed_ad.create.as_ref())
            .map(|c| c.admin_password.describe())
            .unwrap_or_default();
        if self.mode == RunMode::DryRun {
            self.reporter
                .event(Event::WouldCall(calls::create_managed_ad_call(
                    &request, &reference,
                )));
            return Ok(None);
        }
        let secret = self
            .secrets
            .admin
            .as_ref()
            .ok_or(ApplyError::MissingSecret("Admin password"))?;
        Ok(Some(self.cloud.create_managed_ad(&request, secret).await?))
    }

    async fn use_existing(&mut self) -> Result<StepEnd, ApplyError> {
        let id = super::existing_directory(self.plan)
            .unwrap_or_default()
            .to_owned();
        let cloud = self.cloud;
        let ids = [id.clone()];
        let directories = match cloud.describe_directories(&ids).await {
            Err(error) if error.kind == AwsErrorKind::DoesNotExist => {
                return Err(ApplyError::ExistingDirectory(format!(
                    "the directory {id} does not exist in {} for this account; fix \
                     `connection.trust.managedAd.existingDirectoryId` or `aws.region`",
                    self.plan.aws.region
                )));
            }
            other => match self.read(async { other }).await? {
                Some(directories) => directories,
                None => return Ok(StepEnd::Done("not checked (no credentials)".to_owned())),
            },
        };
        let Some(directory) = directories.into_iter().find(|d| d.id == id) else {
            return Err(ApplyError::ExistingDirectory(format!(
                "the directory {id} does not exist in {}",
                self.plan.aws.region
            )));
        };
        if directory.kind != DirectoryKind::MicrosoftAd {
            return Err(ApplyError::ExistingDirectory(format!(
                "the directory {id} is a {}; a trust needs an AWS Managed Microsoft AD (MicrosoftAD) owned by this account",
                directory.kind
            )));
        }
        if let DirectoryStage::Failed(stage) | DirectoryStage::Deleting(stage) = &directory.stage {
            return Err(ApplyError::DirectoryFailed {
                id,
                stage: stage.clone(),
                reason: directory.stage_reason.clone(),
            });
        }
        let note = format!("{id} ({}, {})", directory.name, directory.stage.name());
        self.directory = Some(directory);
        Ok(StepEnd::Done(note))
    }

    async fn wait_directory(&mut self) -> Result<StepEnd, ApplyError> {
        let Some(directory) = self.directory.clone() else {
            return Ok(StepEnd::Done(
                "would wait until the new directory is Active".to_owned(),
            ));
        };
        if directory.stage == DirectoryStage::Active {
            return Ok(StepEnd::Done(format!("{} is Active", directory.id)));
        }
        if self.mode == RunMode::DryRun {
            return Ok(StepEnd::Done(format!(
                "would wait until {} is Active (now {})",
                directory.id,
                directory.stage.name()
            )));
        }
        let cloud = self.cloud;
        let ids = [directory.id.clone()];
        let what = format!("directory {} to be Active", directory.id);
        let ready = self
            .wait(&what, || async {
                let found = cloud.describe_directories(&ids).await?;
                let Some(current) = found.into_iter().next() else {
                    return Err(ApplyError::DirectoryFailed {
                        id: ids[0].clone(),
                        stage: "Deleted".to_owned(),
                        reason: "it disappeared while adsso waited".to_owned(),
                    });
                };
                match &current.stage {
                    DirectoryStage::Active => Ok(Check::Ready(current)),
                    DirectoryStage::Failed(stage) | DirectoryStage::Deleting(stage) => {
                        Err(ApplyError::DirectoryFailed {
                            id: current.id.clone(),
                            stage: stage.clone(),
                            reason: current.stage_reason.clone(),
                        })
                    }
                    other => Ok(Check::Pending(other.name().to_owned())),
                }
            })
            .await?;
        let note = format!("{} is Active (DNS {})", ready.id, ready.dns_ips.join(", "));
        self.directory = Some(ready);
        Ok(StepEnd::Done(note))
    }

    async fn ensure_trust(&mut self) -> Result<StepEnd, ApplyError> {
        let directory_id = self
            .directory
            .as_ref()
            .map_or(NEW_DIRECTORY.to_owned(), |d| d.id.clone());
        let cloud = self.cloud;
        let existing = match &self.directory {
            Some(_) => self.read(cloud.describe_trusts(&directory_id)).await?,
            None => None,
        };
        let domain = self.plan.self_managed.domain.clone();
        if let Some(trust) = existing.into_iter().flatten().find(|t| {
            t.remote_domain.eq_ignore_ascii_case(&domain)
                && !matches!(t.state, TrustState::Deleting(_))
        }) {
            if trust.direction != "Two-Way" {
                return Err(ApplyError::TrustDirection {
                    domain,
                    id: trust.id,
                    direction: trust.direction,
                });
            }
            if let TrustState::Failed(state) = &trust.state {
                return Err(ApplyError::TrustFailed {
                    id: trust.id.clone(),
                    state: state.clone(),
                    reason: trust.state_reason.clone(),
                });
            }
            let note = format!("already exists: {} ({})", trust.id, trust.state.name());
            self.trust = Some(trust);
            return Ok(StepEnd::Done(note));
        }
        let Some(request) = calls::create_trust(self.plan, &directory_id) else {
            return Ok(StepEnd::Done("no trust in this plan".to_owned()));
        };
        if self.mode == RunMode::DryRun {
            let reference = self
                .plan
                .connection
                .trust
                .as_ref()
                .map(|t| t.password.describe())
                .unwrap_or_default();
            self.reporter
                .event(Event::WouldCall(calls::create_trust_call(
                    &request, &reference,
                )));
            return Ok(StepEnd::Done("would be created".to_owned()));
        }
        let secret = self
            .secrets
            .trust
            .as_ref()
            .ok_or(ApplyError::MissingSecret("trust password"))?;
        let id = self.cloud.create_trust(&request, secret).await?;
        let note = format!("created {id}");
        self.trust = Some(TrustInfo {
            id,
            directory_id,
            remote_domain: domain,
            direction: request.direction,
            trust_type: request.trust_type,
            state: TrustState::Pending("Creating".to_owned()),
            state_reason: String::new(),
        });
        Ok(StepEnd::Done(note))
    }

    async fn wait_trust(&mut self) -> Result<StepEnd, ApplyError> {
        let Some(trust) = self.trust.clone() else {
            return Ok(StepEnd::Done(
                "would wait until the new trust is Verified".to_owned(),
            ));
        };
        if trust.state == TrustState::Verified {
            return Ok(StepEnd::Done(format!("{} is Verified", trust.id)));
        }
        if self.mode == RunMode::DryRun {
            return Ok(StepEnd::Done(format!(
                "would wait until {} is Verified",
                trust.id
            )));
        }
        let cloud = self.cloud;
        let what = format!("trust {} to be Verified", trust.id);
        let verified = self
            .wait(&what, || async {
                let trusts = cloud.describe_trusts(&trust.directory_id).await?;
                let Some(current) = trusts.into_iter().find(|t| t.id == trust.id) else {
                    return Err(ApplyError::TrustFailed {
                        id: trust.id.clone(),
                        state: "Deleted".to_owned(),
                        reason: "it disappeared while adsso waited".to_owned(),
                    });
                };
                match &current.state {
                    TrustState::Verified => Ok(Check::Ready(current)),
                    TrustState::VerifyFailed | TrustState::Failed(_) | TrustState::Deleting(_) => {
                        Err(ApplyError::TrustFailed {
                            id: current.id.clone(),
                            state: current.state.name().to_owned(),
                            reason: current.state_reason.clone(),
                        })
                    }
                    TrustState::Pending(state) => Ok(Check::Pending(state.clone())),
                }
            })
            .await?;
        let note = format!("{} is Verified", verified.id);
        self.trust = Some(verified);
        Ok(StepEnd::Done(note))
    }
}
