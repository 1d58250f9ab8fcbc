//! The editor by keyboard: Ctrl+1 to Ctrl+7 move between the parts, Ctrl+Shift+A adds an
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
use egui_kittest::kittest::NodeT;
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
        Key::Num7,
    ];
    for (key, part) in keys.into_iter().zip(Part::SIDE_PANEL).rev() {
        harness.key_press_modifiers(Modifiers::COMMAND, key);
        harness.run();
        assert_eq!(harness.state().part(), part, "{key:?}");
    }
    // Ctrl+7 showed the Review part, which asks for a folder when none was reviewed.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num7);
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

/// The query for the node that has the keyboard.
fn has_keyboard<'a>() -> egui_kittest::kittest::By<'a> {
    // By name, `AccessKitNode::is_focused` ties the node's lifetime the predicate must leave
    // open.
    #[expect(clippy::redundant_closure_for_method_calls, reason = "see above")]
    egui_kittest::kittest::By::new().predicate(|node| node.is_focused())
}

/// The label of the node that has the keyboard, if one has.
fn focused(harness: &Harness<'_, HindsightApp>) -> Option<String> {
    harness
        .query_all(has_keyboard())
        .next()
        .map(|node| node.accesskit_node().label().unwrap_or_default())
}

/// Presses Tab until the keyboard is on `label`.
fn tab_to(harness: &mut Harness<'_, HindsightApp>, label: &str) {
    for _ in 0..80 {
        if focused(harness).as_deref() == Some(label) {
            return;
        }
        harness.key_press(Key::Tab);
        harness.run();
    }
    panic!(
        "Tab never reached {label}; the keyboard is on {:?}",
        focused(harness)
    );
}

#[test]
fn enter_presses_the_focused_button_of_a_dialog_and_nothing_behind_it() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    harness.run();
    // The paste form, over the timeline, whose selected row Enter would start editing.
    common::paste_below_row_13(
        &mut harness,
        "[14:50] alice: status page closed\n14:55:30 bob: dashboards archived\n",
    );
    tab_to(&mut harness, "Add 2 rows");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().document().doc().timeline.len(), 15);
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Dialog, "Paste from chat")
            .is_none()
    );

    // "Why won't it be done?", over the action items.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    common::choose(&mut harness, "Status, item 3", "Won't do");
    type_here(&mut harness, "Covered by OPS-12");
    tab_to(&mut harness, "Mark as Won\u{2019}t do");
    harness.key_press(Key::Enter);
    harness.run();
    let item = &harness.state().document().doc().action_items[2];
    assert_eq!(item.status, hindsight::model::ActionStatus::WontDo);
    assert_eq!(item.declined_reason, "Covered by OPS-12");

    // The unsaved-changes question.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    tab_to(&mut harness, "Don't save");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().document().doc().timeline.is_empty());
}

#[test]
fn shift_tab_keeps_the_keyboard_in_the_dialog() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    harness.run();
    common::paste_below_row_13(&mut harness, "[14:50] alice: status page closed\n");
    // The dialog's top is its title's.
    let dialog = harness
        .get_by_role_and_label(egui::accesskit::Role::Heading, "Paste from chat")
        .rect();
    for step in 0..12 {
        harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
        harness.run();
        let node = harness.query_all(has_keyboard()).next();
        let node = node.unwrap_or_else(|| panic!("no focus after {} Shift+Tabs", step + 1));
        let rect = node.rect();
        assert!(
            rect.top() >= dialog.top() - 1.0,
            "Shift+Tab {} left the dialog for {:?}",
            step + 1,
            node.accesskit_node().label()
        );
    }
}

#[test]
fn an_open_drop_down_takes_up_down_and_enter() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    harness.run();
    tab_to(&mut harness, "Status, item 3");
    harness.key_press(Key::Enter);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(focused(&harness).as_deref(), Some("In progress"));
    harness.key_press(Key::Enter);
    harness.run();
    let items = &harness.state().document().doc().action_items;
    assert_eq!(items[2].status, hindsight::model::ActionStatus::InProgress);
    // The keys went to the drop-down only: no other item changed.
    let example = hindsight::example::example_postmortem().unwrap();
    for index in [0, 1, 3] {
        assert_eq!(items[index], example.action_items[index]);
    }
}

#[test]
fn a_drop_down_in_a_dialog_opens_above_it_and_takes_the_choice() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    harness.run();
    common::paste_below_row_13(&mut harness, "14:50 alice: status page closed\n");
    let zone = "Zone of times with no zone";
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, zone)
        .click();
    harness.run();
    // The keyboard is in the drop-down's search: typing narrows the zones.
    type_here(&mut harness, "Berlin");
    harness.get_by_label("Europe/Berlin").click();
    harness.run();
    let chosen = harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, zone)
        .value();
    assert_eq!(chosen.as_deref(), Some("Europe/Berlin"));
}
