//! The review of a folder in the editor: scanning, filtering, sorting, opening an item.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside test functions may unwrap too: a panic is a failed test"
)]

mod common;

use std::fs;
use std::time::Duration;

use common::{Queryable, ScriptedDialogs, click, reviewing, reviewing_with};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;
use hindsight::app::{DialogOutcome, HindsightApp};
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
        r#"(format_version: 1, title: "Checkout errors", classification: (severity: Some("SEV-1"), tags: ["capacity"]),
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
    let mut harness = reviewing_with(dir.path(), &dialogs);
    dialogs.will_answer(DialogOutcome::Chosen(script.clone()));
    click(&mut harness, "GitHub issues script\u{2026}");
    let text = fs::read_to_string(&script).unwrap();
    // The seven open items of the two postmortems, none ticketed.
    assert_eq!(text.matches("gh issue create").count(), 7, "{text}");
    assert!(text.contains("--assignee='priyal'"));
    assert!(text.contains("--title='Add a retry'"));
    // Each issue names its postmortem inside the folder, never by this machine's path.
    assert!(text.contains("Postmortem: payments/checkout.ron"), "{text}");
    assert!(!text.contains(&dir.path().display().to_string()), "{text}");
    // The dialog opens beside the postmortems folder, not in it, so that the script is not
    // committed with the postmortems by mistake.
    let asked = dialogs.asked();
    assert_eq!(asked[1].start_folder.as_deref(), dir.path().parent());
    harness.get_by_label_contains("not in owners.toml, so unassigned: ");
}

/// Picks `option` in the drop-down `combo`, among the nodes below the drop-down's button
/// (a filter's own label with the same text sits beside it).
fn pick(harness: &mut Harness<'_, HindsightApp>, combo: &str, option: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, combo)
        .click();
    harness.run();
    let below = harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, combo)
        .rect()
        .bottom();
    harness
        .get_all_by_label(option)
        .find(|node| node.rect().top() >= below)
        .unwrap()
        .click();
    harness.run();
}

/// Whether some text on screen holds `text`.
fn shows(harness: &Harness<'_, HindsightApp>, text: &str) -> bool {
    harness
        .query_all_by(|node| node.value().is_some_and(|value| value.contains(text)))
        .next()
        .is_some()
}

/// Runs frames until `done`, while helper threads work (a scan, stats, a search).
fn wait_until(
    harness: &mut Harness<'_, HindsightApp>,
    done: impl Fn(&Harness<'_, HindsightApp>) -> bool,
) {
    for _ in 0..300 {
        harness.run();
        if done(harness) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let labels: Vec<String> = harness
        .get_all_by(|node| node.label().is_some() || node.value().is_some())
        .map(|node| format!("{:?} {:?}", node.accesskit_node().label(), node.value()))
        .collect();
    panic!("gave up waiting: {labels:#?}");
}

#[test]
fn grouping_by_owner_shows_a_heading_per_owner_that_folds() {
    let dir = folder();
    let mut harness = reviewing(dir.path());
    pick(&mut harness, "Group by", "Owner");
    let shown = "Priya L.: 3 items \u{b7} 3 open \u{b7} 2 overdue, shown";
    harness.get_by_label("Charlie T.: 1 item \u{b7} 1 open \u{b7} 1 overdue, shown");
    assert!(harness.query_by_value("Add a retry").is_some());
    click(&mut harness, shown);
    harness.get_by_label("Priya L.: 3 items \u{b7} 3 open \u{b7} 2 overdue, folded");
    assert!(
        harness.query_by_value("Add a retry").is_none(),
        "a folded group hides its items"
    );
    // Folding is only the view: the list and its exports still hold the group's items.
    assert!(listed(&harness).contains(&"Add a retry".to_owned()));
}

#[test]
fn ctrl_click_selects_items_and_the_exports_write_only_those() {
    let dir = folder();
    let dialogs = ScriptedDialogs::default();
    let mut harness = reviewing_with(dir.path(), &dialogs);
    harness.get_by_value("Add a retry").click();
    harness.run();
    harness
        .get_by_value("Hold a brown-bag session for engineers on indexing best practices")
        .click_modifiers(egui::Modifiers::COMMAND);
    harness.run();
    harness.get_by_label_contains("2 of 7 selected");
    let out = tempfile::tempdir().unwrap();
    let csv = out.path().join("action-items.csv");
    dialogs.will_answer(DialogOutcome::Chosen(csv.clone()));
    click(&mut harness, "Export CSV\u{2026}");
    let text = fs::read_to_string(&csv).unwrap();
    assert_eq!(
        text.lines().count(),
        3,
        "a header and the two selected: {text}"
    );
    assert!(text.contains("Add a retry"));
    assert!(text.contains("brown-bag"));
    click(&mut harness, "Clear selection");
    harness.get_by_label_contains("7 listed");
}

#[test]
fn the_tag_filter_lists_the_items_of_incidents_with_that_tag() {
    let dir = folder();
    let mut harness = reviewing(dir.path());
    pick(&mut harness, "Tag", "capacity");
    assert_eq!(listed(&harness), ["Add a retry"]);
    pick(&mut harness, "Tag", "missing-index");
    assert_eq!(listed(&harness).len(), 6);
}

#[test]
fn the_stats_view_counts_the_folder_and_names_the_late_review() {
    let dir = folder();
    let mut harness = reviewing(dir.path());
    click(&mut harness, "Stats");
    wait_until(&mut harness, |harness| {
        harness.query_by_label("2 incidents").is_some()
    });
    // The example is SEV-2 and resolved 2025-08-01: with the default five days it is four
    // days late on 2025-08-10; the checkout incident has no times, so it cannot be late.
    harness.get_by_label("1 postmortem late for review");
    harness.get_by_label("Chart of incidents per month, by severity");
    harness.get_by_label("Resolve: distribution");
    assert_eq!(
        harness
            .get_all_by_label("1 of 2 incidents with the times")
            .count(),
        4,
        "one line under each of the four distributions"
    );
    harness.get_by_label("median 30 min \u{b7} 90th percentile 30 min");

    pick(&mut harness, "Period", "Last 90 days");
    wait_until(&mut harness, |harness| {
        harness.query_by_label("(last 90 days)").is_some()
    });
    // The checkout postmortem has no date at all: only counted when every incident is.
    wait_until(&mut harness, |harness| {
        harness.query_by_label("1 incident").is_some()
    });

    click(&mut harness, "Late reviews (1)");
    harness.get_by_label("4 days");
    click(
        &mut harness,
        "Open User API latency after an unindexed orders query",
    );
    let opened = harness
        .state()
        .document()
        .path()
        .map(std::path::Path::to_owned);
    assert!(opened.is_some_and(|path| path.ends_with("latency.ron")));
    assert_eq!(harness.state().part(), Part::Overview);
    assert!(harness.get_by_label("Approved by").is_focused());
}

#[test]
fn ctrl_shift_f_searches_the_folder_and_a_match_opens_at_its_field() {
    let dir = folder();
    let mut harness = reviewing(dir.path());
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::F,
    );
    harness.run();
    assert!(harness.get_by_label("Search the folder").is_focused());
    harness
        .get_by_label("Search the folder")
        .type_text("ORM \"full table scan\"");
    wait_until(&mut harness, |harness| {
        shows(harness, "found, best first") || shows(harness, "No postmortem holds")
    });
    assert!(shows(&harness, "1 postmortem found"));
    harness
        .get_all_by(|node| {
            node.label()
                .is_some_and(|label| label.starts_with("Resolution: "))
        })
        .next()
        .unwrap()
        .click();
    harness.run();
    assert_eq!(harness.state().part(), Part::Analysis);
    let focused: Vec<String> = harness
        .get_all_by(|node| node.value().is_some())
        .filter(egui_kittest::Node::is_focused)
        .filter_map(|node| node.value())
        .collect();
    assert!(
        focused
            .iter()
            .any(|text| text.starts_with("At 14:15 the team rolled the deployment back")),
        "the Resolution section has the keyboard: {focused:?}"
    );
}
