//! The Atom feed of the newest postmortems, for feed readers and chat integrations that
//! announce new write-ups.

use std::fmt::Write as _;

use chrono::NaiveDate;
use uuid::Uuid;

use super::SiteOptions;
use super::entries::Entry;
use super::page::escape;
use crate::model::Section;

/// How many postmortems the feed holds, the newest.
const NEWEST: usize = 50;

/// How many characters of the summary an entry carries.
const SUMMARY_CHARS: usize = 600;

/// The feed.
#[must_use]
pub fn feed(entries: &[Entry<'_>], options: &SiteOptions) -> Vec<u8> {
    let newest = &entries[..entries.len().min(NEWEST)];
    let updated = newest
        .iter()
        .map(|entry| updated_of(entry, options.today))
        .max()
        .unwrap_or(options.today);
    let address = |page: &str| match &options.base_url {
        Some(base) => base
            .join(page)
            .map_or_else(|_| page.to_owned(), |url| url.to_string()),
        None => page.to_owned(),
    };
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let title = escape(&options.title);
    let _ = writeln!(out, "<title>{title}</title>");
    let _ = writeln!(
        out,
        "<id>{}</id>",
        id_of(&format!("site:{}", options.title))
    );
    let _ = writeln!(out, "<updated>{}</updated>", instant(updated));
    let _ = writeln!(
        out,
        "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&address("index.html"))
    );
    let _ = writeln!(
        out,
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&address("feed.xml"))
    );
    let _ = writeln!(out, "<author><name>{title}</name></author>");
    out.push_str("<generator>Hindsight</generator>\n");
    for entry in newest {
        out.push_str("<entry>\n");
        let _ = writeln!(out, "<title>{}</title>", escape(entry.title));
        let _ = writeln!(out, "<id>{}</id>", entry_id(entry));
        let _ = writeln!(
            out,
            "<updated>{}</updated>",
            instant(updated_of(entry, options.today))
        );
        if let Some(started) = entry.started {
            let _ = writeln!(
                out,
                "<published>{}</published>",
                started.format("%Y-%m-%dT%H:%M:%SZ")
            );
        }
        let _ = writeln!(
            out,
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&address(&entry.page))
        );
        for author in &entry.doc.authors {
            if !author.trim().is_empty() {
                let _ = writeln!(
                    out,
                    "<author><name>{}</name></author>",
                    escape(author.trim())
                );
            }
        }
        if let Some(severity) = entry.severity {
            let _ = writeln!(out, "<category term=\"{}\"/>", escape(severity));
        }
        for name in entry.services().chain(entry.tags()) {
            let _ = writeln!(out, "<category term=\"{}\"/>", escape(name));
        }
        let summary = entry.doc.narrative.text(Section::Summary).trim();
        if !summary.is_empty() {
            let _ = writeln!(out, "<summary>{}</summary>", escape(&shortened(summary)));
        }
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

/// When a postmortem last changed, as far as it says: its last edit, else its creation,
/// else its incident's day, else `today`.
fn updated_of(entry: &Entry<'_>, today: NaiveDate) -> NaiveDate {
    entry
        .doc
        .updated
        .or(entry.doc.created)
        .or(entry.day)
        .unwrap_or(today)
}

fn instant(day: NaiveDate) -> String {
    format!("{}T00:00:00Z", day.format("%Y-%m-%d"))
}

/// An entry's lasting name: from its incident's ID when it has one, so the entry stays the
/// same entry when the file is moved; else from its page.
fn entry_id(entry: &Entry<'_>) -> String {
    let id = entry.doc.incident_id.trim();
    if id.is_empty() {
        id_of(&format!("page:{}", entry.page))
    } else {
        id_of(&format!("incident:{id}"))
    }
}

fn id_of(name: &str) -> String {
    format!(
        "urn:uuid:{}",
        Uuid::new_v5(&Uuid::NAMESPACE_URL, format!("hindsight:{name}").as_bytes())
    )
}

/// The start of `text`, cut at a word after at most [`SUMMARY_CHARS`] characters.
fn shortened(text: &str) -> String {
    if text.chars().count() <= SUMMARY_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(SUMMARY_CHARS).collect();
    let at_word = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!("{}\u{2026}", cut[..at_word].trim_end())
}
