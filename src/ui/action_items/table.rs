//! The action-item table: only the rows on screen are laid out, every cell edits in place,
//! and in hand order rows move by dragging their handle.

use super::parts::{GAP, TITLES, WIDTHS};
use super::row::{ItemCells, ItemDrag};
use super::state::ActionsState;
use crate::model::{ActionSort, Edit, ListEdit, Postmortem};
use crate::ui::accessible::accessible_name;
use crate::ui::drop_target::row_drop_target;
use crate::ui::row_table::RowTable;
use chrono::NaiveDate;

/// The table of the listed items.
pub struct Table<'a> {
    /// The document.
    pub doc: &'a Postmortem,
    /// The positions of the listed items in the document, in display order.
    pub shown: &'a [usize],
    /// Names to offer as owners.
    pub owners: &'a [String],
    /// The day due states are counted from.
    pub today: NaiveDate,
}

impl Table<'_> {
    /// Draws the table.
    pub fn show(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let Self {
            doc,
            shown,
            owners,
            today,
        } = *self;
        table_ui(ui, doc, shown, owners, state, today, edits);
    }
}

fn table_ui(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    shown: &[usize],
    owners: &[String],
    state: &mut ActionsState,
    today: NaiveDate,
    edits: &mut Vec<Edit>,
) {
    let scroll_to = state.scroll_to.take().and_then(|id| {
        shown
            .iter()
            .position(|index| doc.action_items[*index].id == id)
    });
    let hand_order = state.sort.is_none();
    let mut drop: Option<(usize, usize)> = None;
    let table = RowTable {
        id_salt: "action_table",
        widths: &WIDTHS,
        gap: GAP,
        row_height: ui.spacing().interact_size.y + 6.0,
        header_height: 24.0,
        scroll_to,
    };
    let sort = state.sort;
    let mut sort_clicked = None;
    let mut layout_seen = false;
    table.show(
        ui,
        shown.len(),
        |ui, column| header_ui(ui, column, sort, &mut sort_clicked),
        |ui, row| {
            if !layout_seen {
                state.resting_rows.begin_frame(ui, row.columns.widths());
                layout_seen = true;
            }
            let index = shown[row.index];
            let item = &doc.action_items[index];
            let cells = ItemCells {
                index,
                item,
                today,
                owners,
                hand_order,
            };
            let response = if state.is_live(item.id) {
                cells.show_live(ui, &row, state, edits)
            } else {
                cells.show_resting(ui, &row, state, edits)
            };
            if hand_order
                && let Some(target) = row_drop_target(&response, index, |drag: &ItemDrag| drag.0)
            {
                drop = Some(target);
            }
        },
    );
    if let Some(column) = sort_clicked {
        state.toggle_sort(column);
    }
    if let Some((from, to)) = drop
        && from != to
    {
        edits.push(Edit::Actions(ListEdit::Move { from, to }));
    }
}

fn header_ui(
    ui: &mut egui::Ui,
    column: usize,
    sort: Option<(ActionSort, bool)>,
    clicked: &mut Option<ActionSort>,
) {
    let title = TITLES[column];
    let sorts_by = match column {
        2 => Some(ActionSort::Owner),
        3 => Some(ActionSort::Due),
        5 => Some(ActionSort::Status),
        6 => Some(ActionSort::Priority),
        _ => None,
    };
    let Some(by) = sorts_by else {
        ui.strong(title);
        return;
    };
    let marker = match sort {
        Some((current, false)) if current == by => " (ascending)",
        Some((current, true)) if current == by => " (descending)",
        _ => "",
    };
    let button = ui
        .add(egui::Button::new(egui::RichText::new(title).strong()).frame(false))
        .on_hover_text("Sort by this column; click again to reverse");
    accessible_name(
        &button,
        egui::Role::Button,
        &format!("Sort by {}{marker}", title.to_lowercase()),
    );
    if !marker.is_empty() {
        sort_arrow_ui(ui, marker == " (descending)");
    }
    if button.clicked() {
        *clicked = Some(by);
    }
}

/// A small painted triangle: the fonts have no arrow glyphs.
fn sort_arrow_ui(ui: &mut egui::Ui, descending: bool) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    let colour = ui.visuals().strong_text_color();
    let (top, bottom) = (rect.top() + 2.0, rect.bottom() - 2.0);
    let points = if descending {
        vec![
            egui::pos2(rect.left(), top),
            egui::pos2(rect.right(), top),
            egui::pos2(rect.center().x, bottom),
        ]
    } else {
        vec![
            egui::pos2(rect.left(), bottom),
            egui::pos2(rect.right(), bottom),
            egui::pos2(rect.center().x, top),
        ]
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        colour,
        egui::Stroke::NONE,
    ));
}
