//! The search page and its index: every word of every postmortem (folded as the editor's
//! search folds it: lower case, accents gone), with the postmortems and the parts of them
//! it is in. The index is made here once; the page's script looks words up in it by
//! prefix, so a search of a thousand postmortems takes milliseconds in the browser, and
//! works from a file as from a server.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use super::entries::Entry;
use super::page::{Page, Part};
use crate::model::{Place, document_texts};
use crate::review::folded_text;

/// The script that searches the index.
const SEARCH_SCRIPT: &str = include_str!("../../assets/site/search.js");

/// Words longer than this are indexed by their beginning, which a search for them still
/// finds (a search word is looked up as a prefix).
const LONGEST_TERM: usize = 40;

/// The index the page's script reads.
#[derive(Serialize)]
struct SearchIndex<'a> {
    /// Each postmortem: title, page, day, severity, services.
    docs: Vec<[String; 5]>,
    /// The names of the parts words are found in.
    parts: Vec<String>,
    /// Every word, in order.
    terms: Vec<&'a str>,
    /// For each word, the postmortems and parts it is in, as pairs of positions in `docs`
    /// and `parts`, one after the other.
    postings: Vec<&'a [u32]>,
}

/// The part of a postmortem that a field is shown in, as a reader names it.
fn part_of(place: Place, field: &str) -> String {
    match place {
        Place::Title => "Title".to_owned(),
        Place::TimelineRow(_) => "Timeline".to_owned(),
        Place::ActionItem(_) => "Action items".to_owned(),
        Place::Attachment(_) | Place::AttachmentsFolder => "Attachments".to_owned(),
        Place::Section(_) | Place::CustomSection(_) => field.to_owned(),
        Place::Severity
        | Place::KeyTime(_)
        | Place::Link(_)
        | Place::Approval
        | Place::Tags
        | Place::IncidentId
        | Place::Classification
        | Place::People
        | Place::Conflict(_) => "Details".to_owned(),
    }
}

/// The index of `entries` as JSON that can stand inside a `<script>` element.
fn index_json(entries: &[Entry<'_>]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut terms: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (doc, entry) in entries.iter().enumerate() {
        let doc = u32::try_from(doc).unwrap_or(u32::MAX);
        let mut seen: BTreeSet<(String, u32)> = BTreeSet::new();
        for (field, text, place) in document_texts(entry.doc) {
            if text.trim().is_empty() {
                continue;
            }
            let part_name = part_of(place, &field);
            let part = if let Some(at) = parts.iter().position(|known| *known == part_name) {
                at
            } else {
                parts.push(part_name);
                parts.len() - 1
            };
            let part = u32::try_from(part).unwrap_or(u32::MAX);
            let folded = folded_text(text);
            for word in folded.split(|c: char| !c.is_alphanumeric()) {
                if word.is_empty() {
                    continue;
                }
                let term: String = word.chars().take(LONGEST_TERM).collect();
                if seen.insert((term.clone(), part)) {
                    terms.entry(term).or_default().extend([doc, part]);
                }
            }
        }
    }
    // In the order the script's comparisons see them: by UTF-16 code units, which differs
    // from Rust's order for letters outside the Basic Multilingual Plane.
    let mut terms: Vec<(String, Vec<u32>)> = terms.into_iter().collect();
    terms.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
    let index = SearchIndex {
        docs: entries
            .iter()
            .map(|entry| {
                [
                    entry.title.to_owned(),
                    entry.page.clone(),
                    entry.day.map(|day| day.to_string()).unwrap_or_default(),
                    entry.severity.unwrap_or_default().to_owned(),
                    entry.services().collect::<Vec<_>>().join(", "),
                ]
            })
            .collect(),
        parts,
        terms: terms.iter().map(|(term, _)| term.as_str()).collect(),
        postings: terms
            .iter()
            .map(|(_, postings)| postings.as_slice())
            .collect(),
    };
    let json = serde_json::to_string(&index).unwrap_or_else(|_| "{}".to_owned());
    // Inside a script element, `</script>` or `<!--` in some title would end it early;
    // escaped, they are the same characters to the JSON reader.
    json.replace('<', "\\u003c")
}

/// The search page, holding its index.
#[must_use]
pub fn page<'a>(entries: &[Entry<'_>]) -> Page<'a> {
    let mut main = String::with_capacity(1024 * 1024);
    main.push_str("<h1>Search</h1>\n<div class=\"search-box\">\n<label for=\"search-words\">Words to find in any part of any postmortem</label>\n<input type=\"search\" id=\"search-words\" autocomplete=\"off\" spellcheck=\"false\">\n</div>\n<noscript><p>The search runs as a script in the page, and scripts are off. <a href=\"index.html\">The list of every postmortem</a> reads without them.</p></noscript>\n<p class=\"shown\" id=\"search-status\" aria-live=\"polite\"></p>\n<ol class=\"results\" id=\"results\"></ol>\n");
    let _ = writeln!(
        main,
        "<script type=\"application/json\" id=\"search-data\">{}</script>",
        index_json(entries)
    );
    Page {
        path: "search.html",
        title: "Search",
        part: Part::Search,
        main,
        script: Some(SEARCH_SCRIPT),
    }
}
