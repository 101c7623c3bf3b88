//! AWS's own rules for its errors, against the AWS emulator's real HTTP answers: a KMS reason
//! blames the instance's key, Identity Center's write conflicts are retried with backoff and end
//! as a concurrent change, each service gets its own quota advice, Directory Service codes name
//! their fix, and VerifyTrust failures that waiting cannot fix end apply at once.

use crate::support::moto::{ACCOUNT, Peer};
use crate::support::plans::*;

const DOMAIN: &str = "corp.example.com";

/// Injects `code` (with `reason` when given) as the next `count` answers of `target`.
fn fault(peer: &Peer, target: &str, count: u32, code: &str, reason: Option<&str>) {
    let reason = reason
        .map(|r| format!(r#", "reason": "{r}""#))
        .unwrap_or_default();
    peer.post(
        "/_fault",
        &format!(
            r#"{{"target": "{target}", "count": {count}, "kind": "error", "code": "{code}", "message": "emulated"{reason}}}"#
        ),
    );
}

/// The AD Connector plan with one permission set assigned to one group in two accounts, applied
/// up to the identity-source gate and synced.
fn connected(peer: &Peer, dir: &std::path::Path) -> std::path::PathBuf {
    let (vpc, subnets) = peer.network();
    let mut text = ad_connector_plan(ACCOUNT, &vpc, &subnets);
    text.push_str(
        "identityCenter:\n  permissionSets:\n    - name: ReadOnly\n      \
         managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n  assignments:\n    \
         - group: AWS-SSO-Users\n      permissionSet: ReadOnly\n      \
         accounts: [\"210000000000\", \"210000000001\"]\n",
    );
    let path = write(dir, &text);
    let first = apply(peer, &path);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    let directories = peer.directories();
    peer.sync(&directories[0].0, DOMAIN, &["AWS-SSO-Users"]);
    path
}

#[test]
fn a_kms_reason_names_the_instance_s_key_instead_of_iam() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    fault(
        &peer,
        "SWBExternalService.ListInstances",
        1,
        "AccessDeniedException",
        Some("KMS_AccessDeniedException"),
    );
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    let text = flat(&run.stderr);
    assert!(text.contains("customer managed KMS key"), "{text}");
    assert!(text.contains("Reason: KMS_AccessDeniedException"), "{text}");
    assert!(text.contains("key policy"), "{text}");
    assert!(!text.contains("use credentials allowed to call"), "{text}");

    // Two: the read made alongside the steps, then the identity-source gate's own (the gate
    // reads again when the early read failed).
    fault(
        &peer,
        "AWSIdentityStore.ListGroups",
        2,
        "ValidationException",
        Some("KMS_DISABLED"),
    );
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    let text = flat(&run.stderr);
    assert!(text.contains("identitystore:ListGroups failed"), "{text}");
    assert!(text.contains("Reason: KMS_DISABLED"), "{text}");
    assert!(text.contains("must be enabled"), "{text}");
}

#[test]
fn write_conflicts_are_retried_then_reported_as_a_concurrent_change() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let path = connected(&peer, dir.path());
    fault(
        &peer,
        "SWBExternalService.CreatePermissionSet",
        2,
        "ConflictException",
        None,
    );
    let run = apply(&peer, &path);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert_eq!(peer.count("CreatePermissionSet"), 3);
    assert_eq!(peer.assignments().len(), 2);

    let dir = tempfile::tempdir().unwrap();
    let peer = Peer::start();
    let path = connected(&peer, dir.path());
    fault(
        &peer,
        "SWBExternalService.CreateAccountAssignment",
        1000,
        "ConflictException",
        None,
    );
    let run = apply(&peer, &path);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    let text = flat(&run.stderr);
    assert!(text.contains("a concurrent change conflicted"), "{text}");
    assert!(!text.contains("rename or remove"), "{text}");
    assert_eq!(peer.count("CreateAccountAssignment"), 2 * 6);
}

#[test]
fn destroy_retries_a_conflicting_assignment_deletion() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let path = connected(&peer, dir.path());
    let run = apply(&peer, &path);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert_eq!(peer.assignments().len(), 2);
    fault(
        &peer,
        "SWBExternalService.DeleteAccountAssignment",
        2,
        "ConflictException",
        None,
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
    assert_eq!(peer.count("DeleteAccountAssignment"), 2 + 2);
    assert!(peer.assignments().is_empty(), "{:?}", peer.assignments());
}

#[test]
fn each_code_gets_its_own_advice() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let path = connected(&peer, dir.path());
    fault(
        &peer,
        "SWBExternalService.CreatePermissionSet",
        1,
        "ServiceQuotaExceededException",
        None,
    );
    let run = apply(&peer, &path);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    let text = flat(&run.stderr);
    assert!(
        text.contains("an IAM Identity Center quota is reached"),
        "{text}"
    );
    assert!(text.contains("Service Quotas console"), "{text}");
    assert!(!text.contains("get-directory-limits"), "{text}");

    for (code, advice) in [
        ("InvalidNextTokenException", "its token expired"),
        (
            "DirectoryUnavailableException",
            "Directory Service troubleshooting guide",
        ),
        ("EntityAlreadyExistsException", "rename or remove"),
    ] {
        fault(
            &peer,
            "DirectoryService_20150416.DescribeDirectories",
            1,
            code,
            None,
        );
        let run = apply(&peer, &path);
        assert_eq!(run.code, Some(1), "{}", run.all_output());
        let text = flat(&run.stderr);
        assert!(text.contains(advice), "{code}: {text}");
        assert!(
            text.contains(&format!("{code}: emulated")),
            "{code}: {text}"
        );
    }
}

#[test]
fn a_verify_trust_error_that_waiting_cannot_fix_ends_apply_at_once() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&vpc, &subnets));
    fault(
        &peer,
        "DirectoryService_20150416.VerifyTrust",
        1,
        "AccessDeniedException",
        None,
    );
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    let text = flat(&run.stderr);
    assert!(
        text.contains("ds:VerifyTrust failed: access denied"),
        "{text}"
    );
    assert_eq!(peer.count("VerifyTrust"), 1);

    // Without the fault, VerifyTrust answers ClientException until the other side exists: the
    // gate stops with its instructions (no terminal), to be resumed.
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(3), "{}", run.all_output());
    assert!(flat(&run.stdout).contains("MANUAL STEP"), "{}", run.stdout);
}

#[test]
fn a_subnet_ec2_does_not_know_stops_apply_before_any_change() {
    let peer = Peer::start();
    let (vpc, mut subnets) = peer.network();
    subnets[1] = "subnet-0fedcba9876543210".to_owned();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let before = peer.count("DescribeSubnets");
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    let text = flat(&run.all_output());
    assert!(
        text.contains("a subnet of the plan does not exist in us-east-1"),
        "{text}"
    );
    assert!(text.contains("InvalidSubnetID.NotFound"), "{text}");
    assert!(text.contains("aws ec2 describe-subnets"), "{text}");
    let calls = peer.count("DescribeSubnets") - before;
    assert_eq!(calls, 1, "not retried: AWS's answer is final");
    assert_eq!(mutations(&peer), Vec::<String>::new());
}
