//! Changes to a document, as values. The editor turns gestures into edits and applies them
//! after layout, so every change goes through one place that can be tested, undone and
//! counted as unsaved.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::attachments::Attachment;
use super::document::{ActionItem, KeyTime, Link, List, Participant, Postmortem, TimelineRow};
use super::ids::{ActionId, RowId};
use super::kinds::{ActionStatus, DocumentStatus, Marker};
use super::list_edit::ListEdit;
use super::merge::{Keep, settle};
use super::narrative::{CustomSection, Section};
use super::severity::SeverityLevel;
use super::timeline::{insert_by_time, sorted_by_time};

/// One change to a postmortem.
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "an edit does nothing until it is applied"]
pub enum Edit {
    /// Replace the title.
    SetTitle(String),
    /// Replace the incident ID.
    SetIncidentId(String),
    /// Change the document status.
    SetStatus(DocumentStatus),
    /// Replace the incident type.
    SetIncidentType(String),
    /// Pick a severity level by name, or none.
    SetSeverity(Option<String>),
    /// Change the authors; adding a name that is already there changes nothing.
    Authors(ListEdit<String>),
    /// Change the services and components; adding one that is already there changes nothing.
    Services(ListEdit<String>),
    /// Change the severity scale; renaming the level in use renames the document's severity.
    SeverityScale(ListEdit<SeverityLevel>),
    /// Set or clear one key time.
    SetKeyTime(KeyTime, Option<DateTime<Utc>>),
    /// Show the document in another zone; no stored instant changes.
    SetTimeZone(Tz),
    /// Change the participants.
    Participants(ListEdit<Participant>),
    /// Change the links.
    Links(ListEdit<Link>),
    /// Replace the text of a built-in narrative section.
    SetSectionText(Section, String),
    /// Sets the heading a built-in section is shown under; empty, or the built-in heading
    /// itself, goes back to the built-in one.
    SetSectionHeading(Section, String),
    /// Sets the heading the timeline or the action items are shown under; empty, or the
    /// built-in heading itself, goes back to the built-in one.
    SetListHeading(List, String),
    /// Change the custom narrative sections.
    CustomSections(ListEdit<CustomSection>),
    /// Change the timeline rows. Changing the time of a row that holds a key-time marker
    /// moves that key time with it.
    Timeline(ListEdit<TimelineRow>),
    /// Put rows in at this index, as one change (a paste). A row that comes with a marker is
    /// marked as [`Edit::MarkRow`] would mark it (an imported pager log's acknowledge entry,
    /// say), in the same change.
    InsertRows(usize, Vec<TimelineRow>),
    /// Put timed rows in, each at its place in time, as one change (a paste into a timeline
    /// that is in time order; see [`insert_by_time`]); markers as for [`Edit::InsertRows`].
    InsertRowsByTime(Vec<TimelineRow>),
    /// Mark a row. A marker that sets a key time moves it from any other row and sets the key
    /// time to the row's time.
    MarkRow(RowId, Marker),
    /// Put the timeline in time order (see [`sorted_by_time`]).
    SortTimelineByTime,
    /// Change the action items.
    Actions(ListEdit<ActionItem>),
    /// Change the attached files' references (their captions, their places); the files
    /// themselves are storage's.
    Attachments(ListEdit<Attachment>),
    /// Change the tags (contributing factors).
    Tags(ListEdit<String>),
    /// Replace who signed the postmortem off.
    SetApprover(String),
    /// Replace the day it was signed off.
    SetApprovalDate(Option<NaiveDate>),
    /// Decline an item (Won't do), saying why.
    DeclineAction {
        /// The item.
        id: ActionId,
        /// Why it will not be done.
        reason: String,
    },
    /// Change an item's status: done records the day it was completed, reopening clears it
    /// and a declined item's reason (which no longer applies).
    SetActionStatus {
        /// The item.
        id: ActionId,
        /// Its new status.
        status: ActionStatus,
        /// The day of the change, recorded as the completed date when it is done.
        today: NaiveDate,
    },
    /// Settle a conflict a merge left (by its position in the list): keep one side's value or
    /// what is there now, and drop it from the list.
    SettleConflict(usize, Keep),
    /// Take a whole document in place of the open one, as one step (a merge with the file on
    /// disk).
    Replace(Box<Postmortem>),
    /// Mark a part internal (left out of the public version), or public again.
    SetInternal(InternalPart, bool),
    /// Replace what the public version says in place of the summary.
    SetPublicSummary(String),
    /// Replace the terms the public version redacts.
    SetRedactTerms(Vec<String>),
}

/// A part of a postmortem that can be kept out of its public version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InternalPart {
    /// A built-in section.
    Section(Section),
    /// A section of the team's own, by its position.
    Custom(usize),
    /// A timeline row.
    Row(super::RowId),
    /// An action item.
    Action(super::ActionId),
    /// A link, by its position.
    Link(usize),
}

impl InternalPart {
    /// Whether the part is marked internal in `doc` (`false` when it is not there).
    #[must_use]
    pub fn is_internal(self, doc: &Postmortem) -> bool {
        match self {
            Self::Section(section) => doc.narrative.internal.contains(&section),
            Self::Custom(index) => doc
                .narrative
                .custom_sections
                .get(index)
                .is_some_and(|section| section.internal),
            Self::Row(id) => doc.row(id).is_some_and(|row| row.internal),
            Self::Action(id) => doc.action(id).is_some_and(|item| item.internal),
            Self::Link(index) => doc.links.get(index).is_some_and(|link| link.internal),
        }
    }
}

/// Declines the item `id` (Won't do) for `reason`; whether anything changed.
fn decline(doc: &mut Postmortem, id: super::ActionId, reason: &str) -> bool {
    let Some(item) = doc.action_items.iter_mut().find(|item| item.id == id) else {
        return false;
    };
    let changed = item.status != ActionStatus::WontDo
        || item.completed.is_some()
        || item.declined_reason != reason;
    item.status = ActionStatus::WontDo;
    item.completed = None;
    reason.clone_into(&mut item.declined_reason);
    changed
}

/// Marks `part` internal or public; whether anything changed.
fn set_internal(doc: &mut Postmortem, part: InternalPart, internal: bool) -> bool {
    if part.is_internal(doc) == internal {
        return false;
    }
    let flag = match part {
        InternalPart::Section(section) => {
            let marked = &mut doc.narrative.internal;
            if internal {
                marked.push(section);
                marked.sort();
            } else {
                marked.retain(|other| *other != section);
            }
            return true;
        }
        InternalPart::Custom(index) => doc
            .narrative
            .custom_sections
            .get_mut(index)
            .map(|section| &mut section.internal),
        InternalPart::Row(id) => doc
            .timeline
            .iter_mut()
            .find(|row| row.id == id)
            .map(|row| &mut row.internal),
        InternalPart::Action(id) => doc
            .action_items
            .iter_mut()
            .find(|item| item.id == id)
            .map(|item| &mut item.internal),
        InternalPart::Link(index) => doc.links.get_mut(index).map(|link| &mut link.internal),
    };
    flag.is_some_and(|flag| {
        *flag = internal;
        true
    })
}

impl Edit {
    /// Makes the change. Returns whether the document changed, so an edit that sets a value
    /// to what it already was does not mark the document unsaved.
    pub fn apply(self, doc: &mut Postmortem) -> bool {
        match self {
            Self::SetTitle(title) => replace(&mut doc.title, title),
            Self::SetIncidentId(id) => replace(&mut doc.incident_id, id),
            Self::SetStatus(status) => replace(&mut doc.status, status),
            Self::SetIncidentType(kind) => replace(&mut doc.classification.incident_type, kind),
            Self::SetSeverity(level) => replace(&mut doc.classification.severity, level),
            Self::Authors(edit) => apply_unique(edit, &mut doc.authors),
            Self::Services(edit) => apply_unique(edit, &mut doc.classification.services),
            Self::Tags(edit) => apply_unique(edit, &mut doc.classification.tags),
            Self::SetApprover(name) => replace(&mut doc.approval.approver, name),
            Self::SetApprovalDate(day) => replace(&mut doc.approval.approved, day),
            Self::DeclineAction { id, reason } => decline(doc, id, &reason),
            Self::SeverityScale(edit) => apply_to_scale(edit, doc),
            Self::SetKeyTime(key, time) => {
                let changed = doc.key_times.get(key) != time;
                doc.key_times.set(key, time);
                changed
            }
            Self::SetTimeZone(zone) => replace(&mut doc.time_zone, zone),
            Self::Participants(edit) => edit.apply(&mut doc.participants),
            Self::Links(edit) => edit.apply(&mut doc.links),
            Self::SetSectionText(section, text) => replace(doc.narrative.text_mut(section), text),
            Self::SetSectionHeading(section, heading) => {
                doc.narrative.set_heading(section, &heading)
            }
            Self::SetListHeading(list, heading) => doc.set_list_heading(list, &heading),
            Self::CustomSections(edit) => {
                let count = doc.narrative.custom_sections.len();
                super::attachments::follow_custom_sections(&mut doc.attachments, &edit, count);
                edit.apply(&mut doc.narrative.custom_sections)
            }
            Self::Timeline(edit) => apply_to_timeline(edit, doc),
            Self::InsertRows(index, rows) => {
                if rows.is_empty() || index > doc.timeline.len() {
                    return false;
                }
                let marked = marked_rows(&rows);
                doc.timeline.splice(index..index, rows);
                mark_all(doc, marked);
                true
            }
            Self::InsertRowsByTime(rows) => {
                if rows.is_empty() {
                    return false;
                }
                let marked = marked_rows(&rows);
                insert_by_time(&mut doc.timeline, rows);
                mark_all(doc, marked);
                true
            }
            Self::MarkRow(id, marker) => mark_row(doc, id, marker),
            Self::SettleConflict(index, keep) => match settle(doc, index, keep) {
                Some(settled) => replace(doc, settled),
                // Its place is gone (the entry was deleted since): only the entry is left.
                None if index < doc.conflicts.len() => {
                    doc.conflicts.remove(index);
                    true
                }
                None => false,
            },
            Self::Replace(new) => replace(doc, *new),
            Self::SetInternal(part, internal) => set_internal(doc, part, internal),
            Self::SetPublicSummary(text) => replace(&mut doc.public.summary, text),
            Self::SetRedactTerms(terms) => replace(&mut doc.public.redact, terms),
            Self::SortTimelineByTime => {
                let sorted = sorted_by_time(&doc.timeline);
                replace(&mut doc.timeline, sorted)
            }
            Self::Actions(edit) => edit.apply(&mut doc.action_items),
            Self::Attachments(edit) => edit.apply(&mut doc.attachments),
            Self::SetActionStatus { id, status, today } => {
                let Some(item) = doc.action_items.iter_mut().find(|item| item.id == id) else {
                    return false;
                };
                let completed = match status {
                    ActionStatus::Done => item.completed.or(Some(today)),
                    ActionStatus::Open | ActionStatus::InProgress | ActionStatus::WontDo => None,
                };
                let reason = if status == ActionStatus::WontDo {
                    item.declined_reason.clone()
                } else {
                    String::new()
                };
                let changed = item.status != status
                    || item.completed != completed
                    || item.declined_reason != reason;
                item.status = status;
                item.completed = completed;
                item.declined_reason = reason;
                changed
            }
        }
    }

    /// Edits with the same key in quick succession are one burst of typing, undone as one
    /// step: the field typed in. Edits that are not typing have no key.
    #[must_use]
    pub fn merge_key(&self) -> Option<String> {
        let list_item = |list: &str, index: usize| Some(format!("{list}/{index}"));
        match self {
            Self::SetTitle(_) => Some("title".to_owned()),
            Self::SetIncidentId(_) => Some("incident id".to_owned()),
            Self::SetIncidentType(_) => Some("incident type".to_owned()),
            Self::SetApprover(_) => Some("approver".to_owned()),
            Self::SetSectionText(section, _) => Some(format!("section/{}", section.heading())),
            Self::SetPublicSummary(_) => Some("public summary".to_owned()),
            Self::SetRedactTerms(_) => Some("redacted terms".to_owned()),
            Self::Participants(ListEdit::Replace(index, _)) => list_item("participant", *index),
            Self::Links(ListEdit::Replace(index, _)) => list_item("link", *index),
            Self::SeverityScale(ListEdit::Replace(index, _)) => list_item("severity", *index),
            Self::CustomSections(ListEdit::Replace(index, _)) => list_item("section", *index),
            Self::Timeline(ListEdit::Replace(index, _)) => list_item("row", *index),
            Self::Actions(ListEdit::Replace(index, _)) => list_item("action", *index),
            _ => None,
        }
    }

    /// What the edit does, in words for an undo menu ("Undo change title").
    #[must_use]
    pub fn describe(&self) -> String {
        let fixed = match self {
            Self::SetTitle(_) => "change title",
            Self::SetIncidentId(_) => "change incident ID",
            Self::SetStatus(_) => "change status",
            Self::SetIncidentType(_) => "change incident type",
            Self::SetSeverity(_) => "change severity",
            Self::SeverityScale(_) => "change severity scale",
            Self::SetKeyTime(..) => "change key time",
            Self::SetTimeZone(_) => "change time zone",
            Self::SetSectionText(..) => "edit analysis",
            Self::SetSectionHeading(..) => "change section heading",
            Self::SetListHeading(..) => "change heading",
            Self::InsertRows(..) | Self::InsertRowsByTime(..) => "paste timeline rows",
            Self::MarkRow(..) => "mark timeline row",
            Self::SortTimelineByTime => "sort timeline by time",
            Self::SetActionStatus { .. } => "change action status",
            Self::DeclineAction { .. } => "decline action item",
            Self::SetApprover(_) => "change approver",
            Self::SetApprovalDate(_) => "change approval date",
            Self::SettleConflict(..) => "settle merge conflict",
            Self::Replace(_) => "merge with the file on disk",
            Self::SetInternal(_, true) => "mark internal",
            Self::SetInternal(_, false) => "mark public",
            Self::SetPublicSummary(_) => "edit public summary",
            Self::SetRedactTerms(_) => "change redacted terms",
            Self::Tags(edit) => return list_words(edit, "tag", "tags"),
            Self::Actions(ListEdit::Move { .. }) => "move action item",
            Self::Actions(edit) => return list_words(edit, "action item", "action items"),
            Self::Timeline(ListEdit::Move { .. }) => "move timeline row",
            Self::Timeline(edit) => return list_words(edit, "timeline row", "timeline rows"),
            Self::Authors(edit) => return list_words(edit, "author", "authors"),
            Self::Services(edit) => return list_words(edit, "service", "services"),
            Self::Participants(edit) => return list_words(edit, "participant", "participants"),
            Self::Links(edit) => return list_words(edit, "link", "links"),
            Self::CustomSections(edit) => return list_words(edit, "section", "sections"),
            Self::Attachments(ListEdit::Replace(..)) => "change attachment",
            Self::Attachments(edit) => return list_words(edit, "attachment", "attachments"),
        };
        fixed.to_owned()
    }
}

fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}

/// Lists of names hold each name once, compared without case or surrounding spaces, and
/// never hold an empty name.
fn apply_unique(edit: ListEdit<String>, list: &mut Vec<String>) -> bool {
    let key = |name: &str| name.trim().to_lowercase();
    match edit {
        ListEdit::Push(name) | ListEdit::Insert(_, name) | ListEdit::Replace(_, name)
            if name.trim().is_empty() =>
        {
            false
        }
        ListEdit::Push(name) | ListEdit::Insert(_, name)
            if list.iter().any(|known| key(known) == key(&name)) =>
        {
            false
        }
        ListEdit::Replace(index, name)
            if list
                .iter()
                .enumerate()
                .any(|(i, known)| i != index && key(known) == key(&name)) =>
        {
            false
        }
        ListEdit::Push(name) => ListEdit::Push(name.trim().to_owned()).apply(list),
        ListEdit::Insert(index, name) => {
            ListEdit::Insert(index, name.trim().to_owned()).apply(list)
        }
        ListEdit::Replace(index, name) => {
            ListEdit::Replace(index, name.trim().to_owned()).apply(list)
        }
        other => other.apply(list),
    }
}

fn apply_to_scale(edit: ListEdit<SeverityLevel>, doc: &mut Postmortem) -> bool {
    let classification = &mut doc.classification;
    if let ListEdit::Replace(index, level) = &edit
        && let Some(old) = classification.severity_scale.get(index.to_owned())
        && classification.severity.as_deref() == Some(old.name.as_str())
    {
        classification.severity = Some(level.name.clone());
    }
    edit.apply(&mut classification.severity_scale)
}

/// "add participant", "remove link", "reorder sections"…
fn list_words<T>(edit: &ListEdit<T>, singular: &str, plural: &str) -> String {
    match edit {
        ListEdit::Push(_) | ListEdit::Insert(..) => format!("add {singular}"),
        ListEdit::Remove(_) => format!("remove {singular}"),
        ListEdit::Replace(..) => format!("edit {singular}"),
        ListEdit::Move { .. } => format!("reorder {plural}"),
    }
}

fn apply_to_timeline(edit: ListEdit<TimelineRow>, doc: &mut Postmortem) -> bool {
    if let ListEdit::Replace(index, row) = &edit
        && let Some(old) = doc.timeline.get(*index)
        && old.time != row.time
        && let Some(key) = KeyTime::for_marker(row.marker)
    {
        doc.key_times.set(key, row.time);
    }
    edit.apply(&mut doc.timeline)
}

/// The new rows that come with a marker, to mark once they are in.
fn marked_rows(rows: &[TimelineRow]) -> Vec<(RowId, Marker)> {
    rows.iter()
        .filter(|row| row.marker != Marker::Unmarked)
        .map(|row| (row.id, row.marker))
        .collect()
}

fn mark_all(doc: &mut Postmortem, marked: Vec<(RowId, Marker)>) {
    for (id, marker) in marked {
        mark_row(doc, id, marker);
    }
}

fn mark_row(doc: &mut Postmortem, id: RowId, marker: Marker) -> bool {
    let Some(index) = doc.timeline.iter().position(|row| row.id == id) else {
        return false;
    };
    let mut changed = replace(&mut doc.timeline[index].marker, marker);
    if let Some(key) = KeyTime::for_marker(marker) {
        for (other, row) in doc.timeline.iter_mut().enumerate() {
            if other != index && row.marker == marker {
                row.marker = Marker::Unmarked;
                changed = true;
            }
        }
        if let Some(time) = doc.timeline[index].time {
            changed |= doc.key_times.get(key) != Some(time);
            doc.key_times.set(key, Some(time));
        }
    }
    changed
}
