//! Why apply stopped with a failure. Every message says what happened and what to do; none
//! holds a secret (requests never carry passwords into errors). Text from AWS (ids, states,
//! reasons, names inside composed messages) is shown escaped through [`crate::text::untrusted`].

use std::time::Duration;

use crate::aws::AwsError;
use crate::text::apply as apply_text;
use crate::text::untrusted::{Untrusted, block};

/// A failure of apply, status or destroy.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// An AWS call failed.
    #[error(transparent)]
    Aws(#[from] AwsError),
    /// The credentials belong to another account.
    #[error(
        "the credentials are for account {}, but the plan is for account {expected}; nothing was changed. \
         Use credentials of {expected} (`--profile`, AWS_PROFILE) or fix `aws.accountId`", Untrusted(.actual)
    )]
    WrongAccount {
        /// The plan's account.
        expected: String,
        /// The credentials' account.
        actual: String,
    },
    /// No usable Identity Center instance.
    #[error("{}", block(.0, "    "))]
    Instance(String),
    /// The subnets do not fit.
    #[error("{}; fix `vpcId`/`subnetIds` in the plan (`aws ec2 describe-subnets` lists them)", block(.0, "    "))]
    Subnets(String),
    /// More than one candidate, or a same-named directory that is not this plan's.
    #[error("{}", block(.0, "    "))]
    Ambiguous(String),
    /// The existing directory named in the plan cannot be used.
    #[error("{}", block(.0, "    "))]
    ExistingDirectory(String),
    /// A directory ended in a failed stage.
    #[error(
        "the directory {} is {}: {}. {}",
        Untrusted(.id), Untrusted(.stage), Untrusted(.reason),
        apply_text::DIRECTORY_FAILED_FIX
    )]
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
        "the trust {} is {}: {}. {}",
        Untrusted(.id), Untrusted(.state), Untrusted(.reason),
        apply_text::TRUST_FAILED_FIX
    )]
    TrustFailed {
        /// Trust id.
        id: String,
        /// Its state.
        state: String,
        /// AWS's TrustStateReason.
        reason: String,
    },
    /// A trust to the domain exists with another direction.
    #[error(
        "a trust to {domain} already exists ({}) with direction `{}`; Identity Center needs `Two-Way`. \
         A direction cannot be changed: delete that trust (console or `aws ds delete-trust`) and re-run",
        Untrusted(.id), Untrusted(.direction)
    )]
    TrustDirection {
        /// The remote domain.
        domain: String,
        /// Trust id.
        id: String,
        /// Its direction.
        direction: String,
    },
    /// A trust to the domain exists with another TrustType or SelectiveAuth than the plan's.
    #[error("{}", block(.0, "    "))]
    TrustSettings(String),
    /// A wait ran out of time.
    #[error(
        "gave up waiting after {}s for {} (still {}); AWS keeps working: re-run `adsso apply` later \
         (or give a longer `--wait-timeout`)", .waited.as_secs(), Untrusted(.what), Untrusted(.state)
    )]
    Timeout {
        /// What was awaited.
        what: String,
        /// Its last state.
        state: String,
        /// How long.
        waited: Duration,
    },
    /// A permission set could not be used or made to match the plan.
    #[error("{}", block(.0, "    "))]
    PermissionSet(String),
    /// Some account assignments failed (the others were made).
    #[error("{0}\nFix the cause and re-run `adsso apply`: what exists is kept")]
    Assignments(String),
    /// A password breaks AWS's rules for it (checked before any call).
    #[error("the {what} does not meet AWS's rules: {problem}; nothing was sent to AWS")]
    PasswordRule {
        /// Which password.
        what: &'static str,
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
