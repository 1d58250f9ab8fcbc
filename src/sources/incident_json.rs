//! Incident tools' JSON that a timeline can be read from: a Statuspage page's incidents
//! (the API's `incidents` list, one incident, or the public `incidents.json`), one row per
//! update at the time the page shows it; and Opsgenie incidents' timelines (the API's
//! timeline `entries`, or incidents carrying their `timelines`), one row per entry that is
//! not hidden. Times are kept to the second, as the document keeps them.

use serde::Deserialize;

use super::instant::rfc3339_instant;
use super::{ImportedRow, SourceError};
use crate::model::{Marker, TimelineRow};

#[derive(Deserialize)]
#[serde(untagged)]
enum StatuspageFile {
    Page { incidents: Vec<StatuspageIncident> },
    List(Vec<StatuspageIncident>),
    One(StatuspageIncident),
}

#[derive(Deserialize)]
struct StatuspageIncident {
    #[serde(default)]
    name: String,
    incident_updates: Vec<StatuspageUpdate>,
}

#[derive(Deserialize)]
struct StatuspageUpdate {
    #[serde(default)]
    status: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    display_at: Option<String>,
    created_at: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OpsgenieFile {
    Response { data: OpsgenieTimeline },
    Timeline(OpsgenieTimeline),
    Incidents(Vec<OpsgenieIncident>),
    Entries(Vec<OpsgenieEntry>),
}

#[derive(Deserialize)]
struct OpsgenieTimeline {
    entries: Vec<OpsgenieEntry>,
}

#[derive(Deserialize)]
struct OpsgenieIncident {
    #[serde(default)]
    message: String,
    #[serde(alias = "timeline")]
    timelines: Vec<OpsgenieEntry>,
}

#[derive(Deserialize)]
struct OpsgenieEntry {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(rename = "eventTime")]
    event_time: String,
    #[serde(default)]
    hidden: bool,
    #[serde(default)]
    actor: Option<OpsgenieActor>,
    #[serde(default)]
    title: Option<OpsgenieText>,
    #[serde(default)]
    description: Option<OpsgenieText>,
}

#[derive(Deserialize)]
struct OpsgenieActor {
    #[serde(default)]
    name: String,
}

#[derive(Deserialize)]
struct OpsgenieText {
    #[serde(default)]
    content: String,
}

/// Whether `text` is a Statuspage page's incidents with their updates.
#[must_use]
pub fn is_statuspage_json(text: &str) -> bool {
    serde_json::from_str::<StatuspageFile>(text).is_ok()
}

/// Whether `text` is an Opsgenie incident timeline.
#[must_use]
pub fn is_opsgenie_json(text: &str) -> bool {
    serde_json::from_str::<OpsgenieFile>(text).is_ok()
}

/// A file that is not the JSON `what` names, with where it stopped reading.
pub(super) fn unreadable(what: &str, error: &serde_json::Error) -> SourceError {
    SourceError::Unreadable {
        line: error.line(),
        column: error.column(),
        reason: format!("not {what}: {error}"),
    }
}

/// Reads a Statuspage page's incidents: each update is a row at the time the page shows
/// (`display_at`, else `created_at`), its status and text as the event, its incident's
/// name in the notes.
pub fn read_statuspage(text: &str) -> Result<Vec<ImportedRow>, SourceError> {
    let file: StatuspageFile =
        serde_json::from_str(text).map_err(|error| unreadable("Statuspage incidents", &error))?;
    let incidents = match file {
        StatuspageFile::Page { incidents } | StatuspageFile::List(incidents) => incidents,
        StatuspageFile::One(incident) => vec![incident],
    };
    let mut rows = Vec::new();
    for incident in incidents {
        for update in incident.incident_updates {
            let at = update.display_at.as_deref().unwrap_or(&update.created_at);
            let time = rfc3339_instant(at)
                .map_err(|reason| unread(&incident.name, &reason.to_string()))?;
            let status = label(&update.status);
            let event = match (status.is_empty(), update.body.trim().is_empty()) {
                (true, _) => update.body.trim().to_owned(),
                (false, true) => status.clone(),
                (false, false) => format!("{status}: {}", update.body.trim()),
            };
            let suggests = match update.status.as_str() {
                "monitoring" => Some(Marker::Mitigated),
                "resolved" => Some(Marker::Resolved),
                _ => None,
            };
            rows.push(ImportedRow {
                row: TimelineRow {
                    time: Some(time),
                    event,
                    notes: if incident.name.is_empty() {
                        String::new()
                    } else {
                        format!("Status page incident: {}", incident.name)
                    },
                    ..TimelineRow::default()
                },
                lines: None,
                suggests,
                routine: false,
            });
        }
    }
    Ok(rows)
}

/// Reads an Opsgenie timeline: each entry not hidden is a row at its `eventTime`, its title
/// (and description) as the event, its actor as the actor. Opening, acknowledging and
/// resolving suggest the detected, acknowledged and resolved markers; adding a responder
/// is routine.
pub fn read_opsgenie(text: &str) -> Result<Vec<ImportedRow>, SourceError> {
    let file: OpsgenieFile =
        serde_json::from_str(text).map_err(|error| unreadable("an Opsgenie timeline", &error))?;
    let incidents = match file {
        OpsgenieFile::Response { data } | OpsgenieFile::Timeline(data) => {
            vec![(String::new(), data.entries)]
        }
        OpsgenieFile::Entries(entries) => vec![(String::new(), entries)],
        OpsgenieFile::Incidents(incidents) => incidents
            .into_iter()
            .map(|incident| (incident.message, incident.timelines))
            .collect(),
    };
    let mut rows = Vec::new();
    for (message, entries) in incidents {
        for entry in entries.into_iter().filter(|entry| !entry.hidden) {
            let time = rfc3339_instant(&entry.event_time)
                .map_err(|reason| unread(&message, &reason.to_string()))?;
            let title = entry.title.map(|title| title.content).unwrap_or_default();
            let title = if title.is_empty() {
                entry.kind.clone()
            } else {
                title
            };
            // Opening an incident says nothing of what opened: the incident's message does.
            let event = if entry.kind == "IncidentOpened" && !message.is_empty() {
                format!("{title}: {message}")
            } else {
                title
            };
            let notes = entry
                .description
                .map(|description| description.content)
                .unwrap_or_default();
            let suggests = match entry.kind.as_str() {
                "IncidentOpened" => Some(Marker::Detected),
                kind if kind.ends_with("Acked") || kind.ends_with("Acknowledged") => {
                    Some(Marker::Acknowledged)
                }
                "IncidentResolved" => Some(Marker::Resolved),
                _ => None,
            };
            rows.push(ImportedRow {
                row: TimelineRow {
                    time: Some(time),
                    event,
                    notes,
                    actor: entry
                        .actor
                        .map(|actor| actor.name)
                        .filter(|name| !name.is_empty()),
                    ..TimelineRow::default()
                },
                lines: None,
                suggests,
                routine: entry.kind.contains("ResponderUserAdded")
                    || entry.kind.contains("ResponderTeamAdded"),
            });
        }
    }
    Ok(rows)
}

fn unread(incident: &str, reason: &str) -> SourceError {
    SourceError::Unreadable {
        line: 0,
        column: 0,
        reason: if incident.is_empty() {
            reason.to_owned()
        } else {
            format!("incident {incident:?}: {reason}")
        },
    }
}

/// `investigating` as a status page shows it, or a tool's state as a row names it:
/// `Investigating`, `Acknowledged`.
pub(super) fn label(status: &str) -> String {
    let mut chars = status.trim().chars();
    chars.next().map_or_else(String::new, |first| {
        first
            .to_uppercase()
            .chain(chars)
            .collect::<String>()
            .replace('_', " ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuspage_updates_and_opsgenie_entries_are_rows() {
        let page = r#"{"page": {"name": "x"}, "incidents": [{"name": "API down",
            "incident_updates": [
              {"status": "resolved", "body": "Fixed.", "created_at": "2021-11-10T15:56:37.080Z",
               "display_at": "2021-11-10T15:56:37.080Z"},
              {"status": "investigating", "body": "Looking.", "created_at": "2021-11-10T15:00:00Z"}
            ]}]}"#;
        assert!(is_statuspage_json(page));
        assert!(!is_opsgenie_json(page));
        let rows = read_statuspage(page).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].row.event, "Resolved: Fixed.");
        assert_eq!(
            rows[0].row.time.unwrap().to_rfc3339(),
            "2021-11-10T15:56:37+00:00"
        );
        assert_eq!(rows[0].suggests, Some(Marker::Resolved));
        assert_eq!(rows[1].row.notes, "Status page incident: API down");

        let timeline = r#"{"data": {"entries": [
            {"type": "IncidentOpened", "eventTime": "2022-04-05T03:26:35.39Z",
             "actor": {"name": "trần ngọc hướng", "type": "user"},
             "title": {"type": "plain_text", "content": "Incident opened"}},
            {"type": "NoteAdded", "eventTime": "2022-04-05T03:30:00Z", "hidden": true,
             "title": {"content": "secret"}}
        ]}}"#;
        assert!(is_opsgenie_json(timeline));
        assert!(!is_statuspage_json(timeline));
        let rows = read_opsgenie(timeline).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].row.actor.as_deref(), Some("trần ngọc hướng"));
        assert_eq!(rows[0].suggests, Some(Marker::Detected));
        assert!(read_opsgenie(r#"{"data": {"entries": [{"eventTime": "yesterday"}]}}"#).is_err());
    }
}
