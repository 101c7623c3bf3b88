//! Tests of the wizard's plan writer: new files, refusals without permission to replace, links
//! replaced (never followed), and errors that name the file and the reason.

use std::os::unix::fs::PermissionsExt;

use super::*;

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

/// The names in `dir`, sorted (to see that no temporary file is left behind).
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_new_file_is_written_with_mode_0600_and_nothing_else_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.yaml");
    write_atomically(&path, b"plan\n", Overwrite::Ask).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"plan\n");
    assert_eq!(mode(&path), 0o600);
    assert_eq!(names(dir.path()), ["plan.yaml"]);
}

#[test]
fn an_existing_file_is_kept_unless_replacing_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.yaml");
    std::fs::write(&path, b"old\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let error = write_atomically(&path, b"new\n", Overwrite::Ask).unwrap_err();
    assert_eq!(
        error,
        SaveError::Exists {
            path: path.display().to_string(),
            link: false
        }
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"old\n");
    assert_eq!(names(dir.path()), ["plan.yaml"]);
    write_atomically(&path, b"new\n", Overwrite::Replace).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"new\n");
    assert_eq!(mode(&path), 0o600);
    assert_eq!(names(dir.path()), ["plan.yaml"]);
}

#[test]
fn a_symbolic_link_is_replaced_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("precious");
    std::fs::write(&target, b"precious\n").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
    let link = dir.path().join("plan.yaml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let error = write_atomically(&link, b"plan\n", Overwrite::Ask).unwrap_err();
    assert!(
        matches!(error, SaveError::Exists { link: true, .. }),
        "{error:?}"
    );
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    write_atomically(&link, b"plan\n", Overwrite::Replace).unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"precious\n");
    assert_eq!(mode(&target), 0o644, "the link's target keeps its mode");
    assert!(std::fs::symlink_metadata(&link).unwrap().is_file());
    assert_eq!(std::fs::read(&link).unwrap(), b"plan\n");
}

#[test]
fn a_dangling_symbolic_link_is_not_followed_either() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("created-through-the-link");
    let link = dir.path().join("plan.yaml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let error = write_atomically(&link, b"plan\n", Overwrite::Ask).unwrap_err();
    assert!(matches!(error, SaveError::Exists { link: true, .. }));
    write_atomically(&link, b"plan\n", Overwrite::Replace).unwrap();
    assert!(!target.exists(), "nothing is created through the link");
    assert_eq!(std::fs::read(&link).unwrap(), b"plan\n");
}

#[test]
fn failures_name_the_file_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope").join("plan.yaml");
    let error = write_atomically(&missing, b"plan\n", Overwrite::Replace).unwrap_err();
    assert_eq!(
        error,
        SaveError::Failed(format!(
            "cannot save the plan to {}: the directory {} does not exist",
            missing.display(),
            dir.path().join("nope").display()
        ))
    );
    let file = dir.path().join("file");
    std::fs::write(&file, b"").unwrap();
    let under_a_file = file.join("plan.yaml");
    let error = write_atomically(&under_a_file, b"plan\n", Overwrite::Ask).unwrap_err();
    assert!(error.to_string().ends_with("is not a directory"), "{error}");
    let error = write_atomically(dir.path(), b"plan\n", Overwrite::Replace).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with("it is a directory; add a file name")
    );
    let error =
        write_atomically(Path::new("/dev/null"), b"plan\n", Overwrite::Replace).unwrap_err();
    assert!(error.to_string().contains("not a regular file"), "{error}");
    let error = write_atomically(Path::new(""), b"plan\n", Overwrite::Replace).unwrap_err();
    assert!(error.to_string().contains("names no file"), "{error}");
}

#[test]
fn a_file_that_appears_after_the_check_is_not_replaced_without_permission() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.yaml");
    let temp = dir.path().join(".plan.yaml.tmp");
    std::fs::write(&temp, b"new\n").unwrap();
    std::fs::write(&path, b"appeared\n").unwrap();
    let error = install(&temp, &path, Overwrite::Ask).unwrap_err();
    assert!(matches!(error, SaveError::Exists { link: false, .. }));
    assert_eq!(std::fs::read(&path).unwrap(), b"appeared\n");
}

#[test]
fn a_directory_where_no_file_can_be_created_is_named_with_the_reason() {
    // sysfs refuses new files even to root: a stand-in for a read-only directory.
    let path = Path::new("/sys/adsso-plan.yaml");
    let error = write_atomically(path, b"plan\n", Overwrite::Ask).unwrap_err();
    assert_eq!(
        error,
        SaveError::Failed(
            "cannot save the plan to /sys/adsso-plan.yaml: cannot create a file in /sys: permission denied"
                .into()
        )
    );
}
