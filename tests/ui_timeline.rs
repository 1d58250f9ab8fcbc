//! The timeline editor, driven as a person would: typing rows, dragging, keyboard moves,
//! sorting, markers and paste from chat.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use std::fmt::Write as _;

use chrono::{DateTime, TimeZone, Utc};
use common::{
    Queryable, ScriptedDialogs, click, editor, editor_with_example, opened_urls, retype,
    timeline_menu,
};
use egui_kittest::Harness;
use hindsight::app::{HindsightApp, OpenDocument};
use hindsight::model::{KeyTime, Marker, Postmortem, TimelineRow};

fn doc(harness: &Harness<'_, HindsightApp>) -> Postmortem {
    harness.state().document().doc().clone()
}

fn events(harness: &Harness<'_, HindsightApp>) -> Vec<String> {
    doc(harness)
        .timeline
        .iter()
        .map(|row| row.event.clone())
        .collect()
}

fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 8, day, hour, minute, 0).unwrap()
}

fn row(event: &str, time: Option<DateTime<Utc>>) -> TimelineRow {
    TimelineRow {
        event: event.to_owned(),
        time,
        ..TimelineRow::default()
    }
}

/// The editor on the timeline of the example.
fn example_timeline() -> Harness<'static, HindsightApp> {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Timeline (13)");
    harness
}

/// The editor on the timeline of a document with these rows.
fn timeline_of(rows: Vec<TimelineRow>) -> Harness<'static, HindsightApp> {
    let count = rows.len();
    let document = Postmortem {
        title: "Test".to_owned(),
        timeline: rows,
        ..Postmortem::default()
    };
    let mut harness = editor(
        OpenDocument::untitled(document),
        &ScriptedDialogs::default(),
    );
    click(&mut harness, &format!("Timeline ({count})"));
    harness
}

fn type_text(harness: &mut Harness<'_, HindsightApp>, label: &str, text: &str) {
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn a_row_is_added_by_typing_a_time_and_an_event() {
    let mut harness = example_timeline();
    click(&mut harness, "Add row");
    // The new row's time cell has the keyboard: type, Tab, type.
    assert!(harness.get_by_label("Time, row 14").is_focused());
    type_text(&mut harness, "Time, row 14", "15:02");
    harness.key_press(egui::Key::Tab);
    harness.run();
    type_text(&mut harness, "Event, row 14", "Postmortem meeting booked");
    let added = doc(&harness).timeline[13].clone();
    assert_eq!(
        added.time,
        Some(at(1, 15, 2)),
        "the date comes from the row above"
    );
    assert_eq!(added.event, "Postmortem meeting booked");
}

#[test]
fn the_example_can_be_typed_from_the_keyboard_alone() {
    let mut harness = timeline_of(Vec::new());
    click(&mut harness, "Add row");
    type_text(&mut harness, "Time, row 1", "2025-08-01 14:03");
    harness.key_press(egui::Key::Tab);
    harness.run();
    type_text(&mut harness, "Event, row 1", "Alert fired");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Enter);
    harness.run();
    assert!(harness.get_by_label("Time, row 2").is_focused());
    type_text(&mut harness, "Time, row 2", "14:05");
    harness.key_press(egui::Key::Tab);
    harness.run();
    type_text(&mut harness, "Event, row 2", "On-call paged");
    harness.key_press(egui::Key::Tab);
    harness.run();
    type_text(&mut harness, "Notes, row 2", "Acknowledged within 1 min");
    harness.key_press(egui::Key::Escape);
    harness.run();
    let rows = doc(&harness).timeline;
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].time, Some(at(1, 14, 3)));
    assert_eq!(rows[1].time, Some(at(1, 14, 5)));
    assert_eq!(rows[1].notes, "Acknowledged within 1 min");
}

#[test]
fn dragging_row_5_above_row_1() {
    let mut harness = example_timeline();
    let before = events(&harness);
    let from = harness.get_by_label("Drag row 5").rect().center();
    let target = harness.get_by_label("Event, row 1").rect();
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
    let after = events(&harness);
    assert_eq!(after[0], before[4]);
    assert_eq!(after[1..5], before[0..4]);
    assert_eq!(after[5..], before[5..]);
    assert!(harness.state().document().is_dirty());
}

#[test]
fn alt_up_and_alt_down_move_the_selected_row() {
    let mut harness = example_timeline();
    let before = events(&harness);
    click(&mut harness, "Event, row 3");
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowUp);
    harness.run();
    let after = events(&harness);
    assert_eq!(after[1], before[2]);
    assert_eq!(after[2], before[1]);
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    harness.run();
    assert_eq!(events(&harness), before);
}

#[test]
fn up_down_select_and_delete_removes_the_selected_row() {
    let mut harness = example_timeline();
    click(&mut harness, "Event, row 2");
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    let third = events(&harness)[2].clone();
    harness.key_press(egui::Key::Delete);
    harness.run();
    assert_eq!(doc(&harness).timeline.len(), 12);
    assert!(!events(&harness).contains(&third));
}

#[test]
fn sort_by_time_keeps_equal_times_in_order_and_untimed_rows_in_place() {
    let mut harness = timeline_of(vec![
        row("14:10", Some(at(1, 14, 10))),
        row("after 14:10, no time", None),
        row("14:03 first", Some(at(1, 14, 3))),
        row("14:03 second", Some(at(1, 14, 3))),
    ]);
    // Only the 14:10 row is out of place; the rows after it are in order.
    harness.get_by_label_contains("1 out of time order");
    click(&mut harness, "Sort by time");
    assert_eq!(
        events(&harness),
        [
            "14:03 first",
            "14:03 second",
            "14:10",
            "after 14:10, no time"
        ]
    );
    assert!(
        harness
            .query_by_label_contains("out of time order")
            .is_none()
    );
}

#[test]
fn a_time_only_entry_after_midnight_goes_to_the_next_day() {
    let mut harness = timeline_of(vec![row("late evening", Some(at(1, 23, 50)))]);
    click(&mut harness, "Add row");
    type_text(&mut harness, "Time, row 2", "00:10");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(doc(&harness).timeline[1].time, Some(at(2, 0, 10)));
    assert_eq!(
        harness.get_by_label("Time, row 2").value().as_deref(),
        Some("2025-08-02 00:10"),
        "the date shows where it changes"
    );
}

#[test]
fn a_time_a_little_earlier_than_the_row_above_stays_on_its_day_and_shows_out_of_order() {
    let mut harness = timeline_of(vec![row("rollback started", Some(at(1, 14, 10)))]);
    click(&mut harness, "Add row");
    type_text(&mut harness, "Time, row 2", "14:05");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(doc(&harness).timeline[1].time, Some(at(1, 14, 5)));
    assert_eq!(
        harness.get_by_label("Time, row 2").value().as_deref(),
        Some("14:05"),
        "no date shown: it did not move to another day"
    );
    harness.get_by_label_contains("1 out of time order");
}

#[test]
fn twelve_hour_and_approximate_times_are_accepted_in_a_cell() {
    let mut harness = timeline_of(vec![row("alert fired", Some(at(1, 14, 3)))]);
    click(&mut harness, "Add row");
    type_text(&mut harness, "Time, row 2", "2:45 PM");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(doc(&harness).timeline[1].time, Some(at(1, 14, 45)));
    assert_eq!(
        harness.get_by_label("Time, row 2").value().as_deref(),
        Some("14:45")
    );

    click(&mut harness, "Add row");
    type_text(&mut harness, "Time, row 3", "~3 PM");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let third = doc(&harness).timeline[2].clone();
    assert_eq!(third.time, Some(at(1, 15, 0)));
    assert_eq!(third.notes, "Time approximate: 15:00");
}

#[test]
fn an_unreadable_time_is_marked_in_place_and_nothing_is_lost() {
    let mut harness = example_timeline();
    click(&mut harness, "Time, row 4");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    type_text(&mut harness, "Time, row 4", "around ten past");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(doc(&harness).timeline[3].time, Some(at(1, 14, 9)));
    assert_eq!(
        harness.get_by_label("Time, row 4").value().as_deref(),
        Some("around ten past")
    );
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn marking_a_row_mitigated_sets_the_key_time() {
    let mut harness = example_timeline();
    click(&mut harness, "Marker, row 8");
    // The open list offers every marker; choose Mitigated.
    let option = harness
        .get_all_by_label("Mitigated")
        .find(|node| node.rect().top() > harness.get_by_label("Marker, row 8").rect().top())
        .unwrap()
        .rect()
        .center();
    harness.hover_at(option);
    harness.drag_at(option);
    harness.run();
    harness.drop_at(option);
    harness.run();
    let marked = doc(&harness);
    assert_eq!(marked.timeline[7].marker, Marker::Mitigated);
    assert_eq!(
        marked.timeline[8].marker,
        Marker::Unmarked,
        "only one row holds a marker"
    );
    assert_eq!(
        marked.key_times.get(KeyTime::Mitigated),
        Some(at(1, 14, 18))
    );
}

#[test]
fn pasting_chat_lines_previews_and_reports_the_bad_line() {
    let mut harness = example_timeline();
    common::paste_below_row_13(
        &mut harness,
        "[14:50] alice: status page closed\n\nlooks good to me\n14:55:30 bob: dashboards archived\n",
    );
    harness.get_by_label("2 rows to add");
    harness.get_by_label_contains("Line 3: no time at the start");
    click(&mut harness, "Add 2 rows");
    let rows = doc(&harness).timeline;
    assert_eq!(rows.len(), 15);
    assert_eq!(rows[13].event, "status page closed");
    assert_eq!(rows[13].actor.as_deref(), Some("alice"));
    assert_eq!(rows[13].time, Some(at(1, 14, 50)));
    assert_eq!(
        rows[14].time,
        Some(Utc.with_ymd_and_hms(2025, 8, 1, 14, 55, 30).unwrap())
    );
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Dialog, "Paste from chat")
            .is_none()
    );
}

#[test]
fn a_long_paste_keeps_the_forms_buttons_in_the_window() {
    // A blog post that quotes a meeting's log: prose, a settings block, and a long fenced
    // log make a preview taller than the window, whose body then scrolls.
    let mut text = String::from(
        "---\nlayout: post\ntitle: Protocol discussion\ndate: 2025-08-01 21:00\n---\n\n\
         On Monday the community discussed merged mining.\n\n**Mondays: 6pm CAT (11am EST)**\n\n\
         ### Transcript\n\n```\n",
    );
    for minute in 0..60 {
        writeln!(
            text,
            "14:{minute:02} <@alice> message number {minute} about the pools"
        )
        .unwrap();
    }
    text.push_str("```\n");
    let mut harness = example_timeline();
    common::paste_below_row_13(&mut harness, &text);
    harness.get_by_label("60 rows to add");
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 860.0));
    for button in ["Cancel", "Add 60 rows"] {
        let rect = harness.get_by_label(button).rect();
        assert!(window.contains_rect(rect), "{button} at {rect:?}");
    }
    let cancel = harness.get_by_label("Cancel").rect();
    let add = harness.get_by_label("Add 60 rows").rect();
    assert!(cancel.right() < add.left(), "Cancel stands left of Add");
    let field = harness.get_by_label("Chat lines").rect();
    assert!(
        (field.right() - add.right()).abs() < 30.0,
        "the buttons stand against the form's right edge: {add:?} under {field:?}"
    );
    // Tab down the rows' boxes: the one with the keyboard is scrolled into view.
    harness
        .get_by(|node| {
            node.label()
                .is_some_and(|label| label.starts_with("Add row 1:"))
        })
        .focus();
    harness.run();
    for _ in 0..40 {
        harness.key_press(egui::Key::Tab);
        harness.run();
    }
    let focused = harness.get_by(|node| {
        node.is_focused()
            && node
                .label()
                .is_some_and(|label| label.starts_with("Add row 41:"))
    });
    assert!(
        window.contains_rect(focused.rect()) && focused.rect().bottom() < cancel.top(),
        "row 41's box is shown: {:?}",
        focused.rect()
    );
    // Frames later the form has not moved: its height is its own, not the room below it.
    for _ in 0..5 {
        harness.step();
    }
    assert_eq!(harness.get_by_label("Add 60 rows").rect(), add);
    click(&mut harness, "Add 60 rows");
    let rows = doc(&harness).timeline;
    assert_eq!(rows.len(), 73);
    assert!(
        rows.iter()
            .filter(|row| row.event.starts_with("message number"))
            .all(|row| row.actor.as_deref() == Some("alice"))
    );
}

#[test]
fn a_slack_copy_goes_in_message_by_message_at_the_places_in_time() {
    let mut harness = example_timeline();
    common::paste_below_row_13(
        &mut harness,
        "Alice R.  2:06 PM\nchecking the dashboards\n2:11\nrollback looks good\n",
    );
    harness.get_by_label("2 rows to add");
    harness.get_by_label("lines 1\u{2013}2");
    harness.get_by_label("lines 3\u{2013}4");
    click(&mut harness, "Add 2 rows");
    let rows = doc(&harness).timeline;
    assert_eq!(rows.len(), 15);
    // The example is in time order, so each message goes where its time is, not below row 13.
    let at_index = |event: &str| rows.iter().position(|row| row.event == event).unwrap();
    assert_eq!(at_index("checking the dashboards"), 2);
    assert_eq!(rows[2].time, Some(at(1, 14, 6)));
    assert_eq!(rows[2].actor.as_deref(), Some("Alice R."));
    let later = at_index("rollback looks good");
    assert_eq!(rows[later].time, Some(at(1, 14, 11)));
    assert_eq!(rows[later - 1].time, Some(at(1, 14, 10)));
    assert!(hindsight::model::rows_out_of_order(&rows).is_empty());
}

#[test]
fn rows_dated_far_from_the_incident_are_pointed_out_before_they_are_added() {
    let mut harness = example_timeline();
    common::paste_below_row_13(&mut harness, "2015-10-21\n13:08 first report\n");
    harness.get_by_label("1 row to add");
    harness.get_by_label_contains("1 row is more than 7 days from the incident's start");
}

#[test]
fn a_paste_with_non_breaking_and_ideographic_spaces_adds_its_row() {
    let mut harness = example_timeline();
    // As Slack, Google Docs and web pages put it on the clipboard.
    common::paste_below_row_13(
        &mut harness,
        "2025-08-01\u{a0}14:50\u{3000}status page closed\n",
    );
    harness.get_by_label("1 row to add");
    click(&mut harness, "Add 1 row");
    let rows = doc(&harness).timeline;
    assert_eq!(rows.len(), 14);
    assert_eq!(rows[13].event, "status page closed");
    assert_eq!(rows[13].time, Some(at(1, 14, 50)));
}

#[test]
fn the_overview_names_the_row_a_key_time_came_from() {
    let harness = editor_with_example(&ScriptedDialogs::default());
    harness.get_by_label("from timeline row 9");
    harness.get_by_label("from timeline row 12");
}

#[test]
fn the_star_of_an_unselected_row_toggles_on_one_click_and_the_row_keeps_its_place() {
    let mut harness = example_timeline();
    let parts = ["Time", "Event", "Notes", "Actor", "Marker", "Star row"];
    let name = |part: &str| {
        if part == "Star row" {
            "Star row 6".to_owned()
        } else {
            format!("{part}, row 6")
        }
    };
    let at_rest: Vec<egui::Rect> = parts
        .iter()
        .map(|part| harness.get_by_label(&name(part)).rect())
        .collect();
    let starred = doc(&harness).timeline[5].starred;
    click(&mut harness, "Star row 6");
    assert_eq!(doc(&harness).timeline[5].starred, !starred);
    // Live now, its controls exactly where they were painted.
    click(&mut harness, "Event, row 6");
    assert!(harness.get_by_label("Event, row 6").is_focused());
    for (part, rest) in parts.iter().zip(at_rest) {
        let live = harness.get_by_label(&name(part)).rect();
        assert!(
            (live.left() - rest.left()).abs() < 0.5 && (live.width() - rest.width()).abs() < 0.5,
            "{part}: at rest {rest:?}, live {live:?}"
        );
    }
}

/// Presses and lets go the pointer's button at `x` across the middle of the labelled widget.
fn click_across(harness: &mut Harness<'_, HindsightApp>, label: &str, x: f32) {
    let rect = harness.get_by_label(label).rect();
    let at = egui::pos2(rect.left() + x, rect.center().y);
    harness.drag_at(at);
    harness.run();
    harness.drop_at(at);
    harness.run();
}

#[test]
fn a_click_in_a_cell_puts_the_cursor_where_it_landed() {
    let mut harness = timeline_of(vec![
        row("Alert fired", Some(at(1, 14, 3))),
        row("On-call paged", Some(at(1, 14, 5))),
    ]);
    // At the start of the words: what is typed goes before them.
    click_across(&mut harness, "Event, row 1", 5.0);
    assert!(harness.get_by_label("Event, row 1").is_focused());
    harness.get_by_label("Event, row 1").type_text("First ");
    harness.run();
    assert_eq!(events(&harness), ["First Alert fired", "On-call paged"]);

    // Past the end of the words, in a cell the keyboard was not in: after them.
    let width = harness.get_by_label("Event, row 2").rect().width();
    click_across(&mut harness, "Event, row 2", width - 5.0);
    assert!(harness.get_by_label("Event, row 2").is_focused());
    harness.get_by_label("Event, row 2").type_text(" twice");
    harness.run();
    assert_eq!(
        events(&harness),
        ["First Alert fired", "On-call paged twice"]
    );
}

#[test]
fn a_slow_press_or_a_drag_in_a_cell_starts_typing_there() {
    let mut harness = timeline_of(vec![
        row("Alert fired", Some(at(1, 14, 3))),
        row("On-call paged", Some(at(1, 14, 5))),
    ]);
    // Pressed and held: the keyboard is there before the button is let go.
    let rect = harness.get_by_label("Event, row 1").rect();
    let start = egui::pos2(rect.left() + 5.0, rect.center().y);
    harness.drag_at(start);
    harness.run();
    assert!(harness.get_by_label("Event, row 1").is_focused());
    // Dragged to the end of the words: they are selected, and typing replaces them.
    let end = egui::pos2(rect.right() - 5.0, rect.center().y);
    harness.hover_at(end);
    harness.run();
    harness.drop_at(end);
    harness.run();
    harness
        .get_by_label("Event, row 1")
        .type_text("Pager alert");
    harness.run();
    assert_eq!(events(&harness), ["Pager alert", "On-call paged"]);
}

#[test]
fn tab_walks_from_one_timeline_row_into_the_next() {
    let mut harness = example_timeline();
    click(&mut harness, "Actor, row 2");
    // Past the evidence, the marker and the star, into row 3, which comes alive with its
    // time focused.
    for _ in 0..4 {
        harness.key_press(egui::Key::Tab);
        harness.run();
    }
    assert!(harness.get_by_label("Time, row 3").is_focused());
}

#[test]
fn a_row_links_its_evidence_and_only_a_web_address_opens() {
    let mut harness = example_timeline();
    // The example links the alert's dashboard on row 1.
    harness.get_by_label("Open evidence, row 1").click();
    harness.step();
    assert_eq!(
        opened_urls(&harness),
        ["https://grafana.example.com/d/user-api-latency?from=1754056800000&to=1754059200000"]
    );
    harness.run();

    retype(
        &mut harness,
        "Evidence, row 2",
        "https://chat.example.com/archives/C1/p1754057100",
    );
    assert_eq!(
        doc(&harness).timeline[1].evidence,
        "https://chat.example.com/archives/C1/p1754057100"
    );
    harness.get_by_label("Open evidence, row 2");

    retype(&mut harness, "Evidence, row 2", "file:///etc/passwd");
    assert_eq!(doc(&harness).timeline[1].evidence, "file:///etc/passwd");
    assert!(harness.query_by_label("Open evidence, row 2").is_none());
}

#[test]
fn a_pagerduty_log_is_imported_with_the_markers_the_person_accepts_as_one_step() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log_entries.json");
    std::fs::write(
        &log,
        r#"{"log_entries": [
          {"type": "trigger_log_entry", "summary": "Triggered through the API", "created_at": "2025-08-01T14:04:00Z", "agent": {"summary": "User API"}},
          {"type": "notify_log_entry", "summary": "Notified Alice R. by SMS", "created_at": "2025-08-01T14:04:05Z"},
          {"type": "acknowledge_log_entry", "summary": "Acknowledged by Alice R.", "created_at": "2025-08-01T14:06:30Z", "agent": {"summary": "Alice R."}},
          {"type": "acknowledge_log_entry", "summary": "Acknowledged by Bob M. (test page)", "created_at": "2025-08-01T13:50:00Z", "agent": {"summary": "Bob M."}}
        ]}"#,
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    click(&mut harness, "Timeline (13)");
    dialogs.will_answer(hindsight::app::DialogOutcome::Chosen(log));
    timeline_menu(&mut harness, "Import rows from a file\u{2026}");
    harness.get_by_label("From log_entries.json");
    // The pager notifying someone is offered but starts unticked.
    harness.get_by_label("3 of 4 rows to add");
    harness.get_by_label("1 row is the pager notifying someone and starts unticked.");
    // Accepting an acknowledgement earlier than the detection already set is pointed out
    // before anything is added; un-ticking it takes the warning away.
    let warning = "Acknowledged (2025-08-01 13:50 UTC) is before detected (2025-08-01 14:05 UTC). \
                   Check the marks ticked above.";
    assert!(harness.query_by_label(warning).is_none());
    click(&mut harness, "Mark row 4 acknowledged: sets the key time");
    harness.get_by_label(warning);
    click(&mut harness, "Mark row 4 acknowledged: sets the key time");
    assert!(harness.query_by_label(warning).is_none());
    click(
        &mut harness,
        "Add row 4: 2025-08-01 13:50 UTC, Bob M.: Acknowledged by Bob M. (test page)",
    );
    harness.get_by_label("2 of 4 rows to add");
    // Accept the acknowledgement as the key time; leave the trigger's suggestion alone.
    click(&mut harness, "Mark row 3 acknowledged: sets the key time");
    click(&mut harness, "Add 2 rows");
    let after = doc(&harness);
    assert_eq!(after.timeline.len(), 15);
    assert!(
        after
            .timeline
            .iter()
            .all(|row| !row.event.starts_with("Notified"))
    );
    let acknowledged = Utc.with_ymd_and_hms(2025, 8, 1, 14, 6, 30).unwrap();
    assert_eq!(after.key_times.acknowledged, Some(acknowledged));
    assert_eq!(after.key_times.detected, Some(at(1, 14, 5)));
    assert_eq!(after.timeline[1].event, "Triggered through the API");
    assert_eq!(after.timeline[1].marker, Marker::Unmarked);
    // One undo takes back the rows and the key time together.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let undone = doc(&harness);
    assert_eq!(undone.timeline.len(), 13);
    assert_eq!(undone.key_times.acknowledged, Some(at(1, 14, 6)));
}

/// Clicks Timeline → `item` in the menu bar.
#[test]
fn a_slack_export_folder_is_read_for_the_chosen_channel_and_window() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("slack");
    std::fs::create_dir_all(export.join("incident-620")).unwrap();
    std::fs::write(
        export.join("channels.json"),
        r#"[{"id": "C2", "name": "random"}, {"id": "C1", "name": "incident-620"}]"#,
    )
    .unwrap();
    std::fs::write(
        export.join("users.json"),
        r#"[{"id": "U1", "name": "alice", "real_name": "Alice R."}]"#,
    )
    .unwrap();
    std::fs::write(
        export.join("incident-620/2025-08-01.json"),
        r#"[{"user": "U1", "text": "<!here> latency is up", "ts": "1754057100.000000"},
            {"user": "U1", "text": "lunch order?", "ts": "1754057400.000000"},
            {"user": "U1", "text": "much later", "ts": "1754080000.000000"}]"#,
    )
    .unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    click(&mut harness, "Timeline (13)");
    let again = export.clone();
    dialogs.will_answer(hindsight::app::DialogOutcome::Chosen(export));
    timeline_menu(&mut harness, "Import from a Slack export folder\u{2026}");
    // The incident's channel and the incident's window, an hour more each side, to start.
    assert_eq!(
        harness.get_by_label("Slack channel").value().as_deref(),
        Some("incident-620")
    );
    assert_eq!(
        harness.get_by_label("Window start").value().as_deref(),
        Some("2025-08-01 13:03")
    );
    click(&mut harness, "Show messages");
    harness.get_by_label("2 rows to add");
    // The second message is not about the incident: leave it out.
    // Its check box says which message it adds.
    click(
        &mut harness,
        "Add row 2: 2025-08-01 14:10 UTC, Alice R.: lunch order?",
    );
    harness.get_by_label("1 of 2 rows to add");
    click(&mut harness, "Add 1 row");
    let rows = doc(&harness).timeline;
    assert_eq!(rows.len(), 14);
    let added = rows
        .iter()
        .find(|row| row.event == "@here latency is up")
        .unwrap();
    assert_eq!(added.actor.as_deref(), Some("Alice R."));
    assert_eq!(added.time, Some(at(1, 14, 5)));
    assert!(rows.iter().all(|row| row.event != "lunch order?"));
    // Imported again, the row already in the timeline starts unticked.
    dialogs.will_answer(hindsight::app::DialogOutcome::Chosen(again));
    timeline_menu(&mut harness, "Import from a Slack export folder\u{2026}");
    click(&mut harness, "Show messages");
    harness.get_by_label("1 row is in the timeline already and starts unticked.");
    harness.get_by_label("1 of 2 rows to add");
}

#[test]
fn the_paste_preview_says_how_it_read_the_lines_and_takes_a_correction() {
    let mut harness = timeline_of(vec![row("alert fired", Some(at(1, 14, 3)))]);
    open_paste_preview(&mut harness);
    // A pager's log, newest first, across midnight.
    let log = "00:30 dana: written up\n00:20 alice: resolved\n00:05 bob: mitigated\n\
               23:50 carol: paged\n";
    harness.event(egui::Event::Paste(log.to_owned()));
    harness.run();
    harness.get_by_label("How the lines are read");
    harness.get_by_label("found from the times");
    harness.get_by_label("the incident's day");
    // The day and the zone the lines were read in, as a screen reader hears them.
    let values = |label: &str| -> Vec<Option<String>> {
        harness
            .get_all_by_label(label)
            .map(|node| node.value())
            .collect()
    };
    assert!(values("Day of times with no date").contains(&Some("2025-08-01".to_owned())));
    assert!(values("Zone of times with no zone").contains(&Some("UTC".to_owned())));

    // Read newest first: the evening row is the day before.
    click(&mut harness, "Add 4 rows");
    let newest_first = doc(&harness).timeline;
    let paged = newest_first
        .iter()
        .find(|row| row.event == "paged")
        .unwrap();
    assert_eq!(
        paged.time,
        Some(Utc.with_ymd_and_hms(2025, 7, 31, 23, 50, 0).unwrap())
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(doc(&harness).timeline.len(), 1);

    // Corrected to oldest first, the same lines go the other way round midnight.
    open_paste_preview(&mut harness);
    harness.event(egui::Event::Paste(log.to_owned()));
    harness.run();
    click(&mut harness, "Oldest first");
    harness.get_by_label("as you chose");
    click(&mut harness, "Add 4 rows");
    let oldest_first = doc(&harness).timeline;
    let paged = oldest_first
        .iter()
        .find(|row| row.event == "paged")
        .unwrap();
    assert_eq!(paged.time, Some(at(1, 23, 50)));
}

#[test]
fn escape_closes_the_day_picker_of_a_paste_preview_and_only_then_the_preview() {
    let mut harness = timeline_of(vec![row("alert fired", Some(at(1, 14, 3)))]);
    open_paste_preview(&mut harness);
    harness.event(egui::Event::Paste(
        "10:05 bob: mitigated\n10:20 alice: resolved\n".to_owned(),
    ));
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Day of times with no date")
        .click();
    harness.run();
    // The picker is open: its arrows are there to go through the days.
    harness.get_by_label("<");
    harness.key_press(egui::Key::Escape);
    harness.run();
    // The picker closed; the pasted lines are still there to add.
    assert!(harness.query_by_label("<").is_none());
    harness.get_by_label("How the lines are read");
    harness.get_by_label("Add 2 rows");
    // A second Escape closes the preview, and nothing was added.
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(harness.query_by_label("How the lines are read").is_none());
    assert_eq!(doc(&harness).timeline.len(), 1);
}

/// Opens the paste preview from the first row, as Ctrl+Shift+V does.
fn open_paste_preview(harness: &mut Harness<'_, HindsightApp>) {
    click(harness, "Event, row 1");
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::V,
    );
    harness.run();
}
