//! Headings a page's text holds without marking them. A web page copied as text, or saved
//! from a reader's view, keeps its headings as lines of their own (`Lessons from August
//! 17th`, `Infrastructure changes:`) between its paragraphs, with no `#` before them. In a
//! file that marks no heading below its title, such a line is read as the heading it was, so
//! its sections are found as a Markdown file's are.

use super::blocks::{Block, BlockKind, ListItem};
use super::by_content::starts_with_a_time_or_date;
use super::fields::field_line;
use crate::model::read_date_line;

/// The most words a line may have and still be a heading rather than a sentence.
const HEADING_WORDS: usize = 8;

/// The most characters: a long line of few words is an address or a name, not a heading.
const HEADING_CHARS: usize = 64;

/// The level given to the headings found: below a title's.
const LEVEL: u8 = 2;

/// `blocks` with the lines that are unmarked headings read as headings, when the file marks
/// none below its title; else `blocks` as they are.
#[must_use]
pub fn with_plain_headings(blocks: Vec<Block>) -> Vec<Block> {
    let blocks: Vec<Block> = blocks
        .into_iter()
        .flat_map(split_day_from_its_first_row)
        .flat_map(split_at_bullets)
        .flat_map(split_at_run_in_labels)
        .flat_map(split_stamp_from_a_list)
        .map(without_anchor_mark)
        .collect();
    let blocks = key_times_over_their_values(blocks);
    let marks_headings = blocks
        .iter()
        .any(|block| matches!(block.kind, BlockKind::Heading(level, _) if level > 1));
    if marks_headings {
        return blocks;
    }
    let mut blocks: Vec<Block> = blocks.into_iter().flat_map(split_if_flat).collect();
    // The first text of the file is its title or its opening, never a heading of a part.
    let first_text = blocks
        .iter()
        .position(|block| !matches!(block.kind, BlockKind::FrontMatter(..)));
    let count = blocks.len();
    // Whether the headings found are a part's groups: its text ended by introducing what
    // follows (`These include the following:` over `Engineering and Architecture`).
    let mut within_a_part = false;
    for index in 0..count {
        if Some(index) == first_text || index + 1 == count {
            continue;
        }
        // A heading heads something: the next block is text, not another such line. A
        // label over a list (`Agreed actions:`) is the list's own, as in any Markdown file,
        // and stays a label: a heading would take the prose after the list in too.
        let (heads_text, list_follows) = match &blocks[index + 1].kind {
            // A label that ends with a colon (`Times are in CET:`) introduces text too.
            BlockKind::Paragraph(lines) => (
                !matches!(lines.as_slice(), [(_, only)]
                    if looks_like_a_heading(only) && !only.trim_end().ends_with(':')),
                false,
            ),
            BlockKind::List(_) | BlockKind::Table(..) | BlockKind::Code(_) => (true, true),
            _ => (false, false),
        };
        // `Thank you,` over `Tucows Engineering Team`: the line below a letter's closing
        // signs it.
        let signed = index > 0
            && matches!(&blocks[index - 1].kind, BlockKind::Paragraph(above)
                if matches!(above.as_slice(), [(_, closing)] if is_a_closing(closing)));
        let heads_text = heads_text && !signed;
        let heading = match &blocks[index].kind {
            BlockKind::Paragraph(lines) => match lines.as_slice() {
                [(_, only)]
                    if heads_text
                        && !continues_a_numbered_list(
                            only,
                            &blocks[index.saturating_sub(2)..index],
                        )
                        && looks_like_a_heading(only)
                        && !(list_follows && only.trim_end().ends_with(':'))
                        && !(labels_a_stamped_update(only, &blocks[index + 1])
                            || super::status_updates::opens_an_update(&blocks, index)) =>
                {
                    Some(only.clone())
                }
                _ => None,
            },
            _ => None,
        };
        if let Some(text) = heading {
            let introduced = index > 0
                && matches!(&blocks[index - 1].kind, BlockKind::Paragraph(above)
                    if above.last().is_some_and(|(_, line)| line.trim_end().ends_with(':')));
            // A heading that names a part of a postmortem (`Lessons learned`) is one, and
            // the groups end there.
            within_a_part =
                (within_a_part || introduced) && super::headings::target_by_words(&text).is_none();
            let level = if within_a_part { LEVEL + 1 } else { LEVEL };
            blocks[index].kind = BlockKind::Heading(level, text);
        }
    }
    blocks
}

/// A list whose last line is a status page's stamp (`Posted Nov 25, 2022 - 12:41 CET`), run
/// into its last item because a page's text copied flat leaves no blank line between them:
/// the list, then the stamp as the paragraph it was on the page. The stamp dates the post,
/// not the item's work.
fn split_stamp_from_a_list(block: Block) -> Vec<Block> {
    let BlockKind::List(items) = &block.kind else {
        return vec![block];
    };
    let Some(last) = items.last() else {
        return vec![block];
    };
    let Some((before, stamp)) = last.source.trim_end().rsplit_once('\n') else {
        return vec![block];
    };
    let stamp = stamp.trim();
    if !crate::sources::is_a_posted_stamp(stamp) || !last.text.ends_with(stamp) {
        return vec![block];
    }
    let stamp_line = last.lines.1;
    let mut items = items.clone();
    if let Some(last) = items.last_mut() {
        last.text = last.text[..last.text.len() - stamp.len()]
            .trim_end()
            .to_owned();
        last.own_text = last
            .own_text
            .strip_suffix(stamp)
            .map_or_else(|| last.own_text.clone(), |own| own.trim_end().to_owned());
        before.trim_end().clone_into(&mut last.source);
        last.lines.1 = stamp_line - 1;
    }
    let source = block
        .source
        .trim_end()
        .rsplit_once('\n')
        .map_or_else(|| block.source.clone(), |(list, _)| list.to_owned());
    vec![
        Block {
            lines: (block.lines.0, stamp_line - 1),
            source,
            kind: BlockKind::List(items),
        },
        Block {
            lines: (stamp_line, stamp_line),
            source: stamp.to_owned(),
            kind: BlockKind::Paragraph(vec![(stamp_line, stamp.to_owned())]),
        },
    ]
}

/// Whether `line` is only an update's status (`Resolved`, `Monitoring`) over the update's
/// text closed by its stamp (`Posted Jun 07, 2022 - 17:04 CDT`), as a status page's text
/// copies: the update's label, read with it, not a heading of the page.
fn labels_a_stamped_update(line: &str, next: &Block) -> bool {
    let BlockKind::Paragraph(lines) = &next.kind else {
        return false;
    };
    crate::sources::is_a_status_word(line) && super::status_updates::closed_by_a_stamp(lines)
}

/// The fewest lines a paragraph copied flat has: a short one is as likely a few lines of
/// one paragraph.
const FLAT_LINES: usize = 6;

/// A paragraph that is a page's text copied flat, one paragraph or heading a line with no
/// blank line between them, as its lines; any other block as it is. Such lines end as
/// sentences do, or are short enough to be headings; a paragraph wrapped by hand breaks its
/// sentences in the middle.
fn split_if_flat(block: Block) -> Vec<Block> {
    if is_flat(&block) {
        split_flat(&block)
    } else {
        vec![block]
    }
}

/// Whether a block is a paragraph of a page's text copied flat, as [`split_if_flat`] tells.
fn is_flat(block: &Block) -> bool {
    let BlockKind::Paragraph(lines) = &block.kind else {
        return false;
    };
    let sources: Vec<&str> = block.source.lines().collect();
    // A line of a log (`23:29:00 - all changes were reverted`) is whole as it is, and so
    // is the page's last line; a table's row run into the paragraph (`2020-09-07 | 11:00:00
    // | …`) is no line of a page copied flat.
    // A table's rows copied flat without their delimiter row (`Monday, 04:00 UTC | The
    // storage appliance gives up |`) end with the bar that closed their last cell: lines of
    // the page, as a Markdown table's rows never are outside a table.
    let table_run_in = sources.iter().any(|line| is_a_delimiter_row(line));
    let ends_whole = |line: &str| {
        let line = line.trim_end();
        line.ends_with(['.', '!', '?', ':', ')', '"', '\u{201d}'])
            || line.split_whitespace().count() <= HEADING_WORDS
            || (starts_with_a_time_or_date(line) && line.matches('|').count() < 2)
            || (line.ends_with(" |") && !table_run_in)
    };
    // A line with the next indented deeper below it (` 6:16   text` over `      more`)
    // runs on into it: a hanging indent wraps one entry, as a page's preformatted text does.
    let indent = |line: &str| line.len() - line.trim_start().len();
    let runs_on = |at: usize| {
        sources
            .get(at + 1)
            .zip(sources.get(at))
            .is_some_and(|(next, line)| indent(next) > indent(line))
    };
    // A line whose next opens with a capital ends where a sentence does, though it has no
    // full stop (`Inability to access the services` over `Proxy layer`): a page's list
    // item or a line of a form. A paragraph wrapped by hand goes on in lower case.
    let next_opens_a_sentence = |at: usize| {
        lines
            .get(at + 1)
            .and_then(|(_, next)| next.trim_start().chars().next())
            .is_some_and(char::is_uppercase)
    };
    let whole = lines
        .iter()
        .enumerate()
        .filter(|(at, (_, line))| {
            ((ends_whole(line) || next_opens_a_sentence(*at)) && !runs_on(*at))
                || at + 1 == lines.len()
        })
        .count();
    lines.len() >= FLAT_LINES && sources.len() == lines.len() && whole * 10 >= lines.len() * 9
}

/// The lines of a paragraph copied flat, each a paragraph of its own; a log's entry keeps
/// the lines that go on with it, and a status page's update its lines above its stamp.
fn split_flat(block: &Block) -> Vec<Block> {
    let BlockKind::Paragraph(lines) = &block.kind else {
        return vec![block.clone()];
    };
    let sources: Vec<&str> = block.source.lines().collect();
    // A status page's updates copied flat, each closed by its stamp on a line of its own:
    // an update's lines stay together, as its paragraph would be.
    let texts: Vec<&str> = lines.iter().map(|(_, line)| line.as_str()).collect();
    if crate::sources::times_follow_messages(&texts) {
        return updates_closed_by_stamps(lines, &sources);
    }
    let goes_on = lines_going_on_with_an_entry(&texts);
    let mut blocks: Vec<Block> = Vec::new();
    for (((number, text), source), goes_on) in lines.iter().zip(sources).zip(goes_on) {
        match blocks.last_mut() {
            Some(Block {
                lines: (_, last),
                source: written,
                kind: BlockKind::Paragraph(entry),
            }) if goes_on => {
                *last = *number;
                written.push('\n');
                written.push_str(source);
                entry.push((*number, text.clone()));
            }
            _ => blocks.push(Block {
                lines: (*number, *number),
                source: source.to_owned(),
                kind: BlockKind::Paragraph(vec![(*number, text.clone())]),
            }),
        }
    }
    blocks
}

/// Which lines of a log copied flat go on with the entry above them: a line with no time
/// of its own between two that open with one (`10:10 ラピッドサイトへ障害状況の確認`, then
/// `回答を受領`, then `11:30 …`), where most lines open with a time. After the last entry, a
/// line may be the page's next heading.
fn lines_going_on_with_an_entry(texts: &[&str]) -> Vec<bool> {
    let timed: Vec<bool> = texts
        .iter()
        .map(|text| starts_with_a_time_or_date(text))
        .collect();
    let mut goes_on = vec![false; texts.len()];
    if timed.iter().filter(|timed| **timed).count() * 2 < texts.len() {
        return goes_on;
    }
    let mut entry_above = false;
    for (at, timed_here) in timed.iter().enumerate() {
        if *timed_here {
            entry_above = true;
            continue;
        }
        let entry_below = timed[at + 1..].iter().any(|timed| *timed);
        goes_on[at] = entry_above && entry_below;
    }
    goes_on
}

/// Whether `line` closes a letter (`Thank you,`, `Best regards,`): a few words and a comma.
fn is_a_closing(line: &str) -> bool {
    /// The most words a letter's closing has.
    const CLOSING_WORDS: usize = 3;
    let line = line.trim();
    line.ends_with(',') && line.split_whitespace().count() <= CLOSING_WORDS
}

/// Whether `line` is a Markdown table's delimiter row (`---|---|---|`, `| :-- | --: |`).
fn is_a_delimiter_row(line: &str) -> bool {
    let line = line.trim();
    line.contains('|')
        && line.contains("--")
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// A key time's label on a line of its own over its value on the next (`Start Date` then
/// `11th Apr 2017 10:30am`), as a page's form or list of terms is copied as text: one line,
/// `Start Date: 11th Apr 2017 10:30am`, read as the field it is. Other blocks as they are.
fn key_times_over_their_values(blocks: Vec<Block>) -> Vec<Block> {
    let one_line = |block: &Block| match &block.kind {
        BlockKind::Paragraph(lines) if lines.len() == 1 => Some(lines[0].clone()),
        // A day alone on its line is read as a heading that dates what is below it.
        BlockKind::Heading(_, text)
            if read_date_line(text).is_some() || starts_with_a_time_or_date(text) =>
        {
            Some((block.lines.0, text.clone()))
        }
        _ => None,
    };
    let mut merged: Vec<Block> = Vec::with_capacity(blocks.len());
    for block in blocks {
        let pair = merged.last().and_then(one_line).zip(one_line(&block));
        if let Some(((label_line, label), (_, value))) = pair
            && matches!(
                merged.last().map(|above| &above.kind),
                Some(BlockKind::Paragraph(_))
            )
            && !label.contains(':')
            && matches!(
                super::fields::field_named(label.trim()),
                Some(super::fields::Field::Times(Some(_)))
            )
            && (read_date_line(&value).is_some() || starts_with_a_time_or_date(&value))
            && let Some(above) = merged.last_mut()
        {
            let line = format!("{}: {}", label.trim(), value.trim());
            *above = Block {
                lines: (above.lines.0, block.lines.1),
                source: format!("{}\n\n{}", above.source, block.source),
                kind: BlockKind::Paragraph(vec![(label_line, line)]),
            };
            continue;
        }
        merged.push(block);
    }
    merged
}

/// A page's lines copied flat cut after each line that is an update's stamp: one paragraph
/// an update, its stamp the last line; lines after the last stamp are a paragraph of their
/// own.
fn updates_closed_by_stamps(lines: &[(usize, String)], sources: &[&str]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut start = 0;
    for (at, (_, line)) in lines.iter().enumerate() {
        if crate::sources::is_dated_stamp(line) || at + 1 == lines.len() {
            blocks.push(Block {
                lines: (lines[start].0, lines[at].0),
                source: sources[start..=at].join("\n"),
                kind: BlockKind::Paragraph(lines[start..=at].to_vec()),
            });
            start = at + 1;
        }
    }
    blocks
}

/// A paragraph of one line that is a day and then, after a bullet, the first row of the
/// list below it (`April 5th, 2018 (all times in UTC) * 01:50 - Monitoring detects …`), as
/// a page's text runs a heading into its list: the day, and a list of that row. Any other
/// block as it is.
fn split_day_from_its_first_row(block: Block) -> Vec<Block> {
    let BlockKind::Paragraph(lines) = &block.kind else {
        return vec![block];
    };
    let [(number, line)] = lines.as_slice() else {
        return vec![block];
    };
    let split = [" * ", " \u{2022} "].iter().find_map(|bullet| {
        let (day, row) = line.split_once(bullet)?;
        (read_date_line(day).is_some() && starts_with_a_time_or_date(row.trim_start()))
            .then(|| (day.trim_end().to_owned(), row.trim().to_owned()))
    });
    let Some((day, row)) = split else {
        return vec![block];
    };
    let number = *number;
    let item = ListItem {
        lines: (number, number),
        text: row.clone(),
        own_text: row.clone(),
        source: row.clone(),
        checked: None,
        nested_tasks: Vec::new(),
    };
    vec![
        Block {
            lines: (number, number),
            source: day.clone(),
            kind: BlockKind::Paragraph(vec![(number, day)]),
        },
        Block {
            lines: (number, number),
            source: format!("* {row}"),
            kind: BlockKind::List(vec![item]),
        },
    ]
}

/// The bullets a page's list keeps when it is copied as text (`• Vendor support will …`),
/// which Markdown leaves inside a paragraph; Japanese pages write theirs as a middle dot
/// (`・メール送信…`).
const BULLETS: [char; 7] = [
    '\u{2022}', '\u{25e6}', '\u{2023}', '\u{25aa}', '\u{2043}', '\u{30fb}', '\u{ff65}',
];

/// Whether `line` goes on with the numbering of a list just above it (`3 Providing
/// monitoring tools` after `1.` and `2.`, with at most an introduction between): an item
/// whose mark was lost, not a numbered heading.
fn continues_a_numbered_list(line: &str, above: &[Block]) -> bool {
    let Some(list) = above
        .iter()
        .rev()
        .find(|block| matches!(block.kind, BlockKind::List(_)))
    else {
        return false;
    };
    let last_number = list.source.lines().rev().find_map(|source| {
        let source = source.trim_start();
        let digits = source.bytes().take_while(u8::is_ascii_digit).count();
        let marked = source[digits..].starts_with(". ") || source[digits..].starts_with(") ");
        source[..digits].parse::<u32>().ok().filter(|_| marked)
    });
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let number = line[..digits].parse::<u32>().ok();
    number.is_some()
        && number == last_number.map(|last| last + 1)
        && line[digits..].starts_with(' ')
}

/// A line of its own that ends with a page's anchor mark (`What are we doing to prevent
/// this? #`, `Timeline ¶`), as a heading copied with its permalink: the line without the
/// mark, so that it reads as the heading or label it was. The source keeps the mark.
fn without_anchor_mark(mut block: Block) -> Block {
    if let BlockKind::Paragraph(lines) = &mut block.kind
        && let [(_, only)] = lines.as_mut_slice()
    {
        let trimmed = only.trim_end();
        let kept = ["#", "\u{b6}", "\u{a7}", "\u{1f517}"]
            .iter()
            .find_map(|mark| trimmed.strip_suffix(mark))
            .filter(|rest| rest.ends_with(char::is_whitespace))
            .map(str::trim_end)
            .filter(|rest| rest.chars().any(char::is_alphanumeric));
        if let Some(kept) = kept {
            *only = kept.to_owned();
        }
    }
    block
}

/// A paragraph with lines that open with a bullet, as its parts: the lines before and
/// between the bulleted ones as paragraphs, each run of bulleted lines as a list of one
/// item a line. A paragraph of bulleted lines alone is a list too, as the page showed it.
/// Any other block as it is.
fn split_at_bullets(block: Block) -> Vec<Block> {
    let BlockKind::Paragraph(lines) = &block.kind else {
        return vec![block];
    };
    let sources: Vec<&str> = block.source.lines().collect();
    let bulleted = |line: &str| line.trim_start().starts_with(BULLETS);
    if sources.len() != lines.len() || !lines.iter().any(|(_, line)| bulleted(line)) {
        return vec![block];
    }
    // A page copied flat keeps each line of the text between its lists a paragraph.
    let flat = is_flat(&block);
    let mut parts: Vec<Block> = Vec::new();
    let pairs: Vec<_> = lines.iter().zip(sources).collect();
    for run in pairs.chunk_by(|(a, _), (b, _)| bulleted(&a.1) == bulleted(&b.1)) {
        let (first, last) = (run[0].0.0, run[run.len() - 1].0.0);
        let source = run
            .iter()
            .map(|(_, source)| *source)
            .collect::<Vec<_>>()
            .join("\n");
        let kind = if bulleted(&run[0].0.1) {
            BlockKind::List(bulleted_items(run))
        } else {
            BlockKind::Paragraph(run.iter().map(|(line, _)| (*line).clone()).collect())
        };
        let part = Block {
            lines: (first, last),
            source,
            kind,
        };
        if flat && matches!(part.kind, BlockKind::Paragraph(_)) {
            parts.extend(split_flat(&part));
        } else {
            parts.push(part);
        }
    }
    parts
}

/// The items of a run of bulleted lines, each line one: a line indented deeper than the
/// run's first is nested in the item above it, as the page showed it (`• Metaswitch server
/// out of sync` over `  • Metaswitch already applied a fix`).
fn bulleted_items(run: &[(&(usize, String), &str)]) -> Vec<ListItem> {
    let indent = |line: &str| line.len() - line.trim_start().len();
    let unbulleted = |text: &str| {
        text.trim_start()
            .trim_start_matches(BULLETS)
            .trim_start()
            .to_owned()
    };
    // The paragraph's own lines lose their indentation; the source keeps it, but for its
    // first line's, which the paragraph starts after: the lines below say the top level.
    let first_indent = run.first().map_or(0, |(_, source)| indent(source));
    let below = run.iter().skip(1).map(|(_, source)| indent(source)).min();
    let top = match below {
        Some(below) if first_indent == 0 => below,
        _ => first_indent,
    };
    let mut items: Vec<ListItem> = Vec::new();
    for ((number, text), source) in run {
        if indent(source) > top
            && let Some(parent) = items.last_mut()
        {
            parent.lines.1 = *number;
            parent.text.push('\n');
            parent.text.push_str(&unbulleted(text));
            parent.source.push('\n');
            parent.source.push_str(source);
            continue;
        }
        items.push(ListItem {
            lines: (*number, *number),
            text: unbulleted(text),
            own_text: unbulleted(text),
            source: unbulleted(source),
            checked: None,
            nested_tasks: Vec::new(),
        });
    }
    items
}

/// A list whose items have a label of the page run into them (`- 3:38pm PT: Confirmed …`
/// then `Root Cause:` on the next line, not indented), as its parts: Markdown takes such a
/// line, copied from a page with no blank line before it, for the item's own words, but it
/// heads what follows the list. Each label becomes a paragraph of its own between the
/// items before and after it. Any other block as it is.
fn split_at_run_in_labels(block: Block) -> Vec<Block> {
    let BlockKind::List(items) = &block.kind else {
        return vec![block];
    };
    let sources: Vec<&str> = block.source.lines().collect();
    // The item's last line when it is such a label: not indented under the item, no
    // item of its own, and a heading's few words ending with a colon.
    let label_of = |item: &ListItem| -> Option<String> {
        if item.lines.1 <= item.lines.0 {
            return None;
        }
        let written = *sources.get(item.lines.1.checked_sub(block.lines.0)?)?;
        let label = written.trim_end();
        (!written.starts_with(char::is_whitespace)
            && label.ends_with(':')
            && looks_like_a_heading(label.trim_end_matches(':')))
        .then(|| label.to_owned())
    };
    if !items.iter().any(|item| label_of(item).is_some()) {
        return vec![block];
    }
    let source_of = |first: usize, last: usize| -> String {
        sources
            .get(first.saturating_sub(block.lines.0)..=last.saturating_sub(block.lines.0))
            .map(|lines| lines.join("\n"))
            .unwrap_or_default()
    };
    let mut parts: Vec<Block> = Vec::new();
    let mut run: Vec<ListItem> = Vec::new();
    let close_run = |run: &mut Vec<ListItem>, parts: &mut Vec<Block>| {
        if let (Some(first), Some(last)) = (run.first(), run.last()) {
            let lines = (first.lines.0, last.lines.1);
            parts.push(Block {
                lines,
                source: source_of(lines.0, lines.1),
                kind: BlockKind::List(std::mem::take(run)),
            });
        }
    };
    for item in items {
        let Some(label) = label_of(item) else {
            run.push(item.clone());
            continue;
        };
        let without = |text: &str| {
            text.trim_end()
                .strip_suffix(label.as_str())
                .unwrap_or(text)
                .trim_end()
                .to_owned()
        };
        let label_line = item.lines.1;
        run.push(ListItem {
            lines: (item.lines.0, label_line - 1),
            text: without(&item.text),
            own_text: without(&item.own_text),
            source: without(&item.source),
            ..item.clone()
        });
        close_run(&mut run, &mut parts);
        parts.push(Block {
            lines: (label_line, label_line),
            source: label.clone(),
            kind: BlockKind::Paragraph(vec![(label_line, label)]),
        });
    }
    close_run(&mut run, &mut parts);
    parts
}

/// Whether a line of its own reads as a heading: a few words, capitalised, that end
/// without a sentence's stop or a comma (a question's mark is a heading's too), and are not a date, a time or a field's value
/// (`Affected nodes: v74XX`).
fn looks_like_a_heading(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    let Some(first) = line.chars().find(|c| c.is_alphanumeric()) else {
        return false;
    };
    // A question may run longer (`What are any recommendations to prevent this incident
    // from occurring again?`).
    // So may one that asks without its mark (`How we're becoming more resilient to issues
    // like this`, `What we are changing as a result`).
    let question = line.ends_with('?')
        || ["How ", "What ", "Why ", "Where ", "When "]
            .iter()
            .any(|word| line.starts_with(word));
    let (most_words, most_chars) = if question {
        (HEADING_WORDS + 6, HEADING_CHARS * 2)
    } else {
        (HEADING_WORDS, HEADING_CHARS)
    };
    (1..=most_words).contains(&words)
        && line.chars().count() <= most_chars
        && !first.is_lowercase()
        // A question is a heading as often as a statement (`What went wrong?`).
        // A full stop or comma of Chinese and Japanese ends a sentence too
        // (`…ありがとうございます。`).
        && !line.ends_with([
            '.', ',', ';', '!', '\u{2026}', '"', '\u{201d}', '\u{3002}', '\u{3001}', '\u{ff0e}',
            '\u{ff0c}', '\u{ff1b}', '\u{ff01}',
        ])
        // A bullet a page keeps as a character (`・…`, `• …`) opens a list's item, and a
        // reference mark (`※…`) a note.
        && !line.starts_with(['\u{30fb}', '\u{2022}', '\u{203b}'])
        && !line.contains("://")
        // `– Robbie`: a dash before a name signs a post; no heading opens with one.
        && !line.starts_with(['\u{2013}', '\u{2014}', '~'])
        && !line.starts_with("--")
        && !starts_with_a_time_or_date(line)
        && read_date_line(line).is_none()
        && field_line(line).is_none()
        // `Affected nodes: v74XX`: a label with its value on the same line.
        && line
            .split_once(':')
            .is_none_or(|(_, after)| after.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sources::markdown::blocks::read_blocks;

    fn headings(text: &str) -> Vec<String> {
        with_plain_headings(read_blocks(text))
            .into_iter()
            .filter_map(|block| match block.kind {
                BlockKind::Heading(_, text) => Some(text),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_table_run_into_a_paragraph_keeps_it_from_being_read_as_copied_flat() {
        let text = "Status\n\nStart:\n2020-09-07 07:30:00\nWhat:\nA database failed.\n\
                    Estimated end:\n2020-09-07 15:30:00\nDetails:\ndate | time | note |\n---|---|---|\n\
                    2020-09-07 | 11:00:00 | The admins found the likely cause of the fault |\n\
                    2020-09-07 | 13:45:26 | The work to bring the service back goes on |\n\
                    2020-09-07 | 15:41:34 | The fault is fixed and services run as usual |\n";
        let paragraphs = with_plain_headings(read_blocks(text))
            .into_iter()
            .filter(|block| matches!(block.kind, BlockKind::Paragraph(_)))
            .count();
        assert_eq!(
            paragraphs, 2,
            "the title and the one paragraph, not a line each"
        );
        // Without the delimiter row, rows closed by their last bar are lines of the page.
        let flat = "Incident Report: Storage Outage\n\
                    On Monday, August 23rd 2021 at around 04:00 UTC, the storage failed.\n\
                    Sunday, 16:00 UTC | Hypervisors report interruptions. |\n\
                    Monday, 04:00 UTC | The storage appliance gives up. |\n\
                    Monday, 07:00 UTC | Staff on site. |\n\
                    Monday, 17:00 UTC | Recovery done. |\n";
        let paragraphs = with_plain_headings(read_blocks(flat))
            .into_iter()
            .filter(|block| matches!(block.kind, BlockKind::Paragraph(_)))
            .count();
        assert_eq!(paragraphs, 6);
    }

    #[test]
    fn a_heading_copied_with_its_anchor_mark_is_read_without_it() {
        assert_eq!(
            headings(
                "Title\n\nText.\n\nWhat are we doing to prevent this? #\n\nWe add checks.\n\n\
                 How we\u{2019}re making the relay more resilient to this \u{b6}\n\nMore text.\n"
            ),
            [
                "What are we doing to prevent this?",
                "How we\u{2019}re making the relay more resilient to this"
            ]
        );
        // A `#` that is part of a word stays.
        assert_eq!(
            headings("Title\n\nText.\n\nMoving to C#\n\nMore text.\n"),
            ["Moving to C#"]
        );
    }

    #[test]
    fn a_page_copied_as_text_keeps_its_headings_as_lines_of_their_own() {
        let page = "Main systems unresponsive\n\nAn otherwise smooth August was spoiled.\n\n\
                    Lessons from August 17th\n\nWe revised our fail over procedures.\n\n\
                    Infrastructure changes:\n\nWe moved our documentation.\n\n\
                    Agreed actions:\n\n1. Rewrite TRS.\n\n\
                    Affected nodes: v74XX\n\nHey all,\n\nWe had some downtime.\n\n\
                    Saturday, June 5, 2021\n\nThanks for reading.\n";
        assert_eq!(
            headings(page),
            ["Lessons from August 17th", "Infrastructure changes:"]
        );
    }

    #[test]
    fn a_page_copied_flat_is_a_paragraph_a_line() {
        let page = "Out of Cards Incident Report\nHey all,\nWe had some downtime this morning.\n\
                    Event Log\nAll times in Eastern.\n2:43 AM - The site goes offline.\n\
                    3:22 AM - Site comes back online\nWhat We're Changing\n\
                    A configuration change will go out in the morning.\n";
        assert_eq!(headings(page), ["Event Log", "What We're Changing"]);
        // A paragraph wrapped by hand stays one.
        let wrapped = "Title\n\nThe outage began when the primary database ran out of\n\
                       connections, and the replicas could not take over because\n\
                       their own pools were sized for reads, not for the writes\n\
                       that the application sent them after the failover, which\n\
                       made the queue of writes grow until the workers timed out\n\
                       and the site returned errors for forty minutes.\n";
        let blocks = with_plain_headings(read_blocks(wrapped));
        assert_eq!(blocks.len(), 2);
    }

    #[test]
    fn a_file_that_marks_its_headings_is_read_as_marked() {
        let marked = "# Outage\n\nIntro.\n\n## Timeline\n\n- 10:00 down\n\n\
                      Lessons learned\n\nWe will add alerts.\n";
        assert_eq!(headings(marked), ["Outage", "Timeline"]);
    }
}
