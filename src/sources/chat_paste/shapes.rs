//! What a paste's lines have in common, read before its lines are: how its messages are
//! headed (`name 9:19`, Teams' `[8:33 AM] Dana W.`), and a city written after every time
//! as their zone.

use super::speakers::{looks_like_a_name, without_status_emoji};
use super::{
    bracketed_time, is_bare_time, strip_leading_emphasis, strip_list_marker, strip_separators,
};
use crate::model::read_clock;

/// The city a source writes after its times, as its zone (`16:37 Denver - Mark updated the
/// plugins`): the same city after the time on three lines at least, and on at least half of
/// the lines that open with a time. Once is a person's name as often as a zone.
pub(super) fn city_after_times(lines: &[&str]) -> Option<chrono_tz::Tz> {
    let mut timed = 0;
    let mut cities: Vec<(chrono_tz::Tz, usize)> = Vec::new();
    for line in lines {
        let line = strip_leading_emphasis(strip_list_marker(line.trim())).into_owned();
        let Some((clock, rest)) = read_clock(&line) else {
            continue;
        };
        timed += 1;
        let rest = rest.trim_start();
        if clock.zone.is_some() {
            continue;
        }
        if let Some((zone, _)) = crate::model::city_zone_at_start(rest) {
            match cities.iter_mut().find(|(known, _)| *known == zone) {
                Some((_, count)) => *count += 1,
                None => cities.push((zone, 1)),
            }
        }
    }
    cities
        .into_iter()
        .find(|(_, count)| *count >= 3 && count * 2 >= timed)
        .map(|(zone, _)| zone)
}

/// The text after the city `zone` is named for, and the word `time` or a separator, when
/// `text` opens with it.
pub(super) fn after_city(text: &str, zone: chrono_tz::Tz) -> Option<&str> {
    let (found, length) = crate::model::city_zone_at_start(text)?;
    if found != zone {
        return None;
    }
    let rest = &text[length..];
    let rest = rest.strip_prefix(" time").unwrap_or(rest);
    Some(strip_separators(rest))
}

/// Whether messages are headed by their time in brackets and the author's name alone after
/// it (`[8:33 AM] Dana Whitfield`), as Teams copies them: two such lines at least.
pub(super) fn heads_with_bracketed_times(lines: &[&str]) -> bool {
    lines
        .iter()
        .filter(|line| bracketed_header_name(line.trim()).is_some())
        .take(2)
        .count()
        == 2
}

/// The author a bracketed header names: `[Yesterday 12:47 PM] Butzer, Tony (Contractor)`.
fn bracketed_header_name(line: &str) -> Option<&str> {
    let (_, _, after) = bracketed_time(line)?;
    let name = after.trim();
    let name = ["[E]", "(External)", "[External]", "(Guest)"]
        .iter()
        .find_map(|mark| name.strip_suffix(mark))
        .unwrap_or(name)
        .trim();
    looks_like_a_name(name).then_some(name)
}

/// Where a bracketed header starts that ends a line of other text: `…github.com[Yesterday
/// 12:47 PM] Butzer, Tony (Contractor)`.
pub(super) fn glued_header(line: &str) -> Option<usize> {
    line.char_indices()
        .filter(|(at, c)| *c == '[' && *at > 0)
        .map(|(at, _)| at)
        .find(|at| !line[..*at].trim().is_empty() && bracketed_header_name(&line[*at..]).is_some())
}

/// Whether several lines of a paste are `name 9:19` and nothing else (a Slack copy with one
/// space between the name and the time): then such lines head messages.
pub(super) fn heads_with_name_space_time(lines: &[&str]) -> bool {
    let heads = lines
        .iter()
        .filter(|line| {
            let line = line.trim();
            line.rsplit_once(' ').is_some_and(|(name, time)| {
                !name.ends_with(' ')
                    && is_bare_time(time)
                    && !name.trim().is_empty()
                    && looks_like_a_name(&without_status_emoji(name))
            })
        })
        .count();
    heads >= 2
}

/// Whether messages are written as a logger's records: a time alone on its line, the
/// author's name alone on the next, the text below (`1569876804` / `nrdmn` / `good
/// evening!`). Three such records at least, and most of the lines that are a time alone.
pub(super) fn names_below_times(lines: &[&str]) -> bool {
    let mut bare_times = 0;
    let mut records = 0;
    for (at, line) in lines.iter().enumerate() {
        // A time alone is short: a long line is read no further.
        let line = line.trim();
        if line.len() > 32 || !is_bare_time(line) {
            continue;
        }
        bare_times += 1;
        let mut below = lines[at + 1..].iter().map(|line| line.trim());
        let named = below.next().is_some_and(is_a_name_alone);
        let text = below
            .next()
            .is_some_and(|text| !text.is_empty() && !is_bare_time(text));
        if named && text {
            records += 1;
        }
    }
    records >= 3 && records * 2 > bare_times
}

/// A nick or a name alone on a line: one word, or a short name.
pub(super) fn is_a_name_alone(line: &str) -> bool {
    !line.is_empty() && !line.ends_with(':') && !is_bare_time(line) && looks_like_a_name(line)
}

/// Whether a line (trimmed) opens or closes a fenced code block (```` ``` ````, `~~~`).
pub(super) fn is_a_fence(line: &str) -> bool {
    line.starts_with("```") || line.starts_with("~~~")
}

/// The numbers (from 1, as the reader counts lines) of the fences around a log pasted inside
/// a page (a meeting's transcript in a blog post, between ```` ``` ```` lines): a fenced
/// block of two lines or more, most of which open with a time. Such a block is messages, not
/// code quoted in the message above it.
pub(super) fn fenced_logs(lines: &[&str]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    for (index, line) in lines.iter().enumerate() {
        if !is_a_fence(line.trim()) {
            continue;
        }
        let Some(start) = open.take() else {
            open = Some(index);
            continue;
        };
        let inside: Vec<&str> = lines[start + 1..index]
            .iter()
            .map(|line| line.trim())
            .filter(|line| !line.is_empty())
            .collect();
        let timed = inside
            .iter()
            .filter(|line| {
                let line = strip_list_marker(line);
                bracketed_time(line).is_some() || read_clock(line).is_some()
            })
            .count();
        if timed >= 2 && timed * 5 >= inside.len() * 3 {
            found.extend([start + 1, index + 1]);
        }
    }
    found
}

/// The time a log writes glued, hours, minutes and seconds without a separator, at the
/// start of a line (`231743  user text`, as an IRC client shows a buffer with its time format
/// set so), with the text after it.
pub(super) fn glued_time(line: &str) -> Option<(chrono::NaiveTime, &str)> {
    let line = line.trim_start();
    let digits = line.get(..6)?;
    let rest = &line[6..];
    if !digits.bytes().all(|byte| byte.is_ascii_digit()) || !rest.starts_with([' ', '\t']) {
        return None;
    }
    let number = |at: usize| digits[at..at + 2].parse::<u32>().ok();
    let time = chrono::NaiveTime::from_hms_opt(number(0)?, number(2)?, number(4)?)?;
    Some((time, rest))
}

/// Whether a paste is a log whose lines open with glued times (`231743`, `231941`): three
/// at least, and every line that is not blank. Six digits alone open too many other lines
/// (an order's number, a count) to be read as a time on fewer.
pub(super) fn opens_with_glued_times(lines: &[&str]) -> bool {
    let written: Vec<&&str> = lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .collect();
    written.len() >= 3 && written.iter().all(|line| glued_time(line).is_some())
}
