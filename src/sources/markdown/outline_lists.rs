//! A postmortem written as one outline: a list whose items are its parts' names (`1.
//! Incident Date`, `4. Timeline`, `7. Preventative Measures`), each with the part's content
//! nested below it, as some teams fill in a numbered template. Each such item is read as
//! the heading it stands for, and what is nested below it as the part's own blocks, so the
//! timeline and the action items are found in it as under headings.

use super::blocks::{Block, BlockKind, ListItem, read_blocks};
use super::fields::field_named;
use super::headings::{target_by_words, target_of};

/// The fewest items an outline has: two parts' names could be any short list.
const OUTLINE_ITEMS: usize = 3;

/// The fewest items that name a part the importer knows (a section, the timeline, the
/// action items or a field), so that a list of short items with notes below is no outline.
const KNOWN_PARTS: usize = 2;

/// The most words of a part's name.
const NAME_WORDS: usize = 6;

/// The level the parts' headings are given: below a title's.
const LEVEL: u8 = 2;

/// `blocks` with each outline list read as its parts: a heading for each item, then the
/// blocks of what is nested below it. `text` is the document the blocks were read from.
#[must_use]
pub fn with_outline_headings(blocks: Vec<Block>, text: &str) -> Vec<Block> {
    let blocks = numbered_names_over_lists(blocks);
    if !blocks.iter().any(is_an_outline) {
        return blocks;
    }
    let lines: Vec<&str> = text.lines().collect();
    blocks
        .into_iter()
        .flat_map(|block| {
            if !is_an_outline(&block) {
                return vec![block];
            }
            let BlockKind::List(items) = &block.kind else {
                return vec![block];
            };
            items
                .iter()
                .flat_map(|item| parts_of(item, &lines))
                .collect()
        })
        .collect()
}

/// `blocks` with each list of one numbered item that is only a known part's name, right
/// above a list, read as that part's heading (`5. 재발방지 대책` over `1) …`, `2) …`): an
/// outline whose parts' content was written without the indent that nests it.
fn numbered_names_over_lists(blocks: Vec<Block>) -> Vec<Block> {
    let over_a_list: Vec<bool> = blocks
        .iter()
        .skip(1)
        .map(|next| matches!(next.kind, BlockKind::List(_)))
        .chain([false])
        .collect();
    blocks
        .into_iter()
        .zip(over_a_list)
        .map(|(block, over_a_list)| match &block.kind {
            BlockKind::List(items)
                if over_a_list
                    && matches!(items.as_slice(), [item]
                        if item.lines.0 == item.lines.1
                            && item.checked.is_none()
                            && block.source.trim_start().starts_with(|c: char| c.is_ascii_digit())
                            && is_a_name(&item.own_text)
                            && names_a_known_part(&item.own_text)) =>
            {
                let name = items[0].own_text.trim().to_owned();
                Block {
                    kind: BlockKind::Heading(LEVEL, name),
                    ..block
                }
            }
            _ => block,
        })
        .collect()
}

/// Whether `block` is a list of parts: every item a short name with content nested below
/// it, and some of the names those of parts the importer knows.
fn is_an_outline(block: &Block) -> bool {
    let BlockKind::List(items) = &block.kind else {
        return false;
    };
    let named = |item: &&ListItem| {
        item.checked.is_none() && item.lines.1 > item.lines.0 && is_a_name(&item.own_text)
    };
    // `**Time to repair**: 2h 2m` among the parts: a part said on one line.
    let labelled = |item: &ListItem| item.checked.is_none() && labelled_line(item).is_some();
    items.iter().filter(named).count() >= OUTLINE_ITEMS
        && items.iter().all(|item| named(&item) || labelled(item))
        && items
            .iter()
            .filter(|item| names_a_known_part(&item.own_text))
            .count()
            >= KNOWN_PARTS
}

/// An item of one line that is a short label and what it says (`Time to repair: 2h 2m`,
/// `**Identified**: Pingdom alerted a developer`): the label.
fn labelled_line(item: &ListItem) -> Option<&str> {
    if item.lines.1 > item.lines.0 {
        return None;
    }
    let (label, said) = item.own_text.split_once(':')?;
    (is_a_name(label) && !said.trim().is_empty()).then_some(label)
}

/// Whether an item's own text is a part's name: one line of a few words, not a sentence.
fn is_a_name(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && !text.contains('\n')
        && text.split_whitespace().count() <= NAME_WORDS
        && !text.ends_with(['.', '!', '?', ';', ','])
        && !text.trim_end_matches(':').contains(':')
}

fn names_a_known_part(name: &str) -> bool {
    let name = name.trim().trim_end_matches(':');
    target_of(name).is_some() || target_by_words(name).is_some() || field_named(name).is_some()
}

/// An outline's item as a heading and the blocks nested below it, read at their own lines;
/// a part said on one line as a paragraph of that line.
fn parts_of(item: &ListItem, lines: &[&str]) -> Vec<Block> {
    let (first, last) = item.lines;
    if labelled_line(item).is_some() {
        return vec![Block {
            lines: (first, first),
            source: item.source.clone(),
            kind: BlockKind::Paragraph(vec![(first, item.own_text.clone())]),
        }];
    }
    let name = item.own_text.trim().to_owned();
    let heading = Block {
        lines: (first, first),
        source: lines
            .get(first - 1)
            .map_or_else(|| name.clone(), |line| line.trim().to_owned()),
        kind: BlockKind::Heading(LEVEL, name),
    };
    let nested = lines.get(first..last.min(lines.len())).unwrap_or_default();
    let indent = nested
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start().len())
        .min()
        .unwrap_or(0);
    // Blank lines before the nested part keep its blocks at the lines they stand on.
    let mut fragment = "\n".repeat(first);
    for line in nested {
        fragment.push_str(line.get(indent..).unwrap_or_else(|| line.trim_start()));
        fragment.push('\n');
    }
    std::iter::once(heading)
        .chain(read_blocks(&fragment))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(text: &str) -> Vec<Block> {
        with_outline_headings(read_blocks(text), text)
    }

    #[test]
    fn a_numbered_part_over_a_list_not_nested_under_it_is_its_heading() {
        let text = "# 공지\n\n4. 조치 내역\n\n  1) 2020.09.10 11:20 - 감지\n\n\
                    5. 재발방지 대책\n\n  1) 이중화 구성\n\n  2) 서비스 분리 구성\n";
        let headings: Vec<String> = outline(text)
            .into_iter()
            .filter_map(|block| match block.kind {
                BlockKind::Heading(LEVEL, name) => Some(name),
                _ => None,
            })
            .collect();
        // `조치 내역` (the steps taken) is no part the importer names; the measures are.
        assert_eq!(headings, ["재발방지 대책"]);
        // A numbered step of a list above another list stays a list.
        let steps = "# Outage\n\n1. Restart the database\n\n- it came back\n";
        assert!(
            outline(steps)
                .iter()
                .all(|block| !matches!(block.kind, BlockKind::Heading(LEVEL, _)))
        );
    }

    #[test]
    fn a_numbered_template_filled_in_is_read_as_its_parts() {
        let text = "# Outage\n\n1. Incident Date\n   - July 12 2018\n2. Timeline\n   - 13:34: \
                    alerted\n   - 14:40: fixed\n3. Preventative Measures\n   - Add an alarm\n";
        let blocks = outline(text);
        let headings: Vec<(usize, &str)> = blocks
            .iter()
            .filter_map(|block| match &block.kind {
                BlockKind::Heading(LEVEL, name) => Some((block.lines.0, name.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(
            headings,
            [
                (3, "Incident Date"),
                (5, "Timeline"),
                (8, "Preventative Measures")
            ]
        );
        // The timeline's rows are a list of their own, at the lines they were written on.
        let timeline = blocks
            .iter()
            .find(|block| block.lines.0 == 6)
            .expect("the rows' list");
        let BlockKind::List(rows) = &timeline.kind else {
            panic!("not a list: {timeline:?}");
        };
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].lines, (7, 7));
        assert_eq!(rows[1].text, "14:40: fixed");
    }

    #[test]
    fn a_part_said_on_one_line_among_the_parts_is_a_paragraph_of_the_outline() {
        let text = "- **Key events**\n  - First detected 2022-01-22 11:57\n\
                    - **Time to repair**: 2h 2m\n\
                    - **Identified**: Pingdom alerted a developer\n\
                    - **Impact**:\n  - 2 sites were down\n\
                    - **Review actions**:\n  - Create a runbook\n  - Add an alert\n";
        let kinds: Vec<String> = outline(text)
            .iter()
            .map(|block| match &block.kind {
                BlockKind::Heading(_, name) => format!("heading {name}"),
                BlockKind::Paragraph(lines) => format!("paragraph {}", lines[0].1),
                BlockKind::List(items) => format!("list of {}", items.len()),
                _ => "other".to_owned(),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "heading Key events",
                "list of 1",
                "paragraph Time to repair: 2h 2m",
                "paragraph Identified: Pingdom alerted a developer",
                "heading Impact:",
                "list of 1",
                "heading Review actions:",
                "list of 2",
            ]
        );
        // Parts said on one line alone make no outline.
        let text = "- **Owner**: Dana\n- **Severity**: 2\n- **Status**: Final\n";
        assert_eq!(outline(text), read_blocks(text));
    }

    #[test]
    fn a_list_of_short_items_with_notes_is_no_outline() {
        // Short names with notes below, but no part a postmortem has.
        let text = "1. Database\n   - restarted\n2. Cache\n   - flushed\n3. Queue\n   - drained\n";
        assert_eq!(outline(text), read_blocks(text));
        // Parts' names, but one with nothing below it.
        let text = "1. Timeline\n   - 14:03 deploy\n2. Root cause\n3. Action items\n   - alarm\n";
        assert_eq!(outline(text), read_blocks(text));
        // Sentences are no names.
        let text = "- The timeline was long.\n  - yes\n- Root cause was a bug.\n  - yes\n- Action \
                    items were filed.\n  - yes\n";
        assert_eq!(outline(text), read_blocks(text));
    }
}
