//! What a postmortem's sentences say about work, as English writes it: whether a sentence
//! commits to work or reports work done (so prose under the action items' heading is an
//! item, and a story is not), orders it, or only reports a shortcoming, and whether a
//! sentence introduces the fixes that were made (`This release included the following
//! fixes:`). Where a piece of work stands is read in [`super::work_status`] from the same
//! grammar.
//!
//! These read the grammar of commitment — a modal or an intent (`we will`, `we plan to`,
//! `we are looking into`) or a perfect or passive of the past (`has been disabled`, `we have
//! removed`, `was implemented`) — not any postmortem's wording.

/// Nouns that name follow-up work as a whole (`our action items`, `the next steps`): a
/// sentence with one as its subject speaks of the list, or enumerates it.
pub const FOLLOW_UP_NOUNS: [&str; 9] = [
    "action items",
    "action points",
    "follow-ups",
    "follow ups",
    "followups",
    "follow-up items",
    "remediation items",
    "next steps",
    "corrective actions",
];

/// Words that say work is still to come.
const INTENT: [&str; 19] = [
    " will ",
    "'ll ",
    " shall ",
    " plan to ",
    " plans to ",
    " planning to ",
    " intend to ",
    " intends to ",
    " going to ",
    " looking into ",
    " look into ",
    " working on ",
    " should ",
    " need to ",
    " needs to ",
    " must ",
    " aim to ",
    " in progress",
    " not yet ",
];

/// Phrases that contain an intent word but commit to nothing new: a counterfactual (`It
/// should not have been possible`) or carrying on as before (`we will continue to take
/// security seriously`).
const NO_NEW_WORK: [&str; 5] = [
    " should have ",
    " should not have ",
    " shouldn't have ",
    " will continue ",
    " would ",
];

/// Past participles that do not end in `-ed`.
pub(super) const IRREGULAR_PARTICIPLES: [&str; 14] = [
    "made",
    "taken",
    "built",
    "written",
    "set",
    "put",
    "begun",
    "run",
    "done",
    "rewritten",
    "shut",
    "sent",
    "undone",
    "split",
];

/// Whether `text` commits to work or reports work its writers did: one of its sentences has
/// an intent (`We will add rate limiting`, `We are looking into …`), a first-person perfect
/// (`We have removed …`) or a perfect passive (`… has been disabled`).
#[must_use]
pub fn commits_to_work(text: &str) -> bool {
    sentences(text).iter().any(|sentence| {
        intends(sentence)
            || first_person_progressive(sentence)
            || perfect(sentence)
            || done_mark(sentence)
    })
}

/// Whether `text` says what is to be done: it opens with an order (`Try to book a quiet
/// slot`), says an intent (`We will add …`), or states a duty (`Monitoring after pushes
/// should be standard`, `Snapshots must not be older than 7 days`, `QA is necessary`). A
/// lesson that only reports (`We have learned that …`) says none.
#[must_use]
pub fn prescribes_work(text: &str) -> bool {
    opens_with_an_order(text)
        || sentences(text)
            .iter()
            .any(|sentence| intends(sentence) || DUTIES.iter().any(|duty| sentence.contains(duty)))
}

/// Whether `text` turns an idea down: a question answered with a no (`Have snapshots of
/// the clusters? Not needed as Elastic has been reliable.`, `… ? No, …`, `Decided against
/// it.`). It is no work to do.
#[must_use]
pub fn turns_it_down(text: &str) -> bool {
    const NO: [&str; 9] = [
        " not needed ",
        " not necessary ",
        " not required ",
        " no need ",
        " no ",
        " won't do ",
        " will not do ",
        " decided against ",
        " rejected ",
    ];
    let spans = sentence_spans(text);
    spans.windows(2).any(|pair| {
        let answer = padded(pair[1]);
        pair[0].trim_end().ends_with('?') && NO.iter().any(|no| answer.starts_with(no))
    })
}

/// Whether `text` reports something found missing rather than work: its first sentence
/// says, in the past, what was not there or not done (`` `upgrade` didn't have a test``,
/// `The new setting only had partial coverage`, `The cache had never been tested`), and
/// nothing in it orders, commits to or reports work. A list of such findings under the
/// action items' heading is the diagnosis the actions answer, not actions.
#[must_use]
pub fn reports_a_shortcoming(text: &str) -> bool {
    let Some(first) = sentences(text).into_iter().next() else {
        return false;
    };
    LACKED.iter().any(|lack| first.contains(lack))
        && !opens_with_an_order(text)
        && !opens_in_the_past(text)
        && !prescribes_work(text)
        && !commits_to_work(text)
}

/// A past verb saying what was missing, as padded words hold it.
const LACKED: [&str; 16] = [
    " didn't ",
    " did not ",
    " wasn't ",
    " was not ",
    " weren't ",
    " were not ",
    " hadn't ",
    " had not ",
    " had no ",
    " never had ",
    " had never ",
    " was never ",
    " were never ",
    " only had ",
    " lacked ",
    " was missing ",
];

/// What a sentence says must or should be done, as its padded words hold it.
pub(super) const DUTIES: [&str; 11] = [
    " should ",
    " must ",
    " need to ",
    // `We need an external monitor`: a need of the team's is work for it.
    " we need ",
    " needs to ",
    " have to ",
    " has to ",
    " ought to ",
    " is necessary ",
    " are necessary ",
    " is required ",
];

/// Words that open a sentence but never an order: articles, pronouns, conjunctions,
/// prepositions, and the openers of thanks, appeals and asides.
const NOT_AN_ORDER: [&str; 62] = [
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "it's",
    "we",
    "our",
    "us",
    "they",
    "their",
    "i",
    "my",
    "you",
    "your",
    "he",
    "she",
    "if",
    "while",
    "when",
    "although",
    "though",
    "as",
    "because",
    "since",
    "for",
    "in",
    "on",
    "at",
    "by",
    "with",
    "thanks",
    "thank",
    "please",
    "however",
    "also",
    "so",
    "but",
    "and",
    "or",
    "there",
    "here",
    "what",
    "why",
    "how",
    "regardless",
    "overall",
    "finally",
    // Words that number the steps of a plan (`First, by putting monitoring in place.`).
    "first",
    "firstly",
    "second",
    "secondly",
    "then",
    "next",
    "lastly",
    "additionally",
    "moreover",
    "furthermore",
];

/// Verbs that, second in a sentence, show its first word is a subject (`Prow was …`).
const AUXILIARIES: [&str; 17] = [
    "is", "was", "are", "were", "has", "have", "had", "will", "can", "could", "would", "should",
    "may", "might", "must", "did", "does",
];

/// Whether `text` opens with an order (`Evaluate use of a pull-through cache`, `Add
/// alerting on config load failures`): its first word is no article, pronoun, conjunction
/// or preposition, is not shaped like an adverb or a participle, and is not a subject (the
/// next word is no auxiliary verb).
#[must_use]
pub fn opens_with_an_order(text: &str) -> bool {
    let Some(first) = sentences(text).into_iter().next() else {
        return false;
    };
    let mut words = first.split_whitespace().peekable();
    // An adverb before a prohibition leaves it one: `Probably do not run … in production`.
    if first
        .split_whitespace()
        .next()
        .is_some_and(|word| word.ends_with("ly"))
        && first
            .split_whitespace()
            .nth(1)
            .is_some_and(|word| matches!(word, "do" | "don't" | "never"))
    {
        words.next();
    }
    let Some(mut verb) = words.next() else {
        return false;
    };
    // A prohibition is an order: `Do not perform both migrations at once`, `Don't …`.
    if verb == "don't" || (verb == "do" && words.peek() == Some(&"not")) {
        if verb == "do" {
            words.next();
        }
        let Some(after) = words.next() else {
            return false;
        };
        verb = after;
    }
    let second = words.next().unwrap_or_default();
    verb.chars().all(char::is_alphabetic)
        && verb.len() > 2
        && !NOT_AN_ORDER.contains(&verb)
        && !["ly", "ing", "ed"]
            .iter()
            .any(|ending| verb.ends_with(ending))
        && !AUXILIARIES.contains(&second)
}

/// Words ending in `-ed` that open an item as a description of it, not as what was done
/// (`Automated failover`, `Improved alerting`, `Updated runbook`): the work may be to come.
const ADJECTIVES_IN_ED: [&str; 20] = [
    "automated",
    "detailed",
    "dedicated",
    "improved",
    "updated",
    "advanced",
    "extended",
    "limited",
    "shared",
    "unified",
    "centralized",
    "centralised",
    "distributed",
    "scheduled",
    "managed",
    "related",
    "required",
    "expected",
    "enhanced",
    "increased",
];

/// Whether an item opens with a verb in the past tense (`Migrated …`, `Re-enabled …`,
/// `Rolled back …`, `Wrote a load test …`): its first word ends in `-ed` and is no
/// description (`Automated failover`), or is an irregular past, and more words follow. Work
/// only begun (`Started mapping …`) is not done.
pub(super) fn opens_in_the_past(text: &str) -> bool {
    let Some(first) = first_word_of_several(text) else {
        return false;
    };
    let regular = first.len() >= 5
        && first.ends_with("ed")
        && first.chars().all(|c| c.is_alphabetic() || c == '-')
        && !ADJECTIVES_IN_ED.contains(&first.as_str())
        && !first.ends_with("eed");
    (regular || IRREGULAR_PASTS.contains(&first.as_str())) && !BEGINNINGS.contains(&first.as_str())
}

/// Verbs in the past that, after `We`, tell a thought or a wish rather than work done
/// (`We needed a second check`, `We decided to move`).
const PASTS_OF_THOUGHT: [&str; 16] = [
    "needed",
    "wanted",
    "decided",
    "planned",
    "hoped",
    "expected",
    "intended",
    "proposed",
    "considered",
    "discussed",
    "agreed",
    "tried",
    "attempted",
    "noticed",
    "realized",
    "realised",
];

/// Whether an item opens with its writers and a verb in the past tense (`We restarted the
/// proxy.`, `I then rebuilt the index`): work told as done by those who did it. A thought or
/// a wish (`We decided to …`) and work only begun are not.
pub(super) fn writers_did(text: &str) -> bool {
    let mut words = text.split_whitespace().map(|word| {
        word.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    if !matches!(words.next().as_deref(), Some("we" | "i")) {
        return false;
    }
    let Some(verb) = words.find(|word| {
        !matches!(
            word.as_str(),
            "also" | "then" | "quickly" | "immediately" | "first" | "later" | "finally"
        )
    }) else {
        return false;
    };
    let regular = verb.len() >= 4
        && verb.ends_with("ed")
        && verb.chars().all(char::is_alphabetic)
        && !verb.ends_with("eed");
    (regular || IRREGULAR_PASTS.contains(&verb.as_str()))
        && !PASTS_OF_THOUGHT.contains(&verb.as_str())
        && !BEGINNINGS.contains(&verb.as_str())
        && words.next().is_some()
}

/// The first word of `text`, lowered and without punctuation, when more words follow it.
pub(super) fn first_word_of_several(text: &str) -> Option<String> {
    let mut words = text.split_whitespace();
    let (Some(first), Some(_)) = (words.next(), words.next()) else {
        return None;
    };
    Some(
        first
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase(),
    )
}

/// Past tenses that do not end in `-ed` and are not also the verb's plain form (`set`,
/// `put` and `run` could be orders).
pub(super) const IRREGULAR_PASTS: [&str; 16] = [
    "made", "wrote", "rewrote", "built", "rebuilt", "took", "ran", "reran", "sent", "brought",
    "found", "gave", "kept", "spent", "held", "began",
];

/// Verbs in the past that say work began, not that it ended.
pub(super) const BEGINNINGS: [&str; 3] = ["started", "began", "begun"];

/// `Nothing was done`, `has not been fixed`, `We could have done a better job`: the
/// opposite of done, or what might have been done and was not.
pub(super) fn negated(sentence: &str) -> bool {
    const NOT_DONE: [&str; 12] = [
        " not ",
        "n't ",
        " nothing ",
        " never ",
        " yet ",
        " could have ",
        " should have ",
        " would have ",
        " might have ",
        "could've ",
        "should've ",
        "would've ",
    ];
    NOT_DONE.iter().any(|word| sentence.contains(word))
}

/// The last sentence of `text`.
#[must_use]
pub fn last_sentence(text: &str) -> String {
    sentences(text).pop().unwrap_or_default()
}

/// `text`'s sentences, each lowercased and padded with a space at both ends, so that word
/// phrases can be found with `contains`.
pub(super) fn sentences(text: &str) -> Vec<String> {
    sentence_spans(text)
        .into_iter()
        .map(|sentence| padded(&sentence.replace(['\u{2019}', '\u{2018}'], "'")))
        .collect()
}

/// `text`'s sentences as written: each ends at a full stop, a question or exclamation mark
/// before a space, or at a line's end.
pub(super) fn sentence_spans(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let ends = matches!(c, '.' | '!' | '?')
            && chars.peek().is_none_or(|(_, next)| next.is_whitespace());
        if ends || c == '\n' {
            let end = at + c.len_utf8();
            if !text[start..end].trim().is_empty() {
                out.push(&text[start..end]);
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push(&text[start..]);
    }
    out
}

pub(super) fn padded(text: &str) -> String {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '"'))
        })
        .collect();
    format!(" {} ", words.join(" ").to_lowercase())
}

pub(super) fn intends(sentence: &str) -> bool {
    let mut rest = sentence.to_owned();
    for phrase in NO_NEW_WORK {
        rest = rest.replace(phrase, " ");
    }
    INTENT.iter().any(|marker| rest.contains(marker))
}

/// `we are improving …`, `we're adding …`, `I'm moving back to …`: work under way.
pub(super) fn first_person_progressive(sentence: &str) -> bool {
    [
        "we are ",
        "we're ",
        "we are also ",
        "we're also ",
        "we are now ",
        "we're now ",
        "i am ",
        "i'm ",
    ]
    .iter()
    .any(|subject| {
        sentence.match_indices(subject).any(|(at, _)| {
            let mut words = sentence[at + subject.len()..].split_whitespace();
            let verb = words.next().unwrap_or_default();
            // `we're looking forward to …` is a courtesy, not work under way.
            let courtesy = verb == "looking" && words.next() == Some("forward");
            verb.len() > 4 && verb.ends_with("ing") && !courtesy
        })
    })
}

/// Words that open a sentence by pointing elsewhere than at its writers: what it says
/// another did, or had, is no work of theirs.
const NOT_THE_WRITERS: [&str; 16] = [
    "it",
    "this",
    "that",
    "these",
    "those",
    "there",
    "they",
    "which",
    "he",
    "she",
    "you",
    "users",
    "customers",
    "everyone",
    "nobody",
    "nothing",
];

/// `CMS is updating its code`, `The BB2.0 team has implemented a review`, `The team is
/// conducting a full code review`: work under way or done, told in the third person, as an
/// organisation or its team writes of itself. The subject opens the sentence in at most
/// three words, then `is`/`are` and a verb in `-ing`, or `has`/`have` and a participle.
/// Read only under the action items' heading, where what someone is doing or has done is
/// the writers' work.
pub(super) fn third_person_work(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    if NOT_THE_WRITERS.contains(first) || matches!(*first, "if" | "when" | "once" | "after") {
        return false;
    }
    (1..=3).any(|at| {
        let (Some(verb), Some(next)) = (words.get(at), words.get(at + 1)) else {
            return false;
        };
        match *verb {
            // `Chia is aiming at five nines`: a hope, not a piece of work.
            "is" | "are" => {
                next.len() > 4
                    && next.ends_with("ing")
                    && !matches!(
                        *next,
                        "being" | "going" | "aiming" | "hoping" | "trying" | "striving" | "seeking"
                    )
            }
            "has" | "have" => {
                *next != "been"
                    && (next.len() > 3 && next.ends_with("ed")
                        || IRREGULAR_PARTICIPLES.contains(next))
            }
            _ => false,
        }
    })
}

/// `has been disabled`, `have been added`, `we have removed`, `we've made`.
pub(super) fn perfect(sentence: &str) -> bool {
    followed_by_participle(sentence, &[" has been ", " have been ", " had been "])
        || followed_by_participle(
            sentence,
            &[
                " we have ",
                " we've ",
                " we have also ",
                " we've also ",
                " we have now ",
            ],
        )
}

/// Whether a sentence says it is work besides the work before it (`A review of the
/// checklists will also be completed.`, `In addition, we will …`), however alike the two
/// read.
pub(super) fn adds_more_work(sentence: &str) -> bool {
    let padded = padded(sentence);
    [
        " also ",
        " additionally ",
        " in addition ",
        " furthermore ",
        " moreover ",
    ]
    .iter()
    .any(|word| padded.contains(word))
}

/// `has applied`, `have added`: a perfect of doing, whoever its subject (`our network team
/// has applied stricter access lists`).
pub(super) fn perfect_of_doing(sentence: &str) -> bool {
    followed_by_participle(sentence, &[" has ", " have ", " has also ", " have also "])
}

/// `was implemented`, `were removed`.
pub(super) fn past_passive(sentence: &str) -> bool {
    followed_by_participle(sentence, &[" was ", " were "])
}

/// Whether a sentence marks its work done: `(done)`, `completed`, or as Chinese and
/// Japanese say it, `已完成` (already completed), `対応済み` (dealt with), `実施しました`
/// (carried out), `行いました` (did).
pub(super) fn done_mark(sentence: &str) -> bool {
    const MARKS: [&str; 13] = [
        "(done)",
        "[done]",
        " done ",
        " completed ",
        "已完成",
        "已经完成",
        "已修复",
        "対応済",
        "実施済",
        "完了しました",
        "実施しました",
        "行いました",
        "対応しました",
    ];
    MARKS.iter().any(|mark| sentence.contains(mark)) && !negated(sentence)
        || in_the_japanese_polite_past(sentence)
}

/// Whether a Japanese sentence ends in the polite past (`サービスを再起動しました。`), as a
/// notice reports what was done; not a decision or a plan told in it (`…することにしました`,
/// `…する予定です`).
fn in_the_japanese_polite_past(sentence: &str) -> bool {
    let ending = sentence.trim().trim_end_matches(['。', '.', ' ']);
    ending.ends_with("ました") && !ending.ends_with("ことにしました") && !sentence.contains("予定")
}

fn followed_by_participle(sentence: &str, before: &[&str]) -> bool {
    before.iter().any(|words| {
        sentence.match_indices(words).any(|(at, _)| {
            let rest = &sentence[at + words.len()..];
            // `has been quickly disabled`: one adverb may stand between.
            rest.split_whitespace()
                .take(2)
                .enumerate()
                .any(|(index, word)| {
                    let participle = word.len() > 3 && word.ends_with("ed")
                        || IRREGULAR_PARTICIPLES.contains(&word);
                    participle
                        && (index == 0
                            || rest
                                .split_whitespace()
                                .next()
                                .is_some_and(|adverb| adverb.ends_with("ly")))
                })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_third_person_sentence_is_work_only_when_its_writers_do_it() {
        for sentence in [
            "CMS is updating BB2.0 code to store the full user ID.",
            "The BB2.0 team has implemented an enhanced quality review.",
            "Our SRE team has written a runbook.",
        ] {
            assert!(
                third_person_work(&padded(&sentence.to_lowercase())),
                "{sentence}"
            );
        }
        for sentence in [
            "It is affecting every user.",
            "This has caused errors before.",
            "Chia is aiming at five nines.",
            "Users are reporting errors.",
            "The fix has been deployed.",
            "When the queue is draining, we wait.",
        ] {
            assert!(
                !third_person_work(&padded(&sentence.to_lowercase())),
                "{sentence}"
            );
        }
    }

    #[test]
    fn commitments_and_reports_are_work_and_stories_are_not() {
        assert!(commits_to_work(
            "It should not have been possible to upload that many packages. We will be \
             introducing rate limiting on this endpoint."
        ));
        assert!(commits_to_work(
            "We are also looking into disallowing such usernames."
        ));
        assert!(commits_to_work(
            "We agree that we should improve our communication."
        ));
        assert!(commits_to_work(
            "We are improving documentation for new maintainers."
        ));
        assert!(commits_to_work(
            "The vulnerable action has been disabled and removed."
        ));
        assert!(commits_to_work(
            "We have removed the ability for our bots to commit."
        ));
        assert!(!commits_to_work(
            "While it is impossible to tell a user's intent, many have speculated about it."
        ));
        assert!(!commits_to_work(
            "If you feel that a policy is problematic, the correct place to propose a change \
             is an RFC."
        ));
        assert!(!commits_to_work(
            "We did, do and will continue to take the security of the project very seriously."
        ));
        assert!(!commits_to_work("Thanks for using Homebrew!"));
        assert!(!commits_to_work(
            "It should not have been possible for one user to do this."
        ));
        assert!(!commits_to_work(
            "Thanks again for your patience, and we're looking forward to serving you."
        ));
    }

    #[test]
    fn a_question_answered_no_turns_the_idea_down() {
        assert!(turns_it_down(
            "Have snapshots of ES clusters? Not needed as Elastic has been reliable enough so far."
        ));
        assert!(turns_it_down("Should we page twice? No, once is enough."));
        for work in [
            "Robert to look at SSO. Is 2FA on? Robert will check.",
            "Not needed any more: the old cron job. Remove it.",
            "Why did it fail? Nobody knows yet, so we will add logging.",
        ] {
            assert!(!turns_it_down(work), "{work}");
        }
    }

    #[test]
    fn a_lesson_prescribes_work_when_it_orders_intends_or_states_a_duty() {
        for lesson in [
            "Try to book a quiet slot for migrations",
            "Snapshots must not be older than 7 days",
            "Monitoring right after a push should be standard procedure.",
            "QA of every change going to production is necessary (on staging).",
            "We will page two people for database work",
        ] {
            assert!(prescribes_work(lesson), "{lesson}");
        }
        for lesson in [
            "We have learned that restores take hours",
            "Our alerting worked as designed.",
            "The team rallied quickly once aware of the issue",
        ] {
            assert!(!prescribes_work(lesson), "{lesson}");
        }
    }

    #[test]
    fn findings_of_what_was_missing_are_no_work() {
        for finding in [
            "`iasql_upgrade` didn't have a formal test case at all.",
            "The new `default_aws_region` only had partial coverage of its use-cases.",
            "`delete_all_records` never had a test that used a database after it ran.",
            "The `Context` construction had never been tested with several databases.",
            "Alerts were not routed to the on-call phone",
        ] {
            assert!(reports_a_shortcoming(finding), "{finding}");
        }
        for work in [
            "All features have a test, or they can't be merged.",
            "Add a test for the upgrade path.",
            "Backups were not encrypted; we will encrypt them.",
            "Migrated the node that had no spare disk to a larger server.",
            "The alert threshold was lowered to 80%.",
            "More real-time metrics on cancellation",
        ] {
            assert!(!reports_a_shortcoming(work), "{work}");
        }
    }

    #[test]
    fn orders_are_told_from_subjects_and_asides() {
        assert!(opens_with_an_order(
            "Evaluate use of a pull-through cache to reduce reliance on external registries"
        ));
        assert!(opens_with_an_order("Add alerting on config load failures."));
        assert!(!opens_with_an_order(
            "Prow was unresponsive for three hours."
        ));
        assert!(!opens_with_an_order("Thanks for using Homebrew!"));
        assert!(!opens_with_an_order(
            "Unfortunately the backup had expired."
        ));
        assert!(!opens_with_an_order(
            "If you feel a policy is wrong, write an RFC."
        ));
        assert!(!opens_with_an_order("Deployed the fix at noon."));
        assert!(opens_with_an_order(
            "Do not perform a migration on both nodes in the same time slot."
        ));
        assert!(opens_with_an_order("Don’t deploy on Fridays."));
        assert!(opens_with_an_order(
            "Probably do not run `experimental` builds in production :)"
        ));
        assert!(!opens_with_an_order("Only one node was affected."));
        assert!(!opens_with_an_order("Do we need a second region?"));
    }
}
