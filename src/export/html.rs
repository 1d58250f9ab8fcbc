//! One self-contained HTML page for reading and printing.
//!
//! Every piece of document text is escaped on its way in; the written sections are rendered
//! from Markdown with raw HTML in them shown as text, and links are made only for `http`,
//! `https` and `mailto` addresses, so a hostile document can put text on the page but never
//! markup, script or a dangerous link.

use std::fmt::Write as _;

use pulldown_cmark_escape::escape_html;

use super::report::{
    ACTION_COLUMNS, ATTACHMENTS, DetailValue, Report, SectionText, TimelineLine, link_text,
    no_timeline_rows,
};
use super::{AttachedFiles, ExportOptions, attached};
use crate::model::{Postmortem, openable_url, web_url};

/// The page's stylesheet (also the static site's base): a calm screen layout and print rules (page size from the printer's
/// paper, each part from a new page, table rows kept whole, headers repeated).
pub const HTML_STYLESHEET: &str = include_str!("../../assets/export.css");

/// A second line of defence behind the escaping: even if some text slipped through as
/// markup, the page may run no script, load nothing from anywhere (no images, fonts, frames
/// or styles from outside), and submit no form. Only its own inline stylesheet applies, and
/// only the images embedded in the page itself (`data:`) show.
const CONTENT_SECURITY_POLICY: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n";

/// The document as one HTML page, with the attached images from `files` embedded in it.
#[must_use]
pub fn to_html(doc: &Postmortem, options: ExportOptions, files: &AttachedFiles) -> String {
    let report = Report::of(doc, options);
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(CONTENT_SECURITY_POLICY);
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"Hindsight\">\n");
    let _ = writeln!(out, "<title>{}</title>", text(report.title));
    let _ = writeln!(
        out,
        "<style>\n{HTML_STYLESHEET}</style>\n</head>\n<body>\n<main>"
    );
    document_html(&mut out, doc, &report, options, files);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The document's own part of its page (its heading, overview, timeline, analysis,
/// attachments and action items), for a page that another program frames: the static
/// site puts it under its own navigation.
#[must_use]
pub fn html_body(doc: &Postmortem, options: ExportOptions, files: &AttachedFiles) -> String {
    let report = Report::of(doc, options);
    let mut out = String::with_capacity(16 * 1024);
    document_html(&mut out, doc, &report, options, files);
    out
}

fn document_html(
    out: &mut String,
    doc: &Postmortem,
    report: &Report<'_>,
    options: ExportOptions,
    files: &AttachedFiles,
) {
    let _ = writeln!(out, "<header>\n<h1>{}</h1>\n</header>", text(report.title));

    out.push_str("<section class=\"overview\">\n");
    if let Some(summary) = &report.summary {
        written_section(out, summary, files);
    }
    details(out, report);
    out.push_str("</section>\n");

    out.push_str("<section class=\"part timeline\">\n");
    let _ = writeln!(out, "<h2>{}</h2>", text(report.timeline_heading));
    if let Some(picture) = super::picture_svg::incident_picture_svg(doc) {
        out.push_str(&picture);
    }
    timeline(out, report, options);
    for row in &report.row_attachments {
        let line = crate::model::row_files_line(&row.row);
        let _ = writeln!(out, "<h3>{}</h3>", text(line.trim_end_matches(':')));
        attached::html(out, &row.attachments, files);
    }
    out.push_str("</section>\n");

    if !report.sections.is_empty() {
        out.push_str("<section class=\"part analysis\">\n");
        for section in &report.sections {
            written_section(out, section, files);
        }
        out.push_str("</section>\n");
    }

    if !report.attachments.is_empty() {
        out.push_str("<section class=\"part attachments\">\n");
        let _ = writeln!(out, "<h2>{ATTACHMENTS}</h2>");
        attached::html(out, &report.attachments, files);
        out.push_str("</section>\n");
    }

    out.push_str("<section class=\"part actions\">\n");
    let _ = writeln!(out, "<h2>{}</h2>", text(report.actions_heading));
    actions(out, report);
    out.push_str("</section>\n");
}

/// Text escaped for an element's content or a quoted attribute; line breaks kept as `<br>`.
fn text(raw: &str) -> String {
    let mut escaped = String::with_capacity(raw.len());
    let _ = escape_html(&mut escaped, raw);
    escaped.replace("\r\n", "\n").replace('\n', "<br>")
}

fn written_section(out: &mut String, section: &SectionText<'_>, files: &AttachedFiles) {
    let heading = if section.heading.trim().is_empty() {
        "Untitled section"
    } else {
        section.heading
    };
    let markdown = section.text;
    let _ = writeln!(out, "<h2>{}</h2>", text(heading));
    if markdown.trim().is_empty() {
        if section.attachments.is_empty() {
            out.push_str("<p class=\"empty\">Not written yet.</p>\n");
        }
    } else {
        out.push_str("<div class=\"written\">\n");
        // Nesting past the cap is text, so a hostile section cannot take gigabytes.
        let markdown = crate::model::cap_markdown_nesting(markdown);
        super::safe_markdown::push_safe_html(out, &markdown);
        out.push_str("</div>\n");
    }
    attached::html(out, &section.attachments, files);
}

fn details(out: &mut String, report: &Report<'_>) {
    out.push_str("<h2>Incident details</h2>\n");
    if report.details.is_empty() {
        out.push_str("<p class=\"empty\">No details recorded yet.</p>\n");
        return;
    }
    out.push_str("<table class=\"fields\">\n<tbody>\n");
    for detail in &report.details {
        let value = match &detail.value {
            DetailValue::Text(value) => text(value),
            DetailValue::Links(links) => links
                .iter()
                .map(|link| match openable_url(&link.url) {
                    Some(url) => {
                        let label = if link.label.trim().is_empty() {
                            &link.url
                        } else {
                            &link.label
                        };
                        format!("<a href=\"{}\">{}</a>", text(url.as_str()), text(label))
                    }
                    None => text(&link_text(link)),
                })
                .collect::<Vec<_>>()
                .join("; "),
        };
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{value}</td></tr>",
            text(detail.field)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

fn timeline(out: &mut String, report: &Report<'_>, options: ExportOptions) {
    if report.timeline.is_empty() {
        let empty = no_timeline_rows(options.starred_only);
        let _ = writeln!(out, "<p class=\"empty\">{empty}</p>");
        return;
    }
    // The page marks starred rows and key times in a column after the time.
    let mut columns = report.timeline_columns();
    // The cells' positions count the time's column first.
    let link_columns: Vec<usize> = (report.timeline_fields.iter())
        .enumerate()
        .filter(|(_, field)| field.links())
        .map(|(at, _)| at + 1)
        .collect();
    if report.with_mark {
        columns.insert(1, "Mark");
    }
    let rows = report.timeline.iter().map(|line| {
        let mut cells: Vec<String> = report
            .timeline_cells(line)
            .into_iter()
            .enumerate()
            .map(|(column, cell)| match web_url(cell) {
                // Evidence that is a web address is a link; anything else stays text.
                Some(url) if link_columns.contains(&column) => {
                    format!("<a href=\"{}\">{}</a>", text(url.as_str()), text(cell))
                }
                _ => text(cell),
            })
            .collect();
        if report.with_mark {
            cells.insert(1, mark_html(line));
        }
        // A starred or marked row stands out on screen and on paper.
        let class = match (line.starred, line.marker.is_empty()) {
            (true, _) => Some("starred"),
            (false, false) => Some("marked"),
            (false, true) => None,
        };
        (class, cells)
    });
    table_of_html(out, "timeline", &columns, rows);
}

/// A row's star and key-time marker: the star named for a screen reader (which would
/// otherwise say "black star"), the marker as a small label.
fn mark_html(line: &TimelineLine<'_>) -> String {
    let mut html = String::new();
    if line.starred {
        let _ = write!(
            html,
            "<span class=\"star\" role=\"img\" aria-label=\"Starred\" title=\"Starred\">\u{2605}</span>"
        );
    }
    if !line.marker.is_empty() {
        if !html.is_empty() {
            html.push(' ');
        }
        let _ = write!(html, "<span class=\"marker\">{}</span>", text(line.marker));
    }
    html
}

fn actions(out: &mut String, report: &Report<'_>) {
    if report.actions.is_empty() {
        out.push_str("<p class=\"empty\">No action items yet.</p>\n");
        return;
    }
    let rows = report.actions.iter().map(|line| line.cells().to_vec());
    table(out, "actions", &ACTION_COLUMNS, rows);
}

fn table<'a>(
    out: &mut String,
    class: &str,
    header: &[&str],
    rows: impl Iterator<Item = Vec<&'a str>>,
) {
    let rows = rows.map(|row| (None, row.into_iter().map(text).collect()));
    table_of_html(out, class, header, rows);
}

/// A table whose cells are HTML already escaped (text, or a link made safe), each row with
/// a class of its own when it has one.
fn table_of_html(
    out: &mut String,
    class: &str,
    header: &[&str],
    rows: impl Iterator<Item = (Option<&'static str>, Vec<String>)>,
) {
    let _ = writeln!(out, "<table class=\"{class}\">\n<thead>\n<tr>");
    for name in header {
        let _ = writeln!(out, "<th scope=\"col\">{}</th>", text(name));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for (row_class, row) in rows {
        match row_class {
            Some(row_class) => {
                let _ = write!(out, "<tr class=\"{row_class}\">");
            }
            None => out.push_str("<tr>"),
        }
        for cell in row {
            let _ = write!(out, "<td>{cell}</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}
