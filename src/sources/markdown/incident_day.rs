//! The incident's day, and where it came from: the person's choice, a date field, the
//! title, a post's publication, the first date the file tells, its file name, or a day
//! written without its year placed in the nearest year that fits.

use super::Importer;
use super::dates_in_text::{self, date_in_text};
use super::reading::DayFrom;
use super::timeline;
use crate::model::DayOrder;

/// How many days a report's story runs on after a day it names: a few weeks at most. A
/// day written without its year is taken no later than that.
pub(super) const STORY_DAYS: u64 = 31;

/// The most days a report dated in its title may come after the day its story opens on.
const STORY_BEFORE_REPORT: i64 = 31;

impl Importer<'_> {
    /// The incident's day, and where it came from: the person's choice, a date field, the
    /// start, a date in the title ("February 5th, 2019 Partial Prow Outage"), else the
    /// first date written anywhere ("On October 15, 2018, …"): times without a date belong
    /// to the incident's day, never to the day of the import unless the file gives none.
    pub(super) fn find_the_day(&mut self) -> DayFrom {
        if let Some(day) = self.choices.reading.day {
            self.context.date = Some(day);
            return DayFrom::Chosen;
        }
        let order = self
            .day_order
            .unwrap_or(DayOrder::usual_in(self.reading_zone()));
        // A blog's front matter dates the post; the title names the incident's day
        // (`Post-mortem: step processing backlogs on Aug 31, 2023`).
        if let Some(published) = self.published {
            // A day the title names without its year (`Node.js March 17th Infrastructure
            // Incident`) is the last such day before publication.
            let title_day = date_in_text(&self.doc.title, self.day_order).or_else(|| {
                dates_in_text::first_day_before(&[self.doc.title.as_str()], published)
                    .map(|(day, _)| day)
            });
            if let Some(day) = title_day {
                self.context.date = Some(day);
                return DayFrom::Title;
            }
            // The first date the page tells, when it is no later than the publication
            // (`On Sept 2nd 2025, …` in a post published in October).
            // A date told only below the timeline's first entry is another day the story
            // refers to (`after the 2026-01-31 incident`): the timeline would have said its own.
            let first_entry_ends = self.timeline_items.iter().min().map(|lines| lines.1);
            let told =
                dates_in_text::first_date_in(&self.shown_lines, order, |day| day < published)
                    .filter(|(_, line)| first_entry_ends.is_none_or(|last| *line <= last));
            if let Some((day, line)) = told {
                self.context.date = Some(day);
                return DayFrom::FirstDate(line);
            }
        }
        if let Some(date) = self.context.date {
            // A post about `last night`: a timeline that starts later in the day than the post
            // was published and runs past midnight to end before that time is the night
            // before. (A post updated as things happen starts before its first update, and
            // its updates run on after the time it was published.)
            let (first, last) = timeline::first_and_last_clock(&self.timeline);
            let after_publishing = self.published == Some(date)
                && self.context.published_time.is_some_and(|published| {
                    first.zip(last).is_some_and(|(first, last)| {
                        first > published && last < first && last <= published
                    })
                });
            if let Some(before) = date.pred_opt().filter(|_| after_publishing) {
                self.context.date = Some(before);
                return DayFrom::BeforePublished;
            }
            return DayFrom::Field;
        }
        if self.doc.key_times.started.is_some() {
            return DayFrom::Start;
        }
        self.context.date = date_in_text(&self.doc.title, self.day_order);
        if let Some(titled) = self
            .context
            .date
            .filter(|_| titles_a_report(&self.doc.title))
        {
            // `Fault Report for Service Incident - 30 November 2015` over `On 18th November
            // 2015, some customers complained …`: a title dated after the day its story opens
            // on dates the report, as a post's publication does, and the story's day is the
            // incident's.
            let first_entry_ends = self.timeline_items.iter().min().map(|lines| lines.1);
            let told = dates_in_text::first_date_in(&self.shown_lines, order, |day| {
                day < titled && (titled - day).num_days() <= STORY_BEFORE_REPORT
            })
            .filter(|(_, line)| first_entry_ends.is_none_or(|last| *line <= last));
            if let Some((day, line)) = told {
                self.context.date = Some(day);
                return DayFrom::FirstDate(line);
            }
        }
        if self.context.date.is_some() {
            return DayFrom::Title;
        }
        let found = dates_in_text::first_date_in(
            &super::quiet_days::without_quiet_days(&self.shown_lines),
            order,
            |_| true,
        );
        let found = found.map(|found| self.earliest_stamp(found, order));
        if let Some((day, line, year_line)) = self.day_in_the_titles_month(found) {
            self.context.date = Some(day);
            return DayFrom::YearOfAMonth { line, year_line };
        }
        self.context.date = found.map(|(date, _)| date);
        if let Some((date, line)) = found {
            // A byline (`pbergene · description · 2018-04-06`) dates the page: a day it tells
            // without its year, up to then (`Period: April 5th …`), is the incident's.
            let told = self
                .shown_lines
                .get(line - 1)
                .filter(|written| dates_in_text::is_a_byline(written))
                .and_then(|_| dates_in_text::first_day_before(&self.shown_lines, date))
                .filter(|(day, _)| *day < date);
            if let Some((day, told_line)) = told {
                self.context.date = Some(day);
                return DayFrom::BeforeByline {
                    line: told_line,
                    byline: line,
                };
            }
            return DayFrom::FirstDate(line);
        }
        // A blog names its posts by their day (`2019-03-18-galaxy-downtime.md`).
        self.context.date = self
            .choices
            .file_name
            .as_deref()
            .and_then(|name| dates_in_text::date_in_file_name(name, self.day_order));
        if self.context.date.is_some() {
            return DayFrom::FileName;
        }
        // `At around 7:40pm CST November 12, …`: a day without its year is nearer the
        // incident than the day of the import.
        self.day_without_its_year()
    }

    /// The incident's day from the first day the file writes without its year, in the year
    /// the file names with a month (`July 2017 IT service disruption summary`), else in
    /// the year a day written with its weekday falls on (`On Friday, March 28th …`, the
    /// story's first day in the same weeks), else in its latest year up to today.
    fn day_without_its_year(&mut self) -> DayFrom {
        let lines = &self.shown_lines;
        let by_month = dates_in_text::first_month_of_a_year(lines).and_then(|(year, line)| {
            Some((
                chrono::NaiveDate::from_ymd_opt(year, 12, 31)?.min(self.today),
                line,
            ))
        });
        let by_weekday = by_month
            .is_none()
            .then(|| dates_in_text::first_day_its_weekday_dates(lines, self.today))
            .flatten()
            .map(|(day, line)| ((day + chrono::Days::new(STORY_DAYS)).min(self.today), line));
        let latest = by_month
            .or(by_weekday)
            .map_or(self.today, |(latest, _)| latest);
        let told = dates_in_text::first_day_before(lines, latest);
        self.context.date = told.map(|(day, _)| day);
        match (told, by_month, by_weekday) {
            (Some((_, line)), Some((_, year_line)), _) => DayFrom::YearOfAMonth { line, year_line },
            (Some((_, line)), None, Some((_, weekday_line))) => {
                DayFrom::YearOfAWeekday { line, weekday_line }
            }
            (Some((_, line)), None, None) => DayFrom::DayWithoutYear(line),
            (None, _, _) => DayFrom::Today,
        }
    }

    /// The day a title that names a month and its year (`Incident de septembre 2021`) is on,
    /// when the first date the file writes with its year, `found`, is in another month (a
    /// later `Point d'étape au 25 octobre 2021`): the first day the file tells in the
    /// title's month without its year (`situation au 22 septembre`). With the lines of
    /// that day and of the title's month.
    fn day_in_the_titles_month(
        &self,
        found: Option<(chrono::NaiveDate, usize)>,
    ) -> Option<(chrono::NaiveDate, usize, usize)> {
        use chrono::Datelike;
        let (month, year) = dates_in_text::month_of_a_year_in(&self.doc.title)?;
        let in_the_month = |day: chrono::NaiveDate| day.year() == year && day.month() == month;
        if found.is_none_or(|(day, _)| in_the_month(day)) {
            return None;
        }
        let first = chrono::NaiveDate::from_ymd_opt(year, month, 1)?;
        let last = first
            .checked_add_months(chrono::Months::new(1))?
            .pred_opt()?;
        let (day, line) = dates_in_text::first_day_before(&self.shown_lines, last)
            .filter(|(day, _)| in_the_month(*day))?;
        let year_line = self
            .shown_lines
            .iter()
            .position(|line| dates_in_text::month_of_a_year_in(line).is_some())?;
        Some((day, line, year_line + 1))
    }

    /// The zone times that name none are read in: the person's, else the document's.
    fn reading_zone(&self) -> chrono_tz::Tz {
        self.choices.reading.zone.unwrap_or(self.doc.time_zone)
    }

    /// The incident's day when the first date of the file, on `line`, is a status page's
    /// stamp: its postmortem is posted after the updates below it (`Posted Oct 07, 2022`
    /// above `Posted Oct 06, 2022`), so that stamp dates the write-up and the earliest stamp
    /// the incident. Any other first date as it is.
    fn earliest_stamp(
        &self,
        (date, line): (chrono::NaiveDate, usize),
        order: DayOrder,
    ) -> (chrono::NaiveDate, usize) {
        let stamped = |line: usize| {
            self.shown_lines
                .get(line - 1)
                .is_some_and(|written| crate::sources::is_a_posted_stamp(written))
        };
        if !stamped(line) {
            return (date, line);
        }
        (line..=self.shown_lines.len())
            .filter(|later| stamped(*later))
            .filter_map(|later| {
                let written = self.shown_lines[later - 1];
                Some((
                    dates_in_text::first_date_in(&[written], order, |_| true)?.0,
                    later,
                ))
            })
            .fold((date, line), |earliest, stamp| {
                if stamp.0 < earliest.0 {
                    stamp
                } else {
                    earliest
                }
            })
    }
}

/// Whether a title names a report or an update and dates it, rather than the day of what
/// it reports (`Fault Report for Service Incident - 30 November 2015`, not `Incident report:
/// outage on 18 November 2015`).
pub(super) fn titles_a_report(title: &str) -> bool {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    let names_a_report = words
        .iter()
        .any(|word| word.starts_with("report") || word.starts_with("update"));
    let names_the_day = words
        .iter()
        .any(|word| matches!(word.as_str(), "on" | "of" | "during" | "from"));
    names_a_report && !names_the_day
}
