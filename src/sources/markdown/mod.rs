//! A postmortem written in Markdown — in a repository, exported from Confluence or Google
//! Docs, or filled in from the SRE book's, PagerDuty's, Atlassian's or Rootly's template — as
//! a Hindsight document, with a report of where each part of the source went.
//!
//! Nothing is lost: what is not read into a field, a section, the timeline or the action
//! items goes word for word into a section called [`NOT_PLACED`].

mod actions;
mod blocks;
mod fields;
mod headings;
#[cfg(test)]
mod tests;

use chrono::{NaiveDate, NaiveTime};

use self::actions::{action_columns, action_from_cells, action_from_task};
use self::blocks::{Block, BlockKind, ListItem, TableRow, read_blocks};
use self::fields::{Context, Field, apply, field_line, field_named, incident_reference};
use self::headings::{Target, is_generic_title, target_of};
use crate::model::{
    CustomSection, Postmortem, ResolvedPaste, Section, local_to_utc, parse_chat, parse_table,
    resolve_paste,
};

/// The custom section that holds, word for word, what the import could not place.
pub const NOT_PLACED: &str = "Imported, not placed";

/// The custom section that keeps the details whose values were read rather than copied
/// (times, people, status), as they were written.
pub const DETAILS_AS_WRITTEN: &str = "Details as written";

/// Where one part of the source went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The first and last line of the source, numbered from 1.
    pub lines: (usize, usize),
    /// Where it went, in words: "timeline row 3", "section Root cause", "not placed: …".
    pub place: String,
}

/// A Markdown postmortem read into a document.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkdownImport {
    /// The document.
    pub doc: Postmortem,
    /// Where each part of the source went, in source order.
    pub report: Vec<Placement>,
}

impl MarkdownImport {
    /// How many parts of the source went into [`NOT_PLACED`].
    #[must_use]
    pub fn not_placed(&self) -> usize {
        self.report
            .iter()
            .filter(|placement| placement.place.starts_with("not placed"))
            .count()
    }
}

/// Reads `text` as a postmortem; `today` dates the new document.
#[must_use]
pub fn import_markdown(text: &str, today: NaiveDate) -> MarkdownImport {
    // Word processors put in hyphens that look like `-` but that no font of the editor has
    // (non-breaking U+2011, U+2010, figure dash U+2012): they come in as `-`.
    let text = fields::plain_hyphens_only(text);
    let mut importer = Importer {
        source_lines: text.lines().collect(),
        doc: Postmortem {
            created: Some(today),
            ..Postmortem::default()
        },
        context: Context::default(),
        report: Vec::new(),
        current: Current::Preamble,
        current_level: 0,
        seen_heading: false,
        generic_title: None,
        timeline: Vec::new(),
        not_placed: Vec::new(),
        as_written: Vec::new(),
        today,
    };
    for block in read_blocks(&text) {
        importer.block(block);
    }
    importer.finish()
}

/// Where the text being read goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Current {
    /// Before any section heading: text is the summary.
    Preamble,
    /// Under a heading the templates know.
    Target(Target),
    /// Under a heading of the team's own: its custom section.
    Custom(usize),
}

/// A piece of the timeline, read once every field (the incident's start) is known.
enum TimelinePiece {
    /// A table: its header and rows.
    Table(Vec<String>, Vec<TableRow>),
    /// Lines starting with times: the first line's number and the text.
    Lines(usize, String),
}

struct Importer<'a> {
    source_lines: Vec<&'a str>,
    doc: Postmortem,
    context: Context,
    report: Vec<Placement>,
    current: Current,
    current_level: u8,
    seen_heading: bool,
    /// A heading such as "Example Postmortem" waiting to see whether a more specific title
    /// follows.
    generic_title: Option<Block>,
    timeline: Vec<TimelinePiece>,
    not_placed: Vec<String>,
    as_written: Vec<String>,
    today: NaiveDate,
}

impl Importer<'_> {
    fn place(&mut self, lines: (usize, usize), place: impl Into<String>) {
        self.report.push(Placement {
            lines,
            place: place.into(),
        });
    }

    fn block(&mut self, block: Block) {
        match &block.kind {
            BlockKind::Heading(level, text) => {
                let (level, text) = (*level, text.clone());
                self.heading(block, level, &text);
            }
            BlockKind::Paragraph(lines) => {
                let lines = lines.clone();
                self.paragraph(&block, &lines);
            }
            BlockKind::List(items) => {
                let items = items.clone();
                self.list(&block, &items);
            }
            BlockKind::Table(header, rows) => {
                let (header, rows) = (header.clone(), rows.clone());
                self.table(&block, header, rows);
            }
            BlockKind::Rule => self.place(block.lines, "a rule between parts (no text)"),
            BlockKind::Other => self.text(&block),
            BlockKind::RunIn => self.unplaced(&block, "text run into a table's header line"),
        }
    }

    fn heading(&mut self, block: Block, level: u8, text: &str) {
        let target = target_of(text);
        if self.doc.title.is_empty() && target.is_none() {
            if !self.seen_heading && self.generic_title.is_none() && is_generic_title(text) {
                self.generic_title = Some(block);
                self.seen_heading = true;
                return;
            }
            if !self.seen_heading || self.generic_title.is_some() {
                self.seen_heading = true;
                self.set_title(text, block.lines);
                if let Some(generic) = self.generic_title.take() {
                    self.unplaced(&generic, "a generic heading above the title");
                }
                return;
            }
        }
        self.seen_heading = true;
        if let Some(generic) = self.generic_title.take() {
            // Nothing more specific followed: the generic heading is the title after all.
            if let BlockKind::Heading(_, title) = &generic.kind {
                let title = title.clone();
                self.set_title(&title, generic.lines);
            }
        }
        match target {
            Some(target) => {
                self.current = Current::Target(target);
                self.current_level = level;
                self.place(block.lines, format!("heading of {}", target_name(target)));
            }
            // A sub-heading of the team's own inside a section stays in its text.
            None if level > self.current_level && self.current != Current::Preamble => {
                self.text(&block);
            }
            None => {
                self.doc.narrative.custom_sections.push(CustomSection {
                    title: text.to_owned(),
                    text: String::new(),
                });
                let index = self.doc.narrative.custom_sections.len() - 1;
                self.current = Current::Custom(index);
                self.current_level = level;
                self.place(
                    block.lines,
                    format!("custom section \u{201c}{text}\u{201d}"),
                );
            }
        }
    }

    fn set_title(&mut self, title: &str, lines: (usize, usize)) {
        title.clone_into(&mut self.doc.title);
        if self.doc.incident_id.is_empty()
            && let Some(reference) = incident_reference(title)
        {
            self.doc.incident_id = reference;
        }
        self.place(lines, "title");
    }

    fn paragraph(&mut self, block: &Block, lines: &[(usize, String)]) {
        // The first line of a document without headings is its title.
        if !self.seen_heading && self.doc.title.is_empty() {
            self.seen_heading = true;
            if let Some((_, first)) = lines.first()
                && field_line(first).is_none()
                && first.chars().count() <= 120
            {
                let ranges = line_ranges(block, lines);
                self.set_title(first, ranges[0]);
                if lines.len() > 1 {
                    self.lines_as_text(&lines[1..], &ranges[1..]);
                }
                return;
            }
        }
        // Hindsight's own export says so under a heading with nothing to show.
        let placeholder = [
            "Not written yet.",
            "No details recorded yet.",
            "No action items yet.",
            "No timeline rows yet.",
            "No starred timeline rows.",
        ];
        if let [(_, only)] = lines
            && placeholder.contains(&only.as_str())
            && block.source.starts_with('*')
        {
            self.place(block.lines, "a note that the part is empty");
            return;
        }
        if self.current == Current::Target(Target::Timeline) {
            self.timeline
                .push(TimelinePiece::Lines(block.lines.0, block.source.clone()));
            return;
        }
        let any_field = lines
            .iter()
            .any(|(_, line)| field_line(line).is_some() || section_line(line).is_some());
        if any_field {
            self.lines_as_text(lines, &line_ranges(block, lines));
        } else {
            self.text(block);
        }
    }

    /// A paragraph's lines read one by one, each with the source lines it covers: a field,
    /// a `Section: text` line, else text of the current place (as written in the source).
    fn lines_as_text(&mut self, lines: &[(usize, String)], ranges: &[(usize, usize)]) {
        let mut into: Option<Section> = None;
        for ((_, text), range) in lines.iter().zip(ranges) {
            let range = *range;
            if let Some((field, value)) = field_line(text) {
                self.field(field, text, value, range);
                into = None;
            } else if let Some((section, value)) = section_line(text) {
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

    /// The source's lines `first..=last` as written.
    fn source_text(&self, (first, last): (usize, usize)) -> String {
        let start = first.saturating_sub(1).min(self.source_lines.len());
        let end = last.min(self.source_lines.len()).max(start);
        self.source_lines[start..end]
            .iter()
            .map(|line| line.trim())
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn field(&mut self, field: Field, line: &str, value: &str, lines: (usize, usize)) {
        let kept = apply(&mut self.doc, &mut self.context, field, value);
        if !kept {
            self.as_written.push(format!("- {}", line.trim()));
        }
        let key = line.split(':').next().unwrap_or_default().trim();
        self.place(lines, format!("field \u{201c}{key}\u{201d}"));
    }

    fn list(&mut self, block: &Block, items: &[ListItem]) {
        if self.current == Current::Target(Target::Timeline) {
            self.timeline
                .push(TimelinePiece::Lines(block.lines.0, block.source.clone()));
            return;
        }
        let in_actions = self.current == Current::Target(Target::ActionItems);
        let tasks = items.iter().any(|item| item.checked.is_some());
        if tasks || in_actions {
            for item in items {
                let action =
                    action_from_task(&item.text, item.checked == Some(true), self.context.date);
                self.doc.action_items.push(action);
                let number = self.doc.action_items.len();
                self.place(item.lines, format!("action item {number}"));
            }
            return;
        }
        let fields = items
            .iter()
            .filter(|item| field_line(&item.text).is_some())
            .count();
        if fields > 0 && (fields * 2 >= items.len() || self.current == Current::Preamble) {
            for item in items {
                match field_line(&item.text) {
                    Some((field, value)) => self.field(field, &item.text, value, item.lines),
                    None => self.text_source(&format!("- {}", item.source), item.lines),
                }
            }
            return;
        }
        self.text(block);
    }

    fn table(&mut self, block: &Block, header: Vec<String>, rows: Vec<TableRow>) {
        let rows = joined_rows(header.len(), rows);
        let header_lines = (block.lines.0, block.lines.0 + 1);
        let paste = parse_table(
            &header,
            &rows
                .iter()
                .map(|row| (row.line, row.source.clone(), row.cells.clone()))
                .collect::<Vec<_>>(),
        );
        if !paste.rows.is_empty() {
            self.place(header_lines, "the timeline table's header");
            self.timeline.push(TimelinePiece::Table(header, rows));
            return;
        }
        if let Some(columns) = action_columns(&header) {
            self.place(header_lines, "the action table's header");
            for row in rows {
                match action_from_cells(&header, &columns, &row.cells, self.context.date) {
                    Some(action) => {
                        self.doc.action_items.push(action);
                        let number = self.doc.action_items.len();
                        self.place((row.line, row.last_line), format!("action item {number}"));
                    }
                    None => self.unplaced_text(
                        &row.source,
                        (row.line, row.last_line),
                        "no action in the row",
                    ),
                }
            }
            return;
        }
        let field_rows = rows
            .iter()
            .filter(|row| {
                row.cells
                    .first()
                    .is_some_and(|key| field_named(key).is_some())
            })
            .count();
        if header.len() == 2 && field_rows > 0 {
            self.place(header_lines, "the details table's header");
            for row in &rows {
                let key = row.cells.first().map_or("", String::as_str);
                let value = row.cells.get(1).map_or("", String::as_str);
                let lines = (row.line, row.last_line);
                match field_named(key) {
                    Some(field) if !value.trim().is_empty() => {
                        self.field(field, &format!("{key}: {value}"), value, lines);
                    }
                    _ => {
                        self.as_written.push(format!("- {key}: {value}"));
                        self.place(lines, format!("section {DETAILS_AS_WRITTEN}"));
                    }
                }
            }
            return;
        }
        self.text(block);
    }

    /// A whole block as written, into the current place.
    fn text(&mut self, block: &Block) {
        self.text_source(&block.source, block.lines);
    }

    fn text_source(&mut self, source: &str, lines: (usize, usize)) {
        match self.current {
            Current::Preamble => {
                append(&mut self.doc.narrative.summary, source);
                self.place(lines, "section Summary");
            }
            Current::Target(Target::Section(section)) => {
                append(self.doc.narrative.text_mut(section), source);
                self.place(lines, format!("section {}", section.heading()));
            }
            Current::Custom(index) => {
                let custom = &mut self.doc.narrative.custom_sections[index];
                append(&mut custom.text, source);
                let title = custom.title.clone();
                self.place(lines, format!("custom section \u{201c}{title}\u{201d}"));
            }
            Current::Target(Target::Details) => {
                self.as_written.push(source.to_owned());
                self.place(lines, format!("section {DETAILS_AS_WRITTEN}"));
            }
            Current::Target(Target::Timeline | Target::ActionItems) => {
                self.unplaced_text(source, lines, "text that is not a row or an item");
            }
        }
    }

    fn unplaced(&mut self, block: &Block, why: &str) {
        self.unplaced_text(&block.source, block.lines, why);
    }

    fn unplaced_text(&mut self, source: &str, lines: (usize, usize), why: &str) {
        self.not_placed.push(source.to_owned());
        self.place(lines, format!("not placed: {why}"));
    }

    fn finish(mut self) -> MarkdownImport {
        self.read_timeline();
        self.place_what_no_block_held();
        if let Some(generic) = self.generic_title.take()
            && let BlockKind::Heading(_, title) = &generic.kind
        {
            let title = title.clone();
            self.set_title(&title, generic.lines);
        }
        if let Some(date) = self.context.date {
            self.doc.created = Some(date)
                .filter(|date| *date <= self.today)
                .or(self.doc.created);
        }
        for (title, texts) in [
            (DETAILS_AS_WRITTEN, &self.as_written),
            (NOT_PLACED, &self.not_placed),
        ] {
            if !texts.is_empty() {
                self.doc.narrative.custom_sections.push(CustomSection {
                    title: title.to_owned(),
                    text: texts.join(if title == NOT_PLACED { "\n\n" } else { "\n" }),
                });
            }
        }
        self.report.sort_by_key(|placement| placement.lines);
        MarkdownImport {
            doc: self.doc,
            report: self.report,
        }
    }

    /// Lines with text that no block covered (the parser passes over a few odd line endings
    /// without a word): kept too, so nothing is lost whatever the parser does.
    fn place_what_no_block_held(&mut self) {
        let mut covered = vec![false; self.source_lines.len() + 1];
        for placement in &self.report {
            let (first, last) = placement.lines;
            let last = last.min(self.source_lines.len());
            if first <= last {
                covered[first..=last].fill(true);
            }
        }
        let missed: Vec<(usize, String)> = self
            .source_lines
            .iter()
            .enumerate()
            .filter(|(index, line)| !covered[index + 1] && !line.trim().is_empty())
            .map(|(index, line)| (index + 1, (*line).to_owned()))
            .collect();
        for (line, text) in missed {
            self.unplaced_text(&text, (line, line), "text the Markdown reader passed over");
        }
    }

    /// The timeline's pieces, read now that the incident's start (or day) is known.
    fn read_timeline(&mut self) {
        let zone = self.doc.time_zone;
        let started = self.doc.key_times.started.or_else(|| {
            let day = self.context.date?;
            local_to_utc(day.and_time(NaiveTime::MIN), zone).ok()
        });
        for piece in std::mem::take(&mut self.timeline) {
            // A joined row's last line, by its first.
            let last_lines: std::collections::HashMap<usize, usize> = match &piece {
                TimelinePiece::Table(_, rows) => {
                    rows.iter().map(|row| (row.line, row.last_line)).collect()
                }
                TimelinePiece::Lines(..) => std::collections::HashMap::new(),
            };
            let (resolved, offset): (ResolvedPaste, usize) = match &piece {
                TimelinePiece::Table(header, rows) => {
                    let cells: Vec<_> = rows
                        .iter()
                        .map(|row| (row.line, row.source.clone(), row.cells.clone()))
                        .collect();
                    (
                        resolve_paste(&parse_table(header, &cells), zone, started, self.today),
                        0,
                    )
                }
                TimelinePiece::Lines(first, text) => {
                    let paste = parse_chat(text);
                    for line in &paste.date_lines {
                        let line = line + first - 1;
                        self.place((line, line), "the date of the timeline rows below it");
                    }
                    (resolve_paste(&paste, zone, started, self.today), first - 1)
                }
            };
            for row in resolved.rows {
                let last = row.lines.last().map_or(0, |line| line + offset);
                let lines = (
                    row.lines.first().map_or(0, |line| line + offset),
                    last_lines.get(&last).copied().unwrap_or(last),
                );
                self.doc.timeline.push(row.row);
                let number = self.doc.timeline.len();
                self.place(lines, format!("timeline row {number}"));
            }
            for unused in resolved.unused {
                let line = unused.line + offset;
                let why = unused.reason.to_string();
                let last = last_lines.get(&line).copied().unwrap_or(line);
                self.unplaced_text(&unused.text, (line, last), &why);
            }
        }
    }
}

/// The source lines each of a paragraph's lines covers: from its own line to the line before
/// the next one (a code span or a link can carry a line over), the first from the block's
/// start and the last to the block's end.
fn line_ranges(block: &Block, lines: &[(usize, String)]) -> Vec<(usize, usize)> {
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

/// `**Root cause**: text` (the SRE book writes short sections so): the section and the text.
fn section_line(line: &str) -> Option<(Section, &str)> {
    let (key, value) = line.split_once(':')?;
    if key.split_whitespace().count() > 5 {
        return None;
    }
    let Some(Target::Section(section)) = target_of(key.trim().trim_matches(['*', '_'])) else {
        return None;
    };
    let value = value.trim();
    (!value.is_empty()).then_some((section, value))
}

fn target_name(target: Target) -> String {
    match target {
        Target::Section(section) => format!("section {}", section.heading()),
        Target::Timeline => "the timeline".to_owned(),
        Target::ActionItems => "the action items".to_owned(),
        Target::Details => "the details".to_owned(),
    }
}

/// Adds a block of Markdown to a section, a blank line after what is there.
fn append(section: &mut String, text: &str) {
    if !section.is_empty() {
        section.push_str("\n\n");
    }
    section.push_str(text.trim());
}

/// Adds a line to the paragraph a section ends with.
fn append_line(section: &mut String, text: &str) {
    if !section.is_empty() {
        section.push('\n');
    }
    section.push_str(text.trim());
}

/// Rows broken across lines joined again: a row that writes fewer cells than the header,
/// followed by one that writes the rest (`| 14:10 | ran a query |` then `saw a slow scan |`).
fn joined_rows(columns: usize, rows: Vec<TableRow>) -> Vec<TableRow> {
    let mut joined: Vec<TableRow> = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(previous) = joined.last_mut()
            && previous.written < columns
            && previous.written + row.written <= columns
            && !row.source.starts_with('|')
        {
            let mut cells: Vec<String> = previous.cells[..previous.written].to_vec();
            cells.extend(row.cells.iter().take(row.written).cloned());
            cells.resize(columns, String::new());
            previous.cells = cells;
            previous.written += row.written;
            previous.last_line = row.last_line;
            previous.source = format!("{} {}", previous.source, row.source);
            continue;
        }
        joined.push(row);
    }
    joined
}
