//! Why apply stopped with a failure. Each variant holds the data of what happened; its message
//! says what happened and its diagnostic help (shown by the command's report) what to do. None
//! holds a secret (requests never carry passwords into errors). Text from AWS and the plan (ids,
//! states, reasons, names) is shown escaped through [`crate::text::untrusted`].

use std::time::Duration;

use crate::apply::PLAN_TAG;
use crate::aws::{AwsError, DirectoryKind, InstanceStatus};
use crate::text::apply as apply_text;
use crate::text::untrusted::{Untrusted, block};

pub use super::error_format::Mismatch;
use super::error_format::*;

/// A failure of apply, status or destroy.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ApplyError {
    /// An AWS call failed.
    #[error(transparent)]
    Aws(#[from] AwsError),
    /// The credentials belong to another account.
    #[error(
        "the credentials are for account {}, but the plan is for account {expected}; nothing was changed",
        Untrusted(.actual)
    )]
    #[diagnostic(help(
        "use credentials of {expected} (`--profile`, AWS_PROFILE) or fix `aws.accountId`"
    ))]
    WrongAccount {
        /// The plan's account.
        expected: String,
        /// The credentials' account.
        actual: String,
    },
    /// The plan's `identityCenter.instanceArn` is not an instance of the Region and account.
    #[error(
        "the Identity Center instance {} is not in {} for account {}",
        Untrusted(.arn), Untrusted(.region), Untrusted(.account)
    )]
    #[diagnostic(help("fix `identityCenter.instanceArn` or `aws.region`"))]
    InstanceNotInRegion {
        /// The plan's instance ARN.
        arn: String,
        /// The plan's Region.
        region: String,
        /// The credentials' account (empty when unknown).
        account: String,
    },
    /// Identity Center has no instance in the Region for the account.
    #[error(
        "IAM Identity Center has no instance in {} for account {}",
        Untrusted(.region), Untrusted(.account)
    )]
    #[diagnostic(help(
        "enable it (console: IAM Identity Center -> Enable) in {}, or fix `aws.region`",
        Untrusted(region)
    ))]
    InstanceMissing {
        /// The plan's Region.
        region: String,
        /// The credentials' account (empty when unknown).
        account: String,
    },
    /// The instance exists but is not `ACTIVE`.
    #[error("the Identity Center instance {} is {status}, not ACTIVE", Untrusted(.arn))]
    #[diagnostic(help("wait until it is ACTIVE, then re-run `adsso apply`"))]
    InstanceNotActive {
        /// The instance.
        arn: String,
        /// Its status.
        status: InstanceStatus,
    },
    /// The instance belongs to another account than the credentials'.
    #[error(
        "the Identity Center instance {} belongs to account {}, not {}",
        Untrusted(.arn), Untrusted(.owner), Untrusted(.account)
    )]
    #[diagnostic(help(
        "the directory must be in the instance's account (the management or delegated \
         administrator account): use credentials of {}",
        Untrusted(owner)
    ))]
    InstanceOfOtherAccount {
        /// The instance.
        arn: String,
        /// Its owner account.
        owner: String,
        /// The credentials' account.
        account: String,
    },
    /// DescribeSubnets answered that a subnet of the plan does not exist.
    #[error(
        "a subnet of the plan does not exist in {} ({})",
        Untrusted(.region), block(.detail, "    ")
    )]
    #[diagnostic(help("{}", apply_text::SUBNETS_FIX))]
    SubnetsNotFound {
        /// The plan's Region.
        region: String,
        /// AWS's message.
        detail: String,
    },
    /// A subnet of the plan is not among those AWS returned.
    #[error("the subnet {} does not exist in {}", Untrusted(.id), Untrusted(.region))]
    #[diagnostic(help("{}", apply_text::SUBNETS_FIX))]
    SubnetMissing {
        /// The subnet.
        id: String,
        /// The plan's Region.
        region: String,
    },
    /// A subnet of the plan is in another VPC than the plan's.
    #[error(
        "the subnet {} belongs to {}, not to {}",
        Untrusted(.id), Untrusted(.subnet_vpc), Untrusted(.vpc)
    )]
    #[diagnostic(help("{}", apply_text::SUBNETS_FIX))]
    SubnetOutsideVpc {
        /// The subnet.
        id: String,
        /// The plan's VPC.
        vpc: String,
        /// The subnet's VPC.
        subnet_vpc: String,
    },
    /// The plan's subnets are all in one Availability Zone.
    #[error(
        "the subnets {} are all in {}; AWS needs two different Availability Zones",
        list(.ids), list(.zones)
    )]
    #[diagnostic(help("{}", apply_text::SUBNETS_FIX))]
    SubnetsInOneZone {
        /// The plan's subnets.
        ids: Vec<String>,
        /// Their zones.
        zones: Vec<String>,
    },
    /// The directory tagged as this plan's is of another type than the plan's mode needs.
    #[error(
        "the directory {} ({}) is tagged as this plan's but is a {}, not a {expected}; the plan's mode changed?",
        Untrusted(.id), Untrusted(.name), shown(.kind)
    )]
    #[diagnostic(help("remove it (`adsso destroy FILE`) or fix the plan"))]
    DirectoryOfOtherKind {
        /// The directory.
        id: String,
        /// Its name.
        name: String,
        /// Its type.
        kind: DirectoryKind,
        /// The type the plan needs.
        expected: DirectoryKind,
    },
    /// A directory with the plan's name exists but is not tagged as this plan's.
    #[error(
        "a directory named {} exists ({}) but is not tagged {PLAN_TAG}={}: adsso did not create it, \
         so it leaves it alone (apply will not create a second one beside it nor take it over, \
         destroy never deletes it)",
        Untrusted(.name), list(.ids), Untrusted(.plan)
    )]
    #[diagnostic(help(
        "if it is unused, its owner can delete it in the Directory Service console or with \
         `aws ds delete-directory`; or give the plan's directory another name"
    ))]
    DirectoryNotTagged {
        /// The directory name.
        name: String,
        /// The untagged directories of that name.
        ids: Vec<String>,
        /// The plan's name.
        plan: String,
    },
    /// More than one directory is tagged as this plan's.
    #[error(
        "{} directories named {} are tagged {PLAN_TAG}={} ({}); adsso cannot tell which one is this plan's",
        .ids.len(), Untrusted(.name), Untrusted(.plan), list(.ids)
    )]
    #[diagnostic(help("delete the extra one(s) (or untag them), then re-run"))]
    DirectoriesTaggedTwice {
        /// The directory name.
        name: String,
        /// The tagged directories.
        ids: Vec<String>,
        /// The plan's name.
        plan: String,
    },
    /// The plan's existing directory does not exist.
    #[error(
        "the directory {} does not exist in {} for this account",
        Untrusted(.id), Untrusted(.region)
    )]
    #[diagnostic(help("fix `connection.trust.managedAd.existingDirectoryId` or `aws.region`"))]
    ExistingDirectoryMissing {
        /// The plan's directory id.
        id: String,
        /// The plan's Region.
        region: String,
    },
    /// The plan's existing directory is not a Managed Microsoft AD.
    #[error(
        "the directory {} is a {}; a trust needs an AWS Managed Microsoft AD (MicrosoftAD) owned by this account",
        Untrusted(.id), shown(.kind)
    )]
    #[diagnostic(help("{}", apply_text::EXISTING_DIRECTORY_FIX))]
    ExistingDirectoryOfOtherKind {
        /// The plan's directory id.
        id: String,
        /// Its type.
        kind: DirectoryKind,
    },
    /// The plan's existing directory is Impaired or Inoperable.
    #[error(
        "the directory {} is {}{}: a trust cannot be made on it; nothing was changed",
        Untrusted(.id), Untrusted(.stage), in_parentheses(.reason)
    )]
    #[diagnostic(help("{}", apply_text::DIRECTORY_IMPAIRED_FIX))]
    ExistingDirectoryUnusable {
        /// The plan's directory id.
        id: String,
        /// Its stage (`Impaired`, `Inoperable`).
        stage: String,
        /// AWS's StageReason (empty when none).
        reason: String,
    },
    /// The plan's existing directory is of Edition Hybrid, which has no trusts.
    #[error(
        "the directory {} is an AWS Managed Microsoft AD of Edition Hybrid, which does not support \
         trusts; nothing was changed",
        Untrusted(.id)
    )]
    #[diagnostic(help("{}", apply_text::EXISTING_DIRECTORY_FIX))]
    ExistingDirectoryHybrid {
        /// The plan's directory id.
        id: String,
    },
    /// A directory ended in a failed stage.
    #[error(
        "the directory {} is {}: {}",
        Untrusted(.id), Untrusted(.stage), Untrusted(.reason)
    )]
    #[diagnostic(help("{}", apply_text::DIRECTORY_FAILED_FIX))]
    DirectoryFailed {
        /// Directory id.
        id: String,
        /// Its stage.
        stage: String,
        /// AWS's StageReason.
        reason: String,
    },
    /// A trust ended in a failed state.
    #[error(
        "the trust {} to {} is {}: {}",
        Untrusted(.id), Untrusted(.domain), Untrusted(.state), Untrusted(.reason)
    )]
    #[diagnostic(help("{}", apply_text::TRUST_FAILED_FIX))]
    TrustFailed {
        /// Trust id.
        id: String,
        /// The remote (self-managed) domain.
        domain: String,
        /// Its state.
        state: String,
        /// AWS's TrustStateReason.
        reason: String,
    },
    /// A trust to the domain exists with another direction.
    #[error(
        "a trust to {} already exists ({}) with direction `{}`; Identity Center needs `Two-Way`",
        Untrusted(.domain), Untrusted(.id), Untrusted(.direction)
    )]
    #[diagnostic(help(
        "a direction cannot be changed: delete that trust (console or `aws ds delete-trust \
         --trust-id {}`) and re-run",
        Untrusted(id)
    ))]
    TrustDirection {
        /// The remote domain.
        domain: String,
        /// Trust id.
        id: String,
        /// Its direction.
        direction: String,
    },
    /// A trust to the domain exists with another TrustType or SelectiveAuth than the plan's.
    #[error(
        "a trust to {} already exists ({}) with {}; nothing was changed",
        Untrusted(.domain), Untrusted(.id), setting_differences(.trust_type, .selective_auth)
    )]
    #[diagnostic(help("{}", setting_fixes(id, trust_type, selective_auth)))]
    TrustSettingsDiffer {
        /// The remote domain (the plan's).
        domain: String,
        /// Trust id.
        id: String,
        /// The TrustType, when it differs.
        trust_type: Option<Box<Mismatch>>,
        /// The SelectiveAuth, when it differs.
        selective_auth: Option<Box<Mismatch>>,
    },
    /// A wait ran out of time.
    #[error(
        "gave up waiting after {}s for {} (still {}); AWS keeps working",
        .waited.as_secs(), Untrusted(.what), Untrusted(.state)
    )]
    #[diagnostic(help("re-run `adsso apply` later (or give a longer `--wait-timeout`)"))]
    Timeout {
        /// What was awaited.
        what: String,
        /// Its last state.
        state: String,
        /// How long.
        waited: Duration,
    },
    /// A permission set marked `existing: true` is not in the instance.
    #[error(
        "the permission set {} is marked `existing: true` but {} has none by that name",
        Untrusted(.name), Untrusted(.instance)
    )]
    #[diagnostic(help("create it in the console or drop `existing: true` to let adsso create it"))]
    PermissionSetMissing {
        /// The plan's permission set name.
        name: String,
        /// The instance.
        instance: String,
    },
    /// Provisioning a permission set to the accounts failed.
    #[error("provisioning {} failed: {}", Untrusted(.arn), block(.reason, "    "))]
    #[diagnostic(help("fix the cause AWS names, then re-run `adsso apply`"))]
    ProvisioningFailed {
        /// The permission set.
        arn: String,
        /// AWS's FailureReason.
        reason: String,
    },
    /// Some account assignments failed (the others were made).
    #[error(
        "{created} created, {present} already present; {} failed:\n  {}{}",
        .failures.len(), failure_lines(.failures), problems_block(.problems)
    )]
    #[diagnostic(help("{}", assignments_fix(problems)))]
    AssignmentsFailed {
        /// How many were created now.
        created: usize,
        /// How many existed before.
        present: usize,
        /// Each failure in words (`group -> set in account: why`).
        failures: Vec<String>,
        /// Plan groups Identity Center cannot use, in words (already escaped).
        problems: Option<String>,
    },
    /// Deleting an account assignment failed.
    #[error(
        "deleting the assignment in {} failed: {}",
        Untrusted(.account), block(.reason, "    ")
    )]
    #[diagnostic(help("fix the cause AWS names, then re-run the command"))]
    AssignmentDeletionFailed {
        /// The account.
        account: String,
        /// AWS's FailureReason.
        reason: String,
    },
    /// Deleting an account assignment is still in progress after the bounded wait.
    #[error(
        "the deletion of the assignment in {} is still in progress (request {})",
        Untrusted(.account), Untrusted(.request)
    )]
    #[diagnostic(help("re-run `adsso status` later"))]
    AssignmentDeletionPending {
        /// The account.
        account: String,
        /// The deletion request.
        request: String,
    },
    /// `organizationalUnits` entries that name no OU or root of the organization.
    #[error("organizationalUnits {}: not in the organization; nothing was changed", list(.0))]
    #[diagnostic(help("{}", apply_text::UNKNOWN_OU_FIX))]
    UnknownTargets(Vec<String>),
    /// A password breaks AWS's rules for it (checked before any call).
    #[error("the {what} does not meet AWS's rules: {problem}; nothing was sent to AWS")]
    PasswordRule {
        /// Which password.
        what: String,
        /// Which rule (never the value).
        problem: String,
    },
    /// The on-premises PowerShell cannot be written safely from what AWS returned.
    #[error(transparent)]
    OnpremScript(#[from] crate::onprem::ScriptError),
    /// A secret was needed but not resolved (a bug: apply resolves them first).
    #[error("internal error: the {0} was not resolved before use")]
    MissingSecret(&'static str),
}

#[cfg(test)]
#[path = "error_tests.rs"]
mod tests;
