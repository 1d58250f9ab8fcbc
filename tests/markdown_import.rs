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
use hindsight::model::{List, Postmortem};
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
fn a_section_of_notes_on_the_lists_stays_a_section_of_its_own() {
    // Found by the property test below: an empty "Notes on Todo" above the action items took
    // the list's place, and the real `## Action items` heading became a group inside it.
    let mut original = example();
    for (title, text) in [
        ("Notes on Todo", ""),
        ("Notes on timeline", "Times are from the pager."),
        ("Thoughts about follow-up", ""),
    ] {
        original
            .narrative
            .custom_sections
            .push(hindsight::model::CustomSection {
                title: title.to_owned(),
                text: text.to_owned(),
                ..hindsight::model::CustomSection::default()
            });
    }
    let markdown = to_markdown(&original, ExportOptions::default(), Portion::Whole);
    let imported = import_markdown(&markdown, today());
    let doc = &imported.doc;
    assert_eq!(doc.narrative, original.narrative, "{markdown}");
    assert_eq!(doc.timeline.len(), original.timeline.len());
    assert_eq!(doc.action_items.len(), original.action_items.len());
}

#[test]
fn the_lists_headings_as_written_go_out_in_the_export_and_come_back_in() {
    let mut original = example();
    original.set_list_heading(List::Timeline, "Sequence of events");
    original.set_list_heading(List::ActionItems, "Corrective actions");
    let markdown = to_markdown(&original, ExportOptions::default(), Portion::Whole);
    assert!(markdown.contains("\n## Sequence of events\n"), "{markdown}");
    assert!(markdown.contains("\n## Corrective actions\n"), "{markdown}");
    assert!(!markdown.contains("## Timeline"), "{markdown}");
    let html = hindsight::export::to_html(
        &original,
        ExportOptions::default(),
        &hindsight::export::AttachedFiles::new(),
    );
    assert!(html.contains("<h2>Sequence of events</h2>"), "{html}");
    assert!(html.contains("<h2>Corrective actions</h2>"), "{html}");
    let imported = import_markdown(&markdown, today());
    let doc = &imported.doc;
    assert_eq!(imported.not_placed(), 0, "{:#?}", imported.report);
    assert_eq!(doc.timeline_heading, "Sequence of events");
    assert_eq!(doc.action_items_heading, "Corrective actions");
    assert_eq!(doc.timeline.len(), original.timeline.len());
    assert_eq!(doc.action_items.len(), original.action_items.len());
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

/// `import --report` says how the times were read, and `--zone`, `--date`, `--day-order`
/// and `--newest-first` change it.
#[test]
fn import_reports_its_assumptions_and_takes_the_readers_choices() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("stampede.md");
    fs::write(
        &source,
        "# Stampede\n\nOn 04/05/2024 the cache expired.\n\n## Timeline\n\n\
         - 09:00 Keys expired\n- 09:02 CPU at 100%\n",
    )
    .unwrap();
    let out = dir.path().join("stampede.ron");
    let report = |extra: &[&str]| {
        let output = Command::cargo_bin("hindsight")
            .unwrap()
            .args(["import", "--force", "--report", "-o"])
            .arg(&out)
            .arg(&source)
            .args(extra)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let times: Vec<String> = hindsight::storage::load(&out)
            .unwrap()
            .timeline
            .iter()
            .filter_map(|row| row.time.map(|time| time.to_rfc3339()))
            .collect();
        (String::from_utf8(output).unwrap(), times)
    };
    let (text, times) = report(&[]);
    assert!(
        text.contains(
            "times that name no zone: UTC (no line names a zone for them: the document's)"
        ),
        "{text}"
    );
    assert!(
        text.contains("times with no date: on 2024-04-05 (the first date in the file (line 3))")
    );
    assert!(text.contains("dates like 03/04 read month first"));
    assert_eq!(times[0], "2024-04-05T09:00:00+00:00");

    let (text, times) = report(&["--zone", "Europe/Berlin", "--day-order", "day-first"]);
    assert!(
        text.contains("times that name no zone: Europe/Berlin (as you chose)"),
        "{text}"
    );
    assert!(text.contains("dates like 03/04 read day first (25/09/2024) (as you chose)"));
    assert_eq!(times[0], "2024-05-04T07:00:00+00:00");

    let (text, times) = report(&["--date", "2024-06-01", "--newest-first=false"]);
    assert!(
        text.contains("times with no date: on 2024-06-01 (as you chose)"),
        "{text}"
    );
    assert!(text.contains("lines read oldest first (as you chose)"));
    assert_eq!(times[1], "2024-06-01T09:02:00+00:00");
}

mod generated {
    //! Any document the Markdown export can show exactly comes back from it.

    use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
    use hindsight::export::{ExportOptions, Portion, to_markdown};
    use hindsight::model::{
        ActionItem, ActionStatus, Classification, CustomSection, DocumentStatus, KeyTimes, Link,
        Narrative, Participant, ParticipantRole, Postmortem, TimelineRow,
    };
    use hindsight::sources::markdown::import_markdown;
    use proptest::prelude::*;
    use proptest::sample::select;

    /// A word as people write them, with the characters Markdown gives a meaning to.
    fn word() -> impl Strategy<Value = String> {
        prop_oneof![
            select(vec![
                "alpha",
                "Beta",
                "orders.status",
                "p95",
                "a|b",
                "x_y",
                "*",
                "[link]",
                "<tag>",
                "&amp;",
                "\\",
                "`code`",
                "#hash",
                "$5",
                "~",
                "é",
                "日本",
                "🙂",
                "2–5",
                "50%",
                "don't",
                "(see",
                "above)",
                "a/b",
                "!",
                "->",
                "+1",
                "==",
            ])
            .prop_map(str::to_owned),
            "[a-z]{1,8}",
        ]
    }

    fn words(min: usize, max: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(word(), min..max).prop_map(|words| words.join(" "))
    }

    /// A name: capitalised words, with none of the marks that separate people in a list.
    fn name() -> impl Strategy<Value = String> {
        ("[A-Z][a-z]{1,7}", proptest::option::of("[A-Z]")).prop_map(|(first, initial)| {
            initial.map_or(first.clone(), |initial| format!("{first} {initial}."))
        })
    }

    /// Prose for a written section: paragraphs of words, each starting with a letter.
    fn prose() -> impl Strategy<Value = String> {
        proptest::collection::vec(("[A-Z][a-z]{0,6}", words(0, 10)), 0..3).prop_map(|paragraphs| {
            paragraphs
                .into_iter()
                .map(|(first, rest)| format!("{first} {rest}").trim().to_owned())
                .collect::<Vec<_>>()
                .join("\n\n")
        })
    }

    fn start() -> impl Strategy<Value = DateTime<Utc>> {
        (0_i64..(30 * 365 * 24 * 60)).prop_map(|minutes| {
            Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap() + Duration::minutes(minutes)
        })
    }

    fn date() -> impl Strategy<Value = Option<NaiveDate>> {
        proptest::option::of((2000_i32..2030, 1_u32..13, 1_u32..29)).prop_map(|date| {
            date.and_then(|(year, month, day)| NaiveDate::from_ymd_opt(year, month, day))
        })
    }

    #[allow(
        clippy::too_many_lines,
        reason = "one strategy for the whole document, part by part, reads best in one place"
    )]
    fn document() -> impl Strategy<Value = Postmortem> {
        let header = (
            words(1, 6),
            "INC-[0-9]{1,5}",
            select(DocumentStatus::ALL.to_vec()),
            proptest::collection::vec(name(), 0..3),
            date(),
        );
        let classification = (
            proptest::option::of(1_u8..6),
            proptest::option::of(("[A-Z][a-z]{2,8}", words(0, 3))),
            proptest::collection::vec(name(), 0..3),
        );
        // Key times in order after the start, the first two under a day (the export
        // shows how long after the start they came, to the minute).
        let key_times = (
            start(),
            proptest::collection::vec(proptest::option::of(0_i64..600), 4),
        );
        let people = proptest::collection::vec(
            (
                name(),
                select(ParticipantRole::ALL.to_vec()),
                // The export separates people with `,` and `;` and puts the note in
                // parentheses, so a note of plain words.
                proptest::option::of("[a-z]{1,8}( [a-z]{1,8})?"),
            ),
            0..4,
        );
        let links = proptest::collection::vec((name(), proptest::option::of("[a-z]{1,8}")), 0..3);
        let sections = (
            proptest::collection::vec(prose(), 12),
            proptest::collection::vec(("[A-Z][a-z]{3,8}", prose()), 0..2),
        );
        let rows = proptest::collection::vec(
            (
                0_i64..3000,
                words(1, 6),
                words(0, 4),
                proptest::option::of(name()),
                proptest::option::of("[a-z]{1,8}"),
            ),
            0..6,
        );
        let actions = proptest::collection::vec(
            (
                words(1, 6),
                proptest::option::of(name()),
                date(),
                select(ActionStatus::ALL.to_vec()),
            ),
            0..4,
        );
        (
            header,
            classification,
            key_times,
            people,
            links,
            sections,
            rows,
            actions,
        )
            .prop_map(
                |(
                    (title, id, status, authors, updated),
                    (severity, incident_type, services),
                    (started, offsets),
                    people,
                    links,
                    (texts, custom),
                    rows,
                    actions,
                )| {
                    let mut key_times = KeyTimes {
                        started: Some(started),
                        ..KeyTimes::default()
                    };
                    let mut last = started;
                    for (key, offset) in [
                        hindsight::model::KeyTime::Detected,
                        hindsight::model::KeyTime::Acknowledged,
                        hindsight::model::KeyTime::Mitigated,
                        hindsight::model::KeyTime::Resolved,
                    ]
                    .into_iter()
                    .zip(offsets)
                    {
                        if let Some(offset) = offset {
                            last += Duration::minutes(offset);
                            key_times.set(key, Some(last));
                        }
                    }
                    // The export lists people by role.
                    let mut participants: Vec<Participant> = people
                        .into_iter()
                        .map(|(name, role, note)| Participant {
                            name,
                            role,
                            note: note.unwrap_or_default(),
                        })
                        .collect();
                    participants.sort_by_key(|person| {
                        ParticipantRole::ALL
                            .iter()
                            .position(|role| *role == person.role)
                    });
                    let mut texts = texts.into_iter();
                    let mut next = || texts.next().unwrap_or_default();
                    let narrative = Narrative {
                        summary: next(),
                        impact: next(),
                        root_cause: next(),
                        trigger: next(),
                        contributing_factors: next(),
                        detection: next(),
                        resolution: next(),
                        supporting_evidence: next(),
                        what_went_well: next(),
                        what_went_wrong: next(),
                        where_we_got_lucky: next(),
                        lessons_learned: next(),
                        custom_sections: custom
                            .into_iter()
                            .map(|(word, text)| CustomSection {
                                title: format!("Notes on {word}"),
                                text,
                                ..CustomSection::default()
                            })
                            .collect(),
                        ..Narrative::default()
                    };
                    let mut at = started;
                    let timeline = rows
                        .into_iter()
                        .map(|(gap, event, notes, actor, evidence)| {
                            at += Duration::minutes(gap);
                            TimelineRow {
                                time: Some(at),
                                event,
                                notes,
                                actor,
                                evidence: evidence
                                    .map(|page| format!("https://grafana.example.com/d/{page}"))
                                    .unwrap_or_default(),
                                ..TimelineRow::default()
                            }
                        })
                        .collect();
                    Postmortem {
                        title,
                        incident_id: id,
                        status,
                        authors,
                        updated,
                        classification: Classification {
                            severity: severity.map(|level| format!("SEV-{level}")),
                            incident_type: incident_type
                                .map(|(first, rest)| format!("{first} {rest}").trim().to_owned())
                                .unwrap_or_default(),
                            services,
                            ..Classification::default()
                        },
                        key_times,
                        participants,
                        links: links
                            .into_iter()
                            .map(|(label, page)| Link {
                                label,
                                url: page
                                    .map(|page| format!("https://wiki.example.com/{page}"))
                                    .unwrap_or_default(),
                                ..Link::default()
                            })
                            .collect(),
                        narrative,
                        timeline,
                        action_items: actions
                            .into_iter()
                            .map(|(action, owner, due, status)| ActionItem {
                                action,
                                owner: owner.unwrap_or_default(),
                                due,
                                status,
                                ..ActionItem::default()
                            })
                            .collect(),
                        ..Postmortem::default()
                    }
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn any_document_comes_back_from_its_markdown_export(original in document()) {
            let markdown = to_markdown(&original, ExportOptions::default(), Portion::Whole);
            let imported = import_markdown(&markdown, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
            let doc = &imported.doc;
            let context = format!("{markdown}\n---\n{:#?}", imported.report);
            prop_assert_eq!(imported.not_placed(), 0, "{}", context);
            prop_assert_eq!(&doc.title, &original.title, "{}", context);
            prop_assert_eq!(&doc.incident_id, &original.incident_id);
            prop_assert_eq!(doc.status, original.status);
            prop_assert_eq!(doc.updated, original.updated);
            prop_assert_eq!(&doc.authors, &original.authors);
            prop_assert_eq!(&doc.classification.severity, &original.classification.severity);
            prop_assert_eq!(&doc.classification.incident_type, &original.classification.incident_type, "{}", context);
            prop_assert_eq!(&doc.classification.services, &original.classification.services);
            prop_assert_eq!(&doc.key_times, &original.key_times, "{}", context);
            prop_assert_eq!(&doc.participants, &original.participants, "{}", context);
            let links = |doc: &Postmortem| -> Vec<(String, String)> {
                doc.links.iter().map(|link| (link.label.clone(), link.url.clone())).collect()
            };
            prop_assert_eq!(links(doc), links(&original), "{}", context);
            prop_assert_eq!(&doc.narrative, &original.narrative, "{}", context);
            let rows = |doc: &Postmortem| -> Vec<_> {
                doc.timeline
                    .iter()
                    .map(|row| (row.time, row.event.clone(), row.notes.clone(), row.actor.clone(), row.evidence.clone()))
                    .collect()
            };
            prop_assert_eq!(rows(doc), rows(&original), "{}", context);
            let items = |doc: &Postmortem| -> Vec<_> {
                doc.action_items
                    .iter()
                    .map(|item| (item.action.clone(), item.owner.clone(), item.due, item.status))
                    .collect()
            };
            prop_assert_eq!(items(doc), items(&original), "{}", context);
        }
    }
}

#[test]
fn imports_never_write_over_each_other_or_their_sources() {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["a", "b", "out"] {
        fs::create_dir(dir.path().join(folder)).unwrap();
    }
    let first = dir.path().join("a/x.md");
    let second = dir.path().join("b/x.md");
    fs::copy("tests/markdown/rootly-reference.md", &first).unwrap();
    fs::copy("tests/markdown/sre-book-shape.md", &second).unwrap();
    let out_dir = dir.path().join("out");

    // Two inputs with one output: refused, both named, nothing written.
    let output = Command::cargo_bin("hindsight")
        .unwrap()
        .args(["import", "--out-dir"])
        .arg(&out_dir)
        .arg(&first)
        .arg(&second)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("a/x.md") && stderr.contains("b/x.md"),
        "{stderr}"
    );
    assert!(!out_dir.join("x.ron").exists());

    // One input named twice, however spelt, is read and written once.
    let again = dir.path().join("a/../a/x.md");
    let output = Command::cargo_bin("hindsight")
        .unwrap()
        .args(["import", "--out-dir"])
        .arg(&out_dir)
        .arg(&first)
        .arg(&again)
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "{stdout}");

    // An output that is an input is refused even with --force.
    let source = fs::read(&second).unwrap();
    Command::cargo_bin("hindsight")
        .unwrap()
        .args(["import", "--force", "-o"])
        .arg(&second)
        .arg(&second)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("being imported"));
    assert_eq!(fs::read(&second).unwrap(), source);
}

#[test]
fn lines_a_hard_break_ends_are_entries_of_their_own_and_offsets_may_be_approximate() {
    // Two spaces end each line, as a reader of the page sees it: one event a line.
    let text = "# Workshop outage\n\n**Date:** September 30, 2024\n\n## Timeline\n\n\
                **Pre-incident:** Workshop begins  \n\
                **T+0 min:** Deployments roll through  \n\
                **T+~10 min:** Workspaces start dying  \n\
                Post-workshop: fixes applied\n";
    let doc = import_markdown(text, today()).doc;
    let events: Vec<&str> = doc.timeline.iter().map(|row| row.event.as_str()).collect();
    assert_eq!(
        events,
        [
            "Workshop begins",
            "Deployments roll through",
            "Workspaces start dying",
            "fixes applied"
        ]
    );
    assert!(
        doc.timeline[2].notes.contains("T+~10 min"),
        "{:?}",
        doc.timeline[2]
    );
}

#[test]
fn untimed_timeline_items_stay_rows_of_their_own_after_a_labelled_one() {
    let text = "# Indexer timeouts\n\n## Timeline (approximate)\n\
                - **Initial symptom:** indexer timeouts.\n\
                - **Investigation:** verified the RPC.\n\
                - **Deep dive:** executed calls; reproductions\n  showed errors.\n\
                - **Fix applied:** set the flag.\n";
    let doc = import_markdown(text, today()).doc;
    assert_eq!(doc.timeline.len(), 4, "{:#?}", doc.timeline);
    assert!(
        doc.timeline[2]
            .event
            .contains("executed calls; reproductions showed errors.")
    );
}
