//! What an export says, worked out once from the document so that Markdown, HTML and the
//! clipboard all say the same thing in the same order; the renderers only decide how it looks.

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::{ExportOptions, attached};
use crate::model::{
    ActionStatus, AttachedTo, Attachment, Interval, KeyTime, Link, List, Marker, Metrics,
    ParticipantRole, Postmortem, Section, TimelineField, TimelineRow, format_instant,
    format_interval,
};

/// The columns of the action-items table.
pub const ACTION_COLUMNS: [&str; 4] = ["Action", "Owner", "Due date", "Status"];

/// The heading of the files attached to the document as a whole.
pub const ATTACHMENTS: &str = crate::model::ATTACHMENTS_HEADING;

/// The heading used when a document has no title yet.
pub const UNTITLED: &str = "Untitled postmortem";

/// The whole export, in reading order.
pub struct Report<'a> {
    /// The document's title, or [`UNTITLED`].
    pub title: &'a str,
    /// The summary, which comes before the details (as in the template); `None` when it is
    /// empty and the options leave empty sections out.
    pub summary: Option<SectionText<'a>>,
    /// The Field | Value rows, only those with something to say.
    pub details: Vec<Detail<'a>>,
    /// The timeline's time column heading, naming the zone the times are shown in.
    pub time_heading: String,
    /// Whether any shown row is starred or carries a key-time marker, so the HTML table needs
    /// a column that says so (the Markdown table, which Hindsight reads back, has none).
    pub with_mark: bool,
    /// The written columns the table shows after the time, in the editor's order: those
    /// always reported (the event and the notes), then the others some shown row fills.
    pub timeline_fields: Vec<TimelineField>,
    /// The timeline's heading: the author's where the document keeps one, else "Timeline".
    pub timeline_heading: &'a str,
    /// The timeline rows to show.
    pub timeline: Vec<TimelineLine<'a>>,
    /// The written sections after the summary, built-in then the team's own.
    pub sections: Vec<SectionText<'a>>,
    /// The action items' heading, as for the timeline's.
    pub actions_heading: &'a str,
    /// The action items, in the lead's order.
    pub actions: Vec<ActionLine<'a>>,
    /// The files attached to the shown timeline rows, row by row.
    pub row_attachments: Vec<RowAttachments<'a>>,
    /// The files attached to the document as a whole (and to rows no longer there).
    pub attachments: Vec<&'a Attachment>,
}

/// The files attached to one timeline row.
pub struct RowAttachments<'a> {
    /// The row's time as the table shows it, and its event.
    pub row: String,
    /// The files.
    pub attachments: Vec<&'a Attachment>,
}

/// One row of the details table.
pub struct Detail<'a> {
    /// The field's name.
    pub field: &'static str,
    /// What it holds.
    pub value: DetailValue<'a>,
}

/// What a details row holds.
pub enum DetailValue<'a> {
    /// Plain text.
    Text(String),
    /// The document's links, which HTML can make clickable.
    Links(&'a [Link]),
}

/// One timeline row, formatted.
pub struct TimelineLine<'a> {
    /// The time in the document's zone: with the date where the date changes, time of day
    /// otherwise; empty for an untimed row.
    pub time: String,
    /// The row, for its written columns.
    pub row: &'a TimelineRow,
    /// Whether the lead starred the row as one of the moments that matter.
    pub starred: bool,
    /// The key time the row marks ("Detected"), or empty.
    pub marker: &'static str,
}

/// One written section.
#[derive(Clone)]
pub struct SectionText<'a> {
    /// Its heading.
    pub heading: &'a str,
    /// Its Markdown, possibly empty.
    pub text: &'a str,
    /// The files attached to it.
    pub attachments: Vec<&'a Attachment>,
}

/// One action item, formatted.
pub struct ActionLine<'a> {
    /// What will be done.
    pub action: &'a str,
    /// Who answers for it.
    pub owner: &'a str,
    /// The ISO due date, or empty.
    pub due: String,
    /// The status, with the day it was finished when it is done.
    pub status: String,
}

impl<'a> Report<'a> {
    /// Works out the export of `doc` under `options`.
    #[must_use]
    pub fn of(doc: &'a Postmortem, options: ExportOptions) -> Self {
        // A section with attachments says something even with no text.
        let keep = |section: &SectionText<'_>| {
            !options.skip_empty_sections
                || !section.text.trim().is_empty()
                || !section.attachments.is_empty()
        };
        let summary = Some(SectionText {
            heading: doc.narrative.heading_of(Section::Summary),
            text: doc.narrative.summary.as_str(),
            attachments: attached::of_section(doc, Section::Summary),
        })
        .filter(keep);
        // A section the template leaves out is left out of the export while it is empty.
        let sections = Section::ALL
            .into_iter()
            .filter(|section| *section != Section::Summary && doc.narrative.shows(*section))
            .map(|section| SectionText {
                heading: doc.narrative.heading_of(section),
                text: doc.narrative.text(section),
                attachments: attached::of_section(doc, section),
            })
            .chain(
                doc.narrative
                    .custom_sections
                    .iter()
                    .enumerate()
                    .map(|(index, custom)| SectionText {
                        heading: custom.title.as_str(),
                        text: custom.text.as_str(),
                        attachments: attached::at(doc, AttachedTo::Custom(index)),
                    }),
            )
            .filter(keep)
            .collect();
        let timeline = timeline_lines(doc, options.starred_only);
        let row_attachments = timeline
            .iter()
            .filter_map(|line| {
                let attachments = attached::at(doc, AttachedTo::Row(line.row.id));
                (!attachments.is_empty()).then(|| RowAttachments {
                    row: format!("{} {}", line.time, line.row.event)
                        .trim()
                        .to_owned(),
                    attachments,
                })
            })
            .collect();
        Self {
            title: if doc.title.trim().is_empty() {
                UNTITLED
            } else {
                &doc.title
            },
            summary,
            details: details(doc),
            time_heading: format!("Time ({})", doc.time_zone.name()),
            with_mark: timeline
                .iter()
                .any(|line| line.starred || !line.marker.is_empty()),
            // The time has a column of its own, and the mark (marker and star) is shown
            // beside it; the columns of words follow in the editor's order.
            timeline_fields: TimelineField::ON_SCREEN
                .into_iter()
                // A column of values (time, marker, star) has no words in any row, so
                // only columns of words pass.
                .filter(|field| {
                    field.always_reported()
                        || timeline.iter().any(|line| {
                            field.written(line.row).is_some_and(|text| !text.is_empty())
                        })
                })
                .collect(),
            timeline_heading: doc.heading_of_list(List::Timeline),
            timeline,
            sections,
            actions_heading: doc.heading_of_list(List::ActionItems),
            actions: doc
                .action_items
                .iter()
                .map(|item| ActionLine {
                    action: &item.action,
                    owner: &item.owner,
                    due: item.due.map(|due| due.to_string()).unwrap_or_default(),
                    status: match (item.status, item.completed) {
                        (ActionStatus::Done, Some(day)) => format!("Done {day}"),
                        (ActionStatus::WontDo, _) if !item.declined_reason.trim().is_empty() => {
                            format!(
                                "{} \u{2014} {}",
                                ActionStatus::WontDo.label(),
                                item.declined_reason.trim()
                            )
                        }
                        (status, _) => status.label().to_owned(),
                    },
                })
                .collect(),
            row_attachments,
            attachments: attached::at(doc, AttachedTo::Document),
        }
    }
}

impl Report<'_> {
    /// The timeline table's column headings.
    #[must_use]
    pub fn timeline_columns(&self) -> Vec<&str> {
        std::iter::once(self.time_heading.as_str())
            .chain(
                self.timeline_fields
                    .iter()
                    .map(|field| field.report_title()),
            )
            .collect()
    }

    /// One timeline row's cells, matching [`Self::timeline_columns`].
    #[must_use]
    pub fn timeline_cells<'b>(&self, line: &'b TimelineLine<'_>) -> Vec<&'b str> {
        std::iter::once(line.time.as_str())
            .chain(
                self.timeline_fields
                    .iter()
                    .map(|field| field.written(line.row).unwrap_or_default()),
            )
            .collect()
    }
}

/// What the timeline section says when it has no rows to show.
#[must_use]
pub const fn no_timeline_rows(starred_only: bool) -> &'static str {
    if starred_only {
        "No starred timeline rows."
    } else {
        "No timeline rows yet."
    }
}

impl ActionLine<'_> {
    /// The item's cells, matching [`ACTION_COLUMNS`].
    #[must_use]
    pub fn cells(&self) -> [&str; 4] {
        [self.action, self.owner, &self.due, &self.status]
    }
}

fn timeline_lines(doc: &Postmortem, starred_only: bool) -> Vec<TimelineLine<'_>> {
    let mut shown_date: Option<NaiveDate> = None;
    doc.timeline
        .iter()
        .filter(|row| !starred_only || row.starred)
        .map(|row| {
            let time = row.time.map_or_else(String::new, |time| {
                let local = doc.local(time);
                let clock = if local.format("%S").to_string() == "00" {
                    local.format("%H:%M")
                } else {
                    local.format("%H:%M:%S")
                };
                if shown_date == Some(local.date_naive()) {
                    clock.to_string()
                } else {
                    shown_date = Some(local.date_naive());
                    format!("{} {clock}", local.format("%Y-%m-%d"))
                }
            });
            let marker = if row.marker == Marker::Unmarked {
                ""
            } else {
                row.marker.label()
            };
            TimelineLine {
                time,
                row,
                starred: row.starred,
                marker,
            }
        })
        .collect()
}

fn details(doc: &Postmortem) -> Vec<Detail<'_>> {
    let mut rows = Vec::new();
    let mut text = |field: &'static str, value: String| {
        if !value.trim().is_empty() {
            rows.push(Detail {
                field,
                value: DetailValue::Text(value),
            });
        }
    };
    text("Incident", doc.incident_id.clone());
    let classification = &doc.classification;
    let kind_and_severity = match (
        classification.severity.as_deref(),
        classification.incident_type.trim(),
    ) {
        (Some(severity), "") => severity.to_owned(),
        (Some(severity), kind) => format!("{severity} \u{2014} {kind}"),
        (None, kind) => kind.to_owned(),
    };
    text("Incident type & severity", kind_and_severity);
    text("Services/components", classification.services.join(", "));
    text("Impact window", impact_window(doc));
    text("Duration & time to resolve", durations(doc));
    text("Participants", participants(doc));
    text("Authors", doc.authors.join(", "));
    let mut written = doc.status.label().to_owned();
    if let Some(updated) = doc.updated {
        let _ = write!(written, ", updated {updated}");
    } else if let Some(created) = doc.created {
        let _ = write!(written, ", started {created}");
    }
    text("Postmortem", written);
    text("Approved", approval(doc));
    text("Tags", classification.tags.join(", "));
    if !doc.links.is_empty() {
        rows.push(Detail {
            field: "Important links",
            value: DetailValue::Links(&doc.links),
        });
    }
    rows
}

/// An instant in `zone`, leaving out the date when it is `day`.
fn instant_on(instant: DateTime<Utc>, zone: Tz, day: Option<NaiveDate>) -> String {
    let full = format_instant(instant, zone);
    if day == Some(instant.with_timezone(&zone).date_naive()) {
        full.split_once(' ')
            .map_or(full.clone(), |(_, clock)| clock.to_owned())
    } else {
        full
    }
}

/// "Priya L. on 2025-08-06": who signed the postmortem off, and when.
fn approval(doc: &Postmortem) -> String {
    let approval = &doc.approval;
    match (approval.approver.trim(), approval.approved) {
        ("", None) => String::new(),
        (who, None) => who.to_owned(),
        ("", Some(day)) => format!("on {day}"),
        (who, Some(day)) => format!("{who} on {day}"),
    }
}

fn impact_window(doc: &Postmortem) -> String {
    let zone = doc.time_zone;
    let times = &doc.key_times;
    let start_day = times.started.map(|start| doc.local_day(start));
    match (times.started, times.resolved) {
        (None, None) => String::new(),
        (start, end) => format!(
            "Start: {}; End: {}",
            start.map_or("not recorded".to_owned(), |at| format_instant(at, zone)),
            end.map_or("not recorded".to_owned(), |at| instant_on(
                at, zone, start_day
            )),
        ),
    }
}

fn durations(doc: &Postmortem) -> String {
    let zone = doc.time_zone;
    let times = &doc.key_times;
    let metrics = Metrics::from_key_times(times);
    let start_day = times.started.map(|start| doc.local_day(start));
    let mut parts = Vec::new();
    if let Interval::Known(total) = metrics.duration {
        parts.push(format!("{} total", format_interval(total)));
    }
    let steps = [
        (KeyTime::Detected, "detected", metrics.time_to_detect, false),
        (
            KeyTime::Acknowledged,
            "acknowledged",
            metrics.time_to_acknowledge,
            false,
        ),
        (
            KeyTime::Mitigated,
            "mitigated",
            metrics.time_to_mitigate,
            true,
        ),
        (KeyTime::Resolved, "resolved", metrics.time_to_resolve, true),
    ];
    for (key, verb, interval, with_time) in steps {
        let Some(at) = times.get(key) else {
            continue;
        };
        let clock = instant_on(at, zone, start_day);
        parts.push(match interval {
            Interval::Known(delta) if with_time => {
                format!("{verb} at {clock} (after {})", format_interval(delta))
            }
            Interval::Known(delta) => format!("{verb} after {}", format_interval(delta)),
            Interval::Negative => format!("{verb} at {clock}, before the recorded start"),
            Interval::Missing => format!("{verb} at {clock}"),
        });
    }
    parts.join("; ")
}

fn participants(doc: &Postmortem) -> String {
    ParticipantRole::ALL
        .iter()
        .filter_map(|role| {
            let people: Vec<String> = doc
                .participants
                .iter()
                .filter(|person| person.role == *role && !person.name.trim().is_empty())
                .map(|person| {
                    // A public version names people by their roles: the role is said once.
                    let named_by_role = person.name.trim() == role.label();
                    match (named_by_role, person.note.trim().is_empty()) {
                        (true, false) => person.note.trim().to_owned(),
                        (_, true) => person.name.clone(),
                        (false, false) => format!("{} ({})", person.name, person.note),
                    }
                })
                .collect();
            (!people.is_empty()).then(|| format!("{}: {}", role.label(), people.join(", ")))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A link as plain text: its label and where it points.
#[must_use]
pub fn link_text(link: &Link) -> String {
    match (link.label.trim().is_empty(), link.url.trim().is_empty()) {
        (true, _) => link.url.clone(),
        (false, true) => link.label.clone(),
        (false, false) => format!("{} ({})", link.label, link.url),
    }
}
