//! What the timeline editor remembers between frames that is not part of the document:
//! the selection, where the keyboard focus goes next, and text typed into time cells that
//! did not (yet) read as a time.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::model::{Postmortem, RowId, TimelineField, incident_span, rows_out_of_order};

/// The timeline editor's own state.
#[derive(Debug, Default)]
pub struct TimelineState {
    /// The selected row, which the keyboard commands act on.
    pub selected: Option<RowId>,
    /// A cell to put the keyboard focus in when it is next drawn.
    pub focus_cell: Option<(RowId, TimelineField)>,
    /// A row to scroll into view when the table is next drawn.
    pub scroll_to: Option<RowId>,
    /// The text in the time cell being typed in, before it is committed.
    pub time_draft: Option<(RowId, String)>,
    /// Times typed that could not be read: kept and shown in place until corrected, so
    /// nothing typed is lost.
    pub bad_times: HashMap<RowId, BadTime>,
    /// The "Paste from chat" form, while it is open.
    pub paste: Option<PasteForm>,
    /// The form choosing a channel and a time window of a Slack export, while it is open.
    pub slack: Option<SlackForm>,
    /// Work over every row that only changes when the document does, kept from frame to
    /// frame so a long timeline costs no more per frame than a short one.
    pub derived: Option<Derived>,
}

/// What is computed from all the rows, for one revision of the document.
#[derive(Debug, Clone)]
pub struct Derived {
    /// The revision of the document it was computed from.
    pub revision: u64,
    /// Positions of the rows that are earlier than a row above them.
    pub out_of_order: Vec<usize>,
    /// The time range the incident picture covers.
    pub span: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// The incident picture's ticks for the width they were laid out at.
    pub ticks: Option<(f32, Vec<Option<usize>>)>,
}

/// A typed time that did not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadTime {
    /// The text as typed.
    pub text: String,
    /// Why it was not accepted.
    pub error: String,
}

/// The "Paste from chat" form, which also shows rows imported from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasteForm {
    /// The pasted lines, editable before they become rows.
    pub text: String,
    /// Where the rows go when the timeline is not in time order.
    pub insert_at: usize,
    /// Ask the window for the clipboard's text when the form first shows.
    pub request_paste: bool,
    /// Rows read from a file that is not text (a pager's log), shown instead of the text.
    pub imported: Option<ImportedRows>,
    /// What the person corrected of how the lines are read (zone, day, order).
    pub choices: crate::sources::ReadingChoices,
    /// Why the pasted text was refused (JSON or markup no reader knows), instead of being
    /// read as lines of chat.
    pub refused: Option<String>,
    /// The file the text was read from, when it was not pasted.
    pub source: Option<String>,
    /// Whether the first row's box is yet to take the keyboard (a file's rows, opened with
    /// no text box focused for a paste).
    pub focus_first: bool,
    /// The rows whose box the person changed from how it started (ticked, or unticked when
    /// the timeline has them already), each known by the text of the lines it came from.
    pub toggled: std::collections::HashSet<String>,
}

/// Rows read from a file, waiting to be added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedRows {
    /// The file's name, for the form's title.
    pub source: String,
    /// The rows.
    pub rows: Vec<crate::sources::ImportedRow>,
    /// For each row, whether it is to be added.
    pub included: Vec<bool>,
    /// How many of the rows the timeline held already when they were read (they start
    /// unticked).
    pub already_there: usize,
    /// How many rows are routine (a pager's notifications) and start unticked.
    pub routine: usize,
    /// For each row, whether the key-time marker it suggests is accepted.
    pub accepted: Vec<bool>,
    /// Whether the first row's box is yet to take the keyboard's focus, as the preview
    /// opens: the focus must land in the dialog, not stay behind it.
    pub focus_first: bool,
}

/// Choosing what to read from a Slack export: a channel and a time window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlackForm {
    /// The export's folder or `.zip`.
    pub export: std::path::PathBuf,
    /// Its channels' names.
    pub channels: Vec<String>,
    /// The channel chosen.
    pub channel: String,
    /// The window's start as typed, in the document's zone.
    pub start: String,
    /// The window's end as typed.
    pub end: String,
    /// Why the last choice could not be read, if it could not.
    pub error: Option<String>,
}

impl TimelineState {
    /// What is derived from all the rows, computed once per revision of the document.
    pub fn derived(&mut self, doc: &Postmortem, revision: u64) -> &Derived {
        let stale = self
            .derived
            .as_ref()
            .is_none_or(|derived| derived.revision != revision);
        if stale {
            self.derived = None;
        }
        self.derived.get_or_insert_with(|| Derived {
            revision,
            out_of_order: rows_out_of_order(&doc.timeline),
            span: incident_span(doc),
            ticks: None,
        })
    }

    /// Whether `cell` of row `id` should take the keyboard now; asking clears the request.
    pub fn take_focus(&mut self, id: RowId, cell: TimelineField) -> bool {
        let asked = self.focus_cell == Some((id, cell));
        if asked {
            self.focus_cell = None;
        }
        asked
    }

    /// Selects a row and brings it into view.
    pub fn select(&mut self, id: RowId) {
        self.selected = Some(id);
        self.scroll_to = Some(id);
    }

    /// Selects a row and puts the keyboard in one of its cells.
    pub fn edit(&mut self, id: RowId, cell: TimelineField) {
        self.select(id);
        self.focus_cell = Some((id, cell));
    }
}
