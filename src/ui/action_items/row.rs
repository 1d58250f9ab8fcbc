//! One row of the action-item table: live controls for the selected row, resting cells for
//! the others (see [`super::resting`]).

use chrono::NaiveDate;
use egui_extras::TableRow;

use super::resting::{Look, RestingCell};
use super::state::{ActionsState, ItemCell};
use crate::model::{
    ActionItem, ActionKind, ActionPriority, ActionStatus, Due, Edit, ListEdit, parse_date, web_url,
};
use crate::ui::theme;
use crate::ui::widgets::{accessible_name, from_jiff, to_jiff};

/// What is carried while an item is dragged: its position in the document.
#[derive(Clone, Copy, Debug)]
pub struct ItemDrag(pub usize);

/// The cells of one item's row.
pub struct ItemCells<'a> {
    /// The item's position in the document.
    pub index: usize,
    /// The item.
    pub item: &'a ActionItem,
    /// The day due states are counted from.
    pub today: NaiveDate,
    /// Names to offer as owners.
    pub owners: &'a [String],
    /// Whether the list is in hand order, so rows can be dragged.
    pub hand_order: bool,
}

impl ItemCells<'_> {
    fn name(&self, what: &str) -> String {
        format!("{what}, item {}", self.index + 1)
    }

    fn replace(&self, edits: &mut Vec<Edit>, item: ActionItem) {
        edits.push(Edit::Actions(ListEdit::Replace(self.index, item)));
    }

    /// Draws the row with live controls.
    pub fn show(
        &self,
        row: &mut TableRow<'_, '_>,
        state: &mut ActionsState,
        edits: &mut Vec<Edit>,
    ) {
        let closed = !self.item.status.is_open();
        row.col(|ui| self.handle_ui(ui));
        row.col(|ui| self.action_ui(ui, closed, state, edits));
        row.col(|ui| self.owner_ui(ui, state, edits));
        row.col(|ui| self.due_ui(ui, state, edits));
        row.col(|ui| self.due_state_ui(ui));
        row.col(|ui| self.status_ui(ui, state, edits));
        row.col(|ui| {
            let mut priority = self.item.priority;
            self.choice_ui(
                ui,
                state,
                ItemCell::Priority,
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
        row.col(|ui| {
            let mut kind = self.item.kind;
            self.choice_ui(
                ui,
                state,
                ItemCell::Kind,
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
        row.col(|ui| self.ticket_ui(ui, state, edits));
        self.completed_and_delete_ui(row, edits);
    }

    /// The row drawn cheaply, as text in the shape of each control; see [`RestingCell`].
    pub fn show_resting(
        &self,
        row: &mut TableRow<'_, '_>,
        state: &mut ActionsState,
        edits: &mut Vec<Edit>,
    ) {
        let item = self.item;
        row.col(|ui| self.handle_ui(ui));
        row.col(|ui| {
            let name = self.name("Action");
            let mut cell = self.resting(
                ItemCell::Action,
                &item.action,
                "What will be done",
                None,
                Look::Field,
                &name,
            );
            if !item.status.is_open() {
                cell.colour = Some(ui.visuals().weak_text_color());
            }
            let response = cell.show(ui, state);
            if !item.action.is_empty() {
                response.on_hover_text(&item.action);
            }
        });
        row.col(|ui| {
            let name = self.name("Owner");
            self.resting(
                ItemCell::Owner,
                &item.owner,
                "Who",
                Some(96.0),
                Look::Field,
                &name,
            )
            .show(ui, state);
            let name = self.name("Choose owner");
            self.resting(
                ItemCell::OwnerPicker,
                "",
                "",
                Some(24.0),
                Look::DropDown,
                &name,
            )
            .show(ui, state);
        });
        row.col(|ui| {
            let bad = state.bad_dates.get(&item.id).cloned();
            let due = item
                .due
                .map(|due| due.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            let name = self.name("Due date");
            let mut cell = self.resting(
                ItemCell::Due,
                &due,
                "yyyy-mm-dd",
                Some(84.0),
                Look::Field,
                &name,
            );
            if let Some((typed, _)) = &bad {
                cell.text = typed;
                cell.colour = Some(ui.visuals().error_fg_color);
            }
            let response = cell.show(ui, state);
            if let Some((_, reason)) = &bad {
                response.on_hover_text(reason);
            }
            self.date_picker_ui(ui, edits);
        });
        row.col(|ui| self.due_state_ui(ui));
        for (cell, text, width, what) in [
            (ItemCell::Status, item.status.label(), 98.0, "Status"),
            (ItemCell::Priority, item.priority.label(), 76.0, "Priority"),
            (ItemCell::Kind, item.kind.label(), 76.0, "Kind"),
        ] {
            row.col(|ui| {
                let name = self.name(what);
                self.resting(cell, text, "", Some(width), Look::DropDown, &name)
                    .show(ui, state);
            });
        }
        row.col(|ui| {
            let name = self.name("Ticket");
            self.resting(
                ItemCell::Ticket,
                &item.ticket_url,
                "https://\u{2026}",
                Some(96.0),
                Look::Field,
                &name,
            )
            .show(ui, state);
            self.open_ticket_ui(ui);
        });
        self.completed_and_delete_ui(row, edits);
    }

    fn resting<'a>(
        &self,
        cell: ItemCell,
        text: &'a str,
        hint: &'a str,
        width: Option<f32>,
        look: Look,
        name: &'a str,
    ) -> RestingCell<'a> {
        RestingCell {
            id: self.item.id,
            cell,
            text,
            hint,
            width,
            look,
            colour: None,
            name,
        }
    }

    fn completed_and_delete_ui(&self, row: &mut TableRow<'_, '_>, edits: &mut Vec<Edit>) {
        row.col(|ui| match self.item.completed {
            Some(date) => {
                ui.label(date.format("%Y-%m-%d").to_string());
            }
            None => {
                ui.weak("\u{2014}");
            }
        });
        row.col(|ui| {
            let delete = ui.add(egui::Button::new("Delete").small());
            accessible_name(
                &delete,
                egui::Role::Button,
                &format!("Delete item {}", self.index + 1),
            );
            if delete.clicked() {
                edits.push(Edit::Actions(ListEdit::Remove(self.index)));
            }
        });
    }

    fn action_ui(
        &self,
        ui: &mut egui::Ui,
        closed: bool,
        state: &mut ActionsState,
        edits: &mut Vec<Edit>,
    ) {
        let mut text = self.item.action.clone();
        let mut field = egui::TextEdit::singleline(&mut text)
            .desired_width(f32::INFINITY)
            .hint_text("What will be done");
        if closed {
            field = field.text_color(ui.visuals().weak_text_color());
        }
        let mut response = self.field_ui(ui, state, ItemCell::Action, "Action", field);
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
    /// when its resting cell was clicked, and focusing it selects the row.
    fn field_ui(
        &self,
        ui: &mut egui::Ui,
        state: &mut ActionsState,
        cell: ItemCell,
        what: &str,
        field: egui::TextEdit<'_>,
    ) -> egui::Response {
        let response = ui.add(field);
        accessible_name(&response, egui::Role::TextInput, &self.name(what));
        if state.take_focus(self.item.id, cell) {
            response.request_focus();
        }
        if response.gained_focus() {
            state.selected = Some(self.item.id);
        }
        response
    }

    fn due_state_ui(&self, ui: &mut egui::Ui) {
        let due = Due::of(self.item, self.today);
        if let Some(words) = due.words() {
            let colour = match due {
                Due::Overdue(_) => theme::overdue(ui.visuals()),
                _ => theme::due_soon(ui.visuals()),
            };
            ui.colored_label(colour, words);
        } else {
            ui.label("");
        }
    }

    fn status_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let mut status = self.item.status;
        let salt = ("action_status", self.item.id);
        open_if_asked(ui, state, self.item.id, ItemCell::Status, salt);
        let combo = egui::ComboBox::from_id_salt(salt)
            .selected_text(status.label())
            .width(98.0)
            .show_ui(ui, |ui| {
                for option in ActionStatus::ALL {
                    ui.selectable_value(&mut status, *option, option.label());
                }
            });
        accessible_name(&combo.response, egui::Role::ComboBox, &self.name("Status"));
        if status != self.item.status {
            edits.push(Edit::SetActionStatus {
                id: self.item.id,
                status,
                today: self.today,
            });
        }
    }

    fn handle_ui(&self, ui: &mut egui::Ui) {
        let number = egui::RichText::new((self.index + 1).to_string()).weak();
        if !self.hand_order {
            ui.add(egui::Label::new(number).selectable(false));
            return;
        }
        let id = egui::Id::unique(("action_drag", self.item.id));
        let handle = ui
            .dnd_drag_source(id, ItemDrag(self.index), |ui| {
                ui.add(egui::Label::new(number).selectable(false));
            })
            .response;
        accessible_name(
            &handle,
            egui::Role::Button,
            &format!("Drag item {}", self.index + 1),
        );
        handle.on_hover_text("Drag to move this item");
    }

    fn choice_ui<T: Copy + PartialEq>(
        &self,
        ui: &mut egui::Ui,
        state: &mut ActionsState,
        cell: ItemCell,
        value: &mut T,
        options: &[T],
        label: fn(T) -> &'static str,
    ) {
        let what = match cell {
            ItemCell::Kind => "Kind",
            _ => "Priority",
        };
        let salt = (what, self.item.id);
        open_if_asked(ui, state, self.item.id, cell, salt);
        let combo = egui::ComboBox::from_id_salt(salt)
            .selected_text(label(*value))
            .width(76.0)
            .show_ui(ui, |ui| {
                for option in options {
                    ui.selectable_value(value, *option, label(*option));
                }
            });
        accessible_name(&combo.response, egui::Role::ComboBox, &self.name(what));
    }

    /// The owner as typed, with a list of the people in the postmortem to pick from.
    fn owner_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let mut owner = self.item.owner.clone();
        let field = egui::TextEdit::singleline(&mut owner)
            .desired_width(96.0)
            .hint_text("Who");
        self.field_ui(ui, state, ItemCell::Owner, "Owner", field);
        let salt = ("owner_pick", self.item.id);
        open_if_asked(ui, state, self.item.id, ItemCell::OwnerPicker, salt);
        let picker = egui::ComboBox::from_id_salt(salt)
            .selected_text("")
            .width(4.0)
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
            &self.name("Choose owner"),
        );
        if owner != self.item.owner {
            self.replace(
                edits,
                ActionItem {
                    owner,
                    ..self.item.clone()
                },
            );
        }
    }

    /// The due date, typed (`2025-08-05`) or picked from a calendar.
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
        let mut field = egui::TextEdit::singleline(&mut text)
            .desired_width(84.0)
            .hint_text("yyyy-mm-dd");
        if bad.is_some() {
            field = field.text_color(ui.visuals().error_fg_color);
        }
        let response = self.field_ui(ui, state, ItemCell::Due, "Due date", field);
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
        self.date_picker_ui(ui, edits);
    }

    fn date_picker_ui(&self, ui: &mut egui::Ui, edits: &mut Vec<Edit>) {
        let start = self.item.due.unwrap_or(self.today);
        let Some(mut picked) = to_jiff(start) else {
            return;
        };
        let before = picked;
        let salt = format!("due_picker_{}", self.item.id);
        let button = ui.add(
            egui_extras::DatePickerButton::new(&mut picked)
                .id_salt(&salt)
                .show_icon(false)
                .format("\u{2026}"),
        );
        accessible_name(&button, egui::Role::Button, &self.name("Pick due date"));
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

    /// The ticket URL, with a button that opens it when it is a web address.
    fn ticket_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let mut url = self.item.ticket_url.clone();
        let field = egui::TextEdit::singleline(&mut url)
            .desired_width(96.0)
            .hint_text("https://\u{2026}");
        let field = self.field_ui(ui, state, ItemCell::Ticket, "Ticket", field);
        if field.changed() {
            self.replace(
                edits,
                ActionItem {
                    ticket_url: url,
                    ..self.item.clone()
                },
            );
        }
        self.open_ticket_ui(ui);
    }

    /// Opens the ticket in the browser, when it is a web address.
    fn open_ticket_ui(&self, ui: &mut egui::Ui) {
        if let Some(link) = web_url(&self.item.ticket_url) {
            let open = ui.add(egui::Button::new("Open").small());
            accessible_name(&open, egui::Role::Button, &self.name("Open ticket"));
            if open.on_hover_text(link.as_str()).clicked() {
                ui.ctx().open_url(egui::OpenUrl::new_tab(link));
            }
        }
    }
}

/// Opens the drop-down made with `salt` in this `ui` when its resting cell was clicked.
fn open_if_asked(
    ui: &egui::Ui,
    state: &mut ActionsState,
    id: crate::model::ActionId,
    cell: ItemCell,
    salt: impl std::hash::Hash + std::fmt::Debug,
) {
    if state.take_focus(id, cell) {
        // The id the drop-down gives itself: its salt, wrapped the way `from_id_salt` does.
        let button = ui.make_persistent_id(egui::IdSalt::new(salt));
        egui::Popup::open_id(ui.ctx(), button.with("popup"));
    }
}
