//! Markdown postmortems into Hindsight documents: Hindsight's own export comes back whole,
//! and `hindsight import` writes the documents, refuses to overwrite, and goes on past a file
//! it cannot read.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::fs;

use assert_cmd::Command;
use chrono::NaiveDate;
use hindsight::export::{ExportOptions, Portion, to_markdown};
use hindsight::model::Postmortem;
use hindsight::sources::markdown::import_markdown;

fn example() -> Postmortem {
    hindsight::storage::from_ron_str(
        hindsight::example::EXAMPLE_RON,
        std::path::Path::new("example.ron"),
    )
    .unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

#[test]
fn hindsights_own_markdown_export_comes_back_with_every_field_it_shows() {
    let original = example();
    let markdown = to_markdown(&original, ExportOptions::default(), Portion::Whole);
    let imported = import_markdown(&markdown, today());
    let doc = &imported.doc;
    assert_eq!(imported.not_placed(), 0, "{:#?}", imported.report);
    assert_eq!(doc.title, original.title);
    assert_eq!(doc.incident_id, original.incident_id);
    assert_eq!(doc.status, original.status);
    assert_eq!(doc.updated, original.updated);
    assert_eq!(doc.authors, original.authors);
    assert_eq!(
        doc.classification.severity,
        original.classification.severity
    );
    assert_eq!(
        doc.classification.incident_type,
        original.classification.incident_type
    );
    assert_eq!(
        doc.classification.services,
        original.classification.services
    );
    assert_eq!(doc.key_times, original.key_times);
    assert_eq!(doc.participants, original.participants);
    let links = |doc: &Postmortem| -> Vec<(String, String)> {
        doc.links
            .iter()
            .map(|link| (link.label.clone(), link.url.clone()))
            .collect()
    };
    assert_eq!(links(doc), links(&original));
    assert_eq!(doc.narrative, original.narrative);
    assert_eq!(doc.timeline.len(), original.timeline.len());
    for (back, row) in doc.timeline.iter().zip(&original.timeline) {
        assert_eq!(
            (
                &back.time,
                &back.event,
                &back.notes,
                &back.actor,
                &back.evidence
            ),
            (&row.time, &row.event, &row.notes, &row.actor, &row.evidence)
        );
    }
    assert_eq!(doc.action_items.len(), original.action_items.len());
    for (back, item) in doc.action_items.iter().zip(&original.action_items) {
        assert_eq!(
            (&back.action, &back.owner, &back.due, &back.status),
            (&item.action, &item.owner, &item.due, &item.status)
        );
    }
}

#[test]
fn the_command_writes_documents_refuses_to_overwrite_and_goes_on_past_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("inc-620.md");
    fs::copy("tests/markdown/rootly-reference.md", &source).unwrap();
    let sre = dir.path().join("sre.md");
    fs::copy("tests/markdown/sre-book-shape.md", &sre).unwrap();
    let missing = dir.path().join("missing.md");
    let out_dir = dir.path().join("postmortems");
    fs::create_dir(&out_dir).unwrap();
    let output = Command::cargo_bin("hindsight")
        .unwrap()
        .args(["import", "--out-dir"])
        .arg(&out_dir)
        .arg(&source)
        .arg(&missing)
        .arg(&sre)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stdout.contains("13 timeline rows, 6 action items"),
        "{stdout}"
    );
    assert!(stderr.contains("missing.md"), "{stderr}");
    let written = hindsight::storage::load(&out_dir.join("inc-620.ron")).unwrap();
    assert_eq!(written.classification.severity.as_deref(), Some("SEV-2"));
    assert!(out_dir.join("sre.ron").exists());
    let before = fs::read(out_dir.join("inc-620.ron")).unwrap();

    // Never over an existing file without --force.
    Command::cargo_bin("hindsight")
        .unwrap()
        .args(["import", "-o"])
        .arg(out_dir.join("inc-620.ron"))
        .arg(&sre)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--force"));
    assert_eq!(fs::read(out_dir.join("inc-620.ron")).unwrap(), before);
    Command::cargo_bin("hindsight")
        .unwrap()
        .args(["import", "--force", "--report", "-o"])
        .arg(out_dir.join("inc-620.ron"))
        .arg(&sre)
        .assert()
        .success()
        .stdout(predicates::str::contains("line 3: title"));
    let replaced = hindsight::storage::load(&out_dir.join("inc-620.ron")).unwrap();
    assert_eq!(replaced.incident_id, "incident #812");
}
