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
use egui_kittest::kittest::NodeT;
use hindsight::app::{DialogKind, DialogOutcome};
use hindsight::model::ParticipantRole;

/// Whether the box that adds a preview's first row has the keyboard.
fn first_box_has_the_keyboard(
    harness: &egui_kittest::Harness<'_, hindsight::app::HindsightApp>,
) -> bool {
    harness
        .get_by(|node| {
            node.label()
                .is_some_and(|label| label.starts_with("Add row 1:"))
        })
        .accesskit_node()
        .is_focused()
}

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
    // Close is the report's default answer: Enter closes it.
    assert!(harness.get_by_label("Close").is_focused());
    harness.key_press(egui::Key::Enter);
    harness.run();
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
        .push(Arc::new(common::DroppedPath(path)));
    harness.run();
    harness.get_by_label("Imported \u{201c}inc-620.md\u{201d}");
    assert_eq!(harness.state().document().doc().action_items.len(), 6);
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

/// The report says how the times were read and takes a correction at once: a block with
/// times that was not read as the timeline is read as one at a click, and a zone picked
/// for times that name none moves them.
#[test]
fn the_import_report_reads_the_file_again_as_the_person_corrects_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stampede.md");
    std::fs::write(
        &path,
        "# Cache stampede\n\nOn 2024-05-02 the cache expired at once.\n\n\
         ## Timeline\n\n- 09:00 Keys expired together\n- 09:02 Database CPU at 100%\n\n\
         ## Notes\n\n- 09:20 keys re-warmed\n- the graphs are in the wiki\n- ask the DB team\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    dialogs.will_answer(DialogOutcome::Chosen(path.clone()));
    click_file_menu(&mut harness, "Import Markdown\u{2026}");

    harness.get_by_label("How the times were read");
    harness.get_by_label("the first date in the file (line 3)");
    harness.get_by_label("The timeline was read from lines 7\u{2013}8.");
    assert_eq!(harness.state().document().doc().timeline.len(), 2);

    click(&mut harness, "Read lines 12\u{2013}14 as the timeline");
    let doc = harness.state().document().doc();
    assert_eq!(doc.timeline.len(), 5);
    assert_eq!(
        doc.timeline[2].time.map(|time| time.to_rfc3339()),
        Some("2024-05-02T09:20:00+00:00".to_owned())
    );
    harness.get_by_label("The timeline was read from lines 7\u{2013}8, lines 12\u{2013}14.");
    // Still a new document that has not been saved.
    assert!(harness.state().document().is_dirty());
    assert_eq!(harness.state().document().path(), None);
}

#[test]
fn a_long_message_in_an_imported_file_leaves_the_add_button_inside_the_window() {
    // A chat export whose message is one long address (an attachment's, as Discord's
    // exporter writes them): the preview wraps it, so the button to add the rows stays
    // on screen.
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("hub-down.json");
    let address = format!(
        "https://cdn.example.com/attachments/{}",
        "a1b2c3".repeat(80)
    );
    std::fs::write(
        &source,
        format!(
            r#"[{{"content": "<p>Screenshot: {address} and a long sentence that goes on and on past the width of any dialog that fits on a laptop's screen</p>", "id": 7, "sender_full_name": "Kevin Paul", "timestamp": 1754057000}}]"#
        ),
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    click(&mut harness, "Timeline (13)");
    dialogs.will_answer(DialogOutcome::Chosen(source));
    common::timeline_menu(&mut harness, "Import rows from a file\u{2026}");
    harness.get_by_label("From hub-down.json");
    let add = harness.get_by_label("Add 1 row").rect();
    assert!(
        add.right() <= 1400.0,
        "the button to add the rows is off the window: {add:?}"
    );
    // Its box names it in brief, the address cut short.
    let name = harness
        .get_by(|node| {
            node.label()
                .is_some_and(|label| label.starts_with("Add row 1:"))
        })
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert!(
        name.ends_with('\u{2026}') && name.chars().count() < 120,
        "{name}"
    );
    click(&mut harness, "Add 1 row");
    let doc = harness.state().document().doc().clone();
    assert!(
        doc.timeline
            .iter()
            .any(|row| row.actor.as_deref() == Some("Kevin Paul") && row.event.contains(&address))
    );
}

#[test]
fn a_pasted_chat_export_is_read_as_its_file_would_be_and_unknown_json_is_refused() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Timeline (13)");
    // Zulip's messages as its API gives them, pasted whole: read by the export's reader,
    // not as 1 line of chat.
    common::paste_below_row_13(
        &mut harness,
        r#"{"result": "success", "messages": [
            {"id": 41, "sender_full_name": "Kevin Paul", "timestamp": 1754057000, "content": "<p>hub is down again</p>"},
            {"id": 42, "sender_full_name": "Ana Ruiz", "timestamp": 1754057120, "content": ""}]}"#,
    );
    harness.get_by_label("From the pasted text");
    harness.get_by_label("2 rows to add");
    // The keyboard's focus lands in the preview, on the first row's box.
    assert!(first_box_has_the_keyboard(&harness));
    // A message with no words says so, and each box says which message it adds.
    harness.get_by_label("(no text)");
    harness.get_by_label("Add row 2: 2025-08-01 14:05:20 UTC, Ana Ruiz: (no text)");
    click(
        &mut harness,
        "Add row 2: 2025-08-01 14:05:20 UTC, Ana Ruiz: (no text)",
    );
    click(&mut harness, "Add 1 row");
    let rows = harness.state().document().doc().timeline.clone();
    assert_eq!(rows.len(), 14);
    let added = rows
        .iter()
        .find(|row| row.event == "hub is down again")
        .unwrap();
    assert_eq!(added.actor.as_deref(), Some("Kevin Paul"));
    assert!(
        rows.iter()
            .all(|row| row.actor.as_deref() != Some("Ana Ruiz"))
    );

    // JSON no reader knows is refused with the formats read; it makes no row.
    common::paste_below_row_13(
        &mut harness,
        r#"{"events": [{"at": "14:03", "what": "deploy"}]}"#,
    );
    let refused = harness
        .get_by(|node| {
            node.role() == egui::accesskit::Role::Label
                && node.value().is_some_and(|text| {
                    text.starts_with("The pasted text was not read: it is JSON")
                })
        })
        .accesskit_node()
        .value()
        .unwrap_or_default();
    assert!(refused.contains("Zulip messages"), "{refused}");
    assert!(harness.query_by_label("1 row to add").is_none());
    assert!(
        harness
            .get_by_label("Add 0 rows")
            .accesskit_node()
            .is_disabled()
    );
    click(&mut harness, "Cancel");
    assert_eq!(harness.state().document().doc().timeline.len(), 14);
}

#[test]
fn a_preview_does_not_keep_the_row_heights_of_another_files_rows() {
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join("long.json");
    let short = dir.path().join("short.json");
    let message = |id: u32, text: &str| {
        format!(
            r#"{{"content": "<p>{text}</p>", "id": {id}, "sender_full_name": "Kevin Paul", "timestamp": 1754057000}}"#
        )
    };
    let many_lines = "a sentence that goes on well past the width of the preview. ".repeat(12);
    std::fs::write(&long, format!("[{}]", message(1, &many_lines))).unwrap();
    std::fs::write(
        &short,
        format!("[{}, {}]", message(2, "ok"), message(3, "done")),
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    click(&mut harness, "Timeline (13)");
    let import = |harness: &mut egui_kittest::Harness<'_, hindsight::app::HindsightApp>| {
        common::timeline_menu(harness, "Import rows from a file\u{2026}");
    };
    dialogs.will_answer(DialogOutcome::Chosen(long));
    import(&mut harness);
    harness.get_by_label("From long.json");
    click(&mut harness, "Cancel");
    dialogs.will_answer(DialogOutcome::Chosen(short));
    import(&mut harness);
    harness.get_by_label("From short.json");
    // Its first row is one line high, not as high as the other file's first row was.
    let top_of = |row: u32| {
        harness
            .get_by(|node| {
                node.label()
                    .is_some_and(|label| label.starts_with(&format!("Add row {row}:")))
            })
            .rect()
            .top()
    };
    let first_row = top_of(2) - top_of(1);
    assert!(first_row < 40.0, "row 1 is {first_row} high");
}

#[test]
fn a_text_file_is_imported_in_its_own_form_where_rows_can_be_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("bridge-call.txt");
    // Three lines of a chat, the first of which the example's timeline has already.
    std::fs::write(
        &source,
        "14:05 Rootly: Rootly paged the on-call SRE (Alice)\n\
         14:06 Dana: I am looking at the database dashboards\n\
         14:08 Kevin: rolling back the deploy now\n",
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    click(&mut harness, "Timeline (13)");
    dialogs.will_answer(DialogOutcome::Chosen(source.clone()));
    common::timeline_menu(&mut harness, "Import rows from a file\u{2026}");
    // The form says it imports, and from which file; the file's lines can be corrected.
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "Import timeline rows");
    harness.get_by_label("Lines of bridge-call.txt");
    // The keyboard starts in the preview, on the first row's box.
    assert!(first_box_has_the_keyboard(&harness));
    // The row the timeline has already starts unticked, and says why; the person leaves
    // out another.
    harness.get_by_label("1 row is in the timeline already and starts unticked.");
    harness.get_by_label("2 of 3 rows to add");
    let first = "Add row 1: 2025-08-01 14:05 UTC, Rootly: Rootly paged the on-call SRE (Alice) \
                 (in the timeline already)";
    assert_eq!(
        harness.get_by_label(first).accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::False)
    );
    click(
        &mut harness,
        "Add row 3: 2025-08-01 14:08 UTC, Kevin: rolling back the deploy now",
    );
    harness.get_by_label("1 of 3 rows to add");
    click(&mut harness, "Add 1 row");
    let rows = harness.state().document().doc().timeline.clone();
    assert_eq!(rows.len(), 14);
    assert!(rows.iter().any(|row| row.actor.as_deref() == Some("Dana")));
    assert!(rows.iter().all(|row| row.actor.as_deref() != Some("Kevin")));
    assert_eq!(
        rows.iter()
            .filter(|row| row.event == "Rootly paged the on-call SRE (Alice)")
            .count(),
        1
    );
    // The keyboard goes on at the row added, in the timeline.
    assert!(
        harness
            .get_by_label("Event, row 3")
            .accesskit_node()
            .is_focused()
    );
    // The next import starts in the folder this file came from.
    dialogs.will_answer(DialogOutcome::Cancelled);
    common::timeline_menu(&mut harness, "Import rows from a file\u{2026}");
    let asked = dialogs.asked();
    assert_eq!(
        asked.last().unwrap().start_folder.as_deref(),
        Some(dir.path())
    );
}
