//! "Today", injected so tests can fix it.

use chrono::{Local, NaiveDate, NaiveDateTime};

/// Tells the date.
pub trait Clock {
    /// Today's date where the person is.
    fn today(&self) -> NaiveDate;

    /// The local date and time, for "read at 14:05".
    fn now(&self) -> NaiveDateTime;
}

/// The computer's clock.
#[derive(Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }

    fn now(&self) -> NaiveDateTime {
        Local::now().naive_local()
    }
}

/// A clock stopped on one day, for tests and benchmarks.
#[cfg(feature = "testing")]
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub NaiveDate);

#[cfg(feature = "testing")]
impl Clock for FixedClock {
    fn today(&self) -> NaiveDate {
        self.0
    }

    /// Nine in the morning of the fixed day.
    fn now(&self) -> NaiveDateTime {
        self.0
            .and_time(chrono::NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default())
    }
}
