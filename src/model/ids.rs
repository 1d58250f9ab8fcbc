//! Stable identifiers for timeline rows and action items.
//!
//! IDs are random (UUID v4) rather than counters so that two people adding rows on two git
//! branches never mint the same ID, and a merge keeps both rows apart.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! stable_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A new identifier, unique across documents and machines.
            #[must_use]
            pub fn new() -> Self {
                Self(Uuid::new_v4())
            }

            /// Wraps a known UUID (used by tests and generated documents to stay deterministic).
            #[must_use]
            pub const fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// The first eight hex digits: enough for a person to tell rows apart in a message.
            #[must_use]
            pub fn short(&self) -> String {
                let mut text = self.0.simple().to_string();
                text.truncate(8);
                text
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

stable_id!(
    /// Identifies one timeline row for the life of the document.
    RowId
);

stable_id!(
    /// Identifies one action item for the life of the document.
    ActionId
);
