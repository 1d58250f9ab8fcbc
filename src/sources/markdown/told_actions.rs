//! Action items told in a sentence. A postmortem written as an article may name its
//! follow-up work in one line of prose: "our action items included tasks such as rotating
//! keys, deleting CI logs after 48 hours, and updating our process". When a file holds no
//! other action items, each piece of such an enumeration is one. The sentence stays in its
//! section as written.

use super::Importer;
use super::blocks::{Block, BlockKind};
use super::told_times::sentences;
use super::work_sentences::FOLLOW_UP_NOUNS;

/// Words after the noun that open an enumeration of its members. A plain `are` is no
/// opener: `our action items are tracked in Jira` names none.
const OPENERS: [&str; 9] = [
    " include ",
    " includes ",
    " included ",
    " including ",
    " such as ",
    " are to ",
    " were to ",
    " will be to ",
    ":",
];

/// Words an enumeration may open with before its first member.
const LEAD_INS: [&str; 5] = [
    "tasks such as ",
    "things like ",
    "such as ",
    "the following ",
    "work such as ",
];

/// The pieces of follow-up work `sentence` enumerates, in order: at least two, each a
/// short phrase. None when it names no work noun followed by an opener.
#[must_use]
pub fn actions_told(sentence: &str) -> Vec<String> {
    // ASCII lowering keeps every byte where it was, so places found in it hold in the
    // sentence as written.
    let lower = sentence.to_ascii_lowercase();
    let Some(noun_end) = FOLLOW_UP_NOUNS
        .iter()
        .filter_map(|noun| lower.find(noun).map(|at| at + noun.len()))
        .min()
    else {
        return Vec::new();
    };
    let after_noun = &lower[noun_end..];
    // The opener follows the noun within a few words: `our action items for this incident
    // included …`.
    let Some((opener_at, opener)) = OPENERS
        .iter()
        .filter_map(|opener| after_noun.find(opener).map(|at| (at, *opener)))
        .min_by_key(|(at, _)| *at)
    else {
        return Vec::new();
    };
    if after_noun[..opener_at].split_whitespace().count() > 4 {
        return Vec::new();
    }
    let mut start = noun_end + opener_at + opener.len();
    let rest = lower[start..].trim_start();
    start = lower.len() - rest.len();
    if let Some(lead) = LEAD_INS.iter().find(|lead| rest.starts_with(*lead)) {
        start += lead.len();
    }
    let list = sentence[start..].trim().trim_end_matches(['.', '!', ';']);
    let pieces = pieces_of(list);
    let short = pieces
        .iter()
        .all(|piece| (1..=20).contains(&piece.split_whitespace().count()));
    if pieces.len() < 2 || !short {
        return Vec::new();
    }
    pieces
}

/// An enumeration's members: split at semicolons when it has them (its members hold
/// commas), else at commas; the last part's `and` (or `or`) parts two members unless a
/// comma stands before it.
fn pieces_of(list: &str) -> Vec<String> {
    let separator = if list.contains(';') { ';' } else { ',' };
    let parts: Vec<&str> = list
        .split(separator)
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    let mut pieces = Vec::new();
    for (index, part) in parts.iter().enumerate() {
        let final_part = index + 1 == parts.len();
        let after_comma = part
            .strip_prefix("and ")
            .or_else(|| part.strip_prefix("or "));
        let two = part
            .rsplit_once(" and ")
            .or_else(|| part.rsplit_once(" or "));
        match (after_comma, two) {
            (Some(member), _) => pieces.push(member.trim()),
            (None, Some((before, after))) if final_part => {
                pieces.push(before.trim());
                pieces.push(after.trim());
            }
            _ => pieces.push(part),
        }
    }
    pieces
        .into_iter()
        .filter(|piece| !piece.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Importer<'_> {
    /// When the file names no work to do anywhere else, the follow-up work a sentence
    /// enumerates is its action items (`our action items included rotating keys, …`).
    pub(super) fn actions_told_in_sentences(&mut self, blocks: &[Block]) {
        if !self.doc.action_items.is_empty() {
            return;
        }
        for block in blocks {
            let BlockKind::Paragraph(lines) = &block.kind else {
                continue;
            };
            let text = lines
                .iter()
                .map(|(_, line)| line.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            for sentence in sentences(&text) {
                for piece in actions_told(sentence) {
                    self.add_found_action(&piece, false, block.lines, "from a sentence");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_a_sentence_enumerates_is_one_item_per_member() {
        assert_eq!(
            actions_told(
                "For this specific incident, our action items included tasks such as rotating \
                 keys, deleting CI logs after 48 hours, scanning execution logs for leaked \
                 secrets, and updating our incident management process."
            ),
            [
                "rotating keys",
                "deleting CI logs after 48 hours",
                "scanning execution logs for leaked secrets",
                "updating our incident management process",
            ]
        );
        assert_eq!(
            actions_told("Follow-ups: add an alert, rotate the token and document the runbook."),
            ["add an alert", "rotate the token", "document the runbook"]
        );
        assert_eq!(
            actions_told(
                "The next steps include moving backups off-site; testing restores, monthly; \
                 and writing it down."
            ),
            [
                "moving backups off-site",
                "testing restores, monthly",
                "writing it down"
            ]
        );
    }

    #[test]
    fn a_sentence_that_only_mentions_action_items_names_none() {
        for sentence in [
            "Our action items are tracked in Jira.",
            "We generate action items that make the problem less likely to happen again.",
            "The action items from this review are all done, and the board is clear.",
            "Action items included one big migration.",
        ] {
            assert!(actions_told(sentence).is_empty(), "{sentence}");
        }
    }
}
