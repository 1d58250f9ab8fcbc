//! Showing instants and intervals to people: in the document's time zone, in words.

use chrono::{DateTime, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;

/// An instant as a person reads it in `zone`: `2025-08-01 14:03 UTC`, with seconds only when
/// they are not zero.
#[must_use]
pub fn format_instant(instant: DateTime<Utc>, zone: Tz) -> String {
    let local = instant.with_timezone(&zone);
    if local.format("%S").to_string() == "00" {
        local.format("%Y-%m-%d %H:%M %Z").to_string()
    } else {
        local.format("%Y-%m-%d %H:%M:%S %Z").to_string()
    }
}

/// A non-negative interval in the words a manager reads at a glance: `45 s`, `30 min`,
/// `2 h 5 min`, `3 d 4 h`.
#[must_use]
pub fn format_interval(interval: TimeDelta) -> String {
    let seconds = interval.num_seconds().abs();
    let (days, hours, minutes) = (seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60);
    if seconds < 60 {
        format!("{seconds} s")
    } else if seconds < 3_600 {
        format!("{minutes} min")
    } else if days == 0 {
        if minutes == 0 {
            format!("{hours} h")
        } else {
            format!("{hours} h {minutes} min")
        }
    } else if hours == 0 {
        format!("{days} d")
    } else {
        format!("{days} d {hours} h")
    }
}

/// A number of minutes (a median, a percentile) in the words of [`format_interval`], so
/// every duration Hindsight shows reads the same: `47 min`, `3 h 10 min`, `2 d 2 h`.
#[must_use]
#[expect(
    clippy::cast_possible_truncation,
    reason = "durations of incidents are far below i64's range"
)]
pub fn format_minutes(minutes: f64) -> String {
    format_interval(TimeDelta::seconds((minutes * 60.0).round() as i64))
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
    use chrono::TimeZone;

    #[test]
    fn instants_show_in_the_documents_zone() {
        let instant = Utc.with_ymd_and_hms(2025, 8, 1, 14, 3, 0).unwrap();
        assert_eq!(format_instant(instant, Tz::UTC), "2025-08-01 14:03 UTC");
        assert_eq!(
            format_instant(instant, chrono_tz::Europe::Berlin),
            "2025-08-01 16:03 CEST"
        );
        let with_seconds = Utc.with_ymd_and_hms(2025, 8, 1, 14, 3, 30).unwrap();
        assert_eq!(
            format_instant(with_seconds, Tz::UTC),
            "2025-08-01 14:03:30 UTC"
        );
    }

    #[test]
    fn intervals_read_as_words() {
        assert_eq!(format_interval(TimeDelta::seconds(45)), "45 s");
        assert_eq!(format_interval(TimeDelta::minutes(30)), "30 min");
        assert_eq!(format_interval(TimeDelta::minutes(120)), "2 h");
        assert_eq!(format_interval(TimeDelta::minutes(125)), "2 h 5 min");
        assert_eq!(format_interval(TimeDelta::hours(48)), "2 d");
        assert_eq!(format_interval(TimeDelta::hours(52)), "2 d 4 h");
    }
}
