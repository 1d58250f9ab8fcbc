//! Closing an import: the incident's day and where it came from, the timeline's pieces
//! read in time now that the day is known, and what the reading assumed, for the report.

use super::blocks::{Block, BlockKind};
use super::reading::{self, Assumed, DayFrom, Taken};
use super::timeline::{self, Outcome, Piece, ReadIn, date_in_text, read_pieces};
use super::{DETAILS_AS_WRITTEN, Importer, MarkdownImport, NOT_PLACED};
use super::{actions, restated, told_region, told_times, work_sentences};
use crate::model::{
    ActionStatus, CustomSection, DayOrder, KeyTime, Marker, Postmortem, Section, zone_of_language,
};
use crate::sources::notes_with_day;

/// The fewest lines of a code block, mostly beginning with a time, that make a quoted log
/// the timeline of a file that has none: one or two timed lines are an example.
const QUOTED_LOG_LINES: usize = 3;

/// How many days a report's story runs on after a day it names: a few weeks at most. A
/// day written without its year is taken no later than that.
const STORY_DAYS: u64 = 31;

/// The most days a report dated in its title may come after the day its story opens on.
const STORY_BEFORE_REPORT: i64 = 31;

/// Where the rows of a reading come from, for the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowsFrom {
    /// The timeline's own blocks.
    Timeline,
    /// Times told in a story's sentences.
    ToldTimes,
    /// A log quoted in a code block.
    QuotedLog,
}

impl Importer<'_> {
    pub(super) fn finish(mut self, blocks: &[Block]) -> MarkdownImport {
        if let Some((lines, heading)) = self.time_heading.take() {
            self.timeline.push(Piece::headed(lines, &heading, None));
        }
        if let Some(generic) = self.generic_title.take()
            && let BlockKind::Heading(_, title) = &generic.kind
        {
            let title = title.clone();
            self.set_title(&title, generic.lines);
        }
        let day_from = self.find_the_day();
        if let Some(zone) = self.choices.reading.zone {
            self.doc.time_zone = zone;
        }
        let found = self.read_timeline(blocks);
        self.read_quoted_logs(blocks);
        self.read_told_times(blocks);
        self.read_dated_entries(blocks);
        let assumed = self.assumed(blocks, day_from, found);
        self.place_what_no_block_held();
        self.merge_restated_actions(blocks);
        self.actions_told_in_sentences(blocks);
        // Lessons and closing prose are read together: a lesson's list does not keep the
        // commitments told in the paragraphs beside it from counting.
        if self.doc.action_items.is_empty() {
            self.lessons_as_actions(blocks);
            self.work_told_in_closing(blocks);
        }
        self.work_after_labels(blocks);
        self.work_in_the_last_update();
        if let Some(date) = self.context.date {
            self.doc.created = Some(date)
                .filter(|date| *date <= self.today)
                .or(self.doc.created);
        }
        self.not_placed.sort_by_key(|(line, _)| *line);
        let not_placed: Vec<String> = self
            .not_placed
            .iter()
            .map(|(_, text)| text.clone())
            .collect();
        for (title, texts, separator) in [
            (DETAILS_AS_WRITTEN, &self.as_written, "\n"),
            (NOT_PLACED, &not_placed, "\n\n"),
        ] {
            if !texts.is_empty() {
                self.doc.narrative.custom_sections.push(CustomSection {
                    title: title.to_owned(),
                    text: texts.join(separator),
                    ..CustomSection::default()
                });
            }
        }
        self.report.sort_by_key(|placement| placement.lines);
        MarkdownImport {
            doc: self.doc,
            report: self.report,
            assumed,
        }
    }

    /// The lessons a file lists that say what is to be done (`Do not migrate both nodes in
    /// one slot`, `… should be standard procedure`), as its action items (read only when
    /// the file names no work elsewhere); the list stays in Lessons learned as written.
    fn lessons_as_actions(&mut self, blocks: &[Block]) {
        let lessons = format!("section {}", Section::LessonsLearned.heading());
        let in_lessons = self.placed_starts(|place| place == lessons);
        for block in blocks {
            let BlockKind::List(items) = &block.kind else {
                continue;
            };
            if !holds_a_start(block.lines, &in_lessons) {
                continue;
            }
            for item in items {
                if work_sentences::prescribes_work(&item.text) {
                    self.add_found_action(&item.text, false, item.lines, "from a lesson");
                }
            }
        }
    }

    /// An item of work found outside the action items' own list (in a lesson, a sentence,
    /// the closing prose, a labelled part), placed with where it was found.
    pub(super) fn add_found_action(
        &mut self,
        text: &str,
        done: bool,
        lines: (usize, usize),
        found: &str,
    ) {
        let action = actions::action_from_task(text, done, self.context.date);
        self.doc.action_items.push(action);
        let number = self.doc.action_items.len();
        self.place(lines, format!("action item {number}, {found}"));
    }

    /// Action items listed again, shorter, in a later list of as many items (a status
    /// checklist below the table) are the same work: the later list's items go, a done mark
    /// there marks the earlier item done, and the report says where each went.
    fn merge_restated_actions(&mut self, blocks: &[Block]) {
        let count = self.doc.action_items.len();
        let number_of = |place: &str| -> Option<(usize, usize)> {
            let rest = place.strip_prefix("action item ")?;
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            let number = rest[..digits].parse::<usize>().ok()?;
            (1..=count).contains(&number).then_some((number, digits))
        };
        let mut first_lines = vec![None; count];
        for placement in &self.report {
            if let Some((number, digits)) = number_of(&placement.place)
                && placement.place.len() == "action item ".len() + digits
            {
                first_lines[number - 1] = Some(placement.lines.0);
            }
        }
        // Each item's list: the block it was read from (an item with no block is a list
        // of its own).
        let groups: Vec<usize> = first_lines
            .iter()
            .enumerate()
            .map(|(index, line)| {
                // Blocks are in the order of their lines.
                line.and_then(|line| {
                    let after = blocks.partition_point(|block| block.lines.0 <= line);
                    after
                        .checked_sub(1)
                        .filter(|at| line <= blocks[*at].lines.1)
                })
                .unwrap_or(usize::MAX - index)
            })
            .collect();
        let texts: Vec<&str> = self
            .doc
            .action_items
            .iter()
            .map(|item| item.action.as_str())
            .collect();
        let restates = restated::restated(&texts, &groups);
        if restates.iter().all(Option::is_none) {
            return;
        }
        let mut numbers = vec![0; count];
        let mut kept = 0;
        for (index, restates) in restates.iter().enumerate() {
            if restates.is_none() {
                kept += 1;
                numbers[index] = kept;
            }
        }
        for (index, earlier) in restates.iter().enumerate() {
            if let Some(earlier) = *earlier
                && self.doc.action_items[index].status == ActionStatus::Done
            {
                self.doc.action_items[earlier].status = ActionStatus::Done;
            }
        }
        for placement in &mut self.report {
            if let Some((number, digits)) = number_of(&placement.place) {
                let after = &placement.place["action item ".len() + digits..];
                placement.place = match restates[number - 1] {
                    Some(earlier) => {
                        format!(
                            "action item {}{after}, listed again (in {DETAILS_AS_WRITTEN})",
                            numbers[earlier]
                        )
                    }
                    None => format!("action item {}{after}", numbers[number - 1]),
                };
            }
        }
        // The shorter wording says the work in the author's words too: it stays as written,
        // with the done mark it carried.
        for (item, earlier) in self.doc.action_items.iter().zip(&restates) {
            if let Some(earlier) = *earlier {
                let mark = if item.status == ActionStatus::Done {
                    "x"
                } else {
                    " "
                };
                self.as_written.push(format!(
                    "- [{mark}] {} (action item {})",
                    item.action, numbers[earlier]
                ));
            }
        }
        let mut index = 0;
        self.doc.action_items.retain(|_| {
            index += 1;
            restates[index - 1].is_none()
        });
    }

    /// The incident's day, and where it came from: the person's choice, a date field, the
    /// start, a date in the title ("February 5th, 2019 Partial Prow Outage"), else the
    /// first date written anywhere ("On October 15, 2018, …"): times without a date belong
    /// to the incident's day, never to the day of the import unless the file gives none.
    fn find_the_day(&mut self) -> DayFrom {
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
                timeline::first_day_before(&[self.doc.title.as_str()], published)
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
            let told = timeline::first_date_in(&self.shown_lines, order, |day| day < published)
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
            let told = timeline::first_date_in(&self.shown_lines, order, |day| {
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
        let found = timeline::first_date_in(
            &super::quiet_days::without_quiet_days(&self.shown_lines),
            order,
            |_| true,
        );
        let found = found.map(|found| self.earliest_stamp(found, order));
        self.context.date = found.map(|(date, _)| date);
        if let Some((date, line)) = found {
            // A byline (`pbergene · description · 2018-04-06`) dates the page: a day it tells
            // without its year, up to then (`Period: April 5th …`), is the incident's.
            let told = self
                .shown_lines
                .get(line - 1)
                .filter(|written| timeline::is_a_byline(written))
                .and_then(|_| timeline::first_day_before(&self.shown_lines, date))
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
            .and_then(|name| timeline::date_in_file_name(name, self.day_order));
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
        let by_month = timeline::first_month_of_a_year(lines).and_then(|(year, line)| {
            Some((
                chrono::NaiveDate::from_ymd_opt(year, 12, 31)?.min(self.today),
                line,
            ))
        });
        let by_weekday = by_month
            .is_none()
            .then(|| timeline::first_day_its_weekday_dates(lines, self.today))
            .flatten()
            .map(|(day, line)| ((day + chrono::Days::new(STORY_DAYS)).min(self.today), line));
        let latest = by_month
            .or(by_weekday)
            .map_or(self.today, |(latest, _)| latest);
        let told = timeline::first_day_before(lines, latest);
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

    /// The zone times that name none are read in: the person's, else the document's.
    fn reading_zone(&self) -> chrono_tz::Tz {
        self.choices.reading.zone.unwrap_or(self.doc.time_zone)
    }

    /// What the reading assumed, for the report.
    fn assumed(&self, blocks: &[Block], day_from: DayFrom, found: timeline::Found) -> Assumed {
        let rows_in = |(first, last): (usize, usize)| {
            self.report.iter().any(|placement| {
                placement.lines.0 >= first
                    && placement.lines.1 <= last
                    && placement.place.starts_with("timeline row")
            })
        };
        let reading = &self.choices.reading;
        // No time of the timeline names a zone, and no line does: a zone a key-time field
        // names (`Incident resolved at: 12:11 PM EST`) is where the writers are.
        // Whether the timeline has times and no line names a zone for them: then the zones
        // the file gives away otherwise are tried, in turn.
        let unnamed = !found.named_a_zone
            && found.zone_line.is_none()
            && self.doc.timeline.iter().any(|row| row.time.is_some());
        let key_time_zone = self.context.key_times_zone.filter(|_| unnamed);
        // Else a region the file's sentences name beside their times (`at 10:27am Eastern`).
        // The front matter's stamp (`date: 2021-01-29 18:54:16 +0000`) dates the page.
        let prose: Vec<&str> = self
            .shown_lines
            .iter()
            .enumerate()
            .map(|(index, line)| match self.front_matter_lines {
                Some((first, last)) if (first..=last).contains(&(index + 1)) => "",
                _ => *line,
            })
            .collect();
        let unnamed = unnamed && key_time_zone.is_none();
        let prose_zone = told_region::region_told(&prose).filter(|_| unnamed);
        // Else the offset of the front matter's stamp (`date: 2020-05-26 23:00:00 +0800`),
        // as a zone of whole hours: where the page was written. `+0000` is a generator's
        // default as often as a place, and says nothing.
        let unnamed = unnamed && prose_zone.is_none();
        let front_matter_zone = self
            .context
            .published_offset
            .filter(|_| unnamed)
            .and_then(crate::model::zone_of_whole_hours);
        // Else the zone of the page's language, when it is used in a single zone (a page in
        // German, in Japanese).
        let language_zone = (unnamed && front_matter_zone.is_none())
            .then(|| zone_of_language(&prose.join("\n")))
            .flatten();
        let named_times_zone = self.language_zone_of_named_times(&found, &prose);
        let winter_region = self.winter_region_of_named_times(&found);
        let day_order_from = match (reading.day_order, self.day_order) {
            (Some(_), _) => "as you chose",
            (None, Some(_)) if DayOrder::proved_by(self.source_lines.iter().copied()).is_some() => {
                "proved by the file's other dates"
            }
            (None, Some(_)) => "suggested by how the file writes its other dates",
            (None, None) => "usual in the zone",
        };
        Assumed {
            zone: Taken {
                value: self.doc.time_zone,
                chosen: reading.zone.is_some(),
            },
            zone_line: found.zone_line,
            times_zone: found
                .times_zone
                .region()
                .or(winter_region)
                .or(named_times_zone.map(|(zone, _)| zone))
                .or(key_time_zone.map(|(zone, _)| zone))
                .or(prose_zone.map(|(zone, _)| zone))
                .or(front_matter_zone)
                .or(language_zone.map(|(zone, _)| zone)),
            zone_from_times: false,
            zone_from_key_time: key_time_zone.map(|(_, line)| line),
            zone_from_prose: prose_zone.map(|(_, line)| line),
            zone_from_front_matter: self.context.published_offset.filter(|_| {
                found.times_zone.region().is_none()
                    && key_time_zone.is_none()
                    && prose_zone.is_none()
                    && front_matter_zone.is_some()
            }),
            zone_from_language: language_zone
                .filter(|_| found.times_zone.region().is_none() && named_times_zone.is_none())
                .map(|(_, language)| language),
            zone_from_named_times: named_times_zone.map(|(_, language)| language),
            day: self
                .context
                .date
                .or_else(|| {
                    self.doc
                        .key_times
                        .started
                        .map(|started| self.doc.local_day(started))
                })
                .unwrap_or(self.today),
            day_from,
            newest_first: Taken {
                value: found.newest_first,
                chosen: reading.newest_first.is_some(),
            },
            day_order: found
                .day_order
                .or(self.day_order)
                .unwrap_or(DayOrder::usual_in(self.doc.time_zone)),
            day_order_from,
            numeric_dates: found.numeric_dates
                || DayOrder::matters_in(self.source_lines.iter().copied()),
            timeline_from: blocks
                .iter()
                .map(|block| block.lines)
                .filter(|lines| rows_in(*lines))
                .collect(),
            candidates: reading::candidates(blocks, rows_in),
            html_as_markdown: self.html_as_markdown,
        }
    }

    /// The zone of the page's language, when some times of the timeline name a zone, all
    /// with its offset, and no line names one: the bare times are in it too
    /// (`2024-01-02T06:58:38+08:00` among bare times, in Chinese).
    fn language_zone_of_named_times(
        &self,
        found: &timeline::Found,
        prose: &[&str],
    ) -> Option<(chrono_tz::Tz, &'static str)> {
        use chrono::{Offset, TimeZone};
        let named = found
            .named_zone
            .region()
            .filter(|_| found.zone_line.is_none() && found.times_zone.region().is_none())?;
        let (language, name) = zone_of_language(&prose.join("\n"))?;
        let day = self.context.date.unwrap_or(self.today);
        let offset = |zone: chrono_tz::Tz| zone.offset_from_utc_date(&day).fix();
        (offset(named) == offset(language)).then_some((language, name))
    }

    /// The region of the times the timeline's rows name, when all name one standard time
    /// that was its region's clock at each of them (`CET` in November) and no line names a
    /// zone: the document is there, as it would be for `CEST` in summer.
    fn winter_region_of_named_times(&self, found: &timeline::Found) -> Option<chrono_tz::Tz> {
        use chrono::{Offset, TimeZone};
        let named = found
            .named_zone
            .region()
            .filter(|_| found.zone_line.is_none() && found.times_zone.region().is_none())?;
        let instants: Vec<chrono::DateTime<chrono::Utc>> = self
            .doc
            .timeline
            .iter()
            .filter_map(|row| row.time)
            .collect();
        let offset = named
            .offset_from_utc_datetime(&instants.first()?.naive_utc())
            .fix();
        crate::model::region_in_its_winter(offset, &instants)
    }

    /// The timeline's pieces, read now that the incident's start (or day) is known; rows
    /// that say the outage began, was mitigated or ended set those key times when no field
    /// did, and carry the marker.
    fn read_timeline(&mut self, blocks: &[Block]) -> timeline::Found {
        let mut pieces = std::mem::take(&mut self.timeline);
        let told = std::mem::take(&mut self.told_in_timeline);
        if !told.is_empty() {
            pieces.push(Piece::Told(told));
        }
        let (outcomes, found) = read_pieces(&pieces, self.read_in());
        // A status page's updates (`Resolved`, `Monitoring`) are no timeline of the story
        // its postmortem tells above them: that story's times are rows beside them, all in
        // the order of their times.
        let rows = || {
            outcomes.iter().filter_map(|(_, outcome)| match outcome {
                Outcome::Row(row) => Some(row),
                _ => None,
            })
        };
        let only_status_updates = rows().next().is_some()
            && rows().all(|row| {
                row.event
                    .split_whitespace()
                    .next()
                    .is_some_and(crate::sources::is_a_status_word)
            });
        // A single row is no timeline of a story told in prose either (a blog entry's own
        // stamp, `2005-01-26: 20:10 UTC Data center power failure`, over the story).
        let entries = outcomes
            .iter()
            .filter(|(_, outcome)| matches!(outcome, Outcome::Row(_) | Outcome::Untimed(..)))
            .count();
        let story_beside = only_status_updates || entries == 1;
        let told = if story_beside {
            self.told_outcomes(blocks)
        } else {
            Vec::new()
        };
        let any_told = !told.is_empty();
        let mut all: Vec<(timeline::Placed, RowsFrom)> = outcomes
            .into_iter()
            .map(|placed| (placed, RowsFrom::Timeline))
            .chain(told.into_iter().map(|placed| (placed, RowsFrom::ToldTimes)))
            .collect();
        if any_told {
            all.sort_by_key(|((_, outcome), _)| match outcome {
                Outcome::Row(row) => row.time,
                _ => None,
            });
        }
        for (placed, from) in all {
            self.take_outcomes(vec![placed], from);
        }
        found
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
                    timeline::first_date_in(&[written], order, |_| true)?.0,
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

    /// When the file holds no timeline, the times its story tells in the paragraphs of its
    /// sections become rows; the paragraphs stay where they were placed.
    fn read_told_times(&mut self, blocks: &[Block]) {
        if !self.doc.timeline.is_empty() {
            return;
        }
        let told = self.told_outcomes(blocks);
        self.take_outcomes(told, RowsFrom::ToldTimes);
    }

    /// The rows of the times the story tells in the paragraphs of its sections.
    fn told_outcomes(&self, blocks: &[Block]) -> Vec<timeline::Placed> {
        let in_sections = self.placed_starts(|place| {
            place.starts_with("section ") || place.starts_with("custom section")
        });
        let paragraphs: Vec<((usize, usize), String)> = blocks
            .iter()
            .filter_map(|block| match &block.kind {
                BlockKind::Paragraph(lines) if holds_a_start(block.lines, &in_sections) => {
                    let text: Vec<&str> = lines.iter().map(|(_, line)| line.as_str()).collect();
                    Some((block.lines, text.join(" ")))
                }
                _ => None,
            })
            .collect();
        // `Yesterday`, `this morning`: the day the page was written, else the one it is read on.
        let written_on = self.published.or(self.context.date);
        // Dated only by its incident's day, the page tells of the weeks after it too.
        let latest = self.published.or_else(|| {
            self.context
                .date
                .map(|day| day + chrono::Days::new(STORY_DAYS))
        });
        let rows = told_times::told_rows(&paragraphs, written_on, latest);
        if rows.is_empty() {
            return Vec::new();
        }
        read_pieces(&[Piece::Told(rows)], self.read_in()).0
    }

    /// A log quoted in a code block (`14:32 <koffee> anyone able to shed any light?`), when
    /// the file has no timeline: a page that is little more than the admins' chat log has its
    /// timeline there. The block stays in its section as written, as a story's told times do.
    fn read_quoted_logs(&mut self, blocks: &[Block]) {
        if !self.doc.timeline.is_empty() {
            return;
        }
        let pieces: Vec<Piece> = blocks
            .iter()
            .filter_map(|block| match &block.kind {
                BlockKind::Code(lines)
                    if lines.len() >= QUOTED_LOG_LINES
                        && super::by_content::mostly_dated(
                            lines.iter().map(|(_, line)| line.as_str()),
                        ) =>
                {
                    Some(Piece::Entries(
                        lines
                            .iter()
                            .map(|(number, line)| ((*number, *number), line.clone()))
                            .collect(),
                    ))
                }
                _ => None,
            })
            .collect();
        if pieces.is_empty() {
            return;
        }
        let (outcomes, _) = read_pieces(&pieces, self.read_in());
        self.take_outcomes(outcomes, RowsFrom::QuotedLog);
    }

    /// The first lines of the placements whose place `keep` accepts, in order: which
    /// blocks hold one is then found without reading the whole report for each.
    pub(super) fn placed_starts(&self, keep: impl Fn(&str) -> bool) -> Vec<usize> {
        let mut starts: Vec<usize> = self
            .report
            .iter()
            .filter(|placement| keep(&placement.place))
            .map(|placement| placement.lines.0)
            .collect();
        starts.sort_unstable();
        starts
    }

    /// How the timeline's times are read: in the document's zone, from the incident's start
    /// or day, in the order and with the dates the person chose.
    fn read_in(&self) -> ReadIn {
        let direction = self.choices.reading.newest_first.map(|newest| {
            if newest {
                crate::model::Direction::NewestFirst
            } else {
                crate::model::Direction::OldestFirst
            }
        });
        ReadIn {
            zone: self.doc.time_zone,
            // A day the person chose wins over the start the file gives.
            started: self
                .doc
                .key_times
                .started
                .filter(|_| self.choices.reading.day.is_none()),
            date: self.context.date,
            today: self.today,
            // A page tells what happened before it was published.
            latest: self
                .published
                .map_or(self.today, |published| published.min(self.today)),
            direction,
            day_order: self.day_order,
        }
    }

    /// Puts what reading the timeline gave where it goes: rows into the timeline, the rest
    /// into the report. Times told in prose come from paragraphs already placed in their
    /// sections, so only their rows are added.
    fn take_outcomes(&mut self, outcomes: Vec<timeline::Placed>, rows_from: RowsFrom) {
        // Rows read from text that stays in its section: only the rows are reported.
        let told = rows_from != RowsFrom::Timeline;
        let dated = self.doc.key_times.started.is_some() || self.context.date.is_some();
        let no_time = crate::sources::UnusedReason::NoTime.to_string();
        for (lines, outcome) in outcomes {
            let outcome = match outcome {
                Outcome::Untimed(text, day) if self.timeline_items.contains(&lines) => {
                    Outcome::Row(crate::model::TimelineRow {
                        event: cells_as_text(&text),
                        notes: day.map_or_else(String::new, |day| notes_with_day("", day)),
                        ..crate::model::TimelineRow::default()
                    })
                }
                other => other,
            };
            match outcome {
                Outcome::Row(mut row) => {
                    if let Some(time) = row.time {
                        mark_outage(&mut self.doc, &mut row, time);
                    }
                    self.doc.timeline.push(row);
                    let number = self.doc.timeline.len();
                    let from = match rows_from {
                        RowsFrom::Timeline => "",
                        RowsFrom::ToldTimes => ", from a time told in the text",
                        RowsFrom::QuotedLog => ", from a log quoted in the text",
                    };
                    let place = if dated {
                        format!("timeline row {number}{from}")
                    } else {
                        format!(
                            "timeline row {number}{from} (the file gives no date: it is on today's)"
                        )
                    };
                    self.place(lines, place);
                }
                _ if told => {}
                Outcome::Date(None) => self.place(lines, "the date of the timeline rows below it"),
                Outcome::Zone(None) => self.place(lines, "the zone of the timeline's times"),
                Outcome::Date(Some(text)) | Outcome::Zone(Some(text)) => self.unplaced_text(
                    &text,
                    lines,
                    "says the day or zone of the timeline rows below it (kept as written)",
                ),
                Outcome::Unused(text, why) => self.unplaced_text(&text, lines, &why),
                Outcome::Untimed(text, _) => self.unplaced_text(&text, lines, &no_time),
            }
        }
    }
}

/// Whether some of `starts` (in order) falls within the lines `first..=last`.
pub(super) fn holds_a_start((first, last): (usize, usize), starts: &[usize]) -> bool {
    let at = starts.partition_point(|start| *start < first);
    starts.get(at).is_some_and(|start| *start <= last)
}

/// A table row's cells as one text, `10-01 evening — Diagnosis`; any other text as it is.
fn cells_as_text(text: &str) -> String {
    if !text.trim_start().starts_with('|') {
        return text.to_owned();
    }
    text.split('|')
        .map(str::trim)
        .filter(|cell| !cell.is_empty())
        .collect::<Vec<_>>()
        .join(" \u{2014} ")
}

/// A row that says the outage began, was mitigated or ended (`**OUTAGE BEGINS**`,
/// `Incident mitigated`, `(**outage ends**)`) sets that key time when nothing else did, and
/// is marked with it when the times agree.
fn mark_outage(
    doc: &mut Postmortem,
    row: &mut crate::model::TimelineRow,
    time: chrono::DateTime<chrono::Utc>,
) {
    let event = row.event.to_lowercase();
    let says = |words: &[&str]| {
        words.iter().any(|subject| {
            ["outage", "incident", "impact"]
                .iter()
                .any(|noun| event.contains(&format!("{noun} {subject}")))
        })
    };
    // `Start: 2016/03/16 15:00 - …`: the label an incident report gives its first and last
    // moments, kept in the row's notes.
    let label = row.notes.trim().trim_end_matches(':').to_lowercase();
    let labelled = |labels: &[&str]| labels.contains(&label.as_str());
    let key = if says(&["begins", "began", "starts", "started"])
        || labelled(&["start", "started", "begin", "began"])
    {
        KeyTime::Started
    } else if labelled(&["detected"]) {
        KeyTime::Detected
    } else if says(&["mitigated", "has been mitigated", "was mitigated"])
        || labelled(&["mitigated"])
    {
        KeyTime::Mitigated
    } else if says(&[
        "ends",
        "ended",
        "resolved",
        "over",
        // A status page's last update: `This incident has been resolved.`
        "has been resolved",
        "was resolved",
        "is resolved",
        "has ended",
    ]) || labelled(&["end", "ended", "resolved"])
    {
        KeyTime::Resolved
    } else {
        return;
    };
    if doc.key_times.get(key).is_none() {
        doc.key_times.set(key, Some(time));
    }
    if doc.key_times.get(key) == Some(time)
        && let Some(marker) = key.marker()
        && row.marker == Marker::Unmarked
    {
        row.marker = marker;
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
