//! Assignments to organizational units end to end against the AWS emulator (moto's AWS
//! Organizations, strict against botocore's model): nested OUs, paths, a suspended account, an
//! account moved between OUs then re-applied with prune, throttling while the OUs are read, a
//! delegated administrator and the management account. Each test starts its own emulator.

use crate::support::moto::{ACCOUNT, Peer};
use crate::support::plans::*;

const DOMAIN: &str = "corp.example.com";

/// The organization each test starts from (ids as moto gives them):
/// Root ─┬─ Workloads ─┬─ Prod: prod1, prod2 (closed: SUSPENDED)
///       │             └─ Dev: dev1
///       └─ Sandbox: (empty)
struct Org {
    workloads: String,
    prod: String,
    sandbox: String,
    prod1: String,
    prod2: String,
    dev1: String,
}

fn organization(peer: &Peer) -> Org {
    let ids = peer.boto(
        "org = boto3.client('organizations', **kw)\n\
         org.create_organization(FeatureSet='ALL')\n\
         root = org.list_roots()['Roots'][0]['Id']\n\
         def ou(parent, name):\n    return org.create_organizational_unit(ParentId=parent, Name=name)['OrganizationalUnit']['Id']\n\
         def account(name, parent):\n    a = org.create_account(AccountName=name, Email=name + '@example.com')['CreateAccountStatus']['AccountId']\n    org.move_account(AccountId=a, SourceParentId=root, DestinationParentId=parent)\n    return a\n\
         workloads = ou(root, 'Workloads'); prod = ou(workloads, 'Prod'); dev = ou(workloads, 'Dev')\n\
         sandbox = ou(root, 'Sandbox')\n\
         prod1 = account('prod1', prod); prod2 = account('prod2', prod); dev1 = account('dev1', dev)\n\
         org.close_account(AccountId=prod2)\n\
         out = [workloads, prod, sandbox, prod1, prod2, dev1]\n\
         print(json.dumps(out))\nraise SystemExit",
    );
    let id = |i: usize| ids[i].as_str().unwrap().to_owned();
    Org {
        workloads: id(0),
        prod: id(1),
        sandbox: id(2),
        prod1: id(3),
        prod2: id(4),
        dev1: id(5),
    }
}

/// The AD Connector plan assigning AWS-SSO-Users the permission set ReadOnly through
/// `targets` (the YAML lines of one assignment after its permission set).
fn org_plan(peer: &Peer, targets: &str) -> String {
    let (vpc, subnets) = peer.network();
    let mut text = ad_connector_plan(ACCOUNT, &vpc, &subnets);
    text.push_str(&format!(
        "identityCenter:\n  permissionSets:\n    - name: ReadOnly\n      sessionDuration: PT8H\n      \
         managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n  assignments:\n    \
         - group: AWS-SSO-Users\n      permissionSet: ReadOnly\n{targets}"
    ));
    text
}

/// Applies once (stops at the identity-source gate) and syncs the group; returns the plan path.
fn connected(peer: &Peer, dir: &std::path::Path, plan: &str) -> std::path::PathBuf {
    let path = write(dir, plan);
    let first = apply(peer, &path);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    let directories = peer.directories();
    peer.sync(&directories[0].0, DOMAIN, &["AWS-SSO-Users"]);
    path
}

fn assigned(peer: &Peer) -> Vec<String> {
    let mut accounts: Vec<String> = peer.assignments().into_iter().map(|a| a.0).collect();
    accounts.sort();
    accounts
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

#[test]
fn nested_ous_resolve_to_their_active_accounts_and_a_rerun_changes_nothing() {
    let peer = Peer::start();
    let org = organization(&peer);
    let dir = tempfile::tempdir().unwrap();
    let plan = org_plan(
        &peer,
        &format!("      organizationalUnits: [{}]\n", org.workloads),
    );
    let path = connected(&peer, dir.path(), &plan);
    let operations = [
        "ListRoots",
        "ListOrganizationalUnitsForParent",
        "ListAccountsForParent",
    ];
    let before: Vec<usize> = operations.iter().map(|op| peer.count(op)).collect();
    let second = apply(&peer, &path);
    assert_eq!(second.code, Some(0), "{}", second.all_output());
    assert_eq!(
        assigned(&peer),
        sorted(vec![org.prod1.clone(), org.dev1.clone()])
    );
    assert!(
        second
            .stderr
            .contains(&format!("skipped {} (SUSPENDED: not active)", org.prod2)),
        "{}",
        second.stderr
    );
    // One ListRoots per run; per OU read (Workloads, Prod, Dev) one listing of OUs and one of
    // accounts: a few calls per OU, none per account.
    let made: Vec<usize> = operations
        .iter()
        .zip(&before)
        .map(|(op, before)| peer.count(op) - before)
        .collect();
    assert_eq!(made, [1, 3, 3]);

    let before = mutations(&peer);
    let reads = ["ListGroups", "ListAccountAssignmentsForPrincipal"];
    let read_before: Vec<usize> = reads.iter().map(|op| peer.count(op)).collect();
    let third = apply(&peer, &path);
    assert_eq!(third.code, Some(0), "{}", third.all_output());
    assert!(
        third.stderr.contains("0 created, 2 already present"),
        "{}",
        third.stderr
    );
    assert_eq!(mutations(&peer), before, "a re-run made changes");
    // The groups and the one group's assignments are read once, alongside the other steps: the
    // identity-source gate and the assignments step use those reads.
    let read: Vec<usize> = reads
        .iter()
        .zip(&read_before)
        .map(|(op, before)| peer.count(op) - before)
        .collect();
    assert_eq!(read, [1, 1]);
}

#[test]
fn an_account_moved_to_another_ou_is_pruned_with_prune_and_the_path_target_follows_it() {
    let peer = Peer::start();
    let org = organization(&peer);
    let dir = tempfile::tempdir().unwrap();
    let plan = org_plan(
        &peer,
        "      organizationalUnits: [\"Root/Workloads/Prod\", Root/Sandbox]\n      prune: true\n",
    );
    let path = connected(&peer, dir.path(), &plan);
    assert_eq!(apply(&peer, &path).code, Some(0));
    assert_eq!(assigned(&peer), [org.prod1.as_str()]);

    // prod1 moves from Prod to Dev (no longer targeted); dev1 moves into Sandbox (targeted).
    peer.boto(&format!(
        "org = boto3.client('organizations', **kw)\n\
         org.move_account(AccountId='{}', SourceParentId='{}', DestinationParentId='{}')\n\
         dev = [o['Id'] for o in org.list_organizational_units_for_parent(ParentId='{}')['OrganizationalUnits'] if o['Name'] == 'Dev'][0]\n\
         org.move_account(AccountId='{}', SourceParentId=dev, DestinationParentId='{}')\n\
         org.move_account(AccountId='{}', SourceParentId='{}', DestinationParentId=dev)\n\
         print(json.dumps([]))",
        org.prod1, org.prod, org.sandbox, org.workloads, org.dev1, org.sandbox, org.prod1, org.sandbox
    ));
    let dry = peer.adsso(&["apply", path.to_str().unwrap(), "--dry-run"], &SECRETS);
    assert_eq!(dry.code, Some(0), "{}", dry.all_output());
    assert!(
        dry.stdout.contains("DeleteAccountAssignment")
            || dry.stderr.contains("DeleteAccountAssignment"),
        "{}",
        dry.all_output()
    );
    assert_eq!(
        assigned(&peer),
        [org.prod1.as_str()],
        "the dry run changed something"
    );

    let pruned = apply(&peer, &path);
    assert_eq!(pruned.code, Some(0), "{}", pruned.all_output());
    assert!(
        pruned
            .stderr
            .contains("1 created, 0 already present, 1 pruned"),
        "{}",
        pruned.stderr
    );
    assert_eq!(assigned(&peer), [org.dev1.as_str()]);
}

#[test]
fn throttling_while_the_ous_are_read_is_retried() {
    let peer = Peer::start();
    let org = organization(&peer);
    let dir = tempfile::tempdir().unwrap();
    let plan = org_plan(
        &peer,
        &format!("      organizationalUnits: [{}]\n", org.prod),
    );
    let path = connected(&peer, dir.path(), &plan);
    peer.post(
        "/_fault",
        r#"{"target": "AWSOrganizationsV20161128.ListOrganizationalUnitsForParent", "count": 2, "kind": "throttle"}"#,
    );
    let run = apply(&peer, &path);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert_eq!(assigned(&peer), [org.prod1.as_str()]);
}

#[test]
fn a_delegated_administrator_never_asks_for_the_management_account() {
    let peer = Peer::start();
    let org = organization(&peer);
    peer.config(r#"{"organizationManagementAccount": "999999999999"}"#);
    let dir = tempfile::tempdir().unwrap();
    let plan = org_plan(
        &peer,
        &format!(
            "      accounts: [\"999999999999\"]\n      organizationalUnits: [{}]\n",
            org.prod
        ),
    );
    let path = connected(&peer, dir.path(), &plan);
    let run = apply(&peer, &path);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert!(
        flat(&run.stderr).contains(
            "in 999999999999: the management account: a delegated administrator cannot assign there"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(assigned(&peer), [org.prod1.as_str()]);
    assert!(
        !peer.assignments().iter().any(|a| a.0 == "999999999999"),
        "the management account was asked"
    );
}

#[test]
fn an_ou_that_is_not_in_the_organization_stops_apply_before_any_change() {
    let peer = Peer::start();
    organization(&peer);
    let dir = tempfile::tempdir().unwrap();
    let plan = org_plan(&peer, "      organizationalUnits: [ou-zzzz-zzzzzzzz]\n");
    let path = write(dir.path(), &plan);
    let run = apply(&peer, &path);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert!(
        flat(&run.stderr).contains(
            "organizationalUnits ou-zzzz-zzzzzzzz: not in the organization; nothing was changed"
        ),
        "{}",
        run.stderr
    );
    assert!(mutations(&peer).is_empty(), "{:?}", mutations(&peer));
}

#[test]
fn an_imported_setup_applies_without_a_change_and_groups_the_wholly_assigned_ou() {
    let peer = Peer::start();
    let org = organization(&peer);
    let dir = tempfile::tempdir().unwrap();
    let plan = org_plan(
        &peer,
        &format!(
            "      accounts: [\"{ACCOUNT}\"]\n      organizationalUnits: [{}]\n",
            org.prod
        ),
    );
    let path = connected(&peer, dir.path(), &plan);
    assert_eq!(apply(&peer, &path).code, Some(0));
    let before = mutations(&peer);

    let import = peer.adsso(&["import"], &[]);
    assert_eq!(import.code, Some(0), "{}", import.all_output());
    let text = &import.stdout;
    assert!(
        text.starts_with("# yaml-language-server: $schema="),
        "{text}"
    );
    assert!(text.contains("name: corp-ad-connector"), "{text}");
    assert!(text.contains("group: AWS-SSO-Users"), "{text}");
    assert!(
        text.contains(&format!("organizationalUnits:\n    - {}", org.prod)),
        "{text}"
    );
    assert!(
        text.contains(&format!("- '{ACCOUNT}'")) || text.contains(&format!("- \"{ACCOUNT}\"")),
        "{text}"
    );
    assert!(
        !text.contains(&org.prod1),
        "prod1 is covered by its OU: {text}"
    );
    assert_eq!(mutations(&peer), before, "import changed something");

    let imported = write(dir.path(), text);
    let again = apply(&peer, &imported);
    assert_eq!(again.code, Some(0), "{}", again.all_output());
    assert!(
        again.stderr.contains("0 created, 2 already present"),
        "{}",
        again.stderr
    );
    assert_eq!(
        mutations(&peer),
        before,
        "applying the imported plan changed something"
    );
}
