//! The timeline table: only the rows on screen are laid out, every cell edits in place, and
//! rows move by dragging their handle.

use std::collections::HashSet;

use chrono::NaiveDate;
use egui_extras::{Column, TableBuilder, TableRow};

use super::state::{BadTime, Cell, TimelineState};
use crate::model::{
    Edit, ListEdit, Marker, Postmortem, TimelineRow, format_time_of_day, parse_time_entry,
    resolve_row_time,
};
use crate::ui::widgets::{accessible_name, row_drop_target};

/// What is carried while a row is dragged: its position when the drag began.
#[derive(Clone, Copy, Debug)]
struct RowDrag(usize);

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
    let row_height = ui.spacing().interact_size.y + 6.0;
    let scroll_index = state
        .scroll_to
        .take()
        .and_then(|id| rows.iter().position(|row| row.id == id));

    let mut table = TableBuilder::new(ui)
        .id_salt("timeline_table")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .auto_shrink(false)
        .column(Column::exact(44.0))
        .column(Column::initial(128.0).at_least(90.0).resizable(true))
        .column(Column::initial(340.0).at_least(140.0).resizable(true))
        .column(Column::remainder().at_least(100.0))
        .column(Column::initial(110.0).at_least(60.0).resizable(true))
        .column(Column::exact(132.0))
        .column(Column::exact(40.0));
    if let Some(index) = scroll_index {
        table = table.scroll_to_row(index, None);
    }

    let mut drop: Option<(usize, usize)> = None;
    table
        .header(24.0, |mut header| {
            for title in ["#", "Time", "Event", "Notes", "Actor", "Marker", "Star"] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut table_row| {
                let index = table_row.index();
                let row = &rows[index];
                table_row.set_selected(state.selected == Some(row.id));
                let cells = RowCells {
                    doc,
                    index,
                    row,
                    out_of_order: out_of_order.contains(&index),
                    today,
                };
                cells.show(&mut table_row, state, edits);
                // Rows are selected through their cells, which all take clicks; a clickable
                // row would also take the keyboard focus, and Tab would stop on it.
                let response = table_row.response();
                if let Some(target) = row_drop_target(&response, index, |drag: &RowDrag| drag.0) {
                    drop = Some(target);
                }
            });
        });
    if let Some((from, to)) = drop
        && from != to
    {
        state.scroll_to = rows.get(from).map(|row| row.id);
        state.selected = state.scroll_to;
        edits.push(Edit::Timeline(ListEdit::Move { from, to }));
    }
}

struct RowCells<'a> {
    doc: &'a Postmortem,
    index: usize,
    row: &'a TimelineRow,
    out_of_order: bool,
    today: NaiveDate,
}

impl RowCells<'_> {
    fn show(
        &self,
        table_row: &mut TableRow<'_, '_>,
        state: &mut TimelineState,
        edits: &mut Vec<Edit>,
    ) {
        let number = self.index + 1;
        table_row.col(|ui| self.handle_ui(ui));
        table_row.col(|ui| self.time_ui(ui, state, edits));
        for cell in [Cell::Event, Cell::Notes, Cell::Actor] {
            table_row.col(|ui| self.text_ui(ui, cell, state, edits));
        }
        table_row.col(|ui| {
            let mut marker = self.row.marker;
            let combo = egui::ComboBox::from_id_salt(("marker", self.row.id))
                .selected_text(marker_text(marker))
                .width(120.0)
                .show_ui(ui, |ui| {
                    for option in Marker::ALL {
                        ui.selectable_value(&mut marker, *option, marker_text(*option));
                    }
                });
            accessible_name(
                &combo.response,
                egui::Role::ComboBox,
                &format!("Marker, row {number}"),
            );
            if marker != self.row.marker {
                edits.push(Edit::MarkRow(self.row.id, marker));
            }
        });
        table_row.col(|ui| {
            let mut starred = self.row.starred;
            let star = ui.checkbox(&mut starred, "");
            accessible_name(&star, egui::Role::CheckBox, &format!("Star row {number}"));
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
    }

    fn replace(&self, edits: &mut Vec<Edit>, row: TimelineRow) {
        edits.push(Edit::Timeline(ListEdit::Replace(self.index, row)));
    }

    /// The row number, which is also the handle to drag the row by.
    fn handle_ui(&self, ui: &mut egui::Ui) {
        let id = egui::Id::unique(("timeline_row_drag", self.row.id));
        let number = self.index + 1;
        let handle = ui
            .dnd_drag_source(id, RowDrag(self.index), |ui| {
                grip_ui(ui);
                let text = egui::RichText::new(number.to_string()).weak();
                ui.add(egui::Label::new(text).selectable(false));
            })
            .response;
        accessible_name(&handle, egui::Role::Button, &format!("Drag row {number}"));
        handle.on_hover_text("Drag to move this row");
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
        let visuals = ui.visuals().clone();
        let mut field = egui::TextEdit::singleline(&mut text)
            .desired_width(f32::INFINITY)
            .hint_text("hh:mm");
        if bad.is_some() {
            field = field.text_color(visuals.error_fg_color);
        } else if self.out_of_order {
            field = field.text_color(visuals.warn_fg_color);
        }
        let response = ui.add(field);
        accessible_name(
            &response,
            egui::Role::TextInput,
            &format!("Time, row {}", self.index + 1),
        );
        self.take_focus(state, Cell::Time, &response);
        let response = match (&bad, self.out_of_order) {
            (Some(bad), _) => response.on_hover_text(&bad.error),
            (None, true) => response.on_hover_text(
                "Earlier than a row above it. Sort by time puts the timeline in order.",
            ),
            (None, false) => response,
        };
        if response.gained_focus() {
            state.selected = Some(id);
        }
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

    /// The time as the table shows it, in the document's zone, with the date only where it
    /// changes from the timed row above.
    fn shown_time(&self) -> String {
        let Some(time) = self.row.time else {
            return String::new();
        };
        let zone = self.doc.time_zone;
        let local = time.with_timezone(&zone);
        let above = self.doc.timeline[..self.index]
            .iter()
            .rev()
            .find_map(|row| row.time)
            .map(|above| above.with_timezone(&zone).date_naive());
        if above == Some(local.date_naive()) {
            format_time_of_day(local.time())
        } else {
            format!(
                "{} {}",
                local.format("%Y-%m-%d"),
                format_time_of_day(local.time())
            )
        }
    }

    fn commit_time(&self, text: &str, state: &mut TimelineState, edits: &mut Vec<Edit>) {
        let id = self.row.id;
        if text.trim().is_empty() {
            state.bad_times.remove(&id);
            self.replace(
                edits,
                TimelineRow {
                    time: None,
                    ..self.row.clone()
                },
            );
            return;
        }
        let resolved = parse_time_entry(text)
            .and_then(|entry| resolve_row_time(entry, self.doc, self.index, self.today));
        match resolved {
            Ok(time) => {
                state.bad_times.remove(&id);
                self.replace(
                    edits,
                    TimelineRow {
                        time: Some(time),
                        ..self.row.clone()
                    },
                );
            }
            Err(error) => {
                state.bad_times.insert(
                    id,
                    BadTime {
                        text: text.to_owned(),
                        error: error.to_string(),
                    },
                );
            }
        }
    }

    fn text_ui(
        &self,
        ui: &mut egui::Ui,
        cell: Cell,
        state: &mut TimelineState,
        edits: &mut Vec<Edit>,
    ) {
        let (mut text, name, hint) = match cell {
            Cell::Event => (self.row.event.clone(), "Event", "What happened"),
            Cell::Notes => (self.row.notes.clone(), "Notes", ""),
            Cell::Actor | Cell::Time => (self.row.actor.clone().unwrap_or_default(), "Actor", ""),
        };
        let response = ui.add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(f32::INFINITY)
                .hint_text(hint),
        );
        accessible_name(
            &response,
            egui::Role::TextInput,
            &format!("{name}, row {}", self.index + 1),
        );
        self.take_focus(state, cell, &response);
        if response.gained_focus() {
            state.selected = Some(self.row.id);
        }
        if response.changed() {
            let mut row = self.row.clone();
            match cell {
                Cell::Event => row.event = text,
                Cell::Notes => row.notes = text,
                Cell::Actor | Cell::Time => row.actor = Some(text).filter(|t| !t.trim().is_empty()),
            }
            self.replace(edits, row);
        }
    }

    fn take_focus(&self, state: &mut TimelineState, cell: Cell, response: &egui::Response) {
        if state.focus_cell == Some((self.row.id, cell)) {
            response.request_focus();
            state.focus_cell = None;
        }
    }
}

/// Six dots, the usual sign that something can be dragged (painted: the fonts have no glyph
/// for it).
fn grip_ui(ui: &mut egui::Ui) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(8.0, 14.0), egui::Sense::hover());
    let colour = ui.visuals().weak_text_color();
    // Square dots in one mesh: round ones on every visible row cost a noticeable share of
    // the frame to tessellate.
    let mut mesh = egui::Mesh::default();
    for column in 0..2 {
        for line in 0..3 {
            let corner =
                rect.left_top() + egui::vec2(1.0 + 4.0 * column as f32, 2.0 + 4.0 * line as f32);
            mesh.add_colored_rect(
                egui::Rect::from_min_size(corner, egui::vec2(2.0, 2.0)),
                colour,
            );
        }
    }
    ui.painter().add(mesh);
}

fn marker_text(marker: Marker) -> &'static str {
    match marker {
        Marker::Unmarked => "\u{2014}",
        other => other.label(),
    }
}
