//! Where a piece of work stands, as its words say: done (`Migrated the node`, `has been
//! disabled`, `(fixed by adding a monitor)`, `✅ Queries updated`), begun (`Started
//! mapping …`), or still to come (`(tracked in OPS-4)`). Read from the grammar that
//! [`super::work_sentences`] finds in sentences, and from the marks people put before or
//! after an item.

use super::work_sentences::{
    BEGINNINGS, done_mark, first_person_progressive, first_word_of_several, intends, negated,
    opens_in_the_past, past_passive, perfect, sentences, writers_did,
};

/// Whether `text`, an action's words, says the work is done: a perfect or a past passive
/// (`has been disabled`, `We have removed`, `was implemented`), `is now` (`Blocks are now
/// always prioritized`), `(done)`, or an item that opens with what was done in the past
/// tense (`Migrated the node to a larger server`, `We restarted the proxy`), with nothing saying part of it is still
/// to come.
#[must_use]
pub fn reads_done(text: &str) -> bool {
    let sentences = sentences(text);
    // `Made a plan to add load shedding`: a plan as a thing made is no intent.
    let to_come = sentences.iter().any(|sentence| {
        intends(&sentence.replace(" a plan to ", " ")) || first_person_progressive(sentence)
    });
    !to_come
        && (opens_in_the_past(text)
            || writers_did(text)
            || sentences.iter().any(|sentence| {
                !negated(sentence)
                    && (perfect(sentence)
                        || past_passive(sentence)
                        || sentence.contains(" is now ")
                        || sentence.contains(" are now ")
                        || done_mark(sentence))
            }))
}

/// Whether an item says its work has begun and is not finished: it opens with `Started`
/// or `Began` (`Started mapping out a path to …`).
#[must_use]
pub fn reads_begun(text: &str) -> bool {
    first_word_of_several(text).is_some_and(|first| BEGINNINGS.contains(&first.as_str()))
}

/// The first word of a bracketed status that says the work is done.
const DONE_WORDS: [&str; 14] = [
    "done",
    "fixed",
    "added",
    "completed",
    "complete",
    "resolved",
    "merged",
    "landed",
    "shipped",
    "implemented",
    "deployed",
    "removed",
    "updated",
    "finished",
];

/// The first word of a bracketed status that says the work is still to come.
const TO_COME_WORDS: [&str; 7] = [
    "filed", "tracked", "todo", "planned", "open", "pending", "wip",
];

/// Verbs that, opening a piece of work with no subject, weigh a plan (`Considering: OS-level
/// alerts`, `Investigating a second provider`, `Also, considering migrating …`).
pub(super) const PLANS_WEIGHED: [&str; 5] = [
    "considering",
    "exploring",
    "evaluating",
    "investigating",
    "discussing",
];

/// Words other than a plan weighed that, opening an item, say its work is still to come
/// (`Proposed: …`, `Next: …`).
const OPENS_TO_COME: [&str; 3] = ["proposed", "next", "future"];

/// Whether an item opens by saying its work is still to come (`Considering: OS-level
/// alerts`, `TODO: rotate the keys`), as an item under a heading of work done may.
#[must_use]
pub fn opens_to_come(text: &str) -> bool {
    let Some(first) = text.split_whitespace().next() else {
        return false;
    };
    let first = first
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    PLANS_WEIGHED.contains(&first.as_str())
        || OPENS_TO_COME.contains(&first.as_str())
        || TO_COME_WORDS.contains(&first.as_str())
}

/// The status an author wrote after a piece of work, in brackets at its end: `(fixed by
/// adding a monitor)`, `(added an @emergency role)`, `(done)` say it is done; `(filed
/// https://…/issues/1)`, `(tracked in OPS-4)`, `(in progress)` that it is not yet. Or a
/// status word in capitals closing it, as a status page's list marks its items
/// (`Address the defect in the build pipeline. RESOLVED`, `… - DONE`).
#[must_use]
pub fn status_trailer(text: &str) -> Option<bool> {
    let text = text.trim().trim_end_matches('.').trim_end();
    if let Some(status) = closing_status_word(text) {
        return Some(status);
    }
    let inside = text.strip_suffix(')')?;
    let open = inside.rfind('(')?;
    leading_status(&inside[open + 1..])
}

/// The status a word in capitals at the end of `text` gives (`RESOLVED`, `DONE`, `OPEN`),
/// set apart from the words before it by a full stop, a dash or a colon.
fn closing_status_word(text: &str) -> Option<bool> {
    let (before, word) = text.rsplit_once(char::is_whitespace)?;
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let shouted = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
    let set_apart = before
        .trim_end()
        .ends_with(['.', '-', '\u{2013}', '\u{2014}', ':', '!']);
    if !(shouted && set_apart) {
        return None;
    }
    leading_status(word)
}

/// The status a state opens with, where it says more than its word: a status column's
/// `Implemented in v1.3.65. The updater parses …` or `Open. No signal was found`, a
/// trailer's `fixed by adding a monitor`. `Some(true)` done, `Some(false)` still to come.
#[must_use]
pub fn leading_status(state: &str) -> Option<bool> {
    let first = state
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .find(|word| !word.is_empty())?
        .to_lowercase();
    if DONE_WORDS.contains(&first.as_str()) {
        Some(true)
    } else if TO_COME_WORDS.contains(&first.as_str())
        || (first == "in" && state.contains("progress"))
    {
        Some(false)
    } else {
        None
    }
}

/// The status a mark before a piece of work gives it, as lists written without task-list
/// boxes mark them: `✅ Queries updated` is done, `⬜ Add a monitor` is not yet.
#[must_use]
pub fn check_mark(text: &str) -> Option<bool> {
    let first = text.trim_start().chars().next()?;
    match first {
        '\u{2705}' | '\u{2714}' | '\u{2611}' | '\u{2713}' => Some(true),
        '\u{2610}' | '\u{2b1c}' | '\u{1f532}' => Some(false),
        _ => None,
    }
}

/// The text after a task box marked as begun, `[~] Audit the log rotation` (also `[-]`
/// and `[/]`): a third state that people add to Markdown's task lists, which know only
/// `[ ]` and `[x]`.
#[must_use]
pub fn after_begun_box(text: &str) -> Option<&str> {
    let text = text.trim_start();
    ["[~]", "[-]", "[/]"]
        .iter()
        .find_map(|mark| text.strip_prefix(mark))
        .filter(|rest| rest.starts_with(char::is_whitespace))
        .map(str::trim_start)
}

/// `text` without the check mark [`check_mark`] read before it: the status column holds it.
#[must_use]
pub fn without_check_mark(text: &str) -> &str {
    if check_mark(text).is_none() {
        return text;
    }
    let mut chars = text.trim_start().chars();
    chars.next();
    // The variation selector that asks for the emoji form (`✔️`) goes with the mark.
    chars.as_str().trim_start_matches('\u{fe0f}').trim_start()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_in_brackets_at_the_end_says_where_the_work_stands() {
        for (text, status) in [
            (
                "Alert more people. (filed https://example.com/issues/9)",
                Some(false),
            ),
            (
                "The monitor checks the wrong host. (fixed by adding a second monitor)",
                Some(true),
            ),
            ("We need a pager rota (added an @oncall role).", Some(true)),
            ("Rotate the keys (in progress)", Some(false)),
            ("Rotate the keys (Done)", Some(true)),
            // Brackets that say something else, or none at the end.
            ("Rotate the keys (all of them)", None),
            ("Rotate the keys (done) for every host", None),
            // A status word in capitals closing the item.
            (
                "Address defect in build pipeline allowing releases to be stuck. RESOLVED",
                Some(true),
            ),
            ("Rotate the keys - DONE", Some(true)),
            ("Rotate the keys: OPEN", Some(false)),
            ("Rotate the keys for the API", None),
            ("Move the data to AWS", None),
        ] {
            assert_eq!(status_trailer(text), status, "{text}");
        }
    }

    #[test]
    fn a_check_mark_before_the_work_says_where_it_stands() {
        assert_eq!(
            check_mark("\u{2705} All affected queries updated"),
            Some(true)
        );
        assert_eq!(
            check_mark("\u{2714}\u{fe0f} Data access corrected"),
            Some(true)
        );
        assert_eq!(check_mark("\u{2b1c} Add schema validation"), Some(false));
        assert_eq!(check_mark("Add schema validation \u{2705}"), None);
        assert_eq!(
            without_check_mark("\u{2714}\u{fe0f} Data access corrected"),
            "Data access corrected"
        );
        assert_eq!(without_check_mark("Add a monitor"), "Add a monitor");
    }

    #[test]
    fn done_is_read_from_perfects_and_passives_unless_something_is_still_to_come() {
        assert!(reads_done(
            "The automerge action has been disabled and removed."
        ));
        assert!(reads_done(
            "We have removed the ability for bots to commit."
        ));
        assert!(reads_done("A transaction queue was implemented."));
        assert!(reads_done(
            "Blocks are now always prioritized over transactions."
        ));
        assert!(reads_done("Enable 2FA for all maintainers (done)"));
        assert!(!reads_done(
            "All pull requests will require a manual review."
        ));
        assert!(!reads_done(
            "We are improving documentation to help onboard maintainers."
        ));
        assert!(!reads_done("Add alerting on config load failures."));
        assert!(!reads_done(
            "Patch was reviewed; rollout will follow next week."
        ));
        assert!(!reads_done(
            "Nothing was done about the flaky test yet, not completed."
        ));
        // What could have been done was not.
        assert!(!reads_done(
            "We could have done a better job communicating with customers."
        ));
        assert!(!reads_done("Paging should have been automated."));
        // An item that opens in the past tense reports work done; a description does not.
        assert!(reads_done("Migrated the Asia node to a larger server."));
        assert!(reads_done("Re-enabled alerting on the public relays"));
        assert!(!reads_done("Automated failover for the primary database"));
        assert!(!reads_done("Improved alerting on disk usage"));
        assert!(!reads_done("Need a runbook for restores"));
        assert!(!reads_done("Migrated"));
    }

    #[test]
    fn an_item_opened_by_an_irregular_past_is_done_and_one_started_is_under_way() {
        assert!(reads_done("Made a plan to implement load shedding"));
        assert!(reads_done(
            "Wrote a load simulation test and profiled the relays"
        ));
        assert!(!reads_done(
            "Started mapping out a path to update relay maps"
        ));
        assert!(reads_begun(
            "Started mapping out a path to update relay maps"
        ));
        assert!(!reads_begun("Migrated the node"));
    }

    #[test]
    fn work_its_writers_say_they_did_is_done_and_what_they_thought_is_not() {
        assert!(reads_done("We restarted the proxy."));
        assert!(reads_done("I then rebuilt the search index"));
        assert!(reads_done("We also added an alert on the queue"));
        assert!(!reads_done("We decided to move the database"));
        assert!(!reads_done("We needed a second check"));
        assert!(!reads_done("We started moving the workers"));
        assert!(!reads_done("We need to add an alert"));
    }
}
