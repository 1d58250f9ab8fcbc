//! The folder of files beside a postmortem: `inc-812.ron` keeps its graphs and screenshots in
//! `inc-812.files/`, each named by the SHA-256 of its bytes plus its extension. The same image
//! attached twice is stored once, names never collide or need escaping, and git sees a file
//! only when its bytes change.
//!
//! A document's references are untrusted (it may come from anyone's repository): only a
//! plain `NAME.files/FILE` path is ever opened (see [`Attachment::location`]), and a link in
//! the folder is never followed.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::atomic::atomic_write;
use super::error::SaveError;
use super::file_kind;
use crate::model::{
    Attachment, Finding, Level, Place, Postmortem, attachments_folder_name, is_stored_name,
    megabytes,
};

/// Above this size an attachment is taken with a warning: a repository of many such files
/// grows fast, and git LFS suits them better (see the README).
pub const ATTACHMENT_WARNING_BYTES: u64 = 5 * 1024 * 1024;

/// The largest file Hindsight attaches. A screenshot is well under a megabyte and a long log
/// excerpt a few; past this a file belongs in git LFS or behind a link.
pub const MAX_ATTACHMENT_BYTES: u64 = 50 * 1024 * 1024;

/// Why a file could not be attached or carried.
#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    /// The file is over [`MAX_ATTACHMENT_BYTES`].
    #[error(
        "{path} is {size}, over the {limit} an attachment may be; keep files this large in \
         git LFS or link to them",
        path = path.display(),
        size = megabytes(*size),
        limit = megabytes(MAX_ATTACHMENT_BYTES)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
    },
    /// The file could not be read.
    #[error("{path} could not be read: {source}", path = path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The attachments folder could not be made or written.
    #[error("{0}")]
    Write(#[from] SaveError),
}

/// The attachments folder's name for the postmortem at `doc_path`.
#[must_use]
pub fn folder_name_for(doc_path: &Path) -> String {
    let stem = doc_path
        .file_stem()
        .map_or_else(|| "postmortem".into(), |stem| stem.to_string_lossy());
    attachments_folder_name(&stem)
}

/// The attachments folder beside the postmortem at `doc_path`.
#[must_use]
pub fn folder_for(doc_path: &Path) -> PathBuf {
    doc_path.with_file_name(folder_name_for(doc_path))
}

/// Where `attachment` is on disk for the postmortem at `doc_path`; `None` for a path that is
/// not a plain one into an attachments folder.
#[must_use]
pub fn file_of(doc_path: &Path, attachment: &Attachment) -> Option<PathBuf> {
    let (folder, name) = attachment.location()?;
    Some(doc_path.with_file_name(folder).join(name))
}

/// The name a file of these bytes is stored under: their SHA-256 in hex, then the
/// extension of `original_name` (lower case), if it has a plain one.
#[must_use]
pub fn stored_name(bytes: &[u8], original_name: &str) -> String {
    let hash = Sha256::digest(bytes);
    let mut name = String::with_capacity(64 + 11);
    for byte in hash {
        // Writing to a String cannot fail.
        let _ = write!(name, "{byte:02x}");
    }
    let extension = Path::new(original_name)
        .extension()
        .map(|extension| extension.to_string_lossy().to_ascii_lowercase())
        .filter(|extension| {
            (1..=10).contains(&extension.len())
                && extension.bytes().all(|b| b.is_ascii_alphanumeric())
        });
    if let Some(extension) = extension {
        name.push('.');
        name.push_str(&extension);
    }
    name
}

/// Stores `bytes` in the attachments folder of the postmortem at `doc_path` and returns the
/// reference to put in the document (placed at the document as a whole, no caption). Bytes
/// already stored are not written again.
pub fn store_bytes(
    doc_path: &Path,
    bytes: &[u8],
    original_name: &str,
) -> Result<Attachment, AttachError> {
    let path = PathBuf::from(original_name);
    if bytes.len() as u64 > MAX_ATTACHMENT_BYTES {
        return Err(AttachError::TooLarge {
            path,
            size: bytes.len() as u64,
        });
    }
    let folder = folder_for(doc_path);
    let name = stored_name(bytes, original_name);
    let target = folder.join(&name);
    let already_there = fs::symlink_metadata(&target)
        .is_ok_and(|found| found.is_file() && found.len() == bytes.len() as u64);
    if !already_there {
        fs::create_dir_all(&folder).map_err(|source| SaveError::Write {
            path: folder.clone(),
            source,
        })?;
        atomic_write(&target, bytes)?;
    }
    Ok(Attachment {
        path: format!("{}/{name}", folder_name_for(doc_path)),
        original_name: original_name.to_owned(),
        ..Attachment::default()
    })
}

/// Reads the file at `source` and stores it as [`store_bytes`] does, under its own name.
pub fn store_file(doc_path: &Path, source: &Path) -> Result<Attachment, AttachError> {
    let bytes = read_limited(source)?;
    let original_name = source
        .file_name()
        .map_or_else(|| "attachment".into(), |name| name.to_string_lossy());
    store_bytes(doc_path, &bytes, &original_name)
}

/// The bytes of a file of at most [`MAX_ATTACHMENT_BYTES`].
pub(super) fn read_limited(path: &Path) -> Result<Vec<u8>, AttachError> {
    let bytes = file_kind::read_regular_file(path, MAX_ATTACHMENT_BYTES + 1).map_err(|source| {
        AttachError::Unreadable {
            path: path.to_owned(),
            source,
        }
    })?;
    if bytes.len() as u64 > MAX_ATTACHMENT_BYTES {
        return Err(AttachError::TooLarge {
            path: path.to_owned(),
            size: fs::metadata(path).map_or(bytes.len() as u64, |found| found.len()),
        });
    }
    Ok(bytes)
}

/// The bytes of a file to attach, of at most [`MAX_ATTACHMENT_BYTES`]: for a document with
/// no file yet, whose attachments wait in memory until it is first saved.
pub fn read_to_attach(source: &Path) -> Result<Vec<u8>, AttachError> {
    read_limited(source)
}

/// The bytes of `attachment` of the postmortem at `doc_path`. A link in the folder is not
/// followed: a repository could otherwise make an export embed any file its reader can read.
pub fn read_attachment(doc_path: &Path, attachment: &Attachment) -> Result<Vec<u8>, AttachError> {
    let Some(path) = file_of(doc_path, attachment) else {
        return Err(AttachError::Unreadable {
            path: PathBuf::from(&attachment.path),
            source: io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a path into the postmortem's attachments folder",
            ),
        });
    };
    let linked = fs::symlink_metadata(&path).is_ok_and(|found| found.file_type().is_symlink());
    if linked {
        return Err(AttachError::Unreadable {
            path,
            source: io::Error::new(io::ErrorKind::InvalidInput, "a link, not a file"),
        });
    }
    read_limited(&path)
}

/// The bytes of every attachment of `doc` that can be read, by its path: what an export
/// embeds. Files that cannot be read are left out (the export says so where they belong).
#[must_use]
pub fn read_all(doc_path: &Path, doc: &Postmortem) -> BTreeMap<String, Vec<u8>> {
    doc.attachments
        .iter()
        .filter_map(|attachment| {
            let bytes = read_attachment(doc_path, attachment).ok()?;
            Some((attachment.path.clone(), bytes))
        })
        .collect()
}

/// What the attachments folder holds against what the document refers to.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FolderCheck {
    /// The positions (in the document's list) of attachments whose file is not there, or
    /// whose path is not a plain one into an attachments folder.
    pub missing: Vec<usize>,
    /// Files in the folder nothing refers to, by name.
    pub unreferenced: Vec<String>,
}

/// Compares the attachments folder of the postmortem at `doc_path` with `doc`'s references.
#[must_use]
pub fn check_folder(doc_path: &Path, doc: &Postmortem) -> FolderCheck {
    let missing = doc
        .attachments
        .iter()
        .enumerate()
        .filter(|(_, attachment)| {
            file_of(doc_path, attachment)
                .and_then(|path| fs::symlink_metadata(path).ok())
                .is_none_or(|found| !found.is_file())
        })
        .map(|(index, _)| index)
        .collect();
    let folder = folder_for(doc_path);
    let referenced = referenced_names(&doc.attachments);
    let unreferenced = folder_names(&folder)
        .into_iter()
        .filter(|name| !referenced.contains(name))
        .collect();
    FolderCheck {
        missing,
        unreferenced,
    }
}

/// What `hindsight check` says of the folder: an attachment whose file is not there is an
/// error (the postmortem is missing its evidence); a file nothing refers to is a warning.
#[must_use]
pub fn folder_findings(doc_path: &Path, doc: &Postmortem) -> Vec<Finding> {
    let check = check_folder(doc_path, doc);
    let mut findings = Vec::new();
    for index in check.missing {
        let attachment = &doc.attachments[index];
        // A path that is no plain one is validation's to report.
        if attachment.location().is_none() {
            continue;
        }
        findings.push(crate::model::missing_attachment(index, attachment));
    }
    let folder = folder_name_for(doc_path);
    for name in check.unreferenced {
        findings.push(Finding {
            level: Level::Warning,
            message: format!(
                "{folder}/{name} is in the attachments folder, but nothing in the postmortem \
                 refers to it."
            ),
            place: Place::AttachmentsFolder,
        });
    }
    findings
}

/// The file names `attachments` refer to, in whatever folder: a stored name is the hash of
/// the bytes, so a file of that name in this postmortem's folder is the one referred to even
/// when the reference names another folder (the folder was renamed by hand).
pub fn referenced_names<'a>(
    attachments: impl IntoIterator<Item = &'a Attachment>,
) -> BTreeSet<String> {
    attachments
        .into_iter()
        .filter_map(Attachment::location)
        .map(|(_, name)| name.to_owned())
        .collect()
}

/// The names of the regular files (and links) directly in `folder`, sorted; none when it
/// is not there.
fn folder_names(folder: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_ok_and(|kind| !kind.is_dir()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// What a sweep of the folder did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    /// Files Hindsight stored that nothing refers to any more, now removed.
    pub removed: Vec<String>,
    /// Files nothing refers to that Hindsight did not write: left where they are, since
    /// someone else put them there.
    pub left: Vec<String>,
}

/// After a save: removes the files Hindsight stored in the postmortem's folder whose names
/// are not in `referenced` (see [`referenced_names`]: an attachment deleted, or undone before
/// saving), and the folder when it is left empty. Files by other names are never removed;
/// they are listed in [`Swept::left`].
pub fn sweep(doc_path: &Path, referenced: &BTreeSet<String>) -> io::Result<Swept> {
    let folder = folder_for(doc_path);
    let mut swept = Swept::default();
    for name in folder_names(&folder) {
        if referenced.contains(&name) {
            continue;
        }
        if is_stored_name(&name) {
            fs::remove_file(folder.join(&name))?;
            swept.removed.push(name);
        } else {
            swept.left.push(name);
        }
    }
    if !swept.removed.is_empty() && folder_names(&folder).is_empty() {
        // Another program may have put something in since: then the folder stays.
        let _ = fs::remove_dir(&folder);
    }
    Ok(swept)
}

/// Removes the files `names` from the attachments folder of the postmortem at `doc_path`,
/// when the person has said so: only plain names of regular files directly in it (never a
/// link, a folder or a path out of it), and the folder when it is left empty. Returns how
/// many were removed.
pub fn remove_from_folder(doc_path: &Path, names: &[String]) -> io::Result<usize> {
    let folder = folder_for(doc_path);
    let mut removed = 0;
    for name in names {
        if name.is_empty() || name.contains(['/', '\\']) || name == ".." || name == "." {
            continue;
        }
        let file = folder.join(name);
        if fs::symlink_metadata(&file).is_ok_and(|found| found.is_file()) {
            fs::remove_file(&file)?;
            removed += 1;
        }
    }
    if removed > 0 && folder_names(&folder).is_empty() {
        let _ = fs::remove_dir(&folder);
    }
    Ok(removed)
}

/// Before the postmortem is written at `new_path` (Save As, a move): stores every
/// attachment's bytes in the new folder and returns `doc` with its paths pointing there.
/// `bytes_of` gives an attachment's bytes (from the old folder, or from memory for a
/// document never saved); one it cannot give keeps its reference, pointed at the new
/// folder, for `check` to report as missing.
pub fn carry(
    new_path: &Path,
    doc: &Postmortem,
    bytes_of: impl Fn(&Attachment) -> Option<Vec<u8>>,
) -> Result<Postmortem, AttachError> {
    let mut carried = doc.clone();
    let folder = folder_name_for(new_path);
    for attachment in &mut carried.attachments {
        let Some((_, name)) = attachment.location() else {
            continue;
        };
        let name = name.to_owned();
        if let Some(bytes) = bytes_of(attachment) {
            let stored = store_bytes(new_path, &bytes, &name)?;
            attachment.path = stored.path;
        } else {
            attachment.path = format!("{folder}/{name}");
        }
    }
    Ok(carried)
}

/// Copies every attachment of the postmortem at `doc_path` into `dir`, under the same
/// relative path (`dir/inc-812.files/…`), so that an export written in `dir` finds them by
/// its links. Returns the ones that could not be copied, with why; the rest are copied.
#[must_use]
pub fn copy_attachments<'a>(
    doc_path: &Path,
    doc: &'a Postmortem,
    dir: &Path,
) -> Vec<(&'a Attachment, AttachError)> {
    let mut failed = Vec::new();
    for attachment in &doc.attachments {
        let copied = read_attachment(doc_path, attachment).and_then(|bytes| {
            let (folder, name) = attachment.location().unwrap_or_default();
            let folder = dir.join(folder);
            fs::create_dir_all(&folder).map_err(|source| SaveError::Write {
                path: folder.clone(),
                source,
            })?;
            atomic_write(&folder.join(name), &bytes)?;
            Ok(())
        });
        if let Err(error) = copied {
            failed.push((attachment, error));
        }
    }
    failed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AttachedTo, Section};

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\nnot really an image";

    fn folder() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let doc_path = dir.path().join("inc-812.ron");
        (dir, doc_path)
    }

    #[test]
    fn a_file_is_stored_by_its_hash_beside_the_postmortem_once() {
        let (_dir, doc_path) = folder();
        let first = store_bytes(&doc_path, PNG, "p99 latency.PNG").unwrap();
        let again = store_bytes(&doc_path, PNG, "copy.png").unwrap();
        let name = stored_name(PNG, "x.png");
        assert_eq!(first.path, format!("inc-812.files/{name}"));
        assert_eq!(again.path, first.path);
        assert_eq!(first.original_name, "p99 latency.PNG");
        assert!(is_stored_name(&name));
        assert_eq!(Path::new(&name).extension().unwrap(), "png");
        assert_eq!(fs::read_dir(folder_for(&doc_path)).unwrap().count(), 1);
        assert_eq!(read_attachment(&doc_path, &first).unwrap(), PNG);
    }

    #[test]
    fn a_file_over_the_limit_is_refused_with_its_size() {
        let (_dir, doc_path) = folder();
        let huge = vec![0_u8; usize::try_from(MAX_ATTACHMENT_BYTES).unwrap() + 1];
        let error = store_bytes(&doc_path, &huge, "dump.bin").unwrap_err();
        assert!(error.to_string().contains("git LFS"), "{error}");
        assert!(!folder_for(&doc_path).exists());
    }

    #[test]
    fn a_path_out_of_the_folder_or_a_link_in_it_is_never_read() {
        let (dir, doc_path) = folder();
        fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        let outside = Attachment {
            path: "../secret.txt".to_owned(),
            ..Attachment::default()
        };
        assert!(read_attachment(&doc_path, &outside).is_err());
        #[cfg(unix)]
        {
            fs::create_dir(folder_for(&doc_path)).unwrap();
            std::os::unix::fs::symlink(
                dir.path().join("secret.txt"),
                folder_for(&doc_path).join("a.png"),
            )
            .unwrap();
            let linked = Attachment {
                path: "inc-812.files/a.png".to_owned(),
                ..Attachment::default()
            };
            let error = read_attachment(&doc_path, &linked).unwrap_err();
            assert!(error.to_string().contains("a link"), "{error}");
        }
    }

    #[test]
    fn the_check_finds_missing_files_and_files_nothing_refers_to() {
        let (_dir, doc_path) = folder();
        let kept = store_bytes(&doc_path, PNG, "a.png").unwrap();
        let dropped = store_bytes(&doc_path, b"old graph", "b.png").unwrap();
        fs::write(folder_for(&doc_path).join("notes.txt"), "mine").unwrap();
        let gone = Attachment {
            path: "inc-812.files/gone.png".to_owned(),
            ..Attachment::default()
        };
        let doc = Postmortem {
            attachments: vec![kept.clone(), gone],
            ..Postmortem::default()
        };
        let check = check_folder(&doc_path, &doc);
        assert_eq!(check.missing, [1]);
        let dropped_name = dropped.location().unwrap().1.to_owned();
        let mut expected = vec![dropped_name.clone(), "notes.txt".to_owned()];
        expected.sort();
        assert_eq!(check.unreferenced, expected);

        let swept = sweep(&doc_path, &referenced_names(&doc.attachments)).unwrap();
        assert_eq!(swept.removed, [dropped_name]);
        assert_eq!(swept.left, ["notes.txt"]);
        assert!(read_attachment(&doc_path, &kept).is_ok());
        assert!(folder_for(&doc_path).join("notes.txt").exists());
    }

    #[test]
    fn a_file_whose_name_a_reference_to_another_folder_gives_is_kept() {
        let (_dir, doc_path) = folder();
        let stored = store_bytes(&doc_path, PNG, "a.png").unwrap();
        let name = stored.location().unwrap().1.to_owned();
        let doc = Postmortem {
            attachments: vec![Attachment {
                path: format!("renamed-by-hand.files/{name}"),
                ..stored
            }],
            ..Postmortem::default()
        };
        let referenced = referenced_names(&doc.attachments);
        assert_eq!(sweep(&doc_path, &referenced).unwrap(), Swept::default());
        assert!(folder_for(&doc_path).join(&name).exists());
    }

    #[test]
    fn a_sweep_of_the_last_file_removes_the_empty_folder() {
        let (_dir, doc_path) = folder();
        store_bytes(&doc_path, PNG, "a.png").unwrap();
        let swept = sweep(&doc_path, &BTreeSet::new()).unwrap();
        assert_eq!(swept.removed.len(), 1);
        assert!(!folder_for(&doc_path).exists());
    }

    #[test]
    fn save_as_carries_the_files_to_the_new_folder_and_points_there() {
        let (dir, doc_path) = folder();
        let mut attachment = store_bytes(&doc_path, PNG, "a.png").unwrap();
        attachment.caption = "p99".to_owned();
        attachment.place = AttachedTo::Section(Section::Impact);
        let doc = Postmortem {
            attachments: vec![attachment],
            ..Postmortem::default()
        };
        let moved = dir.path().join("renamed.ron");
        let carried = carry(&moved, &doc, |attachment| {
            read_attachment(&doc_path, attachment).ok()
        })
        .unwrap();
        let moved_attachment = &carried.attachments[0];
        assert!(moved_attachment.path.starts_with("renamed.files/"));
        assert_eq!(moved_attachment.caption, "p99");
        assert_eq!(read_attachment(&moved, moved_attachment).unwrap(), PNG);
        // The old folder is the old file's: it stays for it.
        assert!(read_attachment(&doc_path, &doc.attachments[0]).is_ok());
    }
}
