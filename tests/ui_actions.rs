//! The action-item tracker, driven as a person would, with "today" fixed at 2025-08-10.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use chrono::NaiveDate;
use common::{Queryable, ScriptedDialogs, choose, click, editor_with_example, retype, today};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;
use hindsight::app::HindsightApp;
use hindsight::model::{ActionStatus, Postmortem};

fn doc(harness: &Harness<'_, HindsightApp>) -> Postmortem {
    harness.state().document().doc().clone()
}

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, month, day).unwrap()
}

fn tracker() -> Harness<'static, HindsightApp> {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Action items (6)");
    harness
}

/// The due dates of the listed items, top to bottom.
fn listed_dues(harness: &Harness<'_, HindsightApp>) -> Vec<String> {
    let mut fields: Vec<(f32, String)> = harness
        .get_all_by(|node| {
            node.label()
                .is_some_and(|label| label.starts_with("Due date, item"))
        })
        .map(|node| (node.rect().top(), node.value().unwrap_or_default()))
        .collect();
    fields.sort_by(|a, b| a.0.total_cmp(&b.0));
    fields.into_iter().map(|(_, value)| value).collect()
}

#[test]
fn the_summary_line_says_what_is_late() {
    let harness = tracker();
    harness.get_by_label("6 actions \u{b7} 2 overdue \u{b7} 2 due this week \u{b7} 0 done");
    harness.get_by_label("5 days overdue");
    harness.get_by_label("2 days overdue");
    harness.get_by_label("due in 2 days");
    harness.get_by_label("due in 5 days");
}

#[test]
fn adding_an_item_and_setting_owner_and_due_date() {
    let mut harness = tracker();
    harness.get_by_label("SEV-2: new actions are due in 4 weeks");
    click(&mut harness, "Add action item");
    let added = doc(&harness).action_items[6].clone();
    assert_eq!(added.due, Some(day(9, 7)), "SEV-2: four weeks from today");
    assert!(harness.get_by_label("Action, item 7").is_focused());
    harness
        .get_by_label("Action, item 7")
        .type_text("Alert on connection-pool saturation");
    harness.run();
    choose(&mut harness, "Choose owner, item 7", "Bob M.");
    retype(&mut harness, "Due date, item 7", "2025-08-20");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let added = doc(&harness).action_items[6].clone();
    assert_eq!(added.action, "Alert on connection-pool saturation");
    assert_eq!(added.owner, "Bob M.");
    assert_eq!(added.due, Some(day(8, 20)));
}

#[test]
fn a_due_date_that_is_not_a_date_is_kept_and_marked() {
    let mut harness = tracker();
    retype(&mut harness, "Due date, item 2", "2025-02-30");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(doc(&harness).action_items[1].due, Some(day(8, 12)));
    assert_eq!(
        harness.get_by_label("Due date, item 2").value().as_deref(),
        Some("2025-02-30")
    );
}

#[test]
fn marking_done_records_today_and_reopening_clears_it() {
    let mut harness = tracker();
    choose(&mut harness, "Status, item 1", "Done");
    let item = doc(&harness).action_items[0].clone();
    assert_eq!(item.status, ActionStatus::Done);
    assert_eq!(item.completed, Some(today()));
    harness.get_by_label("6 actions \u{b7} 1 overdue \u{b7} 2 due this week \u{b7} 1 done");
    choose(&mut harness, "Status, item 1", "Open");
    assert_eq!(doc(&harness).action_items[0].completed, None);
}

#[test]
fn sorting_by_due_date_and_reversing() {
    let mut harness = tracker();
    click(&mut harness, "Sort by due date");
    assert_eq!(
        listed_dues(&harness),
        [
            "2025-08-05",
            "2025-08-08",
            "2025-08-12",
            "2025-08-15",
            "2025-08-19",
            "2025-08-22"
        ]
    );
    click(&mut harness, "Sort by due date (ascending)");
    assert_eq!(listed_dues(&harness)[0], "2025-08-22");
    // Sorting is a view: the document keeps its hand order.
    assert_eq!(doc(&harness).action_items[0].due, Some(day(8, 5)));
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn the_overdue_filter_shows_exactly_the_late_items() {
    let mut harness = tracker();
    click(&mut harness, "Overdue");
    assert_eq!(listed_dues(&harness), ["2025-08-05", "2025-08-08"]);
    click(&mut harness, "Due in 7 days");
    assert_eq!(listed_dues(&harness), ["2025-08-12", "2025-08-15"]);
    click(&mut harness, "All");
    assert_eq!(listed_dues(&harness).len(), 6);
}

#[test]
fn owner_filter_and_search() {
    let mut harness = tracker();
    choose(&mut harness, "Owner", "Priya L.");
    assert_eq!(listed_dues(&harness), ["2025-08-05", "2025-08-22"]);
    choose(&mut harness, "Owner", "Everyone");
    retype(&mut harness, "Search", "staging");
    assert_eq!(listed_dues(&harness), ["2025-08-19"]);
}

#[test]
fn deleting_an_item() {
    let mut harness = tracker();
    click(&mut harness, "Delete item 3");
    assert_eq!(doc(&harness).action_items.len(), 5);
    assert!(
        doc(&harness)
            .action_items
            .iter()
            .all(|item| item.owner != "Alice R.")
    );
}

#[test]
fn every_cell_of_an_unselected_row_edits_on_the_first_click() {
    let mut harness = tracker();
    // Row 3 is not selected: its cells are drawn at rest, yet one click puts the keyboard
    // in the owner field, with its text.
    click(&mut harness, "Owner, item 3");
    let owner = harness.get_by_label("Owner, item 3");
    assert!(owner.is_focused());
    assert_eq!(owner.value().as_deref(), Some("Alice R."));
    retype(&mut harness, "Owner, item 3", "Dana W.");
    assert_eq!(doc(&harness).action_items[2].owner, "Dana W.");

    // Tab walks on through the row's controls: the owner picker, then the due date.
    harness.key_press(egui::Key::Tab);
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert!(harness.get_by_label("Due date, item 3").is_focused());

    // A drop-down of another row opens on its first click.
    choose(&mut harness, "Kind, item 5", "Mitigate");
    assert_eq!(
        doc(&harness).action_items[4].kind,
        hindsight::model::ActionKind::Mitigate
    );
}

#[test]
fn selecting_a_row_does_not_move_its_controls() {
    let mut harness = tracker();
    let parts = [
        "Action",
        "Owner",
        "Choose owner",
        "Due date",
        "Pick due date",
        "Status",
        "Priority",
        "Kind",
        "Ticket",
    ];
    // Item 4 has the widest kind ("Mitigate"), so its drop-down is the likeliest to grow.
    let at_rest: Vec<egui::Rect> = parts
        .iter()
        .map(|part| harness.get_by_label(&format!("{part}, item 4")).rect())
        .collect();
    click(&mut harness, "Drag item 4");
    // The row is live now: its action is a real text field that takes typing.
    click(&mut harness, "Action, item 4");
    assert!(harness.get_by_label("Action, item 4").is_focused());
    for (part, rest) in parts.iter().zip(at_rest) {
        let live = harness.get_by_label(&format!("{part}, item 4")).rect();
        assert!(
            (live.left() - rest.left()).abs() < 0.5 && (live.width() - rest.width()).abs() < 0.5,
            "{part}: at rest {rest:?}, live {live:?}"
        );
    }
}

#[test]
fn dragging_item_5_above_item_1() {
    let mut harness = tracker();
    let before = doc(&harness).action_items;
    let from = harness.get_by_label("Drag item 5").rect().center();
    let target = harness.get_by_label("Action, item 1").rect();
    let to = egui::pos2(target.center().x, target.top() + 2.0);
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=10 {
        let t = step as f32 / 10.0;
        harness.hover_at(from + (to - from) * t);
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
    let after = doc(&harness).action_items;
    assert_eq!(after[0], before[4]);
    assert_eq!(after[1..5], before[0..4]);
    assert_eq!(after[5..], before[5..]);
}

#[test]
fn dragging_from_anywhere_but_the_handle_moves_nothing() {
    let mut harness = tracker();
    let before = doc(&harness).action_items;
    let from = harness.get_by_label("5 days overdue").rect().center();
    let to = harness.get_by_label("Action, item 1").rect().center();
    harness.drag_at(from);
    harness.run();
    for step in 1..=10 {
        let t = step as f32 / 10.0;
        harness.hover_at(from + (to - from) * t);
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
    assert_eq!(doc(&harness).action_items, before);
}

#[test]
fn the_calendar_of_an_unselected_row_opens_on_one_click() {
    let mut harness = tracker();
    click(&mut harness, "Pick due date, item 4");
    // The picker is open: pick the 20th and save.
    let twentieth = harness
        .get_all_by_label("20")
        .last()
        .unwrap()
        .rect()
        .center();
    harness.hover_at(twentieth);
    harness.drag_at(twentieth);
    harness.run();
    harness.drop_at(twentieth);
    harness.run();
    click(&mut harness, "Save");
    assert_eq!(doc(&harness).action_items[3].due, Some(day(8, 20)));
}

#[test]
fn tab_walks_from_one_row_into_the_next() {
    let mut harness = tracker();
    click(&mut harness, "Ticket, item 2");
    assert!(harness.get_by_label("Ticket, item 2").is_focused());
    // Past the delete button, into item 3, which comes alive with its action field focused.
    for _ in 0..2 {
        harness.key_press(egui::Key::Tab);
        harness.run();
    }
    assert!(harness.get_by_label("Action, item 3").is_focused());
    // And back the same way: the delete button of item 2, then its ticket.
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
    harness.run();
    assert!(harness.get_by_label("Delete item 2").is_focused());
    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
    harness.run();
    assert!(harness.get_by_label("Ticket, item 2").is_focused());
}

#[test]
fn assistive_technology_reaches_the_controls_of_every_row_in_view() {
    let mut harness = tracker();
    harness.get_by_label("Owner, item 5").focus();
    harness.run();
    let owner = harness.get_by_label("Owner, item 5");
    assert!(owner.is_focused());
    assert_eq!(owner.value().as_deref(), Some("Sarah K."));
    // A drop-down of a row never touched still says what it holds.
    let status = harness.get_by_label("Status, item 2");
    assert!(status.value().is_some_and(|value| !value.is_empty()));
}

#[test]
fn in_a_narrow_window_the_header_scrolls_sideways_with_the_rows() {
    let mut harness = tracker();
    harness.set_size(egui::vec2(900.0, 700.0));
    harness.run();
    let window = 900.0;
    let delete = |harness: &Harness<'_, HindsightApp>| {
        harness
            .query_by_label("Delete item 1")
            .map(|node| node.rect().left())
    };
    let action =
        |harness: &Harness<'_, HindsightApp>| harness.get_by_label("Action, item 1").rect().left();
    // The last column is past the right edge until the table is scrolled sideways.
    assert!(delete(&harness).is_none_or(|left| left >= window));
    let before = action(&harness);
    harness.hover_at(harness.get_by_label("Owner, item 2").rect().center());
    harness.run();
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(-2000.0, 0.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    assert!(delete(&harness).is_some_and(|left| left < window));
    assert!(
        harness
            .query_by_label("Action, item 1")
            .is_none_or(|node| node.rect().left() < before - 100.0),
        "the rows scrolled"
    );
    let header = harness
        .get_by_role_and_label(egui::accesskit::Role::Label, "Ticket")
        .rect()
        .left();
    let cell = harness.get_by_label("Ticket, item 1").rect().left();
    assert!(
        (header - cell).abs() < 0.5,
        "header {header} and cells {cell} stay in line"
    );
}

#[test]
fn declining_an_item_asks_why_and_cancel_leaves_it_open() {
    let mut harness = tracker();
    choose(&mut harness, "Status, item 3", "Won't do");
    let question = "Why won\u{2019}t item 3 be done?";
    let field = "Reason for declining item 3";
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, question);
    assert!(
        harness.get_by_label(field).is_focused(),
        "the keyboard goes to the answer"
    );
    assert_eq!(doc(&harness).action_items[2].status, ActionStatus::Open);
    click(&mut harness, "Cancel");
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Dialog, question)
            .is_none()
    );
    assert_eq!(doc(&harness).action_items[2].status, ActionStatus::Open);

    choose(&mut harness, "Status, item 3", "Won't do");
    assert!(
        harness
            .get_by_label("Mark as Won\u{2019}t do")
            .accesskit_node()
            .is_disabled(),
        "no reason, no decline"
    );
    harness
        .get_by_label(field)
        .type_text("Staging moves to sampled data in Q4");
    harness.run();
    click(&mut harness, "Mark as Won\u{2019}t do");
    let item = doc(&harness).action_items[2].clone();
    assert_eq!(item.status, ActionStatus::WontDo);
    assert_eq!(item.declined_reason, "Staging moves to sampled data in Q4");
    // The reason shows in the row, where it can be corrected.
    assert_eq!(
        harness
            .get_by_label("Why not done, item 3")
            .value()
            .as_deref(),
        Some("Staging moves to sampled data in Q4")
    );
    retype(&mut harness, "Why not done, item 3", "Replaced by OPS-77");
    assert_eq!(
        doc(&harness).action_items[2].declined_reason,
        "Replaced by OPS-77"
    );
}

/// How many nodes show exactly `text`: the field itself, and its tooltip when one shows.
fn shown_times(harness: &Harness<'_, HindsightApp>, text: &str) -> usize {
    harness
        .query_all(egui_kittest::kittest::By::new().predicate(|node| {
            node.value().as_deref() == Some(text) || node.label().as_deref() == Some(text)
        }))
        .count()
}

/// Rests the pointer on the labelled field long enough for a tooltip.
fn rest_on(harness: &mut Harness<'_, HindsightApp>, label: &str) {
    harness.get_by_label(label).hover();
    for _ in 0..60 {
        harness.step();
    }
}

#[test]
fn at_1400_pixels_every_action_of_the_example_is_read_whole() {
    let mut harness = tracker();
    for (index, item) in doc(&harness).action_items.iter().enumerate() {
        let label = format!("Action, item {}", index + 1);
        rest_on(&mut harness, &label);
        // The field holds the whole action, so no tooltip repeats it.
        assert_eq!(shown_times(&harness, &item.action), 1, "{label}");
    }
    // No time-left column stands beside the due date: the time left is under it.
    let due = harness.get_by_label("Due date, item 1").rect();
    let late = harness.get_by_label("5 days overdue").rect();
    assert!(late.top() >= due.bottom() - 1.0, "{due:?} {late:?}");
    assert!(late.left() < due.right(), "{due:?} {late:?}");

    // In a small window the longest action does not fit, and the pointer shows it whole.
    let mut small = common::harness_at(
        common::app_with(
            hindsight::app::OpenDocument::untitled(
                hindsight::example::example_postmortem().unwrap(),
            ),
            &ScriptedDialogs::default(),
        ),
        egui::vec2(1024.0, 640.0),
    );
    click(&mut small, "Action items (6)");
    let longest = doc(&small).action_items[1].action.clone();
    rest_on(&mut small, "Action, item 2");
    assert_eq!(shown_times(&small, &longest), 2);
}

#[test]
fn a_declined_items_reason_is_read_whole_on_hover() {
    let mut harness = tracker();
    choose(&mut harness, "Status, item 3", "Won't do");
    let reason = "Staging moves to sampled production data in Q4, which the data platform \
                  team owns; their migration plan covers the size and distribution gap";
    harness
        .get_by_label("Reason for declining item 3")
        .type_text(reason);
    harness.run();
    click(&mut harness, "Mark as Won\u{2019}t do");
    assert_eq!(doc(&harness).action_items[2].declined_reason, reason);
    rest_on(&mut harness, "Why not done, item 3");
    assert_eq!(shown_times(&harness, reason), 2);
}
