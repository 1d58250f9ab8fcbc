//! Merging two sides' edits of one document.

use chrono::{TimeZone, Utc};

use super::*;
use crate::model::{
    ActionItem, ActionStatus, Edit, Link, Participant, ParticipantRole, Place, TimelineRow,
    validate,
};

fn row(event: &str, minute: u32) -> TimelineRow {
    TimelineRow {
        time: Some(Utc.with_ymd_and_hms(2025, 8, 1, 14, minute, 0).unwrap()),
        event: event.to_owned(),
        ..TimelineRow::default()
    }
}

fn base() -> Postmortem {
    Postmortem {
        title: "Checkout errors".to_owned(),
        timeline: vec![
            row("Deploy", 0),
            row("Alert", 5),
            row("Rollback", 10),
            row("Recovered", 20),
        ],
        action_items: vec![ActionItem {
            action: "Add a canary".to_owned(),
            owner: "Dana".to_owned(),
            ..ActionItem::default()
        }],
        participants: vec![Participant {
            name: "Dana".to_owned(),
            role: ParticipantRole::IncidentLead,
            note: String::new(),
        }],
        links: vec![Link {
            label: "Chat".to_owned(),
            url: "https://chat.example/c/1".to_owned(),
            ..Link::default()
        }],
        ..Postmortem::default()
    }
    .with_root_cause("The pool was small.\nNobody watched it.\nThe deploy doubled load.\n")
}

trait WithText {
    fn with_root_cause(self, text: &str) -> Self;
}

impl WithText for Postmortem {
    fn with_root_cause(mut self, text: &str) -> Self {
        text.clone_into(&mut self.narrative.root_cause);
        self
    }
}

fn merged(base: &Postmortem, ours: &Postmortem, theirs: &Postmortem) -> Merged {
    merge(base, ours, theirs).unwrap()
}

#[test]
fn an_unchanged_side_gives_the_other_side_exactly() {
    let base = base();
    let mut edited = base.clone();
    edited.title = "Checkout 500s".to_owned();
    edited.timeline.swap(0, 3);
    edited.timeline.remove(1);
    edited.action_items[0].owner = "Lee".to_owned();
    assert_eq!(merged(&base, &base, &edited).doc, edited);
    assert_eq!(merged(&base, &edited, &base).doc, edited);
    assert_eq!(merged(&base, &edited, &edited).doc, edited);
}

#[test]
fn edits_of_different_fields_and_rows_all_survive() {
    let base = base();
    let mut ours = base.clone();
    ours.title = "Checkout 500s".to_owned();
    ours.timeline[1].event = "Pager alert fired".to_owned();
    ours.timeline[2].notes = "by Lee".to_owned();
    ours.action_items[0].status = ActionStatus::InProgress;
    let mut theirs = base.clone();
    theirs.incident_id = "INC-7".to_owned();
    theirs.timeline[2].event = "Rolled back v41".to_owned();
    theirs.action_items[0].owner = "Lee".to_owned();

    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.new_conflicts, 0);
    let doc = result.doc;
    assert_eq!(doc.title, "Checkout 500s");
    assert_eq!(doc.incident_id, "INC-7");
    assert_eq!(doc.timeline[1].event, "Pager alert fired");
    assert_eq!(doc.timeline[2].event, "Rolled back v41");
    assert_eq!(doc.timeline[2].notes, "by Lee");
    assert_eq!(doc.action_items[0].status, ActionStatus::InProgress);
    assert_eq!(doc.action_items[0].owner, "Lee");
    assert!(doc.conflicts.is_empty());
}

#[test]
fn a_reorder_on_one_side_keeps_the_other_sides_edits_and_additions() {
    let base = base();
    let ids: Vec<_> = base.timeline.iter().map(|row| row.id).collect();
    let mut ours = base.clone();
    ours.timeline.reverse();
    let mut theirs = base.clone();
    theirs.timeline[0].event = "Deploy of v41".to_owned();
    let added = row("Status page updated", 12);
    theirs.timeline.insert(3, added.clone());

    let doc = merged(&base, &ours, &theirs).doc;
    let order: Vec<_> = doc.timeline.iter().map(|row| row.id).collect();
    // Ours' order, with their new row after the row it follows on their side (Rollback).
    assert_eq!(order, [ids[3], ids[2], added.id, ids[1], ids[0]]);
    assert_eq!(doc.timeline[4].event, "Deploy of v41");

    // The same with the sides swapped: the reorder is theirs now.
    let doc = merged(&base, &theirs, &ours).doc;
    let order: Vec<_> = doc.timeline.iter().map(|row| row.id).collect();
    assert_eq!(order, [ids[3], ids[2], added.id, ids[1], ids[0]]);
}

#[test]
fn rows_added_on_both_sides_are_all_kept_in_their_places() {
    let base = base();
    let mut ours = base.clone();
    let mine = [row("Mine A", 1), row("Mine B", 2)];
    ours.timeline.splice(1..1, mine.iter().cloned());
    let mut theirs = base.clone();
    let theirs_row = row("Theirs", 15);
    theirs.timeline.insert(3, theirs_row.clone());
    theirs.timeline.remove(1);

    let doc = merged(&base, &ours, &theirs).doc;
    let events: Vec<&str> = doc.timeline.iter().map(|row| row.event.as_str()).collect();
    assert_eq!(
        events,
        [
            "Deploy",
            "Mine A",
            "Mine B",
            "Rollback",
            "Theirs",
            "Recovered"
        ]
    );
}

#[test]
fn lines_of_the_analysis_merge_like_text() {
    let base = base();
    let mut ours = base.clone();
    ours.narrative.root_cause =
        "The pool was too small.\nNobody watched it.\nThe deploy doubled load.\n".to_owned();
    let mut theirs = base.clone();
    theirs.narrative.root_cause =
        "The pool was small.\nNobody watched it.\nThe v41 deploy doubled load.\n".to_owned();
    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.new_conflicts, 0);
    assert_eq!(
        result.doc.narrative.root_cause,
        "The pool was too small.\nNobody watched it.\nThe v41 deploy doubled load.\n"
    );
}

#[test]
fn one_field_changed_two_ways_keeps_ours_and_records_both() {
    let base = base();
    let mut ours = base.clone();
    ours.timeline[1].event = "Pager alert".to_owned();
    let mut theirs = base.clone();
    theirs.timeline[1].event = "Datadog alert".to_owned();
    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.new_conflicts, 1);
    let doc = result.doc;
    assert_eq!(doc.timeline[1].event, "Pager alert");
    let conflict = &doc.conflicts[0];
    assert_eq!(
        conflict.at,
        [
            "timeline".to_owned(),
            base.timeline[1].id.to_string(),
            "event".to_owned()
        ]
    );
    assert_eq!(conflict.theirs, Value::String("Datadog alert".to_owned()));
    assert_eq!(conflict.base, Value::String("Alert".to_owned()));
    assert_eq!(
        conflict.place(&doc),
        Place::TimelineRow(base.timeline[1].id)
    );
    let message = conflict.message();
    assert!(message.contains("event"), "{message}");
    assert!(
        message.contains("\u{201c}Datadog alert\u{201d}"),
        "{message}"
    );
    // Validation reports it as an error at the conflict.
    let findings = validate(&doc);
    assert!(
        findings
            .iter()
            .any(|finding| finding.place == Place::Conflict(0) && finding.message == message)
    );

    // Settling keeps the chosen side and drops the conflict.
    let theirs_kept = settle(&doc, 0, Keep::Theirs).unwrap();
    assert_eq!(theirs_kept.timeline[1].event, "Datadog alert");
    assert!(theirs_kept.conflicts.is_empty());
    let ours_kept = settle(&doc, 0, Keep::Ours).unwrap();
    assert_eq!(ours_kept.timeline[1].event, "Pager alert");
    let mut by_hand = doc.clone();
    by_hand.timeline[1].event = "Pager and Datadog alerts".to_owned();
    let mut settled = by_hand.clone();
    assert!(Edit::SettleConflict(0, Keep::AsItIs).apply(&mut settled));
    assert_eq!(settled.timeline[1].event, "Pager and Datadog alerts");
    assert!(settled.conflicts.is_empty());
}

#[test]
fn text_changed_on_the_same_line_is_a_conflict_of_the_whole_field() {
    let base = base();
    let mut ours = base.clone();
    ours.narrative.root_cause = base.narrative.root_cause.replace("small", "tiny");
    let mut theirs = base.clone();
    theirs.narrative.root_cause = base.narrative.root_cause.replace("small", "undersized");
    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.new_conflicts, 1);
    assert_eq!(result.doc.narrative.root_cause, ours.narrative.root_cause);
    assert_eq!(
        result.doc.conflicts[0].place(&result.doc),
        Place::Section(crate::model::Section::RootCause)
    );
    assert!(
        result.doc.conflicts[0]
            .message()
            .contains("section Root cause"),
        "{}",
        result.doc.conflicts[0].message()
    );
}

#[test]
fn an_entry_deleted_on_one_side_and_changed_on_the_other_is_kept_and_reported() {
    let base = base();
    let mut ours = base.clone();
    ours.timeline.remove(2);
    let mut theirs = base.clone();
    theirs.timeline[2].notes = "v41 back to v40".to_owned();
    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.new_conflicts, 1);
    let doc = result.doc;
    assert_eq!(doc.timeline.len(), 4, "the changed row stays");
    assert_eq!(doc.timeline[2].notes, "v41 back to v40");
    let conflict = &doc.conflicts[0];
    assert!(conflict.is_about_an_entry());
    assert!(conflict.ours.is_null());
    assert!(
        conflict.message().contains("deleted"),
        "{}",
        conflict.message()
    );
    // Keeping mine deletes it; keeping theirs keeps it.
    let mine = settle(&doc, 0, Keep::Ours).unwrap();
    assert_eq!(mine.timeline.len(), 3);
    assert!(mine.row(base.timeline[2].id).is_none());
    let kept = settle(&doc, 0, Keep::Theirs).unwrap();
    assert_eq!(kept.timeline.len(), 4);

    // Deleted on both sides, or deleted on one and untouched on the other: gone.
    let mut both = base.clone();
    both.timeline.remove(2);
    assert_eq!(merged(&base, &ours, &both).doc.timeline.len(), 3);
    assert_eq!(merged(&base, &ours, &base).doc.timeline.len(), 3);
}

#[test]
fn participants_merge_by_name_and_links_by_address() {
    let base = base();
    let mut ours = base.clone();
    ours.participants[0].note = "payments on-call".to_owned();
    ours.participants.push(Participant {
        name: "Lee".to_owned(),
        ..Participant::default()
    });
    let mut theirs = base.clone();
    theirs.participants[0].role = ParticipantRole::Responder;
    theirs.links[0].label = "Incident channel".to_owned();
    theirs.links.push(Link {
        url: "https://dash.example/d/9".to_owned(),
        ..Link::default()
    });
    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.new_conflicts, 0);
    let doc = result.doc;
    assert_eq!(doc.participants.len(), 2);
    assert_eq!(doc.participants[0].note, "payments on-call");
    assert_eq!(doc.participants[0].role, ParticipantRole::Responder);
    assert_eq!(doc.links.len(), 2);
    assert_eq!(doc.links[0].label, "Incident channel");
}

#[test]
fn the_later_save_day_wins_without_a_conflict() {
    let base = base();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2025, 8, d);
    let mut ours = base.clone();
    ours.updated = day(3);
    let mut theirs = base.clone();
    theirs.updated = day(5);
    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.new_conflicts, 0);
    assert_eq!(result.doc.updated, day(5));
}

#[test]
fn conflicts_already_in_the_files_are_kept_once() {
    let base = base();
    let mut ours = base.clone();
    ours.title = "A".to_owned();
    let mut theirs = base.clone();
    theirs.title = "B".to_owned();
    let first = merged(&base, &ours, &theirs).doc;
    assert_eq!(first.conflicts.len(), 1);
    // Merging the conflicted file with one that only changed another field keeps it once.
    let mut other = first.clone();
    other.conflicts.clear();
    other.conflicts.clone_from(&first.conflicts);
    other.incident_id = "INC-9".to_owned();
    let second = merged(&first, &first, &other).doc;
    assert_eq!(second.conflicts.len(), 1);
    assert_eq!(second.incident_id, "INC-9");
}

#[test]
fn settling_a_conflict_whose_place_is_gone_only_drops_it() {
    let base = base();
    let mut ours = base.clone();
    ours.timeline[1].event = "X".to_owned();
    let mut theirs = base.clone();
    theirs.timeline[1].event = "Y".to_owned();
    let mut doc = merged(&base, &ours, &theirs).doc;
    doc.timeline.remove(1);
    assert!(Edit::SettleConflict(0, Keep::Theirs).apply(&mut doc));
    assert!(doc.conflicts.is_empty());
    assert_eq!(
        doc.timeline.len(),
        3,
        "no row comes back from a field's value"
    );
}

#[test]
fn headings_as_written_merge_by_section_and_a_clash_points_at_the_section() {
    let base = base();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.narrative
        .headings
        .insert(crate::model::Section::Impact, "Customer impact".to_owned());
    theirs
        .narrative
        .headings
        .insert(crate::model::Section::Trigger, "What set it off".to_owned());
    let clean = merged(&base, &ours, &theirs);
    assert_eq!(clean.new_conflicts, 0);
    assert_eq!(clean.doc.narrative.headings.len(), 2);

    theirs
        .narrative
        .headings
        .insert(crate::model::Section::Impact, "Who was hurt".to_owned());
    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.new_conflicts, 1);
    let conflict = &result.doc.conflicts[0];
    assert_eq!(
        conflict.place(&result.doc),
        Place::Section(crate::model::Section::Impact)
    );
    assert!(
        conflict.message().contains("heading of section Impact"),
        "{}",
        conflict.message()
    );
}

#[test]
fn files_attached_on_both_sides_are_all_kept_and_a_caption_merges_by_file() {
    use crate::model::{AttachedTo, Attachment};
    let file = |name: &str, caption: &str| Attachment {
        path: format!("inc.files/{name}.png"),
        caption: caption.to_owned(),
        original_name: format!("{name}.png"),
        place: AttachedTo::Document,
    };
    let mut base = base();
    base.attachments = vec![file("aa", "")];
    let mut ours = base.clone();
    ours.attachments[0].caption = "p99 latency".to_owned();
    ours.attachments.push(file("bb", "Error rate"));
    let mut theirs = base.clone();
    theirs.attachments.push(file("cc", "Dashboard"));
    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.new_conflicts, 0);
    let mut captions: Vec<&str> = result
        .doc
        .attachments
        .iter()
        .map(|attachment| attachment.caption.as_str())
        .collect();
    captions.sort_unstable();
    assert_eq!(captions, ["Dashboard", "Error rate", "p99 latency"]);
}
