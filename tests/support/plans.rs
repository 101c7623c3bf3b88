//! Plans, secrets and checks shared by the apply integration tests (`tests/apply_*.rs`).

use std::path::{Path, PathBuf};

use super::CANARY;
use super::moto::{ACCOUNT, Peer};

pub const SERVICE_ENV: &str = "ADSSO_SERVICE_ACCOUNT_PASSWORD";
pub const TRUST_ENV: &str = "ADSSO_TRUST_PASSWORD";
pub const ADMIN_ENV: &str = "ADSSO_ADMIN_PASSWORD";
/// A Managed AD Admin password moto accepts; also a canary.
pub const ADMIN_CANARY: &str = "Canary-Mgmt-8086!x";

pub const SECRETS: [(&str, &str); 3] = [
    (SERVICE_ENV, CANARY),
    (TRUST_ENV, CANARY),
    (ADMIN_ENV, ADMIN_CANARY),
];

pub const MUTATING: [&str; 22] = [
    "CreatePermissionSet",
    "UpdatePermissionSet",
    "AttachManagedPolicyToPermissionSet",
    "DetachManagedPolicyFromPermissionSet",
    "PutInlinePolicyToPermissionSet",
    "DeleteInlinePolicyFromPermissionSet",
    "AttachCustomerManagedPolicyReferenceToPermissionSet",
    "DetachCustomerManagedPolicyReferenceFromPermissionSet",
    "PutPermissionsBoundaryToPermissionSet",
    "DeletePermissionsBoundaryFromPermissionSet",
    "TagResource",
    "UntagResource",
    "ProvisionPermissionSet",
    "CreateAccountAssignment",
    "DeleteAccountAssignment",
    "ConnectDirectory",
    "CreateMicrosoftAD",
    "CreateTrust",
    "VerifyTrust",
    "DeleteTrust",
    "DeleteDirectory",
    "AddTagsToResource",
];

pub fn ad_connector_plan(account: &str, vpc: &str, subnets: &[String; 2]) -> String {
    format!(
        r#"apiVersion: adsso/v1
kind: Plan
metadata:
  name: corp-ad-connector
aws:
  region: us-east-1
  accountId: "{account}"
selfManaged:
  domain: corp.example.com
  netbiosName: CORP
  dnsServers: [10.0.0.10, 10.0.0.11]
connection:
  mode: ad-connector
  adConnector:
    size: Small
    vpcId: {vpc}
    subnetIds: [{}, {}]
    serviceAccount:
      userName: svc-adconnector
      password: {{env: {SERVICE_ENV}}}
tags: {{Owner: platform-team}}
"#,
        subnets[0], subnets[1]
    )
}

pub fn trust_plan(vpc: &str, subnets: &[String; 2]) -> String {
    format!(
        r#"apiVersion: adsso/v1
kind: Plan
metadata:
  name: corp-trust
aws:
  region: us-east-1
  accountId: "{ACCOUNT}"
selfManaged:
  domain: corp.example.com
  netbiosName: CORP
  dnsServers: [10.0.0.10, 10.0.0.11]
connection:
  mode: trust
  trust:
    direction: two-way
    type: forest
    selectiveAuth: false
    password: {{env: {TRUST_ENV}}}
    managedAd:
      create:
        domain: aws.corp.example.com
        netbiosName: AWSCORP
        edition: Standard
        vpcId: {vpc}
        subnetIds: [{}, {}]
        adminPassword: {{env: {ADMIN_ENV}}}
"#,
        subnets[0], subnets[1]
    )
}

pub fn write(dir: &Path, text: &str) -> PathBuf {
    let path = dir.join("plan.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Standard error without miette's line wrapping and frame, for searching.
pub fn flat(text: &str) -> String {
    text.replace(['│', '×'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn no_secret(run: &super::Run) {
    let all = run.all_output();
    assert!(!all.contains(CANARY), "a secret was printed:\n{all}");
    assert!(!all.contains(ADMIN_CANARY), "a secret was printed:\n{all}");
}

pub fn mutations(peer: &Peer) -> Vec<String> {
    peer.calls()
        .into_iter()
        .filter(|c| MUTATING.iter().any(|m| c.ends_with(&format!(".{m}"))))
        .collect()
}

pub fn apply(peer: &Peer, plan: &Path) -> super::Run {
    let run = peer.adsso(&["apply", plan.to_str().unwrap(), "--yes"], &SECRETS);
    no_secret(&run);
    run
}
