//! Discovery for the wizard: what already exists in the chosen Region (the account, the
//! Identity Center instance, VPCs and subnets with their names, zones and ranges, directories), read
//! through the [`Cloud`] trait (in the background, by [`super::effects`]), so the operator
//! picks instead of typing. Without credentials or network it reports why once, and the wizard
//! falls back to typed input. Also the checks that only discovery makes possible (two AZs,
//! subnets in the VPC, a usable existing directory).

use std::collections::BTreeMap;
use std::time::Duration;

use super::draft::{Draft, FieldId, ManagedAdSource};
use crate::aws::{Cloud, Directory, DirectoryKind, DirectoryStage, Instance, Subnet, Vpc};
use crate::plan::Mode;
use crate::text::wizard as words;

/// Each discovery call gives up after this long.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(10);

/// What exists in one Region.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The Region read.
    pub region: String,
    /// The credentials' account.
    pub account: String,
    /// The Identity Center instance, when there is one.
    pub instance: Option<Instance>,
    /// Every subnet, with its VPC, AZ, range and name.
    pub subnets: Vec<Subnet>,
    /// Every VPC, with its range and name (empty when `DescribeVpcs` failed: the VPCs of the
    /// subnets are still offered).
    pub vpc_details: Vec<Vpc>,
    /// Every directory.
    pub directories: Vec<Directory>,
}

impl Found {
    /// The VPC ids, sorted, once each: the VPCs with subnets first (a directory needs two),
    /// then those without.
    pub fn vpcs(&self) -> Vec<String> {
        let mut with_subnets: Vec<String> = self.subnets.iter().map(|s| s.vpc_id.clone()).collect();
        with_subnets.sort();
        with_subnets.dedup();
        let mut without: Vec<String> = self
            .vpc_details
            .iter()
            .map(|vpc| vpc.id.clone())
            .filter(|id| !with_subnets.contains(id))
            .collect();
        without.sort();
        without.dedup();
        with_subnets.extend(without);
        with_subnets
    }

    /// What discovery knows of a picked value, to show beside it: a VPC's name and range, a
    /// subnet's name, Availability Zone and range (`None` for other fields or unknown values).
    pub fn label(&self, id: FieldId, value: &str) -> Option<String> {
        let parts: Vec<&str> = match id {
            FieldId::VpcId => {
                let vpc = self.vpc_details.iter().find(|vpc| vpc.id == value)?;
                vec![vpc.name.as_str(), vpc.cidr.as_str()]
            }
            FieldId::Subnet1 | FieldId::Subnet2 => {
                let subnet = self.subnet(value)?;
                vec![
                    subnet.name.as_str(),
                    subnet.availability_zone.as_str(),
                    subnet.cidr.as_str(),
                ]
            }
            _ => return None,
        };
        let parts: Vec<&str> = parts.into_iter().filter(|part| !part.is_empty()).collect();
        (!parts.is_empty()).then(|| crate::text::untrusted::line(&parts.join(" · ")).into_owned())
    }

    /// Where the second subnet's picker starts: the first subnet of the VPC in another
    /// Availability Zone than the first subnet's (a directory needs two zones).
    pub fn second_subnet_start(&self, draft: &Draft) -> Option<usize> {
        let first_zone = &self.subnet(draft.get(FieldId::Subnet1))?.availability_zone;
        self.subnets_of(draft.get(FieldId::VpcId))
            .iter()
            .position(|subnet| subnet.availability_zone != *first_zone)
    }

    /// The subnets of `vpc`, sorted by AZ then id.
    pub fn subnets_of(&self, vpc: &str) -> Vec<&Subnet> {
        let mut subnets: Vec<&Subnet> = self.subnets.iter().filter(|s| s.vpc_id == vpc).collect();
        subnets.sort_by(|a, b| (&a.availability_zone, &a.id).cmp(&(&b.availability_zone, &b.id)));
        subnets
    }

    /// The subnet with this id.
    pub fn subnet(&self, id: &str) -> Option<&Subnet> {
        self.subnets.iter().find(|s| s.id == id)
    }

    /// The directories a trust can use (Managed Microsoft AD).
    pub fn trust_capable(&self) -> Vec<&Directory> {
        self.directories
            .iter()
            .filter(|d| unusable_reason(d).is_none())
            .collect()
    }

    /// The values `id` can take, for ← → picking; empty when discovery has none.
    pub fn candidates(&self, id: FieldId, draft: &Draft) -> Vec<String> {
        match id {
            FieldId::VpcId => self.vpcs(),
            FieldId::Subnet1 | FieldId::Subnet2 => self
                .subnets_of(draft.get(FieldId::VpcId))
                .iter()
                .map(|s| s.id.clone())
                .collect(),
            FieldId::ExistingDirectoryId => {
                self.trust_capable().iter().map(|d| d.id.clone()).collect()
            }
            _ => Vec::new(),
        }
    }
}

/// Fills what discovery answers for certain: the account guard, when it is still empty, is
/// the credentials' account (the operator can change it; a different one is then an error).
pub fn prefill(draft: &mut Draft, found: &Found) {
    if draft.get(FieldId::AccountId).trim().is_empty() && !found.account.is_empty() {
        draft.set(FieldId::AccountId, found.account.clone());
    }
}

/// Why a directory cannot carry a two-way trust for Identity Center, if it cannot.
pub fn unusable_reason(directory: &Directory) -> Option<&'static str> {
    match directory.kind {
        DirectoryKind::SimpleAd => Some(words::UNUSABLE_SIMPLE_AD),
        DirectoryKind::AdConnector => Some(words::UNUSABLE_AD_CONNECTOR),
        DirectoryKind::SharedMicrosoftAd | DirectoryKind::Other(_) => Some(words::UNUSABLE_OTHER),
        DirectoryKind::MicrosoftAd => None,
    }
}

/// Errors only discovery can find, by field.
pub fn errors(draft: &Draft, found: &Found) -> BTreeMap<FieldId, String> {
    let mut errors = BTreeMap::new();
    let account = draft.get(FieldId::AccountId).trim();
    if !account.is_empty() && !found.account.is_empty() && account != found.account {
        errors.insert(FieldId::AccountId, words::other_account(&found.account));
    }
    if let Some(instance) = &found.instance
        && !found.account.is_empty()
        && instance.owner_account != found.account
    {
        errors
            .entry(FieldId::Region)
            .or_insert_with(|| words::instance_elsewhere(&instance.owner_account));
    }
    let managed_existing =
        draft.mode == Mode::Trust && draft.managed_ad_source() == ManagedAdSource::Existing;
    if !managed_existing {
        let vpc = draft.get(FieldId::VpcId);
        let subnets =
            [FieldId::Subnet1, FieldId::Subnet2].map(|id| (id, found.subnet(draft.get(id))));
        for (id, subnet) in subnets {
            if let Some(subnet) = subnet.filter(|s| !vpc.is_empty() && s.vpc_id != vpc) {
                errors.insert(id, words::subnet_not_in_vpc(&subnet.id, &subnet.vpc_id));
            }
        }
        if let [(_, Some(first)), (_, Some(second))] = subnets
            && first.id != second.id
            && first.availability_zone == second.availability_zone
        {
            errors
                .entry(FieldId::Subnet2)
                .or_insert_with(|| words::same_az(&first.availability_zone));
        }
    }
    if managed_existing {
        let id = draft.get(FieldId::ExistingDirectoryId);
        if let Some(directory) = found.directories.iter().find(|d| d.id == id) {
            if let Some(reason) = unusable_reason(directory) {
                errors.insert(FieldId::ExistingDirectoryId, reason.to_owned());
            } else if directory.stage != DirectoryStage::Active {
                errors.insert(
                    FieldId::ExistingDirectoryId,
                    words::DIRECTORY_NOT_ACTIVE.to_owned(),
                );
            }
        }
    }
    errors
}

async fn bounded<T>(
    call: impl Future<Output = Result<T, crate::aws::AwsError>>,
) -> Result<T, String> {
    match tokio::time::timeout(CALL_TIMEOUT, call).await {
        Ok(result) => result.map_err(|error| error.to_string()),
        Err(_) => Err(words::DISCOVERY_TIMEOUT.to_owned()),
    }
}

/// Reads what exists in `region` through `cloud` (opened for that Region), each call bounded by
/// [`CALL_TIMEOUT`]: the account first (without it nothing else is worth reading, and its
/// error says why), then the instance, subnets and directories together; any of those three
/// that fails is shown as none.
pub async fn read<C: Cloud>(cloud: &C, region: &str) -> Result<Found, String> {
    let identity = bounded(cloud.caller_identity()).await?;
    let (instances, subnets, vpcs, directories) = tokio::join!(
        bounded(cloud.list_instances()),
        bounded(cloud.describe_subnets(&[])),
        bounded(cloud.describe_vpcs()),
        bounded(cloud.describe_directories(&[])),
    );
    Ok(Found {
        region: region.to_owned(),
        account: identity.account,
        instance: instances.ok().and_then(|list| list.into_iter().next()),
        subnets: subnets.unwrap_or_default(),
        vpc_details: vpcs.unwrap_or_default(),
        directories: directories.unwrap_or_default(),
    })
}
