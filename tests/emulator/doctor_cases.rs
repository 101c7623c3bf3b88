//! More of `adsso doctor` against the AWS emulator: the directory limits before apply creates
//! one, and AWS text shown escaped.

use crate::doctor::{doctor_json, field, managed_ad, status, trust_in, trust_plan};
use crate::support::moto::{ACCOUNT, Peer};
use crate::support::plans::write;

#[test]
fn before_apply_the_limits_are_checked_and_a_full_region_fails() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.fresh_network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(
        dir.path(),
        &crate::support::plans::ad_connector_plan(ACCOUNT, &vpc, &subnets),
    );
    let (run, checks) = doctor_json(&peer, &plan);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert_eq!(status(&checks, "directory.stage"), "skipped");
    assert_eq!(status(&checks, "directory.limits"), "pass");
    assert!(checks.iter().all(|c| c["id"] != "network.sg-egress"));
    // Ten other connectors: the Region's limit for connected directories.
    peer.boto(&format!(
        "ds = boto3.client('ds', **kw)\nfor i in range(10):\n    ds.connect_directory(Name=f'other{{i}}.example.com', Password='Pass-word-1', Size='Small', ConnectSettings={{'VpcId': '{vpc}', 'SubnetIds': ['{}', '{}'], 'CustomerDnsIps': ['10.42.0.10'], 'CustomerUserName': 'svc'}})\nprint('{{}}')",
        subnets[0], subnets[1]
    ));
    let (run, checks) = doctor_json(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert_eq!(status(&checks, "directory.limits"), "fail");
    assert_eq!(
        field(&checks, "directory.limits", "detail"),
        "10 of 10 used"
    );
}

#[test]
fn aws_text_in_the_checks_is_shown_escaped() {
    let peer = Peer::start();
    let id = managed_ad(&peer);
    let hostile = "evil\u{1b}]52;c;ZXZpbA==\u{7}\n  ✓ pass  [trust.state] faked";
    trust_in(&peer, &id, "Failed", hostile);
    let body = serde_json::json!({"directoryId": id, "name": hostile, "stageReason": hostile});
    peer.post("/_ext/directory", &body.to_string());
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&id, "10.42.5.10"));
    let text = peer.adsso(&["doctor", plan.to_str().unwrap()], &[]);
    assert_eq!(text.code, Some(1), "{}", text.all_output());
    assert!(
        !text.stdout.contains('\u{1b}') && !text.stdout.contains('\u{7}'),
        "{:?}",
        text.stdout
    );
    assert!(
        text.stdout.contains("evil\\u{1b}]52;c;ZXZpbA==\\u{7}"),
        "{}",
        text.stdout
    );
    let faked = text
        .stdout
        .lines()
        .filter(|line| line.starts_with("  ✓ pass  [trust.state]"))
        .count();
    assert_eq!(faked, 0, "{}", text.stdout);
    let (_, checks) = doctor_json(&peer, &plan);
    assert!(field(&checks, "trust.state", "detail").starts_with(&format!("Failed: {hostile}")));
}
