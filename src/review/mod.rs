//! Reviewing a folder of postmortems: every action item of every file below it, with the
//! incident it came from. No egui here; the editor and `hindsight actions` both use it.

mod due_chart;
mod owners;
mod query;
mod scan;
mod search;
mod settings;
mod stats;
mod toml_file;
mod tracker;

pub use due_chart::{DueColumns, DueCount, due_columns, shift_weeks};
pub use owners::{Accounts, OWNERS_FILE, Owners};
pub use query::{
    Group, Grouping, OwnerCount, ReviewQuery, ReviewSort, groups, owner_key, owner_summary, owners,
    tags, week_of,
};
pub use scan::{
    FolderScan, FoundFiles, ScanProgress, find_postmortem_files, scan_files, scan_folder,
};
pub use search::{FieldMatch, SearchHit, SearchQuery, folded_text, search, search_document};
pub use settings::{FolderSettings, SETTINGS_FILE};
pub use stats::{
    ActionStats, Duration, Durations, LateReview, Postmortems, Recurring, ReviewDeadlines, Spread,
    Stats, Unreadable, read_postmortems, stats, stats_csv,
};
pub use toml_file::{TeamFileError, TomlMistake};
pub use tracker::{
    gh_script, jira_csv, needs_ticket, path_in_folder, shell_quote, unmapped_owners,
};

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{ActionItem, Due, Postmortem};

/// One action item and the incident it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReviewItem {
    /// The postmortem file.
    pub path: PathBuf,
    /// The incident's title.
    pub incident_title: String,
    /// The incident's ID.
    pub incident_id: String,
    /// The incident's severity level name.
    pub severity: Option<String>,
    /// The day the incident started, in its display zone.
    pub incident_date: Option<NaiveDate>,
    /// The incident's tags (contributing factors).
    pub tags: Vec<String>,
    /// The item itself.
    pub item: ActionItem,
}

impl ReviewItem {
    /// The items of one postmortem.
    #[must_use]
    pub fn all_of(doc: &Postmortem, path: &std::path::Path) -> Vec<Self> {
        let incident_date = doc.key_times.started.map(|start| doc.local_day(start));
        doc.action_items
            .iter()
            .map(|item| Self {
                path: path.to_owned(),
                incident_title: doc.title.clone(),
                incident_id: doc.incident_id.clone(),
                severity: doc.classification.severity.clone(),
                incident_date,
                tags: doc.classification.tags.clone(),
                item: item.clone(),
            })
            .collect()
    }
}

/// One item as a flat record, for CSV and JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReviewRecord {
    /// The postmortem file.
    pub file: String,
    /// The incident's ID.
    pub incident_id: String,
    /// The incident's title.
    pub incident_title: String,
    /// The incident's severity.
    pub severity: String,
    /// The action.
    pub action: String,
    /// Who owns it.
    pub owner: String,
    /// When it is due, `YYYY-MM-DD`, or empty.
    pub due: String,
    /// Its status, in words.
    pub status: String,
    /// Its priority, in words.
    pub priority: String,
    /// Its kind, in words.
    pub kind: String,
    /// Where the work is tracked.
    pub ticket_url: String,
    /// When it was done, `YYYY-MM-DD`, or empty.
    pub completed: String,
    /// Days past due when open and late, else 0.
    pub days_overdue: i64,
    /// Why it will not be done, when it is declined (last, so earlier columns keep their
    /// places for scripts that read them by position).
    pub declined_reason: String,
}

impl ReviewRecord {
    /// The record of `entry` on `today`.
    #[must_use]
    pub fn of(entry: &ReviewItem, today: NaiveDate) -> Self {
        let date =
            |d: Option<NaiveDate>| d.map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string());
        let item = &entry.item;
        Self {
            file: entry.path.display().to_string(),
            incident_id: entry.incident_id.clone(),
            incident_title: entry.incident_title.clone(),
            severity: entry.severity.clone().unwrap_or_default(),
            action: item.action.clone(),
            owner: item.owner.clone(),
            due: date(item.due),
            status: item.status.label().to_owned(),
            priority: item.priority.label().to_owned(),
            kind: item.kind.label().to_owned(),
            ticket_url: item.ticket_url.clone(),
            completed: date(item.completed),
            declined_reason: item.declined_reason.clone(),
            days_overdue: match Due::of(item, today) {
                Due::Overdue(days) => days,
                _ => 0,
            },
        }
    }
}

/// The records as CSV with a header row; quoting is the `csv` crate's, so commas, quotes and
/// line breaks in any text survive a round trip through a spreadsheet. Unless `exact`, a
/// cell that a spreadsheet would run as a formula gets a leading apostrophe
/// ([`crate::export::spreadsheet_cell`]).
pub fn to_csv(records: &[ReviewRecord], exact: bool) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in records {
        if exact {
            writer.serialize(record)?;
        } else {
            writer.serialize(record.spreadsheet_safe())?;
        }
    }
    if records.is_empty() {
        return header_line();
    }
    crate::export::finish_csv(writer)
}

/// The header `to_csv` writes, also when there are no records: the record's own field
/// names, as serde writes them above the first record, so the two never differ.
fn header_line() -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.serialize(ReviewRecord::default())?;
    let text = crate::export::finish_csv(writer)?;
    Ok(text
        .lines()
        .next()
        .map(|line| format!("{line}\n"))
        .unwrap_or_default())
}

impl ReviewRecord {
    /// The record with every text cell made safe to open in a spreadsheet.
    #[must_use]
    pub fn spreadsheet_safe(&self) -> Self {
        let cell = |text: &str| crate::export::spreadsheet_cell(text, false).into_owned();
        Self {
            file: cell(&self.file),
            incident_id: cell(&self.incident_id),
            incident_title: cell(&self.incident_title),
            severity: cell(&self.severity),
            action: cell(&self.action),
            owner: cell(&self.owner),
            due: self.due.clone(),
            status: self.status.clone(),
            priority: self.priority.clone(),
            kind: self.kind.clone(),
            ticket_url: cell(&self.ticket_url),
            completed: self.completed.clone(),
            declined_reason: cell(&self.declined_reason),
            days_overdue: self.days_overdue,
        }
    }
}

/// The records as a GitHub-flavoured Markdown table. Cell text is escaped so that no text
/// can end a cell, start a new row or turn into markup.
#[must_use]
pub fn to_markdown(records: &[ReviewRecord]) -> String {
    let mut text = String::from(
        "| Due | Days overdue | Status | Owner | Action | Incident | File |\n|---|---|---|---|---|---|---|\n",
    );
    for record in records {
        let overdue = if record.days_overdue > 0 {
            record.days_overdue.to_string()
        } else {
            String::new()
        };
        let incident = if record.incident_id.is_empty() {
            record.incident_title.clone()
        } else {
            format!("{} {}", record.incident_id, record.incident_title)
        };
        let status = if record.declined_reason.trim().is_empty() {
            record.status.clone()
        } else {
            format!(
                "{} \u{2014} {}",
                record.status,
                record.declined_reason.trim()
            )
        };
        let cells = [
            &record.due,
            &overdue,
            &status,
            &record.owner,
            &record.action,
            &incident,
            &record.file,
        ];
        text.push('|');
        for cell in cells {
            text.push(' ');
            text.push_str(&crate::export::markdown_cell(cell));
            text.push_str(" |");
        }
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests;
