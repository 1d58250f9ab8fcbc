//! Each kind of edit, applied to a document.

use chrono::{TimeZone, Utc};

use super::*;

#[test]
fn applying_an_edit_changes_the_document_once() {
    let mut doc = Postmortem::default();
    assert!(Edit::SetTitle("Latency".to_owned()).apply(&mut doc));
    assert_eq!(doc.title, "Latency");
    assert!(!Edit::SetTitle("Latency".to_owned()).apply(&mut doc));
    assert!(Edit::SetStatus(DocumentStatus::Final).apply(&mut doc));
    assert_eq!(doc.status, DocumentStatus::Final);
    assert!(Edit::SetSeverity(Some("SEV-2".to_owned())).apply(&mut doc));
    assert_eq!(doc.severity_level().map(|l| l.name.as_str()), Some("SEV-2"));
}

#[test]
fn services_hold_each_name_once_trimmed() {
    let mut doc = Postmortem::default();
    assert!(Edit::Services(ListEdit::Push(" User API ".to_owned())).apply(&mut doc));
    assert!(!Edit::Services(ListEdit::Push("user api".to_owned())).apply(&mut doc));
    assert!(!Edit::Services(ListEdit::Push("   ".to_owned())).apply(&mut doc));
    assert!(Edit::Services(ListEdit::Push("ORM layer".to_owned())).apply(&mut doc));
    assert!(!Edit::Services(ListEdit::Replace(1, "USER API".to_owned())).apply(&mut doc));
    assert_eq!(doc.classification.services, ["User API", "ORM layer"]);
    assert!(Edit::Services(ListEdit::Remove(0)).apply(&mut doc));
    assert_eq!(doc.classification.services, ["ORM layer"]);
}

#[test]
fn renaming_the_severity_in_use_renames_the_documents_severity() {
    let mut doc = Postmortem::default();
    let _ = Edit::SetSeverity(Some("SEV-2".to_owned())).apply(&mut doc);
    let renamed = SeverityLevel::new("P2", "major degradation for many users");
    assert!(Edit::SeverityScale(ListEdit::Replace(1, renamed)).apply(&mut doc));
    assert_eq!(doc.classification.severity.as_deref(), Some("P2"));
    assert_eq!(doc.severity_level().map(|l| l.name.as_str()), Some("P2"));

    let other = SeverityLevel::new("P3", "partial degradation");
    assert!(Edit::SeverityScale(ListEdit::Replace(2, other)).apply(&mut doc));
    assert_eq!(doc.classification.severity.as_deref(), Some("P2"));
}

#[test]
fn key_times_and_zone() {
    let mut doc = Postmortem::default();
    let start = Utc.with_ymd_and_hms(2025, 8, 1, 14, 3, 0).unwrap();
    assert!(Edit::SetKeyTime(KeyTime::Started, Some(start)).apply(&mut doc));
    assert!(!Edit::SetKeyTime(KeyTime::Started, Some(start)).apply(&mut doc));
    assert_eq!(doc.key_times.started, Some(start));
    assert!(Edit::SetTimeZone(chrono_tz::Europe::Berlin).apply(&mut doc));
    assert_eq!(
        doc.key_times.started,
        Some(start),
        "a zone change moves no instant"
    );
    assert!(Edit::SetKeyTime(KeyTime::Started, None).apply(&mut doc));
    assert_eq!(doc.key_times.started, None);
}

#[test]
fn narrative_sections_and_custom_sections() {
    let mut doc = Postmortem::default();
    assert!(Edit::SetSectionText(Section::RootCause, "No index".to_owned()).apply(&mut doc));
    assert_eq!(doc.narrative.root_cause, "No index");
    let section = |title: &str| CustomSection {
        title: title.to_owned(),
        text: String::new(),
        ..CustomSection::default()
    };
    let _ = Edit::CustomSections(ListEdit::Push(section("Follow-up"))).apply(&mut doc);
    let _ = Edit::CustomSections(ListEdit::Push(section("Costs"))).apply(&mut doc);
    assert!(Edit::CustomSections(ListEdit::Move { from: 1, to: 0 }).apply(&mut doc));
    let titles: Vec<_> = doc
        .narrative
        .custom_sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(titles, ["Costs", "Follow-up"]);
}

#[test]
fn edits_describe_themselves_for_undo() {
    assert_eq!(Edit::SetTitle(String::new()).describe(), "change title");
    assert_eq!(
        Edit::Participants(ListEdit::Push(Participant::default())).describe(),
        "add participant"
    );
    assert_eq!(
        Edit::Links(ListEdit::Move { from: 0, to: 1 }).describe(),
        "reorder links"
    );
}

fn timed_row(event: &str, hour: u32, minute: u32) -> TimelineRow {
    TimelineRow {
        event: event.to_owned(),
        time: Utc.with_ymd_and_hms(2025, 8, 1, hour, minute, 0).single(),
        ..TimelineRow::default()
    }
}

#[test]
fn marking_a_row_sets_its_key_time_and_moves_the_marker() {
    let mut doc = Postmortem {
        timeline: vec![timed_row("a", 14, 18), timed_row("b", 14, 20)],
        ..Postmortem::default()
    };
    let (first, second) = (doc.timeline[0].id, doc.timeline[1].id);
    assert!(Edit::MarkRow(first, Marker::Mitigated).apply(&mut doc));
    assert_eq!(doc.key_times.mitigated, doc.timeline[0].time);
    assert!(Edit::MarkRow(second, Marker::Mitigated).apply(&mut doc));
    assert_eq!(doc.timeline[0].marker, Marker::Unmarked);
    assert_eq!(doc.timeline[1].marker, Marker::Mitigated);
    assert_eq!(doc.key_times.mitigated, doc.timeline[1].time);
    assert!(!Edit::MarkRow(second, Marker::Mitigated).apply(&mut doc));
    // A key moment sets no key time and may be on many rows.
    assert!(Edit::MarkRow(first, Marker::KeyMoment).apply(&mut doc));
    assert!(Edit::MarkRow(second, Marker::KeyMoment).apply(&mut doc));
    assert_eq!(doc.timeline[0].marker, Marker::KeyMoment);
}

#[test]
fn retiming_a_marked_row_moves_its_key_time() {
    let mut doc = Postmortem {
        timeline: vec![timed_row("resolved", 14, 33)],
        ..Postmortem::default()
    };
    let _ = Edit::MarkRow(doc.timeline[0].id, Marker::Resolved).apply(&mut doc);
    let retimed = timed_row("resolved", 14, 35);
    let retimed = TimelineRow {
        id: doc.timeline[0].id,
        marker: Marker::Resolved,
        ..retimed
    };
    assert!(Edit::Timeline(ListEdit::Replace(0, retimed.clone())).apply(&mut doc));
    assert_eq!(doc.key_times.resolved, retimed.time);
}

#[test]
fn sorting_and_pasting_are_one_edit_each() {
    let mut doc = Postmortem {
        timeline: vec![timed_row("late", 14, 30), timed_row("early", 14, 3)],
        ..Postmortem::default()
    };
    assert!(Edit::SortTimelineByTime.apply(&mut doc));
    assert_eq!(doc.timeline[0].event, "early");
    assert!(!Edit::SortTimelineByTime.apply(&mut doc));
    let pasted = vec![timed_row("p1", 14, 10), timed_row("p2", 14, 11)];
    assert!(Edit::InsertRows(1, pasted).apply(&mut doc));
    let events: Vec<_> = doc.timeline.iter().map(|r| r.event.as_str()).collect();
    assert_eq!(events, ["early", "p1", "p2", "late"]);
    assert_eq!(Edit::SortTimelineByTime.describe(), "sort timeline by time");
    assert_eq!(
        Edit::Timeline(ListEdit::Move { from: 0, to: 1 }).describe(),
        "move timeline row"
    );
}

#[test]
fn done_records_the_day_and_reopening_clears_it() {
    let today = chrono::NaiveDate::from_ymd_opt(2025, 8, 10).unwrap();
    let mut doc = Postmortem {
        action_items: vec![ActionItem::default()],
        ..Postmortem::default()
    };
    let id = doc.action_items[0].id;
    let set = |status| Edit::SetActionStatus { id, status, today };
    assert!(set(ActionStatus::Done).apply(&mut doc));
    assert_eq!(doc.action_items[0].completed, Some(today));
    assert!(!set(ActionStatus::Done).apply(&mut doc));
    assert!(set(ActionStatus::Open).apply(&mut doc));
    assert_eq!(doc.action_items[0].completed, None);
    assert!(set(ActionStatus::WontDo).apply(&mut doc));
    assert_eq!(doc.action_items[0].completed, None);
}

#[test]
fn declining_keeps_the_reason_until_the_item_is_reopened() {
    let mut doc = crate::example::example_postmortem().unwrap();
    let id = doc.action_items[1].id;
    let today = chrono::NaiveDate::from_ymd_opt(2025, 8, 9).unwrap();
    assert!(
        Edit::DeclineAction {
            id,
            reason: "Staging is being replaced".to_owned()
        }
        .apply(&mut doc)
    );
    let item = &doc.action_items[1];
    assert_eq!(item.status, ActionStatus::WontDo);
    assert_eq!(item.declined_reason, "Staging is being replaced");
    assert!(
        !Edit::SetActionStatus {
            id,
            status: ActionStatus::WontDo,
            today
        }
        .apply(&mut doc),
        "choosing the same status again changes nothing"
    );
    assert!(
        Edit::SetActionStatus {
            id,
            status: ActionStatus::Open,
            today
        }
        .apply(&mut doc)
    );
    assert_eq!(doc.action_items[1].declined_reason, "");
}

#[test]
fn tags_hold_each_name_once_and_the_sign_off_is_set() {
    let mut doc = Postmortem::default();
    assert!(Edit::Tags(ListEdit::Push(" capacity ".to_owned())).apply(&mut doc));
    assert!(!Edit::Tags(ListEdit::Push("Capacity".to_owned())).apply(&mut doc));
    assert_eq!(doc.classification.tags, ["capacity"]);
    assert!(Edit::SetApprover("Dana W.".to_owned()).apply(&mut doc));
    let day = chrono::NaiveDate::from_ymd_opt(2025, 8, 6);
    assert!(Edit::SetApprovalDate(day).apply(&mut doc));
    assert_eq!(doc.approval.approved, day);
}

#[test]
fn a_sections_heading_is_set_and_goes_back_to_the_built_in_one() {
    let mut doc = Postmortem::default();
    let heading = |text: &str| Edit::SetSectionHeading(Section::RootCause, text.to_owned());
    assert!(heading(" Root Cause Analysis ").apply(&mut doc));
    assert_eq!(
        doc.narrative.heading_of(Section::RootCause),
        "Root Cause Analysis"
    );
    assert!(!heading("Root Cause Analysis").apply(&mut doc));
    // The built-in heading itself, or nothing, is no heading of its own.
    assert!(heading("Root cause").apply(&mut doc));
    assert!(doc.narrative.headings.is_empty());
    assert!(!heading("").apply(&mut doc));
}

#[test]
fn any_part_can_be_marked_internal_and_public_again() {
    use crate::model::InternalPart;
    let mut doc = crate::example::example_postmortem().unwrap();
    let row = doc.timeline[3].id;
    let item = doc.action_items[1].id;
    for part in [
        InternalPart::Section(Section::WhereWeGotLucky),
        InternalPart::Row(row),
        InternalPart::Action(item),
        InternalPart::Link(0),
    ] {
        assert!(!part.is_internal(&doc));
        assert!(Edit::SetInternal(part, true).apply(&mut doc), "{part:?}");
        assert!(part.is_internal(&doc), "{part:?}");
        assert!(
            !Edit::SetInternal(part, true).apply(&mut doc),
            "no change twice"
        );
        assert_eq!(Edit::SetInternal(part, true).describe(), "mark internal");
    }
    assert!(doc.timeline[3].internal && doc.action_items[1].internal && doc.links[0].internal);
    assert!(Edit::SetInternal(InternalPart::Row(row), false).apply(&mut doc));
    assert!(!doc.timeline[3].internal);
    // A part that is not there changes nothing.
    assert!(!Edit::SetInternal(InternalPart::Custom(9), true).apply(&mut doc));
    assert!(Edit::SetRedactTerms(vec!["Falcon".to_owned()]).apply(&mut doc));
    assert!(Edit::SetPublicSummary("For customers.".to_owned()).apply(&mut doc));
    assert_eq!(doc.public.redact, ["Falcon"]);
    assert_eq!(doc.public.summary, "For customers.");
}
