//! A status page's updates as its paragraphs write them: a line that is only the update's
//! status (`Resolved`), its text in a paragraph or a few, and the stamp that closes it
//! (`Posted Nov 17, 2022 - 19:31 CET`), or a greeting (`Dear Clients,`) opening it.

use super::blocks::{Block, BlockKind};
use crate::sources::is_dated_stamp;

/// The most paragraphs an update's text above its stamp is read in: more is the page's own
/// text.
const UPDATE_PARAGRAPHS: usize = 3;

/// Whether a paragraph's lines after its first hold a line that is only a time and its
/// day, as a status page closes an update (`This incident has been resolved.` then `Posted
/// Jun 07, 2022 - 17:04 CDT`); the page's footer may follow the last one on its lines.
pub fn closed_by_a_stamp(lines: &[(usize, String)]) -> bool {
    lines.iter().skip(1).any(|(_, line)| is_dated_stamp(line))
}

/// Whether the paragraph at `index` is a status page's update: closed by its stamp, under a
/// line that is only its status (`Resolved`, then `This incident has been resolved.` and
/// `Posted Nov 17, 2022 - 19:31 CET`).
pub fn is_a_labelled_update(blocks: &[Block], index: usize) -> bool {
    index > 0
        && is_a_status_line(&blocks[index - 1])
        && matches!(&blocks[index].kind, BlockKind::Paragraph(lines) if closed_by_a_stamp(lines))
}

/// The paragraphs of a status page's updates that the `run` of a page's timed paragraphs
/// left out: an update's text broken into paragraphs above the stamp that closes it, the
/// first update's back to the stamp that closed the postmortem above it (`Posted Aug 31,
/// 2020 - 15:06 UTC`).
pub fn mark_update_paragraphs(blocks: &[Block], run: &[usize], timed: &mut [bool]) {
    let stamped = |index: usize| matches!(&blocks[index].kind, BlockKind::Paragraph(lines) if closed_by_a_stamp(lines));
    if let Some(&first) = run.first()
        && stamped(first)
    {
        let above = (0..first)
            .rev()
            .take_while(|index| matches!(blocks[*index].kind, BlockKind::Paragraph(_)))
            .take(UPDATE_PARAGRAPHS + 1)
            .find(|index| is_a_stamp_alone(&blocks[*index]));
        if let Some(stamp) = above {
            timed[stamp + 1..first].fill(true);
        }
    }
    for pair in run.windows(2) {
        if let [above, below] = pair
            && stamped(*below)
        {
            for index in above + 1..*below {
                if matches!(blocks[index].kind, BlockKind::Paragraph(_)) {
                    timed[index] = true;
                }
            }
        }
    }
}

/// A postmortem posted as a status page's update closes with its stamp (`Posted Aug 31,
/// 2020 - 15:06 UTC`) a few paragraphs below the story it tells with times: the stamp is
/// part of that timeline, and dates the story as an update.
pub fn mark_stamps_closing_a_story(blocks: &[Block], timed: &mut [bool]) {
    for index in 0..blocks.len() {
        if timed[index] || !is_a_stamp_alone(&blocks[index]) {
            continue;
        }
        let closes_a_story = (0..index)
            .rev()
            .take_while(|above| matches!(blocks[*above].kind, BlockKind::Paragraph(_)))
            .take(UPDATE_PARAGRAPHS + 1)
            .any(|above| timed[above]);
        timed[index] = closes_a_story;
    }
}

/// Whether a block is a paragraph of one line that is a stamp alone (`Posted Aug 31, 2020 -
/// 15:06 UTC`).
pub fn is_a_stamp_alone(block: &Block) -> bool {
    matches!(&block.kind, BlockKind::Paragraph(lines)
        if lines.len() == 1 && is_dated_stamp(&lines[0].1))
}

/// Whether a block is a paragraph of one short line closed by a comma, as a letter's
/// greeting is (`Dear Clients,`, `Hi all,`): it opens the message below it.
pub fn is_a_salutation(block: &Block) -> bool {
    /// The most words a greeting has.
    const GREETING_WORDS: usize = 4;
    matches!(&block.kind, BlockKind::Paragraph(lines)
        if lines.len() == 1
            && lines[0].1.trim_end().ends_with(',')
            && lines[0].1.split_whitespace().count() <= GREETING_WORDS)
}

/// Whether a block is a paragraph of one line that is only an update's status.
pub fn is_a_status_line(block: &Block) -> bool {
    matches!(&block.kind, BlockKind::Paragraph(lines)
        if lines.len() == 1 && crate::sources::is_a_status_word(&lines[0].1))
}

/// A status page's updates written as their status on a line of its own (`Resolved`), their
/// text in a few paragraphs, then their stamp alone (`Tue, May 24, 2022, 04:29 PM`): all of
/// it is the timeline's, each update closed by its stamp.
pub fn mark_updates_closed_by_stamps(blocks: &[Block], timed: &mut [bool]) {
    for index in 0..blocks.len() {
        if !is_a_stamp_alone(&blocks[index]) {
            continue;
        }
        if let Some(status) = status_above(blocks, index) {
            // A list in the update (the repairs a postmortem posted as an update names)
            // is read as the lists of the page are.
            for at in status..=index {
                timed[at] |= matches!(blocks[at].kind, BlockKind::Paragraph(_));
            }
        }
    }
}

/// Whether the block at `index` is a line that is only an update's status (`Postmortem`,
/// `Resolved`) whose text a stamp alone closes a few paragraphs below: the update's
/// label, not a heading of the page nor a field over its value.
pub fn opens_an_update(blocks: &[Block], index: usize) -> bool {
    is_a_status_line(&blocks[index])
        && (index + 1..blocks.len())
            .take(2 * UPDATE_PARAGRAPHS + 2)
            .find(|below| is_a_stamp_alone(&blocks[*below]))
            .is_some_and(|stamp| status_above(blocks, stamp) == Some(index))
}

/// The line that is only an update's status a few paragraphs above the stamp at `index`,
/// with no other stamp between them; lists between them are the update's too.
fn status_above(blocks: &[Block], index: usize) -> Option<usize> {
    (0..index)
        .rev()
        .take_while(|above| {
            matches!(
                blocks[*above].kind,
                BlockKind::Paragraph(_) | BlockKind::List(_)
            ) && !is_a_stamp_alone(&blocks[*above])
        })
        .filter(|above| matches!(blocks[*above].kind, BlockKind::Paragraph(_)))
        .take(UPDATE_PARAGRAPHS + 1)
        .find(|above| is_a_status_line(&blocks[*above]))
}

/// The blocks with each stamp that closes an update (its status a few paragraphs above it)
/// a paragraph again: a stamp alone on its line was taken for the heading of what follows
/// it, as it is where a page writes its stamps above its updates.
#[must_use]
pub fn with_stamps_closing_updates(mut blocks: Vec<Block>) -> Vec<Block> {
    for index in 0..blocks.len() {
        let BlockKind::Heading(_, title) = &blocks[index].kind else {
            continue;
        };
        if !is_dated_stamp(title) {
            continue;
        }
        let paragraph = BlockKind::Paragraph(vec![(blocks[index].lines.0, title.clone())]);
        let kind = std::mem::replace(&mut blocks[index].kind, paragraph);
        if status_above(&blocks, index).is_none() {
            blocks[index].kind = kind;
        }
    }
    blocks
}
