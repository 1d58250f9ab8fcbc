//! How `init` writes: only files that are not there yet, and never through a link that
//! leads out of the folder it sets up.

use std::path::{Path, PathBuf};

use crate::storage;

/// Refuses a file whose folder, once links are followed, is not inside `folder`: a
/// `postmortems` that is a link to another folder would have `init` write there.
pub(super) fn stays_inside(folder: &Path, path: &Path) -> Result<(), String> {
    match outside(folder, path) {
        Some(real) => Err(format!(
            "{}: not written: its folder is a link out of {} (to {})",
            path.display(),
            folder.display(),
            real.display()
        )),
        None => Ok(()),
    }
}

/// Where `path`'s folder really is, when following links there leaves `folder`.
pub(super) fn outside(folder: &Path, path: &Path) -> Option<PathBuf> {
    let root = folder.canonicalize().ok()?;
    let parent = path.parent()?.canonicalize().ok()?;
    (!parent.starts_with(&root)).then_some(parent)
}

/// Where `path` leads when it is a symbolic link.
pub(super) fn link_target(path: &Path) -> Option<PathBuf> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink());
    is_link.then(|| {
        path.canonicalize()
            .or_else(|_| std::fs::read_link(path))
            .ok()
    })?
}

/// Writes `path` unless it is there; whether it wrote it.
pub(super) fn write_new(path: &Path, bytes: &[u8]) -> Result<bool, String> {
    if path.exists() {
        return Ok(false);
    }
    storage::atomic_write(path, bytes)
        .map(|()| true)
        .map_err(|error| error.to_string())
}
