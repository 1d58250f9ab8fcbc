//! Reading times as people type them into a field — `14:03`, `2:45 PM`, `2025-08-01 14:03`,
//! `Oct 21 9:12 AM ET` — through the shared reader of written times.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::bounds::date_in_range;
use super::written::{
    DayContext, DayOrder, TimeEntryError, WrittenDay, WrittenTime, ZoneInForce, read_clock,
    read_day,
};

/// What a typed time says, before its place in the document settles its day and zone: the
/// clock as read — the time of day, the day (`2025-08-01 14:03`, `Oct 21 2:45 PM`) and zone
/// (`9:12 AM ET`) written with it, and what it says beyond the instant (approximate, a range).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeEntry {
    /// The time as read.
    pub clock: WrittenTime,
}

impl TimeEntry {
    /// Whether a day was written with the time.
    #[must_use]
    pub fn has_day(&self) -> bool {
        self.clock.date.is_some()
    }

    /// The instant this stands for: in the zone written with it, else `zone`; on the day
    /// written with it, settled against `context`, else on `context`'s day.
    pub fn on(&self, context: DayContext, zone: Tz) -> Result<DateTime<Utc>, TimeEntryError> {
        let read_in = ZoneInForce::of(self.clock.zone, zone)?;
        let date = match self.clock.date {
            Some(written) => written.settle(context)?,
            None => context.reference,
        };
        read_in.to_utc(date.and_time(self.clock.time))
    }
}

/// Reads what was typed into a time field: a time (`14:03`, `2:45 PM`, `~14:03`,
/// `14:03–14:10`, `14:03 UTC`), with a day before it if wanted (`2025-08-01 14:03`,
/// `Oct 21 2:45 PM`, `25/09/2024 14:03`, `yesterday 23:50`) — the shared reader of written
/// times, so a field accepts what a paste or an import reads.
pub fn parse_time_entry(text: &str) -> Result<TimeEntry, TimeEntryError> {
    let text = text.trim();
    match whole_clock(text)? {
        Some(entry) => Ok(entry),
        None => Err(unreadable_reason(text)),
    }
}

/// A clock that is all of `text`; an error for a date that cannot be.
fn whole_clock(text: &str) -> Result<Option<TimeEntry>, TimeEntryError> {
    let Some((clock, rest)) = read_clock(text) else {
        return Ok(None);
    };
    if !rest.trim().is_empty() {
        return Ok(None);
    }
    // A date written with its year is checked now, so the field says what is wrong with it.
    if let Some(WrittenDay::Date(date)) = clock.date
        && let Some(year) = date.year
    {
        let written = format!("{year:04}-{:02}-{:02}", date.month, date.day);
        let calendar = NaiveDate::from_ymd_opt(year, date.month, date.day)
            .ok_or_else(|| TimeEntryError::NoSuchDate(written.clone()))?;
        if !date_in_range(calendar) {
            return Err(TimeEntryError::OutOfRange(written));
        }
    }
    Ok(Some(TimeEntry { clock }))
}

/// Why `text` is not a time: an impossible date or hour named, else the forms to use.
fn unreadable_reason(text: &str) -> TimeEntryError {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or_default();
    if let Some(error) = parse_date(first)
        .err()
        .filter(|error| *error != TimeEntryError::Unreadable)
    {
        return error;
    }
    let last = words.last().unwrap_or(first);
    if let Some((hour, minute)) = last.split_once(':') {
        let two_digits =
            |part: &str| (1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        if two_digits(hour) && two_digits(minute) && minute.len() == 2 {
            return TimeEntryError::NoSuchTime(last.to_owned());
        }
    }
    TimeEntryError::Unreadable
}

/// Reads a date typed in any form the shared reader knows (`2025-08-01`, `21 Oct 2025`,
/// `Oct 21`, `yesterday`), settled against `reference`. Numbers alone that could be either
/// day-first or month-first are read by `order`, or refused as ambiguous without one.
pub fn parse_date_entry(
    text: &str,
    reference: NaiveDate,
    order: Option<DayOrder>,
) -> Result<NaiveDate, TimeEntryError> {
    let text = text.trim();
    let (day, rest) = read_day(text).ok_or(TimeEntryError::Unreadable)?;
    if !rest.trim().is_empty() {
        return Err(TimeEntryError::Unreadable);
    }
    if let WrittenDay::Numeric { .. } = day
        && order.is_none()
    {
        return Err(TimeEntryError::AmbiguousDate(text.to_owned()));
    }
    let context = DayContext {
        reference,
        order: order.unwrap_or(DayOrder::MonthFirst),
        latest: None,
    };
    let date = day.settle(context)?;
    if date_in_range(date) {
        Ok(date)
    } else {
        Err(TimeEntryError::OutOfRange(text.to_owned()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::time::format_time_of_day;
    use crate::model::written::local_to_utc;
    use chrono::NaiveTime;

    fn time(h: u32, m: u32, s: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, s).unwrap()
    }

    /// The time and the day an entry names, or the error.
    fn read(text: &str) -> Result<(NaiveTime, Option<NaiveDate>), TimeEntryError> {
        let entry = parse_time_entry(text)?;
        let context = DayContext {
            reference: NaiveDate::from_ymd_opt(2025, 8, 3).unwrap(),
            order: DayOrder::DayFirst,
            latest: None,
        };
        let day = entry.clock.date.map(|day| day.settle(context).unwrap());
        Ok((entry.clock.time, day))
    }

    fn day(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, month, day)
    }

    #[test]
    fn times_of_day_in_the_usual_forms() {
        assert_eq!(read("14:03"), Ok((time(14, 3, 0), None)));
        assert_eq!(read(" 9:05 "), Ok((time(9, 5, 0), None)));
        assert_eq!(read("14:03:30"), Ok((time(14, 3, 30), None)));
        assert_eq!(read("2:45 PM"), Ok((time(14, 45, 0), None)));
        assert_eq!(read("2:45pm"), Ok((time(14, 45, 0), None)));
        assert_eq!(read("2:45 p.m."), Ok((time(14, 45, 0), None)));
        assert_eq!(read("~14:03"), Ok((time(14, 3, 0), None)));
        assert_eq!(read("14:03\u{2013}14:10"), Ok((time(14, 3, 0), None)));
    }

    #[test]
    fn days_in_the_forms_people_write() {
        let at = time(14, 45, 0);
        assert_eq!(read("Aug 1 2:45 PM"), Ok((at, day(2025, 8, 1))));
        assert_eq!(read("1 August 2025, 14:45"), Ok((at, day(2025, 8, 1))));
        assert_eq!(read("August 1st at 2:45 PM"), Ok((at, day(2025, 8, 1))));
        assert_eq!(read("01/08/2025 14:45"), Ok((at, day(2025, 8, 1))));
        assert_eq!(read("yesterday 14:45"), Ok((at, day(2025, 8, 2))));
    }

    #[test]
    fn a_written_zone_wins_over_the_documents() {
        let entry = parse_time_entry("9:12 AM ET").unwrap();
        let context = DayContext {
            reference: NaiveDate::from_ymd_opt(2025, 8, 1).unwrap(),
            order: DayOrder::DayFirst,
            latest: None,
        };
        let instant = entry.on(context, Tz::UTC).unwrap();
        assert_eq!(instant.to_rfc3339(), "2025-08-01T13:12:00+00:00");
    }

    #[test]
    fn typed_dates_in_any_written_form() {
        let today = NaiveDate::from_ymd_opt(2025, 8, 3).unwrap();
        assert_eq!(
            parse_date_entry("2025-08-01", today, None).ok(),
            day(2025, 8, 1)
        );
        assert_eq!(parse_date_entry("Aug 1", today, None).ok(), day(2025, 8, 1));
        assert_eq!(
            parse_date_entry("25/07/2025", today, None).ok(),
            day(2025, 7, 25)
        );
        assert_eq!(
            parse_date_entry("03/04/2025", today, None),
            Err(TimeEntryError::AmbiguousDate("03/04/2025".to_owned()))
        );
        assert_eq!(
            parse_date_entry("03/04/2025", today, Some(DayOrder::DayFirst)).ok(),
            day(2025, 4, 3)
        );
    }

    #[test]
    fn dates_with_times() {
        let expected = Ok((time(14, 3, 0), day(2025, 8, 1)));
        assert_eq!(read("2025-08-01 14:03"), expected);
        assert_eq!(read("2025-08-01T14:03"), expected);
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
        assert_eq!(
            read("2025-08-01\u{a0}14:03"),
            Ok((time(14, 3, 0), day(2025, 8, 1)))
        );
    }

    #[test]
    fn anything_else_is_unreadable() {
        for text in [
            "", "soon", "14", "14:", ":03", "14.03", "14:03xyz", "1:2:3:4", "99999:00",
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
