//! Timeline rules that do not depend on the editor: what a typed time means in its place,
//! which rows disagree with their times, and sorting by time without losing hand order.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::document::{KeyTime, KeyTimes, Postmortem, TimelineRow};
use super::time_entry::TimeEntry;
use super::written::TimeEntryError;
use super::written::{DayContext, DayOrder, Direction, ZoneInForce, time_after};

/// The instant a typed entry stands for when it is the time of row `index`.
///
/// A day written with it is taken as written. A time of day takes its day from the nearest
/// timed row above: that row's day, or the next when that is nearer (`23:40` then `00:10`
/// crosses midnight; `14:10` then `14:05` stays on the day and shows out of order). With no
/// timed row above, the incident's day ([`incident_day`]); `fallback` only for a document
/// that has no date at all.
pub fn resolve_row_time(
    entry: TimeEntry,
    doc: &Postmortem,
    index: usize,
    fallback: NaiveDate,
) -> Result<DateTime<Utc>, TimeEntryError> {
    let above = doc.timeline[..index.min(doc.timeline.len())]
        .iter()
        .rev()
        .find_map(|row| row.time);
    let day = incident_day(doc).unwrap_or(fallback);
    resolve_after(entry, above, day, doc.time_zone)
}

/// Like [`resolve_row_time`], with the time above and the incident's day given directly.
pub fn resolve_after(
    entry: TimeEntry,
    above: Option<DateTime<Utc>>,
    incident_day: NaiveDate,
    zone: Tz,
) -> Result<DateTime<Utc>, TimeEntryError> {
    let read_in = ZoneInForce::of(entry.clock.zone, zone)?;
    let reference = above.map_or(incident_day, |above| read_in.date_of(above));
    if entry.has_day() {
        let context = DayContext {
            reference,
            order: DayOrder::usual_in(zone),
            latest: None,
        };
        return entry.on(context, zone);
    }
    match above {
        Some(above) => time_after(entry.clock.time, above, read_in, Direction::OldestFirst),
        None => read_in.to_utc(incident_day.and_time(entry.clock.time)),
    }
}

/// The day a time written without one belongs to: the incident's start, else its earliest
/// key time, else its earliest timed row, else the day the postmortem was created — in the
/// document's zone. `None` only for a document with no date anywhere.
#[must_use]
pub fn incident_day(doc: &Postmortem) -> Option<NaiveDate> {
    let on_day = |instant: DateTime<Utc>| doc.local_day(instant);
    doc.key_times
        .started
        .or_else(|| {
            KeyTime::ALL
                .iter()
                .filter_map(|key| doc.key_times.get(*key))
                .min()
        })
        .or_else(|| doc.timeline.iter().filter_map(|row| row.time).min())
        .map(on_day)
        .or(doc.created)
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
/// an earlier row). New rows without a time go at the end, after all the others.
///
/// The same as inserting them one by one, in linear-logarithmic time: each new row's place
/// among the old rows is found by a binary search of the old rows' running latest time, and
/// the new rows bound for one place go there in time order (equal times as given).
pub fn insert_by_time(rows: &mut Vec<TimelineRow>, new: Vec<TimelineRow>) {
    let mut latest_so_far = Vec::with_capacity(rows.len());
    let mut latest: Option<DateTime<Utc>> = None;
    for row in rows.iter() {
        latest = latest.max(row.time);
        latest_so_far.push(latest);
    }
    let mut timed = Vec::new();
    let mut untimed = Vec::new();
    for (order, row) in new.into_iter().enumerate() {
        match row.time {
            Some(time) => {
                let at = latest_so_far
                    .partition_point(|latest| latest.is_none_or(|latest| latest <= time));
                timed.push((at, time, order, row));
            }
            None => untimed.push(row),
        }
    }
    timed.sort_by_key(|(at, time, order, _)| (*at, *time, *order));
    let old = std::mem::take(rows);
    rows.reserve(old.len() + timed.len() + untimed.len());
    let mut timed = timed.into_iter().peekable();
    for (index, row) in old.into_iter().enumerate() {
        while let Some((_, _, _, new_row)) = timed.next_if(|(at, ..)| *at == index) {
            rows.push(new_row);
        }
        rows.push(row);
    }
    rows.extend(timed.map(|(_, _, _, row)| row));
    rows.extend(untimed);
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

/// The time range a picture of the incident covers (the editor's strip above the timeline,
/// the HTML export's): every key time and every timed row, with a margin.
#[must_use]
pub fn incident_span(doc: &Postmortem) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let times = KeyTime::ALL
        .iter()
        .filter_map(|key| doc.key_times.get(*key))
        .chain(doc.timeline.iter().filter_map(|row| row.time));
    let (first, last) = times.fold(
        None,
        |range: Option<(DateTime<Utc>, DateTime<Utc>)>, time| {
            Some(range.map_or((time, time), |(low, high)| (low.min(time), high.max(time))))
        },
    )?;
    let margin = ((last - first) / 20).max(chrono::TimeDelta::minutes(1));
    Some((first - margin, last + margin))
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
    fn a_time_a_little_earlier_than_the_row_above_stays_on_its_day() {
        let doc = Postmortem {
            timeline: vec![row("a", Some(at(1, 14, 10)))],
            ..Postmortem::default()
        };
        let time = resolve_row_time(entry("14:05"), &doc, 1, fallback());
        assert_eq!(time, Ok(at(1, 14, 5)));
        let mut rows = doc.timeline.clone();
        rows.push(row("b", time.ok()));
        assert_eq!(rows_out_of_order(&rows), [1]);
    }

    #[test]
    fn twelve_hour_times_and_written_zones_in_a_row() {
        let doc = Postmortem {
            timeline: vec![row("a", Some(at(1, 14, 3)))],
            ..Postmortem::default()
        };
        assert_eq!(
            resolve_row_time(entry("2:45 PM"), &doc, 1, fallback()),
            Ok(at(1, 14, 45))
        );
        // 10:45 in New York in August is 14:45 UTC.
        assert_eq!(
            resolve_row_time(entry("10:45 AM ET"), &doc, 1, fallback()),
            Ok(at(1, 14, 45))
        );
    }

    #[test]
    fn without_a_start_the_incidents_day_comes_from_its_other_dates() {
        let mut doc = Postmortem {
            timeline: vec![row("later", Some(at(3, 10, 0)))],
            ..Postmortem::default()
        };
        assert_eq!(
            resolve_row_time(entry("09:00"), &doc, 0, fallback()),
            Ok(at(3, 9, 0))
        );
        doc.key_times.detected = Some(at(2, 8, 0));
        assert_eq!(
            resolve_row_time(entry("09:00"), &doc, 0, fallback()),
            Ok(at(2, 9, 0))
        );
    }

    #[test]
    fn many_rows_go_in_as_one_at_a_time_would_put_them() {
        let existing = vec![
            row("12", Some(at(1, 12, 0))),
            row("untimed", None),
            row("09", Some(at(1, 9, 0))),
            row("13", Some(at(1, 13, 0))),
        ];
        let new = vec![
            row("11", Some(at(1, 11, 0))),
            row("none", None),
            row("12:30", Some(at(1, 12, 30))),
            row("10", Some(at(1, 10, 0))),
            row("14", Some(at(1, 14, 0))),
            row("13 again", Some(at(1, 13, 0))),
        ];
        // One by one, with the rows without a time after all the others.
        let mut one_by_one = existing.clone();
        let (timed, untimed): (Vec<_>, Vec<_>) =
            new.clone().into_iter().partition(|row| row.time.is_some());
        for row in timed.into_iter().chain(untimed) {
            let at = row.time.map_or(one_by_one.len(), |time| {
                one_by_one
                    .iter()
                    .position(|other| other.time.is_some_and(|other| other > time))
                    .unwrap_or(one_by_one.len())
            });
            one_by_one.insert(at, row);
        }
        let mut at_once = existing;
        insert_by_time(&mut at_once, new);
        assert_eq!(at_once, one_by_one);
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
