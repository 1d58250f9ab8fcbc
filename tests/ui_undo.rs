//! Undo and redo, from the keyboard and the Edit menu.

#![allow(
    clippy::unwrap_used,
    reason = "a panic in a test is a failed test with its message"
)]

mod common;

use common::{Queryable, ScriptedDialogs, click, editor_with_example, retype};

#[test]
fn a_burst_of_typing_is_one_step_and_undo_back_to_saved_is_clean() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    let original = harness.state().document().doc().title.clone();
    retype(&mut harness, "Title", "Slow API");
    harness.get_by_label("Title").type_text(" today");
    harness.run();
    assert_eq!(harness.state().document().doc().title, "Slow API today");
    assert!(harness.state().document().is_dirty());

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().document().doc().title, original);
    assert!(
        !harness.state().document().is_dirty(),
        "back at the saved state"
    );

    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run();
    assert_eq!(harness.state().document().doc().title, "Slow API today");
    assert!(harness.state().document().is_dirty());
}

#[test]
fn the_edit_menu_names_what_it_will_undo() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Timeline (13)");
    harness.key_press_modifiers(egui::Modifiers::NONE, egui::Key::Escape);
    click(&mut harness, "Event, row 3");
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowUp);
    harness.run();
    let moved = harness.state().document().doc().timeline[1].event.clone();
    harness.key_press(egui::Key::Escape);
    harness.run();
    click(&mut harness, "Edit");
    harness
        .get_by_label_contains("Undo move timeline row")
        .click();
    harness.run();
    assert_ne!(harness.state().document().doc().timeline[1].event, moved);
    // Ctrl+Y redoes, as on Windows.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    harness.run();
    assert_eq!(harness.state().document().doc().timeline[1].event, moved);
}

#[test]
fn a_hundred_steps_can_be_undone() {
    use hindsight::app::OpenDocument;
    use hindsight::model::{ActionItem, Edit, ListEdit};
    let example = hindsight::example::example_postmortem().unwrap();
    let mut document = OpenDocument::untitled(example);
    for _ in 0..150 {
        document.apply(Edit::Actions(ListEdit::Push(ActionItem::default())));
    }
    assert_eq!(document.doc().action_items.len(), 156);
    assert_eq!(document.undo_label(), Some("add action item"));
    for _ in 0..150 {
        assert!(document.undo());
    }
    assert_eq!(document.doc().action_items.len(), 6);
    assert!(!document.is_dirty());
    assert!(!document.undo(), "nothing older");
    assert!(document.redo());
    assert_eq!(document.doc().action_items.len(), 7);
}
