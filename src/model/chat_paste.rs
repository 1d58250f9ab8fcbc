//! Turning lines copied from a chat into timeline rows: `14:03 …`, `[14:03] …`,
//! `14:03:10 name: …`, with or without a date.

use super::time_entry::{TimeEntry, parse_time_entry};

/// One line that became a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedLine {
    /// The line's number in the pasted text, from 1.
    pub line: usize,
    /// The time it starts with.
    pub entry: TimeEntry,
    /// Who wrote it, when the line says `name: message`.
    pub actor: Option<String>,
    /// The rest of the line.
    pub event: String,
}

/// A line that could not be read, with its number and text, to show the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnreadLine {
    /// The line's number in the pasted text, from 1.
    pub line: usize,
    /// The line as pasted.
    pub text: String,
}

/// What a paste gave.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChatPaste {
    /// The lines that start with a time, in order.
    pub rows: Vec<PastedLine>,
    /// The non-blank lines that do not.
    pub unread: Vec<UnreadLine>,
}

/// Reads pasted chat lines. Blank lines are skipped; every other line is either a row or
/// reported.
#[must_use]
pub fn parse_chat(text: &str) -> ChatPaste {
    let mut paste = ChatPaste::default();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        match parse_line(trimmed) {
            Some((entry, actor, event)) => paste.rows.push(PastedLine {
                line: index + 1,
                entry,
                actor,
                event,
            }),
            None => paste.unread.push(UnreadLine {
                line: index + 1,
                text: trimmed.to_owned(),
            }),
        }
    }
    paste
}

fn parse_line(line: &str) -> Option<(TimeEntry, Option<String>, String)> {
    let (time_text, rest) = if let Some(bracketed) = line.strip_prefix('[') {
        bracketed.split_once(']')?
    } else {
        split_leading_time(line)?
    };
    let entry = parse_time_entry(time_text).ok()?;
    let rest = rest
        .trim_start_matches([' ', '\t', '-', '\u{2013}', '\u{2014}'])
        .trim();
    if rest.is_empty() {
        return None;
    }
    let (actor, event) = match rest.split_once(": ") {
        Some((name, message)) if looks_like_a_name(name) && !message.trim().is_empty() => {
            (Some(name.trim().to_owned()), message.trim().to_owned())
        }
        _ => (None, rest.to_owned()),
    };
    Some((entry, actor, event))
}

/// Splits `14:03 rest` or `2025-08-01 14:03 rest` into the time and the rest. Any Unicode
/// whitespace separates words (chat and web pages paste non-breaking spaces), and the cuts
/// are made at the whitespace characters' own boundaries, whatever their width in bytes.
fn split_leading_time(line: &str) -> Option<(&str, &str)> {
    let first_end = word_end(line, 0);
    let first = &line[..first_end];
    if first.is_empty() {
        return None;
    }
    if first.contains('-') {
        let second_start = skip_whitespace(line, first_end);
        let second_end = word_end(line, second_start);
        if second_end > second_start {
            return Some((&line[..second_end], &line[second_end..]));
        }
    }
    Some((first, &line[first_end..]))
}

/// The byte index where the word starting at `start` ends (the next whitespace, or the end).
fn word_end(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(text.len(), |(offset, _)| start + offset)
}

/// The byte index of the first non-whitespace character at or after `start`.
fn skip_whitespace(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(text.len(), |(offset, _)| start + offset)
}

/// A chat name is short and has no sentence in it: `alice`, `Bob M.`, `pagerduty-bot`.
fn looks_like_a_name(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.chars().count() <= 32
        && text.split_whitespace().count() <= 3
        && !text.contains("//")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveTime};

    fn time(h: u32, m: u32, s: u32) -> TimeEntry {
        TimeEntry::TimeOfDay(NaiveTime::from_hms_opt(h, m, s).unwrap())
    }

    #[test]
    fn the_three_chat_shapes_become_rows() {
        let paste = parse_chat(
            "14:03 Grafana alert fired\n[14:05] Rootly paged Alice\n14:07:10 alice: joined #ops-alerts\n",
        );
        assert!(paste.unread.is_empty());
        assert_eq!(
            paste.rows,
            [
                PastedLine {
                    line: 1,
                    entry: time(14, 3, 0),
                    actor: None,
                    event: "Grafana alert fired".to_owned()
                },
                PastedLine {
                    line: 2,
                    entry: time(14, 5, 0),
                    actor: None,
                    event: "Rootly paged Alice".to_owned()
                },
                PastedLine {
                    line: 3,
                    entry: time(14, 7, 10),
                    actor: Some("alice".to_owned()),
                    event: "joined #ops-alerts".to_owned()
                },
            ]
        );
    }

    #[test]
    fn dates_dashes_and_blank_lines() {
        let paste =
            parse_chat("\n[2025-08-01 14:03] Bob M.: rolling back\n\n14:15 - rollback done");
        let date = NaiveDate::from_ymd_opt(2025, 8, 1).unwrap();
        assert_eq!(
            paste.rows[0].entry,
            TimeEntry::DateAndTime(date.and_hms_opt(14, 3, 0).unwrap())
        );
        assert_eq!(paste.rows[0].actor.as_deref(), Some("Bob M."));
        assert_eq!(paste.rows[1].event, "rollback done");
        assert_eq!(paste.rows[1].line, 4);
    }

    #[test]
    fn lines_without_a_time_or_an_event_are_reported() {
        let paste =
            parse_chat("14:03 ok\nsee thread above\n25:00 impossible\n14:09\n[14:10 unclosed");
        assert_eq!(paste.rows.len(), 1);
        let unread: Vec<_> = paste.unread.iter().map(|u| u.line).collect();
        assert_eq!(unread, [2, 3, 4, 5]);
        assert_eq!(paste.unread[0].text, "see thread above");
    }

    #[test]
    fn a_sentence_with_a_colon_is_not_a_name() {
        let paste = parse_chat("14:03 the root cause was clear to everyone: a missing index");
        assert_eq!(paste.rows[0].actor, None);
        assert_eq!(
            paste.rows[0].event,
            "the root cause was clear to everyone: a missing index"
        );
    }
}
