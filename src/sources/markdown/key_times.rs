//! Key times written as a field's value: an impact window, a duration line, or one time under
//! a key that names it.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::people::split_groups;
use super::values::{Context, plain_hyphens};
use crate::model::{KeyTime, Postmortem, read_clock};
use crate::sources::{ChatPaste, DayLine, PasteContext, PastedRow, resolve_paste};

/// Key times in a value: `Start: 2025‑08‑01 14:03 UTC; End: 14:33 UTC`, `30 min total;
/// issue detected within 2 min; mitigated at 14:20 UTC`, or one time under a key that names
/// it (`Detected: 14:05`). Returns whether every part was read (a total duration counts as
/// read: it follows from the times).
pub(super) fn read_key_times(
    doc: &mut Postmortem,
    context: Context,
    named: Option<KeyTime>,
    value: &str,
) -> bool {
    let plain = plain_hyphens(value);
    let mut date = context.date;
    let mut all_read = true;
    // `Detection time: ~5-6 hours (incident from 09:45 UTC, …)`: a value that opens with a
    // length is how long it took; a time in its notes is some other moment, not the key's.
    let opens_with_a_length = opens_with_a_length(&plain);
    for part in &parts_of(&plain) {
        let part = part.as_str();
        // Hindsight's own export says "End: not recorded" of a time it does not have.
        if part.to_lowercase().ends_with("not recorded") {
            continue;
        }
        let own = key_time_in(part);
        let Some(key) = own.or(named) else {
            all_read &= part.to_lowercase().contains("total") && duration_in(part).is_some();
            continue;
        };
        // Words beyond the key, the time and a few small ones ("issue detected within 2
        // min") are kept as written by the caller.
        all_read &= only_key_and_time(part);
        let instant = (own.is_some() || !opens_with_a_length)
            .then(|| instant_in(part, date, doc))
            .flatten();
        if let Some((time, day)) = instant {
            date = date.or(Some(day));
            doc.key_times.set(key, Some(time));
        } else if let (Some(after), Some(started)) = (duration_in(part), doc.key_times.started)
            && key != KeyTime::Started
        {
            if doc.key_times.get(key).is_none() {
                doc.key_times.set(key, Some(started + after));
            }
        } else {
            all_read = false;
        }
    }
    all_read
}

/// Whether `part` says nothing but a key time, when, and how long after the start: `mitigated
/// at 14:20 UTC (after 17 min)`, `Start: 2025-08-01 14:03 UTC`.
fn only_key_and_time(part: &str) -> bool {
    const SMALL: [&str; 26] = [
        "at", "by", "after", "within", "in", "on", "min", "mins", "minute", "minutes", "h", "hr",
        "hrs", "hour", "hours", "utc", "gmt", "z", "total", "s", "sec", "secs", "d", "day", "days",
        "m",
    ];
    part.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ':' | ';' | ','))
        .filter(|word| !word.is_empty())
        .all(|word| {
            let lower = word.to_lowercase();
            SMALL.contains(&lower.as_str())
                || key_time_in(word).is_some()
                || word
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | '.'))
        })
}

fn key_time_in(part: &str) -> Option<KeyTime> {
    let lower = part.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let stems = [
        ("start", KeyTime::Started),
        ("began", KeyTime::Started),
        ("begin", KeyTime::Started),
        ("detect", KeyTime::Detected),
        ("noticed", KeyTime::Detected),
        ("alerted", KeyTime::Detected),
        ("acknowledg", KeyTime::Acknowledged),
        ("mitigat", KeyTime::Mitigated),
        ("resolv", KeyTime::Resolved),
        ("end", KeyTime::Resolved),
        ("closed", KeyTime::Resolved),
    ];
    words.iter().find_map(|word| {
        stems
            .iter()
            .find(|(stem, _)| {
                if *stem == "end" {
                    matches!(*word, "end" | "ended" | "ends")
                } else {
                    word.starts_with(stem)
                }
            })
            .map(|(_, key)| *key)
    })
}

/// The first time written in `part`, placed on its own date, else `date`, else the day of
/// the incident's start; with the day it is on.
fn instant_in(
    part: &str,
    date: Option<NaiveDate>,
    doc: &Postmortem,
) -> Option<(DateTime<Utc>, NaiveDate)> {
    let mut starts = std::iter::once(0).chain(
        part.char_indices()
            .filter(|(_, c)| c.is_whitespace())
            .map(|(at, c)| at + c.len_utf8()),
    );
    let (clock, _) = starts.find_map(|at| read_clock(&part[at..]))?;
    let day = date.map(|date| DayLine {
        line: 0,
        date: crate::model::PastedDate {
            year: Some(chrono::Datelike::year(&date)),
            month: chrono::Datelike::month(&date),
            day: chrono::Datelike::day(&date),
        },
        zone: None,
    });
    let paste = ChatPaste {
        rows: vec![PastedRow {
            lines: vec![0],
            clock: Some(clock),
            offset: None,
            day,
            actor: None,
            event: String::new(),
            notes: String::new(),
            evidence: String::new(),
        }],
        ..ChatPaste::default()
    };
    let today = date.unwrap_or(NaiveDate::MIN);
    let resolved = resolve_paste(
        &paste,
        &PasteContext {
            zone: doc.time_zone,
            started: doc.key_times.started,
            day: today,
            direction: None,
            day_order: None,
            latest: None,
        },
    );
    let time = resolved.rows.first()?.row.time?;
    Some((time, doc.local_day(time)))
}

/// `within 2 min`, `after 17 minutes`, `2 h 5 min`, `3 d 4 h`, `45 s`: how long.
/// The parts of a value, split at `;` and `, `, except that a time right after a day with
/// no time of its own goes with it: `June 25, 00:30` is one instant, as written.
fn parts_of(value: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for group in split_groups(value) {
        for piece in group.split(", ") {
            // A day written without a time (`June 25`, `Tue 3 Sep`, `2024-06-25`).
            let dated_only = |part: &str| {
                !part.contains(':')
                    && std::iter::once(0)
                        .chain(part.match_indices(' ').map(|(at, _)| at + 1))
                        .any(|at| {
                            matches!(
                                crate::model::read_day(&part[at..]),
                                Some((
                                    crate::model::WrittenDay::Date(_)
                                        | crate::model::WrittenDay::Numeric { .. },
                                    _
                                ))
                            )
                        })
            };
            match parts.last_mut() {
                Some(last)
                    if dated_only(last)
                        && key_time_in(piece).is_none()
                        && read_clock(piece).is_some() =>
                {
                    last.push_str(", ");
                    last.push_str(piece);
                }
                _ => parts.push(piece.to_owned()),
            }
        }
    }
    parts
}

/// Whether `value` opens with a length of time: `~5-6 hours`, `30 min`, `1.5 h (…)`.
fn opens_with_a_length(value: &str) -> bool {
    let mut words = value.split_whitespace();
    let (Some(number), Some(unit)) = (words.next(), words.next()) else {
        return false;
    };
    let number = number.trim_start_matches(['~', '(', '\u{2248}']);
    number.starts_with(|c: char| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '\u{2013}' | '.'))
        && one_of_unit(unit).is_some()
}

/// One of the unit a word names (`min`, `hours`, `d`), after the marks that close it.
fn one_of_unit(word: &str) -> Option<Duration> {
    match word
        .trim_end_matches([')', '.', ',', ';'])
        .to_lowercase()
        .as_str()
    {
        "s" | "sec" | "secs" | "second" | "seconds" => Some(Duration::seconds(1)),
        "min" | "mins" | "minute" | "minutes" | "m" => Some(Duration::minutes(1)),
        "h" | "hr" | "hrs" | "hour" | "hours" => Some(Duration::hours(1)),
        "d" | "day" | "days" => Some(Duration::days(1)),
        _ => None,
    }
}

fn duration_in(part: &str) -> Option<Duration> {
    let words: Vec<&str> = part.split_whitespace().collect();
    let mut total: Option<Duration> = None;
    for pair in words.windows(2) {
        let Ok(number) = pair[0].trim_start_matches(['(', '~']).parse::<i64>() else {
            continue;
        };
        let Some(length) = one_of_unit(pair[1]).and_then(|one| {
            i32::try_from(number)
                .ok()
                .and_then(|number| one.checked_mul(number))
        }) else {
            continue;
        };
        total = Some(total.unwrap_or_default() + length);
    }
    total
}
