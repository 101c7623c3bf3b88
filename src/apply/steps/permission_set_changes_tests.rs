//! Tests of [`changes`] on its own: the inline policy compared as JSON, and which sets count as
//! this plan's when their tags converge.

use super::*;
use crate::plan::example;

/// The trust example and its `ReadOnly` set, and that set as apply would create it.
fn read_only() -> (Plan, PermissionSet, Current) {
    let plan = example("trust.yaml");
    let set = plan.identity_center.as_ref().unwrap().permission_sets[0].clone();
    let current = Current {
        info: PermissionSetInfo {
            arn: "arn:aws:sso:::permissionSet/ssoins-1/ps-1".to_owned(),
            name: set.name.clone(),
            session_duration: set.session_duration.clone(),
            description: set.description.clone(),
            relay_state: set.relay_state.clone(),
        },
        managed: set.managed_policies.clone(),
        customer: Vec::new(),
        boundary: None,
        inline: set.inline_policy.clone(),
        tags: psc::set_tags(&plan, &set),
    };
    (plan, set, current)
}

fn tag(key: &str, value: &str) -> Tag {
    Tag {
        key: key.to_owned(),
        value: value.to_owned(),
    }
}

#[test]
fn a_set_as_created_needs_no_change() {
    let (plan, set, current) = read_only();
    assert_eq!(changes(&plan, &set, &current), Vec::<Change>::new());
}

#[test]
fn the_inline_policy_is_compared_as_json_not_as_text() {
    let (plan, set, mut current) = read_only();
    let wanted: serde_json::Value =
        serde_json::from_str(set.inline_policy.as_deref().unwrap()).unwrap();
    current.inline = Some(wanted.to_string()); // the same JSON, other whitespace
    assert_eq!(changes(&plan, &set, &current), Vec::<Change>::new());
    current.inline = Some(r#"{"Version":"2012-10-17","Statement":[]}"#.to_owned());
    assert_eq!(
        changes(&plan, &set, &current),
        [Change::PutInline(set.inline_policy.clone().unwrap())]
    );
    current.inline = Some("not json".to_owned());
    assert_eq!(
        changes(&plan, &set, &current),
        [Change::PutInline(set.inline_policy.clone().unwrap())]
    );
}

#[test]
fn an_inline_policy_the_plan_drops_is_deleted() {
    let (plan, mut set, current) = read_only();
    set.inline_policy = None;
    assert_eq!(changes(&plan, &set, &current), [Change::DeleteInline]);
}

#[test]
fn a_set_of_another_plan_is_not_this_plans_and_keeps_its_tags() {
    let (plan, set, mut current) = read_only();
    // The plan tag's key with another plan's name: not this plan's set.
    current.tags = vec![tag(PLAN_TAG, "another-plan"), tag("Theirs", "1")];
    assert_eq!(changes(&plan, &set, &current), Vec::<Change>::new());
    // This plan's name under another key: not this plan's set either.
    current.tags = vec![tag("Name", &plan.metadata.name), tag("Theirs", "1")];
    assert_eq!(changes(&plan, &set, &current), Vec::<Change>::new());
    // This plan's: the stray tag goes.
    current.tags = vec![tag(PLAN_TAG, &plan.metadata.name), tag("Theirs", "1")];
    assert_eq!(
        changes(&plan, &set, &current),
        [
            Change::Tag(vec![tag("Owner", "platform-team")]),
            Change::Untag(vec!["Theirs".to_owned()])
        ]
    );
}

#[test]
fn only_changes_to_the_roles_need_provisioning() {
    let update = |session: bool, description: bool, relay: bool| {
        Change::Update(PermissionSetUpdate {
            session_duration: session.then(|| "PT4H".to_owned()),
            description: description.then(|| "Auditors".to_owned()),
            relay_state: relay.then(|| "https://console.aws.amazon.com/ec2".to_owned()),
        })
    };
    assert!(update(true, false, false).needs_provisioning());
    assert!(update(false, false, true).needs_provisioning());
    assert!(!update(false, true, false).needs_provisioning());
    assert!(!Change::Tag(vec![tag("Team", "audit")]).needs_provisioning());
    assert!(!Change::Untag(vec!["Team".to_owned()]).needs_provisioning());
    assert!(
        Change::Attach("arn:aws:iam::aws:policy/ReadOnlyAccess".to_owned()).needs_provisioning()
    );
    assert!(Change::DeleteInline.needs_provisioning());
}
