//! Paragraphs of an imported postmortem: a title line, fields (`**Date**: …`), lines of the
//! timeline, page code, and text. Labels that stand for a heading (`**What went well**`)
//! are told apart in `labels`.

use super::blocks::Block;
use super::by_content::starts_with_a_time;
use super::fields::{Field, field_line};
use super::headings::Target;
use super::labels::section_line;
use super::pieces::Piece;
use super::settings::{Setting, zone_line};
use super::work_sentences;
use super::{Current, Importer, ListAhead, append, append_line};
use crate::model::{Section, read_date_line};

/// Hindsight's own export says so under a heading with nothing to show.
const EMPTY_NOTES: [&str; 5] = [
    "Not written yet.",
    "No details recorded yet.",
    "No action items yet.",
    "No timeline rows yet.",
    "No starred timeline rows.",
];

/// The most words a write-up's status has (`Draft`, `Final, reviewed by the team`): more
/// is a story told under a label.
const STATUS_WORDS: usize = 8;

impl Importer<'_> {
    pub(super) fn paragraph(&mut self, block: &Block, lines: &[(usize, String)]) {
        let ranges = line_ranges(block, lines);
        if self.value_of_a_field_heading(block, lines) {
            return;
        }
        if self.status_update(lines, &ranges) {
            return;
        }
        self.updates_after_the_postmortem(lines);
        // Paragraphs that begin with times, wherever they stand, are timeline rows.
        if self.around.by_content && self.current != Current::Target(Target::ActionItems) {
            self.timeline_lines(lines, &ranges, true);
            return;
        }
        // An MDX page's code before its words (`import … from '…'`, `export const post = {`
        // with the page's settings, `export default …`).
        if !self.seen_heading && is_page_code(&block.source) {
            self.page_code(lines, &ranges);
            return;
        }
        // The first line of a document without headings is its title.
        if !self.seen_heading
            && self.doc.title.is_empty()
            && self.first_line_as_title(lines, &ranges)
        {
            return;
        }
        if let [(_, only)] = lines
            && EMPTY_NOTES.contains(&only.as_str())
            && block.source.starts_with('*')
        {
            self.place(block.lines, "a note that the part is empty");
            return;
        }
        let legend = self.legend_follows(lines);
        if legend {
            self.list_ahead = ListAhead::Legend;
        } else if self.reasons_follow(lines) {
            self.list_ahead = ListAhead::Reasons;
        }
        if self.numbering_goes_on(block, lines) {
            return;
        }
        if let [(_, only)] = lines
            && self.label(block, only)
        {
            return;
        }
        if let Some(time_heading) = self.time_heading.take() {
            // A time or a dated update written as a heading, with what happened in the
            // paragraph under it.
            let (lines_of_heading, heading) = time_heading;
            let text = lines
                .iter()
                .map(|(_, line)| line.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            self.timeline.push(Piece::headed(
                (lines_of_heading.0, block.lines.1),
                &heading,
                Some(&text),
            ));
            return;
        }
        if self.current == Current::Target(Target::Timeline) {
            if self.label_ends_the_timeline(block, lines) {
                return;
            }
            self.timeline_paragraph(block, lines, &ranges);
            return;
        }
        if let [(_, only)] = lines
            && let Some(zone) = zone_line(only)
        {
            self.timeline.push(Piece::Setting(
                block.lines,
                Setting {
                    zone: Some(zone),
                    day: super::settings::day_in_text(only, self.day_order),
                    kept: None,
                    weekday: None,
                },
            ));
            return;
        }
        if self.action_paragraph(block, lines) || self.fixes_made(block, lines) {
            return;
        }
        if self.work_ahead(block, lines, legend) {
            return;
        }
        let any_field = lines
            .iter()
            .any(|(_, line)| field_line(line).is_some() || section_line(line).is_some());
        if any_field {
            self.lines_as_text(lines, &ranges);
        } else {
            self.text(block);
        }
    }

    /// A field named by the heading above (`## Date` then `2016-09-05`): the paragraph is
    /// its value. Returns whether it was.
    fn value_of_a_field_heading(&mut self, block: &Block, lines: &[(usize, String)]) -> bool {
        let Some((field, key)) = self.field_heading.take() else {
            return false;
        };
        let value = lines
            .iter()
            .map(|(_, line)| line.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        // `Postmortem` over `Starting 05/30 01:35 PDT, new virtual machines …`: a status
        // page's update, whose label names no write-up's status.
        if field == Field::Status && value.split_whitespace().count() > STATUS_WORDS {
            self.as_written.push(format!("- {key}"));
            return false;
        }
        self.field(field, &format!("{key}: {value}"), &value, block.lines);
        true
    }

    /// A status page's updates after its postmortem's action items (`Resolved`, then the
    /// update and its stamp): the page's log of the incident, where the items end. Returns
    /// whether the paragraph was an update copied flat, read as the timeline's entries.
    fn status_update(&mut self, lines: &[(usize, String)], ranges: &[(usize, usize)]) -> bool {
        // `Resolved` alone, or the label, the update and its stamp copied flat in one
        // paragraph.
        let status_update = match lines {
            [(_, only)] => self.around.by_content && crate::sources::is_a_status_word(only),
            [(_, first), ..] => {
                crate::sources::is_a_status_word(first)
                    && super::status_updates::closed_by_a_stamp(lines)
            }
            [] => false,
        };
        // The page's log is a run of its own: the timeline's entries above it are the
        // postmortem's, whose times a stamp below does not close.
        let after_other_entries = matches!(self.timeline.last(), Some(Piece::Entries(entries))
            if entries.last().is_some_and(|(_, text)| !crate::sources::is_dated_stamp(text)));
        if status_update && after_other_entries {
            self.timeline.push(Piece::Start);
        }
        if self.current == Current::Target(Target::ActionItems) && status_update {
            self.current = Current::Target(Target::Timeline);
            if !matches!(self.timeline.last(), None | Some(Piece::Start)) {
                self.timeline.push(Piece::Start);
            }
        }
        // An update copied flat is entries, its stamp closing its text, never what the
        // rows below are on.
        if status_update && self.current == Current::Target(Target::Timeline) && lines.len() > 1 {
            self.timeline_lines(lines, ranges, true);
            return true;
        }
        false
    }

    /// A line that is only a part's name stands for its heading: in bold or with a colon,
    /// or plain just above a list (`Action Items`, then the items). Returns whether it was
    /// one.
    /// An MDX page's code: the settings written as values are read as fields; the code is
    /// kept as not placed, never the title or the summary.
    fn page_code(&mut self, lines: &[(usize, String)], ranges: &[(usize, usize)]) {
        for ((_, line), range) in lines.iter().zip(ranges) {
            let literal = line
                .split_once(':')
                .is_some_and(|(_, value)| value.trim_start().starts_with(['\'', '"']));
            if let Some((field, value)) = field_line(line).filter(|_| literal) {
                self.field(field, line, value, *range);
            } else {
                let written = self.source_text(*range);
                self.unplaced_text(&written, *range, "the page's code");
            }
        }
    }

    /// A paragraph under the timeline's heading: entries, or what the rows below are on.
    fn timeline_paragraph(
        &mut self,
        block: &Block,
        lines: &[(usize, String)],
        ranges: &[(usize, usize)],
    ) {
        // `Unless otherwise noted all events happened on 2019-10-21, and all times are in
        // UTC.`: a short paragraph with no time of its own sets the rows' day and zone.
        let timed = lines.iter().any(|(_, line)| starts_with_a_time(line));
        let joined = lines
            .iter()
            .map(|(_, line)| line.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if !timed && let Some(setting) = Setting::of(&joined, CONTEXT_WORDS, self.day_order) {
            self.timeline.push(Piece::Setting(block.lines, setting));
            return;
        }
        // `### Sept 29` over what happened that day, told in paragraphs without times: each
        // paragraph is a row of that day, as a list's items under the day would be.
        let told_under_a_day = !timed && self.under_a_day_without_times();
        // `That meant failing over …, a decision we took at 12:57 UTC.`: a paragraph of the
        // timeline's story that opens with no time but tells one is a row at each time it
        // tells, as a story's paragraphs are where a file has no timeline. The paragraph is
        // kept as written too. Read after the timeline's entries, so that it does not break
        // their run (the day they carry over midnight).
        if !timed && !told_under_a_day {
            let told = super::told_times::told_rows(&[(block.lines, joined)], self.published, None);
            self.told_in_timeline.extend(told);
        }
        self.timeline_lines(lines, ranges, told_under_a_day);
    }

    /// Whether the last thing the timeline was told is a day (a heading or line that is a
    /// date), with only untimed text since: what was told under the day, a code block or an
    /// image between its paragraphs. The day is still the one things are told on.
    fn under_a_day_without_times(&self) -> bool {
        self.timeline
            .iter()
            .rev()
            .find_map(|piece| match piece {
                Piece::Setting(_, setting) => Some(setting.day.is_some()),
                Piece::Entries(entries) => entries
                    .iter()
                    .any(|(_, text)| starts_with_a_time(text))
                    .then_some(false),
                _ => Some(false),
            })
            .unwrap_or(false)
    }

    /// What the paragraph says of the lists below it: that they are work (`Going forward,
    /// we will do the following:`), right below or under labels of their own; returns
    /// whether it was itself one of those labels.
    fn work_ahead(&mut self, block: &Block, lines: &[(usize, String)], legend: bool) -> bool {
        if self.label_of_introduced_work(block, lines) {
            return true;
        }
        self.work_introduced = false;
        if !legend && self.work_follows(lines) {
            self.list_ahead = ListAhead::Actions;
        } else if !legend && !self.around.list_follows && introduces_work(lines) {
            // The lists it introduces come under labels of their own.
            self.work_introduced = true;
        }
        false
    }

    /// `Going forward, we will do the following:` right above a list: the list is action
    /// items, the sentence stays where it is.
    fn work_follows(&self, lines: &[(usize, String)]) -> bool {
        self.around.list_follows && introduces_work(lines)
    }

    /// Under a sentence that introduces work (`We are taking the following concrete
    /// actions:`), lists grouped under bold labels (`**Communication Systems**`): each label
    /// names its group, and its list is the action items. Returns whether `lines` was such
    /// a label.
    fn label_of_introduced_work(&mut self, block: &Block, lines: &[(usize, String)]) -> bool {
        let label = match lines {
            [(_, only)] if self.work_introduced && self.around.list_follows => only,
            _ => return false,
        };
        if !super::blocks::written_in_bold(&block.source) || label.split_whitespace().count() > 8 {
            return false;
        }
        self.list_ahead = ListAhead::Actions;
        self.action_group(label.trim_end_matches(':'), block.lines);
        true
    }
}

/// Whether a paragraph's last line introduces work to do (`We are taking the following
/// concrete actions:`, `Follow-up tickets:`).
fn introduces_work(lines: &[(usize, String)]) -> bool {
    lines.last().is_some_and(|(_, last)| {
        last.trim_end().ends_with(':')
                    && !super::introductions::introduces_reasons(last)
                    && !super::introductions::introduces_steps_of_the_response(
                        &work_sentences::last_sentence(last),
                    )
                    // In a sentence, `to do` is a verb (`the only safe way to do this would
                    // be:`), not a list of things to do.
                    && (super::headings::target_by_words(
                        &last.to_lowercase().replace(" to do ", " "),
                    ) == Some(Target::ActionItems)
                        || super::introductions::introduces_tracked_work(
                            &work_sentences::last_sentence(last),
                        )
                        || super::introductions::introduces_work_in_hand(
                            &work_sentences::last_sentence(last),
                        ))
    })
}

impl Importer<'_> {
    /// Whether the paragraph, right above a list, introduces reasons or causes (`Two layered
    /// causes:`).
    fn reasons_follow(&self, lines: &[(usize, String)]) -> bool {
        self.around.list_follows
            && lines.last().is_some_and(|(_, last)| {
                last.trim_end().ends_with(':') && super::introductions::introduces_reasons(last)
            })
    }

    /// A status page's postmortem closes with its stamp (`Posted Mar 11, 2020 - 10:18 CAT`):
    /// the updates below it are the timeline, whatever part the postmortem ended in, when
    /// it has none of its own.
    fn updates_after_the_postmortem(&mut self, lines: &[(usize, String)]) {
        if self.around.timed_follows
            && self.current == Current::Target(Target::ActionItems)
            && self.timeline.is_empty()
            && matches!(lines, [(_, only)] if crate::sources::is_a_posted_stamp(only))
        {
            self.current = Current::Target(Target::Timeline);
        }
    }

    /// Takes the first line of a document without headings as its title, unless it is a
    /// field, too long, or a sentence of the story; the paragraph's other lines are text.
    /// Returns whether it did.
    fn first_line_as_title(
        &mut self,
        lines: &[(usize, String)],
        ranges: &[(usize, usize)],
    ) -> bool {
        // A page's dateline above its title (`Saturday 20th October 2018`) is no title: the
        // line after it may be.
        if let [(_, only)] = lines
            && read_date_line(only).is_some()
        {
            return false;
        }
        self.seen_heading = true;
        // A line whose sentence runs on into the next (`At 5:30AM EST on Thursday, one of
        // our servers` over `noticed a slowdown`) is prose wrapped by hand.
        // (`published: Mon, 17 Feb 2020` under `slug: …` is a header's next key.)
        let wrapped = lines.get(1).is_some_and(|(_, next)| {
            next.starts_with(char::is_lowercase)
                && !next
                    .split_whitespace()
                    .next()
                    .is_some_and(|word| word.ends_with(':'))
        });
        if let Some((_, first)) = lines.first()
            && field_line(first).is_none()
            && first.chars().count() <= 120
            && !is_a_sentence(first)
            && !wrapped
            // `At around 14:20Z, the site becomes slow.`: the story's first line.
            && !starts_with_a_time(first)
        {
            // A line that only says what the file is ("Filled-in example for Rootly's
            // Post-mortem template.") is no title: it is kept, and the title is left for
            // the person to write (the checks ask for one).
            if super::headings::is_generic_title(first) {
                let written = self.source_text(ranges[0]);
                self.unplaced_text(&written, ranges[0], "a line that says what the file is");
            } else {
                let title = first.strip_suffix('.').unwrap_or(first);
                self.set_title(title, ranges[0]);
            }
            if lines.len() > 1 {
                self.lines_as_text(&lines[1..], &ranges[1..]);
            }
            return true;
        }
        false
    }

    /// Whether the paragraph, under the action heading and right above a list, says what
    /// the items' kinds or priorities are (`Types:`, `action items should have assigned
    /// priority:`): the list may be their legend.
    fn legend_follows(&self, lines: &[(usize, String)]) -> bool {
        self.around.list_follows
            && self.current == Current::Target(Target::ActionItems)
            && lines.last().is_some_and(|(_, last)| {
                last.trim_end().ends_with(':')
                    && super::lists_tables::introduces_a_legend(&work_sentences::last_sentence(
                        last,
                    ))
            })
    }

    /// A code block: kept as written, unless it stands under the timeline's heading and
    /// most of its lines begin with a time or a date, as a log pasted as the timeline does
    /// (a log quoted elsewhere, in the root cause, stays code).
    pub(super) fn code(&mut self, block: &Block, lines: &[(usize, String)]) {
        let timeline = self.current == Current::Target(Target::Timeline)
            && super::by_content::mostly_dated(lines.iter().map(|(_, line)| line.as_str()));
        if timeline {
            let ranges = line_ranges(block, lines);
            self.timeline_paragraph(block, lines, &ranges);
        } else {
            self.text(block);
        }
    }

    /// A paragraph under the timeline's heading: its lines are entries, a line naming the
    /// zone sets it for the times below.
    ///
    /// `found_by_content`: the paragraph was found to be a timeline's entries (a status log's
    /// days and updates), so an entry without a time is a row all the same.
    fn timeline_lines(
        &mut self,
        lines: &[(usize, String)],
        ranges: &[(usize, usize)],
        found_by_content: bool,
    ) {
        let mut entries = Vec::new();
        // A story told as the timeline: each sentence or clause that begins with a time
        // starts an entry, as a line of a log does.
        let lines: Vec<(String, (usize, usize))> = lines
            .iter()
            .zip(ranges)
            .flat_map(|((_, line), range)| {
                let parts = if starts_with_a_time(line) {
                    super::by_content::split_at_timed_sentences(line)
                } else {
                    vec![line.clone()]
                };
                parts.into_iter().map(|part| (part, *range))
            })
            .collect();
        for (line, range) in &lines {
            let names_zone = zone_line(line).filter(|_| read_date_line(line).is_none());
            if let Some(zone) = names_zone {
                if !entries.is_empty() {
                    self.timeline
                        .push(Piece::Entries(std::mem::take(&mut entries)));
                }
                self.timeline.push(Piece::Setting(
                    *range,
                    Setting {
                        zone: Some(zone),
                        day: super::settings::day_in_text(line, self.day_order),
                        kept: None,
                        weekday: None,
                    },
                ));
            } else if let Some((lines_of_entry, text)) =
                entries.last_mut().filter(|(above, above_text)| {
                    // A status page's stamp closing an update (`Posted Jun 07, 2022 - 17:04
                    // CDT`) stands on its own line, as does what comes after it.
                    !starts_with_a_time(line)
                        && read_date_line(line).is_none()
                        && !self.breaks_after(above.1)
                        && !crate::sources::is_dated_stamp(line)
                        && !crate::sources::is_dated_stamp(above_text)
                })
            {
                // A paragraph's lines are one text wrapped: a line without a time goes on
                // with the entry above it, unless that one ends the line on purpose (a hard
                // break: `**T+0 min:** deploys roll out  `, each line an event).
                text.push(' ');
                text.push_str(line);
                lines_of_entry.1 = range.1;
            } else {
                // An entry dated but not timed (`**23 Feb 2021**: the blocks were lifted`) is
                // a row of the timeline all the same, as a list's item would be.
                if found_by_content
                    || !starts_with_a_time(line)
                        && super::by_content::starts_with_a_time_or_date(line)
                {
                    self.timeline_items.push(*range);
                }
                entries.push((*range, line.clone()));
            }
        }
        if !entries.is_empty() {
            self.timeline.push(Piece::Entries(entries));
        }
    }

    /// A paragraph's lines read one by one, each with the source lines it covers: a field,
    /// a `Section: text` line, else text of the current place (as written in the source).
    pub(super) fn lines_as_text(&mut self, lines: &[(usize, String)], ranges: &[(usize, usize)]) {
        // `title: …`, `date: …`, `permalink: …`, `layout: post` opening the file: a site's
        // front matter that lost its `---` lines. What is no field is kept with the details.
        let header = lines.len() > 1
            && lines.first().is_some_and(|(number, _)| *number == 1)
            && lines.iter().all(|(_, line)| is_key_and_value(line));
        let mut into: Option<Section> = None;
        for ((_, text), range) in lines.iter().zip(ranges) {
            let range = *range;
            if let Some(fields) = super::fields::fields_on_one_line(text) {
                for (field, part, value) in fields {
                    self.field(field, &part, &value, range);
                }
                into = None;
            } else if let Some((field, value)) = field_line(text) {
                self.field(field, text, value, range);
                into = None;
            } else if let Some(section) = section_line(text).filter(|_| !self.in_sub_part) {
                // The text as written (links and emphasis kept), after the label.
                let written = self.source_text(range);
                let value = written
                    .split_once(':')
                    .map_or(written.as_str(), |(_, value)| value)
                    .trim_start_matches(['*', '_', ' '])
                    .trim();
                append(self.doc.narrative.text_mut(section), value);
                self.place(range, format!("section {}", section.heading()));
                into = Some(section);
            } else if header {
                self.as_written.push(format!("- {}", text.trim()));
                self.place(
                    range,
                    format!(
                        "front matter without its fences, in {}",
                        super::DETAILS_AS_WRITTEN
                    ),
                );
            } else {
                let written = self.source_text(range);
                match into {
                    Some(section) => {
                        append_line(self.doc.narrative.text_mut(section), &written);
                        self.place(range, format!("section {}", section.heading()));
                    }
                    None => self.text_source(&written, range),
                }
            }
        }
    }

    /// Whether source line `number` ends with a Markdown hard break: two spaces or a
    /// backslash, which end the line where a reader sees it.
    fn breaks_after(&self, number: usize) -> bool {
        self.source_lines
            .get(number.wrapping_sub(1))
            .is_some_and(|line| line.ends_with("  ") || line.ends_with('\\'))
    }

    /// The source's lines `first..=last` as written.
    pub(super) fn source_text(&self, (first, last): (usize, usize)) -> String {
        let start = first.saturating_sub(1).min(self.source_lines.len());
        let end = last.min(self.source_lines.len()).max(start);
        self.source_lines[start..end]
            .iter()
            .map(|line| line.trim())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The most words a paragraph in the timeline may have and still only say the day or zone
/// of the rows below it; a longer one is part of the story.
const CONTEXT_WORDS: usize = 25;

/// Whether a paragraph is a JavaScript module's statement, as an MDX page opens with:
/// `import { Layout } from '@/components/Layout'`, `export const post = {`, `export default`.
fn is_page_code(source: &str) -> bool {
    let first = source.lines().next().unwrap_or_default().trim();
    let import = first.starts_with("import ")
        && (first.contains(" from ") || first.ends_with(['\'', '"', ';']));
    let export = first.strip_prefix("export ").is_some_and(|rest| {
        ["const ", "let ", "var ", "default ", "function ", "async "]
            .iter()
            .any(|word| rest.starts_with(word))
    });
    import || export
}

/// The source lines each of a paragraph's lines covers: from its own line to the line before
/// the next one (a code span or a link can carry a line over), the first from the block's
/// start and the last to the block's end.
pub(super) fn line_ranges(block: &Block, lines: &[(usize, String)]) -> Vec<(usize, usize)> {
    lines
        .iter()
        .enumerate()
        .map(|(index, (line, _))| {
            let first = if index == 0 { block.lines.0 } else { *line };
            let last = lines
                .get(index + 1)
                .map_or(block.lines.1, |(next, _)| next.saturating_sub(1).max(first));
            (first, last)
        })
        .collect()
}

/// Whether `line` is a key and its value as front matter writes them (`layout: post`,
/// `permalink: svn_outage`): one word of letters, digits, `_` or `-`, then a colon.
fn is_key_and_value(line: &str) -> bool {
    line.split_once(':').is_some_and(|(key, _)| {
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    })
}

/// The fewest words of a line that ends with a full stop and is a sentence of a story
/// rather than a title (`We had an IPv4 network outage starting around … UTC.`).
const SENTENCE_WORDS: usize = 10;

/// Whether a page's first line is a sentence of its story, not its title: it ends with a full
/// stop and runs on as a sentence does.
fn is_a_sentence(line: &str) -> bool {
    let line = line.trim();
    line.ends_with('.')
        && !line.ends_with("..")
        && line.split_whitespace().count() >= SENTENCE_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_mdx_pages_code_is_told_from_its_words() {
        assert!(is_page_code("import Image from 'next/image'"));
        assert!(is_page_code(
            "export const post = {\n  title: 'Relay outage',\n}"
        ));
        assert!(is_page_code(
            "export default (props) => <Layout {...props} />"
        ));
        assert!(!is_page_code("Import of the new data finished at 14:03."));
        assert!(!is_page_code("Export failures began after the deploy."));
    }
}
