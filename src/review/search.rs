//! "Did this happen before?": the postmortems whose text matches a query, best first, each
//! with the fields that match and a snippet around the match. Words match in any order,
//! ignoring case and accents; `"quoted phrases"` match as written.

use rayon::prelude::*;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::{Place, Postmortem};

/// A query: the words and phrases every matching postmortem holds somewhere.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchQuery {
    terms: Vec<String>,
}

impl SearchQuery {
    /// Reads `text`: words, and phrases in double quotes.
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let mut terms = Vec::new();
        for (index, part) in text.split('"').enumerate() {
            if index % 2 == 1 {
                let phrase = folded(part).text;
                let phrase = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
                if !phrase.is_empty() {
                    terms.push(phrase);
                }
            } else {
                terms.extend(folded(part).text.split_whitespace().map(str::to_owned));
            }
        }
        terms.sort();
        terms.dedup();
        Self { terms }
    }

    /// Whether the query has nothing to look for.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Where in a postmortem a query matched.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldMatch {
    /// Where the editor shows the field.
    #[serde(skip)]
    pub place: Place,
    /// The field, in words: "Title", "Root cause", "Timeline row 3", "Action item 2".
    pub field: String,
    /// The text around the first match, on one line.
    pub snippet: String,
    /// Where in the snippet the query's words and phrases are, as byte ranges in order, for
    /// marking them.
    #[serde(skip)]
    pub marks: Vec<std::ops::Range<usize>>,
}

/// A postmortem that matches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    /// The file.
    pub file: String,
    /// The incident's title.
    pub title: String,
    /// How well it matches: more matches, and matches in the title, count more.
    pub score: usize,
    /// The fields that match, in document order.
    pub matches: Vec<FieldMatch>,
}

/// Text folded for matching (lower case, accents gone), with the original character each
/// folded character came from.
struct Folded {
    text: String,
    origin: Vec<usize>,
}

fn folded(text: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    for (index, character) in text.chars().enumerate() {
        fold_char(character, |part| {
            folded.text.push(part);
            folded.origin.push(index);
        });
    }
    folded
}

/// Text as search compares it: lower case, accents gone (the origins of its characters
/// are worked out only for a snippet).
#[must_use]
pub fn folded_text(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for character in text.chars() {
        fold_char(character, |part| folded.push(part));
    }
    folded
}

/// One character in lower case without its accents, handed on a piece at a time.
fn fold_char(character: char, mut push: impl FnMut(char)) {
    if character.is_ascii() {
        push(character.to_ascii_lowercase());
        return;
    }
    for lower in character.to_lowercase() {
        for part in std::iter::once(lower).nfd() {
            if !is_combining_mark(part) {
                push(part);
            }
        }
    }
}

/// How many characters of context a snippet shows on each side of the match.
const CONTEXT: usize = 40;

/// How `doc` matches `query`, or `None` when some term is nowhere in it.
#[must_use]
pub fn search_document(doc: &Postmortem, file: &str, query: &SearchQuery) -> Option<SearchHit> {
    if query.is_empty() {
        return None;
    }
    let mut found = vec![false; query.terms.len()];
    let mut score = 0;
    let mut matches: Vec<FieldMatch> = Vec::new();
    // The fields already listed, looked up in constant time: a timeline of 100,000 matching
    // rows is 100,000 fields, and a scan of the list for each would take minutes.
    let mut listed: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (field, text, place) in crate::model::document_texts(doc) {
        if text.trim().is_empty() {
            continue;
        }
        let folded_text = folded_text(text);
        let mut first: Option<(usize, usize)> = None;
        for (term, seen) in query.terms.iter().zip(found.iter_mut()) {
            let hits: Vec<usize> = folded_text
                .match_indices(term.as_str())
                .map(|(at, _)| at)
                .collect();
            if hits.is_empty() {
                continue;
            }
            *seen = true;
            score += hits.len() * if field == "Title" { 3 } else { 1 };
            let at = hits[0];
            if first.is_none_or(|(start, _)| at < start) {
                first = Some((at, at + term.len()));
            }
        }
        if let Some((start, end)) = first
            && listed.insert(field.clone())
        {
            let snippet = snippet(text, &folded(text), start, end);
            matches.push(FieldMatch {
                field,
                place,
                marks: marks_in(&snippet, &query.terms),
                snippet,
            });
        }
    }
    found.iter().all(|seen| *seen).then(|| SearchHit {
        file: file.to_owned(),
        title: doc.title.clone(),
        score,
        matches,
    })
}

/// The original text around a match found at `start..end` (byte offsets) of its folded
/// form, on one line, with "…" where it was cut.
fn snippet(text: &str, folded: &Folded, start: usize, end: usize) -> String {
    let char_at = |byte: usize| folded.text[..byte].chars().count();
    let first = folded.origin.get(char_at(start)).copied().unwrap_or(0);
    let last = folded
        .origin
        .get(char_at(end).saturating_sub(1))
        .copied()
        .unwrap_or(first);
    let chars: Vec<char> = text.chars().collect();
    let from = first.saturating_sub(CONTEXT);
    let to = (last + 1 + CONTEXT).min(chars.len());
    let mut snippet: String = chars[from..to].iter().collect();
    snippet = snippet.split_whitespace().collect::<Vec<_>>().join(" ");
    if from > 0 {
        snippet.insert(0, '\u{2026}');
    }
    if to < chars.len() {
        snippet.push('\u{2026}');
    }
    snippet
}

/// Where `terms` occur in `text` (folded as the search folds), as byte ranges of `text`,
/// in order, overlapping ones joined.
fn marks_in(text: &str, terms: &[String]) -> Vec<std::ops::Range<usize>> {
    let folded = folded(text);
    // The byte where each character of `text` starts, and one past the end.
    let starts: Vec<usize> = text
        .char_indices()
        .map(|(byte, _)| byte)
        .chain(std::iter::once(text.len()))
        .collect();
    let char_at = |byte: usize| folded.text[..byte].chars().count();
    let mut marks: Vec<std::ops::Range<usize>> = Vec::new();
    for term in terms {
        for (at, found) in folded.text.match_indices(term.as_str()) {
            let (Some(first), Some(last)) = (
                folded.origin.get(char_at(at)),
                folded
                    .origin
                    .get(char_at(at + found.len()).saturating_sub(1)),
            ) else {
                continue;
            };
            marks.push(starts[*first]..starts[*last + 1]);
        }
    }
    marks.sort_by_key(|mark| (mark.start, mark.end));
    let mut joined: Vec<std::ops::Range<usize>> = Vec::with_capacity(marks.len());
    for mark in marks {
        match joined.last_mut() {
            Some(last) if mark.start <= last.end => last.end = last.end.max(mark.end),
            _ => joined.push(mark),
        }
    }
    joined
}

/// The postmortems that match, best first (then by file).
#[must_use]
pub fn search(docs: &[(std::path::PathBuf, Postmortem)], query: &SearchQuery) -> Vec<SearchHit> {
    let mut hits: Vec<SearchHit> = docs
        .par_iter()
        .filter_map(|(path, doc)| search_document(doc, &path.display().to_string(), query))
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.file.cmp(&b.file)));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Postmortem {
        let mut doc = Postmortem {
            title: "Café checkout outage".to_owned(),
            ..Postmortem::default()
        };
        doc.narrative.root_cause =
            "A connection pool ran dry after the config change to the payments service.".to_owned();
        doc
    }

    #[test]
    fn words_in_any_order_ignoring_case_and_accents_and_phrases_as_written() {
        let doc = doc();
        let hit = search_document(&doc, "a.ron", &SearchQuery::parse("POOL cafe")).unwrap();
        let fields: Vec<&str> = hit.matches.iter().map(|m| m.field.as_str()).collect();
        assert_eq!(fields, ["Title", "Root cause"]);
        assert!(hit.matches[1].snippet.contains("connection pool ran dry"));
        assert!(search_document(&doc, "a.ron", &SearchQuery::parse("\"config change\"")).is_some());
        assert!(search_document(&doc, "a.ron", &SearchQuery::parse("\"change config\"")).is_none());
        assert!(search_document(&doc, "a.ron", &SearchQuery::parse("pool dns")).is_none());
        assert!(search_document(&doc, "a.ron", &SearchQuery::parse("  ")).is_none());
    }

    #[test]
    fn an_attached_graph_is_found_by_its_caption_and_its_name() {
        let mut doc = doc();
        doc.attachments.push(crate::model::Attachment {
            path: "a.files/ab.png".to_owned(),
            caption: "p99 latency of the checkout API".to_owned(),
            original_name: "grafana-export.png".to_owned(),
            ..crate::model::Attachment::default()
        });
        let hit = search_document(&doc, "a.ron", &SearchQuery::parse("latency grafana")).unwrap();
        // Both words are found, in the one attachment, listed once.
        let fields: Vec<&str> = hit.matches.iter().map(|m| m.field.as_str()).collect();
        assert_eq!(fields, ["Attachment 1"]);
        assert_eq!(hit.matches[0].place, Place::Attachment(0));
        assert!(search_document(&doc, "a.ron", &SearchQuery::parse("grafana-export")).is_some());
    }

    #[test]
    fn the_matched_words_are_marked_in_the_snippet_as_written() {
        let doc = doc();
        let hit = search_document(&doc, "a.ron", &SearchQuery::parse("CAFE \"pool ran\"")).unwrap();
        let title = &hit.matches[0];
        let marked: Vec<&str> = title
            .marks
            .iter()
            .map(|mark| &title.snippet[mark.clone()])
            .collect();
        assert_eq!(marked, ["Café"]);
        let cause = &hit.matches[1];
        let marked: Vec<&str> = cause
            .marks
            .iter()
            .map(|mark| &cause.snippet[mark.clone()])
            .collect();
        assert_eq!(marked, ["pool ran"]);
        // Terms that overlap are one mark.
        let joined = marks_in("connection pool", &["pool".to_owned(), "ool".to_owned()]);
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0], 11..15);
    }
}
