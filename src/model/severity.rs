//! Severity levels: the team's scale, kept in each document.

use serde::{Deserialize, Serialize};

/// One level of a severity scale, such as "SEV-2 — major degradation for many users".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SeverityLevel {
    /// The short name used everywhere else, e.g. `SEV-2`.
    pub name: String,
    /// What the level means, so everyone picks the same one for the same impact.
    pub description: String,
}

impl SeverityLevel {
    /// Builds a level from its name and description.
    #[must_use]
    pub fn new(name: &str, description: &str) -> Self {
        Self {
            name: name.to_owned(),
            description: description.to_owned(),
        }
    }

    /// The scale every new document starts with, most severe first.
    #[must_use]
    pub fn default_scale() -> Vec<Self> {
        vec![
            Self::new("SEV-1", "critical outage for all or most users"),
            Self::new("SEV-2", "major degradation for many users"),
            Self::new("SEV-3", "partial degradation for some users"),
            Self::new("SEV-4", "minor problem with little user impact"),
            Self::new("SEV-5", "no user impact; worth learning from"),
        ]
    }
}
