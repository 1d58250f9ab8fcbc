//! What the action-item tracker remembers between frames that is not part of the document.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::controls::ItemControl;
use crate::model::{ActionFilter, ActionId, ActionSort, ActionSummary};

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
    /// A control of an item's row that gets the keyboard (or opens) when it is next drawn.
    pub focus: Option<(ActionId, ItemControl)>,
    /// A row to scroll into view when the table is next drawn.
    pub scroll_to: Option<ActionId>,
    /// Due dates being typed, before they are committed.
    pub date_drafts: HashMap<ActionId, String>,
    /// Due dates typed that could not be read, with why.
    pub bad_dates: HashMap<ActionId, (String, String)>,
    /// An item being declined: the question "why won't it be done?" is open.
    pub declining: Option<Declining>,
    /// Work over every item, kept until the document or the view changes, so ten thousand
    /// items cost no more per frame than ten.
    pub derived: Option<Derived>,
}

/// The answer being typed to "why won't item N be done?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declining {
    /// The item.
    pub id: ActionId,
    /// Its number in the document, counted from 1, for the question.
    pub number: usize,
    /// What it says it will do, shown under the question.
    pub action: String,
    /// The reason typed so far.
    pub reason: String,
    /// Whether the question has been shown (the keyboard goes to it the first time).
    pub shown: bool,
}

impl ActionsState {
    /// Selects item `id` and scrolls it into view (after opening its postmortem from the
    /// review).
    pub const fn show_item(&mut self, id: ActionId) {
        self.selected = Some(id);
        self.scroll_to = Some(id);
    }

    /// Whether `control` of item `id` should take the keyboard now; asking clears the request.
    pub fn take_focus(&mut self, id: ActionId, control: ItemControl) -> bool {
        let asked = self.focus == Some((id, control));
        if asked {
            self.focus = None;
        }
        asked
    }
}

/// What the list shows, computed from all the items for one view of one revision.
#[derive(Debug, Clone)]
pub struct Derived {
    /// What it was computed for.
    pub key: ViewKey,
    /// The summary counts.
    pub summary: ActionSummary,
    /// The owners in use, sorted and without repeats, for the owner filter.
    pub owners: Vec<String>,
    /// Participants and owners, for picking an owner.
    pub suggestions: Vec<String>,
    /// The positions of the listed items, filtered and sorted.
    pub shown: Vec<usize>,
}

/// Everything the derived list depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewKey {
    /// The document's revision.
    pub revision: u64,
    /// The day the due states are counted from.
    pub today: NaiveDate,
    /// The filter.
    pub filter: ActionFilter,
    /// The owner filter.
    pub owner: Option<String>,
    /// The search text.
    pub search: String,
    /// The sort.
    pub sort: Option<(ActionSort, bool)>,
}

impl ActionsState {
    /// The key of the view as it is chosen now.
    #[must_use]
    pub fn view_key(&self, revision: u64, today: NaiveDate) -> ViewKey {
        ViewKey {
            revision,
            today,
            filter: self.filter,
            owner: self.owner.clone(),
            search: self.search.clone(),
            sort: self.sort,
        }
    }

    /// Clicking a sortable header: sort by it, or reverse it if it is already the sort.
    pub fn toggle_sort(&mut self, column: ActionSort) {
        self.sort = match self.sort {
            Some((current, reversed)) if current == column => Some((column, !reversed)),
            _ => Some((column, false)),
        };
    }
}
