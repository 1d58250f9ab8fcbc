//! One timeline row: what the live row (see [`super::live`]) and the resting row (see
//! [`super::resting`]) share — the row, what each part says, the grip it is dragged by, and
//! what a click on a part at rest does.

use chrono::NaiveDate;

use super::parts::RowPart;
use super::state::TimelineState;
use crate::model::{
    Edit, ListEdit, Marker, Postmortem, TimelineRow, format_time_of_day, parse_time_entry,
    resolve_row_time, web_url,
};
use crate::ui::painted::{self, PartText};
use crate::ui::row_table::VisibleRow;

/// What is carried while a row is dragged: its position when the drag began.
#[derive(Clone, Copy, Debug)]
pub struct RowDrag(pub usize);

/// The cells of one timeline row.
pub struct RowCells<'a> {
    /// The document.
    pub doc: &'a Postmortem,
    /// The row's position.
    pub index: usize,
    /// The row.
    pub row: &'a TimelineRow,
    /// Whether its time is earlier than a row above it.
    pub out_of_order: bool,
    /// The day a time without a date is read against when there is no row above.
    pub today: NaiveDate,
}

/// Why an out-of-order time is marked.
pub const OUT_OF_ORDER: &str =
    "Earlier than a row above it. Sort by time puts the timeline in order.";

impl<'a> RowCells<'a> {
    /// The row's number, counted from 1.
    pub fn number(&self) -> usize {
        self.index + 1
    }

    /// The row's id, the same whether it is live or at rest.
    pub fn row_id(&self) -> egui::Id {
        egui::Id::unique(("timeline row", self.row.id))
    }

    /// Records a changed copy of the row.
    pub fn replace(&self, edits: &mut Vec<Edit>, row: TimelineRow) {
        edits.push(Edit::Timeline(ListEdit::Replace(self.index, row)));
    }

    /// The local date of the nearest timed row above, which decides whether this row's time
    /// shows its date.
    pub fn date_above(&self) -> Option<NaiveDate> {
        let zone = self.doc.time_zone;
        self.doc.timeline[..self.index]
            .iter()
            .rev()
            .find_map(|row| row.time)
            .map(|above| above.with_timezone(&zone).date_naive())
    }

    /// The time as the table shows it, in the document's zone, with the date only where it
    /// changes from the timed row above.
    pub fn shown_time(&self) -> String {
        let Some(time) = self.row.time else {
            return String::new();
        };
        let local = time.with_timezone(&self.doc.time_zone);
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

    /// What `part` says; `bad_time` is a time typed that could not be read.
    pub fn part_text(
        &self,
        part: RowPart,
        bad_time: Option<&'a str>,
        visuals: &egui::Visuals,
    ) -> PartText<'a> {
        let row = self.row;
        match part {
            RowPart::Handle => {
                PartText::plain(self.number().to_string()).coloured(Some(visuals.weak_text_color()))
            }
            RowPart::Time => match bad_time {
                Some(typed) => {
                    PartText::with_hint(typed, "hh:mm").coloured(Some(visuals.error_fg_color))
                }
                None => PartText::with_hint(self.shown_time(), "hh:mm")
                    .coloured(self.out_of_order.then_some(visuals.warn_fg_color)),
            },
            RowPart::Event => PartText::with_hint(row.event.as_str(), "What happened"),
            RowPart::Notes => PartText::plain(row.notes.as_str()),
            RowPart::Actor => PartText::plain(row.actor.as_deref().unwrap_or_default()),
            RowPart::Evidence => PartText::with_hint(row.evidence.as_str(), "https://\u{2026}"),
            RowPart::OpenEvidence => PartText::plain("Open"),
            RowPart::Marker => PartText::plain(marker_text(row.marker)),
            RowPart::Star => PartText::plain(if row.starred { "true" } else { "false" }),
        }
    }

    /// The evidence as a link that may be opened: a web address, nothing else.
    pub fn evidence_link(&self) -> Option<url::Url> {
        web_url(&self.row.evidence)
    }

    /// Whether the row has `part` at all: the Open button only beside a web address.
    pub fn shows(&self, part: RowPart) -> bool {
        part != RowPart::OpenEvidence || self.evidence_link().is_some()
    }

    /// What a click on `part` of the row at rest does: a field is made live with the
    /// keyboard in it, the marker opens, the star toggles, Open opens the evidence, anything
    /// else selects the row.
    pub fn activate(
        &self,
        ui: &egui::Ui,
        part: Option<RowPart>,
        state: &mut TimelineState,
        edits: &mut Vec<Edit>,
    ) {
        let id = self.row.id;
        match part.filter(|part| self.shows(*part)) {
            Some(RowPart::OpenEvidence) => {
                if let Some(link) = self.evidence_link() {
                    ui.ctx().open_url(egui::OpenUrl::new_tab(link));
                }
            }
            Some(RowPart::Star) => self.replace(
                edits,
                TimelineRow {
                    starred: !self.row.starred,
                    ..self.row.clone()
                },
            ),
            Some(part) => {
                state.selected = Some(id);
                state.focus_cell = part.cell().map(|cell| (id, cell));
            }
            None => state.selected = Some(id),
        }
    }

    /// Gives `part` at `rect` a node in the accessibility tree; see [`painted::describe`].
    pub fn describe_part(
        &self,
        ui: &egui::Ui,
        part: RowPart,
        rect: egui::Rect,
        text: &PartText<'_>,
    ) -> Option<bool> {
        painted::describe(
            ui,
            self.row_id().with(part),
            rect,
            part.look(),
            &part.name(self.number()),
            text,
        )
    }

    /// Lets the row be dragged by its grip, through the row's own response.
    pub fn drag_by_handle(&self, ui: &egui::Ui, row: &VisibleRow<'_>, response: &egui::Response) {
        let handle = RowPart::Handle.rect(row, ui.spacing().interact_size.y);
        painted::drag_by_handle(
            ui,
            response,
            handle,
            RowDrag(self.index),
            |drag| drag.0 == self.index,
            || format!("{}  {}", self.number(), self.row.event),
        );
    }

    /// Reads a typed time and records it, or keeps the text marked when it does not read.
    pub fn commit_time(&self, text: &str, state: &mut TimelineState, edits: &mut Vec<Edit>) {
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
                    super::state::BadTime {
                        text: text.to_owned(),
                        error: error.to_string(),
                    },
                );
            }
        }
    }
}

/// Six dots left of the number, the usual sign that something can be dragged (painted: the
/// fonts have no glyph for it), as one mesh of squares.
pub fn grip_shape(handle: egui::Rect, colour: egui::Color32) -> egui::Shape {
    let mut mesh = egui::Mesh::default();
    let top = handle.center().y - 7.0;
    for column in 0..2 {
        for line in 0..3 {
            let corner = egui::pos2(
                handle.left() + 1.0 + 4.0 * column as f32,
                top + 2.0 + 4.0 * line as f32,
            );
            mesh.add_colored_rect(
                egui::Rect::from_min_size(corner, egui::vec2(2.0, 2.0)),
                colour,
            );
        }
    }
    egui::Shape::mesh(mesh)
}

/// The marker as shown: a dash for none.
pub fn marker_text(marker: Marker) -> &'static str {
    match marker {
        Marker::Unmarked => "\u{2014}",
        other => other.label(),
    }
}
