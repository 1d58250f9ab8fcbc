//! What you see is what is saved: text typed into a field that does not read as its value
//! (a time, a date) is never dropped without a word. It counts as an error, saving asks about
//! it first, and text still being typed when Ctrl+S is pressed is saved.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use std::path::Path;

use chrono::{TimeZone, Utc};
use common::{Queryable, ScriptedDialogs, click, editor_from_command_line, example_file, save};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;
use hindsight::app::HindsightApp;
use hindsight::model::Postmortem;
use hindsight::storage;

fn on_disk(path: &Path) -> Postmortem {
    storage::load(path).unwrap()
}

/// The editor on a saved copy of the example, showing its timeline.
fn example_on_disk(dir: &Path) -> (Harness<'static, HindsightApp>, std::path::PathBuf) {
    let path = example_file(dir, "incident.ron");
    let mut harness = editor_from_command_line(Some(path.clone()), &ScriptedDialogs::default());
    click(&mut harness, "Timeline (13)");
    (harness, path)
}

/// Selects the text of the labelled field and types `text` over it, leaving the keyboard
/// there.
fn type_over(harness: &mut Harness<'_, HindsightApp>, label: &str, text: &str) {
    click(harness, label);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn a_refused_time_is_an_error_and_saving_asks_before_leaving_it_out() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = example_on_disk(dir.path());
    let saved_time = on_disk(&path).timeline[3].time;
    assert!(harness.query_by_label("No problems found").is_some());

    // A change that reads, then one that does not.
    type_over(&mut harness, "Event, row 2", "Pager fired for checkout");
    type_over(&mut harness, "Time, row 4", "2:61");
    harness.key_press(egui::Key::Enter);
    harness.run();

    // The field keeps the text; the checks count it as an error and name it.
    assert_eq!(
        harness.get_by_label("Time, row 4").value().as_deref(),
        Some("2:61")
    );
    // A screen reader hears why the field is red.
    let description = harness
        .get_by_label("Time, row 4")
        .accesskit_node()
        .description()
        .unwrap_or_default();
    assert!(description.starts_with("Not saved: "), "{description}");
    assert!(harness.query_by_label("No problems found").is_none());
    assert!(harness.query_by_label("1 error").is_some());
    click(&mut harness, "Checks (1)");
    harness.get_by(|node| {
        node.label().is_some_and(|label| {
            label.starts_with("Row 4's time: \u{201c}2:61\u{201d} is not in the document")
        })
    });

    // Saving asks; going back writes nothing and goes to the field.
    save(&mut harness);
    assert!(
        harness
            .query_by_role_and_label(
                egui::accesskit::Role::Dialog,
                "Some typed text is not in the document"
            )
            .is_some()
    );
    click(&mut harness, "Go back");
    assert_ne!(on_disk(&path).timeline[1].event, "Pager fired for checkout");
    assert!(harness.get_by_label("Time, row 4").is_focused());
    assert!(harness.state().document().is_dirty());

    // Saving with the old values writes the event and keeps the old time; the text stays in
    // its field, still an error.
    click(&mut harness, "Event, row 2");
    save(&mut harness);
    click(&mut harness, "Save with the old values");
    let written = on_disk(&path);
    assert_eq!(written.timeline[1].event, "Pager fired for checkout");
    assert_eq!(written.timeline[3].time, saved_time);
    assert!(!harness.state().document().is_dirty());
    assert_eq!(
        harness.get_by_label("Time, row 4").value().as_deref(),
        Some("2:61")
    );
    assert!(harness.query_by_label("1 error").is_some());
}

#[test]
fn a_time_still_being_typed_when_ctrl_s_is_pressed_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = example_on_disk(dir.path());
    type_over(&mut harness, "Time, row 4", "14:11");
    // No Enter, no click elsewhere: the keyboard is still in the cell.
    save(&mut harness);
    harness.run();
    let written = on_disk(&path);
    let expected = Utc.with_ymd_and_hms(2025, 8, 1, 14, 11, 0).unwrap();
    assert_eq!(written.timeline[3].time, Some(expected));
    assert!(!harness.state().document().is_dirty());
    // The keyboard comes back to the cell, to go on typing.
    assert!(harness.get_by_label("Time, row 4").is_focused());
}

#[test]
fn a_refused_due_date_is_held_back_like_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, path) = example_on_disk(dir.path());
    let saved_due = on_disk(&path).action_items[0].due;
    click(&mut harness, "Action items (6)");
    type_over(&mut harness, "Due date, item 1", "next sprint");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.query_by_label("1 error").is_some());
    save(&mut harness);
    assert!(
        harness
            .query_by_role_and_label(
                egui::accesskit::Role::Dialog,
                "Some typed text is not in the document"
            )
            .is_some()
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(
                egui::accesskit::Role::Dialog,
                "Some typed text is not in the document"
            )
            .is_none()
    );
    assert_eq!(on_disk(&path).action_items[0].due, saved_due);
    assert!(harness.get_by_label("Due date, item 1").is_focused());
}

#[test]
fn quitting_with_only_a_refused_time_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, _path) = example_on_disk(dir.path());
    type_over(&mut harness, "Time, row 4", "25:00");
    harness.key_press(egui::Key::Enter);
    harness.run();
    // The document itself did not change, but the typed text would be lost.
    assert!(!harness.state().document().is_dirty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    harness.run();
    assert!(harness.query_by_label("Don't save").is_some());
}

#[test]
fn a_refused_key_time_is_named_in_the_checks_and_the_question() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "incident.ron");
    let mut harness = editor_from_command_line(Some(path.clone()), &ScriptedDialogs::default());
    let detected = on_disk(&path).key_times.detected;
    type_over(&mut harness, "Detected", "noonish");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.query_by_label("1 error").is_some());
    save(&mut harness);
    // The question names the field, what was typed and why it does not read.
    let named = harness
        .get_all_by(|node| {
            node.value().is_some_and(|text| {
                text.starts_with(
                    "The Detected key time: \u{201c}noonish\u{201d} \u{2014} type a time",
                )
            })
        })
        .count();
    assert!(named > 0, "the question does not name the key time");
    click(&mut harness, "Save with the old values");
    assert_eq!(on_disk(&path).key_times.detected, detected);
    assert_eq!(
        harness.get_by_label("Detected").value().as_deref(),
        Some("noonish")
    );
}
