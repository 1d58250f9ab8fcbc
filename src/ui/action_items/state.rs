//! What the action-item tracker remembers between frames that is not part of the document.

use std::collections::HashMap;

use crate::model::{ActionFilter, ActionId, ActionSort};

/// The tracker's own state: the view chosen, the selection, and dates being typed.
#[derive(Debug, Default)]
pub struct ActionsState {
    /// Which items are listed.
    pub filter: ActionFilter,
    /// List only this owner's items.
    pub owner: Option<String>,
    /// List only items that mention this.
    pub search: String,
    /// The column the list is sorted by, and whether it is reversed; none keeps hand order.
    pub sort: Option<(ActionSort, bool)>,
    /// The selected item.
    pub selected: Option<ActionId>,
    /// An item whose action text gets the keyboard when it is next drawn.
    pub focus: Option<ActionId>,
    /// A row to scroll into view when the table is next drawn.
    pub scroll_to: Option<ActionId>,
    /// Due dates being typed, before they are committed.
    pub date_drafts: HashMap<ActionId, String>,
    /// Due dates typed that could not be read, with why.
    pub bad_dates: HashMap<ActionId, (String, String)>,
}

impl ActionsState {
    /// Clicking a sortable header: sort by it, or reverse it if it is already the sort.
    pub fn toggle_sort(&mut self, column: ActionSort) {
        self.sort = match self.sort {
            Some((current, reversed)) if current == column => Some((column, !reversed)),
            _ => Some((column, false)),
        };
    }
}
