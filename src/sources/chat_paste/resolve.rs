//! Placing pasted times in time: each row's date and zone worked out the way a person reads
//! the paste, and the instant it stands for.
//!
//! A time with its own date is taken as it is. A time without one follows the row before it
//! under the same date line, on its day or the next, whichever is nearer (so `23:40` then
//! `00:10` crosses midnight, while `14:10` then `14:05` stays put and shows out of order);
//! the first under a date line takes that date; with no date line, the first
//! takes the date of the incident's start, else today. A zone written with the time, or on
//! the date line, wins over the document's.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::{ChatPaste, DayLine, UnusedLine, UnusedReason, WrittenTime};
use crate::model::incident_day;
use crate::model::{
    DayContext, DayOrder, Direction, Offset, WrittenDay, ZoneInForce, afternoon_after,
    calendar_date, time_after,
};
use crate::model::{PasteZone, TimeEntryError};
use crate::model::{Postmortem, TimelineRow};

/// A pasted row placed in time, ready to add.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedRow {
    /// The timeline row.
    pub row: TimelineRow,
    /// The pasted lines it came from, numbered from 1.
    pub lines: Vec<usize>,
}

/// A paste placed in time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedPaste {
    /// The rows, in the order they were pasted.
    pub rows: Vec<ResolvedRow>,
    /// The lines that are in no row, with why, in line order.
    pub unused: Vec<UnusedLine>,
    /// The order the paste was read in: given, or found from its times.
    pub direction: Direction,
    /// How numbers alone were read: given, proved or suggested by the paste's own dates, or
    /// usual in the zone.
    pub day_order: DayOrder,
}

/// What places a paste's times: the document's zone and day, and what a person chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PasteContext {
    /// The zone times are read in unless they name their own.
    pub zone: Tz,
    /// The incident's start: the year and day of times written without them.
    pub started: Option<DateTime<Utc>>,
    /// The day a time with no date anywhere takes, when there is no start: the incident's
    /// day, or one a person chose.
    pub day: NaiveDate,
    /// The order the source runs in; `None` finds it from the times.
    pub direction: Option<Direction>,
    /// How numbers alone (`03/04`) are read; `None` takes the order the paste's own dates
    /// prove, else the one usual in the zone.
    pub day_order: Option<DayOrder>,
    /// Today, when known: a date written without its year is none after it, since what a
    /// timeline tells has happened.
    pub latest: Option<NaiveDate>,
}

impl PasteContext {
    /// The context `doc` gives: its zone, its start, its day (`fallback` only for a document
    /// with no date anywhere); the direction found from the paste.
    #[must_use]
    pub fn of_document(doc: &Postmortem, fallback: NaiveDate) -> Self {
        Self {
            zone: doc.time_zone,
            started: doc.key_times.started,
            day: incident_day(doc).unwrap_or(fallback),
            direction: None,
            day_order: None,
            latest: Some(fallback),
        }
    }
}

/// Whether the times of a paste run backwards: more steps back than forward between
/// neighbouring rows (status pages and pager logs list the newest first). Two rows on known
/// days compare as written. Between two rows with no day written, only a short step (six
/// hours or less) that does not cross midnight counts: `00:20` then `00:05` is a step back,
/// while `00:00` then `12:01`, or `00:05` then `23:50`, says nothing. A row with a day next to
/// one without says nothing either: the bare time is on the day above, whatever the order.
#[must_use]
pub fn runs_newest_first(paste: &ChatPaste) -> bool {
    let (mut back, mut forward) = (0_usize, 0_usize);
    let key = |row: &super::PastedRow| {
        let clock = row.clock?;
        let date = match clock.date {
            Some(WrittenDay::Date(date)) => Some(date),
            Some(_) => None,
            None => row.day.map(|day| day.date),
        };
        Some((
            date.map(|date| (date.year, date.month, date.day)),
            clock.time,
        ))
    };
    let keyed: Vec<_> = paste.rows.iter().filter_map(key).collect();
    for pair in keyed.windows(2) {
        let ((first_date, first_time), (second_date, second_time)) = (pair[0], pair[1]);
        let step = match (first_date, second_date) {
            (Some(first), Some(second)) if first != second => second.cmp(&first),
            (Some(_), Some(_)) => second_time.cmp(&first_time),
            (Some(_), None) | (None, Some(_)) => std::cmp::Ordering::Equal,
            (None, None) => {
                let short = (second_time - first_time).abs() <= chrono::TimeDelta::hours(6);
                if short {
                    second_time.cmp(&first_time)
                } else {
                    std::cmp::Ordering::Equal
                }
            }
        };
        match step {
            std::cmp::Ordering::Less => back += 1,
            std::cmp::Ordering::Greater => forward += 1,
            std::cmp::Ordering::Equal => {}
        }
    }
    // A status page's two updates, each stamped below with its day in full, the second
    // before the first, are as plain a sign as many are.
    let two_dated =
        paste.stamped_below && keyed.len() == 2 && keyed.iter().all(|(date, _)| date.is_some());
    (back >= 2 || two_dated) && back > forward * 2
}

/// The order of a paste's first date written in numbers alone (`05/01/2022`) when one way
/// of reading it is the incident's day and the other is not: a copy of the day's talk names
/// that day. `None` when nothing tells.
fn order_that_names_the_day(paste: &ChatPaste, day: NaiveDate) -> Option<DayOrder> {
    use chrono::Datelike;
    let (first, second, year) = paste.rows.iter().find_map(|row| match row.clock?.date? {
        WrittenDay::Numeric {
            first,
            second,
            year,
        } => Some((first, second, year)),
        _ => None,
    })?;
    let names_the_day = |month: u32, day_of_month: u32| {
        month == day.month()
            && day_of_month == day.day()
            && year.is_none_or(|year| year == day.year())
    };
    match (names_the_day(second, first), names_the_day(first, second)) {
        (true, false) => Some(DayOrder::DayFirst),
        (false, true) => Some(DayOrder::MonthFirst),
        _ => None,
    }
}

/// Places every row of `paste` in time in `context`.
#[must_use]
pub fn resolve_paste(paste: &ChatPaste, context: &PasteContext) -> ResolvedPaste {
    let PasteContext {
        zone,
        started,
        day: today,
        direction,
        day_order,
        latest,
    } = *context;
    let day_order = day_order
        .or(paste.day_order)
        .or_else(|| order_that_names_the_day(paste, today))
        .unwrap_or(DayOrder::usual_in(zone));
    let direction = direction.unwrap_or(if runs_newest_first(paste) {
        Direction::NewestFirst
    } else {
        Direction::OldestFirst
    });
    let mut resolved = ResolvedPaste {
        rows: Vec::new(),
        unused: paste.unused.clone(),
        direction,
        day_order,
    };
    let mut placing = Placing {
        zone,
        started,
        day: today,
        order: day_order,
        today_in_copy: today_in_copy(paste, today),
        direction,
        latest,
    };
    // Whether a day told relative to the copy's (`Yesterday`) has been placed.
    let mut relative_seen = false;
    // The last placed row: its instant, and the date line it was under.
    let mut previous: Option<(DateTime<Utc>, Option<usize>)> = None;
    // What an offset (`T+15m`) counts from: the first time written in full, else the start.
    let mut first_written: Option<DateTime<Utc>> = None;
    for pasted in &paste.rows {
        let day_line = pasted.day.map(|day| day.line);
        let after = previous
            .filter(|(_, line)| *line == day_line)
            .map(|(at, _)| at);
        let Some(clock) = pasted.clock else {
            let (time, notes) = placing.untimed(pasted, first_written.or(started));
            if let Some(time) = time {
                previous = Some((time, day_line));
            }
            resolved.rows.push(ResolvedRow {
                row: TimelineRow {
                    time,
                    event: pasted.event.clone(),
                    notes,
                    actor: pasted.actor.clone(),
                    evidence: pasted.evidence.clone(),
                    ..TimelineRow::default()
                },
                lines: pasted.lines.clone(),
            });
            continue;
        };
        let placed = placing.place(clock, pasted.day, after, previous.map(|(at, _)| at));
        let placed = match (placed, clock.date) {
            // The copy's first `Yesterday` or `Today` was taken to be the day given; under
            // messages dated in full that are later, it is a day after them (`potter420 —
            // 05/01/2022` … `[20:11]`, then `ritchie46 — Yesterday at 14:56`).
            (Ok(time), Some(WrittenDay::Relative(_))) if !relative_seen => {
                relative_seen = true;
                placing.after_the_rows_above(time, (clock, pasted.day, after), previous)
            }
            (placed, _) => placed,
        };
        match placed {
            Ok(time) => {
                previous = Some((time, day_line));
                first_written = first_written.or(Some(time));
                resolved.rows.push(ResolvedRow {
                    row: TimelineRow {
                        time: Some(time),
                        event: pasted.event.clone(),
                        notes: notes_with_written_time(&pasted.notes, clock),
                        actor: pasted.actor.clone(),
                        evidence: pasted.evidence.clone(),
                        ..TimelineRow::default()
                    },
                    lines: pasted.lines.clone(),
                });
            }
            Err(error) => {
                for line in &pasted.lines {
                    resolved.unused.push(UnusedLine {
                        line: *line,
                        text: pasted.event.clone(),
                        reason: UnusedReason::Time(error.to_string()),
                    });
                }
            }
        }
    }
    resolved.unused.sort_by_key(|unused| unused.line);
    resolved
}

/// The day a copy's "Today" stands for: the first relative day written (`Yesterday at
/// 9:25 PM`) is the context's day, and the others count from it.
fn today_in_copy(paste: &ChatPaste, day: NaiveDate) -> NaiveDate {
    let first_relative = paste.rows.iter().find_map(|row| match row.clock?.date? {
        WrittenDay::Relative(offset) => Some(offset),
        _ => None,
    });
    first_relative
        .and_then(|offset| {
            let days = chrono::Days::new(u64::from(offset.unsigned_abs()));
            if offset < 0 {
                day.checked_add_days(days)
            } else {
                day.checked_sub_days(days)
            }
        })
        .unwrap_or(day)
}

/// What places one row: the paste's context and what the rows before it settled.
struct Placing {
    zone: Tz,
    /// The incident's start: the year of a date written without one.
    started: Option<DateTime<Utc>>,
    /// The day a time with no date anywhere takes.
    day: NaiveDate,
    /// How numbers alone are read.
    order: DayOrder,
    /// The day a copy's "Today" stands for: the first relative day written is the context's
    /// day, and the others count from it.
    today_in_copy: NaiveDate,
    direction: Direction,
    /// The last day a date written without its year may be.
    latest: Option<NaiveDate>,
}

impl Placing {
    /// Where `clock` stands in time: on its own day or the paste's, after the row above on
    /// the same date line (`after`), and read in the afternoon when its hour was written
    /// bare and the row above (`above`, under any date line) is later that day.
    fn place(
        &self,
        clock: WrittenTime,
        day: Option<DayLine>,
        after: Option<DateTime<Utc>>,
        above: Option<DateTime<Utc>>,
    ) -> Result<DateTime<Utc>, TimeEntryError> {
        let (placed, read_in) = self.place_as_written(clock, day, after)?;
        Ok(match above {
            Some(above) if clock.bare_hour && self.direction == Direction::OldestFirst => {
                afternoon_after(placed, above, read_in)
            }
            _ => placed,
        })
    }

    /// Where a row with no time of day stands, and its notes. Written as an offset, it is
    /// placed from the start it counts from; copied without a time, it is a row the user
    /// times by hand. Under a date line of the text, its day is all that is known of when:
    /// kept in the notes, so the row is not left with no day at all. (A day only assumed,
    /// the incident's, is no line of the text: line 0.)
    fn untimed(
        &self,
        pasted: &super::PastedRow,
        start: Option<DateTime<Utc>>,
    ) -> (Option<DateTime<Utc>>, String) {
        match &pasted.offset {
            Some(offset) => place_offset(offset, start, &pasted.notes),
            None => match pasted
                .day
                .filter(|day| day.line > 0)
                .and_then(|day| self.date_of(day))
            {
                Some(date) => (None, notes_with_day(&pasted.notes, date)),
                None => (None, pasted.notes.clone()),
            },
        }
    }

    /// The first `Yesterday` or `Today` of a copy, placed at `time` against the day given:
    /// under messages dated in full that are later (`potter420 — 05/01/2022` … `[20:11]`,
    /// then `ritchie46 — Yesterday at 14:56`), the copy's days are moved on so that it comes
    /// after them, and it is placed again.
    fn after_the_rows_above(
        &mut self,
        time: DateTime<Utc>,
        (clock, day, after): (WrittenTime, Option<DayLine>, Option<DateTime<Utc>>),
        previous: Option<(DateTime<Utc>, Option<usize>)>,
    ) -> Result<DateTime<Utc>, TimeEntryError> {
        let Some((above, _)) =
            previous.filter(|(at, _)| time < *at && self.direction == Direction::OldestFirst)
        else {
            return Ok(time);
        };
        let behind = (above - time).num_days() + 1;
        self.today_in_copy = self
            .today_in_copy
            .checked_add_days(chrono::Days::new(behind.unsigned_abs()))
            .unwrap_or(self.today_in_copy);
        self.place(clock, day, after, Some(above))
    }

    /// The calendar day of a date line, its year taken as a time's below it would be.
    fn date_of(&self, day: DayLine) -> Option<NaiveDate> {
        let reference = self.started.map_or(self.day, |start| {
            start.with_timezone(&self.zone).date_naive()
        });
        calendar_date(day.date, reference, self.latest).ok()
    }

    fn place_as_written(
        &self,
        clock: WrittenTime,
        day: Option<DayLine>,
        after: Option<DateTime<Utc>>,
    ) -> Result<(DateTime<Utc>, ZoneInForce), TimeEntryError> {
        // A day that is only guessed (no year written, no incident to date it, the day
        // taken from today) cannot show that an abbreviation was a slip: it is taken at its
        // word.
        let year_written = match clock.date {
            Some(WrittenDay::Date(date)) => date.year.is_some(),
            Some(_) => false,
            None => day.is_some_and(|day| day.date.year.is_some()),
        };
        let incident_dated = self.started.is_some() || self.latest != Some(self.day);
        let written = clock.zone.or(day.and_then(|day| day.zone));
        let written = if year_written || incident_dated {
            written
        } else {
            written.map(PasteZone::at_its_word)
        };
        let read_in = ZoneInForce::of(written, self.zone)?;
        let time = clock.time;
        // The year of a date written without one: the incident's, else the day's.
        let reference = self
            .started
            .map_or(self.day, |start| read_in.date_of(start));
        if let Some(written) = clock.date {
            // A date line in force that names its year (a page's front matter, `date:
            // 2022-12-18`) says which year a `Dec 16th` below it is in.
            let dated_line = day
                .filter(|day| day.date.year.is_some())
                .and_then(|day| calendar_date(day.date, reference, self.latest).ok());
            let reference = match written {
                WrittenDay::Relative(_) => self.today_in_copy,
                // `Wednesday, 8 May 10pm` then `Thursday, 12pm`: in a source read oldest
                // first, a weekday is the nearest such day to the row above, which the
                // latest on or before three days later is. A story's opening line (`On
                // Monday, August 23rd …`) may stand above a timeline that starts on the
                // Sunday before.
                WrittenDay::Weekday(_) if self.direction == Direction::OldestFirst => after
                    .map(|above| read_in.date_of(above) + chrono::Days::new(3))
                    .or(dated_line)
                    .unwrap_or(reference),
                _ => dated_line.unwrap_or(reference),
            };
            let context = DayContext {
                reference,
                order: self.order,
                latest: self.latest,
            };
            return Ok((
                read_in.to_utc(written.settle(context)?.and_time(time))?,
                read_in,
            ));
        }
        if let Some(after) = after {
            return Ok((time_after(time, after, read_in, self.direction)?, read_in));
        }
        let date = match day {
            Some(day) => calendar_date(day.date, reference, self.latest)?,
            None => reference,
        };
        Ok((read_in.to_utc(date.and_time(time))?, read_in))
    }
}

/// An untimed row's notes, with the day it is dated on first: the day is all that is known
/// of when it happened.
#[must_use]
pub fn notes_with_day(notes: &str, date: NaiveDate) -> String {
    let day = format!("On {date}; no time was written.");
    if notes.trim().is_empty() {
        day
    } else {
        format!("{day}\n{notes}")
    }
}

/// A row's notes, with the time as written when it says more than the instant kept (an
/// approximate time, a range).
fn notes_with_written_time(notes: &str, clock: WrittenTime) -> String {
    match clock.as_written_note() {
        None => notes.to_owned(),
        Some(written) => join_notes(&written, notes),
    }
}

/// The instant `offset` names when counted from `start`, and the row's notes saying how the
/// time was written (or that nothing above gave it a start).
fn place_offset(
    offset: &Offset,
    start: Option<DateTime<Utc>>,
    notes: &str,
) -> (Option<DateTime<Utc>>, String) {
    let time = start.and_then(|start| start.checked_add_signed(offset.after));
    let written = match time {
        Some(_) => format!("Time written as {}", offset.written),
        None => format!(
            "Time written as {}, with no time above to count from",
            offset.written
        ),
    };
    (time, join_notes(&written, notes))
}

/// `written`, then the row's own notes.
fn join_notes(written: &str, notes: &str) -> String {
    if notes.is_empty() {
        written.to_owned()
    } else {
        format!("{written}. {notes}")
    }
}
