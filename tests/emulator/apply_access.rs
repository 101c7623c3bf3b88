//! Permission sets and AD group assignments end to end against the AWS emulator (moto +
//! adsso's extension: synced groups, per-call latency, assignment creation time, the
//! outstanding limit, call statistics). Each test starts its own emulator.

use crate::support::moto::{ACCOUNT, Peer};
use crate::support::plans::*;

const DOMAIN: &str = "corp.example.com";

/// The AD Connector plan with an `identityCenter` block: one permission set (managed and
/// inline policy) and `groups` each assigned to `accounts`.
fn access_plan(peer: &Peer, groups: &[&str], accounts: &[String]) -> String {
    let (vpc, subnets) = peer.network();
    let mut text = ad_connector_plan(ACCOUNT, &vpc, &subnets);
    let accounts = accounts
        .iter()
        .map(|a| format!("\"{a}\""))
        .collect::<Vec<_>>()
        .join(", ");
    text.push_str(
        r#"identityCenter:
  permissionSets:
    - name: ReadOnly
      sessionDuration: PT8H
      managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]
      inlinePolicy: |
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}
  assignments:
"#,
    );
    for group in groups {
        text.push_str(&format!(
            "    - group: {group}\n      permissionSet: ReadOnly\n      accounts: [{accounts}]\n"
        ));
    }
    text
}

fn accounts(count: u64) -> Vec<String> {
    (0..count)
        .map(|i| format!("{:012}", 210_000_000_000 + i))
        .collect()
}

/// Applies once (stops at the identity-source gate), syncs `synced` and returns the plan path.
fn connected(
    peer: &Peer,
    dir: &std::path::Path,
    plan: &str,
    synced: &[&str],
) -> std::path::PathBuf {
    let path = write(dir, plan);
    let first = apply(peer, &path);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    let directories = peer.directories();
    assert_eq!(directories.len(), 1, "{directories:?}");
    peer.sync(&directories[0].0, DOMAIN, synced);
    path
}

/// Runs boto3 code with `sso`, `ids` (identitystore) and `instance` defined; prints `out`.
fn boto(peer: &Peer, code: &str) -> serde_json::Value {
    peer.boto(&format!(
        "sso = boto3.client('sso-admin', **kw)\nids = boto3.client('identitystore', **kw)\n\
         instance = sso.list_instances()['Instances'][0]['InstanceArn']\n{code}\nprint(json.dumps(out))"
    ))
}

#[test]
fn permission_sets_and_assignments_are_created_once() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let plan = access_plan(&peer, &["AWS-SSO-Users"], &accounts(3));
    let path = connected(&peer, dir.path(), &plan, &["AWS-SSO-Users", "Other"]);

    let second = apply(&peer, &path);
    assert_eq!(second.code, Some(0), "{}", second.all_output());
    assert!(
        second.stderr.contains("created ReadOnly"),
        "{}",
        second.stderr
    );
    assert!(
        second.stderr.contains("3 created, 0 already present"),
        "{}",
        second.stderr
    );
    let assignments = peer.assignments();
    assert_eq!(assignments.len(), 3, "{assignments:?}");
    let group = &assignments[0].2;
    assert!(assignments.iter().all(|(_, _, g)| g == group));
    let set = boto(
        &peer,
        "arn = sso.list_permission_sets(InstanceArn=instance)['PermissionSets'][0]\n\
         d = sso.describe_permission_set(InstanceArn=instance, PermissionSetArn=arn)['PermissionSet']\n\
         p = sso.list_managed_policies_in_permission_set(InstanceArn=instance, PermissionSetArn=arn)['AttachedManagedPolicies']\n\
         i = sso.get_inline_policy_for_permission_set(InstanceArn=instance, PermissionSetArn=arn)['InlinePolicy']\n\
         out = [d['Name'], d['SessionDuration'], [x['Arn'] for x in p], i]",
    );
    assert_eq!(set[0], "ReadOnly");
    assert_eq!(set[1], "PT8H");
    assert_eq!(set[2][0], "arn:aws:iam::aws:policy/ReadOnlyAccess");
    assert!(set[3].as_str().unwrap().contains("s3:GetObject"), "{set}");

    let before = mutations(&peer);
    let third = apply(&peer, &path);
    assert_eq!(third.code, Some(0), "{}", third.all_output());
    assert!(
        third.stderr.contains("ReadOnly is up to date"),
        "{}",
        third.stderr
    );
    assert!(
        third.stderr.contains("0 created, 3 already present"),
        "{}",
        third.stderr
    );
    assert_eq!(mutations(&peer), before, "a re-run made changes");
    assert_eq!(peer.stats()["duplicateAssignments"], 0);

    let destroy = peer.adsso(&["destroy", path.to_str().unwrap(), "--yes"], &[]);
    assert_eq!(destroy.code, Some(0), "{}", destroy.all_output());
    assert!(
        destroy
            .stdout
            .contains("left in place: 3 account assignment(s)"),
        "{}",
        destroy.stdout
    );
    assert_eq!(peer.assignments().len(), 3, "destroy removed assignments");
}

#[test]
fn a_missing_group_is_reported_while_the_others_are_assigned_despite_throttling() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let plan = access_plan(
        &peer,
        &["AWS-SSO-Users", "Not-Synced", "Also-Missing"],
        &accounts(4),
    );
    let path = connected(&peer, dir.path(), &plan, &["AWS-SSO-Users"]);
    // More throttles than the SDK's own retries absorb for one call.
    peer.post(
        "/_fault",
        r#"{"target": "SWBExternalService.CreateAccountAssignment", "count": 12, "kind": "throttle"}"#,
    );

    let run = apply(&peer, &path);
    assert_eq!(run.code, Some(3), "{}", run.all_output());
    let out = flat(&run.stdout);
    assert!(out.contains("4 created, 0 already present"), "{out}");
    assert!(
        out.contains("not found in Identity Center (their assignments were skipped): Also-Missing, Not-Synced"),
        "{out}"
    );
    assert!(
        out.contains("sync scope") && out.contains("3 hours"),
        "{out}"
    );
    assert_eq!(peer.assignments().len(), 4);
    let stats = peer.stats();
    assert_eq!(stats["duplicateAssignments"], 0, "{stats}");
    assert_eq!(stats["assignmentCreates"], 4, "{stats}");
    assert!(
        peer.count("CreateAccountAssignment") > 12,
        "the throttles were not hit"
    );

    let status = peer.adsso(&["status", path.to_str().unwrap()], &[]);
    assert_eq!(status.code, Some(0), "{}", status.all_output());
    assert!(
        status.stdout.contains("4 of 12 present"),
        "{}",
        status.stdout
    );
    assert!(
        status
            .stdout
            .contains("AWS-SSO-Users -> ReadOnly in 210000000003: present"),
        "{}",
        status.stdout
    );
    assert!(
        status
            .stdout
            .contains("Not-Synced -> ReadOnly in 210000000000: group not synced"),
        "{}",
        status.stdout
    );

    let destroy = peer.adsso(
        &[
            "destroy",
            path.to_str().unwrap(),
            "--yes",
            "--include-assignments",
        ],
        &[],
    );
    assert_eq!(destroy.code, Some(0), "{}", destroy.all_output());
    assert!(
        destroy
            .stdout
            .contains("delete assignment AWS-SSO-Users -> ReadOnly in 210000000000"),
        "{}",
        destroy.stdout
    );
    assert!(peer.assignments().is_empty(), "{:?}", peer.assignments());
}

#[test]
fn a_group_of_the_same_name_from_another_source_is_not_assigned() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let plan = access_plan(&peer, &["AWS-SSO-Users", "Local-Admins"], &accounts(1));
    let path = connected(&peer, dir.path(), &plan, &["AWS-SSO-Users"]);
    boto(
        &peer,
        "store = sso.list_instances()['Instances'][0]['IdentityStoreId']\n\
         ids.create_group(IdentityStoreId=store, DisplayName='Local-Admins')\n\
         out = True",
    );
    let run = apply(&peer, &path);
    assert_eq!(run.code, Some(3), "{}", run.all_output());
    let out = flat(&run.stdout);
    assert!(
        out.contains(
            "not synced from this plan's directory (skipped): Local-Admins (found Local-Admins)"
        ),
        "{out}"
    );
    assert_eq!(peer.assignments().len(), 1);
}

#[test]
fn creations_stay_within_ten_outstanding_and_failures_are_named() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let plan = access_plan(&peer, &["AWS-SSO-Users", "Broken"], &accounts(30));
    let path = write(dir.path(), &plan);
    let first = apply(&peer, &path);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    let ids = peer.sync(
        &peer.directories()[0].0,
        DOMAIN,
        &["AWS-SSO-Users", "Broken"],
    );
    let config = serde_json::json!({
        "latencyMs": 20,
        "assignmentCreationMs": 300,
        "failAssignmentPrincipals": [ids[1]],
    });
    peer.config(&config.to_string());

    let run = apply(&peer, &path);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    let err = flat(&run.stderr);
    assert!(
        err.contains("30 created, 0 already present; 30 failed"),
        "{err}"
    );
    assert!(
        err.contains("Broken -> ReadOnly in 210000000000: FAILED"),
        "{err}"
    );
    assert_eq!(peer.assignments().len(), 30);
    let stats = peer.stats();
    let outstanding = stats["maxOutstandingAssignments"].as_u64().unwrap();
    assert!((2..=10).contains(&outstanding), "{stats}");
    assert_eq!(stats["throttled"], 0, "{stats}");
    assert_eq!(stats["duplicateAssignments"], 0, "{stats}");
}

#[test]
fn five_hundred_assignments_with_latency_keep_the_call_budget() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let plan = access_plan(&peer, &["AWS-SSO-Users"], &accounts(500));
    let path = connected(&peer, dir.path(), &plan, &["AWS-SSO-Users"]);
    peer.config(r#"{"latencyMs": 50}"#);

    let run = apply(&peer, &path);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert!(
        run.stderr.contains("500 created, 0 already present"),
        "{}",
        run.stderr
    );
    assert_eq!(peer.assignments().len(), 500);
    let stats = peer.stats();
    assert_eq!(stats["duplicateAssignments"], 0, "{stats}");
    assert_eq!(stats["assignmentCreates"], 500, "{stats}");
    // Calls start 50 ms apart; the server's receive times may bunch one call into a window.
    assert!(stats["peakTps"].as_u64().unwrap() <= 21, "{stats}");
}

/// The operations a dry run's standard output lists (`would call service:Operation`).
fn listed(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter_map(|line| line.strip_prefix("would call "))
        .filter_map(|call| call.split(':').nth(1))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_dry_run_lists_the_mutating_calls_the_real_run_makes_in_order() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let plan = access_plan(&peer, &["AWS-SSO-Users", "AWS-Admins"], &accounts(2));
    let path = write(dir.path(), &plan);
    let dry = peer.adsso(&["apply", path.to_str().unwrap(), "--dry-run"], &SECRETS);
    no_secret(&dry);
    assert_eq!(dry.code, Some(0), "{}", dry.all_output());
    assert_eq!(mutations(&peer), Vec::<String>::new());
    for expected in [
        "Description: Created by adsso for plan corp-ad-connector",
        "Tags: Owner=platform-team, adsso:plan=corp-ad-connector",
        "ManagedPolicyArn: arn:aws:iam::aws:policy/ReadOnlyAccess",
        "InlinePolicy: {",
    ] {
        assert!(dry.stdout.contains(expected), "{expected}: {}", dry.stdout);
    }
    let would = listed(&dry.stdout);

    let first = apply(&peer, &path);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    let directories = peer.directories();
    peer.sync(&directories[0].0, DOMAIN, &["AWS-SSO-Users", "AWS-Admins"]);
    let second = apply(&peer, &path);
    assert_eq!(second.code, Some(0), "{}", second.all_output());
    let made: Vec<String> = mutations(&peer)
        .iter()
        .filter_map(|target| target.rsplit('.').next())
        .map(str::to_owned)
        .collect();
    assert_eq!(would, made);
    assert_eq!(
        would
            .iter()
            .filter(|o| *o == "CreateAccountAssignment")
            .count(),
        4
    );
}

#[test]
fn a_dry_run_without_credentials_lists_and_counts_every_call() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        &access_plan(&peer, &["AWS-SSO-Users"], &accounts(3)),
    );
    let dry = peer.adsso(
        &["apply", path.to_str().unwrap(), "--dry-run"],
        &[("AWS_ACCESS_KEY_ID", ""), ("AWS_SECRET_ACCESS_KEY", "")],
    );
    assert_eq!(dry.code, Some(0), "{}", dry.all_output());
    assert_eq!(
        listed(&dry.stdout),
        vec![
            "ConnectDirectory",
            "CreatePermissionSet",
            "AttachManagedPolicyToPermissionSet",
            "PutInlinePolicyToPermissionSet",
            "CreateAccountAssignment",
            "CreateAccountAssignment",
            "CreateAccountAssignment"
        ]
    );
    let text = flat(&dry.stderr);
    assert!(text.contains("3 account assignment(s)"), "{text}");
    assert!(
        text.contains("0 of 3 assignments exist; would create 3"),
        "{text}"
    );
}
