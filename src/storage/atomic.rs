//! Atomic file replacement: write a temporary file beside the target, sync it, rename it over
//! the target. A crash, a full disk or a failing write leaves the old file as it was.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::error::SaveError;
use super::file_kind::not_a_regular_file;

/// Temporary files are named `.hindsight-XXXXXX.tmp`, so one `.gitignore` line,
/// `.hindsight-*.tmp`, keeps a save that was cut short out of a commit.
const TEMP_PREFIX: &str = ".hindsight-";
const TEMP_SUFFIX: &str = ".tmp";

/// A leftover younger than this may belong to a save that is starting right now.
const LEFTOVER_AGE: Duration = Duration::from_secs(10);

/// How many links in a row are followed before giving up (the limit Linux uses).
const MAX_LINKS: usize = 40;

/// Replaces `path` with `bytes` atomically.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    atomic_write_with(path, |file| file.write_all(bytes))
}

/// Replaces `path` with whatever `write` produces, atomically. Tests use this to inject a
/// write that fails partway.
///
/// A read-only file is not replaced (renaming over it would only need a writable folder, and
/// would silently undo the owner's choice), nor is anything that is not a regular file. A new
/// file gets the permissions the user's umask gives, like any file they create; a replaced
/// file keeps its own.
pub fn atomic_write_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    let target = resolve_symlinks(path);
    let fail = |source| SaveError::Write {
        path: path.to_owned(),
        source,
    };
    let existing = fs::metadata(&target).ok();
    // A link to nothing is refused rather than created through: it may point anywhere
    // (outside the folder the file was aimed at), and nothing says the person meant it.
    if existing.is_none() && target != path {
        return Err(SaveError::DanglingLink {
            path: path.to_owned(),
            target,
        });
    }
    if let Some(metadata) = &existing {
        if let Some(what) = not_a_regular_file(metadata.file_type()) {
            return Err(SaveError::NotAFile {
                path: path.to_owned(),
                what,
            });
        }
        if metadata.permissions().readonly() {
            return Err(SaveError::ReadOnly {
                path: path.to_owned(),
            });
        }
    }
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    remove_leftover_temp_files(&folder);
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    // tempfile makes files private (0600) unless told otherwise; a postmortem in a shared
    // repository must be readable by the team, as the user's umask says.
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(&folder).map_err(fail)?;
    // Held until the file is renamed into place, so another save's clean-up can tell this
    // file is in use. Some file systems cannot lock; the save goes ahead without it.
    let _lock_is_a_courtesy = temp.as_file().try_lock();
    // Keep the permissions of the file being replaced, so a save does not quietly make a
    // shared file private or a private file readable.
    if let Some(metadata) = &existing {
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

/// Deletes temporary files that an earlier save in `folder` left behind when it was killed:
/// only files named like ours, older than a few seconds, that no running save holds locked.
/// Cleaning is a courtesy, so failures are ignored.
pub fn remove_leftover_temp_files(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        let old_enough = metadata
            .modified()
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age >= LEFTOVER_AGE);
        if !metadata.file_type().is_file() || !old_enough {
            continue;
        }
        let path = entry.path();
        let Ok(file) = fs::OpenOptions::new().write(true).open(&path) else {
            continue;
        };
        if file.try_lock().is_ok() {
            let _best_effort = fs::remove_file(&path);
        }
    }
}

/// Saving through a symbolic link replaces the file it points to, not the link (a link to a
/// file that does not exist is refused by the caller).
fn resolve_symlinks(path: &Path) -> PathBuf {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        let is_link =
            fs::symlink_metadata(&current).is_ok_and(|metadata| metadata.file_type().is_symlink());
        if !is_link {
            break;
        }
        let Ok(target) = fs::read_link(&current) else {
            break;
        };
        current = match current.parent() {
            Some(folder) if target.is_relative() => folder.join(target),
            _ => target,
        };
    }
    current
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

    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_is_refused_and_nothing_is_created_through_it() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(elsewhere.path().join("new.ron"), &link).unwrap();
        let error = atomic_write(&link, b"new").unwrap_err();
        assert!(error.to_string().contains("points to"), "{error}");
        assert!(!elsewhere.path().join("new.ron").exists());
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_not_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.ron");
        fs::write(&path, "kept").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let error = atomic_write(&path, b"new").unwrap_err();
        assert!(error.to_string().contains("read-only"), "{error}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "kept");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_umask_permissions_not_private_ones() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.ron");
        atomic_write(&path, b"new").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        // Whatever the umask, a file a person creates is not 0600 unless the umask says so;
        // the usual umasks (022, 002) leave it readable by others.
        let probe = dir.path().join("probe");
        fs::write(&probe, "").unwrap();
        let expected = fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, expected, "{mode:o} vs {expected:o}");
    }

    #[test]
    fn a_kills_leftover_is_cleaned_and_a_save_in_progress_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let old = dir.path().join(".hindsight-abc123.tmp");
        let busy = dir.path().join(".hindsight-def456.tmp");
        let other = dir.path().join("notes.tmp");
        for file in [&old, &busy, &other] {
            fs::write(file, "x").unwrap();
            fs::File::options()
                .write(true)
                .open(file)
                .unwrap()
                .set_modified(SystemTime::now() - Duration::from_mins(1))
                .unwrap();
        }
        let held = fs::File::options().write(true).open(&busy).unwrap();
        held.lock().unwrap();
        atomic_write(&dir.path().join("doc.ron"), b"new").unwrap();
        assert!(!old.exists(), "the leftover of a killed save stays");
        assert!(busy.exists(), "a save in progress lost its file");
        assert!(other.exists(), "someone else's file was deleted");
    }
}
