//! A log kept by the day: days on lines of their own (`October 19, 2021`), each over what
//! happened then, a list or a paragraph, with no clock time. When a file gives no timeline
//! otherwise, each such entry is a row without a time, its day kept in its notes. The text
//! stays in its section as written, and the task boxes in its lists stay action items.

use chrono::{Datelike, NaiveDate};

use super::Importer;
use super::blocks::{Block, BlockKind};
use crate::model::{TimelineRow, read_date_line};
use crate::sources::notes_with_day;

/// The fewest dated entries that make a log: one or two are a story's dates.
const FEWEST_ENTRIES: usize = 3;

/// One entry: its day, what it tells, and the lines from its day to its end.
struct Entry {
    day: NaiveDate,
    event: String,
    lines: (usize, usize),
}

impl Importer<'_> {
    /// The rows of a log kept by the day, when no other timeline was found.
    pub(super) fn read_dated_entries(&mut self, blocks: &[Block]) {
        if !self.doc.timeline.is_empty() {
            return;
        }
        let year = self.context.date.unwrap_or(self.today).year();
        let entries: Vec<Entry> = blocks
            .windows(2)
            .filter_map(|pair| entry(&pair[0], &pair[1], year))
            .collect();
        if entries.len() < FEWEST_ENTRIES {
            return;
        }
        for entry in entries {
            self.doc.timeline.push(TimelineRow {
                event: entry.event,
                notes: notes_with_day("", entry.day),
                ..TimelineRow::default()
            });
            let number = self.doc.timeline.len();
            self.place(
                entry.lines,
                format!("timeline row {number}, from a dated entry"),
            );
        }
    }
}

/// The entry a day on a line of its own (`day`) and the block below it (`told`) make: the
/// block's text, its task boxes left out (they are the follow-up's, not the day's story).
fn entry(day: &Block, told: &Block, year: i32) -> Option<Entry> {
    let BlockKind::Paragraph(lines) = &day.kind else {
        return None;
    };
    let [(_, only)] = lines.as_slice() else {
        return None;
    };
    let (written, _) = read_date_line(only)?;
    let day_of = NaiveDate::from_ymd_opt(written.year.unwrap_or(year), written.month, written.day)?;
    let event = match &told.kind {
        BlockKind::List(items) => items
            .iter()
            .filter(|item| item.checked.is_none())
            .map(|item| item.own_text.trim())
            .filter(|text| !text.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        BlockKind::Paragraph(lines) if read_date_line_of(lines).is_none() => lines
            .iter()
            .map(|(_, line)| line.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        _ => return None,
    };
    (!event.is_empty()).then_some(Entry {
        day: day_of,
        event,
        lines: (day.lines.0, told.lines.1),
    })
}

/// The day a one-line paragraph is, if it is only a day.
fn read_date_line_of(lines: &[(usize, String)]) -> Option<()> {
    match lines {
        [(_, only)] => read_date_line(only).map(|_| ()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::model::ActionStatus;

    #[test]
    fn a_log_kept_by_the_day_is_a_row_a_day_and_its_task_boxes_stay_work() {
        let text = "# Incident reports\n\n## October 2021\n\nOctober 19, 2021\n\
                    - Injective is unstable, keeps crashing.\n- [ ] Find a working version.\n\n\
                    October 18, 2021\n- Likecoin is unhealthy.\n- [x] Change the RPC address.\n\n\
                    October 14, 2021\n- Gaia missed some blocks.\n";
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let doc = super::super::import_markdown(text, today).doc;
        let rows = super::super::tests::events_and_notes(&doc);
        assert_eq!(
            rows,
            [
                (
                    "Injective is unstable, keeps crashing.",
                    "On 2021-10-19; no time was written."
                ),
                (
                    "Likecoin is unhealthy.",
                    "On 2021-10-18; no time was written."
                ),
                (
                    "Gaia missed some blocks.",
                    "On 2021-10-14; no time was written."
                ),
            ]
        );
        assert!(doc.timeline.iter().all(|row| row.time.is_none()));
        let status_of = |action: &str| {
            doc.action_items
                .iter()
                .find(|item| item.action == action)
                .map(|item| item.status)
        };
        assert_eq!(
            status_of("Find a working version."),
            Some(ActionStatus::Open)
        );
        assert_eq!(
            status_of("Change the RPC address."),
            Some(ActionStatus::Done)
        );
    }
}
