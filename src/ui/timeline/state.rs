//! What the timeline editor remembers between frames that is not part of the document:
//! the selection, where the keyboard focus goes next, and text typed into time cells that
//! did not (yet) read as a time.

use std::collections::HashMap;

use crate::model::RowId;

/// The timeline editor's own state.
#[derive(Debug, Default)]
pub struct TimelineState {
    /// The selected row, which the keyboard commands act on.
    pub selected: Option<RowId>,
    /// A cell to put the keyboard focus in when it is next drawn.
    pub focus_cell: Option<(RowId, Cell)>,
    /// A row to scroll into view when the table is next drawn.
    pub scroll_to: Option<RowId>,
    /// The text in the time cell being typed in, before it is committed.
    pub time_draft: Option<(RowId, String)>,
    /// Times typed that could not be read: kept and shown in place until corrected, so
    /// nothing typed is lost.
    pub bad_times: HashMap<RowId, BadTime>,
    /// The "Paste from chat" form, while it is open.
    pub paste: Option<PasteForm>,
}

/// A text cell of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cell {
    /// The time.
    Time,
    /// What happened.
    Event,
    /// Notes beside it.
    Notes,
    /// Who did it.
    Actor,
}

/// A typed time that did not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadTime {
    /// The text as typed.
    pub text: String,
    /// Why it was not accepted.
    pub error: String,
}

/// The "Paste from chat" form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasteForm {
    /// The pasted lines, editable before they become rows.
    pub text: String,
    /// Where the rows go.
    pub insert_at: usize,
    /// Ask the window for the clipboard's text when the form first shows.
    pub request_paste: bool,
}

impl TimelineState {
    /// Selects a row and brings it into view.
    pub fn select(&mut self, id: RowId) {
        self.selected = Some(id);
        self.scroll_to = Some(id);
    }

    /// Selects a row and puts the keyboard in one of its cells.
    pub fn edit(&mut self, id: RowId, cell: Cell) {
        self.select(id);
        self.focus_cell = Some((id, cell));
    }
}
