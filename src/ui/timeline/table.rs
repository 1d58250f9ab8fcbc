//! The timeline table: the rows declared on the editor's table component, every cell edits
//! in place, and rows move by dragging their handle.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::cells::{COLUMNS, RowCells};
use super::state::TimelineState;
use crate::model::{Edit, ListEdit, Postmortem};
use crate::session::Looks;
use crate::ui::View;
use crate::ui::table::{Rows, Table};

/// Draws the table and collects the edits made in it.
pub fn table_ui(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    view: &View<'_>,
    out_of_order: &[usize],
    state: &mut TimelineState,
    edits: &mut Vec<Edit>,
) {
    let today = view.today;
    let scroll_to = state
        .scroll_to
        .take()
        .and_then(|id| doc.timeline.iter().position(|row| row.id == id));
    let table = Table {
        id_salt: "timeline_table",
        name: "Timeline",
        columns: &COLUMNS,
        row_height: ui.spacing().interact_size.y + 6.0,
        scroll_to,
        numbered: true,
        movable: true,
    };
    let mut rows = TimelineRows {
        doc,
        looks: view.looks,
        out_of_order: out_of_order.iter().copied().collect(),
        state,
        today,
        edits,
    };
    let output = table.show(ui, &mut rows);
    if let Some(index) = output.clicked {
        state.selected = Some(doc.timeline[index].id);
    }
    if let Some((from, to)) = output.moved {
        state.scroll_to = doc.timeline.get(from).map(|row| row.id);
        state.selected = state.scroll_to;
        edits.push(Edit::Timeline(ListEdit::Move { from, to }));
    }
}

struct TimelineRows<'a> {
    doc: &'a Postmortem,
    looks: &'a Looks,
    out_of_order: HashSet<usize>,
    state: &'a mut TimelineState,
    today: NaiveDate,
    edits: &'a mut Vec<Edit>,
}

impl Rows for TimelineRows<'_> {
    fn count(&self) -> usize {
        self.doc.timeline.len()
    }

    fn key(&self, index: usize) -> egui::Id {
        egui::Id::unique(("timeline row", self.doc.timeline[index].id))
    }

    fn row_name(&self, index: usize) -> String {
        format!("Row {}", index + 1)
    }

    fn drag_label(&self, index: usize) -> String {
        format!("{}  {}", index + 1, self.doc.timeline[index].event)
    }

    fn is_selected(&self, index: usize) -> bool {
        self.state.selected == Some(self.doc.timeline[index].id)
    }

    fn cell_ui(&mut self, ui: &mut egui::Ui, index: usize, column: usize) {
        let cells = RowCells {
            doc: self.doc,
            looks: self.looks,
            index,
            row: &self.doc.timeline[index],
            out_of_order: self.out_of_order.contains(&index),
            today: self.today,
        };
        cells.cell_ui(ui, column, self.state, self.edits);
    }
}
