//! The timeline's columns and how each cell of a row reads and edits: a control in every
//! cell (a text cell that is egui's `TextEdit` while typed in, a drop-down, a check box),
//! named for a screen reader by its column and row ("Event, row 3").

use chrono::NaiveDate;

use super::state::{BadTime, TimelineState};
use crate::model::{
    AttachedTo, Edit, ListEdit, Marker, Postmortem, TimelineField, TimelineRow, format_time_of_day,
    parse_time_entry, resolve_row_time, web_url,
};
use crate::session::{Look, Looks};
use crate::ui::accessible::{accessible_name, announce_value, describe, name_check_box};
use crate::ui::table::{
    Column, TextCell, full_text_on_hover, small_button_width, with_button_at_right,
};

/// The columns after the row number, in the order the table shows them.
const IN_ORDER: [TimelineField; TimelineField::ON_SCREEN.len()] = TimelineField::ON_SCREEN;

/// The table's columns: the row number, then one per field of [`IN_ORDER`], titled and sized
/// as the document's declaration says.
pub const COLUMNS: [Column; 1 + IN_ORDER.len()] = {
    let mut columns = [Column::fixed("#", 44.0); 1 + IN_ORDER.len()];
    let mut at = 0;
    while at < IN_ORDER.len() {
        columns[at + 1] = Column::declared(IN_ORDER[at].title(), IN_ORDER[at].width());
        at += 1;
    }
    columns
};

/// The field in table column `column`, if that column holds one (not the row number).
fn field_in_column(column: usize) -> Option<TimelineField> {
    column
        .checked_sub(1)
        .and_then(|at| IN_ORDER.get(at))
        .copied()
}

/// What a screen reader calls the cell of `field` in row `number`: its column's title.
#[must_use]
pub fn cell_name(field: TimelineField, number: usize) -> String {
    format!("{}, row {number}", field.title())
}

/// The size of an image of `size` pixels drawn to fit a table cell's line: 16 high, at most
/// 32 wide.
fn cell_thumbnail((width, height): (u32, u32)) -> egui::Vec2 {
    #[allow(
        clippy::cast_precision_loss,
        reason = "an image's side in pixels, far below f32's exact range"
    )]
    let natural = egui::vec2(width.max(1) as f32, height.max(1) as f32);
    let scale = (16.0 / natural.y).min(32.0 / natural.x);
    natural * scale
}

/// Why an out-of-order time is marked.
pub const OUT_OF_ORDER: &str =
    "Earlier than a row above it. Sort by time puts the timeline in order.";

/// One timeline row, as its cells see it.
pub struct RowCells<'a> {
    /// The document.
    pub doc: &'a Postmortem,
    /// How the attached files are shown, for the evidence cell's thumbnail.
    pub looks: &'a Looks,
    /// The row's position.
    pub index: usize,
    /// The row.
    pub row: &'a TimelineRow,
    /// Whether its time is earlier than a row above it.
    pub out_of_order: bool,
    /// The day a time without a date is read against when there is no row above.
    pub today: NaiveDate,
}

impl RowCells<'_> {
    /// The row's number, counted from 1.
    pub const fn number(&self) -> usize {
        self.index + 1
    }

    /// Draws cell `column` of the row.
    pub fn cell_ui(
        &self,
        ui: &mut egui::Ui,
        column: usize,
        state: &mut TimelineState,
        edits: &mut Vec<Edit>,
    ) {
        match field_in_column(column) {
            Some(TimelineField::Time) => self.time_ui(ui, state, edits),
            Some(TimelineField::Marker) => self.marker_ui(ui, state, edits),
            Some(TimelineField::Evidence) => self.evidence_ui(ui, state, edits),
            Some(TimelineField::Starred) => self.star_ui(ui, edits),
            Some(field) => self.text_ui(ui, field, state, edits),
            None => {}
        }
    }

    fn replace(&self, edits: &mut Vec<Edit>, row: TimelineRow) {
        edits.push(Edit::Timeline(ListEdit::Replace(self.index, row)));
    }

    /// The local date of the nearest timed row above, which decides whether this row's time
    /// shows its date.
    fn date_above(&self) -> Option<NaiveDate> {
        self.doc.timeline[..self.index]
            .iter()
            .rev()
            .find_map(|row| row.time)
            .map(|above| self.doc.local_day(above))
    }

    /// The time as the table shows it, in the document's zone, with the date only where it
    /// changes from the timed row above.
    fn shown_time(&self) -> String {
        let Some(time) = self.row.time else {
            return String::new();
        };
        let local = self.doc.local(time);
        if self.date_above() == Some(local.date_naive()) {
            format_time_of_day(local.time())
        } else {
            format!(
                "{} {}",
                local.format("%Y-%m-%d"),
                format_time_of_day(local.time())
            )
        }
    }

    /// A text field of the row, named for assistive technology: it takes the keyboard when
    /// asked (Enter, a new row, a finding), and focusing it selects the row.
    fn field_ui(
        &self,
        ui: &mut egui::Ui,
        state: &mut TimelineState,
        cell: TimelineField,
        field: TextCell<'_>,
    ) -> egui::Response {
        let response = field.show(ui).response;
        accessible_name(
            &response,
            egui::Role::TextInput,
            &cell_name(cell, self.number()),
        );
        if state.take_focus(self.row.id, cell) {
            response.request_focus();
        }
        if response.gained_focus() {
            state.selected = Some(self.row.id);
        }
        response
    }

    /// What the row's text cell of `cell` is known by, from frame to frame: the row's
    /// identity, so the keyboard stays on it when rows are sorted or moved.
    fn cell_id(&self, cell: TimelineField) -> egui::Id {
        egui::Id::unique(("timeline cell", self.row.id, cell))
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
        let mut field = TextCell::new(self.cell_id(TimelineField::Time), &mut text).hint("hh:mm");
        if bad.is_some() {
            field = field.colour(ui.visuals().error_fg_color);
        } else if self.out_of_order {
            field = field.colour(ui.visuals().warn_fg_color);
        }
        let response = self.field_ui(ui, state, TimelineField::Time, field);
        if let Some(bad) = &bad {
            describe(&response, &format!("Not saved: {}", bad.error));
        }
        let response = match (&bad, self.out_of_order) {
            (Some(bad), _) => response.on_hover_text(&bad.error),
            (None, true) => response.on_hover_text(OUT_OF_ORDER),
            (None, false) => response,
        };
        if response.changed() {
            state.time_draft = Some((id, text.clone()));
        }
        if response.lost_focus() {
            let escaped = ui.input(|input| input.key_pressed(egui::Key::Escape));
            if let Some((_, draft)) = state
                .time_draft
                .take_if(|(row, _)| *row == id)
                .filter(|_| !escaped)
            {
                self.commit_time(&draft, state, edits);
            }
        }
    }

    /// Reads a typed time and records it, or keeps the text marked when it does not read.
    fn commit_time(&self, text: &str, state: &mut TimelineState, edits: &mut Vec<Edit>) {
        let id = self.row.id;
        let mut notes = self.row.notes.clone();
        let time = if text.trim().is_empty() {
            None
        } else {
            let resolved = parse_time_entry(text).and_then(|entry| {
                // An approximate time or a range keeps its words in the notes.
                if let Some(written) = entry.clock.as_written_note()
                    && !notes.contains(&written)
                {
                    notes = if notes.is_empty() {
                        written
                    } else {
                        format!("{written}. {notes}")
                    };
                }
                resolve_row_time(entry, self.doc, self.index, self.today)
            });
            match resolved {
                Ok(time) => Some(time),
                Err(error) => {
                    let bad = BadTime {
                        text: text.to_owned(),
                        error: error.to_string(),
                    };
                    state.bad_times.insert(id, bad);
                    return;
                }
            }
        };
        state.bad_times.remove(&id);
        self.replace(
            edits,
            TimelineRow {
                time,
                notes,
                ..self.row.clone()
            },
        );
    }

    fn text_ui(
        &self,
        ui: &mut egui::Ui,
        cell: TimelineField,
        state: &mut TimelineState,
        edits: &mut Vec<Edit>,
    ) {
        let mut text = cell.written(self.row).unwrap_or_default().to_owned();
        let hint = match cell {
            TimelineField::Event => "What happened",
            TimelineField::Evidence => "https://\u{2026}",
            _ => "",
        };
        let shown = text.clone();
        let field = TextCell::new(self.cell_id(cell), &mut text).hint(hint);
        let response = self.field_ui(ui, state, cell, field);
        if full_text_on_hover(ui, response, &shown).changed() {
            let mut row = self.row.clone();
            if cell.set_written(&mut row, text) {
                self.replace(edits, row);
            }
        }
    }

    /// The evidence's address, with an Open button at its right when it is a web address
    /// (nothing else is opened), and a paperclip with the number of files attached to the
    /// row, which selects it to show them below the table.
    fn evidence_ui(&self, ui: &mut egui::Ui, state: &mut TimelineState, edits: &mut Vec<Edit>) {
        let link = web_url(&self.row.evidence);
        let mut attached = self
            .doc
            .attachments
            .iter()
            .filter(|attachment| attachment.place == AttachedTo::Row(self.row.id));
        let first = attached.next();
        let count = usize::from(first.is_some()) + attached.count();
        if link.is_none() && count == 0 {
            self.text_ui(ui, TimelineField::Evidence, state, edits);
            return;
        }
        // The first image's thumbnail, small, with the number of files beside it.
        let thumbnail = first
            .and_then(|attachment| self.looks.get(&attachment.path))
            .and_then(|look| match look {
                Look::Image { uri, size } => Some((uri.as_str(), cell_thumbnail(*size))),
                Look::File | Look::Broken(_) | Look::Missing => None,
            });
        let clip = if thumbnail.is_some() {
            count.to_string()
        } else {
            format!("\u{1f4ce}{count}")
        };
        let files_width = small_button_width(ui, &clip)
            + thumbnail.map_or(0.0, |(_, size)| size.x + ui.spacing().icon_spacing);
        let width = link
            .as_ref()
            .map_or(0.0, |_| small_button_width(ui, "Open"))
            + if count > 0 {
                files_width + ui.spacing().item_spacing.x
            } else {
                0.0
            };
        with_button_at_right(
            ui,
            width,
            &mut (state, edits),
            |ui, (state, edits)| self.text_ui(ui, TimelineField::Evidence, state, edits),
            |ui, (state, _)| {
                if count > 0 {
                    let button = match thumbnail {
                        Some((uri, size)) => egui::Button::image_and_text(
                            egui::Image::new(uri).fit_to_exact_size(size),
                            clip.as_str(),
                        ),
                        None => egui::Button::new(clip.as_str()),
                    };
                    let files = ui.add(button.small());
                    let name = format!(
                        "{} attached to row {}: show them",
                        crate::model::plural(count, "file"),
                        self.number()
                    );
                    accessible_name(&files, egui::Role::Button, &name);
                    if files.clicked() {
                        state.select(self.row.id);
                    }
                }
                if let Some(link) = link {
                    let open = ui.add(egui::Button::new("Open").small());
                    let name = format!("Open evidence, row {}", self.number());
                    accessible_name(&open, egui::Role::Button, &name);
                    if open.on_hover_text(link.as_str()).clicked() {
                        ui.ctx().open_url(egui::OpenUrl::new_tab(link));
                    }
                }
            },
        );
    }

    fn marker_ui(&self, ui: &mut egui::Ui, state: &mut TimelineState, edits: &mut Vec<Edit>) {
        let mut marker = self.row.marker;
        let combo = egui::ComboBox::from_id_salt("marker")
            .selected_text(marker_text(marker))
            .width(ui.available_width())
            .show_ui(ui, |ui| {
                for option in Marker::ALL {
                    ui.selectable_value(&mut marker, *option, marker_text(*option));
                }
            });
        let response = &combo.response;
        accessible_name(
            response,
            egui::Role::ComboBox,
            &cell_name(TimelineField::Marker, self.number()),
        );
        announce_value(response, marker_text(self.row.marker));
        if state.take_focus(self.row.id, TimelineField::Marker) {
            response.request_focus();
        }
        if response.gained_focus() {
            state.selected = Some(self.row.id);
        }
        if marker != self.row.marker {
            edits.push(Edit::MarkRow(self.row.id, marker));
        }
    }

    fn star_ui(&self, ui: &mut egui::Ui, edits: &mut Vec<Edit>) {
        let mut starred = self.row.starred;
        let star = ui.checkbox(&mut starred, "");
        name_check_box(&star, &format!("Star row {}", self.number()), starred);
        if star.changed() {
            self.replace(
                edits,
                TimelineRow {
                    starred,
                    ..self.row.clone()
                },
            );
        }
    }
}

/// The marker as shown: a dash for none.
pub fn marker_text(marker: Marker) -> &'static str {
    match marker {
        Marker::Unmarked => "\u{2014}",
        other => other.label(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_column_with_its_title() {
        for (at, field) in IN_ORDER.into_iter().enumerate() {
            assert_eq!(field_in_column(at + 1), Some(field));
            let title = COLUMNS[at + 1].title;
            assert!(
                cell_name(field, 4).starts_with(title),
                "{field:?} under {title}"
            );
        }
        assert_eq!(field_in_column(0), None);
        assert_eq!(COLUMNS.len(), IN_ORDER.len() + 1);
        assert!(
            TimelineField::ALL
                .iter()
                .all(|field| IN_ORDER.contains(field))
        );
    }
}
