//! A permission set's description, relay state, customer managed policies, permissions boundary
//! and tags end to end against the AWS emulator: created with the set, changed and converged
//! (attach, detach, put, delete, provisioned again), nothing changed on a re-run, and a dry run
//! that lists exactly the calls the real run then makes.

use crate::support::moto::{ACCOUNT, Peer};
use crate::support::plans::*;

const DOMAIN: &str = "corp.example.com";

/// The AD Connector plan with one permission set holding `fields` (YAML lines at the set's
/// indentation) and one assignment.
fn parity_plan(peer: &Peer, fields: &str) -> String {
    let (vpc, subnets) = peer.network();
    let mut text = ad_connector_plan(ACCOUNT, &vpc, &subnets);
    text.push_str(&format!(
        "identityCenter:\n  permissionSets:\n    - name: ReadOnly\n      sessionDuration: PT8H\n\
         {fields}  assignments:\n    - group: AWS-SSO-Users\n      permissionSet: ReadOnly\n\
         \x20     accounts: [\"210000000000\"]\n"
    ));
    text
}

const FIRST: &str = "      description: Read-only access for auditors
      relayState: https://console.aws.amazon.com/s3
      customerManagedPolicies:
        - {name: DenyBilling}
        - {name: ReadReports, path: /team/}
      permissionsBoundary:
        customerManagedPolicy: {name: Boundary, path: /limits/}
      tags: {Team: audit}
";

const SECOND: &str = "      description: Auditors
      relayState: https://console.aws.amazon.com/ec2
      customerManagedPolicies:
        - {name: DenyBilling}
        - {name: Extra}
      permissionsBoundary:
        managedPolicyArn: arn:aws:iam::aws:policy/PowerUserAccess
      tags: {Team: security}
";

/// What the emulator holds for the one permission set: description, relay state, customer
/// managed policies as `path+name`, the boundary (or null) and the tags as `key=value`.
fn held(peer: &Peer) -> serde_json::Value {
    peer.boto(
        "sso = boto3.client('sso-admin', **kw)\n\
         instance = sso.list_instances()['Instances'][0]['InstanceArn']\n\
         a = {'InstanceArn': instance}\n\
         a['PermissionSetArn'] = sso.list_permission_sets(InstanceArn=instance)['PermissionSets'][0]\n\
         d = sso.describe_permission_set(**a)['PermissionSet']\n\
         c = sso.list_customer_managed_policy_references_in_permission_set(**a)['CustomerManagedPolicyReferences']\n\
         try:\n    b = sso.get_permissions_boundary_for_permission_set(**a)['PermissionsBoundary']\n\
         except sso.exceptions.ResourceNotFoundException:\n    b = None\n\
         t = sso.list_tags_for_resource(InstanceArn=instance, ResourceArn=a['PermissionSetArn'])['Tags']\n\
         out = [d.get('Description'), d.get('RelayState'), sorted(x['Path'] + x['Name'] for x in c), b,\n\
         \x20      sorted(x['Key'] + '=' + x['Value'] for x in t)]\n\
         print(json.dumps(out))",
    )
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

/// The operation names of the emulator's mutating calls from `from` on.
fn made(peer: &Peer, from: usize) -> Vec<String> {
    mutations(peer)
        .iter()
        .skip(from)
        .filter_map(|target| target.rsplit('.').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_field_is_created_converged_and_left_alone_when_in_place() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), &parity_plan(&peer, FIRST));
    let first = apply(&peer, &path);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    let directories = peer.directories();
    peer.sync(&directories[0].0, DOMAIN, &["AWS-SSO-Users"]);
    let second = apply(&peer, &path);
    assert_eq!(second.code, Some(0), "{}", second.all_output());
    assert_eq!(
        held(&peer),
        serde_json::json!([
            "Read-only access for auditors",
            "https://console.aws.amazon.com/s3",
            ["/DenyBilling", "/team/ReadReports"],
            {"CustomerManagedPolicyReference": {"Name": "Boundary", "Path": "/limits/"}},
            ["Owner=platform-team", "Team=audit", "adsso:plan=corp-ad-connector"]
        ])
    );

    let before = mutations(&peer).len();
    let third = apply(&peer, &path);
    assert_eq!(third.code, Some(0), "{}", third.all_output());
    assert!(
        third.stderr.contains("ReadOnly is up to date"),
        "{}",
        third.stderr
    );
    assert_eq!(
        made(&peer, before),
        Vec::<String>::new(),
        "a re-run made changes"
    );

    // Changed: a dry run lists each change, the real run makes exactly those.
    write(dir.path(), &parity_plan(&peer, SECOND));
    let status = peer.adsso(&["status", path.to_str().unwrap(), "--output", "json"], &[]);
    assert_eq!(status.code, Some(0), "{}", status.all_output());
    let json: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    let set = &json["permissionSets"][0];
    assert_eq!(set["state"], "differs", "{json}");
    assert_eq!(set["description"], "Read-only access for auditors");
    assert_eq!(
        set["pending"],
        serde_json::json!([
            "description, relay state https://console.aws.amazon.com/ec2",
            "attach customer managed /Extra",
            "detach customer managed /team/ReadReports",
            "permissions boundary arn:aws:iam::aws:policy/PowerUserAccess",
            "tags Team"
        ])
    );
    let dry = peer.adsso(&["apply", path.to_str().unwrap(), "--dry-run"], &SECRETS);
    assert_eq!(dry.code, Some(0), "{}", dry.all_output());
    assert_eq!(
        made(&peer, before),
        Vec::<String>::new(),
        "a dry run made changes"
    );
    let would = listed(&dry.stdout);
    assert_eq!(
        would,
        [
            "UpdatePermissionSet",
            "AttachCustomerManagedPolicyReferenceToPermissionSet",
            "DetachCustomerManagedPolicyReferenceFromPermissionSet",
            "PutPermissionsBoundaryToPermissionSet",
            "TagResource",
            "ProvisionPermissionSet",
        ]
    );
    for expected in [
        "Description: Auditors",
        "RelayState: https://console.aws.amazon.com/ec2",
        "CustomerManagedPolicyReference: Name=Extra, Path=/",
        "CustomerManagedPolicyReference: Name=ReadReports, Path=/team/",
        "PermissionsBoundary: ManagedPolicyArn=arn:aws:iam::aws:policy/PowerUserAccess",
        "Tags: Team=security",
    ] {
        assert!(dry.stdout.contains(expected), "{expected}: {}", dry.stdout);
    }
    let fourth = apply(&peer, &path);
    assert_eq!(fourth.code, Some(0), "{}", fourth.all_output());
    assert_eq!(made(&peer, before), would);
    assert_eq!(
        held(&peer),
        serde_json::json!([
            "Auditors",
            "https://console.aws.amazon.com/ec2",
            ["/DenyBilling", "/Extra"],
            {"ManagedPolicyArn": "arn:aws:iam::aws:policy/PowerUserAccess"},
            ["Owner=platform-team", "Team=security", "adsso:plan=corp-ad-connector"]
        ])
    );
    let status = peer.adsso(&["status", path.to_str().unwrap()], &[]);
    assert_eq!(status.code, Some(0), "{}", status.all_output());
    for expected in [
        "permission set    ReadOnly: up to date\n",
        "  description     Auditors\n",
        "  relay state     https://console.aws.amazon.com/ec2\n",
        "  customer policy /DenyBilling, /Extra\n",
        "  boundary        arn:aws:iam::aws:policy/PowerUserAccess\n",
        "  tags            Owner=platform-team, Team=security, adsso:plan=corp-ad-connector\n",
    ] {
        assert!(
            status.stdout.contains(expected),
            "{expected}: {}",
            status.stdout
        );
    }
    let again = mutations(&peer).len();
    let fifth = apply(&peer, &path);
    assert_eq!(fifth.code, Some(0), "{}", fifth.all_output());
    assert_eq!(
        made(&peer, again),
        Vec::<String>::new(),
        "a re-run made changes"
    );

    // Dropped: the boundary, the customer managed policies and the set's tag go (the set is
    // this plan's); the description stays.
    write(dir.path(), &parity_plan(&peer, ""));
    let sixth = apply(&peer, &path);
    assert_eq!(sixth.code, Some(0), "{}", sixth.all_output());
    assert_eq!(
        made(&peer, again),
        [
            "DetachCustomerManagedPolicyReferenceFromPermissionSet",
            "DetachCustomerManagedPolicyReferenceFromPermissionSet",
            "DeletePermissionsBoundaryFromPermissionSet",
            "UntagResource",
            "ProvisionPermissionSet",
        ]
    );
    let now = held(&peer);
    assert_eq!(now[0], "Auditors");
    assert_eq!(now[2], serde_json::json!([]));
    assert_eq!(now[3], serde_json::Value::Null);
    assert_eq!(
        now[4],
        serde_json::json!(["Owner=platform-team", "adsso:plan=corp-ad-connector"])
    );
}

#[test]
fn an_imported_set_keeps_every_field_and_applies_without_a_change() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), &parity_plan(&peer, FIRST));
    assert_eq!(apply(&peer, &path).code, Some(3));
    let directories = peer.directories();
    peer.sync(&directories[0].0, DOMAIN, &["AWS-SSO-Users"]);
    let second = apply(&peer, &path);
    assert_eq!(second.code, Some(0), "{}", second.all_output());
    let before = mutations(&peer);

    let import = peer.adsso(&["import"], &[]);
    assert_eq!(import.code, Some(0), "{}", import.all_output());
    for expected in [
        "description: Read-only access for auditors",
        "relayState: https://console.aws.amazon.com/s3",
        "name: DenyBilling",
        "path: /team/",
        "name: Boundary",
        "Team: audit",
    ] {
        assert!(
            import.stdout.contains(expected),
            "{expected}: {}",
            import.stdout
        );
    }
    let imported = dir.path().join("imported.yaml");
    std::fs::write(&imported, &import.stdout).unwrap();
    let again = apply(&peer, &imported);
    assert_eq!(again.code, Some(0), "{}", again.all_output());
    assert!(
        again.stderr.contains("ReadOnly is up to date"),
        "{}",
        again.stderr
    );
    assert_eq!(
        mutations(&peer),
        before,
        "applying the imported plan changed something"
    );
}
