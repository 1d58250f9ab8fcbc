//! The ways reading or writing a postmortem file can fail, each worded for the person who
//! has to fix it.

use std::io;
use std::path::PathBuf;

use super::limits::MAX_FILE_BYTES;
use crate::model::FORMAT_VERSION;

/// Why a file could not be opened as a postmortem.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The operating system would not give us the bytes.
    #[error("{}: cannot read the file: {}", path.display(), plain_io_reason(source))]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// The path names a folder, a pipe, a device or a socket: reading one could wait forever.
    #[error("{}: this is {what}, not a postmortem file", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead, in words ("a named pipe (FIFO)").
        what: &'static str,
    },
    /// The file is larger than any real postmortem, and reading it could exhaust memory.
    #[error(
        "{}: the file is {:.1} MiB; Hindsight opens postmortems of up to {} MiB, so this is probably not one",
        path.display(),
        *size as f64 / MIB,
        MAX_FILE_BYTES / (1024 * 1024)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
    },
    /// The file is not valid RON, or its values do not fit a postmortem.
    #[error("{}:{line}:{column}: {reason}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The line of the problem, from 1.
        line: usize,
        /// The column of the problem, from 1.
        column: usize,
        /// What is wrong there.
        reason: String,
    },
    /// The file is readable RON but has no `format_version`, so it is some other program's file.
    #[error(
        "{}:1:1: this is not a Hindsight postmortem: it has no format_version field at the top",
        path.display()
    )]
    NotAPostmortem {
        /// The file.
        path: PathBuf,
    },
    /// The file was written by a newer Hindsight; reading part of it could lose the rest.
    #[error(
        "{}:{line}:{column}: written in format version {found}, but this Hindsight reads versions up to {FORMAT_VERSION}; update Hindsight to open it",
        path.display()
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Where the version is written.
        line: usize,
        /// Where the version is written.
        column: usize,
        /// The version the file claims.
        found: u32,
    },
}

/// Why a document could not be saved. The file that was there before is always left intact.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Writing, syncing or renaming failed.
    #[error("could not save {}: {}", path.display(), plain_io_reason(source))]
    Write {
        /// The file being saved.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// The file is read-only: its owner chose that, so it is not replaced behind their back.
    #[error(
        "{} is read-only, so Hindsight will not replace it; make it writable, or save under another name",
        path.display()
    )]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// Something other than a regular file is in the way.
    #[error("could not save {}: it is {what}, not a file", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead, in words.
        what: &'static str,
    },
    /// The file there was written by a newer Hindsight; replacing it would drop what this
    /// version cannot read.
    #[error(
        "{} was written by a newer Hindsight (format version {found}; this one writes version {FORMAT_VERSION}), so saving over it would lose what this version cannot read; update Hindsight, or save under another name",
        path.display()
    )]
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// The version it is written in.
        found: u32,
    },
    /// The path is a symbolic link to a file that does not exist: writing through it could
    /// create a file anywhere, so it is refused.
    #[error(
        "{} is a link that points to {}, which does not exist; Hindsight does not create files through links (remove the link, or save under another name)",
        path.display(),
        target.display()
    )]
    DanglingLink {
        /// The link.
        path: PathBuf,
        /// Where it points.
        target: PathBuf,
    },
    /// The document has grown past the size Hindsight opens, so writing it would make a file
    /// no Hindsight could open again.
    #[error(
        "the document would be {:.1} MiB, and Hindsight opens postmortems of up to {} MiB, so it was not written; split it, or import fewer rows",
        *size as f64 / MIB,
        MAX_FILE_BYTES / (1024 * 1024)
    )]
    TooLarge {
        /// The size it would be, in bytes.
        size: u64,
    },
    /// The document could not be turned into RON (a bug, not a user error).
    #[error("could not write the document as RON: {0}")]
    Serialize(#[from] ron::Error),
}

/// Bytes in a mebibyte, the unit the documentation gives the size limit in.
const MIB: f64 = 1024.0 * 1024.0;

/// The operating system's message, with a hint for the failures people can act on.
fn plain_io_reason(error: &io::Error) -> String {
    let hint = match error.kind() {
        io::ErrorKind::NotFound => "the file or its folder does not exist",
        io::ErrorKind::PermissionDenied => "permission denied (is the file or folder read-only?)",
        io::ErrorKind::StorageFull => "the disk is full",
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only",
        io::ErrorKind::IsADirectory => "that is a folder, not a file",
        _ => return error.to_string(),
    };
    format!("{hint} ({error})")
}
