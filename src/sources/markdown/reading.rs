//! What a Markdown import assumed about its times, each with where it came from, for the
//! person to check; and what they chose instead, for the file to be read again: the zone
//! and day of times that name none, the order of the lines and of numbers in dates, and
//! which blocks are the timeline.

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::blocks::{Block, BlockKind};
use super::by_content::starts_with_a_time;
use crate::model::DayOrder;
use crate::sources::ReadingChoices;

/// What a person chose about how a Markdown postmortem is read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarkdownChoices {
    /// The zone, day, order of lines and order of numbers in dates.
    pub reading: ReadingChoices,
    /// The first lines of blocks to read as the timeline, whatever their heading says.
    pub timeline_blocks: Vec<usize>,
    /// The file's name (`2019-03-18-galaxy-downtime.md`): a date in it dates the incident
    /// when the text itself gives none, as a blog's posts are named by their day.
    pub file_name: Option<String>,
}

/// Where the incident's day came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayFrom {
    /// The person chose it.
    Chosen,
    /// A date field (`Date: 2024-03-02`, front matter).
    Field,
    /// The day before a post's date field: the timeline starts later in the day than the
    /// post was published and ends, past midnight, before that time (`9:30pm` to `2:58am` in
    /// a post of `2013-01-11 15:57`).
    BeforePublished,
    /// The incident's start, from a key-time field.
    Start,
    /// A date in the title.
    Title,
    /// The first date written in the file, on this line.
    FirstDate(usize),
    /// The first day the file writes without a year, on `line`, in the last year that puts
    /// it before the date of the page's byline, on `byline` (`pbergene · description ·
    /// 2018-04-06`).
    BeforeByline {
        /// The line of the incident's day.
        line: usize,
        /// The line of the byline.
        byline: usize,
    },
    /// A date in the file's name.
    FileName,
    /// The first day the file writes without a year (`November 12`), on this line, in the
    /// last year that puts it no later than the day of the import.
    DayWithoutYear(usize),
    /// The first day the file writes without a year, on `line`, in the year a month is
    /// written with on `year_line` (`July 2017 IT service disruption summary`).
    YearOfAMonth {
        /// The line of the incident's day.
        line: usize,
        /// The line of the month and its year.
        year_line: usize,
    },
    /// The first day the file writes without a year, on `line`, in the year whose calendar
    /// puts a day written with its weekday (`Friday, March 28th`, on `weekday_line`) on it.
    YearOfAWeekday {
        /// The line of the incident's day.
        line: usize,
        /// The line of the day written with its weekday.
        weekday_line: usize,
    },
    /// The file gives none: times without a date are on the day of the import.
    Today,
}

impl DayFrom {
    /// Why the day is what it is, in words.
    #[must_use]
    pub fn describe(self) -> String {
        match self {
            Self::Chosen => "as you chose".to_owned(),
            Self::Field => "the file's date field".to_owned(),
            Self::BeforePublished => {
                "the day before the file's date: the timeline runs through the night before \
                 the post was published"
                    .to_owned()
            }
            Self::Start => "the incident's start".to_owned(),
            Self::Title => "the date in the title".to_owned(),
            Self::FirstDate(line) => format!("the first date in the file (line {line})"),
            Self::BeforeByline { line, byline } => format!(
                "the first day in the file (line {line}), before the date of the byline on \
                 line {byline}"
            ),
            Self::FileName => "the date in the file's name".to_owned(),
            Self::DayWithoutYear(line) => {
                format!("the first day in the file (line {line}), in its latest year up to today")
            }
            Self::YearOfAMonth { line, year_line } => format!(
                "the first day in the file (line {line}), in the year line {year_line} names"
            ),
            Self::YearOfAWeekday { line, weekday_line } => format!(
                "the first day in the file (line {line}), in the year its weekday on line \
                 {weekday_line} falls on"
            ),
            Self::Today => "the file gives no date: today's".to_owned(),
        }
    }
}

/// A block with times in it that was not read as the timeline: a person may say it is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Its first and last line.
    pub lines: (usize, usize),
    /// What kind of block: "a list", "a paragraph".
    pub kind: &'static str,
    /// How many of its items or lines begin with a time, of how many.
    pub timed: (usize, usize),
    /// Its first line, shortened, to know it by.
    pub opening: String,
}

/// A value the reading took, and whether the person chose it or the reading found it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Taken<T> {
    /// The value.
    pub value: T,
    /// Whether the person chose it.
    pub chosen: bool,
}

/// What the import assumed about the file's times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assumed {
    /// The zone of times that name none: chosen, else the document's (UTC for a new one).
    pub zone: Taken<Tz>,
    /// The first line of the file that names the zone of the times below it, which wins
    /// over `zone` for them.
    pub zone_line: Option<usize>,
    /// The region every time of the timeline names (`PT` after each update), if one does;
    /// else, when none names a zone, the region a key-time field's zone places the writers
    /// in.
    pub times_zone: Option<Tz>,
    /// Whether `zone` is that region, taken as the document's because the person chose none.
    pub zone_from_times: bool,
    /// The line of a key-time field whose zone (`12:11 PM EST`) is the region in
    /// `times_zone`, taken because no time of the timeline names one.
    pub zone_from_key_time: Option<usize>,
    /// The line of a sentence whose time names the region in `times_zone` (`at 10:27am
    /// Eastern`), taken because neither the timeline nor a key-time field names one.
    pub zone_from_prose: Option<usize>,
    /// The offset of the front matter's stamp, when `times_zone` is taken from it because
    /// no line of the file names a zone.
    pub zone_from_front_matter: Option<chrono::FixedOffset>,
    /// The language the page is written in, when `times_zone` is taken from it because its
    /// script is written in one zone and nothing else names one.
    pub zone_from_language: Option<&'static str>,
    /// The language the page is written in, when `times_zone` is its zone, whose offset the
    /// timeline's times that name a zone all name, taken for those that name none.
    pub zone_from_named_times: Option<&'static str>,
    /// The day of times without a date.
    pub day: NaiveDate,
    /// Where that day came from.
    pub day_from: DayFrom,
    /// Whether some part of the timeline was read newest first: chosen, else found from
    /// the times.
    pub newest_first: Taken<bool>,
    /// How numbers alone in dates (`03/04`) are read.
    pub day_order: DayOrder,
    /// Where that order came from: chosen, proved by the file's dates, or usual in the zone.
    pub day_order_from: &'static str,
    /// Whether the file writes any date with numbers alone that reads both ways.
    pub numeric_dates: bool,
    /// The blocks the timeline was read from.
    pub timeline_from: Vec<(usize, usize)>,
    /// Blocks with times in them that were not read as the timeline.
    pub candidates: Vec<Candidate>,
    /// Whether blocks of HTML that hold the text were read as the Markdown they stand for:
    /// the report's line numbers then count the lines of that reading.
    pub html_as_markdown: bool,
}

impl Assumed {
    /// What a report says when HTML in the file was read as Markdown, or `None`.
    #[must_use]
    pub fn html_note(&self) -> Option<&'static str> {
        self.html_as_markdown.then_some(
            "HTML in the file (<p>, <br>, lists, tables) was read as the Markdown it stands \
             for; line numbers count the lines of that reading",
        )
    }

    /// Why times that name no zone are in `zone`, in words.
    #[must_use]
    pub fn zone_why(&self) -> String {
        if let Some(line) = self.zone_from_key_time.filter(|_| self.zone_from_times) {
            return format!(
                "the key time on line {line} names it and no time of the timeline names one, \
                 so the document is in it"
            );
        }
        if let Some(line) = self.zone_from_prose.filter(|_| self.zone_from_times) {
            return format!(
                "line {line} names it, and no time of the timeline or key time names \
                 one, so the document is in it"
            );
        }
        if let Some(offset) = self.zone_from_front_matter.filter(|_| self.zone_from_times) {
            return format!(
                "the page's front matter is stamped at UTC{offset} and no line names a zone, \
                 so the document is in it"
            );
        }
        if let Some(language) = self.zone_from_language.filter(|_| self.zone_from_times) {
            return format!(
                "the page is written in {language}, used in a single zone, and no line \
                 names a zone, so the document is in it"
            );
        }
        if let Some(language) = self.zone_from_named_times.filter(|_| self.zone_from_times) {
            return format!(
                "the times of the timeline that name a zone name its offset, and the page is \
                 written in {language}, used in it, so the document is in it"
            );
        }
        if self.zone_from_times {
            return "every time in the timeline names it, so the document is in it".to_owned();
        }
        match (self.zone.chosen, self.zone_line) {
            (true, None) => "as you chose".to_owned(),
            (true, Some(line)) => {
                format!("as you chose; line {line} names the zone of the times below it")
            }
            (false, None) => "no line names a zone for them: the document's".to_owned(),
            (false, Some(line)) => {
                format!("line {line} names the zone of the times below it; this is for any others")
            }
        }
    }
}

/// Blocks outside the timeline with at least one item or line that begins with a time.
/// `in_timeline` says whether a block's lines made timeline rows.
pub(super) fn candidates(
    blocks: &[Block],
    in_timeline: impl Fn((usize, usize)) -> bool,
) -> Vec<Candidate> {
    blocks
        .iter()
        .filter(|block| !in_timeline(block.lines))
        .filter_map(|block| {
            let (kind, timed, of, opening) = match &block.kind {
                BlockKind::List(items) => (
                    "a list",
                    items
                        .iter()
                        .filter(|item| starts_with_a_time(&item.text))
                        .count(),
                    items.len(),
                    items.first().map(|item| item.text.clone()),
                ),
                BlockKind::Paragraph(lines) => (
                    "a paragraph",
                    lines
                        .iter()
                        .filter(|(_, line)| starts_with_a_time(line))
                        .count(),
                    lines.len(),
                    lines.first().map(|(_, line)| line.clone()),
                ),
                _ => return None,
            };
            (timed > 0).then(|| Candidate {
                lines: block.lines,
                kind,
                timed: (timed, of),
                opening: shortened(&opening.unwrap_or_default()),
            })
        })
        .collect()
}

fn shortened(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    if line.chars().count() <= 60 {
        line.to_owned()
    } else {
        format!("{}\u{2026}", line.chars().take(59).collect::<String>())
    }
}
