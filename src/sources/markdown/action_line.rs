//! Who answers for an action and when it is due, as people write them inside the action's
//! own line: `(owner: Dana W., due 2025-07-28)`, `@dana`, `— Dana W.`, `[Dana]`,
//! `due July 28`, `by 2025-08-01`.

use chrono::NaiveDate;

use crate::model::{DayContext, DayOrder, WrittenDay, date_in_range, read_day};

/// The words that introduce an owner.
const OWNER_KEYS: [&str; 6] = [
    "owner:",
    "owners:",
    "owner -",
    "assignee:",
    "assigned to",
    "responsible:",
];

/// The words that introduce a due date.
const DUE_KEYS: [&str; 5] = ["due:", "due", "deadline:", "by", "eta:"];

/// The owner an action's line names, if it names one.
#[must_use]
pub fn owner_in(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    // `owner: Dana W.` up to the next comma, semicolon or closing bracket.
    for key in OWNER_KEYS {
        if let Some(at) = lower.find(key) {
            let rest = &text[at + key.len()..];
            let end = rest.find([',', ';', ')', ']', '|']).unwrap_or(rest.len());
            let name = rest[..end].trim();
            let name = name
                .split_once(" due")
                .map_or(name, |(name, _)| name)
                .trim();
            if !name.is_empty() {
                return Some(name.to_owned());
            }
        }
    }
    // `@dana`: a handle, never an address (`ops@example.com`).
    let handle = text.split_whitespace().find_map(|word| {
        let handle = word
            .strip_prefix('@')?
            .trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'));
        (!handle.is_empty()).then_some(handle)
    });
    if let Some(handle) = handle {
        return Some(format!("@{handle}"));
    }
    // `[Dana]` at the start or the end.
    let trimmed = text.trim();
    let bracketed = trimmed
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .map(|(name, _)| name)
        .or_else(|| {
            trimmed
                .strip_suffix(']')
                .and_then(|rest| rest.rsplit_once('['))
                .map(|(_, name)| name)
        });
    if let Some(name) = bracketed.filter(|name| is_a_name(name)) {
        return Some(name.trim().to_owned());
    }
    // `— Dana W.` or `– Dana W., due …` after the action.
    for dash in [" \u{2014} ", " \u{2013} ", " -- "] {
        if let Some((_, after)) = text.rsplit_once(dash) {
            let name = after.split([',', ';', '(']).next().unwrap_or_default();
            if is_a_name(name) {
                return Some(name.trim().to_owned());
            }
        }
    }
    None
}

/// The due date an action's line names after `due`, `by` or `deadline`; a date without a
/// year is the one nearest `reference`.
#[must_use]
pub fn due_in(text: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let lower = text.to_lowercase();
    for key in DUE_KEYS {
        let mut from = 0;
        while let Some(found) = lower[from..].find(key) {
            let at = from + found;
            from = at + key.len();
            // Whole words only: `by` in `nearby` is none.
            let starts_word = at == 0 || !lower[..at].ends_with(char::is_alphanumeric);
            let rest = &text[at + key.len()..];
            if !starts_word || !rest.starts_with([' ', ':']) {
                continue;
            }
            let rest = rest.trim_start_matches([' ', ':']);
            let Some((day, _)) = read_day(rest) else {
                continue;
            };
            // A weekday or `today` says nothing without the day it was written.
            if !matches!(day, WrittenDay::Date(_) | WrittenDay::Numeric { .. }) {
                continue;
            }
            let context = DayContext {
                reference: reference.unwrap_or_default(),
                order: DayOrder::found_in(&[rest]).unwrap_or(DayOrder::MonthFirst),
                latest: None,
            };
            let has_year = matches!(
                day,
                WrittenDay::Date(crate::model::PastedDate { year: Some(_), .. })
                    | WrittenDay::Numeric { year: Some(_), .. }
            );
            if !has_year && reference.is_none() {
                continue;
            }
            if let Ok(date) = day.settle(context)
                && date_in_range(date)
            {
                return Some(date);
            }
        }
    }
    None
}

/// One to four words, each starting with a capital or an initial, and no more than a name.
fn is_a_name(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    let words: Vec<&str> = text.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && text.chars().count() <= 40
        && !text.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|word| {
            word.chars().next().is_some_and(char::is_uppercase)
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_written_in_the_line() {
        let owner = |text| owner_in(text);
        assert_eq!(
            owner("Add a resolver (owner: Dana W., due 2025-07-28)").as_deref(),
            Some("Dana W.")
        );
        assert_eq!(
            owner("Alert on SERVFAIL rate @li.q").as_deref(),
            Some("@li.q")
        );
        assert_eq!(owner("Write the runbook — Li Q.").as_deref(), Some("Li Q."));
        assert_eq!(
            owner("Add the index — Priya L., due 2025-08-05, BUG-12").as_deref(),
            Some("Priya L.")
        );
        assert_eq!(owner("[Dana] Review TTLs").as_deref(), Some("Dana"));
        assert_eq!(owner("Mail ops@example.com about it"), None);
        assert_eq!(owner("Fix it — see the thread for why"), None);
        assert_eq!(owner("Review [the runbook]"), None);
    }

    #[test]
    fn due_dates_written_in_the_line() {
        let reference = NaiveDate::from_ymd_opt(2025, 7, 1);
        let due = |text| due_in(text, reference);
        assert_eq!(
            due("Add a resolver (owner: Dana W., due 2025-07-28)"),
            NaiveDate::from_ymd_opt(2025, 7, 28)
        );
        assert_eq!(
            due("Ship the fix by August 5th"),
            NaiveDate::from_ymd_opt(2025, 8, 5)
        );
        assert_eq!(
            due("Deadline: 2025-09-01. Rotate keys"),
            NaiveDate::from_ymd_opt(2025, 9, 1)
        );
        assert_eq!(due("Look nearby 2025-07-28"), None);
        assert_eq!(due("Rotate the keys by Friday"), None);
        assert_eq!(due("Stand by the team"), None);
    }
}
