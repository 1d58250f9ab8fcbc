//! Action items as other postmortems write them: a table with action, owner, due date,
//! status and ticket columns found by their headers, or a task list (`- [ ] …`).

use chrono::NaiveDate;

use super::headings::normalized;
use super::values::plain_hyphens;
use crate::model::{
    ActionItem, ActionKind, ActionPriority, ActionStatus, date_in_range, read_date_line,
};

/// What a column of an action table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionColumn {
    /// What will be done.
    Action,
    /// Who answers for it.
    Owner,
    /// When it is due.
    Due,
    /// Where it stands.
    Status,
    /// Prevent, mitigate, detect, process.
    Kind,
    /// How urgent.
    Priority,
    /// Where the work is tracked.
    Ticket,
    /// Anything else: kept in the action's text under its header.
    Other,
}

/// The columns of an action table, or `None` when the header is not one (no action column,
/// or nothing beside it that action items have).
#[must_use]
pub fn action_columns(header: &[String]) -> Option<Vec<ActionColumn>> {
    let columns: Vec<ActionColumn> = header.iter().map(|cell| column_named(cell)).collect();
    let has_action = columns.contains(&ActionColumn::Action);
    let has_more = columns
        .iter()
        .any(|column| !matches!(column, ActionColumn::Action | ActionColumn::Other));
    (has_action && has_more).then_some(columns)
}

/// The columns of a table under the action items' heading: as [`action_columns`] reads
/// them, else with the first column as the work when none is named so and its cells are
/// sentences rather than names or values (`| Ação | Prioridade | Onde |` over `| Teste de
/// integração que aplica a migration … |`; not `| type | name |` over DNS records).
#[must_use]
pub fn action_columns_under_the_heading(
    header: &[String],
    first_cells: &[&str],
) -> Option<Vec<ActionColumn>> {
    action_columns(header).or_else(|| {
        let columns: Vec<ActionColumn> = header.iter().map(|cell| column_named(cell)).collect();
        let words: usize = first_cells
            .iter()
            .map(|cell| cell.split_whitespace().count())
            .sum();
        let sentences = !first_cells.is_empty() && words >= 4 * first_cells.len();
        (sentences && !columns.contains(&ActionColumn::Action)).then(|| {
            std::iter::once(ActionColumn::Action)
                .chain(columns.into_iter().skip(1))
                .collect()
        })
    })
}

fn column_named(header: &str) -> ActionColumn {
    match normalized(header).as_str() {
        // With the same columns in the other languages postmortems are written in.
        "action" | "action item" | "action items" | "actions" | "task" | "item" | "description"
        | "what" | "title" | "remediation" | "follow-up" | "follow up" | "todo" | "to do"
        | "summary" | "ação" | "acao" | "ações" | "acción" | "accion" | "acciones" | "azione"
        | "actie" | "maßnahme" | "massnahme" | "tarefa" | "tarea" | "tâche" | "aufgabe"
        | "aksjon" | "tiltak" | "åtgärd" => ActionColumn::Action,
        "owner" | "owners" | "assignee" | "assigned to" | "who" | "responsible" | "dri"
        | "responsável" | "responsable" | "verantwortlich" | "担当" | "担当者" | "负责人"
        | "eier" | "ansvarlig" | "ägare" | "ansvarig" => ActionColumn::Owner,
        "due" | "due date" | "deadline" | "target date" | "eta" | "by when" | "when" | "prazo"
        | "fecha límite" | "échéance" | "frist" | "期限" => ActionColumn::Due,
        "status" | "state" | "done" | "progress" | "estado" | "état" | "stato" | "状態"
        | "状态" => ActionColumn::Status,
        "type" | "kind" | "category" => ActionColumn::Kind,
        "priority" | "prio" | "urgency" | "prioridade" | "prioridad" | "priorité" | "priorität"
        | "priorità" | "優先度" | "优先级" => ActionColumn::Priority,
        "bug" | "ticket" | "issue" | "jira" | "link" | "tracking" | "tracker" | "bug/ticket"
        | "ticket/bug" => ActionColumn::Ticket,
        // `Current state`, `Implementation status`: a status column by its last word.
        named if named.ends_with(" status") || named.ends_with(" state") => ActionColumn::Status,
        _ => ActionColumn::Other,
    }
}

/// One table row as an action item, `reference` giving the year to a date without one.
#[must_use]
pub fn action_from_cells(
    header: &[String],
    columns: &[ActionColumn],
    cells: &[String],
    reference: Option<NaiveDate>,
) -> Option<ActionItem> {
    let mut item = ActionItem::default();
    let mut extra = Vec::new();
    for ((column, cell), name) in columns.iter().zip(cells).zip(header) {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        if *column == ActionColumn::Status
            && let Some((status, detail)) = status_with_detail(cell, reference)
        {
            item.status = status;
            match detail {
                StatusDetail::Completed(day) => item.completed = Some(day),
                StatusDetail::Reason(reason) => item.declined_reason = reason,
            }
            continue;
        }
        // DONE or TODO written in any cell (the SRE book's tables) sets the status; a status's
        // name alone (`Open`, `New`) only in a column of states, since an owner may be
        // called `New`.
        let marked = match column {
            ActionColumn::Action => None,
            ActionColumn::Status | ActionColumn::Other => cell_status(cell),
            _ => status_mark(cell),
        };
        if let Some(status) = marked {
            item.status = status;
            if *column == ActionColumn::Status {
                continue;
            }
        }
        // A state that says more than its word (`Implemented in v1.3.65. The updater …`):
        // its first word gives the status, and the whole cell stays as written.
        if *column == ActionColumn::Status
            && marked.is_none()
            && let Some(done) = super::work_status::leading_status(cell)
        {
            item.status = if done {
                ActionStatus::Done
            } else if cell.to_lowercase().starts_with("in progress") {
                ActionStatus::InProgress
            } else {
                ActionStatus::Open
            };
        }
        let cell = if marked.is_some() {
            without_status_words(cell)
        } else {
            cell.to_owned()
        };
        let cell = cell.as_str();
        if cell.is_empty() {
            continue;
        }
        match column {
            ActionColumn::Action => cell.clone_into(&mut item.action),
            ActionColumn::Owner => cell.clone_into(&mut item.owner),
            ActionColumn::Due => match date_in(cell, reference) {
                Some(date) => item.due = Some(date),
                None => extra.push(format!("{name}: {cell}")),
            },
            ActionColumn::Status => extra.push(format!("{name}: {cell}")),
            ActionColumn::Kind => match kind_named(cell) {
                Some(kind) => item.kind = kind,
                None => extra.push(format!("{name}: {cell}")),
            },
            ActionColumn::Priority => match priority_named(cell) {
                Some(priority) => item.priority = priority,
                None => extra.push(format!("{name}: {cell}")),
            },
            ActionColumn::Ticket => cell.clone_into(&mut item.ticket_url),
            ActionColumn::Other => {
                if item.ticket_url.is_empty() && looks_like_ticket(cell) {
                    cell.clone_into(&mut item.ticket_url);
                } else {
                    extra.push(format!("{name}: {cell}"));
                }
            }
        }
    }
    if item.action.is_empty() {
        return None;
    }
    if !extra.is_empty() {
        item.action = format!("{} ({})", item.action, extra.join("; "));
    }
    Some(item)
}

/// A task list item (`- [x] Add the index — Priya L., due 2025-08-05, BUG-12`).
#[must_use]
pub fn action_from_task(text: &str, done: bool, reference: Option<NaiveDate>) -> ActionItem {
    let mut item = ActionItem {
        action: text.trim().to_owned(),
        status: if done {
            ActionStatus::Done
        } else {
            ActionStatus::Open
        },
        ..ActionItem::default()
    };
    item.due = super::action_line::due_in(text, reference);
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | '[' | ']'));
        if item.ticket_url.is_empty() && looks_like_ticket(word) {
            word.clone_into(&mut item.ticket_url);
        }
        if item.due.is_none() {
            item.due = date_in(word, reference);
        }
    }
    if let Some(owner) = super::action_line::owner_in(text) {
        item.owner = owner;
    }
    item
}

fn date_in(text: &str, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let plain = plain_hyphens(text);
    let (date, _) = read_date_line(plain.trim())?;
    let year = date
        .year
        .or_else(|| reference.map(|reference| chrono::Datelike::year(&reference)))?;
    NaiveDate::from_ymd_opt(year, date.month, date.day).filter(|date| date_in_range(*date))
}

/// Whether `line` opens with a link (`https://…`, `<https://…>`, `[KM676](https://…)`):
/// under the action items' heading, a line that names its ticket first is an item
/// (`[KM123](…) - Add backoff`, or the ticket alone).
pub fn opens_with_a_link(line: &str) -> bool {
    let line = line.trim_start().trim_start_matches('<');
    let web = |text: &str| text.starts_with("https://") || text.starts_with("http://");
    web(line)
        || line.starts_with('[') && line.find("](").is_some_and(|close| web(&line[close + 2..]))
}

/// An item named by its ticket first (`[KM123](https://…) - Add backoff`, a bare
/// `https://…`): the link's words and what follows as the action, the address as its ticket.
pub fn action_from_ticket_line(line: &str, reference: Option<NaiveDate>) -> ActionItem {
    let line = line.trim();
    let linked = line.strip_prefix('[').and_then(|rest| {
        let (label, after) = rest.split_once("](")?;
        let (url, tail) = after.split_once(')')?;
        Some((label, url, tail))
    });
    let Some((label, url, tail)) = linked else {
        return action_from_task(line.trim_matches(['<', '>']), false, reference);
    };
    let mut item = action_from_task(&format!("{label}{tail}"), false, reference);
    url.trim().clone_into(&mut item.ticket_url);
    item
}

/// Whether `text` is a link and nothing else: a reference (a commit, a ticket), not a
/// description of work.
pub fn only_a_link(text: &str) -> bool {
    let text = text.trim();
    opens_with_a_link(text)
        && !text.contains(char::is_whitespace)
        && (!text.starts_with('[') || text.ends_with(')'))
}

/// A web address, `Bug 5554823`, `BUG-12`, `#123`, `PROJ-45`.
fn looks_like_ticket(text: &str) -> bool {
    let text = text.trim();
    let lower = text.to_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower
            .strip_prefix("bug ")
            .is_some_and(|number| number.chars().all(|c| c.is_ascii_digit()))
        || text.split_once('-').is_some_and(|(prefix, number)| {
            (2..=10).contains(&prefix.len())
                && prefix.chars().all(|c| c.is_ascii_uppercase())
                && !number.is_empty()
                && number.chars().all(|c| c.is_ascii_digit())
                && prefix != "SEV"
        })
}

/// A status written as a whole cell (`Done`, `In progress`), or as `DONE` / `TODO` in
/// capitals among other words.
fn cell_status(cell: &str) -> Option<ActionStatus> {
    status_named(cell).or_else(|| status_mark(cell))
}

/// `DONE` or `TODO` in capitals among a cell's words, as the SRE book's tables mark items.
fn status_mark(cell: &str) -> Option<ActionStatus> {
    cell.split_whitespace()
        .find_map(|word| match word.trim_matches(['*', '_']) {
            "DONE" => Some(ActionStatus::Done),
            "TODO" => Some(ActionStatus::Open),
            _ => None,
        })
}

/// What a status cell says beside the status.
enum StatusDetail {
    /// `Done 2025-08-05`: the day it was done.
    Completed(NaiveDate),
    /// `Won't do — covered by OPS-12`: why it was declined.
    Reason(String),
}

/// `Done 2025-08-05` (Hindsight's own export) and `Won't do — reason` / `Declined: reason`
/// / `Won't do (reason)`.
fn status_with_detail(
    cell: &str,
    reference: Option<NaiveDate>,
) -> Option<(ActionStatus, StatusDetail)> {
    for separator in [" \u{2014} ", " \u{2013} ", " - ", ": ", " ("] {
        let Some((status, detail)) = cell.split_once(separator) else {
            continue;
        };
        let detail = if separator == " (" {
            detail.strip_suffix(')')?
        } else {
            detail
        };
        if status_named(status) == Some(ActionStatus::WontDo) && !detail.trim().is_empty() {
            return Some((
                ActionStatus::WontDo,
                StatusDetail::Reason(detail.trim().to_owned()),
            ));
        }
    }
    let (status, day) = cell.split_once(' ')?;
    (status_named(status) == Some(ActionStatus::Done))
        .then(|| date_in(day, reference))
        .flatten()
        .map(|day| (ActionStatus::Done, StatusDetail::Completed(day)))
}

fn without_status_words(cell: &str) -> String {
    if status_named(cell).is_some() {
        return String::new();
    }
    cell.split_whitespace()
        .filter(|word| !matches!(word.trim_matches(['*', '_']), "DONE" | "TODO"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn status_named(text: &str) -> Option<ActionStatus> {
    let words = normalized(text);
    Some(match words.as_str() {
        "done" | "complete" | "completed" | "closed" | "fixed" | "finished" | "resolved" => {
            ActionStatus::Done
        }
        "todo" | "to do" | "open" | "not started" | "new" | "planned" | "pending" | "backlog" => {
            ActionStatus::Open
        }
        "in progress" | "in-progress" | "doing" | "started" | "wip" | "ongoing" => {
            ActionStatus::InProgress
        }
        "won't do" | "wont do" | "won't fix" | "wontfix" | "declined" | "cancelled"
        | "canceled" | "rejected" => ActionStatus::WontDo,
        _ => return None,
    })
}

fn kind_named(text: &str) -> Option<ActionKind> {
    Some(match normalized(text).as_str() {
        "prevent" | "prevention" | "preventive" | "preventative" => ActionKind::Prevent,
        "mitigate" | "mitigation" => ActionKind::Mitigate,
        "detect" | "detection" | "monitoring" => ActionKind::Detect,
        "process" => ActionKind::Process,
        _ => return None,
    })
}

fn priority_named(text: &str) -> Option<ActionPriority> {
    Some(match normalized(text).as_str() {
        "high" | "p0" | "p1" | "urgent" | "critical" => ActionPriority::High,
        "medium" | "p2" | "normal" => ActionPriority::Medium,
        "low" | "p3" | "p4" => ActionPriority::Low,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| (*text).to_owned()).collect()
    }

    #[test]
    fn the_sre_books_action_table() {
        let header = cells(&["Action Item", "Type", "Owner", "Bug"]);
        let columns = action_columns(&header).unwrap();
        let item = action_from_cells(
            &header,
            &columns,
            &cells(&[
                "Update playbook with instructions",
                "mitigate",
                "jennifer",
                "n/a DONE",
            ]),
            None,
        )
        .unwrap();
        assert_eq!(item.kind, ActionKind::Mitigate);
        assert_eq!(item.owner, "jennifer");
        assert_eq!(item.ticket_url, "n/a");
        assert_eq!(item.status, ActionStatus::Done);
        let item = action_from_cells(
            &header,
            &columns,
            &cells(&[
                "Schedule cascading failure test",
                "prevent",
                "agoogler",
                "Bug 5554825 TODO",
            ]),
            None,
        )
        .unwrap();
        assert_eq!(item.status, ActionStatus::Open);
        assert!(action_columns(&cells(&["Time", "Event"])).is_none());
        // An owner whose name is a status's (`New`) is the owner; the status column says
        // where the work stands.
        let header = cells(&["Action", "Owner", "Status"]);
        let columns = action_columns(&header).unwrap();
        let item =
            action_from_cells(&header, &columns, &cells(&["alpha", "New", "Done"]), None).unwrap();
        assert_eq!(item.owner, "New");
        assert_eq!(item.status, ActionStatus::Done);
    }

    #[test]
    fn a_task_list_item() {
        let item = action_from_task(
            "Add the index (due 2025\u{2011}08\u{2011}05, BUG-12)",
            true,
            None,
        );
        assert_eq!(item.status, ActionStatus::Done);
        assert_eq!(item.ticket_url, "BUG-12");
        assert_eq!(item.due, NaiveDate::from_ymd_opt(2025, 8, 5));
    }
}
