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
