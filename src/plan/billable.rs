//! What applying a plan creates that AWS bills by the hour: the one list `adsso apply` (its
//! confirmation and `--dry-run`) and the wizard's "Save and apply now" show, priced in
//! [`crate::text::cost`]. Trusts, conditional forwarders, permission sets and assignments cost
//! nothing; a plan that uses an existing directory creates nothing billable.

use super::{ConnectorSize, Edition, Mode, Plan};

/// One billable resource a plan creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Billable {
    /// A new AWS Managed Microsoft AD of this edition (two domain controllers).
    ManagedAd(Edition),
    /// A new AD Connector of this size.
    AdConnector(ConnectorSize),
}

/// The billable resources applying `plan` creates (none when it reuses a directory).
pub fn billable(plan: &Plan) -> Vec<Billable> {
    match plan.connection.mode {
        Mode::AdConnector => plan
            .connection
            .ad_connector
            .as_ref()
            .map(|connector| Billable::AdConnector(connector.size))
            .into_iter()
            .collect(),
        Mode::Trust | Mode::SimpleAd => plan
            .connection
            .trust
            .as_ref()
            .filter(|trust| trust.managed_ad.existing_directory_id.is_none())
            .and_then(|trust| trust.managed_ad.create.as_ref())
            .map(|create| Billable::ManagedAd(create.edition))
            .into_iter()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::plan::example;

    fn with_edition(edition: Edition) -> Plan {
        let mut plan = example("trust.yaml");
        if let Some(create) = plan
            .connection
            .trust
            .as_mut()
            .and_then(|t| t.managed_ad.create.as_mut())
        {
            create.edition = edition;
        }
        plan
    }

    fn with_size(size: ConnectorSize) -> Plan {
        let mut plan = example("ad-connector.yaml");
        if let Some(connector) = plan.connection.ad_connector.as_mut() {
            connector.size = size;
        }
        plan
    }

    #[test]
    fn a_new_managed_ad_is_billed_at_its_edition() {
        for edition in [Edition::Standard, Edition::Enterprise] {
            assert_eq!(
                billable(&with_edition(edition)),
                vec![Billable::ManagedAd(edition)]
            );
        }
    }

    #[test]
    fn a_connector_is_billed_at_its_size() {
        for size in [ConnectorSize::Small, ConnectorSize::Large] {
            assert_eq!(
                billable(&with_size(size)),
                vec![Billable::AdConnector(size)]
            );
        }
    }

    #[test]
    fn an_existing_directory_creates_nothing_billable() {
        let mut plan = example("trust.yaml");
        if let Some(trust) = plan.connection.trust.as_mut() {
            trust.managed_ad.create = None;
            trust.managed_ad.existing_directory_id = Some("d-0123456789".into());
        }
        assert!(plan.existing_directory().is_some());
        assert_eq!(billable(&plan), vec![]);
    }
}
