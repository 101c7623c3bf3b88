//! The wizard discovers the AWS side from the emulator (moto + adsso's extension): in a real
//! pseudo-terminal, a complete AD Connector flow picks the VPC and two subnets with → from what
//! discovery found, and the saved plan uses them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

use expectrl::Expect;
use expectrl::session::OsSession as Session;
use support::moto::{Peer, REGION};

fn keys(session: &mut Session, keys: &[&str]) {
    for key in keys {
        session.send(key).unwrap();
        sleep(Duration::from_millis(80));
    }
}

#[test]
fn full_screen_flow_picks_vpc_and_subnets_from_discovery() {
    let peer = Peer::start();
    let (vpc, _) = peer.network();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut command = Command::new(env!("CARGO_BIN_EXE_adsso"));
    command
        .args(["--endpoint-url", &peer.url(), "wizard", "--out"])
        .arg(&out)
        .env("TERM", "xterm-256color")
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_REGION", REGION)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", "/nonexistent/adsso-test-config")
        .env(
            "AWS_SHARED_CREDENTIALS_FILE",
            "/nonexistent/adsso-test-credentials",
        )
        .env_remove("AWS_PROFILE");
    let mut session = Session::spawn(command).unwrap();
    session.get_process_mut().set_window_size(120, 40).unwrap();
    session.set_expect_timeout(Some(Duration::from_secs(30)));
    session.expect("Directory?").unwrap();
    keys(
        &mut session,
        &[
            "\x1b[B",
            "\r",
            "corp.example.com",
            "\r",
            "CORP",
            "\r",
            "10.0.0.10, 10.0.0.11",
            "\r",
        ],
    );
    session.expect("picks)").unwrap(); // the discovery summary: instance, account, VPCs, subnets
    keys(&mut session, &["\r", "\r", "123456789012", "\r", "\r"]); // name, region, account, size
    keys(&mut session, &["\x1b[C", "\r"]); // VPC: the first discovered
    keys(&mut session, &["\x1b[C", "\r"]); // subnet 1: the first of the VPC
    keys(&mut session, &["\x1b[C", "\x1b[C", "\r"]); // subnet 2: the next one, in another zone
    keys(&mut session, &["\r", "\r", "\r", "\r", "\t", "\r"]); // account, secret, diagram, review, save
    session.expect(expectrl::Eof).unwrap();
    let text = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("no plan saved: {e}"));
    let plan = adsso::plan::load(text.as_bytes()).unwrap().0.plan;
    let connector = plan.connection.ad_connector.unwrap();
    assert_eq!(connector.vpc_id, vpc, "{text}");
    assert_eq!(connector.subnet_ids.len(), 2);
    assert_ne!(connector.subnet_ids[0], connector.subnet_ids[1]);
    let zones = peer.boto(&format!(
        "ec2 = boto3.client('ec2', **kw)\nsubs = ec2.describe_subnets(SubnetIds={:?})['Subnets']\nprint(json.dumps([s['AvailabilityZone'] for s in subs if s['VpcId'] == {vpc:?}]))",
        connector.subnet_ids
    ));
    let zones = zones.as_array().unwrap();
    assert_eq!(zones.len(), 2, "both subnets belong to the VPC: {zones:?}");
    assert_ne!(zones[0], zones[1], "two Availability Zones");
}
