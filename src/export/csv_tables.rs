//! The action items and the timeline as CSV for spreadsheets: a header row, ISO dates, and
//! times in the document's zone with their UTC offset, written by the `csv` crate so quoting
//! is always right.
//!
//! A CSV gathers other people's words, and Excel, `LibreOffice` and Google Sheets run a cell
//! that starts with `=`, `+`, `-` or `@` as a formula (which can fetch URLs or, in older
//! setups, run programs). Such cells are written with a leading apostrophe, as OWASP
//! advises, unless the person asks for exact text.

use std::borrow::Cow;

use super::ExportOptions;
use crate::model::{Marker, Postmortem};

/// The header of the action-items CSV.
pub const ACTIONS_HEADER: [&str; 9] = [
    "action",
    "owner",
    "due",
    "status",
    "priority",
    "kind",
    "ticket_url",
    "completed",
    "declined_reason",
];

/// The header of the timeline CSV.
pub const TIMELINE_HEADER: [&str; 7] = [
    "time", "event", "notes", "actor", "marker", "starred", "evidence",
];

/// The characters that make a spreadsheet read a cell as a formula: OWASP's list (`=`, `+`,
/// `-`, `@`, tab, carriage return), a line feed, and the full-width forms some spreadsheets
/// also accept.
const FORMULA_STARTS: [char; 11] = [
    '=', '+', '-', '@', '\t', '\r', '\n', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
];

/// `text` as a CSV cell a spreadsheet shows as text: with a leading apostrophe when it would
/// otherwise start a formula, unless `exact` asks for the text as typed.
#[must_use]
pub fn spreadsheet_cell(text: &str, exact: bool) -> Cow<'_, str> {
    if !exact && text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The action items, one per line, in the lead's order.
pub fn actions_csv(doc: &Postmortem, options: ExportOptions) -> Result<String, csv::Error> {
    let cell = |text| spreadsheet_cell(text, options.exact_csv);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(ACTIONS_HEADER)?;
    for item in &doc.action_items {
        let due = item.due.map(|day| day.to_string()).unwrap_or_default();
        let completed = item
            .completed
            .map(|day| day.to_string())
            .unwrap_or_default();
        writer.write_record([
            cell(&item.action).as_ref(),
            &cell(&item.owner),
            &due,
            item.status.label(),
            item.priority.label(),
            item.kind.label(),
            &cell(&item.ticket_url),
            &completed,
            &cell(&item.declined_reason),
        ])?;
    }
    finish(writer)
}

/// The timeline rows, one per line, in the lead's order (only the starred ones when the
/// options say so).
pub fn timeline_csv(doc: &Postmortem, options: ExportOptions) -> Result<String, csv::Error> {
    let cell = |text| spreadsheet_cell(text, options.exact_csv);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(TIMELINE_HEADER)?;
    for row in doc
        .timeline
        .iter()
        .filter(|row| !options.starred_only || row.starred)
    {
        let time = row
            .time
            .map(|time| doc.local(time).format("%Y-%m-%dT%H:%M:%S%:z").to_string())
            .unwrap_or_default();
        let marker = if row.marker == Marker::Unmarked {
            ""
        } else {
            row.marker.label()
        };
        writer.write_record([
            time.as_str(),
            &cell(&row.event),
            &cell(&row.notes),
            &cell(row.actor.as_deref().unwrap_or_default()),
            marker,
            if row.starred { "yes" } else { "no" },
            &cell(&row.evidence),
        ])?;
    }
    finish(writer)
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))?;
    // Every field written was a `str`, so the bytes are UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
