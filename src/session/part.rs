//! The parts of the editor the side panel moves between.

use crate::model::Place;

/// The parts of a postmortem, each with its own panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// Metadata, classification, key times, people and links.
    Overview,
    /// What happened when.
    Timeline,
    /// The written analysis.
    Analysis,
    /// What the team will do.
    ActionItems,
    /// What validation found.
    Checks,
    /// What the public version of the postmortem says, beside what it was written as.
    Public,
    /// The action items of a folder of postmortems.
    Review,
}

impl Part {
    /// The parts in the order of the side panel.
    pub const ALL: [Self; 6] = [
        Self::Overview,
        Self::Timeline,
        Self::Analysis,
        Self::ActionItems,
        Self::Checks,
        Self::Public,
    ];

    /// Every entry of the side panel, in its order: the document's parts, then the review of
    /// a folder. Ctrl+1 to Ctrl+7 choose them in this order.
    pub const SIDE_PANEL: [Self; 7] = [
        Self::Overview,
        Self::Timeline,
        Self::Analysis,
        Self::ActionItems,
        Self::Checks,
        Self::Public,
        Self::Review,
    ];

    /// The part that shows what a finding points at.
    #[must_use]
    pub const fn showing(place: Place) -> Self {
        match place {
            Place::Title
            | Place::Severity
            | Place::KeyTime(_)
            | Place::Link(_)
            | Place::Approval
            | Place::Tags
            | Place::IncidentId
            | Place::Classification
            | Place::People => Self::Overview,
            Place::Section(_)
            | Place::CustomSection(_)
            | Place::Attachment(_)
            | Place::AttachmentsFolder => Self::Analysis,
            Place::TimelineRow(_) => Self::Timeline,
            Place::ActionItem(_) => Self::ActionItems,
            Place::Conflict(_) => Self::Checks,
        }
    }

    /// The name in the side panel.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Overview => "Overview",
            Self::Timeline => "Timeline",
            Self::Analysis => "Analysis",
            Self::ActionItems => "Action items",
            Self::Checks => "Checks",
            Self::Public => "Public version",
            Self::Review => "Review",
        }
    }
}
