//! The directory steps: find or create the AD Connector or the Managed AD (tagged), use an
//! existing Managed AD, and wait until the directory is Active.

use crate::apply::calls;
use crate::apply::executor::{Check, Executor, RunMode, StepEnd};
use crate::apply::{ApplyError, Event, Reporter, Step};
use crate::aws::{AwsErrorKind, Cloud, Directory, DirectoryKind, DirectoryStage};
use crate::inspect::find::{self, Found};

impl<C: Cloud, R: Reporter> Executor<'_, C, R> {
    pub(crate) async fn ensure_directory(&mut self, step: &Step) -> Result<StepEnd, ApplyError> {
        let name = self.plan().directory_name().unwrap_or_default().to_owned();
        let plan_name = self.plan().metadata.name.clone();
        let cloud = self.cloud();
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
                return Err(ApplyError::DirectoryOfOtherKind {
                    id: directory.id,
                    name,
                    kind: directory.kind,
                    expected,
                });
            }
            let note = format!(
                "already exists: {} ({})",
                directory.id,
                directory.stage.name()
            );
            self.found.directory = Some(*directory);
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
        self.found.directory = Some(Directory {
            id,
            name,
            kind: expected,
            stage: DirectoryStage::Creating("Requested".to_owned()),
            stage_reason: String::new(),
            dns_ips: Vec::new(),
            vpc_id: None,
            security_group_id: None,
            edition: None,
            details: crate::aws::DirectoryDetails::default(),
        });
        Ok(StepEnd::Done(note))
    }

    async fn connect_directory(&mut self) -> Result<Option<String>, ApplyError> {
        let Some(request) = calls::connect_directory(self.plan()) else {
            return Ok(None);
        };
        let Some(connector) = &self.plan().connection.ad_connector else {
            return Ok(None);
        };
        if self.mode() == RunMode::DryRun {
            let reference = connector.service_account.password.describe();
            self.report(Event::WouldCall(calls::connect_directory_call(
                &request, &reference,
            )));
            return Ok(None);
        }
        let secret = self
            .secrets()
            .service_account
            .as_ref()
            .ok_or(ApplyError::MissingSecret("service account password"))?;
        Ok(Some(
            self.cloud().connect_directory(&request, secret).await?,
        ))
    }

    async fn create_managed_ad(&mut self) -> Result<Option<String>, ApplyError> {
        let Some(request) = calls::create_managed_ad(self.plan()) else {
            return Ok(None);
        };
        let reference = self
            .plan()
            .connection
            .trust
            .as_ref()
            .and_then(|t| t.managed_ad.create.as_ref())
            .map(|c| c.admin_password.describe())
            .unwrap_or_default();
        if self.mode() == RunMode::DryRun {
            self.report(Event::WouldCall(calls::create_managed_ad_call(
                &request, &reference,
            )));
            return Ok(None);
        }
        let secret = self
            .secrets()
            .admin
            .as_ref()
            .ok_or(ApplyError::MissingSecret("Admin password"))?;
        Ok(Some(
            self.cloud().create_managed_ad(&request, secret).await?,
        ))
    }

    pub(crate) async fn use_existing(&mut self) -> Result<StepEnd, ApplyError> {
        let id = self
            .plan()
            .existing_directory()
            .unwrap_or_default()
            .to_owned();
        let cloud = self.cloud();
        let ids = [id.clone()];
        let answer = match self.read(cloud.describe_directories(&ids)).await {
            Err(ApplyError::Aws(error)) if error.kind == AwsErrorKind::DoesNotExist => {
                return Err(ApplyError::ExistingDirectoryMissing {
                    id,
                    region: self.plan().aws.region.clone(),
                });
            }
            other => other?,
        };
        let Some(directories) = answer else {
            return Ok(StepEnd::Done("not checked (no credentials)".to_owned()));
        };
        let Some(directory) = directories.into_iter().find(|d| d.id == id) else {
            return Err(ApplyError::ExistingDirectoryMissing {
                id,
                region: self.plan().aws.region.clone(),
            });
        };
        if directory.kind != DirectoryKind::MicrosoftAd {
            return Err(ApplyError::ExistingDirectoryOfOtherKind {
                id,
                kind: directory.kind,
            });
        }
        if let DirectoryStage::Failed(stage) | DirectoryStage::Deleting(stage) = &directory.stage {
            return Err(ApplyError::DirectoryFailed {
                id,
                stage: stage.clone(),
                reason: directory.stage_reason.clone(),
            });
        }
        if let Some(error) = unusable_for_trust(&directory) {
            return Err(error);
        }
        let note = format!("{id} ({}, {})", directory.name, directory.stage.name());
        self.found.directory = Some(directory);
        Ok(StepEnd::Done(note))
    }

    pub(crate) async fn wait_directory(&mut self) -> Result<StepEnd, ApplyError> {
        let Some(directory) = self.found.directory.clone() else {
            return Ok(StepEnd::Done(
                "would wait until the new directory is Active".to_owned(),
            ));
        };
        if directory.stage == DirectoryStage::Active {
            return Ok(StepEnd::Done(format!("{} is Active", directory.id)));
        }
        if self.mode() == RunMode::DryRun {
            return Ok(StepEnd::Done(format!(
                "would wait until {} is Active (now {})",
                directory.id,
                directory.stage.name()
            )));
        }
        let cloud = self.cloud();
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
        self.found.directory = Some(ready);
        Ok(StepEnd::Done(note))
    }
}

/// Why an existing Managed AD cannot take a trust now: Impaired or Inoperable (Directory
/// Service's troubleshooting), or Hybrid Edition (which has no trusts).
fn unusable_for_trust(directory: &Directory) -> Option<ApplyError> {
    if let DirectoryStage::Busy(stage) = &directory.stage
        && matches!(stage.as_str(), "Impaired" | "Inoperable")
    {
        return Some(ApplyError::ExistingDirectoryUnusable {
            id: directory.id.clone(),
            stage: stage.clone(),
            reason: directory.stage_reason.clone(),
        });
    }
    if directory
        .edition
        .as_deref()
        .is_some_and(|e| e.eq_ignore_ascii_case("Hybrid"))
    {
        return Some(ApplyError::ExistingDirectoryHybrid {
            id: directory.id.clone(),
        });
    }
    None
}
