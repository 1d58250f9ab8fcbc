//! The closed vocabularies of a postmortem: statuses, roles, link kinds, markers and the
//! properties of action items.
//!
//! Each enum lists its variants in the order the editor offers them, and gives the words a
//! person reads (`label`), so the UI, exports and the command line all say the same thing.

use serde::{Deserialize, Serialize};

macro_rules! labelled_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $label:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in the order a menu offers them.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The words a person reads for this value.
            #[must_use]
            pub const fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

labelled_enum!(
    /// How far the postmortem document itself has come.
    DocumentStatus {
        /// Being written.
        #[default]
        Draft => "Draft",
        /// Written and waiting for reviewers.
        InReview => "In review",
        /// Reviewed and agreed.
        Final => "Final",
    }
);

labelled_enum!(
    /// What a participant did during the incident.
    ParticipantRole {
        /// Ran the response.
        IncidentLead => "Incident lead",
        /// Worked on the problem.
        #[default]
        Responder => "Responder",
        /// Reported the problem (a person or an automated alert).
        Reporter => "Reporter",
        /// Kept the record.
        Scribe => "Scribe",
        /// Kept users and stakeholders informed.
        Communications => "Communications",
        /// Any other part.
        Other => "Other",
    }
);

labelled_enum!(
    /// What a link points at.
    LinkKind {
        /// A chat channel or thread.
        ChatChannel => "Chat channel",
        /// A source-control commit.
        Commit => "Commit",
        /// A monitoring dashboard.
        Dashboard => "Dashboard",
        /// A public status page entry.
        StatusPage => "Status page",
        /// A ticket or issue.
        Ticket => "Ticket",
        /// A document.
        Document => "Document",
        /// Anything else.
        #[default]
        Other => "Other",
    }
);

labelled_enum!(
    /// What a timeline row marks in the life of the incident.
    Marker {
        /// An ordinary row. (Not called `None`, which RON reserves for empty options.)
        #[default]
        Unmarked => "None",
        /// The moment the problem was detected.
        Detected => "Detected",
        /// The moment a responder acknowledged it.
        Acknowledged => "Acknowledged",
        /// The moment user impact was stopped.
        Mitigated => "Mitigated",
        /// The moment the incident was resolved.
        Resolved => "Resolved",
        /// A moment worth pointing out that sets no key time.
        KeyMoment => "Key moment",
    }
);

labelled_enum!(
    /// Where an action item stands.
    ActionStatus {
        /// Not started.
        #[default]
        Open => "Open",
        /// Someone is on it.
        InProgress => "In progress",
        /// Finished.
        Done => "Done",
        /// Decided against.
        WontDo => "Won't do",
    }
);

labelled_enum!(
    /// How urgent an action item is.
    ActionPriority {
        /// Do first.
        High => "High",
        /// The usual.
        #[default]
        Medium => "Medium",
        /// When there is time.
        Low => "Low",
    }
);

labelled_enum!(
    /// What an action item is meant to improve.
    ActionKind {
        /// Stops the same incident from happening again.
        #[default]
        Prevent => "Prevent",
        /// Limits the damage when it does happen.
        Mitigate => "Mitigate",
        /// Finds it sooner.
        Detect => "Detect",
        /// Changes how people work.
        Process => "Process",
    }
);

impl ActionStatus {
    /// Whether the item still needs work (neither done nor dropped).
    #[must_use]
    pub const fn is_open(self) -> bool {
        matches!(self, Self::Open | Self::InProgress)
    }
}
