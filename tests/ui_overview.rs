//! The overview and analysis editors, driven as a person would.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use chrono::{TimeZone, Utc};
use common::{
    Queryable, ScriptedDialogs, click, editor, editor_with_example, opened_urls, retype, today,
};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;
use hindsight::app::{DialogOutcome, HindsightApp, OpenDocument};
use hindsight::model::{List, ParticipantRole, Postmortem};

fn doc(harness: &Harness<'_, HindsightApp>) -> Postmortem {
    harness.state().document().doc().clone()
}

/// Types into a field and presses Enter, as when adding a chip or committing a time.
fn type_and_enter(harness: &mut Harness<'_, HindsightApp>, label: &str, text: &str) {
    retype(harness, label, text);
    harness.key_press(egui::Key::Enter);
    harness.run();
}

fn at(hour: u32, minute: u32) -> Option<chrono::DateTime<Utc>> {
    Utc.with_ymd_and_hms(2025, 8, 1, hour, minute, 0).single()
}

#[test]
fn editing_a_text_field_changes_the_document() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    retype(&mut harness, "Incident type", "Latency regression");
    assert_eq!(
        doc(&harness).classification.incident_type,
        "Latency regression"
    );
    assert!(harness.state().document().is_dirty());
}

#[test]
fn choosing_a_severity_from_the_scale() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Severity");
    harness
        .get_by_label("SEV-1 \u{2014} critical outage for all or most users")
        .click();
    harness.run();
    assert_eq!(
        doc(&harness).classification.severity.as_deref(),
        Some("SEV-1")
    );
}

#[test]
fn services_are_chips_added_with_enter_and_removed_with_the_cross() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    type_and_enter(&mut harness, "Services", "Redis cache");
    assert_eq!(
        doc(&harness).classification.services,
        [
            "User API",
            "PostgreSQL database (orders table)",
            "ORM layer",
            "Redis cache"
        ]
    );

    type_and_enter(&mut harness, "Services", "user api");
    assert_eq!(
        doc(&harness).classification.services.len(),
        4,
        "duplicate added"
    );
    harness.get_by_label("already listed");

    click(&mut harness, "Remove User API");
    assert_eq!(
        doc(&harness).classification.services,
        [
            "PostgreSQL database (orders table)",
            "ORM layer",
            "Redis cache"
        ]
    );
}

#[test]
fn typing_a_key_time_keeps_its_date_and_updates_the_metrics() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    harness.get_by_label_contains("Duration 30 min");
    type_and_enter(&mut harness, "Resolved", "14:43");
    assert_eq!(doc(&harness).key_times.resolved, at(14, 43));
    harness.get_by_label_contains("Duration 40 min");
    harness.get_by_label("after 40 min");
}

#[test]
fn an_impossible_time_is_shown_in_place_and_changes_nothing() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    type_and_enter(&mut harness, "Mitigated", "25:99");
    harness.get_by_label("25:99 is not a time of day");
    assert_eq!(doc(&harness).key_times.mitigated, at(14, 20));
    assert!(!harness.state().document().is_dirty());

    // Correcting it clears the error and stores the time.
    type_and_enter(&mut harness, "Mitigated", "14:21");
    assert_eq!(doc(&harness).key_times.mitigated, at(14, 21));
    assert!(
        harness
            .query_by_label("25:99 is not a time of day")
            .is_none()
    );
}

#[test]
fn a_key_time_out_of_order_shows_the_finding_not_a_negative_number() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    type_and_enter(&mut harness, "Detected", "14:01");
    harness
        .get_by_label("Detected (2025-08-01 14:01 UTC) is before started (2025-08-01 14:03 UTC).");
    assert!(harness.query_by_label_contains("-2 min").is_none());
    assert!(harness.query_by_label_contains("detected after").is_none());
}

#[test]
fn clearing_a_key_time() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Clear resolved");
    assert_eq!(doc(&harness).key_times.resolved, None);
    assert!(harness.query_by_label_contains("Duration").is_none());
}

#[test]
fn switching_the_time_zone_changes_what_is_shown_not_what_is_stored() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    let before = doc(&harness).key_times;
    click(&mut harness, "Time zone");
    harness.get_by_label("Search zones").type_text("berlin");
    harness.run();
    click(&mut harness, "Europe/Berlin");
    assert_eq!(doc(&harness).time_zone, chrono_tz::Europe::Berlin);
    assert_eq!(doc(&harness).key_times, before);
    assert_eq!(
        harness.get_by_label("Started").value().as_deref(),
        Some("16:03")
    );
}

#[test]
fn adding_a_participant_with_a_role() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Add participant");
    assert_eq!(doc(&harness).participants.len(), 5);
    harness
        .get_all_by_label_contains("Name, participant")
        .last()
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_label_contains("Name, participant")
        .last()
        .unwrap()
        .click();
    harness.run();
    harness
        .get_all_by_label_contains("Name, participant")
        .last()
        .unwrap()
        .type_text("Dana S.");
    harness.run();
    harness
        .get_all_by_label_contains("Role, participant")
        .last()
        .unwrap()
        .click();
    harness.run();
    click(&mut harness, "Scribe");
    let person = doc(&harness).participants[4].clone();
    assert_eq!(person.name, "Dana S.");
    assert_eq!(person.role, ParticipantRole::Scribe);

    click(&mut harness, "Move participant 5 up");
    assert_eq!(doc(&harness).participants[3].name, "Dana S.");
    click(&mut harness, "Remove participant 4");
    assert!(
        doc(&harness)
            .participants
            .iter()
            .all(|p| p.name != "Dana S.")
    );
}

#[test]
fn only_web_and_mail_links_open() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    harness.get_by_label("Open link 2").scroll_to_me();
    harness.run();
    harness.get_by_label("Open link 2").click();
    harness.step();
    assert_eq!(
        opened_urls(&harness),
        ["https://git.example.com/user-api/commit/a7c3dbe"]
    );
    harness.run();

    let url_field = harness
        .get_all_by_label_contains("URL, link")
        .next()
        .unwrap();
    url_field.scroll_to_me();
    harness.run();
    harness
        .get_all_by_label_contains("URL, link")
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_all_by_label_contains("URL, link")
        .next()
        .unwrap()
        .type_text("file:///etc/passwd");
    harness.run();
    assert_eq!(doc(&harness).links[0].url, "file:///etc/passwd");
    let refused = harness.get_by_label("Open link 1");
    assert!(refused.accesskit_node().is_disabled());
    refused.click();
    harness.step();
    assert!(opened_urls(&harness).is_empty());
    assert!(
        harness
            .state()
            .document()
            .findings()
            .iter()
            .any(|f| f.message.contains("will not open"))
    );
}

#[test]
fn custom_sections_are_added_renamed_reordered_and_removed_after_asking() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Analysis");
    click(&mut harness, "Add section");
    retype(&mut harness, "Title of section 1", "Follow-up");
    click(&mut harness, "Text of Follow-up");
    harness
        .get_by_label("Text of Follow-up")
        .type_text("Review in a month.");
    harness.run();
    click(&mut harness, "Add section");
    let sections = doc(&harness).narrative.custom_sections;
    assert_eq!(sections.len(), 2);
    assert_eq!(sections[0].title, "Follow-up");
    assert_eq!(sections[0].text, "Review in a month.");

    click(&mut harness, "Move section Follow-up down");
    let titles: Vec<_> = doc(&harness)
        .narrative
        .custom_sections
        .iter()
        .map(|s| s.title.clone())
        .collect();
    assert_eq!(titles, ["New section", "Follow-up"]);

    // A section with text asks first; "Keep" keeps it.
    click(&mut harness, "Remove section Follow-up");
    harness.get_by_label("Remove \u{201c}Follow-up\u{201d} and its text?");
    click(&mut harness, "Keep");
    assert_eq!(doc(&harness).narrative.custom_sections.len(), 2);
    click(&mut harness, "Remove section Follow-up");
    click(&mut harness, "Confirm remove section");
    assert_eq!(doc(&harness).narrative.custom_sections.len(), 1);

    // An empty section goes at once.
    click(&mut harness, "Remove section New section");
    assert!(doc(&harness).narrative.custom_sections.is_empty());
}

#[test]
fn writing_a_built_in_section() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Analysis");
    click(&mut harness, "Where we got lucky");
    harness
        .get_by_label("Where we got lucky")
        .type_text("It happened during office hours.");
    harness.run();
    assert_eq!(
        doc(&harness).narrative.where_we_got_lucky,
        "It happened during office hours."
    );
}

#[test]
fn clicking_a_finding_moves_to_its_field() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    retype(&mut harness, "Title", "");
    click(&mut harness, "Checks (1)");
    click(&mut harness, "The postmortem has no title.");
    assert_eq!(harness.state().part(), hindsight::ui::Part::Overview);
    assert!(harness.get_by_label("Title").is_focused());
}

#[test]
fn a_lead_fills_a_blank_postmortem_and_it_reopens_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let blank = Postmortem {
        created: Some(today()),
        ..Postmortem::default()
    };
    let mut harness = editor(OpenDocument::untitled(blank), &dialogs);
    retype(&mut harness, "Title", "User API latency");
    retype(&mut harness, "Incident ID", "INC-620");
    type_and_enter(&mut harness, "Authors", "Alice R.");
    retype(&mut harness, "Incident type", "Performance degradation");
    click(&mut harness, "Severity");
    click(
        &mut harness,
        "SEV-2 \u{2014} major degradation for many users",
    );
    type_and_enter(&mut harness, "Services", "User API");
    type_and_enter(&mut harness, "Started", "2025-08-01 14:03");
    type_and_enter(&mut harness, "Resolved", "14:33");
    click(&mut harness, "Add participant");
    harness
        .get_all_by_label_contains("Name, participant")
        .last()
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_label_contains("Name, participant")
        .last()
        .unwrap()
        .click();
    harness.run();
    harness
        .get_all_by_label_contains("Name, participant")
        .last()
        .unwrap()
        .type_text("Alice R.");
    harness.run();
    click(&mut harness, "Add link");
    harness
        .get_all_by_label_contains("URL, link")
        .last()
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness
        .get_all_by_label_contains("URL, link")
        .last()
        .unwrap()
        .click();
    harness.run();
    harness
        .get_all_by_label_contains("URL, link")
        .last()
        .unwrap()
        .type_text("https://grafana.example.com/d/user-api");
    harness.run();
    click(&mut harness, "Analysis");
    click(&mut harness, "Summary");
    harness
        .get_by_label("Summary")
        .type_text("- Latency rose for 30 minutes.\n- A missing index.");
    harness.run();

    let filled = doc(&harness);
    assert_eq!(filled.key_times.started, at(14, 3));
    assert_eq!(filled.key_times.resolved, at(14, 33));
    assert_eq!(filled.classification.severity.as_deref(), Some("SEV-2"));
    assert_eq!(filled.participants[0].name, "Alice R.");
    assert_eq!(
        filled.narrative.summary,
        "- Latency rose for 30 minutes.\n- A missing index."
    );

    let path = dir.path().join("filled.ron");
    dialogs.will_answer(DialogOutcome::Chosen(path.clone()));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(!harness.state().document().is_dirty());
    let reopened = hindsight::storage::load(&path).unwrap();
    assert_eq!(&reopened, harness.state().document().doc());
    assert_eq!(reopened.title, "User API latency");
}

#[test]
fn a_cleared_key_time_typed_again_takes_the_date_of_the_time_before_it() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    click(&mut harness, "Clear acknowledged");
    assert_eq!(doc(&harness).key_times.acknowledged, None);
    type_and_enter(&mut harness, "Acknowledged", "14:07");
    assert_eq!(doc(&harness).key_times.acknowledged, at(14, 7));
}

#[test]
fn a_bare_key_time_lands_on_the_incidents_day_not_today() {
    let document = Postmortem {
        title: "Checkout errors".to_owned(),
        created: chrono::NaiveDate::from_ymd_opt(2025, 8, 2),
        timeline: vec![hindsight::model::TimelineRow {
            time: at(14, 3),
            event: "alert fired".to_owned(),
            ..hindsight::model::TimelineRow::default()
        }],
        ..Postmortem::default()
    };
    let mut harness = editor(
        OpenDocument::untitled(document),
        &ScriptedDialogs::default(),
    );
    // Today is 2025-08-10; the incident's day is the timeline's, 2025-08-01.
    type_and_enter(&mut harness, "Detected", "09:12");
    assert_eq!(doc(&harness).key_times.detected, at(9, 12));
    type_and_enter(&mut harness, "Started", "2:45 AM");
    assert_eq!(doc(&harness).key_times.started, at(2, 45));
}

#[test]
fn screen_readers_hear_every_control_with_its_value_and_its_row() {
    let harness = editor_with_example(&ScriptedDialogs::default());
    let value = |label: &str| harness.get_by_label(label).value();
    // Drop-downs and date buttons say what they hold.
    assert_eq!(value("Status").as_deref(), Some("Draft"));
    assert_eq!(value("Time zone").as_deref(), Some("UTC"));
    assert_eq!(value("Started date").as_deref(), Some("2025-08-01"));
    assert_eq!(value("Role, participant 2").as_deref(), Some("Responder"));
    assert_eq!(value("Kind, link 1").as_deref(), Some("Chat channel"));
    // Repeated fields are told apart by their row, and keep their text.
    assert_eq!(value("Name, participant 2").as_deref(), Some("Bob M."));
    // The window is named as its title bar is (an untitled document by its title).
    assert_eq!(
        harness.root().accesskit_node().label().as_deref(),
        Some("User API latency after an unindexed orders query \u{2014} Hindsight")
    );
}

#[test]
fn tags_come_from_the_teams_list_and_the_sign_off_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("hindsight.toml"),
        "tags = [\"deploy\", \"capacity\", \"config-change\"]\n",
    )
    .unwrap();
    let sub = dir.path().join("2025");
    std::fs::create_dir(&sub).unwrap();
    let file = common::example_file(&sub, "inc-620.ron");
    let mut harness = common::editor_from_command_line(Some(file), &ScriptedDialogs::default());
    // The example's "missing-index" is not in the team's list: the checks say so.
    let finding = "The tag \u{201c}missing-index\u{201d} is not in the team's list (deploy, capacity, config-change).";
    assert!(
        harness
            .state()
            .document()
            .findings()
            .iter()
            .any(|found| found.message == finding)
    );
    click(&mut harness, "Remove missing-index");
    common::choose(
        &mut harness,
        "Add a tag from the team\u{2019}s list",
        "capacity",
    );
    assert_eq!(doc(&harness).classification.tags, ["deploy", "capacity"]);
    assert!(
        harness
            .state()
            .document()
            .findings()
            .iter()
            .all(|found| !found.message.starts_with("The tag"))
    );
    type_and_enter(&mut harness, "Tags", "Config-Change");
    assert_eq!(doc(&harness).classification.tags.len(), 3);

    retype(&mut harness, "Approved by", "Dana W.");
    click(&mut harness, "Approved today");
    let approval = doc(&harness).approval;
    assert_eq!(approval.approver, "Dana W.");
    assert_eq!(approval.approved, Some(today()));
    click(&mut harness, "Clear the approval date");
    assert_eq!(doc(&harness).approval.approved, None);
}

#[test]
fn a_section_shows_the_heading_it_was_written_under() {
    let mut imported = hindsight::example::example_postmortem().unwrap();
    imported.narrative.headings.insert(
        hindsight::model::Section::RootCause,
        "Root Cause Analysis".to_owned(),
    );
    let mut harness = editor(
        OpenDocument::untitled(imported),
        &ScriptedDialogs::default(),
    );
    click(&mut harness, "Analysis");
    // The author's heading names the section; the built-in name is only on the button that
    // puts it back.
    // The section's text field takes its name from the heading, as a screen reader says it.
    let named: Vec<_> = harness
        .query_all_by_label("Root Cause Analysis")
        .map(|node| node.accesskit_node().role())
        .collect();
    assert_eq!(named, [egui::accesskit::Role::MultilineTextInput]);
    assert!(harness.query_by_label("Root cause").is_none());
    click(&mut harness, "Root Cause Analysis");
    harness
        .get_by_label("Root Cause Analysis")
        .type_text(" Found in review.");
    harness.run();
    let root_cause = doc(&harness).narrative.root_cause;
    assert!(root_cause.contains(" Found in review."), "{root_cause}");

    // A button beside the heading, a button as the keyboard reaches any, gives the
    // template's heading back.
    let back = harness.get_by_label("Use the template's heading \u{201c}Root cause\u{201d}");
    assert_eq!(back.accesskit_node().role(), egui::accesskit::Role::Button);
    click(
        &mut harness,
        "Use the template's heading \u{201c}Root cause\u{201d}",
    );
    assert!(doc(&harness).narrative.headings.is_empty());
    assert!(harness.query_by_label("Root cause").is_some());
}

#[test]
fn the_lists_show_the_headings_they_were_written_under_until_the_templates_is_asked_for() {
    let mut imported = hindsight::example::example_postmortem().unwrap();
    imported.set_list_heading(List::Timeline, "Sequence of events");
    imported.set_list_heading(List::ActionItems, "Corrective actions");
    let mut harness = editor(
        OpenDocument::untitled(imported),
        &ScriptedDialogs::default(),
    );
    click(&mut harness, "Timeline (13)");
    let heading = harness.get_by_label("Sequence of events");
    assert_eq!(
        heading.accesskit_node().role(),
        egui::accesskit::Role::Heading
    );
    click(
        &mut harness,
        "Use the template's heading \u{201c}Timeline\u{201d}",
    );
    assert!(doc(&harness).timeline_heading.is_empty());
    assert!(harness.query_by_label("Sequence of events").is_none());
    // Undo brings the author's words back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(doc(&harness).timeline_heading, "Sequence of events");

    click(&mut harness, "Action items (6)");
    assert!(harness.query_by_label("Corrective actions").is_some());
    click(
        &mut harness,
        "Use the template's heading \u{201c}Action items\u{201d}",
    );
    assert_eq!(
        doc(&harness).heading_of_list(List::ActionItems),
        "Action items"
    );
}

#[test]
fn the_overview_has_no_nameless_labels_for_a_screen_reader_to_stop_at() {
    let harness = editor(
        OpenDocument::untitled(hindsight::example::example_postmortem().unwrap()),
        &ScriptedDialogs::default(),
    );
    // The editor opens on the overview.
    assert!(harness.query_by_label("Severity scale").is_some());
    let nameless = harness
        .query_all_by(|node| {
            node.role() == egui::accesskit::Role::Label
                && node.label().is_none_or(|label| label.trim().is_empty())
                && node.value().is_none_or(|value| value.trim().is_empty())
        })
        .count();
    assert_eq!(nameless, 0);
}
