//! Participants and links, as editable tables.

use super::accessible::{accessible_name, announce_value};
use super::fields::{row_buttons_ui, text_cell};
use super::focus::{focus_if, focus_if_new_row, focus_new_row};
use crate::model::{
    Edit, Link, LinkKind, ListEdit, OPENABLE_SCHEMES, Participant, ParticipantRole, Place,
    Postmortem, openable_url,
};

/// Draws the participants table.
pub fn participants_ui(ui: &mut egui::Ui, doc: &Postmortem, edits: &mut Vec<Edit>) {
    crate::ui::accessible::subheading(ui, "Participants");
    ui.add_space(4.0);
    let count = doc.participants.len();
    egui::Grid::new("participants")
        .num_columns(4)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            ui.weak("Name");
            ui.weak("Role");
            ui.weak("Team or job");
            ui.end_row();
            for (index, person) in doc.participants.iter().enumerate() {
                let mut changed = person.clone();
                let number = index + 1;
                let name = text_cell(
                    ui,
                    &mut changed.name,
                    180.0,
                    &format!("Name, participant {number}"),
                );
                focus_if_new_row(ui, "participants", index, &name);
                let role = egui::ComboBox::from_id_salt(("participant_role", index))
                    .selected_text(changed.role.label())
                    .width(150.0)
                    .show_ui(ui, |ui| {
                        for role in ParticipantRole::ALL {
                            ui.selectable_value(&mut changed.role, *role, role.label());
                        }
                    })
                    .response;
                accessible_name(
                    &role,
                    egui::Role::ComboBox,
                    &format!("Role, participant {number}"),
                );
                announce_value(&role, person.role.label());
                let note = text_cell(
                    ui,
                    &mut changed.note,
                    240.0,
                    &format!("Team or job, participant {number}"),
                );
                if name.changed() || note.changed() || changed.role != person.role {
                    edits.push(Edit::Participants(ListEdit::Replace(index, changed)));
                }
                ui.horizontal(|ui| {
                    let what = format!("participant {}", index + 1);
                    if let Some(edit) = row_buttons_ui(ui, index, count, &what) {
                        edits.push(Edit::Participants(edit));
                    }
                });
                ui.end_row();
            }
        });
    if ui.button("Add participant").clicked() {
        focus_new_row(ui, "participants", count);
        edits.push(Edit::Participants(ListEdit::Push(Participant::default())));
    }
}

/// Draws the links table. A link opens in the browser only when its URL is http, https or
/// mailto; anything else is flagged and never opened.
pub fn links_ui(ui: &mut egui::Ui, doc: &Postmortem, focus: Option<Place>, edits: &mut Vec<Edit>) {
    crate::ui::accessible::subheading(ui, "Links");
    ui.add_space(4.0);
    let count = doc.links.len();
    egui::Grid::new("links")
        .num_columns(6)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            ui.weak("Kind");
            ui.weak("Label");
            ui.weak("URL");
            ui.end_row();
            for (index, link) in doc.links.iter().enumerate() {
                let mut changed = link.clone();
                let number = index + 1;
                let kind = egui::ComboBox::from_id_salt(("link_kind", index))
                    .selected_text(changed.kind.label())
                    .width(120.0)
                    .show_ui(ui, |ui| {
                        for kind in LinkKind::ALL {
                            ui.selectable_value(&mut changed.kind, *kind, kind.label());
                        }
                    })
                    .response;
                accessible_name(&kind, egui::Role::ComboBox, &format!("Kind, link {number}"));
                announce_value(&kind, link.kind.label());
                let label = text_cell(
                    ui,
                    &mut changed.label,
                    240.0,
                    &format!("Label, link {number}"),
                );
                let url = text_cell(ui, &mut changed.url, 320.0, &format!("URL, link {number}"));
                // A new link is mostly a pasted address: the keyboard goes to its URL.
                focus_if_new_row(ui, "links", index, &url);
                focus_if(focus == Some(Place::Link(index)), &url);
                if label.changed() || url.changed() || changed.kind != link.kind {
                    edits.push(Edit::Links(ListEdit::Replace(index, changed)));
                }
                open_button_ui(ui, link, index);
                let what = format!("link {number}");
                super::internal_mark::internal_toggle_ui(
                    ui,
                    doc,
                    crate::model::InternalPart::Link(index),
                    &what,
                    edits,
                );
                ui.horizontal(|ui| {
                    if let Some(edit) = row_buttons_ui(ui, index, count, &what) {
                        edits.push(Edit::Links(edit));
                    }
                });
                ui.end_row();
            }
        });
    if ui.button("Add link").clicked() {
        focus_new_row(ui, "links", count);
        edits.push(Edit::Links(ListEdit::Push(Link::default())));
    }
}

fn open_button_ui(ui: &mut egui::Ui, link: &Link, index: usize) {
    let name = format!("Open link {}", index + 1);
    match openable_url(&link.url) {
        Some(url) => {
            let open = ui.add(egui::Button::new("Open").small());
            accessible_name(&open, egui::Role::Button, &name);
            if open.on_hover_text(url.as_str()).clicked() {
                ui.ctx().open_url(egui::OpenUrl::new_tab(url));
            }
        }
        None if link.url.trim().is_empty() => {
            crate::ui::accessible::empty_cell(ui);
        }
        None => {
            let open = ui.add_enabled(false, egui::Button::new("Won't open").small());
            accessible_name(&open, egui::Role::Button, &name);
            open.on_disabled_hover_text(format!(
                "Only {} links are opened; this one could run a program or read a local file.",
                OPENABLE_SCHEMES.join(", ")
            ));
        }
    }
}
