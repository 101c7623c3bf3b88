//! The answers given as flags: with all of them, the full-screen wizard opens on Review and the
//! plain one asks no plan question before "Finish:" and the save path; the saved plan holds the
//! flags' values.

use super::*;

/// Every answer of an AD Connector plan, as flags (Region and plan name not the defaults).
const FLAGS: &str = "--mode ad-connector --name corp-sso --domain corp.example.com --netbios CORP \
                     --dns 10.0.0.10,10.0.0.11 --region eu-west-1 --account 123456789012 \
                     --vpc vpc-0123456789abcdef0 \
                     --subnets subnet-0123456789abcdef0,subnet-0fedcba9876543210 \
                     --size small --service-account svc-adconnector";

/// The plan those flags describe.
fn expected() -> String {
    expected_connector()
        .replace("name: corp-identity-center", "name: corp-sso")
        .replace("region: us-east-1", "region: eu-west-1")
}

#[test]
fn full_screen_with_every_answer_as_a_flag_opens_on_review() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --out {} {FLAGS}", out.display()), &[]);
    session.expect("credentials").unwrap(); // Review's first step (words are drawn apart)
    keys(&mut session, &[ENTER]); // Review -> Finish
    session.expect("File:").unwrap();
    keys(&mut session, &[TAB, ENTER]); // Save
    assert_eq!(finish(&mut session), "EXIT=0");
    assert_eq!(saved(&out), expected());
    validate(&out);
}

#[test]
fn plain_with_every_answer_as_a_flag_asks_only_finish_and_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(
        &format!("wizard --plain --out {} {FLAGS}", out.display()),
        &[],
    );
    // The secret reference has a default, not a flag: it is still asked.
    session.expect("Service account password").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Finish:").unwrap();
    keys(&mut session, &[ENTER]); // save only
    session.expect("Save the plan to:").unwrap();
    keys(&mut session, &[ENTER]);
    let exit = finish(&mut session);
    assert_eq!(exit, "EXIT=0");
    assert_eq!(saved(&out), expected());
}

#[test]
fn full_screen_with_two_domains_as_flags_saves_both() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let flags = "--mode trust --name two-forests --domain corp.example.com --netbios CORP \
                 --dns 10.0.0.10,10.0.0.11 --domain emea.example.net --netbios EMEA \
                 --dns 10.1.0.10,10.1.0.11 --region eu-west-1 --account 123456789012 \
                 --aws-domain aws.corp.example.com --aws-netbios AWSCORP --edition standard \
                 --vpc vpc-0123456789abcdef0 \
                 --subnets subnet-0123456789abcdef0,subnet-0fedcba9876543210";
    let mut session = spawn(&format!("wizard --out {} {flags}", out.display()), &[]);
    session.expect("credentials").unwrap(); // every question answered: Review
    keys(&mut session, &[ENTER]); // Review -> Finish
    session.expect("File:").unwrap();
    keys(&mut session, &[TAB, ENTER]); // Save
    assert_eq!(finish(&mut session), "EXIT=0");
    let saved = saved(&out);
    for value in [
        "corp.example.com",
        "emea.example.net",
        "EMEA",
        "10.1.0.11",
        "two-forests",
    ] {
        assert!(saved.contains(value), "{value}: {saved}");
    }
    validate(&out);
}
