//! The postmortem document and everything derived from it: types, metrics, validation and the
//! edits the editor makes. Nothing here knows about egui or files, so all of it is tested
//! on its own.

mod document;
mod edit;
mod ids;
mod kinds;
mod metrics;
mod narrative;
mod severity;
mod time;
mod validation;

#[cfg(test)]
mod validation_tests;

pub use document::{
    ActionItem, Classification, FORMAT_VERSION, KeyTime, KeyTimes, Link, Participant, Postmortem,
    TimelineRow,
};
pub use edit::Edit;
pub use ids::{ActionId, RowId};
pub use kinds::{
    ActionKind, ActionPriority, ActionStatus, DocumentStatus, LinkKind, Marker, ParticipantRole,
};
pub use metrics::{Interval, Metrics};
pub use narrative::{CustomSection, Narrative, Section};
pub use severity::SeverityLevel;
pub use time::{format_instant, format_interval};
pub use validation::{Finding, Level, Place, count_levels, validate};
