//! Incident tools that log an incident as its changes of state, each with its time:
//! FireHydrant's `milestones` (started, acknowledged, mitigated, resolved) and VictorOps'
//! (Splunk On-Call) `transitions` (triggered, acknowledged, resolved, with who did it). Both
//! APIs list incidents, each with its own list, and not in time order; every change is a
//! row, and the rows go in at their places in time.

use serde::Deserialize;

use super::incident_json::{label, unreadable};
use super::instant::rfc3339_instant;
use super::{ImportedRow, SourceError};
use crate::model::{Marker, TimelineRow};

#[derive(Deserialize)]
#[serde(untagged)]
enum FireHydrantFile {
    Response { data: Vec<FireHydrantIncident> },
    List(Vec<FireHydrantIncident>),
    One(FireHydrantIncident),
}

#[derive(Deserialize)]
struct FireHydrantIncident {
    #[serde(default)]
    name: String,
    #[serde(default)]
    number: Option<u64>,
    milestones: Vec<Milestone>,
}

#[derive(Deserialize)]
struct Milestone {
    #[serde(rename = "type")]
    kind: String,
    occurred_at: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum VictorOpsFile {
    Response { incidents: Vec<VictorOpsIncident> },
    List(Vec<VictorOpsIncident>),
    One(VictorOpsIncident),
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct VictorOpsIncident {
    #[serde(default)]
    incident_number: Option<String>,
    #[serde(default)]
    entity_display_name: Option<String>,
    #[serde(default)]
    service: Option<String>,
    transitions: Vec<Transition>,
}

#[derive(Deserialize)]
struct Transition {
    name: String,
    at: String,
    #[serde(default)]
    by: Option<String>,
}

/// Whether `text` is FireHydrant incidents with their milestones.
#[must_use]
pub fn is_firehydrant_json(text: &str) -> bool {
    serde_json::from_str::<FireHydrantFile>(text).is_ok()
}

/// Whether `text` is VictorOps incidents with their transitions.
#[must_use]
pub fn is_victorops_json(text: &str) -> bool {
    serde_json::from_str::<VictorOpsFile>(text).is_ok()
}

/// Reads FireHydrant incidents: each milestone is a row at its `occurred_at`, named by the
/// milestone and the incident; started, acknowledged, mitigated and resolved suggest the
/// markers of the same names (started as detected: the tool starts an incident when it is
/// declared).
pub fn read_firehydrant(text: &str) -> Result<Vec<ImportedRow>, SourceError> {
    let file: FireHydrantFile =
        serde_json::from_str(text).map_err(|error| unreadable("FireHydrant incidents", &error))?;
    let incidents = match file {
        FireHydrantFile::Response { data } | FireHydrantFile::List(data) => data,
        FireHydrantFile::One(incident) => vec![incident],
    };
    let mut rows = Vec::new();
    for incident in incidents {
        let named = match incident.number {
            Some(number) => format!("FireHydrant incident #{number}"),
            None => "FireHydrant incident".to_owned(),
        };
        for milestone in incident.milestones {
            let suggests = match milestone.kind.as_str() {
                "started" | "detected" => Some(Marker::Detected),
                "acknowledged" => Some(Marker::Acknowledged),
                "mitigated" => Some(Marker::Mitigated),
                "resolved" => Some(Marker::Resolved),
                _ => None,
            };
            rows.push(state_row(
                &milestone.occurred_at,
                &milestone.kind,
                &incident.name,
                &named,
                None,
                suggests,
            )?);
        }
    }
    Ok(rows)
}

/// Reads VictorOps incidents: each transition is a row at its `at`, named by the transition
/// and the entity that alerted, with who made it as the actor; triggered, acknowledged and
/// resolved suggest the detected, acknowledged and resolved markers.
pub fn read_victorops(text: &str) -> Result<Vec<ImportedRow>, SourceError> {
    let file: VictorOpsFile =
        serde_json::from_str(text).map_err(|error| unreadable("VictorOps incidents", &error))?;
    let incidents = match file {
        VictorOpsFile::Response { incidents } | VictorOpsFile::List(incidents) => incidents,
        VictorOpsFile::One(incident) => vec![incident],
    };
    let mut rows = Vec::new();
    for incident in incidents {
        let named = match &incident.incident_number {
            Some(number) => format!("VictorOps incident #{number}"),
            None => "VictorOps incident".to_owned(),
        };
        let entity = incident
            .entity_display_name
            .or(incident.service)
            .unwrap_or_default();
        for transition in incident.transitions {
            let suggests = match transition.name.as_str() {
                "triggered" => Some(Marker::Detected),
                "acknowledged" => Some(Marker::Acknowledged),
                "resolved" => Some(Marker::Resolved),
                _ => None,
            };
            rows.push(state_row(
                &transition.at,
                &transition.name,
                &entity,
                &named,
                transition.by.filter(|by| !by.trim().is_empty()),
                suggests,
            )?);
        }
    }
    Ok(rows)
}

/// A change of state as a row: `Acknowledged: checkout latency`, the incident's number in
/// the notes.
fn state_row(
    at: &str,
    state: &str,
    subject: &str,
    incident: &str,
    actor: Option<String>,
    suggests: Option<Marker>,
) -> Result<ImportedRow, SourceError> {
    let time = rfc3339_instant(at).map_err(|reason| SourceError::Unreadable {
        line: 0,
        column: 0,
        reason: format!("{incident}: {reason}"),
    })?;
    let state = label(state);
    let subject = subject.trim();
    Ok(ImportedRow {
        row: TimelineRow {
            time: Some(time),
            event: if subject.is_empty() {
                state
            } else {
                format!("{state}: {subject}")
            },
            notes: incident.to_owned(),
            actor,
            ..TimelineRow::default()
        },
        lines: None,
        suggests,
        routine: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn firehydrant_milestones_are_rows_with_their_markers() {
        let text = r#"{"data": [{"name": "Checkout latency", "number": 2, "milestones": [
            {"type": "started", "occurred_at": "2022-03-08T01:28:08.430Z", "duration": null},
            {"type": "acknowledged", "occurred_at": "2022-03-08T02:03:42Z"},
            {"type": "resolved", "occurred_at": "2022-03-08T03:09:06.407Z"}]}]}"#;
        assert!(is_firehydrant_json(text));
        assert!(!is_victorops_json(text));
        let rows = read_firehydrant(text).unwrap();
        let seen: Vec<(String, &str, &str, Option<Marker>)> = rows
            .iter()
            .map(|row| {
                (
                    row.row.time.unwrap().to_rfc3339(),
                    row.row.event.as_str(),
                    row.row.notes.as_str(),
                    row.suggests,
                )
            })
            .collect();
        assert_eq!(
            seen[0],
            (
                "2022-03-08T01:28:08+00:00".to_owned(),
                "Started: Checkout latency",
                "FireHydrant incident #2",
                Some(Marker::Detected)
            )
        );
        assert_eq!(seen[2].3, Some(Marker::Resolved));
    }

    #[test]
    fn victorops_transitions_are_rows_with_who_made_them() {
        let text = r#"[{"incidentNumber": "1", "entityDisplayName": "Faros-test",
            "transitions": [
              {"name": "triggered", "at": "2021-11-02T16:22:04Z", "alertId": "97f"},
              {"name": "acknowledged", "at": "2021-11-02T16:38:34Z", "by": "roman.kyrnis"}]}]"#;
        assert!(is_victorops_json(text));
        assert!(!is_firehydrant_json(text));
        let rows = read_victorops(text).unwrap();
        assert_eq!(rows[1].row.event, "Acknowledged: Faros-test");
        assert_eq!(rows[1].row.actor.as_deref(), Some("roman.kyrnis"));
        assert_eq!(rows[1].row.notes, "VictorOps incident #1");
        assert_eq!(rows[0].suggests, Some(Marker::Detected));
    }

    #[test]
    fn a_time_that_is_no_time_names_the_incident() {
        let text =
            r#"[{"incidentNumber": "7", "transitions": [{"name": "triggered", "at": "soon"}]}]"#;
        let error = read_victorops(text).unwrap_err().to_string();
        assert!(error.contains("VictorOps incident #7"), "{error}");
    }
}
