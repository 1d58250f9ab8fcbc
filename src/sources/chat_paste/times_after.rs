//! Sources that write each message's time after it, as status pages do: `Resolved - This
//! incident has been resolved.` then `Posted Nov 06, 2019 - 21:48 UTC`, or a label and a
//! body then `Mar 13, 10:16 MDT`. Such a source ends with a time and starts without one;
//! each time closes the lines written since the one before.

use super::line_marks::strip_separators;
use super::{ChatPaste, DayLine, PastedRow, UnusedLine, UnusedReason};
use crate::model::{WrittenTime, opens_with_a_told_time, read_clock, read_date_line};

/// Words a status page puts before an update's time.
const STAMP_WORDS: [&str; 4] = ["posted", "updated", "published", "last updated"];

/// Whether a line is only a time stamp with its day, as a status page closes an update
/// with: `Posted Nov 06, 2019 - 21:48 UTC`, `June 21, 19:15 PT`.
#[must_use]
pub fn is_dated_stamp(line: &str) -> bool {
    stamp(line).is_some_and(|clock| clock.date.is_some())
}

/// Whether a line is a status page's stamp that says it is one, with its day and time:
/// `Posted Nov 25, 2022 - 12:41 CET`.
#[must_use]
pub fn is_a_posted_stamp(line: &str) -> bool {
    says_it_is_a_stamp(line) && is_dated_stamp(line)
}

/// Whether a line is an HTML tag alone (`</details>`), as a post wraps a pasted log.
fn is_a_tag(line: &str) -> bool {
    line.starts_with('<') && line.ends_with('>') && !line[1..].contains('<')
}

/// `line` past the status page's word for its stamp it opens with (`Posted`, `Last
/// updated`), when it opens with one.
fn past_a_stamp_word(line: &str) -> Option<&str> {
    let lower = line.to_lowercase();
    STAMP_WORDS.iter().find_map(|word| {
        lower
            .strip_prefix(word)
            .filter(|rest| rest.starts_with([' ', ':']))
            .map(|rest| &line[line.len() - rest.len()..])
    })
}

/// Whether a line opens with a status page's word for its stamp (`Posted …`).
fn says_it_is_a_stamp(line: &str) -> bool {
    past_a_stamp_word(line.trim_start()).is_some()
}

/// A line that is only a time stamp: `Posted Nov 06, 2019 - 21:48 UTC`, `Mar 13, 10:16
/// MDT`, `(Saturday 10th March 2018 09:35:38 UTC)`.
fn stamp(line: &str) -> Option<WrittenTime> {
    let line = line.trim();
    let line = before_an_age(line).unwrap_or(line);
    let line = line.trim_start_matches('(').trim_end_matches([')', '.']);
    let line = past_a_stamp_word(line)
        .unwrap_or(line)
        .trim_start_matches([' ', ':']);
    let line = after_an_age(line).unwrap_or(line);
    let (clock, rest) = read_clock(line)?;
    rest.trim().is_empty().then_some(clock)
}

/// `line` past the age a status page writes before an update's date (`12 months ago.` in
/// `Posted 12 months ago. Apr 05, 2018 - 02:38 UTC`, `about 1 year ago.`).
fn after_an_age(line: &str) -> Option<&str> {
    let (age, rest) = line.split_once(" ago")?;
    let rest = rest.trim_start_matches(['.', ',']).trim_start();
    let words: Vec<&str> = age.split_whitespace().collect();
    let [.., count, unit] = words.as_slice() else {
        return None;
    };
    (is_an_age(count, unit) && words.len() <= 3).then_some(rest)
}

/// `line` before the age a status page writes in brackets after an update's time, as
/// against the update above (`(1 hour earlier)` in `Tue, May 24, 2022, 03:14 PM(1 hour
/// earlier)`) or against now (`(3 days ago)`).
fn before_an_age(line: &str) -> Option<&str> {
    let inside = line.strip_suffix(')')?;
    let open = inside.rfind('(')?;
    let words: Vec<&str> = inside[open + 1..].split_whitespace().collect();
    let [count, unit, relation] = words.as_slice() else {
        return None;
    };
    let relative = matches!(
        relation.to_lowercase().as_str(),
        "ago" | "earlier" | "later" | "before" | "after"
    );
    (relative && is_an_age(count, unit)).then(|| inside[..open].trim_end())
}

/// Whether `count` and `unit` are an age (`3 hours`, `a day`).
fn is_an_age(count: &str, unit: &str) -> bool {
    const UNITS: [&str; 7] = ["second", "minute", "hour", "day", "week", "month", "year"];
    let counted = count.chars().all(|c| c.is_ascii_digit()) || matches!(count, "a" | "an");
    let unit = unit.to_lowercase();
    counted && UNITS.contains(&unit.trim_end_matches('s'))
}

/// Whether a line is a message that ends with its time stamp, date and all, set apart from
/// its words as a status site writes an update on one line (`*Identified* - A fix is
/// applied. {{< track "2022-11-14 07:04:00" >}}`, `Rolled back (2024-03-02 14:10 UTC)`).
/// A sentence that ends with a time it tells (`… stable starting from 20-Jul-2015 8:20
/// UTC.`) is no such message.
#[must_use]
pub fn ends_with_dated_stamp(line: &str) -> bool {
    set_apart_stamp(line).is_some()
}

/// [`trailing_stamp`], when the stamp is set apart from the message: in a shortcode or in
/// brackets, or after a dash or a bar. Gives the message, the time, and the stamp as
/// written when a shortcode wraps it (`{{< track "…" >}}`), whose words the time alone
/// would not keep.
pub(super) fn set_apart_stamp(line: &str) -> Option<(&str, WrittenTime, Option<&str>)> {
    let (message, clock) = trailing_stamp(line)?;
    let line = line.trim();
    let stamp = line.get(message.len()..)?.trim();
    let between = stamp
        .split(|c: char| c.is_ascii_digit())
        .next()
        .unwrap_or_default();
    let bracketed = ["{{", "(", "["].iter().any(|mark| between.contains(mark));
    let dashed = message.ends_with(['-', '\u{2013}', '\u{2014}', '|']);
    (bracketed || dashed).then(|| {
        (
            message.trim_end_matches(['-', '\u{2013}', '\u{2014}', '|', ' ']),
            clock,
            written_shortcode(line, message),
        )
    })
}

/// The stamp after `message` in `line` as written, when a static site's shortcode wraps it
/// (`{{< track "2022-11-14 07:04:00" >}}`): a row keeps it in its notes, since the time
/// alone would not keep its words.
fn written_shortcode<'a>(line: &'a str, message: &str) -> Option<&'a str> {
    let stamp = line.trim().get(message.len()..)?.trim();
    stamp.starts_with("{{").then_some(stamp)
}

/// A message that ends with its time stamp, date and all: `**Update**: Recovering.
/// {{< track "2018-05-10T10:10:00.000Z" >}}`, `Deploy rolled back (2024-03-02 14:10 UTC)`.
/// Gives the message without the stamp and what wraps it.
pub(super) fn trailing_stamp(line: &str) -> Option<(&str, WrittenTime)> {
    let line = line.trim();
    let closing = |c: char| c.is_whitespace() || "\"')]}>%.".contains(c);
    let starts = line.char_indices().filter(|(at, c)| {
        c.is_ascii_digit()
            && line[..*at]
                .chars()
                .next_back()
                .is_some_and(|before| !before.is_alphanumeric())
    });
    for (at, _) in starts {
        let Some((clock, rest)) = read_clock(&line[at..]) else {
            continue;
        };
        if clock.date.is_none() || !rest.chars().all(closing) {
            continue;
        }
        let mut message =
            line[..at].trim_end_matches(|c: char| c.is_whitespace() || "\"'([".contains(c));
        // A static site's shortcode around the stamp: `{{< track "…" >}}`.
        if let Some(open) = message.rfind("{{")
            && message[open + 2..]
                .trim_start_matches(['<', '%'])
                .split_whitespace()
                .count()
                <= 1
        {
            message = message[..open].trim_end();
        }
        // Words before the stamp, and not a key of a settings block (`date = …`).
        let words = message.split_whitespace().count();
        if words >= 2 && !message.ends_with(['=', ':']) {
            return Some((message, clock));
        }
        return None;
    }
    None
}

/// A line that is only a time stamp as a status page writes one: with its day, or with its
/// zone under a heading that gives the day (`5:26 PM PST`). A chat's bare `2:04` is a
/// header whose message comes below it.
fn is_status_stamp(line: &str) -> bool {
    stamp(line).is_some_and(|clock| clock.date.is_some() || clock.zone.is_some())
}

/// Whether `lines` put each time after its message: at least two lines that are only a
/// status page's time stamp (or one that says it is a stamp), the last line is one (or the page's one line of footer
/// follows it: `This incident affected: …`) and the first (past the page's day) is not; or
/// at least two messages that end with their dated stamp, and none that starts with a
/// time.
#[must_use]
pub fn times_follow_messages(lines: &[&str]) -> bool {
    let written: Vec<&str> = lines
        .iter()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .collect();
    // The first line that is not the page's day (`Wednesday December 22, 2021`), nor the
    // stamp that closes the postmortem above the updates (`Posted Mar 11, 2020 - 10:18 CAT`
    // over `Dear Clients,`).
    let first = written
        .iter()
        .enumerate()
        .find(|(at, line)| {
            read_date_line(line).is_none()
                && !(*at == 0 && is_a_posted_stamp(line) && written.len() > 1)
        })
        .map(|(_, line)| line);
    let Some(first) = first else {
        return false;
    };
    let stamps = written.iter().filter(|line| is_status_stamp(line)).count();
    // A footer may follow only a stamp that says it is one (`Posted …`), or be a page's
    // markup alone (`</details>`): after a bare time, the line below is that time's
    // message (`Sean Wheeler` / `4/16/2020 5:19:46 PM` / the message).
    let ends_stamped = match written.as_slice() {
        [.., before, last] => {
            is_status_stamp(last)
                || (is_status_stamp(before) && (says_it_is_a_stamp(before) || is_a_tag(last)))
        }
        [last] => is_status_stamp(last),
        [] => false,
    };
    // One stamp is enough when it says it is one, with its day (`Posted Mar 02, 2021 -
    // 09:12 UTC`): a status page's incident with a single update.
    // No other line may tell a time: a chat's headers (`Kevin (Jun 03 2021 at 18:53):`)
    // open their messages, and the page's `Last updated: …` below them is its footer.
    let enough = stamps >= 2
        || stamps == 1
            && written.iter().any(|line| is_a_posted_stamp(line))
            && written
                .iter()
                .filter(|line| tells_a_clock_time(line))
                .count()
                == 1;
    if enough && ends_stamped && stamp(first).is_none() {
        return true;
    }
    // Lines that start with a time rule it out at once (a log's first line does), before
    // any line is searched for a stamp at its end.
    // A header that is a name and its time (`Eric — 03/04/2024 3:33 PM`, as Discord copies
    // head messages) opens the message below it: no stamp closing the lines above.
    // A time in brackets (`[12:20:05] <nick> …`) opens a log's line as a bare one does.
    written
        .iter()
        .all(|line| read_clock(line.trim_start_matches(['[', '('])).is_none())
        && written
            .iter()
            .filter(|line| {
                trailing_stamp(line).is_some()
                    && super::speakers::name_then_time(line, false).is_none()
            })
            .nth(1)
            .is_some()
}

/// Whether a line holds a clock time anywhere: a digit, a colon, two digits.
fn tells_a_clock_time(line: &str) -> bool {
    line.as_bytes().windows(4).any(|four| {
        four[0].is_ascii_digit()
            && four[1] == b':'
            && four[2].is_ascii_digit()
            && four[3].is_ascii_digit()
    })
}

/// Reads `lines` as messages each closed by its time.
#[must_use]
pub(super) fn read(lines: &[&str]) -> ChatPaste {
    let mut paste = ChatPaste {
        stamped_below: true,
        ..ChatPaste::default()
    };
    let mut day: Option<DayLine> = None;
    let mut pending: Vec<(usize, &str)> = Vec::new();
    let logged = logged_entries(lines);
    for (index, raw) in lines.iter().enumerate() {
        let number = index + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some((clock, event)) = logged[index].then(|| log_entry(line)).flatten() {
            // The text above the log is a message its stamp did not date.
            if !pending.is_empty() {
                paste.rows.push(untimed_row(&pending, day));
                pending.clear();
            }
            paste
                .rows
                .push(timed_row(vec![number], clock, day, event.to_owned()));
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
            let event = joined(&pending);
            pending.clear();
            paste.rows.push(timed_row(numbers, clock, day, event));
            continue;
        }
        if let Some((message, clock)) = trailing_stamp(line) {
            // The lines before a stamped message are a message of their own, one its
            // stamp did not date (a status page's first word on an incident).
            if !pending.is_empty() {
                paste.rows.push(untimed_row(&pending, day));
                pending.clear();
            }
            paste.rows.push(PastedRow {
                notes: written_shortcode(line, message)
                    .unwrap_or_default()
                    .to_owned(),
                ..timed_row(vec![number], clock, day, message.to_owned())
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

/// A line of a log that opens with its time and tells what happened after it (`12:38 PM -
/// Engineers receive alerts`): its time and its text. A sentence that tells its time (`At
/// 12:38 PM, we …`) is an update's text, which its stamp closes.
fn log_entry(line: &str) -> Option<(WrittenTime, &str)> {
    if stamp(line).is_some() || trailing_stamp(line).is_some() || opens_with_a_told_time(line) {
        return None;
    }
    let (clock, rest) = read_clock(line)?;
    let event = strip_separators(rest);
    (!event.is_empty() && event.len() < rest.len()).then_some((clock, event))
}

/// Which of `lines` are a log's entries: two or more in a row, as a postmortem posted as
/// an update lists its timeline (`12:38 PM - Engineers receive alerts`, `12:42 PM - Same
/// interface flaps`) above the stamp that closes it. Each is a row at its own time; a
/// single one is the text of the update it opens.
fn logged_entries(lines: &[&str]) -> Vec<bool> {
    let written: Vec<(usize, bool)> = lines
        .iter()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| (index, log_entry(line.trim()).is_some()))
        .collect();
    let mut logged = vec![false; lines.len()];
    for (at, (index, entry)) in written.iter().enumerate() {
        logged[*index] = *entry
            && (at.checked_sub(1).is_some_and(|before| written[before].1)
                || written.get(at + 1).is_some_and(|(_, after)| *after));
    }
    logged
}

/// A message its stamp dates, from `lines`.
fn timed_row(
    lines: Vec<usize>,
    clock: WrittenTime,
    day: Option<DayLine>,
    event: String,
) -> PastedRow {
    PastedRow {
        lines,
        clock: Some(clock),
        offset: None,
        day,
        actor: None,
        event,
        notes: String::new(),
        evidence: String::new(),
    }
}

/// The lines of a message that no stamp dates, as one row without a time.
fn untimed_row(pending: &[(usize, &str)], day: Option<DayLine>) -> PastedRow {
    PastedRow {
        lines: pending.iter().map(|(number, _)| *number).collect(),
        clock: None,
        offset: None,
        day,
        actor: None,
        event: joined(pending),
        notes: String::new(),
        evidence: String::new(),
    }
}

/// The text of lines read as one message.
fn joined(lines: &[(usize, &str)]) -> String {
    lines
        .iter()
        .map(|(_, text)| *text)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row's text and hour (0 for a row without a time).
    fn events_and_hours(paste: &ChatPaste) -> Vec<(&str, u32)> {
        use chrono::Timelike;
        paste
            .rows
            .iter()
            .map(|row| {
                (
                    row.event.as_str(),
                    row.clock.map_or(0, |clock| clock.time.hour()),
                )
            })
            .collect()
    }

    #[test]
    fn a_day_page_stamps_each_update_after_it_with_a_time_and_its_zone() {
        let text = "Wednesday December 22, 2021\n\nTrouble with connectivity\n\n\
                    Issue summary: from 4:20 a.m. to 9:30 a.m. PST, messages failed.\n\n\
                    5:26 PM PST\n\nWe are still looking.\n\n12:13 PM PST\n";
        let lines: Vec<&str> = text.lines().collect();
        assert!(times_follow_messages(&lines));
        let paste = read(&lines);
        assert_eq!(
            events_and_hours(&paste),
            [
                (
                    "Trouble with connectivity Issue summary: from 4:20 a.m. to 9:30 a.m. PST, \
                     messages failed.",
                    17
                ),
                ("We are still looking.", 12),
            ]
        );
        // A chat whose bare times head the messages below them is no such page.
        let chat = "Incident log\n10:00\nwe are down\n10:05\nrolling back\n10:10\n";
        assert!(!times_follow_messages(&chat.lines().collect::<Vec<_>>()));
    }

    #[test]
    fn a_log_in_the_postmortem_above_a_stamp_keeps_each_entry_at_its_own_time() {
        let text = "Storage cluster degraded\n\
                    09:02 AM - Disk alarms fire on two nodes\n\
                    09:10 AM - On-call moves writes to the standby\n\
                    09:31 AM - Writes return to the primary\n\
                    We will replace both disks tonight.\n\
                    Posted Mar 04, 2024 - 11:00 CET\n\
                    Resolved - At 09:31 AM writes returned to the primary.\n\
                    Posted Mar 04, 2024 - 09:40 CET\n";
        let lines: Vec<&str> = text.lines().collect();
        assert!(times_follow_messages(&lines));
        assert_eq!(
            events_and_hours(&read(&lines)),
            [
                ("Storage cluster degraded", 0),
                ("Disk alarms fire on two nodes", 9),
                ("On-call moves writes to the standby", 9),
                ("Writes return to the primary", 9),
                ("We will replace both disks tonight.", 11),
                ("Resolved - At 09:31 AM writes returned to the primary.", 9),
            ]
        );
        // One line that opens with a time is the text of the update it opens.
        let single = "14:05 UTC - We found the cause.\nPosted Mar 04, 2024 - 14:20 UTC\n\
                      Resolved\nPosted Mar 04, 2024 - 15:00 UTC\n";
        let lines: Vec<&str> = single.lines().collect();
        assert_eq!(
            events_and_hours(&read(&lines)),
            [("14:05 UTC - We found the cause.", 14), ("Resolved", 15)]
        );
    }

    #[test]
    fn one_update_closed_by_a_stamp_that_says_so_is_enough() {
        let single = [
            "Resolved",
            "Logins fail; a fix is out.",
            "Posted Mar 02, 2021 - 09:12 UTC",
        ];
        assert!(times_follow_messages(&single));
        assert_eq!(
            events_and_hours(&read(&single)),
            [("Resolved Logins fail; a fix is out.", 9)]
        );
        // A stamp that does not say so is a line of text as often.
        assert!(!times_follow_messages(&[
            "Logins fail.",
            "Mar 02, 2021 - 09:12 UTC"
        ]));
        // Messages under headers that tell their times, and the page's footer below them.
        let archive = [
            "Kevin Paul (Jun 03 2021 at 18:53):",
            "The server will be down next week.",
            "Last updated: May 16 2025 at 17:14 UTC",
        ];
        assert!(!times_follow_messages(&archive));
        // A log whose lines open with their times in brackets, some telling a day at their
        // end, is a log.
        let log = [
            "[12:20:05] * Topic set by XX on 2021-05-19 22:38:00 UTC",
            "[12:20:05] * Channel #x created on 2021-05-19 15:09:41 UTC",
            "[12:21:10] <crab> still points at the old network",
        ];
        assert!(!times_follow_messages(&log));
    }

    #[test]
    fn a_status_page_writes_each_time_after_its_update() {
        let text = "Resolved\n\nThis incident has been resolved.\n\nPosted Nov 06, 2019 - 22:24 UTC\n\n\
                    Investigating\n\nWe are looking into it.\n\nPosted Nov 06, 2019 - 21:28 UTC\n";
        let lines: Vec<&str> = text.lines().collect();
        assert!(times_follow_messages(&lines));
        let paste = read(&lines);
        assert_eq!(
            events_and_hours(&paste),
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
        // The page's footer may follow its last stamp.
        let footed = [
            "Update",
            "We are continuing to monitor.",
            "Posted Jun 07, 2022 - 14:10 CDT",
            "Monitoring",
            "We identified an issue.",
            "Posted Jun 07, 2022 - 14:06 CDT",
            "This incident affected: USA - Authentication Service.",
        ];
        assert!(times_follow_messages(&footed));
        // An older page writes the update's age before its date.
        assert!(is_dated_stamp(
            "Posted 12 months ago. Apr 05, 2018 - 02:38 UTC"
        ));
        assert!(is_dated_stamp(
            "Posted about 1 year ago. Apr 05, 2018 - 02:38 UTC"
        ));
        assert!(!is_dated_stamp("Posted 12 months ago."));
        // A newer one writes it after the time, as against the update above.
        assert!(is_dated_stamp(
            "Tue, May 24, 2022, 03:14 PM(1 hour earlier)"
        ));
        assert!(is_dated_stamp(
            "Tue, May 24, 2022, 11:16 AM (33 minutes earlier)"
        ));
        assert!(!is_dated_stamp(
            "Tue, May 24, 2022, 03:14 PM (fixed earlier)"
        ));
        let wrapped = [
            "Update - Services recover.",
            "Nov 18, 2025 - 12:21 UTC",
            "Investigating - Errors.",
            "Nov 18, 2025 - 11:48 UTC",
            "</details>",
        ];
        assert!(times_follow_messages(&wrapped));
        // After a bare time, the line below is its message.
        let headed = [
            "Dennis",
            "4/16/2020 4:59:17 PM",
            "Where will the recording be?",
            "Sean",
            "4/16/2020 5:19:46 PM",
            "aka.ms/PSCommunityCall",
        ];
        assert!(!times_follow_messages(&headed));
    }

    #[test]
    fn a_message_may_end_with_its_stamp() {
        let text = "Checkout is failing for some shoppers.\n\n\
                    **Update**: Payments are back. {{< track \"2022-11-02T10:40:00Z\" >}}\n\n\
                    **Resolved**: All clear (2022-11-02 11:05 UTC)\n";
        let lines: Vec<&str> = text.lines().collect();
        assert!(times_follow_messages(&lines));
        let paste = read(&lines);
        let rows: Vec<(&str, Option<u32>)> = paste
            .rows
            .iter()
            .map(|row| {
                use chrono::Timelike;
                (
                    row.event.as_str(),
                    row.clock.map(|clock| clock.time.minute()),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("Checkout is failing for some shoppers.", None),
                ("**Update**: Payments are back.", Some(40)),
                ("**Resolved**: All clear", Some(5)),
            ]
        );
        // A settings block's date, or a time at the start of each line, is no such source.
        assert!(!times_follow_messages(&[
            "date = 2019-05-10T08:17:31Z",
            "x"
        ]));
        let chat = [
            "14:03 deploy 2024-03-02 14:10",
            "14:05 paged 2024-03-02 14:12",
        ];
        assert!(!times_follow_messages(&chat));
    }
}
