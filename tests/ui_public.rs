//! The public version in the editor, driven as a person would: ticking Internal beside a
//! section, under a selected row and on a link, typing the terms to redact and the public
//! summary, and following what is still to take out to where it is written.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

mod common;

use common::{Queryable, ScriptedDialogs, click, editor, editor_with_example};
use egui::{Key, Modifiers};
use hindsight::app::OpenDocument;
use hindsight::model::{InternalPart, Section};
use hindsight::ui::Part;

fn show_public_version(harness: &mut egui_kittest::Harness<'_, hindsight::app::HindsightApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num6);
    harness.run();
    assert_eq!(harness.state().part(), Part::Public);
}

#[test]
fn ticking_internal_beside_a_section_leaves_it_out_of_the_public_version() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    harness.run();
    let name = "Internal: leave the What went wrong section out of the public version";
    click(&mut harness, name);
    let doc = harness.state().document().doc().clone();
    assert!(InternalPart::Section(Section::WhatWentWrong).is_internal(&doc));
    let written = doc.narrative.text(Section::WhatWentWrong).to_owned();
    assert!(!written.is_empty());
    show_public_version(&mut harness);
    let preview = harness.state().document().public_preview().clone();
    assert!(preview.written_markdown.contains(&written));
    assert!(
        !preview.public_markdown.contains(&written),
        "{}",
        preview.public_markdown
    );
    // Undo brings the section back to the public version.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness
            .state()
            .document()
            .public_preview()
            .public_markdown
            .contains(&written)
    );
}

#[test]
fn a_selected_row_and_a_link_can_be_kept_internal() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    harness.run();
    // Select row 3 by its time cell, as a click does.
    harness.get_by_label("Time, row 3").click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    click(
        &mut harness,
        "Internal: leave row 3 out of the public version",
    );
    let doc = harness.state().document().doc().clone();
    assert!(doc.timeline[2].internal);
    assert!(!doc.timeline[1].internal);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    harness.run();
    click(
        &mut harness,
        "Internal: leave link 1 out of the public version",
    );
    let doc = harness.state().document().doc().clone();
    assert!(doc.links[0].internal);
    let public = &harness.state().document().public_preview().doc;
    assert_eq!(public.timeline.len(), doc.timeline.len() - 1);
    assert!(!public.links.iter().any(|link| link.url == doc.links[0].url));
}

#[test]
fn typed_terms_are_redacted_and_what_is_left_is_listed_with_the_way_to_it() {
    let mut doc = hindsight::example::example_postmortem().unwrap();
    doc.narrative
        .resolution
        .push_str("\n\nThe Falcon cache at 10.20.4.7 was flushed.");
    let mut harness = editor(OpenDocument::untitled(doc), &ScriptedDialogs::default());
    show_public_version(&mut harness);
    harness.get_by_label("Still to take out (1): mark the part Internal, add the words to the terms, or rewrite them");
    harness.get_by_label("\u{201c}10.20.4.7\u{201d} in Resolution");
    // Typing the terms, one a line.
    harness.get_by_label("Terms to redact").click();
    harness.run();
    harness.event(egui::Event::Text("Falcon".to_owned()));
    harness.key_press(Key::Enter);
    harness.event(egui::Event::Text("flushed".to_owned()));
    harness.run();
    assert_eq!(
        harness.state().document().doc().public.redact,
        ["Falcon", "flushed"]
    );
    let public = harness
        .state()
        .document()
        .public_preview()
        .public_markdown
        .clone();
    assert!(
        public.contains("The [redacted] cache at 10.20.4.7 was [redacted]."),
        "{public}"
    );
    // The public summary takes the summary's place.
    harness.get_by_label("Public summary").click();
    harness.run();
    harness.event(egui::Event::Text(
        "Checkout was slow for 30 minutes.".to_owned(),
    ));
    harness.run();
    let public = harness
        .state()
        .document()
        .public_preview()
        .doc
        .narrative
        .summary
        .clone();
    assert_eq!(public, "Checkout was slow for 30 minutes.");
    // Show goes to where the address is written.
    click(
        &mut harness,
        "Show where private network address 1 is written",
    );
    assert_eq!(harness.state().part(), Part::Analysis);
}

#[test]
fn the_public_version_is_exported_once_nothing_is_left_to_take_out() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("inc-620-public.md");
    let dialogs = ScriptedDialogs::default();
    let mut leaky = hindsight::example::example_postmortem().unwrap();
    leaky
        .narrative
        .resolution
        .push_str("\n\nAsk ops@example.org.");
    let mut harness = editor(OpenDocument::untitled(leaky), &dialogs);
    show_public_version(&mut harness);
    // While an address is left, the buttons do nothing.
    click(&mut harness, "Export the public version as Markdown");
    assert!(dialogs.asked().is_empty());
    // Redacting it lets the export through.
    harness.get_by_label("Terms to redact").click();
    harness.run();
    harness.event(egui::Event::Text("ops@example.org".to_owned()));
    harness.run();
    dialogs.will_answer(hindsight::app::DialogOutcome::Chosen(target.clone()));
    click(&mut harness, "Export the public version as Markdown");
    for _ in 0..20 {
        harness.run();
        if target.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.contains("Ask [redacted]."), "{written}");
    assert!(!written.contains("Alice R."));
    assert!(written.contains("Incident lead"));
    assert!(
        !written.contains("Priya L."),
        "owners are named by their roles"
    );
}
