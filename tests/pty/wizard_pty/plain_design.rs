//! `--plain` on par with the full screen: it opens on "Which design?", whose "Help me choose"
//! asks the helper's three questions and then offers the recommended design first; before
//! "Finish:" it prints validation's warnings and the plan's YAML, the text that is then saved.

use super::*;

/// The AWS side of a new Managed AD, and the domain, as flags (the design is left to ask).
const TRUST_ANSWERS: &str = "--domain corp.example.com --netbios CORP --dns 10.0.0.10,10.0.0.11 \
                             --name corp-identity-center --region us-east-1 \
                             --account 123456789012 --aws-domain aws.corp.example.com \
                             --aws-netbios AWSCORP --edition enterprise \
                             --trust-type forest --selective-auth no \
                             --vpc vpc-0123456789abcdef0 \
                             --subnets subnet-0123456789abcdef0,subnet-0fedcba9876543210";

#[test]
fn plain_help_me_choose_asks_three_questions_then_offers_the_recommendation_first() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(
        &format!("wizard --plain --out {} {TRUST_ANSWERS}", out.display()),
        &[],
    );
    session.expect("Which design?").unwrap();
    session.expect("Help me choose").unwrap();
    keys(&mut session, &[DOWN, DOWN, ENTER]);
    session.expect("several domains").unwrap();
    keys(&mut session, &[DOWN, ENTER]); // yes
    session.expect("portal").unwrap();
    keys(&mut session, &[ENTER]); // not sure
    session.expect("directory data").unwrap();
    keys(&mut session, &[ENTER]); // not sure
    session.expect("Recommended: two-way trust").unwrap();
    session.expect("Which design?").unwrap();
    session.expect("Two-way trust").unwrap();
    session.expect("(recommended)").unwrap();
    keys(&mut session, &[ENTER]); // the first option: the recommendation
    session.expect("Add another domain?").unwrap();
    keys(&mut session, &[ENTER]); // no
    session.expect("Trust password").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Admin password").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Finish:").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Save the plan to:").unwrap();
    keys(&mut session, &[ENTER]);
    assert_eq!(finish(&mut session), "EXIT=0");
    assert_eq!(saved(&out), expected_trust());
}

#[test]
fn plain_all_not_sure_recommends_nothing() {
    let mut session = spawn("wizard --plain --out /dev/null", &[]);
    session.expect("Which design?").unwrap();
    keys(&mut session, &[DOWN, DOWN, ENTER]);
    for question in ["several domains", "portal", "directory data"] {
        session.expect(question).unwrap();
        keys(&mut session, &[ENTER]); // not sure
    }
    let shown = session.expect("Which design?").unwrap();
    let before = String::from_utf8_lossy(shown.before()).into_owned();
    assert!(!before.contains("Recommended"), "{before}");
    session.expect("Help me choose").unwrap();
    keys(&mut session, &[CTRL_C]);
    assert_eq!(finish(&mut session), "EXIT=1");
}

#[test]
fn plain_shows_the_warnings_and_the_yaml_before_asking_where_to_save() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let flags = "--mode ad-connector --domain corp.example.com --netbios CORP --dns 10.0.0.10 \
                 --name corp-sso --region us-east-1 --account 123456789012 \
                 --vpc vpc-0123456789abcdef0 \
                 --subnets subnet-0123456789abcdef0,subnet-0fedcba9876543210 --size small \
                 --service-account svc-adconnector";
    let mut session = spawn(
        &format!("wizard --plain --out {} {flags}", out.display()),
        &[],
    );
    session.expect("Service account password").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Validation warnings").unwrap();
    session.expect("only one DNS server is given").unwrap();
    session.expect("The plan, as it will be saved:").unwrap();
    let shown = session.expect("Warning: Switching").unwrap();
    let yaml = String::from_utf8_lossy(shown.before()).replace("\r\n", "\n");
    session.expect("Finish:").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Save the plan to:").unwrap();
    keys(&mut session, &[ENTER]);
    assert_eq!(finish(&mut session), "EXIT=0");
    let saved = saved(&out);
    assert!(saved.contains("- \"10.0.0.10\"\nconnection:"), "{saved}");
    assert_eq!(
        yaml.trim(),
        saved.trim(),
        "the YAML shown is the text saved"
    );
}
