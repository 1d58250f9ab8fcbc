//! Reading and writing postmortem files: canonical RON, format versions, atomic saves.
//!
//! Every failure here becomes a typed error that names the file and says why in plain words;
//! nothing in this module panics on any input.

mod atomic;
mod attachments;
mod content_hash;
mod error;
mod file_kind;
mod format;
mod images;
mod limits;
mod recovery;
mod site_tree;
mod update;

pub use atomic::{atomic_write, atomic_write_with, remove_leftover_temp_files};
pub use attachments::{
    ATTACHMENT_WARNING_BYTES, AttachError, FolderCheck, MAX_ATTACHMENT_BYTES, Swept, carry,
    check_folder, copy_attachments, file_of, folder_findings, folder_for, folder_name_for,
    read_all, read_attachment, read_to_attach, referenced_names, remove_from_folder, store_bytes,
    store_file, stored_name, sweep,
};
pub use content_hash::ContentHash;
pub use error::{LoadError, SaveError};
pub use file_kind::{not_a_regular_file, open_regular_file, read_regular_file};
pub use format::{from_ron_bytes, from_ron_str, to_canonical_ron};
pub use images::{image_size, image_size_of, png_of, read_image_within};
pub use limits::MAX_FILE_BYTES;
pub use recovery::{RecoveredCopy, RecoveryError, RecoveryFolder, RecoveryInfo, SessionLock};
pub use site_tree::{SITE_MANIFEST, TreeError, TreeWritten, write_tree};
pub use update::{Held, UpdateError, replace_locked, update, write_if_unchanged};

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;

use crate::model::Postmortem;

/// Reads and checks a postmortem file. The document is returned only when the whole file was
/// understood; a file that is too big, not RON, not a postmortem or from a newer Hindsight
/// is refused.
pub fn load(path: &Path) -> Result<Postmortem, LoadError> {
    load_with_hash(path).map(|(doc, _)| doc)
}

/// Like [`load`], also giving the fingerprint of the bytes read, so the editor can later tell
/// whether the file still holds them.
pub fn load_with_hash(path: &Path) -> Result<(Postmortem, ContentHash), LoadError> {
    let bytes = read_bytes(path)?;
    let doc = format::from_ron_bytes(&bytes, path)?;
    Ok((doc, ContentHash::of(&bytes)))
}

/// The fingerprint of what `path` holds now, or `None` when there is no file there.
pub fn content_hash_of(path: &Path) -> Result<Option<ContentHash>, LoadError> {
    match read_bytes(path) {
        Ok(bytes) => Ok(Some(ContentHash::of(&bytes))),
        Err(LoadError::Unreadable { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            Ok(None)
        }
        Err(error) => Err(error),
    }
}

/// The format version of the postmortem at `path` when it is newer than this build writes:
/// saving over such a file would drop what this version cannot read.
#[must_use]
pub fn newer_format_at(path: &Path) -> Option<u32> {
    let bytes = read_bytes(path).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    format::format_version_of(text).filter(|found| *found > crate::model::FORMAT_VERSION)
}

/// The bytes of a regular file of at most [`MAX_FILE_BYTES`].
fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_open_file(&open_postmortem_file(path)?, path)
}

/// Opens `path` for reading when it is a regular file.
fn open_postmortem_file(path: &Path) -> Result<File, LoadError> {
    let io_error = |source| LoadError::Unreadable {
        path: path.to_owned(),
        source,
    };
    let not_a_file = |what| LoadError::NotAFile {
        path: path.to_owned(),
        what,
    };
    // Looked at before opening: opening a named pipe or a device to read blocks until
    // something writes to it, which may be never.
    let metadata = fs::metadata(path).map_err(io_error)?;
    if let Some(what) = file_kind::not_a_regular_file(metadata.file_type()) {
        return Err(not_a_file(what));
    }
    let file = File::open(path).map_err(io_error)?;
    // The path may have been swapped between the look and the open.
    let metadata = file.metadata().map_err(io_error)?;
    if let Some(what) = file_kind::not_a_regular_file(metadata.file_type()) {
        return Err(not_a_file(what));
    }
    Ok(file)
}

/// The bytes of the open `file` (read from `path`), of at most [`MAX_FILE_BYTES`].
fn read_open_file(file: &File, path: &Path) -> Result<Vec<u8>, LoadError> {
    let io_error = |source| LoadError::Unreadable {
        path: path.to_owned(),
        source,
    };
    let too_large = |size| LoadError::TooLarge {
        path: path.to_owned(),
        size,
    };
    let size = file.metadata().map_err(io_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    // The size can change between the check and the read; `take` keeps memory bounded anyway.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Writes the document to `path` in canonical form, atomically: on any failure the file that
/// was there before is left as it was.
pub fn save(path: &Path, doc: &Postmortem) -> Result<(), SaveError> {
    let text = to_canonical_ron(doc)?;
    atomic_write(path, text.as_bytes())
}

/// Whether `a` and `b` name one and the same file, however they are spelt (links, `..`, hard
/// links). `false` when either does not exist.
#[must_use]
pub fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(first), Ok(second)) = (fs::metadata(a), fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        first.dev() == second.dev() && first.ino() == second.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (first, second);
        matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b)
    }
}
