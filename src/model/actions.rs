//! What a manager needs to know about action items: which are late and by how much, which
//! are due soon, and the counts at a glance. Everything takes "today" as an argument so the
//! rules are tested against fixed dates.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Days, NaiveDate};

use super::document::{ActionItem, Postmortem};
use super::kinds::{ActionPriority, ActionStatus};

/// How many days ahead counts as "due soon".
pub const DUE_SOON_DAYS: i64 = 7;

/// Where an item stands against its due date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// Open and past its due date by this many days (at least 1).
    Overdue(i64),
    /// Open and due today (0) or within [`DUE_SOON_DAYS`] days.
    Soon(i64),
    /// Open and due later.
    Later(i64),
    /// Open with no due date.
    NoDate,
    /// Done or won't do: its date no longer matters.
    Closed,
}

impl Due {
    /// Where `item` stands on `today`.
    #[must_use]
    pub fn of(item: &ActionItem, today: NaiveDate) -> Self {
        if !item.status.is_open() {
            return Self::Closed;
        }
        let Some(due) = item.due else {
            return Self::NoDate;
        };
        let days = (due - today).num_days();
        match days {
            ..0 => Self::Overdue(-days),
            0..=DUE_SOON_DAYS => Self::Soon(days),
            _ => Self::Later(days),
        }
    }

    /// "3 days overdue", "due today", "due in 2 days"; nothing for the rest.
    #[must_use]
    pub fn words(self) -> Option<String> {
        let plural = |n: i64| if n == 1 { "" } else { "s" };
        match self {
            Self::Overdue(days) => Some(format!("{days} day{} overdue", plural(days))),
            Self::Soon(0) => Some("due today".to_owned()),
            Self::Soon(1) => Some("due tomorrow".to_owned()),
            Self::Soon(days) => Some(format!("due in {days} days")),
            Self::Later(_) | Self::NoDate | Self::Closed => None,
        }
    }
}

/// The counts of the summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActionSummary {
    /// All items.
    pub total: usize,
    /// Open and past due.
    pub overdue: usize,
    /// Open and due within a week.
    pub due_soon: usize,
    /// Done.
    pub done: usize,
}

impl ActionSummary {
    /// Counts the items as of `today`.
    #[must_use]
    pub fn of(items: &[ActionItem], today: NaiveDate) -> Self {
        let mut summary = Self {
            total: items.len(),
            ..Self::default()
        };
        for item in items {
            match Due::of(item, today) {
                Due::Overdue(_) => summary.overdue += 1,
                Due::Soon(_) => summary.due_soon += 1,
                Due::Later(_) | Due::NoDate | Due::Closed => {}
            }
            if item.status == ActionStatus::Done {
                summary.done += 1;
            }
        }
        summary
    }
}

impl fmt::Display for ActionSummary {
    /// "6 actions · 2 overdue · 1 due this week · 3 done".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let noun = if self.total == 1 { "action" } else { "actions" };
        write!(
            f,
            "{} {noun} \u{b7} {} overdue \u{b7} {} due this week \u{b7} {} done",
            self.total, self.overdue, self.due_soon, self.done
        )
    }
}

/// Which items a list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ActionFilter {
    /// Every item.
    #[default]
    All,
    /// Open or in progress.
    Open,
    /// Open and past due.
    Overdue,
    /// Open and due within a week (today included).
    DueSoon,
    /// Done.
    Done,
}

impl ActionFilter {
    /// The filters in the order they are offered.
    pub const ALL: [Self; 5] = [
        Self::All,
        Self::Open,
        Self::Overdue,
        Self::DueSoon,
        Self::Done,
    ];

    /// The words on the filter's button.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::All => "All",
            Self::Open => "Open",
            Self::Overdue => "Overdue",
            Self::DueSoon => "Due in 7 days",
            Self::Done => "Done",
        }
    }

    /// Whether `item` passes the filter on `today`.
    #[must_use]
    pub fn admits(self, item: &ActionItem, today: NaiveDate) -> bool {
        match self {
            Self::All => true,
            Self::Open => item.status.is_open(),
            Self::Overdue => matches!(Due::of(item, today), Due::Overdue(_)),
            Self::DueSoon => matches!(Due::of(item, today), Due::Soon(_)),
            Self::Done => item.status == ActionStatus::Done,
        }
    }
}

/// A column a list of action items can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionSort {
    /// Earliest due first; items without a date last.
    Due,
    /// By owner, alphabetically, ignoring case.
    Owner,
    /// Open, in progress, done, won't do.
    Status,
    /// High, medium, low.
    Priority,
}

impl ActionSort {
    /// Orders two items by this column; ties keep their order when used with a stable sort.
    #[must_use]
    pub fn compare(self, a: &ActionItem, b: &ActionItem) -> Ordering {
        match self {
            Self::Due => match (a.due, b.due) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
            Self::Owner => a.owner.to_lowercase().cmp(&b.owner.to_lowercase()),
            Self::Status => status_rank(a.status).cmp(&status_rank(b.status)),
            Self::Priority => priority_rank(a.priority).cmp(&priority_rank(b.priority)),
        }
    }
}

const fn status_rank(status: ActionStatus) -> u8 {
    match status {
        ActionStatus::Open => 0,
        ActionStatus::InProgress => 1,
        ActionStatus::Done => 2,
        ActionStatus::WontDo => 3,
    }
}

const fn priority_rank(priority: ActionPriority) -> u8 {
    match priority {
        ActionPriority::High => 0,
        ActionPriority::Medium => 1,
        ActionPriority::Low => 2,
    }
}

/// Whether an item mentions `search` in its action, owner or ticket, ignoring case.
#[must_use]
pub fn mentions(item: &ActionItem, search: &str) -> bool {
    let search = search.trim().to_lowercase();
    search.is_empty()
        || [&item.action, &item.owner, &item.ticket_url]
            .iter()
            .any(|text| text.to_lowercase().contains(&search))
}

/// How many weeks after today a new item is due, and why: the two most severe levels of
/// the document's scale give four weeks, anything else eight.
#[must_use]
pub fn default_due_weeks(doc: &Postmortem) -> (u64, String) {
    let scale = &doc.classification.severity_scale;
    let severe = doc
        .classification
        .severity
        .as_deref()
        .and_then(|name| scale.iter().position(|level| level.name == name))
        .is_some_and(|position| position < 2);
    let severity = doc
        .classification
        .severity
        .as_deref()
        .unwrap_or("no severity");
    if severe {
        (4, format!("{severity}: new actions are due in 4 weeks"))
    } else {
        (8, format!("{severity}: new actions are due in 8 weeks"))
    }
}

/// The due date a new item gets on `today`.
#[must_use]
pub fn default_due_date(doc: &Postmortem, today: NaiveDate) -> Option<NaiveDate> {
    let (weeks, _) = default_due_weeks(doc);
    today.checked_add_days(Days::new(weeks * 7))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, month, day).unwrap()
    }

    fn item(due: Option<NaiveDate>, status: ActionStatus) -> ActionItem {
        ActionItem {
            due,
            status,
            ..ActionItem::default()
        }
    }

    #[test]
    fn overdue_soon_and_later_around_today() {
        let today = day(8, 10);
        let open = |d| item(Some(d), ActionStatus::Open);
        assert_eq!(Due::of(&open(day(8, 5)), today), Due::Overdue(5));
        assert_eq!(Due::of(&open(day(8, 9)), today), Due::Overdue(1));
        assert_eq!(
            Due::of(&open(day(8, 10)), today),
            Due::Soon(0),
            "due today is not overdue"
        );
        assert_eq!(
            Due::of(&open(day(8, 17)), today),
            Due::Soon(7),
            "exactly 7 days is soon"
        );
        assert_eq!(Due::of(&open(day(8, 18)), today), Due::Later(8));
        assert_eq!(Due::of(&item(None, ActionStatus::Open), today), Due::NoDate);
    }

    #[test]
    fn done_and_wont_do_are_never_late() {
        let today = day(8, 10);
        for status in [ActionStatus::Done, ActionStatus::WontDo] {
            assert_eq!(Due::of(&item(Some(day(8, 1)), status), today), Due::Closed);
        }
        assert_eq!(
            Due::of(&item(Some(day(8, 1)), ActionStatus::InProgress), today),
            Due::Overdue(9)
        );
    }

    #[test]
    fn due_words() {
        assert_eq!(Due::Overdue(1).words().as_deref(), Some("1 day overdue"));
        assert_eq!(Due::Overdue(5).words().as_deref(), Some("5 days overdue"));
        assert_eq!(Due::Soon(0).words().as_deref(), Some("due today"));
        assert_eq!(Due::Soon(1).words().as_deref(), Some("due tomorrow"));
        assert_eq!(Due::Soon(7).words().as_deref(), Some("due in 7 days"));
        assert_eq!(Due::Later(9).words(), None);
    }

    #[test]
    fn the_summary_line() {
        let today = day(8, 10);
        let items = vec![
            item(Some(day(8, 5)), ActionStatus::Open),
            item(Some(day(8, 8)), ActionStatus::InProgress),
            item(Some(day(8, 12)), ActionStatus::Open),
            item(Some(day(8, 1)), ActionStatus::Done),
            item(Some(day(8, 2)), ActionStatus::Done),
            item(Some(day(8, 3)), ActionStatus::Done),
            item(Some(day(8, 4)), ActionStatus::WontDo),
        ];
        let summary = ActionSummary::of(&items[..6], today);
        assert_eq!(
            summary.to_string(),
            "6 actions \u{b7} 2 overdue \u{b7} 1 due this week \u{b7} 3 done"
        );
        assert_eq!(
            ActionSummary::of(&items, today).overdue,
            2,
            "won't do is not overdue"
        );
    }

    #[test]
    fn filters() {
        let today = day(8, 10);
        let overdue = item(Some(day(8, 5)), ActionStatus::Open);
        let soon = item(Some(day(8, 17)), ActionStatus::InProgress);
        let done = item(Some(day(8, 1)), ActionStatus::Done);
        let dropped = item(Some(day(8, 1)), ActionStatus::WontDo);
        let check = |filter: ActionFilter| {
            [&overdue, &soon, &done, &dropped].map(|i| filter.admits(i, today))
        };
        assert_eq!(check(ActionFilter::All), [true, true, true, true]);
        assert_eq!(check(ActionFilter::Open), [true, true, false, false]);
        assert_eq!(check(ActionFilter::Overdue), [true, false, false, false]);
        assert_eq!(check(ActionFilter::DueSoon), [false, true, false, false]);
        assert_eq!(check(ActionFilter::Done), [false, false, true, false]);
    }

    #[test]
    fn sorting_puts_undated_items_last_and_ranks_status_and_priority() {
        let dated = item(Some(day(8, 5)), ActionStatus::Done);
        let undated = item(None, ActionStatus::Open);
        assert_eq!(ActionSort::Due.compare(&dated, &undated), Ordering::Less);
        assert_eq!(ActionSort::Status.compare(&undated, &dated), Ordering::Less);
        let high = ActionItem {
            priority: ActionPriority::High,
            ..ActionItem::default()
        };
        assert_eq!(
            ActionSort::Priority.compare(&high, &ActionItem::default()),
            Ordering::Less
        );
    }

    #[test]
    fn the_default_due_date_follows_the_severity() {
        let today = day(8, 10);
        let mut doc = Postmortem::default();
        assert_eq!(
            default_due_date(&doc, today),
            Some(day(10, 5)),
            "no severity: 8 weeks"
        );
        doc.classification.severity = Some("SEV-2".to_owned());
        assert_eq!(
            default_due_date(&doc, today),
            Some(day(9, 7)),
            "SEV-2: 4 weeks"
        );
        assert_eq!(
            default_due_weeks(&doc).1,
            "SEV-2: new actions are due in 4 weeks"
        );
        doc.classification.severity = Some("SEV-3".to_owned());
        assert_eq!(default_due_date(&doc, today), Some(day(10, 5)));
    }

    #[test]
    fn search_looks_in_action_owner_and_ticket() {
        let found = ActionItem {
            action: "Add the index".to_owned(),
            owner: "Priya L.".to_owned(),
            ticket_url: "https://tickets.example.com/DB-12".to_owned(),
            ..ActionItem::default()
        };
        assert!(mentions(&found, "INDEX"));
        assert!(mentions(&found, "priya"));
        assert!(mentions(&found, "db-12"));
        assert!(mentions(&found, "  "));
        assert!(!mentions(&found, "cache"));
    }
}
