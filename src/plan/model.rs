//! The plan format v1: the serde model of `apiVersion: adsso/v1, kind: Plan`.
//!
//! The keys here are the product contract (see the README). Every struct refuses unknown keys so
//! a typo never passes silently. The model holds what the operator wrote; [`crate::plan::validate`]
//! decides whether it can be applied. Secrets are never stored here, only [`SecretRef`]s.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use super::domains::{DomainTrust, DomainsForm, SelfManagedDomains, TrustOverride};
use super::secret::SecretRef;

/// A complete plan: how one self-managed AD gets connected to IAM Identity Center.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(title = "adsso plan v1")]
pub struct Plan {
    /// Format version; only `adsso/v1` exists.
    pub api_version: ApiVersion,
    /// Document kind; always `Plan`.
    pub kind: Kind,
    /// The plan's name, also used to tag what `apply` creates.
    pub metadata: Metadata,
    /// The AWS account and Region that hold IAM Identity Center.
    pub aws: Aws,
    /// The existing, self-managed Active Directory domain, or (trust mode) a list of domains,
    /// each with its own two-way trust.
    pub self_managed: SelfManagedDomains,
    /// How the self-managed domain is reached: AD Connector or a two-way trust.
    pub connection: Connection,
    /// Permission sets and group assignments to create once AD groups are synced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_center: Option<IdentityCenter>,
    /// Tags added to every resource that `apply` creates.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

/// The plan format version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ApiVersion {
    /// Version 1 of the plan format.
    #[serde(rename = "adsso/v1")]
    V1,
}

/// The document kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Kind {
    /// A plan.
    Plan,
}

/// Plan metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Metadata {
    /// `[a-z0-9-]{1,63}`; the value of the `adsso:plan` tag on what apply creates.
    pub name: String,
}

/// Where IAM Identity Center lives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Aws {
    /// The Region of the Identity Center instance (the directory must be in the same Region).
    pub region: String,
    /// Optional guard: `apply` refuses to run against any other account (12 digits, quoted).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::quoted::optional"
    )]
    pub account_id: Option<String>,
}

/// The self-managed (on-premises or EC2) Active Directory domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SelfManaged {
    /// The domain's DNS name, at least two labels (`corp.example.com`).
    pub domain: String,
    /// The domain's NetBIOS name, 1-15 characters (`CORP`).
    pub netbios_name: String,
    /// IPv4 addresses of DNS servers that answer for the domain, 1 to 4 (2 advised).
    pub dns_servers: Vec<String>,
    /// Trust mode: what this domain's trust sets differently from `connection.trust`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust: Option<TrustOverride>,
}

/// How Identity Center reaches the self-managed domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Connection {
    /// Which of the two supported ways is used.
    pub mode: Mode,
    /// Required when `mode` is `ad-connector`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ad_connector: Option<AdConnector>,
    /// Required when `mode` is `trust`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust: Option<Trust>,
}

/// The connection mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// An AD Connector: a proxy to the self-managed AD that caches nothing.
    AdConnector,
    /// An AWS Managed Microsoft AD with a two-way trust to the self-managed domain.
    Trust,
    /// Simple AD. Recognised only so validation can refuse it with the reason:
    /// IAM Identity Center does not support Simple AD.
    #[schemars(skip)]
    SimpleAd,
}

/// AD Connector settings (`ConnectDirectory`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdConnector {
    /// `Small` or `Large`.
    pub size: ConnectorSize,
    /// The VPC that holds the connector (`vpc-` id).
    pub vpc_id: String,
    /// Exactly two subnets of that VPC in different Availability Zones.
    pub subnet_ids: Vec<String>,
    /// The self-managed account the connector uses to read users and groups.
    pub service_account: ServiceAccount,
}

/// AD Connector size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ConnectorSize {
    /// Small connector.
    Small,
    /// Large connector.
    Large,
}

/// The AD Connector's service account in the self-managed domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServiceAccount {
    /// The sAMAccountName, `[a-zA-Z0-9._-]+`, without `DOMAIN\` or `@domain`.
    pub user_name: String,
    /// Where apply reads the password from.
    pub password: SecretRef,
}

/// The two-way trust between an AWS Managed Microsoft AD and the self-managed domain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Trust {
    /// Only `two-way` works with Identity Center; the one-way forms are refused with the reason.
    pub direction: TrustDirection,
    /// `forest` or `external`.
    #[serde(rename = "type")]
    pub trust_type: TrustType,
    /// Selective authentication on the AWS side of the trust.
    #[serde(default)]
    pub selective_auth: bool,
    /// The trust password; it must equal the one used on the self-managed side.
    pub password: SecretRef,
    /// The AWS Managed Microsoft AD: an existing one or one to create.
    pub managed_ad: ManagedAd,
}

/// Trust direction, seen from the AWS Managed Microsoft AD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TrustDirection {
    /// Both directions: sign-in and sync both work.
    TwoWay,
    /// Only the AWS domain trusts the self-managed one. Refused: sync breaks.
    #[schemars(skip)]
    OneWayOutgoing,
    /// Only the self-managed domain trusts the AWS one. Refused: sign-in breaks.
    #[schemars(skip)]
    OneWayIncoming,
}

/// Trust type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TrustType {
    /// A forest trust (the usual choice).
    Forest,
    /// An external (domain) trust.
    External,
}

/// The AWS Managed Microsoft AD side of a trust: exactly one of the two keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ManagedAd {
    /// An existing Managed Microsoft AD (`d-` id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub existing_directory_id: Option<String>,
    /// A Managed Microsoft AD to create.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create: Option<NewManagedAd>,
}

/// Settings for a new AWS Managed Microsoft AD (`CreateMicrosoftAD`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewManagedAd {
    /// The AWS domain's DNS name; must differ from the self-managed domain.
    pub domain: String,
    /// The AWS domain's NetBIOS name; must differ from the self-managed one.
    pub netbios_name: String,
    /// `Standard` or `Enterprise`.
    pub edition: Edition,
    /// The VPC for the directory's domain controllers.
    pub vpc_id: String,
    /// Exactly two subnets of that VPC in different Availability Zones.
    pub subnet_ids: Vec<String>,
    /// The password of the directory's `Admin` user.
    pub admin_password: SecretRef,
}

/// Managed Microsoft AD edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Edition {
    /// Standard edition.
    Standard,
    /// Enterprise edition.
    Enterprise,
}

/// What to set up in IAM Identity Center once the directory is its identity source.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IdentityCenter {
    /// The instance ARN; discovered with `ListInstances` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_arn: Option<String>,
    /// Permission sets to create (or existing ones to reference).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permission_sets: Vec<PermissionSet>,
    /// Which AD groups get which permission set in which accounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assignments: Vec<Assignment>,
}

/// A permission set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PermissionSet {
    /// The permission set name, `[\w+=,.@-]{1,32}`.
    pub name: String,
    /// `true` when the permission set already exists in Identity Center and is only referenced.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub existing: bool,
    /// ISO 8601 duration between `PT1H` and `PT12H`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_duration: Option<String>,
    /// AWS managed policy ARNs to attach.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub managed_policies: Vec<String>,
    /// An inline IAM policy: the JSON document as text (as the IAM console shows it, usually
    /// written as a block scalar, `inlinePolicy: |`), at most 32768 characters. It has `Version`
    /// and `Statement`; each statement has `Effect`, `Action` or `NotAction`, `Resource` or
    /// `NotResource`, and no `Principal`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inline_policy: Option<String>,
    /// Shown in the console and the access portal: 1-700 characters (tab, newline and
    /// U+0020-U+00FF less U+007F-U+00A0). Without it, a new set says which plan created it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the console goes after sign-in (`https://console.aws.amazon.com/s3`): 1-240
    /// characters of ASCII letters, digits and `&$@#\/%?=~-_'"|!:,.;*+[] (){}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relay_state: Option<String>,
    /// Customer managed policies (by name and path) that must exist in every account the set is
    /// assigned in; extra ones attached to the set are detached.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub customer_managed_policies: Vec<CustomerManagedPolicy>,
    /// The permissions boundary of the set's roles: exactly one of an AWS managed policy ARN or
    /// a customer managed policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<PermissionsBoundary>,
    /// Tags of this permission set (with the plan's `tags`; the same rules).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tags: BTreeMap<String, String>,
}

/// A customer managed policy reference: a policy of this name and path in each account.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CustomerManagedPolicy {
    /// The IAM policy's name, `[\w+=,.@-]{1,128}`.
    pub name: String,
    /// The IAM policy's path, `/` (the default) or `/segment/.../`, at most 512 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl CustomerManagedPolicy {
    /// The path, `/` when the plan gives none.
    pub fn path(&self) -> &str {
        self.path
            .as_deref()
            .unwrap_or(super::rules::DEFAULT_POLICY_PATH)
    }
}

/// A permissions boundary: exactly one of the two keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PermissionsBoundary {
    /// An AWS managed policy (`arn:aws:iam::aws:policy/...`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_policy_arn: Option<String>,
    /// A customer managed policy of this name and path in each account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_managed_policy: Option<CustomerManagedPolicy>,
}

/// One group assignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Assignment {
    /// A group of the self-managed AD (once synced into Identity Center).
    pub group: String,
    /// The name of a permission set of this plan.
    pub permission_set: String,
    /// 12-digit AWS account ids, quoted. At least one of `accounts` and
    /// `organizationalUnits` is given.
    #[serde(
        default,
        deserialize_with = "super::quoted::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub accounts: Vec<String>,
    /// AWS Organizations targets, resolved at apply time to their ACTIVE accounts, nested OUs
    /// included: OU ids (`ou-ab12-34cd56ef`), the root id (`r-ab12`: every account) or paths of
    /// OU names from the root (`Root/Workloads/Prod`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organizational_units: Vec<String>,
    /// 12-digit account ids, quoted, left out of what `organizationalUnits` resolves to.
    #[serde(
        default,
        deserialize_with = "super::quoted::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub exclude_accounts: Vec<String>,
    /// `true`: apply also deletes this group's assignments of this permission set in accounts
    /// the entry no longer targets (listed before, and only after the confirmation).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub prune: bool,
}
