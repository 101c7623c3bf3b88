//! Resolving secret references: environment, files (bounded, private), prompts, AWS's rules.

use super::*;

#[test]
fn a_file_readable_by_others_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pw");
    std::fs::write(&path, "Canary-Secret-4711!\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let reference = SecretRef::File(path.display().to_string());
    let error = resolve(&reference, "trust password").unwrap_err();
    assert!(matches!(error, SecretError::FileMode { mode: 0o644, .. }));
    assert!(!error.to_string().contains("Canary"));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let value = resolve(&reference, "trust password").unwrap();
    assert_eq!(value.expose_secret(), "Canary-Secret-4711!");
}

fn secret_file(dir: &tempfile::TempDir, bytes: &[u8], mode: u32) -> SecretRef {
    let path = dir.path().join("pw");
    std::fs::write(&path, bytes).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    SecretRef::File(path.display().to_string())
}

#[test]
fn no_group_or_other_access_is_the_rule_not_mode_0600() {
    let dir = tempfile::tempdir().unwrap();
    for mode in [0o600, 0o400, 0o700] {
        let reference = secret_file(&dir, b"Canary-Secret-4711!", mode);
        let value = resolve(&reference, "trust password").unwrap();
        assert_eq!(value.expose_secret(), "Canary-Secret-4711!", "{mode:o}");
    }
    for mode in [0o640, 0o604, 0o610, 0o601] {
        let reference = secret_file(&dir, b"Canary-Secret-4711!", mode);
        let error = resolve(&reference, "trust password").unwrap_err();
        assert!(matches!(error, SecretError::FileMode { .. }), "{mode:o}");
    }
}

#[test]
fn a_secret_file_of_4_kib_is_read_and_one_more_byte_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let reference = secret_file(&dir, &[b'x'; 4096], 0o600);
    assert_eq!(
        resolve(&reference, "trust password")
            .unwrap()
            .expose_secret()
            .len(),
        4096
    );
    let reference = secret_file(&dir, &[b'x'; 4097], 0o600);
    let error = resolve(&reference, "trust password").unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "cannot read the trust password file {}: the file is 4.0 KiB (4097 bytes); a secret file is at most 4 KiB",
            dir.path().join("pw").display()
        )
    );
}

#[test]
fn a_fifo_a_device_and_a_directory_are_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    std::fs::set_permissions(&fifo, std::fs::Permissions::from_mode(0o600)).unwrap();
    let cases = [
        (fifo.display().to_string(), "a named pipe (FIFO)"),
        ("/dev/zero".to_owned(), "a character device"),
        (dir.path().display().to_string(), "a directory"),
    ];
    for (path, kind) in cases {
        let error = resolve(&SecretRef::File(path.clone()), "trust password").unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("cannot read the trust password file {path}: it is {kind}, not a regular file")
        );
    }
}

#[test]
fn a_sparse_3_gib_secret_file_is_refused_from_its_size_unread() {
    let dir = tempfile::tempdir().unwrap();
    let reference = secret_file(&dir, b"", 0o600);
    let SecretRef::File(path) = &reference else {
        unreachable!()
    };
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_len(3 << 30)
        .unwrap();
    let started = std::time::Instant::now();
    let error = resolve(&reference, "trust password").unwrap_err();
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    assert!(
        error
            .to_string()
            .ends_with("the file is 3.0 GiB (3221225472 bytes); a secret file is at most 4 KiB"),
        "{error}"
    );
}

#[test]
fn a_missing_variable_is_named_not_guessed() {
    let reference = SecretRef::Env("ADSSO_TEST_SURELY_UNSET_VARIABLE".to_owned());
    let error = resolve(&reference, "trust password").unwrap_err();
    assert!(
        error
            .to_string()
            .contains("ADSSO_TEST_SURELY_UNSET_VARIABLE")
    );
}
