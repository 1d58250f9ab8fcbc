//! Reading a time where a line, cell or field starts with one: `14:03`, `14:03:10`,
//! `2:03 PM`, `2:03pm`, `2:03 p.m.`, `2 PM`, `14:20 UTC`, `14:20Z`, `14:20 +02:00`, ISO 8601
//! timestamps such as `2015-10-06T21:30:42Z` or `2025-08-01 14:03`; marked approximate
//! (`~14:03`, `±14:03`, `approx. 14:03`, `around 2 PM`, `circa 14:03`) or written as a range
//! (`14:03–14:10`, `2:03 PM - 2:10 PM`, `14:03 to 14:10`), which reads as its start.
//!
//! Everything here walks the text by characters, so any Unicode (and any whitespace) is safe.

use chrono::{Datelike, NaiveTime};

use super::dates::read_iso_date;
use super::days::{WrittenDay, read_dashed_pair, read_day};
use super::scan::digits;
use super::zones::{PasteZone, read_zone};

/// A time read from the start of a text, with what was written around it: its day, its
/// zone, a range's end and the marks of an approximate time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WrittenTime {
    /// The day written with it, if any.
    pub date: Option<WrittenDay>,
    /// The time of day, on the 24-hour clock.
    pub time: NaiveTime,
    /// The zone written after it, if any.
    pub zone: Option<PasteZone>,
    /// Whether it was written with AM or PM.
    pub twelve_hour: bool,
    /// Whether its hour was written with one digit and no AM or PM (`1:50`): the way a
    /// 12-hour clock is written when the mark is left off, so it may be afternoon.
    pub bare_hour: bool,
    /// Whether it was marked approximate (`~`, `approx.`, `around`).
    pub approximate: bool,
    /// Where a range ends (`14:03–14:10`), when it was written as one.
    pub until: Option<NaiveTime>,
}

impl WrittenTime {
    /// A time of day written alone: no day, zone, mark or range with it.
    #[must_use]
    pub const fn of_day(time: NaiveTime) -> Self {
        Self {
            date: None,
            time,
            zone: None,
            twelve_hour: false,
            bare_hour: false,
            approximate: false,
            until: None,
        }
    }

    /// What a row's notes keep of a time that says more than an instant: `approx. 14:03`,
    /// `14:03–14:10`; `None` for a plain time.
    #[must_use]
    pub fn as_written_note(&self) -> Option<String> {
        let start = crate::model::time::format_time_of_day(self.time);
        let written = match self.until {
            Some(until) => format!(
                "{start}\u{2013}{}",
                crate::model::time::format_time_of_day(until)
            ),
            None => start,
        };
        match (self.approximate, self.until.is_some()) {
            (false, false) => None,
            (true, _) => Some(format!("Time approximate: {written}")),
            (false, true) => Some(format!("Time range: {written}")),
        }
    }
}

/// The words and signs that mark a time as approximate, longest first.
const APPROXIMATE: [&str; 16] = [
    "approximately",
    "approx.",
    "approx",
    "around",
    "circa",
    "about",
    // The same in German, French and Spanish: `gegen 17 Uhr`, `vers 14h`, `hacia las 3`.
    "gegen",
    "etwa",
    "vers",
    "environ",
    "hacia",
    "ca.",
    "c.",
    "~",
    "\u{b1}",
    "\u{2248}",
];

/// The words that open a sentence telling its time: `At 14:03 UTC, the alert fired`, `On
/// October 21, 2018 at 14:03 …`, `By 14:30 …`, `As of 17:30, …`, `At or around 2:35 AM, …`,
/// and from when something went on as French and Spanish say it (`À partir de 13:17:
/// erreurs 500 …`, `A partir de las 10:00`).
const SENTENCE_LEADS: [&str; 8] = [
    "at or ",
    "at ",
    "on ",
    "by ",
    "as of ",
    "\u{e0} partir de ",
    "a partir de las ",
    "a partir de ",
];

/// A line that opens with a sentence telling its time (`At approximately 5:40 EST, we
/// experienced …`, `On 2023-10-06 at 09:00 CEST we will …`, `Around 14:03 the …`), rather
/// than with a stamp: a word leads to the time. A mark that is a sign (`~14:03`) is a
/// stamp's, so it does not count.
#[must_use]
pub fn opens_with_a_told_time(text: &str) -> bool {
    let text = text.trim_start();
    let led = SENTENCE_LEADS
        .iter()
        .any(|lead| strip_prefix_ignoring_case(text, lead).is_some())
        || text.starts_with(char::is_alphabetic) && strip_approximate(text).is_some();
    led && read_clock(text).is_some()
}

/// Strips a mark of approximation from the start of `text`.
fn strip_approximate(text: &str) -> Option<&str> {
    APPROXIMATE.iter().find_map(|mark| {
        let rest = strip_prefix_ignoring_case(text, mark)?;
        let word = mark.chars().all(char::is_alphabetic);
        // A word must end before the time (`around 14:03`, not `aroundabout`).
        if word && !rest.starts_with(char::is_whitespace) {
            return None;
        }
        Some(rest.trim_start())
    })
}

/// Reads a time at the start of `text` (after any whitespace) and returns it with the text
/// after it; `None` when the text does not start with a time that exists.
#[must_use]
pub fn read_clock(text: &str) -> Option<(WrittenTime, &str)> {
    let text = text.trim_start();
    // A sentence that opens with its time.
    for lead in SENTENCE_LEADS {
        if let Some(rest) = strip_prefix_ignoring_case(text, lead)
            && let Some(found) = read_clock(rest)
        {
            return Some(found);
        }
    }
    if let Some(found) = range_in_words(text) {
        return Some(found);
    }
    if let Some(rest) = strip_approximate(text) {
        let (clock, rest) = read_clock(rest)?;
        return Some((
            WrittenTime {
                approximate: true,
                ..clock
            },
            rest,
        ));
    }
    if let Some(found) = basic_timestamp(text) {
        return Some(found);
    }
    let (date, rest) = match read_iso_date(text) {
        Some((date, rest)) => {
            // A date is part of a timestamp only with a time right after it.
            // `2018-08-22T15:26`, `2018-08-22 15:26`, `2018-08-22, 03:26pm`, `2021/5/26 at
            // 21:03`.
            let rest = rest.strip_prefix(['T', 't']).unwrap_or_else(|| {
                let rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
                strip_prefix_ignoring_case(rest, "at ")
                    .or_else(|| rest.strip_prefix("@ "))
                    .unwrap_or(rest)
            });
            (Some(WrittenDay::Date(date)), rest)
        }
        None => match day_before_a_time(text) {
            Some((day, rest)) => (Some(day), rest),
            None => (None, text),
        },
    };
    // `2018-10-08 ~18:10`: the mark may stand between the day and the time.
    let (approximate, rest) = match strip_approximate(rest).filter(|_| date.is_some()) {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let bytes = rest.as_bytes();
    let one_digit_hour =
        bytes.first().is_some_and(u8::is_ascii_digit) && bytes.get(1) == Some(&b':');
    let (time, twelve_hour, rest) = read_time_of_day(rest)
        .or_else(|| military_time(rest))
        .or_else(|| dotted_time(rest))
        .or_else(|| super::east_asian::read_east_asian_time(rest))?;
    let bare_hour = one_digit_hour && !twelve_hour;
    let (until, until_twelve_hour, rest) = match read_range_end(rest) {
        Some((until, twelve_hour, rest)) => (Some(until), twelve_hour, rest),
        None => (None, false, rest),
    };
    // `1:30-2:45 PM`: the mark at the end of a range is the start's too.
    let (time, twelve_hour) = match until {
        Some(until) if until_twelve_hour && !twelve_hour => (start_before(time, until), true),
        _ => (time, twelve_hour),
    };
    let rest = after_oclock(rest);
    // `2:20/1:20 PM EST/CST`: the same moment on two zones' clocks, each zone after its time
    // in turn. The first is the one read, with the mark that follows the second.
    let (time, twelve_hour, zone, rest) = match in_two_zones(time, twelve_hour, until, rest) {
        Some((time, zone, rest)) => (time, true, Some(zone), rest),
        None => match read_zone(rest) {
            Some((zone, rest)) => (time, twelve_hour, Some(zone), rest),
            None => (time, twelve_hour, None, rest),
        },
    };
    // `Mon Jun 21 23:15:04 2021`, as C's `ctime` and many logs stamp lines: the year comes
    // after the time.
    let (date, rest) = match (date, year_after_a_time(rest)) {
        (Some(WrittenDay::Date(day)), Some((year, after))) if day.year.is_none() => (
            Some(WrittenDay::Date(super::dates::PastedDate {
                year: Some(year),
                ..day
            })),
            after,
        ),
        (date, _) => (date, rest),
    };
    let (date, rest) = match date {
        Some(date) => (Some(date), rest),
        None => match day_after_a_time(rest) {
            Some((day, rest)) => (Some(day), rest),
            None => (None, rest),
        },
    };
    // `5時30分頃`, `3点左右`, `3시경`: Japanese, Chinese and Korean mark a time approximate
    // after it.
    let (approximate, rest) = match super::east_asian::after_approximate_mark(rest) {
        Some(rest) => (true, rest),
        None => (approximate, rest),
    };
    Some((
        WrittenTime {
            date,
            time,
            zone,
            twelve_hour,
            bare_hour,
            approximate,
            until,
        },
        rest,
    ))
}

/// A time given again on a second zone's clock after a slash (`2:20` then `/1:20 PM
/// EST/CST`): the first time with the second's AM or PM, the first zone, and the text
/// after both zones. `None` for any other text, or when the first time had its own mark or
/// was a range.
fn in_two_zones(
    time: NaiveTime,
    twelve_hour: bool,
    until: Option<NaiveTime>,
    rest: &str,
) -> Option<(NaiveTime, PasteZone, &str)> {
    use chrono::Timelike;
    if twelve_hour || until.is_some() {
        return None;
    }
    let (second, second_twelve_hour, after) = read_time_of_day(rest.strip_prefix('/')?)?;
    if !second_twelve_hour {
        return None;
    }
    let afternoon = second.hour() >= 12;
    let (first_zone, zones_after) = read_zone(after)?;
    let (_, past_zones) = read_zone(zones_after.strip_prefix('/')?)?;
    let hour = on_the_24_hour_clock(time.hour(), afternoon)?;
    Some((time.with_hour(hour)?, first_zone, past_zones))
}

/// Whether `text` opens with the German word for the hour (` Uhr`): `17 Uhr` is 17:00, as
/// `2 PM` is 14:00. (The other words that say as much, `h` and `hrs`, stand after numbers
/// that are spans too: `24 h`.)
fn says_oclock(text: &str) -> bool {
    text.strip_prefix(" Uhr")
        .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
}

/// Whether `text`, right after a time's minutes, opens with an `h` alone (`14:21h:`,
/// `14:21h,`): the hour's mark glued to the time.
fn glued_hour_mark(text: &str) -> bool {
    text.strip_prefix('h')
        .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
}

/// `text` past a word that says the number before it is a time of day: `10:00 Uhr`,
/// `14:30 h`, `1400 hrs`, `3 o'clock`.
fn after_oclock(text: &str) -> &str {
    // `14:21h`: the hour's mark glued to the minutes, as Dutch and French notices write it.
    if glued_hour_mark(text) {
        return &text[1..];
    }
    let Some(rest) = text.strip_prefix(' ') else {
        return text;
    };
    for word in ["Uhr", "uhr", "uur", "hrs", "h", "o'clock", "o’clock"] {
        if let Some(after) = rest.strip_prefix(word)
            && !after.starts_with(char::is_alphanumeric)
        {
            return after;
        }
    }
    text
}

/// A year right after a time, one space between (` 2021]`): the end of a `ctime` stamp.
fn year_after_a_time(text: &str) -> Option<(i32, &str)> {
    let rest = text.strip_prefix(' ')?;
    let (year, after) = digits(rest, 4, 4)?;
    let year = i32::try_from(year)
        .ok()
        .filter(|year| (1970..=2100).contains(year))?;
    (!after.starts_with(char::is_alphanumeric)).then_some((year, after))
}

/// A Unix time that stands as a log's stamp: seconds (`1569876804`) or milliseconds
/// (`1569876804123`) since 1970, at the start of `text` and followed by nothing or by a
/// space, between 2000 and 2100; read as the instant it is, in UTC. Only a log's lines are
/// read so (a chat logger that writes the stamp, the nick and the text on lines of their
/// own): in prose or a table, ten digits are as often an order number.
#[must_use]
pub fn read_unix_stamp(text: &str) -> Option<(WrittenTime, &str)> {
    let text = text.trim_start();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &text[digits..];
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let number: i64 = text[..digits].parse().ok()?;
    let seconds = match digits {
        10 => number,
        13 => number / 1000,
        _ => return None,
    };
    // 2000-01-01 to 2100-01-01.
    if !(946_684_800..4_102_444_800).contains(&seconds) {
        return None;
    }
    let instant = chrono::DateTime::from_timestamp(seconds, 0)?.naive_utc();
    let date = super::dates::PastedDate {
        year: Some(instant.year()),
        month: instant.month(),
        day: instant.day(),
    };
    Some((
        WrittenTime {
            date: Some(WrittenDay::Date(date)),
            time: instant.time(),
            zone: Some(PasteZone::Utc),
            twelve_hour: false,
            bare_hour: false,
            approximate: false,
            until: None,
        },
        rest,
    ))
}

/// An ISO 8601 timestamp in the basic format, without separators, as some loggers stamp
/// their lines: `20110817T085727+0800`, `20240305T1402Z`.
fn basic_timestamp(text: &str) -> Option<(WrittenTime, &str)> {
    // Runs of digits glued together: taken by their places, not by where a run ends.
    let number = |text: &str, at: usize, length: usize| -> Option<u32> {
        let part = text.get(at..at + length)?;
        part.bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (year, month, day) = (
        number(text, 0, 4)?,
        number(text, 4, 2)?,
        number(text, 6, 2)?,
    );
    let rest = text.get(8..)?.strip_prefix(['T', 't'])?;
    let (hour, minute) = (number(rest, 0, 2)?, number(rest, 2, 2)?);
    let (second, rest) = match number(rest, 4, 2) {
        Some(second) => (second, &rest[6..]),
        None => (0, &rest[4..]),
    };
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let date = super::dates::PastedDate {
        year: Some(i32::try_from(year).ok()?),
        month,
        day,
    };
    if !date.is_possible() {
        return None;
    }
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    let (zone, rest) = match read_zone(rest) {
        Some((zone, rest)) => (Some(zone), rest),
        None => (None, rest),
    };
    Some((
        WrittenTime {
            date: Some(WrittenDay::Date(date)),
            time,
            zone,
            twelve_hour: false,
            bare_hour: false,
            approximate: false,
            until: None,
        },
        rest,
    ))
}

/// A day written before a time (`Oct 21 14:03`, `21 October 2018, 14:03`, `24-10-2024 04:45`,
/// `Today at 4:12 PM`, `Monday, 2:03 PM`): the day and the text where the time starts.
fn day_before_a_time(text: &str) -> Option<(WrittenDay, &str)> {
    if !text.starts_with(char::is_alphanumeric) {
        return None;
    }
    // Two numbers and a dash are a day only here, with a time after them (`10-01 09:45`).
    let (day, rest) = read_day(text).or_else(|| read_dashed_pair(text))?;
    // `Nov 06, 2019 - 21:48 UTC`: a dash may join the day to its time, or a bar set them
    // in columns (`May 21 | 09:30 | Status: up ➔ down.`, as an events list copies).
    let rest = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}' | '|')
    });
    // `Oct 1 ~15:00`: the time may be marked approximate. `Feb 7 1506 UTC`: four digits
    // with a zone are a time written without its colon.
    let time = strip_approximate(rest).unwrap_or(rest);
    read_time_of_day(time)
        .map(|_| ())
        .or_else(|| military_time(time).map(|_| ()))
        .or_else(|| super::east_asian::read_east_asian_time(time).map(|_| ()))?;
    Some((day, rest))
}

/// A day written after a time and its zone, closing the time's part of the line
/// (`12:45 PM PST Saturday Oct 30th: first wave`, `14:03 on 21 Oct - deploy`): the day and
/// the text after it. Only a day followed by a colon, a dash or the line's end counts, so a
/// message that starts with a month's name stays the message; a day written with its year
/// (`05:00 UTC 2016-05-16 an automated …`) counts whatever follows it.
fn day_after_a_time(text: &str) -> Option<(WrittenDay, &str)> {
    let trimmed = text.trim_start_matches([' ', ',', '\u{a0}']);
    let trimmed = strip_prefix_ignoring_case(trimmed, "on ").unwrap_or(trimmed);
    if !trimmed.starts_with(char::is_alphanumeric) {
        return None;
    }
    let (day, rest) = read_day(trimmed)?;
    let closes = rest.trim().is_empty()
        || rest.starts_with(':')
        || [
            " - ",
            " \u{2013} ",
            " \u{2014} ",
            "- ",
            "\u{2013} ",
            "\u{2014} ",
        ]
        .iter()
        .any(|dash| rest.starts_with(dash));
    // `read_day` steps past a comma after the day; that is no close.
    let before = &trimmed[..trimmed.len() - rest.len()];
    // `At 05:00 UTC 2016-05-16 an automated update …`: a day with its year is the time's
    // whatever follows it; one without (`at 10:00 2 servers failed`) must end the text.
    let with_its_year = matches!(day, WrittenDay::Date(date) if date.year.is_some())
        && (before.ends_with(char::is_whitespace) || !rest.starts_with(char::is_alphanumeric));
    ((closes || with_its_year) && !before.trim_end().ends_with(',')).then_some((day, rest))
}

/// `14:03`, `14:03:10`, `2:03 PM`, `2 PM`: the time, whether it had AM or PM, and the rest.
fn read_time_of_day(text: &str) -> Option<(NaiveTime, bool, &str)> {
    let (hour, rest) = digits(text, 1, 2)?;
    let hour_written = hour;
    // `14h02`, `9h30`: the hour and minutes set apart by an `h`, as French, Portuguese and
    // other languages write them; the minutes' two digits are needed (`24h` is a span).
    let after_h = rest
        .strip_prefix(['h', 'H'])
        .filter(|minutes| digits(minutes, 2, 2).is_some());
    let minute_written = rest.starts_with(':') || after_h.is_some();
    let (minute, second, rest) = match rest.strip_prefix(':').or(after_h) {
        Some(rest) => {
            let (minute, rest) = digits(rest, 2, 2)?;
            match rest.strip_prefix(':').and_then(|rest| digits(rest, 2, 2)) {
                Some((second, rest)) => (minute, second, skip_fraction(rest)),
                None => (minute, 0, rest),
            }
        }
        // An hour alone is a time only with AM or PM after it (`2 PM`), or with a word
        // that says it is the hour (`17 Uhr`).
        None if read_meridiem(rest).is_some() || (hour < 24 && says_oclock(rest)) => (0, 0, rest),
        None => return None,
    };
    // `11:21a`, `12:28p`: a meridiem's letter alone, glued to the minutes (apart, ` a` is
    // the article of the sentence the time opens).
    let meridiem_letter = minute_written.then(|| meridiem_letter(rest)).flatten();
    // A time runs into no further digit or letter: `14:034` and `14:03abc` are not times.
    // Chinese, Japanese and Korean put no space before the word after it (`18:00頃`).
    if rest
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() && !super::east_asian::is_written_without_spaces(c))
        && !starts_with_meridiem_or_zone(rest)
        && meridiem_letter.is_none()
        // `14:21h`: the hour's mark glued to the minutes.
        && !(minute_written && glued_hour_mark(rest))
    {
        return None;
    }
    let meridiem = read_meridiem(rest).or(meridiem_letter);
    let (hour, rest) = match meridiem {
        // `13:55 PM`, `23:00 AM`: a 24-hour time with a needless mark, which the hour
        // outweighs (a `13 PM` without minutes is nobody's time).
        Some((_, rest)) if hour > 12 && hour < 24 && minute_written => (hour, rest),
        Some((afternoon, rest)) => (on_the_24_hour_clock(hour, afternoon)?, rest),
        None => (hour, rest),
    };
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    Some((time, meridiem.is_some() && hour_written <= 12, rest))
}

/// A 12-hour clock's hour with its AM or PM on the 24-hour clock: 12 AM is midnight, 12 PM
/// noon; `None` for an hour the 12-hour clock has not.
fn on_the_24_hour_clock(hour: u32, afternoon: bool) -> Option<u32> {
    if !(1..=12).contains(&hour) {
        return None;
    }
    Some(match (hour, afternoon) {
        (12, false) => 0,
        (12, true) => 12,
        (hour, false) => hour,
        (hour, true) => hour + 12,
    })
}

/// A cell of a table's column of times: any written time, or four digits alone, which an
/// operations log writes for a time without its colon (`0730`, `1845`). Alone in a sentence
/// they are a number or a year; under a column headed `Time` they are the time.
#[must_use]
pub fn read_time_cell(cell: &str) -> Option<(WrittenTime, &str)> {
    if let Some(read) = read_clock(cell) {
        return Some(read);
    }
    let cell = cell.trim();
    let (number, rest) = super::scan::digits(cell, 4, 4)?;
    if !rest.trim().is_empty() {
        return None;
    }
    let time = NaiveTime::from_hms_opt(number / 100, number % 100, 0)?;
    Some((WrittenTime::of_day(time), rest))
}

/// Reads a time told inside a sentence: what `read_clock` reads, and also a dotted time
/// with the word for the clock's hour after it (`Um 11.08 Uhr gab es Probleme`, `rond 13.00
/// uur een aantal minuten`), which a line's opening takes for no entry of a timeline.
#[must_use]
pub fn read_clock_in_sentence(text: &str) -> Option<(WrittenTime, &str)> {
    if let Some(read) = read_clock(text) {
        return Some(read);
    }
    let (hour, minute, rest) = hour_dot_minutes(text.trim_start())?;
    let rest = past_the_word_for_the_hour(rest)?;
    let time = NaiveTime::from_hms_opt(hour, minute, 0)?;
    Some((WrittenTime::of_day(time), rest))
}

/// `10.42am`, `10.42: alerted`, `23.45 uur`: the hour and minutes set apart by a dot, as
/// British and Australian English, Dutch and German write them. A time only with AM or PM
/// after it, the word for the clock's hour (`uur`, `Uhr`), or a colon or a dash as an
/// entry's time: `2.50 million` and `10.42 seconds` are numbers.
fn dotted_time(text: &str) -> Option<(NaiveTime, bool, &str)> {
    let (hour, minute, rest) = hour_dot_minutes(text)?;
    if rest.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return None;
    }
    if let Some((afternoon, after)) = read_meridiem(rest) {
        let hour = on_the_24_hour_clock(hour, afternoon)?;
        return Some((NaiveTime::from_hms_opt(hour, minute, 0)?, true, after));
    }
    // `**23.45 uur –** Vanuit …`: the word for the hour, then the entry's dash or colon
    // (or nothing, as a heading); `rond 13.00 uur een aantal minuten` is a sentence's.
    let entry = if let Some(after) = past_the_word_for_the_hour(rest) {
        let after = after.trim_start_matches(['*', '_', ' ', '\u{a0}']);
        after.is_empty() || after.starts_with(['-', '\u{2013}', '\u{2014}', ':'])
    } else {
        rest.starts_with(": ")
            || [" - ", " \u{2013} ", " \u{2014} "]
                .iter()
                .any(|dash| rest.starts_with(dash))
            || opens_an_entry(text, rest)
    };
    entry
        .then(|| NaiveTime::from_hms_opt(hour, minute, 0))
        .flatten()
        .map(|time| (time, false, rest))
}

/// The hour and the minutes set apart by a dot at the start of `text` (`11.08`), and the
/// rest.
fn hour_dot_minutes(text: &str) -> Option<(u32, u32, &str)> {
    let (hour, rest) = digits(text, 1, 2)?;
    let (minute, rest) = digits(rest.strip_prefix('.')?, 2, 2)?;
    Some((hour, minute, rest))
}

/// `text` past the Dutch or German word for the clock's hour at its start (` uur`, ` Uhr`),
/// when no letter or digit runs on from it (`Uhrwerk`).
fn past_the_word_for_the_hour(text: &str) -> Option<&str> {
    [" uur", " Uhr", " uhr"].iter().find_map(|word| {
        text.strip_prefix(word)
            .filter(|after| !after.starts_with(char::is_alphanumeric))
    })
}

/// Whether a dotted time written with both digits of its hour (`11.13`, `09.05`) opens an
/// entry, a space and its words after it (`11.13 First alerts from updown`): so a timeline
/// that writes its times the British way is read. A number with its unit after it (`10.42
/// seconds`, `12.50 EUR`) is a quantity.
fn opens_an_entry(text: &str, rest: &str) -> bool {
    const UNITS: [&str; 24] = [
        "second", "sec", "minute", "min", "hour", "hr", "ms", "day", "week", "percent", "%",
        "million", "billion", "thousand", "times", "usd", "eur", "gbp", "gb", "mb", "kb", "tb",
        "km", "x",
    ];
    let two_digit_hour = text.as_bytes().get(1).is_some_and(u8::is_ascii_digit);
    let Some(after) = rest.strip_prefix(' ') else {
        return false;
    };
    let word = after
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches(['.', ',', ';', ':', 's'])
        .to_lowercase();
    two_digit_hour && !word.is_empty() && !UNITS.contains(&word.as_str())
}

/// `1445Z`, `1445 UTC`, `0930 PDT`: four digits with no colon are a time only with a zone
/// right after them, as operations logs write them, or with a colon and a space after them
/// as an entry's time (`1015: …`); alone they are a number. Three digits are a morning's
/// time with its leading zero left off (`600 EDT`, `925 EDT`), only with the zone.
fn military_time(text: &str) -> Option<(NaiveTime, bool, &str)> {
    let (number, rest) = digits(text, 3, 4)?;
    if number < 1000 && text.as_bytes().first() != Some(&b'0') {
        read_zone(rest)?;
    }
    let (hour, minute) = (number / 100, number % 100);
    // `1445Z`, `0930 PDT`; or `1015: Ana noticed …`, an entry's time written without its
    // colon, the colon after it.
    let entry = rest
        .strip_prefix(':')
        .is_some_and(|after| after.starts_with(char::is_whitespace));
    // `2026-06-21`: four digits before `-MM-` are a year, and `-06` is no offset.
    let iso_date = rest
        .strip_prefix('-')
        .and_then(|after| digits(after, 2, 2))
        .is_some_and(|(_, after)| after.starts_with('-'));
    if iso_date {
        return None;
    }
    if !entry {
        read_zone(rest)?;
    }
    Some((NaiveTime::from_hms_opt(hour, minute, 0)?, false, rest))
}

/// A range told in words at the start of a sentence: `Between 8:51 and 8:54, …`,
/// `Somewhere between 8:51 and 8:54`, `From 8:56 to 9:02, …`; read as its start, with its
/// end.
fn range_in_words(text: &str) -> Option<(WrittenTime, &str)> {
    let between = ["somewhere between ", "sometime between ", "between "]
        .iter()
        .find_map(|lead| strip_prefix_ignoring_case(text, lead));
    if let Some(rest) = between {
        let (clock, after) = read_clock(rest)?;
        if clock.until.is_some() {
            return Some((clock, after));
        }
        let end = strip_prefix_ignoring_case(after.trim_start(), "and ")?.trim_start();
        // Only a time with minutes ends a range: `between 14:03 and 2 more alerts` is none.
        if !end.char_indices().take(3).any(|(_, c)| c == ':') {
            return None;
        }
        let (until, _, rest) = read_time_of_day(end)?;
        // `Between 8:51 and 8:54 UTC`: the zone written once is both ends'.
        let (zone, rest) = read_zone(rest).map_or((None, rest), |(zone, rest)| (Some(zone), rest));
        return Some((
            WrittenTime {
                until: Some(until),
                zone: clock.zone.or(zone),
                ..clock
            },
            rest,
        ));
    }
    let rest = strip_prefix_ignoring_case(text, "from ")?;
    let (clock, after) = read_clock(rest)?;
    clock.until.is_some().then_some((clock, after))
}

/// The end of a range after its start: `–14:10`, ` - 2:10 PM`, ` to 14:10`, `->18:05`, or
/// on another day (`10:30->30Jan07 10:00`); with whether it was written with AM or PM.
fn read_range_end(text: &str) -> Option<(NaiveTime, bool, &str)> {
    let rest = text.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let rest = rest
        .strip_prefix("->")
        .or_else(|| rest.strip_prefix(['-', '\u{2013}', '\u{2014}', '\u{2212}', '\u{2192}']))
        .or_else(|| strip_prefix_ignoring_case(rest, "to ").filter(|_| rest.len() < text.len()))?;
    let rest = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    // The end's own day, when the range runs past midnight: the time after it ends it.
    let time_first = rest.char_indices().take(3).any(|(_, c)| c == ':');
    let rest = match super::days::read_day(rest) {
        // `– 2016年9月30日 2:00`: a space may stand between the end's day and its time.
        Some((WrittenDay::Date(_), after)) if !time_first => {
            after.trim_start_matches([' ', ',', '\u{a0}', '\u{202f}'])
        }
        _ => rest,
    };
    // Only a time with minutes ends a range: `14:03 - 2 alerts` is a time and a message.
    if !rest.char_indices().take(3).any(|(_, c)| c == ':') {
        return None;
    }
    let (until, twelve_hour, rest) = read_time_of_day(rest)?;
    Some((until, twelve_hour, rest))
}

/// The start of a range written without AM or PM before an end written with one: of its
/// morning and afternoon readings, the latest not after the end (`11:50-12:10 PM` starts
/// at 11:50, `1:30-2:45 PM` at 13:30).
fn start_before(start: NaiveTime, until: NaiveTime) -> NaiveTime {
    use chrono::Timelike;
    if !(1..=12).contains(&start.hour()) {
        return start;
    }
    let morning = start.with_hour(start.hour() % 12);
    let afternoon = start.with_hour(start.hour() % 12 + 12);
    [afternoon, morning]
        .into_iter()
        .flatten()
        .find(|candidate| *candidate <= until)
        .unwrap_or(start)
}

/// Skips `.123` after the seconds of a timestamp.
fn skip_fraction(text: &str) -> &str {
    match text.strip_prefix(['.', ',']) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => {
            rest.trim_start_matches(|c: char| c.is_ascii_digit())
        }
        _ => text,
    }
}

fn starts_with_meridiem_or_zone(text: &str) -> bool {
    read_meridiem(text).is_some() || read_zone(text).is_some()
}

/// Reads ` PM`, `pm`, ` a.m.`, ` p. m.` (as Spanish phones write it) and the like;
/// `Some(true)` for the afternoon.
fn read_meridiem(text: &str) -> Option<(bool, &str)> {
    let rest = text.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    for (written, afternoon) in [
        ("a.m.", false),
        ("p.m.", true),
        ("a. m.", false),
        ("p. m.", true),
        ("am", false),
        ("pm", true),
    ] {
        if let Some(after) = strip_prefix_ignoring_case(rest, written)
            && !after.starts_with(char::is_alphanumeric)
        {
            return Some((afternoon, after));
        }
    }
    None
}

/// `a` or `p` glued to a time's minutes and ending its word: the morning or the afternoon.
fn meridiem_letter(text: &str) -> Option<(bool, &str)> {
    let afternoon = match text.chars().next()? {
        'a' | 'A' => false,
        'p' | 'P' => true,
        _ => return None,
    };
    let after = &text[1..];
    (!after.starts_with(char::is_alphanumeric)).then_some((afternoon, after))
}

fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let mut rest = text.char_indices();
    for expected in prefix.chars() {
        let (_, found) = rest.next()?;
        // `À partir de` as `à partir de`: letters beyond ASCII have their cases too.
        if !(found.eq_ignore_ascii_case(&expected)
            || found.to_lowercase().eq(expected.to_lowercase()))
        {
            return None;
        }
    }
    Some(rest.next().map_or("", |(at, _)| &text[at..]))
}

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;

    use super::*;

    fn read(text: &str) -> Option<(NaiveTime, Option<PasteZone>, &str)> {
        read_clock(text).map(|(clock, rest)| (clock.time, clock.zone, rest))
    }

    fn hm(hour: u32, minute: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hour, minute, 0).unwrap()
    }

    #[test]
    fn a_sentence_opens_with_its_told_time_only_after_a_word_that_leads_to_it() {
        for told in [
            "At approximately 5:40 EST, we lost utility power.",
            "On 2023-10-06 at 09:00 CEST we will restart the nodes.",
            "by 14:30 the queue had drained",
            "As of 17:30, all regions are up.",
            "Around 14:03 the alerts fired",
            "Approx. 14:03 the alerts fired",
            "gegen 17:00 Uhr war alles wieder da",
            "\u{c0} partir de 13:17: erreurs 500 intermittentes",
        ] {
            assert!(opens_with_a_told_time(told), "{told}");
        }
        for not_told in [
            "14:03 the alerts fired",
            "~14:03 the alerts fired",
            "At the same time, the pool drained.",
            "Shortly after 14:00 the pool drained.",
            "Update 14:03: the pool drained",
        ] {
            assert!(!opens_with_a_told_time(not_told), "{not_told}");
        }
    }

    #[test]
    fn a_unix_stamp_is_the_instant_it_counts_and_only_a_plausible_one_is_read() {
        let (clock, rest) = read_unix_stamp("1569876804").unwrap();
        assert_eq!(clock.time, NaiveTime::from_hms_opt(20, 53, 24).unwrap());
        assert_eq!(
            clock.date,
            Some(WrittenDay::Date(super::super::dates::PastedDate {
                year: Some(2019),
                month: 9,
                day: 30
            }))
        );
        assert_eq!(clock.zone, Some(PasteZone::Utc));
        assert_eq!(rest, "");
        let (millis, rest) = read_unix_stamp("1569876804123 nrdmn: hi").unwrap();
        assert_eq!(millis.time, clock.time);
        assert_eq!(rest, " nrdmn: hi");
        // Too few or too many digits, before 2000, or glued to more text.
        for other in [
            "156987680",
            "15698768041",
            "0946684799",
            "1569876804abc",
            "12:03",
        ] {
            assert!(read_unix_stamp(other).is_none(), "{other}");
        }
    }

    #[test]
    fn twelve_hour_times_are_never_read_as_the_morning_by_mistake() {
        assert_eq!(read("2:03 PM alert").unwrap().0, hm(14, 3));
        assert_eq!(read("2:03pm alert").unwrap().0, hm(14, 3));
        assert_eq!(read("2:03 p.m. alert").unwrap().0, hm(14, 3));
        assert_eq!(read("08:49 p. m. - Ana: hola").unwrap().0, hm(20, 49));
        let (approximate, _) = read_clock("Oct 1 ~15:00 paged").unwrap();
        assert!(approximate.approximate && approximate.date.is_some());
        assert_eq!(approximate.time, hm(15, 0));
        // Two numbers and a dash before a time are its day, as a table's time column has it.
        let (dashed, rest) = read_clock("10-01 ~15:00 paged").unwrap();
        assert_eq!(
            dashed.date,
            Some(WrittenDay::Numeric {
                first: 10,
                second: 1,
                year: None
            })
        );
        assert_eq!((dashed.time, rest.trim()), (hm(15, 0), "paged"));
        assert!(read_clock("12-05 to 12-07").is_none());
        assert_eq!(read("11:25 a. m. - Ana").unwrap().0, hm(11, 25));
        assert_eq!(read("2:03 Pm").unwrap().0, hm(14, 3));
        assert_eq!(read("12:15 AM").unwrap().0, hm(0, 15));
        assert_eq!(read("12:15 PM").unwrap().0, hm(12, 15));
        assert_eq!(read("9:05 am").unwrap().0, hm(9, 5));
        assert_eq!(read("13 PM"), None);
        // A 24-hour time with a needless mark is the 24-hour time.
        assert_eq!(read("13:55 PM PST x").unwrap().0, hm(13, 55));
        assert_eq!(read("23:00 AM x").unwrap().0, hm(23, 0));
    }

    #[test]
    fn a_sentence_that_opens_with_its_time_and_times_without_a_colon() {
        assert_eq!(read("At 14:03 UTC, the alert fired").unwrap().0, hm(14, 3));
        assert_eq!(read("at around 2 PM we paged").unwrap().0, hm(14, 0));
        let (clock, _) = read_clock("At or around 2:35 AM, our monitoring alerted us").unwrap();
        assert_eq!((clock.time, clock.approximate), (hm(2, 35), true));
        assert_eq!(read("At or before the deadline"), None);
        let (clock, rest) = read_clock("On October 21, 2018 at 14:03 UTC, the link").unwrap();
        assert!(clock.date.is_some());
        assert_eq!(rest, ", the link");
        assert_eq!(read("By 14:30 the queue drained").unwrap().0, hm(14, 30));
        assert_eq!(read("At the start"), None);
        assert_eq!(read("1445Z paged").unwrap().0, hm(14, 45));
        assert_eq!(read("0930 PDT deploy").unwrap().0, hm(9, 30));
        assert_eq!(
            read("1015: Ana noticed a broken image").unwrap().0,
            hm(10, 15)
        );
        assert_eq!(read("~1230: Bo deployed a fix").unwrap().0, hm(12, 30));
        assert_eq!(read("1015 images were broken"), None);
        // A morning's time with its leading zero left off, only with its zone.
        assert_eq!(
            read("At 925 EDT our provider fixed it").unwrap().0,
            hm(9, 25)
        );
        assert_eq!(read("600 EDT cluster error").unwrap().0, hm(6, 0));
        assert_eq!(read("500: internal error"), None);
        assert_eq!(read("250 customers saw errors"), None);
        assert_eq!(read("975 UTC"), None);
        // Two days: the second's year is no time with an offset after it.
        assert_eq!(read("2026-06-20, 2026-06-21"), None);
        assert_eq!(read("1015:30"), None);
        // The mark of an approximate time may follow the day.
        let (clock, _) = read_clock("2018-10-08 ~18:10").unwrap();
        assert_eq!(clock.time, hm(18, 10));
        assert!(clock.approximate && clock.date.is_some());
        // A day before such a time dates it; its four digits are no year.
        let (clock, rest) = read_clock("Feb 7 1506 UTC: patch agreed").unwrap();
        assert_eq!(clock.time, hm(15, 6));
        assert!(matches!(
            clock.date,
            Some(WrittenDay::Date(super::super::dates::PastedDate {
                year: None,
                month: 2,
                day: 7
            }))
        ));
        assert_eq!(rest, ": patch agreed");
        // A day and its time in columns, as an events list is copied.
        let (clock, rest) = read_clock("May 21 | 09:30 | Status: up \u{2794} down.").unwrap();
        assert_eq!(clock.time, hm(9, 30));
        assert!(clock.date.is_some());
        assert!(rest.starts_with(" | Status"));
        // The mark at a range's end is its start's too.
        assert_eq!(read("1:30-2:45 PM: rollback").unwrap().0, hm(13, 30));
        assert_eq!(read("11:50-12:10 PM call").unwrap().0, hm(11, 50));
        assert_eq!(read("10:07-10:29 AM: call").unwrap().0, hm(10, 7));
        // Four digits alone are a number, not a time.
        assert_eq!(read("1445 requests failed"), None);
        assert_eq!(read("2019 was a good year"), None);
    }

    #[test]
    fn a_day_after_the_time_closing_its_part_of_the_line_dates_it() {
        let (clock, rest) = read_clock("12:45 PM PST Saturday Oct 30th: First wave").unwrap();
        assert_eq!(clock.time, hm(12, 45));
        assert!(matches!(
            clock.date,
            Some(WrittenDay::Date(date)) if date.month == 10 && date.day == 30
        ));
        assert_eq!(rest, ": First wave");
        // A message that starts with a month's name is the message.
        let (clock, rest) = read_clock("14:03 May Li joined the call").unwrap();
        assert_eq!(clock.date, None);
        assert_eq!(rest, " May Li joined the call");
        let (clock, _) = read_clock("14:03 on 21 Oct - deploy").unwrap();
        assert!(clock.date.is_some());
        // A day written with its year is the time's, whatever follows it.
        for (text, said) in [
            (
                "05:00 UTC 2016-05-16 an automated update",
                "an automated update",
            ),
            ("20:57 GMT 05 Jan 2010 and then", "and then"),
        ] {
            let (clock, rest) = read_clock(text).unwrap();
            assert!(
                matches!(clock.date, Some(WrittenDay::Date(date)) if date.year.is_some()),
                "{text}"
            );
            assert_eq!(rest.trim_start(), said, "{text}");
        }
        // Without its year, a day must close the time's part: a number after a time is
        // the message's.
        assert_eq!(read_clock("10:00 2 servers failed").unwrap().0.date, None);
        assert_eq!(
            read_clock("10:00 May 2 servers failed").unwrap().0.date,
            None
        );
        // "am" that starts a word is not a meridiem.
        assert_eq!(read("2:03 amazing").unwrap(), (hm(2, 3), None, " amazing"));
    }

    #[test]
    fn seconds_fractions_and_zones() {
        let berlin = FixedOffset::east_opt(2 * 3600).unwrap();
        assert_eq!(
            read("14:07:10 alice").unwrap().0,
            NaiveTime::from_hms_opt(14, 7, 10).unwrap()
        );
        assert_eq!(
            read("14:20 UTC: mitigated").unwrap().1,
            Some(PasteZone::Utc)
        );
        assert_eq!(read("14:20 UTC: mitigated").unwrap().2, ": mitigated");
        assert_eq!(read("14:20Z x").unwrap().1, Some(PasteZone::Utc));
        assert_eq!(
            read("14:20 +02:00 x").unwrap().1,
            Some(PasteZone::Offset(berlin))
        );
        assert_eq!(
            read("14:20 UTC+2 x").unwrap().1,
            Some(PasteZone::Offset(berlin))
        );
        assert_eq!(read("14:20 (UTC) x").unwrap().1, Some(PasteZone::Utc));
        // A summer time is its region's clock; a standard time stays fixed.
        assert_eq!(
            read("14:20 PDT x").unwrap().1,
            Some(PasteZone::Regional(
                chrono_tz::America::Los_Angeles,
                FixedOffset::west_opt(7 * 3600).unwrap()
            ))
        );
        assert_eq!(
            read("14:20 MST x").unwrap().1,
            Some(PasteZone::Offset(FixedOffset::west_opt(7 * 3600).unwrap()))
        );
        // A word that is not a zone stays in the text.
        assert_eq!(
            read("14:20 Zoe joined").unwrap(),
            (hm(14, 20), None, " Zoe joined")
        );
    }

    #[test]
    fn a_time_on_two_zones_clocks_is_the_first_with_its_zone() {
        let (clock, rest) = read_clock("2:20/1:20 PM EST/CST, the monitor alerted").unwrap();
        assert_eq!(clock.time, hm(14, 20));
        assert_eq!(clock.zone, read_zone("EST").map(|(zone, _)| zone));
        assert_eq!(rest, ", the monitor alerted");
        let (clock, _) = read_clock("7:30/6:30 pm CST/EST the link was repaired").unwrap();
        assert_eq!(clock.time, hm(19, 30));
        // A time and a fraction, or two times without a mark, stay as they were.
        assert_eq!(read_clock("14:20/15:20 done").unwrap().1, "/15:20 done");
    }

    #[test]
    fn dotted_times_with_the_word_for_the_hour() {
        // With the word for the clock's hour, then the entry's dash: `23.45 uur –`.
        let (clock, rest) = read_clock("23.45 uur –**Vanuit het niets").unwrap();
        assert_eq!(clock.time, hm(23, 45));
        assert_eq!(rest, " –**Vanuit het niets");
        assert_eq!(
            read_clock("0.30 uur -** Aankomst").unwrap().0.time,
            hm(0, 30)
        );
        assert_eq!(read_clock("13.30 uur** – Door").unwrap().0.time, hm(13, 30));
        // A sentence's time that a line happens to open with is no entry.
        assert!(read_clock("13.00 uur een aantal minuten").is_none());
        // Inside a sentence it is the time it says.
        let (clock, rest) = read_clock_in_sentence("11.08 Uhr gab es Probleme").unwrap();
        assert_eq!((clock.time, rest), (hm(11, 8), " gab es Probleme"));
        assert!(read_clock_in_sentence("2.50 Millionen Anfragen").is_none());
        assert!(read_clock_in_sentence("3.08 Uhrwerk").is_none());
    }

    #[test]
    fn iso_timestamps_carry_their_date_and_zone() {
        let (clock, rest) = read_clock("2015-10-06T21:30:42.123Z deploy").unwrap();
        assert_eq!(clock.time, NaiveTime::from_hms_opt(21, 30, 42).unwrap());
        assert_eq!(clock.zone, Some(PasteZone::Utc));
        assert_eq!(
            clock.date,
            Some(WrittenDay::Date(crate::model::written::PastedDate {
                year: Some(2015),
                month: 10,
                day: 6
            }))
        );
        assert_eq!(rest, " deploy");
        let (clock, _) = read_clock("2025-08-01 14:03 x").unwrap();
        assert_eq!(clock.time, hm(14, 3));
        assert!(clock.date.is_some());
        // The basic format, without separators, as loggers stamp lines.
        let (clock, rest) = read_clock("20110817T085727+0800]< sanyuan> hi").unwrap();
        assert_eq!(clock.time, NaiveTime::from_hms_opt(8, 57, 27).unwrap());
        assert_eq!(
            clock.zone,
            Some(PasteZone::Offset(FixedOffset::east_opt(8 * 3600).unwrap()))
        );
        assert_eq!(
            clock.date,
            Some(WrittenDay::Date(crate::model::written::PastedDate {
                year: Some(2011),
                month: 8,
                day: 17
            }))
        );
        assert_eq!(rest, "]< sanyuan> hi");
        assert!(read_clock("20111317T0857 x").is_none());
        // The hour and minutes set apart by a dot, as an entry's time or with AM/PM.
        assert_eq!(read_clock("10.42: alerted").unwrap().0.time, hm(10, 42));
        assert_eq!(read_clock("10.42am x").unwrap().0.time, hm(10, 42));
        assert_eq!(read_clock("4.05 pm - x").unwrap().0.time, hm(16, 5));
        assert!(read_clock("2.50 million users").is_none());
        assert!(read_clock("2.8.1 released").is_none());
        // With both digits of its hour, a dotted time opens an entry before its words.
        assert_eq!(
            read_clock("11.13 First alerts from updown").unwrap().0.time,
            hm(11, 13)
        );
        assert_eq!(read_clock("09.05 JP: restarting").unwrap().0.time, hm(9, 5));
        // An `h` between the hour and the minutes, as French and Portuguese write them.
        assert_eq!(
            read_clock("14h02 Début de l'incident").unwrap().0.time,
            hm(14, 2)
        );
        assert_eq!(read_clock("9h30: reprise").unwrap().0.time, hm(9, 30));
        assert_eq!(
            read_clock("26/09/2024 - 14h02 : Début").unwrap().0.time,
            hm(14, 2)
        );
        assert!(read_clock("24h of downtime").is_none());
        assert!(read_clock("2h300 x").is_none());
        for quantity in [
            "10.42 seconds later",
            "12.50 EUR a month",
            "3.14 is pi",
            "24.10 x",
        ] {
            assert!(read_clock(quantity).is_none(), "{quantity}");
        }
        // C's `ctime`: the year after the time.
        let (clock, rest) = read_clock("Mon Jun 21 23:15:04 2021] <bob>: hi").unwrap();
        assert_eq!(
            clock.date,
            Some(WrittenDay::Date(crate::model::written::PastedDate {
                year: Some(2021),
                month: 6,
                day: 21
            }))
        );
        assert_eq!(rest, "] <bob>: hi");
        // A number after a time with no day before it stays the message's.
        assert_eq!(
            read_clock("23:15 2021 was a year").unwrap().1,
            " 2021 was a year"
        );
        assert!(read_clock("201108170857 x").is_none());
        // A word that says "o'clock" is part of the time, not the message's first word.
        assert_eq!(
            read_clock("27.08.2022 10:00 Uhr: Die Tests").unwrap().1,
            ": Die Tests"
        );
        assert!(
            read_clock("14:00 hrs CET - paged")
                .unwrap()
                .0
                .zone
                .is_some()
        );
        assert_eq!(read_clock("14:03 Uhrwerk").unwrap().1, " Uhrwerk");
        // An hour alone with `Uhr` after it is that hour; `gegen` says it is about then.
        let (clock, rest) = read_clock("gegen 17 Uhr liegt eine Störung vor").unwrap();
        assert_eq!(
            (clock.time, clock.approximate, rest),
            (hm(17, 0), true, " liegt eine Störung vor")
        );
        assert!(read_clock("17 Uhrmacher").is_none());
        assert!(read_clock("24 h Ausfall").is_none());
    }

    #[test]
    fn an_east_asian_time_marked_approximate_after_it() {
        let (clock, rest) = read_clock("2021年9月11日(土) 5時30分 頃 ～ 継続中").unwrap();
        assert!(clock.approximate);
        assert_eq!(clock.time, NaiveTime::from_hms_opt(5, 30, 0).unwrap());
        assert_eq!(rest, " ～ 継続中");
        let (clock, _) = read_clock("9月15日(水) 6時00分、停止").unwrap();
        assert!(!clock.approximate);
        // A clock time runs into the word after it with no space, as these scripts write.
        let (clock, rest) = read_clock("2023-12-17 18:00頃 Google Domains").unwrap();
        assert!(clock.approximate);
        assert_eq!((clock.time, rest), (hm(18, 0), " Google Domains"));
        let (clock, rest) = read_clock("22:00にサーバを再起動").unwrap();
        assert_eq!((clock.time, rest), (hm(22, 0), "にサーバを再起動"));
        // Latin letters glued to a time still make it no time.
        assert!(read_clock("14:03abc").is_none());
    }

    #[test]
    fn approximate_times_and_ranges_read_as_their_start() {
        for text in [
            "~14:03 x",
            "\u{b1}14:03 x",
            "approx. 14:03 x",
            "Approximately 14:03 x",
            "around 2:03 PM x",
            "circa 14:03 x",
        ] {
            let (clock, rest) = read_clock(text).unwrap();
            assert_eq!(
                (clock.time, clock.approximate, rest),
                (hm(14, 3), true, " x"),
                "{text}"
            );
            assert_eq!(
                clock.as_written_note().as_deref(),
                Some("Time approximate: 14:03"),
                "{text}"
            );
        }
        for text in [
            "14:03\u{2013}14:10 x",
            "14:03 - 14:10 x",
            "14:03 to 14:10 x",
        ] {
            let (clock, rest) = read_clock(text).unwrap();
            assert_eq!(
                (clock.time, clock.until, rest),
                (hm(14, 3), Some(hm(14, 10)), " x")
            );
            assert_eq!(
                clock.as_written_note().as_deref(),
                Some("Time range: 14:03\u{2013}14:10")
            );
        }
        let (clock, rest) = read_clock("2:03 PM - 2:10 PM PT: x").unwrap();
        assert_eq!((clock.time, clock.until), (hm(14, 3), Some(hm(14, 10))));
        assert_eq!(
            clock.zone,
            Some(PasteZone::Named(chrono_tz::America::Los_Angeles))
        );
        assert_eq!(rest, ": x");
        // A status update's `As of` opens with its time as `At` does.
        let (clock, rest) = read_clock("As of 17:30 (5:30PM) the server is back").unwrap();
        assert_eq!(clock.time, NaiveTime::from_hms_opt(17, 30, 0).unwrap());
        assert!(rest.trim_start().starts_with("(5:30PM)"));
        // An arrow between them, and the end on a later day, as outage lists write them.
        let (clock, rest) = read_clock("16:25->18:05   outage at 55 King St").unwrap();
        assert_eq!(clock.until, NaiveTime::from_hms_opt(18, 5, 0));
        assert_eq!(rest.trim(), "outage at 55 King St");
        let (clock, rest) = read_clock("10:30->30Jan07 10:00   router fault").unwrap();
        assert_eq!(clock.until, NaiveTime::from_hms_opt(10, 0, 0));
        assert_eq!(rest.trim(), "router fault");
        for written in [
            "2019-09-29 16:00 \u{2013} 2019-09-30 02:00 disks replaced",
            "2016年9月29日 16:00 \u{2013} 2016年9月30日 2:00 disks replaced",
        ] {
            let (clock, rest) = read_clock(written).unwrap();
            assert_eq!(clock.until, NaiveTime::from_hms_opt(2, 0, 0), "{written}");
            assert_eq!(rest.trim(), "disks replaced");
        }
        // A dash and a count is a message, not a range.
        let (clock, rest) = read_clock("14:03 - 2 alerts").unwrap();
        assert_eq!((clock.until, rest), (None, " - 2 alerts"));
        assert_eq!(read_clock("aroundabout 14:03"), None);
    }

    #[test]
    fn a_meridiems_letter_glued_to_the_minutes() {
        assert_eq!(read("11:21a The API server").unwrap().0, hm(11, 21));
        assert_eq!(read("12:28p").unwrap().0, hm(12, 28));
        // The hour's mark glued to the minutes, as Dutch and French notices write it.
        assert_eq!(
            read("14:21h: recovered").unwrap(),
            (hm(14, 21), None, ": recovered")
        );
        assert_eq!(read("14:21hosts"), None);
        assert_eq!(read("1:05p: paged").unwrap().0, hm(13, 5));
        assert_eq!(read("12:10a").unwrap().0, hm(0, 10));
        // Apart from the time, `a` is the sentence's article; glued into a word, no mark.
        assert_eq!(read("11:21 a server restarted").unwrap().0, hm(11, 21));
        assert!(read("11:21abc").is_none());
        assert!(read("11:21pm2").is_none());
    }

    #[test]
    fn a_range_told_in_words_reads_as_its_start_with_its_end() {
        let (clock, rest) =
            read_clock("Somewhere between 8:51 and 8:54, the bridge stopped").unwrap();
        assert_eq!((clock.time, clock.until), (hm(8, 51), Some(hm(8, 54))));
        assert_eq!(rest, ", the bridge stopped");
        let (clock, rest) = read_clock("From 8:56 to 9:02, puppets timed out").unwrap();
        assert_eq!((clock.time, clock.until), (hm(8, 56), Some(hm(9, 2))));
        assert_eq!(rest, ", puppets timed out");
        let (clock, _) = read_clock("between 14:03 UTC and 14:10 UTC we paged").unwrap();
        assert_eq!(clock.until, Some(hm(14, 10)));
        // A zone written once, after the end, is the start's too.
        let (clock, rest) = read_clock("Between 8:51 and 8:54 CET, the bridge stopped").unwrap();
        assert_eq!(
            clock.zone,
            chrono::FixedOffset::east_opt(3600).map(PasteZone::Offset)
        );
        assert_eq!(rest, ", the bridge stopped");
        // Without an end, `from` opens no time; `between` needs one too.
        assert!(read_clock("From 8:56 the site was down").is_none());
        assert!(read_clock("between 14:03 and 2 more alerts").is_none());
        assert!(read_clock("between 2019 and 2020").is_none());
    }

    #[test]
    fn a_time_columns_cell_of_four_digits_is_a_time() {
        assert_eq!(
            read_time_cell("0730").map(|(clock, _)| clock.time),
            Some(hm(7, 30))
        );
        assert_eq!(
            read_time_cell(" 1845 ").map(|(clock, _)| clock.time),
            Some(hm(18, 45))
        );
        assert_eq!(
            read_time_cell("14:03").map(|(clock, _)| clock.time),
            Some(hm(14, 3))
        );
        // Not a time of day, or more than the digits.
        for cell in ["2460", "0799", "730", "0730 and on", "12345"] {
            assert!(read_time_cell(cell).is_none(), "{cell}");
        }
    }

    #[test]
    fn an_hour_alone_is_a_time_with_am_or_pm() {
        assert_eq!(read("2 PM alert").unwrap().0, hm(14, 0));
        assert_eq!(read("11am x").unwrap().0, hm(11, 0));
        assert_eq!(read("2 p.m.").unwrap().0, hm(14, 0));
        assert_eq!(read("2 alerts"), None);
        assert_eq!(read("14 PM"), None);
    }

    #[test]
    fn regions_and_their_plain_names() {
        let eastern = Some(PasteZone::Named(chrono_tz::America::New_York));
        assert_eq!(read("9:12 AM ET x").unwrap().1, eastern);
        assert_eq!(read("9:12 AM Eastern: x").unwrap().1, eastern);
        assert_eq!(read("9:12 AM Eastern time, x").unwrap().1, eastern);
        // A region's name before another word is the sentence's.
        assert_eq!(read("14:20 Central team paged").unwrap().1, None);
        assert!(matches!(
            read("14:20 IST x").unwrap().1,
            Some(PasteZone::Ambiguous(_))
        ));
    }

    #[test]
    fn what_is_not_a_time() {
        for text in [
            "", "x", "25:00", "14:60", "14:3", "123:00", "14:034", "14:03abc", "1403",
        ] {
            assert_eq!(read_clock(text), None, "{text}");
        }
    }
}
