//! The due-week chart's columns, worked out apart from drawing: a window of weeks, one bar
//! before it for everything due earlier (so overdue work is always in view, however far
//! away the window is scrolled or one item's due date lies), and one after it for everything
//! due later.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

/// Open items in one column: how many, and how many of them are overdue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DueCount {
    /// Open items.
    pub open: usize,
    /// Of those, the ones past their due date.
    pub overdue: usize,
}

impl DueCount {
    fn add(&mut self, (open, overdue): (usize, usize)) {
        self.open += open;
        self.overdue += overdue;
    }
}

/// The chart's columns for one window of weeks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueColumns {
    /// Everything due before the first week shown.
    pub before: DueCount,
    /// Whether the window starts at or before this week, so that what comes before it is
    /// all overdue ("Overdue"), rather than also holding weeks scrolled past ("Earlier").
    pub before_is_overdue: bool,
    /// The weeks shown (their Mondays), each with its items.
    pub weeks: Vec<(NaiveDate, DueCount)>,
    /// Everything due after the last week shown.
    pub later: DueCount,
    /// The first week after the ones shown that has items due, to move on to.
    pub next_later_week: Option<NaiveDate>,
}

/// Lays out `count` weeks (at least one) starting `offset` weeks after `this_week` (a
/// Monday; negative looks back), from per-week counts of open and overdue items.
#[must_use]
pub fn due_columns(
    weeks: &BTreeMap<NaiveDate, (usize, usize)>,
    this_week: NaiveDate,
    offset: i64,
    count: usize,
) -> DueColumns {
    let first = shift_weeks(this_week, offset);
    let shown: Vec<NaiveDate> =
        std::iter::successors(Some(first), |week| week.checked_add_days(Days::new(7)))
            .take(count.max(1))
            .collect();
    let last = shown.last().copied().unwrap_or(first);
    let mut columns = DueColumns {
        before: DueCount::default(),
        before_is_overdue: first <= this_week,
        weeks: shown
            .iter()
            .map(|week| (*week, DueCount::default()))
            .collect(),
        later: DueCount::default(),
        next_later_week: None,
    };
    for (week, counts) in weeks {
        if *week < first {
            columns.before.add(*counts);
        } else if *week > last {
            columns.later.add(*counts);
            columns.next_later_week = columns.next_later_week.or(Some(*week));
        } else if let Ok(at) = columns
            .weeks
            .binary_search_by_key(week, |(shown, _)| *shown)
        {
            columns.weeks[at].1.add(*counts);
        }
    }
    columns
}

/// The Monday `weeks` weeks after `monday` (before it when negative), held at the calendar's
/// ends.
#[must_use]
pub fn shift_weeks(monday: NaiveDate, weeks: i64) -> NaiveDate {
    let days = Days::new(weeks.unsigned_abs().saturating_mul(7));
    let shifted = if weeks < 0 {
        monday.checked_sub_days(days)
    } else {
        monday.checked_add_days(days)
    };
    shifted.unwrap_or(monday)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn monday(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, month, day).unwrap()
    }

    #[test]
    fn overdue_work_stays_in_view_when_one_item_is_due_far_away() {
        let this_week = monday(8, 4);
        let weeks = BTreeMap::from([
            (monday(6, 2), (40, 40)),
            (monday(7, 28), (58, 58)),
            (monday(8, 4), (3, 1)),
            (monday(8, 18), (2, 0)),
            // 500 days on.
            (NaiveDate::from_ymd_opt(2026, 12, 14).unwrap(), (1, 0)),
        ]);
        let columns = due_columns(&weeks, this_week, 0, 8);
        assert_eq!(
            columns.before,
            DueCount {
                open: 98,
                overdue: 98
            }
        );
        assert!(columns.before_is_overdue);
        assert_eq!(columns.weeks.len(), 8);
        assert_eq!(
            columns.weeks[0],
            (
                this_week,
                DueCount {
                    open: 3,
                    overdue: 1
                }
            )
        );
        assert_eq!(
            columns.weeks[2].1,
            DueCount {
                open: 2,
                overdue: 0
            }
        );
        assert_eq!(
            columns.later,
            DueCount {
                open: 1,
                overdue: 0
            }
        );
        let total: usize = columns.before.open
            + columns.later.open
            + columns
                .weeks
                .iter()
                .map(|(_, count)| count.open)
                .sum::<usize>();
        assert_eq!(total, 104, "every item is in exactly one column");
    }

    #[test]
    fn scrolling_moves_the_window_and_the_bars_either_side_take_the_rest() {
        let this_week = monday(8, 4);
        let weeks = BTreeMap::from([(monday(7, 28), (5, 5)), (monday(8, 18), (2, 0))]);
        let back = due_columns(&weeks, this_week, -2, 2);
        assert_eq!(back.weeks[0].0, monday(7, 21));
        assert_eq!(back.weeks[1].1.open, 5);
        assert_eq!(back.later.open, 2);
        assert!(back.before_is_overdue);
        let on = due_columns(&weeks, this_week, 3, 4);
        assert_eq!(
            on.before,
            DueCount {
                open: 7,
                overdue: 5
            }
        );
        assert!(
            !on.before_is_overdue,
            "scrolled past weeks that are not overdue"
        );
        assert!(on.weeks.iter().all(|(_, count)| count.open == 0));
    }
}
