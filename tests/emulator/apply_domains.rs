//! Several self-managed domains against the AWS emulator: one Managed AD with a two-way trust to
//! each domain (mixed forest and external trusts), through both gates to status; a kill between
//! two CreateTrust calls; one trust failed while another is verified; a group name found in two
//! domains.

use crate::apply_interrupts::kill_after;
use crate::support::moto::{ACCOUNT, Peer};
use crate::support::plans::*;

const EMEA_ENV: &str = "ADSSO_TRUST_PASSWORD_EMEA";
const EMEA_CANARY: &str = "Canary-Emea-Trust-0042!";

const CORP: &str = "  - domain: corp.example.com
    netbiosName: CORP
    dnsServers: [10.0.0.10, 10.0.0.11]
";
const EMEA: &str = "  - domain: emea.example.net
    netbiosName: EMEA
    dnsServers: [10.1.0.10, 10.1.0.11]
    trust: {type: external, password: {env: ADSSO_TRUST_PASSWORD_EMEA}}
";
const EMEA_SHARED_PASSWORD: &str = "  - domain: emea.example.net
    netbiosName: EMEA
    dnsServers: [10.1.0.10, 10.1.0.11]
    trust: {type: external}
";
const APAC: &str = "  - domain: apac.example.org
    netbiosName: APAC
    dnsServers: [10.2.0.10, 10.2.0.11]
    trust: {selectiveAuth: true}
";

/// The shared trust plan with the `domains` given (list entries) instead of its one domain,
/// and an optional `identityCenter` block.
fn plan(peer: &Peer, domains: &[&str], access: &str) -> String {
    let (vpc, subnets) = peer.network();
    let one = "selfManaged:
  domain: corp.example.com
  netbiosName: CORP
  dnsServers: [10.0.0.10, 10.0.0.11]
";
    let base = trust_plan(&vpc, &subnets);
    assert!(base.contains(one), "the shared trust plan changed");
    let text = base.replace(one, &format!("selfManaged:\n{}", domains.concat()));
    format!("{text}{access}")
}

/// Assignments of `groups` to ReadOnly in the plan's account.
fn access(groups: &[&str]) -> String {
    let mut text = String::from(
        "identityCenter:
  permissionSets:
    - name: ReadOnly
      sessionDuration: PT8H
      managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]
  assignments:
",
    );
    for group in groups {
        text.push_str(&format!(
            "    - group: {group}\n      permissionSet: ReadOnly\n      accounts: [\"{ACCOUNT}\"]\n"
        ));
    }
    text
}

/// `apply --yes` with every password the plans here reference; no password is ever printed.
fn apply_all(peer: &Peer, plan: &std::path::Path) -> crate::support::Run {
    let mut env = SECRETS.to_vec();
    env.push((EMEA_ENV, EMEA_CANARY));
    let run = peer.adsso(&["apply", plan.to_str().unwrap(), "--yes"], &env);
    no_secret(&run);
    assert!(
        !run.all_output().contains(EMEA_CANARY),
        "{}",
        run.all_output()
    );
    run
}

fn ready(peer: &Peer, domain: &str) {
    peer.post(
        "/_ext/onprem-trust",
        &format!(r#"{{"remoteDomainName": "{domain}"}}"#),
    );
}

/// Each trust of the directory: remote domain -> (type, selective auth, state).
fn trust_settings(peer: &Peer, directory: &str) -> Vec<(String, String, String, String)> {
    let value = peer.boto(&format!(
        "ds = boto3.client('ds', **kw)\nprint(json.dumps(sorted([[t['RemoteDomainName'], t['TrustType'], t.get('SelectiveAuth', ''), t['TrustDirection']] for t in ds.describe_trusts(DirectoryId='{directory}')['Trusts']])))"
    ));
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let s = |i: usize| t[i].as_str().unwrap().to_owned();
            (s(0), s(1), s(2), s(3))
        })
        .collect()
}

#[test]
fn three_domains_with_mixed_trusts_go_through_both_gates_to_status() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let text = plan(
        &peer,
        &[CORP, EMEA, APAC],
        &access(&["AWS-SSO-Users@emea.example.net", "Corp-Admins"]),
    );
    let plan = write(dir.path(), &text);

    let first = apply_all(&peer, &plan);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    for domain in ["corp.example.com", "emea.example.net", "apac.example.org"] {
        let step = format!("on a domain controller of {domain}");
        assert!(first.stdout.contains(&step), "{}", first.stdout);
    }
    assert_eq!(peer.count("CreateTrust"), 3);
    let directories = peer.directories();
    assert_eq!(directories.len(), 1, "{directories:?}");
    let id = directories[0].0.clone();
    let expected = |selective: &str| selective.to_owned();
    assert_eq!(
        trust_settings(&peer, &id),
        vec![
            (
                "apac.example.org".to_owned(),
                "Forest".to_owned(),
                expected("Enabled"),
                "Two-Way".to_owned()
            ),
            (
                "corp.example.com".to_owned(),
                "Forest".to_owned(),
                expected("Disabled"),
                "Two-Way".to_owned()
            ),
            (
                "emea.example.net".to_owned(),
                "External".to_owned(),
                expected("Disabled"),
                "Two-Way".to_owned()
            ),
        ]
    );

    // One domain's side exists: the gate names the two still pending.
    ready(&peer, "corp.example.com");
    let second = apply_all(&peer, &plan);
    assert_eq!(second.code, Some(3), "{}", second.all_output());
    let last_check = second
        .stdout
        .lines()
        .find(|l| l.starts_with("Last check:"))
        .unwrap_or_default()
        .to_owned();
    assert!(
        last_check.contains("emea.example.net: not yet"),
        "{last_check}"
    );
    assert!(
        last_check.contains("apac.example.org: not yet"),
        "{last_check}"
    );
    assert!(!last_check.contains("corp.example.com"), "{last_check}");
    assert!(
        !second
            .stdout
            .contains("on a domain controller of corp.example.com"),
        "the gate repeats a domain that is done:\n{}",
        second.stdout
    );

    ready(&peer, "emea.example.net");
    ready(&peer, "apac.example.org");
    let third = apply_all(&peer, &plan);
    assert_eq!(third.code, Some(3), "{}", third.all_output());
    assert!(
        third.stdout.contains("Change identity source"),
        "{}",
        third.stdout
    );
    assert!(
        third.stdout.contains("AWS-SSO-Users@emea.example.net"),
        "{}",
        third.stdout
    );
    let states: Vec<String> = peer.trusts(&id).into_iter().map(|t| t.3).collect();
    assert_eq!(states, ["Verified"; 3], "{states:?}");

    peer.sync(&id, "emea.example.net", &["AWS-SSO-Users"]);
    peer.sync(&id, "corp.example.com", &["Corp-Admins"]);
    let fourth = apply_all(&peer, &plan);
    assert_eq!(fourth.code, Some(0), "{}", fourth.all_output());
    assert_eq!(peer.assignments().len(), 2, "{:?}", peer.assignments());

    let before = mutations(&peer);
    let fifth = apply_all(&peer, &plan);
    assert_eq!(fifth.code, Some(0), "{}", fifth.all_output());
    assert_eq!(mutations(&peer), before, "a re-run made changes");
    assert_eq!(peer.count("CreateTrust"), 3);
    assert_eq!(peer.count("CreateMicrosoftAD"), 1);

    let status = peer.adsso(&["status", plan.to_str().unwrap(), "--output", "json"], &[]);
    assert_eq!(status.code, Some(0), "{}", status.all_output());
    let json: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    let trusts = json["trusts"].as_array().unwrap();
    let shown: Vec<(&str, &str)> = trusts
        .iter()
        .map(|t| {
            (
                t["domain"].as_str().unwrap(),
                t["trust"]["state"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("corp.example.com", "Verified"),
            ("emea.example.net", "Verified"),
            ("apac.example.org", "Verified"),
        ]
    );
    let text = peer.adsso(&["status", plan.to_str().unwrap()], &[]);
    assert!(
        text.stdout.contains("trust             emea.example.net: "),
        "{}",
        text.stdout
    );

    let destroy = peer.adsso(&["destroy", plan.to_str().unwrap(), "--yes"], &[]);
    assert_eq!(destroy.code, Some(0), "{}", destroy.all_output());
    for domain in ["corp.example.com", "emea.example.net", "apac.example.org"] {
        let line = format!(" to {domain} (and its conditional forwarder)");
        assert!(destroy.stdout.contains(&line), "{}", destroy.stdout);
    }
    assert_eq!(peer.count("DeleteTrust"), 3);
    assert_eq!(peer.count("DeleteDirectory"), 1);
}

#[test]
fn killed_between_two_create_trust_calls_then_rerun_creates_each_trust_once() {
    let peer = Peer::start();
    peer.post("/_ext/config", r#"{"directoryCreatingReads": 1}"#);
    ready(&peer, "corp.example.com");
    ready(&peer, "emea.example.net");
    peer.post(
        "/_fault",
        r#"{"target": "*", "count": 1000, "kind": "latency", "latencyMs": 200}"#,
    );
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &plan(&peer, &[CORP, EMEA_SHARED_PASSWORD], ""));
    kill_after(&peer, &plan, "CreateTrust");
    assert_eq!(
        peer.count("CreateTrust"),
        1,
        "the kill did not land between the two CreateTrust calls"
    );
    peer.post("/_fault", r#"{"clear": true}"#);
    let rerun = apply(&peer, &plan);
    assert_eq!(rerun.code, Some(3), "{}", rerun.all_output());
    assert!(
        rerun.stdout.contains("Change identity source"),
        "{}",
        rerun.stdout
    );
    assert_eq!(peer.count("CreateTrust"), 2);
    let id = peer.directories()[0].0.clone();
    let mut trusts: Vec<(String, String)> =
        peer.trusts(&id).into_iter().map(|t| (t.1, t.3)).collect();
    trusts.sort();
    assert_eq!(
        trusts,
        [
            ("corp.example.com".to_owned(), "Verified".to_owned()),
            ("emea.example.net".to_owned(), "Verified".to_owned()),
        ]
    );
}

#[test]
fn a_failed_trust_is_named_with_its_reason_while_the_other_is_verified() {
    let peer = Peer::start();
    let dir = tempfile::tempdir().unwrap();
    let plan = write(dir.path(), &plan(&peer, &[CORP, EMEA], ""));
    ready(&peer, "corp.example.com");
    let first = apply_all(&peer, &plan);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    peer.post(
        "/_ext/trust-state",
        r#"{"remoteDomainName": "emea.example.net", "state": "Failed", "reason": "The trust password differs."}"#,
    );
    let second = apply_all(&peer, &plan);
    assert_eq!(second.code, Some(1), "{}", second.all_output());
    let stderr = flat(&second.stderr);
    assert!(stderr.contains("to emea.example.net is Failed"), "{stderr}");
    assert!(stderr.contains("The trust password differs."), "{stderr}");
    assert!(stderr.contains("likely causes"), "{stderr}");
    assert!(!stderr.contains("to corp.example.com is"), "{stderr}");
    assert_eq!(peer.count("CreateTrust"), 2);
    let id = peer.directories()[0].0.clone();
    let corp = peer
        .trusts(&id)
        .into_iter()
        .find(|t| t.1 == "corp.example.com")
        .unwrap();
    assert_eq!(corp.3, "Verified");
}

#[test]
fn a_bare_group_name_found_in_two_domains_is_refused_and_a_named_domain_is_used() {
    let peer = Peer::start();
    ready(&peer, "corp.example.com");
    ready(&peer, "emea.example.net");
    let dir = tempfile::tempdir().unwrap();
    let bare = plan(&peer, &[CORP, EMEA], &access(&["AWS-SSO-Users"]));
    let plan_path = write(dir.path(), &bare);
    let first = apply_all(&peer, &plan_path);
    assert_eq!(first.code, Some(3), "{}", first.all_output());
    let id = peer.directories()[0].0.clone();
    peer.sync(&id, "corp.example.com", &["AWS-SSO-Users"]);
    peer.sync(&id, "emea.example.net", &["AWS-SSO-Users"]);

    let ambiguous = apply_all(&peer, &plan_path);
    assert_eq!(ambiguous.code, Some(1), "{}", ambiguous.all_output());
    let stderr = flat(&ambiguous.stderr);
    // miette wraps long lines (also after a hyphen): look for the pieces.
    for piece in [
        "AWS-SSO-Users: found in more than one domain",
        "Users@corp.example.com,",
        "Users@emea.example.net);",
        "name one in the plan as Group@domain",
    ] {
        assert!(stderr.contains(piece), "{piece}: {stderr}");
    }
    assert!(peer.assignments().is_empty(), "{:?}", peer.assignments());

    let named = bare.replace(
        "group: AWS-SSO-Users\n",
        "group: AWS-SSO-Users@emea.example.net\n",
    );
    assert_ne!(named, bare);
    let plan_path = write(dir.path(), &named);
    let run = apply_all(&peer, &plan_path);
    assert_eq!(run.code, Some(0), "{}", run.all_output());
    let assignments = peer.assignments();
    assert_eq!(assignments.len(), 1, "{assignments:?}");
    let emea_group = peer.sync(&id, "emea.example.net", &["AWS-SSO-Users"]);
    assert!(
        assignments.iter().any(|a| a.2 == emea_group[0]),
        "{assignments:?} vs {emea_group:?}"
    );
}
