//! Placing pasted times in time: each row's date and zone worked out the way a person reads
//! the paste, and the instant it stands for.
//!
//! A time with its own date is taken as it is. A time without one follows the row before it
//! under the same date line, rolling to the next day when it is earlier (an incident crosses
//! midnight); the first under a date line takes that date; with no date line, the first
//! takes the date of the incident's start, else today. A zone written with the time, or on
//! the date line, wins over the document's.

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::dates::PastedDate;
use super::zones::PasteZone;
use super::{ChatPaste, Clock, DayLine, UnusedLine, UnusedReason};
use crate::model::bounds::instant_in_range;
use crate::model::document::TimelineRow;
use crate::model::time_entry::{TimeEntryError, local_to_utc};

/// A pasted row placed in time, ready to add.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedRow {
    /// The timeline row.
    pub row: TimelineRow,
    /// The pasted lines it came from, numbered from 1.
    pub lines: Vec<usize>,
}

/// A paste placed in time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResolvedPaste {
    /// The rows, in the order they were pasted.
    pub rows: Vec<ResolvedRow>,
    /// The lines that are in no row, with why, in line order.
    pub unused: Vec<UnusedLine>,
}

/// Places every row of `paste` in time for a document shown in `zone` whose incident
/// started at `started`; `today` stands in for a date when nothing else gives one.
#[must_use]
pub fn resolve_paste(
    paste: &ChatPaste,
    zone: Tz,
    started: Option<DateTime<Utc>>,
    today: NaiveDate,
) -> ResolvedPaste {
    let mut resolved = ResolvedPaste {
        rows: Vec::new(),
        unused: paste.unused.clone(),
    };
    // The last placed row: its instant, and the date line it was under.
    let mut previous: Option<(DateTime<Utc>, Option<usize>)> = None;
    for pasted in &paste.rows {
        let day_line = pasted.day.map(|day| day.line);
        let after = previous
            .filter(|(_, line)| *line == day_line)
            .map(|(at, _)| at);
        let Some(clock) = pasted.clock else {
            // Copied without a time: a row the user times by hand.
            resolved.rows.push(ResolvedRow {
                row: TimelineRow {
                    time: None,
                    event: pasted.event.clone(),
                    notes: pasted.notes.clone(),
                    actor: pasted.actor.clone(),
                    ..TimelineRow::default()
                },
                lines: pasted.lines.clone(),
            });
            continue;
        };
        match place(clock, pasted.day, zone, started, today, after) {
            Ok(time) => {
                previous = Some((time, day_line));
                resolved.rows.push(ResolvedRow {
                    row: TimelineRow {
                        time: Some(time),
                        event: pasted.event.clone(),
                        notes: pasted.notes.clone(),
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

/// The zone a row's time is read in.
#[derive(Clone, Copy)]
enum ReadIn {
    Zone(Tz),
    Offset(FixedOffset),
}

impl ReadIn {
    fn of(written: Option<PasteZone>, document: Tz) -> Self {
        match written {
            None => Self::Zone(document),
            Some(PasteZone::Utc) => Self::Zone(chrono_tz::UTC),
            Some(PasteZone::Named(zone)) => Self::Zone(zone),
            Some(PasteZone::Offset(offset)) => Self::Offset(offset),
        }
    }

    fn to_utc(self, local: NaiveDateTime) -> Result<DateTime<Utc>, TimeEntryError> {
        match self {
            Self::Zone(zone) => local_to_utc(local, zone),
            Self::Offset(offset) => offset
                .from_local_datetime(&local)
                .single()
                .map(|time| time.with_timezone(&Utc))
                .filter(|time| instant_in_range(*time))
                .ok_or_else(|| {
                    TimeEntryError::OutOfRange(local.format("%Y-%m-%d %H:%M").to_string())
                }),
        }
    }

    fn date_of(self, instant: DateTime<Utc>) -> NaiveDate {
        match self {
            Self::Zone(zone) => instant.with_timezone(&zone).date_naive(),
            Self::Offset(offset) => instant.with_timezone(&offset).date_naive(),
        }
    }
}

fn place(
    clock: Clock,
    day: Option<DayLine>,
    zone: Tz,
    started: Option<DateTime<Utc>>,
    today: NaiveDate,
    after: Option<DateTime<Utc>>,
) -> Result<DateTime<Utc>, TimeEntryError> {
    let read_in = ReadIn::of(clock.zone.or(day.and_then(|day| day.zone)), zone);
    let time = clock.time;
    // The year of a date written without one: the incident's, else this year.
    let reference = started.map_or(today, |start| read_in.date_of(start));
    if let Some(date) = clock.date {
        return read_in.to_utc(calendar_date(date, reference)?.and_time(time));
    }
    if let Some(after) = after {
        let date = read_in.date_of(after);
        let same_day = read_in.to_utc(date.and_time(time))?;
        if same_day >= after {
            return Ok(same_day);
        }
        let next_day = date
            .checked_add_days(Days::new(1))
            .ok_or(TimeEntryError::Unreadable)?;
        return read_in.to_utc(next_day.and_time(time));
    }
    let date = match day {
        Some(day) => calendar_date(day.date, reference)?,
        None => reference,
    };
    read_in.to_utc(date.and_time(time))
}

/// A pasted date as a calendar date. Without a year it takes the one that puts it nearest
/// `reference`: `12-05` in a timeline leading up to a March incident is the December before.
fn calendar_date(date: PastedDate, reference: NaiveDate) -> Result<NaiveDate, TimeEntryError> {
    use chrono::Datelike;
    let no_such_date =
        |year: i32| TimeEntryError::NoSuchDate(format!("{year}-{:02}-{:02}", date.month, date.day));
    if let Some(year) = date.year {
        return NaiveDate::from_ymd_opt(year, date.month, date.day)
            .ok_or_else(|| no_such_date(year));
    }
    let year = reference.year();
    [year, year - 1, year + 1]
        .into_iter()
        .filter_map(|year| NaiveDate::from_ymd_opt(year, date.month, date.day))
        .min_by_key(|candidate| (*candidate - reference).num_days().abs())
        .ok_or_else(|| no_such_date(year))
}
