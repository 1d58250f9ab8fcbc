//! The review of a folder in the editor: scanning, filtering, sorting, opening an item.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside test functions may unwrap too: a panic is a failed test"
)]

mod common;

use std::fs;
use std::time::Duration;

use common::{Queryable, ScriptedDialogs, click, click_file_menu, editor_with_example};
use egui_kittest::Harness;
use hindsight::app::{DialogKind, DialogOutcome, HindsightApp};
use hindsight::example::EXAMPLE_RON;
use hindsight::ui::Part;

/// The example, and a second postmortem in a subfolder whose owner overlaps, plus a broken
/// file and another program's RON file.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("latency.ron"), EXAMPLE_RON).unwrap();
    fs::create_dir(dir.path().join("payments")).unwrap();
    fs::write(
        dir.path().join("payments/checkout.ron"),
        r#"(format_version: 1, title: "Checkout errors", classification: (severity: Some("SEV-1")),
            action_items: [(action: "Add a retry", owner: "Priya L.", due: Some("2025-08-09"))])"#,
    )
    .unwrap();
    fs::write(
        dir.path().join("payments/broken.ron"),
        "(format_version: 1, title: ",
    )
    .unwrap();
    fs::write(dir.path().join("settings.ron"), "(theme: \"dark\")").unwrap();
    dir
}

/// Opens File → Review folder… on `dir` and waits for the scan to finish.
fn reviewing(dir: &std::path::Path) -> Harness<'static, HindsightApp> {
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    dialogs.will_answer(DialogOutcome::Chosen(dir.to_owned()));
    click_file_menu(&mut harness, "Review folder\u{2026}");
    assert_eq!(dialogs.asked()[0].kind, DialogKind::Folder);
    for _ in 0..200 {
        harness.run();
        if !harness.state().review_running() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run();
    assert_eq!(harness.state().part(), Part::Review);
    harness
}

/// The listed actions, top to bottom.
fn listed(harness: &Harness<'_, HindsightApp>) -> Vec<String> {
    harness.state().review_listed_actions()
}

#[test]
fn the_review_lists_every_item_and_reports_the_broken_file() {
    let dir = folder();
    let harness = reviewing(dir.path());
    harness.get_by_label_contains("2 postmortems \u{b7} 7 action items");
    harness.get_by_label_contains("1 RON files skipped");
    harness.get_by_label("1 files could not be read");
    harness.get_by_label("Priya L.: 3 open, 2 overdue");
}

#[test]
fn the_overdue_filter_and_sorting_by_owner() {
    let dir = folder();
    let mut harness = reviewing(dir.path());
    click(&mut harness, "Overdue");
    assert_eq!(
        listed(&harness),
        [
            "Add the index on orders.status in all environments and verify it through the migration scripts",
            "Review connection-pool sizing and auto-scaling policies and adjust the defaults",
            "Add a retry",
        ]
    );
    click(&mut harness, "Sort review by owner");
    let by_owner = listed(&harness);
    assert_eq!(
        by_owner[0],
        "Review connection-pool sizing and auto-scaling policies and adjust the defaults",
        "Charlie T. before Priya L."
    );
    click(&mut harness, "Sort review by owner (ascending)");
    assert_eq!(listed(&harness).last(), by_owner.first());
}

#[test]
fn double_clicking_an_item_opens_its_postmortem_with_the_item_selected() {
    let dir = folder();
    let mut harness = reviewing(dir.path());
    click(&mut harness, "Overdue");
    click(&mut harness, "Sort review by due date (ascending)");
    assert_eq!(listed(&harness)[0], "Add a retry");
    // Double-click the item's action.
    harness.get_by_value("Add a retry").click();
    harness.step();
    harness.get_by_value("Add a retry").click();
    harness.run();
    let opened = harness
        .state()
        .document()
        .path()
        .map(std::path::Path::to_owned);
    assert!(opened.is_some_and(|path| path.ends_with("payments/checkout.ron")));
    assert_eq!(harness.state().part(), Part::ActionItems);
    assert_eq!(
        harness.get_by_label("Action, item 1").value().as_deref(),
        Some("Add a retry")
    );
}

#[test]
fn enter_on_an_item_reached_from_the_keyboard_opens_its_postmortem() {
    let dir = folder();
    let mut harness = reviewing(dir.path());
    // Each row is one stop of the Tab order, named for what Enter opens.
    harness
        .get_by_label("Open Checkout errors: Add a retry")
        .focus();
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    let opened = harness
        .state()
        .document()
        .path()
        .map(std::path::Path::to_owned);
    assert!(opened.is_some_and(|path| path.ends_with("payments/checkout.ron")));
    assert_eq!(harness.state().part(), Part::ActionItems);
}

#[test]
fn the_examples_folder_shows_exactly_the_two_overdue_items() {
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    let mut harness = reviewing(&examples);
    click(&mut harness, "Overdue");
    assert_eq!(
        listed(&harness),
        [
            "Add the index on orders.status in all environments and verify it through the migration scripts",
            "Review connection-pool sizing and auto-scaling policies and adjust the defaults",
        ]
    );
}

#[test]
fn the_editor_and_the_command_line_list_the_same_items_in_the_same_order() {
    let dir = folder();
    // The same owner, written in another case in a third postmortem.
    fs::write(
        dir.path().join("payments/refunds.ron"),
        r#"(format_version: 1, title: "Refund delays",
            action_items: [(action: "Page the refunds team", owner: "priya l.", due: Some("2025-08-07"))])"#,
    )
    .unwrap();
    let mut harness = reviewing(dir.path());
    click(&mut harness, "Overdue");
    // Choosing "Priya L." in the owner picker also lists the items written to "priya l.".
    common::choose(&mut harness, "Owner", "Priya L.");
    let in_the_editor = listed(&harness);

    let request = hindsight::cli::ActionsRequest {
        folder: dir.path().to_owned(),
        query: hindsight::review::ReviewQuery {
            filter: hindsight::model::ActionFilter::Overdue,
            owner: Some("PRIYA L.".to_owned()),
            ..hindsight::review::ReviewQuery::default()
        },
        format: hindsight::cli::Format::Json,
        today: common::today(),
        fail_on_overdue: false,
        exact_csv: false,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    hindsight::cli::actions(&request, &mut out, &mut err).unwrap();
    let records: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
    let on_the_command_line: Vec<String> = records
        .iter()
        .map(|record| record["action"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(in_the_editor, on_the_command_line);
    assert_eq!(
        in_the_editor,
        [
            "Add the index on orders.status in all environments and verify it through the migration scripts",
            "Page the refunds team",
            "Add a retry",
        ]
    );
}

#[test]
fn the_listed_open_items_go_to_a_gh_script_with_the_folders_owner_mapping() {
    let dir = folder();
    fs::write(
        dir.path().join("owners.toml"),
        "\"Priya L.\" = { github = \"priyal\", email = \"priya@example.com\" }\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let script = out.path().join("file-issues.sh");
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor_with_example(&dialogs);
    dialogs.will_answer(DialogOutcome::Chosen(dir.path().to_owned()));
    click_file_menu(&mut harness, "Review folder\u{2026}");
    for _ in 0..200 {
        harness.run();
        if !harness.state().review_running() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.run();
    dialogs.will_answer(DialogOutcome::Chosen(script.clone()));
    click(&mut harness, "GitHub issues script\u{2026}");
    let text = fs::read_to_string(&script).unwrap();
    // The seven open items of the two postmortems, none ticketed.
    assert_eq!(text.matches("gh issue create").count(), 7, "{text}");
    assert!(text.contains("--assignee='priyal'"));
    assert!(text.contains("--title='Add a retry'"));
    harness.get_by_label_contains("not in owners.toml, so unassigned: ");
}
