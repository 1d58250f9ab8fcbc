//! Read-modify-write of a postmortem file under an advisory lock, so that two programs
//! changing one file at once (fifty `set-ticket` runs, `fmt` racing an import, the editor's
//! save) each change what the other wrote instead of writing back what they read before it.
//!
//! The lock is the operating system's lock on the file itself (`flock` on Unix), taken
//! through the standard library: no lock file is left beside the postmortem. A save replaces
//! the file by renaming a new one over it, so whoever waited for the lock on the old file
//! finds, once it has it, that the path now names another file; it then locks that one
//! instead, and reads what the save wrote.

use std::fs::{self, File};
use std::path::Path;

use super::content_hash::ContentHash;
use super::error::{LoadError, SaveError};
use super::{atomic_write, format};
use crate::model::Postmortem;

/// A postmortem file held under its lock, as it is now.
pub struct Held {
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// The document they hold.
    pub doc: Postmortem,
    /// Their fingerprint.
    pub hash: ContentHash,
}

/// Why an update did not happen: the file could not be read, the change was refused, or the
/// new text could not be written. The file is as it was in every case.
#[derive(Debug)]
pub enum UpdateError<E> {
    /// The file could not be read or understood.
    Load(LoadError),
    /// The change said no.
    Refused(E),
    /// The new text could not be written.
    Save(SaveError),
}

impl<E: std::fmt::Display> std::fmt::Display for UpdateError<E> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Load(error) => error.fmt(formatter),
            Self::Refused(reason) => reason.fmt(formatter),
            Self::Save(error) => error.fmt(formatter),
        }
    }
}

/// Locks the postmortem at `path`, reads it, and hands it to `change`, which returns the text
/// to write (or `None` to leave the file as it is) and an answer; the text is written
/// atomically before the lock is let go. Another Hindsight changing the file meanwhile waits,
/// and then reads what this one wrote.
pub fn update<T, E>(
    path: &Path,
    change: impl FnOnce(Held) -> Result<(Option<String>, T), E>,
) -> Result<T, UpdateError<E>> {
    let file = lock(path).map_err(UpdateError::Load)?;
    let bytes = super::read_open_file(&file, path).map_err(UpdateError::Load)?;
    let doc = format::from_ron_bytes(&bytes, path).map_err(UpdateError::Load)?;
    let hash = ContentHash::of(&bytes);
    let (text, answer) = change(Held { bytes, doc, hash }).map_err(UpdateError::Refused)?;
    if let Some(text) = text {
        atomic_write(path, text.as_bytes()).map_err(UpdateError::Save)?;
    }
    // The lock goes with the handle, after the new file is in place.
    drop(file);
    Ok(answer)
}

/// Writes `bytes` to `path` only if the file still holds the bytes whose fingerprint is
/// `expected`, or is gone (there is nothing to lose then), checked and written under the
/// file's lock; with `expected` `None`, only if there is no file. Returns whether it wrote.
/// The editor saves this way, so a change made on disk since it last read the file is never
/// written over unseen.
pub fn write_if_unchanged(
    path: &Path,
    expected: Option<ContentHash>,
    bytes: &[u8],
) -> Result<bool, UpdateError<std::convert::Infallible>> {
    let file = match lock(path) {
        Ok(file) => Some(file),
        Err(LoadError::Unreadable { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            None
        }
        Err(error) => return Err(UpdateError::Load(error)),
    };
    let now = match &file {
        Some(file) => Some(ContentHash::of(
            &super::read_open_file(file, path).map_err(UpdateError::Load)?,
        )),
        None => None,
    };
    if now.is_some() && now != expected {
        return Ok(false);
    }
    atomic_write(path, bytes).map_err(UpdateError::Save)?;
    drop(file);
    Ok(true)
}

/// Writes `doc` over the postmortem at `path` under that file's lock (or simply writes it
/// when there is no file), so the new file lands between, never inside, another program's
/// read-modify-write of it: an `import --force` over a postmortem that a `set-ticket` is
/// changing replaces it after the ticket is written, not with the ticket lost midway.
pub fn replace_locked(path: &Path, doc: &Postmortem) -> Result<(), SaveError> {
    let text = super::to_canonical_ron(doc)?;
    // Whatever stands there now (another program's file, even one that does not read as a
    // postmortem) is being replaced on purpose; only its lock matters.
    let held = lock(path).ok();
    atomic_write(path, text.as_bytes())?;
    drop(held);
    Ok(())
}

/// Opens the regular file at `path` and takes its lock, waiting for whoever holds it; when
/// the path names another file once the lock is had (a save renamed a new one over it), the
/// new one is locked instead.
fn lock(path: &Path) -> Result<File, LoadError> {
    loop {
        let file = super::open_postmortem_file(path)?;
        file.lock().map_err(|source| LoadError::Unreadable {
            path: path.to_owned(),
            source,
        })?;
        if still_at(&file, path) {
            return Ok(file);
        }
    }
}

/// Whether `path` still names the open `file`.
fn still_at(file: &File, path: &Path) -> bool {
    let (Ok(held), Ok(named)) = (file.metadata(), fs::metadata(path)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        held.dev() == named.dev() && held.ino() == named.ino()
    }
    #[cfg(not(unix))]
    {
        // Without inode numbers, a file of another length or age is another file.
        held.len() == named.len() && held.modified().ok() == named.modified().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example_at(dir: &Path) -> std::path::PathBuf {
        let path = dir.join("inc.ron");
        fs::write(&path, crate::example::EXAMPLE_RON).expect("writes");
        path
    }

    #[test]
    fn an_update_writes_what_the_change_returns_and_nothing_when_it_refuses() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = example_at(dir.path());
        let title = update(&path, |held| {
            let mut doc = held.doc;
            doc.title = "Renamed".to_owned();
            let text = super::super::to_canonical_ron(&doc).map_err(|error| error.to_string())?;
            Ok::<_, String>((Some(text), doc.title))
        })
        .expect("updates");
        assert_eq!(title, "Renamed");
        assert_eq!(super::super::load(&path).expect("reads").title, "Renamed");

        let before = fs::read(&path).expect("reads");
        let refused = update(&path, |_| Err::<(Option<String>, ()), _>("no"));
        assert!(matches!(refused, Err(UpdateError::Refused("no"))));
        assert_eq!(fs::read(&path).expect("reads"), before);
    }

    #[test]
    fn a_document_hindsight_could_not_open_again_is_not_written() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = example_at(dir.path());
        let before = fs::read(&path).expect("reads");
        let result = update(&path, |held| {
            let mut doc = held.doc;
            let huge = "x".repeat(usize::try_from(super::super::MAX_FILE_BYTES).expect("fits") + 1);
            doc.narrative.summary = huge;
            let text = super::super::to_canonical_ron(&doc)?;
            Ok::<_, SaveError>((Some(text), ()))
        });
        let Err(UpdateError::Refused(error)) = result else {
            panic!("a 32 MiB document was written");
        };
        assert!(
            error
                .to_string()
                .contains("Hindsight opens postmortems of up to 32 MiB")
        );
        assert_eq!(fs::read(&path).expect("reads"), before);
    }

    #[test]
    fn a_write_is_refused_when_the_file_changed_since_it_was_read() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = example_at(dir.path());
        let read = ContentHash::of(&fs::read(&path).expect("reads"));
        fs::write(
            &path,
            crate::example::EXAMPLE_RON.replace("INC-620", "INC-621"),
        )
        .expect("writes");
        assert!(!write_if_unchanged(&path, Some(read), b"mine").expect("checks"));
        assert!(
            fs::read_to_string(&path)
                .expect("reads")
                .contains("INC-621")
        );
        let now = ContentHash::of(&fs::read(&path).expect("reads"));
        assert!(write_if_unchanged(&path, Some(now), b"mine").expect("writes"));
        assert_eq!(fs::read_to_string(&path).expect("reads"), "mine");
        // A new file is written only where there is none.
        let new = dir.path().join("new.ron");
        assert!(write_if_unchanged(&new, None, b"first").expect("writes"));
        assert!(!write_if_unchanged(&new, None, b"second").expect("checks"));
        // A file that is gone is written again: there is nothing in it to lose.
        fs::remove_file(&path).expect("removes");
        assert!(write_if_unchanged(&path, Some(now), b"again").expect("writes"));
        assert_eq!(fs::read_to_string(&path).expect("reads"), "again");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_before_it_is_opened() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let fifo = dir.path().join("fifo.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|status| status.success()), "mkfifo");
        let result = update(&fifo, |_| Ok::<_, String>((None, ())));
        assert!(matches!(
            result,
            Err(UpdateError::Load(LoadError::NotAFile { .. }))
        ));
    }
}
