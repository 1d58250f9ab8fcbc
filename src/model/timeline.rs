//! Timeline rules that do not depend on the editor: what a typed time means in its place,
//! which rows disagree with their times, and sorting by time without losing hand order.

use chrono::{DateTime, Days, NaiveDate, Utc};
use chrono_tz::Tz;

use super::document::{KeyTime, KeyTimes, Postmortem, TimelineRow};
use super::time_entry::{TimeEntry, TimeEntryError, local_to_utc};

/// The instant a typed entry stands for when it is the time of row `index`.
///
/// A full date and time is taken as it is. A time of day takes its date from the nearest
/// timed row above, rolling to the next day when it is earlier than that row (timelines cross
/// midnight); with no timed row above, the date of the incident's start, else `fallback`.
pub fn resolve_row_time(
    entry: TimeEntry,
    doc: &Postmortem,
    index: usize,
    fallback: NaiveDate,
) -> Result<DateTime<Utc>, TimeEntryError> {
    let zone = doc.time_zone;
    let above = doc.timeline[..index.min(doc.timeline.len())]
        .iter()
        .rev()
        .find_map(|row| row.time);
    resolve_after(entry, above, doc.key_times.started, zone, fallback)
}

/// Like [`resolve_row_time`], with the time above given directly (for pasted rows, which
/// follow each other).
pub fn resolve_after(
    entry: TimeEntry,
    above: Option<DateTime<Utc>>,
    started: Option<DateTime<Utc>>,
    zone: Tz,
    fallback: NaiveDate,
) -> Result<DateTime<Utc>, TimeEntryError> {
    let time = match entry {
        TimeEntry::DateAndTime(local) => return local_to_utc(local, zone),
        TimeEntry::TimeOfDay(time) => time,
    };
    let Some(above) = above else {
        let date = started.map_or(fallback, |start| start.with_timezone(&zone).date_naive());
        return local_to_utc(date.and_time(time), zone);
    };
    let date = above.with_timezone(&zone).date_naive();
    let same_day = local_to_utc(date.and_time(time), zone)?;
    if same_day >= above {
        return Ok(same_day);
    }
    let next_day = date
        .checked_add_days(Days::new(1))
        .ok_or(TimeEntryError::Unreadable)?;
    local_to_utc(next_day.and_time(time), zone)
}

/// Positions of the timed rows that are out of place in time: as few rows as possible
/// whose removal leaves the timed rows in order, and among those the later ones (the rows
/// kept are the longest run in time order that starts as early as it can). So one row
/// dragged to the top is the one blamed, not every row after it.
#[must_use]
pub fn rows_out_of_order(rows: &[TimelineRow]) -> Vec<usize> {
    let timed: Vec<(usize, DateTime<Utc>)> = rows
        .iter()
        .enumerate()
        .filter_map(|(index, row)| row.time.map(|time| (index, time)))
        .collect();
    // `longest_from[i]`: the longest run in time order (equal times allowed) that starts
    // with timed row i, found from the end: `best_start[k]` is the latest time a run of
    // k + 1 rows can start with, and it never grows with k.
    let mut longest_from = vec![0; timed.len()];
    let mut best_start: Vec<DateTime<Utc>> = Vec::new();
    for (at, (_, time)) in timed.iter().enumerate().rev() {
        let extendable = best_start.partition_point(|start| start >= time);
        longest_from[at] = extendable + 1;
        if extendable == best_start.len() {
            best_start.push(*time);
        } else {
            best_start[extendable] = *time;
        }
    }
    // Keep the earliest rows that can still make a longest run; blame the others.
    let mut wanted = best_start.len();
    let mut last: Option<DateTime<Utc>> = None;
    let mut blamed = Vec::new();
    for (at, (index, time)) in timed.iter().enumerate() {
        let fits = last.is_none_or(|last| *time >= last);
        if wanted > 0 && fits && longest_from[at] == wanted {
            wanted -= 1;
            last = Some(*time);
        } else {
            blamed.push(*index);
        }
    }
    blamed
}

/// The position of the first row marked for each key time that a marker sets, in
/// [`KeyTime::ALL`]'s order.
#[must_use]
pub fn rows_setting_key_times(rows: &[TimelineRow]) -> [Option<usize>; 5] {
    let mut found = [None; 5];
    for (index, row) in rows.iter().enumerate() {
        for (key, slot) in KeyTime::ALL.into_iter().zip(found.iter_mut()) {
            if slot.is_none() && key.marker() == Some(row.marker) {
                *slot = Some(index);
            }
        }
    }
    found
}

/// The stretch of time an incident's messages are looked for in: from its start to its last
/// key time (resolved, else mitigated…), widened by an hour each side; `None` without a
/// start.
#[must_use]
pub fn incident_window(times: &KeyTimes) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let start = times.started?;
    let end = [
        times.resolved,
        times.mitigated,
        times.acknowledged,
        times.detected,
    ]
    .into_iter()
    .flatten()
    .max()
    .map_or(start, |last| last.max(start));
    let hour = chrono::TimeDelta::hours(1);
    Some((start - hour, end + hour))
}

/// Puts each of `new` into `rows` at its place in time: before the first timed row that is
/// later than it (so after rows with the same time, and after the untimed rows that follow
/// an earlier row). Rows without a time go at the end.
pub fn insert_by_time(rows: &mut Vec<TimelineRow>, new: Vec<TimelineRow>) {
    for row in new {
        let at = row.time.map_or(rows.len(), |time| {
            rows.iter()
                .position(|existing| existing.time.is_some_and(|other| other > time))
                .unwrap_or(rows.len())
        });
        rows.insert(at, row);
    }
}

/// The rows in time order, keeping as much of the hand order as possible: rows with equal
/// times keep their order, and each row without a time stays right after the timed row it
/// followed (rows without a time at the very top stay at the top).
#[must_use]
pub fn sorted_by_time(rows: &[TimelineRow]) -> Vec<TimelineRow> {
    let leading = rows.iter().take_while(|row| row.time.is_none()).count();
    let mut groups: Vec<&[TimelineRow]> = Vec::new();
    let mut start = leading;
    for index in leading + 1..=rows.len() {
        if index == rows.len() || rows[index].time.is_some() {
            groups.push(&rows[start..index]);
            start = index;
        }
    }
    // `sort_by_key` is stable: equal times keep their hand order.
    groups.sort_by_key(|group| group[0].time);
    rows[..leading]
        .iter()
        .chain(groups.into_iter().flatten())
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time_entry::parse_time_entry;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 8, day, hour, minute, 0).unwrap()
    }

    fn row(event: &str, time: Option<DateTime<Utc>>) -> TimelineRow {
        TimelineRow {
            event: event.to_owned(),
            time,
            ..TimelineRow::default()
        }
    }

    fn fallback() -> NaiveDate {
        NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()
    }

    fn entry(text: &str) -> TimeEntry {
        parse_time_entry(text).unwrap()
    }

    #[test]
    fn a_time_of_day_takes_the_date_of_the_row_above() {
        let doc = Postmortem {
            timeline: vec![row("a", Some(at(1, 14, 3))), row("b", None)],
            ..Postmortem::default()
        };
        assert_eq!(
            resolve_row_time(entry("14:20"), &doc, 2, fallback()),
            Ok(at(1, 14, 20))
        );
        assert_eq!(
            resolve_row_time(entry("14:03"), &doc, 2, fallback()),
            Ok(at(1, 14, 3))
        );
    }

    #[test]
    fn a_time_earlier_than_the_row_above_rolls_past_midnight() {
        let doc = Postmortem {
            timeline: vec![row("late", Some(at(1, 23, 50)))],
            ..Postmortem::default()
        };
        assert_eq!(
            resolve_row_time(entry("00:10"), &doc, 1, fallback()),
            Ok(at(2, 0, 10))
        );
    }

    #[test]
    fn the_first_row_takes_the_incident_start_or_the_fallback() {
        let mut doc = Postmortem::default();
        let fallback_time = Utc.with_ymd_and_hms(2030, 1, 1, 9, 0, 0).unwrap();
        assert_eq!(
            resolve_row_time(entry("09:00"), &doc, 0, fallback()),
            Ok(fallback_time)
        );
        doc.key_times.started = Some(at(1, 14, 3));
        assert_eq!(
            resolve_row_time(entry("09:00"), &doc, 0, fallback()),
            Ok(at(1, 9, 0))
        );
    }

    #[test]
    fn dates_are_read_in_the_display_zone() {
        let doc = Postmortem {
            time_zone: chrono_tz::Asia::Kolkata,
            timeline: vec![row("a", Some(at(1, 14, 3)))],
            ..Postmortem::default()
        };
        // 14:03 UTC is 19:33 in Kolkata; 19:40 there is 14:10 UTC.
        assert_eq!(
            resolve_row_time(entry("19:40"), &doc, 1, fallback()),
            Ok(at(1, 14, 10))
        );
        assert_eq!(
            resolve_row_time(entry("2025-08-02 05:30"), &doc, 1, fallback()),
            Ok(at(2, 0, 0))
        );
    }

    #[test]
    fn rows_earlier_than_a_row_above_are_out_of_order() {
        let rows = vec![
            row("a", Some(at(1, 14, 5))),
            row("b", None),
            row("c", Some(at(1, 14, 3))),
            row("d", Some(at(1, 14, 5))),
            row("e", Some(at(1, 14, 4))),
        ];
        assert_eq!(rows_out_of_order(&rows), [2, 4]);
    }

    #[test]
    fn one_row_out_of_place_is_the_only_one_blamed() {
        let mut rows: Vec<TimelineRow> = (0..12)
            .map(|minute| row("in order", Some(at(1, 14, minute))))
            .collect();
        // The last row dragged to the top.
        let last = rows.pop().unwrap();
        rows.insert(0, last);
        assert_eq!(rows_out_of_order(&rows), [0]);
        // The first row dragged to the bottom instead.
        rows.rotate_left(1);
        let first = rows.remove(0);
        rows.push(first);
        assert_eq!(rows_out_of_order(&rows), [11]);
    }

    #[test]
    fn pasted_rows_go_to_their_place_in_time() {
        let mut rows = vec![
            row("14:03", Some(at(1, 14, 3))),
            row("note", None),
            row("14:10", Some(at(1, 14, 10))),
        ];
        insert_by_time(
            &mut rows,
            vec![
                row("14:05", Some(at(1, 14, 5))),
                row("14:10 too", Some(at(1, 14, 10))),
                row("14:01", Some(at(1, 14, 1))),
            ],
        );
        assert_eq!(
            events(&rows),
            ["14:01", "14:03", "note", "14:05", "14:10", "14:10 too"]
        );
    }

    fn events(rows: &[TimelineRow]) -> Vec<&str> {
        rows.iter().map(|row| row.event.as_str()).collect()
    }

    #[test]
    fn sorting_is_stable_and_keeps_untimed_rows_with_the_row_they_followed() {
        let rows = vec![
            row("untimed first", None),
            row("14:10", Some(at(1, 14, 10))),
            row("note after 14:10", None),
            row("14:03 one", Some(at(1, 14, 3))),
            row("14:05", Some(at(1, 14, 5))),
            row("14:03 two", Some(at(1, 14, 3))),
            row("note after 14:03 two", None),
        ];
        assert_eq!(
            events(&sorted_by_time(&rows)),
            [
                "untimed first",
                "14:03 one",
                "14:03 two",
                "note after 14:03 two",
                "14:05",
                "14:10",
                "note after 14:10",
            ]
        );
    }

    #[test]
    fn sorting_rows_in_order_changes_nothing() {
        let rows = vec![
            row("a", Some(at(1, 1, 0))),
            row("b", None),
            row("c", Some(at(1, 2, 0))),
        ];
        assert_eq!(sorted_by_time(&rows), rows);
        assert_eq!(sorted_by_time(&[]), Vec::<TimelineRow>::new());
        let untimed = vec![row("x", None), row("y", None)];
        assert_eq!(sorted_by_time(&untimed), untimed);
    }
}
