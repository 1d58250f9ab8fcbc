//! Times told in prose. A postmortem written as a story has no list of times: "our relays
//! degraded around 11:00 GMT and went down by 17:00 GMT; we were paged at 22:50 GMT". When
//! a file holds no timeline, each time its sentences tell becomes a row, with the part of
//! the sentence that says what happened then. The sentence stays in its section as written.

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::told_days::{
    ToldDay, day_and_end_right_after, day_counted_from, day_in, relative_day_at_start,
    relative_day_in, word_starts,
};
use crate::model::{
    WrittenDay, WrittenTime, is_written_without_spaces, read_clock_in_sentence, read_day,
};
use crate::sources::{ChatPaste, PastedRow, UnusedReason};

/// Words that make a sentence's time a schedule (`backups run daily at 03:00`), not a
/// moment of the incident.
const SCHEDULE_WORDS: [&str; 8] = [
    "daily",
    "nightly",
    "hourly",
    "weekly",
    "every",
    "each",
    "usually",
    "scheduled",
];

/// Where one part of a sentence ends and the next begins, for a sentence that tells more
/// than one time: `… around 11:00 GMT and transitioned to a full outage by 17:00 GMT`.
const CLAUSE_BREAKS: [&str; 6] = ["; ", ", and ", " and ", ", then ", " then ", ", but "];

/// A time told in a sentence, with the words that go with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToldTime {
    /// The time as written, with the day written before it in the same sentence.
    pub clock: WrittenTime,
    /// The part of the sentence that says what happened at that time.
    pub event: String,
}

/// The times `text` (a paragraph's plain text) tells, sentence by sentence.
#[cfg(test)]
fn told_times(text: &str) -> Vec<ToldTime> {
    told_times_after(text, &mut StoryDay::default(), None)
}

/// Where a story is, between its sentences and paragraphs: the day told last, and the last
/// time told on it.
#[derive(Clone, Copy, Default)]
struct StoryDay {
    /// The day told last.
    day: Option<WrittenDay>,
    /// The last time told, with its day.
    time: Option<(Option<WrittenDay>, NaiveTime)>,
    /// The last day a day told without its year may be, when it is not the day the page
    /// was written: a page dated only by its incident's day tells a few weeks after it.
    latest: Option<NaiveDate>,
    /// The stamp of the post whose story is being told (`Post by Laanders » Feb 17th 2017
    /// 10:55`), until the story tells a time: a post tells of what happened before it.
    posted: Option<(WrittenDay, NaiveTime)>,
}

impl StoryDay {
    /// The day of a time whose sentence tells none: the day told last, or the one after
    /// it when the time is nearer a time told on it across midnight (`À 22h01 … À 1h02`).
    fn carried_to(self, time: NaiveTime) -> Option<WrittenDay> {
        match self.time {
            Some((day, last)) if day == self.day && last - time > chrono::TimeDelta::hours(12) => {
                self.day.and_then(WrittenDay::day_after).or(self.day)
            }
            _ => self.day,
        }
    }
}

/// [`told_times`] for a paragraph of a story whose paragraphs before it told `story.day`
/// last (`The restore finally completed at 05:00 UTC the following day` is the day after
/// the one the paragraph above ended on); `story` is left at the day it ends on. Days
/// told against the day the page was written (`yesterday`, `this morning`) count from
/// `written_on`, when it is known.
fn told_times_after(
    text: &str,
    story: &mut StoryDay,
    written_on: Option<NaiveDate>,
) -> Vec<ToldTime> {
    let latest = story.latest.or(written_on);
    let counted = |days: Option<i8>| {
        written_on
            .zip(days)
            .and_then(|(on, days)| day_counted_from(on, days))
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let byline = super::dates_in_text::is_a_byline(&text);
    let mut told = Vec::new();
    for sentence in sentences(&text) {
        let times: Vec<(usize, usize, WrittenTime)> = moments_in(sentence)
            .into_iter()
            .filter(|(start, end, _)| !scheduled(sentence, *start, *end))
            .collect();
        if times.is_empty() {
            // `On Monday, 20th July, the servers were not available. Players were affected
            // from 11:22 UTC`: the day a sentence names goes on to the times after it.
            story.day = match day_in(sentence) {
                Some(day) => day.after(story.day),
                None => counted(relative_day_in(sentence, false)).or(story.day),
            }
            .map(|day| in_the_year_written(day, latest));
            continue;
        }
        let bounds = cuts(sentence, &times);
        for (index, (start, end, mut clock)) in times.iter().copied().enumerate() {
            // `between 22:40 on 07/07/2020 and 19:10 on 08/07/2020`: the day right after the
            // time before belongs to that time, not to this one.
            let before = index
                .checked_sub(1)
                .map_or(0, |previous| {
                    let end = times[previous].1;
                    end + day_and_end_right_after(&sentence[end..]).map_or(0, |(_, taken)| taken)
                })
                .min(start);
            // A day written right after the time (`by 08:35 UTC on June 21st`) is that
            // time's own, nearer than one earlier in the sentence (`Much of the following day
            // (June 20th) was spent …, and by 08:35 UTC on June 21st …`).
            // `around 05:30 the next morning`, `The following day, at 09:10`: the day after
            // the one told before.
            // `as of 18:50 UTC last night`, `today at around 14:00`: a day counted from the
            // one the page was written on, where no day is written out.
            if let Some(WrittenDay::Relative(days)) = clock.date {
                clock.date = counted(Some(days)).or(clock.date);
            }
            if clock.date.is_none() {
                let after = &sentence[end..];
                let ahead = &sentence[before..start];
                let told = match day_and_end_right_after(after) {
                    Some((day, _)) => day.after(story.day),
                    None => counted(relative_day_at_start(after)).or_else(|| {
                        day_in(ahead).map_or_else(
                            || counted(relative_day_in(ahead, true)),
                            |day: ToldDay| day.after(story.day),
                        )
                    }),
                };
                clock.date = told.or_else(|| story.carried_to(clock.time));
                // `Post by … » Feb 17th 2017 10:55` over `all services became unavailable
                // at 22:36`: later in the day than the post, it was the night before.
                if let Some((posted_on, posted_at)) = story.posted
                    && told.is_none()
                    && clock.date == Some(posted_on)
                    && clock.time > posted_at
                {
                    clock.date = posted_on.day_before().or(clock.date);
                }
            }
            story.posted = None;
            story.day = clock
                .date
                .or(story.day)
                .map(|day| in_the_year_written(day, latest));
            story.time = Some((story.day, clock.time));
            let event = bounds.as_ref().map_or(sentence, |bounds| {
                &sentence[bounds[index * 2]..bounds[index * 2 + 1]]
            });
            told.push(ToldTime {
                clock,
                event: tidy(event),
            });
        }
    }
    if byline && let [only] = told.as_slice() {
        story.posted = only.clock.date.map(|day| (day, only.clock.time));
    }
    told
}

/// A date told without its year (`Le dimanche 21 octobre`) in the year of `latest` (the day
/// the page was written), or the one before when that day had not come yet: a weekday told
/// after it is then the nearest one to a known day.
fn in_the_year_written(day: WrittenDay, latest: Option<NaiveDate>) -> WrittenDay {
    match (day, latest) {
        (WrittenDay::Date(date), Some(on)) if date.year.is_none() => {
            let year = if (date.month, date.day) <= (on.month(), on.day()) {
                on.year()
            } else {
                on.year() - 1
            };
            WrittenDay::Date(crate::model::PastedDate {
                year: Some(year),
                ..date
            })
        }
        _ => day,
    }
}

/// Whether a sentence tells a clock time (`at 16:45 UTC`), as a story's sentence does.
#[must_use]
pub fn tells_a_time(sentence: &str) -> bool {
    !told_times_after(sentence, &mut StoryDay::default(), None).is_empty()
}

/// The told times of `paragraphs` (each with its source lines), as rows with their
/// paragraph's lines. Days counted from the page's (`yesterday`) count from `written_on`;
/// a day told without its year is no later than `latest`, else than `written_on`.
#[must_use]
pub fn told_rows(
    paragraphs: &[((usize, usize), String)],
    written_on: Option<NaiveDate>,
    latest: Option<NaiveDate>,
) -> Vec<((usize, usize), PastedRow)> {
    let mut story = StoryDay {
        latest,
        ..StoryDay::default()
    };
    paragraphs
        .iter()
        .flat_map(|(lines, text)| {
            told_times_after(text, &mut story, written_on)
                .into_iter()
                .map(|told| {
                    (
                        *lines,
                        PastedRow {
                            lines: Vec::new(),
                            clock: Some(told.clock),
                            offset: None,
                            day: None,
                            actor: None,
                            event: told.event,
                            notes: String::new(),
                            evidence: String::new(),
                        },
                    )
                })
        })
        .collect()
}

/// Reads the times told in the timeline's paragraphs (`told`, each with its paragraph's
/// lines) in the run of `paste`'s entries (with `ranges`, their source lines): each after
/// the entries written above it and on their day, so that the entries' days, rolled over
/// midnight or not, date it.
pub fn read_among(
    paste: &mut ChatPaste,
    ranges: &mut Vec<(usize, usize)>,
    told: &[((usize, usize), PastedRow)],
) {
    for (lines, row) in told {
        ranges.push(*lines);
        let number = ranges.len();
        let starts = |pasted: &PastedRow| {
            pasted
                .lines
                .first()
                .and_then(|first| ranges.get(first.saturating_sub(1)))
                .map_or(0, |range| range.0)
        };
        let at = paste
            .rows
            .iter()
            .position(|pasted| starts(pasted) > lines.0)
            .unwrap_or(paste.rows.len());
        let day = at
            .checked_sub(1)
            .and_then(|above| paste.rows.get(above))
            .and_then(|above| above.day);
        paste.rows.insert(
            at,
            PastedRow {
                lines: vec![number],
                day,
                ..row.clone()
            },
        );
    }
}

/// The time a dated entry without a time at its start tells (`3 August — general outage.
/// Severe errors began around 20:50pm.`): the first moment its sentences tell, on the
/// entry's day unless its sentence writes another. `None` for an entry that opens with no
/// calendar day or tells no time.
#[must_use]
pub fn time_told_in_dated_entry(text: &str) -> Option<WrittenTime> {
    let text = text.trim_start_matches(['-', '*', '_', '+', ' ', '[', '(', '|', '#']);
    let (day, rest) = read_day(text)?;
    if !matches!(day, WrittenDay::Date(_) | WrittenDay::Numeric { .. }) {
        return None;
    }
    let mut story = StoryDay {
        day: Some(day),
        ..StoryDay::default()
    };
    told_times_after(rest, &mut story, None)
        .into_iter()
        .next()
        .map(|told| told.clock)
}

/// Entries that open with a day and no time (`3 August — general outage. Severe errors
/// began around 20:50pm.`) are rows at the first time their text tells, when it tells one;
/// the rest stay rows without a time.
pub(super) fn time_dated_entries(paste: &mut ChatPaste) {
    let (timed, untimed): (Vec<_>, Vec<_>) = std::mem::take(&mut paste.unused)
        .into_iter()
        .map(|unused| {
            let clock = (unused.reason == UnusedReason::NoTime)
                .then(|| time_told_in_dated_entry(&unused.text))
                .flatten();
            (unused, clock)
        })
        .partition(|(_, clock)| clock.is_some());
    paste.unused = untimed.into_iter().map(|(unused, _)| unused).collect();
    for (unused, clock) in timed {
        let at = paste
            .rows
            .iter()
            .position(|row| row.lines.first().is_some_and(|line| *line > unused.line))
            .unwrap_or(paste.rows.len());
        paste.rows.insert(
            at,
            PastedRow {
                lines: vec![unused.line],
                clock,
                offset: None,
                day: None,
                actor: None,
                event: unused.text,
                notes: String::new(),
                evidence: String::new(),
            },
        );
    }
}

/// The sentences of `text`: each ends at `.`, `!` or `?` followed by a space and a capital
/// letter, a digit, or a letter of a script without capitals (Korean, Arabic).
pub(super) fn sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for window in chars.windows(3) {
        let [(_, end), (_, space), (next_at, next)] = window else {
            continue;
        };
        if matches!(end, '.' | '!' | '?')
            && *space == ' '
            && (next.is_uppercase()
                || next.is_ascii_digit()
                || (next.is_alphabetic() && !next.is_lowercase()))
            && !zone_after_a_meridiem(text, *next_at)
            && !ordinal_before_a_month(text, *next_at)
        {
            sentences.push(text[start..*next_at].trim());
            start = *next_at;
        } else if crate::model::ends_an_east_asian_sentence(*end) {
            // Chinese and Japanese end a sentence with no space after it.
            let (space_at, _) = window[1];
            sentences.push(text[start..space_at].trim());
            start = space_at;
        }
    }
    sentences.push(text[start..].trim());
    sentences.retain(|sentence| !sentence.is_empty());
    sentences
}

/// Whether the word at `at` is a month's name after a day's number and its full stop, as
/// German and the Nordic languages write a date (`den 15. April`): no sentence ends there.
fn ordinal_before_a_month(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let Some(number) = before.strip_suffix('.') else {
        return false;
    };
    let digits = number.len() - number.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (1..=2).contains(&digits)
        && matches!(
            crate::model::read_day(&text[number.len() - digits..]),
            Some((crate::model::WrittenDay::Date(_), _))
        )
}

/// Whether the word at `at` is a zone written after `a.m.` or `p.m.` (`10:00 a.m. EST`):
/// the mark's full stop ends no sentence there.
fn zone_after_a_meridiem(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end().to_ascii_lowercase();
    let word = text[at..]
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | '.'))
        .next()
        .unwrap_or_default();
    (before.ends_with("a.m.") || before.ends_with("p.m."))
        && crate::model::zone_named(word).is_some()
}

/// The times a sentence tells: where each starts and ends, and the time. A number without
/// a colon or AM/PM (`2 nodes`, `in 2019`) is not one.
fn times_in(sentence: &str) -> Vec<(usize, usize, WrittenTime)> {
    let mut times = Vec::new();
    let mut after = 0;
    // Chinese and Japanese put no space before a time (`大约22:40开始504`), nor after the
    // clause before it (`下线;14:15 联系`).
    let after_a_character = sentence.char_indices().filter(|(at, c)| {
        c.is_ascii_digit()
            && sentence[..*at].chars().next_back().is_some_and(|before| {
                is_written_without_spaces(before) || matches!(before, ';' | ',' | '(')
            })
    });
    let mut starts: Vec<usize> = word_starts(sentence)
        .chain(after_a_character)
        .map(|(at, _)| at)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    for at in starts {
        if at < after {
            continue;
        }
        let Some((clock, rest)) = read_clock_in_sentence(&sentence[at..])
            .or_else(|| hour_h_after_a_preposition(sentence, at))
        else {
            continue;
        };
        let end = sentence.len() - rest.len();
        let written = &sentence[at..end];
        // `17 Uhr` says it is a time as `5 PM` does, and so do minutes after an `h` (`à
        // 16h51`); a number alone says nothing, nor does `24h` (a day's hours).
        if written.contains(':')
            // `12时`, `15時30分`, `3시`: the character for the hour says so.
            || written.contains(['時', '时', '点', '시'])
            || clock.twelve_hour
            || written.ends_with("Uhr")
            || written.ends_with("uur")
            || hour_h_minutes(written)
            // `à 13h`: read only after a word that says it is the hour.
            || written.ends_with(['h', 'H'])
            // `At 1505 EST`: four digits with their zone, as operations write a time.
            || (clock.zone.is_some() && written.bytes().take_while(u8::is_ascii_digit).count() == 4)
        {
            times.push((at, end, clock));
            after = end;
        }
    }
    times
}

/// Whether `written` is an hour, an `h` and two digits of minutes (`16h51`, `1h02`), as
/// French and Portuguese write a time.
fn hour_h_minutes(written: &str) -> bool {
    written
        .split_once(['h', 'H'])
        .is_some_and(|(hour, minutes)| {
            (1..=2).contains(&hour.len())
                && hour.bytes().all(|byte| byte.is_ascii_digit())
                && minutes.len() >= 2
                && minutes.bytes().take(2).all(|byte| byte.is_ascii_digit())
        })
}

/// Words that say the hour after them is a time of day (`à 13h`, `vers 9h`, `dès 8h`,
/// `às 14h`), where an hour and its `h` alone may as well be a span (`pendant 24h`, `il y
/// a 2h`).
const HOUR_PREPOSITIONS: [&str; 9] = [
    "à", "vers", "dès", "depuis", "avant", "après", "às", "até", "pelas",
];

/// An hour and its `h` with no minutes (`13h`) at `at` in `sentence`, after a word that
/// says it is a time of day (`aujourd'hui à 13h`, `samedi vers 14h`): the time, and the
/// rest.
fn hour_h_after_a_preposition(sentence: &str, at: usize) -> Option<(WrittenTime, &str)> {
    let text = &sentence[at..];
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = text[digits..].strip_prefix(['h', 'H'])?;
    if rest.starts_with(char::is_alphanumeric) {
        return None;
    }
    let word_before = sentence[..at]
        .split_whitespace()
        .next_back()?
        .rsplit('\'')
        .next()?
        .to_lowercase();
    if !HOUR_PREPOSITIONS.contains(&word_before.as_str()) {
        return None;
    }
    let time = NaiveTime::from_hms_opt(text[..digits].parse().ok()?, 0, 0)?;
    Some((WrittenTime::of_day(time), rest))
}

/// What `every` and `each` count when they make a schedule (`every night`, `each
/// Monday`); `on every runner` counts no time.
const PERIODS: [&str; 19] = [
    "day",
    "night",
    "hour",
    "minute",
    "week",
    "month",
    "morning",
    "evening",
    "afternoon",
    "weekday",
    "weekend",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "time",
];

/// How many words either side of a time a schedule's word qualifies it from.
const SCHEDULE_REACH: usize = 4;

/// Whether the time at `start..end` of `sentence` is a schedule's (`backups run daily at
/// 03:00`, `at 03:00 every night`): a schedule's word stands near it. Elsewhere in the
/// sentence such a word says nothing of the time (`the PyTorch nightly package index`).
fn scheduled(sentence: &str, start: usize, end: usize) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let before = words(&sentence[..start]);
    let after = words(&sentence[end..]);
    let schedules = |words: &[String], at: usize| {
        let word = words[at].as_str();
        SCHEDULE_WORDS.contains(&word)
            && (!matches!(word, "every" | "each")
                // Right before the time, it counts the time itself (`every Monday at 09:00`
                // is read as a day and a time).
                || words.get(at + 1).is_none_or(|next| {
                    let next = next.trim_end_matches('s');
                    PERIODS.contains(&next) || next.chars().all(|c| c.is_ascii_digit())
                }))
    };
    (before.len().saturating_sub(SCHEDULE_REACH)..before.len()).any(|at| schedules(&before, at))
        || (0..after.len().min(SCHEDULE_REACH)).any(|at| schedules(&after, at))
}

/// The times a sentence tells that are moments: the end of a range (`from 11:22 UTC –
/// 13:40 UTC`, `between 10:15am and 12:35pm`, `19-Jul-2015 09:23 UTC – 20-Jul-2015 10:39
/// UTC`) goes with its start, whose row keeps the sentence that tells both.
fn moments_in(sentence: &str) -> Vec<(usize, usize, WrittenTime)> {
    let times = times_in(sentence);
    let mut moments: Vec<(usize, usize, WrittenTime)> = Vec::new();
    // Where the last time read ends, a restatement's too (`09:00 CEST (03:00 AM EDT, 00:00
    // PDT)`).
    let mut last_end = 0;
    for time in times {
        // `At 1505 EST, 2005 UTC,`: the same moment written again in another zone.
        let restated = moments.last().is_some_and(|(_, _, before)| {
            before.zone.is_some()
                && time.2.zone.is_some()
                && before.zone != time.2.zone
                && sentence.get(last_end..time.0).is_some_and(|gap| {
                    gap.chars()
                        .all(|c| matches!(c, ',' | '/' | '|' | '(' | '=' | ' '))
                })
        });
        last_end = time.1;
        let range_start = moments
            .last_mut()
            .filter(|(start, end, _)| ends_a_range(&sentence[*end..time.0], &sentence[..*start]));
        match range_start {
            // `between 6:15 PM and 6:18 PM (CET)`: the zone written once is both ends'.
            Some((_, _, start)) => {
                if start.zone.is_none() {
                    start.zone = time.2.zone;
                }
            }
            None if restated => {}
            None => moments.push(time),
        }
    }
    moments
}

/// Whether `gap`, the text between two times, makes the second the end of a range that
/// starts at the first: a dash or `to`, `until`, `till`, `through` (or `and` after
/// `between`), and at most the second time's day after it.
fn ends_a_range(gap: &str, before: &str) -> bool {
    let gap = gap.trim();
    let between = before.trim_end().to_lowercase().ends_with("between");
    let marks = [
        "\u{2013}", "\u{2014}", "-", "to", "until", "till", "through", "thru",
    ];
    let Some(rest) = marks
        .iter()
        .chain(between.then_some(&"and"))
        .find_map(|mark| {
            let rest = gap.strip_prefix(mark)?;
            // A word mark ends at a word's end: `tomorrow` is no `to`.
            (!mark.starts_with(char::is_alphabetic) || !rest.starts_with(char::is_alphabetic))
                .then_some(rest)
        })
    else {
        return false;
    };
    let rest = rest
        .trim()
        .trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    let rest = rest.strip_suffix(" at").unwrap_or(rest).trim();
    rest.is_empty() || read_day(rest).is_some_and(|(_, after)| after.trim().is_empty())
}

/// Where a sentence that tells several times is cut between them: at the first break
/// after each time but the last. `None` when some two times have no break between them,
/// and each row then holds the whole sentence.
fn cuts(sentence: &str, times: &[(usize, usize, WrittenTime)]) -> Option<Vec<usize>> {
    times
        .windows(2)
        .map(|pair| {
            let (from, to) = (pair[0].1, pair[1].0);
            let between = &sentence[from..to];
            CLAUSE_BREAKS
                .iter()
                .filter_map(|mark| between.find(mark).map(|at| (at, at + mark.len())))
                .chain(east_asian_clause_break(between))
                .min()
                .map(|(end, start)| (from + end, from + start))
        })
        .collect::<Option<Vec<(usize, usize)>>>()
        .map(|cuts| {
            let mut bounds = vec![0];
            for (end, start) in cuts {
                bounds.push(end);
                bounds.push(start);
            }
            bounds.push(sentence.len());
            bounds
        })
}

/// The break between clauses, written the way Chinese and Japanese write them, that ends
/// the text between two times: the last semicolon, else the last comma (full-width, or with
/// no space before the next character), so that each time keeps the clauses after it
/// (`…下线;14:15 联系…`, `…历时较长,19 点完成…`). `text` ends where the next time starts.
fn east_asian_clause_break(text: &str) -> Option<(usize, usize)> {
    let marks = |wanted: &[char]| {
        text.char_indices().rev().find_map(|(at, c)| {
            let after = at + c.len_utf8();
            let next = text[after..].chars().next();
            let written_tight = match c {
                '；' | '，' | '、' => true,
                ';' | ',' => {
                    next.is_none_or(is_written_without_spaces)
                        && text[..at]
                            .chars()
                            .next_back()
                            .is_some_and(is_written_without_spaces)
                }
                _ => false,
            };
            (written_tight && wanted.contains(&c)).then_some((at, after))
        })
    };
    marks(&[';', '；']).or_else(|| marks(&[',', '，', '、']))
}

/// A part of a sentence as a row's event: without the commas and spaces around it.
fn tidy(part: &str) -> String {
    part.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .to_owned()
}

#[cfg(test)]
#[path = "told_times_tests.rs"]
mod tests;
