//! What adsso reads from and sends to IAM Identity Center about access: permission sets, account
//! assignments and the status of Identity Center's asynchronous requests, in adsso's own types.

/// A permission set (`DescribePermissionSet`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermissionSetInfo {
    /// Its ARN.
    pub arn: String,
    /// Its name (unique within the instance).
    pub name: String,
    /// ISO 8601 session duration (`PT8H`), when set.
    pub session_duration: Option<String>,
    /// Its description, when set.
    pub description: Option<String>,
    /// Its relay state, when set.
    pub relay_state: Option<String>,
}

/// `CreatePermissionSet` parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPermissionSet {
    /// The instance.
    pub instance_arn: String,
    /// Name.
    pub name: String,
    /// Shown in the console.
    pub description: String,
    /// ISO 8601 session duration; always sent (moto fails without it, AWS defaults to PT1H).
    pub session_duration: String,
    /// The relay state, when the plan sets one.
    pub relay_state: Option<String>,
    /// Tags, `adsso:plan` included.
    pub tags: Vec<crate::aws::Tag>,
}

/// `UpdatePermissionSet`: the values to change (`None`: left as they are).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PermissionSetUpdate {
    /// A new session duration.
    pub session_duration: Option<String>,
    /// A new description.
    pub description: Option<String>,
    /// A new relay state.
    pub relay_state: Option<String>,
}

/// A customer managed policy reference (`CustomerManagedPolicyReference`): a policy of this
/// name and path in each account the permission set is provisioned to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PolicyReference {
    /// The policy's name.
    pub name: String,
    /// The policy's path (`/` by default).
    pub path: String,
}

impl std::fmt::Display for PolicyReference {
    /// `path` then `name`, as IAM writes a policy's place (`/team/Boundary`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.path, self.name)
    }
}

/// A permission set's permissions boundary (`PermissionsBoundary`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Boundary {
    /// An AWS managed policy, by ARN.
    Managed(String),
    /// A customer managed policy, by name and path.
    Customer(PolicyReference),
}

impl std::fmt::Display for Boundary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Boundary::Managed(arn) => f.write_str(arn),
            Boundary::Customer(reference) => write!(f, "customer managed {reference}"),
        }
    }
}

/// One account assignment of a group: who gets which permission set in which account.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AssignmentKey {
    /// The 12-digit account id (`TargetId`, `TargetType` AWS_ACCOUNT).
    pub account_id: String,
    /// The permission set.
    pub permission_set_arn: String,
    /// The identity store group id (`PrincipalType` GROUP).
    pub group_id: String,
}

/// Where an asynchronous Identity Center request (assignment creation or deletion, permission
/// set provisioning) stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestState {
    /// Still running.
    InProgress,
    /// Finished.
    Succeeded,
    /// Ended without the change; AWS's `FailureReason`.
    Failed(String),
}

impl RequestState {
    /// Classifies a `Status` as Identity Center spells it, with its `FailureReason`.
    pub fn from_status(status: &str, failure_reason: Option<&str>) -> Self {
        match status {
            "SUCCEEDED" => RequestState::Succeeded,
            "FAILED" => RequestState::Failed(
                failure_reason
                    .filter(|reason| !reason.is_empty())
                    .unwrap_or("no reason given")
                    .to_owned(),
            ),
            _ => RequestState::InProgress,
        }
    }
}

/// An asynchronous request and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestStatus {
    /// The request id to poll with.
    pub request_id: String,
    /// Its state.
    pub state: RequestState,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_classified_and_failures_keep_their_reason() {
        assert_eq!(
            RequestState::from_status("SUCCEEDED", None),
            RequestState::Succeeded
        );
        assert_eq!(
            RequestState::from_status("IN_PROGRESS", None),
            RequestState::InProgress
        );
        assert_eq!(
            RequestState::from_status("FAILED", Some("no such principal")),
            RequestState::Failed("no such principal".to_owned())
        );
        assert_eq!(
            RequestState::from_status("FAILED", Some("")),
            RequestState::Failed("no reason given".to_owned())
        );
    }
}
