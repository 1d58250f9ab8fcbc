//! A postmortem written in Markdown — in a repository, exported from Confluence or Google
//! Docs, or filled in from the SRE book's, PagerDuty's, Atlassian's or Rootly's template — as
//! a Hindsight document, with a report of where each part of the source went.
//!
//! Nothing is lost: what is not read into a field, a section, the timeline or the action
//! items goes word for word into a section called [`NOT_PLACED`].

mod action_line;
mod action_paragraphs;
#[cfg(test)]
mod action_prose_tests;
mod actions;
mod blocks;
mod by_content;
mod fields;
mod finish;
mod front_matter;
mod headings;
mod images;
mod key_times;
mod list_headings;
mod lists_tables;
mod paragraphs;
mod people;
mod reading;
mod references;
mod restated;
#[cfg(test)]
mod tests;
mod timeline;
mod told_actions;
mod told_times;
mod values;
mod work_sentences;
mod work_status;

use chrono::NaiveDate;

use self::blocks::{Block, BlockKind, read_blocks};
use self::fields::{Field, apply, field_line, field_named, incident_reference};
use self::headings::{Target, is_generic_title, target_of};
pub use self::images::{WrittenImage, attached_files_in, images_in, keep_local_images, local_file};
pub use self::reading::{Assumed, Candidate, DayFrom, MarkdownChoices, Taken};
use self::timeline::{Piece, Setting};
use self::values::Context;
use crate::model::{
    ActionKind, ActionStatus, CustomSection, DayOrder, Postmortem, Section, read_clock,
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
    /// What the reading assumed about the file's times, for a person to check.
    pub assumed: Assumed,
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
    import_markdown_with(text, today, &MarkdownChoices::default())
}

/// Reads `text` as a postmortem the way a person chose: the zone and day of times that name
/// none, the order of lines and of numbers in dates, and blocks to read as the timeline.
#[must_use]
pub fn import_markdown_with(
    text: &str,
    today: NaiveDate,
    choices: &MarkdownChoices,
) -> MarkdownImport {
    let imported = read_markdown(text, today, choices);
    // Every time of the timeline names one region (a status page's `PT` after each update),
    // or none names a zone and a key-time field does (`Resolved at: 12:11 PM EST`): when the
    // person chose no zone, the document is in that region, and the file is read again so
    // that its times without a zone are read in it too.
    match imported.assumed.times_zone {
        Some(zone) if choices.reading.zone.is_none() && zone != imported.doc.time_zone => {
            let mut in_zone = choices.clone();
            in_zone.reading.zone = Some(zone);
            let mut again = read_markdown(text, today, &in_zone);
            again.assumed.zone.chosen = false;
            again.assumed.zone_from_times = true;
            again
        }
        _ => imported,
    }
}

/// One reading of `text` with the person's choices.
fn read_markdown(text: &str, today: NaiveDate, choices: &MarkdownChoices) -> MarkdownImport {
    // Word processors put in hyphens that look like `-` but that no font of the editor has
    // (non-breaking U+2011, U+2010, figure dash U+2012): they come in as `-`.
    let text = values::headings_with_plain_spaces(values::plain_hyphens_only(text));
    let text = crate::model::cap_markdown_nesting_owned(text);
    let source_lines: Vec<&str> = text.lines().collect();
    let shown_lines = timeline::outside_comments(&source_lines);
    let mut importer = Importer {
        // A zone the person chose reads every time with none, the fields' too.
        doc: Postmortem {
            created: Some(today),
            time_zone: choices.reading.zone.unwrap_or(chrono_tz::UTC),
            ..Postmortem::default()
        },
        context: Context::default(),
        report: Vec::new(),
        current: Current::Preamble,
        current_level: 0,
        seen_heading: false,
        generic_title: None,
        field_heading: None,
        time_heading: None,
        action_group_status: None,
        action_group_kind: None,
        headed: Vec::new(),
        in_sub_part: false,
        named_actions: false,
        under_an_item: false,
        timeline: Vec::new(),
        timeline_items: Vec::new(),
        around: Around::default(),
        list_ahead: ListAhead::Nothing,
        day_order: choices
            .reading
            .day_order
            .or_else(|| DayOrder::found_in(&shown_lines)),
        source_lines,
        shown_lines,
        choices: choices.clone(),
        not_placed: Vec::new(),
        as_written: Vec::new(),
        today,
        published: None,
    };
    let blocks = read_blocks(&text);
    importer.named_actions = blocks.iter().any(|block| match &block.kind {
        BlockKind::Heading(_, text) => {
            target_of(text).or_else(|| headings::target_by_words(text)) == Some(Target::ActionItems)
                && !headings::advises_work(text)
        }
        _ => false,
    });
    let timed = by_content::timeline_by_content(&blocks);
    let next_kinds: Vec<(bool, bool)> = blocks
        .iter()
        .skip(1)
        .map(|next| match &next.kind {
            BlockKind::List(_) => (true, false),
            BlockKind::Paragraph(lines) => (
                false,
                lines.iter().all(|(_, line)| field_line(line).is_none()),
            ),
            _ => (false, false),
        })
        .chain(std::iter::once((false, false)))
        .collect();
    let lists_below = list_headings::work_listed_below(&blocks);
    for (((block, by_content), (list_follows, prose_follows)), list_below) in
        blocks.iter().zip(timed).zip(next_kinds).zip(lists_below)
    {
        importer.around = Around {
            // A block the person said is the timeline is one, whatever it holds.
            by_content: by_content || choices.timeline_blocks.contains(&block.lines.0),
            list_follows,
            prose_follows,
            list_below,
        };
        importer.block(block.clone());
    }
    importer.finish(&blocks)
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

/// What the blocks around one block say about it.
#[derive(Clone, Copy, Default)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "four separate facts about a block's neighbours, each read on its own; no state \
              machine hides among them"
)]
struct Around {
    /// Whether it is part of a timeline found by its content (a list or a run of
    /// paragraphs or headings that begin with times), whatever its heading.
    by_content: bool,
    /// Whether the block after it is a list.
    list_follows: bool,
    /// Whether the block after it is a paragraph of prose: no line of it is a field.
    prose_follows: bool,
    /// Whether a list of work or a table of actions comes after it before the next heading.
    list_below: bool,
}

#[allow(
    clippy::struct_excessive_bools,
    reason = "each flag is a separate fact about where the reading stands (a heading seen, a named action list, under an item, in a sub-part); they change independently"
)]
struct Importer<'a> {
    source_lines: Vec<&'a str>,
    /// The source's lines with those inside HTML comments blank: what a reader of the page
    /// sees, and so what may date the incident.
    shown_lines: Vec<&'a str>,
    doc: Postmortem,
    context: Context,
    report: Vec<Placement>,
    current: Current,
    current_level: u8,
    seen_heading: bool,
    /// A heading such as "Example Postmortem" waiting to see whether a more specific title
    /// follows.
    generic_title: Option<Block>,
    /// A heading that names a field (`## Date`): the paragraph below is its value.
    field_heading: Option<(Field, String)>,
    /// Whether the text being read is under a heading that is itself an action item
    /// (`### Disable external access to the API`, prose below it): its paragraphs tell the
    /// item, they are not items of their own.
    under_an_item: bool,
    /// A time written as a heading in the timeline (`### 4:27`), waiting for the paragraph
    /// that says what happened.
    time_heading: Option<((usize, usize), String)>,
    /// Where the action items under the current group heading stand, when it says.
    action_group_status: Option<ActionStatus>,
    /// What the items under the current group heading improve, when it says.
    action_group_kind: Option<ActionKind>,
    /// Whether a heading anywhere in the file names the action items as such ("Action
    /// items", "Follow-ups", "Corrective actions"), rather than advice or improvements.
    named_actions: bool,
    /// The sections and lists a heading has started so far: a later heading of one is a
    /// part of it.
    headed: Vec<Target>,
    /// Whether the text being read is under a sub-heading the author wrote inside a section
    /// (`### 1. Resource contention` in `## Root causes`): its labelled lines (`**Impact:**
    /// …`) describe that part, not the document, and stay in it.
    in_sub_part: bool,
    timeline: Vec<Piece>,
    /// The lines of the timeline's list items: an item without a time is still an event,
    /// a row the person times by hand.
    timeline_items: Vec<(usize, usize)>,
    /// What the blocks around the one being read say about it.
    around: Around,
    /// What the block just read says about a list right below it.
    list_ahead: ListAhead,
    /// What the person chose about how the file is read.
    choices: MarkdownChoices,
    /// How the document's own dates prove numbers alone are read (`29-09-2021` proves
    /// day-first), if they do.
    day_order: Option<DayOrder>,
    /// What could not be placed, by its first line.
    not_placed: Vec<(usize, String)>,
    as_written: Vec<String>,
    today: NaiveDate,
    /// The day the page was published, when its front matter's `date` says: a date in the
    /// title, or one the text tells before it, outranks it as the incident's day, and no
    /// date written without its year is after it.
    published: Option<NaiveDate>,
}

/// What the block just read says about a list right below it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum ListAhead {
    /// Nothing: the list is read by where it stands and what it holds.
    #[default]
    Nothing,
    /// `Going forward, we will do the following:`: the list is action items.
    Actions,
    /// `This release included these fixes:`: the list is action items, done.
    FixesMade,
    /// A numbered list of action items: a bullet list right below it details its last item
    /// (`1. Migration` then `- Created a new table`, written without the indent that would
    /// nest it).
    DetailsOfNumbered,
}

impl Importer<'_> {
    fn place(&mut self, lines: (usize, usize), place: impl Into<String>) {
        self.report.push(Placement {
            lines,
            place: place.into(),
        });
    }

    fn block(&mut self, block: Block) {
        if !matches!(block.kind, BlockKind::List(_)) {
            self.list_ahead = ListAhead::Nothing;
        }
        let is_paragraph = matches!(block.kind, BlockKind::Paragraph(_));
        if !is_paragraph && let Some((lines, heading)) = self.time_heading.take() {
            self.timeline.push(Piece::Entries(vec![(lines, heading)]));
        }
        if !is_paragraph && let Some((field, key)) = self.field_heading.take() {
            // `## Responders` over a list: each item is a value of that field, whatever part
            // the headings above began.
            if let BlockKind::List(items) = &block.kind {
                for item in items {
                    let line = format!("{key}: {}", item.text);
                    self.field(field, &line, &item.text, item.lines);
                }
                return;
            }
            // A field heading with no paragraph or list under it stays as written.
            self.as_written.push(format!("- {key}"));
        }
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
            BlockKind::FrontMatter(toml, text) => {
                let (toml, text) = (*toml, text.clone());
                self.front_matter(&block, toml, &text);
            }
            BlockKind::Rule => self.place(block.lines, "a rule between parts (no text)"),
            BlockKind::Other => self.text(&block),
            BlockKind::RunIn => self.unplaced(&block, "text run into a table's header line"),
        }
    }

    fn heading(&mut self, block: Block, level: u8, text: &str) {
        self.under_an_item = false;
        self.in_sub_part = false;
        if self.around.by_content && self.current != Current::Target(Target::Timeline) {
            self.heading_in_a_timeline_by_content(&block, text);
            return;
        }
        // A heading no template names is read by its words — except the first, which is the
        // title unless a template names it ("Action Cable outage" is no list of actions).
        let may_be_title = self.doc.title.is_empty() && !self.seen_heading;
        let target = target_of(text)
            .or_else(|| {
                (!may_be_title)
                    .then(|| headings::target_by_words(text))
                    .flatten()
            })
            // `## Details` over prose (a blog's technical details) is a part of the story,
            // not the block of fields its name usually heads.
            .filter(|target| !(*target == Target::Details && self.around.prose_follows))
            // `Technical recommendations` where the file has its action items under a heading
            // of their own: advice that restates the work, kept as written.
            .filter(|target| {
                !(*target == Target::ActionItems
                    && self.named_actions
                    && headings::advises_work(text))
            });
        if self.heading_inside_a_part(&block, level, text, target) {
            return;
        }
        // The first heading repeats the title the front matter gave.
        if !self.seen_heading
            && !self.doc.title.is_empty()
            && headings::normalized(text) == headings::normalized(&self.doc.title)
        {
            self.seen_heading = true;
            self.place(block.lines, "the title again");
            return;
        }
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
        // `## Date` with the date below it, or `### Date: 2015-10-21` (the SRE book's layout).
        if target.is_none() {
            if let Some((field, value)) = field_line(text) {
                self.field(field, text, value, block.lines);
                return;
            }
            if let Some(field) = field_named(text) {
                self.field_heading = Some((field, text.to_owned()));
                self.place(block.lines, format!("field \u{201c}{text}\u{201d}"));
                return;
            }
        }
        match target {
            Some(Target::Section(section)) => {
                self.section_heading(section, level, text, block.lines);
            }
            Some(target) => {
                self.current = Current::Target(target);
                self.current_level = level;
                self.action_group_status = None;
                self.action_group_kind = None;
                if !self.list_heading(target, text, block.lines) {
                    self.place(block.lines, format!("heading of {}", target_name(target)));
                }
            }
            // A sub-heading of the team's own inside a section stays in its text.
            None if level > self.current_level && self.current != Current::Preamble => {
                self.in_sub_part = true;
                self.text(&block);
            }
            None => {
                self.doc.narrative.custom_sections.push(CustomSection {
                    title: text.to_owned(),
                    text: String::new(),
                    ..CustomSection::default()
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

    /// A heading that names a built-in section. The section's first heading names it: in
    /// the author's own words ("Root Cause Analysis", "Key Takeaways") it becomes the
    /// section's heading. A later one (`## Summary`, then `## What happened?`) is kept as a
    /// sub-heading in its text, so that no word of either heading is lost.
    fn section_heading(&mut self, section: Section, level: u8, text: &str, lines: (usize, usize)) {
        let already_in = self.current == Current::Target(Target::Section(section));
        self.current_level = if already_in {
            self.current_level.min(level)
        } else {
            level
        };
        self.current = Current::Target(Target::Section(section));
        self.action_group_status = None;
        self.action_group_kind = None;
        let first = !self.headed.contains(&Target::Section(section));
        if first {
            self.headed.push(Target::Section(section));
        }
        let written = headings::as_written(text);
        let narrative = &mut self.doc.narrative;
        let says_only = headings::says_only(text, section);
        if says_only && (first || narrative.heading_of(section) == section.heading()) {
            self.place(lines, format!("heading of section {}", section.heading()));
        } else if first
            && narrative.text(section).trim().is_empty()
            && !narrative.headings.contains_key(&section)
        {
            narrative.headings.insert(section, written.to_owned());
            self.place(
                lines,
                format!("heading of section {} (kept as written)", section.heading()),
            );
        } else {
            // Inside a section the export heads at level 2, a sub-heading is level 3 or
            // deeper.
            let depth = usize::from(level.max(3));
            self.in_sub_part = true;
            append(
                narrative.text_mut(section),
                &format!("{} {written}", "#".repeat(depth)),
            );
            self.place(
                lines,
                format!("a sub-heading in section {}", section.heading()),
            );
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

    fn field(&mut self, field: Field, line: &str, value: &str, lines: (usize, usize)) {
        let kept = apply(&mut self.doc, &mut self.context, field, value);
        // `Incident resolved at: 12:11 PM EST`: the zone a key time names says where its
        // writers are.
        if matches!(field, Field::Times(_)) && self.context.key_times_zone.is_none() {
            self.context.key_times_zone = value
                .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';'))
                .find_map(crate::model::region_of)
                .map(|region| (region, lines.0));
        }
        if !kept {
            self.as_written.push(format!("- {}", line.trim()));
        }
        let key = line.split(':').next().unwrap_or_default().trim();
        self.place(lines, format!("field \u{201c}{key}\u{201d}"));
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
        self.not_placed.push((lines.0, source.to_owned()));
        self.place(lines, format!("not placed: {why}"));
    }

    /// A heading that is part of a timeline found by its content: a time, with the story
    /// below it; or a day (`### Weds 23 Nov 2016`), which dates the times below it.
    fn heading_in_a_timeline_by_content(&mut self, block: &Block, text: &str) {
        self.seen_heading = true;
        if read_clock(text).is_none()
            && let Some(setting) = Setting::of(text, 12, self.day_order)
        {
            self.timeline.push(Piece::Setting(block.lines, setting));
            return;
        }
        self.time_heading = Some((block.lines, text.to_owned()));
    }

    /// A heading under the timeline or the action items that is not another part: a time
    /// (`### 4:27`, with what happened below it) or a group of items (`### Process`,
    /// `### Immediate actions (Completed)`). Returns whether it was one.
    fn heading_inside_a_part(
        &mut self,
        block: &Block,
        level: u8,
        text: &str,
        target: Option<Target>,
    ) -> bool {
        // A deeper heading naming another part starts that part; one naming this part again
        // ("Follow-up (In progress)" under "Remediation") is a group within it.
        let same_part = target.is_some_and(|target| self.current == Current::Target(target));
        // A time first makes it a time in the timeline, whatever its words name
        // (`### 4:09-4:56 PM: Post-Incident Follow-up`), at the timeline's level or below.
        if self.current == Current::Target(Target::Timeline)
            && level >= self.current_level
            && read_clock(text).is_some()
        {
            self.time_heading = Some((block.lines, text.to_owned()));
            return true;
        }
        if level <= self.current_level {
            return false;
        }
        if target.is_some() && !same_part {
            return false;
        }
        match self.current {
            // `#### 29-09-2021 (All times CEST)`, `### March 5, 2025: Issue timeline`: the day
            // or zone of the rows below.
            Current::Target(Target::Timeline) => {
                if let Some(setting) = Setting::of(text, 12, self.day_order) {
                    self.timeline.push(Piece::Setting(block.lines, setting));
                    return true;
                }
                // `### Detailed timeline` under `## Timeline` is still the timeline.
                if same_part {
                    self.unplaced(block, "a heading within the timeline");
                }
                same_part
            }
            Current::Target(Target::ActionItems) => {
                self.action_sub_heading(text, block.lines);
                true
            }
            _ => false,
        }
    }
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
