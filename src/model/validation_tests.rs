//! One test per kind of finding, each starting from a document that has none.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use super::*;

fn at(hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 8, 1, hour, minute, 0).unwrap()
}

fn row(time: Option<DateTime<Utc>>, marker: Marker) -> TimelineRow {
    TimelineRow {
        time,
        event: "something happened".to_owned(),
        marker,
        ..TimelineRow::default()
    }
}

/// A small document that validates clean.
fn clean() -> Postmortem {
    Postmortem {
        title: "User API latency".to_owned(),
        key_times: KeyTimes {
            started: Some(at(14, 3)),
            detected: Some(at(14, 5)),
            acknowledged: Some(at(14, 6)),
            mitigated: Some(at(14, 20)),
            resolved: Some(at(14, 33)),
        },
        timeline: vec![
            row(Some(at(14, 3)), Marker::Unmarked),
            row(Some(at(14, 5)), Marker::Detected),
            row(None, Marker::KeyMoment),
            row(Some(at(14, 20)), Marker::Mitigated),
        ],
        action_items: vec![ActionItem {
            action: "Add the index".to_owned(),
            owner: "Priya L.".to_owned(),
            due: NaiveDate::from_ymd_opt(2025, 8, 5),
            ..ActionItem::default()
        }],
        ..Postmortem::default()
    }
}

fn only_finding(doc: &Postmortem) -> Finding {
    let findings = validate(doc);
    assert_eq!(findings.len(), 1, "expected one finding, got {findings:#?}");
    findings.into_iter().next().unwrap()
}

#[test]
fn the_clean_document_has_no_findings() {
    assert_eq!(validate(&clean()), Vec::new());
}

#[test]
fn an_empty_title_is_an_error() {
    let mut doc = clean();
    doc.title = "   ".to_owned();
    let finding = only_finding(&doc);
    assert_eq!(finding.level, Level::Error);
    assert_eq!(finding.place, Place::Title);
    assert_eq!(finding.message, "The postmortem has no title.");
}

#[test]
fn detected_before_started_is_an_error_naming_both_times() {
    let mut doc = clean();
    doc.key_times.detected = Some(at(14, 1));
    doc.timeline[1].marker = Marker::Unmarked;
    let finding = only_finding(&doc);
    assert_eq!(finding.level, Level::Error);
    assert_eq!(finding.place, Place::KeyTime(KeyTime::Detected));
    assert_eq!(
        finding.message,
        "Detected (2025-08-01 14:01 UTC) is before started (2025-08-01 14:03 UTC)."
    );
}

#[test]
fn resolved_before_mitigated_is_an_error() {
    let mut doc = clean();
    doc.key_times.resolved = Some(at(14, 10));
    let finding = only_finding(&doc);
    assert_eq!(finding.place, Place::KeyTime(KeyTime::Resolved));
    assert!(
        finding.message.contains("before mitigated"),
        "{}",
        finding.message
    );
}

#[test]
fn order_is_checked_against_the_nearest_filled_in_time() {
    let mut doc = clean();
    doc.key_times.detected = None;
    doc.key_times.acknowledged = None;
    doc.timeline[1].marker = Marker::Unmarked;
    doc.key_times.mitigated = Some(at(14, 0));
    doc.timeline[3].time = Some(at(14, 0));
    let findings = validate(&doc);
    assert!(
        findings
            .iter()
            .any(|f| f.place == Place::KeyTime(KeyTime::Mitigated)
                && f.message.contains("before started")),
        "{findings:#?}"
    );
    // Resolved (14:33) is after mitigated and after started: one wrong time, one error.
    assert_eq!(count_levels(&findings).0, 1, "{findings:#?}");
}

#[test]
fn a_row_earlier_than_a_row_above_it_is_a_warning() {
    let mut doc = clean();
    let late = row(Some(at(14, 4)), Marker::Unmarked);
    let late_id = late.id;
    doc.timeline.insert(2, late);
    let finding = only_finding(&doc);
    assert_eq!(finding.level, Level::Warning);
    assert_eq!(finding.place, Place::TimelineRow(late_id));
    assert_eq!(
        finding.message,
        "Timeline row 3 (2025-08-01 14:04 UTC) is earlier than row 2 (2025-08-01 14:05 UTC) above it."
    );
}

#[test]
fn rows_with_equal_times_or_no_time_are_in_order() {
    let mut doc = clean();
    doc.timeline
        .insert(2, row(Some(at(14, 5)), Marker::Unmarked));
    doc.timeline.insert(0, row(None, Marker::Unmarked));
    assert_eq!(validate(&doc), Vec::new());
}

#[test]
fn a_marked_row_whose_time_differs_from_the_key_time_is_a_warning() {
    let mut doc = clean();
    doc.key_times.mitigated = Some(at(14, 21));
    let finding = only_finding(&doc);
    assert_eq!(finding.place, Place::TimelineRow(doc.timeline[3].id));
    assert_eq!(
        finding.message,
        "Timeline row 4 is marked mitigated at 2025-08-01 14:20 UTC, but the key time mitigated is 2025-08-01 14:21 UTC."
    );
}

#[test]
fn a_marked_row_without_a_key_time_or_without_a_time_is_a_warning() {
    let mut doc = clean();
    doc.key_times.detected = None;
    assert!(
        only_finding(&doc)
            .message
            .contains("the key time detected is empty")
    );

    let mut doc = clean();
    doc.timeline[1].time = None;
    assert!(
        only_finding(&doc)
            .message
            .contains("marked detected but has no time")
    );
}

#[test]
fn two_rows_with_the_same_marker_are_a_warning() {
    let mut doc = clean();
    doc.timeline.push(row(Some(at(14, 25)), Marker::Mitigated));
    let finding = only_finding(&doc);
    assert_eq!(
        finding.message,
        "Timeline rows 4 and 5 are both marked mitigated; only one row can be."
    );
}

#[test]
fn an_action_without_owner_or_due_date_is_a_warning_each() {
    let mut doc = clean();
    doc.action_items[0].owner = String::new();
    doc.action_items[0].due = None;
    let findings = validate(&doc);
    let messages: Vec<_> = findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Action item 1 has no owner.",
            "Action item 1 has no due date."
        ]
    );
    assert!(findings.iter().all(|f| f.level == Level::Warning));
    assert!(
        findings
            .iter()
            .all(|f| f.place == Place::ActionItem(doc.action_items[0].id))
    );
}

#[test]
fn a_severity_off_the_scale_is_a_warning() {
    let mut doc = clean();
    doc.classification.severity = Some("SEV-9".to_owned());
    assert_eq!(only_finding(&doc).place, Place::Severity);
    doc.classification.severity = Some("SEV-2".to_owned());
    assert_eq!(validate(&doc), Vec::new());
}

#[test]
fn duplicate_ids_are_errors() {
    let mut doc = clean();
    let copy = doc.timeline[0].clone();
    doc.timeline.push(TimelineRow {
        time: Some(at(14, 30)),
        ..copy
    });
    let finding = only_finding(&doc);
    assert_eq!(finding.level, Level::Error);
    assert!(finding.message.contains("same ID"));
}

#[test]
fn errors_come_before_warnings() {
    let mut doc = clean();
    doc.action_items[0].owner = String::new();
    doc.title = String::new();
    let levels: Vec<_> = validate(&doc).iter().map(|f| f.level).collect();
    assert_eq!(levels, [Level::Error, Level::Warning]);
}

#[test]
fn links_that_will_not_open_are_warnings() {
    let mut doc = clean();
    doc.links.push(Link {
        url: "https://grafana.example.com".to_owned(),
        ..Link::default()
    });
    assert_eq!(validate(&doc), Vec::new());
    doc.links.push(Link {
        url: "file:///etc/passwd".to_owned(),
        ..Link::default()
    });
    let finding = only_finding(&doc);
    assert_eq!(finding.place, Place::Link(1));
    assert_eq!(
        finding.message,
        "Link 2 (\u{201c}file:///etc/passwd\u{201d}) will not open: only http, https, mailto links do."
    );
    doc.links[1].url = String::new();
    assert_eq!(only_finding(&doc).message, "Link 2 has no URL.");
}

#[test]
fn a_declined_item_says_why_and_a_final_postmortem_who_approved_it() {
    let mut doc = clean();
    doc.action_items[0].status = crate::model::ActionStatus::WontDo;
    let finding = only_finding(&doc);
    assert_eq!(finding.place, Place::ActionItem(doc.action_items[0].id));
    assert_eq!(
        finding.message,
        "Action item 1 is declined (Won\u{2019}t do) without a reason."
    );
    doc.action_items[0].declined_reason = "Covered by OPS-12".to_owned();
    assert_eq!(validate(&doc), Vec::new());

    doc.status = crate::model::DocumentStatus::Final;
    assert_eq!(
        only_finding(&doc).message,
        "The postmortem is final but does not say who approved it."
    );
    doc.approval.approver = "Dana W.".to_owned();
    assert_eq!(only_finding(&doc).place, Place::Approval);
    doc.approval.approved = chrono::NaiveDate::from_ymd_opt(2025, 8, 6);
    assert_eq!(validate(&doc), Vec::new());
}

#[test]
fn tags_outside_the_teams_list_are_warnings_only_when_it_keeps_one() {
    let mut doc = clean();
    doc.classification.tags = vec!["Capacity".to_owned(), "config change".to_owned()];
    assert_eq!(validate(&doc), Vec::new());
    let rules = TeamRules {
        tags: Some(vec!["capacity".to_owned(), "config-change".to_owned()]),
        ..TeamRules::default()
    };
    let findings = validate_with(&doc, &rules);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].place, Place::Tags);
    assert_eq!(
        findings[0].message,
        "The tag \u{201c}config change\u{201d} is not in the team's list (capacity, config-change)."
    );
}
