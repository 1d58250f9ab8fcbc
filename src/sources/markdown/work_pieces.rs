//! A paragraph of prose that names several pieces of work, cut into one item each: which
//! sentences start a piece of work and which only say more of the one before.

use super::work_sentences::{
    DUTIES, adds_more_work, first_person_progressive, intends, opens_with_an_order, padded,
    perfect, perfect_of_doing, sentence_spans, third_person_work,
};

/// `text` cut into one piece per piece of work it names, when it names more than one: a
/// sentence that commits to work, reports work done or states a duty (`We need to take
/// steps …`, `Old tasks will be removed …`, `It is necessary to monitor …`) starts a piece,
/// and the sentences after it that do none of these (its reasons, its details) go with it,
/// as do those before the first. A sentence that says more of the work above starts none:
/// one that opens by pointing back (`This will let us …`, `They should …`), or that points
/// at a thing already named (`We will decide the wording of this policy` after `We
/// will update our policies`). Text that opens with an order (`Establish a playbook. We
/// should know our roles.`) is one piece of work, told and then explained; so is text that
/// names one piece of work or none.
#[must_use]
pub fn pieces_of_work(text: &str) -> Vec<String> {
    if let Some(pieces) = super::inline_numbers::enumerated_inline(text) {
        return pieces;
    }
    let spans = sentence_spans(text);
    let sentences: Vec<String> = spans
        .iter()
        .map(|span| padded(&span.replace(['\u{2019}', '\u{2018}'], "'")))
        .collect();
    // An order says no `will` or `should` (`All the rewards will be distributed` opens
    // with no verb of command).
    if opens_with_an_order(text) && sentences.first().is_some_and(|first| !intends(first)) {
        return vec![text.trim().to_owned()];
    }
    let starts: Vec<usize> = sentences
        .iter()
        .enumerate()
        .filter(|(at, sentence)| {
            names_work_of_its_own(sentence)
                && !names_again(sentence, &sentences[..*at])
                && !meets_the_duty_before(
                    sentence,
                    at.checked_sub(1).map(|before| &sentences[before]),
                )
        })
        .map(|(at, _)| at)
        .collect();
    if starts.len() < 2 {
        return vec![text.trim().to_owned()];
    }
    let mut pieces: Vec<String> = Vec::new();
    for (at, span) in spans.iter().enumerate() {
        let span = span.trim();
        match pieces.last_mut() {
            Some(piece) if !starts[1..].contains(&at) => {
                piece.push(' ');
                piece.push_str(span);
            }
            _ => pieces.push(span.to_owned()),
        }
    }
    pieces
}

/// Whether a sentence names a piece of work: an intent, work under way or done, or a duty,
/// with a subject of its own rather than one that points back at the sentence before.
fn names_work_of_its_own(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace();
    let first = words.next().unwrap_or_default();
    // `It is necessary to …` opens with an empty `it`; `It will …` points back.
    // `If it causes downtime again, then I will abandon it`: what will be done should the
    // work before it not be enough is more of that work.
    let points_back = matches!(
        first,
        "this"
            | "that"
            | "these"
            | "those"
            | "they"
            | "which"
            | "such"
            | "so"
            | "doing"
            | "if"
            | "unless"
            | "otherwise"
    ) || (first == "it" && words.next() != Some("is"))
        // `We are therefore going to …`, `Hence we will …`: the consequence of the sentence
        // before, the same piece of work.
        || sentence
            .split_whitespace()
            .take(4)
            .any(|word| matches!(word, "therefore" | "thus" | "hence" | "accordingly"));
    // `The resolution has been postponed`: a perfect that reports no work done.
    let put_off = ["postponed", "delayed", "deferred", "paused"]
        .iter()
        .any(|word| sentence.contains(word));
    !points_back
        && (intends(sentence)
            || first_person_progressive(sentence)
            || third_person_work(sentence)
            || (perfect(sentence) && !put_off)
            // `Pooja has also enabled 2FA`: more work done, by whoever did it.
            || (perfect_of_doing(sentence) && adds_more_work(sentence) && !put_off)
            || DUTIES.iter().any(|duty| sentence.contains(duty))
            || a_plan_weighed(sentence))
}

/// Whether a padded sentence names work as a plan weighed, with no subject (`Also,
/// considering migrating to PostgreSQL`).
fn a_plan_weighed(sentence: &str) -> bool {
    sentence
        .split_whitespace()
        .find(|word| !matches!(*word, "also" | "additionally" | "and" | "then"))
        .is_some_and(|first| super::work_status::PLANS_WEIGHED.contains(&first))
}

/// Whether a sentence commits its writers to what the sentence before says should be, with
/// no one named to do it: `There should be some serious alarms … I'll make sure we have
/// better processes in place`. The commitment is how that duty will be met: one piece of
/// work. A commitment that says it is another (`also`, `moreover`) is one of its own.
fn meets_the_duty_before(sentence: &str, before: Option<&String>) -> bool {
    let Some(before) = before else {
        return false;
    };
    let first_person = |text: &str| {
        text.split_whitespace().any(|word| {
            matches!(
                word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''),
                "we" | "i" | "our" | "us" | "we'll" | "i'll" | "we're" | "i'm" | "we've"
            )
        })
    };
    let impersonal_duty = DUTIES.iter().any(|duty| before.contains(duty)) && !first_person(before);
    let another = sentence.split_whitespace().take(4).any(|word| {
        matches!(
            word.trim_matches(|c: char| !c.is_alphanumeric()),
            "also" | "moreover" | "additionally" | "furthermore" | "another" | "too"
        )
    });
    // A commitment, not another duty (`We need to remove …` is work of its own).
    let commits = [" will ", "'ll ", " going to ", " plan to "]
        .iter()
        .any(|mark| sentence.contains(mark))
        && !DUTIES.iter().any(|duty| sentence.contains(duty));
    impersonal_duty && commits && first_person(sentence) && !another
}

/// Whether a sentence names a thing with `this`, `that`, `these` or `those` that the
/// sentences before it named: `the exact wording of this policy` after `our policies`.
/// (`The bug will be fixed in the same upgrade` names new work, done at a time named before.)
fn names_again(sentence: &str, before: &[String]) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let said_before: Vec<&str> = before
        .iter()
        .flat_map(|sentence| sentence.split_whitespace())
        .collect();
    words.windows(2).any(|pair| {
        let pointing = matches!(pair[0], "this" | "that" | "these" | "those");
        let stem: String = pair[1].chars().take(5).collect();
        pointing
            && stem.chars().count() >= 4
            && said_before.iter().any(|word| word.starts_with(&stem))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_of_several_commitments_is_a_piece_of_work_each() {
        let pieces = pieces_of_work(
            "It is necessary to monitor the queue. Currently, we do not notice most \
             problems. Each restart must be supervised by someone on duty. We need to remove \
             the single point of failure. Moreover, old tasks will be removed automatically. \
             We do not know what triggered it.",
        );
        assert_eq!(
            pieces,
            [
                "It is necessary to monitor the queue. Currently, we do not notice most \
                 problems.",
                "Each restart must be supervised by someone on duty.",
                "We need to remove the single point of failure.",
                "Moreover, old tasks will be removed automatically. We do not know what \
                 triggered it.",
            ]
        );
        // Work done by someone the writers name, said to be more of it.
        assert_eq!(
            pieces_of_work(
                "We have added bots to aid with security. The bot has had its settings \
                 changed, and will kick users who fail its checks. Pooja has also enabled 2FA."
            ),
            [
                "We have added bots to aid with security.",
                "The bot has had its settings changed, and will kick users who fail its checks.",
                "Pooja has also enabled 2FA.",
            ]
        );
        // What the work does, its details, and a counterfactual before it stay with it.
        for whole in [
            "It should not have been possible to upload so fast. We will add rate limiting. \
             This will stop a script from flooding the index.",
            "We will update our policies on names. We will decide the wording of this policy \
             in the coming weeks.",
            "Establish a playbook for support. We should know our roles in advance.",
            "The routing issue remains. The fix has been postponed until next year. We plan \
             to add a third router.",
            "We need to ensure this application is not a snowflake anymore. We are therefore \
             going to look into moving it to Netlify.",
            "The secondary issue is garbage monitoring of the site. There should be some \
             serious alarms going off when stuff goes wrong. I'll make sure we have better \
             processes in place going forward to notify of downtime.",
        ] {
            assert_eq!(pieces_of_work(whole), [whole], "{whole}");
        }
        // Steps numbered in words: `First, …` opens a plan, not an order.
        assert_eq!(
            pieces_of_work(
                "First, by putting a strong monitoring system in place. Netdata has been set \
                 up to keep track of everything. Notifications in Mattermost have been set up. \
                 Email notifications are still a TODO. Then, we need an external monitor. \
                 Also, considering migrating away from MariaDB."
            ),
            [
                "First, by putting a strong monitoring system in place. Netdata has been set \
                 up to keep track of everything.",
                "Notifications in Mattermost have been set up. Email notifications are still a \
                 TODO.",
                "Then, we need an external monitor.",
                // A plan weighed, with no subject, is work of its own.
                "Also, considering migrating away from MariaDB.",
            ]
        );
        assert_eq!(
            pieces_of_work(
                "All the rewards will be paid back in the coming upgrade. The bug will be \
                 fixed in the same upgrade."
            )
            .len(),
            2
        );
    }
}
