//! A PagerDuty incident's log: the REST API's `log_entries` JSON (a response object, or the
//! bare list) and a CSV of the same entries. One row per entry at its `created_at`, the
//! agent as actor, the summary as event; trigger, acknowledge and resolve entries suggest
//! the detected, acknowledged and resolved markers.

use serde::Deserialize;

use super::instant::{InstantError, rfc3339_instant};
use super::{ImportedRow, SourceError};
use crate::model::{Marker, TimelineRow};

#[derive(Deserialize)]
#[serde(untagged)]
enum LogFile {
    Response { log_entries: Vec<LogEntry> },
    List(Vec<LogEntry>),
}

#[derive(Deserialize)]
struct LogEntry {
    #[serde(rename = "type", default)]
    kind: String,
    #[serde(default)]
    summary: String,
    created_at: String,
    #[serde(default)]
    agent: Option<Reference>,
    #[serde(default)]
    incident: Option<Reference>,
}

#[derive(Deserialize)]
struct Reference {
    #[serde(default)]
    summary: Option<String>,
}

/// Whether `text` is a PagerDuty log as JSON: log entries with a `created_at`, each of a
/// PagerDuty log entry's types (`trigger_log_entry`, `acknowledge_log_entry`…), so that other
/// tools' lists with a `created_at` are not taken for one.
#[must_use]
pub fn is_log_json(text: &str) -> bool {
    let Ok(file) = serde_json::from_str::<LogFile>(text) else {
        return false;
    };
    let entries = match &file {
        LogFile::Response { log_entries } => log_entries,
        LogFile::List(entries) => entries,
    };
    entries.iter().all(|entry| entry.kind.contains("log_entry"))
}

/// Reads a PagerDuty log in JSON.
pub fn read_json(text: &str) -> Result<Vec<ImportedRow>, SourceError> {
    let file: LogFile = serde_json::from_str(text).map_err(|error| SourceError::Unreadable {
        line: error.line(),
        column: error.column(),
        reason: format!("not a PagerDuty log: {error}"),
    })?;
    let entries = match file {
        LogFile::Response { log_entries } => log_entries,
        LogFile::List(entries) => entries,
    };
    entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            let agent = entry.agent.and_then(|agent| agent.summary);
            // A trigger's own summary ("Triggered through the API") says nothing of what
            // fired: the incident's title does.
            let summary = match entry.incident.and_then(|incident| incident.summary) {
                Some(title) if entry.kind.starts_with("trigger") && !title.is_empty() => {
                    format!("{}: {title}", entry.summary)
                }
                _ => entry.summary,
            };
            row(&entry.created_at, &entry.kind, summary, agent).map_err(|reason| {
                SourceError::Unreadable {
                    line: 0,
                    column: 0,
                    reason: format!("log entry {}: {reason}", index + 1),
                }
            })
        })
        .collect()
}

/// The columns a PagerDuty log CSV is read by, found by their header names.
struct CsvColumns {
    time: usize,
    summary: usize,
    kind: Option<usize>,
    agent: Option<usize>,
}

impl CsvColumns {
    fn of(headers: &csv::StringRecord) -> Option<Self> {
        let find = |names: &[&str]| {
            headers.iter().position(|header| {
                let header = header.trim().to_lowercase().replace(['_', ' '], "");
                names.contains(&header.as_str())
            })
        };
        Some(Self {
            time: find(&["createdat", "created", "timestamp", "time", "date"])?,
            summary: find(&["summary", "description", "message", "details", "event"])?,
            kind: find(&["type", "logentrytype", "action"]),
            agent: find(&["agent", "agentsummary", "user", "by", "who"]),
        })
    }
}

/// Whether `text` is a CSV whose header names a time and a summary column.
#[must_use]
pub fn is_log_csv(text: &str) -> bool {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    reader
        .headers()
        .is_ok_and(|headers| headers.len() >= 2 && CsvColumns::of(headers).is_some())
}

/// Reads a PagerDuty log in CSV: columns found by header name (created at, summary, type,
/// agent), rows in the file's order.
pub fn read_csv(text: &str) -> Result<Vec<ImportedRow>, SourceError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let columns = reader
        .headers()
        .ok()
        .and_then(CsvColumns::of)
        .ok_or_else(|| SourceError::Unreadable {
            line: 1,
            column: 1,
            reason: "a PagerDuty log CSV needs a created-at and a summary column".to_owned(),
        })?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| SourceError::Unreadable {
            line: error
                .position()
                .map_or(0, |at| at.line().try_into().unwrap_or(0)),
            column: 1,
            reason: error.to_string(),
        })?;
        let line = record
            .position()
            .map_or(0, |at| usize::try_from(at.line()).unwrap_or(0));
        let cell = |at: usize| record.get(at).unwrap_or_default().trim().to_owned();
        let kind = columns.kind.map(cell).unwrap_or_default();
        let agent = columns.agent.map(cell).filter(|agent| !agent.is_empty());
        rows.push(
            row(&cell(columns.time), &kind, cell(columns.summary), agent).map_err(|reason| {
                SourceError::Unreadable {
                    line,
                    column: columns.time + 1,
                    reason: reason.to_string(),
                }
            })?,
        );
    }
    Ok(rows)
}

fn row(
    created_at: &str,
    kind: &str,
    summary: String,
    agent: Option<String>,
) -> Result<ImportedRow, InstantError> {
    let time = rfc3339_instant(created_at)?;
    let kind = kind.to_lowercase();
    let suggests = if kind.starts_with("trigger") {
        Some(Marker::Detected)
    } else if kind.starts_with("acknowledge") {
        Some(Marker::Acknowledged)
    } else if kind.starts_with("resolve") {
        Some(Marker::Resolved)
    } else {
        None
    };
    Ok(ImportedRow {
        row: TimelineRow {
            time: Some(time),
            event: summary,
            actor: agent,
            ..TimelineRow::default()
        },
        lines: None,
        suggests,
        // PagerDuty writes one `notify_log_entry` per person and channel (push, SMS, phone,
        // e-mail): a page to two people can be eight rows saying the same thing.
        routine: kind.starts_with("notify"),
    })
}
