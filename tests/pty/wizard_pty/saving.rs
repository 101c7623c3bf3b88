//! Saving in a real pty: an existing `--out` file or symbolic link is replaced only after a yes
//! (or with `--force`), a link is replaced and never followed, and a save that fails (a missing
//! directory) keeps the wizard open so another path can be given. Both front ends.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use super::*;

const BACKSPACE: &str = "\x7f";

/// Erases the `len` characters of a prefilled path.
fn erase(session: &mut Session, len: usize) {
    session.send(BACKSPACE.repeat(len)).unwrap();
    sleep(Duration::from_millis(200));
}

/// A file that must stay as it is, mode 0644.
fn precious(path: &Path) {
    std::fs::write(path, "precious\n").unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644)).unwrap();
}

fn assert_untouched(path: &Path) {
    assert_eq!(saved(path), "precious\n", "{} was changed", path.display());
    let mode = std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "{} changed mode", path.display());
}

#[test]
fn plain_asks_before_replacing_and_no_leads_to_another_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    precious(&out);
    let other = dir.path().join("other.yaml");
    let mut session = spawn(&format!("wizard --plain --out {}", out.display()), &[]);
    plain_connector_to_save(&mut session);
    keys(&mut session, &[ENTER]);
    session.expect("already exists. Replace it").unwrap();
    line(&mut session, "n");
    session.expect("was left as it is").unwrap();
    session.expect("Save the plan to:").unwrap();
    erase(&mut session, out.display().to_string().len());
    line(&mut session, &other.display().to_string());
    assert_eq!(finish(&mut session), "EXIT=0");
    assert_untouched(&out);
    assert_eq!(saved(&other), expected_connector());
}

#[test]
fn plain_replaces_a_symbolic_link_after_yes_never_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("precious.yaml");
    precious(&target);
    let out = dir.path().join("plan.yaml");
    std::os::unix::fs::symlink(&target, &out).unwrap();
    let mut session = spawn(&format!("wizard --plain --out {}", out.display()), &[]);
    plain_connector_to_save(&mut session);
    keys(&mut session, &[ENTER]);
    session.expect("is a symbolic link").unwrap();
    line(&mut session, "y");
    assert_eq!(finish(&mut session), "EXIT=0");
    assert_untouched(&target);
    assert!(std::fs::symlink_metadata(&out).unwrap().is_file());
    assert_eq!(saved(&out), expected_connector());
}

#[test]
fn plain_save_into_a_missing_directory_says_why_and_asks_again() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dir").join("plan.yaml");
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --plain --out {}", missing.display()), &[]);
    plain_connector_to_save(&mut session);
    keys(&mut session, &[ENTER]);
    session.expect("cannot save the plan to").unwrap();
    session.expect("does not exist").unwrap();
    session.expect("Save the plan to:").unwrap();
    erase(&mut session, missing.display().to_string().len());
    line(&mut session, &out.display().to_string());
    assert_eq!(finish(&mut session), "EXIT=0");
    assert_eq!(saved(&out), expected_connector());
}

#[test]
fn full_screen_asks_before_replacing_and_no_keeps_the_wizard_open() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    precious(&out);
    let other = dir.path().join("other.yaml");
    let mut session = spawn(&format!("wizard --out {}", out.display()), &[]);
    full_screen_connector_to_finish(&mut session);
    keys(&mut session, &[TAB, ENTER]); // Save
    session.expect("Replace?").unwrap();
    keys(&mut session, &["n"]);
    session.expect("was left as it is").unwrap();
    erase(&mut session, out.display().to_string().len());
    keys(&mut session, &[&other.display().to_string(), TAB, ENTER]);
    assert_eq!(finish(&mut session), "EXIT=0");
    assert_untouched(&out);
    assert_eq!(saved(&other), expected_connector());
}

#[test]
fn full_screen_with_force_replaces_a_symbolic_link_never_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("precious.yaml");
    precious(&target);
    let out = dir.path().join("plan.yaml");
    std::os::unix::fs::symlink(&target, &out).unwrap();
    let mut session = spawn(&format!("wizard --force --out {}", out.display()), &[]);
    full_screen_connector_to_finish(&mut session);
    keys(&mut session, &[TAB, ENTER]); // Save: no question with --force
    assert_eq!(finish(&mut session), "EXIT=0");
    assert_untouched(&target);
    assert!(std::fs::symlink_metadata(&out).unwrap().is_file());
    assert_eq!(saved(&out), expected_connector());
}

#[test]
fn full_screen_save_into_a_missing_directory_keeps_every_answer() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dir").join("plan.yaml");
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --out {}", missing.display()), &[]);
    full_screen_connector_to_finish(&mut session);
    keys(&mut session, &[TAB, ENTER]); // Save
    session.expect("cannot save the plan to").unwrap();
    erase(&mut session, missing.display().to_string().len());
    keys(&mut session, &[&out.display().to_string(), TAB, ENTER]);
    assert_eq!(finish(&mut session), "EXIT=0");
    assert_eq!(saved(&out), expected_connector());
}
