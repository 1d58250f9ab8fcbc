//! The instants of the incident tools' exports (PagerDuty's log, Statuspage's and Opsgenie's
//! JSON), written in RFC 3339, read to the second and within the years a document holds.

use chrono::{DateTime, SubsecRound, Utc};

use crate::model::instant_in_range;

/// Why an export's instant was not read.
#[derive(Debug, thiserror::Error)]
pub(super) enum InstantError {
    /// The text is not an RFC 3339 time.
    #[error("{text:?} is not a time ({source})")]
    NotATime {
        /// The text as written.
        text: String,
        /// What the RFC 3339 reader said.
        source: chrono::ParseError,
    },
    /// The time is outside the years a postmortem holds.
    #[error("{0} is outside the years 1900\u{2013}9999")]
    OutOfRange(String),
}

/// The instant `text` writes, to the second.
pub(super) fn rfc3339_instant(text: &str) -> Result<DateTime<Utc>, InstantError> {
    let time = DateTime::parse_from_rfc3339(text.trim())
        .map_err(|source| InstantError::NotATime {
            text: text.to_owned(),
            source,
        })?
        .with_timezone(&Utc)
        .trunc_subsecs(0);
    if instant_in_range(time) {
        Ok(time)
    } else {
        Err(InstantError::OutOfRange(text.to_owned()))
    }
}
