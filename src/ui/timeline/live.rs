//! The timeline row being worked on: a real widget in each cell's place (see
//! [`super::parts`]), so it looks like the resting rows around it but takes the keyboard.

use egui::Sense;

use super::parts::RowPart;
use super::resting::paint_part;
use super::row::{OUT_OF_ORDER, RowCells, marker_text};
use super::state::{Cell, TimelineState};
use crate::model::{Edit, Marker, TimelineRow};
use crate::ui::accessible::{accessible_name, announce_value, name_check_box};
use crate::ui::painted::{live_part_ui, open_combo_box};
use crate::ui::row_table::VisibleRow;

impl RowCells<'_> {
    /// Draws the row with live controls; returns the row's response, where other rows are
    /// dropped.
    pub fn show_live(
        &self,
        ui: &mut egui::Ui,
        row: &VisibleRow<'_>,
        state: &mut TimelineState,
        edits: &mut Vec<Edit>,
    ) -> egui::Response {
        let control_height = ui.spacing().interact_size.y;
        if state.selected == Some(self.row.id) {
            row.paint_selected(ui);
        }
        // Under the controls, so it only gets what they do not take: a drag on the grip.
        let response = ui.interact(row.rect, self.row_id(), Sense::DRAG);
        self.drag_by_handle(ui, row, &response);
        let handle = RowPart::Handle.rect(row, control_height);
        let text = self.part_text(RowPart::Handle, None, ui.visuals());
        let mut shapes = Vec::new();
        paint_part(ui, RowPart::Handle, handle, &text, &mut shapes);
        ui.painter().extend(shapes);
        self.describe_part(ui, RowPart::Handle, handle, &text);
        let over_handle = response.hover_pos().is_some_and(|pos| handle.contains(pos));
        let response = if over_handle {
            response.on_hover_text("Drag to move this row")
        } else {
            response
        };

        self.in_part(ui, row, RowPart::Time, |ui| self.time_ui(ui, state, edits));
        for part in [
            RowPart::Event,
            RowPart::Notes,
            RowPart::Actor,
            RowPart::Evidence,
        ] {
            self.in_part(ui, row, part, |ui| self.text_ui(ui, part, state, edits));
        }
        if let Some(link) = self.evidence_link() {
            self.in_part(ui, row, RowPart::OpenEvidence, |ui| {
                let open = ui.add(egui::Button::new("Open").small());
                accessible_name(
                    &open,
                    egui::Role::Button,
                    &RowPart::OpenEvidence.name(self.number()),
                );
                if open.on_hover_text(link.as_str()).clicked() {
                    ui.ctx().open_url(egui::OpenUrl::new_tab(link));
                }
            });
        }
        self.in_part(ui, row, RowPart::Marker, |ui| {
            self.marker_ui(ui, state, edits);
        });
        self.in_part(ui, row, RowPart::Star, |ui| {
            let mut starred = self.row.starred;
            let star = ui.checkbox(&mut starred, "");
            name_check_box(&star, &RowPart::Star.name(self.number()), starred);
            if star.changed() {
                self.replace(
                    edits,
                    TimelineRow {
                        starred,
                        ..self.row.clone()
                    },
                );
            }
        });
        response
    }

    /// Runs `add` in a `Ui` filling `part`'s place, with an id that stays with the row.
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
            ("timeline part", self.row.id, part),
            rect,
            part.look(),
            add,
        );
    }

    /// A live text field of the row, named for assistive technology: it takes the keyboard
    /// when asked (a click on its resting cell, Enter, a new row), and focusing it selects
    /// the row.
    fn field_ui(
        &self,
        ui: &mut egui::Ui,
        state: &mut TimelineState,
        part: RowPart,
        field: egui::TextEdit<'_>,
    ) -> egui::Response {
        let response = ui.add(field.desired_width(f32::INFINITY));
        accessible_name(&response, egui::Role::TextInput, &part.name(self.number()));
        if let Some(cell) = part.cell()
            && state.take_focus(self.row.id, cell)
        {
            response.request_focus();
        }
        if response.gained_focus() {
            state.selected = Some(self.row.id);
        }
        response
    }

    fn time_ui(&self, ui: &mut egui::Ui, state: &mut TimelineState, edits: &mut Vec<Edit>) {
        let id = self.row.id;
        let bad = state.bad_times.get(&id).cloned();
        let drafting = state.time_draft.as_ref().filter(|(row, _)| *row == id);
        let mut text = match (drafting, &bad) {
            (Some((_, draft)), _) => draft.clone(),
            (None, Some(bad)) => bad.text.clone(),
            (None, None) => self.shown_time(),
        };
        let mut field = egui::TextEdit::singleline(&mut text).hint_text("hh:mm");
        if bad.is_some() {
            field = field.text_color(ui.visuals().error_fg_color);
        } else if self.out_of_order {
            field = field.text_color(ui.visuals().warn_fg_color);
        }
        let response = self.field_ui(ui, state, RowPart::Time, field);
        let response = match (&bad, self.out_of_order) {
            (Some(bad), _) => response.on_hover_text(&bad.error),
            (None, true) => response.on_hover_text(OUT_OF_ORDER),
            (None, false) => response,
        };
        if response.changed() {
            state.time_draft = Some((id, text.clone()));
        }
        if response.lost_focus() {
            let escaped = ui.input(|input| input.key_pressed(egui::Key::Escape));
            if let Some((_, draft)) = state.time_draft.take().filter(|_| !escaped) {
                self.commit_time(&draft, state, edits);
            }
        }
    }

    fn text_ui(
        &self,
        ui: &mut egui::Ui,
        part: RowPart,
        state: &mut TimelineState,
        edits: &mut Vec<Edit>,
    ) {
        let (mut text, hint) = match part {
            RowPart::Event => (self.row.event.clone(), "What happened"),
            RowPart::Notes => (self.row.notes.clone(), ""),
            RowPart::Evidence => (self.row.evidence.clone(), "https://\u{2026}"),
            _ => (self.row.actor.clone().unwrap_or_default(), ""),
        };
        let field = egui::TextEdit::singleline(&mut text).hint_text(hint);
        if self.field_ui(ui, state, part, field).changed() {
            let mut row = self.row.clone();
            match part {
                RowPart::Event => row.event = text,
                RowPart::Notes => row.notes = text,
                RowPart::Evidence => row.evidence = text,
                _ => row.actor = Some(text).filter(|text| !text.trim().is_empty()),
            }
            self.replace(edits, row);
        }
    }

    fn marker_ui(&self, ui: &mut egui::Ui, state: &mut TimelineState, edits: &mut Vec<Edit>) {
        let mut marker = self.row.marker;
        let salt = ("marker", self.row.id);
        if state.take_focus(self.row.id, Cell::Marker) {
            open_combo_box(ui, salt);
        }
        let combo = egui::ComboBox::from_id_salt(salt)
            .selected_text(marker_text(marker))
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                for option in Marker::ALL {
                    ui.selectable_value(&mut marker, *option, marker_text(*option));
                }
            });
        accessible_name(
            &combo.response,
            egui::Role::ComboBox,
            &RowPart::Marker.name(self.number()),
        );
        announce_value(&combo.response, marker_text(self.row.marker));
        if marker != self.row.marker {
            edits.push(Edit::MarkRow(self.row.id, marker));
        }
    }
}
