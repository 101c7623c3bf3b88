//! The fake cloud's Identity Center side: permission sets, account assignments whose creation
//! takes a number of status polls, injected throttling and failing principals. Test-only.

use std::collections::BTreeMap;

use super::Fake;
use crate::aws::*;

/// Assignments in one page of the fake's `ListAccountAssignmentsForPrincipal` (AWS's most).
pub const FAKE_PAGE: usize = 100;

/// The fake instance's ARN.
pub const INSTANCE: &str = "arn:aws:sso:::instance/ssoins-0000000000000000";

/// One fake permission set.
#[derive(Debug, Clone, Default)]
pub struct FakeSet {
    pub name: String,
    pub session_duration: Option<String>,
    pub policies: Vec<String>,
    pub inline: Option<String>,
    pub provisioned: usize,
    pub description: Option<String>,
    pub relay_state: Option<String>,
    pub customer: Vec<PolicyReference>,
    pub boundary: Option<Boundary>,
    pub tags: Vec<Tag>,
}

/// Identity Center state of the fake.
#[derive(Debug, Default)]
pub struct Access {
    /// ARN -> permission set.
    pub sets: BTreeMap<String, FakeSet>,
    /// Assignments that exist.
    pub assignments: Vec<AssignmentKey>,
    /// Request id -> (assignment, polls left before it succeeds).
    pub pending: BTreeMap<String, (AssignmentKey, usize)>,
    /// A creation succeeds after this many status polls (0: at once).
    pub polls_to_succeed: usize,
    /// The next this many `CreateAccountAssignment` calls are throttled.
    pub throttle_creates: usize,
    /// Groups whose creations end FAILED.
    pub failing_groups: Vec<String>,
    /// Most creations in progress at once.
    pub max_pending: usize,
    /// Every `CreateAccountAssignment` that was accepted.
    pub creates: usize,
    /// Every status poll.
    pub polls: usize,
    /// Every `ListAccountAssignmentsForPrincipal` page read.
    pub listed_pages: usize,
    /// Operation -> how many of its next calls answer ConflictException.
    pub conflicts: BTreeMap<&'static str, usize>,
}

fn sso_error(operation: &'static str, kind: AwsErrorKind, detail: &str) -> AwsError {
    AwsError::new("sso-admin", operation, kind, detail)
}

impl Fake {
    /// A ConflictException when one is injected for `operation`.
    fn conflict(&self, operation: &'static str) -> Result<(), AwsError> {
        let mut state = self.0.borrow_mut();
        match state.access.conflicts.get_mut(operation) {
            Some(left) if *left > 0 => {
                *left -= 1;
                Err(sso_error(
                    operation,
                    AwsErrorKind::Conflict,
                    "ConflictException: a previous write is still propagating",
                ))
            }
            _ => Ok(()),
        }
    }

    pub(super) fn with_set<T>(
        &self,
        operation: &'static str,
        arn: &str,
        change: impl FnOnce(&mut FakeSet) -> T,
    ) -> Result<T, AwsError> {
        self.conflict(operation)?;
        let mut state = self.0.borrow_mut();
        state.mutations.push(format!("{operation} {arn}"));
        match state.access.sets.get_mut(arn) {
            Some(set) => Ok(change(set)),
            None => Err(sso_error(
                operation,
                AwsErrorKind::DoesNotExist,
                "ResourceNotFoundException",
            )),
        }
    }

    pub(super) fn read_set<T>(
        &self,
        arn: &str,
        read: impl FnOnce(&FakeSet) -> T,
    ) -> Result<T, AwsError> {
        let state = self.0.borrow();
        state.access.sets.get(arn).map(read).ok_or_else(|| {
            sso_error(
                "DescribePermissionSet",
                AwsErrorKind::DoesNotExist,
                "ResourceNotFoundException",
            )
        })
    }
}

impl IdentityCenterApi for Fake {
    async fn list_instances(&self) -> Result<Vec<Instance>, AwsError> {
        Ok(vec![Instance {
            arn: INSTANCE.to_owned(),
            identity_store_id: "d-store00000".to_owned(),
            owner_account: self.0.borrow().account.clone(),
            status: crate::aws::InstanceStatus::Active,
        }])
    }

    async fn list_permission_sets(&self, _: &str) -> Result<Vec<String>, AwsError> {
        Ok(self.0.borrow().access.sets.keys().cloned().collect())
    }

    async fn describe_permission_set(
        &self,
        _: &str,
        arn: &str,
    ) -> Result<PermissionSetInfo, AwsError> {
        self.read_set(arn, |set| PermissionSetInfo {
            arn: arn.to_owned(),
            name: set.name.clone(),
            session_duration: set.session_duration.clone(),
            description: set.description.clone(),
            relay_state: set.relay_state.clone(),
        })
    }

    async fn create_permission_set(&self, request: &NewPermissionSet) -> Result<String, AwsError> {
        self.conflict("CreatePermissionSet")?;
        let mut state = self.0.borrow_mut();
        let arn = format!("{INSTANCE}/ps-{:016}", state.access.sets.len());
        state
            .mutations
            .push(format!("CreatePermissionSet {}", request.name));
        state.access.sets.insert(
            arn.clone(),
            FakeSet {
                name: request.name.clone(),
                session_duration: Some(request.session_duration.clone()),
                description: Some(request.description.clone()),
                relay_state: request.relay_state.clone(),
                tags: request.tags.clone(),
                ..FakeSet::default()
            },
        );
        Ok(arn)
    }

    async fn list_managed_policies(&self, _: &str, arn: &str) -> Result<Vec<String>, AwsError> {
        self.read_set(arn, |set| set.policies.clone())
    }

    async fn attach_managed_policy(&self, _: &str, arn: &str, p: &str) -> Result<(), AwsError> {
        self.with_set("AttachManagedPolicyToPermissionSet", arn, |set| {
            set.policies.push(p.to_owned());
        })
    }

    async fn detach_managed_policy(&self, _: &str, arn: &str, p: &str) -> Result<(), AwsError> {
        self.with_set("DetachManagedPolicyFromPermissionSet", arn, |set| {
            set.policies.retain(|policy| policy != p);
        })
    }

    async fn inline_policy(&self, _: &str, arn: &str) -> Result<Option<String>, AwsError> {
        self.read_set(arn, |set| set.inline.clone())
    }

    async fn put_inline_policy(&self, _: &str, arn: &str, p: &str) -> Result<(), AwsError> {
        self.with_set("PutInlinePolicyToPermissionSet", arn, |set| {
            set.inline = Some(p.to_owned());
        })
    }

    async fn delete_inline_policy(&self, _: &str, arn: &str) -> Result<(), AwsError> {
        self.with_set("DeleteInlinePolicyFromPermissionSet", arn, |set| {
            set.inline = None;
        })
    }

    async fn provision_permission_set(
        &self,
        _: &str,
        arn: &str,
    ) -> Result<RequestStatus, AwsError> {
        self.with_set("ProvisionPermissionSet", arn, |set| {
            set.provisioned += 1;
            RequestStatus {
                request_id: format!("provision-{}", set.provisioned),
                state: RequestState::InProgress,
            }
        })
    }

    async fn provisioning_status(&self, _: &str, id: &str) -> Result<RequestStatus, AwsError> {
        Ok(RequestStatus {
            request_id: id.to_owned(),
            state: RequestState::Succeeded,
        })
    }
}

impl AssignmentApi for Fake {
    /// Pages of [`FAKE_PAGE`] assignments; the token is the index of the page's first one.
    async fn group_assignments_page(
        &self,
        _: &str,
        group_id: &str,
        token: Option<String>,
    ) -> Result<Page<AssignmentKey>, AwsError> {
        self.0.borrow_mut().access.listed_pages += 1;
        let state = self.0.borrow();
        let start: usize = token.and_then(|t| t.parse().ok()).unwrap_or(0);
        let all: Vec<&AssignmentKey> = state
            .access
            .assignments
            .iter()
            .filter(|a| a.group_id == group_id)
            .collect();
        let end = (start + FAKE_PAGE).min(all.len());
        Ok(Page {
            items: all[start.min(end)..end].iter().copied().cloned().collect(),
            next: (end < all.len()).then(|| end.to_string()),
        })
    }

    async fn create_assignment(
        &self,
        _: &str,
        key: &AssignmentKey,
    ) -> Result<RequestStatus, AwsError> {
        self.conflict("CreateAccountAssignment")?;
        let mut state = self.0.borrow_mut();
        let access = &mut state.access;
        if access.throttle_creates > 0 {
            access.throttle_creates -= 1;
            return Err(sso_error(
                "CreateAccountAssignment",
                AwsErrorKind::Throttling,
                "ThrottlingException: Rate exceeded",
            ));
        }
        access.creates += 1;
        let request_id = format!("create-{}", access.creates);
        access
            .pending
            .insert(request_id.clone(), (key.clone(), access.polls_to_succeed));
        access.max_pending = access.max_pending.max(access.pending.len());
        state
            .mutations
            .push(format!("CreateAccountAssignment {}", key.account_id));
        drop(state);
        self.settle(&request_id, false)
    }

    async fn assignment_creation_status(
        &self,
        _: &str,
        request_id: &str,
    ) -> Result<RequestStatus, AwsError> {
        self.settle(request_id, true)
    }

    async fn delete_assignment(
        &self,
        _: &str,
        key: &AssignmentKey,
    ) -> Result<RequestStatus, AwsError> {
        let mut state = self.0.borrow_mut();
        state.access.assignments.retain(|a| a != key);
        state
            .mutations
            .push(format!("DeleteAccountAssignment {}", key.account_id));
        Ok(RequestStatus {
            request_id: format!("delete-{}", key.account_id),
            state: RequestState::InProgress,
        })
    }

    async fn assignment_deletion_status(
        &self,
        _: &str,
        request_id: &str,
    ) -> Result<RequestStatus, AwsError> {
        Ok(RequestStatus {
            request_id: request_id.to_owned(),
            state: RequestState::Succeeded,
        })
    }
}

impl Fake {
    /// Advances a pending creation (a poll counts down) and says where it stands.
    fn settle(&self, request_id: &str, poll: bool) -> Result<RequestStatus, AwsError> {
        let mut state = self.0.borrow_mut();
        let access = &mut state.access;
        if poll {
            access.polls += 1;
        }
        let Some((key, left)) = access.pending.get_mut(request_id) else {
            return Err(sso_error(
                "DescribeAccountAssignmentCreationStatus",
                AwsErrorKind::DoesNotExist,
                "ResourceNotFoundException",
            ));
        };
        if poll && *left > 0 {
            *left -= 1;
        }
        if *left > 0 {
            return Ok(RequestStatus {
                request_id: request_id.to_owned(),
                state: RequestState::InProgress,
            });
        }
        let key = key.clone();
        access.pending.remove(request_id);
        let state = if access.failing_groups.contains(&key.group_id) {
            RequestState::Failed("the principal cannot be assigned".to_owned())
        } else {
            access.assignments.push(key);
            RequestState::Succeeded
        };
        Ok(RequestStatus {
            request_id: request_id.to_owned(),
            state,
        })
    }
}
