//! A postmortem written in Markdown — in a repository, exported from Confluence or Google
//! Docs, or filled in from the SRE book's, PagerDuty's, Atlassian's or Rootly's template — as
//! a Hindsight document, with a report of where each part of the source went.
//!
//! Nothing is lost: what is not read into a field, a section, the timeline or the action
//! items goes word for word into a section called [`NOT_PLACED`].

mod action_line;
mod action_paragraphs;
#[cfg(test)]
mod action_places_tests;
#[cfg(test)]
mod action_prose_tests;
mod actions;
mod assumptions;
mod blocks;
mod by_content;
mod closing_work;
mod commitment;
mod dated_entries;
mod dates_in_text;
#[cfg(test)]
mod days_tests;
#[cfg(test)]
mod east_asian_page_tests;
mod fields;
mod finish;
mod front_matter;
mod heading_places;
mod heading_words;
mod headings;
mod html_blocks;
mod images;
mod incident_day;
mod inline_numbers;
mod introductions;
mod key_times;
mod labelled_work;
mod labels;
mod list_headings;
mod list_work;
mod lists_tables;
mod other_language_work;
mod outline_lists;
#[cfg(test)]
mod page_text_tests;
mod paragraphs;
mod people;
mod pieces;
mod plain_headings;
mod quiet_days;
mod reading;
mod references;
mod restated;
mod settings;
#[cfg(test)]
mod status_page_tests;
mod status_updates;
#[cfg(test)]
mod tests;
mod timeline;
mod told_actions;
mod told_days;
mod told_region;
mod told_times;
mod values;
mod work_pieces;
mod work_sentences;
mod work_status;

use chrono::NaiveDate;

use self::blocks::{Block, BlockKind, read_blocks};
use self::fields::{Field, apply, field_line, incident_reference};
use self::headings::{Target, target_of};
pub use self::images::{WrittenImage, attached_files_in, images_in, keep_local_images, local_file};
use self::pieces::Piece;
pub use self::reading::{Assumed, Candidate, DayFrom, MarkdownChoices, Taken};
use self::values::Context;
use crate::model::{ActionKind, ActionStatus, DayOrder, Postmortem};

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

/// The blocks of `text` as the importer reads them: a list that outlines the parts and the
/// lines a page's text leaves unmarked stand for the headings they are.
fn document_blocks(text: &str) -> Vec<Block> {
    status_updates::with_stamps_closing_updates(plain_headings::with_plain_headings(
        outline_lists::with_outline_headings(read_blocks(text), text),
    ))
}

/// One reading of `text` with the person's choices.
fn read_markdown(text: &str, today: NaiveDate, choices: &MarkdownChoices) -> MarkdownImport {
    // Word processors put in hyphens that look like `-` but that no font of the editor has
    // (non-breaking U+2011, U+2010, figure dash U+2012): they come in as `-`.
    let text = values::headings_with_plain_spaces(values::plain_hyphens_only(text));
    let (text, html_as_markdown) = html_blocks::with_html_as_markdown(text);
    let text = crate::model::cap_markdown_nesting_owned(text);
    let source_lines: Vec<&str> = text.lines().collect();
    let shown_lines = dates_in_text::outside_comments(&source_lines);
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
        before_action_label: None,
        current_level: 0,
        seen_heading: false,
        generic_title: None,
        sole_top_heading: false,
        field_heading: None,
        time_heading: None,
        work_introduced: false,
        work_list_read: false,
        after_work_list: false,
        action_group_status: None,
        action_group_kind: None,
        headed: Vec::new(),
        in_sub_part: false,
        timeline_by_label: false,
        part_labelled: false,
        named_actions: false,
        under_an_item: false,
        timeline: Vec::new(),
        timeline_items: Vec::new(),
        told_in_timeline: Vec::new(),
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
        front_matter_lines: None,
        problems_group: false,
        html_as_markdown,
    };
    let blocks = document_blocks(&text);
    importer.named_actions = blocks.iter().any(|block| match &block.kind {
        BlockKind::Heading(_, text) => {
            target_of(text).or_else(|| headings::target_by_words(text)) == Some(Target::ActionItems)
                && !headings::advises_work(text)
                && !headings::names_steps_taken(text)
        }
        _ => false,
    });
    // One heading of the first level, above every other: the document's own title, even
    // when its words name a part (`# RCA` over `## Summary`, `## Timeline`).
    let mut levels = blocks.iter().filter_map(|block| match &block.kind {
        BlockKind::Heading(level, _) => Some(*level),
        _ => None,
    });
    importer.sole_top_heading = levels.next() == Some(1) && levels.all(|level| level > 1);
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
    let timed_follows: Vec<bool> = timed.iter().skip(1).copied().chain([false]).collect();
    for ((((block, by_content), (list_follows, prose_follows)), list_below), timed_follows) in
        blocks
            .iter()
            .zip(timed)
            .zip(next_kinds)
            .zip(lists_below)
            .zip(timed_follows)
    {
        importer.around = Around {
            // A block the person said is the timeline is one, whatever it holds.
            by_content: by_content || choices.timeline_blocks.contains(&block.lines.0),
            list_follows,
            prose_follows,
            list_below,
            timed_follows,
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
    reason = "five separate facts about a block's neighbours, each read on its own; no state \
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
    /// Whether the block after it is part of a timeline found by its content.
    timed_follows: bool,
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
    /// Where the reading stood before a label for the action items (`Agreed actions:`):
    /// the label heads the list right below it, and the reading goes back there after it.
    before_action_label: Option<Current>,
    current_level: u8,
    seen_heading: bool,
    /// Whether the first heading is the only one of the first level: the title.
    sole_top_heading: bool,
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
    /// Whether a sentence introduced work (`We are taking the following actions:`) whose
    /// lists come under bold labels, read as the action items' groups.
    work_introduced: bool,
    /// Whether the block just read was a list of work a sentence introduced outside the
    /// action items' heading.
    work_list_read: bool,
    /// Whether the block being read comes right after such a list: a paragraph there that
    /// adds work (`We are also making changes to …`) is one more item.
    after_work_list: bool,
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
    /// Whether the timeline being read was headed by a label (`Timeline:`) rather than a
    /// heading: another label (`Conclusions:`) ends it.
    timeline_by_label: bool,
    /// Whether the part being read was started by a label in the text (`**Action
    /// Items:**`) rather than a heading: a heading below it, deeper than the last, may
    /// still end it.
    part_labelled: bool,
    timeline: Vec<Piece>,
    /// The lines of the timeline's list items: an item without a time is still an event,
    /// a row the person times by hand.
    timeline_items: Vec<(usize, usize)>,
    /// The times told inside the timeline's paragraphs that open with none, as rows with
    /// their paragraph's lines.
    told_in_timeline: Vec<((usize, usize), crate::sources::PastedRow)>,
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
    /// Whether blocks of HTML were read as the Markdown they stand for.
    html_as_markdown: bool,
    /// The front matter's lines (from 1), whose stamps date the page, not the incident.
    front_matter_lines: Option<(usize, usize)>,
    /// Under a heading within the action items that names what went wrong (`### Problems
    /// during Recovery`): its lists are the problems, not work.
    problems_group: bool,
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
    /// `Types:` under the action heading: a list that defines terms (`P0 - Critical …`) is
    /// a legend of the kinds or priorities the items use, not work.
    Legend,
    /// `We decided to act because:`, `Two layered causes:`: the list gives reasons or
    /// causes, not work, even under the action items' heading (unless its items are tasks).
    Reasons,
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
        self.after_work_list = std::mem::take(&mut self.work_list_read);
        if !matches!(block.kind, BlockKind::List(_)) {
            self.list_ahead = ListAhead::Nothing;
        }
        if !matches!(block.kind, BlockKind::List(_) | BlockKind::Paragraph(_)) {
            self.work_introduced = false;
        }
        // After the list a label for the action items heads, its prose is the story's
        // again (`Completing the agreed actions should help …`).
        if matches!(block.kind, BlockKind::Paragraph(_))
            && let Some(before) = self.before_action_label.take()
        {
            self.current = before;
        }
        if matches!(block.kind, BlockKind::Heading(..)) {
            self.before_action_label = None;
        }
        let is_paragraph = matches!(block.kind, BlockKind::Paragraph(_));
        if !is_paragraph && let Some((lines, heading)) = self.time_heading.take() {
            // `## 02.10.2025 – 07:00 Uhr` over a list of what was done then, none of it
            // timed: the list is what happened at that time, every item kept in the row.
            if let BlockKind::List(items) = &block.kind
                && !items.iter().any(|item| {
                    item.checked.is_some() || by_content::starts_with_a_time(&item.text)
                })
            {
                let story: Vec<&str> = items.iter().map(|item| item.text.as_str()).collect();
                self.timeline.push(Piece::headed(
                    (lines.0, block.lines.1),
                    &heading,
                    Some(&story.join("\n")),
                ));
                return;
            }
            self.timeline.push(Piece::headed(lines, &heading, None));
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
            BlockKind::Code(lines) => {
                let lines = lines.clone();
                self.code(&block, &lines);
            }
            BlockKind::Other => self.text(&block),
            BlockKind::RunIn => self.unplaced(&block, "text run into a table's header line"),
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
