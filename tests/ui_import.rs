//! File → Import Markdown… and dropping a `.md` file, driven as a person would: the guard
//! first, then a new unsaved document and the report of where each part went.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{Queryable, ScriptedDialogs, click, click_file_menu, editor_with_example, retype};
use hindsight::app::{DialogKind, DialogOutcome};
use hindsight::model::ParticipantRole;

fn reference_in(dir: &Path) -> PathBuf {
    let path = dir.join("inc-620.md");
    std::fs::copy("tests/markdown/rootly-reference.md", &path).unwrap();
    path
}

#[test]
fn a_markdown_postmortem_is_imported_as_a_new_unsaved_document_with_its_report() {
    let dir = tempfile::tempdir().unwrap();
    let path = reference_in(dir.path());
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    retype(&mut harness, "Title", "Changed");

    dialogs.will_answer(DialogOutcome::Chosen(path.clone()));
    click_file_menu(&mut harness, "Import Markdown\u{2026}");
    // What is unsaved is asked about first.
    harness.get_by_label_contains("before importing a Markdown postmortem?");
    click(&mut harness, "Don't save");
    assert_eq!(dialogs.asked()[0].kind, DialogKind::ImportMarkdown);

    harness.get_by_label("Imported \u{201c}inc-620.md\u{201d}");
    harness.get_by_label(
        "13 timeline rows and 6 action items; 2 parts could not be placed and are kept word for \
         word in the section \u{201c}Imported, not placed\u{201d}.",
    );
    harness.get_by_label("text run into a table's header line");
    click(&mut harness, "Close");
    assert!(
        harness
            .query_by_label("Imported \u{201c}inc-620.md\u{201d}")
            .is_none()
    );

    let document = harness.state().document();
    assert_eq!(document.path(), None);
    assert!(document.is_dirty());
    let doc = document.doc();
    assert_eq!(doc.timeline.len(), 13);
    assert_eq!(doc.participants[0].role, ParticipantRole::IncidentLead);
    assert_eq!(doc.classification.severity.as_deref(), Some("SEV-2"));
    // The new document is shown as any other: its timeline is there to edit.
    harness.get_by_label("Timeline (13)");
}

#[test]
fn a_dropped_markdown_file_is_imported_and_an_unreadable_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = reference_in(dir.path());
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    let before = harness.state().document().doc().clone();

    let missing = dir.path().join("missing.md");
    dialogs.will_answer(DialogOutcome::Chosen(missing));
    click_file_menu(&mut harness, "Import Markdown\u{2026}");
    harness.get_by_label_contains("Nothing was imported; the open document is unchanged.");
    click(&mut harness, "OK");
    assert_eq!(harness.state().document().doc(), &before);

    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(path)));
    harness.run();
    harness.get_by_label("Imported \u{201c}inc-620.md\u{201d}");
    assert_eq!(harness.state().document().doc().action_items.len(), 6);
}

/// A file dropped from the file manager.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

#[test]
fn a_markdown_file_named_on_the_command_line_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let path = reference_in(dir.path());
    let dialogs = ScriptedDialogs::default();
    let mut harness = common::editor_from_command_line(Some(path), &dialogs);
    harness.run();
    harness.get_by_label("Imported \u{201c}inc-620.md\u{201d}");
    assert_eq!(harness.state().document().path(), None);
    assert_eq!(harness.state().document().doc().timeline.len(), 13);
}
