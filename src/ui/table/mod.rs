//! The editor's one table component. The timeline, the action items and the review only
//! declare their columns and draw a cell at a time with egui's own widgets (a text cell is
//! egui's `TextEdit` while it is typed in, and its text in a field's frame otherwise: see
//! `text_cell`); this module does
//! the rest: the rows in view (Rerun's `egui_table` virtualizes them), column widths that give
//! way in a narrow window with a scroll bar in sight, the header that stays put, stripes and
//! the selected row, the row number and the handle rows are dragged by, clicks and
//! double-clicks on a row, Up and Down between rows, and the table, row and cell structure a
//! screen reader walks.

mod cell;
mod columns;
mod handle;
mod sort;
mod text_cell;

pub use cell::{full_text_on_hover, small_button_width, whole_text_on_hover, with_button_at_right};
pub use columns::{Column, column_widths};
pub use sort::sort_button_ui;
pub use text_cell::{TextCell, TextCellResponse};

use std::sync::Arc;

use egui::{Id, Rect, Role, Sense, UiBuilder, vec2};
use egui_table::{CellInfo, HeaderCellInfo, HeaderRow, TableDelegate, TableState};
use handle::{grip_shape, paint_dragged};

/// What a table shows: the rows, and how each cell of a row is drawn.
pub trait Rows {
    /// How many rows there are.
    fn count(&self) -> usize;

    /// An id that stays with the row at `index` when rows move, so the widgets in it keep
    /// their state (focus, an open drop-down) with the row rather than with the position.
    fn key(&self, index: usize) -> Id;

    /// The row's number as people see it (the first column), counted from 1.
    fn number(&self, index: usize) -> usize {
        index + 1
    }

    /// What a screen reader calls the row, e.g. "Row 3".
    fn row_name(&self, index: usize) -> String;

    /// Whether the row at `index` is the selected one.
    fn is_selected(&self, _index: usize) -> bool {
        false
    }

    /// When a row opens something (a double-click, or Enter once Tab has reached it), what
    /// a screen reader calls that, e.g. "Open Checkout outage: Add a retry"; `None` when
    /// rows do not open.
    fn open_name(&self, _index: usize) -> Option<String> {
        None
    }

    /// Whether a line above the row at `index` separates it from the rows above (a group).
    fn starts_group(&self, _index: usize) -> bool {
        false
    }

    /// Whether the row at `index` is a group's heading, drawn across the whole row by
    /// [`Rows::heading_ui`] instead of cell by cell.
    fn is_heading(&self, _index: usize) -> bool {
        false
    }

    /// Draws the heading row at `index` in `ui`, which spans the row.
    fn heading_ui(&mut self, _ui: &mut egui::Ui, _index: usize) {}

    /// What a screen reader calls the handle row `index` is dragged by, e.g. "Drag row 3".
    fn handle_name(&self, index: usize) -> String {
        format!("Drag row {}", self.number(index))
    }

    /// The text that follows the pointer while the row at `index` is dragged.
    fn drag_label(&self, index: usize) -> String {
        self.row_name(index)
    }

    /// Draws the header of column `column` (by default its title).
    fn header_ui(&mut self, ui: &mut egui::Ui, column: usize, title: &'static str) {
        let _ = column;
        ui.strong(title);
    }

    /// Draws cell `column` of the row at `index`. In a numbered table column 0 is the row's
    /// number, which the table draws itself.
    fn cell_ui(&mut self, ui: &mut egui::Ui, index: usize, column: usize);
}

/// How a table looks and behaves.
pub struct Table<'a> {
    /// Keeps this table's scroll position and column widths apart from other tables'.
    pub id_salt: &'static str,
    /// What a screen reader calls the table.
    pub name: &'a str,
    /// The columns.
    pub columns: &'a [Column],
    /// The height of every row.
    pub row_height: f32,
    /// A row to bring into view this frame.
    pub scroll_to: Option<usize>,
    /// Whether the first column is the row's number, drawn by the table.
    pub numbered: bool,
    /// Whether rows can be moved by dragging their handle beside the number (a sorted list
    /// cannot).
    pub movable: bool,
}

/// What happened in the table this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TableOutput {
    /// A row clicked where no widget took the click (the number, a gap, a plain text).
    pub clicked: Option<usize>,
    /// A row opened: double-clicked where no widget took the clicks, or Enter on it (see
    /// [`Rows::open_name`]).
    pub opened: Option<usize>,
    /// A row dragged by its handle and dropped: (from, to), `to` being where it ends up.
    pub moved: Option<(usize, usize)>,
}

/// What is carried while a row is dragged: the table and the row's position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RowDrag {
    table: Id,
    from: usize,
}

/// Space left and right of a cell's contents, so neighbouring cells do not touch.
const CELL_MARGIN: f32 = 3.0;

impl Table<'_> {
    /// Draws the table with the rows of `rows`, as tall as the rows need or the room left,
    /// whichever is less, so the sideways scroll bar sits right under the last row.
    pub fn show(self, ui: &mut egui::Ui, rows: &mut dyn Rows) -> TableOutput {
        let count = rows.count();
        let header_height = self.row_height;
        // The horizontal bar needs room too, or it would cover the last row.
        let bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin * 2.0;
        let wanted = header_height + self.row_height * count as f32 + bar;
        let size = vec2(ui.available_width(), wanted.min(ui.available_height()));
        let builder = UiBuilder::new()
            .max_rect(Rect::from_min_size(ui.cursor().min, size))
            .accessibility_role(Role::Table)
            .accessibility_label(self.name);
        let output = ui
            .scope_builder(builder, |ui| {
                let (rows_count, columns_count) = (count + 1, self.columns.len());
                let area = ui.max_rect();
                ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
                    node.set_row_count(rows_count);
                    node.set_column_count(columns_count);
                    set_area(node, area);
                });
                // Solid scroll bars: in a narrow window the columns past the edge must look
                // reachable without hovering first.
                ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
                // Rows taller than the room scroll, and their bar takes its width from the
                // columns': without it they would overflow by that much and scroll sideways.
                let bar = if wanted > size.y {
                    ui.spacing().scroll.allocated_width()
                } else {
                    0.0
                };
                self.show_inside(ui, rows, header_height, bar)
            })
            .inner;
        ui.advance_cursor_after_rect(Rect::from_min_size(ui.cursor().min, size));
        output
    }

    fn show_inside(
        self,
        ui: &mut egui::Ui,
        rows: &mut dyn Rows,
        header_height: f32,
        vertical_bar: f32,
    ) -> TableOutput {
        // Widths are worked out here every frame, as egui_table would only on a resize of the
        // window, and then only for columns the person can resize.
        let columns: Vec<egui_table::Column> =
            column_widths(self.columns, ui.available_width() - vertical_bar)
                .into_iter()
                .map(|width| {
                    // Not resizable: egui_table's resize handles are unnamed Tab stops that a
                    // screen reader calls "unknown", and it offers no way to name them.
                    egui_table::Column::new(width)
                        .range(width..=width)
                        .resizable(false)
                })
                .collect();
        let id = TableState::id(ui, egui::IdSalt::new(self.id_salt));
        // Keep egui_table from measuring every cell in a hidden pass the first time: the
        // widths are decided above (the range of each column holds it to its width), and the
        // cells hold fields that take whatever width they are given, so measuring would tell
        // nothing and cost a frame.
        if TableState::load(ui.ctx(), id).is_none() {
            let mut state = TableState::default();
            for (index, column) in columns.iter().enumerate() {
                state
                    .col_widths
                    .insert(column.id_for(index), column.current);
            }
            state.store(ui.ctx(), id);
        }
        let mut table = egui_table::Table::new()
            .id_salt(self.id_salt)
            .num_rows(rows.count() as u64)
            .columns(columns)
            .headers([HeaderRow::new(header_height)])
            .auto_size_mode(egui_table::AutoSizeMode::Never);
        if let Some(index) = self.scroll_to {
            table = table.scroll_to_row(index as u64, None);
        }
        let dragged = egui::DragAndDrop::payload::<RowDrag>(ui.ctx())
            .map(|drag| *drag)
            .filter(|drag| drag.table == id);
        let mut delegate = Delegate {
            cell_style: cell_style(ui.style()),
            rows,
            columns: self.columns,
            table: id,
            row_height: self.row_height,
            numbered: self.numbered,
            movable: self.movable,
            dragged,
            released: ui.input(|input| input.pointer.any_released()),
            output: TableOutput::default(),
        };
        table.show(ui, &mut delegate);
        let mut output = delegate.output;
        if output.moved.is_some_and(|(from, to)| from == to) {
            output.moved = None;
        }
        output
    }
}

/// Tells a screen reader where a table, a row or a cell is on screen. egui gives a widget
/// its place but not an area of widgets; without it, a screen reader's review, a magnifier
/// following the focus and a click on the cell from the reader find nothing there.
fn set_area(node: &mut egui::accesskit::Node, area: Rect) {
    node.set_bounds(egui::accesskit::Rect {
        x0: area.min.x.into(),
        y0: area.min.y.into(),
        x1: area.max.x.into(),
        y1: area.max.y.into(),
    });
}

/// The style of the cells: text longer than its column ends in "…" (the whole of it a hover
/// or a focus away); plain text is not selectable, so a click on it reaches the row; a
/// drop-down's arrow sits right after its text, so the owner picker can be all arrow.
fn cell_style(table: &egui::Style) -> Arc<egui::Style> {
    let mut style = table.clone();
    style.wrap_mode = Some(egui::TextWrapMode::Truncate);
    style.interaction.selectable_labels = false;
    style.spacing.icon_spacing = 0.0;
    style.spacing.item_spacing.x = 2.0;
    Arc::new(style)
}

/// Up and Down move the selection from `selected` among `count` rows, while no text field
/// has the keyboard (there the keys belong to the text); returns the row to select.
#[must_use]
pub fn row_after_arrow_keys(ui: &egui::Ui, count: usize, selected: Option<usize>) -> Option<usize> {
    if ui.ctx().text_edit_focused() || count == 0 || !crate::ui::focus::keys_reach(ui) {
        return None;
    }
    let (up, down) = ui.input(|input| {
        let plain = input.modifiers.is_none();
        (
            plain && input.key_pressed(egui::Key::ArrowUp),
            plain && input.key_pressed(egui::Key::ArrowDown),
        )
    });
    match (selected, up, down) {
        (None, true, _) | (None, _, true) => Some(0),
        (Some(index), true, _) => Some(index.saturating_sub(1)),
        (Some(index), _, true) => Some((index + 1).min(count - 1)),
        _ => None,
    }
}

struct Delegate<'a> {
    /// The style of every cell, made once per frame and shared: a style changed in each
    /// cell would be a copy of the whole style per cell.
    cell_style: Arc<egui::Style>,
    rows: &'a mut dyn Rows,
    columns: &'a [Column],
    table: Id,
    row_height: f32,
    numbered: bool,
    movable: bool,
    /// The row being dragged in this table, if one is.
    dragged: Option<RowDrag>,
    /// Whether the pointer was let go this frame, dropping what it carried.
    released: bool,
    output: TableOutput,
}

impl TableDelegate for Delegate<'_> {
    fn header_cell_ui(&mut self, ui: &mut egui::Ui, cell: &HeaderCellInfo) {
        let column = cell.col_range.start;
        let title = self.columns[column].title;
        let spoken = self.columns[column].spoken;
        let area = ui.max_rect();
        ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
            set_area(node, area);
            node.set_role(Role::ColumnHeader);
            // Named whether or not it shows text: a screen reader names a cell's column
            // from its header's own name, not from the label or sort button inside it.
            node.set_label(spoken);
            node.set_column_index(column);
            node.set_row_index(0);
        });
        ui.add_space(CELL_MARGIN);
        if column == 0 && self.numbered {
            ui.strong(title);
        } else {
            self.rows.header_ui(ui, column, title);
        }
    }

    fn row_ui(&mut self, ui: &mut egui::Ui, row_nr: u64) {
        // egui_table lays each row out once per region, the sticky columns' and the
        // scrolling ones'; this table has no sticky columns, so only the region with room
        // draws the row.
        if ui.clip_rect().width() <= 0.0 {
            return;
        }
        let Ok(index) = usize::try_from(row_nr) else {
            return;
        };
        let rect = ui.max_rect();
        if self.rows.is_heading(index) {
            self.heading_row_ui(ui, rect, index);
            return;
        }
        let painter = ui.painter();
        if self.rows.is_selected(index) {
            // A tint of the selection colour with a bar at the left edge, light enough for
            // coloured text to stay readable.
            let selection = ui.visuals().selection;
            painter.rect_filled(rect, 0.0, selection.bg_fill.gamma_multiply(0.45));
            let bar = Rect::from_min_size(rect.min, vec2(3.0, rect.height()));
            painter.rect_filled(bar, 0.0, selection.bg_fill);
        } else if index % 2 == 1 {
            painter.rect_filled(rect, 0.0, ui.visuals().faint_bg_color);
        }
        if index > 0 && self.rows.starts_group(index) {
            let line = ui.visuals().widgets.noninteractive.fg_stroke;
            painter.hline(rect.x_range(), rect.top(), line);
        }
        let name = self.rows.row_name(index);
        ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
            set_area(node, rect);
            node.set_role(Role::Row);
            node.set_label(name);
            // The header is row 0.
            node.set_row_index(index + 1);
        });
        // Under the cells, so it only hears the clicks their widgets do not take. A row that
        // opens is in the Tab order, so the keyboard can open it too; others are not, and Tab
        // walks their cells' widgets.
        let open_name = self.rows.open_name(index);
        let sense = if open_name.is_some() {
            Sense::click()
        } else {
            Sense::CLICK
        };
        let response = ui.interact(rect, self.rows.key(index).with("row"), sense);
        if let Some(name) = open_name {
            response.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, &name));
            if response.has_focus() {
                ui.painter().rect_stroke(
                    rect.shrink(1.0),
                    0.0,
                    ui.visuals().selection.stroke,
                    egui::StrokeKind::Inside,
                );
            }
            let entered =
                response.has_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
            // A third quick click still opens: egui counts it as a triple click.
            let clicks = response.double_clicked() || response.triple_clicked();
            if clicks || entered {
                self.output.opened = Some(index);
            }
        }
        if response.clicked() && self.output.opened != Some(index) {
            self.output.clicked = Some(index);
        }
        self.drop_target_ui(ui, rect, index);
    }

    fn cell_ui(&mut self, ui: &mut egui::Ui, cell: &CellInfo) {
        let Ok(index) = usize::try_from(cell.row_nr) else {
            return;
        };
        if self.rows.is_heading(index) {
            return;
        }
        let column = cell.col_nr;
        let key = self.rows.key(index);
        let rect = ui.max_rect().shrink2(vec2(CELL_MARGIN, 0.0));
        let builder = UiBuilder::new()
            .max_rect(rect)
            .scope_id(key.with(("cell", column)))
            .style(Arc::clone(&self.cell_style))
            .accessibility_role(Role::Cell)
            .layout(egui::Layout::left_to_right(egui::Align::Center));
        ui.scope_builder(builder, |ui| {
            ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
                set_area(node, rect);
                node.set_row_index(index + 1);
                node.set_column_index(column);
            });
            if column == 0 && self.numbered {
                self.handle_ui(ui, index);
            } else {
                self.rows.cell_ui(ui, index, column);
            }
        });
    }

    fn default_row_height(&self) -> f32 {
        self.row_height
    }
}

impl Delegate<'_> {
    /// A group's heading: a band across the row, drawn by the rows' owner, in a row node of
    /// its own so a screen reader meets it in order.
    fn heading_row_ui(&mut self, ui: &mut egui::Ui, rect: Rect, index: usize) {
        let visuals = ui.visuals();
        ui.painter()
            .rect_filled(rect, 0.0, visuals.widgets.noninteractive.weak_bg_fill);
        ui.painter().hline(
            rect.x_range(),
            rect.bottom() - 0.5,
            visuals.widgets.noninteractive.bg_stroke,
        );
        let name = self.rows.row_name(index);
        ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
            set_area(node, rect);
            node.set_role(Role::Row);
            node.set_label(name);
            node.set_row_index(index + 1);
        });
        // Only the visible part of the row: the heading stays in view when the table is
        // scrolled sideways.
        let visible = rect.intersect(ui.clip_rect());
        let builder = UiBuilder::new()
            .max_rect(visible.shrink2(vec2(CELL_MARGIN * 2.0, 0.0)))
            .id_salt(self.rows.key(index).with("heading"))
            .layout(egui::Layout::left_to_right(egui::Align::Center));
        ui.scope_builder(builder, |ui| self.rows.heading_ui(ui, index));
    }

    /// The row's number, with a grip to drag it by when rows can be moved.
    fn handle_ui(&mut self, ui: &mut egui::Ui, index: usize) {
        let number = self.rows.number(index);
        if !self.movable {
            ui.weak(number.to_string());
            return;
        }
        let rect = ui.max_rect();
        // Not in the Tab order: the keyboard moves rows with Alt+Up and Alt+Down.
        let response = ui.interact(
            rect,
            self.rows.key(index).with("handle"),
            Sense::CLICK | Sense::DRAG,
        );
        let name = self.rows.handle_name(index);
        response.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, &name));
        let colour = if response.hovered() || response.dragged() {
            ui.visuals().strong_text_color()
        } else {
            ui.visuals().weak_text_color()
        };
        ui.painter().add(grip_shape(rect, colour));
        ui.add_space(12.0);
        ui.add(
            egui::Label::new(egui::RichText::new(number.to_string()).color(colour))
                .selectable(false),
        );
        if response.clicked() {
            self.output.clicked = Some(index);
        }
        if response.drag_started() {
            egui::DragAndDrop::set_payload(
                ui.ctx(),
                RowDrag {
                    table: self.table,
                    from: index,
                },
            );
        }
        let this_row = self.dragged.is_some_and(|drag| drag.from == index);
        if this_row {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
            if let Some(pointer) = ui.ctx().pointer_interact_pos() {
                paint_dragged(ui, self.table, pointer, self.rows.drag_label(index));
            }
        } else if response.hovered() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
            response.on_hover_text("Drag to move this row");
        }
    }

    /// While a row of this table is dragged over the row at `index`, shows where it would
    /// land (a line above or below); when it is let go there, records the move.
    fn drop_target_ui(&mut self, ui: &egui::Ui, rect: Rect, index: usize) {
        let Some(drag) = self.dragged else {
            return;
        };
        let Some(pointer) = ui.ctx().pointer_interact_pos() else {
            return;
        };
        if !rect.y_range().contains(pointer.y) || !ui.clip_rect().contains(pointer) {
            return;
        }
        let below = pointer.y > rect.center().y;
        let y = if below { rect.bottom() } else { rect.top() };
        let colour = ui.visuals().selection.stroke.color;
        ui.ctx()
            .layer_painter(egui::LayerId::new(egui::Order::Foreground, self.table))
            .hline(rect.x_range(), y, egui::Stroke::new(2.0, colour));
        if self.released {
            // The landing slot counts rows before the dragged one is taken out.
            let slot = if below { index + 1 } else { index };
            let to = if slot > drag.from { slot - 1 } else { slot };
            self.output.moved = Some((drag.from, to));
            egui::DragAndDrop::clear_payload(ui.ctx());
        }
    }
}
