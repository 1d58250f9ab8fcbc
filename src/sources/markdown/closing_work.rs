//! Work told in the prose that closes a postmortem. One written as an article often has no
//! list of action items: its last sections (`Resolution`, `Moving forward`, `What's next?`,
//! `Lessons learned`) say in sentences what its writers will do (`We will adjust our
//! backup procedures`, `In the future we intend to …`) or have done since (`As a result of
//! this incident we have set up a status page`, `I also installed an uptime monitor`).
//! When a file names no work anywhere else, each such commitment is an action item; the
//! paragraph stays in its section as written.
//!
//! Only a commitment with its writers as the subject counts (`we`, `I`, `our team`), or a
//! passive future (`This task will be re-prioritised`): what a vendor promised (`they will
//! implement changes`) is not the team's work, and a condition (`if we roll back, we will
//! need help`) commits to nothing.

use super::Importer;
use super::blocks::{Block, BlockKind};
use super::commitment::Commitment;
use super::headings;
use super::other_language_work::committed_in_another_language;
use super::work_sentences::{
    IRREGULAR_PARTICIPLES, IRREGULAR_PASTS, adds_more_work, padded, past_passive, perfect_of_doing,
    sentence_spans,
};

/// Words that may stand between the subject and its verb.
const ADVERBS: [&str; 15] = [
    "also",
    "actively",
    "currently",
    "closely",
    "now",
    "already",
    "then",
    "further",
    "additionally",
    "definitely",
    "certainly",
    "still",
    "immediately",
    "quickly",
    "subsequently",
];

/// Verbs that, after `we` or `I`, say what is to come.
const INTENT_VERBS: [&str; 14] = [
    "will", "shall", "intend", "plan", "aim", "hope", "want", "need", "must", "should", "expect",
    "commit", "promise", "propose",
];

/// Verbs in `-ing` that, after `we are`, say what is to come or under way.
const PLANNING: [&str; 9] = [
    "going",
    "looking",
    "planning",
    "considering",
    "exploring",
    "investigating",
    "evaluating",
    "working",
    "discussing",
];

/// Past forms in `-ed` that report what the writers learned, felt or met, not work done.
const NOT_WORK: [&str; 37] = [
    "learned",
    "identified",
    "learnt",
    "realized",
    "realised",
    "noticed",
    "discovered",
    "experienced",
    "tried",
    "hoped",
    "wanted",
    "needed",
    "liked",
    "expected",
    "assumed",
    "decided",
    "concluded",
    "observed",
    "asked",
    "talked",
    "discussed",
    "apologized",
    "apologised",
    "received",
    "determined",
    "suspected",
    "believed",
    "recognized",
    "recognised",
    "agreed",
    "failed",
    "missed",
    "waited",
    "worked",
    "planned",
    "started",
    "appreciated",
];

/// Adverbs that may stand between `will` and the passive it makes (`will also be done`).
const WILL_ADVERBS: [&str; 4] = ["also", "additionally", "further", "then"];

/// What `sentence`, as written, commits its writers to, if anything.
#[must_use]
pub fn commitment(sentence: &str) -> Option<Commitment> {
    let padded = padded(&sentence.replace(['\u{2019}', '\u{2018}'], "'"));
    // `We would like to thank …`: gratitude, however it is worded, commits to nothing.
    if sentence.trim_end().ends_with('?')
        || [" thank ", " thanks ", " grateful "]
            .iter()
            .any(|word| padded.contains(word))
        || is_a_notice(&padded)
    {
        return None;
    }
    // `The item at the top of my to-do list is to put a backup system in place`, `Our first
    // priority is to …`: the writers' own list of work, named.
    let own_list = [" my ", " our "].iter().any(|owner| padded.contains(owner))
        && [
            " to-do list is to ",
            " todo list is to ",
            " priority is to ",
            " first task is to ",
        ]
        .iter()
        .any(|list| padded.contains(list));
    if own_list {
        return Some(Commitment::ToCome);
    }
    // `It's still being investigated how the bug passed the tests`: work under way.
    if [
        " still being investigated ",
        " still under investigation ",
        " still being looked into ",
    ]
    .iter()
    .any(|under_way| padded.contains(under_way))
    {
        return Some(Commitment::ToCome);
    }
    let words: Vec<&str> = padded.split_whitespace().collect();
    let looks_ahead = padded.contains(" in the future ")
        || padded.contains(" going forward ")
        || padded.contains(" moving forward ")
        || padded.contains(" from now on ");
    let mut found = None;
    for (at, word) in words.iter().enumerate() {
        // `if we roll back, we will need help`: a condition, not a commitment.
        if matches!(*word, "if" | "unless" | "whether") {
            break;
        }
        let said = match *word {
            "we" | "i" => after_subject(&words[at + 1..], at == 0, looks_ahead),
            "we'll" | "i'll" => {
                (words.get(at + 1) != Some(&"continue")).then_some(Commitment::ToCome)
            }
            "we're" | "i'm" => planning(&words[at + 1..]),
            "we've" | "i've" => participle(&words[at + 1..]).then_some(Commitment::Done),
            // `will also be completed`: an adverb may stand before the passive.
            "will" => {
                let after = &words[at + 1..];
                let after = match after {
                    [adverb, rest @ ..] if WILL_ADVERBS.contains(adverb) => rest,
                    _ => after,
                };
                (after.first() == Some(&"be") && participle(&after[1..]))
                    .then_some(Commitment::ToCome)
            }
            _ => None,
        };
        if said == Some(Commitment::ToCome) {
            return said;
        }
        found = found.or(said);
    }
    // `To ensure that the response is faster should this happen again, @DouweM now has an
    // emergency address`: what was put in place against a recurrence, done.
    found
        .or_else(|| against_recurrence(sentence).then_some(Commitment::Done))
        // A commitment done in another language has already been read as against a
        // recurrence.
        .or_else(|| committed_in_another_language(&padded))
}

/// Whether a padded sentence is a status update's notice of what its writers are watching
/// or will tell (`We are continuing to monitor our systems`, `We are currently
/// investigating an issue with receipts`, `We are experiencing email access issues`, `A
/// post-mortem will be posted shortly`, `We will provide an update within the hour`): the
/// incident's handling, not work that follows it.
fn is_a_notice(padded: &str) -> bool {
    const TELLING: [&str; 10] = [
        " provide ",
        " provided ",
        " shared ",
        " post ",
        " posted ",
        " publish ",
        " published ",
        " share ",
        " continuing to ",
        " continue to ",
    ];
    const TOLD: [&str; 9] = [
        " update ",
        " updates ",
        " post-mortem ",
        " postmortem ",
        " post mortem ",
        " more information ",
        " more details ",
        " monitor ",
        " closely monitor ",
    ];
    // `We are experiencing widespread email access issues`: the incident as it goes on.
    [
        " currently investigating ",
        " are experiencing ",
        " are currently experiencing ",
    ]
    .iter()
    .any(|notice| padded.contains(notice))
        || (TELLING.iter().any(|verb| padded.contains(verb))
            && TOLD.iter().any(|what| padded.contains(what)))
        || promises_news(padded)
}

/// Whether a padded sentence promises that the post will say more (`This post will be
/// updated as we investigate further`, `We will update further when we receive an ETR`,
/// `We'll keep you posted`), and not that something will be updated (`We will update the
/// runbook`).
fn promises_news(padded: &str) -> bool {
    /// What is updated when the news is: the post itself, or its readers.
    const POSTS: [&str; 7] = [
        " post ",
        " page ",
        " status ",
        " this ",
        " article ",
        " entry ",
        " thread ",
    ];
    /// What follows `will update` when the writers update their readers.
    const AFTER_UPDATE: [&str; 10] = [
        "further", "this", "you", "everyone", "when", "as", "once", "again", "here", "shortly",
    ];
    let kept_posted = [
        " keep you updated",
        " keep you posted",
        " keep you informed",
    ]
    .iter()
    .any(|phrase| padded.contains(phrase));
    let post_updated = padded
        .find(" will be updated ")
        .is_some_and(|at| POSTS.iter().any(|post| padded[..=at].ends_with(post)));
    let update_readers = padded.match_indices(" will update ").any(|(at, found)| {
        padded[at + found.len()..]
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .is_some_and(|next| AFTER_UPDATE.contains(&next))
    });
    kept_posted || post_updated || update_readers
}

/// Whether a sentence tells what is done against the incident happening again: it opens
/// with that purpose (`To ensure …  happens again`, `To prevent a recurrence, …`), or tells
/// a change made for it (`The process was updated to cover this eventuality`, `our network
/// team has applied stricter access lists to prevent this again`). What it says was done is
/// follow-up work, wherever in the story it is told.
#[must_use]
pub fn against_recurrence(sentence: &str) -> bool {
    const PURPOSES: [&str; 6] = [
        " to ensure ",
        " to prevent ",
        " to avoid ",
        " to make sure ",
        " to cover ",
        " in order to ",
    ];
    let padded = padded(&sentence.replace(['\u{2019}', '\u{2018}'], "'"));
    let opens_with_purpose = PURPOSES.iter().any(|opening| padded.starts_with(opening));
    let recurrence = [
        " again ",
        " recurrence ",
        " recurring ",
        " in the future ",
        " future ",
        " eventuality ",
        " going forward ",
        " moving forward ",
        " from now on ",
    ]
    .iter()
    .any(|word| padded.contains(word));
    // `We have immediately updated our documentation to prevent this from happening going
    // forward`: the writers' own change, told done, with an eye on the next time.
    // A future the change looks to is no recurrence unless it is made better (`this will
    // help us scale in the future` tells of growth).
    let next_time = [
        " again ",
        " recurrence ",
        " recurring ",
        " eventuality ",
        " going forward ",
        " moving forward ",
        " from now on ",
    ]
    .iter()
    .any(|word| padded.contains(word))
        || (padded.contains(" in the future ") && padded.contains(" improve"));
    let words: Vec<&str> = padded.split_whitespace().collect();
    let writers_changed = next_time
        && words.iter().enumerate().any(|(at, word)| {
            let after = &words[at + 1..];
            match *word {
                "we" | "i" => {
                    matches!(without_adverbs(after).first(), Some(&"have"))
                        && after_subject(after, false, false) == Some(Commitment::Done)
                }
                "we've" | "i've" => participle(after),
                _ => false,
            }
        });
    let done_since = [" now ", " has been ", " have been ", " we have ", " we've "]
        .iter()
        .any(|done| padded.contains(done))
        || perfect_of_doing(&padded);
    // The clause after the purpose says what was done or will be; a change told in the
    // passive names its purpose anywhere.
    (recurrence
        && (writers_changed
            || (opens_with_purpose && done_since)
            || (past_passive(&padded) && PURPOSES.iter().any(|purpose| padded.contains(purpose)))))
        || committed_in_another_language(&padded) == Some(Commitment::Done)
}

/// What follows `we` or `I`: an intent, work under way, a perfect, or (when the sentence
/// opens with its subject) a past of doing.
fn after_subject(rest: &[&str], opens: bool, looks_ahead: bool) -> Option<Commitment> {
    let rest = without_adverbs(rest);
    let (verb, after) = rest.split_first()?;
    let next = after.first().copied().unwrap_or_default();
    match *verb {
        "should" | "must" if next == "have" => None,
        "will" | "shall" if next == "continue" => None,
        // `We would like to reassure you …`, `… to apologise`: a courtesy, no work.
        "would" => (next == "like" && !after.get(2).is_some_and(|verb| is_a_courtesy(verb)))
            .then_some(Commitment::ToCome),
        "are" | "am" => planning(after),
        "have" | "has" => participle(after).then_some(Commitment::Done),
        // `In the future, I might redeploy Prometheus`.
        "might" | "may" | "could" | "can" if looks_ahead => Some(Commitment::ToCome),
        // `we plan`, `we intend`, `we need`; their past (`we needed to restore the
        // profiles`, `I wanted to address the outage`) tells the story.
        verb if INTENT_VERBS.iter().any(|intent| {
            verb.starts_with(intent) && !(verb.len() > intent.len() && verb.ends_with("ed"))
        }) =>
        {
            Some(Commitment::ToCome)
        }
        verb if opens && past_of_doing(verb) => Some(Commitment::Done),
        _ => None,
    }
}

/// Whether a verb after `would like to` is a courtesy to the reader (`reassure`,
/// `apologise`, `take this opportunity`) rather than work.
fn is_a_courtesy(verb: &str) -> bool {
    const COURTESIES: [&str; 11] = [
        "reassure",
        "assure",
        "apologi",
        "inform",
        "remind",
        "let",
        "take",
        "express",
        "acknowledge",
        "clarify",
        "explain",
    ];
    COURTESIES.iter().any(|courtesy| verb.starts_with(courtesy))
}

fn without_adverbs<'a, 'b>(words: &'a [&'b str]) -> &'a [&'b str] {
    let skip = words
        .iter()
        .take_while(|word| ADVERBS.contains(word))
        .count();
    &words[skip..]
}

/// `going to`, `looking to`, `planning …`, `adding …`: work to come or under way, after `we
/// are`. `looking forward to` is a courtesy.
fn planning(rest: &[&str]) -> Option<Commitment> {
    let rest = without_adverbs(rest);
    let (verb, after) = rest.split_first()?;
    let courtesy = *verb == "looking" && after.first() == Some(&"forward");
    // `We are waiting to see`, `we are seeing errors`: what the writers undergo, no work.
    // (`I'm waiting for follow-up from support` waits on work that is theirs to chase.)
    let undergoing = [
        "seeing",
        "hoping",
        "experiencing",
        "expecting",
        "noticing",
        "observing",
        "receiving",
        "getting",
        "having",
        "wondering",
        "feeling",
    ]
    .contains(verb)
        || (*verb == "waiting" && after.starts_with(&["to", "see"]));
    let doing = verb.len() > 4 && verb.ends_with("ing") && !undergoing;
    (!courtesy && (PLANNING.contains(verb) || doing)).then_some(Commitment::ToCome)
}

/// Whether the first word after any adverbs is a participle of doing (`set`, `added`).
fn participle(rest: &[&str]) -> bool {
    without_adverbs(rest)
        .first()
        .is_some_and(|word| IRREGULAR_PARTICIPLES.contains(word) || past_in_ed(word))
}

fn past_of_doing(word: &str) -> bool {
    past_in_ed(word) || IRREGULAR_PASTS.contains(&word)
}

fn past_in_ed(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ed")
        && !word.ends_with("eed")
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !NOT_WORK.contains(&word)
}

/// The commitments `text` makes (see [`commitments_in`]) from the sentence that makes the
/// first: what an update says before it is the update's news, not the work's.
#[must_use]
pub fn commitments_from_the_first(text: &str) -> Vec<(String, Commitment)> {
    let spans = sentence_spans(text);
    let first = spans
        .iter()
        .position(|span| commitment(span.trim()).is_some())
        .unwrap_or(spans.len());
    commitments_in(&spans[first..].join(" "))
}

/// `text`, a paragraph, cut into one piece per commitment it makes, each with its status:
/// the sentences before the first commitment and those after one that make none go with
/// it. A commitment that points back (`This task will be re-prioritised`) or speaks of what
/// the one before named (`We will adjust our backup procedures … We will investigate
/// triggering a backup before upgrades`) says more of it.
#[must_use]
pub fn commitments_in(text: &str) -> Vec<(String, Commitment)> {
    let mut pieces: Vec<(String, Commitment, String)> = Vec::new();
    let mut before_first = String::new();
    // Pieces the writers numbered (`1) … 2) …`) are apart however alike they read.
    let spans: Vec<(String, bool)> = sentence_spans(text)
        .into_iter()
        .flat_map(
            |sentence| match super::inline_numbers::enumerated_inline(sentence) {
                Some(numbered) => numbered.into_iter().map(|piece| (piece, true)).collect(),
                None => clauses_of_work(sentence)
                    .into_iter()
                    .map(|clause| (clause.to_owned(), false))
                    .collect::<Vec<_>>(),
            },
        )
        .collect();
    for (span, numbered) in &spans {
        let span = span.trim();
        // `Pooja has also enabled 2FA.` after the work named: more of it, done, by whoever
        // did it.
        let said = commitment(span).or_else(|| {
            (!pieces.is_empty() && adds_more_work(span) && perfect_of_doing(&padded(span)))
                .then_some(Commitment::Done)
        });
        match (said, pieces.last_mut()) {
            (Some(said), Some((piece, status, opening)))
                if !numbered
                    && (points_back(span)
                        || shares_a_topic(span, opening) && !adds_more_work(span)) =>
            {
                piece.push(' ');
                piece.push_str(span);
                if said == Commitment::ToCome {
                    *status = Commitment::ToCome;
                }
            }
            (Some(said), _) => {
                let mut piece = std::mem::take(&mut before_first);
                if !piece.is_empty() {
                    piece.push(' ');
                }
                piece.push_str(span);
                pieces.push((piece, said, span.to_owned()));
            }
            (None, Some((piece, _, _))) => {
                piece.push(' ');
                piece.push_str(span);
            }
            // `An additional wave hit our servers at 16:45 UTC.`: the story, told with its
            // time, is no reason for the work after it.
            (None, None) if super::told_times::tells_a_time(span) => before_first.clear(),
            (None, None) => {
                if !before_first.is_empty() {
                    before_first.push(' ');
                }
                before_first.push_str(span);
            }
        }
    }
    pieces
        .into_iter()
        .map(|(piece, status, _)| (piece, status))
        .collect()
}

/// A sentence cut where it names more than one piece of work: after a colon that
/// introduces what commits (`We're taking several steps: we're migrating …`), and before
/// each `, and we …` or `; we …` clause that commits on its own (`we're migrating to an
/// autoscaling database, and we're implementing an alarm review`).
fn clauses_of_work(sentence: &str) -> Vec<&str> {
    let sentence = match sentence.split_once(": ") {
        Some((introduction, work))
            if commitment(introduction).is_some() && commitment(work).is_some() =>
        {
            work
        }
        _ => sentence,
    };
    let lower = sentence.to_ascii_lowercase();
    // Where each joint is, and where the clause after it starts: at its subject.
    let mut joints: Vec<(usize, usize)> = [", and we", ", and i ", "; we", "; i "]
        .iter()
        .flat_map(|joint| {
            let subject = joint.find(['w', 'i']).unwrap_or(joint.len());
            lower
                .match_indices(joint)
                .map(move |(at, _)| (at, at + subject))
        })
        .collect();
    joints.sort_unstable();
    let mut clauses = Vec::new();
    let mut start = 0;
    for (at, next) in joints {
        let (before, after) = (&sentence[start..at.max(start)], &sentence[next..]);
        if at > start && commitment(before).is_some() && commitment(after).is_some() {
            clauses.push(before);
            start = next;
        }
    }
    clauses.push(&sentence[start..]);
    clauses
}

/// Whether a sentence opens by pointing at what the one before named (`This task will be
/// re-prioritised`, `It will also …`).
fn points_back(sentence: &str) -> bool {
    let first = sentence
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    matches!(
        first.as_str(),
        "this" | "that" | "these" | "those" | "it" | "they" | "which" | "such"
    )
}

/// Whether two sentences name the same thing: a word of six letters or more, not one of
/// the words any sentence about an incident holds, in both.
fn shares_a_topic(sentence: &str, other: &str) -> bool {
    const COMMON: [&str; 26] = [
        "incident",
        "incidents",
        "failure",
        "failures",
        "outage",
        "outages",
        "service",
        "services",
        "system",
        "systems",
        "customer",
        "customers",
        "future",
        "similar",
        "problem",
        "problems",
        "issues",
        "should",
        "possible",
        "possibility",
        "because",
        "prevent",
        "investigate",
        "ensure",
        "happen",
        "better",
    ];
    let topics = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric() && c != '-')
            .map(str::to_lowercase)
            .filter(|word| word.chars().count() >= 6 && !COMMON.contains(&word.as_str()))
            .map(|word| word.trim_end_matches('s').to_owned())
            .collect()
    };
    let theirs = topics(other);
    topics(sentence).iter().any(|word| theirs.contains(word))
}

impl Importer<'_> {
    /// The commitments the closing sections make in prose, as action items (read only when
    /// the file names no work in a list of its own).
    pub(super) fn work_told_in_closing(&mut self, blocks: &[Block]) {
        let in_sections = self.placed_starts(|place| {
            place.starts_with("section ") || place.starts_with("custom section ")
        });
        // A post with no headings but its title (a status notice, a short blog post), or
        // none that closes the story, is story and close at once: what it commits to
        // anywhere is its work to come (`To fix this, we'll shard the directory` under
        // `Too many directory entries`), and what it reports done, in its last paragraph,
        // its work done since. (Done earlier in such a post is how the incident was
        // handled.)
        let open_ended = !blocks.iter().any(|block| {
            matches!(&block.kind, BlockKind::Heading(_, text) if headings::closes_the_story(text))
        });
        let last_paragraph = blocks
            .iter()
            .rev()
            .find(|block| {
                matches!(block.kind, BlockKind::Paragraph(_))
                    && in_sections.binary_search(&block.lines.0).is_ok()
            })
            .map(|block| block.lines);
        // A list already read as lessons' work is not read again.
        let lessons = format!(
            "section {}",
            crate::model::Section::LessonsLearned.heading()
        );
        let in_lessons = self.placed_starts(|place| place == lessons);
        // The headings in force, by level, and whether the paragraph just above is a label
        // that closes the story (`Conclusions:`).
        let mut headings: Vec<(u8, &str)> = Vec::new();
        let mut closing_label = false;
        for block in blocks {
            let label_above = std::mem::take(&mut closing_label);
            match &block.kind {
                BlockKind::Heading(level, text) => {
                    headings.retain(|(above, _)| above < level);
                    headings.push((*level, text));
                }
                // `Conclusions:` over `- Services should be designed to restart gracefully`:
                // what the close's list says must be done is work to come.
                BlockKind::List(items)
                    if super::finish::holds_a_start(block.lines, &in_sections)
                        && !super::finish::holds_a_start(block.lines, &in_lessons)
                        && (label_above
                            || headings
                                .iter()
                                .any(|(_, heading)| headings::closes_the_story(heading))) =>
                {
                    for item in items {
                        if super::work_sentences::prescribes_work(&item.text)
                            && !super::work_sentences::turns_it_down(&item.text)
                        {
                            self.add_found_action(
                                &item.text,
                                false,
                                item.lines,
                                "from the closing list",
                            );
                        }
                    }
                }
                BlockKind::Paragraph(lines)
                    if lines.len() == 1
                        && lines[0].1.trim_end().ends_with(':')
                        && headings::closes_the_story(lines[0].1.trim_end_matches(':')) =>
                {
                    closing_label = true;
                }
                BlockKind::Paragraph(lines)
                    if in_sections.binary_search(&block.lines.0).is_ok() =>
                {
                    let closing = headings
                        .iter()
                        .any(|(_, heading)| headings::closes_the_story(heading));
                    if !closing && !open_ended {
                        continue;
                    }
                    let text = lines
                        .iter()
                        .map(|(_, line)| line.as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    let last = last_paragraph == Some(block.lines);
                    for (piece, status) in commitments_in(&text) {
                        let done = status == Commitment::Done;
                        if closing || !done || last || against_recurrence(&piece) {
                            let from = if closing {
                                "from the closing prose"
                            } else {
                                "from a commitment in the prose"
                            };
                            self.add_found_action(&piece, done, block.lines, from);
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActionStatus;
    use chrono::NaiveDate;

    #[test]
    fn the_writers_name_work_on_their_own_list() {
        for sentence in [
            "Rest assured, the boldfaced item at the top of my to-do list is to put a new \
             backup system in place.",
            "Our first priority is to restore the archive.",
        ] {
            assert_eq!(commitment(sentence), Some(Commitment::ToCome), "{sentence}");
        }
        assert_eq!(commitment("The priority is to stay calm."), None);
    }

    #[test]
    fn an_intent_told_in_the_past_or_a_courtesy_is_no_work() {
        for sentence in [
            "We would like to reassure you the site is perfectly safe.",
            "We would like to apologise for the disruption.",
            "This round was more complex as we needed to restore the profiles that still had issues.",
            "Although it appears to be resolved now, I wanted to address the outage that we had today.",
        ] {
            assert_eq!(commitment(sentence), None, "{sentence}");
        }
        for sentence in [
            "We need to restore the profiles from a second backup.",
            "We intend to move the DNS to a second provider.",
            "We would like to move the DNS to a second provider.",
        ] {
            assert_eq!(commitment(sentence), Some(Commitment::ToCome), "{sentence}");
        }
    }

    #[test]
    fn a_change_made_against_a_recurrence_is_work_done() {
        for sentence in [
            "To prevent this type of incident occurring again, our network team has applied \
             more stringent access lists.",
            "The process was updated to cover this eventuality.",
            "We have immediately updated our documentation to prevent this from happening \
             going forward.",
            "Furthermore, we have added alert notifications during deploys which will improve \
             our time to alert in the future.",
        ] {
            assert!(against_recurrence(sentence), "{sentence}");
        }
        for sentence in [
            "The server was restarted and future requests succeeded.",
            "To prevent data loss, the disks are mirrored.",
            "We have seen this error before and may see it again.",
        ] {
            assert!(!against_recurrence(sentence), "{sentence}");
        }
    }

    #[test]
    fn a_promise_of_news_is_no_work_and_work_besides_is_an_item_of_its_own() {
        for notice in [
            "This post will be updated as we investigate further.",
            "We will update further when we receive an ETR.",
            "We'll keep you posted.",
        ] {
            assert_eq!(commitment(notice), None, "{notice}");
        }
        for work in [
            "We will update the runbook for failovers.",
            "The runbook will be updated to cover failovers.",
            "A review of the checklists will also be completed.",
        ] {
            assert_eq!(commitment(work), Some(Commitment::ToCome), "{work}");
        }
        let pieces = commitments_in(
            "A review of all services will be completed due to this outage. A review of the \
             maintenance window checklists will also be completed.",
        );
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        // Work done by someone the writers name, after their own, is more of it.
        let pieces = commitments_in(
            "We have added bots to aid with security. Pooja has also enabled 2FA. The \
             server has also grown since.",
        );
        assert_eq!(
            pieces,
            [
                (
                    "We have added bots to aid with security.".to_owned(),
                    Commitment::Done
                ),
                (
                    "Pooja has also enabled 2FA. The server has also grown since.".to_owned(),
                    Commitment::Done
                ),
            ]
        );
    }

    #[test]
    fn a_status_notice_commits_to_nothing() {
        for sentence in [
            "We are continuing to closely monitor our systems to confirm their ongoing stability.",
            "We are currently investigating an issue with customer receipts.",
            "A post-mortem of this incident will be posted shortly after a thorough investigation.",
            "We will provide a postmortem after we gather all information.",
            "More information will be provided shortly.",
        ] {
            assert_eq!(commitment(sentence), None, "{sentence}");
        }
        assert_eq!(
            commitment("We will add monitoring of the queue's depth."),
            Some(Commitment::ToCome)
        );
    }

    #[test]
    fn each_clause_of_work_in_a_sentence_is_a_piece() {
        let text = "We're taking several steps to ensure this is impossible in the future: \
                    We're migrating to an autoscaling database, and we're implementing a full \
                    alarm review.";
        let pieces: Vec<String> = commitments_in(text)
            .into_iter()
            .map(|(piece, _)| piece)
            .collect();
        assert_eq!(
            pieces,
            [
                "We're migrating to an autoscaling database",
                "we're implementing a full alarm review."
            ]
        );
    }

    #[test]
    fn the_writers_commit_to_work_to_come_in_many_ways() {
        for sentence in [
            "We will adjust our backup procedures before upgrades.",
            "In the future we intend to be much more transparent about downtimes.",
            "In the future we are looking to create a better error page.",
            "In the future I want to be much more explicit.",
            "I will speak about this in future posts.",
            "In the future, I might redeploy Prometheus.",
            "We'll shard the Specs directory.",
            "We're going to add a canary.",
            "We are now considering OS-level alerts.",
            "This task will be re-prioritised following this incident.",
            "Next quarter we would like to move the database.",
        ] {
            assert_eq!(commitment(sentence), Some(Commitment::ToCome), "{sentence}");
        }
    }

    #[test]
    fn the_writers_report_work_done_since_in_the_perfect_or_opening_with_the_past() {
        for sentence in [
            "As a result of this incident we have set up a public status page.",
            "As a direct result of this incident, I\u{2019}ve bumped the droplet's RAM.",
            "I also installed the UptimeRobot app and enabled push notifications.",
            "We upgraded wal-g on all servers.",
        ] {
            assert_eq!(commitment(sentence), Some(Commitment::Done), "{sentence}");
        }
    }

    #[test]
    fn a_vendor_a_condition_a_lesson_or_a_story_commits_the_writers_to_nothing() {
        for sentence in [
            "Cloudflare has assured us that they will implement changes in their systems.",
            "We are know aware that if we proceed with such a rollback, we will require help.",
            "I have learned a great deal through this process.",
            "Instead of taking a step back, I forged ahead into the unknown.",
            "We only had to polyfill the fetch event.",
            "We were able to migrate in under 20 minutes.",
            "We should have caught this earlier.",
            "We will continue to monitor the service.",
            "We're looking forward to the next release.",
            "Will we ever know?",
            "That way, I can capacity plan proactively.",
            "The site will be back up soon.",
            "We would like to thank @mhagger for helping diagnose the issues.",
            "In addition we would like to thank the team for their hard work on implementing these solutions.",
            "We are waiting to see if this was the end of it.",
            "We are still seeing some errors in one region.",
        ] {
            assert_eq!(commitment(sentence), None, "{sentence}");
        }
        assert_eq!(
            commitment("I'm waiting for follow-up on the cause from our provider."),
            Some(Commitment::ToCome)
        );
        assert_eq!(
            commitment("We are actively working with our provider to adapt the filters."),
            Some(Commitment::ToCome)
        );
    }

    #[test]
    fn a_sentence_of_the_story_told_with_its_time_is_no_reason_for_the_work_after_it() {
        assert_eq!(
            commitments_in(
                "Another wave hit at 16:45 UTC on the 12th. Filters were adjusted. We plan on \
                 compensating players for the lost time."
            ),
            [(
                "Filters were adjusted. We plan on compensating players for the lost time."
                    .to_owned(),
                Commitment::ToCome
            )]
        );
    }

    #[test]
    fn work_put_in_place_against_a_recurrence_and_work_under_way() {
        assert_eq!(
            commitment(
                "To ensure that the response time is faster in case something like this \
                 happens again, @DouweM now has an emergency mail address he can use."
            ),
            Some(Commitment::Done)
        );
        assert_eq!(
            commitment(
                "It's still being investigated how the bug could pass the test suite without \
                 being noticed."
            ),
            Some(Commitment::ToCome)
        );
        // A purpose with nothing against a recurrence is no work.
        assert_eq!(
            commitment("To ensure a fair comparison, the graphs use the same scale."),
            None
        );
    }

    #[test]
    fn a_paragraph_is_a_piece_per_commitment_with_its_reasons_and_what_says_more_of_it() {
        let pieces = commitments_in(
            "Regardless of how it happened, the server needs more memory. As a direct \
             result, I've bumped the RAM to 1GB. I also installed an uptime monitor. In the \
             future, I might redeploy Prometheus. That way, I can plan capacity.",
        );
        assert_eq!(
            pieces,
            [
                (
                    "Regardless of how it happened, the server needs more memory. As a direct \
                     result, I've bumped the RAM to 1GB."
                        .to_owned(),
                    Commitment::Done
                ),
                (
                    "I also installed an uptime monitor.".to_owned(),
                    Commitment::Done
                ),
                (
                    "In the future, I might redeploy Prometheus. That way, I can plan capacity."
                        .to_owned(),
                    Commitment::ToCome
                ),
            ]
        );
        let same_work = commitments_in(
            "We will adjust our backup procedures before upgrades. Today we rely on daily \
             backups. We will investigate triggering a backup right before database changes.",
        );
        assert_eq!(same_work.len(), 1);
        let pointing_back = commitments_in(
            "We have planned for some time that we will have a test server. This task will \
             be re-prioritised.",
        );
        assert_eq!(pointing_back.len(), 1);
        assert_eq!(pointing_back[0].1, Commitment::ToCome);
        // A word any account of an outage holds (`failure`) is no shared topic: two pieces
        // of work, the sentence that says when going with the second.
        let two_works = commitments_in(
            "In light of this failure, we plan to implement a more distributed storage \
             design. We will further add additional power circuits, which will help to avoid \
             single points of failure. This will be implemented in full before the end of 2021.",
        );
        assert_eq!(two_works.len(), 2, "{two_works:?}");
        assert!(two_works[1].0.ends_with("before the end of 2021."));
    }

    #[test]
    fn work_against_a_recurrence_is_read_in_other_languages() {
        assert_eq!(
            commitment(
                "Nous avons depuis ajusté nos procédures internes afin d\u{2019}éviter \
                 qu\u{2019}une telle situation ne se reproduise."
            ),
            Some(Commitment::Done)
        );
        assert_eq!(
            commitment("Wir werden die Überwachung erweitern, um das künftig zu vermeiden."),
            Some(Commitment::ToCome)
        );
        assert_eq!(
            commitment("Vamos a añadir alertas para evitar que vuelva a ocurrir."),
            Some(Commitment::ToCome)
        );
        // The story and a notice look at no recurrence.
        assert_eq!(commitment("Nous avons redémarré le serveur à 18h20."), None);
        assert_eq!(
            commitment("Wir haben den Dienst um 14 Uhr wieder erreichbar gemacht."),
            None
        );
        assert_eq!(commitment("Nous allons vous tenir informés."), None);
        assert_eq!(
            commitment("We are experiencing widespread email access issues."),
            None
        );
    }

    #[test]
    fn pieces_the_writers_numbered_inline_are_apart_however_alike() {
        let numbered = commitments_in(
            "We learned two lessons: 1) we are going to change the code to stop rogue \
             requests and 2) we are going to partition requests by client.",
        );
        assert_eq!(
            numbered,
            [
                (
                    "we are going to change the code to stop rogue requests".to_owned(),
                    Commitment::ToCome
                ),
                (
                    "we are going to partition requests by client.".to_owned(),
                    Commitment::ToCome
                ),
            ]
        );
    }

    #[test]
    fn closing_and_forward_looking_headings_are_told_apart_from_the_story() {
        for heading in [
            "Resolution",
            "Resolutions",
            "Conclusion",
            "6. Lessons Learned",
            "Key takeaways",
            "Moving forward",
            "What's next?",
            "Next time",
            "The way forward",
            "Looking ahead",
        ] {
            assert!(headings::closes_the_story(heading), "{heading}");
        }
        for heading in [
            "What happened",
            "Timeline",
            "The next morning",
            "Root cause",
        ] {
            assert!(!headings::closes_the_story(heading), "{heading}");
        }
    }

    #[test]
    fn a_file_with_no_list_of_work_takes_its_items_from_the_closing_prose_only() {
        let text = "# Outage\n\n## What happened\n\nWe restarted the database. We will tell \
                    this story again.\n\n## Resolution\n\nWe will add a test server where \
                    upgrades are tried first. This task will be re-prioritised.\n\nAs a result \
                    of this incident we have set up a public status page.\n\nCloudflare says \
                    they will implement changes.\n";
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let imported = super::super::import_markdown(text, today);
        let items = &imported.doc.action_items;
        assert_eq!(items.len(), 2, "{items:?}");
        assert!(items[0].action.starts_with("We will add a test server"));
        assert!(
            items[0]
                .action
                .ends_with("This task will be re-prioritised.")
        );
        assert_eq!(items[0].status, ActionStatus::Open);
        assert!(items[1].action.contains("public status page"));
        assert_eq!(items[1].status, ActionStatus::Done);
        assert!(
            imported
                .doc
                .narrative
                .resolution
                .contains("public status page"),
            "the paragraph stays in its section as written"
        );

        let with_a_list = format!("{text}\n## Action items\n\n- Rotate the keys\n");
        let imported = super::super::import_markdown(&with_a_list, today);
        assert_eq!(imported.doc.action_items.len(), 1);
    }

    #[test]
    fn a_post_with_no_closing_section_commits_anywhere() {
        let text = "# Rate limiting\n\n## Too many fetches\n\nWe fetched on every install. \
                    To fix this, we'll only fetch when a spec is missing.\n\n\
                    ## Thanks\n\nThanks to everyone who helped.\n";
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let imported = super::super::import_markdown(text, today);
        let items: Vec<&str> = imported
            .doc
            .action_items
            .iter()
            .map(|item| item.action.as_str())
            .collect();
        // What the story reports doing (`We fetched on every install`) is no item.
        assert_eq!(
            items,
            ["To fix this, we'll only fetch when a spec is missing."]
        );
        assert!(
            imported
                .report
                .iter()
                .any(|placement| placement.place.contains("from a commitment in the prose"))
        );
        // Under a closing section, only that section's prose is read.
        let closed = format!("{text}\n## Conclusion\n\nWe will add a cache.\n");
        let imported = super::super::import_markdown(&closed, today);
        assert_eq!(imported.doc.action_items.len(), 1);
        assert_eq!(imported.doc.action_items[0].action, "We will add a cache.");
    }

    #[test]
    fn a_post_without_headings_commits_anywhere_and_reports_work_done_at_its_end() {
        let text = "# Koji database issues

The database server became unresponsive. We \
                    have rebooted it. We will watch its load closely.\n\n\
                    We have blocked the address the queries came from.\n";
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let items = super::super::import_markdown(text, today).doc.action_items;
        let read: Vec<(&str, ActionStatus)> = items
            .iter()
            .map(|item| (item.action.as_str(), item.status))
            .collect();
        // The reboot, done while the incident went on, is no item.
        assert_eq!(
            read,
            [
                ("We will watch its load closely.", ActionStatus::Open),
                (
                    "We have blocked the address the queries came from.",
                    ActionStatus::Done
                ),
            ]
        );
    }
}
