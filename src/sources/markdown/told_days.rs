//! The day a time told in prose is on: a date written before it in its sentence (`On
//! Thursday, November 17th, 2016 at 14:05`), one written right after it (`by 08:35 UTC on
//! June 21st`), or the day after the one told before (`around 05:30 the next morning`).

use chrono::{Datelike, NaiveDate};

use crate::model::{PastedDate, WrittenDay, read_day};

/// The words that, before a part of the day, make it the day after the one in force: `the
/// following morning`, `next day`.
const NEXT_WORDS: [&str; 2] = ["following", "next"];

/// The parts of a day that [`NEXT_WORDS`] may name.
const PARTS_OF_A_DAY: [&str; 5] = ["day", "morning", "afternoon", "evening", "night"];

/// A day told with a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ToldDay {
    /// A day written out: `June 21st`, `07/07/2020`, `Monday`.
    Written(WrittenDay),
    /// The day after the one told before: `the following day`, `the next morning`.
    Next,
    /// A day of the month of the day told before: `on the 12th`.
    OfMonth(u32),
}

impl ToldDay {
    /// The day this stands for after `last`, the day told before it (`None`: the incident's
    /// own day, which [`WrittenDay::Relative`] counts from). A next day after numbers alone,
    /// whose order the source has not settled yet, stays on their day.
    pub(super) fn after(self, last: Option<WrittenDay>) -> Option<WrittenDay> {
        match self {
            // `Le dimanche 21 octobre … Samedi, à 16h51`: a weekday in a story told by its
            // dates is the nearest such day to the one told before, either side of it.
            Self::Written(WrittenDay::Weekday(weekday)) => Some(
                last.and_then(|last| nearest_weekday(last, weekday))
                    .unwrap_or(WrittenDay::Weekday(weekday)),
            ),
            Self::Written(day) => Some(day),
            Self::OfMonth(day) => match last {
                Some(WrittenDay::Date(date)) => Some(WrittenDay::Date(PastedDate { day, ..date })),
                _ => None,
            },
            Self::Next => match last {
                None => Some(WrittenDay::Relative(1)),
                Some(day) => day.day_after().or(Some(day)),
            },
        }
    }
}

/// The `weekday` nearest to `last`, a date written with its year, or `None` for any other
/// day.
fn nearest_weekday(last: WrittenDay, weekday: chrono::Weekday) -> Option<WrittenDay> {
    let WrittenDay::Date(PastedDate {
        year: Some(year),
        month,
        day,
    }) = last
    else {
        return None;
    };
    let nearest = nearest_weekday_to(NaiveDate::from_ymd_opt(year, month, day)?, weekday)?;
    day_counted_from(nearest, 0)
}

/// The `weekday` nearest to `last`, up to three days before or after it: `Jeudi` after a
/// Wednesday is the next day, `Lundi` the Monday before.
pub(super) fn nearest_weekday_to(last: NaiveDate, weekday: chrono::Weekday) -> Option<NaiveDate> {
    let ahead = i64::from(weekday.days_since(last.weekday()));
    last.checked_add_signed(chrono::TimeDelta::days(if ahead <= 3 {
        ahead
    } else {
        ahead - 7
    }))
}

/// The offsets where words begin: after a space, an opening bracket or a quotation mark
/// (`{{< track "2018-11-24 19:40:00" >}}`, a status site's stamp, is a day and a time).
pub(super) fn word_starts(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    text.char_indices().filter(|(at, c)| {
        !c.is_whitespace()
            && text[..*at].chars().next_back().is_none_or(|before| {
                before.is_whitespace() || matches!(before, '(' | '[' | '"' | '\'' | '“' | '‘')
            })
    })
}

/// The day told in `text`, a part of a sentence before a time: the first calendar day
/// written there (`On Thursday, November 17th, 2016 at`; a weekday alone only when no date
/// is), else the next day when the words say so (`The following morning, at`).
pub(super) fn day_in(text: &str) -> Option<ToldDay> {
    let days: Vec<WrittenDay> = word_starts(text)
        .filter_map(|(at, _)| read_day(&text[at..]).map(|(day, _)| day))
        .filter(|day| !matches!(day, WrittenDay::Relative(_)))
        .collect();
    days.iter()
        .find(|day| matches!(day, WrittenDay::Date(_) | WrittenDay::Numeric { .. }))
        .or(days.first())
        .copied()
        .map(ToldDay::Written)
        .or_else(|| tells_the_next_day(text).then_some(ToldDay::Next))
        .or_else(|| {
            word_starts(text).find_map(|(at, _)| {
                let (day, _) = day_of_the_month(&text[at..])?;
                Some(ToldDay::OfMonth(day))
            })
        })
}

/// `the 12th` (or `20일`, as Korean writes it) at the start of `text`: the day of the
/// month, and how many bytes it takes.
fn day_of_the_month(text: &str) -> Option<(u32, usize)> {
    // `3일 동안`, `3일간`: days counted, not a day of the month.
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits)
        && let Some(after) = text[digits..].strip_prefix('일')
        && !after.starts_with(['간', '째'])
        && !after.trim_start().starts_with("동안")
        && let Ok(day) = text[..digits].parse::<u32>()
        && (1..=31).contains(&day)
    {
        return Some((day, digits + '일'.len_utf8()));
    }
    let after_the = text
        .strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))?;
    let digits = after_the.bytes().take_while(u8::is_ascii_digit).count();
    let day: u32 = after_the.get(..digits)?.parse().ok()?;
    let suffix = ["st", "nd", "rd", "th"]
        .iter()
        .find(|suffix| after_the[digits..].starts_with(**suffix))?;
    let end = digits + suffix.len();
    let whole_word = after_the[end..]
        .chars()
        .next()
        .is_none_or(|next| !next.is_alphanumeric());
    ((1..=31).contains(&day) && whole_word).then_some((day, text.len() - after_the.len() + end))
}

/// The day written right after a time (`4:40pm GMT on December 30 (Friday)`, `05:30 the
/// next morning`), with how many bytes of `text` it and the words before it take.
pub(super) fn day_and_end_right_after(text: &str) -> Option<(ToldDay, usize)> {
    let trimmed = text.trim_start_matches([',', ' ']);
    if let Some(taken) = next_day_at_start(trimmed) {
        return Some((ToldDay::Next, text.len() - trimmed.len() + taken));
    }
    match trimmed
        .strip_prefix("on ")
        .or_else(|| trimmed.strip_prefix("On "))
    {
        Some(after_on) => read_day(after_on)
            .filter(|(day, _)| !matches!(day, WrittenDay::Relative(_)))
            .map(|(day, rest)| (ToldDay::Written(day), text.len() - rest.len()))
            .or_else(|| {
                let (day, taken) = day_of_the_month(after_on)?;
                Some((ToldDay::OfMonth(day), text.len() - after_on.len() + taken))
            }),
        // `by 01:30 UTC June 23rd, 2020`: without `on`, only a day its month names.
        None => read_day(trimmed)
            .filter(|(day, _)| matches!(day, WrittenDay::Date(_)))
            .filter(|_| trimmed.starts_with(char::is_alphabetic))
            .map(|(day, rest)| (ToldDay::Written(day), text.len() - rest.len())),
    }
}

/// Whether `text` speaks of the day after the one in force: `the following day`, `next
/// morning`, `the day after`.
pub(super) fn tells_the_next_day(text: &str) -> bool {
    let words: Vec<String> = lower_words(text).map(|(_, word)| word).collect();
    words
        .windows(2)
        .any(|pair| names_the_next_day(&pair[0], &pair[1]))
        || words
            .windows(3)
            .any(|three| three[0] == "the" && three[1] == "day" && three[2] == "after")
}

/// Two words that name a day against the day the page was written: `last night` is the day
/// before, `this morning` the day itself.
const RELATIVE_PAIRS: [(&str, &str, i8); 14] = [
    ("last", "night", -1),
    ("last", "evening", -1),
    ("this", "morning", 0),
    ("this", "afternoon", 0),
    ("this", "evening", 0),
    ("earlier", "today", 0),
    ("hier", "soir", -1),
    ("hier", "matin", -1),
    ("ce", "matin", 0),
    ("ce", "soir", 0),
    ("heute", "morgen", 0),
    ("heute", "früh", 0),
    ("esta", "mañana", 0),
    ("esta", "manhã", 0),
];

/// `yesterday` in other languages (`hier` alone is also German's `here`, so French's
/// counts only in a pair: `hier soir`).
const YESTERDAYS: [&str; 8] = [
    "yesterday",
    "gestern",
    "ayer",
    "ontem",
    "ieri",
    "gisteren",
    "wczoraj",
    "igår",
];

/// `today` in other languages; French writes `aujourd'hui`, two words here.
const TODAYS: [&str; 8] = [
    "today", "heute", "hoy", "hoje", "oggi", "vandaag", "dzisiaj", "idag",
];

/// Whether `word` (then `next`) says today.
fn says_today(word: &str, next: &str) -> bool {
    TODAYS.contains(&word) || (word == "aujourd" && next == "hui")
}

/// The day the words of `text` name against the day the page was written, in days from it:
/// `yesterday` and `last night` the day before, `this morning` and `tonight` that day.
/// `today` alone counts only `with_today`: before a time in its sentence (`today at around
/// 14:00`) it dates the time, but a sentence that only says `Today, our platform serves …`
/// speaks of the present.
pub(super) fn relative_day_in(text: &str, with_today: bool) -> Option<i8> {
    let words: Vec<String> = lower_words(text).map(|(_, word)| word).collect();
    words.iter().enumerate().find_map(|(at, word)| {
        let next = words.get(at + 1).map_or("", String::as_str);
        relative_pair(word, next).or(match word.as_str() {
            word if YESTERDAYS.contains(&word) => Some(-1),
            "tonight" => Some(0),
            word if with_today && says_today(word, next) => Some(0),
            _ => None,
        })
    })
}

/// The day named against the day the page was written right at the start of `text`, the
/// words after a time (`18:50 UTC last night`, `08:33 UTC today`).
pub(super) fn relative_day_at_start(text: &str) -> Option<i8> {
    let mut words = lower_words(text.trim_start_matches([',', ' '])).map(|(_, word)| word);
    let first = words.next()?;
    let second = words.next().unwrap_or_default();
    relative_pair(&first, &second).or(match first.as_str() {
        word if YESTERDAYS.contains(&word) => Some(-1),
        "tonight" => Some(0),
        word if says_today(word, &second) => Some(0),
        _ => None,
    })
}

fn relative_pair(first: &str, second: &str) -> Option<i8> {
    RELATIVE_PAIRS
        .iter()
        .find(|(one, two, _)| *one == first && *two == second)
        .map(|(_, _, days)| *days)
}

/// The day `days` from `written_on`, the day the page was written, as a date written in
/// full.
pub(super) fn day_counted_from(written_on: NaiveDate, days: i8) -> Option<WrittenDay> {
    let date = written_on.checked_add_signed(chrono::TimeDelta::days(i64::from(days)))?;
    Some(WrittenDay::Date(PastedDate {
        year: Some(date.year()),
        month: date.month(),
        day: date.day(),
    }))
}

/// How many bytes a next day written at the start of `text` takes (`the following day`,
/// `of the next morning`, `next day`), or `None` when it does not start with one.
fn next_day_at_start(text: &str) -> Option<usize> {
    let mut words = lower_words(text).skip_while(|(_, word)| word == "of" || word == "the");
    let (_, first) = words.next()?;
    let (at, second) = words.next()?;
    names_the_next_day(&first, &second).then_some(at + second.len())
}

fn names_the_next_day(first: &str, second: &str) -> bool {
    NEXT_WORDS.contains(&first) && PARTS_OF_A_DAY.contains(&second)
}

/// The words of `text` in lower case, each with where it starts.
fn lower_words(text: &str) -> impl Iterator<Item = (usize, String)> + '_ {
    text.char_indices()
        .filter(|(at, c)| {
            c.is_alphanumeric()
                && text[..*at]
                    .chars()
                    .next_back()
                    .is_none_or(|before| !before.is_alphanumeric())
        })
        .map(|(at, _)| {
            let word: String = text[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            (at, word.to_lowercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn right_after(text: &str) -> Option<(ToldDay, &str)> {
        day_and_end_right_after(text).map(|(day, end)| (day, &text[end..]))
    }

    #[test]
    fn the_next_day_is_told_before_or_right_after_a_time() {
        assert!(tells_the_next_day("The following morning, at"));
        assert!(tells_the_next_day("On the day after, around"));
        assert!(!tells_the_next_day("over the next 24 hours, by"));
        assert!(!tells_the_next_day("the next deploy at"));
        assert_eq!(
            right_after(" the next morning and checked"),
            Some((ToldDay::Next, " and checked"))
        );
        assert_eq!(
            right_after(" UTC of the following night, the"),
            None,
            "the zone is read with the time; only what follows it is looked at"
        );
        assert_eq!(
            right_after(" of the following night, the"),
            Some((ToldDay::Next, ", the"))
        );
        assert_eq!(right_after(" the next release"), None);
    }

    #[test]
    fn the_next_day_follows_the_day_told_before() {
        let june_20 = read_day("June 20th, 2020").map(|(day, _)| day);
        let june_21 = read_day("June 21st, 2020").map(|(day, _)| day);
        assert_eq!(ToldDay::Next.after(june_20), june_21);
        assert_eq!(ToldDay::Next.after(None), Some(WrittenDay::Relative(1)));
        let numbers = read_day("5/6").map(|(day, _)| day);
        assert_eq!(ToldDay::Next.after(numbers), numbers);
    }

    #[test]
    fn a_day_of_the_month_is_in_the_month_told_before() {
        assert_eq!(
            right_after(" on the 12th. Filters"),
            Some((ToldDay::OfMonth(12), ". Filters"))
        );
        assert_eq!(
            right_after(" on the 12th floor"),
            Some((ToldDay::OfMonth(12), " floor"))
        );
        assert_eq!(right_after(" on the 12thousand"), None);
        assert_eq!(right_after(" on the 40th"), None);
        assert_eq!(day_in("On the 3rd, at"), Some(ToldDay::OfMonth(3)));
        assert_eq!(day_in("정상화되어 20일 "), Some(ToldDay::OfMonth(20)));
        assert_eq!(day_in("3일 동안 "), None);
        assert_eq!(day_in("3일간 "), None);
        let november_9 = read_day("November 9, 2018").map(|(day, _)| day);
        let november_12 = read_day("November 12, 2018").map(|(day, _)| day);
        assert_eq!(ToldDay::OfMonth(12).after(november_9), november_12);
        assert_eq!(ToldDay::OfMonth(12).after(None), None);
    }
}
