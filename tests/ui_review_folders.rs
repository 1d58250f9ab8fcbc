//! The folder under review is remembered between runs, with the folders reviewed before:
//! the Review part opened after a restart reviews the last folder again, and the others are
//! a click away on its page and in File → Review recent.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside test functions may unwrap too: a panic is a failed test"
)]

mod common;

use std::fs;
use std::path::Path;

use common::{Queryable, ScriptedDialogs, click, harness_for, today, wait_for_review};
use egui_kittest::Harness;
use hindsight::app::{DialogOutcome, FixedClock, HindsightApp, OpenDocument, Settings};
use hindsight::ui::Part;

/// A folder holding one postmortem with one open action item, `action`.
fn folder_with(action: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("inc.ron"),
        format!(
            r#"(format_version: 1, title: "Checkout errors",
                action_items: [(action: "{action}", owner: "Priya L.", due: Some("2025-08-20"))])"#
        ),
    )
    .unwrap();
    dir
}

/// The editor as it starts with `settings` kept from an earlier run.
fn restarted_with(settings: Settings) -> Harness<'static, HindsightApp> {
    let app = HindsightApp::new(
        OpenDocument::untitled(hindsight::model::Postmortem::default()),
        Box::new(ScriptedDialogs::default()),
        Box::new(FixedClock(today())),
        settings,
    );
    harness_for(app)
}

fn review_folder(harness: &Harness<'_, HindsightApp>) -> Option<std::path::PathBuf> {
    harness.state().reviewed_folder().map(Path::to_owned)
}

#[test]
fn the_last_folder_is_reviewed_again_after_a_restart() {
    let first = folder_with("Add a retry");
    let second = folder_with("Raise the pool size");
    let dialogs = ScriptedDialogs::default();
    let mut harness = common::reviewing_with(first.path(), &dialogs);
    // A second folder reviewed in the same run goes on top of the list.
    dialogs.will_answer(DialogOutcome::Chosen(second.path().to_owned()));
    common::click_file_menu(&mut harness, "Review folder\u{2026}");
    wait_for_review(&mut harness);
    let kept = harness.state().settings_to_keep();
    assert_eq!(kept.review_folders, [second.path(), first.path()]);

    // After a restart the Review part is in the side panel from the start, and opening it
    // reviews the folder reviewed last.
    let mut restarted = restarted_with(kept);
    assert_eq!(review_folder(&restarted), None);
    click(&mut restarted, "Review");
    wait_for_review(&mut restarted);
    assert_eq!(restarted.state().part(), Part::Review);
    assert_eq!(review_folder(&restarted).as_deref(), Some(second.path()));
    assert_eq!(
        restarted.state().review_listed_actions(),
        ["Raise the pool size"]
    );

    // File → Review recent offers both; choosing the older one reviews it.
    restarted.get_by_label("File").click();
    restarted.run();
    restarted.get_by_label("Review recent").hover();
    restarted.run();
    let older = restarted
        .get_all_by_label_contains(&first.path().file_name().unwrap().to_string_lossy())
        .count();
    assert_eq!(older, 1);
    restarted
        .get_by_label_contains(&first.path().file_name().unwrap().to_string_lossy())
        .click();
    restarted.run();
    wait_for_review(&mut restarted);
    assert_eq!(review_folder(&restarted).as_deref(), Some(first.path()));
    assert_eq!(restarted.state().review_listed_actions(), ["Add a retry"]);
    assert_eq!(
        restarted.state().settings_to_keep().review_folders,
        [first.path(), second.path()]
    );
}

#[test]
fn a_folder_that_is_gone_is_offered_no_more() {
    let kept = folder_with("Add a retry");
    let gone = tempfile::tempdir().unwrap();
    let gone_path = gone.path().to_owned();
    drop(gone);
    let settings = Settings {
        review_folders: vec![gone_path.clone(), kept.path().to_owned()],
        ..Settings::default()
    };
    let mut harness = restarted_with(settings);
    // The last folder is gone, so opening the Review part reviews nothing and shows the
    // folders reviewed before.
    click(&mut harness, "Review");
    assert_eq!(review_folder(&harness), None);
    harness.get_by_label("Choose a folder\u{2026}");
    let gone_name = gone_path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    harness.get_by_label_contains(&gone_name).click();
    harness.run();
    wait_for_review(&mut harness);
    harness.get_by_label_contains("Cannot read the folder");
    assert_eq!(
        harness.state().settings_to_keep().review_folders,
        [kept.path()]
    );
}
