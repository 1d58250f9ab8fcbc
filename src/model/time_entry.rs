//! Reading times as people type them: `14:03`, `14:03:30`, `2025-08-01 14:03`, in the
//! document's display zone.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::bounds::{date_in_range, instant_in_range};

/// What a typed time says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeEntry {
    /// A time of day; the date comes from elsewhere (the field's current date, the row above).
    TimeOfDay(NaiveTime),
    /// A full local date and time.
    DateAndTime(NaiveDateTime),
}

/// Why a typed time was not accepted. The messages are shown next to the field.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimeEntryError {
    /// Nothing that looks like a time.
    #[error("type a time like 14:03, 14:03:30 or 2025-08-01 14:03")]
    Unreadable,
    /// Looks like a time but cannot be one.
    #[error("{0} is not a time of day")]
    NoSuchTime(String),
    /// Looks like a date but cannot be one.
    #[error("{0} is not a date")]
    NoSuchDate(String),
    /// A real date, but outside the years a postmortem may hold.
    #[error("{0} is outside the years 1900\u{2013}9999")]
    OutOfRange(String),
    /// A local time skipped when the clocks went forward.
    #[error("{time} does not exist in {zone} on {date}: the clocks went forward")]
    SkippedByClockChange {
        /// The typed time.
        time: String,
        /// The day.
        date: NaiveDate,
        /// The zone.
        zone: String,
    },
}

/// Reads what was typed into a time field.
pub fn parse_time_entry(text: &str) -> Result<TimeEntry, TimeEntryError> {
    let text = text.trim();
    // Any whitespace separates the date from the time: pasted text brings non-breaking ones.
    let (date_part, time_part) = match text.split_once(|c: char| c.is_whitespace() || c == 'T') {
        Some((date, time)) => (Some(date.trim()), time.trim()),
        None => (None, text),
    };
    let time = parse_time_of_day(time_part)?;
    match date_part {
        None => Ok(TimeEntry::TimeOfDay(time)),
        Some(date) => Ok(TimeEntry::DateAndTime(parse_date(date)?.and_time(time))),
    }
}

/// Reads `2025-08-01`.
pub fn parse_date(text: &str) -> Result<NaiveDate, TimeEntryError> {
    let numbers = numbers_separated_by(text.trim(), '-').ok_or(TimeEntryError::Unreadable)?;
    let [year, month, day] = numbers[..] else {
        return Err(TimeEntryError::Unreadable);
    };
    let year = i32::try_from(year).map_err(|_| TimeEntryError::NoSuchDate(text.to_owned()))?;
    let (Ok(month), Ok(day)) = (u32::try_from(month), u32::try_from(day)) else {
        return Err(TimeEntryError::NoSuchDate(text.to_owned()));
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| TimeEntryError::NoSuchDate(text.trim().to_owned()))?;
    if date_in_range(date) {
        Ok(date)
    } else {
        Err(TimeEntryError::OutOfRange(text.trim().to_owned()))
    }
}

fn parse_time_of_day(text: &str) -> Result<NaiveTime, TimeEntryError> {
    let numbers = numbers_separated_by(text, ':').ok_or(TimeEntryError::Unreadable)?;
    let (hour, minute, second) = match numbers[..] {
        [hour, minute] => (hour, minute, 0),
        [hour, minute, second] => (hour, minute, second),
        _ => return Err(TimeEntryError::Unreadable),
    };
    let no_such_time = || TimeEntryError::NoSuchTime(text.to_owned());
    let part = |value: u64| u32::try_from(value).map_err(|_| no_such_time());
    NaiveTime::from_hms_opt(part(hour)?, part(minute)?, part(second)?).ok_or_else(no_such_time)
}

/// `14:03` → `[14, 3]`; `None` unless every part is 1–4 digits.
fn numbers_separated_by(text: &str, separator: char) -> Option<Vec<u64>> {
    text.split(separator)
        .map(|part| {
            let digits_only =
                !part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit());
            digits_only.then(|| part.parse().ok()).flatten()
        })
        .collect()
}

/// The instant a local date and time in `zone` stands for. Where the clocks went back and a
/// local time happened twice, the first is meant: incidents are written down as they unfold.
///
/// An instant outside the years a postmortem may hold is refused, so no edit can store what
/// the loader would refuse to read back (a time rolled past midnight on 9999-12-31, say).
pub fn local_to_utc(local: NaiveDateTime, zone: Tz) -> Result<DateTime<Utc>, TimeEntryError> {
    let instant = match zone.from_local_datetime(&local) {
        LocalResult::Single(time) | LocalResult::Ambiguous(time, _) => time.with_timezone(&Utc),
        LocalResult::None => {
            return Err(TimeEntryError::SkippedByClockChange {
                time: local.time().format("%H:%M").to_string(),
                date: local.date(),
                zone: zone.name().to_owned(),
            });
        }
    };
    if instant_in_range(instant) {
        Ok(instant)
    } else {
        Err(TimeEntryError::OutOfRange(
            local.format("%Y-%m-%d %H:%M").to_string(),
        ))
    }
}

/// A time of day as the field shows it: `14:03`, or `14:03:30` when it has seconds.
#[must_use]
pub fn format_time_of_day(time: NaiveTime) -> String {
    if time.format("%S").to_string() == "00" {
        time.format("%H:%M").to_string()
    } else {
        time.format("%H:%M:%S").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(h: u32, m: u32, s: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, s).unwrap()
    }

    #[test]
    fn times_of_day_in_the_usual_forms() {
        assert_eq!(
            parse_time_entry("14:03"),
            Ok(TimeEntry::TimeOfDay(time(14, 3, 0)))
        );
        assert_eq!(
            parse_time_entry(" 9:05 "),
            Ok(TimeEntry::TimeOfDay(time(9, 5, 0)))
        );
        assert_eq!(
            parse_time_entry("14:03:30"),
            Ok(TimeEntry::TimeOfDay(time(14, 3, 30)))
        );
    }

    #[test]
    fn dates_with_times() {
        let expected = NaiveDate::from_ymd_opt(2025, 8, 1)
            .unwrap()
            .and_time(time(14, 3, 0));
        assert_eq!(
            parse_time_entry("2025-08-01 14:03"),
            Ok(TimeEntry::DateAndTime(expected))
        );
        assert_eq!(
            parse_time_entry("2025-08-01T14:03"),
            Ok(TimeEntry::DateAndTime(expected))
        );
    }

    #[test]
    fn impossible_times_and_dates_say_so() {
        assert_eq!(
            parse_time_entry("25:99"),
            Err(TimeEntryError::NoSuchTime("25:99".to_owned()))
        );
        assert_eq!(
            parse_time_entry("14:60"),
            Err(TimeEntryError::NoSuchTime("14:60".to_owned()))
        );
        assert_eq!(
            parse_time_entry("2025-02-30 10:00"),
            Err(TimeEntryError::NoSuchDate("2025-02-30".to_owned()))
        );
        assert_eq!(
            parse_time_entry("2025-02-30 10:00")
                .unwrap_err()
                .to_string(),
            "2025-02-30 is not a date"
        );
    }

    #[test]
    fn dates_outside_the_accepted_years_are_refused() {
        assert_eq!(
            parse_date("1899-12-31"),
            Err(TimeEntryError::OutOfRange("1899-12-31".to_owned()))
        );
        assert_eq!(
            parse_time_entry("0001-01-01 10:00")
                .unwrap_err()
                .to_string(),
            "0001-01-01 is outside the years 1900\u{2013}9999"
        );
        assert!(parse_date("1900-01-01").is_ok());
        assert!(parse_date("9999-12-31").is_ok());
    }

    #[test]
    fn an_instant_past_the_accepted_years_is_refused_even_from_an_accepted_date() {
        let last_evening = NaiveDate::from_ymd_opt(9999, 12, 31)
            .unwrap()
            .and_time(time(23, 30, 0));
        // 23:30 in New York is already the year 10000 in UTC.
        let error = local_to_utc(last_evening, chrono_tz::America::New_York).unwrap_err();
        assert_eq!(
            error.to_string(),
            "9999-12-31 23:30 is outside the years 1900\u{2013}9999"
        );
        let first_morning = NaiveDate::from_ymd_opt(1900, 1, 1)
            .unwrap()
            .and_time(time(0, 30, 0));
        assert!(local_to_utc(first_morning, chrono_tz::Europe::Berlin).is_err());
        assert!(local_to_utc(first_morning, Tz::UTC).is_ok());
    }

    #[test]
    fn a_non_breaking_space_separates_date_and_time() {
        let expected = NaiveDate::from_ymd_opt(2025, 8, 1)
            .unwrap()
            .and_time(time(14, 3, 0));
        assert_eq!(
            parse_time_entry("2025-08-01\u{a0}14:03"),
            Ok(TimeEntry::DateAndTime(expected))
        );
    }

    #[test]
    fn anything_else_is_unreadable() {
        for text in [
            "", "soon", "14", "14:", ":03", "14.03", "14:03pm", "1:2:3:4", "99999:00",
        ] {
            assert_eq!(
                parse_time_entry(text),
                Err(TimeEntryError::Unreadable),
                "{text:?}"
            );
        }
    }

    #[test]
    fn local_times_convert_through_the_zone() {
        let local = NaiveDate::from_ymd_opt(2025, 8, 1)
            .unwrap()
            .and_time(time(16, 3, 0));
        let utc = local_to_utc(local, chrono_tz::Europe::Berlin).unwrap();
        assert_eq!(utc.to_rfc3339(), "2025-08-01T14:03:00+00:00");
    }

    #[test]
    fn a_time_skipped_by_the_clock_change_is_refused() {
        let local = NaiveDate::from_ymd_opt(2025, 3, 30)
            .unwrap()
            .and_time(time(2, 30, 0));
        let error = local_to_utc(local, chrono_tz::Europe::Berlin).unwrap_err();
        assert_eq!(
            error.to_string(),
            "02:30 does not exist in Europe/Berlin on 2025-03-30: the clocks went forward"
        );
    }

    #[test]
    fn a_repeated_hour_means_the_first() {
        let local = NaiveDate::from_ymd_opt(2025, 10, 26)
            .unwrap()
            .and_time(time(2, 30, 0));
        let utc = local_to_utc(local, chrono_tz::Europe::Berlin).unwrap();
        assert_eq!(utc.to_rfc3339(), "2025-10-26T00:30:00+00:00");
    }

    #[test]
    fn fields_show_seconds_only_when_there_are_some() {
        assert_eq!(format_time_of_day(time(14, 3, 0)), "14:03");
        assert_eq!(format_time_of_day(time(14, 3, 30)), "14:03:30");
    }
}
