//! Scores the readers on real material nobody on the team wrote: published postmortems
//! (`tests/corpus/postmortems`) and chat copies, exports, pager logs and status pages
//! (`tests/corpus/chat`), each beside a hand count of what it holds (`NAME.toml`; the
//! sources and licences are in each folder's `SOURCES.md`).
//!
//! For each kind of source it measures the share of timeline rows that come in with the
//! right time, of action items found, of done items found done, and of words and web
//! addresses kept, and fails when one falls below the floor measured when the reader last
//! improved: the floors only ever go up. Samples marked `held_out` were set aside before
//! the readers were tuned; they are scored apart so the two columns can be compared.
//!
//! `HINDSIGHT_WRITE_CORPUS=1 cargo test --test corpus` rewrites `CORPUS.md` with the board.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use hindsight::export::{ExportOptions, Portion};
use hindsight::model::{ActionStatus, Postmortem, TimelineRow};
use hindsight::sources::{self, ReadingChoices, SlackExport, UnusedReason};
use serde::Deserialize;

/// A sample's hand count.
#[derive(Deserialize)]
struct Expected {
    /// Where the sample came from; its last part is the name the file had there.
    #[serde(default)]
    source: String,
    #[serde(default)]
    held_out: bool,
    #[serde(default)]
    zone: Option<String>,
    #[serde(default)]
    date: Option<NaiveDate>,
    #[serde(default)]
    incident_date: Option<NaiveDate>,
    #[serde(default)]
    tool: Option<String>,
    /// The day a person sets in the import report when the file cannot tell it (a page
    /// titled `Post Mortem March 16` that names no year anywhere), as a chat copy's day is
    /// given: what they know from where the file came from.
    #[serde(default)]
    day_chosen: Option<NaiveDate>,
    timeline: ExpectedTimeline,
    #[serde(default)]
    actions: Option<ExpectedActions>,
}

#[derive(Deserialize)]
struct ExpectedTimeline {
    rows: usize,
    times: Vec<String>,
}

#[derive(Deserialize)]
struct ExpectedActions {
    items: usize,
    done: usize,
}

/// A time as the hand count writes it: an instant, a local date and time, a time of day,
/// or none.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum ExpectedTime {
    Instant(DateTime<Utc>),
    Local(NaiveDateTime),
    TimeOfDay(NaiveTime),
    Untimed,
}

impl ExpectedTime {
    fn read(text: &str) -> Self {
        let text = text.trim();
        if text.is_empty() {
            return Self::Untimed;
        }
        if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
            return Self::Instant(instant.with_timezone(&Utc));
        }
        if let Ok(local) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S") {
            return Self::Local(local);
        }
        if let Ok(time) = NaiveTime::parse_from_str(text, "%H:%M:%S") {
            return Self::TimeOfDay(time);
        }
        panic!("a hand-counted time that is none of the forms: {text:?}");
    }

    /// Whether a read row's time is this one. A local time is compared in the zone the
    /// document reads in, a time of day on any day.
    fn matches(self, read: Option<DateTime<Utc>>, zone: chrono_tz::Tz) -> bool {
        match (self, read) {
            (Self::Untimed, None) => true,
            (Self::Instant(expected), Some(read)) => expected == read,
            (Self::Local(expected), Some(read)) => {
                read.with_timezone(&zone).naive_local() == expected
            }
            (Self::TimeOfDay(expected), Some(read)) => {
                read.with_timezone(&zone).naive_local().time() == expected
            }
            _ => false,
        }
    }
}

/// What one sample scored: found out of expected, for each measure.
#[derive(Clone, Copy, Default)]
struct Score {
    rows: (usize, usize),
    actions: (usize, usize),
    done: (usize, usize),
    words: (usize, usize),
    urls: (usize, usize),
}

impl Score {
    fn add(&mut self, other: Self) {
        for (mine, theirs) in [
            (&mut self.rows, other.rows),
            (&mut self.actions, other.actions),
            (&mut self.done, other.done),
            (&mut self.words, other.words),
            (&mut self.urls, other.urls),
        ] {
            mine.0 += theirs.0;
            mine.1 += theirs.1;
        }
    }
}

/// A sample's name: its file name without the source's ending.
fn sample_name(path: &Path) -> String {
    let name = path.file_name().unwrap().to_string_lossy();
    SOURCE_ENDINGS
        .iter()
        .filter(|ext| !ext.is_empty())
        .find_map(|ext| name.strip_suffix(ext))
        .unwrap_or(&name)
        .to_owned()
}

/// The corpus's folder; `HINDSIGHT_CORPUS=DIR` scores another (a batch being gathered
/// while the readers change, kept apart until it is scored).
fn corpus() -> PathBuf {
    std::env::var_os("HINDSIGHT_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus"),
        PathBuf::from,
    )
}

/// How a sample's source file ends, beside its `.toml` (the last: no ending at all).
const SOURCE_ENDINGS: [&str; 11] = [
    ".md",
    ".markdown",
    ".mdx",
    ".rst",
    ".txt",
    ".log",
    ".json",
    ".xml",
    ".html",
    ".csv",
    "",
];

/// The samples of one folder: each source beside its hand count.
fn samples(folder: &str) -> Vec<(PathBuf, Expected)> {
    let mut found: Vec<(PathBuf, Expected)> = fs::read_dir(corpus().join(folder))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .map(|count| {
            let expected: Expected = toml::from_str(&fs::read_to_string(&count).unwrap())
                .unwrap_or_else(|error| panic!("{}: {error}", count.display()));
            // Names hold dots (`v1.1.0`): strip `.toml` and add the source's own ending.
            let stem = count.to_string_lossy().trim_end_matches(".toml").to_owned();
            let source = SOURCE_ENDINGS
                .iter()
                .map(|ext| PathBuf::from(format!("{stem}{ext}")))
                .find(|path| path.exists())
                .unwrap_or_else(|| panic!("no source beside {}", count.display()));
            (source, expected)
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// Rows present with the right time: each expected time matched to at most one read row.
fn rows_with_the_right_time(
    expected: &ExpectedTimeline,
    rows: &[TimelineRow],
    zone: chrono_tz::Tz,
) -> (usize, usize) {
    let mut unmatched: Vec<Option<DateTime<Utc>>> = rows.iter().map(|row| row.time).collect();
    let mut found = 0;
    let mut wanted: Vec<ExpectedTime> = expected
        .times
        .iter()
        .map(|time| ExpectedTime::read(time))
        .collect();
    // Exact instants first, so a looser form does not take a row an instant needs.
    wanted.sort();
    for time in wanted {
        if let Some(at) = unmatched.iter().position(|read| time.matches(*read, zone)) {
            unmatched.swap_remove(at);
            found += 1;
        }
    }
    (found, expected.rows.max(expected.times.len()))
}

/// Every string the document holds, one per line, then the document as a reader sees it
/// (its Markdown export, empty sections left out): a heading that became a section is kept
/// as that section's heading, a time as the time a row shows.
fn all_text(doc: &Postmortem) -> String {
    let mut out = stored_text(doc);
    out.push_str(&hindsight::export::to_markdown(
        doc,
        ExportOptions {
            skip_empty_sections: true,
            ..ExportOptions::default()
        },
        Portion::Whole,
    ));
    out
}

/// Every string the document holds, one per line.
fn stored_text(doc: &Postmortem) -> String {
    fn walk(value: &serde_json::Value, out: &mut String) {
        match value {
            serde_json::Value::String(text) => {
                out.push_str(text);
                out.push('\n');
            }
            serde_json::Value::Array(items) => items.iter().for_each(|item| walk(item, out)),
            serde_json::Value::Object(fields) => fields.values().for_each(|item| walk(item, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    walk(&serde_json::to_value(doc).unwrap(), &mut out);
    out
}

/// The web addresses written in `text`.
fn urls(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices("http") {
        let rest = &text[at..];
        if !(rest.starts_with("http://") || rest.starts_with("https://")) {
            continue;
        }
        // A Markdown escape (`\(`, `\)`) is part of the address as written, not its end.
        let mut escaped = false;
        let end = rest
            .find(|c: char| {
                let ends = !escaped
                    && (c.is_whitespace()
                        || matches!(c, ')' | ']' | '>' | '"' | '\'' | '<' | '`' | '|'));
                escaped = c == '\\' && !escaped;
                ends
            })
            .unwrap_or(rest.len());
        let url = rest[..end].trim_end_matches(['.', ',', ';', ':']);
        if url.len() > "https://".len() {
            found.push(without_markdown_escapes(url));
        }
    }
    found
}

/// `url` as it reads once Markdown's escapes are undone: `\(` is `(`.
fn without_markdown_escapes(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    let mut chars = url.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The words of `text`: runs of letters and digits of three or more, in lower case, since a
/// heading that became a section ("Lessons Learned" under "Lessons learned") keeps its words
/// in the template's capitals.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect()
}

/// HTML elements a Markdown file writes inline for layout (`<span class="timestamp">`,
/// `<br>`, `<sup>`), those of a chat saved as a web page (`<meta charset=…>`, `<h4>`), and
/// those of a blog post kept as HTML (`<blockquote>`, `<li>`, an embed's `<script>`): their
/// names and attributes are markup, not words anyone wrote.
const HTML_ELEMENTS: [&str; 57] = [
    "span",
    "br",
    "div",
    "p",
    "a",
    "img",
    "sup",
    "sub",
    "details",
    "summary",
    "b",
    "i",
    "em",
    "strong",
    "small",
    "code",
    "kbd",
    "font",
    "center",
    "hr",
    "html",
    "head",
    "body",
    "meta",
    "link",
    "title",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tbody",
    "thead",
    "tr",
    "th",
    "td",
    "blockquote",
    "pre",
    "script",
    "ul",
    "ol",
    "li",
    "u",
    "s",
    "del",
    "ins",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "figure",
    "figcaption",
    "cite",
    "caption",
];

/// `text` without its inline HTML tags; the addresses inside them are counted apart.
fn without_html_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tag = &rest[open + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        match tag.find('>') {
            Some(close) if HTML_ELEMENTS.contains(&name.as_str()) => {
                out.push(' ');
                rest = &tag[close + 1..];
            }
            _ => {
                out.push('<');
                rest = tag;
            }
        }
    }
    out.push_str(rest);
    without_character_references(&out)
}

/// `text` without HTML's character references (`&nbsp;`, `&amp;`, `&#8217;`): they write a
/// character, and their names are no words anyone wrote.
fn without_character_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let name_end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(after.len());
        if name_end > 0 && after[name_end..].starts_with(';') {
            out.push(' ');
            rest = &after[name_end + 1..];
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Words and addresses of `source` found in `kept`.
fn kept(source: &str, kept: &str) -> ((usize, usize), (usize, usize)) {
    let kept_words: std::collections::HashSet<String> = words(kept).into_iter().collect();
    let source_text = without_html_tags(source);
    let source_words = words(&source_text);
    let words_kept = source_words
        .iter()
        .filter(|word| kept_words.contains(*word))
        .count();
    let source_urls = urls(source);
    let urls_kept = source_urls
        .iter()
        .filter(|url| kept.contains(url.as_str()))
        .count();
    (
        (words_kept, source_words.len()),
        (urls_kept, source_urls.len()),
    )
}

fn score_postmortem(path: &Path, expected: &Expected) -> Score {
    let text = fs::read_to_string(path).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    // The file's name as it was published (`2019-03-18-galaxy-downtime.md`), which a person
    // importing it would have; the corpus's own names carry the hand-counted day. A page's
    // address that ends in `/` names it by the part before.
    let published_name = expected
        .source
        .split(['#', '?'])
        .next()
        .and_then(|address| address.rsplit('/').find(|part| !part.is_empty()))
        .map(str::to_owned);
    let mut choices = sources::markdown::MarkdownChoices {
        file_name: published_name,
        ..sources::markdown::MarkdownChoices::default()
    };
    choices.reading.day = expected.day_chosen;
    let imported = sources::markdown::import_markdown_with(&text, today, &choices);
    let doc = &imported.doc;
    let mut score = Score {
        rows: rows_with_the_right_time(&expected.timeline, &doc.timeline, doc.time_zone),
        ..Score::default()
    };
    if let Some(actions) = &expected.actions {
        let done = doc
            .action_items
            .iter()
            .filter(|item| item.status == ActionStatus::Done)
            .count();
        // An item read that the hand count does not hold (a sub-bullet, a sentence that only
        // sounds like work) costs as much as one missed, so reading more cannot buy a score.
        let found = doc.action_items.len();
        let extra = found.saturating_sub(actions.items);
        score.actions = (
            found.min(actions.items).saturating_sub(extra),
            actions.items,
        );
        // So with items read as done that the hand count holds open.
        let done_extra = done.saturating_sub(actions.done);
        score.done = (
            done.min(actions.done).saturating_sub(done_extra),
            actions.done,
        );
    }
    (score.words, score.urls) = kept(&text, &all_text(doc));
    report_lost(path, &text, &all_text(doc));
    score
}

/// With `HINDSIGHT_CORPUS_LOST=1`, lists the words a sample lost, to see what a reader drops.
fn report_lost(path: &Path, source: &str, kept: &str) {
    if std::env::var_os("HINDSIGHT_CORPUS_LOST").is_none() {
        return;
    }
    let kept_words: std::collections::HashSet<String> = words(kept).into_iter().collect();
    let source_text_for_urls = source;
    let source = without_html_tags(source);
    let lost: Vec<String> = words(&source)
        .into_iter()
        .filter(|word| !kept_words.contains(word))
        .collect();
    #[allow(
        clippy::print_stderr,
        reason = "asked for by the environment variable, to read beside the board"
    )]
    {
        eprintln!("{}: lost {}", sample_name(path), lost.join(" "));
        for url in urls(source_text_for_urls) {
            if !kept.contains(url.as_str()) {
                eprintln!("{}: lost address {url}", sample_name(path));
            }
        }
    }
}

fn score_chat(path: &Path, expected: &Expected) -> Score {
    let zone: chrono_tz::Tz = expected
        .zone
        .as_deref()
        .map_or(chrono_tz::UTC, |zone| zone.parse().unwrap());
    // What a person knows about the copy (its day and zone, from the file's name or the
    // page it came from) is given as the command line's --date and --zone give it.
    let doc = Postmortem {
        time_zone: zone,
        ..Postmortem::default()
    };
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let day = expected.date.or(expected.incident_date);
    let (rows, source_text) = if path.is_dir() {
        let mut export = SlackExport::open(path).unwrap();
        let channels: Vec<String> = export.channel_names().map(str::to_owned).collect();
        let mut rows = Vec::new();
        for channel in channels {
            rows.extend(export.rows(&channel, None).unwrap_or_default());
        }
        (rows, String::new())
    } else {
        let text = fs::read_to_string(path).unwrap();
        let kind = sources::detect(&text);
        let choices = ReadingChoices {
            zone: Some(zone),
            day,
            ..ReadingChoices::default()
        };
        let imported = sources::import(&text, kind, &doc, today, &choices).ok();
        // Joins, parts and quits are left out by design (issue #25), and a logger's mark of
        // the day dates the lines below: their words are not the conversation's, so they
        // count neither kept nor lost.
        let left_out: Vec<usize> = imported
            .iter()
            .flat_map(|imported| imported.unused.iter().flatten())
            .filter(|unused| {
                matches!(
                    unused.reason,
                    UnusedReason::ChannelEvent | UnusedReason::LogMark
                )
            })
            .map(|unused| unused.line)
            .collect();
        let counted: String = text
            .lines()
            .enumerate()
            .filter(|(index, _)| !left_out.contains(&(index + 1)))
            .map(|(_, line)| line)
            .collect::<Vec<_>>()
            .join("\n");
        let rows = imported.map(|imported| imported.rows).unwrap_or_default();
        // A structured export's keys and ids (JSON lines saved as `.txt`) are no words of
        // the conversation: only text read as lines is scored for its words.
        let counted = if kind == sources::SourceKind::Text {
            counted
        } else {
            String::new()
        };
        (rows, counted)
    };
    let rows: Vec<TimelineRow> = rows.into_iter().map(|row| row.row).collect();
    let mut score = Score {
        rows: rows_with_the_right_time(&expected.timeline, &rows, zone),
        ..Score::default()
    };
    if !source_text.is_empty() && path.extension().is_none_or(|ext| ext != "json") {
        let doc = Postmortem {
            timeline: rows,
            ..Postmortem::default()
        };
        (score.words, score.urls) = kept(&source_text, &all_text(&doc));
        report_lost(path, &source_text, &all_text(&doc));
    }
    score
}

fn percent((found, of): (usize, usize)) -> String {
    if of == 0 {
        "–".to_owned()
    } else {
        format!("{:.0}% ({found}/{of})", found as f64 * 100.0 / of as f64)
    }
}

fn share((found, of): (usize, usize)) -> f64 {
    if of == 0 {
        1.0
    } else {
        found as f64 / of as f64
    }
}

/// The board: per kind, tuned and held-out samples apart, and per sample.
struct Board {
    kinds: BTreeMap<(String, bool), (usize, Score)>,
    samples: Vec<(String, String, bool, Score)>,
    /// Samples in formats no reader reads yet (`tests/corpus/unread`): scored apart, toward
    /// no floor, to show what a reader for each would gain.
    unread: Vec<(String, String, Score)>,
}

fn board() -> Board {
    let mut board = Board {
        kinds: BTreeMap::new(),
        samples: Vec::new(),
        unread: Vec::new(),
    };
    let mut record = |kind: String, name: String, held_out: bool, score: Score| {
        let entry = board
            .kinds
            .entry((kind.clone(), held_out))
            .or_insert((0, Score::default()));
        entry.0 += 1;
        entry.1.add(score);
        board.samples.push((kind, name, held_out, score));
    };
    for (path, expected) in samples("postmortems") {
        let score = score_postmortem(&path, &expected);
        let name = sample_name(&path);
        record(
            "Markdown postmortem".to_owned(),
            name,
            expected.held_out,
            score,
        );
    }
    for (path, expected) in samples("chat") {
        let score = score_chat(&path, &expected);
        let name = sample_name(&path);
        let tool = expected.tool.clone().unwrap_or_else(|| "other".to_owned());
        let kind = tool.split('-').next().unwrap_or("other").to_owned();
        record(kind, name, expected.held_out, score);
    }
    for (path, expected) in samples("unread") {
        let score = score_chat(&path, &expected);
        let tool = expected.tool.clone().unwrap_or_else(|| "other".to_owned());
        board.unread.push((tool, sample_name(&path), score));
    }
    board
}

/// A score's cells of a board row, from "held out" on.
fn score_cells(held_out: bool, score: &Score) -> String {
    [
        if held_out { "yes" } else { "no" }.to_owned(),
        percent(score.rows),
        percent(score.actions),
        percent(score.done),
        percent(score.words),
        percent(score.urls),
    ]
    .join(" | ")
}

fn markdown(board: &Board) -> String {
    let mut out = String::from(
        "# Corpus scoreboard\n\nWritten by `HINDSIGHT_WRITE_CORPUS=1 cargo test --test corpus` \
         from the real samples in `tests/corpus/` (sources and licences in each folder's \
         `SOURCES.md`). Rows: timeline rows present with the right time. Held-out samples \
         were set aside before the readers were tuned.\n\n\
         | kind | samples | held out | rows | action items | done | words kept | addresses kept |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for ((kind, held_out), (count, score)) in &board.kinds {
        let _ = writeln!(
            out,
            "| {kind} | {count} | {} |",
            score_cells(*held_out, score)
        );
    }
    let (count, whole) = whole_corpus(board);
    let _ = writeln!(
        out,
        "| **whole corpus** | {count} | both | {} |",
        score_cells(false, &whole)
            .split_once(" | ")
            .map_or_else(String::new, |(_, cells)| cells.to_owned())
    );
    out.push_str(
        "\n## Per sample\n\n| kind | sample | held out | rows | action items | done | words | addresses |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for (kind, name, held_out, score) in &board.samples {
        let _ = writeln!(
            out,
            "| {kind} | {name} | {} |",
            score_cells(*held_out, score)
        );
    }
    out.push_str(
        "\n## Formats not read yet\n\nReal samples in formats no reader reads today \
         (`tests/corpus/unread`), scored apart and toward no floor: what a reader for each \
         would gain.\n\n| tool | sample | rows |\n| --- | --- | --- |\n",
    );
    for (tool, name, score) in &board.unread {
        let _ = writeln!(out, "| {tool} | {name} | {} |", percent(score.rows));
    }
    out
}

/// Every sample of every kind together, and how many samples that is.
fn whole_corpus(board: &Board) -> (usize, Score) {
    let mut whole = Score::default();
    let mut count = 0;
    for (samples, score) in board.kinds.values() {
        whole.add(*score);
        count += samples;
    }
    (count, whole)
}

/// What the readers reach on the whole corpus: rows present with the right time, and action
/// items found, as issue #25 asks. The items fell below 0.90 with session 15's held-out
/// postmortems and came back above it in session 16, when headings about avoiding and
/// preventing, findings lists, prohibitions and work enumerated in a sentence were read.
/// Session 23's second postmortem batch (items 29% before any change) took them to 0.895;
/// they came back above 0.90 when its labelled lists, nested work and pre-agreed plans
/// were read.
const WHOLE_CORPUS: (f64, f64) = (0.95, 0.90);

/// The shares measured when the readers last improved, all samples of a kind together:
/// (rows, action items, words, addresses). A change that reads less fails here; one that
/// reads more raises these.
const FLOORS: [(&str, f64, f64, f64, f64); 37] = [
    // Held-out samples added in session 14 lowered the rows and items measured: two tell
    // their timeline as prose with times inside the sentences (matrix.org, TorBox) and one
    // hides its action items in prose under "Lessons learned". Session 15's two held-out
    // batches lowered both again, scored before any change and fixed only for general causes:
    // a timeline of 22 untimed steps under "Tasks performed", a table with the times in two
    // zones' columns, response steps told without times; items written as commitments in
    // prose under "Resolutions" or "Lessons learned", rules in a numbered list after a list
    // of causes, fixes under a bold label in a custom section. A third batch added times
    // written as links to the chat (`[1758](…): …`) and weekdays dated from a blog's
    // publication date, both read since; the rows' floor is where they stand at the end.
    // Session 21's batch (scored before any change at rows 65%, items 55%) raised both once
    // read: a paragraph of several commitments, stamps with their zone as headings, a city
    // after every time, causes introduced as such, work in other languages. Its second batch
    // (rows 36%, items 38% before any change) was fixed to rows 95% and items 71%; the items
    // it still misses (commitments in prose outside an action heading) hold the floor at 0.90.
    // Session 22's second batch (rows 34% before any change, none made for it) tells its
    // times in prose, in a field list's labels and in dated updates with no clock time: the
    // rows' floor goes to 0.90.
    // Session 27's batch (rows 43%, items 17% before any change) is mostly pages' text with
    // no Markdown marks; fixed to rows 59% and items 88%. The rows it still misses are days,
    // zones and a year no line of the files writes, and `PST` in July, which its hand count
    // reads as the Pacific clock where earlier counts read it as written: both floors stay.
    // Its second batch, one incident log of days on lines of their own over lists that mix
    // the day's story with task boxes (12 rows, 11 with no clock time; none read before),
    // is read since as a row a dated entry. Session 28's batches add prose posts whose rows
    // hang on days told relative to others (`the following day`), a page with no year in it
    // and `CET` written in July: the rows' floor stands a little under 0.90 for them.
    // Session 29's batches add status pages whose updates carry no time (x4b's ten
    // `*Update*` paragraphs), a page's stamps in escaped brackets (`**\[ Update Mar 3, 13:40
    // a.m.]**`) and a status page kept as `.html`: the floor at 0.89.
    // Session 33's 28 pages (status pages' and blogs' text, Chinese statements with no
    // year, issues cut at an excerpt's end), moved in in session 34, hold both there: a
    // weekday that fits a later year, a status page's updates run together in one
    // paragraph, and work told in prose by a team that names itself.
    ("Markdown postmortem", 0.89, 0.90, 0.99, 0.99),
    // The words and addresses an IRC copy loses are in the page around its log (front
    // matter, the meeting's notes), listed as no message rather than made rows.
    // Joins, parts and quits are left out by design and their words not counted.
    ("irc", 0.99, 1.0, 0.96, 0.87),
    // Monitoring logs (session 30): the words they lose are their stamps (seconds since
    // 1970, `ctime`'s weekday and month), read into the rows' times, and logfmt's `msg` key.
    // Session 31's whole day of a Nagios log is 118 short lines, each stamped in seconds.
    ("nagios", 1.0, 1.0, 0.88, 1.0),
    ("alertmanager", 1.0, 1.0, 0.9, 1.0),
    // The words a Discord copy loses are its "Today" and "Yesterday", read into the rows' dates.
    // Session 22's exports add the exporter's header (guild, channel, topic and its links,
    // listed as a page's settings) and the CSV's column names and author ids; session 24's
    // archiver dump, its thread's header and every message's numeric ids. Session 32's two
    // copies inside notes: a README whose links above the chat are no message (its addresses
    // are lost as the page around a log's are), and a second thread that heads each message
    // `#### name` with no time and no row yet.
    ("discord", 0.97, 1.0, 0.96, 0.80),
    // Session 28's thread copy goes on into a GitHub review thread whose headers
    // (`## @Hun-Kang Hun-Kang 4 hours ago •`) no reader takes for a message's yet.
    ("slack", 0.97, 1.0, 0.96, 0.89),
    // IRCCloud's page copy, and a Mastodon instance's status log.
    ("irccloud", 1.0, 1.0, 1.0, 1.0),
    ("instance", 1.0, 1.0, 0.94, 1.0),
    // Session 24's 1998 event log (held out) dates two entries without a time: a date line,
    // then the paragraph, which no reader makes an untimed row yet; its page's notes above
    // the log are no rows either. Session 25's status desk is quoted inside a blogger's
    // post: the post's own prose around the three updates is lines that made no row, so
    // the words' floor goes to 0.80. Session 35 reads a log whose last stamp is followed by
    // its post's `</details>`: the words' floor goes to 0.86.
    ("statuspage", 0.96, 1.0, 0.86, 1.0),
    ("opsgenie", 1.0, 1.0, 1.0, 1.0),
    // The web timeline's copy: its `Time  Activity` header names the columns, and the
    // month of its `May 14, 2015 at 2:36 PM` stamps is read into the rows' times.
    // Session 22's is a write-up pasted whole, its timeline under `### 1:06 PM` headings:
    // its summary and its sections around the timeline are lines that made no row.
    // Session 23's is PagerDuty's postmortem page saved as HTML, whole: its report around
    // the timeline (what happened, owners, the links it lists, written with `&amp;` as HTML
    // escapes them) is lines that made no row, listed in the preview and left out.
    ("pagerduty", 1.0, 1.0, 0.65, 0.65),
    // Session 37's Skype chat is quoted inside a blog post: the blogger's prose around the
    // seven messages is lines that made no row, listed in the preview and left out.
    ("skype", 1.0, 1.0, 0.91, 1.0),
    // Session 20's Teams copy opens with a page's notes and two links above the first
    // message, listed as no message, and its `[Yesterday …]` stamps are read into the rows'
    // dates.
    // Session 31's copy sits inside a project's whole notes file: the notes and their
    // links around the chat are lines listed as no message.
    ("teams", 1.0, 1.0, 0.94, 0.8),
    ("whatsapp", 1.0, 1.0, 1.0, 1.0),
    // Session 22's export as a web page holds three messages with no text at all (an
    // attachment the export drew as nothing), which the hand count counts as rows and the
    // reader lists as times with no message; the words it loses are the weekday, month and
    // zone of each `(Tue, 23 Jul 2019 09:24:01 GMT)`, read into the rows' times.
    ("rocketchat", 0.83, 1.0, 0.8, 1.0),
    // Zoom's `From … to Everyone:` around each message, and the page's heading above it.
    ("zoom", 1.0, 1.0, 0.81, 1.0),
    // Session 27's: an ISP's 1997 status log, one entry timed `??:??` (a row with no time the
    // reader does not make) and its ticket numbers and page text around the entries; an
    // outage history, its column header; a hosted status page; Statusfy's incidents, one of
    // them its built page, whose words are mostly its inline style sheet and its script's
    // second copy of the updates.
    ("isp", 0.88, 1.0, 0.48, 1.0),
    ("outage", 1.0, 1.0, 0.94, 1.0),
    ("status", 1.0, 1.0, 0.91, 1.0),
    ("statusfy", 1.0, 1.0, 0.06, 0.12),
    // The archive's page heading and its stream and topic lines.
    ("zulip", 1.0, 1.0, 0.95, 1.0),
    // A channel's purpose, set by the bot, is no row. Session 22's sample is a write-up
    // pasted whole whose ops log is the timeline: its summary, root cause and links are the
    // postmortem's text, which a timeline import lists as lines that made no row.
    ("incident", 1.0, 1.0, 0.62, 0.57),
    // A room's export header (`# room:`, `# exported:`) and the log lines quoted inside a
    // message's code block are its text, not rows. Session 22's log stamps its messages to
    // the ten-thousandth of a second (`[09:59:47.0283]`), read into the rows' times.
    ("matrix", 1.0, 1.0, 0.94, 1.0),
    // The first message's author is `dicha?`, a nickname a name's rules do not take (a `?`
    // ends sentences), so its link is listed as no message.
    ("telegram", 0.94, 1.0, 0.99, 0.0),
    ("firehydrant", 1.0, 1.0, 1.0, 1.0),
    ("victorops", 1.0, 1.0, 1.0, 1.0),
    // Alert and event logs gathered in sessions 35 and 36. A Monit log's `'mopidy' process
    // is not running` lines keep their words; the log's own header lines and a kernel
    // log's register dumps are the words dropped.
    ("healthchecks", 1.0, 1.0, 0.88, 1.0),
    ("librenms", 1.0, 1.0, 1.0, 1.0),
    ("monit", 0.96, 1.0, 0.86, 1.0),
    ("netdata", 1.0, 1.0, 0.95, 1.0),
    ("dmesg", 1.0, 1.0, 0.80, 1.0),
    // Ops logs gathered in session 37. Their stamps' own words (a host's name, `heroku[web.1]`,
    // a journal's `systemd[1]:`, a level and a component) lead each line and are read as
    // its source, not kept as its event's words; a supervisorctl status table has no times.
    ("heroku", 1.0, 1.0, 0.57, 1.0),
    ("hubot", 1.0, 1.0, 0.57, 1.0),
    ("icinga2", 1.0, 1.0, 0.54, 1.0),
    ("kubernetes", 1.0, 1.0, 0.90, 1.0),
    ("supervisord", 1.0, 1.0, 0.77, 1.0),
    ("systemd", 1.0, 1.0, 0.54, 0.0),
];

#[test]
fn the_readers_score_at_least_their_floors_on_real_material() {
    let board = board();
    let text = markdown(&board);
    if std::env::var_os("HINDSIGHT_WRITE_CORPUS").is_some() {
        fs::write(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("CORPUS.md"),
            &text,
        )
        .unwrap();
    }
    let mut totals: BTreeMap<&str, Score> = BTreeMap::new();
    for ((kind, _), (_, score)) in &board.kinds {
        totals.entry(kind.as_str()).or_default().add(*score);
    }
    for (kind, rows, actions, words, urls) in FLOORS {
        let score = totals[kind];
        let measured = [
            share(score.rows),
            share(score.actions),
            share(score.words),
            share(score.urls),
        ];
        for (name, floor, value) in [
            ("rows", rows, measured[0]),
            ("action items", actions, measured[1]),
            ("words", words, measured[2]),
            ("addresses", urls, measured[3]),
        ] {
            assert!(
                value + 1e-9 >= floor,
                "{kind}: {name} fell to {value:.3} below the floor {floor:.3}\n{text}"
            );
        }
    }
    let (_, whole) = whole_corpus(&board);
    let (rows, actions) = WHOLE_CORPUS;
    assert!(
        share(whole.rows) >= rows,
        "whole corpus: rows at {:.3}, below {rows}\n{text}",
        share(whole.rows)
    );
    assert!(
        share(whole.actions) >= actions,
        "whole corpus: action items at {:.3}, below {actions}\n{text}",
        share(whole.actions)
    );
}

#[test]
fn every_sample_has_its_source_and_a_consistent_count() {
    for folder in ["postmortems", "chat", "unread"] {
        let listed = fs::read_to_string(corpus().join(folder).join("SOURCES.md")).unwrap();
        for (path, expected) in samples(folder) {
            let name = sample_name(&path);
            assert!(
                listed.contains(&name),
                "{name} is not in {folder}/SOURCES.md"
            );
            assert_eq!(
                expected.timeline.rows,
                expected.timeline.times.len(),
                "{name}: rows and times disagree"
            );
            if let Some(actions) = &expected.actions {
                assert!(
                    actions.done <= actions.items,
                    "{name}: more done than items"
                );
            }
        }
    }
}
