//! The list of postmortems: on the index (every one), and on each service's and tag's page.
//! A plain table that reads and prints without scripts; the page's script adds sorting by
//! any column and filtering by words, severity and status.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::entries::Entry;
use super::page::escape;
use crate::model::{DocumentStatus, format_interval};

/// The script that sorts and filters a library table.
pub const LIBRARY_SCRIPT: &str = include_str!("../../assets/site/library.js");

/// The library's table of `entries` (newest first), with the filters the script shows. Links
/// start from `root`; `today` is the day overdue items are counted from.
pub fn library(out: &mut String, entries: &[&Entry<'_>], root: &str, today: NaiveDate) {
    if entries.is_empty() {
        out.push_str("<p class=\"empty\">No postmortems here yet.</p>\n");
        return;
    }
    filters(out, entries);
    let _ = writeln!(
        out,
        "<p class=\"shown\" id=\"shown\" aria-live=\"polite\"></p>\n<section class=\"table-scroll\" aria-label=\"Postmortems\" tabindex=\"0\">\n<table class=\"library\">\n<caption class=\"visually-hidden\">Postmortems, newest first; open action items counted on {today}</caption>\n<thead>\n<tr>"
    );
    for (key, kind, words) in [
        ("date", "text", "Date"),
        ("title", "text", "Title"),
        ("severity", "number", "Severity"),
        ("services", "text", "Services"),
        ("tags", "text", "Tags"),
        ("status", "number", "Status"),
        ("duration", "number", "Duration"),
        ("open", "number", "Open items"),
    ] {
        let _ = writeln!(
            out,
            "<th scope=\"col\" data-key=\"{key}\" data-kind=\"{kind}\">{words}</th>"
        );
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for entry in entries {
        row(out, entry, root);
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn row(out: &mut String, entry: &Entry<'_>, root: &str) {
    let severity = entry.severity.unwrap_or("");
    let _ = write!(
        out,
        "<tr data-severity=\"{}\" data-status=\"{}\">",
        escape(severity),
        entry.status.label()
    );
    let day = entry.day.map(|day| day.to_string()).unwrap_or_default();
    let _ = write!(
        out,
        "<td class=\"date\" data-value=\"{day}\">{}</td>",
        if day.is_empty() { "\u{2014}" } else { &day }
    );
    let _ = write!(
        out,
        "<td><a href=\"{root}{}\">{}</a></td>",
        entry.page,
        escape(entry.title)
    );
    // An incident without a severity sorts after every level.
    let rank = entry.severity_rank.unwrap_or(usize::MAX / 2);
    let _ = write!(out, "<td data-value=\"{rank}\">{}</td>", escape(severity));
    chips(out, entry.services());
    chips(out, entry.tags());
    let status = entry.status;
    let order = DocumentStatus::ALL
        .iter()
        .position(|known| *known == status)
        .unwrap_or(0);
    let _ = write!(
        out,
        "<td data-value=\"{order}\" class=\"status-{}\">{}</td>",
        status.label().to_lowercase().replace(' ', "-"),
        status.label()
    );
    match entry.duration {
        Some(duration) => {
            let _ = write!(
                out,
                "<td class=\"number\" data-value=\"{}\">{}</td>",
                duration.num_seconds(),
                format_interval(duration)
            );
        }
        None => out.push_str("<td class=\"number\" data-value=\"-1\">\u{2014}</td>"),
    }
    let overdue = if entry.overdue > 0 {
        format!(
            " <span class=\"overdue\">({} overdue)</span>",
            entry.overdue
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<td class=\"number\" data-value=\"{}\">{}{overdue}</td></tr>",
        entry.open * 100_000 + entry.overdue,
        entry.open
    );
}

fn chips<'a>(out: &mut String, names: impl Iterator<Item = &'a str>) {
    let names: Vec<&str> = names.collect();
    if names.is_empty() {
        out.push_str("<td></td>");
        return;
    }
    out.push_str("<td><ul class=\"chips\">");
    for name in names {
        let _ = write!(out, "<li>{}</li>", escape(name));
    }
    out.push_str("</ul></td>");
}

/// The filters: hidden until the script shows them, since without it they could do nothing.
fn filters(out: &mut String, entries: &[&Entry<'_>]) {
    // Each severity once, in its scale's order (the worst first).
    let mut severities: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in entries {
        if let Some(name) = entry.severity {
            let rank = entry.severity_rank.unwrap_or(usize::MAX);
            let known = severities.entry(name).or_insert(rank);
            *known = (*known).min(rank);
        }
    }
    let mut severities: Vec<(&str, usize)> = severities.into_iter().collect();
    severities.sort_by_key(|(name, rank)| (*rank, *name));
    out.push_str("<div class=\"filters\" id=\"filters\" hidden>\n<label>Filter by words<input type=\"search\" id=\"filter-words\" placeholder=\"title, service, tag\u{2026}\"></label>\n<label>Severity<select id=\"filter-severity\">\n<option value=\"\">Any</option>\n");
    for (name, _) in severities {
        let name = escape(name);
        let _ = writeln!(out, "<option value=\"{name}\">{name}</option>");
    }
    out.push_str("</select></label>\n<label>Status<select id=\"filter-status\">\n<option value=\"\">Any</option>\n");
    for status in DocumentStatus::ALL {
        let _ = writeln!(out, "<option value=\"{0}\">{0}</option>", status.label());
    }
    out.push_str("</select></label>\n</div>\n");
}
