//! The action-item table: only the rows on screen are laid out, every cell edits in place,
//! and in hand order rows move by dragging their handle.

use chrono::NaiveDate;
use egui_extras::{Column, TableBuilder, TableRow};

use super::row::{ItemCells, ItemDrag};
use super::state::ActionsState;
use crate::model::{ActionSort, Edit, ListEdit, Postmortem};
use crate::ui::widgets::{accessible_name, row_drop_target};

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
    let row_height = ui.spacing().interact_size.y + 6.0;
    let scroll_index = state.scroll_to.take().and_then(|id| {
        shown
            .iter()
            .position(|index| doc.action_items[*index].id == id)
    });
    let hand_order = state.sort.is_none();
    let mut drop: Option<(usize, usize)> = None;
    egui::ScrollArea::horizontal().show(ui, |ui| {
        // Eleven columns: tighter gaps keep them all in view on a laptop screen.
        ui.spacing_mut().item_spacing.x = 4.0;
        let mut table = TableBuilder::new(ui)
            .id_salt("action_table")
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .auto_shrink(false)
            .column(Column::exact(34.0))
            .column(Column::initial(220.0).at_least(140.0).resizable(true))
            .column(Column::exact(134.0))
            .column(Column::exact(122.0))
            .column(Column::exact(112.0))
            .column(Column::exact(106.0))
            .column(Column::exact(84.0))
            .column(Column::exact(90.0))
            .column(Column::exact(144.0))
            .column(Column::exact(84.0))
            .column(Column::exact(56.0));
        if let Some(index) = scroll_index {
            table = table.scroll_to_row(index, None);
        }
        table
            .header(24.0, |mut header| header_ui(&mut header, state))
            .body(|body| {
                body.rows(row_height, shown.len(), |mut table_row| {
                    let index = shown[table_row.index()];
                    let item = &doc.action_items[index];
                    table_row.set_selected(state.selected == Some(item.id));
                    let cells = ItemCells {
                        index,
                        item,
                        today,
                        owners,
                        hand_order,
                    };
                    if state.is_live(item.id) {
                        cells.show(&mut table_row, state, edits);
                    } else {
                        cells.show_resting(&mut table_row, state, edits);
                    }
                    if hand_order
                        && let Some(target) =
                            row_drop_target(&table_row.response(), index, |drag: &ItemDrag| drag.0)
                    {
                        drop = Some(target);
                    }
                });
            });
    });
    if let Some((from, to)) = drop
        && from != to
    {
        edits.push(Edit::Actions(ListEdit::Move { from, to }));
    }
}

fn header_ui(header: &mut TableRow<'_, '_>, state: &mut ActionsState) {
    let columns: [(&str, Option<ActionSort>); 11] = [
        ("#", None),
        ("Action", None),
        ("Owner", Some(ActionSort::Owner)),
        ("Due date", Some(ActionSort::Due)),
        ("", None),
        ("Status", Some(ActionSort::Status)),
        ("Priority", Some(ActionSort::Priority)),
        ("Kind", None),
        ("Ticket", None),
        ("Completed", None),
        ("", None),
    ];
    for (title, sort) in columns {
        header.col(|ui| {
            let Some(column) = sort else {
                ui.strong(title);
                return;
            };
            let marker = match state.sort {
                Some((current, false)) if current == column => " (ascending)",
                Some((current, true)) if current == column => " (descending)",
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
                state.toggle_sort(column);
            }
        });
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
