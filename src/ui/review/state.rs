//! What the review view remembers: which view is shown, the query chosen (filters, grouping,
//! sort; the query itself lives in `review`, shared with the command line), the selection,
//! the collapsed groups, and the list they give, kept until the scan or a choice changes.

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;

use crate::review::{Group, ReviewItem, ReviewQuery, ReviewSort, groups};
use crate::session::StatsPeriod;

/// The views of the Review part.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReviewView {
    /// Every action item of the folder.
    #[default]
    Actions,
    /// What the incidents add up to.
    Stats,
    /// Postmortems still not final long after the incident.
    LateReviews,
    /// Text search across the postmortems.
    Search,
}

/// One line of the list: a group's heading or an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    /// The heading of `groups[n]`.
    Heading(usize),
    /// The item at this position of the listed order.
    Item(usize),
}

/// The list as shown: the listed items, their groups, and the lines drawn (a collapsed
/// group shows only its heading).
#[derive(Clone, Debug, Default)]
pub struct Listing {
    /// Positions in the scan of the listed items, in order.
    pub listed: Vec<usize>,
    /// The groups, when the list is grouped.
    pub groups: Vec<Group>,
    /// What the table draws.
    pub lines: Vec<Line>,
}

/// The review view's choices and what it remembers between frames.
#[derive(Debug, Default)]
pub struct ReviewState {
    /// The view shown.
    pub view: ReviewView,
    /// Which items are listed and how: the same query `hindsight actions` runs.
    pub query: ReviewQuery,
    /// The list as last computed, and what it was computed for.
    pub derived: Option<(ViewKey, Listing)>,
    /// The selected items, by position in the scan; exports take these when there are any.
    pub selection: BTreeSet<usize>,
    /// Where a Shift+click range starts: the item last clicked, by position in the scan.
    pub anchor: Option<usize>,
    /// The names of the groups folded away.
    pub collapsed: HashSet<String>,
    /// Counts the changes to `collapsed`, so the list knows when to be worked out again.
    collapsed_changes: u64,
    /// What the chart, the filter lists and the owner counts show, for the day computed.
    pub overview: Option<(NaiveDate, super::ScanOverview)>,
    /// The period the Stats view counts.
    pub period: StatsPeriod,
    /// The search as typed.
    pub search_text: String,
    /// Put the keyboard in the search field when it is next drawn (Ctrl+Shift+F).
    pub focus_search: bool,
    /// How many weeks after this one the due-week chart starts (negative: before it).
    pub chart_offset: i64,
    /// Wheel turns and drag not yet amounting to a whole week, in points.
    pub chart_drag: f32,
    /// Whether the due-week chart is folded away; kept between runs.
    pub chart_folded: bool,
}

/// Everything the list depends on, besides the scan (which clears the cache when it
/// arrives).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewKey {
    query: ReviewQuery,
    today: NaiveDate,
    collapsed_changes: u64,
}

impl ReviewState {
    fn key(&self, today: NaiveDate) -> ViewKey {
        ViewKey {
            query: self.query.clone(),
            today,
            collapsed_changes: self.collapsed_changes,
        }
    }

    /// Forgets what was worked out from the last scan, when a new one arrives.
    pub fn scan_replaced(&mut self) {
        self.derived = None;
        self.overview = None;
        self.selection.clear();
        self.anchor = None;
    }

    /// Clicking a header: sort by it, or reverse it if it is already the sort.
    pub fn toggle_sort(&mut self, column: ReviewSort) {
        if self.query.sort == column {
            self.query.reversed = !self.query.reversed;
        } else {
            self.query.sort = column;
            self.query.reversed = false;
        }
    }

    /// Folds a group away, or unfolds it.
    pub fn toggle_group(&mut self, name: &str) {
        if !self.collapsed.remove(name) {
            self.collapsed.insert(name.to_owned());
        }
        self.collapsed_changes += 1;
    }

    /// Works the list out again when the scan or a choice changed since it was last.
    pub fn refresh_listing(&mut self, items: &[ReviewItem], today: NaiveDate) {
        let key = self.key(today);
        if self
            .derived
            .as_ref()
            .is_none_or(|(cached, _)| *cached != key)
        {
            let listing = self.listing(items, today);
            self.derived = Some((key, listing));
        }
    }

    fn listing(&self, items: &[ReviewItem], today: NaiveDate) -> Listing {
        let listed = self.listed(items, today);
        let groups = groups(&self.query, items, &listed, today);
        let mut lines = Vec::with_capacity(listed.len() + groups.len());
        if groups.is_empty() {
            lines.extend((0..listed.len()).map(Line::Item));
        } else {
            for (number, group) in groups.iter().enumerate() {
                lines.push(Line::Heading(number));
                if !self.collapsed.contains(&group.name) {
                    lines.extend((group.start..group.start + group.items).map(Line::Item));
                }
            }
        }
        Listing {
            listed,
            groups,
            lines,
        }
    }

    /// The positions of the listed items, filtered, grouped and sorted.
    #[must_use]
    pub fn listed(&self, items: &[ReviewItem], today: NaiveDate) -> Vec<usize> {
        self.query.run(items, today)
    }

    /// What an export writes: the selected items that are listed, in the listed order, or
    /// every listed item when none is selected.
    #[must_use]
    pub fn exported(&self, items: &[ReviewItem], today: NaiveDate) -> Vec<usize> {
        let listed = self.listed(items, today);
        let selected: Vec<usize> = listed
            .iter()
            .copied()
            .filter(|index| self.selection.contains(index))
            .collect();
        if selected.is_empty() {
            listed
        } else {
            selected
        }
    }

    /// A click on the item at scan position `index`: alone it selects just that item; with
    /// Ctrl (Cmd) it adds or removes it; with Shift it selects the run from the last click
    /// to it in `listed` order.
    pub fn click_item(&mut self, index: usize, modifiers: egui::Modifiers, listed: &[usize]) {
        if modifiers.shift
            && let Some(anchor) = self.anchor
            && let (Some(from), Some(to)) = (
                listed.iter().position(|found| *found == anchor),
                listed.iter().position(|found| *found == index),
            )
        {
            let (first, last) = (from.min(to), from.max(to));
            if !modifiers.command {
                self.selection.clear();
            }
            self.selection.extend(listed[first..=last].iter().copied());
            return;
        }
        if modifiers.command {
            if !self.selection.remove(&index) {
                self.selection.insert(index);
            }
        } else {
            self.selection.clear();
            self.selection.insert(index);
        }
        self.anchor = Some(index);
    }
}
