//! Paths by which work used to be lost without a question: a typed path that replaces a file,
//! a restored copy that overwrites a later `git pull`, a watch that gave up after "Dismiss",
//! a save over a newer format, and a discard that deleted another window's copy.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{
    Queryable, ScriptedDialogs, app_with, click, example_file, focus_window, harness_for, retype,
    save,
};
use egui_kittest::Harness;
use hindsight::app::{DialogOutcome, HindsightApp, OpenDocument};
use hindsight::example::example_postmortem;
use hindsight::storage::{self, ContentHash, RecoveryFolder};

/// A file someone else wrote, with words that must survive.
fn someone_elses_file(dir: &Path, name: &str) -> (PathBuf, Vec<u8>) {
    let path = dir.join(name);
    let mut doc = example_postmortem().unwrap();
    "Someone else's incident".clone_into(&mut doc.title);
    storage::save(&path, &doc).unwrap();
    let bytes = fs::read(&path).unwrap();
    (path, bytes)
}

/// The editor on the untitled example, with `home` as the folder new files go to and no
/// file dialog available (so every save goes through the typed-path form).
fn editor_without_dialogs(home: &Path) -> (Harness<'static, HindsightApp>, ScriptedDialogs) {
    let dialogs = ScriptedDialogs::default();
    let document = OpenDocument::untitled(example_postmortem().unwrap());
    let app = app_with(document, &dialogs).with_home_folder(home.to_owned());
    (harness_for(app), dialogs)
}

fn save_as(harness: &mut Harness<'_, HindsightApp>, dialogs: &ScriptedDialogs) {
    dialogs.will_answer(DialogOutcome::Unavailable("No file dialog.".to_owned()));
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    harness.run();
}

#[test]
fn the_save_prompt_has_the_keyboard_and_shows_where_the_file_goes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, dialogs) = editor_without_dialogs(dir.path());
    save_as(&mut harness, &dialogs);
    let field = harness.get_by_label("Path of the .ron file");
    assert!(field.is_focused(), "the first keys typed would go nowhere");
    let suggested = dir.path().join("inc-620.ron");
    assert_eq!(field.value().as_deref(), Some(suggested.to_str().unwrap()));

    // Keys typed at once land in the field: the name gets a suffix.
    harness.key_press(egui::Key::End);
    harness.get_by_label("Path of the .ron file").type_text("x");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let saved = dir.path().join("inc-620.ronx");
    assert_eq!(harness.state().document().path(), Some(saved.as_path()));
}

#[test]
fn a_typed_name_without_ron_asks_before_replacing_the_ron_file() {
    let dir = tempfile::tempdir().unwrap();
    let (existing, before) = someone_elses_file(dir.path(), "inc.ron");
    let (mut harness, dialogs) = editor_without_dialogs(dir.path());
    save_as(&mut harness, &dialogs);
    retype(
        &mut harness,
        "Path of the .ron file",
        &dir.path().join("inc").display().to_string(),
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("Replace \u{201c}inc.ron\u{201d}?");
    click(&mut harness, "Cancel");
    assert_eq!(
        fs::read(&existing).unwrap(),
        before,
        "the file was replaced"
    );
    assert!(harness.state().document().path().is_none());
    assert!(harness.query_by_label_contains("Replace").is_none());
    // Cancel goes back to the form, with the name that was taken, to type another.
    let field = harness.get_by_label("Path of the .ron file");
    assert!(field.is_focused());
    assert_eq!(field.value().as_deref(), Some(existing.to_str().unwrap()));

    // This time it is replaced on purpose.
    retype(&mut harness, "Path of the .ron file", "inc");
    harness.key_press(egui::Key::Enter);
    harness.run();
    click(&mut harness, "Replace");
    assert_eq!(harness.state().document().path(), Some(existing.as_path()));
    assert_ne!(fs::read(&existing).unwrap(), before);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn a_typed_existing_file_in_full_asks_and_enter_does_not_replace_it() {
    let dir = tempfile::tempdir().unwrap();
    let (existing, before) = someone_elses_file(dir.path(), "other.ron");
    let (mut harness, dialogs) = editor_without_dialogs(dir.path());
    save_as(&mut harness, &dialogs);
    retype(
        &mut harness,
        "Path of the .ron file",
        &existing.display().to_string(),
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("Replace \u{201c}other.ron\u{201d}?");
    // A second Enter is not a yes.
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(fs::read(&existing).unwrap(), before);
}

#[test]
fn a_dialog_answer_that_gains_an_extension_asks_about_the_real_file() {
    let dir = tempfile::tempdir().unwrap();
    let (existing, before) = someone_elses_file(dir.path(), "inc.ron");
    let dialogs = ScriptedDialogs::default();
    let document = OpenDocument::untitled(example_postmortem().unwrap());
    let mut harness = harness_for(app_with(document, &dialogs));
    // The native dialog confirmed "inc", which did not exist; "inc.ron" does.
    dialogs.will_answer(DialogOutcome::Chosen(dir.path().join("inc")));
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    harness.run();
    harness.get_by_label("Replace \u{201c}inc.ron\u{201d}?");
    click(&mut harness, "Cancel");
    assert_eq!(fs::read(&existing).unwrap(), before);
}

#[test]
fn an_export_over_an_existing_file_asks_and_never_writes_over_the_postmortem() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let postmortem = fs::read(&path).unwrap();
    let (page, before) = someone_elses_file(dir.path(), "inc-620.md");
    let dialogs = ScriptedDialogs::default();
    let document = OpenDocument::from_file(storage::load(&path).unwrap(), path.clone());
    let mut harness = harness_for(app_with(document, &dialogs));

    dialogs.will_answer(DialogOutcome::Unavailable("No file dialog.".to_owned()));
    common::click_file_menu(&mut harness, "Export");
    click(&mut harness, "Markdown\u{2026}");
    let field = harness.get_by_label("Path of the file");
    assert_eq!(field.value().as_deref(), Some(page.to_str().unwrap()));
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("Replace \u{201c}inc-620.md\u{201d}?");
    click(&mut harness, "Cancel");
    assert_eq!(fs::read(&page).unwrap(), before);

    // Back in the form: naming the postmortem itself, and saying yes, still writes nothing
    // over it.
    retype(
        &mut harness,
        "Path of the file",
        &path.display().to_string(),
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    click(&mut harness, "Replace");
    let error = harness.state().error().unwrap().to_owned();
    assert!(error.contains("is the postmortem itself"), "{error}");
    assert_eq!(fs::read(&path).unwrap(), postmortem);
}

#[test]
fn a_restored_copy_asks_before_overwriting_a_pull_made_after_the_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let as_the_lost_session_saw_it = ContentHash::of(&fs::read(&path).unwrap());
    // After the crash, a `git pull` changes the file.
    let (_, pulled) = someone_elses_file(dir.path(), "inc-620.ron");
    let folder = RecoveryFolder::new(dir.path().join("recovery"));
    let mut unsaved = example_postmortem().unwrap();
    "Typed before the crash".clone_into(&mut unsaved.title);
    let info = common::recovery_info(Some(path.clone()), Some(as_the_lost_session_saw_it));
    folder.write("lost", &unsaved, &info).unwrap();

    let app = app_with(
        OpenDocument::untitled(example_postmortem().unwrap()),
        &ScriptedDialogs::default(),
    )
    .with_recovery(folder);
    let mut harness = harness_for(app);
    click(&mut harness, "Restore");
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    save(&mut harness);
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "The file changed on disk");
    click(&mut harness, "Cancel");
    assert_eq!(fs::read(&path).unwrap(), pulled, "the pull was overwritten");
}

#[test]
fn after_dismissing_a_deleted_file_one_that_comes_back_is_still_asked_about() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let document = OpenDocument::from_file(storage::load(&path).unwrap(), path.clone());
    let mut harness = harness_for(app_with(document, &ScriptedDialogs::default()));
    fs::remove_file(&path).unwrap();
    focus_window(&mut harness);
    click(&mut harness, "Dismiss");
    focus_window(&mut harness);
    assert!(
        harness
            .query_by_label_contains("no longer on disk")
            .is_none()
    );

    let (_, theirs) = someone_elses_file(dir.path(), "inc-620.ron");
    focus_window(&mut harness);
    harness.get_by_label_contains("was changed on disk");
    save(&mut harness);
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "The file changed on disk");
    click(&mut harness, "Cancel");
    assert_eq!(fs::read(&path).unwrap(), theirs);
}

#[test]
fn a_file_rewritten_by_a_newer_hindsight_is_never_saved_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let document = OpenDocument::from_file(storage::load(&path).unwrap(), path.clone());
    let mut harness = harness_for(app_with(document, &ScriptedDialogs::default()));
    let newer = fs::read_to_string(&path).unwrap().replacen(
        &format!("format_version: {},", hindsight::model::FORMAT_VERSION),
        "format_version: 99,\n    approver: \"Kim\",",
        1,
    );
    assert!(newer.contains("format_version: 99"));
    fs::write(&path, &newer).unwrap();
    focus_window(&mut harness);
    click(&mut harness, "Keep my version");
    save(&mut harness);
    let error = harness.state().error().unwrap().to_owned();
    assert!(error.contains("newer Hindsight"), "{error}");
    assert!(error.contains("format version 99"), "{error}");
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
    assert!(harness.state().document().is_dirty());
}

#[test]
fn discarding_a_copy_another_window_restored_deletes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let folder = RecoveryFolder::new(dir.path().to_owned());
    let info = common::recovery_info(None, None);
    folder
        .write("shared", &example_postmortem().unwrap(), &info)
        .unwrap();
    let app = app_with(
        OpenDocument::untitled(example_postmortem().unwrap()),
        &ScriptedDialogs::default(),
    )
    .with_recovery(folder.clone());
    let mut harness = harness_for(app);
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "Unsaved work was found");
    // Meanwhile another window restores the same copy and holds its lock.
    let other_window = folder.claim("shared").unwrap().unwrap();
    click(&mut harness, "Discard");
    click(&mut harness, "Delete for good");
    harness.state().flush_recovery();
    assert!(
        folder.document_path("shared").exists(),
        "another window's copy was deleted"
    );
    let error = harness.state().error().unwrap().to_owned();
    assert!(error.contains("another Hindsight window"), "{error}");
    drop(other_window);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_replaced_and_the_work_stays_unsaved() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let document = OpenDocument::from_file(storage::load(&path).unwrap(), path.clone());
    let mut harness = harness_for(app_with(document, &ScriptedDialogs::default()));
    retype(&mut harness, "Title", "Edited where it cannot be saved");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let before = fs::read(&path).unwrap();
    save(&mut harness);
    let error = harness.state().error().unwrap().to_owned();
    assert!(error.contains("is read-only"), "{error}");
    assert_eq!(fs::read(&path).unwrap(), before);
    assert!(harness.state().document().is_dirty());
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "a temporary file was left behind"
    );
}
