//! Reading a time where a pasted line or cell starts with one: `14:03`, `14:03:10`,
//! `2:03 PM`, `2:03pm`, `2:03 p.m.`, `14:20 UTC`, `14:20Z`, `14:20 +02:00`, and ISO 8601
//! timestamps such as `2015-10-06T21:30:42Z` or `2025-08-01 14:03`.
//!
//! Everything here walks the text by characters, so any Unicode (and any whitespace) is safe.

use chrono::NaiveTime;

use super::dates::{PastedDate, read_iso_date};
use super::scan::digits;
use super::zones::{PasteZone, read_zone};

/// A time read from the start of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    /// The date written with it, if any.
    pub date: Option<PastedDate>,
    /// The time of day, on the 24-hour clock.
    pub time: NaiveTime,
    /// The zone written after it, if any.
    pub zone: Option<PasteZone>,
    /// Whether it was written with AM or PM.
    pub twelve_hour: bool,
}

/// Reads a time at the start of `text` (after any whitespace) and returns it with the text
/// after it; `None` when the text does not start with a time that exists.
#[must_use]
pub fn read_clock(text: &str) -> Option<(Clock, &str)> {
    let text = text.trim_start();
    let (date, rest) = match read_iso_date(text) {
        Some((date, rest)) => {
            // A date is part of a timestamp only with a time right after it.
            let rest = rest
                .strip_prefix(['T', 't'])
                .unwrap_or_else(|| rest.trim_start());
            (Some(date), rest)
        }
        None => (None, text),
    };
    let (hour, rest) = digits(rest, 1, 2)?;
    let rest = rest.strip_prefix(':')?;
    let (minute, rest) = digits(rest, 2, 2)?;
    let (second, rest) = match rest.strip_prefix(':').and_then(|rest| digits(rest, 2, 2)) {
        Some((second, rest)) => (second, skip_fraction(rest)),
        None => (0, rest),
    };
    // A time runs into no further digit or letter: `14:034` and `14:03abc` are not times.
    if rest.chars().next().is_some_and(char::is_alphanumeric) && !starts_with_meridiem_or_zone(rest)
    {
        return None;
    }
    let twelve_hour = read_meridiem(rest).is_some();
    let (hour, rest) = match read_meridiem(rest) {
        Some((afternoon, rest)) => {
            // 12 AM is midnight, 12 PM is noon; a 13 PM is nobody's time.
            if !(1..=12).contains(&hour) {
                return None;
            }
            let hour = match (hour, afternoon) {
                (12, false) => 0,
                (12, true) => 12,
                (hour, false) => hour,
                (hour, true) => hour + 12,
            };
            (hour, rest)
        }
        None => (hour, rest),
    };
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    let (zone, rest) = match read_zone(rest) {
        Some((zone, rest)) => (Some(zone), rest),
        None => (None, rest),
    };
    Some((
        Clock {
            date,
            time,
            zone,
            twelve_hour,
        },
        rest,
    ))
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

/// Reads ` PM`, `pm`, ` a.m.` and the like; `Some(true)` for the afternoon.
fn read_meridiem(text: &str) -> Option<(bool, &str)> {
    let rest = text.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    for (written, afternoon) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if let Some(after) = strip_prefix_ignoring_case(rest, written)
            && !after.starts_with(char::is_alphanumeric)
        {
            return Some((afternoon, after));
        }
    }
    None
}

fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let mut rest = text.char_indices();
    for expected in prefix.chars() {
        let (_, found) = rest.next()?;
        if !found.eq_ignore_ascii_case(&expected) {
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
    fn twelve_hour_times_are_never_read_as_the_morning_by_mistake() {
        assert_eq!(read("2:03 PM alert").unwrap().0, hm(14, 3));
        assert_eq!(read("2:03pm alert").unwrap().0, hm(14, 3));
        assert_eq!(read("2:03 p.m. alert").unwrap().0, hm(14, 3));
        assert_eq!(read("2:03 Pm").unwrap().0, hm(14, 3));
        assert_eq!(read("12:15 AM").unwrap().0, hm(0, 15));
        assert_eq!(read("12:15 PM").unwrap().0, hm(12, 15));
        assert_eq!(read("9:05 am").unwrap().0, hm(9, 5));
        assert_eq!(read("13:05 PM"), None);
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
        assert_eq!(
            read("14:20 PDT x").unwrap().1,
            Some(PasteZone::Offset(FixedOffset::west_opt(7 * 3600).unwrap()))
        );
        // A word that is not a zone stays in the text.
        assert_eq!(
            read("14:20 Zoe joined").unwrap(),
            (hm(14, 20), None, " Zoe joined")
        );
    }

    #[test]
    fn iso_timestamps_carry_their_date_and_zone() {
        let (clock, rest) = read_clock("2015-10-06T21:30:42.123Z deploy").unwrap();
        assert_eq!(clock.time, NaiveTime::from_hms_opt(21, 30, 42).unwrap());
        assert_eq!(clock.zone, Some(PasteZone::Utc));
        assert_eq!(
            clock.date,
            Some(PastedDate {
                year: Some(2015),
                month: 10,
                day: 6
            })
        );
        assert_eq!(rest, " deploy");
        let (clock, _) = read_clock("2025-08-01 14:03 x").unwrap();
        assert_eq!(clock.time, hm(14, 3));
        assert!(clock.date.is_some());
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
