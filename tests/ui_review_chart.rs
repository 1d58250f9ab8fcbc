//! The review's due-week chart answers "what is overdue, and what is due soon" whatever the
//! dates: overdue work is always in one bar at the left, far-off work in one at the right,
//! and the weeks between move with the wheel, a drag and the keyboard.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside test functions may unwrap too: a panic is a failed test"
)]

mod common;

use std::fmt::Write as _;
use std::fs;

use common::{Queryable, click, reviewing};
use egui_kittest::kittest::NodeT;

/// A folder with 30 overdue items spread over the spring, 3 due in the next weeks, and one
/// due 500 days after "today" (2025-08-10).
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut items = String::new();
    for day in 0..30 {
        let due = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap() + chrono::Days::new(day * 4);
        let _ = write!(
            items,
            r#"(action: "Old item {day}", owner: "Dana", due: Some("{due}")),"#
        );
    }
    for due in ["2025-08-12", "2025-08-20", "2025-09-02", "2026-12-23"] {
        let _ = write!(
            items,
            r#"(action: "Item due {due}", owner: "Dana", due: Some("{due}")),"#
        );
    }
    fs::write(
        dir.path().join("backlog.ron"),
        format!(r#"(format_version: 1, title: "Backlog", action_items: [{items}])"#),
    )
    .unwrap();
    dir
}

#[test]
fn overdue_and_far_off_work_each_have_a_bar_and_the_weeks_move() {
    let dir = folder();
    let mut harness = reviewing(dir.path());
    // However far the one late item lies, the overdue work is in view, named for a screen
    // reader.
    harness.get_by_label("Overdue: 30 items");
    harness.get_by_label("Later: 1 item");
    harness.get_by_label("Week of 2025-08-04: 0 open, 0 overdue");
    harness.get_by_label("Week of 2025-08-11: 1 open, 0 overdue");

    // The wheel over the chart moves on to later weeks; Home comes back to this one.
    let chart = harness
        .get_by_label("Chart of open action items by week due")
        .rect();
    harness.hover_at(chart.center());
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -200.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run();
    assert!(
        harness
            .query_by_label("Week of 2025-08-04: 0 open, 0 overdue")
            .is_none(),
        "the wheel did not move the weeks"
    );
    let earlier = harness
        .get_by_label_contains("Earlier: ")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert!(earlier.ends_with("30 overdue"), "{earlier}");
    harness.key_press(egui::Key::Home);
    harness.run();
    harness.get_by_label("Week of 2025-08-04: 0 open, 0 overdue");
    harness.get_by_label("Overdue: 30 items");

    // A drag to the left moves on too.
    let chart = harness
        .get_by_label("Chart of open action items by week due")
        .rect();
    let start = egui::pos2(chart.center().x, chart.bottom() - 4.0);
    harness.drag_at(start);
    harness.run();
    harness.hover_at(start - egui::vec2(160.0, 0.0));
    harness.run();
    harness.drop_at(start - egui::vec2(160.0, 0.0));
    harness.run();
    assert!(
        harness
            .query_by_label("Week of 2025-08-04: 0 open, 0 overdue")
            .is_none(),
        "the drag did not move the weeks"
    );

    // The Overdue bar lists the overdue items; the Later bar moves on to them.
    harness.key_press(egui::Key::Home);
    harness.run();
    click(&mut harness, "Overdue: 30 items");
    assert_eq!(harness.state().review_listed_actions().len(), 30);
    click(&mut harness, "Later: 1 item");
    harness.get_by_label("Later: 0 items");
    harness.get_by_label("Week of 2026-12-21: 1 open, 0 overdue");
}

#[test]
fn the_chart_folds_away_and_stays_folded() {
    let dir = folder();
    let mut harness = reviewing(dir.path());
    click(&mut harness, "Open action items by week due");
    assert!(harness.query_by_label("Overdue: 30 items").is_none());
    // Kept in the settings saved between runs.
    assert!(harness.state().settings_to_keep().review_chart_folded);
    click(&mut harness, "Open action items by week due");
    harness.get_by_label("Overdue: 30 items");
    assert!(!harness.state().settings_to_keep().review_chart_folded);
}

#[test]
fn a_folder_named_on_the_command_line_opens_on_its_review() {
    let dir = folder();
    let mut harness = common::editor_from_command_line(
        Some(dir.path().to_owned()),
        &common::ScriptedDialogs::default(),
    );
    common::wait_for_review(&mut harness);
    assert_eq!(harness.state().part(), hindsight::ui::Part::Review);
    harness.get_by_label("Overdue: 30 items");
}

#[test]
fn a_small_window_keeps_ten_rows_of_the_list_in_view() {
    let dir = folder();
    let dialogs = common::ScriptedDialogs::default();
    let app = hindsight::app::HindsightApp::starting_with(
        Some(dir.path().to_owned()),
        Box::new(dialogs.clone()),
        Box::new(hindsight::app::FixedClock(common::today())),
        hindsight::app::Settings::default(),
    );
    let mut harness = common::harness_at(app, egui::vec2(1024.0, 640.0));
    common::wait_for_review(&mut harness);
    // The status bar's top is the bottom of what can be seen.
    let bottom = harness
        .get_all_by(|node| node.value().as_deref() == Some("No problems found"))
        .map(|node| node.rect().top())
        .fold(640.0_f32, f32::min);
    let rows_in_view = harness
        .get_all_by(|node| {
            node.value()
                .is_some_and(|text| text.starts_with("Old item ") || text.starts_with("Item due "))
        })
        .filter(|node| node.rect().bottom() <= bottom && node.rect().top() >= 0.0)
        .count();
    assert!(
        rows_in_view >= 10,
        "{rows_in_view} rows in view at 1024×640"
    );
    // Above the list the chart gives its answer in one line rather than a sliver of bars.
    assert!(harness.query_by_label("Overdue: 30 items").is_none());
    let shown = |text: &str| {
        harness
            .get_all_by(|node| node.value().as_deref() == Some(text))
            .any(|node| node.accesskit_node().role() == egui::accesskit::Role::Label)
    };
    assert!(shown("30 overdue"));
    assert!(shown(
        "\u{b7} 3 due in the next four weeks \u{b7} 1 due later"
    ));
}

#[test]
fn a_screen_reader_finds_the_parts_title_and_every_columns_name() {
    let dir = folder();
    let harness = reviewing(dir.path());
    harness.get_by_role_and_label(egui::accesskit::Role::Heading, "Review");
    // The views are tabs in a tab list, the one shown selected.
    harness.get_by_role_and_label(egui::accesskit::Role::TabList, "Review views");
    let shown = harness.get_by_role_and_label(egui::accesskit::Role::Tab, "Action items");
    assert_eq!(shown.accesskit_node().is_selected(), Some(true));
    harness.get_by_role_and_label(egui::accesskit::Role::Tab, "Stats");
    for column in [
        "Incident",
        "Action",
        "Owner",
        "Due date",
        "Time left",
        "Status",
    ] {
        harness.get_by_role_and_label(egui::accesskit::Role::ColumnHeader, column);
    }
}
