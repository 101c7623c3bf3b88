//! `trust.state`, pure: a trust's state and the cause its `TrustStateReason` names, as
//! Directory Service's trust troubleshooting guide lists them.

use crate::aws::{TrustInfo, TrustState};

/// The cause a failed trust's reason points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// "Access is denied": the trust passwords differ, the netlogon/samr/lsarpc null-session
    /// pipes are not allowed, or the two sides' AD site names differ.
    AccessDenied,
    /// "The operation could not be performed": the NetBIOS names overlap.
    NotPerformed,
    /// "The specified domain either does not exist or could not be contacted": conditional
    /// forwarders, or the outbound security-group rules.
    NotContacted,
    /// An authentication refusal under selective authentication ("not allowed to
    /// authenticate"): the users lack "Allowed to Authenticate" on the computers.
    SelectiveAuth,
    /// A reason the guide does not list.
    Other,
}

/// The cause `reason` names (matched without regard to case).
pub fn cause(reason: &str) -> Cause {
    let reason = reason.to_ascii_lowercase();
    if reason.contains("access is denied") {
        Cause::AccessDenied
    } else if reason.contains("could not be performed") {
        Cause::NotPerformed
    } else if reason.contains("could not be contacted") || reason.contains("does not exist") {
        Cause::NotContacted
    } else if reason.contains("selective auth") || reason.contains("allowed to authenticate") {
        Cause::SelectiveAuth
    } else {
        Cause::Other
    }
}

/// What the trust to one domain looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finding {
    /// No trust to the domain.
    Missing,
    /// Verified.
    Verified,
    /// AWS is still working on it (Creating, Created, Verifying, Updating, Updated).
    InProgress,
    /// VerifyFailed, Failed or UpdateFailed, with the cause its reason names.
    Failed(Cause),
    /// Being deleted.
    Deleting,
}

/// The finding for the trust `trust` (if one exists).
pub fn finding(trust: Option<&TrustInfo>) -> Finding {
    let Some(trust) = trust else {
        return Finding::Missing;
    };
    match &trust.state {
        TrustState::Verified => Finding::Verified,
        TrustState::Pending(_) => Finding::InProgress,
        TrustState::VerifyFailed | TrustState::Failed(_) => {
            Finding::Failed(cause(&trust.state_reason))
        }
        TrustState::Deleting(_) => Finding::Deleting,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trust(state: &str, reason: &str) -> TrustInfo {
        TrustInfo {
            id: "t-1".to_owned(),
            directory_id: "d-1".to_owned(),
            remote_domain: "corp.example.com".to_owned(),
            direction: "Two-Way".to_owned(),
            trust_type: "Forest".to_owned(),
            selective_auth: "Disabled".to_owned(),
            state: TrustState::from_name(state),
            state_reason: reason.to_owned(),
        }
    }

    #[test]
    fn the_guides_reasons_map_to_their_causes() {
        for (reason, expected) in [
            ("Access is denied.", Cause::AccessDenied),
            (
                "The trust relationship could not be verified: ACCESS IS DENIED",
                Cause::AccessDenied,
            ),
            ("The operation could not be performed.", Cause::NotPerformed),
            (
                "The specified domain either does not exist or could not be contacted.",
                Cause::NotContacted,
            ),
            (
                "The user is not allowed to authenticate to this computer",
                Cause::SelectiveAuth,
            ),
            ("", Cause::Other),
            ("Internal error", Cause::Other),
        ] {
            assert_eq!(cause(reason), expected, "{reason}");
        }
    }

    #[test]
    fn states_map_to_findings() {
        assert_eq!(finding(None), Finding::Missing);
        assert_eq!(finding(Some(&trust("Verified", ""))), Finding::Verified);
        for pending in ["Creating", "Created", "Verifying", "Updating", "Updated"] {
            assert_eq!(
                finding(Some(&trust(pending, ""))),
                Finding::InProgress,
                "{pending}"
            );
        }
        assert_eq!(
            finding(Some(&trust("Failed", "Access is denied."))),
            Finding::Failed(Cause::AccessDenied)
        );
        assert_eq!(
            finding(Some(&trust("VerifyFailed", "could not be contacted"))),
            Finding::Failed(Cause::NotContacted)
        );
        assert_eq!(
            finding(Some(&trust("UpdateFailed", "x"))),
            Finding::Failed(Cause::Other)
        );
        assert_eq!(finding(Some(&trust("Deleting", ""))), Finding::Deleting);
    }
}
