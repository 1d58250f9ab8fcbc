//! The three tables as assistive technology and the keyboard meet them: every control sits in
//! a cell of its row inside a named table, headers are column headers, controls say what they
//! hold, and rows that open something open from the keyboard too.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use common::{Queryable, ScriptedDialogs, click, editor_with_example, retype};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;
use hindsight::app::HindsightApp;

/// The roles and names from a control up to the window: (role, name) of each ancestor that
/// a screen reader would show (egui's unnamed layout containers are left out, as AT-SPI
/// leaves them out).
fn ancestors(harness: &Harness<'_, HindsightApp>, control: &str) -> Vec<(Role, String)> {
    let node = harness.get_by_label(control);
    let mut found = Vec::new();
    let mut parent = node.accesskit_node().parent();
    while let Some(node) = parent {
        if node.role() != Role::GenericContainer {
            found.push((node.role(), node.label().unwrap_or_default()));
        }
        parent = node.parent();
    }
    found
}

/// Asserts that `control` is in a cell, in the row named `row`, in the table named `table`.
fn assert_in_table(harness: &Harness<'_, HindsightApp>, control: &str, row: &str, table: &str) {
    let chain = ancestors(harness, control);
    let position = |role: Role| chain.iter().position(|(found, _)| *found == role);
    let (cell, row_at, table_at) = (
        position(Role::Cell),
        position(Role::Row),
        position(Role::Table),
    );
    assert!(
        cell.is_some() && cell < row_at && row_at < table_at,
        "{control} is not in a cell of a row of a table: {chain:?}"
    );
    assert_eq!(chain[row_at.unwrap()].1, row, "{control}'s row");
    assert_eq!(chain[table_at.unwrap()].1, table, "{control}'s table");
}

fn column_headers(harness: &Harness<'_, HindsightApp>) -> usize {
    harness
        .get_all_by(|node| node.role() == Role::ColumnHeader)
        .count()
}

#[test]
fn every_timeline_control_is_in_its_row_of_the_timeline_table() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Timeline (13)");
    for row in [1, 7, 13] {
        for control in [
            format!("Drag row {row}"),
            format!("Time, row {row}"),
            format!("Event, row {row}"),
            format!("Notes, row {row}"),
            format!("Actor, row {row}"),
            format!("Evidence, row {row}"),
            format!("Marker, row {row}"),
            format!("Star row {row}"),
        ] {
            assert_in_table(&harness, &control, &format!("Row {row}"), "Timeline");
        }
    }
    assert_in_table(&harness, "Open evidence, row 1", "Row 1", "Timeline");
    assert_eq!(column_headers(&harness), 8);
    // Every control says what it holds, not only what it is.
    let value = |label: &str| harness.get_by_label(label).value().unwrap_or_default();
    assert_eq!(value("Time, row 1"), "2025-08-01 14:03");
    assert_eq!(value("Time, row 2"), "14:05");
    assert_eq!(value("Marker, row 2"), "Detected");
    assert_eq!(value("Marker, row 3"), "\u{2014}");
    let star = |label: &str| harness.get_by_label(label).accesskit_node().toggled();
    assert_eq!(star("Star row 1"), Some(egui::accesskit::Toggled::True));
    assert_eq!(star("Star row 3"), Some(egui::accesskit::Toggled::False));
}

#[test]
fn every_action_item_control_is_in_its_row_of_the_action_items_table() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Action items (6)");
    for item in [1, 6] {
        for control in [
            format!("Drag item {item}"),
            format!("Action, item {item}"),
            format!("Owner, item {item}"),
            format!("Choose owner, item {item}"),
            format!("Due date, item {item}"),
            format!("Pick due date, item {item}"),
            format!("Status, item {item}"),
            format!("Priority, item {item}"),
        ] {
            assert_in_table(&harness, &control, &format!("Item {item}"), "Action items");
        }
    }
    assert_eq!(column_headers(&harness), 10);
    let value = |label: &str| harness.get_by_label(label).value().unwrap_or_default();
    assert_eq!(value("Owner, item 1"), "Priya L.");
    assert_eq!(value("Choose owner, item 1"), "Priya L.");
    assert_eq!(value("Pick due date, item 1"), "2025-08-05");
    assert_eq!(value("Status, item 1"), "Open");
    assert_eq!(value("Priority, item 1"), "High");
    // An item with no due date: its picker says so, not the day its calendar opens on.
    retype(&mut harness, "Due date, item 1", "");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().document().doc().action_items[0].due, None);
    assert_eq!(
        harness
            .get_by_label("Pick due date, item 1")
            .value()
            .unwrap_or_default(),
        "no due date"
    );
}

#[test]
fn clicking_a_row_number_selects_the_row_and_delete_removes_it() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Timeline (13)");
    let third = harness.state().document().doc().timeline[2].clone();
    click(&mut harness, "Drag row 3");
    harness.key_press(egui::Key::Delete);
    harness.run();
    let timeline = &harness.state().document().doc().timeline;
    assert_eq!(timeline.len(), 12);
    assert!(timeline.iter().all(|row| row.id != third.id));
}

/// The text a screen reader reads in a field: its text runs, in order.
fn text_runs(harness: &Harness<'_, HindsightApp>, field: &str) -> String {
    harness
        .get_by_label(field)
        .accesskit_node()
        .children()
        .filter(|child| child.role() == Role::TextRun)
        .map(|run| run.value().unwrap_or_default())
        .collect()
}

#[test]
fn a_cell_nobody_is_typing_in_is_a_text_field_with_its_words_for_a_screen_reader() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Timeline (13)");
    let event = harness.state().document().doc().timeline[1].event.clone();
    let field = harness.get_by_label("Event, row 2");
    assert!(!field.is_focused());
    assert_eq!(field.accesskit_node().role(), Role::TextInput);
    assert_eq!(field.value().unwrap_or_default(), event);
    assert_eq!(text_runs(&harness, "Event, row 2"), event);

    // A sentence cut short with "…" in its row still gives every word.
    click(&mut harness, "Action items (6)");
    let long = "Add a synthetic probe that logs in through the public load balancer every \
                minute from three regions, and page the on-call engineer when two regions fail";
    harness
        .get_by_label("Action, item 1")
        .set_text_value_accesskit(long);
    harness.run();
    assert_eq!(
        harness.state().document().doc().action_items[0].action,
        long
    );
    let action = harness.get_by_label("Action, item 1");
    assert!(!action.is_focused());
    assert_eq!(action.accesskit_node().role(), Role::TextInput);
    assert_eq!(action.value().unwrap_or_default(), long);
    assert_eq!(text_runs(&harness, "Action, item 1"), long);
}

#[test]
fn a_screen_reader_sets_a_cells_text_without_moving_the_keyboard_there() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Timeline (13)");
    click(&mut harness, "Notes, row 1");
    harness
        .get_by_label("Event, row 3")
        .set_text_value_accesskit("Rollback started by hand");
    harness.run();
    assert_eq!(
        harness.state().document().doc().timeline[2].event,
        "Rollback started by hand"
    );
    assert!(harness.get_by_label("Notes, row 1").is_focused());
    // One edit, undone as one.
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_ne!(
        harness.state().document().doc().timeline[2].event,
        "Rollback started by hand"
    );
}

#[test]
fn a_timeline_longer_than_the_window_leaves_room_for_its_scroll_bar_and_does_not_scroll_sideways() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Timeline (13)");
    let lines: Vec<String> = (0..40)
        .map(|minute| format!("15:{minute:02} step {minute}"))
        .collect();
    let lines = lines.join("\n");
    common::paste_below_row_13(&mut harness, &lines);
    click(&mut harness, "Add 40 rows");
    let table = harness
        .get_by_role_and_label(Role::Table, "Timeline")
        .rect();
    let star = harness
        .get_by_role_and_label(Role::ColumnHeader, "Star")
        .rect();
    // The vertical scroll bar sits right of the last column, not over it: the columns end
    // before the table's edge by at least the bar's width.
    assert!(
        star.right() + 6.0 <= table.right(),
        "the Star column reaches {} under the scroll bar of a table ending at {}",
        star.right(),
        table.right()
    );
    // The paste form, tall for those 40 rows, is as short as one row needs the next time.
    common::paste_below_row_13(&mut harness, "16:00 one more");
    let count = harness.get_by_label("1 row to add").rect();
    let add = harness.get_by_label("Add 1 row").rect();
    assert!(
        add.top() - count.bottom() < 150.0,
        "the form keeps {} points between its one row and its buttons",
        add.top() - count.bottom()
    );
}
