//! The editor window's file handling, driven as a person would: menus, shortcuts, the
//! unsaved-changes guard, failed opens, typed paths and dropped files.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use std::fs;
use std::path::PathBuf;
use std::sync::Arc;

use common::{
    Queryable, ScriptedDialogs, click_file_menu, editor_from_command_line, editor_with_example,
    example_file, retype,
};
use hindsight::app::{DialogKind, DialogOutcome};

#[test]
fn open_edit_title_save_and_the_unsaved_marker() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "latency.ron");
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);

    dialogs.will_answer(DialogOutcome::Chosen(path.clone()));
    click_file_menu(&mut harness, "Open\u{2026}");
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    assert_eq!(dialogs.asked()[0].kind, DialogKind::Open);
    assert!(!harness.state().document().is_dirty());
    assert_eq!(
        harness.state().window_title(),
        "latency.ron \u{2014} Hindsight"
    );

    retype(&mut harness, "Title", "Slow User API");
    assert_eq!(harness.state().document().doc().title, "Slow User API");
    assert!(harness.state().document().is_dirty());
    assert_eq!(
        harness.state().window_title(),
        "*latency.ron \u{2014} Hindsight"
    );
    harness.get_by_label("Unsaved changes");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(!harness.state().document().is_dirty());
    assert_eq!(
        harness.state().window_title(),
        "latency.ron \u{2014} Hindsight"
    );
    assert!(harness.query_by_label("Unsaved changes").is_none());
    harness.get_by_label_contains("Saved ");
    // The next edit makes "Saved …" old news: it goes, and "Unsaved changes" stands alone.
    retype(&mut harness, "Title", "Slow User API again");
    harness.get_by_label("Unsaved changes");
    assert!(harness.query_by_label_contains("Saved ").is_none());
    retype(&mut harness, "Title", "Slow User API");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    let saved = hindsight::storage::load(&path).unwrap();
    assert_eq!(saved.title, "Slow User API");
    assert_eq!(saved.updated, Some(common::today()));
    assert_eq!(harness.state().settings().recent_files, [path]);
}

#[test]
fn the_guard_names_an_unsaved_document_by_its_title() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    retype(&mut harness, "Title", "Checkout outage");
    click_file_menu(&mut harness, "New");
    harness.get_by_label(
        "Save changes to \u{201c}Checkout outage\u{201d} before starting a new postmortem?",
    );
}

#[test]
fn the_file_open_at_the_last_close_is_reopened_and_a_missing_one_falls_back_to_the_example() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "last.ron");
    let settings = hindsight::app::Settings {
        last_open: Some(path.clone()),
        ..hindsight::app::Settings::default()
    };
    let start = |settings: hindsight::app::Settings| {
        hindsight::app::HindsightApp::starting_with(
            None,
            Box::new(ScriptedDialogs::default()),
            Box::new(hindsight::app::FixedClock(common::today())),
            settings,
        )
    };
    let app = start(settings.clone());
    assert_eq!(app.document().path(), Some(path.as_path()));
    assert!(!app.document().is_example());

    fs::remove_file(&path).unwrap();
    let app = start(settings);
    assert!(app.document().path().is_none());
    assert!(app.document().is_example());
    assert!(app.error().is_none(), "a file gone since is no error");
}

#[test]
fn the_guard_on_new_cancels_discards_or_saves() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    retype(&mut harness, "Incident ID", "INC-999");

    click_file_menu(&mut harness, "New");
    harness.get_by_label_contains("before starting a new postmortem?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().document().doc().incident_id, "INC-999");
    assert!(harness.state().document().is_dirty());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();
    assert_eq!(harness.state().document().doc().incident_id, "");
    assert_eq!(
        harness.state().document().doc().created,
        Some(common::today())
    );
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn saving_from_the_guard_asks_where_then_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    retype(&mut harness, "Incident ID", "INC-621");

    click_file_menu(&mut harness, "New");
    let target = dir.path().join("chosen");
    dialogs.will_answer(DialogOutcome::Chosen(target));
    harness.get_by_label("Save").click();
    harness.run();

    assert_eq!(
        dialogs.asked()[0].kind,
        DialogKind::Save {
            suggested_name: "inc-621.ron".to_owned()
        }
    );
    // The extension is added, the document saved, and only then the new document started.
    let saved = hindsight::storage::load(&dir.path().join("chosen.ron")).unwrap();
    assert_eq!(saved.incident_id, "INC-621");
    assert_eq!(harness.state().document().doc().incident_id, "");
    assert!(harness.state().document().path().is_none());
}

#[test]
fn cancelling_the_save_dialog_from_the_guard_keeps_the_document() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    retype(&mut harness, "Incident ID", "INC-622");
    click_file_menu(&mut harness, "New");
    dialogs.will_answer(DialogOutcome::Cancelled);
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(harness.state().document().doc().incident_id, "INC-622");
    assert!(harness.state().document().is_dirty());
}

#[test]
fn a_file_that_fails_to_open_is_explained_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "(\n    format_version: 1,\n    title: 42,\n)").unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    retype(&mut harness, "Incident ID", "INC-623");

    dialogs.will_answer(DialogOutcome::Chosen(broken.clone()));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run();

    let message = harness.state().error().unwrap().to_owned();
    assert!(
        message.contains(&format!("{}:3:11", broken.display())),
        "{message}"
    );
    harness.get_by_label_contains("broken.ron:3:11");
    assert_eq!(harness.state().document().doc().incident_id, "INC-623");
    assert!(harness.state().document().path().is_none());

    // The message's one answer has the keyboard: Enter closes it, as it would OK.
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.state().error().is_none());
}

#[test]
fn without_a_file_dialog_the_editor_asks_for_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "typed.ron");
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);

    dialogs.will_answer(DialogOutcome::Unavailable(
        "No file dialog could be shown.".to_owned(),
    ));
    click_file_menu(&mut harness, "Open\u{2026}");
    harness.get_by_label("No file dialog could be shown.");
    retype(
        &mut harness,
        "Path of the .ron file",
        &path.display().to_string(),
    );
    harness.get_by_label("Open").click();
    harness.run();
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
}

#[test]
fn save_as_through_a_typed_path_writes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    dialogs.will_answer(DialogOutcome::Unavailable("No file dialog.".to_owned()));
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    harness.run();
    let target = dir.path().join("typed-save.ron");
    retype(
        &mut harness,
        "Path of the .ron file",
        &target.display().to_string(),
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().document().path(), Some(target.as_path()));
    assert_eq!(
        hindsight::storage::load(&target).unwrap().timeline.len(),
        13
    );
}

#[test]
fn the_typed_path_form_starts_with_the_name_selected_so_typing_renames() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    for _ in 0..2 {
        dialogs.will_answer(DialogOutcome::Unavailable("No file dialog.".to_owned()));
        harness.key_press_modifiers(
            egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
            egui::Key::S,
        );
        harness.run();
        let before = harness
            .get_by_label("Path of the .ron file")
            .value()
            .unwrap_or_default();
        assert_eq!(
            std::path::Path::new(&before).extension(),
            Some("ron".as_ref())
        );
        harness
            .get_by_label("Path of the .ron file")
            .type_text("renamed");
        harness.run();
        let after = harness
            .get_by_label("Path of the .ron file")
            .value()
            .unwrap_or_default();
        let folder = &before[..=before.rfind('/').unwrap()];
        assert_eq!(after, format!("{folder}renamed.ron"));
        // A second form starts the same way, not where this one left the caret.
        harness.key_press(egui::Key::Escape);
        harness.run();
    }
}

#[test]
fn dropping_a_ron_file_opens_it_behind_the_guard() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "dropped.ron");
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    retype(&mut harness, "Title", "Changed");

    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(common::DroppedPath(path.clone())));
    harness.run();
    harness.get_by_label_contains("before opening another file?");
    harness.get_by_label("Don't save").click();
    harness.run();
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
}

/// Closes the window as its title bar's close button does.
fn close_window(harness: &mut egui_kittest::Harness<'_, hindsight::app::HindsightApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    retype(&mut harness, "Title", "Changed");
    close_window(&mut harness);
    harness.get_by_label_contains("before quitting?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().document().doc().title, "Changed");
}

#[test]
fn enter_in_the_unsaved_changes_question_saves_then_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let mut harness = common::editor_on_file(&path);
    retype(&mut harness, "Title", "Saved by Enter");
    close_window(&mut harness);
    harness.get_by_label_contains("before quitting?");
    // The title field behind the question had the keyboard; Save takes it.
    assert!(harness.get_by_label("Save").is_focused());
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        hindsight::storage::load(&path).unwrap().title,
        "Saved by Enter"
    );
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn the_side_panel_moves_between_parts() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    harness.get_by_label("Timeline (13)").click();
    harness.run();
    assert_eq!(
        harness.get_by_label("Event, row 1").value().as_deref(),
        Some("Grafana alert \"User API p95 latency > 1 s\" triggered")
    );
    harness.get_by_label("Action items (6)").click();
    harness.run();
    assert_eq!(
        harness.get_by_label("Action, item 6").value().as_deref(),
        Some("Hold a brown-bag session for engineers on indexing best practices")
    );
    harness.get_by_label("Analysis").click();
    harness.run();
    harness.get_by_label("Root cause");
}

#[test]
fn with_no_file_named_the_example_opens_untitled_and_saving_asks_where() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_from_command_line(None, &dialogs);
    assert_eq!(harness.state().document().doc().timeline.len(), 13);
    assert!(harness.state().document().path().is_none());
    assert!(!harness.state().document().is_dirty());
    // The first start says what it shows.
    assert_eq!(
        harness.state().window_title(),
        "Example postmortem \u{2014} Hindsight"
    );
    harness.get_by_label_contains("Example postmortem \u{2014} not saved to a file.");

    dialogs.will_answer(DialogOutcome::Cancelled);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert_eq!(
        dialogs.asked()[0].kind,
        DialogKind::Save {
            suggested_name: "inc-620.ron".to_owned()
        }
    );
    assert!(harness.state().document().path().is_none());
}

#[test]
fn a_file_named_on_the_command_line_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "named.ron");
    let harness = editor_from_command_line(Some(path.clone()), &ScriptedDialogs::default());
    assert_eq!(harness.state().document().path(), Some(path.as_path()));
    assert_eq!(
        harness.state().window_title(),
        "named.ron \u{2014} Hindsight"
    );
}

#[test]
fn a_named_file_that_fails_to_open_is_explained_over_an_empty_document() {
    let harness = editor_from_command_line(
        Some(PathBuf::from("/no/such/postmortem.ron")),
        &ScriptedDialogs::default(),
    );
    let message = harness.state().error().unwrap();
    assert!(
        message.contains("/no/such/postmortem.ron: cannot read the file"),
        "{message}"
    );
    harness.get_by_label_contains("does not exist");
    assert!(harness.state().document().doc().timeline.is_empty());
}
