//! [`OrganizationsApi`] on the SDK: the organization, its roots, OUs and accounts, every page
//! (bounded by [`crate::aws::pages`], so a looping page token cannot hold a run forever).

use aws_sdk_organizations::types::Account;

use super::SdkCloud;
use crate::aws::OrganizationsApi;
use crate::aws::pages::Pages;
use crate::aws::{AccountState, AwsError, OrgAccount, OrgUnit, Organization};

impl OrganizationsApi for SdkCloud {
    async fn describe_organization(&self) -> Result<Option<Organization>, AwsError> {
        match self.org.describe_organization().send().await {
            Ok(out) => Ok(out.organization().map(|org| Organization {
                id: org.id().unwrap_or_default().to_owned(),
                management_account: org.master_account_id().unwrap_or_default().to_owned(),
            })),
            Err(error)
                if error
                    .as_service_error()
                    .is_some_and(|e| e.is_aws_organizations_not_in_use_exception()) =>
            {
                Ok(None)
            }
            Err(error) => Err(self.map_err("organizations", "DescribeOrganization", error)),
        }
    }

    async fn list_roots(&self) -> Result<Vec<OrgUnit>, AwsError> {
        let mut out = Vec::new();
        let mut token = None;
        let mut pages = Pages::new("organizations", "ListRoots");
        loop {
            let page = self
                .org
                .list_roots()
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| self.map_err("organizations", "ListRoots", e))?;
            out.extend(page.roots().iter().map(|root| OrgUnit {
                id: root.id().unwrap_or_default().to_owned(),
                name: root.name().unwrap_or_default().to_owned(),
            }));
            token = pages.next(page.next_token())?;
            if token.is_none() {
                return Ok(out);
            }
        }
    }

    async fn list_units(&self, parent: &str) -> Result<Vec<OrgUnit>, AwsError> {
        let mut out = Vec::new();
        let mut token = None;
        let mut pages = Pages::new("organizations", "ListOrganizationalUnitsForParent");
        loop {
            let page = self
                .org
                .list_organizational_units_for_parent()
                .parent_id(parent)
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| {
                    self.map_err("organizations", "ListOrganizationalUnitsForParent", e)
                })?;
            out.extend(page.organizational_units().iter().map(|unit| OrgUnit {
                id: unit.id().unwrap_or_default().to_owned(),
                name: unit.name().unwrap_or_default().to_owned(),
            }));
            token = pages.next(page.next_token())?;
            if token.is_none() {
                return Ok(out);
            }
        }
    }

    async fn list_accounts(&self, parent: &str) -> Result<Vec<OrgAccount>, AwsError> {
        let mut out = Vec::new();
        let mut token = None;
        let mut pages = Pages::new("organizations", "ListAccountsForParent");
        loop {
            let page = self
                .org
                .list_accounts_for_parent()
                .parent_id(parent)
                .set_next_token(token)
                .send()
                .await
                .map_err(|e| self.map_err("organizations", "ListAccountsForParent", e))?;
            out.extend(page.accounts().iter().map(account));
            token = pages.next(page.next_token())?;
            if token.is_none() {
                return Ok(out);
            }
        }
    }
}

/// An account in adsso's types: its `State`, or the older `Status` when `State` is absent.
fn account(account: &Account) -> OrgAccount {
    let state = match (account.state(), account.status()) {
        (Some(state), _) => AccountState::from_text(state.as_str()),
        (None, Some(status)) => AccountState::from_text(status.as_str()),
        (None, None) => AccountState::Other(String::new()),
    };
    OrgAccount {
        id: account.id().unwrap_or_default().to_owned(),
        name: account.name().unwrap_or_default().to_owned(),
        state,
    }
}
