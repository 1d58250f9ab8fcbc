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
use crate::model::{ActionField, FieldValue, Marker, Postmortem, TimelineField};

/// The header of the action-items CSV.
pub const ACTIONS_HEADER: [&str; ActionField::ALL.len()] = {
    let mut names = [""; ActionField::ALL.len()];
    let mut at = 0;
    while at < names.len() {
        names[at] = ActionField::ALL[at].csv_name();
        at += 1;
    }
    names
};

/// The header of the timeline CSV.
pub const TIMELINE_HEADER: [&str; TimelineField::ALL.len()] = {
    let mut names = [""; TimelineField::ALL.len()];
    let mut at = 0;
    while at < names.len() {
        names[at] = TimelineField::ALL[at].csv_name();
        at += 1;
    }
    names
};

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
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(ACTIONS_HEADER)?;
    for item in &doc.action_items {
        writer.write_record(ActionField::ALL.map(|field| {
            if let Some(written) = field.written(item) {
                return spreadsheet_cell(written, options.exact_csv).into_owned();
            }
            match field {
                ActionField::Due => item.due.map(|day| day.to_string()).unwrap_or_default(),
                ActionField::Status => item.status.label().to_owned(),
                ActionField::Priority => item.priority.label().to_owned(),
                ActionField::Kind => item.kind.label().to_owned(),
                ActionField::Completed => item
                    .completed
                    .map(|day| day.to_string())
                    .unwrap_or_default(),
                ActionField::Action
                | ActionField::Owner
                | ActionField::Ticket
                | ActionField::DeclinedReason => String::new(),
            }
        }))?;
    }
    finish_csv(writer)
}

/// The timeline rows, one per line, in the lead's order (only the starred ones when the
/// options say so).
pub fn timeline_csv(doc: &Postmortem, options: ExportOptions) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(TIMELINE_HEADER)?;
    for row in doc
        .timeline
        .iter()
        .filter(|row| !options.starred_only || row.starred)
    {
        writer.write_record(TimelineField::ALL.map(|field| {
            match field.value(row) {
                FieldValue::Words(written) => {
                    spreadsheet_cell(written, options.exact_csv).into_owned()
                }
                FieldValue::Time(time) => time
                    .map(|time| doc.local(time).format("%Y-%m-%dT%H:%M:%S%:z").to_string())
                    .unwrap_or_default(),
                FieldValue::Marker(Marker::Unmarked) => String::new(),
                FieldValue::Marker(marker) => marker.label().to_owned(),
                FieldValue::Flag(flag) => if flag { "yes" } else { "no" }.to_owned(),
            }
        }))?;
    }
    finish_csv(writer)
}

/// The text a CSV writer over memory wrote, once it has flushed.
pub fn finish_csv(writer: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))?;
    // Every field written was a `str`, so the bytes are UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
