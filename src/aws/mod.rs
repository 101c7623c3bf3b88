//! The AWS boundary: the only module that imports `aws_sdk_*`. Traits over the calls adsso needs,
//! in adsso's own types ([`types`]), and their SDK implementation ([`sdk`]). The steps talk to AWS
//! only through these traits, so they can be driven by any implementation.

// The traits are used with static dispatch inside one crate; `Send` bounds are not needed.
#![allow(async_fn_in_trait)]

pub mod error;
pub mod sdk;
pub mod types;

use secrecy::SecretString;

pub use error::{AwsError, AwsErrorKind};
pub use types::*;

/// Directory Service (`ds`).
pub trait DirectoryApi {
    /// `DescribeDirectories`, every page; `ids` empty means every directory.
    async fn describe_directories(&self, ids: &[String]) -> Result<Vec<Directory>, AwsError>;
    /// `ListTagsForResource` of a directory, every page.
    async fn list_tags(&self, directory_id: &str) -> Result<Vec<Tag>, AwsError>;
    /// `ConnectDirectory`; returns the new directory's id.
    async fn connect_directory(
        &self,
        request: &ConnectDirectoryRequest,
        password: &SecretString,
    ) -> Result<String, AwsError>;
    /// `CreateMicrosoftAD`; returns the new directory's id.
    async fn create_managed_ad(
        &self,
        request: &CreateManagedAdRequest,
        admin_password: &SecretString,
    ) -> Result<String, AwsError>;
    /// `DescribeTrusts` of a directory, every page.
    async fn describe_trusts(&self, directory_id: &str) -> Result<Vec<TrustInfo>, AwsError>;
    /// `CreateTrust`; returns the trust id.
    async fn create_trust(
        &self,
        request: &CreateTrustRequest,
        password: &SecretString,
    ) -> Result<String, AwsError>;
    /// `VerifyTrust`.
    async fn verify_trust(&self, trust_id: &str) -> Result<(), AwsError>;
    /// `DescribeConditionalForwarders` of a directory.
    async fn describe_forwarders(&self, directory_id: &str) -> Result<Vec<Forwarder>, AwsError>;
    /// `DeleteTrust` with its conditional forwarder.
    async fn delete_trust(&self, trust_id: &str) -> Result<(), AwsError>;
    /// `DeleteDirectory`.
    async fn delete_directory(&self, directory_id: &str) -> Result<(), AwsError>;
}

/// IAM Identity Center administration (`sso-admin`).
pub trait IdentityCenterApi {
    /// `ListInstances`, every page.
    async fn list_instances(&self) -> Result<Vec<Instance>, AwsError>;
}

/// The Identity Center identity store (`identitystore`).
pub trait IdentityStoreApi {
    /// `ListGroups`, every page.
    async fn list_groups(&self, identity_store_id: &str) -> Result<Vec<Group>, AwsError>;
}

/// The caller's account (`sts`).
pub trait AccountApi {
    /// `GetCallerIdentity`.
    async fn caller_identity(&self) -> Result<CallerIdentity, AwsError>;
}

/// VPC checks (`ec2`).
pub trait NetworkApi {
    /// `DescribeSubnets` of the given ids.
    async fn describe_subnets(&self, ids: &[String]) -> Result<Vec<Subnet>, AwsError>;
    /// The outbound rules of a security group (`DescribeSecurityGroups`).
    async fn security_group_egress(&self, group_id: &str) -> Result<Vec<EgressRule>, AwsError>;
}

/// Everything apply, status and destroy need.
pub trait Cloud:
    DirectoryApi + IdentityCenterApi + IdentityStoreApi + AccountApi + NetworkApi
{
}

impl<T> Cloud for T where
    T: DirectoryApi + IdentityCenterApi + IdentityStoreApi + AccountApi + NetworkApi
{
}
