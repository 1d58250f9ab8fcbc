//! How a timeline row that is not selected is drawn: each cell painted as its text in the
//! shape of its control, the whole row tessellated once and reused while it is unchanged,
//! with one widget for the row. A click on a cell selects the row and puts the keyboard in
//! the real field in the next frame; assistive technology is told about every cell as the
//! control it stands for.

use egui::{Rect, Sense, Shape};

use super::parts::RowPart;
use super::row::{OUT_OF_ORDER, RowCells, grip_shape};
use super::state::{RowLook, TimelineState};
use crate::model::Edit;
use crate::ui::painted::{Look, describe_row, hover_part, part_shapes};
use crate::ui::row_table::VisibleRow;

impl RowLook {
    fn is_of(&self, cells: &RowCells<'_>, bad_time: Option<&str>) -> bool {
        self.number == cells.number()
            && self.out_of_order == cells.out_of_order
            && self.zone == cells.doc.time_zone
            && self.bad_time.as_deref() == bad_time
            && self.row == *cells.row
            && self.date_above == cells.date_above()
    }
}

impl RowCells<'_> {
    /// Draws the row at rest; returns the row's response, where other rows are dropped.
    pub fn show_resting(
        &self,
        ui: &egui::Ui,
        row: &VisibleRow<'_>,
        state: &mut TimelineState,
        edits: &mut Vec<Edit>,
    ) -> egui::Response {
        let control_height = ui.spacing().interact_size.y;
        let bad = if state.bad_times.is_empty() {
            None
        } else {
            state.bad_times.get(&self.row.id).cloned()
        };
        let bad_time = bad.as_ref().map(|bad| bad.text.as_str());
        let response = ui.interact(row.rect, self.row_id(), Sense::click_and_drag());
        let at_origin = VisibleRow {
            rect: Rect::from_min_size(egui::Pos2::ZERO, row.rect.size()),
            ..*row
        };
        state.resting_rows.draw(
            ui,
            self.row.id,
            row.rect.min,
            |look| look.is_of(self, bad_time),
            || {
                let look = RowLook {
                    row: self.row.clone(),
                    number: self.number(),
                    date_above: self.date_above(),
                    zone: self.doc.time_zone,
                    out_of_order: self.out_of_order,
                    bad_time: bad_time.map(str::to_owned),
                };
                (look, self.shapes(ui, &at_origin, bad_time))
            },
        );
        self.drag_by_handle(ui, row, &response);
        let mut response = response;
        if let Some(pos) = response.hover_pos()
            && let Some(part) = RowPart::at(row, control_height, pos)
        {
            let error = bad.as_ref().map(|bad| bad.error.as_str());
            response = self.hover(ui, row, part, error, response);
        }
        if response.gained_focus() {
            // Reached with the keyboard: Tab lands on the time, Shift+Tab on the actor.
            let backwards = ui.input(|input| input.modifiers.shift);
            let part = if backwards {
                RowPart::Evidence
            } else {
                RowPart::Time
            };
            self.activate(ui, Some(part), state, edits);
        }
        if response.clicked() {
            let part = response
                .interact_pointer_pos()
                .and_then(|pos| RowPart::at(row, control_height, pos));
            self.activate(ui, part, state, edits);
        }
        if describe_row(ui, self.row_id()) {
            for part in RowPart::ALL.into_iter().filter(|part| self.shows(*part)) {
                let text = self.part_text(part, bad_time, ui.visuals());
                let rect = part.rect(row, control_height);
                if self.describe_part(ui, part, rect, &text) == Some(true) {
                    self.activate(ui, Some(part), state, edits);
                }
            }
        }
        response
    }

    /// The row's shapes for `row` (placed at the origin).
    fn shapes(&self, ui: &egui::Ui, row: &VisibleRow<'_>, bad_time: Option<&str>) -> Vec<Shape> {
        let control_height = ui.spacing().interact_size.y;
        let mut shapes = Vec::with_capacity(2 * RowPart::ALL.len());
        for part in RowPart::ALL.into_iter().filter(|part| self.shows(*part)) {
            let text = self.part_text(part, bad_time, ui.visuals());
            let rect = part.rect(row, control_height);
            paint_part(ui, part, rect, &text, &mut shapes);
        }
        shapes
    }

    /// The pointer over `part`: the control's outline lights up as a live one would, and
    /// what does not fit (or why a time is marked) is a tooltip away.
    fn hover(
        &self,
        ui: &egui::Ui,
        row: &VisibleRow<'_>,
        part: RowPart,
        bad_time_error: Option<&str>,
        response: egui::Response,
    ) -> egui::Response {
        hover_part(
            ui,
            part.look(),
            part.rect(row, ui.spacing().interact_size.y),
        );
        match part {
            RowPart::Time => match (bad_time_error, self.out_of_order) {
                (Some(error), _) => response.on_hover_text(error),
                (None, true) => response.on_hover_text(OUT_OF_ORDER),
                (None, false) => response,
            },
            RowPart::Event if !self.row.event.is_empty() => response.on_hover_text(&self.row.event),
            RowPart::Notes if !self.row.notes.is_empty() => response.on_hover_text(&self.row.notes),
            RowPart::Handle => response.on_hover_text("Drag to move this row"),
            _ => response,
        }
    }
}

/// Paints one part of a row into `out`; the handle gets its grip left of the number.
pub fn paint_part(
    ui: &egui::Ui,
    part: RowPart,
    rect: Rect,
    text: &crate::ui::painted::PartText<'_>,
    out: &mut Vec<Shape>,
) {
    if part == RowPart::Handle {
        out.push(grip_shape(rect, ui.visuals().weak_text_color()));
        let number = rect.with_min_x(rect.left() + 12.0);
        part_shapes(ui, Look::Handle, number, text, out);
    } else {
        part_shapes(ui, part.look(), rect, text, out);
    }
}
