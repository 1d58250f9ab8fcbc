//! The pieces of an imported postmortem's timeline (tables, entries, lines setting a day or
//! zone, times told in a story) as they are gathered while the document is read, and how
//! neighbouring pieces are taken together before they are placed in time.

use super::blocks::TableRow;
use super::settings::{Setting, day_in_text};
use crate::model::{WrittenTime, read_clock};
use crate::sources::{DayLine, PastedRow};

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

/// The pieces with neighbouring entries (or rows told) taken together, so that a time
/// without a date follows the one before it (`### 2018-01-18 4:19`, then `### 4:27`).
pub(super) fn merged(pieces: &[Piece]) -> Vec<Piece> {
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
pub(super) fn with_told_among(pieces: Vec<Piece>) -> Vec<(Piece, ToldAmong)> {
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
