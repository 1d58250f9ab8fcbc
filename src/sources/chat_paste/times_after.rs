//! Sources that write each message's time after it, as status pages do: `Resolved - This
//! incident has been resolved.` then `Posted Nov 06, 2019 - 21:48 UTC`, or a label and a
//! body then `Mar 13, 10:16 MDT`. Such a source ends with a time and starts without one;
//! each time closes the lines written since the one before.

use super::{ChatPaste, DayLine, PastedRow, UnusedLine, UnusedReason};
use crate::model::{WrittenTime, read_clock, read_date_line};

/// Words a status page puts before an update's time.
const STAMP_WORDS: [&str; 4] = ["posted", "updated", "published", "last updated"];

/// A line that is only a time stamp: `Posted Nov 06, 2019 - 21:48 UTC`, `Mar 13, 10:16
/// MDT`, `(Saturday 10th March 2018 09:35:38 UTC)`.
fn stamp(line: &str) -> Option<WrittenTime> {
    let line = line
        .trim()
        .trim_start_matches('(')
        .trim_end_matches([')', '.']);
    let lower = line.to_lowercase();
    let line = STAMP_WORDS
        .iter()
        .find_map(|word| {
            lower
                .strip_prefix(word)
                .filter(|rest| rest.starts_with([' ', ':']))
                .map(|rest| &line[line.len() - rest.len()..])
        })
        .unwrap_or(line)
        .trim_start_matches([' ', ':']);
    let (clock, rest) = read_clock(line)?;
    rest.trim().is_empty().then_some(clock)
}

/// Whether `lines` put each time after its message: at least two lines that are only a
/// time stamp with its day (as status pages stamp their updates; a chat's bare `2:04` is
/// a follow-up whose text comes below), the last line is one and the first is not.
#[must_use]
pub(super) fn times_follow_messages(lines: &[&str]) -> bool {
    let written: Vec<&str> = lines
        .iter()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .collect();
    let (Some(first), Some(last)) = (written.first(), written.last()) else {
        return false;
    };
    let dated = |line: &str| stamp(line).is_some_and(|clock| clock.date.is_some());
    let stamps = written.iter().filter(|line| dated(line)).count();
    stamps >= 2 && dated(last) && stamp(first).is_none()
}

/// Reads `lines` as messages each closed by its time.
#[must_use]
pub(super) fn read(lines: &[&str]) -> ChatPaste {
    let mut paste = ChatPaste::default();
    let mut day: Option<DayLine> = None;
    let mut pending: Vec<(usize, &str)> = Vec::new();
    for (index, raw) in lines.iter().enumerate() {
        let number = index + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(clock) = stamp(line) {
            if pending.is_empty() {
                paste.unused.push(UnusedLine {
                    line: number,
                    text: line.to_owned(),
                    reason: UnusedReason::NoMessage,
                });
                continue;
            }
            let mut numbers: Vec<usize> = pending.iter().map(|(number, _)| *number).collect();
            numbers.push(number);
            let event = pending
                .iter()
                .map(|(_, text)| *text)
                .collect::<Vec<_>>()
                .join(" ");
            pending.clear();
            paste.rows.push(PastedRow {
                lines: numbers,
                clock: Some(clock),
                offset: None,
                day,
                actor: None,
                event,
                notes: String::new(),
                evidence: String::new(),
            });
            continue;
        }
        // A date alone between updates dates the ones below it.
        if pending.is_empty()
            && let Some((date, zone)) = read_date_line(line)
        {
            paste.date_lines.push(number);
            day = Some(DayLine {
                line: number,
                date,
                zone,
            });
            continue;
        }
        pending.push((number, line));
    }
    paste
        .unused
        .extend(pending.into_iter().map(|(number, text)| UnusedLine {
            line: number,
            text: text.to_owned(),
            reason: UnusedReason::NoTime,
        }));
    paste.unused.sort_by_key(|unused| unused.line);
    paste
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_page_writes_each_time_after_its_update() {
        let text = "Resolved\n\nThis incident has been resolved.\n\nPosted Nov 06, 2019 - 22:24 UTC\n\n\
                    Investigating\n\nWe are looking into it.\n\nPosted Nov 06, 2019 - 21:28 UTC\n";
        let lines: Vec<&str> = text.lines().collect();
        assert!(times_follow_messages(&lines));
        let paste = read(&lines);
        let rows: Vec<(&str, u32)> = paste
            .rows
            .iter()
            .map(|row| {
                use chrono::Timelike;
                (
                    row.event.as_str(),
                    row.clock.map_or(0, |clock| clock.time.hour()),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("Resolved This incident has been resolved.", 22),
                ("Investigating We are looking into it.", 21)
            ]
        );
        assert!(paste.unused.is_empty());
        // A chat whose times come first is not such a source.
        let chat = ["14:03 alert fired", "14:05 paged", "done"];
        assert!(!times_follow_messages(&chat));
        let slack = ["Alice  2:03 PM", "it broke", "2:04", "still broken", "2:05"];
        assert!(!times_follow_messages(&slack));
    }
}
