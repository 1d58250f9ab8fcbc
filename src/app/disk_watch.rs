//! Noticing that the open document's file was changed by something else — git, a sync tool,
//! another editor — so a save never silently overwrites it.
//!
//! The file's bytes are compared with those the editor last read or wrote, by fingerprint:
//! sizes and times miss a same-size edit made within the time stamp's resolution, which on
//! network and FAT file systems is seconds. A file that is gone is remembered as gone, so if
//! it comes back that is news too. Looks happen when the window gains focus, before a save,
//! and at most every few seconds while frames are drawn anyway: never on a timer of their own.

use std::path::{Path, PathBuf};

use crate::session::DiskChange;
use crate::storage::{self, ContentHash};

/// How often, at most, frames that are drawn anyway look at the file, in seconds.
const LOOK_EVERY_SECONDS: f64 = 2.0;

/// What the editor knows the file to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Known {
    /// It holds bytes with this fingerprint.
    Content(ContentHash),
    /// There is no file there.
    Absent,
    /// Something that is not a regular file stands there (a folder, a pipe…).
    NotAFile,
}

/// Watches the open document's file.
#[derive(Debug)]
pub struct DiskWatch {
    path: PathBuf,
    /// `None` while the file cannot be read at all: nothing can be compared then.
    known: Option<Known>,
    last_look: f64,
}

impl DiskWatch {
    /// Starts watching `path` as it is now.
    #[must_use]
    pub fn new(path: &Path, now: f64) -> Self {
        Self {
            path: path.to_owned(),
            known: look_now(path),
            last_look: now,
        }
    }

    /// Starts watching `path`, whose bytes had the fingerprint `content` when the editor
    /// read or wrote them, whatever the file holds now.
    #[must_use]
    pub fn knowing(path: &Path, content: ContentHash, now: f64) -> Self {
        Self {
            path: path.to_owned(),
            known: Some(Known::Content(content)),
            last_look: now,
        }
    }

    /// The file watched.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// When the file was last looked at.
    #[must_use]
    pub const fn last_look(&self) -> f64 {
        self.last_look
    }

    /// Whether a frame at `now` should look, given whether the window just gained focus.
    #[must_use]
    pub fn due(&self, now: f64, focus_gained: bool) -> bool {
        focus_gained || now - self.last_look >= LOOK_EVERY_SECONDS
    }

    /// Looks at the file now.
    pub fn look(&mut self, now: f64) -> Option<DiskChange> {
        self.last_look = now;
        let known = self.known?;
        // Unreadable for a moment (a sync tool holding it, say): nothing to report yet.
        let current = look_now(&self.path)?;
        match (known, current) {
            (Known::Content(before), Known::Content(after)) if before == after => None,
            (Known::Absent, Known::Absent) | (Known::NotAFile, Known::NotAFile) => None,
            (_, Known::Absent) => Some(DiskChange::Missing),
            (_, Known::Content(_) | Known::NotAFile) => Some(DiskChange::Changed),
        }
    }

    /// The fingerprint the file is known to hold, when it is known to hold one.
    #[must_use]
    pub const fn known_content(&self) -> Option<ContentHash> {
        match self.known {
            Some(Known::Content(content)) => Some(content),
            Some(Known::Absent | Known::NotAFile) | None => None,
        }
    }

    /// Takes `content` as what the file holds: the editor has just read those bytes and
    /// taken them in (a merge), so only a further change is news.
    pub const fn accept(&mut self, content: ContentHash) {
        self.known = Some(Known::Content(content));
    }

    /// Takes the file as it is now (or its absence) as the known state: the person chose to
    /// keep their version, so only a further change is news.
    pub fn accept_current(&mut self) {
        self.known = look_now(&self.path);
    }
}

/// The file as it is now; `None` when it is there but cannot be read.
fn look_now(path: &Path) -> Option<Known> {
    match storage::content_hash_of(path) {
        Ok(Some(hash)) => Some(Known::Content(hash)),
        Ok(None) => Some(Known::Absent),
        Err(storage::LoadError::NotAFile { .. }) => Some(Known::NotAFile),
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::time::SystemTime;

    #[test]
    fn a_change_in_content_is_noticed_and_a_touch_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.ron");
        fs::write(&path, "one").unwrap();
        let mut watch = DiskWatch::new(&path, 0.0);
        assert_eq!(watch.look(1.0), None);

        // Same bytes, new time: not a change.
        fs::write(&path, "one").unwrap();
        let later = SystemTime::now() + std::time::Duration::from_secs(5);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert_eq!(watch.look(2.0), None);

        fs::write(&path, "two, longer").unwrap();
        assert_eq!(watch.look(3.0), Some(DiskChange::Changed));
        watch.accept_current();
        assert_eq!(watch.look(4.0), None);

        fs::remove_file(&path).unwrap();
        assert_eq!(watch.look(5.0), Some(DiskChange::Missing));
    }

    #[test]
    fn a_same_size_change_with_the_same_time_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.ron");
        fs::write(&path, "due: Some(\"2025-08-05\")").unwrap();
        let stamp = fs::metadata(&path).unwrap().modified().unwrap();
        let mut watch = DiskWatch::new(&path, 0.0);
        fs::write(&path, "due: Some(\"2025-08-12\")").unwrap();
        // As on a file system whose times are too coarse to move.
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(stamp)
            .unwrap();
        assert_eq!(watch.look(1.0), Some(DiskChange::Changed));
    }

    #[test]
    fn a_file_that_comes_back_after_being_accepted_as_gone_is_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.ron");
        fs::write(&path, "one").unwrap();
        let mut watch = DiskWatch::new(&path, 0.0);
        fs::remove_file(&path).unwrap();
        assert_eq!(watch.look(1.0), Some(DiskChange::Missing));
        watch.accept_current();
        assert_eq!(watch.look(2.0), None, "gone, and known to be gone");
        fs::write(&path, "someone else's").unwrap();
        assert_eq!(watch.look(3.0), Some(DiskChange::Changed));
    }

    #[test]
    fn a_watch_from_a_known_fingerprint_reports_a_file_changed_before_it_started() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.ron");
        fs::write(&path, "pulled after the crash").unwrap();
        let mut watch =
            DiskWatch::knowing(&path, ContentHash::of(b"as the lost session saw it"), 0.0);
        assert_eq!(watch.look(1.0), Some(DiskChange::Changed));
    }

    #[test]
    fn looks_happen_on_focus_or_every_few_seconds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.ron");
        fs::write(&path, "x").unwrap();
        let mut watch = DiskWatch::new(&path, 10.0);
        assert!(!watch.due(10.5, false));
        assert!(watch.due(10.5, true));
        assert!(watch.due(12.0, false));
        let _ = watch.look(12.0);
        assert!(!watch.due(13.0, false));
    }
}
