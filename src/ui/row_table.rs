//! A virtualized table for long lists whose rows draw themselves: the table lays out the
//! columns, the header that stays put while the rows scroll, and the rows in view, paints
//! the stripes, and hands each visible row its rectangle and the columns.
//!
//! Unlike `egui_extras`'s `TableBuilder` it makes no child `Ui` per cell. That is the point:
//! a row painted in one go (see [`super::row_meshes`]) then costs a few shapes and one
//! widget, where a `TableBuilder` row costs a `Ui` and a widget per cell before anything is
//! drawn in it, and a screen of the action-item tracker holds over two hundred cells.

use egui::{Align, Layout, Rect, Sense, UiBuilder, Vec2, pos2, vec2};

/// How wide a column is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ColumnWidth {
    /// Always this wide.
    Exact(f32),
    /// What the other columns leave of the window, but never less than this.
    Fill(f32),
}

/// Where the columns are, as offsets from a row's left edge.
#[derive(Clone, Debug, PartialEq)]
pub struct Columns {
    spans: Vec<(f32, f32)>,
    width: f32,
}

impl Columns {
    /// Lays out `widths` in `available` points with `gap` between columns.
    #[must_use]
    pub fn new(widths: &[ColumnWidth], available: f32, gap: f32) -> Self {
        let fixed: f32 = widths
            .iter()
            .map(|width| match width {
                ColumnWidth::Exact(width) => *width,
                ColumnWidth::Fill(_) => 0.0,
            })
            .sum();
        let gaps = gap * widths.len().saturating_sub(1) as f32;
        let fills = widths
            .iter()
            .filter(|width| matches!(width, ColumnWidth::Fill(_)))
            .count()
            .max(1) as f32;
        let share = ((available - fixed - gaps) / fills).max(0.0);
        let mut spans = Vec::with_capacity(widths.len());
        let mut left = 0.0;
        for width in widths {
            let width = match width {
                ColumnWidth::Exact(width) => *width,
                ColumnWidth::Fill(at_least) => share.max(*at_least),
            };
            spans.push((left, width));
            left += width + gap;
        }
        Self {
            spans,
            width: (left - gap).max(0.0),
        }
    }

    /// The width of all columns together.
    #[must_use]
    pub fn width(&self) -> f32 {
        self.width
    }

    /// How many columns there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there are no columns.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Column `column` of `row`; an empty rectangle past the last column.
    #[must_use]
    pub fn cell(&self, row: Rect, column: usize) -> Rect {
        self.spans
            .get(column)
            .map_or(Rect::NOTHING, |(left, width)| {
                Rect::from_min_size(
                    pos2(row.left() + left, row.top()),
                    vec2(*width, row.height()),
                )
            })
    }

    /// The widths of the columns, to tell whether the layout changed.
    pub fn widths(&self) -> impl Iterator<Item = f32> + '_ {
        self.spans.iter().map(|(_, width)| *width)
    }
}

/// One row in view.
#[derive(Clone, Copy, Debug)]
pub struct VisibleRow<'a> {
    /// Its position in the list.
    pub index: usize,
    /// Where it is on screen.
    pub rect: Rect,
    /// Where its cells are.
    pub columns: &'a Columns,
}

impl VisibleRow<'_> {
    /// Cell `column` of this row.
    #[must_use]
    pub fn cell(&self, column: usize) -> Rect {
        self.columns.cell(self.rect, column)
    }

    /// Marks the row as the selected one: a tint of the selection colour with a bar at its
    /// left edge, light enough that coloured text in it stays readable.
    pub fn paint_selected(&self, ui: &egui::Ui) {
        let selection = ui.visuals().selection;
        let painter = ui.painter();
        painter.rect_filled(self.rect, 0.0, selection.bg_fill.gamma_multiply(0.45));
        let bar = Rect::from_min_size(self.rect.min, vec2(3.0, self.rect.height()));
        painter.rect_filled(bar, 0.0, selection.bg_fill);
    }
}

/// A table of `ColumnWidth`s with a header row and virtualized body.
pub struct RowTable<'a> {
    /// Keeps the scroll positions apart from other tables'.
    pub id_salt: &'a str,
    /// The columns.
    pub widths: &'a [ColumnWidth],
    /// The gap between columns.
    pub gap: f32,
    /// The height of every row.
    pub row_height: f32,
    /// The height of the header.
    pub header_height: f32,
    /// A row to bring into view in this frame.
    pub scroll_to: Option<usize>,
}

impl RowTable<'_> {
    /// Draws the header with `header` (called once per column with a `Ui` in that column)
    /// and the `count` rows in view with `row`, which is given a `Ui` spanning the body.
    pub fn show(
        self,
        ui: &mut egui::Ui,
        count: usize,
        mut header: impl FnMut(&mut egui::Ui, usize),
        mut row: impl FnMut(&mut egui::Ui, VisibleRow<'_>),
    ) {
        let columns = Columns::new(self.widths, ui.available_width(), self.gap);
        let row_height = self.row_height;
        let id = ui.make_persistent_id(self.id_salt);
        // The header's place is kept first; it is drawn after the body, when the body's
        // sideways scroll is known, so the two stay aligned while the scroll bars stay on
        // screen however wide the table is.
        let (header_rect, _) = ui.allocate_exact_size(
            vec2(ui.available_width(), self.header_height),
            Sense::hover(),
        );
        // Solid scroll bars, and a body no taller than its rows: on a small screen the
        // sideways bar must be in sight (right under the last row) without hovering first,
        // or the columns past the edge look missing.
        let scroll_style = ui.spacing().scroll;
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        let output = egui::ScrollArea::both()
            .id_salt(id.with("body"))
            .auto_shrink([false, true])
            .show_viewport(ui, |ui, viewport| {
                ui.set_height(row_height * count as f32);
                ui.set_width(columns.width());
                let origin = ui.max_rect().min;
                let place = |index: usize| {
                    Rect::from_min_size(
                        origin + Vec2::new(0.0, row_height * index as f32),
                        vec2(columns.width(), row_height),
                    )
                };
                if let Some(index) = self.scroll_to.filter(|index| *index < count) {
                    // Only up or down: the row is wider than the window may be.
                    let target =
                        Rect::from_x_y_ranges(ui.clip_rect().x_range(), place(index).y_range());
                    ui.scroll_to_rect(target, None);
                }
                let (first, end) = rows_in_view(viewport, row_height, count);
                let stripe = ui.visuals().faint_bg_color;
                for index in first..end {
                    let rect = place(index);
                    if index % 2 == 1 {
                        ui.painter().rect_filled(rect, 0.0, stripe);
                    }
                    row(
                        ui,
                        VisibleRow {
                            index,
                            rect,
                            columns: &columns,
                        },
                    );
                }
                // How far the body was scrolled sideways where it was drawn this frame.
                viewport.min.x
            });
        ui.spacing_mut().scroll = scroll_style;
        let scrolled = output.inner;
        let header_row = Rect::from_min_size(
            header_rect.min - vec2(scrolled, 0.0),
            vec2(columns.width(), self.header_height),
        );
        for column in 0..columns.len() {
            let mut cell = ui.new_child(
                UiBuilder::new()
                    .id_salt(("header", column))
                    .max_rect(columns.cell(header_row, column))
                    .layout(Layout::left_to_right(Align::Center)),
            );
            cell.set_clip_rect(header_rect.intersect(cell.clip_rect()));
            header(&mut cell, column);
        }
        let line = ui.visuals().widgets.noninteractive.bg_stroke;
        ui.painter()
            .hline(header_rect.x_range(), header_rect.bottom(), line);
    }
}

/// The rows of height `row_height` that `viewport` (in content coordinates) shows.
fn rows_in_view(viewport: Rect, row_height: f32, count: usize) -> (usize, usize) {
    if row_height <= 0.0 || count == 0 {
        return (0, 0);
    }
    let first = (viewport.top() / row_height).floor().max(0.0);
    let end = (viewport.bottom() / row_height).ceil().max(0.0);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "both are non-negative and floored or ceiled; a screen holds far fewer rows than usize::MAX"
    )]
    let (first, end) = (first as usize, end as usize);
    (first.min(count), end.min(count))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fill_column_takes_what_the_others_leave() {
        let widths = [
            ColumnWidth::Exact(30.0),
            ColumnWidth::Fill(100.0),
            ColumnWidth::Exact(50.0),
        ];
        let columns = Columns::new(&widths, 400.0, 4.0);
        let row = Rect::from_min_size(pos2(10.0, 0.0), vec2(400.0, 20.0));
        assert_eq!(
            columns.cell(row, 0).x_range(),
            egui::Rangef::new(10.0, 40.0)
        );
        assert_eq!(
            columns.cell(row, 1).x_range(),
            egui::Rangef::new(44.0, 356.0)
        );
        assert_eq!(
            columns.cell(row, 2).x_range(),
            egui::Rangef::new(360.0, 410.0)
        );
        assert!((columns.width() - 400.0).abs() < 1e-3);
    }

    #[test]
    fn a_narrow_window_keeps_the_fill_column_at_its_least() {
        let widths = [ColumnWidth::Exact(300.0), ColumnWidth::Fill(140.0)];
        let columns = Columns::new(&widths, 320.0, 4.0);
        assert_eq!(columns.widths().collect::<Vec<_>>(), [300.0, 140.0]);
        assert!((columns.width() - 444.0).abs() < 1e-3);
    }

    #[test]
    fn only_the_rows_in_view_are_drawn() {
        let viewport = Rect::from_min_max(pos2(0.0, 50.0), pos2(100.0, 150.0));
        assert_eq!(rows_in_view(viewport, 24.0, 10_000), (2, 7));
        assert_eq!(rows_in_view(viewport, 24.0, 4), (2, 4));
        assert_eq!(rows_in_view(viewport, 24.0, 0), (0, 0));
    }
}
