//! What a heading in someone else's postmortem means here: the well-known templates (Google's
//! SRE book, PagerDuty, Atlassian, Rootly, Etsy's morgue and others) name the same sections
//! in different words.

use super::heading_words::HeadingWords;
use crate::model::Section;

/// Where the text under a heading goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// One of the built-in written sections.
    Section(Section),
    /// The timeline.
    Timeline,
    /// The action items.
    ActionItems,
    /// The incident's details (fields such as severity and services).
    Details,
}

/// The heading as words to compare: lower case, numbering, colons, footnote marks and
/// emphasis gone, `&` as "and", one space between words.
#[must_use]
pub fn normalized(heading: &str) -> String {
    let lower = heading
        .to_lowercase()
        .replace(['\u{2010}', '\u{2011}', '\u{2012}'], "-")
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace('&', " and ");
    // Footnote marks: `[^1]`, superscript digits, a trailing `*` or `†`.
    let without_notes: String = lower
        .split("[^")
        .enumerate()
        .map(|(index, part)| {
            if index == 0 {
                part
            } else {
                part.split_once(']').map_or(part, |(_, after)| after)
            }
        })
        .collect();
    let kept: String = without_notes
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰' | '†'
            )
        })
        .map(|c| {
            if c.is_alphanumeric() || c == '\'' || c == '-' || c == '/' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = kept.split_whitespace().collect();
    // Leading numbering: "1", "2.3" (already split at the dots), "iv", "a".
    let start = words
        .iter()
        .take_while(|word| {
            word.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    **word,
                    "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix" | "x"
                )
        })
        .count();
    words[start.min(words.len())..].join(" ")
}

/// Where text under `heading` goes by the names the templates give their sections, or
/// `None` for a heading no list names.
#[must_use]
pub fn target_of(heading: &str) -> Option<Target> {
    exact_target(heading).or_else(|| {
        // "Timeline (all times PST) 01/16 – 02/28", "Timeline [[167]](…)", "Supporting
        // information: [[168]](…)": what comes before a bracket or a colon.
        let before = heading.split(['(', '[', ':', '^']).next()?;
        (before.len() < heading.len())
            .then(|| exact_target(before))
            .flatten()
    })
}

/// A heading no list names, read by its words and their stems: "Incident timeline and
/// response" is a timeline; "Remedial measures", "Preventive work", "Recommendations",
/// "Improvements going forward" and "Action plan" are action items — but "Actions taken" is
/// what was done during the incident, not what is still to do.
#[must_use]
pub fn target_by_words(heading: &str) -> Option<Target> {
    let normalized = normalized(heading);
    let heading_words = HeadingWords::of(&normalized);
    let words = heading_words.words();
    if writes_about_a_topic(words) {
        return None;
    }
    let has = |stem: &str| heading_words.has(stem);
    let pair = |first: &str, second: &str| heading_words.pair(first, second);
    if has("timeline")
        // `Time line:`, written apart.
        || pair("time", "line")
        || has("chronolog")
        || names_a_timeline_in_another_language(&heading_words, &normalized)
    {
        return Some(Target::Timeline);
    }
    // `Actions taken`, `Response actions`, `Recovery actions`: what was done during the
    // incident (`Ações tomadas`, `Acciones realizadas`, `Ergriffene Maßnahmen`).
    let done_already = has("taken")
        || has("took")
        // `The pre-agreed maintenance actions`: the plan carried out when it went wrong.
        || pair("pre", "agreed")
        || pair("pre", "planned")
        || has("preagreed")
        || has("preplanned")
        || ((pair("response", "action") || pair("recovery", "action")) && !has("item"))
        || [
            "tomad",
            "realizad",
            "ergriffen",
            "prises",
            "intrapres",
            "genomen",
        ]
        .iter()
        .any(|stem| has(stem));
    // `What to do (as a user)`: advice to the readers, not the team's work.
    let for_readers = has("user") || has("customer") || has("you");
    let term_plan = ["short", "medium", "long", "near"]
        .iter()
        .any(|span| pair(span, "term"))
        || has("shortterm")
        || has("longterm");
    let to_do = (has("action") && !done_already)
        || names_steps_taken(heading)
        || pair("follow", "up")
        || has("followup")
        || has("remedi")
        || pair("next", "step")
        || has("improvement")
        || has("corrective")
        // `Prevention`, `Preventing recurrence`, `What could be done to avoid this in
        // future?`, `Making sure it doesn't happen again` — but `What prevented a faster
        // fix` and `This could have been avoided had we …` look back.
        || (has("prevent") && !has("prevented"))
        || (has("avoid") && !has("avoided"))
        || (has("happen") && has("again"))
        // `The following 2 weeks` as a heading; in a sentence (`We will publish a post next
        // week, but here's what to expect:`) a horizon is only a date.
        || (words.len() <= 8 && names_a_horizon(words))
        || pair("work", "item")
        || has("todo")
        || (pair("to", "do") && !for_readers)
        || has("recommendation")
        // `Suggestions`, `Suggested changes`, `Proposed fixes`: work put forward.
        || has("suggest")
        || has("proposed")
        || has("proposal")
        || pair("going", "forward")
        || pair("looking", "forward")
        || (has("future") && (has("work") || has("measure") || has("step") || has("plan")))
        // `Planned measures`, `Planned changes`, `Countermeasures`: work still to do.
        || (has("planned")
            && ["measure", "change", "work", "fix", "step"]
                .iter()
                .any(|stem| has(stem)))
        || has("countermeasure")
        // `Short term fix`, `Long-term solution`, `Short term`: the plans of a postmortem.
        || (term_plan && (words.len() <= 2 || PLAN_WORDS.iter().any(|stem| has(stem))))
        || pair("doing", "about")
        // `What is CMS doing now?`, `What the SRE team is doing`: the writers' own work,
        // named in the third person as an organisation writes of itself (`What was the
        // cache doing?` and `What have we been doing?` look back).
        || (words.first() == Some(&"what")
            && has("doing")
            && words.len() <= 9
            && !words
                .iter()
                .any(|word| matches!(*word, "was" | "were" | "been" | "did")))
        // `What's going to happen?`: the plan, as a question.
        || heading_words.phrase("going", "happen")
        // The same in the other languages postmortems are written in.
        || (in_another_language(&heading_words, &normalized) && !done_already)
        // `What we're doing to fix this`, `What we will change`, `What we're doing
        // differently`: the team's own plans, in the first person, as a heading says them
        // (a sentence that says as much introduces its list, and is read as one).
        // `How am I fixing it?` says the same in the singular, or as a question; `Changes
        // we have made` the same work done since.
        || words.len() <= 10
            && (words
                .iter()
                .any(|word| matches!(*word, "we're" | "we'll" | "we've" | "i'm" | "i'll"))
                || pair("we", "are")
                || pair("we", "have")
                || pair("we", "will")
                || pair("are", "we")
                || pair("will", "we")
                || pair("am", "i")
                || pair("i", "am")
                || pair("i", "will"))
            // `How we're becoming more resilient to issues like this`.
            && ([
                "doing", "fix", "chang", "improv", "mitig", "prevent", "address", "resilien",
                "harden", "strengthen",
            ]
                .iter()
                .any(|verb| has(verb))
                // `What we've already done`: the work done since, in the perfect.
                || (has("done") && reports_work_done(heading)));
    to_do.then_some(Target::ActionItems)
}

/// Whether heading words open with a kind of writing and what it is about: `Notes on the
/// timeline`, `Thoughts about follow-up`, `Questions regarding remediation`. The section is
/// that writing, on its topic; the topic's own list has a heading of its own.
fn writes_about_a_topic(words: &[&str]) -> bool {
    const WRITING: [&str; 10] = [
        "note",
        "notes",
        "thoughts",
        "comments",
        "remarks",
        "questions",
        "reflections",
        "observations",
        "musings",
        "discussion",
    ];
    const ABOUT: [&str; 5] = ["on", "about", "regarding", "concerning", "re"];
    matches!(words, [writing, about, _, ..] if WRITING.contains(writing) && ABOUT.contains(about))
}

/// Whether heading words name follow-up work in a language other than English: `Ações`,
/// `Acciones`, `Azioni`, `Acties`, `Maßnahmen`, `Aksjonspunkter`, `Åtgärder`, `Próximos
/// passos`, `Prochaines étapes`, `Nächste Schritte`, `再発防止策`, `今後の対策`, `対応策`, `改进措施`,
/// `재발 방지 대책`.
fn in_another_language(words: &HeadingWords, normalized: &str) -> bool {
    const STEMS: [&str; 21] = [
        "amélioration",
        "prévention",
        "verbesserung",
        "vorbeugung",
        "mejoras",
        "melhorias",
        "prevención",
        "ações",
        "acoes",
        "acciones",
        "azioni",
        "acties",
        "maßnahmen",
        "massnahmen",
        "seguimiento",
        "suivi",
        "aksjon",
        "tiltak",
        "åtgärd",
        "oppfølging",
        "opfølgning",
    ];
    // Next steps, and what the writers are doing about it (`Was wird unternommen?`, `Ce que
    // nous faisons`, `Qué estamos haciendo`).
    const NEXT_STEPS: [(&str, &str); 12] = [
        ("próximos", "pas"),
        // `Travaux restants`: the work still to do.
        ("travaux", "restant"),
        ("proximos", "pas"),
        ("prochaines", "étapes"),
        ("nächste", "schritte"),
        ("prossimi", "passi"),
        ("wird", "unternommen"),
        ("werden", "unternehmen"),
        ("wir", "tun"),
        ("nous", "faisons"),
        ("estamos", "haciendo"),
        ("estamos", "fazendo"),
    ];
    // Scripts written without spaces between words: a phrase inside the heading.
    const PHRASES: [&str; 15] = [
        "再発防止",
        "恒久対策",
        "今後の対策",
        "対応策",
        "改善策",
        "アクションアイテム",
        "改进措施",
        "后续行动",
        "后续措施",
        "整改措施",
        "行动项",
        "재발 방지",
        "후속 조치",
        "향후 대책",
        "개선 대책",
    ];
    // `Diminuer les risques à l'avenir`, `Künftige Maßnahmen`: the future, with what is to
    // be done in it (`D'autres formes de redondance à l'avenir ?` only wonders).
    let future = words.has_any(&["avenir", "futur", "künftig", "zukünftig", "zukunft"])
        && words.has_any(&[
            "risque",
            "mesure",
            "amélior",
            "évit",
            "prévoi",
            "prévenir",
            "diminu",
            "rédui",
            "travail",
            "étape",
            "plan",
            "risiko",
            "schritt",
            "riesgo",
            "medida",
            "risco",
        ]);
    future
        || words.has_any(&STEMS)
        || NEXT_STEPS
            .iter()
            .any(|(first, second)| words.pair(first, second))
        || in_unspaced(&PHRASES, normalized)
}

/// Whether `normalized` holds one of `phrases`, the spaces between words left out of both:
/// Korean joins a compound's words or not (`재발방지`, `재발 방지`).
fn in_unspaced(phrases: &[&str], normalized: &str) -> bool {
    let unspaced: String = normalized.split_whitespace().collect();
    phrases
        .iter()
        .any(|phrase| unspaced.contains(&phrase.replace(' ', "")))
}

/// Whether a heading names the timeline in another language: `Cronología`, `Zeitleiste`,
/// `Tijdlijn`, `Linha do tempo`, `Ligne du temps`, `発生から復旧までのタイムライン`.
fn names_a_timeline_in_another_language(words: &HeadingWords, normalized: &str) -> bool {
    const STEMS: [&str; 6] = [
        "cronolog",
        "zeitleiste",
        "zeitlinie",
        "zeitstrahl",
        "tijdlijn",
        "tidslinje",
    ];
    // Words of a phrase: the first, then the stem of the last.
    const PAIRS: [(&str, &str); 4] = [
        ("linha", "tempo"),
        ("línea", "tiempo"),
        ("linea", "tempo"),
        ("ligne", "temps"),
    ];
    // Scripts written without spaces between words: a phrase inside the heading.
    const PHRASES: [&str; 7] = [
        "タイムライン",
        "時系列",
        "事件经过",
        "故障经过",
        "时间线",
        "时间轴",
        "타임라인",
    ];
    words.has_any(&STEMS)
        || PAIRS.iter().any(|(first, last)| words.phrase(first, last))
        || in_unspaced(&PHRASES, normalized)
}

/// Whether a heading names what went wrong rather than work (`Problems during Recovery`,
/// `Findings`, `Challenges`, `What went wrong`, `Mistakes we made`).
#[must_use]
pub fn names_problems(heading: &str) -> bool {
    let normalized = normalized(heading);
    let words = HeadingWords::of(&normalized);
    words.has_any(&["problem", "finding", "challenge", "mistake"]) || words.pair("went", "wrong")
}

/// Whether a heading closes the story or looks ahead from it (`Resolution`, `Conclusion`,
/// `Lessons learned`, `Takeaways`, `Moving forward`, `What's next?`, `Next time`, `The
/// future`): prose under it may say what its writers will do, or have done since.
#[must_use]
pub fn closes_the_story(heading: &str) -> bool {
    let normalized = normalized(heading);
    let words = HeadingWords::of(&normalized);
    words.has_any(&[
        "resolution",
        "conclu",
        "lesson",
        "learning",
        "learned",
        "learnt",
        "takeaway",
        "outlook",
        "future",
        "afterward",
        "aftermath",
    ]) || ["moving", "going", "way"]
        .iter()
        .any(|first| words.pair(first, "forward"))
        || words.pair("looking", "ahead")
        || words.pair("what", "next")
        || words.pair("what's", "next")
        || words.pair("next", "time")
        || words.pair("happens", "next")
}

/// Whether a heading names the steps taken to fix or mitigate (`Steps taken`, `Steps taken
/// towards mitigation`, `Measures taken`, `Mitigation actions taken`): where the file names
/// no action items of its own, its list is the work, done. (`Action taken` alone, as
/// crates.io heads its prose, tells how the incident was handled.)
#[must_use]
pub fn names_steps_taken(heading: &str) -> bool {
    let normalized = normalized(heading);
    let words = HeadingWords::of(&normalized);
    (words.has("taken") || words.has("took"))
        && words.has_any(&["step", "measure", "mitigat", "remedi", "fix"])
}

/// Whether the action items' heading reports the work as done since, in the first person
/// (`Changes we have made`, `What we've fixed`) or as work made (`Fixes made`): its items
/// are done unless one says it is still to come.
#[must_use]
pub fn reports_work_done(heading: &str) -> bool {
    let normalized = normalized(heading);
    let words = HeadingWords::of(&normalized);
    let perfect = words
        .words()
        .iter()
        .any(|word| matches!(*word, "we've" | "i've"))
        || words.pair("we", "have")
        || words.pair("i", "have");
    let made = ["changes", "fixes", "improvements", "remediations"]
        .iter()
        .any(|noun| words.pair(noun, "made"));
    (perfect && words.has_any(&["made", "done", "chang", "fix", "improv", "taken", "put"]))
        || made
        || names_steps_taken(heading)
}

/// Whether a heading that holds work names advice or improvements rather than the action
/// items as such: `Technical recommendations`, `Process improvements`, `What we'll do
/// differently`, `What we could do to prevent this`. Where a file also has its action items under a heading of
/// their own, such a list restates or advises; where it has none, it is the work.
#[must_use]
pub fn advises_work(heading: &str) -> bool {
    let normalized = normalized(heading);
    let words = HeadingWords::of(&normalized);
    let has = |stem: &str| words.has(stem);
    let names_the_items = has("action") || has("item") || has("follow") || has("task");
    // `Possible improvements`, `What we could do to prevent this happening again`,
    // `Suggestions`: ideas, which the named items choose from.
    let ideas = has("could") || has("possible") || has("idea") || has("suggest");
    !names_the_items && (has("recommend") || has("improvement") || has("differently") || ideas)
}

/// Whether heading words name a stretch of time ahead, the span a plan covers: `The
/// following 2 weeks`, `Next quarter`, `Over the coming months`. A single day ahead (`The
/// following day`) is a timeline's part, not a plan.
fn names_a_horizon(words: &[&str]) -> bool {
    const AHEAD: [&str; 4] = ["next", "following", "coming", "upcoming"];
    const SPANS: [&str; 8] = [
        "weeks", "months", "quarters", "sprints", "week", "month", "quarter", "sprint",
    ];
    words.iter().enumerate().any(|(at, word)| {
        AHEAD.contains(word)
            && words[at + 1..]
                .iter()
                .take(2)
                .any(|span| SPANS.contains(span) && (span.ends_with('s') || *word != "following"))
    })
}

/// Words that, beside `short term` or `long term`, make a heading a plan of work rather than
/// an effect (`Long-term impact` is no list of actions).
const PLAN_WORDS: [&str; 12] = [
    "fix", "solution", "plan", "measure", "work", "remed", "mitig", "change", "improv", "action",
    "goal", "item",
];

fn exact_target(heading: &str) -> Option<Target> {
    let words = normalized(heading);
    let words = words
        .strip_suffix(" section")
        .unwrap_or(&words)
        .trim_start_matches("the ");
    SYNONYMS
        .iter()
        .find(|(names, _)| names.contains(&words))
        .map(|(_, target)| *target)
}

/// A heading that says only that this is a postmortem ("Example Postmortem", "Incident
/// report"): a more specific heading after it is the title.
#[must_use]
pub fn is_generic_title(heading: &str) -> bool {
    let words = normalized(heading);
    let generic = [
        "postmortem",
        "post-mortem",
        "post mortem",
        "postmortem report",
        "incident report",
        "incident postmortem",
        "incident post-mortem",
        "incident review",
        "incident retrospective",
        "retrospective",
        "post-incident review",
        "post incident review",
        "post-incident report",
        "example postmortem",
        "example post-mortem",
        "postmortem template",
        "post-mortem template",
        "sample postmortem",
    ];
    generic.contains(&words.as_str())
        || words.ends_with(" template")
        || words.starts_with("example ") && words.contains("post")
}

/// A heading as its author wrote it, for keeping: without the leading numbering of the old
/// document's order ("3.", "2.1)", "IV.", "A."), which Hindsight's own order replaces.
#[must_use]
pub fn as_written(heading: &str) -> &str {
    let mut rest = heading.trim();
    if let Some((first, after)) = rest.split_once(char::is_whitespace) {
        let mark = first.trim_end_matches(['.', ')', ':']);
        let numbering = first.len() > mark.len()
            && !mark.is_empty()
            && (mark.chars().all(|c| c.is_ascii_digit() || c == '.')
                || mark.chars().all(|c| "IVXivx".contains(c))
                || (mark.len() == 1 && mark.chars().all(|c| c.is_ascii_uppercase())));
        if numbering {
            rest = after.trim_start();
        }
    }
    rest
}

/// Whether `heading` says no more than the built-in heading of `section` ("ROOT CAUSE",
/// "2. Root cause:"), so keeping it would add nothing.
#[must_use]
pub fn says_only(heading: &str, section: Section) -> bool {
    normalized(heading) == normalized(section.heading())
}

const fn section(section: Section) -> Target {
    Target::Section(section)
}

/// The headings each target goes by, normalised.
const SYNONYMS: [(&[&str], Target); 16] = [
    (
        &[
            "summary",
            "executive summary",
            "incident summary",
            "overview",
            "tl;dr",
            "tl dr",
            "tldr",
            "synopsis",
            "abstract",
            "description",
            "what happened",
            "issue summary",
        ],
        section(Section::Summary),
    ),
    (
        &[
            "impact",
            "customer impact",
            "user impact",
            "business impact",
            "impact assessment",
            "impact and severity",
            "who was affected",
            "scope of impact",
        ],
        section(Section::Impact),
    ),
    (
        &[
            "root cause",
            "root causes",
            "root cause analysis",
            "root cause and trigger",
            "rca",
            "cause",
            "causes",
            "fault",
            "why did it happen",
            "why it happened",
            "five whys",
            "5 whys",
            "the five whys",
            "causal analysis",
        ],
        section(Section::RootCause),
    ),
    (
        &[
            "trigger",
            "triggers",
            "what triggered it",
            "triggering event",
        ],
        section(Section::Trigger),
    ),
    (
        &[
            "contributing factors",
            "contributing factor",
            "contributors",
            "leadup",
            "lead-up",
            "lead up",
            "background",
            "risk factors",
        ],
        section(Section::ContributingFactors),
    ),
    (
        &[
            "detection",
            "how was it detected",
            "how it was detected",
            "how we found out",
            "discovery",
            "identification",
            "monitoring and detection",
        ],
        section(Section::Detection),
    ),
    (
        &[
            "resolution",
            "recovery",
            "resolution and recovery",
            "mitigation",
            "mitigation and resolution",
            "response",
            "response and recovery",
            "how was it fixed",
            "how it was fixed",
            "fix",
            "the fix",
        ],
        section(Section::Resolution),
    ),
    (
        &[
            "supporting evidence",
            "supporting information",
            "supporting data",
            "evidence",
            "data",
            "graphs",
            "appendix",
        ],
        section(Section::SupportingEvidence),
    ),
    (
        &[
            "what went well",
            "things that went well",
            "went well",
            "what worked",
            "what worked well",
            "how'd we do",
            "how did we do",
            "what went right",
        ],
        section(Section::WhatWentWell),
    ),
    (
        &[
            "what went wrong",
            "things that went wrong",
            "went wrong",
            "what didn't go well",
            "what did not go well",
            "what didn't work",
            "what could have gone better",
            "what could be improved",
            "opportunities for improvement",
            "what went poorly",
            "what went badly",
            "what didn't go so well",
            "what did not go so well",
            "where we got unlucky",
        ],
        section(Section::WhatWentWrong),
    ),
    (
        &[
            "where we got lucky",
            "where we were lucky",
            "what was lucky",
            "lucky",
            "luck",
        ],
        section(Section::WhereWeGotLucky),
    ),
    (
        &[
            "lessons learned",
            "lessons learnt",
            "lessons",
            "learnings",
            "takeaways",
            "key takeaways",
            "what we learned",
        ],
        section(Section::LessonsLearned),
    ),
    (
        &[
            "timeline",
            "timeline of events",
            "detailed timeline",
            "incident timeline",
            "chronology",
            "sequence of events",
            "events",
        ],
        Target::Timeline,
    ),
    (
        &[
            "action items",
            "action items and follow-ups",
            "action items and follow ups",
            "actions",
            "follow-ups",
            "follow ups",
            "follow-up",
            "follow up",
            "follow-up actions",
            "follow-up tasks",
            "corrective actions",
            "corrective and preventative measures",
            "corrective and preventive measures",
            "remediation items",
            "remediation",
            "remediations",
            "remediation actions",
            "next steps",
            "tasks",
            "todo",
            "to do",
        ],
        Target::ActionItems,
    ),
    (
        &[
            "incident details",
            "details",
            "metadata",
            "incident metadata",
            "incident information",
            "key information",
            "facts",
            "incident facts",
            "key facts",
        ],
        Target::Details,
    ),
    (&["impact window"], Target::Details),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_no_list_names_are_read_by_their_words() {
        for heading in [
            "Remedial Measures:",
            "Preventive work",
            "RECOMMENDATIONS",
            "Improvements going forward",
            "Action plan",
            "Follow up work",
            "Future measures",
            "Planned Measures",
            "Countermeasures",
            "Future plan",
            "Short-term fixes",
            "Long term solution",
            "Near term",
            "What we're doing about it",
            "What could be done to avoid this in future?",
            "Preventing recurrence",
            "Making sure it doesn't happen again",
            "The Following 2 Weeks",
            "Over the next quarter",
            "What we\u{2019}re doing to fix this",
            "What we're doing differently",
            "What we will change",
            "How am I fixing it?",
            "How we\u{2019}re becoming more resilient to issues like this",
            "What are we changing?",
            "How will we mitigate these issues?",
            "What's going to happen?",
            "What is CMS doing now?",
            "What is CMS doing prior to restoring service?",
            "Changes we have made",
            "Work Items Discovered",
            "Ações (rastreadas no plano ADR-0031)",
            "Próximos pasos",
            "Nächste Schritte",
            "Travaux restants",
            "Corrective Actions（再カットオーバー前に必須）",
            "再発防止策",
            "今後の対策",
            "【対応策】",
            "整改措施",
            "재발 방지 대책",
            "Aksjonspunkter",
            "Diminuer les risques à l'avenir",
            "Pistes d'amélioration",
            "Künftige Maßnahmen gegen das Risiko",
            "Suggested changes",
        ] {
            assert_eq!(
                target_by_words(heading),
                Some(Target::ActionItems),
                "{heading}"
            );
        }
        for heading in [
            "Incident timeline and response",
            "Cronología del incidente",
            "Zeitleiste",
            "Linha do tempo",
            "🔍 Ligne du temps",
            "発生から復旧までのタイムライン",
            "事件经过",
        ] {
            assert_eq!(
                target_by_words(heading),
                Some(Target::Timeline),
                "{heading}"
            );
        }
        for heading in [
            "The pre-agreed maintenance actions",
            "Actions taken",
            "Action Taken",
            "Our team",
            "Long-term impact on users",
            "What prevented a faster fix",
            "Response Actions",
            "Recovery Actions",
            "What to do (as a user)",
            "This could have been avoided had we incorporated the following:",
            "Recurrence",
            "The following day",
            "Next morning",
            "Notes on Todo",
            "Ações tomadas",
            "Acciones realizadas",
            "Thoughts about the action plan",
            "Notes on timeline",
            "D'autres formes de redondance à l'avenir ?",
            "How we fixed it",
            "How I found the fix",
            "What have we been doing?",
            "What was the cache doing?",
            "What we did",
            "What was done",
        ] {
            assert_eq!(target_by_words(heading), None, "{heading}");
        }
    }

    #[test]
    fn a_heading_that_reports_work_done_since() {
        for heading in ["Changes we have made", "What we've fixed", "Fixes made"] {
            assert!(reports_work_done(heading), "{heading}");
        }
        for heading in [
            "What we will change",
            "Action items",
            "What we have learned",
        ] {
            assert!(!reports_work_done(heading), "{heading}");
        }
    }

    #[test]
    fn a_heading_typed_with_one_slip_is_read_as_meant() {
        assert!(closes_the_story("Moving Foward"));
        assert!(closes_the_story("Lessons Leanred"));
        assert_eq!(target_by_words("Incident Timline"), Some(Target::Timeline));
        assert_eq!(target_by_words("Improvments"), Some(Target::ActionItems));
        assert!(!closes_the_story("Moving parts"));
    }

    #[test]
    fn advice_and_improvements_are_told_from_the_action_items_as_such() {
        for heading in ["Technical Recommendations", "Process Improvements"] {
            assert!(advises_work(heading), "{heading}");
            assert_eq!(target_by_words(heading), Some(Target::ActionItems));
        }
        assert!(advises_work("What We'll Do Differently"));
        for heading in [
            "Action Items",
            "Follow-up tasks",
            "Improvement actions",
            "Next steps",
        ] {
            assert!(!advises_work(heading), "{heading}");
        }
    }

    #[test]
    fn headings_of_the_well_known_templates() {
        assert_eq!(target_of("Root Causes"), Some(section(Section::RootCause)));
        assert_eq!(
            target_of("## 3. Root cause analysis:"),
            Some(section(Section::RootCause))
        );
        assert_eq!(target_of("Fault"), Some(section(Section::RootCause)));
        assert_eq!(
            target_of("How’d we do?"),
            Some(section(Section::WhatWentWell))
        );
        assert_eq!(
            target_of("What Worked"),
            Some(section(Section::WhatWentWell))
        );
        assert_eq!(
            target_of("Where we got lucky[^1]"),
            Some(section(Section::WhereWeGotLucky))
        );
        assert_eq!(
            target_of("Leadup"),
            Some(section(Section::ContributingFactors))
        );
        assert_eq!(target_of("Recovery"), Some(section(Section::Resolution)));
        assert_eq!(target_of("IV. Timeline"), Some(Target::Timeline));
        assert_eq!(
            target_of("Action Items & Follow‑ups"),
            Some(Target::ActionItems)
        );
        assert_eq!(target_of("Customer communications"), None);
        assert!(is_generic_title("Example Postmortem"));
        assert_eq!(as_written("3. Root Cause Analysis"), "Root Cause Analysis");
        assert_eq!(as_written("2.1) Root causes"), "Root causes");
        assert_eq!(as_written("IV. Lessons"), "Lessons");
        assert_eq!(as_written("A. Impact on users"), "Impact on users");
        // Words that only look like numbering stay.
        assert_eq!(as_written("A deeper look"), "A deeper look");
        assert_eq!(as_written("2024 in review"), "2024 in review");
        assert!(says_only("2. ROOT CAUSE:", Section::RootCause));
        assert!(!says_only("Root Cause Analysis", Section::RootCause));
        assert!(!is_generic_title(
            "Shakespeare Sonnet++ Postmortem (incident #465)"
        ));
    }
}
