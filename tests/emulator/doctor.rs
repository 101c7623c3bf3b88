//! `adsso doctor` against the AWS emulator: networks broken the ways operators break them
//! (outbound rules revoked, a network ACL deny, no route or an internet gateway for a private DNS
//! server, a public DNS server without IP routes, a failed trust), each check's id and status
//! in both output formats, the exit codes, and at most one call per resource type.

use serde_json::Value;

use crate::support::Run;
use crate::support::moto::{ACCOUNT, Peer};
use crate::support::plans::{TRUST_ENV, write};

/// A fresh VPC (10.42.0.0/16, two subnets) with an AWS Managed Microsoft AD in it: its id.
pub(crate) fn managed_ad(peer: &Peer) -> String {
    let (vpc, subnets) = peer.fresh_network();
    let value = peer.boto(&format!(
        "ds = boto3.client('ds', **kw)\nd = ds.create_microsoft_ad(Name='aws.corp.example.com', ShortName='AWSCORP', Password='Sup3r-Secret!', VpcSettings={{'VpcId': '{vpc}', 'SubnetIds': ['{}', '{}']}})['DirectoryId']\nprint(json.dumps(d))",
        subnets[0], subnets[1]
    ));
    value.as_str().unwrap().to_owned()
}

/// A trust plan using the existing directory `id`, with `dns` as the DNS servers.
pub(crate) fn trust_plan(id: &str, dns: &str) -> String {
    format!(
        r#"apiVersion: adsso/v1
kind: Plan
metadata:
  name: corp-doctor
aws:
  region: us-east-1
  accountId: "{ACCOUNT}"
selfManaged:
  domain: corp.example.com
  netbiosName: CORP
  dnsServers: [{dns}]
connection:
  mode: trust
  trust:
    direction: two-way
    type: forest
    selectiveAuth: false
    password: {{env: {TRUST_ENV}}}
    managedAd:
      existingDirectoryId: {id}
"#
    )
}

/// Creates the trust to corp.example.com and puts it in `state` with `reason`.
pub(crate) fn trust_in(peer: &Peer, id: &str, state: &str, reason: &str) {
    peer.boto(&format!(
        "ds = boto3.client('ds', **kw)\nt = ds.create_trust(DirectoryId='{id}', RemoteDomainName='corp.example.com', TrustPassword='Trust-Pass-1', TrustDirection='Two-Way', TrustType='Forest')['TrustId']\nprint(json.dumps(t))"
    ));
    let body = serde_json::json!({
        "remoteDomainName": "corp.example.com", "state": state, "reason": reason,
    });
    peer.post("/_ext/trust-state", &body.to_string());
}

/// Runs `adsso doctor PLAN --output json`: the run and the parsed checks.
pub(crate) fn doctor_json(peer: &Peer, plan: &std::path::Path) -> (Run, Vec<Value>) {
    let run = peer.adsso(&["doctor", plan.to_str().unwrap(), "--output", "json"], &[]);
    let value: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", run.all_output()));
    let checks = value["checks"].as_array().unwrap().clone();
    (run, checks)
}

/// The status of the check `id` (the first one with it).
pub(crate) fn status(checks: &[Value], id: &str) -> String {
    let check = checks
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no check {id} in {checks:#?}"));
    check["status"].as_str().unwrap().to_owned()
}

/// The field `field` of the check `id`.
pub(crate) fn field(checks: &[Value], id: &str, field: &str) -> String {
    let check = checks.iter().find(|c| c["id"] == id).unwrap();
    check[field].as_str().unwrap_or_default().to_owned()
}

/// The directory's security group.
fn security_group(peer: &Peer) -> String {
    let value = peer.boto(
        "ds = boto3.client('ds', **kw)\nprint(json.dumps(ds.describe_directories()['DirectoryDescriptions'][0]['VpcSettings']['SecurityGroupId']))",
    );
    value.as_str().unwrap().to_owned()
}

#[test]
fn an_open_path_passes_and_a_revoked_egress_fails_until_the_printed_fix_is_applied() {
    let peer = Peer::start();
    let id = managed_ad(&peer);
    trust_in(&peer, &id, "Verified", "");
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&id, "10.42.5.10, 10.42.6.10"));

    let (run, checks) = doctor_json(&peer, &plan);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    for (id, expected) in [
        ("directory.stage", "pass"),
        ("directory.limits", "skipped"),
        ("identity-center.instance", "pass"),
        ("network.sg-egress", "pass"),
        ("network.nacl", "pass"),
        ("network.route", "pass"),
        ("trust.state", "pass"),
    ] {
        assert_eq!(status(&checks, id), expected, "{id}: {checks:#?}");
    }
    assert_eq!(
        field(&checks, "network.sg-egress", "domain"),
        "corp.example.com"
    );

    let group = security_group(&peer);
    peer.boto(&format!(
        "ec2 = boto3.client('ec2', **kw)\nec2.revoke_security_group_egress(GroupId='{group}', IpPermissions=[{{'IpProtocol': '-1', 'IpRanges': [{{'CidrIp': '0.0.0.0/0'}}]}}])\nprint('{{}}')"
    ));
    let text = peer.adsso(&["doctor", plan.to_str().unwrap()], &[]);
    assert_eq!(text.code, Some(1), "{}", text.all_output());
    assert!(
        text.stdout.contains(&format!(
            "✗ FAIL  [network.sg-egress] {group} outbound to 10.42.5.10, 10.42.6.10:"
        )),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("no outbound rule allows TCP 49152-65535 to 10.42.5.10, 10.42.6.10"),
        "{}",
        text.stdout
    );
    let (run, checks) = doctor_json(&peer, &plan);
    assert_eq!(run.code, Some(1));
    assert_eq!(status(&checks, "network.sg-egress"), "fail");
    assert_eq!(status(&checks, "network.nacl"), "pass");
    let fix = field(&checks, "network.sg-egress", "fix");
    let command = fix.lines().next().unwrap();
    assert!(
        command.starts_with(&format!(
            "aws ec2 authorize-security-group-egress --group-id {group} --ip-permissions 'IpProtocol=tcp,FromPort=53,ToPort=53,IpRanges=[{{CidrIp=10.42.5.10/32,"
        )),
        "{fix}"
    );
    // Apply exactly the permissions the command names (its shorthand, read by boto3).
    peer.boto(&format!(
        "import re, shlex\nargs = shlex.split({command:?})\nperms = []\nfor item in args[args.index('--ip-permissions') + 1:]:\n    m = re.fullmatch(r'IpProtocol=(\\w+),FromPort=(\\d+),ToPort=(\\d+),IpRanges=\\[(.*)\\]', item)\n    perms.append({{'IpProtocol': m[1], 'FromPort': int(m[2]), 'ToPort': int(m[3]), 'IpRanges': [{{'CidrIp': c}} for c in re.findall(r'CidrIp=([0-9./]+)', m[4])]}})\nec2 = boto3.client('ec2', **kw)\nec2.authorize_security_group_egress(GroupId=args[args.index('--group-id') + 1], IpPermissions=perms)\nprint(len(perms))"
    ));
    let (run, checks) = doctor_json(&peer, &plan);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert_eq!(status(&checks, "network.sg-egress"), "pass");
}

#[test]
fn a_network_acl_deny_fails_naming_its_rule_and_passes_once_removed() {
    let peer = Peer::start();
    let id = managed_ad(&peer);
    trust_in(&peer, &id, "Verified", "");
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&id, "10.42.5.10"));
    let acl = peer.boto(
        "ec2 = boto3.client('ec2', **kw)\nds = boto3.client('ds', **kw)\nvpc = ds.describe_directories()['DirectoryDescriptions'][0]['VpcSettings']['VpcId']\nacl = ec2.describe_network_acls(Filters=[{'Name': 'vpc-id', 'Values': [vpc]}])['NetworkAcls'][0]['NetworkAclId']\nec2.create_network_acl_entry(NetworkAclId=acl, RuleNumber=50, Protocol='17', RuleAction='deny', Egress=True, CidrBlock='10.42.5.10/32', PortRange={'From': 53, 'To': 53})\nec2.create_network_acl_entry(NetworkAclId=acl, RuleNumber=60, Protocol='6', RuleAction='deny', Egress=False, CidrBlock='10.42.0.0/16', PortRange={'From': 1024, 'To': 65535})\nprint(json.dumps(acl))",
    );
    let acl = acl.as_str().unwrap();
    let (run, checks) = doctor_json(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert_eq!(status(&checks, "network.nacl"), "fail");
    let detail = field(&checks, "network.nacl", "detail");
    assert!(
        detail.contains(&format!(
            "({acl}): UDP 53 outbound to 10.42.5.10 is dropped by deny rule 50"
        )),
        "{detail}"
    );
    assert!(
        detail.contains("TCP 1024-65535 inbound from 10.42.5.10 is dropped by deny rule 60"),
        "{detail}"
    );
    let fix = field(&checks, "network.nacl", "fix");
    assert!(
        fix.contains(&format!(
            "aws ec2 create-network-acl-entry --network-acl-id {acl} --egress --rule-number 49 --protocol udp --port-range From=53,To=53 --cidr-block 10.42.5.10/32 --rule-action allow"
        )),
        "{fix}"
    );
    assert_eq!(status(&checks, "network.sg-egress"), "pass");
    peer.boto(&format!(
        "ec2 = boto3.client('ec2', **kw)\nfor n, e in [(50, True), (60, False)]:\n    ec2.delete_network_acl_entry(NetworkAclId='{acl}', RuleNumber=n, Egress=e)\nprint('{{}}')"
    ));
    let (run, checks) = doctor_json(&peer, &plan);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert_eq!(status(&checks, "network.nacl"), "pass");
}

#[test]
fn a_private_dns_server_needs_a_route_that_is_not_the_internet_gateway() {
    let peer = Peer::start();
    let id = managed_ad(&peer);
    trust_in(&peer, &id, "Verified", "");
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&id, "192.168.10.10"));
    let (run, checks) = doctor_json(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert_eq!(status(&checks, "network.route"), "fail");
    assert!(
        field(&checks, "network.route", "detail")
            .contains("192.168.10.10: no route holds this address")
    );

    let vpc_and_table = "ec2 = boto3.client('ec2', **kw)\nds = boto3.client('ds', **kw)\nvpc = ds.describe_directories()['DirectoryDescriptions'][0]['VpcSettings']['VpcId']\ntable = ec2.describe_route_tables(Filters=[{'Name': 'vpc-id', 'Values': [vpc]}])['RouteTables'][0]['RouteTableId']\n";
    peer.boto(&format!(
        "{vpc_and_table}igw = ec2.create_internet_gateway()['InternetGateway']['InternetGatewayId']\nec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)\nec2.create_route(RouteTableId=table, DestinationCidrBlock='0.0.0.0/0', GatewayId=igw)\nprint('{{}}')"
    ));
    let (_, checks) = doctor_json(&peer, &plan);
    assert_eq!(status(&checks, "network.route"), "fail");
    let detail = field(&checks, "network.route", "detail");
    assert!(detail.contains("internet gateway igw-"), "{detail}");
    assert!(
        detail.contains("not reachable through an internet or NAT gateway"),
        "{detail}"
    );

    peer.boto(&format!(
        "{vpc_and_table}vgw = ec2.create_vpn_gateway(Type='ipsec.1')['VpnGateway']['VpnGatewayId']\nec2.attach_vpn_gateway(VpnGatewayId=vgw, VpcId=vpc)\nec2.create_route(RouteTableId=table, DestinationCidrBlock='192.168.0.0/16', GatewayId=vgw)\nprint('{{}}')"
    ));
    let (run, checks) = doctor_json(&peer, &plan);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert_eq!(status(&checks, "network.route"), "pass");
    assert!(field(&checks, "network.route", "detail").contains("virtual private gateway vgw-"));
}

#[test]
fn a_public_dns_server_needs_the_directorys_ip_routes() {
    let peer = Peer::start();
    let id = managed_ad(&peer);
    trust_in(&peer, &id, "Verified", "");
    peer.boto(
        "ec2 = boto3.client('ec2', **kw)\nds = boto3.client('ds', **kw)\nvpc = ds.describe_directories()['DirectoryDescriptions'][0]['VpcSettings']['VpcId']\ntable = ec2.describe_route_tables(Filters=[{'Name': 'vpc-id', 'Values': [vpc]}])['RouteTables'][0]['RouteTableId']\nvgw = ec2.create_vpn_gateway(Type='ipsec.1')['VpnGateway']['VpnGatewayId']\nec2.attach_vpn_gateway(VpnGatewayId=vgw, VpcId=vpc)\nec2.create_route(RouteTableId=table, DestinationCidrBlock='203.0.113.0/24', GatewayId=vgw)\nprint('{}')",
    );
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&id, "203.0.113.10"));
    let (run, checks) = doctor_json(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert_eq!(status(&checks, "network.route"), "fail");
    let fix = field(&checks, "network.route", "fix");
    assert!(
        fix.contains(&format!(
            "aws ds add-ip-routes --directory-id {id} --ip-routes CidrIp=203.0.113.10/32,Description=adsso-dns-server"
        )),
        "{fix}"
    );
    peer.boto(&format!(
        "ds = boto3.client('ds', **kw)\nds.add_ip_routes(DirectoryId='{id}', IpRoutes=[{{'CidrIp': '203.0.113.10/32', 'Description': 'adsso-dns-server'}}])\nprint('{{}}')"
    ));
    let (run, checks) = doctor_json(&peer, &plan);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    assert_eq!(status(&checks, "network.route"), "pass");
}

#[test]
fn a_failed_trust_gets_its_documented_fix_in_both_formats() {
    let peer = Peer::start();
    let id = managed_ad(&peer);
    trust_in(&peer, &id, "Failed", "Access is denied.");
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&id, "10.42.5.10"));
    let (run, checks) = doctor_json(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    assert_eq!(status(&checks, "trust.state"), "fail");
    assert_eq!(field(&checks, "trust.state", "domain"), "corp.example.com");
    let fix = field(&checks, "trust.state", "fix");
    assert!(
        fix.contains("netlogon, samr and lsarpc") && fix.contains("site names"),
        "{fix}"
    );
    let text = peer.adsso(&["doctor", plan.to_str().unwrap()], &[]);
    assert_eq!(text.code, Some(1));
    assert!(
        text.stdout.contains("✗ FAIL  [trust.state] trust t-")
            && text.stdout.contains("Failed: Access is denied."),
        "{}",
        text.stdout
    );
    peer.post(
        "/_ext/trust-state",
        r#"{"remoteDomainName": "corp.example.com", "state": "Failed", "reason": "The operation could not be performed."}"#,
    );
    let (_, checks) = doctor_json(&peer, &plan);
    assert!(field(&checks, "trust.state", "fix").contains("NetBIOS names overlap"));
}

#[test]
fn doctor_makes_at_most_one_call_per_resource_type() {
    let peer = Peer::start();
    let id = managed_ad(&peer);
    trust_in(&peer, &id, "Verified", "");
    let dir = tempfile::tempdir().unwrap();
    // A public server too, so the IP routes are read as well.
    let plan = write(dir.path(), &trust_plan(&id, "10.42.5.10, 203.0.113.10"));
    let before = peer.calls().len();
    let (run, _) = doctor_json(&peer, &plan);
    assert_eq!(run.code, Some(1), "{}", run.all_output());
    let calls: Vec<String> = peer.calls()[before..].to_vec();
    let mut counts = std::collections::BTreeMap::new();
    for call in &calls {
        *counts.entry(call.clone()).or_insert(0) += 1;
    }
    eprintln!("doctor's calls: {counts:?}");
    assert!(counts.values().all(|n| *n == 1), "{counts:?}");
    for operation in [
        "sts.GetCallerIdentity",
        "SWBExternalService.ListInstances",
        "DirectoryService_20150416.DescribeDirectories",
        "DirectoryService_20150416.DescribeTrusts",
        "DirectoryService_20150416.ListIpRoutes",
        "ec2.DescribeSecurityGroups",
        "ec2.DescribeNetworkAcls",
        "ec2.DescribeRouteTables",
    ] {
        assert_eq!(counts.get(operation), Some(&1), "{operation}: {counts:?}");
    }
    assert_eq!(calls.len(), 8, "{calls:?}");
}

#[test]
fn an_unknown_domain_is_invalid_input() {
    let peer = Peer::start();
    let id = managed_ad(&peer);
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &trust_plan(&id, "10.42.5.10"));
    let run = peer.adsso(
        &[
            "doctor",
            plan.to_str().unwrap(),
            "--domain",
            "other.example.com",
        ],
        &[],
    );
    assert_eq!(run.code, Some(2), "{}", run.all_output());
    assert_eq!(peer.count("GetCallerIdentity"), 0);
}
