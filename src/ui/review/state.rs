//! What the review view remembers: the query chosen (filters, grouping, sort; the query
//! itself lives in `review`, shared with the command line) and the list it gives, kept until
//! the scan or the choices change.

use chrono::NaiveDate;

use crate::model::Due;
use crate::review::{ReviewItem, ReviewQuery, ReviewSort};
use crate::ui::row_meshes::RowMeshes;

/// Everything a row's painting depends on: the item and how late it is.
#[derive(Debug)]
pub struct RowLook(pub(super) ReviewItem, pub(super) Due);

/// The review view's choices and what it remembers between frames.
#[derive(Debug, Default)]
pub struct ReviewState {
    /// Which items are listed and how: the same query `hindsight actions` runs.
    pub query: ReviewQuery,
    /// The list as last computed, and what it was computed for.
    pub derived: Option<(ViewKey, Vec<usize>)>,
    /// The item last clicked and when (input time), to tell a double-click; it is also the
    /// selected row.
    pub last_click: Option<(usize, f64)>,
    /// What the chart, the filter lists and the owner counts show, for the day computed.
    pub overview: Option<(NaiveDate, super::ScanOverview)>,
    /// The rows painted once and reused while they look the same, by position in the scan.
    pub rows: RowMeshes<usize, RowLook>,
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
