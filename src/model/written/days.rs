//! Reading the day a time is on, in the forms people write it, and settling it in context.
//!
//! `2018-10-21`, `21 October 2018`, `October 21, 2018`, `2018 October 21`, `Oct 21`,
//! `August 5th`, `Sunday, 21 Oct`, `25/09/2024`, `09/25/2024`, `5/27`, `24/07/25`,
//! `25.09.2024`, `Today`, `Yesterday` and weekday names. A date written with numbers alone
//! can be day-first or month-first; [`DayOrder`] says which, decided from the other dates
//! of the same source where they tell, else from the document's zone.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::dates::{PastedDate, month_and_day, month_named, read_iso_date, weekday_named};
use super::day_order::DayOrder;
use super::error::TimeEntryError;
use super::place::calendar_date;
use super::zones::zone_named;

/// A day as written, before its context settles it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WrittenDay {
    /// A date whose month and day are known; the year may be missing.
    Date(PastedDate),
    /// Numbers alone, `a/b` or `a/b/year`, whose order the source decides.
    Numeric {
        /// The first number.
        first: u32,
        /// The second number.
        second: u32,
        /// The year, when written (two digits read as 20xx).
        year: Option<i32>,
    },
    /// `Today` (0) or `Yesterday` (-1), against the day in force.
    Relative(i8),
    /// A weekday alone: the nearest such day on or before the day in force.
    Weekday(Weekday),
}

/// What settles a written day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayContext {
    /// The day in force: the incident's, or the date line above.
    pub reference: NaiveDate,
    /// How numeric dates are read.
    pub order: DayOrder,
    /// The last day a date written without its year may be: today, where what is read has
    /// already happened; `None` takes the year nearest `reference` wherever it falls.
    pub latest: Option<NaiveDate>,
}

impl WrittenDay {
    /// The day after this one, as written (`the following day` after `June 20th`), or
    /// `None` where only the source's context could tell it (numbers alone, whose order is
    /// not known yet).
    #[must_use]
    pub fn day_after(self) -> Option<Self> {
        self.moved_by_a_day(true)
    }

    /// The day before this one, as [`WrittenDay::day_after`] finds the day after it.
    #[must_use]
    pub fn day_before(self) -> Option<Self> {
        self.moved_by_a_day(false)
    }

    /// The day after this one (`forward`) or before it.
    fn moved_by_a_day(self, forward: bool) -> Option<Self> {
        match self {
            Self::Date(date) => {
                // A date without its year is taken in a year without 29 February: the day
                // after 28 February is then 1 March, as it is three years in four.
                let year = date.year.unwrap_or(2001);
                let day = NaiveDate::from_ymd_opt(year, date.month, date.day)
                    .or_else(|| NaiveDate::from_ymd_opt(2000, date.month, date.day))?;
                let moved = if forward {
                    day.succ_opt()?
                } else {
                    day.pred_opt()?
                };
                Some(Self::Date(PastedDate {
                    year: date.year.map(|_| moved.year()),
                    month: moved.month(),
                    day: moved.day(),
                }))
            }
            Self::Numeric { .. } => None,
            Self::Relative(offset) => {
                let step = if forward { 1 } else { -1 };
                offset.checked_add(step).map(Self::Relative)
            }
            Self::Weekday(weekday) => Some(Self::Weekday(if forward {
                weekday.succ()
            } else {
                weekday.pred()
            })),
        }
    }

    /// The calendar date this stands for in `context`.
    pub fn settle(self, context: DayContext) -> Result<NaiveDate, TimeEntryError> {
        match self {
            Self::Date(date) => calendar_date(date, context.reference, context.latest),
            Self::Numeric {
                first,
                second,
                year,
            } => {
                let (month, day) = match context.order {
                    DayOrder::DayFirst => (second, first),
                    DayOrder::MonthFirst => (first, second),
                };
                calendar_date(
                    PastedDate { year, month, day },
                    context.reference,
                    context.latest,
                )
            }
            Self::Relative(offset) => {
                let days = Days::new(u64::from(offset.unsigned_abs()));
                if offset < 0 {
                    context.reference.checked_sub_days(days)
                } else {
                    context.reference.checked_add_days(days)
                }
                .ok_or(TimeEntryError::Unreadable)
            }
            Self::Weekday(weekday) => {
                let back = (7 + context.reference.weekday().num_days_from_monday()
                    - weekday.num_days_from_monday())
                    % 7;
                context
                    .reference
                    .checked_sub_days(Days::new(u64::from(back)))
                    .ok_or(TimeEntryError::Unreadable)
            }
        }
    }
}

/// `01-Jun-19`, `04-Jan-2020`: the day, the month's name and the year joined by dashes, as
/// Discord's exporter and some logs write them, by slashes (`20/March/2015`, `10/Oct/2000`
/// as web servers log), or with nothing between them (`09Aug09`, `30Jan2007`, as outage
/// lists and old logs do); a two-digit year is this century's.
fn day_month_year_dashed(text: &str) -> Option<(WrittenDay, &str)> {
    let (day, rest) = super::scan::digits(text, 1, 2)?;
    let joiner = rest.chars().next().filter(|c| matches!(c, '-' | '/'));
    let rest = joiner.map_or(rest, |joiner| &rest[joiner.len_utf8()..]);
    let month_end = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let month = super::dates::month_named(&rest[..month_end])?;
    let rest = &rest[month_end..];
    let rest = match joiner {
        Some(joiner) => rest.strip_prefix(joiner)?,
        None => rest,
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let year: i32 = rest[..digits].parse().ok()?;
    let year = match digits {
        2 => 2000 + year,
        4 => year,
        _ => return None,
    };
    let rest = &rest[digits..];
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let date = PastedDate {
        year: Some(year),
        month,
        day,
    };
    date.is_possible()
        .then(|| (WrittenDay::Date(date), after_day(rest)))
}

/// A month written with its year and no day at the start of `text` (`July 2017`, `Jul.
/// 2017`, `juillet 2017`): the month and the year. A month's English name is written with
/// its capital here, so that `may 2017 …` is no month; the languages that write theirs
/// small are read as they write them (`Incident de septembre 2021`).
#[must_use]
pub fn read_month_of_a_year(text: &str) -> Option<(u32, i32)> {
    let mut words = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty());
    let month_word = words.next()?.trim_end_matches('.');
    if !(month_word.starts_with(char::is_uppercase)
        || super::dates::names_a_month_in_another_language(month_word))
    {
        return None;
    }
    let month = month_named(month_word)?;
    let year = words
        .next()?
        .trim_end_matches(['.', ':', ';', ')', '*', '_']);
    if year.len() != 4 || !year.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    Some((month, year.parse().ok()?))
}

/// A day written with its weekday but not its year at the start of `text` (`Friday, March
/// 28th`, `Mon 31 Mar`): the last such day no later than `latest` that falls on that
/// weekday. A month's day falls on a given weekday once in every few years, so the weekday
/// dates a page that names no year better than the year of the import does.
#[must_use]
pub fn day_its_weekday_dates(text: &str, latest: NaiveDate) -> Option<NaiveDate> {
    let text = text.trim_start();
    let first = text.split([' ', ',', '\u{a0}']).next()?;
    let weekday = weekday_named(first.trim_end_matches('.'))?;
    let (WrittenDay::Date(date), _) = read_day(text)? else {
        return None;
    };
    if date.year.is_some() {
        return None;
    }
    // The calendar repeats itself every 28 years.
    (0..28).map(|back| latest.year() - back).find_map(|year| {
        NaiveDate::from_ymd_opt(year, date.month, date.day)
            .filter(|day| *day <= latest && day.weekday() == weekday)
    })
}

/// Reads a day at the start of `text`; returns it and the rest (after a comma or `at`).
#[must_use]
pub fn read_day(text: &str) -> Option<(WrittenDay, &str)> {
    let text = text.trim_start();
    if let Some((date, rest)) = read_iso_date(text) {
        return Some((WrittenDay::Date(date), rest));
    }
    if let Some(found) = year_first_after_an_apostrophe(text) {
        return Some(found);
    }
    if let Some(found) = read_numeric(text) {
        return Some(found);
    }
    // `9月15日(水)`: a day as Japanese, Chinese and Korean write it, the year perhaps left out.
    if let Some(((year, month, day), rest)) = super::east_asian::read_east_asian_day(text) {
        let date = PastedDate { year, month, day };
        return date.is_possible().then_some((WrittenDay::Date(date), rest));
    }
    if let Some(found) = day_month_year_dashed(text) {
        return Some(found);
    }
    let words = words_with_ends(text);
    let word = |index: usize| words.get(index).map(|(word, _)| *word);
    let rest_after = |index: usize| &text[words[index].1..];
    // A weekday first: `Sunday, October 21`, or alone.
    let skip = usize::from(word(0).and_then(weekday_named).is_some());
    let lower = word(0).map(str::to_lowercase);
    match lower.as_deref() {
        Some("today") => return Some((WrittenDay::Relative(0), after_day(rest_after(0)))),
        Some("yesterday") => return Some((WrittenDay::Relative(-1), after_day(rest_after(0)))),
        _ => {}
    }
    // Numbers after a weekday: `Tue 03/09`, `Tuesday 11-April-2017`.
    if skip == 1 {
        let after_weekday = rest_after(0).trim_start_matches([',', ' ']);
        if let Some(found) =
            read_numeric(after_weekday).or_else(|| day_month_year_dashed(after_weekday))
        {
            return Some(found);
        }
    }
    let (a, b, c) = (word(skip), word(skip + 1), word(skip + 2));
    let year_of = |word: Option<&str>| {
        word.filter(|word| word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|word| word.parse::<i32>().ok())
    };
    // `2018 October 21`, else `October 21[, 2018]` or `21 October[ 2018]`.
    let month_day = |first: Option<&str>, second: Option<&str>| {
        first
            .zip(second)
            .and_then(|(first, second)| month_and_day(first, second))
    };
    let found = match (year_of(a), month_day(b, c)) {
        (Some(year), Some((month, day))) => Some((
            PastedDate {
                year: Some(year),
                month,
                day,
            },
            skip + 2,
        )),
        _ => month_day(a, b).map(|(month, day)| {
            // `Feb 9 1924 UTC` is 19:24 on February 9th: four digits before a zone are a
            // time written without its colon, not a year.
            let zone_follows = word(skip + 3).is_some_and(|next| zone_named(next).is_some());
            let year = year_of(c).filter(|_| !zone_follows);
            (
                PastedDate { year, month, day },
                skip + 1 + usize::from(year.is_some()),
            )
        }),
    };
    if let Some((date, last)) = found {
        return date
            .is_possible()
            .then(|| (WrittenDay::Date(date), after_day(rest_after(last))));
    }
    if skip == 1 {
        return word(0)
            .and_then(weekday_named)
            .map(|weekday| (WrittenDay::Weekday(weekday), after_day(rest_after(0))));
    }
    None
}

/// The text after a day, past a comma, `at` or `@` that join it to a time.
fn after_day(rest: &str) -> &str {
    let trimmed = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    for joint in ["at ", "@ ", "@"] {
        if let Some(after) = trimmed.strip_prefix(joint) {
            return after;
        }
    }
    trimmed
}

/// `'22.10.15(토)`, `'19/05/21`: a year of two digits after an apostrophe, then the month
/// and the day, as Korean and Japanese notices write a day (a weekday in brackets may
/// follow).
fn year_first_after_an_apostrophe(text: &str) -> Option<(WrittenDay, &str)> {
    let rest = text.strip_prefix(['\'', '\u{2019}'])?;
    let (year, rest) = super::scan::digits(rest, 2, 2)?;
    let joiner = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '/' | '-'))?;
    let (month, rest) = super::scan::digits(&rest[1..], 1, 2)?;
    let (day, rest) = super::scan::digits(rest.strip_prefix(joiner)?, 1, 2)?;
    if rest.starts_with(|c: char| c.is_ascii_digit() || c == joiner) {
        return None;
    }
    let date = PastedDate {
        year: Some(2000 + i32::try_from(year).ok()?),
        month,
        day,
    };
    date.is_possible().then(|| {
        (
            WrittenDay::Date(date),
            after_day(super::east_asian::after_weekday(rest)),
        )
    })
}

/// Two numbers joined by a dash at the start of `text` (`10-01`), read as a day the way
/// `10/01` is. Alone that is a range or a score as often as a date, so only the time reader
/// takes it, where a time follows (`10-01 09:45`, as a table's time column writes).
pub(super) fn read_dashed_pair(text: &str) -> Option<(WrittenDay, &str)> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .unwrap_or(text.len());
    let (first, second) = text[..end].split_once('-')?;
    if second.contains('-') {
        return None;
    }
    let slashed = format!("{first}/{second}");
    let (day, _) = read_numeric(&slashed)?;
    Some((day, &text[end..]))
}

/// `25/09/2024`, `9/25/24`, `5/27`, `5-26-21`, `24-10-2024`, `25.09.2024` at the start of
/// `text`.
fn read_numeric(text: &str) -> Option<(WrittenDay, &str)> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '/' | '.' | '-')))
        .unwrap_or(text.len());
    let token = text[..end].trim_end_matches(['.', '-']);
    let rest = &text[token.len()..];
    let dotted = token.contains('.');
    let dashed = token.contains('-');
    let parts: Vec<&str> = token.split(['/', '.', '-']).collect();
    let separators = [token.contains('/'), dotted, dashed];
    if separators.iter().filter(|used| **used).count() != 1 {
        return None;
    }
    // `12-05` alone is a range or a score more often than a date: dashes need a year (the
    // time reader takes two numbers and a dash before a time, `10-01 09:45`, as a day).
    if dashed && parts.len() != 3 {
        return None;
    }
    let number = |part: &str| -> Option<u32> {
        ((1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (first, second, year) = match parts[..] {
        [first, second] if !dotted => (number(first)?, number(second)?, None),
        [first, second, year] => {
            let year = match year.len() {
                2 => 2000 + year.parse::<i32>().ok()?,
                4 => year.parse::<i32>().ok()?,
                _ => return None,
            };
            (number(first)?, number(second)?, Some(year))
        }
        _ => return None,
    };
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    // Impossible both ways round (`13/13`) is no date.
    let possible = |month: u32, day: u32| PastedDate { year, month, day }.is_possible();
    if !possible(first, second) && !possible(second, first) {
        return None;
    }
    // One way round only: the numbers say which, whatever the source's order.
    let day = match (possible(first, second), possible(second, first)) {
        (true, false) => WrittenDay::Date(PastedDate {
            year,
            month: first,
            day: second,
        }),
        (false, true) => WrittenDay::Date(PastedDate {
            year,
            month: second,
            day: first,
        }),
        _ => WrittenDay::Numeric {
            first,
            second,
            year,
        },
    };
    Some((day, after_day(rest)))
}

/// The words of `text` (split at spaces, commas and a colon that no digit follows, a
/// trailing `.` dropped) with where each ends in `text`, up to the fourth.
fn words_with_ends(text: &str) -> Vec<(&str, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let colon_ends =
            c == ':' && !text[at + 1..].starts_with(|next: char| next.is_ascii_digit());
        let separator = c.is_whitespace() || c == ',' || colon_ends;
        match (start, separator) {
            (None, false) => start = Some(at),
            (Some(from), true) => {
                let word = text[from..at].trim_end_matches('.');
                words.push((word, at));
                start = None;
                if words.len() == 5 {
                    break;
                }
            }
            _ => {}
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str, order: DayOrder) -> Option<NaiveDate> {
        let reference = NaiveDate::from_ymd_opt(2024, 9, 26).unwrap();
        let (day, _) = read_day(text)?;
        day.settle(DayContext {
            reference,
            order,
            latest: None,
        })
        .ok()
    }

    fn date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, month, day)
    }

    fn after(text: &str) -> Option<NaiveDate> {
        let (written, _) = read_day(text)?;
        written
            .day_after()?
            .settle(DayContext {
                reference: NaiveDate::from_ymd_opt(2024, 9, 26).unwrap(),
                order: DayOrder::DayFirst,
                latest: None,
            })
            .ok()
    }

    #[test]
    fn a_month_with_its_year_and_no_day() {
        assert_eq!(
            read_month_of_a_year("July 2017 IT service disruption"),
            Some((7, 2017))
        );
        assert_eq!(read_month_of_a_year("Jul. 2017:"), Some((7, 2017)));
        assert_eq!(read_month_of_a_year("July 21, 2017"), None);
        assert_eq!(read_month_of_a_year("may 2017 be better"), None);
        assert_eq!(read_month_of_a_year("July 20170"), None);
        assert_eq!(read_month_of_a_year("septembre 2021"), Some((9, 2021)));
    }

    #[test]
    fn a_weekday_dates_a_day_written_without_its_year() {
        let today = date(2026, 12, 6).unwrap();
        // 28 March 2026 is a Saturday; the last Friday 28 March was in 2025.
        assert_eq!(
            day_its_weekday_dates("Friday, March 28th, the public instance", today),
            date(2025, 3, 28)
        );
        assert_eq!(
            day_its_weekday_dates("Mon 31 Mar", today),
            date(2025, 3, 31)
        );
        // Never after the day of the import, though the weekday fits a later one.
        assert_eq!(
            day_its_weekday_dates("Sunday, December 6", date(2026, 12, 5).unwrap()),
            date(2020, 12, 6)
        );
        // A year written, or no weekday, leaves the day to the other rules.
        assert_eq!(
            read_day("Tuesday 11-April-2017: access restored"),
            Some((
                WrittenDay::Date(PastedDate {
                    year: Some(2017),
                    month: 4,
                    day: 11
                }),
                ": access restored"
            ))
        );
        assert_eq!(
            day_its_weekday_dates("samedi 16 novembre, de 18h00 à 22h00", today),
            date(2024, 11, 16)
        );
        assert_eq!(day_its_weekday_dates("Friday, March 28, 2014", today), None);
        assert_eq!(day_its_weekday_dates("March 28", today), None);
        assert_eq!(day_its_weekday_dates("Friday", today), None);
    }

    #[test]
    fn the_day_after_a_written_day_crosses_months_and_years() {
        assert_eq!(after("June 20th, 2020"), date(2020, 6, 21));
        assert_eq!(after("31 December 2019"), date(2020, 1, 1));
        assert_eq!(after("2024-02-28"), date(2024, 2, 29));
        // Without a year (settled in the year nearest the day in force, here 2025): 28
        // February is followed by 1 March, and so is 29 February.
        assert_eq!(after("Feb 28"), date(2025, 3, 1));
        assert_eq!(after("Feb 29"), date(2025, 3, 1));
        assert_eq!(after("Yesterday"), date(2024, 9, 26));
        // Numbers alone wait for the source's order; the day after is not guessed.
        assert_eq!(after("5/6"), None);
        let (monday, _) = read_day("Monday").unwrap();
        assert_eq!(monday.day_after(), Some(WrittenDay::Weekday(Weekday::Tue)));
        assert_eq!(monday.day_before(), Some(WrittenDay::Weekday(Weekday::Sun)));
        let march_first = WrittenDay::Date(PastedDate {
            year: Some(2024),
            month: 3,
            day: 1,
        });
        assert_eq!(
            march_first.day_before(),
            Some(WrittenDay::Date(PastedDate {
                year: Some(2024),
                month: 2,
                day: 29
            }))
        );
    }

    #[test]
    fn the_forms_people_write() {
        let order = DayOrder::DayFirst;
        assert_eq!(day("2018-10-21", order), date(2018, 10, 21));
        assert_eq!(day("21 October 2018", order), date(2018, 10, 21));
        assert_eq!(day("October 21, 2018", order), date(2018, 10, 21));
        assert_eq!(day("2018 October 21", order), date(2018, 10, 21));
        assert_eq!(day("Sunday, October 21, 2018", order), date(2018, 10, 21));
        assert_eq!(day("Sep 21", order), date(2024, 9, 21));
        assert_eq!(day("August 5th", order), date(2024, 8, 5));
        assert_eq!(day("25.09.2024", order), date(2024, 9, 25));
        // Dots follow the source's order as slashes do where both readings make a day.
        assert_eq!(day("03.04.2024", DayOrder::DayFirst), date(2024, 4, 3));
        assert_eq!(day("8.12.2022", DayOrder::MonthFirst), date(2022, 8, 12));
        assert_eq!(day("Today", order), date(2024, 9, 26));
        assert_eq!(day("yesterday", order), date(2024, 9, 25));
        // The 26th is a Thursday: Monday is the 23rd.
        assert_eq!(day("Monday", order), date(2024, 9, 23));
        assert_eq!(day("Thursday", order), date(2024, 9, 26));
        // Discord's exporter: the day, the month's name and a two-digit year, with dashes.
        assert_eq!(day("01-Jun-19 08:00 AM", order), date(2019, 6, 1));
        assert_eq!(day("04-Jan-2020", order), date(2020, 1, 4));
        assert_eq!(day("04-Jan-20x", order), None);
        // A year of two digits after an apostrophe comes first.
        assert_eq!(day("'22.10.15(토) 15:19", order), date(2022, 10, 15));
        assert_eq!(day("\u{2019}19/05/21", order), date(2019, 5, 21));
        assert_eq!(day("'22.10.15.3", order), None);
        // Slashes, as a title or a web server's log writes them; a mixed pair is no day.
        assert_eq!(day("20/March/2015", order), date(2015, 3, 20));
        assert_eq!(day("10/Oct/2000:13:55:36 -0700", order), date(2000, 10, 10));
        assert_eq!(day("20/March-2015", order), None);
    }

    #[test]
    fn numbers_alone_follow_the_order_unless_they_say_it_themselves() {
        assert_eq!(day("25/09/2024", DayOrder::MonthFirst), date(2024, 9, 25));
        assert_eq!(day("09/25/2024", DayOrder::DayFirst), date(2024, 9, 25));
        assert_eq!(day("03/04/2024", DayOrder::DayFirst), date(2024, 4, 3));
        assert_eq!(day("03/04/2024", DayOrder::MonthFirst), date(2024, 3, 4));
        assert_eq!(day("5/27", DayOrder::DayFirst), date(2024, 5, 27));
        assert_eq!(day("24/07/25", DayOrder::DayFirst), date(2025, 7, 24));
        assert_eq!(day("5-26-21", DayOrder::DayFirst), date(2021, 5, 26));
        assert_eq!(day("24-10-2024", DayOrder::MonthFirst), date(2024, 10, 24));
        assert_eq!(day("02-03-2025", DayOrder::DayFirst), date(2025, 3, 2));
        assert_eq!(day("12-05", DayOrder::DayFirst), None);
        assert_eq!(day("12-05 09:45", DayOrder::DayFirst), None);
        assert_eq!(day("13/13/2024", DayOrder::DayFirst), None);
    }

    #[test]
    fn what_follows_a_day_is_left() {
        let (_, rest) = read_day("Oct 21, 2018 at 2:45 PM").unwrap();
        assert_eq!(rest, "2:45 PM");
        let (_, rest) = read_day("25/09/2024 14:03").unwrap();
        assert_eq!(rest.trim(), "14:03");
        assert_eq!(read_day("May the fix hold"), None);
        assert_eq!(read_day("14:03"), None);
        // Four digits before a zone are the time, not the year.
        let (day, rest) = read_day("Feb 9 1924 UTC: resync").unwrap();
        assert_eq!(
            day,
            WrittenDay::Date(PastedDate {
                year: None,
                month: 2,
                day: 9
            })
        );
        assert_eq!(rest.trim(), "1924 UTC: resync");
        let (day, _) = read_day("Feb 9 2025 at noon").unwrap();
        assert!(matches!(
            day,
            WrittenDay::Date(PastedDate {
                year: Some(2025),
                ..
            })
        ));
        for (written, year, month, day) in
            [("09Aug09", 2009, 8, 9), ("30Jan2007 10:00am", 2007, 1, 30)]
        {
            let (read, _) = read_day(written).unwrap();
            assert_eq!(
                read,
                WrittenDay::Date(PastedDate {
                    year: Some(year),
                    month,
                    day
                }),
                "{written}"
            );
        }
        // A number glued to a word is no day unless the word is a month's.
        assert!(read_day("3rd").is_none_or(|(day, _)| !matches!(day, WrittenDay::Date(_))));
        assert!(read_day("10am").is_none());
        let (day, _) = read_day("2025-Feb-07").unwrap();
        assert!(matches!(
            day,
            WrittenDay::Date(PastedDate {
                year: Some(2025),
                month: 2,
                day: 7
            })
        ));
    }
}
