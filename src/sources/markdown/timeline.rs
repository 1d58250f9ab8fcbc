//! The timeline of an imported postmortem. Its pieces (tables, lists, lines, times written
//! as headings) are gathered while the document is read and placed in time at the end, once
//! the fields have said when the incident started; a date or zone written above a piece
//! (`2016-09-05 (all times UTC)`, `All times in PST`) carries on to the pieces below it.

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use super::blocks::TableRow;
use super::pieces::{Piece, merged, with_told_among};
use super::settings::{Setting, pasted_date};
use crate::model::{
    DayOrder, Direction, PasteZone, TimelineRow, WrittenDay, WrittenTime, calendar_date,
    read_clock, read_date_line,
};
use crate::sources::{
    ChatPaste, DayLine, PasteContext, PastedRow, UnusedReason, parse_entries, parse_table,
    resolve_paste,
};

/// A part of the source and what became of it.
#[derive(Clone, Debug)]
pub enum Outcome {
    /// It is this timeline row.
    Row(TimelineRow),
    /// It dates the rows below it; what it says besides, as written.
    Date(Option<String>),
    /// It names the zone of the times below it (and maybe their day); what it says
    /// besides, as written.
    Zone(Option<String>),
    /// It made no row, with why.
    Unused(String, String),
    /// It has no time, and the day written above it if any: a row of the timeline when it
    /// is one of its items, which keeps that day in its notes.
    Untimed(String, Option<NaiveDate>),
}

/// How the pieces are read: the zone of times that name none, the incident's start (else
/// its day) that times without a date are on before any date line, the day of the import
/// when the file gives no date at all, and what a person settled about the order of lines
/// and of numbers in dates.
#[derive(Clone, Copy, Debug)]
pub struct ReadIn {
    /// The zone of times that name none.
    pub zone: Tz,
    /// The incident's start.
    pub started: Option<DateTime<Utc>>,
    /// The incident's day.
    pub date: Option<NaiveDate>,
    /// The day of the import.
    pub today: NaiveDate,
    /// The last day a date written without its year may be: the day of the import, or the
    /// day the page was published when its front matter says.
    pub latest: NaiveDate,
    /// The order of the lines, when a person chose it.
    pub direction: Option<Direction>,
    /// The order of numbers in dates, when a person chose it or the file proves it.
    pub day_order: Option<DayOrder>,
}

/// What reading the pieces found out about them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Found {
    /// Whether some piece ran newest first.
    pub newest_first: bool,
    /// How numbers alone in dates were read, if any piece had rows.
    pub day_order: Option<DayOrder>,
    /// Whether some time's date was written with numbers alone that read both ways.
    pub numeric_dates: bool,
    /// The first line that names the zone of the times below it (`All times in CEST`).
    pub zone_line: Option<usize>,
    /// The zones the timed rows were written in, so far.
    pub times_zone: TimesZone,
    /// Whether some timed row named its zone, itself or by a line above it.
    pub named_a_zone: bool,
    /// The zones of the timed rows that named one.
    pub named_zone: TimesZone,
}

/// The zone the timed rows of a timeline were written in, itself or by a line above them
/// (`June 21, 19:15 PT`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimesZone {
    /// No timed row yet.
    #[default]
    NoneYet,
    /// Every one so far names this region.
    Region(Tz),
    /// Every one so far names this offset, the first on this day (`14:20 EST` on 6
    /// February 2025): the standard or summer time of a region one named later may show it.
    Offset(FixedOffset, NaiveDate),
    /// Two disagree, or one names no zone, or an offset on no known day.
    Mixed,
}

impl TimesZone {
    /// The region every timed row names, if one does.
    #[must_use]
    pub fn region(self) -> Option<Tz> {
        match self {
            Self::Region(tz) => Some(tz),
            Self::NoneYet | Self::Offset(..) | Self::Mixed => None,
        }
    }

    /// These zones and one more row's: a region's, or an offset on a known `day`. An offset
    /// agrees with a region whose clock showed it that day, as `All times ET` over the rows
    /// and `Posted Feb 06, 2025 - 14:20 EST` under them do.
    fn with(self, region: Option<Tz>, offset: Option<(FixedOffset, NaiveDate)>) -> Self {
        let shows = |tz: Tz, (offset, day): (FixedOffset, NaiveDate)| {
            day.and_hms_opt(12, 0, 0)
                .is_some_and(|noon| tz.offset_from_utc_datetime(&noon).fix() == offset)
        };
        match (self, region, offset) {
            (Self::NoneYet, Some(tz), _) => Self::Region(tz),
            (Self::NoneYet, None, Some((offset, day))) => Self::Offset(offset, day),
            (Self::Region(seen), Some(tz), _) if seen == tz => self,
            (Self::Region(seen), None, Some(offset)) if shows(seen, offset) => self,
            (Self::Offset(first, day), Some(tz), _) if shows(tz, (first, day)) => Self::Region(tz),
            (Self::Offset(first, _), None, Some((offset, _))) if first == offset => self,
            _ => Self::Mixed,
        }
    }
}

impl Found {
    /// Notes the zone one timed row was written in.
    fn saw_zone(&mut self, zone: Option<PasteZone>, day: Option<NaiveDate>) {
        self.named_a_zone |= zone.is_some();
        // `PDT` after each time names the Pacific region as `PT` does.
        let region = match zone {
            Some(PasteZone::Named(tz) | PasteZone::Regional(tz, _)) => Some(tz),
            _ => None,
        };
        if zone.is_some() {
            // `2024-01-02T06:58:38+08:00`: an offset of whole hours is a clock of its own.
            let clock = match zone {
                Some(PasteZone::Offset(offset)) => crate::model::zone_of_whole_hours(offset),
                _ => region,
            };
            self.named_zone = match (self.named_zone, clock) {
                (TimesZone::NoneYet, Some(tz)) => TimesZone::Region(tz),
                (TimesZone::Region(seen), Some(tz)) if seen == tz => TimesZone::Region(seen),
                _ => TimesZone::Mixed,
            };
        }
        let offset = match zone {
            Some(PasteZone::Offset(offset)) => day.map(|day| (offset, day)),
            _ => None,
        };
        self.times_zone = self.times_zone.with(region, offset);
    }
}

/// The times of day of the timeline's first and last rows when they are written without a
/// day (`9:30pm: Cory got an alert`); `None` for a row that has a day of its own or no time
/// that can be read from its start.
#[must_use]
pub fn first_and_last_clock(
    pieces: &[Piece],
) -> (Option<chrono::NaiveTime>, Option<chrono::NaiveTime>) {
    let clock_of = |piece: &Piece, last: bool| -> Option<Option<WrittenTime>> {
        match piece {
            Piece::Entries(entries) => {
                let entry = if last {
                    entries.last()
                } else {
                    entries.first()
                };
                entry.map(|(_, text)| {
                    read_clock(text.trim_start_matches(['-', '*', '+', '#', '>', ' ', '_']))
                        .map(|(clock, _)| clock)
                })
            }
            Piece::Told(rows) => {
                let row = if last { rows.last() } else { rows.first() };
                row.map(|(_, row)| row.clock)
            }
            Piece::Table(_, rows) => (!rows.is_empty()).then_some(None),
            Piece::Setting(..) | Piece::ToldAmongEntries(_) | Piece::Start => None,
        }
    };
    let undated = |clock: Option<WrittenTime>| {
        clock
            .filter(|clock| clock.date.is_none())
            .map(|clock| clock.time)
    };
    let first = pieces.iter().find_map(|piece| clock_of(piece, false));
    let last = pieces.iter().rev().find_map(|piece| clock_of(piece, true));
    (first.and_then(undated), last.and_then(undated))
}

/// A part of the source's lines and what became of it.
pub type Placed = ((usize, usize), Outcome);

/// Reads the pieces in order.
#[must_use]
pub fn read_pieces(pieces: &[Piece], read_in: ReadIn) -> (Vec<Placed>, Found) {
    let mut found = Found::default();
    // The incident's day, from a field or the title, dates the first rows in their own zone.
    let mut day: Option<DayLine> = read_in.date.map(day_line);
    let mut written_zone: Option<PasteZone> = None;
    let mut outcomes = Vec::new();
    for (piece, told_among) in &with_told_among(merged(pieces)) {
        let (mut paste, ranges, own_days) = match piece {
            Piece::Start => {
                day = read_in.date.map(day_line);
                continue;
            }
            Piece::Setting(lines, setting) => {
                if let Some(named) = setting.zone {
                    written_zone = Some(named);
                    found.zone_line = found.zone_line.or(Some(lines.0));
                }
                let weekday_date = weekday_date(setting, day, read_in.date);
                // Numbered by its line in the file, as the pieces' own date lines are
                // below: a row left untimed under it keeps the day in its notes.
                if let Some(date) = setting.day.or(weekday_date) {
                    day = Some(DayLine {
                        line: lines.0,
                        date,
                        zone: None,
                    });
                }
                outcomes.push((*lines, setting_outcome(setting)));
                continue;
            }
            Piece::Table(header, rows) => table_paste(header, rows),
            Piece::Entries(entries) => {
                let (mut paste, mut ranges, own_days) = entries_paste(entries);
                super::told_times::read_among(&mut paste, &mut ranges, told_among);
                (paste, ranges, own_days)
            }
            Piece::Told(rows) => told_paste(rows),
            // Shared out among the entries by `with_told_among`.
            Piece::ToldAmongEntries(_) => continue,
        };
        let piece_day = day;
        // What was written above this piece dates and zones its rows that say nothing. A
        // date line of the piece's own is numbered in the piece: renumbered by the file, no
        // two days share a number (and a day no line wrote stays at line 0).
        for row in &mut paste.rows {
            match row.day.as_mut() {
                Some(own) if own.line > 0 => own.line = ranges_at(&ranges, own.line).0,
                Some(_) => {}
                None => row.day = day,
            }
            if let Some(clock) = row.clock.as_mut()
                && clock.zone.is_none()
                && row.day.and_then(|day| day.zone).is_none()
            {
                clock.zone = written_zone;
            }
            if let Some(clock) = row.clock {
                // The day the row is on, when its year is written, to tell which of a
                // region's offsets its clock showed.
                let day = match clock.date {
                    Some(WrittenDay::Date(date)) => Some(date),
                    _ => row.day.map(|day| day.date),
                }
                .and_then(|date| NaiveDate::from_ymd_opt(date.year?, date.month, date.day));
                found.saw_zone(clock.zone.or(row.day.and_then(|day| day.zone)), day);
            }
        }
        // The piece's own days, numbered by the file; the last dates the pieces below.
        let own_days: Vec<DayLine> = own_days
            .into_iter()
            .map(|own| DayLine {
                line: ranges_at(&ranges, own.line).0,
                ..own
            })
            .collect();
        if let Some(last) = own_days.last() {
            day = Some(*last);
        }
        // `The certificates expired at midnight GMT on Monday September 16th.` in a row: the
        // day it tells is in force for the pieces below (`At 4:19 UTC …`), when it is a
        // later one. A day told of as past (`a change made on the 2nd`) dates nothing below.
        if let Some(told) = last_told_day(&paste, &ranges, read_in)
            && day.is_none_or(|day| {
                calendar_date(
                    day.date,
                    read_in.date.unwrap_or(read_in.today),
                    Some(read_in.latest),
                )
                .is_ok_and(|date| date < told.1)
            })
        {
            day = Some(DayLine {
                line: told.0,
                date: pasted_date(told.1),
                zone: None,
            });
        }
        let first_of_piece = outcomes.len();
        let newest_first = place_piece(
            &paste,
            (&ranges, piece_day, &own_days),
            read_in,
            &mut outcomes,
            &mut found,
        );
        // The piece's parts go in the order they were written, rows and the rest alike; a
        // piece written newest first (a status page's updates) goes in oldest first, as a
        // timeline reads.
        if newest_first {
            outcomes[first_of_piece..].sort_by_key(|(lines, _)| std::cmp::Reverse(lines.0));
        } else {
            outcomes[first_of_piece..].sort_by_key(|(lines, _)| lines.0);
        }
    }
    (outcomes, found)
}

/// The last day a piece's rows write with their times (`on Monday September 16th … from
/// 0:00 UTC`): the line that tells it, and the day.
fn last_told_day(
    paste: &ChatPaste,
    ranges: &[(usize, usize)],
    read_in: ReadIn,
) -> Option<(usize, NaiveDate)> {
    paste.rows.iter().rev().find_map(|row| {
        let Some(WrittenDay::Date(date)) = row.clock.and_then(|clock| clock.date) else {
            return None;
        };
        let reference = read_in.date.unwrap_or(read_in.today);
        let date = calendar_date(date, reference, Some(read_in.latest)).ok()?;
        Some((ranges_at(ranges, *row.lines.first()?).0, date))
    })
}

/// A table piece as a paste, with each row's source lines.
fn table_paste(
    header: &[String],
    rows: &[TableRow],
) -> (ChatPaste, Vec<(usize, usize)>, Vec<DayLine>) {
    let cells: Vec<_> = rows
        .iter()
        .enumerate()
        .map(|(index, row)| (index + 1, row.source.clone(), row.cells.clone()))
        .collect();
    let ranges = rows.iter().map(|row| (row.line, row.last_line)).collect();
    (parse_table(header, &cells), ranges, Vec::new())
}

/// Told times as a paste, with each one's paragraph lines.
fn told_paste(
    rows: &[((usize, usize), PastedRow)],
) -> (ChatPaste, Vec<(usize, usize)>, Vec<DayLine>) {
    let paste = ChatPaste {
        rows: rows
            .iter()
            .enumerate()
            .map(|(index, (_, row))| PastedRow {
                lines: vec![index + 1],
                // Numbered as the row, so that the file's numbering finds its line.
                day: row.day.map(|day| DayLine {
                    line: index + 1,
                    ..day
                }),
                ..row.clone()
            })
            .collect(),
        ..ChatPaste::default()
    };
    (
        paste,
        rows.iter().map(|(lines, _)| *lines).collect(),
        Vec::new(),
    )
}

/// Entries as a paste, with each entry's source lines, and the days its date lines set
/// (numbered in the piece), rows or not under them here: the last dates the pieces below.
fn entries_paste(
    entries: &[((usize, usize), String)],
) -> (ChatPaste, Vec<(usize, usize)>, Vec<DayLine>) {
    let lines: Vec<String> = entries
        .iter()
        .map(|(_, text)| text.replace(['\n', '\r'], " "))
        .collect();
    let ranges = entries.iter().map(|(lines, _)| *lines).collect();
    let mut paste = parse_entries(&lines.join("\n"));
    super::told_times::time_dated_entries(&mut paste);
    let own_days = paste
        .date_lines
        .iter()
        .filter_map(|number| {
            let (date, zone) = read_date_line(lines.get(number.saturating_sub(1))?)?;
            Some(DayLine {
                line: *number,
                date,
                zone,
            })
        })
        .collect();
    (paste, ranges, own_days)
}

/// Places one piece's rows in time and says what became of each of its lines. Returns
/// whether the piece was written newest first.
fn place_piece(
    paste: &ChatPaste,
    (ranges, piece_day, own_days): (&[(usize, usize)], Option<DayLine>, &[DayLine]),
    read_in: ReadIn,
    outcomes: &mut Vec<Placed>,
    found: &mut Found,
) -> bool {
    let range_of = |line: usize| -> (usize, usize) { ranges_at(ranges, line) };
    for line in &paste.date_lines {
        outcomes.push((range_of(*line), Outcome::Date(None)));
    }
    // A date without a year is read against the incident's day when the file gives one.
    let resolved = resolve_paste(
        paste,
        &PasteContext {
            zone: read_in.zone,
            started: read_in.started,
            day: read_in.date.unwrap_or(read_in.today),
            direction: read_in.direction,
            day_order: read_in.day_order,
            latest: Some(read_in.latest),
        },
    );
    let newest_first = !resolved.rows.is_empty() && resolved.direction == Direction::NewestFirst;
    if !resolved.rows.is_empty() {
        found.newest_first |= newest_first;
        found.day_order = found.day_order.or(Some(resolved.day_order));
        found.numeric_dates |= paste.rows.iter().any(|row| {
            matches!(
                row.clock.and_then(|clock| clock.date),
                Some(WrittenDay::Numeric { .. })
            )
        });
    }
    for row in resolved.rows {
        let first = row.lines.first().map_or((0, 0), |line| range_of(*line));
        let last = row.lines.last().map_or((0, 0), |line| range_of(*line));
        outcomes.push(((first.0, last.1), Outcome::Row(row.row)));
    }
    for unused in resolved.unused {
        let outcome = if unused.reason == UnusedReason::NoTime {
            let date = untimed_day(paste, (ranges, own_days), piece_day, unused.line)
                .filter(|day| day.line > 0)
                .and_then(|day| {
                    let reference = read_in.date.unwrap_or(read_in.today);
                    calendar_date(day.date, reference, Some(read_in.latest)).ok()
                });
            Outcome::Untimed(unused.text, date)
        } else {
            Outcome::Unused(unused.text, unused.reason.to_string())
        };
        outcomes.push((range_of(unused.line), outcome));
    }
    newest_first
}

/// The day in force at a piece's line `line`, which has no time: the piece's own date line
/// above it (as read, or as the rows under it were dated), else the day written above the
/// piece.
fn untimed_day(
    paste: &ChatPaste,
    (ranges, own_days): (&[(usize, usize)], &[DayLine]),
    piece_day: Option<DayLine>,
    line: usize,
) -> Option<DayLine> {
    // A row dated by its own heading (`## 2024年1月29日下午`).
    let own = paste
        .rows
        .iter()
        .find(|row| row.lines.first() == Some(&line))
        .and_then(|row| row.day)
        .filter(|day| day.line > 0);
    if let Some(own) = own {
        return Some(DayLine {
            line: ranges_at(ranges, own.line).0,
            ..own
        });
    }
    let Some(date_line) = paste.date_lines.iter().rev().find(|date| **date < line) else {
        return piece_day;
    };
    let numbered = ranges_at(ranges, *date_line).0;
    own_days
        .iter()
        .copied()
        .chain(paste.rows.iter().filter_map(|row| row.day))
        .find(|day| day.line == numbered)
}

/// A day as the line above the rows would write it.
fn day_line(date: NaiveDate) -> DayLine {
    DayLine {
        line: 0,
        date: pasted_date(date),
        zone: None,
    }
}

/// What became of a line that dates or zones the times below it, for the report.
fn setting_outcome(setting: &Setting) -> Outcome {
    let kept = setting.kept.clone();
    if setting.zone.is_some() {
        Outcome::Zone(kept)
    } else {
        Outcome::Date(kept)
    }
}

/// The date of a setting that names only a weekday (`Mercredi`, then `Jeudi`): the nearest
/// such day to the day in force, else to the incident's day.
fn weekday_date(
    setting: &Setting,
    day: Option<DayLine>,
    incident_day: Option<NaiveDate>,
) -> Option<crate::model::PastedDate> {
    let weekday = setting.weekday?;
    let from = day
        .and_then(|day| NaiveDate::from_ymd_opt(day.date.year?, day.date.month, day.date.day))
        .or(incident_day)?;
    super::told_days::nearest_weekday_to(from, weekday).map(pasted_date)
}

/// The source lines of a piece's part, numbered from 1.
fn ranges_at(ranges: &[(usize, usize)], line: usize) -> (usize, usize) {
    ranges
        .get(line.saturating_sub(1))
        .copied()
        .unwrap_or((0, 0))
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, NaiveDate};
    use chrono_tz::America::{Chicago, Los_Angeles, New_York};

    use super::TimesZone;

    fn hours(hours: i32) -> FixedOffset {
        FixedOffset::east_opt(hours * 3600).unwrap()
    }

    #[test]
    fn an_offset_agrees_with_a_region_only_where_its_clock_showed_it_that_day() {
        let winter = NaiveDate::from_ymd_opt(2025, 2, 6).unwrap();
        let summer = NaiveDate::from_ymd_opt(2025, 7, 6).unwrap();
        let eastern = TimesZone::NoneYet.with(Some(New_York), None);
        // `14:20 EST` in February is the Eastern clock; in July that clock showed EDT.
        assert_eq!(eastern.with(None, Some((hours(-5), winter))), eastern);
        assert_eq!(
            eastern.with(None, Some((hours(-5), summer))),
            TimesZone::Mixed
        );
        // An offset first, the region after: the same test, in the other order.
        let offset_first = TimesZone::NoneYet.with(None, Some((hours(-5), summer)));
        assert_eq!(
            offset_first.with(Some(Chicago), None),
            TimesZone::Region(Chicago)
        );
        assert_eq!(offset_first.with(Some(New_York), None), TimesZone::Mixed);
        // Two regions, or a region and no zone, still disagree.
        assert_eq!(eastern.with(Some(Los_Angeles), None), TimesZone::Mixed);
        assert_eq!(eastern.with(None, None), TimesZone::Mixed);
        // Offsets alone name no region.
        assert_eq!(offset_first.region(), None);
    }
}
