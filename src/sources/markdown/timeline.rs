//! The timeline of an imported postmortem. Its pieces (tables, lists, lines, times written
//! as headings) are gathered while the document is read and placed in time at the end, once
//! the fields have said when the incident started; a date or zone written above a piece
//! (`2016-09-05 (all times UTC)`, `All times in PST`) carries on to the pieces below it.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::blocks::TableRow;
use super::dates_in_text::date_in_text;
use crate::model::{
    DayOrder, Direction, PasteZone, PastedDate, TimelineRow, WrittenDay, WrittenTime,
    calendar_date, read_clock, read_date_line, zone_named, zone_spelled_in,
};
use crate::sources::{
    ChatPaste, DayLine, PasteContext, PastedRow, UnusedReason, parse_entries, parse_table,
    resolve_paste,
};

/// One piece of the timeline, with the source lines of each of its parts.
#[derive(Clone, Debug)]
pub enum Piece {
    /// A table with a time column: its header and rows.
    Table(Vec<String>, Vec<TableRow>),
    /// Entries read one to a line (list items with their wrapped lines joined, a time
    /// written as a heading with the paragraph under it, a paragraph's lines).
    Entries(Vec<((usize, usize), String)>),
    /// A line or heading that says which zone the times below are in, or their day, or both
    /// (`All times in PST, on February 5th 2019`, `#### 29-09-2021 (All times CEST)`).
    Setting((usize, usize), Setting),
    /// Times told in the sentences of a story, each with its part of the sentence and the
    /// lines of its paragraph.
    Told(Vec<((usize, usize), PastedRow)>),
    /// Times told in the timeline's paragraphs that open with no time (`…, a decision we
    /// took at 12:57 UTC.`): each is read in the run of the entries written above it, so
    /// that it takes their day (`At 07:21 UTC the next morning …`, then `We patched it …
    /// at 09:23 UTC.`); one with no entries right above it, or a day of its own, is read
    /// as a story's told times are, after the rest.
    ToldAmongEntries(Vec<((usize, usize), PastedRow)>),
    /// A heading of the timeline: a timeline of its own (a second incident's, a detection
    /// timeline), whose times without a day start again from the incident's day rather
    /// than follow the rows of the one above.
    Start,
}

impl Piece {
    /// A heading of the timeline with the story under it, if any: a time heads an entry read
    /// as its lines are (`### 14:03` over what happened); a dated update
    /// (`### Updated 15 August 2019`) is a row without a time that keeps its day as written.
    #[must_use]
    pub fn headed(lines: (usize, usize), heading: &str, story: Option<&str>) -> Self {
        if read_clock(heading).is_some() {
            let entry = match story {
                Some(story) => format!("{heading} {story}"),
                None => heading.to_owned(),
            };
            return Self::Entries(vec![(lines, entry)]);
        }
        // `### Update 27.08.2022 10:00 Uhr:`: a label, then the time; the label stays with
        // what happened.
        let heading_text = heading;
        let (clock, heading) = match clock_after_label(heading) {
            Some((label, clock, rest)) => {
                let rest = rest.trim().trim_matches([':', '-', '–', '—', ' ', ')']);
                let said = if rest.is_empty() {
                    label.to_owned()
                } else {
                    format!("{label} {rest}")
                };
                (Some(clock), said)
            }
            // `## 2024年4月13日晚上` over `大约22:40开始504`: a day, and the time its story
            // tells first.
            None => (
                story.and_then(|story| {
                    super::told_times::time_told_in_dated_entry(&format!("{heading} {story}"))
                }),
                heading.to_owned(),
            ),
        };
        let event = match story {
            Some(story) => format!("{}: {story}", heading.trim_end_matches([':', '.', ' '])),
            None => heading,
        };
        // An update dated without a time keeps its own day, for its notes.
        let day = day_in_text(heading_text, None)
            .filter(|_| clock.is_none())
            .map(|date| DayLine {
                line: 0,
                date,
                zone: None,
            });
        Self::Told(vec![(
            lines,
            PastedRow {
                lines: Vec::new(),
                clock,
                offset: None,
                day,
                actor: None,
                event,
                notes: String::new(),
                evidence: String::new(),
            },
        )])
    }
}

/// A heading's time after a short label (`Update 27.08.2022 10:00 Uhr`, `Mise à jour 14h02`,
/// `Resolved - Aug 5, 09:12 UTC`, `更新情報(2013-08-06 18:33 JST)`): the label, the time and
/// what follows it. A label is at
/// most three words and holds no digit.
#[must_use]
pub fn clock_after_label(heading: &str) -> Option<(&str, WrittenTime, &str)> {
    let heading = heading.trim().trim_start_matches(['#', '*', '_', ' ']);
    let mut words = 0;
    for (at, c) in heading.char_indices() {
        // The time may stand in brackets after the label: `更新情報(2013-08-06 18:33 JST)`.
        if c != ' ' && c != '(' {
            continue;
        }
        words += 1;
        let label = heading[..at].trim_end_matches([':', '-', '–', '—', ' ']);
        if words > 3 || label.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let rest = heading[at..].trim_start_matches([':', '-', '–', '—', ' ', '(']);
        if let Some((clock, after)) = read_clock(rest) {
            return Some((label, clock, after));
        }
    }
    None
}

/// What a line written above some times says about them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting {
    /// The zone they are in.
    pub zone: Option<PasteZone>,
    /// The day they are on; without its year (`## 31 OKTOBER`), in the year of the
    /// incident's day.
    pub day: Option<PastedDate>,
    /// The line as written, kept when it says more than a day and a zone (`### March 5,
    /// 2025: Sepolia Testnet Issue Timeline`).
    pub kept: Option<String>,
}

/// A line of more words than this says more than a day and a zone, and is kept as written.
const SETTING_WORDS_ALONE: usize = 6;

impl Setting {
    /// What `text` says about the times below it, when it says anything: a zone in a line
    /// about times (`All times in PST`), a date with its year, or both; or a line that is
    /// only a day, its year left to the incident's (`31 OKTOBER`, `Tuesday 5 March`). `words` caps how
    /// long a text may be and still be such a line rather than a sentence of the story.
    #[must_use]
    pub fn of(text: &str, words: usize, order: Option<DayOrder>) -> Option<Self> {
        if text.split_whitespace().count() > words {
            return None;
        }
        let count = text.split_whitespace().count();
        let only_a_day = read_date_line(text);
        // `2019-09-23 (all times in UTC-5)`: a day with a note of its zone.
        let zone = zone_line_of_any_length(text)
            .or(only_a_day.and_then(|(_, zone)| zone))
            .or_else(|| zone_alone(text));
        // `### 25-Jun-2021: Bigdata storage repaired` says what happened that day too.
        let says_more = count > SETTING_WORDS_ALONE || (only_a_day.is_none() && zone.is_none());
        let setting = Self {
            zone,
            day: date_in_text(text, order)
                .map(pasted_date)
                .or_else(|| only_a_day.map(|(date, _)| date)),
            kept: says_more.then(|| text.to_owned()),
        };
        (setting.zone.is_some() || setting.day.is_some()).then_some(setting)
    }

    /// What became of the line, for the report.
    fn outcome(&self) -> Outcome {
        let kept = self.kept.clone();
        if self.zone.is_some() {
            Outcome::Zone(kept)
        } else {
            Outcome::Date(kept)
        }
    }
}

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

/// `All times in PST`, `(all times UTC)`, `Times are CET.`: the zone such a line names.
#[must_use]
pub fn zone_line(text: &str) -> Option<PasteZone> {
    if text.split_whitespace().count() > 12 {
        return None;
    }
    zone_line_of_any_length(text)
}

/// The zone a timeline's heading names: as a line about times does (`Timeline (all times
/// PST)`), or as a zone alone beside the word (`Timeline (CET)`, `Timeline – UTC`,
/// `Detailed timeline [PST/PDT]`).
#[must_use]
pub fn zone_in_timeline_heading(heading: &str) -> Option<PasteZone> {
    zone_line(heading).or_else(|| {
        let words: Vec<&str> = heading
            .split(|c: char| c.is_whitespace() || "()[],;:-\u{2013}\u{2014}".contains(c))
            .filter(|word| !word.is_empty())
            .collect();
        (words.len() <= 6)
            .then(|| {
                words.iter().find_map(|word| zone_named(word)).or_else(|| {
                    // `Timeline (Eastern US Time):`: a region's time in words.
                    crate::model::region_time_in(heading).map(PasteZone::Named)
                })
            })
            .flatten()
    })
}

/// The zone a line in the timeline is and nothing else (`(UTC+9:30)`, `**PST**`): what the
/// times below it are in. Elsewhere such a line is a word of the story (`GST`).
fn zone_alone(text: &str) -> Option<PasteZone> {
    let bare = text
        .trim()
        .trim_matches(['*', '_', '[', ']', ' ', ':', '.']);
    crate::model::read_zone(bare)
        .filter(|(_, rest)| rest.trim().is_empty())
        .map(|(zone, _)| zone)
}

/// The zone a text about times names (`… and all times are in UTC.`), however long it is.
fn zone_line_of_any_length(text: &str) -> Option<PasteZone> {
    let lower = text.to_lowercase();
    let says_times = [
        "all times",
        "times are",
        "times in",
        "time zone",
        "timezone",
    ]
    .iter()
    .any(|phrase| lower.contains(phrase));
    if !says_times {
        return None;
    }
    let zone = zone_spelled_in(text).or_else(|| {
        // `Times are in CET:` over its list: the colon ends the zone's word.
        text.split(|c: char| {
            c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | ',' | '.' | ';' | ':')
        })
        .filter(|word| !word.is_empty())
        // `All times central.`: a region's plain name too.
        .find_map(|word| {
            zone_named(word).or_else(|| crate::model::region_of(word).map(PasteZone::Named))
        })
    })?;
    // `All times in PDT (UTC-7)`: an abbreviation whose offset is spelled out beside it is
    // taken at its word, all year.
    let spelled_out = ["utc-", "utc+", "gmt-", "gmt+", "utc \u{2212}"]
        .iter()
        .any(|offset| lower.contains(offset));
    Some(if spelled_out {
        zone.at_its_word()
    } else {
        zone
    })
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
    /// Two disagree, or one names no zone or only an offset.
    Mixed,
}

impl TimesZone {
    /// The region every timed row names, if one does.
    #[must_use]
    pub fn region(self) -> Option<Tz> {
        match self {
            Self::Region(tz) => Some(tz),
            Self::NoneYet | Self::Mixed => None,
        }
    }
}

impl Found {
    /// Notes the zone one timed row was written in.
    fn saw_zone(&mut self, zone: Option<PasteZone>) {
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
        self.times_zone = match (self.times_zone, region) {
            (TimesZone::NoneYet, Some(tz)) => TimesZone::Region(tz),
            (TimesZone::Region(seen), Some(tz)) if seen == tz => TimesZone::Region(seen),
            _ => TimesZone::Mixed,
        };
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
                // Numbered by its line in the file, as the pieces' own date lines are
                // below: a row left untimed under it keeps the day in its notes.
                if let Some(date) = setting.day {
                    day = Some(DayLine {
                        line: lines.0,
                        date,
                        zone: None,
                    });
                }
                outcomes.push((*lines, setting.outcome()));
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
                found.saw_zone(clock.zone.or(row.day.and_then(|day| day.zone)));
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

/// The calendar date in `text` (see [`date_in_text`]), as a date written with its year.
pub(super) fn day_in_text(text: &str, order: Option<DayOrder>) -> Option<PastedDate> {
    date_in_text(text, order).map(pasted_date)
}

/// A calendar date as a date written with its year.
pub(super) fn pasted_date(date: NaiveDate) -> PastedDate {
    use chrono::Datelike;
    PastedDate {
        year: Some(date.year()),
        month: date.month(),
        day: date.day(),
    }
}

/// The pieces with neighbouring entries (or rows told) taken together, so that a time
/// without a date follows the one before it (`### 2018-01-18 4:19`, then `### 4:27`).
fn merged(pieces: &[Piece]) -> Vec<Piece> {
    let mut merged: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match (merged.last_mut(), piece) {
            (Some(Piece::Entries(before)), Piece::Entries(entries)) => {
                before.extend(entries.iter().cloned());
            }
            // Updates under headings of their own, read as one run: newest first or not.
            (Some(Piece::Told(before)), Piece::Told(rows)) => {
                before.extend(rows.iter().cloned());
            }
            _ => merged.push(piece.clone()),
        }
    }
    merged
}

/// Times told among the entries, as the whole pieces' list.
type ToldAmong = Vec<((usize, usize), PastedRow)>;

/// The pieces, each with the times told in the timeline's paragraphs that are read in its
/// run: those whose nearest line of the timeline above is one of its entries. The others
/// are told times read after the rest, as a story's are.
fn with_told_among(pieces: Vec<Piece>) -> Vec<(Piece, ToldAmong)> {
    let mut told = Vec::new();
    let mut read: Vec<(Piece, ToldAmong)> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::ToldAmongEntries(rows) => told.extend(rows),
            other => read.push((other, Vec::new())),
        }
    }
    let mut left = Vec::new();
    for (lines, row) in told {
        // A day told with the time (`on the 3rd at 09:00`) is a day of the story's own.
        let only_a_clock = row.day.is_none() && row.clock.is_some_and(|clock| clock.date.is_none());
        let nearest = read
            .iter()
            .enumerate()
            .filter_map(|(index, (piece, _))| Some((last_line_before(piece, lines.0)?, index)))
            .max();
        match nearest {
            Some((_, index)) if only_a_clock && matches!(read[index].0, Piece::Entries(_)) => {
                read[index].1.push((lines, row));
            }
            _ => left.push((lines, row)),
        }
    }
    if !left.is_empty() {
        match read.last_mut() {
            Some((Piece::Told(rows), _)) => rows.extend(left),
            _ => read.push((Piece::Told(left), Vec::new())),
        }
    }
    read
}

/// The first line of the last part of `piece` that starts above `line`.
fn last_line_before(piece: &Piece, line: usize) -> Option<usize> {
    let before = |start: usize| (start < line).then_some(start);
    match piece {
        Piece::Table(_, rows) => rows.iter().filter_map(|row| before(row.line)).max(),
        Piece::Entries(entries) => entries
            .iter()
            .filter_map(|(lines, _)| before(lines.0))
            .max(),
        Piece::Setting(lines, _) => before(lines.0),
        Piece::Told(rows) | Piece::ToldAmongEntries(rows) => {
            rows.iter().filter_map(|(lines, _)| before(lines.0)).max()
        }
        Piece::Start => None,
    }
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
    use super::*;

    #[test]
    fn zones_and_dates_written_around_a_timeline() {
        assert!(zone_line("All times in PST, on February 5th 2019").is_some());
        assert!(zone_line("All times in CET.").is_some());
        assert_eq!(
            zone_line("Times are in CET:"),
            zone_line("Times are in CET."),
            "a colon before the list ends the zone's word as a full stop does"
        );
        assert!(zone_line("Times are in CET:").is_some());
        assert!(zone_line("(all times UTC)").is_some());
        // With its offset spelled out, a summer time is that offset all year.
        assert_eq!(
            zone_line("All times in PDT (UTC-7)."),
            chrono::FixedOffset::west_opt(7 * 3600).map(PasteZone::Offset)
        );
        assert!(matches!(
            zone_line("All times in PDT."),
            Some(PasteZone::Regional(..))
        ));
        assert!(zone_line("The times were bad").is_none());
        // A timeline's heading may name its zone alone.
        for heading in [
            "Timeline (CET)",
            "Timeline - UTC",
            "Detailed timeline [PST/PDT]",
            "Timeline (Eastern US Time):",
        ] {
            assert!(zone_in_timeline_heading(heading).is_some(), "{heading}");
        }
        assert!(zone_in_timeline_heading("Timeline of the response").is_none());
    }
}
