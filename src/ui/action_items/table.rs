//! The action-item table: the listed items declared on the editor's table component, every
//! cell edits in place, headers sort, and in hand order rows move by dragging their handle.

use chrono::NaiveDate;

use super::cells::{COLUMNS, ItemCells, ROW_LINES};
use super::state::ActionsState;
use crate::model::{ActionSort, Edit, ListEdit, Postmortem};
use crate::ui::table::{Rows, Table, sort_button_ui};

/// The table of the listed items.
pub struct ItemTable<'a> {
    /// The document.
    pub doc: &'a Postmortem,
    /// The positions of the listed items in the document, in display order.
    pub shown: &'a [usize],
    /// Names to offer as owners.
    pub owners: &'a [String],
    /// The day due states are counted from.
    pub today: NaiveDate,
}

impl ItemTable<'_> {
    /// Draws the table and collects the edits made in it.
    pub fn show(&self, ui: &mut egui::Ui, state: &mut ActionsState, edits: &mut Vec<Edit>) {
        let scroll_to = state.scroll_to.take().and_then(|id| {
            self.shown
                .iter()
                .position(|index| self.doc.action_items[*index].id == id)
        });
        let hand_order = state.sort.is_none();
        let table = Table {
            id_salt: "action_table",
            name: "Action items",
            columns: &COLUMNS,
            row_height: row_height(ui),
            scroll_to,
            numbered: true,
            movable: hand_order,
        };
        let mut rows = ItemRows {
            table: self,
            state,
            edits,
            sort_clicked: None,
        };
        let output = table.show(ui, &mut rows);
        let sort_clicked = rows.sort_clicked;
        if let Some(column) = sort_clicked {
            state.toggle_sort(column);
        }
        if let Some(position) = output.clicked {
            state.selected = Some(self.doc.action_items[self.shown[position]].id);
        }
        if let Some((from, to)) = output.moved {
            // The dragged item takes the place of the listed item it was dropped on, which
            // is also right when filters hide the items in between.
            edits.push(Edit::Actions(ListEdit::Move {
                from: self.shown[from],
                to: self.shown[to],
            }));
        }
    }
}

struct ItemRows<'a, 'b> {
    table: &'a ItemTable<'b>,
    state: &'a mut ActionsState,
    edits: &'a mut Vec<Edit>,
    sort_clicked: Option<ActionSort>,
}

impl ItemRows<'_, '_> {
    fn index(&self, position: usize) -> usize {
        self.table.shown[position]
    }
}

impl Rows for ItemRows<'_, '_> {
    fn count(&self) -> usize {
        self.table.shown.len()
    }

    fn key(&self, position: usize) -> egui::Id {
        let item = &self.table.doc.action_items[self.index(position)];
        egui::Id::unique(("action item row", item.id))
    }

    fn number(&self, position: usize) -> usize {
        self.index(position) + 1
    }

    fn row_name(&self, position: usize) -> String {
        format!("Item {}", self.number(position))
    }

    fn handle_name(&self, position: usize) -> String {
        format!("Drag item {}", self.number(position))
    }

    fn drag_label(&self, position: usize) -> String {
        let item = &self.table.doc.action_items[self.index(position)];
        format!("{}  {}", self.number(position), item.action)
    }

    fn is_selected(&self, position: usize) -> bool {
        self.state.selected == Some(self.table.doc.action_items[self.index(position)].id)
    }

    fn header_ui(&mut self, ui: &mut egui::Ui, column: usize, title: &'static str) {
        let sorts_by = match column {
            2 => Some(ActionSort::Owner),
            3 => Some(ActionSort::Due),
            4 => Some(ActionSort::Status),
            5 => Some(ActionSort::Priority),
            _ => None,
        };
        let Some(by) = sorts_by else {
            ui.strong(title);
            return;
        };
        if sort_button_ui(
            ui,
            title,
            "Sort by",
            self.state
                .sort
                .map(|(current, reversed)| (current == by, reversed)),
        ) {
            self.sort_clicked = Some(by);
        }
    }

    fn cell_ui(&mut self, ui: &mut egui::Ui, position: usize, column: usize) {
        let index = self.index(position);
        let cells = ItemCells {
            index,
            item: &self.table.doc.action_items[index],
            today: self.table.today,
            owners: self.table.owners,
        };
        cells.cell_ui(ui, column, self.state, self.edits);
    }
}

/// Room for [`ROW_LINES`] lines of text in a field, and a gap between rows.
fn row_height(ui: &egui::Ui) -> f32 {
    let line = ui.text_style_height(&egui::TextStyle::Body);
    #[expect(
        clippy::cast_precision_loss,
        reason = "a handful of lines is exact in f32"
    )]
    let lines = line * ROW_LINES as f32;
    lines + 2.0 * ui.spacing().button_padding.y + 8.0
}
