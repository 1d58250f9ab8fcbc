//! Placing a written time in time from its context: the zone it is read in, the day it
//! belongs to, and the rule for a time of day that follows another.

use chrono::{
    DateTime, Datelike, Days, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime,
    TimeZone, Utc,
};
use chrono_tz::Tz;

use super::dates::PastedDate;
use super::error::TimeEntryError;
use super::zones::PasteZone;
use crate::model::bounds::instant_in_range;

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

/// The order a source is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Direction {
    /// Oldest first, as chats and most timelines run.
    #[default]
    OldestFirst,
    /// Newest first, as status pages and some pager logs run.
    NewestFirst,
}

/// The zone a time is read in, once a written zone and the document's are weighed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneInForce {
    /// A zone with its rules (summer time included).
    Zone(Tz),
    /// A fixed offset from UTC.
    Offset(FixedOffset),
}

impl ZoneInForce {
    /// The zone a time is read in: the one written with it, else the document's. An
    /// abbreviation with several meanings takes the document's zone when it is one of them.
    pub fn of(written: Option<PasteZone>, document: Tz) -> Result<Self, TimeEntryError> {
        Ok(match written {
            None => Self::Zone(document),
            Some(PasteZone::Utc) => Self::Zone(chrono_tz::UTC),
            Some(PasteZone::Named(zone) | PasteZone::Regional(zone, _)) => Self::Zone(zone),
            Some(PasteZone::Offset(offset)) => Self::Offset(offset),
            Some(PasteZone::Ambiguous(which)) => {
                if which.candidates().contains(&document) {
                    Self::Zone(document)
                } else {
                    return Err(TimeEntryError::AmbiguousZone(which.question().to_owned()));
                }
            }
        })
    }

    /// The instant a local date and time stands for here.
    pub fn to_utc(self, local: NaiveDateTime) -> Result<DateTime<Utc>, TimeEntryError> {
        match self {
            Self::Zone(zone) => local_to_utc(local, zone),
            Self::Offset(offset) => offset
                .from_local_datetime(&local)
                .single()
                .map(|time| time.with_timezone(&Utc))
                .filter(|time| instant_in_range(*time))
                .ok_or_else(|| {
                    TimeEntryError::OutOfRange(local.format("%Y-%m-%d %H:%M").to_string())
                }),
        }
    }

    /// The local date and time of an instant here.
    #[must_use]
    pub fn local(self, instant: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Self::Zone(zone) => instant.with_timezone(&zone).naive_local(),
            Self::Offset(offset) => instant.with_timezone(&offset).naive_local(),
        }
    }

    /// The local date of an instant here.
    #[must_use]
    pub fn date_of(self, instant: DateTime<Utc>) -> NaiveDate {
        self.local(instant).date()
    }
}

/// A time of day written after (or, in a newest-first source, before) the time of
/// `neighbour`: on the neighbour's day, or the day after (before) when that is nearer.
///
/// So `23:40` then `00:10` crosses midnight, while `14:10` then `14:05` stays on the same day,
/// out of order for the person to see, rather than jumping a day ahead in silence.
pub fn time_after(
    time: NaiveTime,
    neighbour: DateTime<Utc>,
    zone: ZoneInForce,
    direction: Direction,
) -> Result<DateTime<Utc>, TimeEntryError> {
    let date = zone.date_of(neighbour);
    let same_day = zone.to_utc(date.and_time(time));
    let other_date = match direction {
        Direction::OldestFirst => date.checked_add_days(Days::new(1)),
        Direction::NewestFirst => date.checked_sub_days(Days::new(1)),
    };
    let other_day = other_date.map(|other| zone.to_utc(other.and_time(time)));
    let distance = |instant: DateTime<Utc>| (instant - neighbour).abs();
    match (same_day, other_day) {
        (Ok(same), Some(Ok(other))) if distance(other) < distance(same) => Ok(other),
        (Ok(same), _) => Ok(same),
        (Err(_), Some(Ok(other))) => Ok(other),
        (Err(error), _) => Err(error),
    }
}

/// A time written with a one-digit hour and no AM or PM (`1:50`), placed in the morning
/// before an afternoon row above it, read on the 12-hour clock: `12:39` then `1:50` is ten
/// to two. Only when the afternoon reading keeps the order and the row above is past noon;
/// `9:58` after `10:10` stays a row out of order.
#[must_use]
pub fn afternoon_after(
    placed: DateTime<Utc>,
    above: DateTime<Utc>,
    zone: ZoneInForce,
) -> DateTime<Utc> {
    use chrono::Timelike;
    let (local, local_above) = (zone.local(placed), zone.local(above));
    let afternoon = local
        .checked_add_signed(chrono::TimeDelta::hours(12))
        .and_then(|later| zone.to_utc(later).ok());
    match afternoon {
        Some(afternoon)
            if placed < above
                && local.hour() < 12
                && local_above.hour() >= 12
                && afternoon >= above =>
        {
            afternoon
        }
        _ => placed,
    }
}

/// A written date as a calendar date. Without a year it takes the one that puts it nearest
/// `reference`: `12-05` in a timeline leading up to a March incident is the December before;
/// and none after `latest` when one is given (today, for what a timeline tells has already
/// happened: `Mar 13` copied from a status page in December is the March gone by).
pub fn calendar_date(
    date: PastedDate,
    reference: NaiveDate,
    latest: Option<NaiveDate>,
) -> Result<NaiveDate, TimeEntryError> {
    let no_such_date =
        |year: i32| TimeEntryError::NoSuchDate(format!("{year}-{:02}-{:02}", date.month, date.day));
    if let Some(year) = date.year {
        return NaiveDate::from_ymd_opt(year, date.month, date.day)
            .ok_or_else(|| no_such_date(year));
    }
    let year = reference.year();
    // A day after `latest` is taken only when every reading is.
    [year, year - 1, year + 1]
        .into_iter()
        .filter_map(|year| NaiveDate::from_ymd_opt(year, date.month, date.day))
        .min_by_key(|candidate| {
            let after_latest = latest.is_some_and(|latest| *candidate > latest);
            (after_latest, (*candidate - reference).num_days().abs())
        })
        .ok_or_else(|| no_such_date(year))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(date: &str, hour: u32, minute: u32) -> DateTime<Utc> {
        let date: NaiveDate = date.parse().unwrap();
        Utc.from_utc_datetime(&date.and_hms_opt(hour, minute, 0).unwrap())
    }

    fn hm(hour: u32, minute: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hour, minute, 0).unwrap()
    }

    const UTC: ZoneInForce = ZoneInForce::Zone(chrono_tz::UTC);

    #[test]
    fn a_bare_hour_before_an_afternoon_row_is_read_on_the_twelve_hour_clock() {
        let above = at("2015-02-27", 12, 39);
        assert_eq!(
            afternoon_after(at("2015-02-27", 1, 50), above, UTC),
            at("2015-02-27", 13, 50)
        );
        // A morning row a little out of order stays where it was written.
        let morning = at("2015-02-27", 10, 10);
        assert_eq!(
            afternoon_after(at("2015-02-27", 9, 58), morning, UTC),
            at("2015-02-27", 9, 58)
        );
        // Past midnight: the afternoon reading would still be before the row above.
        let late = at("2015-02-27", 23, 40);
        assert_eq!(
            afternoon_after(at("2015-02-28", 1, 10), late, UTC),
            at("2015-02-28", 1, 10)
        );
    }

    #[test]
    fn a_day_without_its_year_is_none_after_today_when_today_is_given() {
        let march_13 = PastedDate {
            year: None,
            month: 3,
            day: 13,
        };
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let day = |year: i32| NaiveDate::from_ymd_opt(year, 3, 13).unwrap();
        // Nearest alone would be next March.
        assert_eq!(calendar_date(march_13, today, None).unwrap(), day(2027));
        assert_eq!(
            calendar_date(march_13, today, Some(today)).unwrap(),
            day(2026)
        );
        // Written with its year, a day stays as written.
        let written = PastedDate {
            year: Some(2027),
            ..march_13
        };
        assert_eq!(
            calendar_date(written, today, Some(today)).unwrap(),
            day(2027)
        );
    }

    #[test]
    fn midnight_is_crossed_only_when_the_gap_says_so() {
        let late = at("2025-08-01", 23, 40);
        let forward = Direction::OldestFirst;
        assert_eq!(
            time_after(hm(0, 10), late, UTC, forward),
            Ok(at("2025-08-02", 0, 10))
        );
        let afternoon = at("2025-08-01", 14, 10);
        assert_eq!(
            time_after(hm(14, 5), afternoon, UTC, forward),
            Ok(at("2025-08-01", 14, 5))
        );
        assert_eq!(
            time_after(hm(15, 0), afternoon, UTC, forward),
            Ok(at("2025-08-01", 15, 0))
        );
    }

    #[test]
    fn a_newest_first_source_crosses_midnight_backwards() {
        let early = at("2025-08-02", 0, 10);
        assert_eq!(
            time_after(hm(23, 40), early, UTC, Direction::NewestFirst),
            Ok(at("2025-08-01", 23, 40))
        );
        assert_eq!(
            time_after(hm(0, 5), early, UTC, Direction::NewestFirst),
            Ok(at("2025-08-02", 0, 5))
        );
    }

    #[test]
    fn an_ambiguous_abbreviation_takes_the_documents_zone_or_asks() {
        let ist = Some(PasteZone::Ambiguous(super::super::zones::Ambiguous::Ist));
        assert_eq!(
            ZoneInForce::of(ist, chrono_tz::Asia::Kolkata),
            Ok(ZoneInForce::Zone(chrono_tz::Asia::Kolkata))
        );
        assert_eq!(
            ZoneInForce::of(ist, chrono_tz::Europe::Dublin),
            Ok(ZoneInForce::Zone(chrono_tz::Europe::Dublin))
        );
        let error = ZoneInForce::of(ist, chrono_tz::UTC).unwrap_err();
        assert!(error.to_string().contains("India"), "{error}");
    }
}
