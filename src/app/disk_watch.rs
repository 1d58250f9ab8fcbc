//! Noticing that the open document's file was changed by something else — git, a sync tool,
//! another editor — so a save never silently overwrites it.
//!
//! A look costs one `stat`; the file is read and hashed only when its size or time changed,
//! and a file touched without a change in content is not reported. Looks happen when the
//! window gains focus, before a save, and at most every few seconds while frames are being
//! drawn anyway: never on a timer of their own.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How often, at most, frames that are drawn anyway look at the file, in seconds.
const LOOK_EVERY_SECONDS: f64 = 2.0;

/// What the file was when the editor last read or wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct DiskStamp {
    modified: Option<SystemTime>,
    len: u64,
    content: u64,
}

impl DiskStamp {
    fn of_bytes(bytes: &[u8], metadata: &fs::Metadata) -> Self {
        let mut hasher = DefaultHasher::new();
        bytes.hash(&mut hasher);
        Self {
            modified: metadata.modified().ok(),
            len: metadata.len(),
            content: hasher.finish(),
        }
    }

    fn read(path: &Path) -> io::Result<Self> {
        let bytes = fs::read(path)?;
        let metadata = fs::metadata(path)?;
        Ok(Self::of_bytes(&bytes, &metadata))
    }
}

/// How the file differs from what the editor knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChange {
    /// Its content changed.
    Changed,
    /// It is gone: moved, renamed or deleted.
    Missing,
}

/// Watches the open document's file.
#[derive(Debug)]
pub struct DiskWatch {
    path: PathBuf,
    known: Option<DiskStamp>,
    last_look: f64,
}

impl DiskWatch {
    /// Starts watching `path` as it is now (just read or written by the editor).
    #[must_use]
    pub fn new(path: &Path, now: f64) -> Self {
        Self {
            path: path.to_owned(),
            known: DiskStamp::read(path).ok(),
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
        let known = self.known.as_ref()?;
        let metadata = match fs::metadata(&self.path) {
            Ok(metadata) => metadata,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Some(DiskChange::Missing);
            }
            // Unreadable for a moment (a sync tool holding it, say): nothing to report yet.
            Err(_) => return None,
        };
        if metadata.len() == known.len && metadata.modified().ok() == known.modified {
            return None;
        }
        let now_on_disk = DiskStamp::read(&self.path).ok()?;
        if now_on_disk.content == known.content && now_on_disk.len == known.len {
            // Touched, not changed: remember the new time and say nothing.
            self.known = Some(now_on_disk);
            None
        } else {
            Some(DiskChange::Changed)
        }
    }

    /// Takes the file as it is now as the known state: the person chose to keep their
    /// version, so only a further change is news.
    pub fn accept_current(&mut self) {
        self.known = DiskStamp::read(&self.path).ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
