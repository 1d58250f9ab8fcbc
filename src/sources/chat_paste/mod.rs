//! Turning text copied from where an incident was worked — a chat, a pager's log, a table in
//! a document — into timeline rows, keeping every line accounted for.
//!
//! It reads, line by line:
//! - lines that start with a time: `14:03 alert fired`, `[14:03] …`, `14:07:10 alice: …`,
//!   `- 13:08 …`, `1. 13:08 …`, `2015-10-06T21:30:42Z …`, `14:20 UTC: …`, IRC and Matrix
//!   logs (`[14:03] <alice> …`, `14:03 * alice …`);
//! - messages copied from Slack or Mattermost (`Alice R.  2:03 PM` on a line of its own, the
//!   message below; further messages of the same person start with a bare `2:04`) and from
//!   Microsoft Teams (`[2:03 PM] Alice R.` or `[10:42 • 13/08/2024] Alice R.:` above the
//!   message): one row per message, its lines joined;
//! - dates on a line of their own (`2015-10-21 (all times UTC)`, `Friday, 26 July 2024`),
//!   which date the times below and may name their zone;
//! - Markdown table rows and rows copied from a spreadsheet (tab-separated), with a header
//!   row saying which column is which.
//!
//! Whatever does not become part of a row is listed with the reason.

mod csv_export;
mod diff;
mod front_matter;
mod html_page;
mod inline_html;
mod irc;
mod line_marks;
#[cfg(test)]
mod log_tests;
mod resolve;
mod shapes;
mod speakers;
mod table_rows;
#[cfg(test)]
mod tests;
mod times_after;

pub use line_marks::{after_a_step_number, restated_time, time_link};
pub(crate) use line_marks::{is_a_status_word, labelled_time, status_label};
pub use resolve::{
    PasteContext, ResolvedPaste, ResolvedRow, notes_with_day, resolve_paste, runs_newest_first,
};
pub use times_after::{
    ends_with_dated_stamp, is_a_posted_stamp, is_dated_stamp, times_follow_messages,
};

use front_matter::front_matter;
use line_marks::{
    bracketed_time, is_bare_time, leading_tag, strip_edited, strip_leading_emphasis,
    strip_list_marker, strip_separators,
};

use crate::model::{
    DayOrder, Offset, PasteZone, PastedDate, WrittenDay, WrittenTime, opens_with_a_told_time,
    read_byline_day, read_clock, read_date_line, read_log_day_marker, read_offset, read_unix_stamp,
};

use shapes::{
    after_city, city_after_times, fenced_logs, glued_header, heads_with_bracketed_times,
    heads_with_name_space_time, is_a_fence, names_below_times,
};
use speakers::{
    actor_and_event, labelled_author_and_time, looks_like_a_name, name_then_dated_time,
    name_then_relative_stamp, name_then_time,
};
use table_rows::{TableColumns, table_cells};

/// A date line above pasted times: the day they are on, and the zone it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayLine {
    /// The line's number, from 1.
    pub line: usize,
    /// The date.
    pub date: PastedDate,
    /// The zone it says the times are in.
    pub zone: Option<PasteZone>,
}

/// One row read from the paste.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedRow {
    /// The lines it was read from, numbered from 1.
    pub lines: Vec<usize>,
    /// Its time as written; `None` for a message copied without one (Zulip copies
    /// `Name: text` and no time).
    pub clock: Option<WrittenTime>,
    /// Its time written as an offset from the first time above (`T+15m`, `[+1 hrs]`),
    /// when it was written so; `clock` is then `None`.
    pub offset: Option<Offset>,
    /// The date line above it, if there is one.
    pub day: Option<DayLine>,
    /// Who wrote it or did it.
    pub actor: Option<String>,
    /// What happened.
    pub event: String,
    /// Notes beside it (from a table's other columns).
    pub notes: String,
    /// A link to where it can be seen (from a table's evidence or link column).
    pub evidence: String,
}

impl PastedRow {
    /// The message goes on with `text`, read from line `number`.
    fn go_on(&mut self, number: usize, text: &str) {
        if !self.event.is_empty() {
            self.event.push(' ');
        }
        self.event.push_str(text);
        self.lines.push(number);
    }
}

/// Why a line did not become part of a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnusedReason {
    /// It does not start with a time, and no message is open to add it to.
    NoTime,
    /// A time with nothing after it, and no message lines below.
    NoMessage,
    /// A table's header row: it names the columns.
    TableHeader,
    /// The rule under a Markdown table's header.
    TableRule,
    /// A table row with a time but no event.
    EmptyRow,
    /// Its time could not be placed (a time skipped by a clock change, a year out of range).
    Time(String),
    /// A chat's join, part, quit, nick or mode change: who came and went, not what happened.
    ChannelEvent,
    /// A page's settings block (front matter) at the top of a copied file.
    FrontMatter,
    /// A logging program's own line that marks the day (`--- Day changed Sun Oct 15 2006`):
    /// it dates the lines below and tells nothing that happened.
    LogMark,
    /// A post's byline (`Posted by Status Desk on December 23rd, 2009 at 04:57 pm PST`): it
    /// dates the updates below it and is not one of them.
    Byline,
    /// A line of ```` ``` ```` around a log pasted in a page: it marks where the log begins
    /// or ends.
    LogFence,
    /// A line of the diff a log was copied from (the commit's header, a file's name, a
    /// hunk's header) or a line the diff removes: not the log as it stands.
    DiffLine,
}

impl std::fmt::Display for UnusedReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoTime => f.write_str("no time at the start"),
            Self::NoMessage => f.write_str("a time with no message after it"),
            Self::TableHeader => f.write_str("a table's header (it names the columns)"),
            Self::TableRule => f.write_str("the rule under a table's header"),
            Self::EmptyRow => f.write_str("a table row with a time but no event"),
            Self::Time(reason) => f.write_str(reason),
            Self::ChannelEvent => f.write_str(
                "a join, part, quit or nick change (left out: it says who came and went)",
            ),
            Self::FrontMatter => f.write_str("a page's settings block (front matter)"),
            Self::LogMark => f.write_str("the log's mark of the day (it dates the lines below)"),
            Self::Byline => f.write_str("a post's byline (it dates the updates below it)"),
            Self::LogFence => f.write_str("the fence around a log pasted in the page"),
            Self::DiffLine => {
                f.write_str("a line of the diff the log was copied from, not of the log")
            }
        }
    }
}

/// A line that did not become part of a row, with why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnusedLine {
    /// The line's number, from 1.
    pub line: usize,
    /// The line as pasted (trimmed).
    pub text: String,
    /// Why it was not used.
    pub reason: UnusedReason,
}

/// What a paste gave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChatPaste {
    /// The rows, in the order they were pasted.
    pub rows: Vec<PastedRow>,
    /// The non-blank lines that are in no row and date no row, in order.
    pub unused: Vec<UnusedLine>,
    /// The lines that are dates, which date the rows below them.
    pub date_lines: Vec<usize>,
    /// Whether the paste's own dates prove `03/04` day-first or month-first; `None` when
    /// none tells, and the document's zone decides.
    pub day_order: Option<DayOrder>,
    /// Whether each row's time was written after its message, as a status page stamps its
    /// updates (`Posted Nov 17, 2022 - 19:31 CET`).
    pub stamped_below: bool,
}

/// Reads pasted text. Blank lines are skipped; every other line ends up in a row, dates the
/// rows below it, or is listed in [`ChatPaste::unused`].
#[must_use]
pub fn parse_chat(text: &str) -> ChatPaste {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    csv_export::csv_export(text).unwrap_or_else(|| parse_lines(text, true))
}

/// Reads entries one to a line, each already whole (a Markdown timeline's items, their
/// wrapped lines joined): a line without a time never goes on with the entry above.
#[must_use]
pub fn parse_entries(text: &str) -> ChatPaste {
    parse_lines(text, false)
}

/// Reads lines as a paste; `wrapped` when a line right below a one-line message may be
/// that message wrapped, as in a log.
fn parse_lines(text: &str, wrapped: bool) -> ChatPaste {
    // A byte-order mark and old Mac line endings (CR alone) come with some exports.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Skype and Windows put invisible marks of writing direction inside dates
    // (`[\u{200e}1/\u{200e}26/\u{200e}2017 9:05 AM]`), and Teams a zero-width space before
    // each message's header: they say nothing and hide what a line begins with.
    let unmarked;
    let text = if text.contains(is_invisible_mark) {
        unmarked = text.replace(is_invisible_mark, "");
        unmarked.as_str()
    } else {
        text
    };
    let unified;
    let text = if text.contains('\r') {
        unified = text.replace("\r\n", "\n").replace('\r', "\n");
        unified.as_str()
    } else {
        text
    };
    // A chat saved as a web page: its lines as the page shows them.
    let page = html_page::page_text(text);
    let text = page.as_deref().unwrap_or(text);
    // A chat archive rendered to Markdown styles its words with inline HTML.
    let plain = inline_html::without_inline_html(text);
    let mut lines: Vec<&str> = unquoted(plain.lines().collect());
    let diff_lines = diff::lines_after_the_change(&mut lines);
    let (mut settings, published) = front_matter(&mut lines);
    settings.extend(diff_lines);
    settings.sort_by_key(|unused| unused.line);
    if times_after::times_follow_messages(&lines) {
        let mut paste = times_after::read(&lines);
        paste.day_order = DayOrder::found_in(&lines);
        paste.unused.splice(0..0, settings);
        return paste;
    }
    let mut reader = Reader {
        shape: Shape {
            name_space_time: heads_with_name_space_time(&lines),
            lines_wrap: wrapped,
            city_after_times: city_after_times(&lines),
            names_below_times: names_below_times(&lines),
            glued_times: shapes::opens_with_glued_times(&lines),
        },
        ..Reader::default()
    };
    reader.paste.unused = settings;
    reader.log_fences = fenced_logs(&lines);
    if let Some(published) = published {
        reader.paste.date_lines.push(published.line);
        reader.day = Some(published);
    }
    let headed_by_brackets = heads_with_bracketed_times(&lines);
    for (index, line) in lines.iter().enumerate() {
        let next = lines[index + 1..]
            .iter()
            .find(|line| !line.trim().is_empty())
            .copied();
        // Teams copies a link's preview card, or its "Edited" mark, without a line break
        // after it: the next message's header ends the line. Both parts keep the line's
        // number.
        if let Some(at) = glued_header(line).filter(|_| headed_by_brackets) {
            reader.line(index + 1, &line[..at], Some(&line[at..]));
            reader.line(index + 1, &line[at..], next);
        } else {
            reader.line(index + 1, line, next);
        }
    }
    reader.close_message();
    reader.settle_stamps_alone();
    reader.paste.day_order = DayOrder::found_in(&lines);
    reader.paste
}

/// The lines of a paste quoted line by line (`> [Sun Sep 13 21:15:40 2020] HOST ALERT: …`,
/// as a log is pasted into an issue or an e-mail) without their quote marks; other pastes
/// as they are.
fn unquoted(lines: Vec<&str>) -> Vec<&str> {
    let mut written = lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .peekable();
    if written.peek().is_none() || !written.all(|line| line.trim_start().starts_with('>')) {
        return lines;
    }
    lines
        .into_iter()
        .map(|line| {
            let quoted = line.trim_start();
            let inside = quoted.strip_prefix('>').unwrap_or(quoted);
            // A mark alone stays, listed as it was: it is a line of the paste.
            if inside.trim().is_empty() {
                line
            } else {
                inside.strip_prefix(' ').unwrap_or(inside)
            }
        })
        .collect()
}

/// A line that sets the day of the lines below: a date alone (`Tuesday, 5 March 2024`,
/// `### 5/27`) or a logging program's mark of the day (`--- Day changed Sun Oct 15 2006`).
fn day_line(line: &str) -> Option<(PastedDate, Option<PasteZone>)> {
    read_date_line(line).or_else(|| read_log_day_marker(line))
}

/// A mark of writing direction, or a zero-width space, word joiner or byte-order mark
/// inside the text: invisible, and no part of any word (the zero-width joiner of emoji
/// sequences is not one of them).
fn is_invisible_mark(c: char) -> bool {
    is_direction_mark(c) || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// An invisible mark of writing direction: left-to-right and right-to-left marks, embeddings,
/// overrides and isolates.
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Reads a table whose cells are already split (a Markdown document's table, read by a
/// Markdown parser): `header` names the columns, each row comes with its line number and
/// its text as written, for the list of what made no row.
#[must_use]
pub fn parse_table(header: &[String], rows: &[(usize, String, Vec<String>)]) -> ChatPaste {
    let mut reader = Reader {
        columns: TableColumns::of_header(header),
        ..Reader::default()
    };
    for (line, text, cells) in rows {
        reader.table_row(*line, text, cells);
    }
    let texts: Vec<&str> = rows.iter().map(|(_, text, _)| text.as_str()).collect();
    reader.paste.day_order = DayOrder::found_in(&texts);
    reader.paste
}

/// Whether a line with tabs is a chat log's line: a time at its start (in brackets or not),
/// then a nick in angle brackets or an action's `*`, with tabs between them
/// (`[2021-06-01T15:58:27.239Z]\t<heather>\tpresent+`, `[Tue 11:06:23] <manu>\tAgenda`).
fn is_a_log_line_with_tabs(raw: &str) -> bool {
    if !raw.contains('\t') || raw.trim_start().starts_with('|') {
        return false;
    }
    let spaced = raw.replace('\t', " ");
    let text = spaced.trim_start().trim_start_matches('[');
    let Some((_, rest)) = read_clock(text) else {
        return false;
    };
    let rest = rest.trim_start_matches(']').trim_start();
    rest.starts_with('<') || rest.starts_with("* ")
}

/// A line of a meeting recording's chat (Zoom writes one with each cloud recording): the
/// time into the recording, the sender with a colon, and the text, set apart by tabs.
fn recording_chat_line(raw: &str) -> Option<(&str, &str, &str)> {
    let mut parts = raw.splitn(3, '\t');
    let (into, sender, text) = (parts.next()?.trim(), parts.next()?, parts.next()?);
    let stamp = into.split(':').collect::<Vec<_>>();
    let elapsed = matches!(stamp.as_slice(), [hours, minutes, seconds]
    if [hours, minutes, seconds].iter().all(|part| {
        (1..=2).contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_digit())
    }));
    let sender = sender.trim().strip_suffix(':')?.trim();
    let named = !sender.is_empty() && sender.split_whitespace().count() <= 6;
    (elapsed && named).then_some((into, sender, text))
}

/// What holds for a whole paste, found before its lines are read.
#[derive(Clone, Copy, Default)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each flag is one independent fact about the paste's shape, found before its lines are read; no two combine into a state"
)]
struct Shape {
    /// Whether this paste heads its messages `name 9:19`, one space between: it does so on
    /// several lines, so such a line is a header, not a message that ends with a time.
    name_space_time: bool,
    /// Whether a message's text may go on over the lines below it.
    lines_wrap: bool,
    /// The city whose zone the times are in, written after each (`16:37 Denver - …`).
    city_after_times: Option<chrono_tz::Tz>,
    /// Whether each message is a time alone on its line, the author's name alone on the
    /// next, and the text below (a logger's records).
    names_below_times: bool,
    /// Whether every line opens with its time glued (`231743`), as a log may write it.
    glued_times: bool,
}

/// The reader's state between lines.
#[derive(Default)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each flag is one independent fact about the lines read so far (inside a fence, an author below a time, a bullet above), not a state machine's encoding"
)]
struct Reader {
    paste: ChatPaste,
    /// The date line in force.
    day: Option<DayLine>,
    /// A message whose text is on the lines below its header: its row's position, and the
    /// header's lines as pasted, to list if no text follows.
    open: Option<(usize, Vec<UnusedLine>)>,
    /// The author of the last message, for Slack's bare-time follow-ups.
    last_author: Option<String>,
    /// The day a Discord header gave alone, in numbers (`potter420 — 05/01/2022`): the day
    /// of the bare times grouped under it.
    header_day: Option<WrittenDay>,
    /// The columns of the table being read, from its header.
    columns: Option<TableColumns>,
    /// The time of the last row, to read a bare time after a 12-hour one.
    last_clock: Option<WrittenTime>,
    /// The number of the last non-blank line read before this one.
    previous_line: usize,
    /// Whether this paste puts each author on a line of their own above the time.
    authors_above: bool,
    /// How the paste is written, as a whole.
    shape: Shape,
    /// The row of a message written on one line with its time (`15:01 <nick> text`) and
    /// that line's number: a line right below it without a time is the message wrapped.
    one_line: Option<(usize, usize)>,
    /// Whether the next line is the open message's author, written below its time.
    author_below: bool,
    /// Whether the last one-line message was a list's item (`- 21:44 …`).
    bullet_above: bool,
    /// Whether the open message is inside a fenced code block (```` ``` ````), whose lines
    /// are its text whatever they look like (a `| … |` line is no table there).
    in_fence: bool,
    /// The numbers of the lines that open or close a fenced log (a transcript pasted in a
    /// page between ```` ``` ```` lines): its lines are messages of their own, unless a
    /// message with a time came before it.
    log_fences: Vec<usize>,
    /// Whether the lines are inside such a log.
    in_log_fence: bool,
    /// Whether the lines are inside a fenced block opened where no message was (code in
    /// notes above a chat copy, or a chat copy fenced whole): its closing fence closes it,
    /// and no message opened inside it runs on past it.
    in_loose_fence: bool,
    /// Whole entries that were only their time, each with its header's lines: their rows,
    /// left without text until every entry is read.
    stamps_alone: Vec<(usize, Vec<UnusedLine>)>,
}

impl Reader {
    fn line(&mut self, number: usize, raw: &str, next: Option<&str>) {
        let line = raw.trim();
        let fence = is_a_fence(line);
        // Only where no message so far had a time: a log quoted in a timed message (`I have a
        // doubt about your logs:` over a fenced log) is that message's text.
        let opens_a_log = fence
            && !self.in_fence
            && !self.in_log_fence
            && self.log_fences.contains(&number)
            && !self.paste.rows.iter().any(|row| row.clock.is_some());
        if opens_a_log || fence && self.in_log_fence {
            self.in_log_fence = opens_a_log;
            self.close_message();
            self.unused(number, line, UnusedReason::LogFence);
            self.previous_line = number;
            return;
        }
        // A fence opened where no message was, and its closing one: they bound what is
        // between them, whatever was read there.
        if fence && !self.in_fence && (self.in_loose_fence || self.open.is_none()) {
            self.in_loose_fence = !self.in_loose_fence;
            self.close_message();
            self.unused(number, line, UnusedReason::NoTime);
            self.previous_line = number;
            return;
        }
        if self.in_fence || (fence && self.open.is_some()) {
            if fence {
                self.in_fence = !self.in_fence;
            }
            if let Some((position, _)) = self.open.as_ref().filter(|_| !line.is_empty()) {
                self.paste.rows[*position].go_on(number, line);
            }
            self.previous_line = number;
            return;
        }
        if line.is_empty() {
            // A table ends at a blank line; the next one has its own header, or none.
            self.columns = None;
            return;
        }
        if std::mem::take(&mut self.author_below)
            && let Some((position, header)) = self.open.as_mut()
        {
            let row = &mut self.paste.rows[*position];
            row.actor = Some(line.to_owned());
            row.lines.push(number);
            header.push(UnusedLine {
                line: number,
                text: line.to_owned(),
                reason: UnusedReason::NoMessage,
            });
            self.last_author = Some(line.to_owned());
            self.previous_line = number;
            return;
        }
        self.read_line(number, raw, line, next);
        self.previous_line = number;
    }

    fn read_line(&mut self, number: usize, raw: &str, line: &str, next: Option<&str>) {
        // `00:07:49⇥Sajay Antony:⇥Yes …`: a meeting recording's chat, stamped with how far
        // into the recording each message was sent, not with the clock. The message has no
        // time of day; how far in is kept in its notes.
        if self.columns.is_none()
            && let Some((into, author, text)) = recording_chat_line(raw)
        {
            self.open_message(number, line, None, Some(author.to_owned()));
            if let Some(row) = self.paste.rows.last_mut() {
                text.trim().clone_into(&mut row.event);
                row.notes = format!("Sent {into} into the recording");
            }
            return;
        }
        // `[11:06:23] <manu>\tAgenda: …`: a log that sets its nick apart with a tab is
        // no spreadsheet's row; its tabs are spaces.
        if self.columns.is_none() && is_a_log_line_with_tabs(raw) {
            self.read_chat_line(number, &line.replace('\t', " "), next);
            return;
        }
        if let Some(cells) = table_cells(raw) {
            self.close_message();
            self.table_row(number, line, &cells);
            return;
        }
        self.read_chat_line(number, line, next);
    }

    /// A line that sets the day of the lines below: a date, a logger's mark of the day, a
    /// post's byline. Returns whether the line was one.
    fn day_line(&mut self, number: usize, line: &str) -> bool {
        let date_line = read_date_line(line);
        let log_mark = date_line
            .is_none()
            .then(|| read_log_day_marker(line))
            .flatten();
        let byline = (date_line.is_none() && log_mark.is_none())
            .then(|| read_byline_day(line))
            .flatten();
        let Some((date, zone)) = date_line.or(log_mark).or(byline) else {
            return false;
        };
        self.close_message();
        if log_mark.is_some() {
            self.unused(number, line, UnusedReason::LogMark);
        } else if byline.is_some() {
            self.unused(number, line, UnusedReason::Byline);
        }
        self.paste.date_lines.push(number);
        self.day = Some(DayLine {
            line: number,
            date,
            zone,
        });
        true
    }

    /// Discord's `potter420 — 05/01/2022` with the message right below: a header, where a
    /// post's byline stands apart from its text. Returns whether the line was one.
    fn header_with_a_day(&mut self, number: usize, line: &str, next: Option<&str>) -> bool {
        let Some((author, day)) = speakers::name_then_day(line)
            .filter(|_| next.is_some_and(|next| !next.trim().is_empty()))
        else {
            return false;
        };
        match day {
            WrittenDay::Date(date) => {
                self.day = Some(DayLine {
                    line: number,
                    date,
                    zone: None,
                });
                self.header_day = None;
            }
            numeric => self.header_day = Some(numeric),
        }
        self.open_message(number, line, None, Some(author));
        true
    }

    /// A line that is no table's row: a message, its header, or more of the one above.
    fn read_chat_line(&mut self, number: usize, line: &str, next: Option<&str>) {
        self.columns = None;
        let wrapped = self.one_line.take().filter(|(_, last)| *last + 1 == number);
        if self.header_with_a_day(number, line, next) {
            return;
        }
        if self.day_line(number, line) {
            return;
        }
        // Teams copied through Markdown escapes its brackets: `\[4:42 PM\] Name`.
        let unescaped = line.replace("\\[", "[").replace("\\]", "]");
        let line = if line.starts_with("\\[") {
            unescaped.as_str()
        } else {
            line
        };
        let body = strip_leading_emphasis(strip_list_marker(line));
        let body = body.as_ref();
        // `6:20 PM EST` alone, then `At approximately 5:40 EST, we experienced …`: the
        // stamp heads the sentence, whose time is one it tells.
        if let Some((position, _)) = self.open
            && self.paste.rows[position].event.is_empty()
            && self.paste.rows[position].clock.is_some()
            && opens_with_a_told_time(body)
        {
            self.paste.rows[position].go_on(number, strip_edited(line));
            return;
        }
        if self.timed_line(number, line, body, next) {
            return;
        }
        if let Some((offset, rest)) = read_offset(body) {
            let rest = strip_separators(rest);
            if !rest.is_empty() {
                self.close_message();
                let (actor, event) = actor_and_event(rest);
                self.paste.rows.push(PastedRow {
                    lines: vec![number],
                    clock: None,
                    offset: Some(offset),
                    day: self.day,
                    actor,
                    event: strip_edited(&event).to_owned(),
                    notes: String::new(),
                    evidence: String::new(),
                });
                return;
            }
        }
        let header = name_then_time(body, self.shape.name_space_time)
            .map(|(author, clock)| (author, clock, None))
            .or_else(|| name_then_dated_time(body))
            .or_else(|| {
                labelled_author_and_time(body).map(|(author, clock)| (author, clock, None))
            });
        if let Some((author, clock, link)) = header {
            self.header_day = None;
            self.open_message(number, line, Some(clock), Some(author));
            // An archive links each message's header to the message itself.
            if let Some(link) = link
                && let Some(row) = self.paste.rows.last_mut()
            {
                row.evidence = link;
            }
            return;
        }
        if let Some((author, stamp)) = name_then_relative_stamp(body) {
            self.open_message(number, line, None, Some(author));
            if let Some(row) = self.paste.rows.last_mut() {
                row.notes = format!("Stamped \"{stamp}\" when it was copied");
            }
            return;
        }
        // In a paste that puts authors above their times, a name just before a bare time
        // ends the message before it and is the next one's author. (Elsewhere a one-word
        // message such as "ack" before a follow-up time stays text.)
        if self.authors_above
            && looks_like_a_name(line)
            && next.is_some_and(|next| is_bare_time(strip_list_marker(next.trim())))
        {
            self.close_message();
            self.unused(number, line, UnusedReason::NoTime);
            return;
        }
        // In a copy without times, each `Name: text` line starts the next message.
        let open_untimed = self
            .open
            .as_ref()
            .is_some_and(|(position, _)| self.paste.rows[*position].clock.is_none());
        let open = self
            .open
            .as_ref()
            .map(|(position, _)| *position)
            .filter(|_| !(open_untimed && actor_and_event(line).0.is_some()))
            // Entries that are each whole (a Markdown timeline's items): one without a time
            // never goes on with an untimed one above (`**Investigation:** …` then `**Deep
            // dive:** …`).
            .filter(|_| self.shape.lines_wrap || !open_untimed);
        match open {
            Some(position) => self.paste.rows[position].go_on(number, strip_edited(line)),
            None => self.line_of_no_message(number, line, wrapped),
        }
    }

    /// A line that starts with a time, perhaps after a log's own mark. Returns whether it
    /// was one.
    fn timed_line(&mut self, number: usize, line: &str, body: &str, next: Option<&str>) -> bool {
        // A time written as a link to where it was said (`[17:58](https://chat/…): …`, whose
        // text reads `17:58 (https://chat/…): …`): the address is the row's evidence.
        let linked = time_link(body);
        let body = linked
            .as_ref()
            .map_or(body, |(unlinked, _)| unlinked.as_str());
        // `time="2017-06-21T09:29:15Z" level=info msg="Listening on :9093"`: a structured
        // log's line, its message the row's text and its other fields the notes.
        if let Some((clock, fields)) = line_marks::logfmt_time(body) {
            let (message, others) = line_marks::logfmt_message(fields);
            let rows_before = self.paste.rows.len();
            self.time_first(number, line, clock, &message, false, next);
            if self.paste.rows.len() > rows_before
                && let Some(row) = self.paste.rows.last_mut()
            {
                row.notes = others;
            }
            return true;
        }
        let glued_times = self.shape.glued_times;
        let time_at_start = |body| {
            bracketed_time(body).or_else(|| {
                read_unix_stamp(body)
                    .or_else(|| read_clock(body))
                    .or_else(|| {
                        shapes::glued_time(body)
                            .filter(|_| glued_times)
                            .map(|(time, rest)| (WrittenTime::of_day(time), rest))
                    })
                    // `18:24 UTC | 10:24 PT`: the bar sets the same time apart, restated in
                    // another zone, and is kept to say so.
                    .map(|(clock, rest)| {
                        let after = if restated_time(rest).is_some() {
                            rest
                        } else {
                            strip_separators(rest)
                        };
                        (clock, false, after)
                    })
            })
        };
        // A log's own mark before the time (a message ID `[1179759531316752454]`, a level
        // `[WARN]`, a thread `<main>`) is kept in the row's notes.
        // A status desk's label before its time (`[UPDATED 12:56pm PST]`) is kept there too.
        let (tag, timed) = match time_at_start(body) {
            Some(timed) => (None, Some(timed)),
            None => match labelled_time(body) {
                Some((label, clock, after)) => (Some(label), Some((clock, false, after))),
                None => leading_tag(body)
                    .and_then(|(tag, rest)| Some((Some(tag), Some(time_at_start(rest)?))))
                    .or_else(|| {
                        let (label, timed) = line_marks::glued_label_time(body)?;
                        Some((Some(label), Some(timed)))
                    })
                    // An entry that is whole on its line and ends with its dated stamp, as a
                    // status site writes an update (`*Identified* - A fix is applied.
                    // {{< track "2022-11-14 07:04:00" >}}`), is timed by it.
                    .or_else(|| {
                        let (message, clock, shortcode) = times_after::set_apart_stamp(body)
                            .filter(|_| !self.shape.lines_wrap)?;
                        Some((shortcode, Some((clock, false, message))))
                    })
                    .unwrap_or((None, None)),
            },
        };
        if let Some((mut clock, header, mut after)) = timed {
            if clock.zone.is_none()
                && let Some(zone) = self.shape.city_after_times
                && let Some(rest) = after_city(after, zone)
            {
                clock.zone = Some(PasteZone::Named(zone));
                after = rest;
            }
            if irc::is_channel_event(line, after) {
                self.close_message();
                self.unused(number, line, UnusedReason::ChannelEvent);
                return true;
            }
            let rows_before = self.paste.rows.len();
            self.time_first(number, line, clock, after, header, next);
            if self.paste.rows.len() > rows_before
                && let Some(row) = self.paste.rows.last_mut()
            {
                if let Some(tag) = tag {
                    tag.clone_into(&mut row.notes);
                }
                if let Some(restated) = restated_time(after) {
                    let restated = format!("Time also written as {restated}");
                    row.notes = [row.notes.as_str(), restated.as_str()]
                        .into_iter()
                        .filter(|part| !part.is_empty())
                        .collect::<Vec<_>>()
                        .join("; ");
                }
                if let Some((_, link)) = &linked
                    && row.evidence.is_empty()
                {
                    row.evidence.clone_from(link);
                }
            }
            return true;
        }
        false
    }

    /// A line that starts with a time; `header` when the time was in brackets, where a name
    /// alone after it (Teams) heads a message below.
    fn time_first(
        &mut self,
        number: usize,
        line: &str,
        clock: WrittenTime,
        rest: &str,
        header: bool,
        next: Option<&str>,
    ) {
        self.close_message();
        let restated = restated_time(rest);
        // `Sunday Nov 17th, 11:08am PST. The site is down.`: the stamp's full stop is no
        // part of the event.
        let rest = if restated.is_some() {
            ""
        } else {
            rest.trim().trim_start_matches('.').trim_start()
        };
        if rest.is_empty() {
            // Slack's follow-up message: a bare time (without the AM or PM its first
            // message had), the same author, the text below.
            let clock = self.after_twelve_hour(clock);
            // Some copies put the author on a line of their own above the time: a name
            // alone on the line just before is the author, and part of the message.
            let named_above = self.paste.unused.last().is_some_and(|unused| {
                unused.line == self.previous_line
                    && unused.reason == UnusedReason::NoTime
                    && looks_like_a_name(&unused.text)
            });
            if named_above && let Some(name) = self.paste.unused.pop() {
                self.authors_above = true;
                self.open_message(number, line, Some(clock), Some(name.text.clone()));
                if let Some(row) = self.paste.rows.last_mut() {
                    row.lines.insert(0, name.line);
                }
                // Listed again, as it was, if no message follows.
                if let Some((_, header)) = self.open.as_mut() {
                    header.insert(0, name);
                }
                return;
            }
            // A logger's record: the author alone on the line below the time.
            if self.shape.names_below_times
                && next.is_some_and(|next| shapes::is_a_name_alone(next.trim()))
            {
                self.open_message(number, line, Some(clock), None);
                self.author_below = true;
                return;
            }
            let author = self.last_author.clone();
            // Discord's grouped message under a header that gave its day alone.
            let clock = match self.header_day {
                Some(day) if clock.date.is_none() => WrittenTime {
                    date: Some(day),
                    ..clock
                },
                _ => clock,
            };
            self.open_message(number, line, Some(clock), author);
            return;
        }
        let message_below = next.is_some_and(|next| {
            let next = next.trim();
            day_line(next).is_none()
                && table_cells(next).is_none()
                && bracketed_time(strip_list_marker(next)).is_none()
                && read_clock(strip_list_marker(next)).is_none()
        });
        // Teams marks a person from outside the organisation `[E]` or `(External)`.
        let name = rest.trim_end_matches(':').trim();
        let name = ["[E]", "(External)", "[External]", "(Guest)"]
            .iter()
            .find_map(|mark| name.strip_suffix(mark))
            .unwrap_or(name)
            .trim();
        if header && (rest.ends_with(':') || message_below) && looks_like_a_name(name) {
            self.open_message(number, line, Some(clock), Some(name.to_owned()));
            return;
        }
        // In a source that writes AM and PM, a time without them follows the one above
        // (`11:57 AM` then `1:17: …` is 13:17).
        let clock = self.after_twelve_hour(clock);
        let (actor, event) = actor_and_event(rest);
        self.last_author.clone_from(&actor);
        self.last_clock = Some(clock);
        self.one_line = Some((self.paste.rows.len(), number)).filter(|_| self.shape.lines_wrap);
        self.bullet_above = strip_list_marker(line).len() < line.len();
        self.paste.rows.push(PastedRow {
            lines: vec![number],
            clock: Some(clock),
            offset: None,
            day: self.day,
            actor,
            event: strip_edited(&event).to_owned(),
            notes: String::new(),
            evidence: String::new(),
        });
    }

    /// A time written without AM or PM right after one written with it is read as the
    /// nearer of its morning and afternoon readings that is not earlier: `2:04` after
    /// `2:03 PM` is 14:04.
    fn after_twelve_hour(&self, clock: WrittenTime) -> WrittenTime {
        use chrono::Timelike;
        let Some(last) = self.last_clock.filter(|last| last.twelve_hour) else {
            return clock;
        };
        if clock.twelve_hour || !(1..=12).contains(&clock.time.hour()) {
            return clock;
        }
        let morning = clock.time.with_hour(clock.time.hour() % 12);
        let afternoon = clock.time.with_hour(clock.time.hour() % 12 + 12);
        let time = [morning, afternoon]
            .into_iter()
            .flatten()
            .find(|time| *time >= last.time)
            // Neither: past midnight, in the morning of the next day.
            .or(morning)
            .unwrap_or(clock.time);
        WrittenTime {
            time,
            twelve_hour: true,
            ..clock
        }
    }

    fn open_message(
        &mut self,
        number: usize,
        line: &str,
        clock: Option<WrittenTime>,
        author: Option<String>,
    ) {
        self.close_message();
        if clock.is_some() {
            self.last_clock = clock;
        }
        self.last_author.clone_from(&author);
        self.open = Some((
            self.paste.rows.len(),
            vec![UnusedLine {
                line: number,
                text: line.to_owned(),
                reason: UnusedReason::NoMessage,
            }],
        ));
        self.paste.rows.push(PastedRow {
            lines: vec![number],
            clock,
            offset: None,
            day: self.day,
            actor: author,
            event: String::new(),
            notes: String::new(),
            evidence: String::new(),
        });
    }

    /// A line without a time when no message is open: a wrapped log line goes on with the
    /// message above it; a `Name: text` line starts a message without a time (Zulip copies
    /// several so, the time left for the user to fill in); a bullet below a bulleted entry
    /// is an entry of its own, untimed (`- Dec 17th **22:XX** More reports`); anything else
    /// is no message.
    fn line_of_no_message(&mut self, number: usize, line: &str, wrapped: Option<(usize, usize)>) {
        let item = strip_list_marker(line);
        let sibling = self.bullet_above && item.len() < line.len();
        match actor_and_event(line) {
            (None, _) if wrapped.is_some() && sibling => {
                self.paste.rows.push(PastedRow {
                    lines: vec![number],
                    clock: None,
                    offset: None,
                    day: self.day,
                    actor: None,
                    event: strip_leading_emphasis(item).into_owned(),
                    notes: String::new(),
                    evidence: String::new(),
                });
                self.one_line = Some((self.paste.rows.len() - 1, number));
            }
            (None, _) if let Some((position, _)) = wrapped => {
                self.paste.rows[position].go_on(number, line);
                self.one_line = Some((position, number));
            }
            (Some(author), text) => {
                self.open_message(number, line, None, Some(author));
                if let Some(row) = self.paste.rows.last_mut() {
                    strip_edited(&text).clone_into(&mut row.event);
                }
            }
            (None, _) => self.unused(number, line, UnusedReason::NoTime),
        }
    }

    /// Ends the open message; one with no text is no row, and its header line is listed.
    fn close_message(&mut self) {
        let Some((position, header)) = self.open.take() else {
            return;
        };
        let event = self.paste.rows[position].event.trim();
        let whole_entry_with_a_time =
            !self.shape.lines_wrap && self.paste.rows[position].clock.is_some();
        if event.is_empty() && whole_entry_with_a_time {
            self.stamps_alone.push((position, header));
        } else if event.is_empty() {
            self.paste.rows.remove(position);
            self.paste.unused.extend(header);
            self.paste.unused.sort_by_key(|unused| unused.line);
        } else if irc::is_a_coming_or_going(event) {
            // A tool's note of a join, written as the person's message: left out as joins are.
            let row = self.paste.rows.remove(position);
            let header_lines: Vec<usize> = header.iter().map(|unused| unused.line).collect();
            self.paste
                .unused
                .extend(header.into_iter().map(|unused| UnusedLine {
                    reason: UnusedReason::ChannelEvent,
                    ..unused
                }));
            let text_lines = row.lines.iter().filter(|line| !header_lines.contains(line));
            for line in text_lines {
                self.paste.unused.push(UnusedLine {
                    line: *line,
                    text: row.event.clone(),
                    reason: UnusedReason::ChannelEvent,
                });
            }
            self.paste.unused.sort_by_key(|unused| unused.line);
        }
    }

    /// Settles the whole entries that were only their time, once all are read. Two or more
    /// in a row are a list of times (`November 4th -- 16:30 to 15:00 UTC`, each item a
    /// downtime): each a row told as written. One alone (`### 2025-10-02 07:00 UTC` over
    /// the entries of that morning) heads what follows, and is no row; its line is listed.
    fn settle_stamps_alone(&mut self) {
        let stamps = std::mem::take(&mut self.stamps_alone);
        let positions: Vec<usize> = stamps.iter().map(|(position, _)| *position).collect();
        let in_a_list = |position: usize| {
            positions.contains(&(position + 1))
                || position
                    .checked_sub(1)
                    .is_some_and(|above| positions.contains(&above))
        };
        for (position, header) in stamps.into_iter().rev() {
            if in_a_list(position) {
                let written = header.first().map_or("", |line| line.text.as_str());
                self.paste.rows[position].event =
                    strip_leading_emphasis(strip_list_marker(written)).into_owned();
            } else {
                self.paste.rows.remove(position);
                self.paste.unused.extend(header);
            }
        }
        self.paste.unused.sort_by_key(|unused| unused.line);
    }

    pub(super) fn unused(&mut self, line: usize, text: &str, reason: UnusedReason) {
        self.paste.unused.push(UnusedLine {
            line,
            text: text.to_owned(),
            reason,
        });
    }
}
