//! Atomic file replacement: write a temporary file beside the target, sync it, rename it over
//! the target. A crash, a full disk or a failing write leaves the old file as it was.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::error::SaveError;

/// Replaces `path` with `bytes` atomically.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    atomic_write_with(path, |file| file.write_all(bytes))
}

/// Replaces `path` with whatever `write` produces, atomically. Tests use this to inject a
/// write that fails partway.
pub fn atomic_write_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    let target = resolve_symlink(path);
    let fail = |source| SaveError::Write {
        path: path.to_owned(),
        source,
    };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".hindsight-")
        .suffix(".tmp")
        .tempfile_in(&folder)
        .map_err(fail)?;
    // Keep the permissions of the file being replaced, so a save does not quietly make a
    // shared file private or a private file readable.
    if let Ok(metadata) = fs::metadata(&target) {
        temp.as_file()
            .set_permissions(metadata.permissions())
            .map_err(fail)?;
    }
    write(temp.as_file_mut()).map_err(fail)?;
    temp.as_file_mut().flush().map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    // On failure the error owns the temporary file and deletes it when dropped.
    temp.persist(&target).map_err(|error| fail(error.error))?;
    sync_folder(&folder);
    Ok(())
}

/// Saving through a symbolic link replaces the file it points to, not the link.
fn resolve_symlink(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
        }
        _ => path.to_owned(),
    }
}

/// Makes the rename itself durable. The new file is complete and in place whether or not this
/// succeeds, and some file systems refuse to sync a folder, so a failure here is not a failed
/// save.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(folder) {
        let _ignored_because_the_save_already_succeeded = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.ron");
        fs::write(&path, "old").unwrap();
        atomic_write(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_write_that_fails_partway_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.ron");
        fs::write(&path, "the old words").unwrap();
        let result = atomic_write_with(&path, |file| {
            file.write_all(b"half of the new")?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        });
        let error = result.unwrap_err();
        assert!(error.to_string().contains("the disk is full"), "{error}");
        assert!(error.to_string().contains("doc.ron"), "{error}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "the old words");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "temporary file left behind"
        );
    }

    #[test]
    fn a_missing_folder_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("doc.ron");
        let error = atomic_write(&path, b"new").unwrap_err();
        assert!(error.to_string().contains("does not exist"), "{error}");
    }

    #[test]
    fn a_folder_in_the_way_is_reported_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.ron");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), "keep").unwrap();
        assert!(atomic_write(&path, b"new").is_err());
        assert_eq!(fs::read_to_string(path.join("inside")).unwrap(), "keep");
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_symlink_replaces_the_linked_file() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        atomic_write(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }
}
