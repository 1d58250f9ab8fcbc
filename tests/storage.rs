//! Storage: the example, round trips, canonical output, and every refusal.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, TimeZone, Utc};
use hindsight::example::{EXAMPLE_RON, example_postmortem};
use hindsight::model::{
    ActionStatus, AttachedTo, FORMAT_VERSION, KeyTime, LinkKind, List, Marker, ParticipantRole,
    Postmortem, Section, validate,
};
use hindsight::storage::{self, LoadError, from_ron_str, to_canonical_ron};

fn write_temp(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn load_bytes(bytes: &[u8]) -> Result<Postmortem, LoadError> {
    let (_dir, path) = write_temp("doc.ron", bytes);
    storage::load(&path)
}

/// The message of a refusal, checked to name the file, a line and a column.
fn refusal(bytes: &[u8]) -> String {
    let error = load_bytes(bytes).expect_err("the file should be refused");
    let message = error.to_string();
    assert!(message.contains("doc.ron:"), "no file name in: {message}");
    let after_name = message.split("doc.ron:").nth(1).unwrap();
    let mut parts = after_name.splitn(3, ':');
    let line = parts.next().unwrap();
    let column = parts.next().unwrap();
    assert!(
        line.parse::<usize>().is_ok() && column.parse::<usize>().is_ok(),
        "no line and column in: {message}"
    );
    message
}

#[test]
fn the_example_is_transcribed_completely() {
    let doc = example_postmortem().unwrap();
    assert_eq!(doc.timeline.len(), 13);
    assert_eq!(doc.action_items.len(), 6);
    assert_eq!(doc.classification.severity.as_deref(), Some("SEV-2"));
    assert_eq!(doc.classification.incident_type, "Performance degradation");
    assert_eq!(
        doc.classification.services,
        [
            "User API",
            "PostgreSQL database (orders table)",
            "ORM layer"
        ]
    );
    let at = |h, m| Some(Utc.with_ymd_and_hms(2025, 8, 1, h, m, 0).unwrap());
    assert_eq!(doc.key_times.get(KeyTime::Started), at(14, 3));
    assert_eq!(doc.key_times.get(KeyTime::Detected), at(14, 5));
    assert_eq!(doc.key_times.get(KeyTime::Acknowledged), at(14, 6));
    assert_eq!(doc.key_times.get(KeyTime::Mitigated), at(14, 20));
    assert_eq!(doc.key_times.get(KeyTime::Resolved), at(14, 33));
    let roles: Vec<_> = doc.participants.iter().map(|p| p.role).collect();
    assert_eq!(
        roles,
        [
            ParticipantRole::IncidentLead,
            ParticipantRole::Responder,
            ParticipantRole::Responder,
            ParticipantRole::Reporter
        ]
    );
    let kinds: Vec<_> = doc.links.iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds,
        [
            LinkKind::ChatChannel,
            LinkKind::Commit,
            LinkKind::Dashboard,
            LinkKind::StatusPage
        ]
    );
    let first_and_last: Vec<_> = [&doc.timeline[0], &doc.timeline[12]]
        .iter()
        .map(|row| row.time.unwrap().format("%H:%M").to_string())
        .collect();
    assert_eq!(first_and_last, ["14:03", "14:45"]);
    assert!(doc.timeline.iter().all(|row| !row.notes.is_empty()));
    let dues: Vec<_> = doc.action_items.iter().map(|a| a.due.unwrap()).collect();
    let day = |d| NaiveDate::from_ymd_opt(2025, 8, d).unwrap();
    assert_eq!(dues, [day(5), day(12), day(19), day(8), day(15), day(22)]);
    assert!(
        doc.action_items
            .iter()
            .all(|a| a.status == ActionStatus::Open)
    );
    assert!(doc.action_items.iter().all(|a| !a.owner.is_empty()));
    for text in [
        &doc.narrative.summary,
        &doc.narrative.root_cause,
        &doc.narrative.contributing_factors,
        &doc.narrative.what_went_well,
        &doc.narrative.resolution,
        &doc.narrative.supporting_evidence,
        &doc.narrative.lessons_learned,
    ] {
        assert!(!text.trim().is_empty());
    }
    let marked: Vec<_> = doc
        .timeline
        .iter()
        .filter(|row| !matches!(row.marker, Marker::Unmarked | Marker::KeyMoment))
        .map(|row| row.marker)
        .collect();
    assert_eq!(
        marked,
        [Marker::Detected, Marker::Mitigated, Marker::Resolved]
    );
    assert_eq!(validate(&doc), Vec::new());
}

#[test]
fn the_bundled_example_is_in_canonical_form() {
    let doc = example_postmortem().unwrap();
    assert_eq!(to_canonical_ron(&doc).unwrap(), EXAMPLE_RON);
}

#[test]
fn format_version_is_the_first_field() {
    let text = to_canonical_ron(&Postmortem::default()).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("("));
    assert_eq!(
        lines.next(),
        Some(format!("    format_version: {FORMAT_VERSION},").as_str())
    );
}

#[test]
fn save_then_load_gives_the_same_document_and_the_same_bytes() {
    let doc = example_postmortem().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    storage::save(&path, &doc).unwrap();
    let first = fs::read(&path).unwrap();
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded, doc);
    storage::save(&path, &loaded).unwrap();
    assert_eq!(
        fs::read(&path).unwrap(),
        first,
        "saving unchanged changed bytes"
    );
}

/// The lines that differ between two texts of equal line count.
fn changed_lines(before: &str, after: &str) -> Vec<(String, String)> {
    let (before, after): (Vec<_>, Vec<_>) = (before.lines().collect(), after.lines().collect());
    assert_eq!(before.len(), after.len(), "the edit added or removed lines");
    before
        .iter()
        .zip(&after)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn changing_one_field_changes_only_its_line() {
    let doc = example_postmortem().unwrap();
    let before = to_canonical_ron(&doc).unwrap();

    let mut retitled = doc.clone();
    retitled.title = "User API latency".to_owned();
    let changes = changed_lines(&before, &to_canonical_ron(&retitled).unwrap());
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].1, "    title: \"User API latency\",");

    let mut row_edited = doc.clone();
    row_edited.timeline[4].notes = "Query came from the new feature".to_owned();
    let changes = changed_lines(&before, &to_canonical_ron(&row_edited).unwrap());
    assert_eq!(changes.len(), 1);
    assert!(changes[0].1.contains("Query came from the new feature"));

    let mut action_done = doc;
    action_done.action_items[2].status = ActionStatus::Done;
    let changes = changed_lines(&before, &to_canonical_ron(&action_done).unwrap());
    assert_eq!(
        changes,
        [(
            "            status: Open,".to_owned(),
            "            status: Done,".to_owned()
        )]
    );
}

#[test]
fn missing_fields_take_their_defaults() {
    let doc = from_ron_str(
        "(format_version: 1, title: \"Short\", timeline: [(event: \"Something\")])",
        Path::new("hand-written.ron"),
    )
    .unwrap();
    assert_eq!(doc.title, "Short");
    assert_eq!(doc.timeline[0].event, "Something");
    assert_eq!(doc.timeline[0].marker, Marker::Unmarked);
    assert_eq!(doc.classification.severity_scale.len(), 5);
    assert_eq!(doc.time_zone, chrono_tz::Tz::UTC);
}

#[test]
fn rows_without_ids_get_distinct_ones() {
    let doc = from_ron_str(
        "(format_version: 1, timeline: [(event: \"a\"), (event: \"b\")])",
        Path::new("hand-written.ron"),
    )
    .unwrap();
    assert_ne!(doc.timeline[0].id, doc.timeline[1].id);
}

#[test]
fn a_newer_format_version_is_refused_and_says_so() {
    let newer = FORMAT_VERSION + 1;
    let message = refusal(
        format!("(\n    format_version: {newer},\n    title: \"From the future\",\n)").as_bytes(),
    );
    assert!(message.contains("doc.ron:2:5:"), "{message}");
    assert!(
        message.contains(&format!("format version {newer}")),
        "{message}"
    );
    assert!(message.contains("update Hindsight"), "{message}");
}

#[test]
fn a_newer_version_with_unknown_structure_is_refused_for_its_version() {
    // A future format may change shapes entirely; the version must still be what is reported.
    let message = refusal(b"(format_version: 7, timeline: {\"new\": [1, 2, 3]})");
    assert!(message.contains("format version 7"), "{message}");
}

#[test]
fn an_empty_file_is_refused() {
    let message = refusal(b"");
    assert!(
        message.contains("doc.ron:1:1: the file is empty"),
        "{message}"
    );
    refusal(b"  \n\n");
}

#[test]
fn binary_junk_is_refused() {
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    refusal(&junk);
    let message = refusal(b"(format_version: 1, title: \"\xff\xfe\")");
    assert!(message.contains("not a text file"), "{message}");
    assert!(message.contains("doc.ron:1:29:"), "{message}");
}

#[test]
fn a_truncated_file_is_refused_with_where_it_ends() {
    let half = &EXAMPLE_RON.as_bytes()[..EXAMPLE_RON.len() / 2];
    let message = refusal(half);
    let lines = std::str::from_utf8(half).unwrap().matches('\n').count();
    assert!(
        message.contains(&format!(":{}:", lines + 1)) || message.contains("ends too early"),
        "{message}"
    );
}

#[test]
fn deeply_nested_input_is_refused_without_overflowing_the_stack() {
    // Where nesting does not fit the document, reading stops at the first wrong bracket.
    let mut text = String::from("(format_version: 1, authors: ");
    text.push_str(&"[".repeat(100_000));
    let message = refusal(text.as_bytes());
    assert!(message.contains("doc.ron:1:31:"), "{message}");
    // Where anything could stand (a file of unknown shape, read only for its version), the
    // depth limit stops it.
    let mut text = String::from("(format_version: 1, future: ");
    text.push_str(&"[".repeat(100_000));
    let message = refusal(text.as_bytes());
    assert!(message.contains("doc.ron:1:"), "{message}");
}

#[test]
fn json_and_markdown_renamed_to_ron_are_refused() {
    refusal(br#"{"format_version": 1, "title": "JSON"}"#);
    refusal(b"# Postmortem\n\n| Field | Value |\n|---|---|\n");
}

#[test]
fn another_programs_ron_file_is_not_a_postmortem() {
    let message = refusal(b"(window_size: (800, 600), theme: \"dark\")");
    assert!(message.contains("not a Hindsight postmortem"), "{message}");
}

#[test]
fn a_misspelt_field_is_refused_rather_than_dropped() {
    let message = refusal(b"(\n    format_version: 1,\n    titel: \"Typo\",\n)");
    assert!(message.contains("doc.ron:3:"), "{message}");
    assert!(message.contains("titel"), "{message}");
}

#[test]
fn invalid_dates_and_unknown_values_are_refused() {
    let message = refusal(b"(format_version: 1, created: Some(\"2025-02-30\"))");
    assert!(message.contains("doc.ron:1:"), "{message}");
    let message = refusal(b"(format_version: 1, status: Archived)");
    assert!(message.contains("Archived"), "{message}");
    let message = refusal(b"(format_version: 1, time_zone: \"Mars/Olympus_Mons\")");
    assert!(message.contains("doc.ron:1:"), "{message}");
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.ron");
    let file = fs::File::create(&path).unwrap();
    // Sparse: costs no disk, but reports 100 MiB.
    file.set_len(100 * 1024 * 1024).unwrap();
    let message = storage::load(&path).unwrap_err().to_string();
    assert!(message.contains("doc.ron"), "{message}");
    // One unit throughout, the one the documentation uses.
    assert!(
        message.contains("the file is 100.0 MiB") && message.contains("up to 32 MiB"),
        "{message}"
    );
    assert!(!message.contains(" MB"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pipe.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    // Opening the pipe to read would block this test forever; refusing it must not open it.
    let message = storage::load(&path).unwrap_err().to_string();
    assert!(message.contains("pipe.ron"), "{message}");
    assert!(message.contains("named pipe"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_device_or_a_folder_is_refused() {
    let message = storage::load(Path::new("/dev/zero"))
        .unwrap_err()
        .to_string();
    assert!(message.contains("a device"), "{message}");
    let dir = tempfile::tempdir().unwrap();
    let message = storage::load(dir.path()).unwrap_err().to_string();
    assert!(message.contains("a folder"), "{message}");
}

#[test]
fn instants_and_dates_outside_1900_to_9999_are_refused_where_they_are_written() {
    let example = include_str!("../assets/examples/user-api-latency.ron");
    let cases = [
        ("2025-08-01T14:03:00Z", "+262142-12-31T23:59:59Z", "262142"),
        ("2025-08-01T14:03:00Z", "1899-12-31T23:59:59Z", "1899"),
        ("2025-08-01T14:03:00Z", "-0001-01-01T00:00:00Z", "-1"),
    ];
    for (from, to, year) in cases {
        assert!(example.contains(from), "the example changed: {from}");
        let text = example.replacen(from, to, 1);
        let line = 1 + text[..text.find(to).unwrap()].matches('\n').count();
        let error = storage::from_ron_str(&text, Path::new("far.ron")).unwrap_err();
        let message = error.to_string();
        assert!(
            message.starts_with(&format!("far.ron:{line}:")),
            "{message}"
        );
        assert!(
            message.contains(&format!("the year {year} is outside the years 1900")),
            "{message}"
        );
    }
    for field in ["due: Some(\"", "created: Some(\""] {
        let at = example.find(field).unwrap() + field.len();
        let mut text = example.to_owned();
        text.replace_range(at..at + 4, "1066");
        let message = storage::from_ron_str(&text, Path::new("far.ron"))
            .unwrap_err()
            .to_string();
        assert!(message.contains("the year 1066 is outside"), "{message}");
    }
}

#[test]
fn a_missing_file_is_reported() {
    let message = storage::load(Path::new("/no/such/dir/doc.ron"))
        .unwrap_err()
        .to_string();
    assert!(message.contains("/no/such/dir/doc.ron"), "{message}");
    assert!(message.contains("does not exist"), "{message}");
}

#[test]
fn a_failed_save_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.ron");
    fs::write(&path, "the old words").unwrap();
    // A folder where the temporary file should go makes the save fail after serialising.
    let blocked = dir.path().join("sub");
    fs::write(&blocked, "not a folder").unwrap();
    let error = storage::save(&blocked.join("doc.ron"), &Postmortem::default()).unwrap_err();
    assert!(error.to_string().contains("could not save"), "{error}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "the old words");
}

#[test]
fn a_version_1_file_opens_unchanged_and_is_written_as_the_current_version_when_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.ron");
    // A file as the first Hindsight wrote it: no evidence on any row.
    let mut version_1 = String::new();
    for line in include_str!("../assets/examples/user-api-latency.ron")
        .replacen(
            &format!("format_version: {FORMAT_VERSION},"),
            "format_version: 1,",
            1,
        )
        .lines()
        .filter(|line| !line.trim_start().starts_with("evidence:"))
    {
        version_1.push_str(line);
        version_1.push('\n');
    }
    fs::write(&path, &version_1).unwrap();
    let doc = storage::load(&path).unwrap();
    assert!(doc.timeline.iter().all(|row| row.evidence.is_empty()));
    assert_eq!(doc.timeline.len(), 13);
    // Reading changes nothing on disk.
    assert_eq!(fs::read_to_string(&path).unwrap(), version_1);
    storage::save(&path, &doc).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    assert!(
        saved.starts_with(&format!("(\n    format_version: {FORMAT_VERSION},\n")),
        "{saved}"
    );
    assert_eq!(storage::load(&path).unwrap(), doc);
}

#[test]
fn a_version_2_file_opens_unchanged_and_a_heading_as_written_makes_the_current_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.ron");
    let version_2 = include_str!("../assets/examples/user-api-latency.ron").replacen(
        &format!("format_version: {FORMAT_VERSION},"),
        "format_version: 2,",
        1,
    );
    fs::write(&path, &version_2).unwrap();
    let mut doc = storage::load(&path).unwrap();
    assert!(doc.narrative.headings.is_empty());
    assert_eq!(fs::read_to_string(&path).unwrap(), version_2);
    doc.narrative
        .headings
        .insert(Section::RootCause, "Root Cause Analysis".to_owned());
    storage::save(&path, &doc).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    assert!(
        saved.starts_with(&format!("(\n    format_version: {FORMAT_VERSION},\n")),
        "{saved}"
    );
    assert!(
        saved.contains("headings: {\n            root_cause: \"Root Cause Analysis\",\n        },"),
        "{saved}"
    );
    assert_eq!(storage::load(&path).unwrap(), doc);
}

#[test]
fn a_version_3_file_opens_unchanged_and_the_lists_headings_as_written_stand_before_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.ron");
    let version_3 = include_str!("../assets/examples/user-api-latency.ron").replacen(
        &format!("format_version: {FORMAT_VERSION},"),
        "format_version: 3,",
        1,
    );
    fs::write(&path, &version_3).unwrap();
    let mut doc = storage::load(&path).unwrap();
    assert_eq!(doc.heading_of_list(List::Timeline), "Timeline");
    assert_eq!(fs::read_to_string(&path).unwrap(), version_3);
    doc.set_list_heading(List::Timeline, "Sequence of events");
    doc.set_list_heading(List::ActionItems, "Corrective actions");
    storage::save(&path, &doc).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    assert!(
        saved.starts_with(&format!("(\n    format_version: {FORMAT_VERSION},\n")),
        "{saved}"
    );
    // Each heading stands right before the list it heads, so the file reads in order.
    assert!(
        saved.contains("    timeline_heading: \"Sequence of events\",\n    timeline: ["),
        "{saved}"
    );
    assert!(
        saved.contains("    action_items_heading: \"Corrective actions\",\n    action_items: ["),
        "{saved}"
    );
    assert_eq!(storage::load(&path).unwrap(), doc);
    // The template's own words go back to no heading of the list's own.
    doc.set_list_heading(List::Timeline, "Timeline");
    assert!(doc.timeline_heading.is_empty());
}

#[test]
fn a_version_4_file_opens_unchanged_and_attachments_are_written_after_the_action_items() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inc-812.ron");
    let version_4 = include_str!("../assets/examples/user-api-latency.ron").replacen(
        &format!("format_version: {FORMAT_VERSION},"),
        "format_version: 4,",
        1,
    );
    fs::write(&path, &version_4).unwrap();
    let mut doc = storage::load(&path).unwrap();
    assert!(doc.attachments.is_empty());
    assert_eq!(fs::read_to_string(&path).unwrap(), version_4);

    let mut graph = storage::store_bytes(&path, b"\x89PNG graph", "p99.png").unwrap();
    graph.caption = "p99 latency during the incident".to_owned();
    graph.place = AttachedTo::Section(Section::Impact);
    doc.attachments.push(graph.clone());
    storage::save(&path, &doc).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains(&format!(
            "    attachments: [\n        (\n            path: \"{}\",\n            caption: \"p99 latency during the incident\",\n            original_name: \"p99.png\",\n            place: Section(impact),\n        ),\n    ],\n",
            graph.path
        )),
        "{saved}"
    );
    let reopened = storage::load(&path).unwrap();
    assert_eq!(reopened.attachments, [graph]);
    assert_eq!(reopened, doc);
}
