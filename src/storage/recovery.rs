//! Recovery copies: the unsaved state of an open document, kept in the platform's data folder
//! so that a crash, a kill or a power cut loses at most the last few seconds of typing.
//!
//! Each editor session writes under its own ID: `<id>.ron` holds the document in the normal
//! file format (so it also opens like any postmortem), `<id>.meta` says which file it belongs
//! to and when it was written, and `<id>.lock` is held locked while the session runs. A copy
//! whose lock nobody holds was left by a session that ended without saving: that is what the
//! next start offers to restore. The user's own file is never written here.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::error::{LoadError, SaveError};
use super::{atomic_write, load, to_canonical_ron};
use crate::model::Postmortem;

/// What a recovery copy says about itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryInfo {
    /// The file the document was opened from or last saved to; `None` for an untitled one.
    pub file: Option<PathBuf>,
    /// When the copy was written, in the computer's local time.
    pub written: NaiveDateTime,
    /// The fingerprint of `file` as the session last read or wrote it, so that a restored
    /// copy notices a change made to the file after the crash (a `git pull`, say). Absent in
    /// copies written before it was kept.
    #[serde(default)]
    pub file_content: Option<super::ContentHash>,
}

/// A recovery copy left by a session that is no longer running.
#[derive(Debug)]
pub struct RecoveredCopy {
    /// The session it came from; restoring it continues under this ID.
    pub id: String,
    /// Which file it belongs to and when it was written, when that could be read.
    pub info: Option<RecoveryInfo>,
    /// The document, or why it could not be read (with the copy's path, line and column).
    pub document: Result<Postmortem, LoadError>,
}

/// Why a recovery copy's lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    /// Another running window holds it.
    #[error("another Hindsight window is using this recovery copy")]
    InUse,
    /// The folder could not be made or the lock file opened.
    #[error("cannot use the recovery folder {}: {source}", folder.display())]
    Folder {
        /// The recovery folder.
        folder: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// The thread that writes the copies could not be started.
    #[error("could not start the recovery writer: {0}")]
    Writer(io::Error),
}

/// The folder of recovery copies.
#[derive(Clone, Debug)]
pub struct RecoveryFolder {
    dir: PathBuf,
}

/// Holds a session's lock for as long as it lives; dropping it releases the lock.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
}

impl RecoveryFolder {
    /// Recovery copies in `dir`, which is created when the first copy is written.
    #[must_use]
    pub const fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The platform's place for them: a `recovery` folder in the application's data folder
    /// (`~/.local/share/hindsight/recovery` on Linux).
    #[must_use]
    pub fn platform() -> Option<Self> {
        let dirs = directories::ProjectDirs::from("", "", "Hindsight")?;
        Some(Self::new(dirs.data_dir().join("recovery")))
    }

    /// The folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self, id: &str, extension: &str) -> PathBuf {
        self.dir.join(format!("{id}.{extension}"))
    }

    /// The path of a session's recovery copy.
    #[must_use]
    pub fn document_path(&self, id: &str) -> PathBuf {
        self.file(id, "ron")
    }

    /// Takes session `id`'s lock, so no other session offers its copy; `None` when another
    /// running session holds it.
    pub fn claim(&self, id: &str) -> io::Result<Option<SessionLock>> {
        fs::create_dir_all(&self.dir)?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.file(id, "lock"))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(SessionLock { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(error)) => Err(error),
        }
    }

    /// Writes session `id`'s copy of `doc`, replacing the last one whole or not at all.
    pub fn write(&self, id: &str, doc: &Postmortem, info: &RecoveryInfo) -> Result<(), SaveError> {
        fs::create_dir_all(&self.dir).map_err(|source| SaveError::Write {
            path: self.dir.clone(),
            source,
        })?;
        atomic_write(&self.document_path(id), to_canonical_ron(doc)?.as_bytes())?;
        let meta = ron::ser::to_string_pretty(info, ron::ser::PrettyConfig::new())?;
        atomic_write(&self.file(id, "meta"), meta.as_bytes())
    }

    /// Deletes session `id`'s copy (its lock stays while the session runs).
    pub fn remove(&self, id: &str) -> io::Result<()> {
        for extension in ["ron", "meta"] {
            remove_if_there(&self.file(id, extension))?;
        }
        Ok(())
    }

    /// Takes session `id`'s lock, saying why when it cannot: a new session's own, one
    /// restored and continued, or one left behind and about to be deleted (so a copy another
    /// window has just restored is never deleted).
    pub fn take_lock(&self, id: &str) -> Result<SessionLock, RecoveryError> {
        match self.claim(id) {
            Ok(Some(lock)) => Ok(lock),
            Ok(None) => Err(RecoveryError::InUse),
            Err(source) => Err(RecoveryError::Folder {
                folder: self.dir.clone(),
                source,
            }),
        }
    }

    /// Deletes session `id`'s copy and its lock file, when the session is over.
    pub fn remove_with_lock(&self, id: &str) -> io::Result<()> {
        self.remove(id)?;
        remove_if_there(&self.file(id, "lock"))
    }

    /// The copies no running session holds, oldest first. Copies that cannot be read are
    /// listed too, with the reason, so the person can decide what to do with them.
    #[must_use]
    pub fn left_behind(&self) -> Vec<RecoveredCopy> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut copies: Vec<RecoveredCopy> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
            .filter_map(|path| {
                let id = path.file_stem()?.to_str()?.to_owned();
                // A copy whose lock is held belongs to a session that is still running.
                let lock = self.claim(&id).ok()??;
                drop(lock);
                // A few hundred bytes; anything else there is not ours.
                let info = super::read_regular_file(&self.file(&id, "meta"), 64 * 1024)
                    .ok()
                    .and_then(|bytes| String::from_utf8(bytes).ok())
                    .and_then(|text| ron::from_str::<RecoveryInfo>(&text).ok());
                let document = load(&path);
                Some(RecoveredCopy { id, info, document })
            })
            .collect();
        copies.sort_by(|a, b| {
            let written = |copy: &RecoveredCopy| copy.info.as_ref().map(|info| info.written);
            written(a).cmp(&written(b)).then_with(|| a.id.cmp(&b.id))
        });
        copies
    }
}

fn remove_if_there(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn info(file: Option<&str>, minute: u32) -> RecoveryInfo {
        RecoveryInfo {
            file: file.map(PathBuf::from),
            written: NaiveDate::from_ymd_opt(2025, 8, 10)
                .unwrap()
                .and_hms_opt(9, minute, 0)
                .unwrap(),
            file_content: file.map(|name| super::super::ContentHash::of(name.as_bytes())),
        }
    }

    fn titled(title: &str) -> Postmortem {
        Postmortem {
            title: title.to_owned(),
            ..Postmortem::default()
        }
    }

    #[test]
    fn a_copy_left_without_a_lock_is_offered_with_its_file_and_time() {
        let dir = tempfile::tempdir().unwrap();
        let folder = RecoveryFolder::new(dir.path().join("recovery"));
        assert!(folder.left_behind().is_empty(), "no folder yet");

        let lock = folder.claim("one").unwrap().unwrap();
        folder
            .write("one", &titled("Half-written"), &info(Some("/x/inc.ron"), 5))
            .unwrap();
        assert!(folder.left_behind().is_empty(), "its session is running");

        drop(lock);
        let copies = folder.left_behind();
        assert_eq!(copies.len(), 1);
        assert_eq!(copies[0].id, "one");
        assert_eq!(copies[0].info, Some(info(Some("/x/inc.ron"), 5)));
        assert_eq!(copies[0].document.as_ref().unwrap().title, "Half-written");
    }

    #[test]
    fn copies_are_listed_oldest_first_and_broken_ones_say_why() {
        let dir = tempfile::tempdir().unwrap();
        let folder = RecoveryFolder::new(dir.path().to_owned());
        folder
            .write("later", &titled("B"), &info(None, 30))
            .unwrap();
        folder
            .write("earlier", &titled("A"), &info(None, 10))
            .unwrap();
        fs::write(
            folder.document_path("broken"),
            "(format_version: 1, title: \"cut",
        )
        .unwrap();
        let copies = folder.left_behind();
        let ids: Vec<&str> = copies.iter().map(|copy| copy.id.as_str()).collect();
        assert_eq!(ids, ["broken", "earlier", "later"]);
        let reason = copies[0].document.as_ref().unwrap_err();
        assert!(matches!(reason, LoadError::Invalid { .. }), "{reason}");
        let reason = reason.to_string();
        assert!(reason.contains("broken.ron:1:"), "{reason}");
    }

    #[test]
    fn removing_a_copy_leaves_nothing_to_offer() {
        let dir = tempfile::tempdir().unwrap();
        let folder = RecoveryFolder::new(dir.path().to_owned());
        folder.write("gone", &titled("A"), &info(None, 1)).unwrap();
        folder.remove("gone").unwrap();
        folder.remove("gone").unwrap();
        assert!(folder.left_behind().is_empty());
        folder.remove_with_lock("gone").unwrap();
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn a_second_claim_on_a_held_lock_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let folder = RecoveryFolder::new(dir.path().to_owned());
        let held = folder.claim("mine").unwrap();
        assert!(held.is_some());
        assert!(folder.claim("mine").unwrap().is_none());
        drop(held);
        assert!(folder.claim("mine").unwrap().is_some());
    }
}
