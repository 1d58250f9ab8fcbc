//! Finding and reading every postmortem below a folder, in parallel, with progress and a way
//! to stop early.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use super::ReviewItem;
use crate::model::Postmortem;
use crate::storage::{self, LoadError};

/// Counters a scan updates as it goes, and a flag to stop it; shared with the thread that
/// shows the progress.
#[derive(Debug, Default)]
pub struct ScanProgress {
    /// Files found so far.
    pub found: AtomicUsize,
    /// Files read so far.
    pub read: AtomicUsize,
    /// Set to stop the scan; files not yet read are left out.
    pub cancel: AtomicBool,
}

/// What a scan found.
#[derive(Debug, Default)]
pub struct FolderScan {
    /// Every action item of every postmortem read.
    pub items: Vec<ReviewItem>,
    /// The postmortems read, with their paths, in a stable order: what stats and search
    /// work on, shared with the helper threads that do that work.
    pub documents: Arc<super::Postmortems>,
    /// Files that could not be read, each with its error (file, line, column, reason), and
    /// subfolders that could not be listed.
    pub unreadable: Vec<(PathBuf, String)>,
    /// RON files that are not postmortems (settings of other programs and the like).
    pub not_postmortems: Vec<PathBuf>,
    /// Postmortems read.
    pub postmortems: usize,
    /// Whether the scan was stopped before it read everything.
    pub cancelled: bool,
}

/// The postmortem files below a folder, and the places below it that could not be listed.
#[derive(Debug, Default)]
pub struct FoundFiles {
    /// Every `.ron` file found, in a stable order.
    pub files: Vec<PathBuf>,
    /// Subfolders (or entries) that could not be listed, each with the reason: what they
    /// hold is missing from the review, so it must say so.
    pub unlistable: Vec<(PathBuf, String)>,
}

/// Every `.ron` file below `folder`, in a stable order. Hidden folders (`.git` and the like)
/// are skipped. Fails only when `folder` itself cannot be read; a subfolder that cannot be
/// listed is reported, never skipped in silence.
pub fn find_postmortem_files(folder: &Path, progress: &ScanProgress) -> io::Result<FoundFiles> {
    std::fs::read_dir(folder)?;
    let mut found = FoundFiles::default();
    let walker = walkdir::WalkDir::new(folder)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        });
    for entry in walker {
        if progress.cancel.load(Ordering::Relaxed) {
            break;
        }
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(folder).to_owned();
                let reason = error.io_error().map_or_else(
                    || error.to_string(),
                    |io| format!("cannot list this folder: {io}"),
                );
                found
                    .unlistable
                    .push((path.clone(), format!("{}: {reason}", path.display())));
                continue;
            }
        };
        let is_ron = entry
            .path()
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"));
        // Pipes, devices and sockets named `.ron` are not listed: reading one could hang.
        if entry.file_type().is_file() && is_ron {
            found.files.push(entry.into_path());
            progress.found.fetch_add(1, Ordering::Relaxed);
        }
    }
    Ok(found)
}

enum Outcome {
    Read(Box<(PathBuf, Postmortem)>),
    NotAPostmortem(PathBuf),
    Unreadable(PathBuf, String),
    Skipped,
}

/// Reads `files` in parallel. A file that fails never stops the others.
#[must_use]
pub fn scan_files(files: &[PathBuf], progress: &ScanProgress) -> FolderScan {
    let outcomes: Vec<Outcome> = files
        .par_iter()
        .map(|path| {
            if progress.cancel.load(Ordering::Relaxed) {
                return Outcome::Skipped;
            }
            let outcome = match storage::load(path) {
                Ok(doc) => Outcome::Read(Box::new((path.clone(), doc))),
                Err(LoadError::NotAPostmortem { path }) => Outcome::NotAPostmortem(path),
                Err(error) => Outcome::Unreadable(path.clone(), error.to_string()),
            };
            progress.read.fetch_add(1, Ordering::Relaxed);
            outcome
        })
        .collect();
    let mut scan = FolderScan::default();
    let mut documents = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Read(read) => {
                let (path, doc) = *read;
                scan.postmortems += 1;
                scan.items.extend(ReviewItem::all_of(&doc, &path));
                documents.push((path, doc));
            }
            Outcome::NotAPostmortem(path) => scan.not_postmortems.push(path),
            Outcome::Unreadable(path, error) => scan.unreadable.push((path, error)),
            Outcome::Skipped => scan.cancelled = true,
        }
    }
    scan.cancelled |= progress.cancel.load(Ordering::Relaxed);
    scan.documents = Arc::new(documents);
    scan
}

/// Finds and reads every postmortem below `folder`. Subfolders that could not be listed are
/// among the unreadable places.
pub fn scan_folder(folder: &Path, progress: &ScanProgress) -> io::Result<FolderScan> {
    let found = find_postmortem_files(folder, progress)?;
    let mut scan = scan_files(&found.files, progress);
    scan.unreadable.extend(found.unlistable);
    Ok(scan)
}
