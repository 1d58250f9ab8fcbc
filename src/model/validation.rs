//! Checks a postmortem for the mistakes that make it wrong or misleading, and says in plain
//! words what is wrong and where.

use std::collections::HashSet;
use std::fmt;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::attachments::Attachment;
use super::document::{KeyTime, KeyTimes, Postmortem};
use super::ids::{ActionId, RowId};
use super::kinds::{ActionStatus, DocumentStatus, Marker};
use super::links::{OPENABLE_SCHEMES, openable_url};
use super::narrative::Section;
use super::time::format_instant;
use super::timeline::rows_out_of_order;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// The document says something that cannot be true; `hindsight check` fails on it.
    Error,
    /// Probably a mistake or a gap worth filling.
    Warning,
}

impl Level {
    /// The lowercase word used in reports.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

/// Where in the document a finding points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// The document's title.
    Title,
    /// The document's severity.
    Severity,
    /// One of the key times.
    KeyTime(KeyTime),
    /// A timeline row.
    TimelineRow(RowId),
    /// An action item.
    ActionItem(ActionId),
    /// A link, by its position in the list.
    Link(usize),
    /// The sign-off: who approved the postmortem, and when.
    Approval,
    /// The tags.
    Tags,
    /// The incident's ID.
    IncidentId,
    /// The incident's type and the services it touched.
    Classification,
    /// The authors and participants.
    People,
    /// A built-in section of the analysis.
    Section(Section),
    /// A section the team added, by its position.
    CustomSection(usize),
    /// A conflict a merge left, by its position in the document's list.
    Conflict(usize),
    /// An attached file, by its position in the document's list.
    Attachment(usize),
    /// The folder of attached files beside the postmortem.
    AttachmentsFolder,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Title => f.write_str("title"),
            Self::Severity => f.write_str("severity"),
            Self::KeyTime(key) => write!(f, "key time {}", key.label().to_lowercase()),
            Self::TimelineRow(id) => write!(f, "timeline row {}", id.short()),
            Self::ActionItem(id) => write!(f, "action item {}", id.short()),
            Self::Link(index) => write!(f, "link {}", index + 1),
            Self::Approval => f.write_str("approval"),
            Self::Tags => f.write_str("tags"),
            Self::IncidentId => f.write_str("incident ID"),
            Self::Classification => f.write_str("classification"),
            Self::People => f.write_str("people"),
            Self::Section(section) => write!(f, "section {}", section.heading()),
            Self::CustomSection(index) => write!(f, "custom section {}", index + 1),
            Self::Conflict(index) => write!(f, "merge conflict {}", index + 1),
            Self::Attachment(index) => write!(f, "attachment {}", index + 1),
            Self::AttachmentsFolder => f.write_str("attachments folder"),
        }
    }
}

/// One thing validation found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// How much it matters.
    pub level: Level,
    /// What is wrong, in plain words.
    pub message: String,
    /// Where it is.
    pub place: Place,
}

impl Finding {
    fn error(place: Place, message: String) -> Self {
        Self {
            level: Level::Error,
            message,
            place,
        }
    }

    fn warning(place: Place, message: String) -> Self {
        Self {
            level: Level::Warning,
            message,
            place,
        }
    }
}

/// What a team agreed on beyond the document itself, from its folder's `hindsight.toml`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TeamRules {
    /// The tags a postmortem may carry, when the team keeps a list; any tag goes otherwise.
    pub tags: Option<Vec<String>>,
    /// What the public version of a postmortem takes out beyond the document's own marks.
    pub public: super::PublicRules,
}

/// Every finding for the document, errors first, each group in document order.
#[must_use]
pub fn validate(doc: &Postmortem) -> Vec<Finding> {
    validate_with(doc, &TeamRules::default())
}

/// Every finding for the document under the team's rules, errors first, each group in
/// document order.
#[must_use]
pub fn validate_with(doc: &Postmortem, rules: &TeamRules) -> Vec<Finding> {
    let mut findings = Vec::new();
    check_conflicts(doc, &mut findings);
    check_title(doc, &mut findings);
    check_sign_off(doc, &mut findings);
    check_tags(doc, rules, &mut findings);
    check_severity(doc, &mut findings);
    check_key_time_order(doc, &mut findings);
    check_duplicate_ids(doc, &mut findings);
    check_timeline_order(doc, &mut findings);
    check_markers(doc, &mut findings);
    check_action_items(doc, &mut findings);
    check_links(doc, &mut findings);
    check_attachments(doc, &mut findings);
    // A stable sort keeps document order within each level.
    findings.sort_by_key(|finding| finding.level);
    findings
}

/// An attachment's path must be a plain one into the postmortem's attachments folder: any
/// other (`../../.ssh/id_rsa`, an absolute path) is never opened, so the file is as good as
/// missing, and the path may be an attempt to make an export embed something else.
fn check_attachments(doc: &Postmortem, findings: &mut Vec<Finding>) {
    for (index, attachment) in doc.attachments.iter().enumerate() {
        if attachment.location().is_none() {
            findings.push(Finding::error(
                Place::Attachment(index),
                format!(
                    "The attachment \u{201c}{}\u{201d} points at \u{201c}{}\u{201d}, which is not a \
                     file in the postmortem's attachments folder; Hindsight will not open it.",
                    attachment.display_name(),
                    attachment.path
                ),
            ));
        }
    }
}

/// The error for an attachment (at `index` in the document's list) whose file is not where
/// the document says: what `hindsight check` and the editor's checks both report.
#[must_use]
pub fn missing_attachment(index: usize, attachment: &Attachment) -> Finding {
    Finding::error(
        Place::Attachment(index),
        format!(
            "The attached file \u{201c}{}\u{201d} is not at {}: it may not have been \
             committed, or the folder was not moved with the postmortem.",
            attachment.display_name(),
            attachment.path
        ),
    )
}

/// Counts the errors and warnings in a list of findings.
#[must_use]
pub fn count_levels(findings: &[Finding]) -> (usize, usize) {
    let errors = findings.iter().filter(|f| f.level == Level::Error).count();
    (errors, findings.len() - errors)
}

/// A conflict left by a merge is an error until someone settles it: the document holds one
/// side's value in a place where the other side wrote something else.
fn check_conflicts(doc: &Postmortem, findings: &mut Vec<Finding>) {
    for (index, conflict) in doc.conflicts.iter().enumerate() {
        findings.push(Finding::error(Place::Conflict(index), conflict.message()));
    }
}

fn check_title(doc: &Postmortem, findings: &mut Vec<Finding>) {
    if doc.title.trim().is_empty() {
        findings.push(Finding::error(
            Place::Title,
            "The postmortem has no title.".to_owned(),
        ));
    }
}

fn check_severity(doc: &Postmortem, findings: &mut Vec<Finding>) {
    if let Some(name) = &doc.classification.severity
        && doc.severity_level().is_none()
    {
        findings.push(Finding::warning(
            Place::Severity,
            format!(
                "Severity \u{201c}{name}\u{201d} is not a level of this document's severity scale."
            ),
        ));
    }
}

/// Each key time must not come before the nearest earlier key time that is filled in:
/// detected before started is what makes other tools show negative durations.
fn check_key_time_order(doc: &Postmortem, findings: &mut Vec<Finding>) {
    for (key, message) in key_times_out_of_order(&doc.key_times, doc.time_zone) {
        findings.push(Finding::error(Place::KeyTime(key), message));
    }
}

/// The key times that come before an earlier one in the incident's order, each with what is
/// wrong, in `zone`'s wall-clock time: "Acknowledged (2025-08-01 14:04) is before detected
/// (2025-08-01 14:05)." One wrong time is reported once.
#[must_use]
pub fn key_times_out_of_order(key_times: &KeyTimes, zone: Tz) -> Vec<(KeyTime, String)> {
    let mut problems = Vec::new();
    let mut latest_before: Option<(KeyTime, DateTime<Utc>)> = None;
    for key in KeyTime::ALL {
        let Some(time) = key_times.get(key) else {
            continue;
        };
        if let Some((earlier_key, earlier_time)) = latest_before
            && time < earlier_time
        {
            problems.push((
                key,
                format!(
                    "{} ({}) is before {} ({}).",
                    key.label(),
                    format_instant(time, zone),
                    earlier_key.label().to_lowercase(),
                    format_instant(earlier_time, zone),
                ),
            ));
            // Keep comparing against the later of the two.
            continue;
        }
        latest_before = Some((key, time));
    }
    problems
}

fn check_duplicate_ids(doc: &Postmortem, findings: &mut Vec<Finding>) {
    let mut seen_rows = HashSet::new();
    for (index, row) in doc.timeline.iter().enumerate() {
        if !seen_rows.insert(row.id) {
            findings.push(Finding::error(
                Place::TimelineRow(row.id),
                format!(
                    "Timeline row {} has the same ID as an earlier row; give it a new one.",
                    index + 1
                ),
            ));
        }
    }
    let mut seen_actions = HashSet::new();
    for (index, item) in doc.action_items.iter().enumerate() {
        if !seen_actions.insert(item.id) {
            findings.push(Finding::error(
                Place::ActionItem(item.id),
                format!(
                    "Action item {} has the same ID as an earlier item; give it a new one.",
                    index + 1
                ),
            ));
        }
    }
}

/// Rows are ordered by hand; the rows out of place in time are flagged (see
/// [`rows_out_of_order`]), each with the row it disagrees with: the latest later row above
/// it, else the earliest earlier row below it.
fn check_timeline_order(doc: &Postmortem, findings: &mut Vec<Finding>) {
    let zone = doc.time_zone;
    let timed = |range: std::ops::Range<usize>| {
        doc.timeline[range.clone()]
            .iter()
            .zip(range)
            .filter_map(|(row, i)| row.time.map(|time| (i, time)))
    };
    for index in rows_out_of_order(&doc.timeline) {
        let row = &doc.timeline[index];
        let Some(time) = row.time else { continue };
        let later_above = timed(0..index)
            .filter(|(_, above)| *above > time)
            .max_by_key(|(i, above)| (*above, std::cmp::Reverse(*i)));
        let earlier_below = timed(index + 1..doc.timeline.len())
            .filter(|(_, below)| *below < time)
            .min_by_key(|(i, below)| (*below, *i));
        let (other, other_time, where_) = match (later_above, earlier_below) {
            (Some((i, at)), _) => (i, at, ("earlier", "above")),
            (None, Some((i, at))) => (i, at, ("later", "below")),
            (None, None) => continue,
        };
        findings.push(Finding::warning(
            Place::TimelineRow(row.id),
            format!(
                "Timeline row {} ({}) is {} than row {} ({}) {} it.",
                index + 1,
                format_instant(time, zone),
                where_.0,
                other + 1,
                format_instant(other_time, zone),
                where_.1,
            ),
        ));
    }
}

fn check_markers(doc: &Postmortem, findings: &mut Vec<Finding>) {
    let zone = doc.time_zone;
    let mut first_with_marker: Vec<(Marker, usize)> = Vec::new();
    for (index, row) in doc.timeline.iter().enumerate() {
        let Some(key) = KeyTime::for_marker(row.marker) else {
            continue;
        };
        let place = Place::TimelineRow(row.id);
        let position = index + 1;
        let marker = row.marker.label().to_lowercase();
        if let Some(&(_, first)) = first_with_marker.iter().find(|(m, _)| *m == row.marker) {
            findings.push(Finding::warning(
                place,
                format!(
                    "Timeline rows {} and {position} are both marked {marker}; only one row can be.",
                    first + 1
                ),
            ));
            continue;
        }
        first_with_marker.push((row.marker, index));
        match (row.time, doc.key_times.get(key)) {
            (None, _) => findings.push(Finding::warning(
                place,
                format!("Timeline row {position} is marked {marker} but has no time."),
            )),
            (Some(row_time), None) => findings.push(Finding::warning(
                place,
                format!(
                    "Timeline row {position} is marked {marker} at {}, but the key time {marker} is empty.",
                    format_instant(row_time, zone)
                ),
            )),
            (Some(row_time), Some(key_time)) if row_time != key_time => {
                findings.push(Finding::warning(
                    place,
                    format!(
                        "Timeline row {position} is marked {marker} at {}, but the key time {marker} is {}.",
                        format_instant(row_time, zone),
                        format_instant(key_time, zone)
                    ),
                ));
            }
            _ => {}
        }
    }
}

fn check_action_items(doc: &Postmortem, findings: &mut Vec<Finding>) {
    for (index, item) in doc.action_items.iter().enumerate() {
        let place = Place::ActionItem(item.id);
        let position = index + 1;
        if item.owner.trim().is_empty() {
            findings.push(Finding::warning(
                place,
                format!("Action item {position} has no owner."),
            ));
        }
        if item.due.is_none() && item.status.is_open() {
            findings.push(Finding::warning(
                place,
                format!("Action item {position} has no due date."),
            ));
        }
        if item.status == ActionStatus::WontDo && item.declined_reason.trim().is_empty() {
            findings.push(Finding::warning(
                place,
                format!("Action item {position} is declined (Won\u{2019}t do) without a reason."),
            ));
        }
    }
}

/// A final postmortem says who signed it off and when; a sign-off on a draft is premature.
fn check_sign_off(doc: &Postmortem, findings: &mut Vec<Finding>) {
    let approval = &doc.approval;
    if doc.status == DocumentStatus::Final {
        if approval.approver.trim().is_empty() {
            findings.push(Finding::warning(
                Place::Approval,
                "The postmortem is final but does not say who approved it.".to_owned(),
            ));
        } else if approval.approved.is_none() {
            findings.push(Finding::warning(
                Place::Approval,
                "The postmortem is final but does not say when it was approved.".to_owned(),
            ));
        }
    }
    if let (Some(approved), Some(created)) = (approval.approved, doc.created)
        && approved < created
    {
        findings.push(Finding::warning(
            Place::Approval,
            format!("It was approved on {approved}, before it was created ({created})."),
        ));
    }
}

/// Tags come from the team's list when it keeps one, so that counts across incidents add
/// up (`config-change` and `config change` would be two factors).
fn check_tags(doc: &Postmortem, rules: &TeamRules, findings: &mut Vec<Finding>) {
    let Some(known) = &rules.tags else {
        return;
    };
    let key = |tag: &str| tag.trim().to_lowercase();
    for tag in &doc.classification.tags {
        if !known.iter().any(|allowed| key(allowed) == key(tag)) {
            findings.push(Finding::warning(
                Place::Tags,
                format!(
                    "The tag \u{201c}{tag}\u{201d} is not in the team's list ({}).",
                    if known.is_empty() {
                        "which is empty".to_owned()
                    } else {
                        known.join(", ")
                    }
                ),
            ));
        }
    }
}

/// A link that a click will not open is probably a typo, and never safe to follow.
fn check_links(doc: &Postmortem, findings: &mut Vec<Finding>) {
    for (index, link) in doc.links.iter().enumerate() {
        if link.url.trim().is_empty() {
            findings.push(Finding::warning(
                Place::Link(index),
                format!("Link {} has no URL.", index + 1),
            ));
        } else if openable_url(&link.url).is_none() {
            findings.push(Finding::warning(
                Place::Link(index),
                format!(
                    "Link {} (\u{201c}{}\u{201d}) will not open: only {} links do.",
                    index + 1,
                    link.url.trim(),
                    OPENABLE_SCHEMES.join(", ")
                ),
            ));
        }
    }
}
