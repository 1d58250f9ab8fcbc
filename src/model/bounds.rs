//! The span of dates a postmortem may hold: years 1900 to 9999.
//!
//! Chrono itself reaches far further (±262,143 years), but moving such an instant into a
//! time zone, formatting it or adding a day overflows, and no incident happened before 1900
//! or after 9999. Keeping every stored date inside this span makes every later conversion
//! total. Files are checked as they are read, so a value outside it is refused with its
//! line and column; typed and picked dates are checked as they are entered.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Deserializer};

/// The first year a postmortem may mention.
pub const EARLIEST_YEAR: i32 = 1900;

/// The last year a postmortem may mention.
pub const LATEST_YEAR: i32 = 9999;

/// Whether `year` is inside the accepted span.
#[must_use]
pub const fn year_in_range(year: i32) -> bool {
    year >= EARLIEST_YEAR && year <= LATEST_YEAR
}

/// Whether `date` is inside the accepted span.
#[must_use]
pub fn date_in_range(date: NaiveDate) -> bool {
    year_in_range(date.year())
}

/// Whether `instant` (read in UTC) is inside the accepted span.
#[must_use]
pub fn instant_in_range(instant: DateTime<Utc>) -> bool {
    year_in_range(instant.year())
}

fn out_of_range<E: serde::de::Error>(year: i32) -> E {
    E::custom(format!(
        "the year {year} is outside the years {EARLIEST_YEAR}\u{2013}{LATEST_YEAR} a postmortem may hold"
    ))
}

/// Reads an optional instant, refusing one outside the accepted span.
pub fn optional_instant<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    let value = Option::<DateTime<Utc>>::deserialize(deserializer)?;
    match value {
        Some(instant) if !instant_in_range(instant) => Err(out_of_range(instant.year())),
        _ => Ok(value),
    }
}

/// Reads an optional date, refusing one outside the accepted span.
pub fn optional_date<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    let value = Option::<NaiveDate>::deserialize(deserializer)?;
    match value {
        Some(date) if !date_in_range(date) => Err(out_of_range(date.year())),
        _ => Ok(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_span_includes_its_ends_and_nothing_past_them() {
        assert!(year_in_range(1900) && year_in_range(9999));
        assert!(!year_in_range(1899) && !year_in_range(10_000) && !year_in_range(-5));
        let last = Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59).unwrap();
        assert!(instant_in_range(last));
        // The last instant of the span still has a local time in every zone.
        for zone in chrono_tz::TZ_VARIANTS {
            let _local = last.with_timezone(&zone).naive_local();
        }
        assert!(!date_in_range(NaiveDate::MAX));
    }
}
