//! `hindsight attach` and what `check` says of attached files, run as a process.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use hindsight::model::{AttachedTo, Section};
use hindsight::storage;
use predicates::prelude::*;

const EXAMPLE: &str = "assets/examples/user-api-latency.ron";

fn hindsight() -> Command {
    Command::cargo_bin("hindsight").unwrap()
}

fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("inc-812.ron");
    fs::copy(EXAMPLE, &doc).unwrap();
    let graph = dir.path().join("p99 latency.png");
    fs::write(&graph, b"\x89PNG\r\n\x1a\n a graph").unwrap();
    (dir, doc, graph)
}

/// `hindsight attach DOC FILE ARGS…`, run as a person would; the assertion is left to the
/// caller.
fn attach(doc: &Path, file: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    hindsight()
        .arg("attach")
        .arg(doc)
        .arg(file)
        .args(args)
        .assert()
}

fn stored_file(doc: &Path, path: &str) -> PathBuf {
    doc.with_file_name(path)
}

#[test]
fn attach_copies_the_file_beside_the_postmortem_and_refers_to_it_from_a_row() {
    let (_dir, doc, graph) = setup();
    attach(
        &doc,
        &graph,
        &["--row", "3", "--caption", "p99 latency at the peak"],
    )
    .code(0)
    .stdout(predicate::str::contains(
        "attached p99 latency.png as inc-812.files/",
    ));
    let saved = storage::load(&doc).unwrap();
    let [attachment] = saved.attachments.as_slice() else {
        panic!("{:?}", saved.attachments);
    };
    assert_eq!(attachment.place, AttachedTo::Row(saved.timeline[2].id));
    assert_eq!(attachment.caption, "p99 latency at the peak");
    assert_eq!(attachment.original_name, "p99 latency.png");
    assert_eq!(
        fs::read(stored_file(&doc, &attachment.path)).unwrap(),
        fs::read(&graph).unwrap()
    );
    hindsight()
        .arg("check")
        .arg(&doc)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 errors, 0 warnings"));
}

#[test]
fn attach_to_a_section_by_its_heading_and_the_same_file_twice_is_stored_once() {
    let (_dir, doc, graph) = setup();
    for section in ["impact", "Root cause"] {
        attach(&doc, &graph, &["--section", section]).code(0);
    }
    let saved = storage::load(&doc).unwrap();
    let places: Vec<AttachedTo> = saved.attachments.iter().map(|a| a.place).collect();
    assert_eq!(
        places,
        [
            AttachedTo::Section(Section::Impact),
            AttachedTo::Section(Section::RootCause)
        ]
    );
    assert_eq!(saved.attachments[0].path, saved.attachments[1].path);
    assert_eq!(fs::read_dir(storage::folder_for(&doc)).unwrap().count(), 1);
}

#[test]
fn a_wrong_row_or_section_or_a_missing_file_changes_nothing_and_exits_2() {
    let (_dir, doc, graph) = setup();
    let before = fs::read(&doc).unwrap();
    attach(&doc, &graph, &["--row", "99"])
        .code(2)
        .stderr(predicate::str::contains(
            "there is no timeline row 99 (the timeline has 13 rows",
        ));
    attach(&doc, &graph, &["--section", "Graphs"])
        .code(2)
        .stderr(predicate::str::contains("no section is called \"Graphs\""));
    attach(&doc, &doc.with_file_name("nothing.png"), &[])
        .code(2)
        .stderr(predicate::str::contains("nothing.png could not be read"));
    assert_eq!(fs::read(&doc).unwrap(), before);
    assert!(!storage::folder_for(&doc).exists());
}

#[test]
fn check_reports_a_missing_attachment_and_a_file_nothing_refers_to() {
    let (_dir, doc, graph) = setup();
    attach(&doc, &graph, &["--caption", "Error rate"]).code(0);
    let saved = storage::load(&doc).unwrap();
    let folder = storage::folder_for(&doc);
    fs::remove_file(stored_file(&doc, &saved.attachments[0].path)).unwrap();
    fs::write(folder.join("notes.txt"), "mine").unwrap();
    hindsight()
        .arg("check")
        .arg(&doc)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "  error: The attached file \u{201c}Error rate\u{201d} is not at inc-812.files/",
        ))
        .stdout(predicate::str::contains(
            "  warning: inc-812.files/notes.txt is in the attachments folder, but nothing in the postmortem refers to it. [attachments folder]",
        ));
}

#[test]
fn check_refuses_a_reference_out_of_the_attachments_folder() {
    let (_dir, doc, _graph) = setup();
    let text = fs::read_to_string(&doc).unwrap();
    let hostile = text.replacen(
        "    action_items: [",
        "    attachments: [\n        (\n            path: \"../../.ssh/id_rsa\",\n        ),\n    ],\n    action_items: [",
        1,
    );
    // The field's place in the file is after the action items; a hand edit may put it
    // anywhere RON allows.
    fs::write(&doc, &hostile).unwrap();
    hindsight()
        .arg("check")
        .arg(&doc)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "which is not a file in the postmortem's attachments folder; Hindsight will not open it. [attachment 1]",
        ));
}

#[test]
fn export_embeds_attached_images_in_html_and_copies_them_for_markdown() {
    let (dir, doc, graph) = setup();
    attach(
        &doc,
        &graph,
        &["--section", "Impact", "--caption", "p99 latency"],
    )
    .code(0);
    hindsight()
        .arg("export")
        .arg(&doc)
        .args(["--format", "html"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "<img src=\"data:image/png;base64,iVBORw0KGgogYSBncmFwaA==\" alt=\"p99 latency\">",
        ));
    let out = dir.path().join("wiki");
    fs::create_dir(&out).unwrap();
    hindsight()
        .arg("export")
        .arg(&doc)
        .args(["--format", "md", "-o"])
        .arg(out.join("inc-812.md"))
        .arg("--assets-dir")
        .arg(&out)
        .assert()
        .code(0);
    let saved = storage::load(&doc).unwrap();
    let path = &saved.attachments[0].path;
    let markdown = fs::read_to_string(out.join("inc-812.md")).unwrap();
    assert!(
        markdown.contains(&format!("![p99 latency](<{path}> \"p99 latency.png\")")),
        "{markdown}"
    );
    assert_eq!(fs::read(out.join(path)).unwrap(), fs::read(&graph).unwrap());
}

#[test]
fn import_copies_the_images_beside_the_markdown_and_leaves_others_in_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    fs::create_dir_all(notes.join("img")).unwrap();
    image::RgbaImage::new(4, 3)
        .save(notes.join("img/error rate.png"))
        .unwrap();
    fs::write(dir.path().join("secret.png"), b"\x89PNG\r\n\x1a\n outside").unwrap();
    fs::write(
        notes.join("inc-620.md"),
        "# Checkout errors\n\n## Impact\n\nCheckout failed for 20 minutes.\n\n\
         ![Error rate during the outage](img/error%20rate.png)\n\n\
         ![Status page](https://status.example.com/shot.png)\n\n\
         ![Not ours](../secret.png)\n",
    )
    .unwrap();
    let out = dir.path().join("inc-620.ron");
    hindsight()
        .arg("import")
        .arg(notes.join("inc-620.md"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(", 1 attached file"))
        .stderr(predicate::str::contains(
            "an image was left in the text: ../secret.png: it is outside the Markdown file's folder",
        ));
    let doc = storage::load(&out).unwrap();
    let [attachment] = doc.attachments.as_slice() else {
        panic!("{:?}", doc.attachments);
    };
    assert_eq!(attachment.caption, "Error rate during the outage");
    assert_eq!(attachment.place, AttachedTo::Section(Section::Impact));
    assert!(attachment.path.starts_with("inc-620.files/"));
    assert_eq!(
        fs::read(stored_file(&out, &attachment.path)).unwrap(),
        fs::read(notes.join("img/error rate.png")).unwrap()
    );
    assert!(!doc.narrative.impact.contains("error%20rate.png"));
    assert!(
        doc.narrative
            .impact
            .contains("![Status page](https://status.example.com/shot.png)")
    );
    assert!(doc.narrative.impact.contains("![Not ours](../secret.png)"));
    hindsight().arg("check").arg(&out).assert().code(0);
}

#[test]
fn an_exported_postmortem_imports_with_its_attachments() {
    let (dir, doc, graph) = setup();
    let real = dir.path().join("graph.png");
    image::RgbaImage::new(2, 2).save(&real).unwrap();
    attach(
        &doc,
        &real,
        &["--section", "Impact", "--caption", "p99 latency"],
    )
    .code(0);
    let spike = dir.path().join("spike.png");
    image::RgbaImage::new(3, 1).save(&spike).unwrap();
    attach(&doc, &spike, &["--row", "3", "--caption", "The spike"]).code(0);
    let log = dir.path().join("server.log");
    fs::write(&log, "14:03 ERROR pool exhausted\n").unwrap();
    attach(&doc, &log, &[]).code(0);
    let _ = graph;
    let exported = dir.path().join("inc-812.md");
    hindsight()
        .arg("export")
        .arg(&doc)
        .args(["--format", "md", "-o"])
        .arg(&exported)
        .assert()
        .code(0);
    let back = dir.path().join("back").join("inc-812.ron");
    fs::create_dir(back.parent().unwrap()).unwrap();
    hindsight()
        .arg("import")
        .arg(&exported)
        .arg("-o")
        .arg(&back)
        .assert()
        .code(0);
    let original = storage::load(&doc).unwrap();
    let imported = storage::load(&back).unwrap();
    // Each file comes back with its caption, at its place (a row is known by its event),
    // with the same bytes, in the new postmortem's folder.
    let described = |doc: &hindsight::model::Postmortem, path: &Path| {
        let mut files: Vec<(String, String, String, Vec<u8>)> = doc
            .attachments
            .iter()
            .map(|attachment| {
                let place = match attachment.place {
                    AttachedTo::Row(id) => format!("row {}", doc.row(id).unwrap().event),
                    other => format!("{other:?}"),
                };
                let bytes = fs::read(stored_file(path, &attachment.path)).unwrap();
                (
                    attachment.caption.clone(),
                    attachment.original_name.clone(),
                    place,
                    bytes,
                )
            })
            .collect();
        files.sort();
        files
    };
    assert_eq!(described(&imported, &back).len(), 3);
    assert_eq!(described(&imported, &back), described(&original, &doc));
    assert!(
        imported
            .attachments
            .iter()
            .all(|attachment| attachment.path.starts_with("inc-812.files/"))
    );
    assert!(imported.narrative.custom_sections.is_empty());
    assert_eq!(
        imported.narrative.impact.trim(),
        original.narrative.impact.trim()
    );
}
