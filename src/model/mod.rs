//! The postmortem document and everything derived from it: types, metrics, validation and the
//! edits the editor makes. Nothing here knows about egui or files, so all of it is tested
//! on its own.

mod actions;
mod attachments;
mod bounds;
mod document;
mod edit;
mod fields;
mod ids;
mod kinds;
mod links;
mod list_edit;
mod markdown_nesting;
mod merge;
mod metrics;
mod narrative;
mod public;
mod severity;
mod templates;
mod texts;
mod time;
mod time_entry;
mod timeline;
mod validation;
mod words;
mod written;
mod zones;

#[cfg(test)]
mod edit_tests;
#[cfg(test)]
mod validation_tests;

pub use actions::{
    ActionFilter, ActionSort, ActionSummary, DUE_SOON_DAYS, Due, default_due_date,
    default_due_weeks, mentions,
};
pub use attachments::{
    ATTACHMENTS_FOLDER_SUFFIX, ATTACHMENTS_HEADING, AttachedTo, Attachment, AttachmentKind,
    attached_at, attached_to_row, attachments_folder_name, is_stored_name, row_files_line,
};
pub use bounds::{EARLIEST_YEAR, LATEST_YEAR, date_in_range, instant_in_range, year_in_range};
pub use document::{
    ActionItem, Approval, Classification, FORMAT_VERSION, KeyTime, KeyTimes, Link, List,
    Participant, Postmortem, PublicVersion, TimelineRow,
};
pub use edit::{Edit, InternalPart};
pub use fields::{ActionField, ColumnWidth, FieldValue, TimelineField};
pub use ids::{ActionId, RowId};
pub use kinds::{
    ActionKind, ActionPriority, ActionStatus, DocumentStatus, LinkKind, Marker, ParticipantRole,
};
pub use links::{OPENABLE_SCHEMES, openable_url, web_url};
pub use list_edit::ListEdit;
pub use markdown_nesting::{cap_markdown_nesting, cap_markdown_nesting_owned};
pub use merge::{Conflict, Keep, MergeError, Merged, merge, settle};
pub use metrics::{Interval, Metrics};
pub use narrative::{CustomSection, Narrative, Section};
pub use public::{
    INTERNAL_HOST, INTERNAL_LINK, Leak, LeakKind, PublicRules, REDACTED, TICKET_LINK,
    leaks_in_text, public_leaks, public_version,
};
pub use severity::SeverityLevel;
pub use templates::{
    BUILTIN_TEMPLATES, BuiltinTemplate, TEMPLATES_FOLDER, builtin_template, from_template,
};
pub use texts::document_texts;
pub use time::{format_instant, format_interval, format_minutes, format_time_of_day};
pub use time_entry::{TimeEntry, parse_date, parse_date_entry, parse_time_entry};
pub use timeline::{
    incident_day, incident_span, incident_window, insert_by_time, resolve_after, resolve_row_time,
    rows_out_of_order, rows_setting_key_times, sorted_by_time,
};
pub use validation::{
    Finding, Level, Place, TeamRules, count_levels, key_times_out_of_order, missing_attachment,
    validate, validate_with,
};
pub use words::{megabytes, plural};
pub use written::{
    Ambiguous, DayContext, DayOrder, Direction, Offset, PasteZone, PastedDate, TimeEntryError,
    WrittenDay, WrittenTime, ZoneInForce, afternoon_after, calendar_date, city_time_named,
    city_zone_at_start, day_its_weekday_dates, ends_an_east_asian_sentence,
    is_written_without_spaces, local_to_utc, names_a_month_in_another_language,
    opens_with_a_told_time, read_byline_day, read_clock, read_clock_in_sentence, read_date_line,
    read_day, read_log_day_marker, read_month_day, read_month_of_a_year, read_offset,
    read_time_cell, read_unix_stamp, read_zone, region_in_its_winter, region_of, region_time_in,
    time_after, zone_named, zone_of_language, zone_of_whole_hours, zone_spelled_in,
};
pub use zones::{zone_label, zones_matching};
