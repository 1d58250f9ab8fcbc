//! The row being worked on: a real widget in each part's place (see [`super::parts`]), so
//! it looks like the resting rows around it but takes the keyboard.

use chrono::NaiveDate;
use egui::Sense;

use super::parts::RowPart;
use super::row::ItemCells;
use super::state::ActionsState;
use crate::model::{
    ActionItem, ActionKind, ActionPriority, ActionStatus, Edit, ListEdit, parse_date, web_url,
};
use crate::ui::accessible::{accessible_name, announce_value};
use crate::ui::dates::{date_picker, from_jiff, to_jiff};
use crate::ui::painted::{live_part_ui, open_combo_box, part_shapes};
use crate::ui::row_table::VisibleRow;

impl ItemCells<'_> {
    /// Draws the row with live controls; returns the row's response, where other rows are
    /// dropped.
    pub fn show_live(
        &self,
        ui: &mut egui::Ui,
        row: &VisibleRow<'_>,
        state: &mut ActionsState,
        edits: &mut Vec<Edit>,
    ) -> egui::Response {
        let control_height = ui.spacing().interact_size.y;
        if state.selected == Some(self.item.id) {
            row.paint_selected(ui);
        }
        // Under the controls, so it only gets what they do not take: a drag on the handle.
        let sense = if self.hand_order {
            Sense::DRAG
        } else {
            Sense::hover()
        };
        let response = ui.interact(row.rect, self.row_id(), sense);
        self.drag_by_handle(ui, row, &response, control_height);
        for part in [RowPart::Handle, RowPart::DueState, RowPart::Completed] {
            let text = self.part_text(part, None, ui.visuals());
            let rect = part.rect(row, control_height);
            let mut shapes = Vec::new();
            part_shapes(ui, part.look(), rect, &text, &mut shapes);
            ui.painter().extend(shapes);
            self.describe_part(ui, part, rect, &text);
        }
        let over_handle = response
            .hover_pos()
            .is_some_and(|pos| RowPart::Handle.rect(row, control_height).contains(pos));
        let response = if self.hand_order && over_handle {
            response.on_hover_text("Drag to move this item")
        } else {
            response
        };

        self.controls_ui(ui, row, state, edits);
        response
    }

    /// The row's live controls, each in its part's place.
    fn controls_ui(
        &self,
        ui: &mut egui::Ui,
        row: &VisibleRow<'_>,
        state: &mut ActionsState,
        edits: &mut Vec<Edit>,
    ) {
        self.in_part(ui, row, RowPart::Action, |ui| {
            self.action_ui(ui, state, edits);
        });
        self.in_part(ui, row, RowPart::Owner, |ui| {
            self.owner_ui(ui, state, edits);
        });
        self.in_part(ui, row, RowPart::OwnerPicker, |ui| {
            self.owner_picker_ui(ui, state, edits);
        });
        self.in_part(ui, row, RowPart::Due, |ui| self.due_ui(ui, state, edits));
        self.in_part(ui, row, RowPart::DuePicker, |ui| {
            self.date_picker_ui(ui, state, edits);
        });
        self.in_part(ui, row, RowPart::Status, |ui| {
            self.status_ui(ui, state, edits);
        });
        self.in_part(ui, row, RowPart::Priority, |ui| {
            let mut priority = self.item.priority;
            self.choice_ui(
                ui,
                state,
                RowPart::Priority,
                &mut priority,
                ActionPriority::ALL,
                ActionPriority::label,
            );
            if priority != self.item.priority {
                self.replace(
                    edits,
                    ActionItem {
                        priority,
                        ..self.item.clone()
                    },
                );
            }
        });
        self.in_part(ui, row, RowPart::Kind, |ui| {
            let mut kind = self.item.kind;
            self.choice_ui(
                ui,
                state,
                RowPart::Kind,
                &mut kind,
                ActionKind::ALL,
                ActionKind::label,
            );
            if kind != self.item.kind {
                self.replace(
                    edits,
                    ActionItem {
                        kind,
                        ..self.item.clone()
                    },
                );
            }
        });
        self.in_part(ui, row, RowPart::Ticket, |ui| {
            self.ticket_ui(ui, state, edits);
        });
        if let Some(link) = web_url(&self.item.ticket_url) {
            self.in_part(ui, row, RowPart::OpenTicket, |ui| {
                let open = ui.add(egui::Button::new("Open").small());
                accessible_name(&open, egui::Role::Button, &self.name(RowPart::OpenTicket));
                if open.on_hover_text(link.as_str()).clicked() {
                    ui.ctx().open_url(egui::OpenUrl::new_tab(link));
                }
            });
        }
        self.in_part(ui, row, RowPart::Delete, |ui| {
            let delete = ui.add(egui::Button::new("Delete").small());
            accessible_name(&delete, egui::Role::Button, &self.name(RowPart::Delete));
            if delete.clicked() {
                edits.push(Edit::Actions(ListEdit::Remove(self.index)));
            }
        });
    }

    /// Runs `add` in a `Ui` filling `part`'s place, with an id that stays with the item.
    fn in_part(
        &self,
        ui: &mut egui::Ui,
        row: &VisibleRow<'_>,
        part: RowPart,
        add: impl FnOnce(&mut egui::Ui),
    ) {
        let rect = part.rect(row, ui.spacing().interact_size.y);
        live_part_ui(
            ui,
            ("action part", self.item.id, part),
            rect,
            part.look(),
            add,
        );
    }

    fn action_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let mut text = self.item.action.clone();
        let mut field = egui::TextEdit::singleline(&mut text)
            .desired_width(f32::INFINITY)
            .hint_text("What will be done");
        if !self.item.status.is_open() {
            field = field.text_color(ui.visuals().weak_text_color());
        }
        let mut response = self.field_ui(ui, state, RowPart::Action, field);
        if !response.has_focus() && !self.item.action.is_empty() {
            // The column is narrow; the whole action is a hover away.
            response = response.on_hover_text(&self.item.action);
        }
        if response.changed() {
            self.replace(
                edits,
                ActionItem {
                    action: text,
                    ..self.item.clone()
                },
            );
        }
    }

    /// A live text field of the row, named for assistive technology: it takes the keyboard
    /// when its resting part was clicked, and focusing it selects the row.
    fn field_ui(
        &self,
        ui: &mut egui::Ui,
        state: &mut ActionsState,
        part: RowPart,
        field: egui::TextEdit<'_>,
    ) -> egui::Response {
        let response = ui.add(field.desired_width(f32::INFINITY));
        accessible_name(&response, egui::Role::TextInput, &self.name(part));
        if state.take_focus(self.item.id, part) {
            response.request_focus();
        }
        if response.gained_focus() {
            state.selected = Some(self.item.id);
        }
        response
    }

    fn status_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let mut status = self.item.status;
        let salt = ("action_status", self.item.id);
        open_if_asked(ui, state, self.item.id, RowPart::Status, salt);
        let combo = egui::ComboBox::from_id_salt(salt)
            .selected_text(status.label())
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                for option in ActionStatus::ALL {
                    ui.selectable_value(&mut status, *option, option.label());
                }
            });
        accessible_name(
            &combo.response,
            egui::Role::ComboBox,
            &self.name(RowPart::Status),
        );
        announce_value(&combo.response, self.item.status.label());
        if status != self.item.status {
            edits.push(Edit::SetActionStatus {
                id: self.item.id,
                status,
                today: self.today,
            });
        }
    }

    fn choice_ui<T: Copy + PartialEq>(
        &self,
        ui: &mut egui::Ui,
        state: &mut ActionsState,
        part: RowPart,
        value: &mut T,
        options: &[T],
        label: fn(T) -> &'static str,
    ) {
        let salt = (part, self.item.id);
        open_if_asked(ui, state, self.item.id, part, salt);
        let combo = egui::ComboBox::from_id_salt(salt)
            .selected_text(label(*value))
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                for option in options {
                    ui.selectable_value(value, *option, label(*option));
                }
            });
        accessible_name(&combo.response, egui::Role::ComboBox, &self.name(part));
        announce_value(&combo.response, label(*value));
    }

    /// The owner as typed.
    fn owner_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let mut owner = self.item.owner.clone();
        let field = egui::TextEdit::singleline(&mut owner).hint_text("Who");
        if self.field_ui(ui, state, RowPart::Owner, field).changed() {
            self.set_owner(edits, owner);
        }
    }

    /// A list of the people in the postmortem to pick the owner from.
    fn owner_picker_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let mut owner = self.item.owner.clone();
        // Only the arrow shows: no gap before it for the empty text.
        ui.spacing_mut().icon_spacing = 0.0;
        let salt = ("owner_pick", self.item.id);
        open_if_asked(ui, state, self.item.id, RowPart::OwnerPicker, salt);
        let picker = egui::ComboBox::from_id_salt(salt)
            .selected_text("")
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                for name in self.owners {
                    if ui.selectable_label(*name == owner, name).clicked() {
                        owner.clone_from(name);
                    }
                }
            });
        accessible_name(
            &picker.response,
            egui::Role::ComboBox,
            &self.name(RowPart::OwnerPicker),
        );
        announce_value(&picker.response, &self.item.owner);
        if owner != self.item.owner {
            self.set_owner(edits, owner);
        }
    }

    fn set_owner(&self, edits: &mut Vec<Edit>, owner: String) {
        self.replace(
            edits,
            ActionItem {
                owner,
                ..self.item.clone()
            },
        );
    }

    /// The due date, typed (`2025-08-05`); it is read when the field is left.
    fn due_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let id = self.item.id;
        let shown = self
            .item
            .due
            .map_or_else(String::new, |due| due.format("%Y-%m-%d").to_string());
        let bad = state.bad_dates.get(&id).cloned();
        let mut text = state
            .date_drafts
            .get(&id)
            .cloned()
            .or_else(|| bad.as_ref().map(|(text, _)| text.clone()))
            .unwrap_or(shown);
        let mut field = egui::TextEdit::singleline(&mut text).hint_text("yyyy-mm-dd");
        if bad.is_some() {
            field = field.text_color(ui.visuals().error_fg_color);
        }
        let response = self.field_ui(ui, state, RowPart::Due, field);
        let response = match &bad {
            Some((_, reason)) => response.on_hover_text(reason),
            None => response,
        };
        if response.changed() {
            state.date_drafts.insert(id, text.clone());
        }
        if response.lost_focus()
            && let Some(draft) = state.date_drafts.remove(&id)
        {
            if ui.input(|input| input.key_pressed(egui::Key::Escape)) {
                state.bad_dates.remove(&id);
            } else if draft.trim().is_empty() {
                state.bad_dates.remove(&id);
                self.set_due(edits, None);
            } else {
                match parse_date(&draft) {
                    Ok(date) => {
                        state.bad_dates.remove(&id);
                        self.set_due(edits, Some(date));
                    }
                    Err(error) => {
                        state.bad_dates.insert(id, (draft, error.to_string()));
                    }
                }
            }
        }
    }

    /// The due date picked from a calendar.
    fn date_picker_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let start = self.item.due.unwrap_or(self.today);
        let Some(mut picked) = to_jiff(start) else {
            return;
        };
        let before = picked;
        let salt = format!("due_picker_{}", self.item.id);
        let button = ui.add(date_picker(&mut picked, &salt, "\u{2026}"));
        accessible_name(&button, egui::Role::Button, &self.name(RowPart::DuePicker));
        // The resting row's "…" was clicked: the keyboard goes to the picker, and a click or
        // Space opens it. egui_extras offers no way to open its calendar from outside, and
        // Hindsight drives egui only through its public API.
        if state.take_focus(self.item.id, RowPart::DuePicker) {
            button.request_focus();
        }
        announce_value(&button, &start.format("%Y-%m-%d").to_string());
        if picked != before
            && let Some(date) = from_jiff(picked)
        {
            self.set_due(edits, Some(date));
        }
    }

    fn set_due(&self, edits: &mut Vec<Edit>, due: Option<NaiveDate>) {
        self.replace(
            edits,
            ActionItem {
                due,
                ..self.item.clone()
            },
        );
    }

    /// The ticket URL.
    fn ticket_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let mut url = self.item.ticket_url.clone();
        let field = egui::TextEdit::singleline(&mut url).hint_text("https://\u{2026}");
        if self.field_ui(ui, state, RowPart::Ticket, field).changed() {
            self.replace(
                edits,
                ActionItem {
                    ticket_url: url,
                    ..self.item.clone()
                },
            );
        }
    }
}

/// Opens the drop-down made with `salt` in this `ui` when its resting part was clicked.
fn open_if_asked(
    ui: &egui::Ui,
    state: &mut ActionsState,
    id: crate::model::ActionId,
    part: RowPart,
    salt: impl std::hash::Hash + std::fmt::Debug,
) {
    if state.take_focus(id, part) {
        open_combo_box(ui, salt);
    }
}
