//! New postmortems from templates: `hindsight new` with a built-in template and with a
//! team's own, and the hints shown in the editor's empty sections, which are never text.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use std::fs;

use assert_cmd::Command;
use common::{Queryable, ScriptedDialogs, click, editor};
use hindsight::export::{ExportOptions, Portion, to_markdown};
use hindsight::model::Section;
use hindsight::session::OpenDocument;

fn hindsight() -> Command {
    Command::cargo_bin("hindsight").unwrap()
}

#[test]
fn new_from_a_built_in_template_and_from_a_teams_own() {
    let dir = tempfile::tempdir().unwrap();
    let atlassian = dir.path().join("inc-1.ron");
    hindsight()
        .args(["new", "--template", "atlassian", "-o"])
        .arg(&atlassian)
        .assert()
        .success();
    let doc = hindsight::storage::load(&atlassian).unwrap();
    assert!(
        doc.narrative
            .guidance_for(Section::ContributingFactors)
            .is_some()
    );
    assert!(!doc.narrative.shows(Section::WhereWeGotLucky));
    let titles: Vec<&str> = doc
        .narrative
        .custom_sections
        .iter()
        .map(|section| section.title.as_str())
        .collect();
    assert_eq!(titles, ["Response", "Five whys", "Related records"]);
    // Hints are not text: the export shows the sections as not written, and leaves out
    // those the template does not use.
    let markdown = to_markdown(&doc, ExportOptions::default(), Portion::Whole);
    assert!(!markdown.contains("Leadup: the changes"));
    assert!(!markdown.contains("## Where we got lucky"));
    assert!(markdown.contains("## Five whys\n\n*Not written yet.*"));

    // Never over an existing file without --force.
    hindsight()
        .args(["new", "--template", "blank", "-o"])
        .arg(&atlassian)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--force"));

    // A team's template: a postmortem whose sections say what to write.
    let mut team = hindsight::model::Postmortem::default();
    team.narrative.impact = "Regions, customers and minutes.".to_owned();
    let template = dir.path().join("team-template.ron");
    hindsight::storage::save(&template, &team).unwrap();
    let new = dir.path().join("inc-2.ron");
    hindsight()
        .args(["new", "--template"])
        .arg(&template)
        .arg("-o")
        .arg(&new)
        .assert()
        .success();
    let doc = hindsight::storage::load(&new).unwrap();
    assert!(doc.narrative.impact.is_empty());
    assert_eq!(
        doc.narrative.guidance_for(Section::Impact),
        Some("Regions, customers and minutes.")
    );

    hindsight()
        .args(["new", "--template", "nope", "-o"])
        .arg(dir.path().join("x.ron"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("sre-book"));
    assert!(!dir.path().join("x.ron").exists());
    let _ = fs::remove_file(&new);
}

#[test]
fn the_editor_shows_a_templates_hints_in_empty_sections_and_hides_what_it_leaves_out() {
    let template = hindsight::model::builtin_template("sre-book").unwrap();
    let doc = template.document(common::today());
    let dialogs = ScriptedDialogs::default();
    let mut harness = editor(OpenDocument::untitled(doc), &dialogs);
    click(&mut harness, "Analysis");
    // The hint is the empty field's placeholder, not its value.
    let root_cause = harness.get_by(|node| {
        node.label().as_deref() == Some("Root cause")
            && node.placeholder().is_some_and(|hint| {
                hint.starts_with("The conditions that made the failure possible")
            })
    });
    assert_eq!(root_cause.value().as_deref(), Some(""));
    // Contributing factors is not part of this template.
    assert!(harness.query_by_label("Contributing factors").is_none());
}

#[test]
fn file_new_from_template_offers_the_built_in_ones_and_the_repositorys_own() {
    let dir = tempfile::tempdir().unwrap();
    // A repository with a postmortem and the team's template folder at its root.
    let folder = dir.path().join("postmortems/2025");
    fs::create_dir_all(&folder).unwrap();
    let templates = dir.path().join(hindsight::session::TEMPLATES_FOLDER);
    fs::create_dir_all(&templates).unwrap();
    let mut team = hindsight::model::Postmortem {
        title: "Payments team".to_owned(),
        ..hindsight::model::Postmortem::default()
    };
    team.narrative.impact = "Failed payments, by region, and refunds owed.".to_owned();
    hindsight::storage::save(&templates.join("payments.ron"), &team).unwrap();
    fs::write(templates.join("broken.ron"), "(format_version: 2, title: ").unwrap();
    let file = common::example_file(&folder, "inc-1.ron");
    let dialogs = ScriptedDialogs::default();
    let mut harness = common::editor_from_command_line(Some(file), &dialogs);

    common::click_file_menu(&mut harness, "New from template\u{2026}");
    harness.get_by_role_and_label(egui::accesskit::Role::Dialog, "New from template");
    harness.get_by_label("Google SRE book");
    // A template that cannot be read is said so, not offered.
    harness.get_by_label_contains("broken.ron");
    click(&mut harness, "Payments team");
    click(&mut harness, "Create");
    let doc = harness.state().document().doc().clone();
    assert_eq!(harness.state().document().path(), None);
    assert_eq!(
        doc.narrative.guidance_for(Section::Impact),
        Some("Failed payments, by region, and refunds owed.")
    );
    assert!(doc.title.is_empty());

    // A folder picked in the chooser is offered from then on.
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    let ops = hindsight::model::Postmortem {
        title: "Ops review".to_owned(),
        ..hindsight::model::Postmortem::default()
    };
    hindsight::storage::save(&elsewhere.join("ops.ron"), &ops).unwrap();
    common::click_file_menu(&mut harness, "New from template\u{2026}");
    dialogs.will_answer(hindsight::app::DialogOutcome::Chosen(elsewhere));
    click(&mut harness, "Choose a templates folder\u{2026}");
    harness.get_by_label("Ops review");
    click(&mut harness, "Atlassian");
    click(&mut harness, "Create");
    let doc = harness.state().document().doc();
    assert_eq!(doc.narrative.custom_sections[0].title, "Response");
    // The new document is shown in the Analysis part, hints in its empty sections.
    harness.get_by(|node| {
        node.label().as_deref() == Some("Root cause")
            && node
                .placeholder()
                .is_some_and(|hint| hint.starts_with("Fault:"))
    });
}
