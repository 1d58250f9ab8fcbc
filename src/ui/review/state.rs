//! What the review view remembers: the query chosen (filters, grouping, sort; the query
//! itself lives in `review`, shared with the command line) and the list it gives, kept until
//! the scan or the choices change.

use chrono::NaiveDate;

use crate::review::{ReviewItem, ReviewQuery, ReviewSort};

/// The review view's choices and what it remembers between frames.
#[derive(Debug, Default)]
pub struct ReviewState {
    /// Which items are listed and how: the same query `hindsight actions` runs.
    pub query: ReviewQuery,
    /// The list as last computed, and what it was computed for.
    pub derived: Option<(ViewKey, Vec<usize>)>,
    /// The selected item, by position in the scan.
    pub selected: Option<usize>,
    /// What the chart, the filter lists and the owner counts show, for the day computed.
    pub overview: Option<(NaiveDate, super::ScanOverview)>,
}

/// Everything the list depends on, besides the scan (which clears the cache when it arrives).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewKey {
    query: ReviewQuery,
    today: NaiveDate,
}

impl ReviewState {
    fn key(&self, today: NaiveDate) -> ViewKey {
        ViewKey {
            query: self.query.clone(),
            today,
        }
    }

    /// Forgets what was worked out from the last scan, when a new one arrives.
    pub fn scan_replaced(&mut self) {
        self.derived = None;
        self.overview = None;
        self.selected = None;
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

    /// The positions of the listed items, filtered, grouped and sorted; cached.
    pub fn listed_cached(&mut self, items: &[ReviewItem], today: NaiveDate) -> &[usize] {
        let key = self.key(today);
        if self
            .derived
            .as_ref()
            .is_none_or(|(cached, _)| *cached != key)
        {
            let listed = self.listed(items, today);
            self.derived = Some((key, listed));
        }
        self.derived
            .as_ref()
            .map_or(&[], |(_, listed)| listed.as_slice())
    }

    /// The positions of the listed items, filtered, grouped and sorted.
    #[must_use]
    pub fn listed(&self, items: &[ReviewItem], today: NaiveDate) -> Vec<usize> {
        self.query.run(items, today)
    }
}
