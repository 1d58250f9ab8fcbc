//! The timeline table: only the rows on screen are drawn, the selected row with live
//! controls and the others painted (see [`super::resting`]); every cell edits in place, and
//! rows move by dragging their grip.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::parts::{TITLES, WIDTHS};
use super::row::{RowCells, RowDrag};
use super::state::TimelineState;
use crate::model::{Edit, ListEdit, Postmortem};
use crate::ui::drop_target::row_drop_target;
use crate::ui::row_table::RowTable;

/// Draws the table and collects the edits made in it.
pub fn table_ui(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    out_of_order: &[usize],
    state: &mut TimelineState,
    today: NaiveDate,
    edits: &mut Vec<Edit>,
) {
    let rows = &doc.timeline;
    let out_of_order: HashSet<usize> = out_of_order.iter().copied().collect();
    let scroll_to = state
        .scroll_to
        .take()
        .and_then(|id| rows.iter().position(|row| row.id == id));
    let table = RowTable {
        id_salt: "timeline_table",
        widths: &WIDTHS,
        gap: ui.spacing().item_spacing.x,
        row_height: ui.spacing().interact_size.y + 6.0,
        header_height: 24.0,
        scroll_to,
    };
    let mut drop: Option<(usize, usize)> = None;
    let mut layout_seen = false;
    table.show(
        ui,
        rows.len(),
        |ui, column| {
            ui.strong(TITLES[column]);
        },
        |ui, visible| {
            if !layout_seen {
                state.resting_rows.begin_frame(ui, visible.columns.widths());
                layout_seen = true;
            }
            let index = visible.index;
            let cells = RowCells {
                doc,
                index,
                row: &rows[index],
                out_of_order: out_of_order.contains(&index),
                today,
            };
            let response = if state.is_live(rows[index].id) {
                cells.show_live(ui, &visible, state, edits)
            } else {
                cells.show_resting(ui, &visible, state, edits)
            };
            if let Some(target) = row_drop_target(&response, index, |drag: &RowDrag| drag.0) {
                drop = Some(target);
            }
        },
    );
    if let Some((from, to)) = drop
        && from != to
    {
        state.scroll_to = rows.get(from).map(|row| row.id);
        state.selected = state.scroll_to;
        edits.push(Edit::Timeline(ListEdit::Move { from, to }));
    }
}
