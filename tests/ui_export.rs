//! Exports from the editor: File → Export through the save dialog, the export options, and
//! Edit → Copy as Markdown, driven as a person would.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use common::{Queryable, ScriptedDialogs, editor, editor_with_example, example_file};
use egui_kittest::Harness;
use hindsight::app::{DialogKind, DialogOutcome, HindsightApp, OpenDocument};
use hindsight::export::{AttachedFiles, ExportOptions, Portion, to_html, to_markdown};
use hindsight::ui::Part;

/// Opens File → Export and clicks one of its items.
fn click_export_menu(harness: &mut Harness<'_, HindsightApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").hover();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

/// The text the last frame put on the clipboard, if it put any.
fn copied_text(harness: &Harness<'_, HindsightApp>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|command| match command {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

#[test]
fn export_markdown_and_html_through_the_save_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let dialogs = ScriptedDialogs::default();
    let document = OpenDocument::from_file(hindsight::storage::load(&path).unwrap(), path);
    let mut harness = editor(document, &dialogs);
    let doc = harness.state().document().doc().clone();

    let markdown_path = dir.path().join("inc-620.md");
    dialogs.will_answer(DialogOutcome::Chosen(markdown_path.clone()));
    click_export_menu(&mut harness, "Markdown\u{2026}");
    let asked = dialogs.asked();
    assert_eq!(
        asked[0].kind,
        DialogKind::Export {
            suggested_name: "inc-620.md".to_owned(),
            filter_name: "Markdown".to_owned(),
            extension: "md".to_owned(),
        }
    );
    assert_eq!(asked[0].start_folder.as_deref(), Some(dir.path()));
    assert_eq!(
        std::fs::read_to_string(&markdown_path).unwrap(),
        to_markdown(&doc, ExportOptions::default(), Portion::Whole)
    );

    // A name typed without an extension gets the format's.
    dialogs.will_answer(DialogOutcome::Chosen(dir.path().join("print")));
    click_export_menu(&mut harness, "HTML\u{2026}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("print.html")).unwrap(),
        to_html(&doc, ExportOptions::default(), &AttachedFiles::new())
    );
    harness.get_by_label_contains("Exported HTML page to");
    // Exporting is not saving: the document is as it was.
    assert!(!harness.state().document().is_dirty());
    assert_eq!(harness.state().document().doc(), &doc);
}

#[test]
fn the_export_options_shape_the_export_and_are_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export").hover();
    harness.run();
    harness.get_by_label("Only starred timeline rows").click();
    harness.run();
    assert!(harness.state().settings().export_options.starred_only);
    assert!(
        !harness
            .state()
            .settings()
            .export_options
            .skip_empty_sections
    );
    harness.key_press(egui::Key::Escape);
    harness.run();

    let csv_path = dir.path().join("rows.csv");
    dialogs.will_answer(DialogOutcome::Chosen(csv_path.clone()));
    click_export_menu(&mut harness, "Timeline as CSV\u{2026}");
    let written = std::fs::read_to_string(&csv_path).unwrap();
    let starred = harness
        .state()
        .document()
        .doc()
        .timeline
        .iter()
        .filter(|row| row.starred)
        .count();
    assert_eq!(written.lines().count(), 1 + starred);
    let mut reader = csv::Reader::from_reader(written.as_bytes());
    assert!(
        reader
            .records()
            .all(|record| record.unwrap().get(5) == Some("yes"))
    );
}

#[test]
fn a_failed_export_says_why_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    let before = harness.state().document().doc().clone();

    let nowhere = dir.path().join("missing-folder").join("actions.csv");
    dialogs.will_answer(DialogOutcome::Chosen(nowhere.clone()));
    click_export_menu(&mut harness, "Action items as CSV\u{2026}");
    let error = harness.state().error().unwrap().to_owned();
    assert!(error.contains("was not exported"), "{error}");
    assert!(error.contains("missing-folder"), "{error}");
    assert!(!nowhere.exists());
    assert_eq!(harness.state().document().doc(), &before);
}

#[test]
fn copy_as_markdown_copies_the_document_or_the_part_on_screen() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    let doc = harness.state().document().doc().clone();
    harness.state_mut().show_part(Part::Timeline);
    harness.run();

    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Copy timeline as Markdown").click();
    harness.step();
    assert_eq!(
        copied_text(&harness).as_deref(),
        Some(to_markdown(&doc, ExportOptions::default(), Portion::Timeline).as_str())
    );
    harness.run();
    harness.get_by_label("Copied the timeline as Markdown");

    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Copy as Markdown").click();
    harness.step();
    let whole = copied_text(&harness).unwrap();
    assert_eq!(
        whole,
        to_markdown(&doc, ExportOptions::default(), Portion::Whole)
    );
    assert!(whole.starts_with("# User API latency"));
}
