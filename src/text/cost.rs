//! What a plan's billable resources cost, in words: the one cost table, shown by `adsso apply`
//! (its confirmation and `--dry-run`) and by the wizard before "Save and apply now" creates
//! anything. The figures are rough us-east-1 on-demand list prices from the AWS Directory Service
//! pricing page, with the date they were noted; creation times are from the Directory Service
//! admin guide (see `aws-facts.md`).

use crate::plan::billable::{Billable, billable};
use crate::plan::{ConnectorSize, Edition, Plan};

/// Where the prices come from, and when they were noted.
pub const PRICES_SOURCE: &str = "https://aws.amazon.com/directoryservice/pricing/";
/// When the figures below were noted.
pub const PRICES_AS_OF: &str = "2025";
/// Hours in the month AWS's pricing examples use.
const HOURS_A_MONTH: u64 = 730;

/// The price and the creation time of one billable resource.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Price {
    /// What it is, in words.
    pub name: &'static str,
    /// Thousandths of a USD an hour, for the whole resource.
    pub hourly_mills: u64,
    /// How the hourly price is made, in words.
    pub basis: &'static str,
    /// How long AWS takes to create it.
    pub creation: &'static str,
}

impl Price {
    /// The rough monthly cost, in whole USD.
    pub fn monthly(&self) -> u64 {
        // Rounded to a whole dollar: these are rough figures.
        (self.hourly_mills * HOURS_A_MONTH + 500) / 1000
    }
}

/// The price of `item`.
pub fn price(item: Billable) -> Price {
    match item {
        Billable::ManagedAd(Edition::Standard) => Price {
            name: "AWS Managed Microsoft AD, Standard edition",
            hourly_mills: 240,
            basis: "USD 0.12 an hour per domain controller, two domain controllers",
            creation: "20-45 minutes",
        },
        Billable::ManagedAd(Edition::Enterprise) => Price {
            name: "AWS Managed Microsoft AD, Enterprise edition",
            hourly_mills: 800,
            basis: "USD 0.40 an hour per domain controller, two domain controllers",
            creation: "20-45 minutes",
        },
        Billable::AdConnector(ConnectorSize::Small) => Price {
            name: "AD Connector, Small",
            hourly_mills: 50,
            basis: "USD 0.05 an hour",
            creation: "several minutes",
        },
        Billable::AdConnector(ConnectorSize::Large) => Price {
            name: "AD Connector, Large",
            hourly_mills: 125,
            basis: "USD 0.125 an hour",
            creation: "several minutes",
        },
    }
}

/// One billable item as a line.
pub fn item_line(item: Billable) -> String {
    let price = price(item);
    format!(
        "  - {}: about USD {} a month ({}); AWS takes {} to create it",
        price.name,
        price.monthly(),
        price.basis,
        price.creation
    )
}

/// What applying `plan` creates that AWS bills, with the rough cost and the caveats; or that
/// nothing billable is created.
pub fn cost_lines(plan: &Plan) -> Vec<String> {
    let items = billable(plan);
    if items.is_empty() {
        let what = match plan.existing_directory() {
            Some(id) => format!("it uses the existing directory {id}"),
            None => "it creates no directory".to_owned(),
        };
        return vec![format!(
            "Cost: nothing billable is created: {what} (trusts, conditional forwarders, permission sets and assignments cost nothing)."
        )];
    }
    let mut lines = vec![
        "Cost: apply creates, billed by the hour from creation until you delete it:".to_owned(),
    ];
    lines.extend(items.into_iter().map(item_line));
    lines.push(format!(
        "  Rough us-east-1 list prices noted in {PRICES_AS_OF} ({PRICES_SOURCE}): per Region, excluding data transfer and taxes; other Regions cost more."
    ));
    lines
}

/// The one question before apply creates anything (`adsso apply` and the plain wizard).
pub const APPLY_QUESTION: &str = "Apply these steps to AWS?";
/// Its help in the plain wizard.
pub const APPLY_QUESTION_HELP: &str =
    "y applies; n keeps the plan saved and creates nothing; Esc goes back to the file name";
/// The full-screen wizard's one question before apply now creates anything.
pub const CONFIRM_APPLY_KEYS: &str = "Apply these steps to AWS? Enter applies; Esc goes back to Finish and q quits (the plan stays saved, nothing is created).";

/// How to run preflight before applying `file`.
pub fn preflight_hint(file: &str) -> String {
    format!(
        "Preflight: `adsso preflight {file}` checks the self-managed AD from this machine before anything is created."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_item_has_its_monthly_cost_and_creation_time() {
        let cases = [
            (Billable::ManagedAd(Edition::Standard), 175, "20-45 minutes"),
            (
                Billable::ManagedAd(Edition::Enterprise),
                584,
                "20-45 minutes",
            ),
            (
                Billable::AdConnector(ConnectorSize::Small),
                37,
                "several minutes",
            ),
            (
                Billable::AdConnector(ConnectorSize::Large),
                91,
                "several minutes",
            ),
        ];
        for (item, monthly, creation) in cases {
            let line = item_line(item);
            assert!(
                line.contains(&format!("about USD {monthly} a month")),
                "{line}"
            );
            assert!(line.contains(creation), "{line}");
        }
        assert!(
            item_line(Billable::ManagedAd(Edition::Standard)).contains("two domain controllers")
        );
    }
}
