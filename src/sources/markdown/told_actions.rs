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
    /// When a file names no work anywhere, what its last update commits to (`some need
    /// local attention, so I'll bring them up Monday`): a status page or a notice told as
    /// timed updates leaves its follow-up in the update that closes it.
    pub(super) fn work_in_the_last_update(&mut self) {
        if !self.doc.action_items.is_empty() {
            return;
        }
        let last = self
            .doc
            .timeline
            .iter()
            .enumerate()
            .filter(|(_, row)| row.time.is_some())
            .max_by_key(|(_, row)| row.time)
            .map(|(index, row)| (index, row.event.clone()));
        let Some((index, event)) = last else {
            return;
        };
        let row = format!("timeline row {}", index + 1);
        let lines = self
            .report
            .iter()
            .find(|placement| placement.place.starts_with(&row))
            .map_or((0, 0), |placement| placement.lines);
        for (piece, status) in super::closing_work::commitments_from_the_first(&event) {
            if status == super::commitment::Commitment::ToCome {
                self.add_found_action(&piece, false, lines, "from the last update");
            }
        }
    }
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
    fn a_notice_of_updates_leaves_its_follow_up_in_the_last() {
        let text = "# Campus power outage\n\n## Investigating 2025-01-04 9:27a\n\n\
                    All systems are down. I'll respond with updates when I know more.\n\n\
                    ## Resolved 2025-01-04 4:00p\n\nMost machines were brought up by 4p, \
                    although some need local attention so I'll bring them up Monday.\n";
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let imported = super::super::import_markdown(text, today);
        let actions = super::super::tests::actions(&imported.doc);
        assert_eq!(actions.len(), 1, "{actions:?}");
        assert!(actions[0].contains("I'll bring them up Monday"));
        // A file that names its work keeps only that.
        let named = format!("{text}\n## Action items\n\n- Add a generator test\n");
        let items = super::super::import_markdown(&named, today)
            .doc
            .action_items;
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].action, "Add a generator test");
    }

    #[test]
    fn the_news_of_the_last_update_is_not_its_follow_up() {
        // A status page's updates, each its status, its text and its stamp below: the last
        // one's news stays in its row, and only what it commits to is an item.
        let page = "Incorrect emails sent\n\nResolved\n\nOur services have stayed stable \
                    since the fix.\n\nWe do not expect any more disruption.\n\nWe will be \
                    following up with the affected merchants.\n\nTue, May 24, 2022, \
                    04:29 PM\n\nInvestigating\n\nWe stopped sending emails.\n\n\
                    Tue, May 24, 2022, 11:16 AM(5 hours earlier)\n";
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let doc = super::super::import_markdown(page, today).doc;
        assert_eq!(doc.timeline.len(), 2, "{:?}", doc.timeline);
        assert_eq!(
            super::super::tests::actions(&doc),
            ["We will be following up with the affected merchants."]
        );
    }

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
