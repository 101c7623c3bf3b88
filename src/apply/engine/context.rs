//! What one apply run works with and what it has found so far: the [`RunContext`] (the plan,
//! the cloud, who hears about progress, and the [`RunOptions`]), the resolved [`Secrets`], and
//! the [`Found`] state that each step reads from and adds to.

use std::collections::BTreeMap;
use std::sync::Arc;

use secrecy::{ExposeSecret, SecretString};
use tokio::sync::Notify;

use crate::apply::{ApplyError, WaitPolicy};
use crate::aws::{Directory, Group, Instance, TrustInfo};
use crate::plan::{Plan, SecretSlot};

/// Whether calls that change AWS are made or only listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunMode {
    /// Make every call.
    Apply,
    /// Make only reads; list the mutating calls with their parameters.
    DryRun,
}

/// What a manual gate without evidence does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateMode {
    /// Show the instructions and poll for the evidence (an operator is at a terminal).
    Wait,
    /// Stop apply with the instructions (exit 3); a later apply resumes.
    Stop,
}

/// How one run behaves: what it may change, what its gates do, how long it waits.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Make the calls, or only list them.
    pub mode: RunMode,
    /// Wait at a manual gate, or stop there.
    pub gates: GateMode,
    /// How waits poll and when they give up.
    pub policy: WaitPolicy,
    /// Lets the operator cut a gate's poll interval short (the command notifies on Enter).
    pub nudge: Option<Arc<Notify>>,
    /// The plan's file, named in the instructions of a pause (`FILE` when not known).
    pub plan_file: Option<String>,
}

impl RunOptions {
    /// Options with `mode`, `gates` and `policy`, and no Enter nudge.
    pub fn new(mode: RunMode, gates: GateMode, policy: WaitPolicy) -> Self {
        RunOptions {
            mode,
            gates,
            policy,
            nudge: None,
            plan_file: None,
        }
    }

    /// The same options, naming `file` as the plan's file in the instructions of a pause.
    pub fn with_plan_file(mut self, file: impl Into<String>) -> Self {
        self.plan_file = Some(file.into());
        self
    }

    /// The same options, with a gate's poll cut short when `nudge` is notified.
    pub fn with_nudge(mut self, nudge: Arc<Notify>) -> Self {
        self.nudge = Some(nudge);
        self
    }
}

/// What one run works with: the plan, the AWS it talks to, who hears about its progress, and
/// how it behaves.
pub struct RunContext<'a, C, R> {
    /// The plan being applied.
    pub plan: &'a Plan,
    /// The AWS side (the SDK, or a fake in tests).
    pub cloud: &'a C,
    /// Who receives the progress events.
    pub reporter: &'a mut R,
    /// How the run behaves.
    pub options: RunOptions,
}

/// The secrets of a plan, resolved by the command (none in a dry run).
#[derive(Default)]
pub struct Secrets {
    /// The AD Connector's service account password.
    pub service_account: Option<SecretString>,
    /// The new Managed AD's Admin password.
    pub admin: Option<SecretString>,
    /// The trust password of `connection.trust`.
    pub trust: Option<SecretString>,
    /// The trust passwords of the domains that have their own, by domain index.
    pub domain_trusts: BTreeMap<usize, SecretString>,
}

impl Secrets {
    /// Puts a resolved password into its slot.
    pub fn store(&mut self, slot: SecretSlot, value: SecretString) {
        match slot {
            SecretSlot::ServiceAccount => self.service_account = Some(value),
            SecretSlot::Admin => self.admin = Some(value),
            SecretSlot::Trust => self.trust = Some(value),
            SecretSlot::DomainTrust(index) => {
                self.domain_trusts.insert(index, value);
            }
        }
    }

    /// Takes every password `other` holds (its slots win).
    pub fn extend(&mut self, other: Secrets) {
        let Secrets {
            service_account,
            admin,
            trust,
            domain_trusts,
        } = other;
        self.service_account = service_account.or(self.service_account.take());
        self.admin = admin.or(self.admin.take());
        self.trust = trust.or(self.trust.take());
        self.domain_trusts.extend(domain_trusts);
    }

    /// The trust password for domain `index`: its own, else `connection.trust`'s.
    pub fn trust_password(&self, index: usize) -> Option<&SecretString> {
        self.domain_trusts.get(&index).or(self.trust.as_ref())
    }

    /// The first password that breaks AWS's rules for it, checked before any AWS call (the
    /// wizard's typed passwords reach apply only through here).
    pub fn check_rules(&self) -> Result<(), ApplyError> {
        let slots = [
            (SecretSlot::ServiceAccount, self.service_account.as_ref()),
            (SecretSlot::Admin, self.admin.as_ref()),
            (SecretSlot::Trust, self.trust.as_ref()),
        ];
        let domains = self
            .domain_trusts
            .iter()
            .map(|(index, value)| (SecretSlot::DomainTrust(*index), Some(value)));
        for (slot, value) in slots.into_iter().chain(domains) {
            if let Some(value) = value {
                slot.check(value.expose_secret())
                    .map_err(|problem| ApplyError::PasswordRule {
                        what: slot.what().into_owned(),
                        problem,
                    })?;
            }
        }
        Ok(())
    }
}

/// What the run has found or made so far; each step reads what the earlier ones left here.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// The credentials' account (STS).
    pub(crate) account: Option<String>,
    /// The Identity Center instance.
    pub(crate) instance: Option<Instance>,
    /// The plan's directory (found, created or named).
    pub(crate) directory: Option<Directory>,
    /// The trust to each self-managed domain, by domain index.
    pub(crate) trusts: BTreeMap<usize, TrustInfo>,
    /// The identity store's groups, as the identity-source gate read them.
    pub(crate) groups: Option<Vec<Group>>,
    /// Plan permission set name -> ARN (a placeholder in a dry run).
    pub(crate) permission_sets: BTreeMap<String, String>,
    /// The organization as far as the targets step read it (each OU entry found).
    pub(crate) organization: Option<crate::inspect::targets::OrgView>,
    /// Each plan assignment's accounts, resolved by the assignments step (in the plan's order).
    pub(crate) targets: Option<Vec<crate::inspect::targets::Resolved>>,
}
