//! Writing a generated site into its folder: each file replaced whole (a server reading the
//! folder meanwhile never sends half a page), only the files whose bytes changed rewritten,
//! and the files an earlier run wrote that are no longer part of the site removed. Nothing
//! else in the folder is touched: a folder that holds files and was not made this way is
//! refused, and links inside it are never written through.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

/// The file in a site's folder that lists what was written there, so that the next run
/// knows what it may remove.
pub const SITE_MANIFEST: &str = ".hindsight-site";

/// What writing a site did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TreeWritten {
    /// Files written, new or changed.
    pub written: usize,
    /// Files already there with the same bytes, left alone.
    pub unchanged: usize,
    /// Files of an earlier run that are no longer part of the site, removed.
    pub removed: usize,
}

/// Why a site could not be written.
#[derive(Debug, thiserror::Error)]
pub enum TreeError {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// The folder holds files that no earlier run wrote.
    #[error(
        "{} is not empty and was not made by `hindsight site`: name a new or empty folder",
        .0.display()
    )]
    NotOurs(PathBuf),
    /// A file or folder of the site is a link, which could lead anywhere.
    #[error("{}: is a link; the site is not written through links", .0.display())]
    Link(PathBuf),
    /// A file's name would leave the folder.
    #[error("{0:?} is not a path inside the site's folder")]
    Outside(String),
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> TreeError + '_ {
    move |source| TreeError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Writes `files` (paths relative to `folder`, `/` between folders) into `folder`, made if
/// missing.
pub fn write_tree(
    folder: &Path,
    files: &BTreeMap<String, Vec<u8>>,
) -> Result<TreeWritten, TreeError> {
    let earlier = earlier_files(folder)?;
    fs::create_dir_all(folder).map_err(io_error(folder))?;
    let outcomes: Vec<Result<bool, TreeError>> = files
        .par_iter()
        .map(|(name, bytes)| write_one(folder, name, bytes))
        .collect();
    let mut done = TreeWritten::default();
    for outcome in outcomes {
        if outcome? {
            done.written += 1;
        } else {
            done.unchanged += 1;
        }
    }
    for name in earlier.iter().filter(|name| !files.contains_key(*name)) {
        let Ok(path) = inside(folder, name) else {
            continue;
        };
        // Only a plain file is removed: whatever else stands there now is someone's.
        if fs::symlink_metadata(&path).is_ok_and(|meta| meta.is_file()) {
            fs::remove_file(&path).map_err(io_error(&path))?;
            done.removed += 1;
            remove_empty_folders(folder, &path);
        }
    }
    let manifest = files.keys().fold(String::new(), |mut manifest, name| {
        manifest.push_str(name);
        manifest.push('\n');
        manifest
    });
    write_one(folder, SITE_MANIFEST, manifest.as_bytes())?;
    Ok(done)
}

/// The files the last run wrote, from its manifest; none for a new or empty folder.
fn earlier_files(folder: &Path) -> Result<BTreeSet<String>, TreeError> {
    let meta = match fs::symlink_metadata(folder) {
        Ok(meta) => meta,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
        Err(error) => return Err(io_error(folder)(error)),
    };
    if meta.file_type().is_symlink() {
        // A link to a folder is followed only as the site's own root, as a user would name it.
        if !fs::metadata(folder).is_ok_and(|meta| meta.is_dir()) {
            return Err(TreeError::Link(folder.to_owned()));
        }
    } else if !meta.is_dir() {
        return Err(io_error(folder)(io::Error::new(
            io::ErrorKind::NotADirectory,
            "not a folder",
        )));
    }
    let manifest = folder.join(SITE_MANIFEST);
    match fs::read_to_string(&manifest) {
        Ok(text) => Ok(text.lines().map(str::to_owned).collect()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            let mut entries = fs::read_dir(folder).map_err(io_error(folder))?;
            if entries.next().is_some() {
                Err(TreeError::NotOurs(folder.to_owned()))
            } else {
                Ok(BTreeSet::new())
            }
        }
        Err(error) => Err(io_error(&manifest)(error)),
    }
}

/// `name` below `folder`, when it stays inside it.
fn inside(folder: &Path, name: &str) -> Result<PathBuf, TreeError> {
    let relative = Path::new(name);
    let plain = !name.is_empty()
        && !name.contains('\\')
        && relative
            .components()
            .all(|part| matches!(part, Component::Normal(_)));
    if plain {
        Ok(folder.join(relative))
    } else {
        Err(TreeError::Outside(name.to_owned()))
    }
}

/// Writes one file unless it already holds `bytes`; whether it wrote.
fn write_one(folder: &Path, name: &str, bytes: &[u8]) -> Result<bool, TreeError> {
    let path = inside(folder, name)?;
    // Every folder on the way is made here or already a folder, never a link.
    let mut at = folder.to_owned();
    let parts: Vec<&str> = name.split('/').collect();
    for part in &parts[..parts.len() - 1] {
        at.push(part);
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => return Err(TreeError::Link(at)),
            Ok(_) => {}
            Err(_) => match fs::create_dir(&at) {
                Ok(()) => {}
                // Another file of the site made it meanwhile.
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
                Err(error) => return Err(io_error(&at)(error)),
            },
        }
    }
    match fs::symlink_metadata(&path) {
        Ok(meta) if meta.file_type().is_symlink() => return Err(TreeError::Link(path)),
        Ok(meta)
            if meta.is_file()
                && meta.len() == bytes.len() as u64
                && fs::read(&path).is_ok_and(|old| old == bytes) =>
        {
            return Ok(false);
        }
        _ => {}
    }
    let file_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{file_name}.hindsight-new"));
    fs::write(&temporary, bytes).map_err(io_error(&temporary))?;
    if let Err(error) = fs::rename(&temporary, &path) {
        let _ = fs::remove_file(&temporary);
        return Err(io_error(&path)(error));
    }
    Ok(true)
}

/// Removes the folders above `removed` that it left empty, up to `folder`.
fn remove_empty_folders(folder: &Path, removed: &Path) {
    let mut at = removed.parent();
    while let Some(dir) = at {
        if dir == folder || !dir.starts_with(folder) || fs::remove_dir(dir).is_err() {
            break;
        }
        at = dir.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(pairs: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        pairs
            .iter()
            .map(|(name, text)| ((*name).to_owned(), text.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn a_second_run_rewrites_only_what_changed_and_removes_what_went() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = site(&[
            ("index.html", "i"),
            ("a/one.html", "1"),
            ("a/two.html", "2"),
            ("b/x.html", "x"),
        ]);
        assert_eq!(
            write_tree(&out, &first).unwrap(),
            TreeWritten {
                written: 4,
                unchanged: 0,
                removed: 0
            }
        );
        let second = site(&[("index.html", "i2"), ("a/one.html", "1")]);
        assert_eq!(
            write_tree(&out, &second).unwrap(),
            TreeWritten {
                written: 1,
                unchanged: 1,
                removed: 2
            }
        );
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "i2");
        assert!(!out.join("a/two.html").exists());
        assert!(!out.join("b").exists(), "a folder left empty goes too");
        let names: Vec<String> = fs::read_dir(&out)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            !names.iter().any(|name| name.contains("hindsight-new")),
            "{names:?}"
        );
    }

    #[test]
    fn a_folder_of_other_files_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("thesis.tex"), "mine").unwrap();
        let error = write_tree(dir.path(), &site(&[("index.html", "i")])).unwrap_err();
        assert!(matches!(error, TreeError::NotOurs(_)), "{error}");
        assert!(error.to_string().contains("not empty"));
        assert!(!dir.path().join("index.html").exists());
        assert_eq!(
            fs::read_to_string(dir.path().join("thesis.tex")).unwrap(),
            "mine"
        );
    }

    #[test]
    fn files_someone_added_to_the_site_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        write_tree(dir.path(), &site(&[("index.html", "i")])).unwrap();
        fs::write(dir.path().join("CNAME"), "postmortems.example.org").unwrap();
        write_tree(dir.path(), &site(&[("stats.html", "s")])).unwrap();
        assert!(dir.path().join("CNAME").exists());
        assert!(!dir.path().join("index.html").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_site_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_tree(&out, &site(&[("index.html", "i")])).unwrap();
        let secret = dir.path().join("secret.txt");
        fs::write(&secret, "keep").unwrap();
        fs::remove_file(out.join("index.html")).unwrap();
        std::os::unix::fs::symlink(&secret, out.join("index.html")).unwrap();
        let error = write_tree(&out, &site(&[("index.html", "changed")])).unwrap_err();
        assert!(matches!(error, TreeError::Link(_)), "{error}");
        assert_eq!(fs::read_to_string(&secret).unwrap(), "keep");
        std::os::unix::fs::symlink(dir.path(), out.join("tags")).unwrap();
        let error = write_tree(&out, &site(&[("tags/x.html", "x")])).unwrap_err();
        assert!(matches!(error, TreeError::Link(_)), "{error}");
        assert!(!dir.path().join("x.html").exists());
    }

    #[test]
    fn a_name_that_would_leave_the_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["../x.html", "/etc/x", "a/../../x", "", "a\\b"] {
            let error = write_tree(dir.path(), &site(&[(name, "x")])).unwrap_err();
            assert!(matches!(error, TreeError::Outside(_)), "{name}: {error}");
        }
    }
}
