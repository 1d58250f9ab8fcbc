//! Paragraphs of an imported postmortem: a title line, fields (`**Date**: …`), the SRE
//! book's one-line sections (`**Root Causes**: …`), labels that stand for a heading
//! (`**What went well**`), lines of the timeline, and text.

use super::blocks::{Block, ListItem};
use super::by_content::starts_with_a_time;
use super::fields::field_line;
use super::headings::{Target, target_by_words, target_of};
use super::timeline::{Piece, Setting, zone_line};
use super::work_sentences;
use super::{Current, Importer, ListAhead, append, append_line};
use crate::model::{ActionStatus, Section, read_date_line};

/// Hindsight's own export says so under a heading with nothing to show.
const EMPTY_NOTES: [&str; 5] = [
    "Not written yet.",
    "No details recorded yet.",
    "No action items yet.",
    "No timeline rows yet.",
    "No starred timeline rows.",
];

impl Importer<'_> {
    pub(super) fn paragraph(&mut self, block: &Block, lines: &[(usize, String)]) {
        let ranges = line_ranges(block, lines);
        // A field named by the heading above (`## Date` then `2016-09-05`).
        if let Some((field, key)) = self.field_heading.take() {
            let value = lines
                .iter()
                .map(|(_, line)| line.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            self.field(field, &format!("{key}: {value}"), &value, block.lines);
            return;
        }
        // Paragraphs that begin with times, wherever they stand, are timeline rows.
        if self.around.by_content && self.current != Current::Target(Target::ActionItems) {
            self.timeline_lines(lines, &ranges);
            return;
        }
        // An MDX page's code before its words (`import … from '…'`, `export const post = {`
        // with the page's settings, `export default …`).
        if !self.seen_heading && is_page_code(&block.source) {
            self.page_code(lines, &ranges);
            return;
        }
        // The first line of a document without headings is its title.
        if !self.seen_heading && self.doc.title.is_empty() {
            self.seen_heading = true;
            if let Some((_, first)) = lines.first()
                && field_line(first).is_none()
                && first.chars().count() <= 120
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
                return;
            }
        }
        if let [(_, only)] = lines
            && EMPTY_NOTES.contains(&only.as_str())
            && block.source.starts_with('*')
        {
            self.place(block.lines, "a note that the part is empty");
            return;
        }
        if let [(_, only)] = lines
            && self.label(block, only)
        {
            return;
        }
        if let Some(time_heading) = self.time_heading.take() {
            // A time written as a heading, with what happened in the paragraph under it.
            let (lines_of_heading, heading) = time_heading;
            let text = lines
                .iter()
                .map(|(_, line)| line.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            self.timeline.push(Piece::Entries(vec![(
                (lines_of_heading.0, block.lines.1),
                format!("{heading} {text}"),
            )]));
            return;
        }
        if self.current == Current::Target(Target::Timeline) {
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
                    day: super::timeline::date_in_text(only, self.day_order),
                    kept: None,
                },
            ));
            return;
        }
        if self.action_paragraph(block, lines) || self.fixes_made(block, lines) {
            return;
        }
        // `Going forward, we will do the following:` above a list: the list is action items,
        // the sentence stays where it is.
        if self.around.list_follows
            && let Some((_, last)) = lines.last()
            && last.trim_end().ends_with(':')
            // In a sentence, `to do` is a verb (`the only safe way to do this would be:`),
            // not a list of things to do.
            && (super::headings::target_by_words(&last.to_lowercase().replace(" to do ", " "))
                == Some(Target::ActionItems)
                || work_sentences::introduces_tracked_work(&work_sentences::last_sentence(last)))
        {
            self.list_ahead = ListAhead::Actions;
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

    fn label(&mut self, block: &Block, only: &str) -> bool {
        let plain_label = || {
            (self.around.list_follows && only.split_whitespace().count() <= 5)
                .then(|| target_of(only))
                .flatten()
        };
        let Some(target) = label_target(only, &block.source).or_else(plain_label) else {
            return false;
        };
        self.start_labelled_part(block, only, target);
        true
    }

    /// A list of one item that is only a part's name (`- **Review actions**:`, as some
    /// templates head their parts): it stands for the part's heading, as a label does.
    /// Returns whether it was one.
    pub(super) fn label_item(&mut self, block: &Block, item: &ListItem) -> bool {
        if item.checked.is_some() || item.text.contains('\n') {
            return false;
        }
        let Some(target) = label_target(&item.text, &item.source) else {
            return false;
        };
        self.start_labelled_part(block, &item.text, target);
        true
    }

    fn start_labelled_part(&mut self, block: &Block, only: &str, target: Target) {
        self.current = Current::Target(target);
        // A label that carries a link or a footnote keeps it, as written, in its section.
        if matches!(target, Target::Section(_)) && only.contains(['[', '(', '^']) {
            self.text(block);
        } else {
            self.place(
                block.lines,
                format!("a label for {}", super::target_name(target)),
            );
        }
    }

    /// Work to do written as prose: under the action items' heading each paragraph is one
    /// item (`We will add rate limiting to uploads.`), unless it introduces what follows
    /// (`We will:`); anywhere, a paragraph of `Action point: …` lines is one item a line.
    /// Returns whether the paragraph was read so.
    fn action_paragraph(&mut self, block: &Block, lines: &[(usize, String)]) -> bool {
        let ranges = line_ranges(block, lines);
        let marked: Vec<Option<&str>> = lines.iter().map(|(_, line)| action_point(line)).collect();
        if !marked.is_empty() && marked.iter().all(Option::is_some) {
            for (action, range) in marked.iter().flatten().zip(&ranges) {
                self.add_action(action, *range);
            }
            return true;
        }
        // `**TODO**: Alex thinks we need …` over several lines, `DONE: added the monitor`:
        // a paragraph opened by where its work stands is one item, wherever it stands.
        if let Some((status, mark)) = status_mark(&block.source)
            && let Some((_, first)) = lines.first()
            && let Some(rest) = after_mark(first.trim(), mark.len())
        {
            let text = std::iter::once(rest)
                .chain(lines.iter().skip(1).map(|(_, line)| line.as_str()))
                .collect::<Vec<_>>()
                .join(" ");
            let mut action = super::actions::action_from_task(&text, false, self.context.date);
            action.status = status;
            self.push_action(action, block.lines, false);
            return true;
        }
        let introduces = lines
            .last()
            .is_some_and(|(_, line)| line.trim_end().ends_with(':'));
        // `**Incident resolved at:** 12:11 PM EST` opening a paragraph: fields, not work.
        let fields = lines
            .first()
            .is_some_and(|(_, line)| field_line(line).is_some());
        if self.current != Current::Target(Target::ActionItems) || introduces || fields {
            return false;
        }
        // `**Storage & Capacity** (Issue #1)` right above a list: the name of the group of
        // items below, as a heading within the action items would be.
        if let [(_, only)] = lines
            && self.around.list_follows
            && group_label(only, &block.source)
        {
            self.action_group(only, block.lines);
            return true;
        }
        // `[KM676](https://trello.com/…)` or `https://…/issues?q=…`, a line each: the items
        // are named by their tickets.
        let written: Vec<String> = ranges
            .iter()
            .map(|range| self.source_text(*range))
            .collect();
        if written
            .iter()
            .all(|line| super::actions::opens_with_a_link(line))
        {
            for (line, range) in written.iter().zip(&ranges) {
                let action = super::actions::action_from_ticket_line(line, self.context.date);
                self.push_action(action, *range, true);
            }
            return true;
        }
        let text = lines
            .iter()
            .map(|(_, line)| line.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        // A story or an appeal under the heading (`Thanks for using Homebrew!`) is text;
        // so is a line all in italics, a template's hint (`*List any tasks we should
        // complete*`), and one about the items themselves (`Action items should be
        // achievable in the short to medium term.`).
        // `We're making concrete changes based on this incident.` right above the list: it
        // introduces the items, which say what the changes are.
        let introduction = self.around.list_follows && names_work_in_general(&text);
        let hint = all_in_italics(&block.source) || speaks_of_the_items(&text) || introduction;
        let work = work_sentences::commits_to_work(&text)
            || work_sentences::opens_with_an_order(&text)
            || super::work_status::status_trailer(&text).is_some();
        if hint || !work {
            return false;
        }
        self.add_action(&text, block.lines);
        true
    }

    /// Fixes that were made, introduced in the resolution or the actions (`This included
    /// many fixes, the most important being:`): the list below is action items, done, and so
    /// are the paragraph's own lines after the introduction. Returns whether the paragraph
    /// held the fixes itself.
    fn fixes_made(&mut self, block: &Block, lines: &[(usize, String)]) -> bool {
        let where_fixes_are = matches!(
            self.current,
            Current::Target(Target::ActionItems | Target::Section(Section::Resolution))
        );
        if !where_fixes_are {
            return false;
        }
        // The lines after one that introduces the fixes and ends with a colon.
        let introduction = lines.iter().position(|(_, line)| {
            line.trim_end().ends_with(':')
                && work_sentences::introduces_fixes_made(&work_sentences::last_sentence(line))
        });
        if let Some(at) = introduction
            && at + 1 < lines.len()
        {
            let ranges = line_ranges(block, lines);
            let introduction = self.source_text((ranges[0].0, ranges[at].1));
            self.text_source(&introduction, (ranges[0].0, ranges[at].1));
            for ((_, line), range) in lines[at + 1..].iter().zip(&ranges[at + 1..]) {
                let action = super::actions::action_from_task(line, true, self.context.date);
                self.push_action(action, *range, false);
            }
            return true;
        }
        let joined = lines
            .iter()
            .map(|(_, line)| line.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if self.around.list_follows
            && work_sentences::introduces_fixes_made(&work_sentences::last_sentence(&joined))
        {
            self.list_ahead = ListAhead::FixesMade;
        }
        false
    }

    fn add_action(&mut self, text: &str, lines: (usize, usize)) {
        let action = super::actions::action_from_task(text, false, self.context.date);
        self.push_action(action, lines, true);
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
        self.timeline_lines(lines, ranges);
    }

    /// A paragraph under the timeline's heading: its lines are entries, a line naming the
    /// zone sets it for the times below.
    fn timeline_lines(&mut self, lines: &[(usize, String)], ranges: &[(usize, usize)]) {
        let mut entries = Vec::new();
        for ((_, line), range) in lines.iter().zip(ranges) {
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
                        day: super::timeline::date_in_text(line, self.day_order),
                        kept: None,
                    },
                ));
            } else if let Some((lines_of_entry, text)) = entries.last_mut().filter(|(above, _)| {
                !starts_with_a_time(line)
                    && read_date_line(line).is_none()
                    && !self.breaks_after(above.1)
            }) {
                // A paragraph's lines are one text wrapped: a line without a time goes on
                // with the entry above it, unless that one ends the line on purpose (a hard
                // break: `**T+0 min:** deploys roll out  `, each line an event).
                text.push(' ');
                text.push_str(line);
                lines_of_entry.1 = range.1;
            } else {
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
        let mut into: Option<Section> = None;
        for ((_, text), range) in lines.iter().zip(ranges) {
            let range = *range;
            if let Some((field, value)) = field_line(text) {
                self.field(field, text, value, range);
                into = None;
            } else if let Some(section) = section_line(text) {
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

/// `Action point: rotate the keys`, `Action item: …`, `TODO: …`, `Follow-up: …`: the work,
/// after its mark.
fn action_point(line: &str) -> Option<&str> {
    let (mark, rest) = line.split_once(':')?;
    let mark = mark.trim().trim_matches(['*', '_']).to_lowercase();
    let is_mark = matches!(
        mark.as_str(),
        "action point"
            | "action item"
            | "action"
            | "ap"
            | "todo"
            | "to do"
            | "follow-up"
            | "follow up"
            | "followup"
    );
    let rest = rest.trim().trim_start_matches(['*', '_']).trim();
    (is_mark && !rest.is_empty()).then_some(rest)
}

/// The marks of where a piece of work stands, longest first, and the status each gives.
const STATUS_MARKS: [(&str, ActionStatus); 6] = [
    ("in progress", ActionStatus::InProgress),
    ("doing", ActionStatus::InProgress),
    ("wip", ActionStatus::InProgress),
    ("to do", ActionStatus::Open),
    ("todo", ActionStatus::Open),
    ("done", ActionStatus::Done),
];

/// Whether a paragraph's Markdown opens with where its work stands, in bold or in capitals
/// (`**DONE**: …`, `**DOING** the import …`, `TODO: …`, `WIP - …`): the status, and the mark
/// as the paragraph's plain text begins with it. The marks are fewer than a status cell's
/// words (`Open`, `New`, `Fixed`…): in bold at a paragraph's start, those begin sentences.
fn status_mark(source: &str) -> Option<(ActionStatus, &'static str)> {
    let first = source.lines().next()?.trim();
    let (bold, inside) = match first
        .strip_prefix("**")
        .or_else(|| first.strip_prefix("__"))
    {
        Some(rest) => (true, rest),
        None => (false, first),
    };
    let (mark, status) = STATUS_MARKS.iter().find(|(mark, _)| {
        inside
            .get(..mark.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(mark))
    })?;
    let written = &inside[..mark.len()];
    let after = inside[mark.len()..].trim_start_matches(':');
    let closed = after.starts_with("**") || after.starts_with("__");
    let capitals = written.chars().all(|c| !c.is_lowercase());
    let stands_alone = after_mark(inside, mark.len()).is_some();
    ((bold && closed) || (!bold && capitals && stands_alone)).then_some((*status, *mark))
}

/// A line's text after its first `length` bytes, a status mark that is a word of its own
/// (then a colon, a dash or a space), when there is some.
fn after_mark(line: &str, length: usize) -> Option<&str> {
    let after = line.get(length..)?;
    let rest = after
        .strip_prefix(':')
        .or_else(|| after.strip_prefix(" -"))
        .or_else(|| after.strip_prefix(" \u{2013}"))
        .or_else(|| after.strip_prefix(' '))?
        .trim();
    (!rest.is_empty()).then_some(rest)
}

/// `**Root cause**: text` (the SRE book writes short sections so): the section, when the
/// line has text after the label.
fn section_line(line: &str) -> Option<Section> {
    let (key, value) = line.split_once(':')?;
    if key.split_whitespace().count() > 5 || value.trim().is_empty() {
        return None;
    }
    match target_of(key.trim().trim_matches(['*', '_'])) {
        Some(Target::Section(section)) => Some(section),
        _ => None,
    }
}

/// Whether a paragraph's Markdown is wholly in italics (`*…*` or `_…_`, not bold).
fn all_in_italics(source: &str) -> bool {
    let source = source.trim();
    ["*", "_"].iter().any(|mark| {
        let bold = format!("{mark}{mark}");
        source.len() > 2
            && source.starts_with(mark)
            && source.ends_with(mark)
            && !source.starts_with(&bold)
            && !source[1..source.len() - 1].contains(mark)
    })
}

/// A paragraph that is only a label for a part (`**What went well**`, `Action Items:`,
/// `**Where we got lucky** [[166]](…)`, `**Action Items**:^[165](…)^`): the part the text
/// below it belongs to.
/// Whether a one-line paragraph is a short name set apart in bold (`**Image Management**
/// (Issue #2)`), with at most a reference after it: a group's name, not work.
fn group_label(line: &str, source: &str) -> bool {
    let source = source.trim();
    let Some(rest) = source
        .strip_prefix("**")
        .or_else(|| source.strip_prefix("__"))
    else {
        return false;
    };
    let Some(close) = rest.find(['*', '_']) else {
        return false;
    };
    let after = rest[close..].trim_start_matches(['*', '_', ':']).trim();
    let reference = after.is_empty()
        || after.starts_with('(') && after.ends_with(')') && after.split_whitespace().count() <= 4;
    reference && line.split_whitespace().count() <= 8
}

fn label_target(line: &str, source: &str) -> Option<Target> {
    let source = source.trim();
    let bold = source.starts_with("**") || source.starts_with("__");
    // The label is what comes before any footnote or link mark; after it only such marks
    // may follow, no text.
    let cut = line.find(['[', '(', '^']).unwrap_or(line.len());
    let (head, tail) = line.split_at(cut);
    if !only_marks(tail) {
        return None;
    }
    let head = head.trim();
    let (label, colon) = match head.strip_suffix(':') {
        Some(label) => (label, true),
        None => (head, false),
    };
    if !(bold || colon) || label.is_empty() || label.contains(':') {
        return None;
    }
    if label.split_whitespace().count() > 6 {
        return None;
    }
    // Set apart as a label, a part's name is read by its words too (`**Review actions**:`).
    target_of(label).or_else(|| target_by_words(label))
}

/// Whether `text` holds nothing but footnote and link marks: `[166] (https://…)`,
/// `^165 (https://…)^`, `:`.
fn only_marks(text: &str) -> bool {
    let mut depth = 0_i32;
    for character in text.chars() {
        match character {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            '^' | ':' => {}
            c if c.is_whitespace() => {}
            c if depth == 0 && !c.is_ascii_digit() => return false,
            _ => {}
        }
    }
    true
}

/// Whether a paragraph's subject is the action items themselves (`Action items should be
/// achievable …`, `These follow-ups are tracked in Jira.`): guidance about the list, not an
/// item of it.
fn speaks_of_the_items(text: &str) -> bool {
    let lower = text.trim_start().to_lowercase();
    let lower = ["the ", "these ", "all ", "our "]
        .iter()
        .find_map(|article| lower.strip_prefix(article))
        .unwrap_or(&lower);
    work_sentences::FOLLOW_UP_NOUNS.iter().any(|subject| {
        lower
            .strip_prefix(subject)
            .is_some_and(|rest| rest.starts_with(' '))
    })
}

/// Whether a paragraph speaks of work only in general, by a plural that a list can spell out
/// (`we're making concrete changes`, `we are taking several steps`), in at most two
/// sentences.
fn names_work_in_general(text: &str) -> bool {
    const GENERAL: [&str; 7] = [
        "changes",
        "improvements",
        "steps",
        "measures",
        "actions",
        "fixes",
        "follow-ups",
    ];
    work_sentences::sentences(text).len() <= 2
        && text
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .any(|word| GENERAL.contains(&word.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    #[test]
    fn a_sentence_about_changes_in_general_introduces_a_list() {
        assert!(names_work_in_general(
            "We take privacy seriously, and we\u{2019}re making concrete changes based on this incident."
        ));
        assert!(!names_work_in_general(
            "We will add rate limiting to uploads."
        ));
        let imported = crate::sources::markdown::import_markdown(
            "# Leak\n\n## Next steps\n\nWe are making concrete changes based on this incident.\n\n\
             1. **Remove PII from support emails.**\n1. **Automate announcement workflows.**\n",
            chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        );
        let actions: Vec<&str> = imported
            .doc
            .action_items
            .iter()
            .map(|item| item.action.as_str())
            .collect();
        assert_eq!(
            actions,
            [
                "Remove PII from support emails.",
                "Automate announcement workflows."
            ]
        );
    }

    #[test]
    fn a_paragraph_about_the_action_items_is_no_item() {
        assert!(speaks_of_the_items(
            "Action items should be achievable in short-medium term."
        ));
        assert!(speaks_of_the_items("These follow-ups are tracked in Jira."));
        assert!(!speaks_of_the_items("We will add alerting on the queue."));
    }

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

    #[test]
    fn labels_that_stand_for_headings() {
        let lucky = "**Where we got lucky** [[166]](https://sre.google/x#y)";
        assert_eq!(
            label_target("Where we got lucky [166] (https://sre.google/x#y)", lucky),
            Some(Target::Section(Section::WhereWeGotLucky))
        );
        assert_eq!(
            label_target(
                "Action Items:^165 (https://x)^",
                "**Action Items**:^[165](https://x)^"
            ),
            Some(Target::ActionItems)
        );
        // A label with text after it is a section line, not a label.
        assert_eq!(
            label_target(
                "Impact:^163 (https://x)^ Estimated 1.21B queries lost.",
                "**Impact**:^[163](https://x)^ Estimated 1.21B queries lost."
            ),
            None
        );
    }
}
