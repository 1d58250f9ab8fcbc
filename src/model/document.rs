//! The postmortem document: every part a lead fills in, in the order it is written to disk.
//!
//! Field order here is the field order in the file, so it is part of the format: move a field
//! and every saved file changes. Every struct defaults missing fields, so older and hand-written
//! files open; unknown fields are refused, so a typo in a hand edit is reported instead of
//! being dropped on the next save.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::attachments::Attachment;
use super::ids::{ActionId, RowId};
use super::kinds::{
    ActionKind, ActionPriority, ActionStatus, DocumentStatus, LinkKind, Marker, ParticipantRole,
};
use super::merge::Conflict;
use super::narrative::Narrative;
use super::severity::SeverityLevel;

/// The newest file format this build reads and the one it writes.
///
/// Version 2 added a timeline row's `evidence` link, the sign-off (`approval`), tags, a
/// declined action's reason and a template's guidance; version 3 the heading a section was
/// written under; version 4 the headings the timeline and the action items were written
/// under; version 5 the files attached beside the postmortem. Older files read unchanged
/// (the fields are empty) and are written as the current version when they are next saved.
pub const FORMAT_VERSION: u32 = 6;

/// One incident postmortem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Postmortem {
    /// The file format this document was written in; always first in the file. A file
    /// without it reads as version 0, which no postmortem has: storage refuses it as some
    /// other program's file.
    #[serde(default = "no_version")]
    pub format_version: u32,
    /// What happened, in a few words.
    pub title: String,
    /// The team's own reference for the incident, e.g. `INC-620`.
    pub incident_id: String,
    /// How far the write-up has come.
    pub status: DocumentStatus,
    /// Who wrote the postmortem.
    pub authors: Vec<String>,
    /// The day the postmortem was started.
    #[serde(deserialize_with = "super::bounds::optional_date")]
    pub created: Option<NaiveDate>,
    /// The day it was last saved.
    #[serde(deserialize_with = "super::bounds::optional_date")]
    pub updated: Option<NaiveDate>,
    /// Who signed the postmortem off as final, and when. Added in format version 2; written
    /// only once set.
    #[serde(skip_serializing_if = "Approval::is_empty")]
    pub approval: Approval,
    /// The IANA time zone every time in the editor and exports is shown in; stored instants
    /// stay in UTC whatever this says.
    pub time_zone: Tz,
    /// What kind of incident it was and how bad.
    pub classification: Classification,
    /// The moments that define the incident's life.
    pub key_times: KeyTimes,
    /// Who took part, and how.
    pub participants: Vec<Participant>,
    /// Chat channels, commits, dashboards and other places to read more.
    pub links: Vec<Link>,
    /// The written analysis.
    pub narrative: Narrative,
    /// The heading the timeline was written under where it differs from the built-in one
    /// ("Sequence of events"): the author's words, shown and exported in its place. Added in
    /// format version 4; written only once set.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub timeline_heading: String,
    /// What happened when, in the order the lead arranged it.
    pub timeline: Vec<TimelineRow>,
    /// The heading the action items were written under where it differs from the built-in
    /// one ("Corrective actions"), as for the timeline. Added in format version 4.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub action_items_heading: String,
    /// What the team will do about it.
    pub action_items: Vec<ActionItem>,
    /// Graphs, screenshots and other files kept beside the postmortem, each placed at the
    /// document, a section or a row. Added in format version 5; written only when there are
    /// some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// What the public version of the postmortem (for customers; `hindsight export --public`)
    /// says in place of the summary, and the terms it leaves out. Added in format version 6;
    /// written only once set.
    #[serde(skip_serializing_if = "PublicVersion::is_empty")]
    pub public: PublicVersion,
    /// Where a merge found two people changing one thing differently, with both values, until
    /// someone settles each (see [`super::merge`]). Written only when there are some; a build
    /// from before merging refuses such a file by this field's name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

/// What the public version of a postmortem says of its own: a summary written for the
/// public, and the terms it never shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PublicVersion {
    /// Takes the summary's place in the public version (Markdown); the summary is used when
    /// this is empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Words and phrases the public version shows as "[redacted]" wherever they stand
    /// (without regard to case).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub redact: Vec<String>,
}

impl PublicVersion {
    /// Whether nothing is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.summary.is_empty() && self.redact.is_empty()
    }
}

/// Whether a flag is off, for leaving it out of the file.
#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
const fn is_false(flag: &bool) -> bool {
    !*flag
}

/// The version a file without `format_version` reads as.
const fn no_version() -> u32 {
    0
}

/// One of the document's two lists, which a postmortem may have written under headings of
/// its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum List {
    /// The timeline.
    Timeline,
    /// The action items.
    ActionItems,
}

impl List {
    /// The heading Hindsight gives the list.
    #[must_use]
    pub const fn heading(self) -> &'static str {
        match self {
            Self::Timeline => "Timeline",
            Self::ActionItems => "Action items",
        }
    }
}

impl Default for Postmortem {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            title: String::new(),
            incident_id: String::new(),
            status: DocumentStatus::default(),
            authors: Vec::new(),
            created: None,
            updated: None,
            approval: Approval::default(),
            time_zone: Tz::UTC,
            classification: Classification::default(),
            key_times: KeyTimes::default(),
            participants: Vec::new(),
            links: Vec::new(),
            narrative: Narrative::default(),
            timeline_heading: String::new(),
            timeline: Vec::new(),
            action_items_heading: String::new(),
            action_items: Vec::new(),
            attachments: Vec::new(),
            public: PublicVersion::default(),
            conflicts: Vec::new(),
        }
    }
}

impl Postmortem {
    /// The timeline row with this ID, if the document has one.
    #[must_use]
    pub fn row(&self, id: RowId) -> Option<&TimelineRow> {
        self.timeline.iter().find(|row| row.id == id)
    }

    /// Whether the place an attachment names is in the document: its row, its section of
    /// the team's own.
    #[must_use]
    pub fn has_place(&self, place: super::attachments::AttachedTo) -> bool {
        use super::attachments::AttachedTo;
        match place {
            AttachedTo::Document | AttachedTo::Section(_) => true,
            AttachedTo::Custom(index) => index < self.narrative.custom_sections.len(),
            AttachedTo::Row(id) => self.row(id).is_some(),
        }
    }

    /// The timeline rows that have files attached, with how many each: the incident's
    /// picture marks them.
    #[must_use]
    pub fn rows_with_attachments(&self) -> std::collections::BTreeMap<RowId, usize> {
        let mut rows = std::collections::BTreeMap::new();
        for attachment in &self.attachments {
            if let super::attachments::AttachedTo::Row(id) = attachment.place {
                *rows.entry(id).or_insert(0) += 1;
            }
        }
        // Rows since deleted (an undo may bring them back) are not in the timeline.
        if !rows.is_empty() {
            let present: std::collections::HashSet<RowId> =
                self.timeline.iter().map(|row| row.id).collect();
            rows.retain(|id, _| present.contains(id));
        }
        rows
    }

    /// The action item with this ID, if the document has one.
    #[must_use]
    pub fn action(&self, id: ActionId) -> Option<&ActionItem> {
        self.action_items.iter().find(|item| item.id == id)
    }

    /// Everything but the timeline and the action items (those two lists are empty here): the
    /// small part of a document, for what handles the long lists on their own (undo
    /// snapshots, the merge). Written field by field, so that a field added to the document
    /// must be thought about here (the compiler asks).
    #[must_use]
    pub fn without_lists(&self) -> Self {
        let Self {
            format_version,
            title,
            incident_id,
            status,
            authors,
            created,
            updated,
            approval,
            time_zone,
            classification,
            key_times,
            participants,
            links,
            narrative,
            timeline_heading,
            timeline: _,
            action_items_heading,
            action_items: _,
            attachments,
            public,
            conflicts,
        } = self;
        Self {
            format_version: *format_version,
            title: title.clone(),
            incident_id: incident_id.clone(),
            status: *status,
            authors: authors.clone(),
            created: *created,
            updated: *updated,
            approval: approval.clone(),
            time_zone: *time_zone,
            classification: classification.clone(),
            key_times: key_times.clone(),
            participants: participants.clone(),
            links: links.clone(),
            narrative: narrative.clone(),
            timeline_heading: timeline_heading.clone(),
            timeline: Vec::new(),
            action_items_heading: action_items_heading.clone(),
            action_items: Vec::new(),
            attachments: attachments.clone(),
            public: public.clone(),
            conflicts: conflicts.clone(),
        }
    }

    /// The heading `list` is shown and exported under: the one it was written under, else the
    /// built-in one.
    #[must_use]
    pub fn heading_of_list(&self, list: List) -> &str {
        let written = match list {
            List::Timeline => &self.timeline_heading,
            List::ActionItems => &self.action_items_heading,
        };
        if written.trim().is_empty() {
            list.heading()
        } else {
            written
        }
    }

    /// Shows `list` under `heading`; empty, or the built-in heading itself, goes back to the
    /// built-in one. Returns whether that changed anything.
    pub fn set_list_heading(&mut self, list: List, heading: &str) -> bool {
        let heading = heading.trim();
        let kept = if heading == list.heading() {
            ""
        } else {
            heading
        };
        let written = match list {
            List::Timeline => &mut self.timeline_heading,
            List::ActionItems => &mut self.action_items_heading,
        };
        if written == kept {
            return false;
        }
        kept.clone_into(written);
        true
    }

    /// `instant` in the document's zone, as every view and export shows it.
    #[must_use]
    pub fn local(&self, instant: DateTime<Utc>) -> DateTime<Tz> {
        instant.with_timezone(&self.time_zone)
    }

    /// The day `instant` falls on in the document's zone.
    #[must_use]
    pub fn local_day(&self, instant: DateTime<Utc>) -> NaiveDate {
        self.local(instant).date_naive()
    }

    /// The severity level the document names, looked up on its own scale.
    #[must_use]
    pub fn severity_level(&self) -> Option<&SeverityLevel> {
        let name = self.classification.severity.as_deref()?;
        self.classification
            .severity_scale
            .iter()
            .find(|level| level.name == name)
    }
}

/// What kind of incident it was, how bad, and what it touched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Classification {
    /// Free text such as "Performance degradation".
    pub incident_type: String,
    /// The name of a level on `severity_scale`, or none while undecided.
    pub severity: Option<String>,
    /// The team's severity levels, most severe first; kept in the document so a team can
    /// rename or describe its levels.
    pub severity_scale: Vec<SeverityLevel>,
    /// Services and components the incident touched.
    pub services: Vec<String>,
    /// Contributing factors from the team's taxonomy (`config-change`, `capacity`), checked
    /// against the `tags` list of the folder's `hindsight.toml` when it has one. Added in
    /// format version 2; written only when there are some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl Default for Classification {
    fn default() -> Self {
        Self {
            incident_type: String::new(),
            severity: None,
            severity_scale: SeverityLevel::default_scale(),
            services: Vec::new(),
            tags: Vec::new(),
        }
    }
}

/// Who signed a postmortem off as final, and when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Approval {
    /// The person who approved it.
    pub approver: String,
    /// The day they did.
    #[serde(deserialize_with = "super::bounds::optional_date")]
    pub approved: Option<NaiveDate>,
}

impl Approval {
    /// Whether nobody has signed off yet (then the file does not mention it).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.approver.is_empty() && self.approved.is_none()
    }
}

/// The five moments that define an incident, each optional until known.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KeyTimes {
    /// When impact began.
    #[serde(deserialize_with = "super::bounds::optional_instant")]
    pub started: Option<DateTime<Utc>>,
    /// When someone or something noticed.
    #[serde(deserialize_with = "super::bounds::optional_instant")]
    pub detected: Option<DateTime<Utc>>,
    /// When a responder took it on.
    #[serde(deserialize_with = "super::bounds::optional_instant")]
    pub acknowledged: Option<DateTime<Utc>>,
    /// When user impact stopped.
    #[serde(deserialize_with = "super::bounds::optional_instant")]
    pub mitigated: Option<DateTime<Utc>>,
    /// When the incident was over.
    #[serde(deserialize_with = "super::bounds::optional_instant")]
    pub resolved: Option<DateTime<Utc>>,
}

/// Names one of the key times, so code can walk them in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyTime {
    /// Impact began.
    Started,
    /// The problem was noticed.
    Detected,
    /// A responder took it on.
    Acknowledged,
    /// User impact stopped.
    Mitigated,
    /// The incident was over.
    Resolved,
}

impl KeyTime {
    /// The key times in the order an incident passes through them.
    pub const ALL: [Self; 5] = [
        Self::Started,
        Self::Detected,
        Self::Acknowledged,
        Self::Mitigated,
        Self::Resolved,
    ];

    /// The word a person reads, capitalised for the start of a sentence.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Started => "Started",
            Self::Detected => "Detected",
            Self::Acknowledged => "Acknowledged",
            Self::Mitigated => "Mitigated",
            Self::Resolved => "Resolved",
        }
    }

    /// The timeline marker that sets this key time, if one does (nothing marks the start).
    #[must_use]
    pub const fn marker(self) -> Option<Marker> {
        match self {
            Self::Started => None,
            Self::Detected => Some(Marker::Detected),
            Self::Acknowledged => Some(Marker::Acknowledged),
            Self::Mitigated => Some(Marker::Mitigated),
            Self::Resolved => Some(Marker::Resolved),
        }
    }

    /// The key time a timeline marker sets, if it sets one.
    #[must_use]
    pub fn for_marker(marker: Marker) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|key| key.marker() == Some(marker))
    }
}

impl KeyTimes {
    /// The value of one key time.
    #[must_use]
    pub const fn get(&self, key: KeyTime) -> Option<DateTime<Utc>> {
        match key {
            KeyTime::Started => self.started,
            KeyTime::Detected => self.detected,
            KeyTime::Acknowledged => self.acknowledged,
            KeyTime::Mitigated => self.mitigated,
            KeyTime::Resolved => self.resolved,
        }
    }

    /// Changes one key time.
    pub const fn set(&mut self, key: KeyTime, value: Option<DateTime<Utc>>) {
        match key {
            KeyTime::Started => self.started = value,
            KeyTime::Detected => self.detected = value,
            KeyTime::Acknowledged => self.acknowledged = value,
            KeyTime::Mitigated => self.mitigated = value,
            KeyTime::Resolved => self.resolved = value,
        }
    }
}

/// A person (or system) that took part in the response.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Participant {
    /// Their name, as the team writes it.
    pub name: String,
    /// What they did.
    pub role: ParticipantRole,
    /// Their usual job or team, e.g. "on-call SRE".
    pub note: String,
}

/// A place to read more about the incident.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Link {
    /// What it points at.
    pub kind: LinkKind,
    /// The words shown for it.
    pub label: String,
    /// Where it points.
    pub url: String,
    /// Left out of the public version. Added in format version 6; written only when set.
    #[serde(skip_serializing_if = "is_false")]
    pub internal: bool,
}

/// One row of the timeline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TimelineRow {
    /// Stays with the row through edits and reordering.
    pub id: RowId,
    /// When it happened; rows may have no exact time.
    #[serde(deserialize_with = "super::bounds::optional_instant")]
    pub time: Option<DateTime<Utc>>,
    /// What happened or what was done.
    pub event: String,
    /// Detail worth keeping beside it.
    pub notes: String,
    /// Who did it, when that matters.
    pub actor: Option<String>,
    /// Which moment of the incident this row marks, if any.
    pub marker: Marker,
    /// Picked out for a short version of the timeline.
    pub starred: bool,
    /// Where the event can be seen: the graph, log search or chat message behind it (a URL;
    /// opened only when it is a web address). Added in format version 2.
    pub evidence: String,
    /// Left out of the public version. Added in format version 6; written only when set.
    #[serde(skip_serializing_if = "is_false")]
    pub internal: bool,
}

/// One thing the team will do.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActionItem {
    /// Stays with the item through edits and reordering.
    pub id: ActionId,
    /// What will be done.
    pub action: String,
    /// Who answers for it.
    pub owner: String,
    /// When it is due.
    #[serde(deserialize_with = "super::bounds::optional_date")]
    pub due: Option<NaiveDate>,
    /// Where it stands.
    pub status: ActionStatus,
    /// How urgent it is.
    pub priority: ActionPriority,
    /// What it improves.
    pub kind: ActionKind,
    /// Where the work is tracked.
    pub ticket_url: String,
    /// The day it was finished.
    #[serde(deserialize_with = "super::bounds::optional_date")]
    pub completed: Option<NaiveDate>,
    /// Why it will not be done, when it is declined (Won't do). Added in format version 2;
    /// written only when there is one.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub declined_reason: String,
    /// Left out of the public version. Added in format version 6; written only when set.
    #[serde(skip_serializing_if = "is_false")]
    pub internal: bool,
}
