//! The file on disk: changes made by other programs (the bar, reload, keep mine, the question
//! before overwriting) and saves that fail (a read-only folder, a write that fails partway).

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use common::{
    Queryable, ScriptedDialogs, app_with, click, editor_on_file, example_file, focus_window,
    harness_for, retype, rewrite_on_disk, save,
};
use egui_kittest::Harness;
use hindsight::app::{FileWriter, HindsightApp, OpenDocument};
use hindsight::model::Postmortem;
use hindsight::storage::{self, SaveError};

/// Another program rewrites the file with a new title.
fn change_on_disk(path: &Path, title: &str) {
    rewrite_on_disk(path, |doc| title.clone_into(&mut doc.title));
}

fn title_on_disk(path: &Path) -> String {
    storage::load(path).unwrap().title
}

#[test]
fn a_change_on_disk_is_shown_on_focus_and_reload_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let mut harness = editor_on_file(&path);
    focus_window(&mut harness);
    assert!(harness.query_by_label_contains("changed on disk").is_none());

    change_on_disk(&path, "Rewritten by git pull");
    focus_window(&mut harness);
    harness.get_by_label("\u{201c}inc-620.ron\u{201d} was changed on disk by another program.");
    click(&mut harness, "Reload");
    assert_eq!(
        harness.state().document().doc().title,
        "Rewritten by git pull"
    );
    assert!(!harness.state().document().is_dirty());
    assert!(harness.query_by_label_contains("changed on disk").is_none());
}

#[test]
fn keeping_my_version_makes_it_unsaved_and_a_save_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let mut harness = editor_on_file(&path);
    change_on_disk(&path, "Theirs");
    focus_window(&mut harness);
    click(&mut harness, "Keep my version");
    assert!(harness.state().document().is_dirty());
    save(&mut harness);
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Dialog, "The file changed on disk")
            .is_none()
    );
    assert_eq!(
        title_on_disk(&path),
        hindsight::example::example_postmortem().unwrap().title
    );
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn save_asks_before_overwriting_a_file_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let mut harness = editor_on_file(&path);
    retype(&mut harness, "Title", "Mine");
    change_on_disk(&path, "Theirs");

    save(&mut harness);
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "The file changed on disk");
    click(&mut harness, "Cancel");
    assert_eq!(title_on_disk(&path), "Theirs");
    assert!(harness.state().document().is_dirty());
    // The bar keeps the choice in view.
    harness.get_by_label_contains("was changed on disk");

    save(&mut harness);
    click(&mut harness, "Overwrite");
    assert_eq!(title_on_disk(&path), "Mine");
    assert!(!harness.state().document().is_dirty());
    assert!(
        harness
            .query_by_label_contains("was changed on disk")
            .is_none()
    );

    // Having saved it ourselves, there is nothing to report.
    focus_window(&mut harness);
    assert!(
        harness
            .query_by_label_contains("was changed on disk")
            .is_none()
    );
}

#[test]
fn the_save_question_can_take_their_version_instead() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let mut harness = editor_on_file(&path);
    retype(&mut harness, "Title", "Mine");
    change_on_disk(&path, "Theirs");
    save(&mut harness);
    click(&mut harness, "Reload and discard my changes");
    assert_eq!(harness.state().document().doc().title, "Theirs");
    assert_eq!(title_on_disk(&path), "Theirs");
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn a_deleted_file_is_reported_and_can_be_saved_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let mut harness = editor_on_file(&path);
    fs::remove_file(&path).unwrap();
    focus_window(&mut harness);
    harness.get_by_label_contains("is no longer on disk");
    click(&mut harness, "Save it again");
    assert_eq!(
        title_on_disk(&path),
        hindsight::example::example_postmortem().unwrap().title
    );
    assert!(
        harness
            .query_by_label_contains("no longer on disk")
            .is_none()
    );
}

/// Fails the way a full disk does: half the bytes reach the temporary file, then the write
/// fails.
struct DiskFullHalfway;

impl FileWriter for DiskFullHalfway {
    fn replace(&self, path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
        storage::atomic_write_with(path, |file| {
            file.write_all(&bytes[..bytes.len() / 2])?;
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device",
            ))
        })
    }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    names.sort();
    names
}

#[test]
fn a_write_that_fails_partway_keeps_the_old_file_and_the_unsaved_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let before = fs::read(&path).unwrap();
    let document = OpenDocument::from_file(storage::load(&path).unwrap(), path.clone());
    let app =
        app_with(document, &ScriptedDialogs::default()).with_file_writer(Box::new(DiskFullHalfway));
    let mut harness = harness_for(app);
    retype(&mut harness, "Title", "Not yet on disk");
    save(&mut harness);

    let error = harness.state().error().unwrap().to_owned();
    assert!(error.contains("was not saved"), "{error}");
    assert!(error.contains("no space left"), "{error}");
    assert_eq!(fs::read(&path).unwrap(), before, "the old file is intact");
    assert_eq!(
        files_in(dir.path()),
        std::slice::from_ref(&path),
        "no temporary file left"
    );
    assert!(harness.state().document().is_dirty());
    assert_eq!(harness.state().document().doc().title, "Not yet on disk");
}

/// Makes `dir` refuse new files, even to root (whom permissions do not stop): permissions
/// first, then the immutable attribute. Undone on drop so the folder can be cleaned up.
struct ReadOnlyFolder {
    dir: PathBuf,
    immutable: bool,
}

impl ReadOnlyFolder {
    fn new(dir: &Path) -> Option<Self> {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
        let mut folder = Self {
            dir: dir.to_owned(),
            immutable: false,
        };
        if !folder.refuses_new_files() {
            folder.immutable = std::process::Command::new("chattr")
                .arg("+i")
                .arg(dir)
                .status()
                .is_ok_and(|status| status.success());
        }
        folder.refuses_new_files().then_some(folder)
    }

    fn refuses_new_files(&self) -> bool {
        let probe = self.dir.join(".probe");
        let refused = fs::write(&probe, b"x").is_err();
        let _ = fs::remove_file(&probe);
        refused
    }
}

impl Drop for ReadOnlyFolder {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.dir)
                .status();
        }
        let _ = fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_save_into_a_read_only_folder_fails_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let before = fs::read(&path).unwrap();
    let mut harness = editor_on_file(&path);
    retype(&mut harness, "Title", "Cannot be written here");
    let Some(read_only) = ReadOnlyFolder::new(dir.path()) else {
        // Root on a file system without the immutable attribute: no folder can be made
        // read-only, so save into the one folder every Linux system keeps read-only.
        save_into_sysfs_fails(&mut harness);
        return;
    };
    save(&mut harness);
    let error = harness.state().error().unwrap().to_owned();
    drop(read_only);

    assert!(error.contains("was not saved"), "{error}");
    assert!(error.contains("inc-620.ron"), "{error}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(files_in(dir.path()), [path]);
    assert!(harness.state().document().is_dirty());
    let unchanged: Postmortem = harness.state().document().doc().clone();
    assert_eq!(unchanged.title, "Cannot be written here");
}

fn save_into_sysfs_fails(harness: &mut Harness<'_, HindsightApp>) {
    let target = PathBuf::from("/sys/hindsight-test.ron");
    let doc = harness.state().document().doc().clone();
    let mut harness = harness_for(app_with(
        OpenDocument::recovered(doc, Some(target.clone())),
        &ScriptedDialogs::default(),
    ));
    save(&mut harness);
    let error = harness.state().error().unwrap().to_owned();
    assert!(error.contains("was not saved"), "{error}");
    assert!(!target.exists());
    assert!(harness.state().document().is_dirty());
}
