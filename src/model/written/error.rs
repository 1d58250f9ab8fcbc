//! Why a written time or date was not accepted.

use chrono::NaiveDate;

/// Why a written time or date was not accepted. The messages are shown next to the field
/// or the line it was read from.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimeEntryError {
    /// Nothing that looks like a time.
    #[error("type a time like 14:03, 2:45 PM or 2025-08-01 14:03")]
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
    /// Numbers that are a date both day-first and month-first, with nothing to say which.
    #[error("{0} could be day-first or month-first: write it as 2025-08-01 or 1 Aug 2025")]
    AmbiguousDate(String),
    /// A zone abbreviation with several meanings that the document's zone does not settle.
    #[error("{0}")]
    AmbiguousZone(String),
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
