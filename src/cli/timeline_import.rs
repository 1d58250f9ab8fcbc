//! `hindsight timeline-import FILE.ron SOURCE`: adds the rows of pasted text (a file, or `-`
//! for standard input) or a PagerDuty log to a postmortem's timeline, or with `--dry-run`
//! prints them as JSON and writes nothing.

use std::io::{self, Read, Write};
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::Serialize;

use super::Outcome;
use super::terminal::{json_safe, terminal_safe};
use crate::model::{
    DayContext, DayOrder, Postmortem, TimeEntry, TimelineRow, incident_day, incident_window,
    insert_by_time, parse_time_entry, rows_out_of_order,
};
use crate::sources::{self, Imported};
use crate::storage;

/// What `hindsight timeline-import` was asked to do.
#[derive(Clone, Debug)]
pub struct TimelineImportRequest {
    /// The postmortem to add the rows to.
    pub file: PathBuf,
    /// Where the rows come from; `-` is standard input.
    pub source: PathBuf,
    /// The Slack channel to read (for a Slack export).
    pub channel: Option<String>,
    /// Only rows at or after the first and at or before the second (RFC 3339, or a date and
    /// time in the document's zone).
    pub between: Option<(String, String)>,
    /// What the person settled about reading the source (zone, day, direction).
    pub choices: sources::ReadingChoices,
    /// Print the rows as JSON and write nothing.
    pub dry_run: bool,
    /// The day a time without any date is read against when the incident has no start.
    pub today: NaiveDate,
}

/// Runs the command; the reason for an exit 2 goes to `err`.
pub fn timeline_import(
    request: &TimelineImportRequest,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    match run(request, stdin, out) {
        Ok(()) => Ok(Outcome::Success),
        Err(Failure::Io(error)) => Err(error),
        Err(Failure::Refused(message)) => {
            writeln!(err, "hindsight: {}", terminal_safe(&message))?;
            Ok(Outcome::Unreadable)
        }
    }
}

enum Failure {
    /// The output could not be written.
    Io(io::Error),
    /// The input was refused, with why.
    Refused(String),
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Self::Io(error)
    }
}

fn run(
    request: &TimelineImportRequest,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let doc = storage::load(&request.file).map_err(|error| Failure::Refused(error.to_string()))?;
    let source_name = request.source.display().to_string();
    let refused = |error: sources::SourceError| {
        Failure::Refused(match error {
            sources::SourceError::Unreadable { .. } => format!("{source_name}:{error}"),
            other => format!("{source_name}: {other}"),
        })
    };
    let window = match &request.between {
        Some((start, end)) => {
            let read = |text: &str| {
                instant(text, &doc, request.today).ok_or_else(|| {
                    Failure::Refused(format!(
                        "--between: {text:?} is not a time (write 2025-08-01T14:00:00Z, or \
                         2025-08-01 14:00 in the document's zone)"
                    ))
                })
            };
            Some((read(start)?, read(end)?))
        }
        None => None,
    };
    let mut imported = if sources::is_slack_export(&request.source) {
        slack_rows(request, &doc, window).map_err(refused)?
    } else {
        if request.channel.is_some() {
            return Err(Failure::Refused(format!(
                "--channel is for a Slack export, and {source_name} is not one"
            )));
        }
        let text = sources::read_source_text(&request.source, stdin).map_err(refused)?;
        let kind = sources::detect(&text);
        sources::import(&text, kind, &doc, request.today, &request.choices).map_err(refused)?
    };
    // Text in which no line became a row is not read as "no rows to add": say why, so that
    // a shape Hindsight does not read is never taken for an empty log.
    if imported.rows.is_empty()
        && let Some(first) = imported.unused.as_ref().and_then(|unused| unused.first())
    {
        let lines = imported.unused.as_ref().map_or(0, Vec::len);
        return Err(Failure::Refused(format!(
            "{source_name}: no timeline row in it: none of its {lines} line{} starts with a \
             time or heads a message (line {}, {:?}: {})",
            if lines == 1 { "" } else { "s" },
            first.line,
            first.text.chars().take(60).collect::<String>(),
            first.reason,
        )));
    }
    if let Some((start, end)) = window {
        imported.rows.retain(|row| {
            row.row
                .time
                .is_some_and(|time| start <= time && time <= end)
        });
    }
    if request.dry_run {
        let json = serde_json::to_string(&DryRun::of(&imported)).map_err(io::Error::other)?;
        writeln!(out, "{}", json_safe(&json))?;
        return Ok(());
    }
    let rows: Vec<TimelineRow> = imported.rows.into_iter().map(|row| row.row).collect();
    let count = rows.len();
    // The rows go into the file as it is when it is written, under its lock: a row another
    // import added meanwhile is kept.
    storage::update(&request.file, |held| {
        let mut doc = held.doc;
        if rows_out_of_order(&doc.timeline).is_empty() {
            insert_by_time(&mut doc.timeline, rows);
        } else {
            // A timeline kept out of time order on purpose is not rearranged: the rows go last.
            doc.timeline.extend(rows);
        }
        let text = storage::to_canonical_ron(&doc).map_err(|error| error.to_string())?;
        Ok::<_, String>((Some(text), ()))
    })
    .map_err(|error| Failure::Refused(error.to_string()))?;
    let file = request.file.display().to_string();
    writeln!(
        out,
        "{}: added {count} timeline row{}",
        terminal_safe(&file),
        if count == 1 { "" } else { "s" }
    )?;
    Ok(())
}

/// The messages of a Slack export's channel: the one named by `--channel`, or the only one;
/// in the window asked for, else the incident's (started to resolved, an hour more each
/// side), else all of them.
fn slack_rows(
    request: &TimelineImportRequest,
    doc: &crate::model::Postmortem,
    window: Option<(DateTime<Utc>, DateTime<Utc>)>,
) -> Result<Imported, sources::SourceError> {
    let mut export = sources::SlackExport::open(&request.source)?;
    let channels: Vec<String> = export.channel_names().map(str::to_owned).collect();
    let channel = match (&request.channel, channels.as_slice()) {
        (Some(channel), _) => channel.clone(),
        (None, [only]) => only.clone(),
        (None, _) => {
            return Err(sources::SourceError::NotReadable(format!(
                "the export has {} channels; choose one with --channel NAME: {}",
                channels.len(),
                channels.join(", ")
            )));
        }
    };
    let window = window.or_else(|| incident_window(&doc.key_times));
    Ok(Imported {
        rows: export.rows(&channel, window)?,
        unused: None,
    })
}

/// `2025-08-01T14:00:00Z`, `2025-08-01T16:00:00+02:00`, or a day and a time in any form the
/// shared reader knows (`2025-08-01 14:00`, `Aug 1 2:00 PM PT`), in the document's zone
/// unless it names one; a day without a year is the incident's year.
fn instant(text: &str, doc: &Postmortem, today: NaiveDate) -> Option<DateTime<Utc>> {
    let zone = doc.time_zone;
    if let Ok(time) = DateTime::parse_from_rfc3339(text.trim()) {
        return Some(time.with_timezone(&Utc));
    }
    let entry = parse_time_entry(text).ok().filter(TimeEntry::has_day)?;
    let reference = incident_day(doc).unwrap_or(today);
    let context = DayContext {
        reference,
        order: DayOrder::usual_in(zone),
        latest: None,
    };
    entry.on(context, zone).ok()
}

/// The `--dry-run` output.
#[derive(Serialize)]
struct DryRun {
    rows: Vec<DryRunRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unused: Option<Vec<DryRunUnused>>,
}

#[derive(Serialize)]
struct DryRunRow {
    time: Option<String>,
    actor: Option<String>,
    event: String,
    notes: String,
    /// Where the row can be seen (a message's link in an archive), when the source says.
    #[serde(skip_serializing_if = "String::is_empty")]
    evidence: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_lines: Option<Vec<usize>>,
}

#[derive(Serialize)]
struct DryRunUnused {
    line: usize,
    text: String,
    reason: String,
}

impl DryRun {
    fn of(imported: &Imported) -> Self {
        Self {
            rows: imported
                .rows
                .iter()
                .map(|row| DryRunRow {
                    time: row
                        .row
                        .time
                        .map(|time| time.to_rfc3339_opts(SecondsFormat::Secs, true)),
                    actor: row.row.actor.clone(),
                    event: row.row.event.clone(),
                    notes: row.row.notes.clone(),
                    evidence: row.row.evidence.clone(),
                    source_lines: row.lines.clone(),
                })
                .collect(),
            unused: imported.unused.as_ref().map(|unused| {
                unused
                    .iter()
                    .map(|unused| DryRunUnused {
                        line: unused.line,
                        text: unused.text.clone(),
                        reason: unused.reason.to_string(),
                    })
                    .collect()
            }),
        }
    }
}
