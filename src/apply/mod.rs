//! Apply as ordered steps: the plan becomes a list of [`Step`]s, each with a `describe()` used
//! by the confirmation, `--dry-run` and progress. The [`executor`] runs them against any
//! [`crate::aws::Cloud`]: every step reads what exists first and skips what is done, so a re-run
//! converges without a state file. What apply creates is tagged `adsso:plan=<metadata.name>`.

pub mod engine;
pub mod needs;
pub mod steps;
pub mod summary;

pub use engine::{error, events, executor, throughput, wait};
pub(crate) use steps::permission_set_calls;
pub use steps::{assignments, calls, gates, guards, network};

use crate::plan::{Mode, Plan};

pub use error::ApplyError;
pub use events::{Call, Event, Reporter};
pub use executor::{ApplyOutcome, Executor, GateMode, RunContext, RunMode, RunOptions, Secrets};
pub use wait::WaitPolicy;

/// The tag key that marks what apply created (one definition, in the plan's rules).
pub use crate::plan::rules::PLAN_TAG;

/// One step of apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The credentials' account must be the plan's `aws.accountId` (STS).
    CheckAccount,
    /// An ACTIVE Identity Center instance must exist in the plan's Region and account.
    CheckInstance,
    /// Find every OU target of the assignments (AWS Organizations) before anything changes; the
    /// accounts under them are read alongside the next steps and resolved (exclusions, suspended
    /// accounts, the management account) by [`Step::Assignments`].
    ResolveTargets,
    /// The plan's subnets exist, belong to its VPC and sit in two Availability Zones (EC2).
    CheckSubnets,
    /// Find the plan's AD Connector, or `ConnectDirectory`.
    ConnectDirectory,
    /// Find the plan's Managed Microsoft AD, or `CreateMicrosoftAD`.
    CreateManagedAd,
    /// Use the existing Managed Microsoft AD named in the plan.
    UseExistingDirectory,
    /// Wait until the directory is Active.
    WaitDirectoryActive,
    /// Find the two-way trust to the self-managed domain `selfManaged[i]`, or `CreateTrust`.
    CreateTrust(usize),
    /// Manual: the self-managed side of each trust; evidence: VerifyTrust succeeds for each.
    OnPremGate,
    /// Wait until every trust is Verified.
    WaitTrustVerified,
    /// Manual: the directory becomes Identity Center's identity source; evidence: synced groups.
    IdentitySourceGate,
    /// Find each permission set by name and make it match the plan, or create it.
    PermissionSets,
    /// Create the missing account assignments of the plan's AD groups.
    Assignments,
}

impl Step {
    /// What the step does, for the plan `plan`.
    pub fn describe(&self, plan: &Plan) -> String {
        let name = &plan.metadata.name;
        match self {
            Step::CheckAccount => match &plan.aws.account_id {
                Some(account) => format!("check that the credentials are for account {account}"),
                None => "read the credentials' account (sts GetCallerIdentity)".to_owned(),
            },
            Step::CheckInstance => format!(
                "check that IAM Identity Center has an ACTIVE instance in {}",
                plan.aws.region
            ),
            Step::ResolveTargets => {
                "find the assignments' OU targets in AWS Organizations before anything changes (the accounts under them, nested OUs included, ACTIVE only, are read alongside the next steps)"
                    .to_owned()
            }
            Step::CheckSubnets => {
                "check that the subnets exist, belong to the VPC and use two Availability Zones"
                    .to_owned()
            }
            Step::ConnectDirectory => format!(
                "find or create the AD Connector to {} (tagged {PLAN_TAG}={name})",
                plan.self_managed.first().domain
            ),
            Step::CreateManagedAd => format!(
                "find or create the AWS Managed Microsoft AD {} (tagged {PLAN_TAG}={name})",
                plan.managed_domain().unwrap_or_default()
            ),
            Step::UseExistingDirectory => format!(
                "use the existing AWS Managed Microsoft AD {}",
                plan.existing_directory().unwrap_or_default()
            ),
            Step::WaitDirectoryActive => "wait until the directory is Active".to_owned(),
            Step::CreateTrust(index) => match plan.self_managed.all().get(*index) {
                Some(domain) => format!(
                    "find or create the two-way {} trust to {} with a conditional forwarder to {}",
                    trust_type_of(plan, domain),
                    domain.domain,
                    domain.dns_servers.join(", ")
                ),
                None => format!("no domain selfManaged[{index}] in this plan"),
            },
            Step::OnPremGate => match plan.self_managed.len() {
                1 => format!(
                    "manual step: the trust's side on {} (evidence: VerifyTrust succeeds)",
                    plan.self_managed.first().domain
                ),
                _ => format!(
                    "manual step: each trust's side on its own domain, {} (evidence: VerifyTrust succeeds for each)",
                    domain_names(plan)
                ),
            },
            Step::WaitTrustVerified => match plan.self_managed.len() {
                1 => "wait until the trust is Verified".to_owned(),
                n => format!("wait until the {n} trusts are Verified"),
            },
            Step::IdentitySourceGate => {
                "manual step: make the directory Identity Center's identity source (evidence: groups synced from it)"
                    .to_owned()
            }
            Step::PermissionSets => {
                let names: Vec<&str> = identity_center(plan)
                    .map(|ic| ic.permission_sets.iter().map(|s| s.name.as_str()).collect())
                    .unwrap_or_default();
                format!("create or update the permission sets {}", names.join(", "))
            }
            Step::Assignments => {
                let assignments = plan.assignments();
                let groups = plan.assignment_groups().len();
                let count: usize = assignments.iter().map(|a| a.accounts.len()).sum();
                let units: usize = assignments
                    .iter()
                    .map(|a| a.organizational_units.len())
                    .sum();
                let reach = match units {
                    0 => format!("{count} account assignment(s)"),
                    _ => format!("{count} listed account(s) and the accounts of {units} OU target(s)"),
                };
                let pruning = assignments.iter().filter(|a| a.prune).count();
                let prune = match pruning {
                    0 => String::new(),
                    n => format!(
                        "; then DELETE, for the {n} pruning entr{}, their group's assignments of their permission set in accounts no longer targeted (`--dry-run` lists them)",
                        if n == 1 { "y" } else { "ies" }
                    ),
                };
                format!(
                    "assign {groups} AD group(s): {reach}, at most 10 in progress and 20 calls per second{prune}"
                )
            }
        }
    }
}

/// `forest` or `external`: the trust type of `domain` under the plan's trust.
fn trust_type_of(plan: &Plan, domain: &crate::plan::SelfManaged) -> &'static str {
    match plan
        .connection
        .trust
        .as_ref()
        .map(|t| domain.trust_settings(t).trust_type)
    {
        Some(crate::plan::TrustType::External) => "external",
        _ => "forest",
    }
}

/// The plan's self-managed domain names, joined with `, `.
fn domain_names(plan: &Plan) -> String {
    plan.self_managed
        .all()
        .iter()
        .map(|d| d.domain.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The plan's `identityCenter` block.
fn identity_center(plan: &Plan) -> Option<&crate::plan::IdentityCenter> {
    plan.identity_center.as_ref()
}

/// The ordered steps of a (validated) plan.
pub fn plan_steps(plan: &Plan) -> Vec<Step> {
    let mut steps = vec![Step::CheckAccount, Step::CheckInstance];
    if !plan.assignments().is_empty() {
        steps.push(Step::ResolveTargets);
    }
    match plan.connection.mode {
        Mode::AdConnector => {
            steps.extend([
                Step::CheckSubnets,
                Step::ConnectDirectory,
                Step::WaitDirectoryActive,
            ]);
        }
        Mode::Trust | Mode::SimpleAd => {
            if plan.existing_directory().is_some() {
                steps.push(Step::UseExistingDirectory);
            } else {
                steps.extend([Step::CheckSubnets, Step::CreateManagedAd]);
            }
            steps.push(Step::WaitDirectoryActive);
            steps.extend((0..plan.self_managed.len()).map(Step::CreateTrust));
            steps.extend([Step::OnPremGate, Step::WaitTrustVerified]);
        }
    }
    steps.push(Step::IdentitySourceGate);
    if let Some(ic) = identity_center(plan) {
        if !ic.permission_sets.is_empty() {
            steps.push(Step::PermissionSets);
        }
        if !ic.assignments.is_empty() {
            steps.push(Step::Assignments);
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::plan::example;

    #[test]
    fn ad_connector_steps_end_at_the_identity_source_gate() {
        let plan = example("ad-connector.yaml");
        assert_eq!(
            plan_steps(&plan),
            vec![
                Step::CheckAccount,
                Step::CheckInstance,
                Step::ResolveTargets,
                Step::CheckSubnets,
                Step::ConnectDirectory,
                Step::WaitDirectoryActive,
                Step::IdentitySourceGate,
                Step::PermissionSets,
                Step::Assignments
            ]
        );
    }

    #[test]
    fn trust_steps_pass_both_gates_in_order() {
        let plan = example("trust.yaml");
        let steps = plan_steps(&plan);
        let position = |step: Step| steps.iter().position(|s| *s == step).unwrap();
        assert!(position(Step::CreateManagedAd) < position(Step::CreateTrust(0)));
        assert!(position(Step::CreateTrust(0)) < position(Step::OnPremGate));
        assert!(position(Step::OnPremGate) < position(Step::WaitTrustVerified));
        assert!(position(Step::IdentitySourceGate) < position(Step::PermissionSets));
        assert_eq!(steps.last(), Some(&Step::Assignments));
        assert!(
            Step::CreateTrust(0)
                .describe(&plan)
                .contains("10.0.0.10, 10.0.0.11")
        );
    }
}

#[cfg(test)]
mod assignment_tests;
#[cfg(test)]
mod calls_tests;
#[cfg(test)]
mod domains_tests;
#[cfg(test)]
mod dry_run_tests;
#[cfg(test)]
mod executor_tests;
#[cfg(test)]
mod permission_set_tag_tests;
#[cfg(test)]
mod permission_set_tests;
#[cfg(test)]
mod targets_tests;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod trust_tests;
