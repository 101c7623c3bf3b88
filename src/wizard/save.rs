//! Writing the wizard's plan: YAML with the schema modeline first, mode 0600 from the moment
//! the file exists (it holds no secret, but it does describe your network).
//!
//! The target is never opened, followed or truncated: the plan is written to a new temporary
//! file in the same directory (created exclusively, mode 0600 from creation), synced, then
//! renamed over the target, and the directory is synced. Renaming over a symbolic link replaces
//! the link, never the file it points to. An existing file or link is replaced only when the
//! operator confirmed it (or gave `--force`); anything else that exists there (a directory, a
//! device, a FIFO) is refused.

use std::fmt;
use std::io::Write;
#[cfg(unix)]
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::files::io_reason;
use crate::plan::Plan;
use crate::plan::schema::plan_document;
use crate::text::untrusted;

/// How many temporary names are tried before giving up (they only collide with leftovers).
const TEMP_ATTEMPTS: u32 = 16;

/// The text of a saved plan.
pub fn plan_text(plan: &Plan) -> String {
    plan_document(
        plan,
        "# Written by `adsso wizard`. Check it with `adsso validate`.\n",
    )
}

/// Whether an existing file (or symbolic link) at the target may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// No: report [`SaveError::Exists`] so the operator can be asked.
    Ask,
    /// Yes: the operator confirmed, or gave `--force`.
    Replace,
}

/// Why the plan was not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Something the operator may replace is there; nothing was written.
    Exists {
        /// The target, as typed.
        path: String,
        /// True when it is a symbolic link (replacing it replaces the link, not its target).
        link: bool,
    },
    /// The save failed; the message names the file and why.
    Failed(String),
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::Exists { path, link } => {
                f.write_str(&crate::text::wizard::replace_question(path, *link))
            }
            SaveError::Failed(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for SaveError {}

/// Writes `plan` to `path` with mode 0600, replacing an existing file or symbolic link only with
/// [`Overwrite::Replace`].
pub fn save(plan: &Plan, path: &Path, overwrite: Overwrite) -> Result<(), SaveError> {
    write_atomically(path, plan_text(plan).as_bytes(), overwrite)
}

/// "cannot save the plan to PATH: REASON".
fn failed(path: &Path, reason: impl fmt::Display) -> SaveError {
    let shown = path.display().to_string();
    SaveError::Failed(format!(
        "cannot save the plan to {}: {reason}",
        untrusted::line(&shown)
    ))
}

/// The directory a path is in (`.` for a bare file name).
fn directory_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Writes `bytes` to `path` through a temporary file and a rename (see the module docs).
pub fn write_atomically(path: &Path, bytes: &[u8], overwrite: Overwrite) -> Result<(), SaveError> {
    let Some(name) = path.file_name() else {
        return Err(failed(path, "the path names no file"));
    };
    let directory = directory_of(path);
    match std::fs::metadata(&directory) {
        Ok(metadata) if metadata.is_dir() => {}
        Ok(_) => {
            let shown = directory.display().to_string();
            return Err(failed(
                path,
                format!("{} is not a directory", untrusted::line(&shown)),
            ));
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            let shown = directory.display().to_string();
            return Err(failed(
                path,
                format!("the directory {} does not exist", untrusted::line(&shown)),
            ));
        }
        Err(error) => return Err(failed(path, io_reason(&error))),
    }
    check_target(path, overwrite)?;
    let (temp, mut file) = create_temp(&directory, name).map_err(|error| {
        let shown = directory.display().to_string();
        failed(
            path,
            format!(
                "cannot create a file in {}: {}",
                untrusted::line(&shown),
                io_reason(&error)
            ),
        )
    })?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|error| failed(path, io_reason(&error)))
        .and_then(|()| {
            drop(file);
            install(&temp, path, overwrite)
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written?;
    sync_directory(&directory).map_err(|error| failed(path, io_reason(&error)))
}

/// Checks what is at the target now: nothing, or a file or link that may be replaced.
fn check_target(path: &Path, overwrite: Overwrite) -> Result<(), SaveError> {
    let metadata = match std::fs::symlink_metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(failed(path, io_reason(&error))),
    };
    let kind = metadata.file_type();
    if kind.is_dir() {
        return Err(failed(path, "it is a directory; add a file name"));
    }
    if !kind.is_file() && !kind.is_symlink() {
        return Err(failed(
            path,
            "something that is not a regular file is there (a device, FIFO or socket); choose another path",
        ));
    }
    if overwrite == Overwrite::Ask {
        return Err(SaveError::Exists {
            path: path.display().to_string(),
            link: kind.is_symlink(),
        });
    }
    Ok(())
}

/// Creates a new file next to the target, exclusively, with mode 0600 from creation.
fn create_temp(
    directory: &Path,
    name: &std::ffi::OsStr,
) -> std::io::Result<(PathBuf, std::fs::File)> {
    let mut last = std::io::Error::other("no temporary name tried");
    for attempt in 0..TEMP_ATTEMPTS {
        let mut temp_name = std::ffi::OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".adsso-{}-{attempt}.tmp", std::process::id()));
        let temp = directory.join(temp_name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        options.mode(0o600);
        match options.open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => last = error,
            Err(error) => return Err(error),
        }
    }
    Err(last)
}

/// Moves the written temporary file to the target. Without permission to replace, the move
/// must not replace anything that appeared meanwhile: a hard link fails when the target exists.
fn install(temp: &Path, path: &Path, overwrite: Overwrite) -> Result<(), SaveError> {
    if overwrite == Overwrite::Replace {
        return std::fs::rename(temp, path).map_err(|error| failed(path, io_reason(&error)));
    }
    match std::fs::hard_link(temp, path) {
        Ok(()) => std::fs::remove_file(temp).map_err(|error| failed(path, io_reason(&error))),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            Err(SaveError::Exists {
                path: path.display().to_string(),
                link,
            })
        }
        // A file system without hard links: the target was checked to be absent just before.
        Err(_) => std::fs::rename(temp, path).map_err(|error| failed(path, io_reason(&error))),
    }
}

/// Makes the rename durable. File systems that cannot sync a directory say so with EINVAL.
fn sync_directory(directory: &Path) -> std::io::Result<()> {
    match std::fs::File::open(directory).and_then(|handle| handle.sync_all()) {
        Err(error) if error.kind() == std::io::ErrorKind::InvalidInput => Ok(()),
        other => other,
    }
}

#[cfg(test)]
#[path = "save_tests.rs"]
mod tests;
