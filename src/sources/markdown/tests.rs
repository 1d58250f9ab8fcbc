//! Importing real shapes of postmortem: the reference Rootly example with its flaws, a
//! postmortem in the SRE book's shape, and Hindsight's own Markdown export.

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::model::{ActionStatus, ParticipantRole, Section};

const ROOTLY: &str = include_str!("../../../tests/markdown/rootly-reference.md");
const SRE_BOOK: &str = include_str!("../../../tests/markdown/sre-book-shape.md");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

/// Each timeline row's time and event, in order.
pub(super) fn times_and_events(doc: &Postmortem) -> Vec<(Option<chrono::DateTime<Utc>>, &str)> {
    doc.timeline
        .iter()
        .map(|row| (row.time, row.event.as_str()))
        .collect()
}

/// Each timeline row's event, in order.
pub(super) fn events(doc: &Postmortem) -> Vec<&str> {
    doc.timeline.iter().map(|row| row.event.as_str()).collect()
}

/// Each timeline row's event and notes, in order.
pub(super) fn events_and_notes(doc: &Postmortem) -> Vec<(&str, &str)> {
    doc.timeline
        .iter()
        .map(|row| (row.event.as_str(), row.notes.as_str()))
        .collect()
}

/// Each timeline row's time, in order.
pub(super) fn row_times(doc: &Postmortem) -> Vec<Option<chrono::DateTime<Utc>>> {
    doc.timeline.iter().map(|row| row.time).collect()
}

/// Each timeline row's time, event and notes, in order.
pub(super) fn times_events_and_notes(
    doc: &Postmortem,
) -> Vec<(Option<chrono::DateTime<Utc>>, &str, &str)> {
    doc.timeline
        .iter()
        .map(|row| (row.time, row.event.as_str(), row.notes.as_str()))
        .collect()
}

/// The text of the "Details as written" section, or nothing when there is none.
pub(super) fn details_as_written(doc: &Postmortem) -> &str {
    doc.narrative
        .custom_sections
        .iter()
        .find(|section| section.title == DETAILS_AS_WRITTEN)
        .map_or("", |section| section.text.as_str())
}

/// Each action item's text and status, in order.
pub(super) fn actions_and_statuses(doc: &Postmortem) -> Vec<(&str, ActionStatus)> {
    doc.action_items
        .iter()
        .map(|item| (item.action.as_str(), item.status))
        .collect()
}

/// The action items' words, in order.
pub(super) fn actions(doc: &Postmortem) -> Vec<&str> {
    doc.action_items
        .iter()
        .map(|item| item.action.as_str())
        .collect()
}

/// The titles of the document's custom sections, in order.
pub(super) fn section_titles(doc: &Postmortem) -> Vec<&str> {
    doc.narrative
        .custom_sections
        .iter()
        .map(|section| section.title.as_str())
        .collect()
}

/// Every piece of text the document holds, lower case, hyphens plain.
pub(super) fn all_text(doc: &Postmortem) -> String {
    let mut text = vec![
        doc.title.clone(),
        doc.incident_id.clone(),
        doc.classification.incident_type.clone(),
        doc.classification.severity.clone().unwrap_or_default(),
    ];
    text.extend(doc.authors.iter().cloned());
    text.extend(doc.classification.services.iter().cloned());
    for person in &doc.participants {
        text.extend([person.name.clone(), person.note.clone()]);
    }
    for link in &doc.links {
        text.extend([link.label.clone(), link.url.clone()]);
    }
    for section in Section::ALL {
        text.push(doc.narrative.text(section).to_owned());
    }
    for custom in &doc.narrative.custom_sections {
        text.extend([custom.title.clone(), custom.text.clone()]);
    }
    for row in &doc.timeline {
        text.extend([
            row.event.clone(),
            row.notes.clone(),
            row.actor.clone().unwrap_or_default(),
            row.evidence.clone(),
        ]);
    }
    for item in &doc.action_items {
        text.extend([
            item.action.clone(),
            item.owner.clone(),
            item.ticket_url.clone(),
        ]);
    }
    values::plain_hyphens(&text.join("\n")).to_lowercase()
}

/// The words of `source` that are content: table headers and their rules are structure and
/// are left out (the report says where they went).
fn content_words(source: &str) -> Vec<String> {
    let lines: Vec<&str> = source.lines().collect();
    let mut words = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let is_rule = line.trim().starts_with("|-") || line.trim().starts_with("|:");
        let is_header = lines
            .get(index + 1)
            .is_some_and(|next| next.trim().starts_with("|-") || next.trim().starts_with("|:"));
        if is_rule || is_header {
            continue;
        }
        // A heading's words are where its text went (the report says which section); a
        // field's key is the field it filled.
        if line.trim_start().starts_with('#') {
            continue;
        }
        let line = match line
            .trim()
            .strip_prefix('|')
            .and_then(|row| row.split_once('|'))
        {
            Some((key, value)) if fields::field_named(key.trim()).is_some() => value,
            _ => line,
        };
        let line = match line.split_once(':') {
            Some((key, value))
                if fields::field_named(key.trim_matches(['*', '_', '-', ' '])).is_some()
                    || headings::target_of(key.trim_matches(['*', '_', '-', ' '])).is_some() =>
            {
                value
            }
            _ => line,
        };
        for word in line.split_whitespace() {
            // Times became the rows' times; these words set an item's status or kind, or
            // name the zone the times were read in.
            let plain = values::plain_hyphens(word);
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            let month_day = bare.len() == 5
                && bare.chars().enumerate().all(|(at, c)| {
                    if at == 2 {
                        c == '-'
                    } else {
                        c.is_ascii_digit()
                    }
                });
            if crate::model::read_clock(word).is_some_and(|(_, rest)| rest.is_empty())
                || crate::model::read_clock(bare).is_some_and(|(_, rest)| rest.is_empty())
                || month_day
                || crate::model::zone_named(bare).is_some()
                || crate::model::read_date_line(&plain).is_some()
                || [
                    "done",
                    "todo",
                    "prevent",
                    "mitigate",
                    "detect",
                    "utc",
                    "responders",
                    "reporter",
                    "lead",
                    "times",
                ]
                .contains(
                    &word
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                        .as_str(),
                )
            {
                continue;
            }
            let word = values::plain_hyphens(word.trim_matches(|c: char| {
                !c.is_alphanumeric() && !matches!(c, '~' | '<' | '>' | '%' | '#' | '@')
            }))
            .to_lowercase();
            if word.chars().any(char::is_alphanumeric) {
                words.push(word);
            }
        }
    }
    words
}

fn assert_every_word_kept(source: &str, imported: &MarkdownImport) {
    let text = all_text(&imported.doc);
    let missing: Vec<String> = content_words(source)
        .into_iter()
        .filter(|word| !text.contains(word.as_str()))
        .collect();
    assert!(missing.is_empty(), "words lost: {missing:?}");
}

#[test]
fn the_reference_example_with_its_flaws() {
    let imported = import_markdown(ROOTLY, today());
    let doc = &imported.doc;
    assert_eq!(doc.timeline.len(), 13, "{:#?}", imported.report);
    assert_eq!(doc.action_items.len(), 6);
    assert_eq!(doc.classification.severity.as_deref(), Some("SEV-2"));
    assert_eq!(doc.classification.services.len(), 3);
    let roles: Vec<ParticipantRole> = doc.participants.iter().map(|p| p.role).collect();
    assert_eq!(
        roles,
        [
            ParticipantRole::IncidentLead,
            ParticipantRole::Responder,
            ParticipantRole::Responder,
            ParticipantRole::Reporter
        ]
    );
    let at = |h, m| Some(Utc.with_ymd_and_hms(2025, 8, 1, h, m, 0).unwrap());
    assert_eq!(doc.key_times.started, at(14, 3));
    assert_eq!(doc.key_times.resolved, at(14, 33));
    assert_eq!(doc.key_times.mitigated, at(14, 20));
    // Rows broken across lines are whole again.
    assert_eq!(
        doc.timeline[4].notes,
        "query came from newly released feature"
    );
    assert_eq!(doc.timeline[12].time, at(14, 45));
    assert_eq!(doc.action_items[0].owner, "DB team \u{2013} Priya L.");
    assert_eq!(doc.action_items[0].due, NaiveDate::from_ymd_opt(2025, 8, 5));
    assert!(doc.narrative.summary.starts_with("On 1 August 2025"));
    // The run-together fragments under no heading are kept, word for word.
    let not_placed = doc
        .narrative
        .custom_sections
        .iter()
        .find(|section| section.title == NOT_PLACED)
        .unwrap();
    assert!(not_placed.text.contains("pg_stat_statements showed"));
    // And the first line, which says what the file is, not what happened (no title is made
    // of it); nothing else: the second halves of broken rows are in their rows.
    assert!(doc.title.is_empty());
    assert!(not_placed.text.starts_with("Filled-in example for Rootly"));
    assert_eq!(imported.not_placed(), 2, "{:#?}", imported.report);
    assert_every_word_kept(ROOTLY, &imported);
}

#[test]
fn a_postmortem_in_the_sre_books_shape() {
    let imported = import_markdown(SRE_BOOK, today());
    let doc = &imported.doc;
    assert_eq!(doc.title, "Checkout Cart Outage Postmortem (incident #812)");
    assert_eq!(doc.incident_id, "incident #812");
    assert_eq!(doc.authors, ["priya", "tomasz", "dana"]);
    assert!(doc.narrative.root_cause.starts_with("An eviction policy"));
    assert!(doc.narrative.trigger.starts_with("A marketing push"));
    assert!(doc.narrative.what_went_well.contains("synthetic probes"));
    assert!(doc.narrative.where_we_got_lucky.contains("weekday morning"));
    assert_eq!(doc.timeline.len(), 6);
    assert_eq!(
        doc.timeline[0].time,
        Some(Utc.with_ymd_and_hms(2024, 3, 14, 9, 12, 0).unwrap())
    );
    let statuses: Vec<ActionStatus> = doc.action_items.iter().map(|item| item.status).collect();
    assert_eq!(
        statuses,
        [ActionStatus::Done, ActionStatus::Open, ActionStatus::Open]
    );
    assert_eq!(doc.action_items[1].ticket_url, "Bug 4411");
    assert_every_word_kept(SRE_BOOK, &imported);
}

#[test]
fn the_sign_off_tags_and_declined_reasons_come_back() {
    let mut original = crate::example::example_postmortem().unwrap();
    original.status = crate::model::DocumentStatus::Final;
    original.approval.approver = "Dana W.".to_owned();
    original.approval.approved = NaiveDate::from_ymd_opt(2025, 8, 6);
    original.action_items[2].status = ActionStatus::WontDo;
    original.action_items[2].declined_reason = "Staging moves to sampled data in Q4".to_owned();
    original.action_items[0].status = ActionStatus::Done;
    original.action_items[0].completed = NaiveDate::from_ymd_opt(2025, 8, 4);
    let markdown = crate::export::to_markdown(
        &original,
        crate::export::ExportOptions::default(),
        crate::export::Portion::Whole,
    );
    let imported = import_markdown(&markdown, today());
    let doc = &imported.doc;
    assert_eq!(imported.not_placed(), 0, "{:#?}", imported.report);
    assert_eq!(doc.approval, original.approval);
    assert_eq!(doc.classification.tags, ["deploy", "missing-index"]);
    assert_eq!(doc.action_items[2].status, ActionStatus::WontDo);
    assert_eq!(
        doc.action_items[2].declined_reason,
        "Staging moves to sampled data in Q4"
    );
    assert_eq!(
        doc.action_items[0].completed,
        original.action_items[0].completed
    );

    let other = import_markdown(
        "# Disk full\n\n**Approver:** Sam O. (2024-03-20)\n\n## Action items\n\n| Action | Status |\n|---|---|\n| Move logs | Declined: logs move with the Q3 migration |\n",
        today(),
    );
    assert_eq!(other.doc.approval.approver, "Sam O.");
    assert_eq!(
        other.doc.approval.approved,
        NaiveDate::from_ymd_opt(2024, 3, 20)
    );
    assert_eq!(
        other.doc.action_items[0].declined_reason,
        "logs move with the Q3 migration"
    );
}

#[test]
#[ignore = "prints the report, for looking at"]
fn print_report() {
    let path = std::env::var("MD").unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let imported = import_markdown(&text, today());
    for placement in &imported.report {
        println!("{:?} {}", placement.lines, placement.place);
    }
    println!("{:#?}", imported.doc.action_items);
}

#[test]
fn shapes_found_in_published_postmortems() {
    // Written for this test in the shapes real postmortems use: a zone line, fields as
    // headings, `[MM-DD HH:MM]` and bold times, a wrapped item, a time as a heading, outage
    // markers, labels standing for headings, and action groups that say their status.
    const SHAPES: &str = include_str!("../../../tests/markdown/other-shapes.md");
    let imported = import_markdown(SHAPES, today());
    let doc = &imported.doc;
    assert_eq!(imported.not_placed(), 0, "{:#?}", imported.report);
    assert_eq!(doc.title, "March 3rd, 2024 Queue Outage");
    assert_eq!(doc.created, NaiveDate::from_ymd_opt(2024, 3, 3));
    assert_eq!(doc.authors, ["Dana K.", "Tomasz W."]);
    // PST is UTC-8.
    let at = |d, h, m| Some(Utc.with_ymd_and_hms(2024, 3, d, h, m, 0).unwrap());
    let times = row_times(doc);
    assert_eq!(
        times,
        [
            at(3, 7, 50),
            at(3, 17, 12),
            at(3, 17, 20),
            at(3, 17, 59),
            at(3, 18, 30)
        ]
    );
    assert_eq!(
        doc.timeline[2].event,
        "On-call paged by the queue-depth alert; the page was acknowledged at once"
    );
    assert_eq!(doc.timeline[4].event, "Backlog drained.");
    assert_eq!(doc.key_times.started, at(3, 17, 12));
    assert_eq!(doc.key_times.resolved, at(3, 17, 59));
    assert_eq!(doc.timeline[3].marker, crate::model::Marker::Resolved);
    assert!(doc.narrative.what_went_wrong.contains("did not page"));
    assert!(doc.narrative.where_we_got_lucky.contains("Sunday"));
    let items = actions_and_statuses(doc);
    assert_eq!(
        items,
        [
            ("Renew the certificate by hand", ActionStatus::Done),
            ("Alert when a renewal job fails", ActionStatus::InProgress),
        ]
    );
    assert_every_word_kept(SHAPES, &imported);
}

/// Headings and short paragraphs inside the timeline that say the day or the zone of the
/// rows below; a heading that names the timeline again; items without a time; and a
/// timeline written on the 12-hour clock whose bullets leave out AM and PM.
const TIMELINE_SETTINGS: &str = "# Storage node outage

The node was last replaced on 29-05-2024.

## Timeline

Unless noted, everything below happened on 2024-06-11 and all times are in CEST.

- 09:10 Disk alarms on node 4
- Nobody looked at the alarm for a while

### 12-06-2024 (all times UTC)

- 08:00 Node 4 rebuilt

### Detailed timeline

### Chat log, June 13, 2024

### ~11:40 AM: Second failure
- 11:42: Node 7 drops out
- 1:05: Node 7 back after the swap
";

#[test]
fn the_timeline_reads_its_days_and_zones_from_headings_and_short_paragraphs() {
    let imported = import_markdown(TIMELINE_SETTINGS, today());
    let doc = &imported.doc;
    let rows = times_and_events(doc);
    let at = |m, d, h, min| Some(Utc.with_ymd_and_hms(2024, m, d, h, min, 0).unwrap());
    assert_eq!(
        rows,
        [
            // CEST is UTC+2.
            (at(6, 11, 7, 10), "Disk alarms on node 4"),
            // An item without a time is an event all the same, timed by hand later.
            (None, "Nobody looked at the alarm for a while"),
            // A day-first date heading with its own zone.
            (at(6, 12, 8, 0), "Node 4 rebuilt"),
            (at(6, 13, 11, 40), "Second failure"),
            (at(6, 13, 11, 42), "Node 7 drops out"),
            // 1:05 after 11:42 on a 12-hour clock is the afternoon.
            (at(6, 13, 13, 5), "Node 7 back after the swap"),
        ]
    );
    // "Detailed timeline" under the timeline kept it the timeline, and the heading that
    // dated the rows below says more than a date: its words are kept.
    let not_placed = doc
        .narrative
        .custom_sections
        .iter()
        .find(|custom| custom.title == NOT_PLACED)
        .map(|custom| custom.text.as_str())
        .unwrap_or_default();
    assert!(not_placed.contains("Detailed timeline"), "{not_placed}");
    assert_every_word_kept(TIMELINE_SETTINGS, &imported);
}

/// Two incidents with a timeline each, a time heading whose words name another part, and
/// paragraphs whose entries wrap onto a second line.
const TWO_TIMELINES: &str = "# Two queue stalls on 2024-02-01

## Second stall

### Timeline

2024-02-01, 11:50pm: queue depth alarm for the
billing queue.

2024-02-02, 12:20am: consumers restarted.

### 12:30 AM: Follow-up checks
- 12:31: backlog drained

## First stall

### Timeline

- 14:05 queue depth alarm
";

#[test]
fn each_timeline_starts_from_the_incidents_day_and_wrapped_lines_stay_with_their_row() {
    let imported = import_markdown(TWO_TIMELINES, today());
    let doc = &imported.doc;
    let rows = times_and_events(doc);
    let at = |d, h, m| Some(Utc.with_ymd_and_hms(2024, 2, d, h, m, 0).unwrap());
    assert_eq!(
        rows,
        [
            (at(1, 23, 50), "queue depth alarm for the billing queue."),
            (at(2, 0, 20), "consumers restarted."),
            // "Follow-up" after a time is a time in the timeline, not the action items.
            (at(2, 0, 30), "Follow-up checks"),
            (at(2, 0, 31), "backlog drained"),
            // The second timeline starts again from the incident's day.
            (at(1, 14, 5), "queue depth alarm"),
        ]
    );
    assert!(doc.action_items.is_empty());
    assert_every_word_kept(TWO_TIMELINES, &imported);
}

/// A timeline with no heading that says so: a list of times under "What happened", and in a
/// file with no headings at all, paragraphs that each begin with a time.
#[test]
fn a_timeline_is_found_by_its_times_whatever_its_heading() {
    let listed = "# Cache stampede\n\n## What happened\n\nThe cache expired at once.\n\n\
                  - 09:00 Cache keys expired together\n- 09:02 Database CPU at 100%\n\
                  - 09:20 Keys re-warmed\n\nWe were lucky it was early.\n";
    let imported = import_markdown(listed, today());
    let events = events(&imported.doc);
    assert_eq!(
        events,
        [
            "Cache keys expired together",
            "Database CPU at 100%",
            "Keys re-warmed"
        ]
    );
    // The story around the list stays in its section.
    let narrative = &imported.doc.narrative;
    let section = Section::ALL
        .iter()
        .map(|section| narrative.text(*section))
        .chain(narrative.custom_sections.iter().map(|c| c.text.as_str()))
        .find(|text| text.contains("expired at once"))
        .unwrap();
    assert!(section.contains("lucky"), "{section}");
    assert!(!section.contains("re-warmed"), "{section}");
    assert_every_word_kept(listed, &imported);

    let bare = "2024-05-02 10:00 UTC deploy of 4.2 started\n\n10:07 UTC error rate up\n\n\
                10:15 UTC rolled back\n";
    let imported = import_markdown(bare, today());
    assert_eq!(imported.doc.timeline.len(), 3);
    assert_eq!(
        imported.doc.timeline[2].time,
        Some(Utc.with_ymd_and_hms(2024, 5, 2, 10, 15, 0).unwrap())
    );
    assert_every_word_kept(bare, &imported);
}

#[test]
fn a_story_told_by_the_day_is_a_timeline_of_rows_without_times() {
    // A table whose first column holds dates alone, under a heading that says nothing.
    let table = "# Depeg\n\n## How it unfolded\n\n| Date | What happened |\n| --- | --- |\n\
                 | 2022-05-07 | Deposits withdrawn |\n| 8 May 2022 | Sold off |\n\
                 | May 9, 2022 | Reserves spent |\n";
    let imported = import_markdown(table, today());
    let rows = times_and_events(&imported.doc);
    assert_eq!(
        rows,
        [
            (None, "2022-05-07: Deposits withdrawn"),
            (None, "8 May 2022: Sold off"),
            (None, "May 9, 2022: Reserves spent"),
        ]
    );
    // A list of dated entries wherever it stands; an action table with due dates is not one.
    let listed = "# Depeg\n\n## Background\n\n- 2021-11-25: attack described\n\
                  - 2022-04-13: reserves bought\n\n## Action items\n\n\
                  | Action | Owner | Due |\n| --- | --- | --- |\n| Add limits | Dana | 2022-06-01 |\n";
    let imported = import_markdown(listed, today());
    assert_eq!(imported.doc.timeline.len(), 2);
    assert_eq!(
        imported.doc.timeline[1].event,
        "2022-04-13: reserves bought"
    );
    assert_eq!(imported.doc.action_items.len(), 1);
    assert_eq!(imported.doc.action_items[0].action, "Add limits");
    // Numbers that are no date do not make a list a timeline.
    let counts = "# Outage\n\n## Impact\n\n- 3 regions down\n- 40 customers paged us\n";
    assert!(import_markdown(counts, today()).doc.timeline.is_empty());
    // A table whose columns are named in another language.
    let french = "# Clé exposée\n\n## Ligne du temps\n\n| Date | Événement |\n| --- | --- |\n\
                  | 2026-05-09 | Signalement reçu |\n| 2026-05-11 | Nouvelle clé déployée |\n";
    let imported = import_markdown(french, today());
    assert_eq!(
        times_and_events(&imported.doc),
        [
            (None, "2026-05-09: Signalement reçu"),
            (None, "2026-05-11: Nouvelle clé déployée")
        ]
    );
    // Updates headed by their day, the story under each: rows without a time, in the order
    // written, the day kept as written.
    let updates = "---\ntitle: Server crash\n---\n\n### Aktualizováno 15. srpna 2019\n\n\
                   Wiki je zpět.\n\n### Původní příspěvek z 13. srpna 2019\n\nDisky odešly.\n";
    let imported = import_markdown(updates, today());
    assert_eq!(
        times_and_events(&imported.doc),
        [
            (None, "Aktualizováno 15. srpna 2019: Wiki je zpět."),
            (None, "Původní příspěvek z 13. srpna 2019: Disky odešly.")
        ]
    );
}

#[test]
fn dates_that_lie_close_together_decide_day_or_month_first() {
    // UTC would read 11-01-2026 as November; the rows a day apart say January.
    let text = "# Certificate expiry\n\n## Timeline\n\n- **11-01-2026 10:00 UTC** failures began\n\
                - **12-01-2026 09:52 UTC** customers reported it\n\
                - **12-01-2026 10:40 UTC** fixed\n";
    let imported = import_markdown(text, today());
    assert_eq!(
        imported.doc.timeline[0].time,
        Some(Utc.with_ymd_and_hms(2026, 1, 11, 10, 0, 0).unwrap())
    );
    assert_eq!(imported.assumed.day_order, DayOrder::DayFirst);
    assert_eq!(
        imported.assumed.day_order_from,
        "suggested by how the file writes its other dates"
    );
}

#[test]
fn a_date_column_with_times_a_field_heading_over_a_list_and_plans_looking_forward() {
    let text = "# Upgrade\n\n## Timeline\n\n| Date (UTC) | Actor | Event |\n| --- | --- | --- |\n\
                | 2025-03-11 21:52 | Quokka | Reports the error |\n| 2025-03-18 | Hypha | Testnet upgraded |\n\n\
                ## Action Items\n\n- Add a build check\n\n## Responders\n\n- Dana\n\n\
                ## Looking Forward\n\n1. **Load tests**\n";
    let imported = import_markdown(text, today());
    let doc = &imported.doc;
    assert_eq!(
        doc.timeline[0].time,
        Some(Utc.with_ymd_and_hms(2025, 3, 11, 21, 52, 0).unwrap())
    );
    assert_eq!(doc.timeline[1].time, None);
    assert_eq!(doc.timeline[1].event, "2025-03-18: Testnet upgraded");
    let actions: Vec<_> = doc
        .action_items
        .iter()
        .map(|item| item.action.as_str())
        .collect();
    assert_eq!(actions, ["Add a build check", "Load tests"]);
    assert!(doc.participants.iter().any(|person| person.name == "Dana"));
}

#[test]
fn front_matter_gives_fields_never_the_title_or_the_summary() {
    let yaml = "---\ntitle: \"DNS outage\"\ndate: 2024-03-02\nauthors:\n  - Dana W.\n  - Li Q.\n\
                severity: SEV-2\nlayout: post\n---\n\n# DNS outage\n\n## Summary\n\nDNS broke.\n";
    let imported = import_markdown(yaml, today());
    let doc = &imported.doc;
    assert_eq!(doc.title, "DNS outage");
    assert_eq!(doc.created, NaiveDate::from_ymd_opt(2024, 3, 2));
    assert_eq!(doc.authors, ["Dana W.", "Li Q."]);
    assert_eq!(doc.classification.severity.as_deref(), Some("SEV-2"));
    assert_eq!(doc.narrative.summary, "DNS broke.");
    // A key with no field is kept; the heading that repeats the title is no section.
    assert!(
        doc.narrative
            .custom_sections
            .iter()
            .all(|custom| custom.title != "DNS outage")
    );
    assert!(all_text(doc).contains("layout: post"));
    assert_eq!(imported.not_placed(), 0, "{:#?}", imported.report);

    let toml = "+++\ntitle = \"Queue stall\"\ndate = 2023-11-05\n+++\n\nThe queue stalled.\n";
    let doc = import_markdown(toml, today()).doc;
    assert_eq!(doc.title, "Queue stall");
    assert_eq!(doc.created, NaiveDate::from_ymd_opt(2023, 11, 5));
    assert_eq!(doc.narrative.summary, "The queue stalled.");

    // Front matter that cannot be read is kept whole, and says why.
    let broken = "---\ntitle: [unclosed\n---\n\n# Outage\n";
    let imported = import_markdown(broken, today());
    assert_eq!(imported.doc.title, "Outage");
    assert!(all_text(&imported.doc).contains("title: [unclosed"));
}

#[test]
fn action_items_written_as_prose_or_marked_lines_with_their_owners() {
    let text = "# Upload flood\n\nAction point: rotate the upload keys — Dana W.\n\n\
                ## Future measures\n\nWe will add rate limiting to uploads, owner: Li Q., \
                due 2025-08-01.\n\nWe will:\n\n- Alert on upload spikes @sam\n";
    let imported = import_markdown(text, today());
    let items: Vec<_> = imported
        .doc
        .action_items
        .iter()
        .map(|item| (item.action.as_str(), item.owner.as_str(), item.due))
        .collect();
    assert_eq!(
        items,
        [
            ("rotate the upload keys — Dana W.", "Dana W.", None),
            (
                "We will add rate limiting to uploads, owner: Li Q., due 2025-08-01.",
                "Li Q.",
                NaiveDate::from_ymd_opt(2025, 8, 1)
            ),
            ("Alert on upload spikes @sam", "@sam", None),
        ]
    );
    // The sentence that introduces the list stays as written.
    assert!(all_text(&imported.doc).contains("we will:"));
    // Every word but the mark that made the line an item.
    assert_every_word_kept(&text.replace("Action point:", ""), &imported);
}

#[test]
fn an_action_items_due_date_is_not_taken_for_the_incidents_day() {
    let text = "# Checkout outage\n\n## Timeline\n\n- 14:03 Alerts fired\n- 14:28 Back to normal\n\n\
                ## Action items\n\n- [ ] Validate the TTL (owner: Bob, due 2025-09-01)\n";
    let imported = import_markdown(text, today());
    assert_eq!(imported.assumed.day_from, DayFrom::Today);
    assert_eq!(imported.assumed.day, today());
    let first = imported.doc.timeline[0].time.unwrap();
    assert_ne!(
        first.date_naive(),
        NaiveDate::from_ymd_opt(2025, 9, 1).unwrap()
    );
    assert_eq!(
        imported.doc.action_items[0].due,
        NaiveDate::from_ymd_opt(2025, 9, 1)
    );
}

#[test]
fn the_import_says_what_it_assumed_and_reads_again_as_a_person_chose() {
    let text = "# Cache stampede\n\nOn 2024-05-02 the cache expired at once.\n\n\
                ## Timeline\n\n- 09:00 Keys expired together\n- 09:02 Database CPU at 100%\n\n\
                ## Notes\n\n- 09:20 keys re-warmed\n- the graphs are in the wiki\n\
                - ask the DB team\n";
    let imported = import_markdown(text, today());
    let assumed = &imported.assumed;
    assert_eq!(assumed.zone.value, chrono_tz::UTC);
    assert!(!assumed.zone.chosen);
    assert_eq!(assumed.day, NaiveDate::from_ymd_opt(2024, 5, 2).unwrap());
    assert_eq!(assumed.day_from, DayFrom::FirstDate(3));
    assert!(!assumed.newest_first.value);
    assert_eq!(assumed.timeline_from, [(7, 8)]);
    // The notes' list has a time in one of three items: it may be the timeline.
    assert_eq!(assumed.candidates.len(), 1);
    let candidate = &assumed.candidates[0];
    assert_eq!((candidate.lines, candidate.timed), ((12, 14), (1, 3)));
    assert_eq!(imported.doc.timeline.len(), 2);

    // Read again: that list is the timeline too, times are Berlin's, on the day after.
    let choices = MarkdownChoices {
        reading: crate::sources::ReadingChoices {
            zone: Some(chrono_tz::Europe::Berlin),
            day: NaiveDate::from_ymd_opt(2024, 5, 3),
            ..crate::sources::ReadingChoices::default()
        },
        timeline_blocks: vec![candidate.lines.0],
        file_name: None,
    };
    let again = import_markdown_with(text, today(), &choices);
    let times: Vec<_> = again.doc.timeline.iter().map(|row| row.time).collect();
    // Berlin is UTC+2 in May.
    let at = |h, m| Some(Utc.with_ymd_and_hms(2024, 5, 3, h, m, 0).unwrap());
    assert_eq!(times, [at(7, 0), at(7, 2), at(7, 20), None, None]);
    assert_eq!(again.doc.time_zone, chrono_tz::Europe::Berlin);
    assert!(again.assumed.zone.chosen);
    assert_eq!(again.assumed.day_from, DayFrom::Chosen);
    assert!(again.assumed.candidates.is_empty());
}

#[test]
fn headings_in_the_authors_words_labels_in_lists_and_hints_in_italics() {
    let text = "# Checkout outage\n\n\
                ## 2. Root Cause Analysis\n\nA retry storm.\n\n\
                ### Key contributing factor\n\nNo backoff.\n\n\
                ## Lessons Learned\n\nBackoff matters.\n\n\
                ### Key Takeaways\n\nTest retries.\n\n\
                ## Timeline (all times in PST/PDT)\n\n\
                09:15 - Deploy starts, and this row\nwraps.<br> 09:20 - Errors climb.<br>\n09:31 - Rolled back.\n\n\
                - **Review actions**:\n\n\
                *List the work the incident showed*\n\n\
                1. Add backoff to the client\n2. Alert on retry rate\n";
    let imported = import_markdown(text, today());
    let doc = &imported.doc;
    // The section takes the author's heading, without the old document's numbering.
    assert_eq!(
        doc.narrative.heading_of(Section::RootCause),
        "Root Cause Analysis"
    );
    // A sub-heading naming a section already written stays in its text.
    assert!(
        doc.narrative
            .lessons_learned
            .contains("### Key Takeaways\n\nTest retries."),
        "{:?}",
        doc.narrative.lessons_learned
    );
    assert_eq!(
        doc.narrative.heading_of(Section::LessonsLearned),
        "Lessons learned"
    );
    // Rows split by `<br>` inside wrapped lines, in the zone the pair of names gives.
    let pacific = |hour, minute| {
        chrono_tz::America::Los_Angeles
            .from_local_datetime(&today().and_hms_opt(hour, minute, 0).unwrap())
            .unwrap()
            .with_timezone(&Utc)
    };
    let rows = times_and_events(doc);
    assert_eq!(
        rows,
        [
            (Some(pacific(9, 15)), "Deploy starts, and this row wraps."),
            (Some(pacific(9, 20)), "Errors climb."),
            (Some(pacific(9, 31)), "Rolled back."),
        ]
    );
    // A one-item list that is only a label heads the action items; the hint in italics is
    // no item.
    assert_eq!(
        actions(doc),
        ["Add backoff to the client", "Alert on retry rate"]
    );
}

#[test]
fn a_paragraph_opened_by_its_status_is_one_item_with_that_status() {
    let text = "# Disk full\n\n## What we learned\n\n\
                Graphs are easier to read than the command.\n\n\
                **DONE**: Sam added the wiki to the monitored sites.\n\n\
                **TODO**: alert on disk use before it runs out.\n\
                The exporter can do it for every pool.\n\n\
                **DOING** the import checks free space first.\n\n\
                Done is better than perfect, someone said.\n";
    let doc = import_markdown(text, today()).doc;
    let items = actions_and_statuses(&doc);
    assert_eq!(
        items,
        [
            (
                "Sam added the wiki to the monitored sites.",
                ActionStatus::Done
            ),
            (
                "alert on disk use before it runs out. The exporter can do it for every pool.",
                ActionStatus::Open
            ),
            (
                "the import checks free space first.",
                ActionStatus::InProgress
            ),
        ]
    );
    // Neither the plain paragraph nor the saying became items; they stay in the section.
    assert!(doc.narrative.lessons_learned.contains("Graphs are easier"));
    assert!(doc.narrative.lessons_learned.contains("Done is better"));
}

#[test]
fn a_key_whose_value_is_a_length_takes_no_time_from_its_notes() {
    let doc = import_markdown(
        "# Certificate lost\n\n- **Date**: 2026-10-02\n\
         - **Detection time**: ~5-6 hours (incident from 09:45 UTC, found in checks)\n\
         - **Resolved**: 07:07 UTC\n",
        today(),
    )
    .doc;
    assert_eq!(doc.key_times.detected, None);
    assert_eq!(
        doc.key_times.resolved,
        Some(Utc.with_ymd_and_hms(2026, 10, 2, 7, 7, 0).unwrap())
    );
    // The length and its notes are kept as written.
    assert!(all_text(&doc).contains("~5-6 hours (incident from 09:45 utc"));
}

#[test]
fn an_mdx_pages_code_is_no_title_and_its_settings_are_fields() {
    let imported = import_markdown(
        "import { Layout } from '@/components/Layout'\n\n\
         export const post = {\n  author: 'Arqu',\n  date: '2024-11-19',\n  \
         title: 'Relay outage: A post-mortem',\n}\n\n\
         export const metadata = {\n  title: post.title,\n}\n\n\
         At n0 we strive to be a great engineering company.\n",
        today(),
    );
    let doc = &imported.doc;
    assert_eq!(doc.title, "Relay outage: A post-mortem");
    assert_eq!(
        doc.narrative.summary,
        "At n0 we strive to be a great engineering company."
    );
    assert!(
        imported
            .report
            .iter()
            .any(|placement| placement.lines == (1, 1)
                && placement.place == "not placed: the page's code")
    );
}

#[test]
fn status_updates_written_newest_first_come_in_oldest_first() {
    let doc = import_markdown(
        "# Storage unreliable\n\n## Updates\n\n\
         **Resolved**: all nodes are back.\n<br>June 25, 00:30 PT\n\n\
         **Update**: development nodes are open.\n<br>June 21, 19:15 PT\n\n\
         **Update**: we replaced the chassis.\n<br>June 20, 23:30 PT\n\n\
         **Notice**: the file system is down.\n<br>June 15, 15:00 PT\n\n\
         Written in 2024.\n",
        today(),
    )
    .doc;
    let times = row_times(&doc);
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times.len(), 4);
    assert_eq!(times, sorted, "{:?}", times_and_events(&doc));
    assert!(doc.timeline[0].event.contains("the file system is down"));
}

#[test]
fn a_date_in_the_title_outranks_the_date_a_page_was_published() {
    let doc = import_markdown(
        "---\ntitle: \"Post-mortem: step backlogs on Aug 31, 2023\"\ndate: 2023-09-08\n---\n\n\
         ## Timeline\n\n- Thurs 07:06 PDT: the team was paged\n- Thurs 07:28 PDT: a hotfix went out\n",
        today(),
    )
    .doc;
    assert_eq!(
        doc.timeline[0].time,
        Some(Utc.with_ymd_and_hms(2023, 8, 31, 14, 6, 0).unwrap())
    );
    // Some themes call the page's title its `heading`.
    let doc = import_markdown(
        "---\nheading: \"Backlogs on Aug 31, 2023\"\ndate: 2023-09-08\n---\n\nQueues stalled.\n",
        today(),
    )
    .doc;
    assert_eq!(doc.title, "Backlogs on Aug 31, 2023");
    assert_eq!(doc.narrative.summary, "Queues stalled.");
}

#[test]
fn a_file_whose_every_time_names_one_region_is_in_that_region() {
    let text = "# Storage unreliable\n\n**Resolved**: 2026-06-25 00:30\n\n## Timeline\n\n\
                - June 20, 23:30 PT: we replaced the chassis\n\
                - June 21, 19:15 PT: development nodes are open\n";
    let imported = import_markdown(text, today());
    assert_eq!(imported.doc.time_zone, chrono_tz::America::Los_Angeles);
    assert!(imported.assumed.zone_from_times && !imported.assumed.zone.chosen);
    assert!(
        imported
            .assumed
            .zone_why()
            .contains("every time in the timeline")
    );
    // The rows' instants are as written; a time without a zone is read in the region too.
    assert_eq!(
        imported.doc.timeline[0].time,
        Some(Utc.with_ymd_and_hms(2026, 6, 21, 6, 30, 0).unwrap())
    );
    assert_eq!(
        imported.doc.key_times.resolved,
        Some(Utc.with_ymd_and_hms(2026, 6, 25, 7, 30, 0).unwrap())
    );
    // Times in different zones leave the document's zone alone.
    let mixed = import_markdown(
        "# Outage\n\n## Timeline\n\n- 14:03 UTC alert\n- 07:10 PT paged\n",
        today(),
    );
    assert_eq!(mixed.doc.time_zone, chrono_tz::UTC);
    assert!(!mixed.assumed.zone_from_times);
}

#[test]
fn a_key_time_written_as_a_day_a_comma_and_a_time_is_one_instant() {
    let doc = import_markdown(
        "# Outage\n\n- **Date**: 2024-06-24\n- **Started**: June 24, 21:10 UTC\n\
         - **Resolved**: June 25, 00:30 UTC\n",
        NaiveDate::from_ymd_opt(2024, 7, 1).unwrap(),
    )
    .doc;
    assert_eq!(
        doc.key_times.started,
        Some(Utc.with_ymd_and_hms(2024, 6, 24, 21, 10, 0).unwrap())
    );
    assert_eq!(
        doc.key_times.resolved,
        Some(Utc.with_ymd_and_hms(2024, 6, 25, 0, 30, 0).unwrap())
    );
}

#[test]
fn a_blog_post_tells_an_incident_before_it_was_published() {
    // The front matter dates the post (a site generator's timestamp); the story's
    // `March 29th` is the March before it, and `10:00 a.m. EST` keeps its zone.
    let source = "---\ntitle: 'Incident management at CDS'\ndate: '2022-10-13T16:00:00.000Z'\n---\n\n\
                  ## The incident\n\nOn March 29th, at around 10:00 a.m. EST, one of our SREs \
                  noticed secrets in a log.\n";
    let imported = import_markdown(source, today());
    assert_eq!(
        imported.doc.timeline[0].time,
        Some(Utc.with_ymd_and_hms(2022, 3, 29, 15, 0, 0).unwrap())
    );
    // The publication's time of day is kept as written.
    assert!(all_text(&imported.doc).contains("2022-10-13t16:00:00.000z"));
}

#[test]
fn a_key_times_zone_is_the_documents_when_no_time_of_the_timeline_names_one() {
    let source = "# Plugin update broke pages\n\n**Date**: July 24, 2025\n\n## Timeline\n\n\
                  - **10:43 AM** - Pages began returning 404 errors\n\
                  - **12:11 PM** - Comprehensive fix deployed\n\n## Lessons\n\n\
                  Test plugin updates on staging first.\n\n---\n\n\
                  **Incident resolved at:** 12:11 PM EST, July 24, 2025\n";
    let imported = import_markdown(source, today());
    assert_eq!(imported.doc.time_zone, chrono_tz::America::New_York);
    assert_eq!(
        imported.doc.timeline[0].time,
        Some(Utc.with_ymd_and_hms(2025, 7, 24, 14, 43, 0).unwrap())
    );
    assert!(imported.assumed.zone_why().contains("key time"));
    // The key time itself is read as written: EST is five hours behind UTC.
    assert_eq!(
        imported.doc.key_times.resolved,
        Some(Utc.with_ymd_and_hms(2025, 7, 24, 17, 11, 0).unwrap())
    );
}

#[test]
fn a_region_the_summary_names_beside_a_time_is_the_documents_when_nothing_else_names_one() {
    let source = "# Indexes deleted\n\n## Summary\n\n- On Saturday, Aug 31 at 10:27am Eastern all \
                  indexes disappeared.\n\n## Timeline\n\n- Aug 31 8:49am: Health degraded\n\
                  - Aug 31 10:27am: Index created\n";
    let imported = import_markdown(source, today());
    assert_eq!(imported.doc.time_zone, chrono_tz::America::New_York);
    // 31 August was last a Saturday in 2024.
    assert_eq!(
        imported.doc.timeline[0].time,
        Some(Utc.with_ymd_and_hms(2024, 8, 31, 12, 49, 0).unwrap())
    );
    assert!(imported.assumed.zone_why().contains("line 5"));
    // Sentences that name two zones, or UTC first, say nothing of the bare times.
    for told in [
        "at 10:27am Eastern, and 9:00 PST",
        "at 14:27 UTC (10:27am Eastern)",
    ] {
        let source =
            format!("# Indexes deleted\n\n{told}\n\n## Timeline\n\n- 8:49am: Health degraded\n");
        assert_eq!(
            import_markdown(&source, today()).doc.time_zone,
            chrono_tz::UTC,
            "{told}"
        );
    }
    // UTC in brackets after the region's time only converts it for the readers.
    let source = "# Indexes deleted\n\nat 10:27am Eastern (14:27 UTC)\n\n## Timeline\n\n\
                  - 8:49am: Health degraded\n";
    assert_eq!(
        import_markdown(source, today()).doc.time_zone,
        chrono_tz::America::New_York
    );
}

#[test]
fn a_log_pasted_as_the_timeline_in_a_code_block_is_its_rows_and_a_log_elsewhere_stays_code() {
    let source = "# Sync outage\n\n## Root cause\n\n```\n2023-06-17 18:04:59 WARN sync failed\n\
                  2023-06-17 18:05:01 WARN sync failed again\n```\n\n## Timeline\n\n\
                  All times given are in UTC.\n\n```\n2023-06-17 18:05 Block created, nodes fail\n\
                  2023-06-17 19:10 Issue reported via Telegram\n\n2023-06-18 03:00 Root cause found\n";
    let imported = import_markdown(source, today());
    let rows: Vec<_> = imported
        .doc
        .timeline
        .iter()
        .map(|row| (row.time.unwrap(), row.event.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (
                Utc.with_ymd_and_hms(2023, 6, 17, 18, 5, 0).unwrap(),
                "Block created, nodes fail"
            ),
            (
                Utc.with_ymd_and_hms(2023, 6, 17, 19, 10, 0).unwrap(),
                "Issue reported via Telegram"
            ),
            (
                Utc.with_ymd_and_hms(2023, 6, 18, 3, 0, 0).unwrap(),
                "Root cause found"
            ),
        ]
    );
    assert!(
        imported
            .doc
            .narrative
            .root_cause
            .contains("WARN sync failed again")
    );
}

#[test]
fn a_legend_of_the_action_items_kinds_and_priorities_is_not_work() {
    let source = "# Data inconsistency\n\n## Action items\n\nActions fall under three types. Types:\n\
                  * Prevent - Prevent similar issues from occurring.\n\
                  * Detect - Be more effective in detecting similar issues.\n\n\
                  To reflect this action items should have assigned priority:\n\
                  * P0 - Critical for reliability of the release.\n\
                  * P1 - Important for long term success.\n\n\
                  | Action Item | Type | Priority | Status |\n|---|---|---|---|\n\
                  | Testing reproduces old inconsistencies | Prevent | P0 | DONE |\n\
                  | Detect corruption by default | Detect | P0 |  |\n";
    let imported = import_markdown(source, today());
    let actions: Vec<_> = imported
        .doc
        .action_items
        .iter()
        .map(|item| item.action.as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "Testing reproduces old inconsistencies",
            "Detect corruption by default"
        ]
    );
    assert!(
        imported
            .doc
            .narrative
            .custom_sections
            .iter()
            .any(|section| section.text.contains("P0 - Critical"))
            || all_text(&imported.doc).contains("P0 - Critical for reliability")
    );
    // Work listed under such a sentence is still work.
    let source = "# Outage\n\n## Action items\n\nBy priority:\n\
                  * Add an alert on queue depth\n* Rotate the credentials weekly\n";
    assert_eq!(import_markdown(source, today()).doc.action_items.len(), 2);
}

#[test]
fn a_state_column_that_says_more_than_its_word_and_code_listed_below_the_items() {
    let source = "# CDN outage\n\n## Project follow-up\n\n| Item | Current state |\n|---|---|\n\
                  | Retry content-host failures | **Implemented in v1.3.65.** Six attempts by default. |\n\
                  | Alert on timer failures | **Open.** Monitoring is deployment-specific. |\n\
                  | Report progress | In progress: half the hosts report. |\n\n\
                  Relevant focused regression tests are:\n\n- `tests/steamcmd-signals-test.sh`\n\
                  - `tests/update-systemd-timer-health-test.sh`\n";
    let imported = import_markdown(source, today());
    let items: Vec<_> = imported
        .doc
        .action_items
        .iter()
        .map(|item| {
            (
                item.action.split(" (").next().unwrap_or_default(),
                item.status,
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("Retry content-host failures", ActionStatus::Done),
            ("Alert on timer failures", ActionStatus::Open),
            ("Report progress", ActionStatus::InProgress),
        ]
    );
    // The state's words stay with the item.
    assert!(
        imported.doc.action_items[0]
            .action
            .contains("Implemented in v1.3.65.")
    );
    let text = all_text(&imported.doc);
    assert!(text.contains("six attempts by default"), "{text}");
    assert!(text.contains("tests/steamcmd-signals-test.sh"), "{text}");
}

#[test]
fn a_day_the_title_names_without_its_year_is_the_one_before_publication() {
    let source = "---\ndate: '2023-03-23T20:10:01.466Z'\ntitle: Node.js March 17th Infrastructure \
                  Incident Post-mortem\n---\n\n# The Incident\n\nUsers saw 404s.\n";
    let imported = import_markdown(source, today());
    assert_eq!(
        imported.assumed.day,
        NaiveDate::from_ymd_opt(2023, 3, 17).unwrap()
    );
}

#[test]
fn a_details_heading_over_prose_is_a_part_of_the_story() {
    let source = "# Outage\n\n## Details\n\nThe second optimisation changed the load balancer's \
                  health checks.\n\n## Incident details\n\n- Severity: SEV-2\n";
    let imported = import_markdown(source, today());
    let details = imported
        .doc
        .narrative
        .custom_sections
        .iter()
        .find(|custom| custom.title == "Details")
        .map(|custom| custom.text.as_str());
    assert_eq!(
        details,
        Some("The second optimisation changed the load balancer's health checks.")
    );
    // Over fields, the heading still heads the details.
    assert_eq!(
        imported.doc.classification.severity.as_deref(),
        Some("SEV-2")
    );
}

#[test]
fn labelled_lines_under_a_sub_heading_describe_that_part_and_stay_in_it() {
    let imported = import_markdown(
        "# Workshop outage\n\n## Summary\n\nWorkspaces restarted during a workshop.\n\n\
         ## Root causes\n\n### 1. Ephemeral storage\n\n\
         **Cause:** Node storage could not hold ten workspaces.\n\n\
         **Impact:** Workspaces died and lost their users' work.\n\n\
         ## Impact\n\n**Users affected:** everyone in the workshop.\n",
        today(),
    );
    let narrative = &imported.doc.narrative;
    let root_cause = narrative.text(Section::RootCause);
    assert!(
        root_cause.contains("### 1. Ephemeral storage")
            && root_cause.contains("**Cause:** Node storage could not hold ten workspaces.")
            && root_cause.contains("**Impact:** Workspaces died and lost their users' work."),
        "{root_cause}"
    );
    let impact = narrative.text(Section::Impact);
    assert!(
        !impact.contains("Workspaces died") && impact.contains("everyone in the workshop"),
        "{impact}"
    );
}

#[test]
fn a_labelled_line_outside_any_sub_heading_still_names_its_section() {
    let imported = import_markdown(
        "# Disk full\n\n**Summary**: the disk filled.\n\n**Impact**: uploads failed for an hour.\n",
        today(),
    );
    let narrative = &imported.doc.narrative;
    assert_eq!(
        narrative.text(Section::Impact).trim(),
        "uploads failed for an hour."
    );
}

#[test]
fn a_heading_that_is_a_stamp_with_its_zone_sets_the_day_and_zone_of_the_times_below() {
    let text = "# Outages\n\n\
                ## 2018-11-08 16:55:00 -0500\n\n\
                - 16:55 - deployed the new build\n\
                - 17:00 - reverted it\n\n\
                ## 2018-11-09 19:30:00 -0500\n\n\
                - 19:30 - re-opened the outage\n\
                - 19:40 - found the cause\n";
    let imported = import_markdown(text, today());
    let at = |d, h, min| Some(Utc.with_ymd_and_hms(2018, 11, d, h, min, 0).unwrap());
    assert_eq!(
        times_and_events(&imported.doc),
        [
            (at(8, 21, 55), "deployed the new build"),
            (at(8, 22, 0), "reverted it"),
            (at(10, 0, 30), "re-opened the outage"),
            (at(10, 0, 40), "found the cause"),
        ]
    );
    assert_every_word_kept(text, &imported);
}

#[test]
fn a_day_written_without_its_year_dates_the_bare_times_not_the_day_of_the_import() {
    let text = "At around 7:40pm CST November 12, our products went offline.\n\n\
                ## Timeline\n\n- 6pm CST: a transformer failed\n- 10:15pm CST: servers back\n";
    let imported = import_markdown(text, today());
    assert_eq!(imported.assumed.day_from, DayFrom::DayWithoutYear(1));
    // The import is on 30 November 2026: the last 12 November up to then.
    assert_eq!(
        imported.assumed.day,
        NaiveDate::from_ymd_opt(2026, 11, 12).unwrap()
    );
    assert_ne!(imported.doc.timeline[0].time.unwrap().date_naive(), today());
}

#[test]
fn paragraphs_under_days_in_the_timeline_are_rows_of_those_days() {
    let text = "# Airdrop bug\n\n## Date\n\n2022-10-05\n\n## Timeline\n\n\
                The following happened.\n\n### Sept 29\n\nThe clawback ran and the chain halted.\n\n\
                Validators with less memory were hit.\n\n### Oct 2\n\nA user reported missing funds.\n\n\
                ## Five whys\n\nWhy did it happen?\n";
    let imported = import_markdown(text, today());
    let rows = events_and_notes(&imported.doc);
    assert_eq!(
        rows,
        [
            (
                "The clawback ran and the chain halted.",
                "On 2022-09-29; no time was written."
            ),
            (
                "Validators with less memory were hit.",
                "On 2022-09-29; no time was written."
            ),
            (
                "A user reported missing funds.",
                "On 2022-10-02; no time was written."
            ),
        ],
        "the sentence before the first day is no row"
    );
    assert!(all_text(&imported.doc).contains("the following happened."));
    assert_every_word_kept(text, &imported);
}

#[test]
fn a_label_of_the_timeline_that_names_its_day_and_zone_dates_the_rows_below() {
    let text = "---\ntitle: Disclosure\nexcerpt: >\n  A fix was released on September 18th, 2018.\n\
                ---\n\nTimeline\n========\n\nTimeline for September 17, 2018: (all times CEST)\n\n\
                - 14:57 reporter reports\n\nSeptember 18, 2018:\n\n- 00:24 tagged\n";
    let imported = import_markdown(text, today());
    let at = |d, h, m| Some(Utc.with_ymd_and_hms(2018, 9, d, h, m, 0).unwrap());
    assert_eq!(
        times_and_events(&imported.doc),
        [
            (at(17, 12, 57), "reporter reports"),
            (at(17, 22, 24), "tagged")
        ]
    );
}

#[test]
fn a_file_that_gives_no_date_is_dated_by_its_name() {
    let text = "# Downtime\n\n## Incident Timeline\n\n\
                Date     | Time  | State\n-----    | ----  | ---\n\
                March 18 | 16:00 | We began the upgrade\n\
                March 19 | 11:40 | Back online\n{: .table.table-striped }\n";
    let choices = MarkdownChoices {
        file_name: Some("2019-03-18-galaxy-downtime.md".to_owned()),
        ..MarkdownChoices::default()
    };
    let imported = import_markdown_with(text, today(), &choices);
    assert_eq!(imported.assumed.day_from, DayFrom::FileName);
    let at = |d, h, m| Some(Utc.with_ymd_and_hms(2019, 3, d, h, m, 0).unwrap());
    assert_eq!(
        times_and_events(&imported.doc),
        [
            (at(18, 16, 0), "We began the upgrade"),
            (at(19, 11, 40), "Back online")
        ]
    );
    // A date the text gives outranks the name's.
    let dated = format!("# Downtime\n\nDate: 2019-03-17\n\n{}", &text[12..]);
    let imported = import_markdown_with(&dated, today(), &choices);
    assert_eq!(imported.assumed.day_from, DayFrom::Field);
    assert_eq!(
        dates_in_text::date_in_file_name("20240118_ChatTranscript.md", None),
        NaiveDate::from_ymd_opt(2024, 1, 18)
    );
    assert_eq!(
        dates_in_text::date_in_file_name("outage-notes.md", None),
        None
    );
    // A page saved under its address's last part: its day in words.
    assert_eq!(
        dates_in_text::date_in_file_name("postmortem-of-our-november-29-2016-api-outage", None),
        NaiveDate::from_ymd_opt(2016, 11, 29)
    );
    assert_eq!(
        dates_in_text::date_in_file_name("29_nov_2016_outage.md", None),
        NaiveDate::from_ymd_opt(2016, 11, 29)
    );
    assert_eq!(
        dates_in_text::date_in_file_name("outage-of-march-db-v1.2.md", None),
        None
    );
}

#[test]
fn a_blog_posts_stamp_dates_the_page_and_the_zone_its_story_names_holds() {
    let text = "---\ntitle: \"OpenShift Partial Outage\"\ndate: 2021-01-29 18:54:16 +0000\n---\n\n\
                On Thursday January 28th, 2021 there was a partial outage from ~13:22 PST to \
                ~16:17 PST.\n\n# Play by Play\n\n\
                13:22 Alerts were triggered.\n\n13:36 First reports from users.\n\n\
                16:17 The cluster is healthy again.\n";
    let imported = import_markdown(text, today());
    let at = |h, m| Some(Utc.with_ymd_and_hms(2021, 1, 28, h, m, 0).unwrap());
    assert_eq!(
        times_and_events(&imported.doc),
        [
            (at(21, 22), "Alerts were triggered."),
            (at(21, 36), "First reports from users."),
            (
                Some(Utc.with_ymd_and_hms(2021, 1, 29, 0, 17, 0).unwrap()),
                "The cluster is healthy again."
            ),
        ]
    );
}

#[test]
fn times_underlined_as_headings_in_restructuredtext_and_a_zone_by_its_plain_name() {
    let text = "2017-12-08: Power outage\n========================\n\n\
                Timeline\n--------\n\nAll times central.\n\n\
                2017-12-08 2:45pm\n^^^^^^^^^^^^^^^^^\n\nWe recognized the problem.\n\n\
                2017-12-08 4pm\n^^^^^^^^^^^^^^\nReceived confirmation from support.\n";
    let imported = import_markdown(text, today());
    let at = |h, m| Some(Utc.with_ymd_and_hms(2017, 12, 8, h, m, 0).unwrap());
    assert_eq!(
        times_and_events(&imported.doc),
        [
            (at(20, 45), "We recognized the problem."),
            (at(22, 0), "Received confirmation from support."),
        ]
    );
    assert_eq!(imported.doc.time_zone, chrono_tz::America::Chicago);
}

#[test]
fn a_timeline_row_whose_actor_is_spelled_like_a_zone_is_a_row_not_a_header() {
    // Found by the round-trip property test: `Gst` (Gulf Standard Time's letters) in the
    // Who column made the row look like a header of zone columns.
    let text = "# alpha\n\n## Timeline\n\n| Time (UTC) | Event / action | Notes | Who |\n\
                |---|---|---|---|\n| 2000-01-01 00:00 | alpha |  | Gst |\n";
    let imported = import_markdown(text, today());
    assert_eq!(
        times_and_events(&imported.doc),
        [(
            Some(Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap()),
            "alpha"
        )]
    );
}

#[test]
fn a_front_matter_stamped_with_its_offset_places_times_no_line_zones() {
    let text = "---\ntitle: Outage\ndate: '2020-05-26 23:00:00 +0800'\n---\n\n\
                **2020-05-31 14:09 Update 2**\n\nStable for 7 hours.\n\n\
                **2020-05-26 23:10 Update 1**\n\nRestored.\n\n\
                **2020-05-26 22:24 Down**\n\nThe host went down.\n";
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let imported = import_markdown(text, today);
    let times: Vec<String> = imported
        .doc
        .timeline
        .iter()
        .filter_map(|row| row.time.map(|time| time.to_rfc3339()))
        .collect();
    assert_eq!(
        times,
        [
            "2020-05-26T14:24:00+00:00",
            "2020-05-26T15:10:00+00:00",
            "2020-05-31T06:09:00+00:00"
        ]
    );
    assert!(imported.assumed.zone_why().contains("UTC+08:00"));
    // `+0000` is a generator's default, and a zone a line names wins.
    for other in [
        text.replace("+0800", "+0000"),
        text.replace("Restored.", "Restored. All times UTC."),
    ] {
        let imported = import_markdown(&other, today);
        assert_eq!(imported.doc.time_zone, chrono_tz::UTC, "{other}");
    }
}

#[test]
fn the_only_top_heading_is_the_title_even_when_it_names_a_part() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let titled = import_markdown("# RCA\n\n## Summary\n\nThe API was down.\n", today);
    assert_eq!(titled.doc.title, "RCA");
    assert!(titled.doc.narrative.summary.contains("The API was down."));
    // Parts all written at the first level are parts.
    let parts = import_markdown(
        "# Summary\n\nThe API was down.\n\n# Root cause\n\nA bad deploy.\n",
        today,
    );
    assert!(parts.doc.narrative.summary.contains("The API was down."));
    assert!(parts.doc.narrative.root_cause.contains("A bad deploy."));
}

#[test]
fn days_without_a_year_over_nested_times_and_updates_headed_by_a_label_and_a_time() {
    // Days written without their year over the times of each, a detail nested under a time
    // staying with it; the page written in Japanese, so its times are Tokyo's.
    let nested = "# 障害について\n\n## 発生から復旧までのタイムライン\n\n * 11/25\n     \
                  * 15:00 - v1.4.0リリース\n         * 開発チーム 起動できることを確認\n     \
                  * 16:17 - GitHub 投稿\n * 11/26\n     * 00:28 - 開発チーム 審査提出完了\n";
    let choices = MarkdownChoices {
        file_name: Some("2021-11-25-report.md".to_owned()),
        ..MarkdownChoices::default()
    };
    let imported = import_markdown_with(nested, today(), &choices);
    // An instant on a wall clock of `zone`.
    let local = |zone: chrono_tz::Tz, (year, month, day): (i32, u32, u32), hour, minute| {
        Some(
            zone.with_ymd_and_hms(year, month, day, hour, minute, 0)
                .unwrap()
                .with_timezone(&Utc),
        )
    };
    let tokyo = |day, hour, minute| local(chrono_tz::Asia::Tokyo, (2021, 11, day), hour, minute);
    assert_eq!(
        times_and_events(&imported.doc),
        [
            (
                tokyo(25, 15, 0),
                "v1.4.0リリース 開発チーム 起動できることを確認"
            ),
            (tokyo(25, 16, 17), "GitHub 投稿"),
            (tokyo(26, 0, 28), "開発チーム 審査提出完了"),
        ]
    );
    // A status page's updates, newest first, each headed by a label and its time: read
    // oldest first, the label kept with what happened, in the zone of the page's language.
    let updates = "# Störung\n\n### Update 27.08.2022 10:00 Uhr:\n\nDas System funktioniert \
                   wieder fehlerfrei und die Tests waren erfolgreich.\n\n\
                   ### Update 26.08.2022 16:15 Uhr:\n\nSeit einigen Minuten ist das Login an \
                   LernSax wieder möglich, wir beobachten die Lage weiter.\n\n\
                   ### Update 25.08.2022 07:00 Uhr:\n\nLernSax ist nicht verfügbar, wir arbeiten \
                   mit Hochdruck an einer Lösung.\n";
    let imported = import_markdown(updates, today());
    let berlin = |day, hour, minute| local(chrono_tz::Europe::Berlin, (2022, 8, day), hour, minute);
    let rows = times_and_events(&imported.doc);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].0, berlin(25, 7, 0));
    assert_eq!(rows[1].0, berlin(26, 16, 15));
    assert!(
        rows[1].1.starts_with("Update: Seit einigen Minuten"),
        "{}",
        rows[1].1
    );
    assert_eq!(rows[2].0, berlin(27, 10, 0));
}

#[test]
fn work_nested_under_work_is_an_item_of_its_own_and_a_pre_agreed_plan_is_none() {
    let text = "# Outage\n\n## Next steps\n\n\
                * We're changing our CD system so that rollbacks are fast.\n    \
                * We're also going to run regular recovery drills.\n    \
                * The current system took an hour.\n\
                * Bug bounty\n    * We will establish a bug bounty program.\n";
    let imported = import_markdown(text, today());
    let actions: Vec<&str> = actions_and_statuses(&imported.doc)
        .into_iter()
        .map(|(action, _)| action)
        .collect();
    assert_eq!(actions.len(), 3, "{actions:?}");
    assert!(actions[0].contains("The current system took an hour."));
    assert_eq!(
        actions[1],
        "We're also going to run regular recovery drills."
    );
    assert!(actions[2].starts_with("Bug bounty"));
    // A plan carried out during the incident, under a label that says it was agreed before.
    let plan = "# Outage\n\nThe pre-agreed maintenance actions:\n\n1. Reboot the standby\n\
                2. Fail over\n\n## Follow-up\n\n- Rewrite the traffic tool\n";
    let imported = import_markdown(plan, today());
    assert_eq!(imported.doc.action_items.len(), 1);
    assert_eq!(
        imported.doc.action_items[0].action,
        "Rewrite the traffic tool"
    );
}

#[test]
fn a_label_for_the_action_items_heads_the_list_below_it_only() {
    let text = "# Outage\n\n## Review\n\nAgreed actions:\n\n1. Rewrite the traffic tool.\n\
                2. Test the failover again.\n\nCompleting the agreed actions should help us \
                avoid this outage, and we should learn from it.\n";
    let imported = import_markdown(text, today());
    let actions: Vec<&str> = actions_and_statuses(&imported.doc)
        .into_iter()
        .map(|(action, _)| action)
        .collect();
    assert_eq!(
        actions,
        ["Rewrite the traffic tool.", "Test the failover again."]
    );
    assert!(all_text(&imported.doc).contains("completing the agreed actions should help"));
}

#[test]
fn steps_taken_are_the_work_done_unless_the_file_names_its_action_items() {
    // A status notice whose only list of work is the steps taken since.
    let notice = "---\ntitle: Unplanned outage\n---\n\nSevere disruption due to disk space.\n\n\
                  Steps taken:\n\n* Reviewed log rotation\n* Doubled disk space\n\
                  * Considering: OS-level alerts\n";
    let imported = import_markdown(notice, today());
    assert_eq!(
        actions_and_statuses(&imported.doc),
        [
            ("Reviewed log rotation", ActionStatus::Done),
            ("Doubled disk space", ActionStatus::Done),
            ("Considering: OS-level alerts", ActionStatus::Open),
        ]
    );
    // Beside action items of its own, the steps taken tell how the incident was handled.
    let both = "# Outage\n\n## Steps taken towards mitigation\n\n- Rolled back the deploy\n\n\
                ## Action items\n\n- Add a canary stage\n";
    let imported = import_markdown(both, today());
    assert_eq!(
        actions_and_statuses(&imported.doc),
        [("Add a canary stage", ActionStatus::Open)]
    );
}

#[test]
fn a_first_level_heading_that_restates_the_title_is_the_title_whatever_its_last_word() {
    let text = "---\ntitle: Incident Disclosure - Public Service Suspension\n---\n\n\
                # Incident Disclosure: Public Service Suspension Due to Hosting Provider Actions\n\n\
                On Saturday the service was blocked.\n\n## Our Next Steps\n\n\
                - We will migrate to another provider.\n";
    let imported = import_markdown(text, today());
    assert_eq!(
        imported.doc.title,
        "Incident Disclosure: Public Service Suspension Due to Hosting Provider Actions"
    );
    assert_eq!(
        actions_and_statuses(&imported.doc),
        [("We will migrate to another provider.", ActionStatus::Open)]
    );
    // The front matter's own words for the title are kept.
    assert!(all_text(&imported.doc).contains("incident disclosure - public service suspension"));
}

#[test]
fn a_log_quoted_in_a_page_without_a_timeline_is_its_timeline() {
    let log = "```text\n14:32 <koffee> anyone able to shed any light?\n\
               14:35 <vadimck> is it mounted now?\n14:36 <koffee> it's fine; needed a mount -a\n```\n";
    let imported = import_markdown(
        &format!("# Post Mortem March 16, 2016\n\nLogs from admins discussing issue\n\n{log}"),
        today(),
    );
    let rows: Vec<_> = imported
        .doc
        .timeline
        .iter()
        .map(|row| (row.time, row.actor.as_deref(), row.event.as_str()))
        .collect();
    assert_eq!(
        rows[0],
        (
            Some(Utc.with_ymd_and_hms(2016, 3, 16, 14, 32, 0).unwrap()),
            Some("koffee"),
            "anyone able to shed any light?"
        )
    );
    assert_eq!(rows.len(), 3);
    assert!(
        imported
            .report
            .iter()
            .any(|placement| placement.place.ends_with("from a log quoted in the text"))
    );
    // With a timeline of its own, a log quoted in the root cause stays code.
    let imported = import_markdown(
        &format!(
            "# Outage\n\n## Timeline\n\n- 2016-03-16 14:00 disk failed\n\n## Root cause\n\n{log}"
        ),
        today(),
    );
    assert_eq!(imported.doc.timeline.len(), 1);
    assert!(imported.doc.narrative.root_cause.contains("<koffee>"));
}

#[test]
fn front_matter_that_lost_its_fences_is_kept_with_the_details() {
    let imported = import_markdown(
        "title: SVN Service Outage - PostMortem\ndate: '2014-12-09T09:58:37+00:00'\n\
         permalink: svn_service_outage_postmortem\nlayout: post\n\n\
         The main host for the subversion service failed.\n",
        today(),
    );
    let doc = &imported.doc;
    assert_eq!(doc.title, "SVN Service Outage - PostMortem");
    assert_eq!(
        doc.narrative.summary,
        "The main host for the subversion service failed."
    );
    let details = details_as_written(doc);
    assert!(
        details.contains("- permalink: svn_service_outage_postmortem")
            && details.contains("- layout: post"),
        "{details}"
    );
}

#[test]
fn a_status_files_updates_each_under_its_stamp_are_the_timeline() {
    // As cState writes an incident: front matter, then each update's stamp on a line of its
    // own over the update, the updates set apart by rules, newest first.
    let text = "---\ntitle: GPU outage\ndate: 2025-07-30 10:25:00\n---\n\
                2025-07-30 12:46:00 UTC\n\nAll services have been restored.\n\n---\n\
                2025-07-30 11:09:00 UTC\n\nWe have been notified of a cooling issue.\n\n---\n\
                2025-07-30 10:25:00 UTC\n\nWe are facing an issue in the LON2 region.\n\n---\n";
    let imported = import_markdown(text, today());
    let at = |h, m| Some(Utc.with_ymd_and_hms(2025, 7, 30, h, m, 0).unwrap());
    assert_eq!(
        times_and_events(&imported.doc),
        [
            (at(10, 25), "We are facing an issue in the LON2 region."),
            (at(11, 9), "We have been notified of a cooling issue."),
            (at(12, 46), "All services have been restored."),
        ]
    );
    // A stamp alone over times still dates and zones the rows below it.
    let text = "# Outage\n\n## Timeline\n\n### 2018-11-08 16:55:00 -0500\n\n\
                - 16:55 - deployed\n- 17:10 - rolled back\n";
    let imported = import_markdown(text, today());
    let at = |h, m| Some(Utc.with_ymd_and_hms(2018, 11, 8, h, m, 0).unwrap());
    assert_eq!(
        times_and_events(&imported.doc),
        [(at(21, 55), "deployed"), (at(22, 10), "rolled back")]
    );
}

#[test]
fn a_time_heading_over_a_list_of_what_was_done_then_is_one_row() {
    let text = "# Login outage\n\nDate: 2025-10-01\n\n## 01.10.2025 - 17:00\n\nCrisis call held.\n\n\
                ## 02.10.2025 – 07:00 Uhr\n\n- Routing analysed: anomalies found.\n\
                - Network team asked for a second opinion\n";
    let imported = import_markdown(text, today());
    let rows = times_and_events(&imported.doc);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        rows[1].0,
        Some(Utc.with_ymd_and_hms(2025, 10, 2, 7, 0, 0).unwrap())
    );
    // Every item is kept with the row.
    assert!(rows[1].1.contains("anomalies found"), "{rows:?}");
    assert!(rows[1].1.contains("second opinion"), "{rows:?}");
    // A list of timed rows under a day's heading stays rows of their own.
    let text =
        "# Outage\n\n## Timeline\n\n### 2025-10-02 07:00 UTC\n\n- 07:05 paged\n- 07:20 fixed\n";
    assert_eq!(import_markdown(text, today()).doc.timeline.len(), 2);
}
