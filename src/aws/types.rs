//! What adsso reads from and sends to AWS, in its own types: the SDK's types stay inside
//! [`crate::aws::sdk`], so the steps and their tests never see them.

use std::fmt;

/// The kind of a Directory Service directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectoryKind {
    /// An AD Connector.
    AdConnector,
    /// An AWS Managed Microsoft AD.
    MicrosoftAd,
    /// A Managed Microsoft AD shared from another account.
    SharedMicrosoftAd,
    /// Simple AD (unsupported by Identity Center).
    SimpleAd,
    /// A type this version of adsso does not know.
    Other(String),
}

impl fmt::Display for DirectoryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DirectoryKind::AdConnector => "ADConnector",
            DirectoryKind::MicrosoftAd => "MicrosoftAD",
            DirectoryKind::SharedMicrosoftAd => "SharedMicrosoftAD",
            DirectoryKind::SimpleAd => "SimpleAD",
            DirectoryKind::Other(other) => other,
        })
    }
}

/// The lifecycle stage of a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectoryStage {
    /// Still being created (Requested, Creating, Created).
    Creating(String),
    /// Ready.
    Active,
    /// Usable later, not now (Updating, Restoring, Impaired, Inoperable).
    Busy(String),
    /// Failed (Failed, RestoreFailed).
    Failed(String),
    /// Being deleted or deleted.
    Deleting(String),
}

impl DirectoryStage {
    /// Classifies a stage name as Directory Service spells it.
    pub fn from_name(name: &str) -> Self {
        match name {
            "Active" => DirectoryStage::Active,
            "Requested" | "Creating" | "Created" => DirectoryStage::Creating(name.to_owned()),
            "Failed" | "RestoreFailed" => DirectoryStage::Failed(name.to_owned()),
            "Deleting" | "Deleted" => DirectoryStage::Deleting(name.to_owned()),
            other => DirectoryStage::Busy(other.to_owned()),
        }
    }

    /// The stage as Directory Service spells it.
    pub fn name(&self) -> &str {
        match self {
            DirectoryStage::Active => "Active",
            DirectoryStage::Creating(name)
            | DirectoryStage::Busy(name)
            | DirectoryStage::Failed(name)
            | DirectoryStage::Deleting(name) => name,
        }
    }
}

/// A directory as `DescribeDirectories` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directory {
    /// `d-` id.
    pub id: String,
    /// The directory's DNS name.
    pub name: String,
    /// Its type.
    pub kind: DirectoryKind,
    /// Its stage.
    pub stage: DirectoryStage,
    /// Why it is in that stage (empty when AWS gives no reason).
    pub stage_reason: String,
    /// DNS server addresses (Managed AD: its domain controllers).
    pub dns_ips: Vec<String>,
    /// The VPC.
    pub vpc_id: Option<String>,
    /// The security group AWS created for the directory.
    pub security_group_id: Option<String>,
    /// A Managed AD's edition (`Standard`, `Enterprise`, `Hybrid`); `None` for other types.
    pub edition: Option<String>,
    /// What `import` needs to write the plan again: the NetBIOS name, the size, the subnets
    /// and, for an AD Connector, its connect settings.
    pub details: DirectoryDetails,
}

/// The parts of a directory's description only `import` reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirectoryDetails {
    /// `ShortName`: the NetBIOS name.
    pub short_name: String,
    /// `Size` (AD Connector: `Small` or `Large`).
    pub size: Option<String>,
    /// The directory's subnets (ConnectSettings or VpcSettings).
    pub subnet_ids: Vec<String>,
    /// An AD Connector's service account (`CustomerUserName`). (Its self-managed DNS servers
    /// are the directory's `dns_ips`.)
    pub customer_user_name: Option<String>,
}

impl Directory {
    /// The issuer Identity Center gives the external ids of users and groups synced from this
    /// directory: `arn:aws:ds:<region>:<account>:directory/<id>`.
    pub fn issuer(&self, region: &str, account: &str) -> String {
        format!("arn:aws:ds:{region}:{account}:directory/{}", self.id)
    }
}

/// The state of a trust.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrustState {
    /// Creating, Created, Verifying, Updating, Updated: AWS is still working.
    Pending(String),
    /// Verified: both sides answer.
    Verified,
    /// VerifyFailed: normal for the first side of a two-way trust until the other side exists.
    VerifyFailed,
    /// Failed, UpdateFailed.
    Failed(String),
    /// Deleting, Deleted.
    Deleting(String),
}

impl TrustState {
    /// Classifies a state name as Directory Service spells it.
    pub fn from_name(name: &str) -> Self {
        match name {
            "Verified" => TrustState::Verified,
            "VerifyFailed" => TrustState::VerifyFailed,
            "Failed" | "UpdateFailed" => TrustState::Failed(name.to_owned()),
            "Deleting" | "Deleted" => TrustState::Deleting(name.to_owned()),
            other => TrustState::Pending(other.to_owned()),
        }
    }

    /// The state as Directory Service spells it.
    pub fn name(&self) -> &str {
        match self {
            TrustState::Verified => "Verified",
            TrustState::VerifyFailed => "VerifyFailed",
            TrustState::Pending(name) | TrustState::Failed(name) | TrustState::Deleting(name) => {
                name
            }
        }
    }
}

/// A trust as `DescribeTrusts` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustInfo {
    /// `t-` id.
    pub id: String,
    /// The directory it belongs to.
    pub directory_id: String,
    /// The other domain.
    pub remote_domain: String,
    /// `Two-Way`, `One-Way: Outgoing`, `One-Way: Incoming`.
    pub direction: String,
    /// `Forest` or `External`.
    pub trust_type: String,
    /// `Enabled` or `Disabled`.
    pub selective_auth: String,
    /// Its state.
    pub state: TrustState,
    /// Why (empty when AWS gives no reason).
    pub state_reason: String,
}

/// A conditional forwarder of a Managed AD.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forwarder {
    /// The domain forwarded.
    pub remote_domain: String,
    /// Where to.
    pub dns_ips: Vec<String>,
}

/// Who the credentials belong to (`sts GetCallerIdentity`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallerIdentity {
    /// 12-digit account id.
    pub account: String,
    /// The caller's ARN.
    pub arn: String,
}

/// An IAM Identity Center instance (`sso-admin ListInstances`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    /// `arn:aws:sso:::instance/ssoins-...`.
    pub arn: String,
    /// Its identity store.
    pub identity_store_id: String,
    /// The owner account.
    pub owner_account: String,
    /// Its status.
    pub status: InstanceStatus,
}

/// The status of an Identity Center instance, as `ListInstances` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstanceStatus {
    /// `ACTIVE`: usable.
    Active,
    /// `CREATE_IN_PROGRESS`.
    CreateInProgress,
    /// `DELETE_IN_PROGRESS`.
    DeleteInProgress,
    /// A status this version of adsso does not know (as AWS spells it).
    Other(String),
}

impl InstanceStatus {
    /// Classifies a status as sso-admin spells it.
    pub fn from_name(name: &str) -> Self {
        match name {
            "ACTIVE" => InstanceStatus::Active,
            "CREATE_IN_PROGRESS" => InstanceStatus::CreateInProgress,
            "DELETE_IN_PROGRESS" => InstanceStatus::DeleteInProgress,
            other => InstanceStatus::Other(other.to_owned()),
        }
    }

    /// The status as sso-admin spells it.
    pub fn name(&self) -> &str {
        match self {
            InstanceStatus::Active => "ACTIVE",
            InstanceStatus::CreateInProgress => "CREATE_IN_PROGRESS",
            InstanceStatus::DeleteInProgress => "DELETE_IN_PROGRESS",
            InstanceStatus::Other(name) => name,
        }
    }
}

/// Shown escaped: an unknown status is text from AWS.
impl fmt::Display for InstanceStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::untrusted::line(self.name()))
    }
}

/// A group of the identity store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Group id.
    pub id: String,
    /// Display name (`Name@domain` for AD-synced groups).
    pub display_name: String,
    /// Issuers of its external ids (`arn:aws:ds:...:directory/d-...` for AD-synced groups).
    pub issuers: Vec<String>,
}

/// A subnet (`ec2 DescribeSubnets`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subnet {
    /// `subnet-` id.
    pub id: String,
    /// Its VPC.
    pub vpc_id: String,
    /// Its Availability Zone.
    pub availability_zone: String,
    /// Its IPv4 range (empty when AWS gave none).
    pub cidr: String,
    /// Its `Name` tag (empty when it has none).
    pub name: String,
}

/// A VPC (`ec2 DescribeVpcs`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vpc {
    /// `vpc-` id.
    pub id: String,
    /// Its primary IPv4 range.
    pub cidr: String,
    /// Its `Name` tag (empty when it has none).
    pub name: String,
}

/// An outbound rule of a security group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EgressRule {
    /// `tcp`, `udp`, `icmp` or `-1` (every protocol).
    pub protocol: String,
    /// First port (absent for every protocol).
    pub from_port: Option<i32>,
    /// Last port.
    pub to_port: Option<i32>,
    /// IPv4 destinations (CIDR).
    pub cidrs: Vec<String>,
}

/// A tag.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tag {
    /// Key.
    pub key: String,
    /// Value.
    pub value: String,
}

/// `ConnectDirectory` parameters, except the service account password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectDirectoryRequest {
    /// The self-managed domain's DNS name.
    pub name: String,
    /// Its NetBIOS name.
    pub short_name: String,
    /// Shown in the console.
    pub description: String,
    /// `Small` or `Large`.
    pub size: String,
    /// The VPC.
    pub vpc_id: String,
    /// Two subnets.
    pub subnet_ids: Vec<String>,
    /// The self-managed DNS servers.
    pub customer_dns_ips: Vec<String>,
    /// The service account.
    pub customer_user_name: String,
    /// Tags, `adsso:plan` included.
    pub tags: Vec<Tag>,
}

/// `CreateMicrosoftAD` parameters, except the Admin password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateManagedAdRequest {
    /// The AWS domain's DNS name.
    pub name: String,
    /// Its NetBIOS name.
    pub short_name: String,
    /// Shown in the console.
    pub description: String,
    /// `Standard` or `Enterprise`.
    pub edition: String,
    /// The VPC.
    pub vpc_id: String,
    /// Two subnets.
    pub subnet_ids: Vec<String>,
    /// Tags, `adsso:plan` included.
    pub tags: Vec<Tag>,
}

/// `CreateTrust` parameters, except the trust password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateTrustRequest {
    /// The Managed AD.
    pub directory_id: String,
    /// The self-managed domain.
    pub remote_domain: String,
    /// Always `Two-Way` from adsso.
    pub direction: String,
    /// `Forest` or `External`.
    pub trust_type: String,
    /// The self-managed DNS servers (the conditional forwarder).
    pub forwarder_ips: Vec<String>,
    /// `Enabled` or `Disabled`.
    pub selective_auth: String,
}
