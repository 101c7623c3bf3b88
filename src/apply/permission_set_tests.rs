//! A permission set's description, relay state, customer managed policies, permissions boundary
//! and tags against the in-memory [`Fake`]: created with the set, converged call by call (and
//! provisioned again only when the roles change), nothing changed on a re-run, listed by a dry
//! run exactly as the real run then makes them.

use std::collections::BTreeMap;

use super::assignment_tests::{apply, both_groups, plan, ready, sso_mutations};
use super::dry_run_tests::{dry_run, made, sso_operations};
use super::*;
use crate::aws::fake::Fake;
use crate::aws::fake::access::FakeSet;
use crate::aws::{Boundary, PolicyReference, Tag};
use crate::plan::{CustomerManagedPolicy, PermissionsBoundary};

/// The trust example with every new field on its `ReadOnly` set.
pub(super) fn parity_plan() -> Plan {
    let mut plan = plan();
    let set = read_only(&mut plan);
    set.description = Some("Read-only access for auditors".to_owned());
    set.relay_state = Some("https://console.aws.amazon.com/s3".to_owned());
    set.customer_managed_policies = vec![
        policy("DenyBilling", None),
        policy("ReadReports", Some("/team/")),
    ];
    set.permissions_boundary = Some(PermissionsBoundary {
        managed_policy_arn: None,
        customer_managed_policy: Some(policy("Boundary", Some("/limits/"))),
    });
    set.tags = BTreeMap::from([("Team".to_owned(), "audit".to_owned())]);
    plan
}

fn read_only(plan: &mut Plan) -> &mut crate::plan::PermissionSet {
    let center = plan.identity_center.as_mut().unwrap();
    center
        .permission_sets
        .iter_mut()
        .find(|s| s.name == "ReadOnly")
        .unwrap()
}

fn policy(name: &str, path: Option<&str>) -> CustomerManagedPolicy {
    CustomerManagedPolicy {
        name: name.to_owned(),
        path: path.map(str::to_owned),
    }
}

fn reference(name: &str, path: &str) -> PolicyReference {
    PolicyReference {
        name: name.to_owned(),
        path: path.to_owned(),
    }
}

/// Changes the fake `ReadOnly` set's tags behind apply's back.
pub(super) fn edit_tags(cloud: &Fake, edit: impl FnOnce(&mut Vec<Tag>)) {
    let mut state = cloud.0.borrow_mut();
    let set = state
        .access
        .sets
        .values_mut()
        .find(|s| s.name == "ReadOnly");
    edit(&mut set.unwrap().tags);
}

pub(super) fn fake_set(cloud: &Fake) -> FakeSet {
    cloud
        .0
        .borrow()
        .access
        .sets
        .values()
        .find(|s| s.name == "ReadOnly")
        .cloned()
        .unwrap()
}

pub(super) fn tag(key: &str, value: &str) -> Tag {
    Tag {
        key: key.to_owned(),
        value: value.to_owned(),
    }
}

#[test]
fn a_new_set_gets_every_field_and_a_re_run_changes_nothing() {
    let plan = parity_plan();
    let cloud = ready(both_groups());
    let (first, _) = apply(&plan, &cloud);
    assert!(matches!(first, Ok(ApplyOutcome::Done)), "{first:?}");
    let set = fake_set(&cloud);
    assert_eq!(
        set.description.as_deref(),
        Some("Read-only access for auditors")
    );
    assert_eq!(
        set.relay_state.as_deref(),
        Some("https://console.aws.amazon.com/s3")
    );
    assert_eq!(
        set.customer,
        [
            reference("DenyBilling", "/"),
            reference("ReadReports", "/team/")
        ]
    );
    assert_eq!(
        set.boundary,
        Some(Boundary::Customer(reference("Boundary", "/limits/")))
    );
    assert!(set.tags.contains(&tag("Team", "audit")), "{:?}", set.tags);
    assert!(set.tags.contains(&tag("Owner", "platform-team")));
    assert!(
        set.tags
            .contains(&tag("adsso:plan", "corp-to-identity-center"))
    );
    let after_first = sso_mutations(&cloud);
    let (second, _) = apply(&plan, &cloud);
    assert!(matches!(second, Ok(ApplyOutcome::Done)), "{second:?}");
    assert_eq!(
        sso_mutations(&cloud),
        after_first,
        "a re-run changed something"
    );
}

#[test]
fn changed_fields_converge_call_by_call_and_the_set_is_provisioned_again() {
    let cloud = ready(both_groups());
    apply(&parity_plan(), &cloud).0.unwrap();
    let mut plan = parity_plan();
    let set = read_only(&mut plan);
    set.description = Some("Auditors".to_owned());
    set.relay_state = Some("https://console.aws.amazon.com/ec2".to_owned());
    set.customer_managed_policies = vec![policy("DenyBilling", None), policy("Extra", None)];
    set.permissions_boundary = Some(PermissionsBoundary {
        managed_policy_arn: Some("arn:aws:iam::aws:policy/PowerUserAccess".to_owned()),
        customer_managed_policy: None,
    });
    set.tags.insert("Team".to_owned(), "security".to_owned());
    let before = sso_mutations(&cloud).len();
    let (outcome, events) = apply(&plan, &cloud);
    assert!(matches!(outcome, Ok(ApplyOutcome::Done)), "{outcome:?}");
    assert_eq!(
        made(&cloud, before),
        [
            "UpdatePermissionSet",
            "AttachCustomerManagedPolicyReferenceToPermissionSet",
            "DetachCustomerManagedPolicyReferenceFromPermissionSet",
            "PutPermissionsBoundaryToPermissionSet",
            "TagResource",
            "ProvisionPermissionSet",
        ]
    );
    let set = fake_set(&cloud);
    assert_eq!(set.description.as_deref(), Some("Auditors"));
    assert_eq!(
        set.customer,
        [reference("DenyBilling", "/"), reference("Extra", "/")]
    );
    assert_eq!(
        set.boundary,
        Some(Boundary::Managed(
            "arn:aws:iam::aws:policy/PowerUserAccess".to_owned()
        ))
    );
    assert!(set.tags.contains(&tag("Team", "security")));
    assert_eq!(set.provisioned, 1);
    let text: Vec<String> = events.iter().map(ToString::to_string).collect();
    assert!(
        text.iter().any(|t| t.contains(
            "updated ReadOnly (description, relay state https://console.aws.amazon.com/ec2, \
             attach customer managed /Extra, detach customer managed /team/ReadReports, \
             permissions boundary arn:aws:iam::aws:policy/PowerUserAccess, tags Team)"
        )),
        "{text:?}"
    );
    let again = sso_mutations(&cloud);
    apply(&plan, &cloud).0.unwrap();
    assert_eq!(sso_mutations(&cloud), again, "a re-run changed something");
}

#[test]
fn a_boundary_or_tag_the_plan_drops_is_removed_and_a_dropped_description_is_left() {
    let cloud = ready(both_groups());
    apply(&parity_plan(), &cloud).0.unwrap();
    let mut plan = parity_plan();
    let set = read_only(&mut plan);
    set.permissions_boundary = None;
    set.customer_managed_policies.clear();
    set.description = None;
    set.relay_state = None;
    set.tags.clear();
    let before = sso_mutations(&cloud).len();
    apply(&plan, &cloud).0.unwrap();
    assert_eq!(
        made(&cloud, before),
        [
            "DetachCustomerManagedPolicyReferenceFromPermissionSet",
            "DetachCustomerManagedPolicyReferenceFromPermissionSet",
            "DeletePermissionsBoundaryFromPermissionSet",
            "UntagResource",
            "ProvisionPermissionSet",
        ]
    );
    let set = fake_set(&cloud);
    assert_eq!(set.boundary, None);
    assert!(set.customer.is_empty());
    assert_eq!(
        set.description.as_deref(),
        Some("Read-only access for auditors")
    );
    assert!(!set.tags.iter().any(|t| t.key == "Team"), "{:?}", set.tags);
    // The plan's own tags and adsso's stay.
    assert!(set.tags.contains(&tag("Owner", "platform-team")));
    assert!(
        set.tags
            .contains(&tag("adsso:plan", "corp-to-identity-center"))
    );
}

#[test]
fn a_description_or_tag_change_alone_is_not_provisioned() {
    let cloud = ready(both_groups());
    apply(&parity_plan(), &cloud).0.unwrap();
    let mut plan = parity_plan();
    let set = read_only(&mut plan);
    set.description = Some("Auditors".to_owned());
    set.tags.insert("Cost".to_owned(), "42".to_owned());
    let before = sso_mutations(&cloud).len();
    apply(&plan, &cloud).0.unwrap();
    assert_eq!(made(&cloud, before), ["UpdatePermissionSet", "TagResource"]);
    assert_eq!(fake_set(&cloud).provisioned, 0);
}

#[test]
fn a_dry_run_lists_each_change_with_its_parameters_and_the_real_run_makes_them() {
    let cloud = ready(both_groups());
    apply(&plan(), &cloud).0.unwrap();
    let plan = parity_plan();
    let before = sso_mutations(&cloud).len();
    let calls = dry_run(&plan, &cloud);
    assert_eq!(
        sso_mutations(&cloud).len(),
        before,
        "a dry run changed something"
    );
    let listed = sso_operations(&calls);
    assert_eq!(
        listed,
        [
            "UpdatePermissionSet",
            "AttachCustomerManagedPolicyReferenceToPermissionSet",
            "AttachCustomerManagedPolicyReferenceToPermissionSet",
            "PutPermissionsBoundaryToPermissionSet",
            "TagResource",
            "ProvisionPermissionSet",
        ]
    );
    let param = |operation: &str, name: &str| -> Vec<String> {
        calls
            .iter()
            .filter(|c| c.operation == operation)
            .flat_map(|c| c.params.iter().filter(|(n, _)| *n == name))
            .map(|(_, v)| v.clone())
            .collect()
    };
    assert_eq!(
        param("UpdatePermissionSet", "Description"),
        ["Read-only access for auditors"]
    );
    assert_eq!(
        param("UpdatePermissionSet", "RelayState"),
        ["https://console.aws.amazon.com/s3"]
    );
    assert!(param("UpdatePermissionSet", "SessionDuration").is_empty());
    assert_eq!(
        param(
            "AttachCustomerManagedPolicyReferenceToPermissionSet",
            "CustomerManagedPolicyReference"
        ),
        ["Name=DenyBilling, Path=/", "Name=ReadReports, Path=/team/"]
    );
    assert_eq!(
        param(
            "PutPermissionsBoundaryToPermissionSet",
            "PermissionsBoundary"
        ),
        ["CustomerManagedPolicyReference=(Name=Boundary, Path=/limits/)"]
    );
    assert_eq!(param("TagResource", "Tags"), ["Team=audit"]);
    apply(&plan, &cloud).0.unwrap();
    assert_eq!(made(&cloud, before), listed);
}

#[test]
fn a_fresh_dry_run_lists_the_creation_with_every_field() {
    let cloud = ready(both_groups());
    let calls = dry_run(&parity_plan(), &cloud);
    let create = calls
        .iter()
        .find(|c| {
            c.operation == "CreatePermissionSet" && c.params.iter().any(|(_, v)| v == "ReadOnly")
        })
        .unwrap();
    let param = |name: &str| {
        create
            .params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(param("Description"), Some("Read-only access for auditors"));
    assert_eq!(
        param("RelayState"),
        Some("https://console.aws.amazon.com/s3")
    );
    assert_eq!(
        param("Tags"),
        Some("Owner=platform-team, Team=audit, adsso:plan=corp-to-identity-center")
    );
    let after: Vec<&str> = sso_operations(&calls)
        .into_iter()
        .skip_while(|op| *op != "CreatePermissionSet")
        .take(6)
        .collect();
    assert_eq!(
        after,
        [
            "CreatePermissionSet",
            "AttachManagedPolicyToPermissionSet",
            "AttachCustomerManagedPolicyReferenceToPermissionSet",
            "AttachCustomerManagedPolicyReferenceToPermissionSet",
            "PutPermissionsBoundaryToPermissionSet",
            "PutInlinePolicyToPermissionSet",
        ]
    );
}

#[test]
fn an_existing_set_is_only_read_whatever_it_holds() {
    let plan = plan();
    let cloud = ready(both_groups());
    {
        let mut state = cloud.0.borrow_mut();
        let admin = state
            .access
            .sets
            .values_mut()
            .find(|s| s.name == "AdministratorAccess")
            .unwrap();
        admin.boundary = Some(Boundary::Managed(
            "arn:aws:iam::aws:policy/PowerUserAccess".to_owned(),
        ));
        admin.customer = vec![reference("Theirs", "/")];
        admin.description = Some("theirs".to_owned());
    }
    apply(&plan, &cloud).0.unwrap();
    let state = cloud.0.borrow();
    assert!(
        !state.mutations.iter().any(|m| m.contains("ps-admin")),
        "{:?}",
        state.mutations
    );
}
