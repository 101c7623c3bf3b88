//! `apply`, `status` and `onprem-script` end to end against the AWS emulator (moto + adsso's
//! extension, see `tests/peers/moto_ext.py`, and plain moto). Each test starts its own emulator.

use crate::support::CANARY;
use crate::support::moto::{ACCOUNT, Peer};
use crate::support::plans::*;

#[test]
fn ad_connector_end_to_end_then_rerun_changes_nothing() {
    let peer = Peer::start();
    peer.post("/_ext/config", r#"{"directoryCreatingReads": 3}"#);
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));

    let first = apply(&peer, &plan);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    assert!(
        first.stdout.contains("Change identity source"),
        "{}",
        first.stdout
    );
    assert!(first.stdout.contains("DELETES"), "{}", first.stdout);
    assert!(
        first.stderr.contains("waiting for directory"),
        "{}",
        first.stderr
    );
    let directories = peer.directories();
    assert_eq!(directories.len(), 1, "{directories:?}");
    let (id, name, kind, stage) = &directories[0];
    assert_eq!(
        (name.as_str(), kind.as_str(), stage.as_str()),
        ("corp.example.com", "ADConnector", "Active")
    );

    peer.sync(id, "corp.example.com", &["AWS-SSO-Users"]);
    let second = apply(&peer, &plan);
    assert_eq!(second.code, Some(0), "{}", second.all_output());
    assert!(
        second.stderr.contains("AWS-SSO-Users@corp.example.com"),
        "{}",
        second.stderr
    );

    let before = mutations(&peer);
    let third = apply(&peer, &plan);
    assert_eq!(third.code, Some(0), "{}", third.all_output());
    assert_eq!(mutations(&peer), before, "a re-run made changes");
    assert_eq!(peer.count("ConnectDirectory"), 1);
    assert_eq!(peer.directories().len(), 1);
}

#[test]
fn trust_end_to_end_through_both_gates() {
    let peer = Peer::start();
    peer.post("/_ext/config", r#"{"directoryCreatingReads": 2}"#);
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&vpc, &subnets));

    let first = apply(&peer, &plan);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    assert!(
        first
            .stdout
            .contains("Add-DnsServerConditionalForwarderZone -Name $AwsDomain"),
        "{}",
        first.stdout
    );
    assert!(first.stdout.contains("'Bidirectional'"), "{}", first.stdout);
    let directories = peer.directories();
    assert_eq!(directories.len(), 1, "{directories:?}");
    let id = directories[0].0.clone();
    assert_eq!(directories[0].2, "MicrosoftAD");
    let trusts = peer.trusts(&id);
    assert_eq!(trusts.len(), 1);
    assert_eq!(
        (trusts[0].1.as_str(), trusts[0].2.as_str()),
        ("corp.example.com", "Two-Way")
    );

    // Still no on-premises side: a re-run stops at the same gate and creates nothing.
    let again = apply(&peer, &plan);
    assert_eq!(again.code, Some(3), "{}", again.all_output());
    assert_eq!(peer.count("CreateTrust"), 1);

    peer.post(
        "/_ext/onprem-trust",
        r#"{"remoteDomainName": "corp.example.com"}"#,
    );
    let second = apply(&peer, &plan);
    assert_eq!(second.code, Some(3), "{}", second.all_output());
    assert!(second.stderr.contains("VerifyTrust"), "{}", second.stderr);
    assert!(
        second.stdout.contains("Change identity source"),
        "{}",
        second.stdout
    );
    assert_eq!(peer.trusts(&id)[0].3, "Verified");

    peer.sync(&id, "corp.example.com", &["AWS-SSO-Users"]);
    let third = apply(&peer, &plan);
    assert_eq!(third.code, Some(0), "{}", third.all_output());

    let before = mutations(&peer);
    let fourth = apply(&peer, &plan);
    assert_eq!(fourth.code, Some(0), "{}", fourth.all_output());
    assert_eq!(mutations(&peer), before, "a re-run made changes");
    assert_eq!(peer.count("CreateMicrosoftAD"), 1);
    assert_eq!(peer.count("CreateTrust"), 1);

    let status = peer.adsso(&["status", plan.to_str().unwrap(), "--output", "json"], &[]);
    assert_eq!(status.code, Some(0), "{}", status.all_output());
    let json: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(json["directory"]["id"], id.as_str());
    assert_eq!(json["trusts"][0]["domain"], "corp.example.com");
    assert_eq!(json["trusts"][0]["trust"]["state"], "Verified");
    assert_eq!(json["forwarders"][0]["remoteDomain"], "corp.example.com");
    assert_eq!(json["forwarders"][0]["dnsIps"][1], "10.0.0.11");
    assert_eq!(json["syncedGroups"][0], "AWS-SSO-Users@corp.example.com");
}

#[test]
fn dry_run_changes_nothing_and_shows_secret_references() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&vpc, &subnets));
    let run = peer.adsso(&["apply", plan.to_str().unwrap(), "--dry-run"], &SECRETS);
    no_secret(&run);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    for expected in [
        "would call ds:CreateMicrosoftAD",
        "Password: {env: ADSSO_ADMIN_PASSWORD}",
        "would call ds:CreateTrust",
        "TrustPassword: {env: ADSSO_TRUST_PASSWORD}",
        "TrustDirection: Two-Way",
        "ConditionalForwarderIpAddrs: 10.0.0.10, 10.0.0.11",
        "Tags: adsso:plan=corp-trust",
        "would call ds:VerifyTrust",
        "Cost: apply creates, billed by the hour from creation until you delete it:",
        "AWS Managed Microsoft AD, Standard edition: about USD 175 a month",
        "AWS takes 20-45 minutes to create it",
        "per Region, excluding data transfer",
    ] {
        assert!(
            run.stdout.contains(expected),
            "missing {expected}:\n{}",
            run.stdout
        );
    }
    assert_eq!(mutations(&peer), Vec::<String>::new());
    assert!(peer.directories().is_empty());
}

#[test]
fn dry_run_works_without_credentials() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let subnets = [
        "subnet-0123456789abcdef0".to_owned(),
        "subnet-0fedcba9876543210".to_owned(),
    ];
    let plan = write(
        dir.path(),
        &ad_connector_plan(ACCOUNT, "vpc-0123456789abcdef0", &subnets),
    );
    let run = peer.adsso(
        &["apply", plan.to_str().unwrap(), "--dry-run"],
        &[("AWS_ACCESS_KEY_ID", ""), ("AWS_SECRET_ACCESS_KEY", "")],
    );
    no_secret(&run);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert!(
        flat(&run.stderr).contains("could not read the current state"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("would call ds:ConnectDirectory"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("AD Connector, Small: about USD 37 a month")
            && run
                .stdout
                .contains("AWS takes several minutes to create it"),
        "the cost of the connector is shown:\n{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Password: {env: ADSSO_SERVICE_ACCOUNT_PASSWORD}"),
        "{}",
        run.stdout
    );
    assert_eq!(mutations(&peer), Vec::<String>::new());
}

#[test]
fn plain_moto_without_extension_converges_to_one_directory_and_one_trust() {
    let peer = Peer::start_plain();
    let (vpc, subnets) = peer.fresh_network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&vpc, &subnets));
    for _ in 0..2 {
        let run = apply(&peer, &plan);
        // Plain moto never verifies a trust (VerifyTrust is not implemented): the on-premises gate.
        assert_eq!(run.code, Some(3), "{}", run.all_output());
        assert!(
            run.stdout.contains("CreateLocalSideOfTrustRelationship"),
            "{}",
            run.stdout
        );
    }
    let directories = peer.directories();
    assert_eq!(directories.len(), 1, "{directories:?}");
    let trusts = peer.trusts(&directories[0].0);
    assert_eq!(trusts.len(), 1, "{trusts:?}");
    assert_eq!(trusts[0].2, "Two-Way");

    let connector = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    for _ in 0..2 {
        let run = apply(&peer, &connector);
        assert_eq!(run.code, Some(3), "{}", run.all_output());
    }
    assert_eq!(peer.directories().len(), 2);
}

#[test]
fn onprem_script_offline_asks_for_the_password_and_never_contains_it() {
    let dir = tempfile::tempdir().unwrap();
    let subnets = [
        "subnet-0123456789abcdef0".to_owned(),
        "subnet-0fedcba9876543210".to_owned(),
    ];
    let plan = write(dir.path(), &trust_plan("vpc-0123456789abcdef0", &subnets));
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_adsso"))
        .args([
            "onprem-script",
            plan.to_str().unwrap(),
            "--dns-ip",
            "10.1.0.5",
            "--dns-ip",
            "10.1.1.5",
        ])
        .env(TRUST_ENV, CANARY)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("$MasterServers = @('10.1.0.5', '10.1.1.5')"),
        "{text}"
    );
    assert!(text.contains("Read-Host -AsSecureString"), "{text}");
    assert!(text.contains("GetCurrentForest()"), "{text}");
    assert!(!text.contains(CANARY));
}

#[test]
fn status_shows_the_directory_and_the_identity_source_as_text() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &ad_connector_plan(ACCOUNT, &vpc, &subnets));
    let path = plan.to_str().unwrap();
    let before = peer.adsso(&["status", path], &[]);
    assert_eq!(before.code, Some(0), "{}", before.all_output());
    assert!(
        before.stdout.contains("none (not created yet)"),
        "{}",
        before.stdout
    );
    assert_eq!(apply(&peer, &plan).code, Some(3));
    let id = peer.directories()[0].0.clone();
    peer.sync(&id, "corp.example.com", &["AWS-SSO-Users"]);
    let after = peer.adsso(&["status", path], &[]);
    assert_eq!(after.code, Some(0), "{}", after.all_output());
    for expected in [
        format!("{id} corp.example.com (ADConnector, created by this plan)"),
        "  stage           Active".to_owned(),
        "this directory (1 synced groups: AWS-SSO-Users@corp.example.com)".to_owned(),
    ] {
        assert!(
            after.stdout.contains(&expected),
            "missing {expected}:\n{}",
            after.stdout
        );
    }
    assert_eq!(mutations(&peer).len(), 1, "status changed something");
}

#[test]
fn a_resumed_apply_does_not_ask_for_the_passwords_of_what_exists() {
    let peer = Peer::start();
    let (vpc, subnets) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&vpc, &subnets));
    let first = apply(&peer, &plan);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    assert_eq!(peer.count("CreateMicrosoftAD"), 1);
    assert_eq!(peer.count("CreateTrust"), 1);

    // The directory and the trust exist: their (empty) variables are never read.
    let empty = [(ADMIN_ENV, ""), (TRUST_ENV, "")];
    let second = peer.adsso(&["apply", plan.to_str().unwrap(), "--yes"], &empty);
    no_secret(&second);
    assert_eq!(second.code, Some(3), "{}", second.all_output());
    assert!(
        !second.all_output().contains("ADSSO_ADMIN_PASSWORD"),
        "{}",
        second.all_output()
    );

    // Nor asked for at a prompt, without a terminal.
    let prompted = std::fs::read_to_string(&plan)
        .unwrap()
        .replace("{env: ADSSO_ADMIN_PASSWORD}", "{prompt: true}")
        .replace("{env: ADSSO_TRUST_PASSWORD}", "{prompt: true}");
    assert_eq!(prompted.matches("{prompt: true}").count(), 2, "{prompted}");
    std::fs::write(&plan, prompted).unwrap();
    let third = peer.adsso(&["apply", plan.to_str().unwrap(), "--yes"], &[]);
    no_secret(&third);
    assert_eq!(third.code, Some(3), "{}", third.all_output());
    assert!(
        !third.all_output().contains("no terminal"),
        "{}",
        third.all_output()
    );
    assert_eq!(peer.count("CreateMicrosoftAD"), 1);
    assert_eq!(peer.count("CreateTrust"), 1);
}
