//! Leaving apply now at its password prompt: Ctrl-C ends the wizard cleanly (the plan is saved,
//! nothing ran, exit 0 and no "apply failed"); in the full screen Esc goes back to Finish first.
//! No AWS is reached: the password is asked before the run starts.

use super::*;

const ESC: &str = "\x1b";

/// Checks the end of a session left at the password prompt: saved, nothing applied.
fn assert_saved_not_applied(session: &mut Session, out: &Path) {
    let said = session.expect("Nothing was applied").unwrap();
    let text = String::from_utf8_lossy(said.before()).into_owned();
    assert!(!text.contains("apply failed"), "{text}");
    assert_eq!(finish(session), "EXIT=0");
    assert_eq!(saved(out), expected_connector());
}

#[test]
fn plain_ctrl_c_at_the_password_prompt_quits_with_nothing_applied() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --plain --out {}", out.display()), &[]);
    plain_connector_to_finish(&mut session);
    keys(&mut session, &[DOWN, ENTER]); // save and apply now
    session.expect("Save the plan to:").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("Apply these steps to AWS?").unwrap();
    keys(&mut session, &["y", ENTER]);
    session.expect("service account password").unwrap();
    keys(&mut session, &["half", CTRL_C]);
    assert_saved_not_applied(&mut session, &out);
}

#[test]
fn plain_save_and_apply_now_shows_the_steps_and_the_cost_then_asks_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --plain --out {}", out.display()), &[]);
    plain_connector_to_finish(&mut session);
    keys(&mut session, &[DOWN, ENTER]); // save and apply now
    session.expect("Save the plan to:").unwrap();
    keys(&mut session, &[ENTER]);
    let shown = session.expect("Apply these steps to AWS?").unwrap();
    let text = String::from_utf8_lossy(shown.before()).into_owned();
    for wanted in [
        "will:",
        "find or create the AD Connector",
        "AD Connector, Small: about USD 37 a month",
        "AWS takes several minutes to create it",
        "excluding data transfer",
        "adsso preflight",
    ] {
        assert!(text.contains(wanted), "missing {wanted}:\n{text}");
    }
    keys(&mut session, &["n", ENTER]);
    assert_saved_not_applied(&mut session, &out);
}

#[test]
fn full_screen_esc_at_the_password_prompt_goes_back_and_ctrl_c_quits_with_nothing_applied() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --out {}", out.display()), &[]);
    full_screen_connector_to_finish(&mut session);
    keys(&mut session, &[TAB, TAB, ENTER]); // save and apply now
    session.expect("Cost:").unwrap();
    keys(&mut session, &[ENTER]); // the one question: apply
    session.expect("masked").unwrap();
    keys(&mut session, &["half", ESC]);
    session.expect("valid.").unwrap(); // the Finish screen again
    keys(&mut session, &[ENTER]); // save and apply now, again: the password is asked again
    session.expect("Replace").unwrap();
    keys(&mut session, &["y"]);
    session.expect("Cost:").unwrap();
    keys(&mut session, &[ENTER]);
    session.expect("masked").unwrap();
    keys(&mut session, &[CTRL_C]);
    assert_saved_not_applied(&mut session, &out);
}
