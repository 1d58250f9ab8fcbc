//! The one query over a folder's action items: which are listed, in which groups, in which
//! order. The editor's Review list, its exports and `hindsight actions` all run it, so the
//! same choices give the same items in the same order everywhere.

use std::cmp::Ordering;

use chrono::{Datelike, Days, NaiveDate};

use super::ReviewItem;
use crate::model::{ActionFilter, ActionSort, ActionStatus, Due};

/// How the list is grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Grouping {
    /// One list.
    #[default]
    None,
    /// Under each owner (owners that differ only in case or surrounding spaces are one).
    Owner,
    /// Under each incident (postmortem file).
    Incident,
}

/// A column the list sorts by.
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
    /// The due date (the default): soonest first, undated last.
    #[default]
    Due,
    /// The status.
    Status,
    /// The priority.
    Priority,
}

/// Which items are listed, and how.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ReviewQuery {
    /// By status and date: all, open, overdue, due soon, done.
    pub filter: ActionFilter,
    /// Only open items due within this many days (overdue ones included).
    pub due_within: Option<i64>,
    /// Only this owner's (compared without case or surrounding spaces).
    pub owner: Option<String>,
    /// Only items with this status.
    pub status: Option<ActionStatus>,
    /// Only items of incidents of this severity.
    pub severity: Option<String>,
    /// Only items due in the week starting this Monday.
    pub week: Option<NaiveDate>,
    /// Only items of incidents with this tag (compared without case or surrounding spaces).
    pub tag: Option<String>,
    /// How the list is grouped.
    pub grouping: Grouping,
    /// The sort column.
    pub sort: ReviewSort,
    /// Whether the sort is reversed (within each group).
    pub reversed: bool,
}

/// The Monday of the week `date` falls in.
#[must_use]
pub fn week_of(date: NaiveDate) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
        .unwrap_or(date)
}

/// An owner's name as owners are compared and grouped: without case or surrounding spaces.
#[must_use]
pub fn owner_key(owner: &str) -> String {
    owner.trim().to_lowercase()
}

impl ReviewQuery {
    /// Whether `entry` is listed on `today`.
    #[must_use]
    pub fn admits(&self, entry: &ReviewItem, today: NaiveDate) -> bool {
        let item = &entry.item;
        if !self.filter.admits(item, today) {
            return false;
        }
        if let Some(days) = self.due_within {
            let within = match Due::of(item, today) {
                Due::Overdue(_) => true,
                Due::Soon(left) | Due::Later(left) => left <= days,
                Due::NoDate | Due::Closed => false,
            };
            if !within {
                return false;
            }
        }
        self.owner
            .as_deref()
            .is_none_or(|owner| owner_key(&item.owner) == owner_key(owner))
            && self.status.is_none_or(|status| item.status == status)
            && self
                .severity
                .as_deref()
                .is_none_or(|severity| entry.severity.as_deref() == Some(severity))
            && self
                .week
                .is_none_or(|monday| item.due.is_some_and(|due| week_of(due) == monday))
            && self.tag.as_deref().is_none_or(|wanted| {
                entry
                    .tags
                    .iter()
                    .any(|tag| owner_key(tag) == owner_key(wanted))
            })
    }

    /// The positions in `items` of the listed ones: filtered, each group together, sorted
    /// within it; ties keep the order of `items` (files by path, items as written).
    #[must_use]
    pub fn run(&self, items: &[ReviewItem], today: NaiveDate) -> Vec<usize> {
        let mut listed: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, entry)| self.admits(entry, today))
            .map(|(index, _)| index)
            .collect();
        listed.sort_by(|a, b| {
            let (a, b) = (&items[*a], &items[*b]);
            let order = compare(self.sort, a, b).then_with(|| a.path.cmp(&b.path));
            self.group_order(a, b).then(if self.reversed {
                order.reverse()
            } else {
                order
            })
        });
        listed
    }

    /// Whether `entry` starts a new group after `previous` in a listed order.
    #[must_use]
    pub fn starts_group(&self, previous: &ReviewItem, entry: &ReviewItem) -> bool {
        self.group_order(previous, entry) != Ordering::Equal
    }

    /// The name of the group `entry` is listed under ("No owner" for an item without one),
    /// or `None` when the list is not grouped.
    #[must_use]
    pub fn group_name(&self, entry: &ReviewItem) -> Option<String> {
        match self.grouping {
            Grouping::None => None,
            Grouping::Owner => Some(match entry.item.owner.trim() {
                "" => "No owner".to_owned(),
                owner => owner.to_owned(),
            }),
            Grouping::Incident => Some(
                match (entry.incident_id.trim(), entry.incident_title.trim()) {
                    ("", "") => entry.path.display().to_string(),
                    ("", title) => title.to_owned(),
                    (id, "") => id.to_owned(),
                    (id, title) => format!("{id} \u{b7} {title}"),
                },
            ),
        }
    }

    fn group_order(&self, a: &ReviewItem, b: &ReviewItem) -> Ordering {
        match self.grouping {
            Grouping::None => Ordering::Equal,
            Grouping::Owner => owner_key(&a.item.owner).cmp(&owner_key(&b.item.owner)),
            Grouping::Incident => a.path.cmp(&b.path),
        }
    }
}

/// A run of listed items under one heading: an owner's, or an incident's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The heading: the owner, or the incident's ID and title.
    pub name: String,
    /// Where the group's items start in the listed order.
    pub start: usize,
    /// How many items it lists.
    pub items: usize,
    /// Of those, how many are open (or in progress).
    pub open: usize,
    /// Of those, how many are past their due date.
    pub overdue: usize,
}

/// The groups of a listed order (`listed`, positions in `items`) under `query`'s grouping;
/// none when it does not group.
#[must_use]
pub fn groups(
    query: &ReviewQuery,
    items: &[ReviewItem],
    listed: &[usize],
    today: NaiveDate,
) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (position, index) in listed.iter().enumerate() {
        let entry = &items[*index];
        let starts = position == 0 || query.starts_group(&items[listed[position - 1]], entry);
        if starts {
            let Some(name) = query.group_name(entry) else {
                return Vec::new();
            };
            groups.push(Group {
                name,
                start: position,
                items: 0,
                open: 0,
                overdue: 0,
            });
        }
        if let Some(group) = groups.last_mut() {
            group.items += 1;
            group.open += usize::from(entry.item.status.is_open());
            group.overdue += usize::from(matches!(Due::of(&entry.item, today), Due::Overdue(_)));
        }
    }
    groups
}

/// The tags of `items`' incidents, each once (as first written), sorted without case.
#[must_use]
pub fn tags(items: &[ReviewItem]) -> Vec<String> {
    let mut tags: Vec<String> = items
        .iter()
        .flat_map(|entry| entry.tags.iter())
        .map(|tag| tag.trim())
        .filter(|tag| !tag.is_empty())
        .map(str::to_owned)
        .collect();
    tags.sort_by_key(|tag| owner_key(tag));
    tags.dedup_by_key(|tag| owner_key(tag));
    tags
}

/// One owner's open items, and how many of them are overdue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerCount {
    /// The owner as first written ("No owner" for items without one).
    pub owner: String,
    /// Open items (open or in progress).
    pub open: usize,
    /// Of those, the ones past their due date.
    pub overdue: usize,
}

/// Every owner's open and overdue items, worst first (most overdue, then most open, then by
/// name). Owners that differ only in case or surrounding spaces are one.
#[must_use]
pub fn owner_summary(items: &[ReviewItem], today: NaiveDate) -> Vec<OwnerCount> {
    let mut counts: Vec<OwnerCount> = Vec::new();
    let mut position: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for entry in items.iter().filter(|entry| entry.item.status.is_open()) {
        let owner = match entry.item.owner.trim() {
            "" => "No owner",
            owner => owner,
        };
        let overdue = usize::from(matches!(Due::of(&entry.item, today), Due::Overdue(_)));
        let at = *position.entry(owner_key(owner)).or_insert_with(|| {
            counts.push(OwnerCount {
                owner: owner.to_owned(),
                open: 0,
                overdue: 0,
            });
            counts.len() - 1
        });
        counts[at].open += 1;
        counts[at].overdue += overdue;
    }
    counts.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then(b.open.cmp(&a.open))
            .then_with(|| a.owner.cmp(&b.owner))
    });
    counts
}

/// The owners named in `items`, each once (as first written), sorted without case.
#[must_use]
pub fn owners(items: &[ReviewItem]) -> Vec<String> {
    let mut owners: Vec<String> = items
        .iter()
        .map(|entry| entry.item.owner.trim())
        .filter(|owner| !owner.is_empty())
        .map(str::to_owned)
        .collect();
    owners.sort_by_key(|owner| owner_key(owner));
    owners.dedup_by_key(|owner| owner_key(owner));
    owners
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
            tags: Vec::new(),
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
        let mut query = ReviewQuery::default();
        assert_eq!(query.run(&items, today), [2, 1, 3, 0], "by due date");
        query.grouping = Grouping::Owner;
        assert_eq!(
            query.run(&items, today),
            [2, 1, 3, 0],
            "bob's, then Priya's"
        );
        assert!(!query.starts_group(&items[2], &items[1]), "Bob is bob");
        query.grouping = Grouping::Incident;
        assert_eq!(
            query.run(&items, today),
            [1, 3, 2, 0],
            "a.ron's, then b.ron's"
        );
        query.reversed = true;
        assert_eq!(
            query.run(&items, today),
            [3, 1, 0, 2],
            "reversed within each group"
        );
        query.week = Some(week_of(NaiveDate::from_ymd_opt(2025, 8, 5).unwrap()));
        assert_eq!(
            query.run(&items, today),
            [3, 1],
            "the week of Monday 4 August"
        );
        query.week = None;
        query.grouping = Grouping::Owner;
        query.reversed = false;
        let listed = query.run(&items, today);
        let headings: Vec<(String, usize, usize, usize)> = groups(&query, &items, &listed, today)
            .into_iter()
            .map(|group| (group.name, group.start, group.items, group.overdue))
            .collect();
        assert_eq!(
            headings,
            [
                ("Bob".to_owned(), 0, 2, 2),
                ("Priya L.".to_owned(), 2, 2, 1)
            ]
        );
        query.grouping = Grouping::Incident;
        query.owner = Some(" BOB ".to_owned());
        assert_eq!(
            query.run(&items, today),
            [1, 2],
            "owners compare without case"
        );
    }

    #[test]
    fn owners_are_counted_and_listed_once_whatever_their_case() {
        let today = NaiveDate::from_ymd_opt(2025, 8, 10).unwrap();
        let items = vec![
            entry("b.ron", "Priya L.", 20),
            entry("a.ron", "bob", 5),
            entry("b.ron", " Bob", 1),
            entry("a.ron", "", 9),
        ];
        assert_eq!(owners(&items), ["bob", "Priya L."]);
        let summary = owner_summary(&items, today);
        let rows: Vec<(&str, usize, usize)> = summary
            .iter()
            .map(|count| (count.owner.as_str(), count.open, count.overdue))
            .collect();
        assert_eq!(
            rows,
            [("bob", 2, 2), ("No owner", 1, 1), ("Priya L.", 1, 0)]
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
