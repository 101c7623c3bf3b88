//! Questions about a plan itself that apply, status, destroy and `onprem-script` all ask: which
//! existing directory it names, which Managed AD domain it creates, which directory its steps
//! look for, which assignments and groups it has.

use std::collections::BTreeSet;

use super::model::{Assignment, Mode, Plan};

impl Plan {
    /// The existing Managed AD id of a trust plan.
    pub fn existing_directory(&self) -> Option<&str> {
        self.connection
            .trust
            .as_ref()
            .and_then(|trust| trust.managed_ad.existing_directory_id.as_deref())
    }

    /// The domain of the Managed AD a trust plan creates.
    pub fn managed_domain(&self) -> Option<&str> {
        self.connection
            .trust
            .as_ref()
            .and_then(|trust| trust.managed_ad.create.as_ref())
            .map(|create| create.domain.as_str())
    }

    /// The name of the directory the plan's steps look for (AD Connector: the self-managed
    /// domain; trust: the Managed AD's domain).
    pub fn directory_name(&self) -> Option<&str> {
        match self.connection.mode {
            Mode::AdConnector => Some(self.self_managed.first().domain.as_str()),
            Mode::Trust | Mode::SimpleAd => self.managed_domain(),
        }
    }

    /// The assignments of `identityCenter` (none without the block).
    pub fn assignments(&self) -> &[Assignment] {
        self.identity_center
            .as_ref()
            .map(|ic| ic.assignments.as_slice())
            .unwrap_or_default()
    }

    /// The distinct groups the assignments name.
    pub fn assignment_groups(&self) -> BTreeSet<&String> {
        self.assignments().iter().map(|a| &a.group).collect()
    }
}
