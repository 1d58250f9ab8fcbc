//! How `init` writes: only files that are not there yet, and never through a link that
//! leads out of the folder it sets up.

use std::path::{Path, PathBuf};

use crate::cli::CommandError;
use crate::storage;

/// Refuses a file whose folder, once links are followed, is not inside `folder`: a
/// `postmortems` that is a link to another folder would have `init` write there.
pub(super) fn stays_inside(folder: &Path, path: &Path) -> Result<(), CommandError> {
    match outside(folder, path) {
        Some(real) => Err(CommandError::LinkOut {
            path: path.to_owned(),
            folder: folder.to_owned(),
            real,
        }),
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

/// Makes the folders `path` is in, below `folder`, one at a time, each checked not to lead
/// out of `folder` before anything is made inside it.
pub(super) fn make_folders(folder: &Path, path: &Path) -> Result<(), CommandError> {
    let Ok(relative) = path.strip_prefix(folder) else {
        return stays_inside(folder, path);
    };
    let mut at = folder.to_owned();
    for part in relative.parent().into_iter().flat_map(Path::components) {
        at.push(part);
        if let Some(real) = outside(folder, &at.join("x")) {
            return Err(CommandError::LinkOut {
                path: path.to_owned(),
                folder: folder.to_owned(),
                real,
            });
        }
        if !at.is_dir() {
            std::fs::create_dir(&at).map_err(|source| CommandError::Io {
                path: at.clone(),
                source,
            })?;
        }
    }
    stays_inside(folder, path)
}

/// Writes `path` unless it is there; whether it wrote it.
pub(super) fn write_new(path: &Path, bytes: &[u8]) -> Result<bool, CommandError> {
    if path.exists() {
        return Ok(false);
    }
    storage::atomic_write(path, bytes)?;
    Ok(true)
}
