//! Action items into the team's tracker: a POSIX shell script that files each open item
//! without a ticket as a GitHub issue through `gh`, or a CSV for Jira's importer. Every value
//! from a document is quoted so that nothing a postmortem says can run as a command, and
//! cells a spreadsheet would run as a formula are made text unless asked for exactly.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use super::ReviewItem;
use super::owners::Owners;
use crate::export::{finish_csv, spreadsheet_cell};
use crate::model::{ActionPriority, ActionStatus};

/// Whether an item still needs a ticket: open or in progress, and none recorded.
#[must_use]
pub fn needs_ticket(entry: &ReviewItem) -> bool {
    matches!(
        entry.item.status,
        ActionStatus::Open | ActionStatus::InProgress
    ) && entry.item.ticket_url.trim().is_empty()
}

/// The owners of `items` that `owners` does not map, each once, in order.
#[must_use]
pub fn unmapped_owners(items: &[ReviewItem], owners: &Owners) -> Vec<String> {
    let mut seen = BTreeSet::new();
    items
        .iter()
        .map(|entry| entry.item.owner.trim())
        .filter(|owner| !owner.is_empty() && owners.of(owner).is_none())
        .filter(|owner| seen.insert(owner.to_owned()))
        .map(str::to_owned)
        .collect()
}

/// A POSIX shell script with one `gh issue create` per item that needs a ticket. Each issue
/// names its postmortem by its path inside `folder`, the reviewed folder.
#[must_use]
pub fn gh_script(items: &[ReviewItem], owners: &Owners, folder: &Path) -> String {
    let items: Vec<&ReviewItem> = items.iter().filter(|entry| needs_ticket(entry)).collect();
    let mut script = String::from(
        "#!/bin/sh\n\
         # Files the open action items that have no ticket yet as GitHub issues.\n\
         # Written by `hindsight actions --format gh-script`.\n\
         #\n\
         # Run it with `sh SCRIPT` inside a clone of the repository the issues belong in (or\n\
         # with GH_REPO=owner/name set), once `gh auth login` has been done. It prints each\n\
         # item's ID and the new issue's address; record it in the postmortem with\n\
         # `hindsight actions set-ticket FILE ID URL` so the next export skips the item.\n\
         set -eu\n",
    );
    if items.is_empty() {
        script.push_str("echo 'No open action items without a ticket.'\n");
        return script;
    }
    // Labels must exist before an issue can carry them.
    let mut labels = BTreeSet::new();
    for entry in &items {
        labels.extend(labels_of(entry));
    }
    script.push_str(
        "\n# The labels the issues carry (made if missing, left as they are if there).\n",
    );
    for label in &labels {
        let _ = writeln!(
            script,
            "gh label create -- {} >/dev/null 2>&1 || true",
            shell_quote(label)
        );
    }
    script.push('\n');
    for entry in items {
        let item = &entry.item;
        let mut command = format!(
            "url=$(gh issue create --title={} --body={}",
            shell_quote(&one_line(&item.action)),
            shell_quote(&issue_body(entry, folder))
        );
        for label in labels_of(entry) {
            let _ = write!(command, " --label={}", shell_quote(&label));
        }
        if let Some(login) = owners
            .of(&item.owner)
            .and_then(|accounts| accounts.github.as_deref())
        {
            let _ = write!(command, " --assignee={}", shell_quote(login));
        }
        command.push(')');
        let _ = writeln!(script, "{command}");
        let _ = writeln!(
            script,
            "printf '%s %s\\n' {} \"$url\"",
            shell_quote(&item.id.short())
        );
    }
    script
}

/// The CSV Jira's importer maps: Summary, Description, Assignee (the owner's mapped e-mail),
/// Due date (`YYYY-MM-DD`), Priority and one Labels column per label. Each description
/// names its postmortem by its path inside `folder`, the reviewed folder.
pub fn jira_csv(
    items: &[ReviewItem],
    owners: &Owners,
    folder: &Path,
    exact: bool,
) -> Result<String, csv::Error> {
    let items: Vec<&ReviewItem> = items.iter().filter(|entry| needs_ticket(entry)).collect();
    let label_columns = items
        .iter()
        .map(|entry| labels_of(entry).len())
        .max()
        .unwrap_or(1);
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["Summary", "Description", "Assignee", "Due date", "Priority"];
    header.extend(std::iter::repeat_n("Labels", label_columns));
    writer.write_record(&header)?;
    for entry in items {
        let item = &entry.item;
        let email = owners
            .of(&item.owner)
            .and_then(|accounts| accounts.email.clone())
            .unwrap_or_default();
        let mut labels = labels_of(entry);
        labels.resize(label_columns, String::new());
        let mut record: Vec<String> = vec![
            one_line(&item.action),
            issue_body(entry, folder),
            email,
            item.due
                .map(|due| due.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            priority_name(item.priority).to_owned(),
        ];
        record.extend(labels);
        let cells: Vec<String> = record
            .iter()
            .map(|cell| spreadsheet_cell(cell, exact).into_owned())
            .collect();
        writer.write_record(&cells)?;
    }
    finish_csv(writer)
}

/// `path` as written inside `folder`, with `/` between its parts on every system. A path
/// outside the folder (which a scan never gives) is named by its file name alone.
#[must_use]
pub fn path_in_folder(path: &Path, folder: &Path) -> String {
    let inside = path
        .strip_prefix(folder)
        .ok()
        .filter(|inside| !inside.as_os_str().is_empty())
        .or_else(|| path.file_name().map(Path::new))
        .unwrap_or(path);
    inside
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn priority_name(priority: ActionPriority) -> &'static str {
    match priority {
        ActionPriority::High => "High",
        ActionPriority::Medium => "Medium",
        ActionPriority::Low => "Low",
    }
}

/// `postmortem`, the incident's ID and its severity, as labels (no spaces: trackers split
/// labels at them).
fn labels_of(entry: &ReviewItem) -> Vec<String> {
    let mut labels = vec!["postmortem".to_owned()];
    for label in [Some(&entry.incident_id), entry.severity.as_ref()]
        .into_iter()
        .flatten()
    {
        let label: String = label
            .trim()
            .chars()
            .map(|c| if c.is_whitespace() { '-' } else { c })
            .collect();
        if !label.is_empty() && !labels.contains(&label) {
            labels.push(label);
        }
    }
    labels
}

/// The issue's text: the action, and the incident it came from, named by its path inside
/// `folder` so that no one's home folder or user name reaches the tracker.
fn issue_body(entry: &ReviewItem, folder: &Path) -> String {
    let mut body = format!("{}\n\nFrom the postmortem of ", entry.item.action.trim());
    body.push_str(if entry.incident_title.trim().is_empty() {
        "an untitled incident"
    } else {
        entry.incident_title.trim()
    });
    let mut facts = Vec::new();
    if !entry.incident_id.trim().is_empty() {
        facts.push(entry.incident_id.trim().to_owned());
    }
    if let Some(severity) = &entry.severity {
        facts.push(severity.clone());
    }
    if let Some(date) = entry.incident_date {
        facts.push(date.format("%Y-%m-%d").to_string());
    }
    if !facts.is_empty() {
        let _ = write!(body, " ({})", facts.join(", "));
    }
    let _ = write!(
        body,
        ".\nPostmortem: {}\nAction item: {}",
        path_in_folder(&entry.path, folder),
        entry.item.id.short()
    );
    if !entry.item.owner.trim().is_empty() {
        let _ = write!(body, "\nOwner: {}", entry.item.owner.trim());
    }
    body
}

/// Text on one line, for a title: line breaks and other control characters as spaces.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A value as one POSIX shell word that the shell takes literally: in single quotes, each
/// `'` written as `'\''`. NUL, which no shell word can hold, is dropped.
#[must_use]
pub fn shell_quote(value: &str) -> String {
    let mut quoted = String::with_capacity(value.len() + 2);
    quoted.push('\'');
    for character in value.chars() {
        match character {
            '\'' => quoted.push_str("'\\''"),
            '\0' => {}
            other => quoted.push(other),
        }
    }
    quoted.push('\'');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_are_taken_literally() {
        assert_eq!(shell_quote("plain"), "'plain'");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(shell_quote("$(rm -rf /)`x`\n"), "'$(rm -rf /)`x`\n'");
        assert_eq!(shell_quote("a\0b"), "'ab'");
    }

    #[test]
    fn postmortems_are_named_inside_the_reviewed_folder() {
        let folder = Path::new("/home/priya/work/postmortems");
        assert_eq!(
            path_in_folder(&folder.join("2025").join("inc-7.ron"), folder),
            "2025/inc-7.ron"
        );
        assert_eq!(
            path_in_folder(Path::new("./inc-7.ron"), Path::new(".")),
            "inc-7.ron"
        );
        assert_eq!(
            path_in_folder(Path::new("/elsewhere/inc-8.ron"), folder),
            "inc-8.ron"
        );
    }
}
