//! Lists and tables of an imported postmortem: timeline entries, action items (a task list,
//! a list under the action items' heading, an action table), fields (`- Severity: SEV-2`, a
//! `Field | Value` table), and otherwise text.

use super::actions::{action_columns, action_from_cells, action_from_task};
use super::blocks::{Block, ListItem, TableRow};
use super::by_content::{starts_with_a_time, starts_with_a_time_or_date};
use super::fields::{field_line, field_named};
use super::headings::Target;
use super::list_work::items_of_work;
use super::pieces::Piece;
use super::settings::Setting;
use super::{Current, DETAILS_AS_WRITTEN, Importer, ListAhead};
use crate::model::{ActionItem, ActionKind, ActionStatus, WrittenDay, read_clock, read_day};
use crate::sources::parse_table;

impl Importer<'_> {
    pub(super) fn list(&mut self, block: &Block, items: &[ListItem]) {
        // Under a heading that is itself an action item, a list is part of its story (the
        // queries a fix touches), not more items.
        if self.under_an_item {
            self.text(block);
            return;
        }
        if let [item] = items
            && self.label_item(block, item)
        {
            return;
        }
        let mut ahead = std::mem::take(&mut self.list_ahead);
        // `The following patches were produced:` over commit links: references to the fix,
        // not work described.
        if ahead == ListAhead::FixesMade
            && items
                .iter()
                .all(|item| super::actions::only_a_link(&item.text))
        {
            ahead = ListAhead::Nothing;
        }
        if ahead == ListAhead::Legend && items.iter().all(|item| defines_a_term(&item.text)) {
            self.text(block);
            return;
        }
        let reasons = ahead == ListAhead::Reasons
            || (self.problems_group && self.current == Current::Target(Target::ActionItems));
        if reasons && items.iter().all(|item| item.checked.is_none()) {
            self.text(block);
            return;
        }
        let fixes_made = ahead == ListAhead::FixesMade;
        let in_actions = self.current == Current::Target(Target::ActionItems)
            || matches!(ahead, ListAhead::Actions | ListAhead::FixesMade);
        // Under the timeline's heading, or a list of times wherever it stands: a sentence
        // that introduces it as what was done (`2 actions ont été entreprises :`) does not
        // make events work; only the action items' own heading does.
        if self.current == Current::Target(Target::Timeline)
            || (self.around.by_content && self.current != Current::Target(Target::ActionItems))
        {
            self.timeline_list(items);
            return;
        }
        // `- [x] Sections above are filled out`, `- [x] All actionable items above have
        // linked GitHub Issues`: a template's checklist of the write-up's own upkeep, kept
        // as written; its work is done on the page, not in the systems.
        if in_actions && super::list_work::checks_the_write_up(items) {
            self.text(block);
            return;
        }
        // `Relevant regression tests are:` over file names or commands alone: references to
        // the work, not work.
        if in_actions && items.iter().all(|item| only_code(&item.source)) {
            self.text(block);
            return;
        }
        let tasks = items.iter().any(|item| item.checked.is_some());
        let numbered = block
            .source
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
        if in_actions && ahead == ListAhead::DetailsOfNumbered && !numbered && !tasks {
            self.details_of_last_action(items);
            self.list_ahead = ListAhead::DetailsOfNumbered;
            return;
        }
        // Under the heading, a list of what was found missing (`X didn't have a test`) is
        // the diagnosis the actions answer: text.
        let findings = !tasks
            && !fixes_made
            && items
                .iter()
                .all(|item| super::work_sentences::reports_a_shortcoming(&item.text));
        if in_actions && findings {
            self.text(block);
            return;
        }
        if tasks || in_actions {
            if numbered {
                self.list_ahead = ListAhead::DetailsOfNumbered;
            }
            self.work_list_read =
                ahead == ListAhead::Actions && self.current != Current::Target(Target::ActionItems);
            for item in items {
                let done = item.checked == Some(true)
                    || (fixes_made
                        && item.checked.is_none()
                        && !super::list_work::still_to_do(&item.text));
                if item.checked.is_some() && !item.nested_tasks.is_empty() {
                    self.nested_task_actions(item);
                    continue;
                }
                for text in items_of_work(item) {
                    let action = action_from_task(&text, done, self.context.date);
                    self.push_action(action, item.lines, item.checked.is_none() && !fixes_made);
                }
            }
            return;
        }
        let fields = items
            .iter()
            .filter(|item| field_line(&item.text).is_some())
            .count();
        if fields > 0 && (fields * 2 >= items.len() || self.current == Current::Preamble) {
            for item in items {
                match field_line(&item.text) {
                    Some((field, value)) => self.field(field, &item.text, value, item.lines),
                    None => self.text_source(&format!("- {}", item.source), item.lines),
                }
            }
            return;
        }
        self.text(block);
    }

    /// A bullet list written flush under a numbered action item, where its author meant it
    /// nested: its items are that action's details, not actions of their own.
    fn details_of_last_action(&mut self, items: &[ListItem]) {
        let Some(action) = self.doc.action_items.last_mut() else {
            return;
        };
        for item in items {
            action.action.push('\n');
            action.action.push_str(item.text.trim_end());
        }
        let number = self.doc.action_items.len();
        for item in items {
            self.place(item.lines, format!("action item {number}, its details"));
        }
    }

    /// Adds an action item read from `lines`. A group heading above it may say what it
    /// improves, and where it stands unless the item said so itself (`status_open`:
    /// "Immediate actions (Completed)").
    pub(super) fn push_action(
        &mut self,
        mut action: ActionItem,
        lines: (usize, usize),
        status_open: bool,
    ) {
        if status_open && let Some(rest) = super::work_status::after_begun_box(&action.action) {
            action.action = String::from(rest);
            action.status = ActionStatus::InProgress;
        } else if status_open {
            let marked = super::work_status::check_mark(&action.action);
            if marked.is_some() {
                let unmarked = super::work_status::without_check_mark(&action.action);
                action.action = String::from(unmarked);
            }
            let written = marked.or_else(|| super::work_status::status_trailer(&action.action));
            if let Some(done) = written {
                if done {
                    action.status = ActionStatus::Done;
                }
            } else if let Some(status) = self.action_group_status {
                // Under `Changes we have made`, an item that says it is still to come (`we
                // will notify users …`) is not done.
                let to_come = status == ActionStatus::Done
                    && (super::work_status::opens_to_come(&action.action)
                        || super::work_sentences::sentences(&action.action)
                            .iter()
                            .any(|sentence| super::work_sentences::intends(sentence)));
                if !to_come {
                    action.status = status;
                }
            } else if super::work_status::reads_done(&action.action) {
                action.status = ActionStatus::Done;
            } else if super::work_status::reads_begun(&action.action) {
                action.status = ActionStatus::InProgress;
            }
        }
        if let Some(kind) = self.action_group_kind {
            action.kind = kind;
        }
        self.doc.action_items.push(action);
        let number = self.doc.action_items.len();
        self.place(lines, format!("action item {number}"));
    }

    pub(super) fn table(&mut self, block: &Block, header: Vec<String>, rows: Vec<TableRow>) {
        // `{: .table.table-striped }` right under the table: kramdown's attributes for the
        // site's styling, which Markdown runs on into the table as a row.
        let (styling, rows): (Vec<TableRow>, Vec<TableRow>) = rows
            .into_iter()
            .partition(|row| is_attribute_list(&row.source));
        for row in styling {
            self.unplaced_text(&row.source, (row.line, row.last_line), "the site's styling");
        }
        let rows = joined_rows(header.len(), rows);
        let header_lines = (block.lines.0, block.lines.0 + 1);
        let paste = parse_table(
            &header,
            &rows
                .iter()
                .map(|row| (row.line, row.source.clone(), row.cells.clone()))
                .collect::<Vec<_>>(),
        );
        // Rows with times make a timeline; rows dated without a time do where the heading
        // or the table's own first column says it is one (an action table has dates too).
        let dated = !paste.rows.is_empty()
            && (self.current == Current::Target(Target::Timeline) || self.around.by_content)
            && action_columns(&header).is_none();
        if paste.rows.is_empty() && self.dated_rows_under_any_header(&header, &rows, header_lines) {
            return;
        }
        if dated || paste.rows.iter().any(|row| row.clock.is_some()) {
            self.place(header_lines, "the timeline table's header");
            // A row of the timeline's table is an event even when its time cell holds no
            // time (`10-01 evening`): a row for the person to time.
            self.timeline_items
                .extend(rows.iter().map(|row| (row.line, row.last_line)));
            self.timeline.push(Piece::Table(header, rows));
            return;
        }
        let columns = if self.current == Current::Target(Target::ActionItems) {
            let first_cells: Vec<&str> = rows
                .iter()
                .filter_map(|row| row.cells.first().map(String::as_str))
                .collect();
            super::actions::action_columns_under_the_heading(&header, &first_cells)
        } else {
            action_columns(&header)
        };
        if let Some(columns) = columns {
            self.place(header_lines, "the action table's header");
            for row in rows {
                let lines = (row.line, row.last_line);
                match action_from_cells(&header, &columns, &row.cells, self.context.date) {
                    // `... another item`: a template's row left unfilled.
                    Some(action) if is_placeholder(&action.action) => {
                        self.unplaced_text(&row.source, lines, "a template's row left unfilled");
                    }
                    Some(action) => {
                        self.doc.action_items.push(action);
                        let number = self.doc.action_items.len();
                        self.place(lines, format!("action item {number}"));
                    }
                    None => self.unplaced_text(&row.source, lines, "no action in the row"),
                }
            }
            return;
        }
        let field_rows = rows
            .iter()
            .filter(|row| {
                row.cells
                    .first()
                    .is_some_and(|key| field_named(key).is_some())
            })
            .count();
        if header.len() == 2 && field_rows > 0 {
            if names_columns(&header) {
                self.place(header_lines, "the details table's header");
            } else {
                // `| <img …> | Data Integrity Working Group |`: a first row that is a detail
                // of its own, in the header's place.
                self.as_written
                    .push(format!("- {}: {}", header[0].trim(), header[1].trim()));
                self.place(header_lines, format!("section {DETAILS_AS_WRITTEN}"));
            }
            for row in &rows {
                let key = row.cells.first().map_or("", String::as_str);
                let value = row.cells.get(1).map_or("", String::as_str);
                let lines = (row.line, row.last_line);
                match field_named(key) {
                    Some(field) if !value.trim().is_empty() => {
                        self.field(field, &format!("{key}: {value}"), value, lines);
                    }
                    _ => {
                        self.as_written.push(format!("- {key}: {value}"));
                        self.place(lines, format!("section {DETAILS_AS_WRITTEN}"));
                    }
                }
            }
            return;
        }
        self.text(block);
    }

    /// A table whose first column dates each row, under no header that says so (`Incident |
    /// Brief`, `[3 August — general outage](…) | Severe errors began around 20:50`): its rows
    /// are entries, each at the day it opens with and the time it tells. Returns whether
    /// the table was read so.
    fn dated_rows_under_any_header(
        &mut self,
        header: &[String],
        rows: &[TableRow],
        header_lines: (usize, usize),
    ) -> bool {
        let dated = (self.current == Current::Target(Target::Timeline) || self.around.by_content)
            && action_columns(header).is_none()
            && super::by_content::mostly_dated(
                rows.iter()
                    .filter_map(|row| row.cells.first().map(String::as_str)),
            );
        if !dated {
            return false;
        }
        // Its header names no column the rows need, but its words are the writer's.
        self.unplaced_text(
            &format!("| {} |", header.join(" | ")),
            header_lines,
            "the timeline table's header",
        );
        let entries: Vec<((usize, usize), String)> = rows
            .iter()
            .map(|row| {
                let cells: Vec<&str> = row
                    .cells
                    .iter()
                    .map(|cell| cell.trim())
                    .filter(|cell| !cell.is_empty())
                    .collect();
                ((row.line, row.last_line), cells.join(": "))
            })
            .collect();
        self.timeline_items
            .extend(entries.iter().map(|(lines, _)| *lines));
        self.timeline.push(Piece::Entries(entries));
        true
    }
}

/// Whether a details table's header names its columns (`Field | Value`, `| |`), rather than
/// being a first detail written in the header's place.
fn names_columns(header: &[String]) -> bool {
    const COLUMN_NAMES: [&str; 14] = [
        "",
        "field",
        "fields",
        "value",
        "values",
        "key",
        "property",
        "item",
        "detail",
        "details",
        "name",
        "description",
        "attribute",
        "information",
    ];
    header.iter().all(|cell| {
        let words = cell
            .trim()
            .trim_matches(['*', '_', ':'])
            .trim()
            .to_lowercase();
        COLUMN_NAMES.contains(&words.as_str()) || words.chars().all(|c| c == '-' || c == ' ')
    })
}

/// The weekday an item is and nothing else (`Mercredi` over that day's times), its date
/// found once the incident's day is known.
fn weekday_alone(text: &str) -> Option<chrono::Weekday> {
    match read_day(text) {
        Some((WrittenDay::Weekday(weekday), rest))
            if rest.trim_matches([':', '*', '_', ' ', ',']).is_empty() =>
        {
            Some(weekday)
        }
        _ => None,
    }
}

impl Importer<'_> {
    /// A list under the timeline: one entry per item, its wrapped lines joined, as plain
    /// text; an item that is only a day with timed items nested under it
    /// (`- **2014-04-02**` then `  - **4:00am** - …`) dates them, each an entry.
    fn timeline_list(&mut self, items: &[ListItem]) {
        let mut entries = Vec::new();
        for item in items {
            let mut lines = item
                .text
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty());
            let first = lines.next().unwrap_or_default();
            let day = Setting::of(first, 6, self.day_order).filter(|setting| setting.day.is_some());
            // A day without its year (`11/25`) dates each time below it as if written
            // before it (`11/25 15:00 - released`), read against the incident's day.
            let yearless_day = day.is_none()
                && read_clock(first).is_none()
                && read_day(first).is_some_and(|(day, rest)| {
                    matches!(day, WrittenDay::Date(_) | WrittenDay::Numeric { .. })
                        && rest.trim_matches([':', '*', '_', ' ']).is_empty()
                });
            let weekday = weekday_alone(first).filter(|_| day.is_none());
            let nested: Vec<&str> = lines.collect();
            // The nested items open with times; one without a time, nested deeper, tells
            // more of the timed one above it (`15:00 - released` then `checked on 5 phones`).
            let timed = nested
                .iter()
                .filter(|line| starts_with_a_time(line))
                .count();
            // Under a day, half of them may be (`8:15: scaled up` then `All day long, a
            // few crashes`).
            let under_a_day = day.is_some() || yearless_day || weekday.is_some();
            let times_nested = nested.first().is_some_and(|line| starts_with_a_time(line))
                && (timed * 2 > nested.len() || (timed * 2 == nested.len() && under_a_day));
            match day {
                day if times_nested && under_a_day => {
                    let day_line = (item.lines.0, item.lines.0);
                    let day = day.or_else(|| {
                        weekday.map(|weekday| Setting {
                            zone: None,
                            day: None,
                            kept: None,
                            weekday: Some(weekday),
                        })
                    });
                    if let Some(setting) = day {
                        if !entries.is_empty() {
                            self.timeline
                                .push(Piece::Entries(std::mem::take(&mut entries)));
                        }
                        self.timeline.push(Piece::Setting(day_line, setting));
                    } else {
                        self.place(day_line, "the date of the timeline rows below it");
                    }
                    let starts = self.nested_item_lines(item.lines, nested.len());
                    let mut timed_entries: Vec<((usize, usize), String)> = Vec::new();
                    for (line, lines) in nested.into_iter().zip(starts) {
                        match timed_entries.last_mut() {
                            Some((last_lines, text)) if !starts_with_a_time(line) => {
                                last_lines.1 = last_lines.1.max(lines.1);
                                text.push(' ');
                                text.push_str(line);
                            }
                            _ => timed_entries.push((lines, line.to_owned())),
                        }
                    }
                    for (lines, text) in timed_entries {
                        self.timeline_items.push(lines);
                        entries.push((
                            lines,
                            if yearless_day {
                                format!("{first} {text}")
                            } else {
                                text
                            },
                        ));
                    }
                }
                _ => {
                    let text = item.text.replace('\n', " ");
                    self.timeline_items.push(item.lines);
                    // `Attacker deployed the contract at 2021-02-13 5:37 AM +UTC`: an item
                    // that opens with no time but tells one is a row at that time, its
                    // words all kept. One that tells several stays one row, as written.
                    let mut told = if starts_with_a_time_or_date(first) {
                        Vec::new()
                    } else {
                        super::told_times::told_rows(
                            &[(item.lines, text.clone())],
                            self.published,
                            None,
                        )
                    };
                    match told.as_mut_slice() {
                        [(_, row)] => {
                            row.event.clone_from(&text);
                            if !entries.is_empty() {
                                self.timeline
                                    .push(Piece::Entries(std::mem::take(&mut entries)));
                            }
                            self.timeline.push(Piece::Told(told));
                        }
                        _ => entries.push((item.lines, text)),
                    }
                }
            }
        }
        if !entries.is_empty() {
            self.timeline.push(Piece::Entries(entries));
        }
    }

    /// The source lines of the `count` items nested in the item over `lines`: from each
    /// line that opens with a bullet or a number to the line before the next; the whole item
    /// for each when the lines do not tell them apart.
    fn nested_item_lines(
        &self,
        (first, last): (usize, usize),
        count: usize,
    ) -> Vec<(usize, usize)> {
        let opens = |line: &str| {
            let line = line.trim_start();
            line.starts_with(['-', '*', '+'])
                || line
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .starts_with(['.', ')'])
                    && line.starts_with(|c: char| c.is_ascii_digit())
        };
        let starts: Vec<usize> = (first + 1..=last)
            .filter(|number| {
                self.source_lines
                    .get(number - 1)
                    .is_some_and(|line| opens(line))
            })
            .collect();
        if starts.len() != count {
            return vec![(first, last); count];
        }
        starts
            .iter()
            .enumerate()
            .map(|(at, start)| (*start, starts.get(at + 1).map_or(last, |next| next - 1)))
            .collect()
    }
}

/// Where the items under a group heading stand, when the heading says so: "Immediate actions
/// (Completed)", "Short-term improvements (In progress)".
pub(super) fn group_status(heading: &str) -> Option<ActionStatus> {
    let lower = heading.to_lowercase();
    if lower.contains("in progress") || lower.contains("ongoing") {
        Some(ActionStatus::InProgress)
    } else if lower.contains("completed") || lower.contains("(done") || lower.contains("done)") {
        Some(ActionStatus::Done)
    } else {
        None
    }
}

/// What the items under a group heading improve, when the heading says so: `Process
/// improvements`, `Monitoring and detection`, `Mitigations`, `Prevention`.
pub(super) fn group_kind(heading: &str) -> Option<ActionKind> {
    let lower = heading.to_lowercase();
    let says = |stems: &[&str]| stems.iter().any(|stem| lower.contains(stem));
    if says(&[
        "process",
        "training",
        "communicat",
        "documentation",
        "runbook",
    ]) {
        Some(ActionKind::Process)
    } else if says(&["detect", "monitor", "alert", "observab"]) {
        Some(ActionKind::Detect)
    } else if says(&["mitigat"]) {
        Some(ActionKind::Mitigate)
    } else if says(&["prevent"]) {
        Some(ActionKind::Prevent)
    } else {
        None
    }
}

/// Rows broken across lines joined again: a row that writes fewer cells than the header,
/// followed by one that writes the rest (`| 14:10 | ran a query |` then `saw a slow scan |`).
fn joined_rows(columns: usize, rows: Vec<TableRow>) -> Vec<TableRow> {
    let mut joined: Vec<TableRow> = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(previous) = joined.last_mut()
            && previous.written < columns
            && previous.written + row.written <= columns
            && !row.source.starts_with('|')
        {
            let mut cells: Vec<String> = previous.cells[..previous.written].to_vec();
            cells.extend(row.cells.iter().take(row.written).cloned());
            cells.resize(columns, String::new());
            previous.cells = cells;
            previous.written += row.written;
            previous.last_line = row.last_line;
            previous.source = format!("{} {}", previous.source, row.source);
            continue;
        }
        joined.push(row);
    }
    joined
}

/// Whether an action's text is a template's placeholder rather than work: it opens with an
/// ellipsis (`... another item`, `… add more`).
fn is_placeholder(action: &str) -> bool {
    let action = action.trim_start();
    action.starts_with("...") || action.starts_with('\u{2026}')
}

/// Whether a sentence that ends in a colon introduces what the action items' kinds or
/// priorities mean: `Types:`, `action items should have assigned priority:`.
pub(super) fn introduces_a_legend(sentence: &str) -> bool {
    const LEGEND_WORDS: [&str; 11] = [
        "type",
        "types",
        "kind",
        "kinds",
        "category",
        "categories",
        "priority",
        "priorities",
        "severity",
        "severities",
        "legend",
    ];
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| LEGEND_WORDS.contains(&word))
}

/// Whether an item's Markdown is one code span and nothing else (`` `tests/update-test.sh` ``).
fn only_code(source: &str) -> bool {
    let source = source.trim();
    source.len() > 2
        && source.starts_with('`')
        && source.ends_with('`')
        && !source[1..source.len() - 1].contains('`')
}

/// Whether a list item defines a term: a label of at most three words, a dash or a colon,
/// then what it means (`P0 - Critical for the release`, `Prevent: stop it recurring`).
fn defines_a_term(text: &str) -> bool {
    let first_line = text.lines().next().unwrap_or_default();
    [" - ", " \u{2013} ", " \u{2014} ", ": "]
        .iter()
        .filter_map(|mark| first_line.split_once(mark))
        .any(|(term, meaning)| {
            let words = term.split_whitespace().count();
            (1..=3).contains(&words) && meaning.split_whitespace().count() >= 2
        })
}

/// A kramdown attribute list on a line of its own (`{: .table.table-striped }`, `{:#id}`).
fn is_attribute_list(line: &str) -> bool {
    let line = line.trim().trim_matches('|').trim();
    line.starts_with("{:") && line.ends_with('}')
}

#[cfg(test)]
#[path = "lists_tables_tests.rs"]
mod tests;
