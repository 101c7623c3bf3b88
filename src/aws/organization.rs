//! AWS Organizations in adsso's own types: the organization's management account, its OUs and
//! its accounts with their state, as assignment targets need them.

/// The organization the credentials' account belongs to (`DescribeOrganization`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organization {
    /// The organization id (`o-...`).
    pub id: String,
    /// The management account's id.
    pub management_account: String,
}

/// A root or an organizational unit.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct OrgUnit {
    /// `r-...` or `ou-...`.
    pub id: String,
    /// Its name (`Root` for the root).
    pub name: String,
}

/// Whether an account can receive assignments.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum AccountState {
    /// Active: assignments work.
    Active,
    /// Suspended (or closed, or closing): assignments are skipped.
    Suspended(String),
    /// Not yet active (PENDING_ACTIVATION) or a state adsso does not know: skipped too.
    Other(String),
}

impl AccountState {
    /// The state from Organizations' `State` (or the older `Status`) text.
    pub fn from_text(text: &str) -> Self {
        match text {
            "ACTIVE" => AccountState::Active,
            "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED" => AccountState::Suspended(text.to_owned()),
            other => AccountState::Other(other.to_owned()),
        }
    }
}

/// An account of the organization.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct OrgAccount {
    /// 12-digit id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its state.
    pub state: AccountState,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_active_accounts_are_active() {
        assert_eq!(AccountState::from_text("ACTIVE"), AccountState::Active);
        for closed in ["SUSPENDED", "PENDING_CLOSURE", "CLOSED"] {
            assert_eq!(
                AccountState::from_text(closed),
                AccountState::Suspended(closed.to_owned())
            );
        }
        assert_eq!(
            AccountState::from_text("PENDING_ACTIVATION"),
            AccountState::Other("PENDING_ACTIVATION".to_owned())
        );
    }
}
