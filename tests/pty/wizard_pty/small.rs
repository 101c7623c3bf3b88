//! A terminal made too small for the wizard: only the notice is shown, and only quitting acts
//! (an Enter on `[ Save ]` saves nothing); back to a large size, the keys act again.

use super::*;

const ESC: &str = "\x1b";

#[test]
fn full_screen_too_small_ignores_enter_and_esc_asks_to_quit() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.yaml");
    let mut session = spawn(&format!("wizard --out {}", out.display()), &[]);
    full_screen_connector_to_finish(&mut session);
    session.expect("valid.").unwrap();
    session.get_process_mut().set_window_size(60, 20).unwrap();
    session.expect("Enlarge").unwrap();
    keys(&mut session, &[TAB, ENTER, ENTER]); // [ Save ] twice, blind: nothing happens
    sleep(Duration::from_millis(500));
    assert!(
        !out.exists(),
        "a key acted while the terminal was too small"
    );
    keys(&mut session, &[ESC]);
    session.expect("anyway?").unwrap();
    keys(&mut session, &["n"]);
    session.get_process_mut().set_window_size(100, 32).unwrap();
    session.expect("valid.").unwrap();
    keys(&mut session, &[TAB, ENTER]); // the focus is on the path: Tab to [ Save ]
    assert_eq!(finish(&mut session), "EXIT=0");
    assert_eq!(saved(&out), expected_connector());
}
