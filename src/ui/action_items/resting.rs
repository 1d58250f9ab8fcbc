//! How a row that is not selected is drawn: each part painted as its text in the shape of
//! its control, the whole row tessellated once and reused while the item is unchanged (see
//! [`crate::ui::row_meshes`]), with one widget for the row instead of one per control. A
//! click (or Tab) on a part selects the row and hands the keyboard to the real control in
//! the next frame, so to the person every cell still edits in place; assistive technology
//! is told about every part as if it were a control of its own.
//!
//! A screen holds about two dozen item rows with fourteen parts each; drawn as widgets they
//! made a frame of a large tracker cost several times that of the six-item example (see
//! BENCHMARKS.md).

use egui::{Rect, Sense, Shape};

use super::parts::RowPart;
use super::row::ItemCells;
use super::state::{ActionsState, RowLook};
use crate::model::Edit;
use crate::ui::painted::{describe_row, hover_part, part_shapes};
use crate::ui::row_table::VisibleRow;

impl RowLook {
    fn is_of(&self, cells: &ItemCells<'_>, bad_date: Option<&str>) -> bool {
        self.number == cells.number()
            && self.today == cells.today
            && self.hand_order == cells.hand_order
            && self.bad_date.as_deref() == bad_date
            && self.item == *cells.item
    }
}

impl ItemCells<'_> {
    /// Draws the row at rest; returns the row's response, where other rows are dropped.
    pub fn show_resting(
        &self,
        ui: &egui::Ui,
        row: &VisibleRow<'_>,
        state: &mut ActionsState,
        edits: &mut Vec<Edit>,
    ) -> egui::Response {
        let control_height = ui.spacing().interact_size.y;
        let bad = if state.bad_dates.is_empty() {
            None
        } else {
            state.bad_dates.get(&self.item.id).cloned()
        };
        let bad_date = bad.as_ref().map(|(typed, _)| typed.as_str());
        let sense = if self.hand_order {
            Sense::click_and_drag()
        } else {
            Sense::click()
        };
        let response = ui.interact(row.rect, self.row_id(), sense);
        let at_origin = VisibleRow {
            rect: Rect::from_min_size(egui::Pos2::ZERO, row.rect.size()),
            ..*row
        };
        let look = state.resting_rows.draw(
            ui,
            self.item.id,
            row.rect.min,
            |look| look.is_of(self, bad_date),
            || {
                let ticket_link = self.has_ticket_link();
                let look = RowLook {
                    item: self.item.clone(),
                    number: self.number(),
                    today: self.today,
                    bad_date: bad_date.map(str::to_owned),
                    hand_order: self.hand_order,
                    ticket_link,
                };
                (look, self.shapes(ui, &at_origin, bad_date, ticket_link))
            },
        );
        let ticket_link = look.is_some_and(|look| look.ticket_link);
        self.drag_by_handle(ui, row, &response, control_height);
        let mut response = response;
        if let Some(pos) = response.hover_pos()
            && let Some(part) = RowPart::at(row, control_height, pos, ticket_link)
        {
            let reason = bad.as_ref().map(|(_, reason)| reason.as_str());
            response = self.hover(ui, row, part, reason, response);
        }
        if response.gained_focus() {
            // Reached with the keyboard: Tab lands on the first field, Shift+Tab on the last.
            let backwards = ui.input(|input| input.modifiers.shift);
            let part = if backwards {
                RowPart::Ticket
            } else {
                RowPart::Action
            };
            self.activate(ui, Some(part), state, edits);
        }
        if response.clicked() {
            let part = response
                .interact_pointer_pos()
                .and_then(|pos| RowPart::at(row, control_height, pos, ticket_link));
            self.activate(ui, part, state, edits);
        }
        self.describe_parts(ui, row, bad_date, ticket_link, state, edits);
        response
    }

    /// The row's shapes for `row` (placed at the origin).
    fn shapes(
        &self,
        ui: &egui::Ui,
        row: &VisibleRow<'_>,
        bad_date: Option<&str>,
        ticket_link: bool,
    ) -> Vec<Shape> {
        let control_height = ui.spacing().interact_size.y;
        let mut shapes = Vec::with_capacity(2 * RowPart::ALL.len());
        for part in RowPart::ALL {
            if part == RowPart::OpenTicket && !ticket_link {
                continue;
            }
            let text = self.part_text(part, bad_date, ui.visuals());
            part_shapes(
                ui,
                part.look(),
                part.rect(row, control_height),
                &text,
                &mut shapes,
            );
        }
        shapes
    }

    /// The pointer over `part`: the control's outline lights up as a live one would, and
    /// what does not fit is a tooltip away.
    fn hover(
        &self,
        ui: &egui::Ui,
        row: &VisibleRow<'_>,
        part: RowPart,
        bad_date_reason: Option<&str>,
        response: egui::Response,
    ) -> egui::Response {
        hover_part(
            ui,
            part.look(),
            part.rect(row, ui.spacing().interact_size.y),
        );
        match part {
            RowPart::Action if !self.item.action.is_empty() => {
                response.on_hover_text(&self.item.action)
            }
            RowPart::Due => match bad_date_reason {
                Some(reason) => response.on_hover_text(reason),
                None => response,
            },
            RowPart::OpenTicket => response.on_hover_text(&self.item.ticket_url),
            RowPart::Handle if self.hand_order => response.on_hover_text("Drag to move this item"),
            _ => response,
        }
    }

    /// Tells assistive technology about each part, and does what it asks of them.
    fn describe_parts(
        &self,
        ui: &egui::Ui,
        row: &VisibleRow<'_>,
        bad_date: Option<&str>,
        ticket_link: bool,
        state: &mut ActionsState,
        edits: &mut Vec<Edit>,
    ) {
        if !describe_row(ui, self.row_id()) {
            return;
        }
        let control_height = ui.spacing().interact_size.y;
        for part in RowPart::ALL {
            if part == RowPart::OpenTicket && !ticket_link {
                continue;
            }
            let text = if part == RowPart::OwnerPicker {
                // The picker shows only its arrow; a screen reader hears whom it holds.
                crate::ui::painted::PartText::plain(self.item.owner.as_str())
            } else {
                self.part_text(part, bad_date, ui.visuals())
            };
            let rect = part.rect(row, control_height);
            if self.describe_part(ui, part, rect, &text) == Some(true) {
                self.activate(ui, Some(part), state, edits);
            }
        }
    }
}
