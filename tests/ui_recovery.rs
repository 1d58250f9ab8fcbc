//! Recovery copies: written a few seconds after a change, offered by the next session after a
//! crash, restored or discarded, and deleted once the work is saved or thrown away.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use std::path::PathBuf;

use common::{
    Queryable, ScriptedDialogs, app_with, click, click_file_menu, example_file, harness_for, retype,
};
use egui_kittest::Harness;
use hindsight::app::{HindsightApp, MAX_DELAY_SECONDS, OpenDocument};
use hindsight::example::example_postmortem;
use hindsight::storage::{self, RecoveryFolder};

fn editor_with_recovery(
    document: OpenDocument,
    folder: &RecoveryFolder,
) -> Harness<'static, HindsightApp> {
    let dialogs = ScriptedDialogs::default();
    harness_for(app_with(document, &dialogs).with_recovery(folder.clone()))
}

/// Lets simulated time pass, frame by frame, as an idle window would between keystrokes.
fn wait_seconds(harness: &mut Harness<'_, HindsightApp>, seconds: f64) {
    let time = |harness: &Harness<'_, HindsightApp>| harness.ctx.input(|input| input.time);
    let until = time(harness) + seconds;
    while time(harness) < until {
        harness.step();
    }
    harness.step();
    harness.state().flush_recovery();
}

fn copy_path(harness: &Harness<'_, HindsightApp>) -> PathBuf {
    harness.state().recovery_copy_path().unwrap()
}

#[test]
fn a_copy_is_written_within_seconds_and_restored_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let folder = RecoveryFolder::new(dir.path().join("recovery"));
    let file = example_file(dir.path(), "inc-620.ron");
    let opened = OpenDocument::from_file(storage::load(&file).unwrap(), file.clone());
    let mut harness = editor_with_recovery(opened, &folder);
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Dialog, "Unsaved work was found")
            .is_none()
    );

    retype(&mut harness, "Title", "Typed just before the crash");
    let copy = copy_path(&harness);
    harness.state().flush_recovery();
    assert!(!copy.exists(), "no copy while the person is still typing");
    wait_seconds(&mut harness, MAX_DELAY_SECONDS);
    assert_eq!(
        storage::load(&copy).unwrap().title,
        "Typed just before the crash"
    );
    // The person's own file is never written by the recovery copy.
    assert_eq!(
        storage::load(&file).unwrap().title,
        example_postmortem().unwrap().title
    );

    // A crash: the session ends without saving and without cleaning up.
    drop(harness);

    let example = OpenDocument::untitled(example_postmortem().unwrap());
    let mut harness = editor_with_recovery(example, &folder);
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "Unsaved work was found");
    harness.get_by_label("Typed just before the crash");
    harness.get_by_label(&format!("Belongs to {}", file.display()));
    harness.get_by_label_contains("Written ");
    click(&mut harness, "Restore");
    let document = harness.state().document();
    assert_eq!(document.doc().title, "Typed just before the crash");
    assert_eq!(document.path(), Some(file.as_path()));
    assert!(document.is_dirty(), "restored work is not in the file yet");
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Dialog, "Unsaved work was found")
            .is_none()
    );

    // The copy stays until the work is saved, then goes.
    harness.state().flush_recovery();
    assert!(copy.exists());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    harness.state().flush_recovery();
    assert!(!copy.exists());
    assert_eq!(
        storage::load(&file).unwrap().title,
        "Typed just before the crash"
    );
    assert!(folder.left_behind().is_empty());
}

#[test]
fn typing_without_a_pause_is_copied_within_the_stated_delay() {
    let dir = tempfile::tempdir().unwrap();
    let folder = RecoveryFolder::new(dir.path().to_owned());
    let example = OpenDocument::untitled(example_postmortem().unwrap());
    let mut harness = editor_with_recovery(example, &folder);
    click(&mut harness, "Title");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    // A key every half second never leaves the two-second pause a copy waits for.
    for _ in 0..12 {
        harness.get_by_label("Title").type_text("x");
        harness.run_steps(30);
    }
    harness.state().flush_recovery();
    let copy = storage::load(&copy_path(&harness)).unwrap();
    let typed = harness.state().document().doc().title.clone();
    assert!(!copy.title.is_empty() && copy.title.chars().all(|c| c == 'x'));
    // At most MAX_DELAY_SECONDS of typing (ten keys) is missing from the copy.
    assert!(
        typed.len() - copy.title.len() <= 10,
        "{typed:?} vs {:?}",
        copy.title
    );
}

#[test]
fn dont_save_removes_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let folder = RecoveryFolder::new(dir.path().to_owned());
    let example = OpenDocument::untitled(example_postmortem().unwrap());
    let mut harness = editor_with_recovery(example, &folder);
    retype(&mut harness, "Title", "Thrown away");
    wait_seconds(&mut harness, MAX_DELAY_SECONDS);
    let copy = copy_path(&harness);
    assert!(copy.exists());

    click_file_menu(&mut harness, "New");
    click(&mut harness, "Don't save");
    harness.state().flush_recovery();
    assert!(!copy.exists());
    assert_eq!(harness.state().document().doc().title, "");
}

#[test]
fn undo_back_to_the_saved_state_removes_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let folder = RecoveryFolder::new(dir.path().to_owned());
    let example = OpenDocument::untitled(example_postmortem().unwrap());
    let mut harness = editor_with_recovery(example, &folder);
    retype(&mut harness, "Title", "Changed");
    wait_seconds(&mut harness, MAX_DELAY_SECONDS);
    assert!(copy_path(&harness).exists());
    click(&mut harness, "Analysis");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert!(!harness.state().document().is_dirty());
    harness.state().flush_recovery();
    assert!(!copy_path(&harness).exists());
}

fn leave_copy(folder: &RecoveryFolder, id: &str, title: &str) {
    let doc = hindsight::model::Postmortem {
        title: title.to_owned(),
        ..example_postmortem().unwrap()
    };
    let info = common::recovery_info(None, None);
    folder.write(id, &doc, &info).unwrap();
}

#[test]
fn discarding_a_copy_deletes_it_and_keeps_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let folder = RecoveryFolder::new(dir.path().to_owned());
    leave_copy(&folder, "left", "Left by a killed session");
    let example = OpenDocument::untitled(example_postmortem().unwrap());
    let mut harness = editor_with_recovery(example, &folder);
    harness.get_by_label("Left by a killed session");
    harness.get_by_label("Never saved to a file");
    harness.get_by_label("Written 2025-08-09 17:45:00");

    // Asked once more; Keep takes the question back and nothing is deleted.
    click(&mut harness, "Discard");
    assert!(harness.get_by_label("Keep").is_focused());
    click(&mut harness, "Keep");
    harness.state().flush_recovery();
    assert!(folder.document_path("left").exists());
    click(&mut harness, "Discard");
    assert!(folder.document_path("left").exists(), "asked first");
    click(&mut harness, "Delete for good");
    harness.state().flush_recovery();
    assert!(folder.left_behind().is_empty());
    assert!(!folder.document_path("left").exists());
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Dialog, "Unsaved work was found")
            .is_none()
    );
    assert_eq!(
        harness.state().document().doc(),
        &example_postmortem().unwrap()
    );
}

#[test]
fn decide_later_keeps_the_copies_and_the_file_menu_offers_them_again() {
    let dir = tempfile::tempdir().unwrap();
    let folder = RecoveryFolder::new(dir.path().to_owned());
    leave_copy(&folder, "first", "First draft");
    leave_copy(&folder, "second", "Second draft");
    let example = OpenDocument::untitled(example_postmortem().unwrap());
    let mut harness = editor_with_recovery(example, &folder);
    harness.get_by_label("First draft");
    harness.get_by_label("Second draft");
    click(&mut harness, "Decide later");
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Dialog, "Unsaved work was found")
            .is_none()
    );
    assert_eq!(folder.left_behind().len(), 2);

    click_file_menu(&mut harness, "Recover unsaved work\u{2026}");
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "Unsaved work was found");
    let restore = harness.get_all_by_label("Restore").next().unwrap();
    restore.click();
    harness.run();
    assert_eq!(harness.state().document().doc().title, "First draft");
    assert!(harness.state().document().is_dirty());
    // The other copy is still there for later.
    let left: Vec<String> = folder
        .left_behind()
        .into_iter()
        .map(|copy| copy.id)
        .collect();
    assert_eq!(left, ["second"]);
}

#[test]
fn a_copy_that_cannot_be_written_is_reported_in_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let folder_path = dir.path().join("recovery");
    let folder = RecoveryFolder::new(folder_path.clone());
    let example = OpenDocument::untitled(example_postmortem().unwrap());
    let mut harness = editor_with_recovery(example, &folder);
    // The folder goes and a file takes its name, as a broken or full disk might.
    std::fs::remove_dir_all(&folder_path).unwrap();
    std::fs::write(&folder_path, "not a folder").unwrap();
    retype(&mut harness, "Title", "Nowhere to copy this");
    wait_seconds(&mut harness, MAX_DELAY_SECONDS);
    harness.run();
    harness.get_by_label("No recovery copy: save often");

    // Where the folder cannot be used at all, the session says so from the start.
    let example = OpenDocument::untitled(example_postmortem().unwrap());
    let harness = editor_with_recovery(example, &folder);
    assert!(harness.state().recovery_copy_path().is_none());
    harness.get_by_label_contains("Recovery copies are off: cannot use the recovery folder");
}

#[test]
fn quitting_without_saving_leaves_no_copy_to_offer() {
    let dir = tempfile::tempdir().unwrap();
    let folder = RecoveryFolder::new(dir.path().to_owned());
    let example = OpenDocument::untitled(example_postmortem().unwrap());
    let mut harness = editor_with_recovery(example, &folder);
    retype(&mut harness, "Title", "Given up on purpose");
    wait_seconds(&mut harness, MAX_DELAY_SECONDS);
    let copy = copy_path(&harness);
    assert!(copy.exists());

    click_file_menu(&mut harness, "Quit");
    click(&mut harness, "Don't save");
    assert!(!copy.exists());
    drop(harness);
    assert!(folder.left_behind().is_empty());
}
