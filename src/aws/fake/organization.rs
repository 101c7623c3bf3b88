//! The fake's AWS Organizations: a tree of OUs and accounts, and a count of the listing calls
//! (resolution must stay a few calls per OU).

use std::collections::BTreeMap;

use super::Fake;
use crate::aws::*;

/// An organization: the root `r-root`, OUs by parent, accounts by parent.
#[derive(Debug, Default, Clone)]
pub struct FakeOrg {
    pub management_account: String,
    pub units: BTreeMap<String, Vec<OrgUnit>>,
    pub accounts: BTreeMap<String, Vec<OrgAccount>>,
    /// Listing calls made (`ListRoots`, `ListOrganizationalUnitsForParent`,
    /// `ListAccountsForParent`).
    pub calls: usize,
    /// Operation -> the error every call of it answers (after counting it).
    pub failing: BTreeMap<&'static str, AwsErrorKind>,
}

impl FakeOrg {
    /// The root's id.
    pub const ROOT: &'static str = "r-root";

    /// An organization managed by `management`, with no OU yet.
    pub fn new(management: &str) -> Self {
        FakeOrg {
            management_account: management.to_owned(),
            ..FakeOrg::default()
        }
    }

    /// Adds OU `id` named `name` under `parent`.
    pub fn unit(mut self, parent: &str, id: &str, name: &str) -> Self {
        self.units
            .entry(parent.to_owned())
            .or_default()
            .push(OrgUnit {
                id: id.to_owned(),
                name: name.to_owned(),
            });
        self
    }

    /// Adds account `id` (state `state`: `ACTIVE`, `SUSPENDED`, ...) under `parent`.
    pub fn account(mut self, parent: &str, id: &str, state: &str) -> Self {
        self.accounts
            .entry(parent.to_owned())
            .or_default()
            .push(OrgAccount {
                id: id.to_owned(),
                name: format!("account {id}"),
                state: AccountState::from_text(state),
            });
        self
    }

    /// Moves account `id` under `parent`.
    pub fn move_account(&mut self, id: &str, parent: &str) {
        let mut moved = None;
        for accounts in self.accounts.values_mut() {
            if let Some(index) = accounts.iter().position(|a| a.id == id) {
                moved = Some(accounts.remove(index));
            }
        }
        if let Some(account) = moved {
            self.accounts
                .entry(parent.to_owned())
                .or_default()
                .push(account);
        }
    }

    fn known(&self, parent: &str) -> bool {
        parent == Self::ROOT || self.units.values().flatten().any(|unit| unit.id == parent)
    }
}

fn parent_not_found(operation: &'static str) -> AwsError {
    AwsError::new(
        "organizations",
        operation,
        AwsErrorKind::DoesNotExist,
        "ParentNotFoundException: no such parent",
    )
}

impl Fake {
    /// One listing under `parent`: counted, refused for a parent the organization lacks.
    fn listing<T>(
        &self,
        operation: &'static str,
        parent: &str,
        pick: impl Fn(&FakeOrg) -> Option<Vec<T>>,
    ) -> Result<Vec<T>, AwsError> {
        let mut state = self.0.borrow_mut();
        let org = state
            .org
            .as_mut()
            .ok_or_else(|| parent_not_found(operation))?;
        org.calls += 1;
        if let Some(kind) = org.failing.get(operation) {
            return Err(AwsError::new("organizations", operation, *kind, "injected"));
        }
        if !org.known(parent) {
            return Err(parent_not_found(operation));
        }
        Ok(pick(org).unwrap_or_default())
    }
}

impl OrganizationsApi for Fake {
    async fn describe_organization(&self) -> Result<Option<Organization>, AwsError> {
        Ok(self.0.borrow().org.as_ref().map(|org| Organization {
            id: "o-fake123456".to_owned(),
            management_account: org.management_account.clone(),
        }))
    }

    async fn list_roots(&self) -> Result<Vec<OrgUnit>, AwsError> {
        let mut state = self.0.borrow_mut();
        let org = state
            .org
            .as_mut()
            .ok_or_else(|| parent_not_found("ListRoots"))?;
        org.calls += 1;
        Ok(vec![OrgUnit {
            id: FakeOrg::ROOT.to_owned(),
            name: "Root".to_owned(),
        }])
    }

    async fn list_units(&self, parent: &str) -> Result<Vec<OrgUnit>, AwsError> {
        self.listing("ListOrganizationalUnitsForParent", parent, |org| {
            org.units.get(parent).cloned()
        })
    }

    async fn list_accounts(&self, parent: &str) -> Result<Vec<OrgAccount>, AwsError> {
        self.listing("ListAccountsForParent", parent, |org| {
            org.accounts.get(parent).cloned()
        })
    }
}
