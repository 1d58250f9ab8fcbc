//! The one reader of times and dates as people write them — in a typed field, a pasted chat,
//! a Markdown postmortem or on the command line — and the rules that place them in time from
//! their context (the incident's day and zone, the row above, the date line in force, the
//! direction a source runs in).
//!
//! Every entry point reads through here, so `2:45 PM` means the same in a timeline cell, a
//! key-time field, a paste and an import, and a bare time never lands on today's date.

mod byline;
mod clock;
mod dates;
mod day_order;
mod days;
mod east_asian;
mod error;
mod language_zone;
mod offset;
mod place;
mod scan;
mod zones;

pub use byline::read_byline_day;
pub use clock::{
    WrittenTime, opens_with_a_told_time, read_clock, read_clock_in_sentence, read_time_cell,
    read_unix_stamp,
};
pub use dates::{
    PastedDate, names_a_month_in_another_language, read_date_line, read_log_day_marker,
    read_month_day,
};
pub use day_order::DayOrder;
pub use days::{DayContext, WrittenDay, day_its_weekday_dates, read_day, read_month_of_a_year};
pub use east_asian::{ends_an_east_asian_sentence, is_written_without_spaces};
pub use error::TimeEntryError;
pub use language_zone::zone_of_language;
pub use offset::{Offset, read_offset};
pub use place::{Direction, ZoneInForce, afternoon_after, calendar_date, local_to_utc, time_after};
pub use zones::{
    Ambiguous, PasteZone, city_time_named, city_zone_at_start, read_zone, region_in_its_winter,
    region_of, region_time_in, zone_named, zone_of_whole_hours, zone_spelled_in,
};
