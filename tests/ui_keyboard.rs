//! The editor by keyboard: Ctrl+1 to Ctrl+6 move between the parts, Ctrl+Shift+A adds an
//! action item from anywhere, and whatever is added (an action item, a participant, a
//! link) takes the keyboard, so the next keys typed land in it.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside test functions may unwrap too: a panic is a failed test"
)]

mod common;

use common::{Queryable, ScriptedDialogs, click, editor_with_example};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use hindsight::app::HindsightApp;
use hindsight::ui::Part;

/// Types `text` wherever the keyboard is, as a person would, without pointing anywhere.
fn type_here(harness: &mut Harness<'_, HindsightApp>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.run();
}

#[test]
fn ctrl_and_a_digit_shows_each_part_in_side_panel_order() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    let keys = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
    ];
    for (key, part) in keys.into_iter().zip(Part::SIDE_PANEL).rev() {
        harness.key_press_modifiers(Modifiers::COMMAND, key);
        harness.run();
        assert_eq!(harness.state().part(), part, "{key:?}");
    }
    // Ctrl+6 showed the Review part, which asks for a folder when none was reviewed.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num6);
    harness.run();
    harness.get_by_label("Choose a folder\u{2026}");
    // The side panel says which key shows which part.
    harness
        .get_by(|node| {
            node.label()
                .is_some_and(|label| label.starts_with("Timeline ("))
        })
        .hover();
    // A tooltip waits until the pointer has rested a moment.
    for _ in 0..60 {
        harness.step();
    }
    harness.get_by(|node| node.value().is_some_and(|text| text == "Timeline (Ctrl+2)"));
}

#[test]
fn ctrl_shift_a_adds_an_action_item_from_anywhere_and_typing_fills_it() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    let before = harness.state().document().doc().action_items.len();
    // From the Overview, while typing in the title.
    click(&mut harness, "Title");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    harness.run();
    harness.run();
    assert_eq!(harness.state().part(), Part::ActionItems);
    type_here(&mut harness, "Page the on-call for pool exhaustion");
    let doc = harness.state().document().doc().clone();
    assert_eq!(doc.action_items.len(), before + 1);
    assert_eq!(
        doc.action_items.last().unwrap().action,
        "Page the on-call for pool exhaustion"
    );
    // The title was left as it was: the shortcut is not text.
    assert_eq!(
        doc.title,
        hindsight::example::example_postmortem().unwrap().title
    );
}

#[test]
fn the_edit_menu_offers_adding_an_action_item_and_going_to_each_part() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    let before = harness.state().document().doc().action_items.len();
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Go to").hover();
    harness.run();
    harness.get_by_label("Checks").click();
    harness.run();
    assert_eq!(harness.state().part(), Part::Checks);
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("Add action item").click();
    harness.run();
    harness.run();
    assert_eq!(harness.state().part(), Part::ActionItems);
    type_here(&mut harness, "Alert on queue depth");
    let doc = harness.state().document().doc();
    assert_eq!(doc.action_items.len(), before + 1);
    assert_eq!(
        doc.action_items.last().unwrap().action,
        "Alert on queue depth"
    );
}

#[test]
fn the_add_buttons_put_the_keyboard_in_what_they_added() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    // The Overview's participants: the new one's name.
    let participants = harness.state().document().doc().participants.len();
    click(&mut harness, "Add participant");
    harness.run();
    type_here(&mut harness, "Ana K.");
    let doc = harness.state().document().doc().clone();
    assert_eq!(doc.participants.len(), participants + 1);
    assert_eq!(doc.participants.last().unwrap().name, "Ana K.");

    // Links: the new one's address, which is what a person has in hand.
    let links = doc.links.len();
    click(&mut harness, "Add link");
    harness.run();
    type_here(&mut harness, "https://status.example.com/incidents/812");
    let doc = harness.state().document().doc().clone();
    assert_eq!(doc.links.len(), links + 1);
    assert_eq!(
        doc.links.last().unwrap().url,
        "https://status.example.com/incidents/812"
    );

    // Action items: the new one's action.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    click(&mut harness, "Add action item");
    harness.run();
    type_here(&mut harness, "Load-test the pool");
    let doc = harness.state().document().doc();
    assert_eq!(
        doc.action_items.last().unwrap().action,
        "Load-test the pool"
    );
}
