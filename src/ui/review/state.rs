//! What the review view remembers: the filters, grouping and sort chosen, and the list they
//! give, kept until the scan or the choices change.

use std::cmp::Ordering;

use chrono::{Datelike, Days, NaiveDate};

use crate::model::{ActionFilter, ActionSort};
use crate::review::ReviewItem;
use crate::ui::row_meshes::RowMeshes;

/// How the list is grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Grouping {
    /// One list.
    #[default]
    None,
    /// Under each owner.
    Owner,
    /// Under each incident.
    Incident,
}

/// A column the review list sorts by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ReviewSort {
    /// The incident's title.
    Incident,
    /// The incident's severity.
    Severity,
    /// The action text.
    Action,
    /// The owner.
    Owner,
    /// The due date (the default).
    #[default]
    Due,
    /// The status.
    Status,
    /// The priority.
    Priority,
}

/// What the review list can be exported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewExport {
    /// CSV for spreadsheets.
    Csv,
    /// A Markdown table for wikis and tickets.
    Markdown,
}

impl ReviewExport {
    /// The file name extension, without the dot.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Markdown => "md",
        }
    }
}

/// The review view's choices.
#[derive(Debug, Default)]
pub struct ReviewState {
    /// Which items by status and date.
    pub filter: ActionFilter,
    /// Only this owner's.
    pub owner: Option<String>,
    /// Only incidents of this severity.
    pub severity: Option<String>,
    /// Only items due in the week starting this Monday (picked on the chart).
    pub week: Option<NaiveDate>,
    /// How the list is grouped.
    pub grouping: Grouping,
    /// The sort column and whether it is reversed.
    pub sort: (ReviewSort, bool),
    /// The list as last computed, and what it was computed for.
    pub derived: Option<(ViewKey, Vec<usize>)>,
    /// The item last clicked and when (input time), to tell a double-click; it is also the
    /// selected row.
    pub last_click: Option<(usize, f64)>,
    /// What the chart, the filter lists and the owner counts show, for the day computed.
    pub overview: Option<(NaiveDate, super::ScanOverview)>,
    /// The rows painted once and reused while they look the same, by position in the scan.
    pub rows: RowMeshes<usize, super::table::RowLook>,
}

/// Everything the list depends on, besides the scan (which clears the cache when it arrives).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewKey {
    filter: ActionFilter,
    owner: Option<String>,
    severity: Option<String>,
    week: Option<NaiveDate>,
    grouping: Grouping,
    sort: (ReviewSort, bool),
    today: NaiveDate,
}

/// The Monday of the week `date` falls in.
#[must_use]
pub fn week_of(date: NaiveDate) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
        .unwrap_or(date)
}

impl ReviewState {
    fn key(&self, today: NaiveDate) -> ViewKey {
        ViewKey {
            filter: self.filter,
            owner: self.owner.clone(),
            severity: self.severity.clone(),
            week: self.week,
            grouping: self.grouping,
            sort: self.sort,
            today,
        }
    }

    /// Clicking a header: sort by it, or reverse it if it is already the sort.
    pub fn toggle_sort(&mut self, column: ReviewSort) {
        self.sort = if self.sort.0 == column {
            (column, !self.sort.1)
        } else {
            (column, false)
        };
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
        let mut listed: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, entry)| {
                self.filter.admits(&entry.item, today)
                    && self
                        .owner
                        .as_deref()
                        .is_none_or(|owner| entry.item.owner.trim() == owner)
                    && self
                        .severity
                        .as_deref()
                        .is_none_or(|severity| entry.severity.as_deref() == Some(severity))
                    && self.week.is_none_or(|monday| {
                        entry.item.due.is_some_and(|due| week_of(due) == monday)
                    })
            })
            .map(|(index, _)| index)
            .collect();
        let (column, reversed) = self.sort;
        listed.sort_by(|a, b| {
            let (a, b) = (&items[*a], &items[*b]);
            let group = match self.grouping {
                Grouping::None => Ordering::Equal,
                Grouping::Owner => group_key_owner(a).cmp(&group_key_owner(b)),
                Grouping::Incident => a.path.cmp(&b.path),
            };
            let order = compare(column, a, b).then_with(|| a.path.cmp(&b.path));
            group.then(if reversed { order.reverse() } else { order })
        });
        listed
    }
}

fn group_key_owner(entry: &ReviewItem) -> String {
    entry.item.owner.trim().to_lowercase()
}

fn compare(column: ReviewSort, a: &ReviewItem, b: &ReviewItem) -> Ordering {
    match column {
        ReviewSort::Incident => a
            .incident_title
            .to_lowercase()
            .cmp(&b.incident_title.to_lowercase()),
        ReviewSort::Severity => a.severity.cmp(&b.severity),
        ReviewSort::Action => a
            .item
            .action
            .to_lowercase()
            .cmp(&b.item.action.to_lowercase()),
        ReviewSort::Owner => ActionSort::Owner.compare(&a.item, &b.item),
        ReviewSort::Due => ActionSort::Due.compare(&a.item, &b.item),
        ReviewSort::Status => ActionSort::Status.compare(&a.item, &b.item),
        ReviewSort::Priority => ActionSort::Priority.compare(&a.item, &b.item),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActionItem;

    fn entry(file: &str, owner: &str, due: u32) -> ReviewItem {
        ReviewItem {
            path: file.into(),
            incident_title: file.to_owned(),
            incident_id: String::new(),
            severity: None,
            incident_date: None,
            item: ActionItem {
                owner: owner.to_owned(),
                due: NaiveDate::from_ymd_opt(2025, 8, due),
                ..ActionItem::default()
            },
        }
    }

    #[test]
    fn grouping_keeps_each_group_together_sorted_inside() {
        let today = NaiveDate::from_ymd_opt(2025, 8, 10).unwrap();
        let items = vec![
            entry("b.ron", "Priya L.", 20),
            entry("a.ron", "bob", 5),
            entry("b.ron", "Bob", 1),
            entry("a.ron", "Priya L.", 9),
        ];
        let mut state = ReviewState::default();
        assert_eq!(state.listed(&items, today), [2, 1, 3, 0], "by due date");
        state.grouping = Grouping::Owner;
        assert_eq!(
            state.listed(&items, today),
            [2, 1, 3, 0],
            "bob's, then Priya's"
        );
        state.grouping = Grouping::Incident;
        assert_eq!(
            state.listed(&items, today),
            [1, 3, 2, 0],
            "a.ron's, then b.ron's"
        );
        state.toggle_sort(ReviewSort::Due);
        assert_eq!(
            state.listed(&items, today),
            [3, 1, 0, 2],
            "reversed within each group"
        );
        state.week = Some(week_of(NaiveDate::from_ymd_opt(2025, 8, 5).unwrap()));
        assert_eq!(
            state.listed(&items, today),
            [3, 1],
            "the week of Monday 4 August"
        );
    }

    #[test]
    fn weeks_start_on_monday() {
        let sunday = NaiveDate::from_ymd_opt(2025, 8, 10).unwrap();
        assert_eq!(
            week_of(sunday),
            NaiveDate::from_ymd_opt(2025, 8, 4).unwrap()
        );
    }
}
