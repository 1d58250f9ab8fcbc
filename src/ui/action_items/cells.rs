//! The action-item table's columns and how each cell of an item's row reads and edits: a
//! control in every cell (a text cell that is egui's `TextEdit` while typed in, pickers,
//! drop-downs), named for a screen reader by what it is and the item's number
//! ("Owner, item 3").

use chrono::NaiveDate;

use super::controls::ItemControl;
use super::state::ActionsState;
use crate::model::{
    ActionField, ActionItem, ActionKind, ActionPriority, ActionStatus, Due, Edit, ListEdit,
    parse_date, web_url,
};
use crate::ui::accessible::{accessible_name, announce_value};
use crate::ui::dates::{date_picker, from_jiff, to_jiff};
use crate::ui::table::{
    Column, TextCell, TextCellResponse, full_text_on_hover, small_button_width,
    whole_text_on_hover, with_button_at_right,
};
use crate::ui::theme;

/// The columns after the item's number, in the order the table shows them; the Delete
/// button's column comes last.
const IN_ORDER: [ActionField; ActionField::ON_SCREEN.len()] = ActionField::ON_SCREEN;

/// The table's columns: the number, one per field of [`IN_ORDER`] titled and sized as the
/// document's declaration says, and the Delete button's.
pub const COLUMNS: [Column; IN_ORDER.len() + 2] = {
    let mut columns = [Column::fixed("#", 40.0); IN_ORDER.len() + 2];
    let mut at = 0;
    while at < IN_ORDER.len() {
        columns[at + 1] = Column::declared(IN_ORDER[at].title(), IN_ORDER[at].width());
        at += 1;
    }
    columns[IN_ORDER.len() + 1] = Column::fixed("", 60.0).spoken_as("Delete");
    columns
};

/// The column of the Delete button.
const DELETE: usize = IN_ORDER.len() + 1;

/// The field in table column `column`, if that column shows one.
fn field_in_column(column: usize) -> Option<ActionField> {
    column
        .checked_sub(1)
        .and_then(|at| IN_ORDER.get(at))
        .copied()
}

/// How many lines of text a row shows: an action of a dozen words is read whole, and the
/// time left sits under its due date.
pub const ROW_LINES: usize = 2;

/// The width of the owner's and the due date's pickers beside their fields.
const PICKER_WIDTH: f32 = 28.0;

/// One item's row, as its cells see it.
pub struct ItemCells<'a> {
    /// The item's position in the document.
    pub index: usize,
    /// The item.
    pub item: &'a ActionItem,
    /// The day due states are counted from.
    pub today: NaiveDate,
    /// Names to offer as owners.
    pub owners: &'a [String],
}

impl ItemCells<'_> {
    /// The item's number in the document, counted from 1.
    pub const fn number(&self) -> usize {
        self.index + 1
    }

    fn name(&self, control: ItemControl) -> String {
        control.name(self.number())
    }

    /// Draws cell `column` of the row.
    pub fn cell_ui(
        &self,
        ui: &mut egui::Ui,
        column: usize,
        state: &mut ActionsState,
        edits: &mut Vec<Edit>,
    ) {
        if column == DELETE {
            let delete = ui.add(egui::Button::new("Delete").small());
            accessible_name(&delete, egui::Role::Button, &self.name(ItemControl::Delete));
            if delete.clicked() {
                edits.push(Edit::Actions(ListEdit::Remove(self.index)));
            }
            return;
        }
        let Some(field) = field_in_column(column) else {
            return;
        };
        match field {
            ActionField::Action => self.action_ui(ui, state, edits),
            ActionField::Owner => with_button_at_right(
                ui,
                PICKER_WIDTH,
                &mut (state, edits),
                |ui, (state, edits)| self.owner_ui(ui, state, edits),
                |ui, (state, edits)| self.owner_picker_ui(ui, state, edits),
            ),
            ActionField::Due => {
                ui.vertical(|ui| {
                    ui.horizontal(|ui| {
                        with_button_at_right(
                            ui,
                            PICKER_WIDTH,
                            &mut (&mut *state, &mut *edits),
                            |ui, (state, edits)| self.due_ui(ui, state, edits),
                            |ui, (state, edits)| self.date_picker_ui(ui, state, edits),
                        );
                    });
                    self.due_state_ui(ui);
                });
            }
            ActionField::Status => self.status_ui(ui, state, edits),
            ActionField::Priority => {
                let mut priority = self.item.priority;
                self.choice_ui(
                    ui,
                    state,
                    ItemControl::Priority,
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
            }
            ActionField::Kind => {
                let mut kind = self.item.kind;
                self.choice_ui(
                    ui,
                    state,
                    ItemControl::Kind,
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
            }
            ActionField::Ticket => self.ticket_cell_ui(ui, state, edits),
            // The declined reason shares the Closed column with the day closed.
            ActionField::Completed | ActionField::DeclinedReason => {
                self.closed_ui(ui, state, edits);
            }
        }
    }

    /// The day a done item was finished, or why a declined one will not be.
    fn closed_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        if self.item.status == ActionStatus::WontDo {
            let mut reason = self.item.declined_reason.clone();
            let response =
                self.wrapped_field_ui(ui, state, ItemControl::Reason, &mut reason, "Why not?");
            if response.changed() {
                self.replace(
                    edits,
                    ActionItem {
                        declined_reason: reason,
                        ..self.item.clone()
                    },
                );
            }
            return;
        }
        match self.item.completed {
            Some(completed) => {
                ui.label(completed.format("%Y-%m-%d").to_string());
            }
            None => {
                ui.weak("\u{2014}");
            }
        }
    }

    fn replace(&self, edits: &mut Vec<Edit>, item: ActionItem) {
        edits.push(Edit::Actions(ListEdit::Replace(self.index, item)));
    }

    /// A text field of the row, named for assistive technology: it takes the keyboard when
    /// asked (a new item), and focusing it selects the row.
    fn field_ui(
        &self,
        ui: &mut egui::Ui,
        state: &mut ActionsState,
        control: ItemControl,
        field: TextCell<'_>,
    ) -> TextCellResponse {
        let shown = field.show(ui);
        accessible_name(&shown.response, egui::Role::TextInput, &self.name(control));
        self.take_focus(&shown.response, state, control);
        shown
    }

    /// What the item's text cell `control` is known by, from frame to frame: the item's
    /// identity, so the keyboard stays on it when items are sorted or moved.
    fn cell_id(&self, control: ItemControl) -> egui::Id {
        egui::Id::unique(("action item cell", self.item.id, control))
    }

    /// A field for a sentence (an action, a reason) that wraps onto the row's lines instead
    /// of running out of sight. Shown, it ends in "…" when it needs more lines than the row
    /// has (the pointer shows it whole); typed in, it scrolls within the row to the cursor.
    /// It holds one paragraph: Enter leaves it, as it leaves a one-line field.
    fn wrapped_field_ui(
        &self,
        ui: &mut egui::Ui,
        state: &mut ActionsState,
        control: ItemControl,
        text: &mut String,
        hint: &str,
    ) -> egui::Response {
        // A closed item's words are greyed: the work is no longer ahead.
        let colour = if self.item.status.is_open() {
            ui.visuals().text_color()
        } else {
            ui.visuals().weak_text_color()
        };
        let whole = text.clone();
        let field = TextCell::new(self.cell_id(control), text)
            .wrapped(ROW_LINES)
            .colour(colour)
            .hint(hint);
        let shown = self.field_ui(ui, state, control, field);
        let response = if shown.cut {
            whole_text_on_hover(shown.response, &whole)
        } else {
            shown.response
        };
        // Read before the input: the focus lives behind a lock the input closure also takes.
        let focused = response.has_focus();
        if focused && ui.input(|input| input.key_pressed(egui::Key::Enter)) {
            response.surrender_focus();
        }
        response
    }

    /// Puts the keyboard on `response` when it was asked for, and selects the row when the
    /// keyboard arrives there.
    fn take_focus(
        &self,
        response: &egui::Response,
        state: &mut ActionsState,
        control: ItemControl,
    ) {
        if state.take_focus(self.item.id, control) {
            response.request_focus();
        }
        if response.gained_focus() {
            state.selected = Some(self.item.id);
        }
    }

    fn action_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let mut text = self.item.action.clone();
        let response = self.wrapped_field_ui(
            ui,
            state,
            ItemControl::Action,
            &mut text,
            "What will be done",
        );
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

    fn status_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let mut status = self.item.status;
        self.choice_ui(
            ui,
            state,
            ItemControl::Status,
            &mut status,
            ActionStatus::ALL,
            ActionStatus::label,
        );
        if status == ActionStatus::WontDo && self.item.status != ActionStatus::WontDo {
            // Declining asks why first; the status changes once there is an answer.
            state.declining = Some(super::state::Declining {
                id: self.item.id,
                number: self.number(),
                action: self.item.action.clone(),
                reason: self.item.declined_reason.clone(),
                shown: false,
            });
        } else if status != self.item.status {
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
        control: ItemControl,
        value: &mut T,
        options: &[T],
        label: fn(T) -> &'static str,
    ) {
        let combo = egui::ComboBox::from_id_salt(control)
            .selected_text(label(*value))
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                for option in options {
                    ui.selectable_value(value, *option, label(*option));
                }
            });
        accessible_name(&combo.response, egui::Role::ComboBox, &self.name(control));
        announce_value(&combo.response, label(*value));
        self.take_focus(&combo.response, state, control);
    }

    /// The owner as typed.
    fn owner_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let mut owner = self.item.owner.clone();
        let field = TextCell::new(self.cell_id(ItemControl::Owner), &mut owner).hint("Who");
        if self
            .field_ui(ui, state, ItemControl::Owner, field)
            .response
            .changed()
        {
            self.set_owner(edits, owner);
        }
    }

    /// A list of the people in the postmortem to pick the owner from.
    fn owner_picker_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let mut owner = self.item.owner.clone();
        let picker = egui::ComboBox::from_id_salt(ItemControl::OwnerPicker)
            .selected_text("")
            .width(PICKER_WIDTH)
            .show_ui(ui, |ui| {
                for name in self.owners {
                    if ui.selectable_label(*name == owner, name).clicked() {
                        owner.clone_from(name);
                    }
                }
            });
        let response = &picker.response;
        accessible_name(
            response,
            egui::Role::ComboBox,
            &self.name(ItemControl::OwnerPicker),
        );
        announce_value(response, &self.item.owner);
        self.take_focus(response, state, ItemControl::OwnerPicker);
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
        let mut field = TextCell::new(self.cell_id(ItemControl::Due), &mut text).hint("yyyy-mm-dd");
        if bad.is_some() {
            field = field.colour(ui.visuals().error_fg_color);
        }
        let response = self.field_ui(ui, state, ItemControl::Due, field).response;
        if let Some((_, reason)) = &bad {
            crate::ui::accessible::describe(&response, &format!("Not saved: {reason}"));
        }
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
        let button = ui.add(date_picker(&mut picked, "due_picker", "\u{2026}"));
        accessible_name(
            &button,
            egui::Role::Button,
            &self.name(ItemControl::DuePicker),
        );
        // The calendar opens on today for an item with no due date; a screen reader hears
        // that there is none, not that date.
        let value = self.item.due.map_or_else(
            || "no due date".to_owned(),
            |due| due.format("%Y-%m-%d").to_string(),
        );
        announce_value(&button, &value);
        self.take_focus(&button, state, ItemControl::DuePicker);
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

    /// "3 days overdue", "due in 2 days", in the colour of how late it is, under the
    /// due date.
    fn due_state_ui(&self, ui: &mut egui::Ui) {
        let due = Due::of(self.item, self.today);
        let Some(words) = due.words() else {
            return;
        };
        let colour = match due {
            Due::Overdue(_) => theme::overdue(ui.visuals()),
            _ => theme::due_soon(ui.visuals()),
        };
        ui.colored_label(colour, words);
    }

    /// The ticket's address, with an Open button at its right when it is a web address
    /// (nothing else is opened).
    fn ticket_cell_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let Some(link) = web_url(&self.item.ticket_url) else {
            self.ticket_ui(ui, state, edits);
            return;
        };
        with_button_at_right(
            ui,
            small_button_width(ui, "Open"),
            &mut (state, edits),
            |ui, (state, edits)| self.ticket_ui(ui, state, edits),
            |ui, _| {
                let open = ui.add(egui::Button::new("Open").small());
                let name = self.name(ItemControl::OpenTicket);
                accessible_name(&open, egui::Role::Button, &name);
                if open.on_hover_text(link.as_str()).clicked() {
                    ui.ctx().open_url(egui::OpenUrl::new_tab(link));
                }
            },
        );
    }

    fn ticket_ui(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let mut url = self.item.ticket_url.clone();
        let field =
            TextCell::new(self.cell_id(ItemControl::Ticket), &mut url).hint("https://\u{2026}");
        let response = self
            .field_ui(ui, state, ItemControl::Ticket, field)
            .response;
        if full_text_on_hover(ui, response, &self.item.ticket_url).changed() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_column_with_its_title_and_delete_comes_last() {
        for (at, field) in IN_ORDER.into_iter().enumerate() {
            assert_eq!(field_in_column(at + 1), Some(field));
            assert_eq!(COLUMNS[at + 1].title, field.title());
        }
        assert_eq!(field_in_column(0), None);
        assert_eq!(field_in_column(DELETE), None);
        assert_eq!(DELETE, COLUMNS.len() - 1);
    }
}
