//! A Markdown document as the importer reads it: its top-level blocks, each with the lines it
//! came from, its text as written (for sections, which stay Markdown) and as plain text (for
//! fields and table cells). The parsing is pulldown-cmark's; this only gathers its events.

use crate::model::read_date_line;
use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

/// One top-level block of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The first and last line it covers, numbered from 1.
    pub lines: (usize, usize),
    /// Its Markdown as written.
    pub source: String,
    /// What kind of block it is, with what the importer reads from it.
    pub kind: BlockKind,
}

/// The kinds of block the importer tells apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading: its level and plain text.
    Heading(u8, String),
    /// A paragraph: its lines as plain text, each with its line number.
    Paragraph(Vec<(usize, String)>),
    /// A list: its items.
    List(Vec<ListItem>),
    /// A table: the header's cells and the rows.
    Table(Vec<String>, Vec<TableRow>),
    /// Front matter: `true` for TOML (`+++`), `false` for YAML (`---`), and its text.
    FrontMatter(bool, String),
    /// A thematic break (`---`), which holds no text.
    Rule,
    /// Text run into the line of a table's header, with no line break or heading of its
    /// own: where it belongs cannot be told.
    RunIn,
    /// A code block: its non-empty lines as written, each with its line number. Kept as
    /// written, unless it is the timeline (a log pasted under the timeline's heading).
    Code(Vec<(usize, String)>),
    /// Anything else (a quote, HTML): kept as written.
    Other,
}

/// One item of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListItem {
    /// The first and last line it covers.
    pub lines: (usize, usize),
    /// Its plain text, nested items included.
    pub text: String,
    /// Its own plain text, without the lists nested in it.
    pub own_text: String,
    /// Its Markdown as written, without the bullet.
    pub source: String,
    /// `Some(done)` for a task list item (`- [ ]`, `- [x]`).
    pub checked: Option<bool>,
    /// The task list items nested right under it (`- [ ] Warp Speed` under `- [ ] Ensure
    /// that alerting is in place for:`), each a task of its own as the page shows it with
    /// its own box; empty when any item nested there is not a task.
    pub nested_tasks: Vec<NestedTask>,
}

/// A task list item nested under another item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NestedTask {
    /// Its own plain text, without the items nested under it in turn.
    pub text: String,
    /// Whether its box is ticked.
    pub done: bool,
    /// The line it starts on.
    pub line: usize,
}

/// One body row of a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    /// Its line number.
    pub line: usize,
    /// The last line it covers (a row broken across lines, joined again, covers several).
    pub last_line: usize,
    /// The row as written.
    pub source: String,
    /// Its cells as plain text, as many as the header has.
    pub cells: Vec<String>,
    /// How many cells the line really wrote (a row broken across lines writes fewer; the
    /// parser pads it).
    pub written: usize,
}

/// The document's top-level blocks, in order.
#[must_use]
pub fn read_blocks(text: &str) -> Vec<Block> {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(at, _)| at + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|start| *start <= offset);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    let mut blocks = Vec::new();
    // Front matter opens a file. A later `---` line, a line of text and another `---`
    // (updates set apart by rules, as a status page's file writes them) are a rule and the
    // text, which the parser would take for more front matter if it were let to look for it
    // past the start.
    // The rest is read with the front matter's lines blank, so that its last fence cannot
    // run on into the text below it; every offset stays where it was.
    let after_front_matter = match front_matter(text, &line_of) {
        Some((block, end)) => {
            blocks.push(block);
            let blank: String = text[..end]
                .bytes()
                .map(|byte| if byte == b'\n' { '\n' } else { ' ' })
                .collect();
            std::borrow::Cow::Owned(blank + &text[end..])
        }
        None => std::borrow::Cow::Borrowed(text),
    };
    let mut events = Parser::new_ext(&after_front_matter, options)
        .into_offset_iter()
        .peekable();
    while let Some((event, range)) = events.next() {
        let Event::Start(tag) = event else {
            // Top-level text outside any block (rare: HTML, footnote marks).
            if let Event::Rule = event {
                blocks.push(block(text, &range, &line_of, BlockKind::Rule));
            } else if let Event::Html(_) = event {
                blocks.push(block(text, &range, &line_of, BlockKind::Other));
            }
            continue;
        };
        // Everything up to this block's end belongs to it.
        let mut inner = Vec::new();
        let mut depth = 1;
        for (event, range) in events.by_ref() {
            match &event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                break;
            }
            inner.push((event, range));
        }
        let kind = match tag {
            Tag::Heading { level, .. } => BlockKind::Heading(level as u8, plain(&inner)),
            Tag::Paragraph => {
                let lines = paragraph_lines(&inner, &line_of);
                // `2017-12-08 2:45pm` over `^^^^^^^^`: reStructuredText's underline, which
                // Markdown leaves in the paragraph, makes the line above a heading.
                if let [(title_line, title), (rule_line, rule), ..] = lines.as_slice()
                    && *rule_line == title_line + 1
                    && is_underline(rule)
                {
                    let heading_end = line_starts.get(*rule_line).copied().unwrap_or(range.end);
                    let heading_range = range.start..heading_end.min(range.end);
                    let heading = BlockKind::Heading(3, title.trim().to_owned());
                    blocks.push(block(text, &heading_range, &line_of, heading));
                    if lines.len() > 2 && heading_end < range.end {
                        let rest = BlockKind::Paragraph(lines[2..].to_vec());
                        blocks.push(block(text, &(heading_end..range.end), &line_of, rest));
                    }
                    continue;
                }
                // `__28-Oct-2020: Cluster jobs failed__`: a line in bold that opens with a
                // day and its year titles what happened that day, as a heading would.
                if let [(_, title)] = lines.as_slice()
                    && (is_a_dated_title(text[range.clone()].trim(), title) || is_a_stamp(title))
                {
                    BlockKind::Heading(6, title.trim().to_owned())
                } else {
                    BlockKind::Paragraph(lines)
                }
            }
            Tag::List(Some(_)) if opens_with_a_date(&text[range.clone()], &inner) => {
                BlockKind::Paragraph(date_and_its_lines(&text[range.clone()], &inner, &line_of))
            }
            Tag::List(_) => BlockKind::List(list_items(text, &inner, &line_of)),
            Tag::Table(_) => {
                blocks.extend(tables(text, &inner, &line_of));
                continue;
            }
            Tag::CodeBlock(_) => BlockKind::Code(code_lines(&inner, &line_of)),
            _ => BlockKind::Other,
        };
        blocks.push(block(text, &range, &line_of, kind));
    }
    blocks
}

type Located<'a> = (Event<'a>, std::ops::Range<usize>);

/// The front matter at the start of `text` (YAML between `---` lines, TOML between `+++`
/// lines) as a block, with the offset where it ends.
fn front_matter(text: &str, line_of: &impl Fn(usize) -> usize) -> Option<(Block, usize)> {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut events = Parser::new_ext(text, options).into_offset_iter();
    let (Event::Start(Tag::MetadataBlock(kind)), range) = events.next()? else {
        return None;
    };
    let mut written = String::new();
    let mut end = range.end;
    for (event, range) in events {
        match event {
            Event::Text(text) => written.push_str(&text),
            Event::End(TagEnd::MetadataBlock(_)) => {
                end = range.end;
                break;
            }
            _ => {}
        }
    }
    let kind = BlockKind::FrontMatter(matches!(kind, MetadataBlockKind::PlusesStyle), written);
    Some((block(text, &(range.start..end), line_of, kind), end))
}

fn block(
    text: &str,
    range: &std::ops::Range<usize>,
    line_of: &impl Fn(usize) -> usize,
    kind: BlockKind,
) -> Block {
    let source = text[range.clone()].trim_end().to_owned();
    let end = range.start + source.len().max(1) - 1;
    Block {
        lines: (line_of(range.start), line_of(end.max(range.start))),
        source,
        kind,
    }
}

/// The plain text of inline events: text and code as written, line breaks as spaces, links
/// as their text followed by where they point when that differs.
fn plain(events: &[Located<'_>]) -> String {
    let mut out = String::new();
    let mut link: Option<(String, usize)> = None;
    for (event, _) in events {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(text),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            event if is_line_break_tag(event) => out.push('\n'),
            Event::FootnoteReference(label) => {
                out.push_str("[^");
                out.push_str(label);
                out.push(']');
            }
            // A link's or an image's address stays with its text: `alt (path.png)`.
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                link = Some((dest_url.to_string(), out.len()));
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some((url, start)) = link.take()
                    && !url.is_empty()
                    && out[start..].trim() != url
                {
                    out.push_str(" (");
                    out.push_str(&url);
                    out.push(')');
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) if !out.ends_with('\n') => out.push('\n'),
            // A nested list starts on a line of its own, not glued to its item's last word.
            Event::Start(Tag::List(_)) if !out.is_empty() && !out.ends_with('\n') => {
                out.push('\n');
            }
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// A paragraph's lines, each as plain text with its number: a soft break, a hard break or
/// a `<br>` outside a link ends a line (`… (Internal ID 5605.)<br> 21:14 - DNS changes take effect.`
/// holds the end of one row and the start of the next).
fn paragraph_lines(
    events: &[Located<'_>],
    line_of: &impl Fn(usize) -> usize,
) -> Vec<(usize, String)> {
    let mut lines = Vec::new();
    let mut start = 0;
    // A link's words wrapped over two lines (`[aanstaande` then `zaterdag](https://…)`) stay
    // on one, so that its address stays with them.
    let mut in_link = 0_usize;
    for (index, (event, _)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            _ => {}
        }
        let ends_a_line =
            matches!(event, Event::SoftBreak | Event::HardBreak) || is_line_break_tag(event);
        if ends_a_line && in_link == 0 {
            push_line(&mut lines, &events[start..index], line_of);
            start = index + 1;
        }
    }
    push_line(&mut lines, &events[start..], line_of);
    lines
}

/// A code block's lines that hold text, each with its line number.
fn code_lines(events: &[Located<'_>], line_of: &impl Fn(usize) -> usize) -> Vec<(usize, String)> {
    let mut lines = Vec::new();
    for (event, range) in events {
        let Event::Text(text) = event else {
            continue;
        };
        let mut offset = range.start;
        for line in text.split_inclusive('\n') {
            let written = line.trim_end();
            if !written.trim().is_empty() {
                lines.push((line_of(offset), written.to_owned()));
            }
            offset += line.len();
        }
    }
    lines
}

/// `<br>`, `<br/>` or `<br />`, in any case.
fn is_line_break_tag(event: &Event<'_>) -> bool {
    let Event::InlineHtml(html) = event else {
        return false;
    };
    let inside = html
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/')
        .trim();
    inside.eq_ignore_ascii_case("br")
}

fn push_line(
    lines: &mut Vec<(usize, String)>,
    events: &[Located<'_>],
    line_of: &impl Fn(usize) -> usize,
) {
    let text = plain(events).trim().to_owned();
    // A line that starts after a `<br>` and a wrap starts where its words do.
    let first_words = events
        .iter()
        .find(|(event, _)| !matches!(event, Event::SoftBreak));
    if let (Some((_, range)), false) = (first_words, text.is_empty()) {
        lines.push((line_of(range.start), text));
    }
}

/// Whether an ordered list of one item is a date written day first with its stop (`14.
/// November 2016`), which Markdown takes for an item numbered 14: a German or Nordic page's
/// dateline, with the text run on below it when the page was copied flat.
fn opens_with_a_date(source: &str, events: &[Located<'_>]) -> bool {
    let items = events
        .iter()
        .filter(|(event, _)| matches!(event, Event::Start(Tag::Item)))
        .count();
    let first_line = source.lines().next().unwrap_or_default();
    items == 1 && read_date_line(first_line).is_some()
}

/// The lines of a date read as a list's only item, as a paragraph's: its first line as
/// written, number and all, then the lines run on below it.
fn date_and_its_lines(
    source: &str,
    events: &[Located<'_>],
    line_of: &impl Fn(usize) -> usize,
) -> Vec<(usize, String)> {
    let item = events
        .iter()
        .filter(|(event, _)| !matches!(event, Event::Start(Tag::Item) | Event::End(TagEnd::Item)))
        .cloned()
        .collect::<Vec<_>>();
    let mut lines = paragraph_lines(&item, line_of);
    if let Some((_, first)) = lines.first_mut() {
        source
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .clone_into(first);
    }
    lines
}

fn list_items(
    text: &str,
    events: &[Located<'_>],
    line_of: &impl Fn(usize) -> usize,
) -> Vec<ListItem> {
    let mut items = Vec::new();
    let mut depth = 0;
    let mut start = None;
    for (index, (event, range)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Item) if depth == 0 => start = Some((index, range.clone())),
            Event::End(TagEnd::Item) if depth == 1 => {
                if let Some((first, range)) = start.take() {
                    let inner = &events[first + 1..index];
                    let checked = task_mark(inner);
                    let written = text[range.clone()].trim_end();
                    let end = range.start + written.len().max(1) - 1;
                    let item = ListItem {
                        lines: (line_of(range.start), line_of(end.max(range.start))),
                        text: plain(inner),
                        own_text: plain(before_nested_lists(inner)),
                        source: without_bullet(written),
                        checked,
                        nested_tasks: nested_tasks(inner, line_of),
                    };
                    // A bullet alone on its line over a nested list (`*` then `  * …`,
                    // as an editor's export leaves one) goes on with the item above it:
                    // the nested items are that item's. (`* 1. …` opens its list on the
                    // bullet's line, as a list of its own.)
                    let bullet_alone = written
                        .lines()
                        .next()
                        .is_some_and(|first| !first.contains(char::is_alphanumeric));
                    match items.last_mut() {
                        Some(above)
                            if bullet_alone
                                && item.own_text.trim().is_empty()
                                && !item.text.trim().is_empty()
                                && checked.is_none() =>
                        {
                            goes_on_with(above, item);
                        }
                        _ => items.push(item),
                    }
                }
            }
            _ => {}
        }
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
    items
}

/// `above` with `item`, a bullet without words of its own, nested under it.
fn goes_on_with(above: &mut ListItem, item: ListItem) {
    above.lines.1 = item.lines.1;
    above.text.push('\n');
    above.text.push_str(&item.text);
    above.source.push('\n');
    above.source.push_str(&item.source);
    above.nested_tasks.extend(item.nested_tasks);
}

/// An item's own task box, from its events: the box comes before the item's words and
/// before any list nested in it, whose boxes are its items' own.
fn task_mark(inner: &[Located<'_>]) -> Option<bool> {
    inner
        .iter()
        .take_while(|(event, _)| !matches!(event, Event::Start(Tag::List(_))))
        .find_map(|(event, _)| match event {
            Event::TaskListMarker(done) => Some(*done),
            _ => None,
        })
}

/// An item's events up to the first list nested in it.
fn before_nested_lists<'e, 'a>(inner: &'e [Located<'a>]) -> &'e [Located<'a>] {
    let own = inner
        .iter()
        .position(|(event, _)| matches!(event, Event::Start(Tag::List(_))))
        .unwrap_or(inner.len());
    &inner[..own]
}

/// The task list items of the lists nested right in an item (its events `inner`): each
/// one's own text and box; none unless every item nested there has a box.
fn nested_tasks(inner: &[Located<'_>], line_of: &impl Fn(usize) -> usize) -> Vec<NestedTask> {
    let mut tasks = Vec::new();
    let mut all_tasks = true;
    let mut depth = 0;
    let mut start = None;
    for (index, (event, _)) in inner.iter().enumerate() {
        match event {
            // Depth 0 is the item's own paragraph, 1 a list in it, 2 an item of that list.
            Event::Start(Tag::Item) if depth == 1 => start = Some(index),
            Event::End(TagEnd::Item) if depth == 2 => {
                if let Some(first) = start.take() {
                    let events = &inner[first + 1..index];
                    match task_mark(events) {
                        Some(done) => tasks.push(NestedTask {
                            text: plain(before_nested_lists(events)),
                            done,
                            line: line_of(inner[first].1.start),
                        }),
                        None => all_tasks = false,
                    }
                }
            }
            _ => {}
        }
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
    if all_tasks { tasks } else { Vec::new() }
}

/// Whether Markdown as written is all in bold (`**Communication Systems**`).
pub(super) fn written_in_bold(written: &str) -> bool {
    let written = written.trim();
    written.len() > 4
        && ((written.starts_with("**") && written.ends_with("**"))
            || (written.starts_with("__") && written.ends_with("__")))
}

/// Whether a paragraph of one line (`written`, as plain text `title`) is a title in bold
/// that opens with a calendar date and its year (`__28-Oct-2020: Cluster jobs failed__`).
fn is_a_dated_title(written: &str, title: &str) -> bool {
    written_in_bold(written)
        && crate::model::read_clock(title).is_none()
        && matches!(
            crate::model::read_day(title.trim()),
            Some((crate::model::WrittenDay::Date(date), _)) if date.year.is_some()
        )
}

/// Whether a paragraph's one line is only a day and a time (`2025-07-30 12:46:00 UTC`):
/// the stamp of the update written below it, as a status page's file heads each update.
fn is_a_stamp(line: &str) -> bool {
    crate::model::read_clock(line).is_some_and(|(clock, rest)| {
        rest.trim().is_empty()
            && matches!(clock.date, Some(crate::model::WrittenDay::Date(date)) if date.year.is_some())
    })
}

/// A line of one adornment mark repeated, as reStructuredText underlines its headings
/// (`^^^^`, `~~~~`, `"""""`); Markdown's own (`===`, `---`) are headings already.
fn is_underline(line: &str) -> bool {
    let line = line.trim();
    let mut chars = line.chars();
    chars.next().is_some_and(|mark| {
        "^~*+#\"'`:.".contains(mark) && line.len() >= 3 && chars.all(|c| c == mark)
    })
}

/// An item's Markdown without its bullet or number and task box.
fn without_bullet(item: &str) -> String {
    let trimmed = item.trim_start();
    let rest = trimmed
        .strip_prefix(['-', '*', '+'])
        .unwrap_or_else(|| trimmed.trim_start_matches(|c: char| c.is_ascii_digit()));
    let rest = rest.strip_prefix(['.', ')']).unwrap_or(rest).trim_start();
    let rest = ["[ ]", "[x]", "[X]"]
        .iter()
        .find_map(|marker| rest.strip_prefix(marker))
        .unwrap_or(rest);
    rest.trim().to_owned()
}

/// The tables in one table block. A table written without blank lines around it runs on
/// into the next one, so a row followed by a rule (`|---|---|`) starts a new table with that
/// row as its header; cells are split from each row as written (the parser drops cells beyond
/// the first header's count) and each is read as Markdown for its plain text. Text run into
/// the start of a header line (`…appropriately.| Action | Owner |`) becomes a block of its
/// own.
fn tables(text: &str, events: &[Located<'_>], line_of: &impl Fn(usize) -> usize) -> Vec<Block> {
    let lines: Vec<(usize, &str)> = events
        .iter()
        .filter(|(event, _)| matches!(event, Event::Start(Tag::TableHead | Tag::TableRow)))
        .map(|(_, range)| (line_of(range.start), text[range.clone()].trim()))
        .collect();
    let mut blocks = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let (header_line, header_source) = lines[index];
        let rule = lines.get(index + 1).filter(|(_, row)| is_rule_row(row));
        let mut header = split_cells(header_source);
        if let Some((_, rule)) = rule {
            // Cells before the header's own: text that ran into the header line.
            let wanted = split_cells(rule).len();
            if header.len() > wanted {
                let run_in: Vec<String> = header.drain(..header.len() - wanted).collect();
                blocks.push(Block {
                    lines: (header_line, header_line),
                    source: run_in.join(" | "),
                    kind: BlockKind::RunIn,
                });
            }
        }
        let mut next = index + 1 + usize::from(rule.is_some());
        let mut rows = Vec::new();
        while next < lines.len() {
            let starts_table = lines.get(next + 1).is_some_and(|(_, row)| is_rule_row(row));
            if starts_table {
                break;
            }
            let (line, source) = lines[next];
            let mut cells = split_cells(source);
            let written = cells.len();
            cells.resize(header.len().max(written), String::new());
            rows.push(TableRow {
                line,
                last_line: line,
                source: source.to_owned(),
                cells,
                written,
            });
            next += 1;
        }
        let last = rows.last().map_or(header_line + 1, |row| row.line);
        let source = lines[index..next]
            .iter()
            .map(|(_, row)| *row)
            .collect::<Vec<_>>()
            .join("\n");
        blocks.push(Block {
            lines: (header_line, last),
            source,
            kind: BlockKind::Table(header, rows),
        });
        index = next;
    }
    blocks
}

/// `|---|:--:|`: the rule under a header.
fn is_rule_row(row: &str) -> bool {
    let cells = raw_cells(row);
    !cells.is_empty()
        && cells.iter().all(|cell| {
            let dashes = cell.trim().trim_matches(':');
            !dashes.is_empty() && dashes.chars().all(|c| c == '-')
        })
}

/// A row's cells as plain text, each read as Markdown.
fn split_cells(row: &str) -> Vec<String> {
    raw_cells(row).iter().map(|cell| cell_text(cell)).collect()
}

fn cell_text(cell: &str) -> String {
    let events: Vec<Located<'_>> = Parser::new_ext(cell.trim(), Options::ENABLE_STRIKETHROUGH)
        .into_offset_iter()
        .collect();
    plain(&events).replace('\n', " ").trim().to_owned()
}

/// A row's cells as written: split at pipes that are not escaped, without the edge ones.
fn raw_cells(row: &str) -> Vec<&str> {
    let row = row.trim();
    let mut cells = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (at, character) in row.char_indices() {
        match character {
            '\\' if !escaped => {
                escaped = true;
                continue;
            }
            '|' if !escaped => {
                cells.push(&row[start..at]);
                start = at + 1;
            }
            _ => {}
        }
        escaped = false;
    }
    cells.push(&row[start..]);
    if row.starts_with('|') {
        cells.remove(0);
    }
    if row.ends_with('|') && !cells.is_empty() {
        cells.pop();
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bullet_without_words_over_a_nested_list_goes_on_with_the_item_above() {
        let text = "* The database server is undersized.\n*\n  * It has 512 MB.\n  \
                    * We started the upgrade.\n* The CPU load stays high.\n";
        let blocks = read_blocks(text);
        let Some(BlockKind::List(items)) = blocks.first().map(|block| &block.kind) else {
            panic!("{blocks:?}");
        };
        let texts: Vec<(&str, (usize, usize))> = items
            .iter()
            .map(|item| (item.own_text.as_str(), item.lines))
            .collect();
        assert_eq!(
            texts,
            [
                ("The database server is undersized.", (1, 4)),
                ("The CPU load stays high.", (5, 5))
            ]
        );
        assert!(items[0].text.contains("We started the upgrade."));
    }

    #[test]
    fn front_matter_opens_a_file_and_later_rules_around_text_are_rules_and_text() {
        // Each update's stamp, alone on its line, heads the update as a heading would.
        let text = "---\ntitle: GPU outage\n---\n2025-07-30 12:46:00 UTC\n\nAll restored.\n\n\
                    ---\n2025-07-30 12:34:00 UTC\n\nWorkloads started.\n\n---\n";
        let blocks = read_blocks(text);
        let kinds: Vec<&BlockKind> = blocks.iter().map(|block| &block.kind).collect();
        assert_eq!(
            kinds,
            [
                &BlockKind::FrontMatter(false, "title: GPU outage\n".into()),
                &BlockKind::Heading(6, "2025-07-30 12:46:00 UTC".into()),
                &BlockKind::Paragraph(vec![(6, "All restored.".into())]),
                &BlockKind::Rule,
                &BlockKind::Heading(6, "2025-07-30 12:34:00 UTC".into()),
                &BlockKind::Paragraph(vec![(11, "Workloads started.".into())]),
                &BlockKind::Rule,
            ]
        );
        // TOML front matter, with the text right below its fence.
        let blocks = read_blocks("+++\ntitle = \"Outage\"\n+++\n**Issue:** logins fail.\n");
        assert_eq!(
            blocks[1].kind,
            BlockKind::Paragraph(vec![(4, "Issue: logins fail.".into())])
        );
        // Without front matter at the start, none is read later either.
        let blocks = read_blocks("# Outage\n\n---\nkey: value\n---\n");
        assert!(
            !blocks
                .iter()
                .any(|block| matches!(block.kind, BlockKind::FrontMatter(..)))
        );
    }

    #[test]
    fn a_br_tag_ends_a_line_as_a_line_break_does() {
        let blocks = read_blocks(
            "09:15 - Deploy starts, and the text goes on past the\nwrap.<br> 09:20 - Errors\nclimb.<BR/>\n09:31 - Rolled back.\n",
        );
        assert_eq!(
            blocks[0].kind,
            BlockKind::Paragraph(vec![
                (
                    1,
                    "09:15 - Deploy starts, and the text goes on past the".into()
                ),
                (2, "wrap.".into()),
                (2, "09:20 - Errors".into()),
                (3, "climb.".into()),
                (4, "09:31 - Rolled back.".into()),
            ])
        );
    }

    #[test]
    fn a_link_wrapped_over_two_lines_keeps_its_address_on_the_line_it_starts() {
        let blocks = read_blocks(
            "12.00 uur - servers worden [aanstaande\nzaterdag](https://example.nl/onderhoud)\n\
             aangesloten.\n",
        );
        assert_eq!(
            blocks[0].kind,
            BlockKind::Paragraph(vec![
                (
                    1,
                    "12.00 uur - servers worden aanstaande zaterdag (https://example.nl/onderhoud)"
                        .into()
                ),
                (3, "aangesloten.".into()),
            ])
        );
    }

    #[test]
    fn blocks_with_their_lines_and_plain_text() {
        let blocks = read_blocks(
            "# Title\n\nFirst line\n**Severity**: SEV-2\n\n- [x] fix it\n- see [docs](https://d)\n\n| A | B |\n|---|---|\n| 1 | 2 |\nbroken |\n",
        );
        assert_eq!(blocks[0].kind, BlockKind::Heading(1, "Title".into()));
        assert_eq!(
            blocks[1].kind,
            BlockKind::Paragraph(vec![
                (3, "First line".into()),
                (4, "Severity: SEV-2".into())
            ])
        );
        assert_eq!(blocks[1].lines, (3, 4));
        let BlockKind::List(items) = &blocks[2].kind else {
            panic!("a list")
        };
        assert_eq!(items[0].checked, Some(true));
        assert_eq!(items[0].source, "fix it");
        assert_eq!(items[1].text, "see docs (https://d)");
        let BlockKind::Table(header, rows) = &blocks[3].kind else {
            panic!("a table")
        };
        assert_eq!(header, &["A", "B"]);
        assert_eq!(rows[0].cells, ["1", "2"]);
        assert_eq!((rows[1].line, rows[1].written), (12, 1));
        assert_eq!(blocks[3].lines, (9, 12));
    }
}
