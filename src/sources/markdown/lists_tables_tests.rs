//! Tests of the lists and tables of a Markdown postmortem.

use super::*;

#[test]
fn a_row_opened_by_an_ellipsis_is_a_templates_placeholder() {
    assert!(is_placeholder("... another item"));
    assert!(is_placeholder("\u{2026} add more"));
    assert!(!is_placeholder("Remove publication from app stores"));
}

#[test]
fn a_group_heading_says_what_its_items_improve_and_where_they_stand() {
    assert_eq!(
        group_kind("Process improvements"),
        Some(ActionKind::Process)
    );
    assert_eq!(
        group_kind("Monitoring and detection"),
        Some(ActionKind::Detect)
    );
    assert_eq!(group_kind("Short-term improvements"), None);
    assert_eq!(
        group_status("Immediate actions (Completed)"),
        Some(ActionStatus::Done)
    );
    assert_eq!(group_status("Long term"), None);
}

#[test]
fn a_details_tables_first_row_in_the_headers_place_is_kept_as_a_detail() {
    let cells = |cells: [&str; 2]| cells.map(str::to_owned);
    assert!(names_columns(&cells(["Field", "Value"])));
    assert!(names_columns(&cells(["", ""])));
    assert!(names_columns(&cells(["**Key**", "Details"])));
    assert!(!names_columns(&cells([
        "Team",
        "Data Integrity Working Group"
    ])));
    let text = "# Listener failure\n\n| Working group | Data Integrity |\n|---|---|\n\
                | **Severity** | SEV-2 |\n";
    let doc = crate::sources::markdown::import_markdown(
        text,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
    )
    .doc;
    assert_eq!(doc.classification.severity.as_deref(), Some("SEV-2"));
    let kept = doc
        .narrative
        .custom_sections
        .iter()
        .find(|section| section.title == DETAILS_AS_WRITTEN)
        .map(|section| section.text.as_str());
    assert_eq!(kept, Some("- Working group: Data Integrity"));
}
