//! `hindsight actions`: the action items of every postmortem below a folder, for a terminal,
//! a spreadsheet or a script.

use std::io::{self, Write};
use std::path::PathBuf;

use chrono::NaiveDate;

use super::{Outcome, terminal_safe};
use crate::model::Due;
use crate::review::{
    OWNERS_FILE, Owners, ReviewItem, ReviewQuery, ReviewRecord, ScanProgress, gh_script, jira_csv,
    needs_ticket, scan_folder, to_csv, unmapped_owners,
};

/// How `hindsight actions` prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for a terminal.
    #[default]
    Table,
    /// CSV with a header row.
    Csv,
    /// A JSON array, one object per item.
    Json,
    /// A POSIX shell script filing each open item without a ticket as a GitHub issue.
    GhScript,
    /// A CSV for Jira's importer, of the open items without a ticket.
    JiraCsv,
}

/// What `hindsight actions` was asked for.
#[derive(Clone, Debug)]
pub struct ActionsRequest {
    /// The folder to read.
    pub folder: PathBuf,
    /// Which items to list, and in which order (the editor's Review list runs the same).
    pub query: ReviewQuery,
    /// How to print them.
    pub format: Format,
    /// The day due dates are counted from.
    pub today: NaiveDate,
    /// Exit 1 when a listed item is overdue, and 2 when some file or folder could not be
    /// read (the list may then be missing overdue items).
    pub fail_on_overdue: bool,
    /// Write CSV cells exactly as typed, even those a spreadsheet would run as a formula.
    pub exact_csv: bool,
}

/// Lists the matching items, sorted as the query says (by due date unless told otherwise). Unreadable files are reported on `err` and
/// do not stop the rest.
pub fn actions(
    request: &ActionsRequest,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let scan = match scan_folder(&request.folder, &ScanProgress::default()) {
        Ok(scan) => scan,
        Err(error) => {
            writeln!(
                err,
                "hindsight: cannot read the folder {}: {error}",
                request.folder.display()
            )?;
            return Ok(Outcome::Unreadable);
        }
    };
    for (_, error) in &scan.unreadable {
        writeln!(err, "hindsight: skipped {}", terminal_safe(error))?;
    }
    let items: Vec<ReviewItem> = request
        .query
        .run(&scan.items, request.today)
        .into_iter()
        .map(|index| scan.items[index].clone())
        .collect();
    let records: Vec<ReviewRecord> = items
        .iter()
        .map(|entry| ReviewRecord::of(entry, request.today))
        .collect();
    match request.format {
        Format::Table => write_table(out, &items, request.today)?,
        Format::Csv => {
            let text = to_csv(&records, request.exact_csv).map_err(io::Error::other)?;
            out.write_all(text.as_bytes())?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &records).map_err(io::Error::other)?;
            writeln!(out)?;
        }
        Format::GhScript | Format::JiraCsv => {
            let owners = match Owners::in_folder(&request.folder) {
                Ok(owners) => owners,
                Err(reason) => {
                    writeln!(err, "hindsight: {}", terminal_safe(&reason.to_string()))?;
                    return Ok(Outcome::Unreadable);
                }
            };
            let listed: Vec<ReviewItem> = items
                .iter()
                .filter(|entry| needs_ticket(entry))
                .cloned()
                .collect();
            let unmapped = unmapped_owners(&listed, &owners);
            if !unmapped.is_empty() {
                writeln!(
                    err,
                    "hindsight: not in {OWNERS_FILE}, so left unassigned: {}",
                    terminal_safe(&unmapped.join(", "))
                )?;
            }
            let text = if request.format == Format::GhScript {
                gh_script(&listed, &owners, &request.folder)
            } else {
                jira_csv(&listed, &owners, &request.folder, request.exact_csv)
                    .map_err(io::Error::other)?
            };
            out.write_all(text.as_bytes())?;
        }
    }
    let any_overdue = items
        .iter()
        .any(|entry| matches!(Due::of(&entry.item, request.today), Due::Overdue(_)));
    Ok(if request.fail_on_overdue && !scan.unreadable.is_empty() {
        writeln!(
            err,
            "hindsight: {} could not be read, so overdue items may be missing from this list",
            if scan.unreadable.len() == 1 {
                "1 file or folder".to_owned()
            } else {
                format!("{} files or folders", scan.unreadable.len())
            }
        )?;
        Outcome::Unreadable
    } else if request.fail_on_overdue && any_overdue {
        Outcome::Problems
    } else {
        Outcome::Success
    })
}

/// Longest action shown in the table before it is cut with "…"; CSV and JSON keep it whole.
const ACTION_WIDTH: usize = 56;

fn write_table(out: &mut dyn Write, items: &[ReviewItem], today: NaiveDate) -> io::Result<()> {
    if items.is_empty() {
        return writeln!(out, "No action items match.");
    }
    let rows: Vec<[String; 6]> = items
        .iter()
        .map(|entry| {
            let item = &entry.item;
            let due = item.due.map_or_else(
                || "no date".to_owned(),
                |d| d.format("%Y-%m-%d").to_string(),
            );
            let state = Due::of(item, today)
                .words()
                .map_or_else(String::new, |words| format!(" ({words})"));
            [
                format!("{due}{state}"),
                item.status.label().to_owned(),
                terminal_safe(&item.owner).into_owned(),
                terminal_safe(&shorten(&item.action, ACTION_WIDTH)).into_owned(),
                terminal_safe(&shorten(&entry.incident_title, 32)).into_owned(),
                terminal_safe(&entry.path.display().to_string()).into_owned(),
            ]
        })
        .collect();
    let header = ["Due", "Status", "Owner", "Action", "Incident", "File"].map(str::to_owned);
    let mut widths = [0usize; 6];
    for row in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (index, (cell, width)) in row.iter().zip(widths).enumerate() {
            if index + 1 == row.len() {
                line.push_str(cell);
            } else {
                let pad = width - cell.chars().count();
                line.push_str(cell);
                line.push_str(&" ".repeat(pad + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Cuts `text` to `width` characters on one line, ending in "…" when cut.
fn shorten(text: &str, width: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= width {
        one_line
    } else {
        let mut cut: String = one_line.chars().take(width - 1).collect();
        cut.push('\u{2026}');
        cut
    }
}
