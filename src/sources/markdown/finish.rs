//! Closing an import: the timeline's pieces read in time now that the incident's day is
//! known (`incident_day`), the rows its story tells, and what was not placed.

use super::blocks::{Block, BlockKind};
use super::incident_day::STORY_DAYS;
use super::pieces::Piece;
use super::timeline::{self, Outcome, ReadIn, read_pieces};
use super::{DETAILS_AS_WRITTEN, Importer, MarkdownImport, NOT_PLACED};
use super::{actions, restated, told_times, work_sentences};
use crate::model::{ActionStatus, CustomSection, KeyTime, Marker, Postmortem, Section};
use crate::sources::notes_with_day;

/// The fewest lines of a code block, mostly beginning with a time, that make a quoted log
/// the timeline of a file that has none: one or two timed lines are an example.
const QUOTED_LOG_LINES: usize = 3;

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

    /// The timeline's pieces, read now that the incident's start (or day) is known; rows
    /// that say the outage began, was mitigated or ended set those key times when no field
    /// did, and carry the marker.
    fn read_timeline(&mut self, blocks: &[Block]) -> timeline::Found {
        let mut pieces = std::mem::take(&mut self.timeline);
        let told = std::mem::take(&mut self.told_in_timeline);
        if !told.is_empty() {
            pieces.push(Piece::ToldAmongEntries(told));
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
        // The label may have gone to the row's notes (`Update 3 (9:00 PM PST): …`).
        let only_status_updates = rows().next().is_some()
            && rows().all(|row| {
                [&row.event, &row.notes].iter().any(|text| {
                    text.split_whitespace().next().is_some_and(|word| {
                        crate::sources::is_a_status_word(word.trim_end_matches([';', ',']))
                    })
                })
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
            self.stories_posted_as_updates(&outcomes)
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
        // A list's items tell the story in steps as its paragraphs do (`aujourd'hui à 16h,
        // rétablissement des dernières machines ;`).
        let paragraphs: Vec<((usize, usize), String)> = blocks
            .iter()
            .filter(|block| holds_a_start(block.lines, &in_sections))
            .flat_map(|block| match &block.kind {
                // A mail's header dates the post; it tells no time of the story.
                BlockKind::Paragraph(lines) if super::by_content::is_a_mail_header(lines) => {
                    Vec::new()
                }
                BlockKind::Paragraph(lines) => {
                    let text: Vec<&str> = lines.iter().map(|(_, line)| line.as_str()).collect();
                    vec![(block.lines, text.join(" "))]
                }
                BlockKind::List(items) => items
                    .iter()
                    .map(|item| (item.lines, item.own_text.clone()))
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        self.told_in(&paragraphs)
    }

    /// The times told in a status log's update that is a postmortem in its own right (`On
    /// August 27, 2020, at 2:34 PM ET, …` then `At 3:56 PM ET, …`, posted as an update days
    /// later): rows beside the updates, as a postmortem's story above them is. Only times
    /// before the update was posted are its story's.
    fn stories_posted_as_updates(&self, outcomes: &[timeline::Placed]) -> Vec<timeline::Placed> {
        /// The fewest times an update tells for it to be a story: one is a remark.
        const STORY_TIMES: usize = 2;
        let mut told = Vec::new();
        for (lines, outcome) in outcomes {
            let Outcome::Row(row) = outcome else {
                continue;
            };
            let Some(posted) = row.time else {
                continue;
            };
            let telling = told_times::sentences(&row.event)
                .into_iter()
                .filter(|sentence| told_times::tells_a_time(sentence))
                .count();
            if telling < STORY_TIMES {
                continue;
            }
            told.extend(
                self.told_in(&[(*lines, row.event.clone())])
                    .into_iter()
                    .filter(|(_, outcome)| {
                        matches!(outcome, Outcome::Row(told) if told.time.is_some_and(|time| time < posted))
                    }),
            );
        }
        told
    }

    /// The rows the times told in `paragraphs` make.
    fn told_in(&self, paragraphs: &[((usize, usize), String)]) -> Vec<timeline::Placed> {
        // `Yesterday`, `this morning`: the day the page was written, else the one it is read on.
        let written_on = self.published.or(self.context.date);
        // Dated only by its incident's day, the page tells of the weeks after it too.
        let latest = self.published.or_else(|| {
            self.context
                .date
                .map(|day| day + chrono::Days::new(STORY_DAYS))
        });
        let rows = told_times::told_rows(paragraphs, written_on, latest);
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
