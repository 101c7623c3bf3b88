//! The AWS boundary: the only module that imports `aws_sdk_*`. Traits over the calls adsso needs,
//! in adsso's own types ([`types`]), and their SDK implementation ([`sdk`]). The steps talk to AWS
//! only through these traits, so they can be driven by any implementation.

// The traits are used with static dispatch inside one crate; `Send` bounds are not needed.
#![allow(async_fn_in_trait)]

pub mod access;
pub mod error;
pub mod organization;
pub mod pages;
pub mod sdk;
pub mod target;
pub mod types;
pub mod vpc;

use secrecy::SecretString;

pub use access::*;
pub use error::{AwsError, AwsErrorKind};
pub use organization::*;
pub use pages::Page;
pub use target::Target;
pub use types::*;
pub use vpc::*;

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
    /// `ListIpRoutes` of a directory, every page.
    async fn list_ip_routes(&self, directory_id: &str) -> Result<Vec<IpRoute>, AwsError>;
    /// `GetDirectoryLimits` of the Region.
    async fn directory_limits(&self) -> Result<DirectoryLimits, AwsError>;
}

/// IAM Identity Center administration (`sso-admin`).
pub trait IdentityCenterApi {
    /// `ListInstances`, every page.
    async fn list_instances(&self) -> Result<Vec<Instance>, AwsError>;
    /// `ListPermissionSets` of an instance, every page: their ARNs.
    async fn list_permission_sets(&self, instance_arn: &str) -> Result<Vec<String>, AwsError>;
    /// `DescribePermissionSet`.
    async fn describe_permission_set(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<PermissionSetInfo, AwsError>;
    /// `CreatePermissionSet`; returns the new ARN.
    async fn create_permission_set(&self, request: &NewPermissionSet) -> Result<String, AwsError>;
    /// `ListManagedPoliciesInPermissionSet`, every page: the policy ARNs.
    async fn list_managed_policies(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<Vec<String>, AwsError>;
    /// `AttachManagedPolicyToPermissionSet`.
    async fn attach_managed_policy(
        &self,
        instance_arn: &str,
        arn: &str,
        policy_arn: &str,
    ) -> Result<(), AwsError>;
    /// `DetachManagedPolicyFromPermissionSet`.
    async fn detach_managed_policy(
        &self,
        instance_arn: &str,
        arn: &str,
        policy_arn: &str,
    ) -> Result<(), AwsError>;
    /// `GetInlinePolicyForPermissionSet`; `None` when it has none.
    async fn inline_policy(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<Option<String>, AwsError>;
    /// `PutInlinePolicyToPermissionSet`.
    async fn put_inline_policy(
        &self,
        instance_arn: &str,
        arn: &str,
        policy: &str,
    ) -> Result<(), AwsError>;
    /// `DeleteInlinePolicyFromPermissionSet`.
    async fn delete_inline_policy(&self, instance_arn: &str, arn: &str) -> Result<(), AwsError>;
    /// `ProvisionPermissionSet` to every account it is provisioned to (after a change).
    async fn provision_permission_set(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<RequestStatus, AwsError>;
    /// `DescribePermissionSetProvisioningStatus`.
    async fn provisioning_status(
        &self,
        instance_arn: &str,
        request_id: &str,
    ) -> Result<RequestStatus, AwsError>;
}

/// What a permission set holds besides its managed and inline policies (`sso-admin`): its
/// settings, customer managed policy references, permissions boundary and tags.
pub trait PermissionSetDetailsApi {
    /// `UpdatePermissionSet` with the values given.
    async fn update_permission_set(
        &self,
        instance_arn: &str,
        arn: &str,
        update: &PermissionSetUpdate,
    ) -> Result<(), AwsError>;
    /// `ListCustomerManagedPolicyReferencesInPermissionSet`, every page.
    async fn list_customer_policies(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<Vec<PolicyReference>, AwsError>;
    /// `AttachCustomerManagedPolicyReferenceToPermissionSet`.
    async fn attach_customer_policy(
        &self,
        instance_arn: &str,
        arn: &str,
        policy: &PolicyReference,
    ) -> Result<(), AwsError>;
    /// `DetachCustomerManagedPolicyReferenceFromPermissionSet`.
    async fn detach_customer_policy(
        &self,
        instance_arn: &str,
        arn: &str,
        policy: &PolicyReference,
    ) -> Result<(), AwsError>;
    /// `GetPermissionsBoundaryForPermissionSet`; `None` when it has none.
    async fn permissions_boundary(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<Option<Boundary>, AwsError>;
    /// `PutPermissionsBoundaryToPermissionSet`.
    async fn put_permissions_boundary(
        &self,
        instance_arn: &str,
        arn: &str,
        boundary: &Boundary,
    ) -> Result<(), AwsError>;
    /// `DeletePermissionsBoundaryFromPermissionSet`.
    async fn delete_permissions_boundary(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<(), AwsError>;
    /// `ListTagsForResource` of a permission set, every page.
    async fn permission_set_tags(
        &self,
        instance_arn: &str,
        arn: &str,
    ) -> Result<Vec<Tag>, AwsError>;
    /// `TagResource` on a permission set (adds the tags, or changes their values).
    async fn tag_permission_set(
        &self,
        instance_arn: &str,
        arn: &str,
        tags: &[Tag],
    ) -> Result<(), AwsError>;
    /// `UntagResource` on a permission set: removes the tags with these keys.
    async fn untag_permission_set(
        &self,
        instance_arn: &str,
        arn: &str,
        keys: &[String],
    ) -> Result<(), AwsError>;
}

/// IAM Identity Center account assignments of groups (`sso-admin`).
pub trait AssignmentApi {
    /// One page of `ListAccountAssignmentsForPrincipal` of a group (`token`: the page to read,
    /// `None` for the first). Read a page at a time so that each page takes its turn in
    /// Identity Center's call budget (see `apply::engine::prefetch::list_each`).
    async fn group_assignments_page(
        &self,
        instance_arn: &str,
        group_id: &str,
        token: Option<String>,
    ) -> Result<Page<AssignmentKey>, AwsError>;
    /// `CreateAccountAssignment` (asynchronous).
    async fn create_assignment(
        &self,
        instance_arn: &str,
        key: &AssignmentKey,
    ) -> Result<RequestStatus, AwsError>;
    /// `DescribeAccountAssignmentCreationStatus`.
    async fn assignment_creation_status(
        &self,
        instance_arn: &str,
        request_id: &str,
    ) -> Result<RequestStatus, AwsError>;
    /// `DeleteAccountAssignment` (asynchronous).
    async fn delete_assignment(
        &self,
        instance_arn: &str,
        key: &AssignmentKey,
    ) -> Result<RequestStatus, AwsError>;
    /// `DescribeAccountAssignmentDeletionStatus`.
    async fn assignment_deletion_status(
        &self,
        instance_arn: &str,
        request_id: &str,
    ) -> Result<RequestStatus, AwsError>;
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
    /// `DescribeSubnets` of the given ids (every subnet for none).
    async fn describe_subnets(&self, ids: &[String]) -> Result<Vec<Subnet>, AwsError>;
    /// `DescribeVpcs`: every VPC of the Region, every page.
    async fn describe_vpcs(&self) -> Result<Vec<Vpc>, AwsError>;
    /// The outbound rules of a security group (`DescribeSecurityGroups`).
    async fn security_group_egress(&self, group_id: &str) -> Result<Vec<EgressRule>, AwsError>;
    /// `DescribeNetworkAcls` of one VPC (filter `vpc-id`), every page.
    async fn describe_network_acls(&self, vpc_id: &str) -> Result<Vec<NetworkAcl>, AwsError>;
    /// `DescribeRouteTables` of one VPC (filter `vpc-id`), every page.
    async fn describe_route_tables(&self, vpc_id: &str) -> Result<Vec<RouteTable>, AwsError>;
}

/// AWS Organizations (`organizations`): what assignment targets resolve against.
pub trait OrganizationsApi {
    /// `DescribeOrganization`; `None` when the account is in no organization
    /// (`AWSOrganizationsNotInUseException`).
    async fn describe_organization(&self) -> Result<Option<Organization>, AwsError>;
    /// `ListRoots`, every page.
    async fn list_roots(&self) -> Result<Vec<OrgUnit>, AwsError>;
    /// `ListOrganizationalUnitsForParent`, every page: the OUs directly under `parent`.
    async fn list_units(&self, parent: &str) -> Result<Vec<OrgUnit>, AwsError>;
    /// `ListAccountsForParent`, every page: the accounts directly under `parent`.
    async fn list_accounts(&self, parent: &str) -> Result<Vec<OrgAccount>, AwsError>;
}

/// Everything apply, status and destroy need.
pub trait Cloud:
    DirectoryApi
    + IdentityCenterApi
    + PermissionSetDetailsApi
    + AssignmentApi
    + IdentityStoreApi
    + AccountApi
    + NetworkApi
    + OrganizationsApi
{
}

impl<T> Cloud for T where
    T: DirectoryApi
        + IdentityCenterApi
        + PermissionSetDetailsApi
        + AssignmentApi
        + IdentityStoreApi
        + AccountApi
        + NetworkApi
        + OrganizationsApi
{
}

/// Opens a [`Cloud`] for a [`Target`]: how the wizard reaches AWS without naming the SDK
/// client. The SDK's is [`sdk::SdkConnect`]; the tests' opens the in-memory fake.
pub trait Connect {
    /// What `connect` opens.
    type Cloud: Cloud;
    /// Opens the clients for `target` (its Region, profile, endpoint and timeouts). Nothing is
    /// called yet: a missing credential or an unreachable endpoint shows in the first call.
    async fn connect(&self, target: &Target) -> Self::Cloud;
}

#[cfg(test)]
pub(crate) mod fake;
