//! What keeps `apply` and `destroy` safe, against the AWS emulator: faults, a wrong account, failed
//! stages, directories that are not the plan's, missing secrets, AWS errors, timeouts.

use crate::support::moto::{ACCOUNT, Peer};
use crate::support::plans::*;

#[test]
fn injected_faults_on_every_call_still_converge_without_duplicates() {
    let peer = Peer::start();
    peer.post("/_ext/config", r#"{"directoryCreatingReads": 2}"#);
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let targets = [
        ("sts.GetCallerIdentity", "throttle"),
        ("SWBExternalService.ListInstances", "http500"),
        ("ec2.DescribeSubnets", "throttle"),
        ("DirectoryService_20150416.DescribeDirectories", "http500"),
        ("DirectoryService_20150416.ListTagsForResource", "throttle"),
        ("DirectoryService_20150416.ConnectDirectory", "throttle"),
        ("AWSIdentityStore.ListGroups", "http500"),
    ];
    for (target, kind) in targets {
        peer.post(
            "/_fault",
            &format!(r#"{{"target": "{target}", "count": 2, "kind": "{kind}"}}"#),
        );
    }
    peer.post(
        "/_fault",
        r#"{"target": "*", "count": 5, "kind": "latency", "latencyMs": 150}"#,
    );
    let first = apply(&peer, &plan);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    let directories = peer.directories();
    assert_eq!(directories.len(), 1, "{directories:?}");
    peer.sync(&directories[0].0, "corp.example.com", &["AWS-SSO-Users"]);
    for (target, kind) in targets {
        peer.post(
            "/_fault",
            &format!(r#"{{"target": "{target}", "count": 2, "kind": "{kind}"}}"#),
        );
    }
    let second = apply(&peer, &plan);
    assert_eq!(second.code, Some(0), "{}", second.all_output());
    assert_eq!(peer.directories().len(), 1);
    // Throttled ConnectDirectory attempts were retried by the SDK; only one directory exists.
    assert!(peer.count("ConnectDirectory") >= 1);
}

#[test]
fn a_wrong_account_is_refused_before_any_change() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(
        dir.path(),
        &ad_connector_plan("111122223333", &vpc, &subnets),
    );
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert!(
        flat(&run.stderr).contains("credentials are for account 123456789012"),
        "{}",
        run.stderr
    );
    assert!(flat(&run.stderr).contains("111122223333"), "{}", run.stderr);
    assert_eq!(mutations(&peer), Vec::<String>::new());
}

#[test]
fn a_failed_directory_ends_apply_with_the_reason_and_likely_fixes() {
    let peer = Peer::start();
    peer.post(
        "/_ext/config",
        r#"{"directoryCreatingReads": 2, "failDirectories": true}"#,
    );
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert!(flat(&run.stderr).contains("is Failed"), "{}", run.stderr);
    assert!(
        flat(&run.stderr).contains("emulated failure"),
        "{}",
        run.stderr
    );
    assert!(
        flat(&run.stderr).contains("likely causes"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_same_named_directory_of_someone_else_stops_apply() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    peer.boto(&format!(
        "ds = boto3.client('ds', **kw)\nr = ds.connect_directory(Name='corp.example.com', ShortName='CORP', Password='Passw0rd!x', Size='Small', ConnectSettings={{'VpcId': '{vpc}', 'SubnetIds': ['{}', '{}'], 'CustomerDnsIps': ['10.0.0.10'], 'CustomerUserName': 'other'}})\nprint(json.dumps(r['DirectoryId']))",
        subnets[0], subnets[1]
    ));
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert!(
        flat(&run.stderr).contains("not tagged adsso:plan=corp-ad-connector"),
        "{}",
        run.stderr
    );
    // The fix is the diagnostic's help, and it reaches the report.
    assert!(
        flat(&run.stderr).contains("help: if it is unused, its owner can delete it"),
        "{}",
        run.stderr
    );
    assert_eq!(peer.count("ConnectDirectory"), 1, "only the foreign one");
}

#[test]
fn destroy_removes_only_what_the_plan_tagged() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let foreign = peer.boto(&format!(
        "ds = boto3.client('ds', **kw)\nr = ds.create_microsoft_ad(Name='other.example.com', ShortName='OTHER', Password='Passw0rd!x', VpcSettings={{'VpcId': '{vpc}', 'SubnetIds': ['{}', '{}']}})\nprint(json.dumps(r['DirectoryId']))",
        subnets[0], subnets[1]
    ));
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&vpc, &subnets));
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(3), "{}", run.all_output());
    assert_eq!(peer.directories().len(), 2);

    let destroy = peer.adsso(&["destroy", plan.to_str().unwrap(), "--yes"], &[]);
    assert_eq!(destroy.code, Some(0), "{}", destroy.all_output());
    assert!(
        destroy.stdout.contains("delete trust"),
        "{}",
        destroy.stdout
    );
    let left = peer.directories();
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0].0, foreign.as_str().unwrap());
    assert_eq!(peer.count("DeleteTrust"), 1);

    let again = peer.adsso(&["destroy", plan.to_str().unwrap(), "--yes"], &[]);
    assert_eq!(again.code, Some(0), "{}", again.all_output());
    assert!(
        again.stdout.contains("nothing to delete"),
        "{}",
        again.stdout
    );
}

#[test]
fn a_trust_on_an_existing_ad_connector_is_refused() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let id = peer.boto(&format!(
        "ds = boto3.client('ds', **kw)\nr = ds.connect_directory(Name='corp.example.com', ShortName='CORP', Password='Passw0rd!x', Size='Small', ConnectSettings={{'VpcId': '{vpc}', 'SubnetIds': ['{}', '{}'], 'CustomerDnsIps': ['10.0.0.10'], 'CustomerUserName': 'svc'}})\nprint(json.dumps(r['DirectoryId']))",
        subnets[0], subnets[1]
    ));
    let text = trust_plan(&vpc, &subnets);
    let start = text.find("      create:").unwrap();
    let text = format!(
        "{}      existingDirectoryId: {}\n",
        &text[..start],
        id.as_str().unwrap()
    );
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &text);
    let run = apply(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert!(
        flat(&run.stderr).contains("is a ADConnector"),
        "{}",
        run.stderr
    );
    assert_eq!(peer.count("CreateTrust"), 0);
}

#[test]
fn a_missing_secret_or_a_missing_terminal_is_invalid_input_and_changes_nothing() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let path = plan.to_str().unwrap();
    let missing = peer.adsso(&["apply", path, "--yes"], &[]);
    assert_eq!(missing.code, Some(2), "{}", missing.all_output());
    assert!(
        flat(&missing.stderr).contains("ADSSO_SERVICE_ACCOUNT_PASSWORD, which is not set"),
        "{}",
        missing.stderr
    );
    let unconfirmed = peer.adsso(&["apply", path], &SECRETS);
    no_secret(&unconfirmed);
    assert_eq!(unconfirmed.code, Some(2), "{}", unconfirmed.all_output());
    assert!(
        flat(&unconfirmed.stderr).contains("there is no terminal"),
        "{}",
        unconfirmed.stderr
    );
    assert_eq!(mutations(&peer), Vec::<String>::new());
}

#[test]
fn a_security_group_without_outbound_dns_is_warned_about() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&vpc, &subnets));
    let first = apply(&peer, &plan);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    assert!(
        !flat(&first.stderr).contains("no outbound rule"),
        "{}",
        first.stderr
    );
    peer.boto(
        "ds = boto3.client('ds', **kw)\nec2 = boto3.client('ec2', **kw)\nd = ds.describe_directories()['DirectoryDescriptions'][0]\ngroup = d['VpcSettings']['SecurityGroupId']\nec2.revoke_security_group_egress(GroupId=group, IpPermissions=[{'IpProtocol': '-1', 'IpRanges': [{'CidrIp': '0.0.0.0/0'}]}])\nprint(json.dumps(group))",
    );
    let second = apply(&peer, &plan);
    assert_eq!(second.code, Some(3), "{}", second.all_output());
    assert!(
        flat(&second.stderr).contains("[network.sg-egress] (corp.example.com) sg-")
            && flat(&second.stderr)
                .contains("no outbound rule allows TCP 53 to 10.0.0.10, 10.0.0.11")
            && flat(&second.stderr)
                .contains("aws ec2 authorize-security-group-egress --group-id sg-"),
        "{}",
        second.stderr
    );
}

#[test]
fn aws_errors_say_what_happened_and_what_to_do() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let cases = [
        (
            "SWBExternalService.ListInstances",
            "AccessDeniedException",
            "sso-admin:ListInstances failed: access denied",
            "use credentials allowed to call",
        ),
        (
            "DirectoryService_20150416.ConnectDirectory",
            "DirectoryLimitExceededException",
            "ds:ConnectDirectory failed: the account's directory quota",
            "request a quota increase",
        ),
        (
            "DirectoryService_20150416.ConnectDirectory",
            "ValidationException",
            "ds:ConnectDirectory failed: AWS refused the request as invalid",
            "adsso validate PLAN",
        ),
    ];
    for (target, code, what, fix) in cases {
        // The advice names the plan the command was given, not a FILE placeholder.
        let fix = fix.replace("PLAN", plan.to_str().unwrap());
        peer.post(
            "/_fault",
            &format!(r#"{{"target": "{target}", "count": 1, "kind": "error", "code": "{code}", "message": "emulated"}}"#),
        );
        let run = apply(&peer, &plan);
        assert_eq!(run.code, Some(1), "{}", run.all_output());
        let text = flat(&run.stderr);
        assert!(text.contains(what), "{code}: {text}");
        assert!(text.contains(&fix), "{code}: {text}");
        assert!(
            text.contains(&format!("{code}: emulated")),
            "{code}: {text}"
        );
    }
    assert!(peer.directories().is_empty());
}

#[test]
fn a_wait_that_outlasts_the_timeout_stops_and_says_how_to_resume() {
    let peer = Peer::start();
    peer.post("/_ext/config", r#"{"directoryCreatingReads": 100000}"#);
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let run = peer.adsso(
        &[
            "apply",
            plan.to_str().unwrap(),
            "--yes",
            "--wait-timeout",
            "1s",
        ],
        &SECRETS,
    );
    no_secret(&run);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    let text = flat(&run.stderr);
    assert!(
        text.contains("gave up waiting after 1s for directory"),
        "{text}"
    );
    assert!(text.contains("still Creating"), "{text}");
    assert!(text.contains("re-run `adsso apply` later"), "{text}");
}

#[test]
fn injected_faults_on_every_trust_call_still_converge_without_duplicates() {
    let peer = Peer::start();
    peer.post("/_ext/config", r#"{"directoryCreatingReads": 2}"#);
    peer.post(
        "/_ext/onprem-trust",
        r#"{"remoteDomainName": "corp.example.com"}"#,
    );
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&vpc, &subnets));
    let targets = [
        ("DirectoryService_20150416.CreateMicrosoftAD", "throttle"),
        ("DirectoryService_20150416.DescribeTrusts", "http500"),
        ("DirectoryService_20150416.CreateTrust", "throttle"),
        ("DirectoryService_20150416.VerifyTrust", "http500"),
        ("ec2.DescribeSecurityGroups", "throttle"),
        ("DirectoryService_20150416.DescribeDirectories", "throttle"),
    ];
    for (target, kind) in targets {
        peer.post(
            "/_fault",
            &format!(r#"{{"target": "{target}", "count": 2, "kind": "{kind}"}}"#),
        );
    }
    let first = apply(&peer, &plan);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    assert!(
        first.stdout.contains("Change identity source"),
        "{}",
        first.stdout
    );
    let directories = peer.directories();
    assert_eq!(directories.len(), 1, "{directories:?}");
    let trusts = peer.trusts(&directories[0].0);
    assert_eq!(trusts.len(), 1, "{trusts:?}");
    assert_eq!(trusts[0].3, "Verified");
}

#[test]
fn a_secret_file_is_used_only_when_no_one_else_can_read_it() {
    use std::os::unix::fs::PermissionsExt;
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("service-account-password");
    std::fs::write(&secret, format!("{}\n", crate::support::CANARY)).unwrap();
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o644)).unwrap();
    let text = ad_connector_plan(ACCOUNT, &vpc, &subnets).replace(
        &format!("{{env: {SERVICE_ENV}}}"),
        &format!("{{file: {}}}", secret.display()),
    );
    let plan = write(dir.path(), &text);
    let refused = peer.adsso(&["apply", plan.to_str().unwrap(), "--yes"], &[]);
    no_secret(&refused);
    assert_eq!(refused.code, Some(2), "{}", refused.all_output());
    assert!(
        flat(&refused.stderr).contains("has mode 644"),
        "{}",
        refused.stderr
    );
    assert!(
        flat(&refused.stderr).contains("chmod 600"),
        "{}",
        refused.stderr
    );
    assert_eq!(mutations(&peer), Vec::<String>::new());

    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o600)).unwrap();
    let used = peer.adsso(&["apply", plan.to_str().unwrap(), "--yes"], &[]);
    no_secret(&used);
    assert_eq!(used.code, Some(3), "{}", used.all_output());
    assert_eq!(peer.count("ConnectDirectory"), 1);
}

#[test]
fn a_password_aws_would_refuse_stops_apply_before_any_call() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&vpc, &subnets));
    let path = plan.to_str().unwrap();
    let cases = [
        (TRUST_ENV, "Price£5-Secret", "trust password"),
        (ADMIN_ENV, "weakpassword", "Managed AD Admin password"),
        (ADMIN_ENV, "MyAdmin-2025!", "Managed AD Admin password"),
    ];
    let calls_before = peer.calls();
    for (variable, value, what) in cases {
        let secrets: Vec<(&str, &str)> = SECRETS
            .iter()
            .map(|(name, secret)| (*name, if *name == variable { value } else { *secret }))
            .collect();
        let run = peer.adsso(&["apply", path, "--yes"], &secrets);
        assert_eq!(run.code, Some(2), "{value}: {}", run.all_output());
        let text = flat(&run.stderr);
        assert!(
            text.contains(&format!(
                "the {what} ({{env: {variable}}}) does not meet AWS's rules"
            )),
            "{text}"
        );
        assert!(text.contains("nothing was sent to AWS"), "{text}");
        assert!(!run.all_output().contains(value), "{}", run.all_output());
        assert_eq!(peer.calls(), calls_before, "no AWS call for {value}");
    }
}
