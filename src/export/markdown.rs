//! GitHub-flavoured Markdown: the whole document, or one part of it, for wikis, tickets and
//! chat.
//!
//! Everything the lead typed as plain text (titles, table cells) is escaped so a renderer
//! shows exactly those characters; the written sections are Markdown already and pass through
//! as typed, except that a block left open at the end of a section is closed there (see
//! [`super::blocks`]).

use std::fmt::Write as _;

use super::blocks::close_open_blocks;
use super::report::{
    ACTION_COLUMNS, ATTACHMENTS, DetailValue, Report, SectionText, link_text, no_timeline_rows,
};
use super::{ExportOptions, Portion, attached};
use crate::model::Postmortem;

/// Shown under a section heading when the section has no text yet.
const NOT_WRITTEN: &str = "*Not written yet.*";

/// The document, or one portion of it, as GitHub-flavoured Markdown.
#[must_use]
pub fn to_markdown(doc: &Postmortem, options: ExportOptions, portion: Portion) -> String {
    let report = Report::of(doc, options);
    let mut out = String::new();
    let whole = portion == Portion::Whole;
    if whole || portion == Portion::Overview {
        heading(&mut out, 1, report.title);
    }
    if let (true, Some(summary)) = (whole, &report.summary) {
        section(&mut out, summary);
    }
    if whole || portion == Portion::Overview {
        details(&mut out, &report);
    }
    if whole || portion == Portion::Timeline {
        timeline(&mut out, &report, options);
    }
    // Copied alone, the timeline brings its rows' files along.
    if portion == Portion::Timeline {
        rows_files(&mut out, &report);
    }
    if let (Portion::Analysis, Some(summary)) = (portion, &report.summary) {
        section(&mut out, summary);
    }
    if whole || portion == Portion::Analysis {
        for written in &report.sections {
            section(&mut out, written);
        }
        // The postmortem's files, then the rows', each under the line that names its row:
        // in a part of their own, which the Markdown import reads back as they were.
        let rows = whole && !report.row_attachments.is_empty();
        if rows || !report.attachments.is_empty() {
            heading(&mut out, 2, ATTACHMENTS);
            attached::markdown(&mut out, &report.attachments);
            if rows {
                rows_files(&mut out, &report);
            }
        }
    }
    if whole || portion == Portion::ActionItems {
        actions(&mut out, &report);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn heading(out: &mut String, level: usize, text: &str) {
    let text = if text.trim().is_empty() {
        "Untitled section"
    } else {
        text
    };
    let text = keep_edge_spaces(&inline(text, true));
    let _ = writeln!(out, "{} {text}\n", "#".repeat(level));
}

fn section(out: &mut String, section: &SectionText<'_>) {
    heading(out, 2, section.heading);
    let text = section.text;
    if text.trim().is_empty() {
        if section.attachments.is_empty() {
            let _ = writeln!(out, "{NOT_WRITTEN}\n");
        }
    } else {
        let closed = close_open_blocks(text);
        let _ = writeln!(out, "{}\n", closed.trim_end());
    }
    attached::markdown(out, &section.attachments);
}

fn details(out: &mut String, report: &Report<'_>) {
    heading(out, 2, "Incident details");
    if report.details.is_empty() {
        let _ = writeln!(out, "*No details recorded yet.*\n");
        return;
    }
    let rows = report.details.iter().map(|detail| {
        let value = match &detail.value {
            DetailValue::Text(text) => text.clone(),
            DetailValue::Links(links) => links.iter().map(link_text).collect::<Vec<_>>().join("; "),
        };
        (detail.field, value)
    });
    let rows: Vec<(&str, String)> = rows.collect();
    table(
        out,
        &["Field", "Value"],
        rows.iter()
            .map(|(field, value)| vec![*field, value.as_str()]),
    );
}

fn timeline(out: &mut String, report: &Report<'_>, options: ExportOptions) {
    heading(out, 2, report.timeline_heading);
    if report.timeline.is_empty() {
        let _ = writeln!(out, "*{}*\n", no_timeline_rows(options.starred_only));
        return;
    }
    let rows = report
        .timeline
        .iter()
        .map(|line| report.timeline_cells(line));
    table(out, &report.timeline_columns(), rows);
}

/// The files of each timeline row that has some, under the line that names the row.
fn rows_files(out: &mut String, report: &Report<'_>) {
    for row in &report.row_attachments {
        let line = crate::model::row_files_line(&inline(&row.row, false));
        let _ = writeln!(out, "{line}\n");
        attached::markdown(out, &row.attachments);
    }
}

fn actions(out: &mut String, report: &Report<'_>) {
    heading(out, 2, report.actions_heading);
    if report.actions.is_empty() {
        let _ = writeln!(out, "*No action items yet.*\n");
        return;
    }
    let rows = report.actions.iter().map(|line| line.cells().to_vec());
    table(out, &ACTION_COLUMNS, rows);
}

fn table<'a>(out: &mut String, header: &[&str], rows: impl Iterator<Item = Vec<&'a str>>) {
    write_row(out, header.iter().copied());
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    for row in rows {
        write_row(out, row.into_iter());
    }
    out.push('\n');
}

fn write_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        out.push_str(&markdown_cell(cell));
        out.push_str(" |");
    }
    out.push('\n');
}

/// Text made safe for one cell of a GitHub-flavoured Markdown table, so that a renderer shows
/// exactly the text: every character that could end the cell or start markup is
/// backslash-escaped, a line break becomes `<br>` (the only line break a cell can hold), and
/// spaces at either end, which a table would trim, become character references.
#[must_use]
pub fn markdown_cell(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    keep_edge_spaces(&inline(&text, false).replace('\n', "<br>"))
}

/// Spaces and tabs at either end written as character references, which tables and headings
/// do not trim.
fn keep_edge_spaces(escaped: &str) -> String {
    let leading = escaped.len() - escaped.trim_start_matches([' ', '\t']).len();
    let trailing = escaped.len() - escaped.trim_end_matches([' ', '\t']).len();
    if leading == 0 && trailing == 0 {
        return escaped.to_owned();
    }
    let mut kept = String::with_capacity(escaped.len() + 8 * (leading + trailing));
    let body_end = escaped.len().saturating_sub(trailing).max(leading);
    for (at, character) in escaped.char_indices() {
        if at < leading || at >= body_end {
            let _ = write!(kept, "&#{};", u32::from(character));
        } else {
            kept.push(character);
        }
    }
    kept
}

/// Plain text as Markdown inline content. `in_heading` also escapes `#`, which would
/// otherwise be taken as a heading's closing sequence at the end.
fn inline(text: &str, in_heading: bool) -> String {
    let mut escaped = String::with_capacity(text.len() + text.len() / 8);
    for character in text.chars() {
        let special = matches!(
            character,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '&' | '~' | '|' | '$'
        ) || (in_heading && character == '#');
        if special {
            escaped.push('\\');
        }
        escaped.push(character);
    }
    if in_heading {
        escaped = escaped.replace(['\r', '\n'], " ");
    }
    escaped
}
