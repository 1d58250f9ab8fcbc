//! Sentences that introduce a list by what it holds: work to do or in hand (`We will make the
//! following changes:`, `The M-Lab team is doing development to work around the bug in
//! several ways:`), tickets that track it, fixes already made, or reasons and causes, which
//! are no work.

use super::work_sentences::{
    IRREGULAR_PARTICIPLES, first_person_progressive, intends, padded, past_passive, perfect,
    third_person_work,
};

/// Words that, beside a verb of doing, name the fixes themselves.
const WORK_NOUNS: [&str; 9] = [
    "fix",
    "change",
    "improvement",
    "optimization",
    "optimisation",
    "mitigation",
    "measure",
    "remediation",
    "patch",
];

/// Whether a line that ends with a colon introduces the reasons or causes of what it tells,
/// not work (`We decided to take action on this behavior because:`, `This matters for two
/// reasons:`, `Two layered causes:`, `Contributing factors:`).
#[must_use]
pub fn introduces_reasons(line: &str) -> bool {
    let words = padded(line.trim_end().trim_end_matches(':'));
    [
        "because", "since", "why", "reasons", "reason", "causes", "cause", "factors",
    ]
    .iter()
    .any(|word| words.ends_with(&format!(" {word} ")))
}

/// Whether `sentence` names the tickets that track work still to do (`We have created
/// tickets to track the work needed to fill those gaps`, `We opened the following issues
/// to follow up`): when it ends in a colon above a list, the list is action items.
#[must_use]
pub fn introduces_tracked_work(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let names_tickets = ["ticket", "issue", "bug"]
        .iter()
        .any(|noun| lower.contains(noun));
    let to_track = [
        " to track",
        " to follow up",
        " tracking the",
        " to follow-up",
    ]
    .iter()
    .any(|purpose| lower.contains(purpose));
    names_tickets && to_track
}

/// What a sentence that introduces work names it by: its ways, steps or changes, or what
/// the work does to the problem.
const WORK_INTRODUCED: [&str; 14] = [
    " ways",
    " solutions",
    " steps",
    " changes",
    " measures",
    " actions",
    " fix",
    " improv",
    " mitigat",
    " prevent",
    " work around",
    " address",
    " development",
    " remed",
];

/// Whether `sentence` (lowercased and padded), written above a list and ending with a
/// colon, introduces work its writers commit to or have in hand: `The M-Lab team is doing development to work around
/// the bug in several ways:`, `We will make these changes:`. It commits (an intent, work
/// under way, or work told in the third person) and names the work by its ways, steps,
/// changes or what it does to the problem, so that `We will go through the timeline
/// below:` introduces none.
#[must_use]
pub fn introduces_work_in_hand(sentence: &str) -> bool {
    // `One or more of the following mitigations will work:` offers options; an intent
    // counts only with its writers as the subject.
    let writers_intend = intends(sentence)
        && [" we ", " we'll ", " i ", " i'll ", " our team "]
            .iter()
            .any(|subject| sentence.contains(subject));
    // `there are several solutions being put in place`: work under way, in the passive.
    let being_done = sentence.match_indices(" being ").any(|(at, word)| {
        sentence[at + word.len()..]
            .split_whitespace()
            .next()
            .is_some_and(|verb| {
                (verb.len() > 4 && verb.ends_with("ed")) || IRREGULAR_PARTICIPLES.contains(&verb)
            })
    });
    (writers_intend
        || first_person_progressive(sentence)
        || third_person_work(sentence)
        || being_done)
        && WORK_INTRODUCED.iter().any(|words| sentence.contains(words))
        && !introduces_reasons(sentence)
}

/// Whether `sentence` introduces fixes that were made (`This included many optimization
/// fixes, the most important being:`, `Version 2.5.2 included fixes that …`, `We made the
/// following changes:`): it names fixes or changes and says they were made or shipped.
#[must_use]
pub fn introduces_fixes_made(sentence: &str) -> bool {
    let padded = padded(sentence);
    let names_work = padded
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| WORK_NOUNS.iter().any(|noun| word.starts_with(noun)))
        || names_steps_to_prevent_a_repeat(&padded);
    let made = [
        " included ",
        " includes ",
        " contains ",
        " contained ",
        " shipped ",
        " released ",
        " deployed ",
        " applied ",
        " implemented ",
    ]
    .iter()
    .any(|verb| padded.contains(verb))
        || perfect(&padded)
        || past_passive(&padded)
        || padded.contains(" we made ");
    names_work && made && !intends(&padded)
}

/// Whether `padded` names actions or steps and says they keep the incident from happening
/// again (`To make sure that mistakes like this one won't repeat, following action have
/// been taken:`): the follow-up's work, not what was done to end the incident.
pub(super) fn names_steps_to_prevent_a_repeat(padded: &str) -> bool {
    const STEPS: [&str; 4] = [" action", " step", " measure", " safeguard"];
    const PURPOSES: [&str; 8] = [
        " won't repeat",
        " will not repeat",
        " won't happen again",
        " will not happen again",
        " does not happen again",
        " doesn't happen again",
        " to prevent ",
        " from happening again",
    ];
    STEPS.iter().any(|step| padded.contains(step))
        && PURPOSES.iter().any(|purpose| padded.contains(purpose))
}

/// Whether a sentence above a list tells the steps taken to end the incident (`The
/// following steps were taken to restore the service:`): the response, told as it
/// happened. Steps taken to keep it from coming back (`… to prevent a recurrence:`), or
/// with no purpose named (`we took additional proactive hardening steps:`), are the
/// follow-up's work.
#[must_use]
pub fn introduces_steps_of_the_response(sentence: &str) -> bool {
    const ENDING_IT: [&str; 10] = [
        " restor",
        " recover",
        " resolv",
        " mitigat",
        " contain",
        " stop the ",
        " end the ",
        " bring ",
        " during the ",
        " respon",
    ];
    const LOOKING_AHEAD: [&str; 7] = [
        " prevent",
        " avoid",
        " future",
        " recurr",
        " again",
        " going forward",
        " long term",
    ];
    let padded = padded(&sentence.to_lowercase());
    super::headings::names_steps_taken(sentence)
        && ENDING_IT.iter().any(|words| padded.contains(words))
        && !LOOKING_AHEAD.iter().any(|words| padded.contains(words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_that_commits_to_work_in_several_ways_introduces_it() {
        for sentence in [
            "The M-Lab team is doing development to work around the bug in several ways:",
            "We will make the following changes:",
            "We are taking steps to prevent this:",
        ] {
            assert!(
                introduces_work_in_hand(&padded(&sentence.to_lowercase())),
                "{sentence}"
            );
        }
        for sentence in [
            "We will go through the timeline below:",
            "The errors had several causes:",
            "We made the following changes during the incident because:",
            "One or more of the following mitigations will work:",
        ] {
            assert!(
                !introduces_work_in_hand(&padded(&sentence.to_lowercase())),
                "{sentence}"
            );
        }
    }

    #[test]
    fn a_line_that_gives_reasons_introduces_no_work() {
        assert!(introduces_reasons(
            "We decided to take action on this behavior because:"
        ));
        assert!(introduces_reasons("This matters for two reasons:"));
        assert!(introduces_reasons("Two layered causes:"));
        assert!(!introduces_reasons("We will take the following actions:"));
    }

    #[test]
    fn a_sentence_that_introduces_tickets_for_the_work() {
        assert!(introduces_tracked_work(
            "We have created tickets in the build repository to track the work needed:"
        ));
        assert!(introduces_tracked_work(
            "We opened the following issues to follow up:"
        ));
        assert!(!introduces_tracked_work(
            "The issue was tracked down to a bad config:"
        ));
        assert!(!introduces_tracked_work("We created tickets for the team."));
    }

    #[test]
    fn an_introduction_to_fixes_made_names_the_fixes_and_their_making() {
        assert!(introduces_fixes_made(
            "This included many optimization fixes, the most important being:"
        ));
        assert!(introduces_fixes_made(
            "Version 2.5.2 included fixes that invalidated the stuck items."
        ));
        assert!(introduces_fixes_made("We made the following changes:"));
        assert!(introduces_fixes_made(
            "To make sure that mistakes like this one won't repeat, following action have been taken:"
        ));
        assert!(introduces_fixes_made(
            "The following steps were taken to prevent a recurrence:"
        ));
        // Steps taken to end the incident say nothing of its repeat.
        assert!(!introduces_fixes_made(
            "The following steps were taken to restore the service:"
        ));
        assert!(introduces_fixes_made(
            "The following fixes have been deployed:"
        ));
        assert!(!introduces_fixes_made(
            "The following fixes will be deployed:"
        ));
        assert!(!introduces_fixes_made("The deploy included:"));
        assert!(!introduces_fixes_made("The root causes were:"));
    }
}
