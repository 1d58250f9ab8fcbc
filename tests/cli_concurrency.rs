//! Many hands on one postmortem at once: real concurrent processes change one file, and no
//! change is lost, because each reads and writes the file under its lock.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside test functions may unwrap too: a panic is a failed test"
)]

use std::path::Path;
use std::process::{Child, Command};

use hindsight::model::{ActionItem, Postmortem};

fn hindsight() -> Command {
    Command::new(assert_cmd::cargo::cargo_bin("hindsight"))
}

/// Waits for every process and checks each succeeded.
fn all_succeed(children: Vec<Child>) {
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

fn example_at(path: &Path) -> Postmortem {
    let doc = hindsight::example::example_postmortem().unwrap();
    hindsight::storage::save(path, &doc).unwrap();
    doc
}

#[test]
fn fifty_set_ticket_runs_at_once_keep_fifty_tickets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inc.ron");
    let mut doc = example_at(&path);
    doc.action_items = (0..50)
        .map(|index| ActionItem {
            action: format!("Item {index}"),
            ..ActionItem::default()
        })
        .collect();
    hindsight::storage::save(&path, &doc).unwrap();
    let children: Vec<Child> = doc
        .action_items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            hindsight()
                .args(["actions", "set-ticket"])
                .arg(&path)
                .arg(item.id.to_string())
                .arg(format!("https://tracker.example.com/OPS-{index}"))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    all_succeed(children);
    let saved = hindsight::storage::load(&path).unwrap();
    for (index, item) in saved.action_items.iter().enumerate() {
        assert_eq!(
            item.ticket_url,
            format!("https://tracker.example.com/OPS-{index}"),
            "item {index}"
        );
    }
}

#[test]
fn twenty_imports_at_once_and_fmt_beside_them_keep_twenty_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inc.ron");
    let doc = example_at(&path);
    let before = doc.timeline.len();
    let mut children = Vec::new();
    for index in 0..20 {
        let source = dir.path().join(format!("row-{index}.txt"));
        std::fs::write(&source, format!("15:{index:02} dana: follow-up {index}\n")).unwrap();
        children.push(
            hindsight()
                .arg("timeline-import")
                .arg(&path)
                .arg(&source)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap(),
        );
        // `fmt` racing the imports writes back only what it has just read.
        children.push(
            hindsight()
                .arg("fmt")
                .arg(&path)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap(),
        );
    }
    all_succeed(children);
    let saved = hindsight::storage::load(&path).unwrap();
    assert_eq!(saved.timeline.len(), before + 20);
    for index in 0..20 {
        let event = format!("follow-up {index}");
        assert!(
            saved.timeline.iter().any(|row| row.event == event),
            "{event} was lost"
        );
    }
}
