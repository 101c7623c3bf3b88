//! Finding what a plan already created, without a state file: directories with the plan's
//! name are candidates; the `adsso:plan` tag tells whose they are. Ambiguity stops apply.

use crate::apply::{ApplyError, PLAN_TAG};
use crate::aws::{AwsError, Directory, DirectoryApi, DirectoryStage};

/// What exists for a plan's directory name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Nothing with this name: create it.
    Nothing,
    /// Exactly one directory tagged as this plan's.
    Owned(Box<Directory>),
}

/// Directories named `name` (not being deleted), each with whether it carries `adsso:plan=plan`.
pub async fn candidates(
    cloud: &impl DirectoryApi,
    name: &str,
    plan_name: &str,
) -> Result<Vec<(Directory, bool)>, AwsError> {
    let mut out = Vec::new();
    for directory in cloud.describe_directories(&[]).await? {
        if !directory.name.eq_ignore_ascii_case(name)
            || matches!(directory.stage, DirectoryStage::Deleting(_))
        {
            continue;
        }
        let tags = cloud.list_tags(&directory.id).await?;
        let owned = tags
            .iter()
            .any(|tag| tag.key == PLAN_TAG && tag.value == plan_name);
        out.push((directory, owned));
    }
    Ok(out)
}

/// Decides what the candidates mean for the plan `plan_name`.
pub fn decide(
    candidates: Vec<(Directory, bool)>,
    name: &str,
    plan_name: &str,
) -> Result<Found, ApplyError> {
    let (owned, others): (Vec<_>, Vec<_>) = candidates.into_iter().partition(|(_, owned)| *owned);
    let ids =
        |list: &[(Directory, bool)]| list.iter().map(|(d, _)| d.id.clone()).collect::<Vec<_>>();
    match (owned.len(), others.len()) {
        (0, 0) => Ok(Found::Nothing),
        (1, _) => Ok(owned
            .into_iter()
            .next()
            .map_or(Found::Nothing, |(d, _)| Found::Owned(Box::new(d)))),
        (0, _) => Err(ApplyError::DirectoryNotTagged {
            name: name.to_owned(),
            ids: ids(&others),
            plan: plan_name.to_owned(),
        }),
        _ => Err(ApplyError::DirectoriesTaggedTwice {
            name: name.to_owned(),
            ids: ids(&owned),
            plan: plan_name.to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::DirectoryKind;

    fn dir(id: &str) -> Directory {
        Directory {
            id: id.to_owned(),
            name: "corp.example.com".to_owned(),
            kind: DirectoryKind::AdConnector,
            stage: DirectoryStage::Active,
            stage_reason: String::new(),
            dns_ips: vec![],
            vpc_id: None,
            security_group_id: None,
            edition: None,
            details: crate::aws::DirectoryDetails::default(),
        }
    }

    #[test]
    fn nothing_found_means_create() {
        assert!(matches!(
            decide(vec![], "corp.example.com", "p"),
            Ok(Found::Nothing)
        ));
    }

    #[test]
    fn one_owned_is_used_even_beside_a_foreign_one() {
        let found = decide(
            vec![(dir("d-1"), true), (dir("d-2"), false)],
            "corp.example.com",
            "p",
        );
        assert!(matches!(found, Ok(Found::Owned(d)) if d.id == "d-1"));
    }

    #[test]
    fn two_owned_or_only_foreign_ones_stop_with_the_ids() {
        let two = decide(
            vec![(dir("d-1"), true), (dir("d-2"), true)],
            "corp.example.com",
            "p",
        );
        let text = two.unwrap_err().to_string();
        assert!(
            text.contains("d-1, d-2") && text.contains("cannot tell"),
            "{text}"
        );
        let foreign = decide(vec![(dir("d-3"), false)], "corp.example.com", "p");
        let text = foreign.unwrap_err().to_string();
        assert!(
            text.contains("d-3") && text.contains("not tagged"),
            "{text}"
        );
        assert!(text.contains("leaves it alone"), "{text}");
        assert!(
            !text.contains("adopt") && !text.contains("tag it"),
            "{text}"
        );
    }
}
