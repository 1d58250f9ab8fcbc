//! "Today", injected so tests can fix it.

use chrono::{Local, NaiveDate};

/// Tells the date.
pub trait Clock {
    /// Today's date where the person is.
    fn today(&self) -> NaiveDate;
}

/// The computer's clock.
#[derive(Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn today(&self) -> NaiveDate {
        Local::now().date_naive()
    }
}

/// A clock stopped on one day.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub NaiveDate);

impl Clock for FixedClock {
    fn today(&self) -> NaiveDate {
        self.0
    }
}
