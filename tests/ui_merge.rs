//! The editor merging a change made on disk (a `git pull`, `set-ticket`, another window) into
//! unsaved edits, and settling the conflicts a merge leaves, as a person does it.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use common::{
    Queryable, click, editor_on_file, example_file, focus_window, retype, rewrite_on_disk, save,
};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;
use hindsight::app::HindsightApp;
use hindsight::model::Postmortem;
use hindsight::storage;
use hindsight::ui::Part;

/// The example open from a file in `dir`, with "Mine" typed as its title while the file's
/// title has become "Theirs".
fn titles_in_conflict(
    dir: &std::path::Path,
) -> (std::path::PathBuf, Harness<'static, HindsightApp>) {
    let path = example_file(dir, "inc-620.ron");
    let mut harness = editor_on_file(&path);
    retype(&mut harness, "Title", "Mine");
    rewrite_on_disk(&path, |doc| "Theirs".clone_into(&mut doc.title));
    (path, harness)
}

fn doc(harness: &Harness<'_, HindsightApp>) -> Postmortem {
    harness.state().document().doc().clone()
}

#[test]
fn a_change_on_disk_that_does_not_conflict_is_merged_into_unsaved_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let mut harness = editor_on_file(&path);
    retype(&mut harness, "Title", "Mine");
    rewrite_on_disk(&path, |doc| {
        "INC-4242".clone_into(&mut doc.incident_id);
        "from the payments dashboard".clone_into(&mut doc.timeline[3].notes);
    });

    focus_window(&mut harness);
    let merged = doc(&harness);
    assert_eq!(merged.title, "Mine", "my edit stays");
    assert_eq!(merged.incident_id, "INC-4242", "their change is in");
    assert_eq!(merged.timeline[3].notes, "from the payments dashboard");
    assert!(merged.conflicts.is_empty());
    assert!(
        harness.state().document().is_dirty(),
        "the file lacks my edit"
    );
    assert!(
        harness
            .query_by_label_contains("was changed on disk by another program")
            .is_none(),
        "nothing to ask"
    );
    harness.get_by_label_contains("the change is merged with your edits");

    // The save writes both, without asking: the change on disk is already in.
    save(&mut harness);
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Dialog, "The file changed on disk")
            .is_none()
    );
    let on_disk = storage::load(&path).unwrap();
    assert_eq!(on_disk.title, "Mine");
    assert_eq!(on_disk.incident_id, "INC-4242");
    assert!(!harness.state().document().is_dirty());

    // Undo takes the merge back as one step.
    retype(&mut harness, "Title", "Mine again");
    rewrite_on_disk(&path, |doc| "INC-1".clone_into(&mut doc.incident_id));
    focus_window(&mut harness);
    assert_eq!(doc(&harness).incident_id, "INC-1");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(doc(&harness).incident_id, "INC-4242");
}

#[test]
fn a_conflicting_change_is_asked_about_then_settled_in_checks() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let mut harness = editor_on_file(&path);
    retype(&mut harness, "Title", "Mine");
    rewrite_on_disk(&path, |doc| {
        "Theirs".clone_into(&mut doc.title);
        "INC-4242".clone_into(&mut doc.incident_id);
    });

    focus_window(&mut harness);
    assert_eq!(
        doc(&harness).title,
        "Mine",
        "nothing is taken before the answer"
    );
    assert_eq!(doc(&harness).incident_id, "INC-620");
    harness.get_by_label_contains("except for 1 thing you both changed differently");
    click(&mut harness, "Merge and settle the conflicts");

    let merged = doc(&harness);
    assert_eq!(merged.title, "Mine");
    assert_eq!(merged.incident_id, "INC-4242");
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(harness.state().part(), Part::Checks);
    harness.get_by_label_contains(
        "Merge conflict in title: mine \u{201c}Mine\u{201d}, theirs \u{201c}Theirs\u{201d}",
    );

    click(&mut harness, "Keep theirs");
    let settled = doc(&harness);
    assert_eq!(settled.title, "Theirs");
    assert!(settled.conflicts.is_empty());
    assert!(harness.query_by_label("Keep theirs").is_none());
    // One undo brings the conflict back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(doc(&harness).conflicts.len(), 1);
    assert_eq!(doc(&harness).title, "Mine");
}

#[test]
fn a_conflict_edited_by_hand_is_kept_as_edited() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut harness) = titles_in_conflict(dir.path());
    focus_window(&mut harness);
    click(&mut harness, "Merge and settle the conflicts");

    // Edit goes to the field; a new title of one's own is offered to keep.
    click(&mut harness, "Edit in place");
    assert_eq!(harness.state().part(), Part::Overview);
    retype(&mut harness, "Title", "Mine and theirs");
    harness.state_mut().show_part(Part::Checks);
    harness.run();
    click(&mut harness, "Keep as edited");
    let settled = doc(&harness);
    assert_eq!(settled.title, "Mine and theirs");
    assert!(settled.conflicts.is_empty());
}

#[test]
fn saving_over_a_conflicting_change_offers_to_merge() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut harness) = titles_in_conflict(dir.path());

    save(&mut harness);
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "The file changed on disk");
    harness.get_by_label_contains("1 conflict where both changed the same thing");
    click(&mut harness, "Merge");
    assert_eq!(
        storage::load(&path).unwrap().title,
        "Theirs",
        "nothing written"
    );
    assert_eq!(doc(&harness).conflicts.len(), 1);
    assert!(harness.state().document().is_dirty());

    // Saved with its conflict, the file still opens and says what is left to settle.
    save(&mut harness);
    let on_disk = storage::load(&path).unwrap();
    assert_eq!(on_disk.title, "Mine");
    assert_eq!(on_disk.conflicts.len(), 1);
}

#[test]
fn cancelling_the_save_question_keeps_the_bars_offer_to_merge() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut harness) = titles_in_conflict(dir.path());
    focus_window(&mut harness);
    harness.get_by_label("Merge and settle the conflicts");

    save(&mut harness);
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "The file changed on disk");
    click(&mut harness, "Cancel");
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Dialog, "The file changed on disk")
            .is_none()
    );
    // The bar still says what merging would leave, and still merges.
    harness.get_by_label_contains("except for 1 thing you both changed differently");
    click(&mut harness, "Merge and settle the conflicts");
    assert_eq!(doc(&harness).conflicts.len(), 1);
    assert_eq!(doc(&harness).title, "Mine");
}

#[test]
fn a_file_opened_with_conflicts_lists_them_in_checks() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let base = storage::load(&path).unwrap();
    let mut ours = base.clone();
    "Pager alert".clone_into(&mut ours.timeline[1].event);
    let mut other = base.clone();
    "Datadog alert".clone_into(&mut other.timeline[1].event);
    let merged = hindsight::model::merge(&base, &ours, &other).unwrap().doc;
    storage::save(&path, &merged).unwrap();

    let mut harness = editor_on_file(&path);
    harness.state_mut().show_part(Part::Checks);
    harness.run();
    harness.get_by_label_contains("Merge conflict in timeline row");
    click(&mut harness, "Keep mine");
    let settled = doc(&harness);
    assert!(settled.conflicts.is_empty());
    assert_eq!(settled.timeline[1].event, "Pager alert");
}

#[test]
fn the_bar_appearing_leaves_the_keyboard_in_the_field_being_typed_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = example_file(dir.path(), "inc-620.ron");
    let mut harness = editor_on_file(&path);
    retype(&mut harness, "Title", "Mine");
    assert!(harness.get_by_label("Title").is_focused());
    rewrite_on_disk(&path, |doc| "Theirs".clone_into(&mut doc.title));
    focus_window(&mut harness);
    let bar = harness.get_by_label_contains("except for 1 thing you both changed differently");
    assert_eq!(
        bar.accesskit_node().live(),
        egui::accesskit::Live::Polite,
        "a screen reader says the bar as it appears"
    );
    assert!(
        harness.get_by_label("Title").is_focused(),
        "the bar took the keyboard from the field"
    );
    // Typing goes on where it was.
    harness.get_by_label("Title").type_text(" still");
    harness.run();
    assert_eq!(doc(&harness).title, "Mine still");
}
