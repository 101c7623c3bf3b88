//! `--plain`: Esc goes back one question everywhere (the design, the helper, the first domain
//! and AWS questions, the connectivity question, Finish, the save path) and loses no answer; on
//! the very first question it asks "Quit without saving?" first.

use super::*;

const ESC: &str = "\x1b";

#[test]
fn plain_esc_goes_back_one_question_and_asks_before_quitting() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --plain --out {}", out.display()), &[]);
    session.expect("Which design?").unwrap();
    keys(&mut session, &[ESC]);
    session.expect("Quit without saving?").unwrap();
    line(&mut session, "n");
    session.expect("Which design?").unwrap();
    keys(&mut session, &[DOWN, DOWN, ENTER]); // help me choose
    session.expect("several domains").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("portal").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("directory data").unwrap();
    keys(&mut session, &[ESC]); // back to the helper's previous question
    session.expect("portal").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("directory data").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Which design?").unwrap();
    keys(&mut session, &[DOWN, ENTER]); // AD Connector
    session.expect("Domain (FQDN)").unwrap();
    keys(&mut session, &[ESC]); // the design can be revisited
    session.expect("Which design?").unwrap();
    keys(&mut session, &[DOWN, ENTER]);
    session.expect("Domain (FQDN)").unwrap();
    line(&mut session, "corp.example.com");
    session.expect("NetBIOS").unwrap();
    line(&mut session, "CORP");
    session.expect("DNS servers").unwrap();
    line(&mut session, "10.0.0.10, 10.0.0.11");
    session.expect("connectivity").unwrap();
    keys(&mut session, &[ESC]); // back to the DNS servers, kept
    session.expect("10.0.0.11").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("connectivity").unwrap();
    keys(&mut session, &[ENTER]); // no check
    session.expect("Plan name").unwrap();
    keys(&mut session, &[ESC]); // the first AWS question goes back to the check
    session.expect("connectivity").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Plan name").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Region").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Account id").unwrap();
    line(&mut session, "123456789012");
    session.expect("Connector size").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("VPC").unwrap();
    line(&mut session, "vpc-0123456789abcdef0");
    session.expect("Subnet 1").unwrap();
    line(&mut session, "subnet-0123456789abcdef0");
    session.expect("Subnet 2").unwrap();
    line(&mut session, "subnet-0fedcba9876543210");
    session.expect("Service account:").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Service account password").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Finish:").unwrap();
    keys(&mut session, &[ESC]); // back to the last secret
    session.expect("Service account password").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Finish:").unwrap();
    keys(&mut session, &[ENTER]); // save only
    session.expect("Save the plan to:").unwrap();
    keys(&mut session, &[ESC]); // back to Finish
    session.expect("Finish:").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Save the plan to:").unwrap();
    keys(&mut session, &[ENTER]);
    assert_eq!(finish(&mut session), "EXIT=0");
    assert_eq!(saved(&out), expected_connector());
}

#[test]
fn plain_esc_then_yes_on_the_first_question_quits_without_saving() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --plain --out {}", out.display()), &[]);
    session.expect("Which design?").unwrap();
    keys(&mut session, &[ESC]);
    session.expect("Quit without saving?").unwrap();
    line(&mut session, "y");
    assert_eq!(finish(&mut session), "EXIT=1");
    assert!(!out.exists());
}
