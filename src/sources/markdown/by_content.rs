//! Finding the timeline by what it holds rather than by its heading: a list or table whose
//! items mostly begin with a time or a date, a run of paragraphs that each begin with one
//! or end with a dated stamp (a status page's updates), or a run of headings that are times
//! (`### 14:03`, the story below each) or dated updates (`### Updated 15 August 2019`),
//! wherever they stand.

use super::blocks::{Block, BlockKind};
use super::dates_in_text::date_in_text;
use super::pieces::clock_after_label;
use super::status_updates::{
    closed_by_a_stamp, is_a_labelled_update, is_a_salutation, is_a_status_line,
    mark_stamps_closing_a_story, mark_update_paragraphs, mark_updates_closed_by_stamps,
};
use crate::model::{WrittenDay, read_clock, read_date_line, read_day};
use crate::sources::{ends_with_dated_stamp, restated_time, time_link};

/// The fewest paragraphs in a row, each beginning with a time or closed by a dated stamp,
/// that make a timeline: one or two such paragraphs are as often a story that mentions when ("14:03 was when we first
/// saw it.").
const PARAGRAPH_RUN: usize = 3;

/// A run of paragraphs is a log when at least one in this many of them, from its first
/// timed paragraph to its last, begins with a time.
const LOG_SHARE: usize = 3;

/// The fewest time headings in a row that make a timeline.
const HEADING_RUN: usize = 2;

/// What may come before an entry's time: list marks, emphasis, an opening bracket, and the
/// bullets a page's text keeps as characters (`  • 12:47 …`).
const BEFORE_A_TIME: [char; 12] = [
    '-', '*', '_', '+', ' ', '[', '(', '\\', '\u{2022}', '\u{25e6}', '\u{2023}', '\u{a0}',
];

/// Whether a text begins with a time, past a list mark, emphasis or an opening bracket.
#[must_use]
pub fn starts_with_a_time(text: &str) -> bool {
    // A status page's label before the time (`**Update 09:00**: …`).
    if crate::sources::labelled_time(text.trim_start_matches(['-', '+', ' '])).is_some() {
        return true;
    }
    let text = text.trim_start_matches(BEFORE_A_TIME);
    let text = crate::sources::after_a_step_number(text).unwrap_or(text);
    // A time written as a link to where it was said: `1758 (https://chat/…): …`.
    let unlinked = time_link(text);
    read_clock(
        unlinked
            .as_ref()
            .map_or(text, |(unlinked, _)| unlinked.as_str()),
    )
    .is_some()
}

/// Whether a text begins with a time, or with a calendar date (`2022-05-07`, `May 7`,
/// `7/5/22`) as the entries of a story told over days do. A weekday or "today" alone is
/// how a sentence begins as often as an entry.
#[must_use]
pub fn starts_with_a_time_or_date(text: &str) -> bool {
    starts_with_a_time(text) || {
        let text = text.trim_start_matches(BEFORE_A_TIME);
        matches!(
            read_day(text),
            Some((WrittenDay::Date(_) | WrittenDay::Numeric { .. }, _))
        )
    }
}

/// A line of a page's story split where a sentence or clause after its first begins with a
/// time (`… dispatched to the site. At approximately 3:12 AM, the technicians arrived …`,
/// `14:07 报警;14:15 联系硬件团队`): each part is an entry of its own, as the lines of a log
/// would be. A time inside a sentence stays with its entry.
#[must_use]
pub fn split_at_timed_sentences(line: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut start = 0;
    for at in clause_starts(line) {
        if starts_with_a_time(&line[at..]) && !line[start..at].trim().is_empty() {
            parts.push(line[start..at].trim().to_owned());
            start = at;
        }
    }
    if parts.is_empty() {
        return vec![line.to_owned()];
    }
    parts.push(line[start..].trim().to_owned());
    parts
}

/// Where each sentence or clause after the first starts in `line`: after a full stop, `!`
/// or `?` and a space, or after a semicolon, or after the full stop Chinese and Japanese
/// write (`。`), which takes no space after it.
fn clause_starts(line: &str) -> impl Iterator<Item = usize> + '_ {
    line.char_indices().filter_map(|(at, c)| {
        let after = at + c.len_utf8();
        let rest = &line[after..];
        let spaced = rest.len() - rest.trim_start().len();
        match c {
            '.' | '!' | '?' | ';' if spaced > 0 => Some(after + spaced),
            '；' | ';' => Some(after + spaced),
            c if crate::model::ends_an_east_asian_sentence(c) => Some(after + spaced),
            _ => None,
        }
    })
}

/// Whether most of `texts`, and more than one, begin with a time or a date: a single one
/// is a sentence that says when.
pub fn mostly_dated<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
    let (mut dated, mut all) = (0, 0);
    for text in texts {
        all += 1;
        dated += usize::from(starts_with_a_time_or_date(text));
    }
    dated >= 2 && dated * 5 >= all * 3
}

/// Whether most of `texts`, and more than one, name their event first and its time after a
/// colon (`Incident reported: 4:45AM EST, 8/12/2022`, `Power restored: 05:55`), as a list
/// of a page's milestones does.
fn mostly_timed_after_labels<'a>(texts: impl Iterator<Item = &'a str>) -> bool {
    let (mut timed, mut all) = (0, 0);
    for text in texts {
        all += 1;
        timed += usize::from(time_after_a_label(text));
    }
    timed >= 2 && timed * 5 >= all * 3
}

/// Whether `text` is a label of a few words, a colon, then a time; a field the templates
/// name (`Started: June 24, 21:10 UTC`) is a key time, not an event.
fn time_after_a_label(text: &str) -> bool {
    /// The most words such a label has: more is a sentence that mentions a time.
    const LABEL_WORDS: usize = 6;
    let Some((label, rest)) = text.split_once(':') else {
        return false;
    };
    let words = label.split_whitespace().count();
    (1..=LABEL_WORDS).contains(&words)
        && !label.contains(|c: char| c.is_ascii_digit())
        && read_clock(rest.trim_start()).is_some()
        && super::fields::field_line(text).is_none()
}

/// For each block, whether it is part of a timeline found by its content.
#[must_use]
pub fn timeline_by_content(blocks: &[Block]) -> Vec<bool> {
    let mut timed = vec![false; blocks.len()];
    for (index, block) in blocks.iter().enumerate() {
        match &block.kind {
            BlockKind::List(items) => {
                timed[index] = mostly_dated(items.iter().map(|item| item.text.as_str()))
                    || mostly_timed_after_labels(items.iter().map(|item| item.text.as_str()));
            }
            BlockKind::Table(_, rows) => {
                let first_cells = rows
                    .iter()
                    .filter_map(|row| row.cells.first().map(String::as_str));
                timed[index] = mostly_dated(first_cells);
            }
            BlockKind::Paragraph(lines) if lines.len() >= PARAGRAPH_RUN => {
                timed[index] = mostly_dated(lines.iter().map(|(_, line)| line.as_str()));
            }
            _ => {}
        }
    }
    mark_paragraph_runs(blocks, &mut timed);
    mark_updates_closed_by_stamps(blocks, &mut timed);
    mark_stamps_closing_a_story(blocks, &mut timed);
    mark_heading_runs(blocks, &mut timed, |text| read_clock(text).is_some());
    mark_heading_runs(blocks, &mut timed, is_a_dated_update);
    mark_dated_lists(blocks, &mut timed);
    mark_days_over_lists(blocks, &mut timed);
    mark_day_headings(blocks, &mut timed);
    timed
}

/// Headings that are days in a row (`### 21 Dicembre`, `### 22 Dicembre`), each over a list
/// of what happened that day with no times: a log kept by the day, each item a row on its
/// heading's day.
fn mark_days_over_lists(blocks: &[Block], timed: &mut [bool]) {
    let day_over_list = |index: usize| {
        matches!(&blocks[index].kind, BlockKind::Heading(_, text) if is_a_day_heading(text))
            && matches!(
                blocks.get(index + 1).map(|block| &block.kind),
                Some(BlockKind::List(_))
            )
    };
    let days: Vec<usize> = (0..blocks.len())
        .filter(|index| day_over_list(*index))
        .collect();
    if days.len() < HEADING_RUN {
        return;
    }
    for index in days {
        timed[index] = true;
        timed[index + 1] = true;
    }
}

/// A heading that dates an update (`### 25-Jun-2021: Bigdata storage failed`) right above a
/// list or paragraph whose every item or line opens with a time (`* 3:30 PM - Server
/// crashed`): even one such entry is the timeline's, on the heading's day.
fn mark_dated_lists(blocks: &[Block], timed: &mut [bool]) {
    for index in 1..blocks.len() {
        // A title (`# 2023-06-17 Mainnet Outage`) names the whole page, not a day's update.
        let BlockKind::Heading(2.., heading) = &blocks[index - 1].kind else {
            continue;
        };
        // A paragraph whose every line opens with a time (`At 5:10 PM: …` then `At 10:10
        // PM: …`) is such a list written without its marks.
        let all_timed = match &blocks[index].kind {
            BlockKind::List(items) => {
                !items.is_empty() && items.iter().all(|item| starts_with_a_time(&item.text))
            }
            BlockKind::Paragraph(lines) => {
                !lines.is_empty() && lines.iter().all(|(_, line)| starts_with_a_time(line))
            }
            _ => false,
        };
        if all_timed && (is_a_dated_update(heading) || is_a_day_heading(heading)) {
            timed[index] = true;
            timed[index - 1] = true;
        }
    }
}

/// A heading that is only a day (`### Weds 23 Nov 2016`) right above a timeline found by
/// its content is part of it: it dates the times below. So is a line of its own that is
/// only a day (`2016年9月29日:` over that day's list).
fn mark_day_headings(blocks: &[Block], timed: &mut [bool]) {
    for index in (0..blocks.len().saturating_sub(1)).rev() {
        let day = match &blocks[index].kind {
            BlockKind::Heading(_, text) => is_a_day_heading(text),
            BlockKind::Paragraph(lines) => {
                matches!(lines.as_slice(), [(_, only)] if is_a_day_heading(only))
            }
            _ => false,
        };
        if day && timed[index + 1] {
            timed[index] = true;
        }
    }
}

/// Whether a heading is only a day (`### Weds 23 Nov 2016`, `30 OKTOBER`).
fn is_a_day_heading(text: &str) -> bool {
    read_clock(text).is_none() && read_date_line(text).is_some()
}

/// Whether a paragraph is a mail's header as a list's archive shows it: who sent it, by
/// name and address, and when (`Karanbir Singh <kbsingh at centos.org>` with `Sat Apr 16
/// 09:09:20 UTC 2016`, either first). It dates the post; it is no event of the story.
#[must_use]
pub fn is_a_mail_header(lines: &[(usize, String)]) -> bool {
    let sender = |line: &str| {
        line.split_whitespace().any(|word| {
            let word = word.trim_matches(['<', '>', '(', ')']);
            word.split_once('@')
                .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
        }) || line
            .split(" at ")
            .nth(1)
            .and_then(|after| after.split_whitespace().next())
            .is_some_and(|host| {
                let host = host.trim_end_matches(['>', ')']);
                host.contains('.') && !host.contains(':') && !host.starts_with(char::is_numeric)
            })
    };
    let stamp = |line: &str| {
        read_clock(line).is_some_and(|(clock, rest)| clock.date.is_some() && rest.trim().is_empty())
            || crate::sources::is_dated_stamp(line)
    };
    matches!(lines, [(_, first), (_, second)]
        if (sender(first) && stamp(second)) || (stamp(first) && sender(second)))
}

/// Paragraphs in a row (nothing but paragraphs between them, and headings that are days) that each begin with a time,
/// or end with a line that is only a time and its day, as a status page stamps its updates
/// (`**Update**: Nodes are back.` then `June 21, 19:15 PT`).
fn mark_paragraph_runs(blocks: &[Block], timed: &mut [bool]) {
    let begins_with_time = |block: &Block| match &block.kind {
        BlockKind::Paragraph(lines) if is_a_mail_header(lines) => false,
        BlockKind::Paragraph(lines) => {
            lines
                .first()
                .is_some_and(|(_, line)| starts_with_a_time_or_date(line))
                || closed_by_a_stamp(lines)
                || lines
                    .last()
                    .is_some_and(|(_, line)| ends_with_dated_stamp(line))
                // A status desk's labelled update (`*Update* - We have isolated the
                // issue`, `*Update* Services are restored`), timed or not, read as written:
                // the label's emphasis may be all that sets it apart.
                || block
                    .source
                    .lines()
                    .next()
                    .is_some_and(|line| crate::sources::status_label(line).is_some())
        }
        _ => false,
    };
    let mut start = 0;
    while start < blocks.len() {
        if !begins_with_time(&blocks[start]) {
            start += 1;
            continue;
        }
        // A heading that is only a day (`## 31 OKTOBER`) between them dates the paragraphs
        // below it: a story told over days goes on across it, and across the rules a
        // status log draws between its days (`* * *`).
        let mut end = start;
        while end < blocks.len()
            && match &blocks[end].kind {
                BlockKind::Paragraph(_) | BlockKind::Rule => true,
                BlockKind::Heading(_, text) => is_a_day_heading(text),
                _ => false,
            }
        {
            end += 1;
        }
        let run: Vec<usize> = (start..end)
            .filter(|index| begins_with_time(&blocks[*index]))
            .collect();
        // A story that opens a few of its many paragraphs with a time (`At 18:30 UTC it was
        // determined …`) is no log: the times its sentences tell are read as told.
        let told_between = match (run.first(), run.last()) {
            (Some(first), Some(last)) => (*first..=*last)
                .filter(|index| matches!(blocks[*index].kind, BlockKind::Paragraph(_)))
                .count(),
            _ => 0,
        };
        // A status page's update, labelled with its status (`Resolved`) and closed by its
        // stamp, is a timeline's entry however few the page has: an incident may have had
        // two updates, or one.
        let labelled_updates = run.iter().all(|index| is_a_labelled_update(blocks, *index));
        if (run.len() >= PARAGRAPH_RUN || !run.is_empty() && labelled_updates)
            && run.len() * LOG_SHARE >= told_between
        {
            // A status log's day on a line of its own (`2019-3-1`) dates the paragraphs under
            // it, timed or not, up to the run's last entry.
            let last = run.last().copied().unwrap_or(start);
            let mut under_a_day = false;
            for index in start..last {
                if is_a_date_line(&blocks[index]) {
                    under_a_day = true;
                } else if under_a_day && matches!(blocks[index].kind, BlockKind::Paragraph(_)) {
                    timed[index] = true;
                }
            }
            for &index in &run {
                // `2:40am GMT+1` on a line of its own heads the update told below it, up
                // to the next time; the last one heads a paragraph, not the page's rest.
                if is_a_time_alone(&blocks[index]) {
                    let mut below = index + 1;
                    while below < end
                        && matches!(blocks[below].kind, BlockKind::Paragraph(_))
                        && !begins_with_time(&blocks[below])
                    {
                        timed[below] = true;
                        below += 1;
                        if Some(&index) == run.last() {
                            break;
                        }
                    }
                }
            }
            mark_update_paragraphs(blocks, &run, timed);
            for index in run {
                timed[index] = true;
                // `Resolved` on a line of its own over the update it labels, and `Dear
                // Clients,` opening the first update of a page that stamps each below it.
                if index > 0
                    && (is_a_status_line(&blocks[index - 1]) || is_a_salutation(&blocks[index - 1]))
                {
                    timed[index - 1] = true;
                }
            }
        }
        start = end.max(start + 1);
    }
}

/// Whether a block is a paragraph of one line that is only a time (`2:40am GMT+1`,
/// `**14:05 UTC**`), or the same time in two zones (`2:40am GMT+1/07:40am PST`), after an
/// update's label or not (`Update 2023-09-29 12:20 CEST (06:20 AM EDT)`); its day may stand
/// on the lines above it (`Mercredi 10 mars.` over `6:32`).
fn is_a_time_alone(block: &Block) -> bool {
    let alone = |rest: &str| {
        rest.trim_matches(|c: char| !c.is_alphanumeric()).is_empty()
            || restated_time(rest).is_some()
    };
    // `Mercredi 10 mars.` then `6:32`: the day above the time is the time's.
    let BlockKind::Paragraph(lines) = &block.kind else {
        return false;
    };
    let Some(((_, last), days)) = lines.split_last() else {
        return false;
    };
    days.iter().all(|(_, day)| read_date_line(day).is_some())
        && (read_clock(last.trim_start_matches(BEFORE_A_TIME)).is_some_and(|(_, rest)| alone(rest))
            || crate::sources::labelled_time(last).is_some_and(|(_, _, rest)| alone(rest)))
}

/// Whether a block is a paragraph of one line that is a day and nothing more.
fn is_a_date_line(block: &Block) -> bool {
    matches!(&block.kind, BlockKind::Paragraph(lines)
        if lines.len() == 1 && read_date_line(&lines[0].1).is_some())
}

/// Headings of one level that `belong` (times, or dated updates), with only the story under
/// each between them.
fn mark_heading_runs(blocks: &[Block], timed: &mut [bool], belongs: impl Fn(&str) -> bool) {
    let mut run: Vec<usize> = Vec::new();
    let mut run_level = 0;
    let mut close = |run: &mut Vec<usize>| {
        if run.len() >= HEADING_RUN {
            for index in run.iter() {
                timed[*index] = true;
            }
        }
        run.clear();
    };
    for (index, block) in blocks.iter().enumerate() {
        let BlockKind::Heading(level, text) = &block.kind else {
            continue;
        };
        let member = belongs(text);
        if member && (run.is_empty() || *level == run_level) {
            run_level = *level;
            run.push(index);
        } else if member {
            close(&mut run);
            run_level = *level;
            run.push(index);
        } else if *level <= run_level || run.is_empty() {
            // A heading of the same level or above that is not one ends the run; a deeper
            // one is part of the story under the last.
            close(&mut run);
        }
    }
    close(&mut run);
    // A log kept by kind (`## Outages`, `## Defences`, each over its dated entries) breaks
    // its runs at each kind's heading: a level whose headings are mostly such entries, and
    // three or more, is the log's, wherever they stand.
    for level in 1..=6 {
        let at_level: Vec<(usize, bool)> = blocks
            .iter()
            .enumerate()
            .filter_map(|(index, block)| match &block.kind {
                BlockKind::Heading(found, text) if *found == level => Some((index, belongs(text))),
                _ => None,
            })
            .collect();
        let members = at_level.iter().filter(|(_, member)| *member).count();
        if members >= 3 && members * 3 >= at_level.len() * 2 {
            for (index, member) in at_level {
                timed[index] |= member;
            }
        }
    }
}

/// Whether a heading dates an update: a calendar date with its year anywhere in it
/// (`### Updated 15 August 2019`, `## 2019-08-14: mail is back`), or a time after a label
/// (`### Update 27.08.2022 10:00 Uhr:`). Two or more in a row are a story told by update,
/// each heading an entry with the text below it.
fn is_a_dated_update(heading: &str) -> bool {
    read_clock(heading).is_none()
        && (date_in_text(heading, None).is_some() || clock_after_label(heading).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_story_that_opens_a_few_of_many_paragraphs_with_a_time_is_no_log() {
        use std::fmt::Write as _;
        let mut story = String::from("On June 17th at 18:00 UTC the site went down.\n\n");
        for paragraph in 0..8 {
            writeln!(story, "Background paragraph {paragraph} of the story.\n").unwrap();
            if paragraph == 3 {
                story.push_str("At 18:30 UTC the database went offline.\n\n");
            }
        }
        story.push_str("At 04:20 UTC the standby was ready.\n");
        assert!(
            timed(&story).iter().all(|timed| !timed),
            "{:?}",
            timed(&story)
        );
        let log = "14:03 alert fired.\n\nWe looked.\n\n14:10 rolled back.\n\n14:20 back.\n";
        assert!(timed(log).iter().filter(|timed| **timed).count() >= 3);
    }

    #[test]
    fn a_story_line_splits_where_a_sentence_begins_with_a_time() {
        let line = "At approximately 2:45 AM, we lost the routers. At or around 2:35 AM, \
                    monitoring alerted us. Repairs began at approximately 3:40 AM. At 4:32 AM, \
                    service was restored. The primary router is not repaired.";
        assert_eq!(
            split_at_timed_sentences(line),
            [
                "At approximately 2:45 AM, we lost the routers.",
                "At or around 2:35 AM, monitoring alerted us. Repairs began at approximately \
                 3:40 AM.",
                "At 4:32 AM, service was restored. The primary router is not repaired.",
            ]
        );
        let one = "At 14:03 the alert fired. We paged Bob.";
        assert_eq!(split_at_timed_sentences(one), [one]);
    }
    use crate::sources::markdown::blocks::read_blocks;

    fn timed(text: &str) -> Vec<bool> {
        timeline_by_content(&read_blocks(text))
    }

    #[test]
    fn lists_paragraph_runs_and_heading_runs_of_times_are_timelines() {
        assert_eq!(
            timed("- 14:03 alert\n- 14:05 paged\n- then we looked\n"),
            [true]
        );
        assert_eq!(
            timed("- 14:03 alert\n- we looked\n- and fixed it\n"),
            [false]
        );
        assert_eq!(
            timed("14:03 alert.\n\n14:05 paged.\n\n2:10 PM fixed.\n"),
            [true, true, true]
        );
        // Two paragraphs that begin with a time are a story that says when.
        assert_eq!(timed("14:03 alert.\n\n14:05 paged.\n"), [false, false]);
        // Updates each closed by the day and time they were posted.
        assert_eq!(
            timed(
                "Fixed, all good.\nMay 3, 10:40 CET\n\nA fix is going out.\nMay 3, 09:15 CET\n\n\
                 Looking into slow logins.\n<br>*2 May 2025 22:05*\n"
            ),
            [true, true, true]
        );
        // A paragraph that only mentions a date at its end is no update.
        assert_eq!(
            timed("We met.\nOn 3 May.\n\nWe talked.\nMay 4\n\nWe left.\nMay 5\n"),
            [false, false, false]
        );
        assert_eq!(
            timed("## 14:03\n\nAlert.\n\n## 14:05\n\nPaged.\n\n## Root cause\n\nDisk.\n"),
            [true, false, true, false, false, false]
        );
        // A day as a heading above such a run dates it; one above a story does not.
        assert_eq!(
            timed("### Tues 22 Nov 2016\n\n1015: alert.\n\n1022: paged.\n\n1026: fixed.\n"),
            [true, true, true, true]
        );
        assert_eq!(timed("### Tues 22 Nov 2016\n\nWe met.\n"), [false, false]);
        // Updates headed by their day, two or more in a row, tell a story by the day.
        assert_eq!(
            timed(
                "### Updated 15 August 2019\n\nWiki is back.\n\n\
                 ### Original post from 13 August 2019\n\nThe disks died.\n\n\
                 ### Sadly\n\nMore.\n"
            ),
            [true, false, true, false, false, false]
        );
        // One update under its day, as a list of one or as lines that each open with a
        // time; a line in bold that opens with a day and its year is such a heading.
        assert_eq!(
            timed("## Past\n\n### 25-Jun-2021: Storage failed\n\n* 3:30 PM - crashed\n"),
            [false, true, true]
        );
        assert_eq!(
            timed(
                "__10-Aug-2020: Power outage__\n\nAt 5:10 PM: power back.\nAt 10:10 PM: all up.\n"
            ),
            [true, true]
        );
        // A page's title names the page, not a day.
        assert_eq!(
            timed("# 2023-06-17 Outage\n\nOn 17 June 2023, 18h05 UTC, nodes stopped.\n"),
            [false, false]
        );
        // Times written as links to the chat where they were said.
        assert_eq!(
            timed(
                "[1758](https://chat.example/p1): paged.\n\n\
                 [1923](https://chat.example/p2): status posted.\n\n~1940: switched.\n"
            ),
            [true, true, true]
        );
    }
}
