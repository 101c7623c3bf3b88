//! Reading input files that may be hostile: a plan, a `{file:}` secret, a CA bundle.
//!
//! One bounded reader for all of them. The file is opened without blocking (`O_NONBLOCK`, so a
//! FIFO without a writer cannot hang the open) and without becoming a controlling terminal
//! (`O_NOCTTY`); the opened handle is then checked (`fstat`), so what is read is what was
//! checked: only a regular file is read (a directory, FIFO, device or socket is refused and
//! named), and its size from the metadata is checked against the cap before a byte is read. The
//! read itself is still capped, for files whose size the metadata does not tell.

use std::fmt;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

use crate::text;

/// How much of a kind of file may be read, and the rule in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The most bytes accepted.
    pub bytes: u64,
    /// The rule, e.g. "a plan is at most 256 KiB".
    pub rule: &'static str,
}

/// A plan: at most [`crate::plan::load::MAX_PLAN_BYTES`].
pub const PLAN: Limit = Limit {
    bytes: crate::plan::load::MAX_PLAN_BYTES as u64,
    rule: text::PLAN_TOO_LARGE,
};

/// A `{file:}` secret: a password, at most 4 KiB.
pub const SECRET: Limit = Limit {
    bytes: 4 * 1024,
    rule: text::SECRET_FILE_TOO_LARGE,
};

/// A CA bundle (PEM) for preflight: at most 1 MiB.
pub const CA_BUNDLE: Limit = Limit {
    bytes: 1024 * 1024,
    rule: text::CA_FILE_TOO_LARGE,
};

/// Why a file was not read. Never holds any of its content.
#[derive(Debug)]
pub enum FileError {
    /// The file could not be opened (not found, permission denied, a symbolic link loop...).
    Open(std::io::Error),
    /// Not a regular file; what it is instead, in words ("a directory").
    NotRegular(&'static str),
    /// Larger than the limit; the size when the metadata tells it.
    TooLarge {
        /// The size from the metadata, or `None` when only the capped read found it too large.
        size: Option<u64>,
        /// The limit it breaks.
        limit: Limit,
    },
    /// Reading failed after the file was opened.
    Read(std::io::Error),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Open(error) | FileError::Read(error) => f.write_str(&io_reason(error)),
            FileError::NotRegular(kind) => write!(f, "it is {kind}, not a regular file"),
            FileError::TooLarge {
                size: Some(size),
                limit,
            } => write!(
                f,
                "the file is {}; {}",
                text::describe_size(*size),
                limit.rule
            ),
            FileError::TooLarge { size: None, limit } => {
                write!(f, "the file is over the limit; {}", limit.rule)
            }
        }
    }
}

impl std::error::Error for FileError {}

/// An OS error in words, without Rust's `(os error N)` suffix.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    #[cfg(unix)]
    if error.raw_os_error() == Some(libc::ELOOP) {
        return "too many levels of symbolic links (a symbolic link loop)".to_owned();
    }
    match error.kind() {
        ErrorKind::NotFound => "no such file or directory".to_owned(),
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let text = error.to_string();
            let reason = text
                .split_once(" (os error")
                .map_or(text.as_str(), |(reason, _)| reason);
            let mut chars = reason.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
    }
}

/// What a file that is not a regular file is, in words.
fn kind_of(metadata: &Metadata) -> &'static str {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// Refuses anything but a regular file.
fn regular(metadata: &Metadata) -> Result<(), FileError> {
    if metadata.is_file() {
        Ok(())
    } else {
        Err(FileError::NotRegular(kind_of(metadata)))
    }
}

/// Opens `path` for reading without blocking and returns it with the metadata of the opened
/// handle. Only a regular file is opened: others are refused, before the open when the path
/// already shows it (so no device is ever opened), and after it from the handle.
pub fn open(path: &Path) -> Result<(File, Metadata), FileError> {
    regular(&std::fs::metadata(path).map_err(FileError::Open)?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path).map_err(FileError::Open)?;
    let metadata = file.metadata().map_err(FileError::Read)?;
    regular(&metadata)?;
    Ok((file, metadata))
}

/// Refuses a file whose metadata says it is over `limit`.
pub fn check_size(metadata: &Metadata, limit: Limit) -> Result<(), FileError> {
    if metadata.len() > limit.bytes {
        return Err(FileError::TooLarge {
            size: Some(metadata.len()),
            limit,
        });
    }
    Ok(())
}

/// Reads an opened file to its end, at most `limit` bytes (one more byte is an error). The
/// buffer is allocated once, so a secret is never copied by a reallocation.
pub fn read_capped(file: File, limit: Limit) -> Result<Vec<u8>, FileError> {
    let capacity = usize::try_from(limit.bytes.saturating_add(1)).unwrap_or(usize::MAX);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit.bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(FileError::Read)?;
    if bytes.len() as u64 > limit.bytes {
        return Err(FileError::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

/// Opens, checks and reads a regular file of at most `limit` bytes.
pub fn read(path: &Path, limit: Limit) -> Result<Vec<u8>, FileError> {
    let (file, metadata) = open(path)?;
    check_size(&metadata, limit)?;
    read_capped(file, limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Limit = Limit {
        bytes: 8,
        rule: "a test file is at most 8 bytes",
    };

    #[test]
    fn the_limit_is_inclusive_and_one_more_byte_is_refused_with_the_real_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"12345678").unwrap();
        assert_eq!(read(&path, SMALL).unwrap(), b"12345678");
        std::fs::write(&path, b"123456789").unwrap();
        let error = read(&path, SMALL).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the file is 9 bytes; a test file is at most 8 bytes"
        );
    }

    #[test]
    fn a_directory_a_device_and_a_missing_file_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let error = read(dir.path(), SMALL).unwrap_err();
        assert_eq!(error.to_string(), "it is a directory, not a regular file");
        let error = read(Path::new("/dev/zero"), SMALL).unwrap_err();
        assert_eq!(
            error.to_string(),
            "it is a character device, not a regular file"
        );
        let error = read(&dir.path().join("missing"), SMALL).unwrap_err();
        assert_eq!(error.to_string(), "no such file or directory");
    }

    #[test]
    fn a_symbolic_link_loop_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let error = read(&a, SMALL).unwrap_err();
        assert!(error.to_string().contains("symbolic link loop"), "{error}");
    }

    #[test]
    fn a_short_read_cap_catches_what_the_metadata_does_not_tell() {
        // /proc files report a size of 0 but have content.
        let error = read(Path::new("/proc/self/status"), SMALL).unwrap_err();
        assert!(
            matches!(error, FileError::TooLarge { size: None, .. }),
            "{error:?}"
        );
        assert_eq!(
            error.to_string(),
            "the file is over the limit; a test file is at most 8 bytes"
        );
    }
}
