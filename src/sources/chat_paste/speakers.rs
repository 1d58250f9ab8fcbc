//! Who wrote a message: the headers chat tools put above or before it (`Alice R.  2:03 PM`,
//! `Alice R. — Today at 4:12 PM`, Zulip's linked `Alice R. (Feb 26 2018 at 18:21):`, Zoom's
//! `From  Alice R.  to  Everyone:`, IRC's `<alice>`), and what looks like a person's name.

use super::irc;
use crate::model::{WrittenDay, WrittenTime, read_clock, read_date_line};

/// A name without the status emoji Slack glues to it: `Chris Bobbe:speech_balloon:`.
pub(super) fn without_status_emoji(name: &str) -> String {
    let mut name = name.trim();
    while let Some(inner) = name.strip_suffix(':')
        && let Some((before, code)) = inner.rsplit_once(':')
        && !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
    {
        name = before.trim_end();
    }
    name.to_owned()
}

/// A name without the emphasis a copy set it in (`**walter**`, `_Ana_`): marks that stand at
/// both ends; `Jedi_`, with one at its end only, keeps it.
fn without_emphasis(name: &str) -> &str {
    for mark in ["**", "__", "*", "_"] {
        if let Some(inner) = name
            .strip_prefix(mark)
            .and_then(|rest| rest.strip_suffix(mark))
            && !inner.trim().is_empty()
        {
            return inner.trim();
        }
    }
    name
}

/// The most bytes a time that ends a chat header takes, gaps and brackets included.
const LONGEST_TRAILING_TIME: usize = 64;

/// `Alice R.  2:03 PM`, `Alice R. [2:03 PM]`, `PagerDuty APP  14:03`, Discord's
/// `Alice — Today at 4:12 PM` and `Alice — 03/25/2023 4:12 PM`: a name, then a time,
/// then nothing; with `one_space`, `ael 22:43` too. Returns the name (without a bot's APP
/// tag or status emoji) and the time.
pub(super) fn name_then_time(line: &str, one_space: bool) -> Option<(String, WrittenTime)> {
    let mut starts: Vec<usize> = line
        .char_indices()
        .filter(|(_, c)| c.is_whitespace() || *c == '[')
        .map(|(at, c)| if c == '[' { at } else { at + c.len_utf8() })
        .collect();
    starts.dedup();
    // The time ends the line and is short ("[Today at 12:34:56 PM]"), so only the last few
    // dozen bytes can start it: looking further back made a long line quadratic (100 KB of
    // `[` took seconds).
    let end = line.trim_end().len();
    for start in starts {
        if end.saturating_sub(start) > LONGEST_TRAILING_TIME {
            continue;
        }
        let (name, time) = line.split_at(start);
        let time = time.trim();
        // Only a time that stands apart: in brackets, with AM/PM, or after a wider gap
        // (chat clients set the name and the time apart), so "Rollback ETA 14:30" in a
        // message stays text.
        let apart = time.starts_with('[')
            || time.chars().any(|c| c.is_ascii_alphabetic())
            || one_space && name.ends_with(' ')
            || name.ends_with(|c: char| c.is_whitespace())
                && name.trim_end().len() + 1 < name.len();
        // Skype for Business ends the header with a colon: `Ana Lima 9:32 AM:`.
        if let Some((clock, rest)) = read_clock(time.trim_start_matches('['))
            && rest.trim().trim_end_matches([']', ':']).trim().is_empty()
            && apart
        {
            // Discord sets `Name — Today at 4:12 PM` apart with a dash.
            let name = name
                .trim()
                .trim_end_matches(['\u{b7}', '-', '|', '\u{2014}', '\u{2013}'])
                .trim();
            let name = addressed_sender(name).unwrap_or(name);
            // A copy kept in Markdown may make each header a heading: `## Alice R.  2:03 PM`,
            // `## Bob Today at 4:59 PM`. A heading with a calendar date is a page's own
            // (`## Next Meeting - June 03, 2021 at 1300 UTC`): a chat's header gives the clock.
            let heading = name.strip_prefix('#');
            if heading.is_some()
                && matches!(
                    clock.date,
                    Some(WrittenDay::Date(_) | WrittenDay::Numeric { .. })
                )
            {
                return None;
            }
            let name = heading
                .map_or(name, |marked| marked.trim_start_matches('#'))
                .trim_start();
            let name = without_status_emoji(without_emphasis(name));
            let name = name
                .strip_suffix(" APP")
                .or_else(|| name.strip_suffix(" BOT"))
                .unwrap_or(&name)
                .trim();
            return looks_like_a_name(name).then(|| (name.to_owned(), clock));
        }
    }
    None
}

/// The units a stamp relative to the moment of copying counts in (`17 minutes ago`).
const RELATIVE_UNITS: [&str; 7] = ["second", "minute", "hour", "day", "week", "month", "year"];

/// `## Yejun Lee  17 minutes ago`, `Dana W.  an hour ago`: a header whose stamp counts back
/// from when the page was copied (Slack's threads, forums), which gives no time of day. A
/// name, set apart by a wider gap or heading the line, then the stamp and nothing more.
/// Returns the name and the stamp as written.
pub(super) fn name_then_relative_stamp(line: &str) -> Option<(String, String)> {
    let line = line.trim_end();
    let words: Vec<&str> = line.split(' ').collect();
    let [.., count, unit, ago] = words.as_slice() else {
        return None;
    };
    let unit = unit.to_lowercase();
    let counted =
        matches!(count.to_lowercase().as_str(), "a" | "an" | "one") || count.parse::<u32>().is_ok();
    if !ago.eq_ignore_ascii_case("ago")
        || !counted
        || !RELATIVE_UNITS
            .iter()
            .any(|known| unit == *known || unit.strip_suffix('s') == Some(known))
    {
        return None;
    }
    let stamp_at = line.len() - (count.len() + unit.len() + ago.len() + 2);
    let name = &line[..stamp_at];
    let heading = name.starts_with('#');
    if !(heading || name.ends_with("  ")) {
        return None;
    }
    let name = without_emphasis(name.trim_start_matches('#').trim());
    let name = without_status_emoji(name);
    looks_like_a_name(&name).then(|| (name, line[stamp_at..].to_owned()))
}

/// Discord's header of a message older than yesterday, copied: `potter420 — 05/01/2022`, the
/// name and the day with no time (the times of the messages grouped under it follow in
/// brackets, `[20:09]`). An issue thread's post, as an index of the thread writes its
/// header: `nthien · comment · 2024-05-11`, the name, what the post is and its day. Gives
/// the name and the day.
pub(super) fn name_then_day(line: &str) -> Option<(String, WrittenDay)> {
    let (name, day) = line
        .split_once(" \u{2014} ")
        .or_else(|| line.split_once(" \u{2013} "))
        .or_else(|| {
            let (name, rest) = line.split_once(" \u{b7} ")?;
            let (kind, day) = rest.split_once(" \u{b7} ")?;
            kind.chars()
                .all(|c| c.is_ascii_lowercase())
                .then_some((name, day))
        })?;
    let (day, rest) = crate::model::read_day(day)?;
    let name = name.trim();
    (rest.trim().is_empty() && !matches!(day, WrittenDay::Relative(_)) && looks_like_a_name(name))
        .then(|| (name.to_owned(), day))
}

/// Zulip's published archives head each message with `Name (Feb 26 2018 at 18:21):`, and
/// Rocket.Chat's exports with `name (Tue, 23 Jul 2019 09:24:01 GMT):`; in
/// their Markdown the line is a heading and a link to the message, after an image:
/// `#### [![Zulip](icon.png) Name (Feb 26 2018 at 18:21)](https://…):`. Gives the name, the
/// time and the link.
pub(super) fn name_then_dated_time(line: &str) -> Option<(String, WrittenTime, Option<String>)> {
    let (text, target) = link_parts(line.trim_start_matches('#').trim());
    let stamped = text
        .trim()
        .trim_end_matches(':')
        .trim_end()
        .strip_suffix(')')?;
    let (name, stamp) = stamped.rsplit_once('(')?;
    let clock = match stamp.rsplit_once(" at ") {
        Some((date, time)) => {
            let (date, _) = read_date_line(date)?;
            let (mut clock, rest) = read_clock(time)?;
            clock.date = Some(WrittenDay::Date(date));
            rest.trim().is_empty().then_some(clock)
        }
        // Rocket.Chat's `gabriel (Tue, 23 Jul 2019 09:24:01 GMT):`.
        None => read_clock(stamp)
            .filter(|(clock, rest)| clock.date.is_some() && rest.trim().is_empty())
            .map(|(clock, _)| clock),
    }?;
    let name = name.trim();
    looks_like_a_name(name).then(|| (name.to_owned(), clock, target.map(str::to_owned)))
}

/// A header of labelled fields, as a forum's dump or a mail's copy writes one above the
/// message: `## \#1 Posted by: Kug3lis Posted at: 2018-09-10T22:34:21.312Z Reads: 227`,
/// `From: Dana Sent: 5 March 2024 10:42`. Only a number of the post may stand before the
/// author's label, and the time must carry its date.
pub(super) fn labelled_author_and_time(line: &str) -> Option<(String, WrittenTime)> {
    const AUTHOR_LABELS: [&str; 3] = ["posted by:", "author:", "from:"];
    const TIME_LABELS: [&str; 4] = ["posted at:", "date:", "sent:", "time:"];
    let text = line.trim_start_matches(['#', ' ']);
    // ASCII case keeps every byte where it was, so offsets found in it hold in `text`.
    let lower = text.to_ascii_lowercase();
    let found = |labels: &[&str]| {
        labels
            .iter()
            .find_map(|label| lower.find(label).map(|at| (at, at + label.len())))
    };
    let (author_at, name_start) = found(&AUTHOR_LABELS)?;
    let (time_at, time_start) = found(&TIME_LABELS)?;
    let before = text[..author_at].trim().trim_start_matches('\\');
    let numbered = before.is_empty()
        || before
            .trim_start_matches('#')
            .bytes()
            .all(|byte| byte.is_ascii_digit());
    if !numbered || time_at < name_start {
        return None;
    }
    let name = text[name_start..time_at].trim();
    let (clock, _) = read_clock(text[time_start..].trim_start())?;
    (clock.date.is_some() && looks_like_a_name(name)).then(|| (name.to_owned(), clock))
}

/// The text and target of a Markdown link that makes up a whole line, without an image
/// before it: `[![alt](src) text](url):` gives `text` and `url`; any other line is itself,
/// with no target.
fn link_parts(line: &str) -> (&str, Option<&str>) {
    let Some((text, target)) = line
        .strip_prefix('[')
        .and_then(|inner| inner.rsplit_once("]("))
    else {
        return (line, None);
    };
    let target = target
        .trim_end()
        .trim_end_matches(':')
        .strip_suffix(')')
        .map(str::trim)
        // A web address as some archives write it, spaces unescaped
        // (`…/stream/113489-new members/topic/…`), is still the message's address.
        .filter(|target| {
            !target.is_empty()
                && (!target.contains(char::is_whitespace) || target.starts_with("http"))
        });
    let text = match text
        .strip_prefix("![")
        .and_then(|image| image.split_once(')'))
    {
        Some((_, after)) => after.trim(),
        None => text,
    };
    (text, target)
}

/// Splits the text after a time into who and what: `<alice> …` and `* alice …` (IRC and
/// Matrix logs), `alice: …` when the part before the colon looks like a name.
pub(super) fn actor_and_event(rest: &str) -> (Option<String>, String) {
    let rest = speaker_unmarked(rest);
    let rest = rest.as_ref();
    if let Some(inner) = rest.strip_prefix('<')
        && let Some((nick, message)) = inner.split_once('>')
        && (looks_like_a_name(nick) || irc::looks_like_a_nick(nick.trim()))
        && !message.trim().is_empty()
    {
        // `<bob>: hi` (Ricochet's export, some bridges): the colon only sets the nick apart.
        let message = message.strip_prefix(':').unwrap_or(message);
        // `<@alice>`, `< +bob>`: the sign says the channel made them an operator or gave
        // them a voice; the person is the nick after it.
        let nick = nick.trim();
        let bare = nick.trim_start_matches(['@', '+', '%', '~', '&']);
        // A Matrix id (`<@alice:matrix.org>`) keeps its `@`: it is part of the id.
        let nick = if bare.is_empty() || !irc::looks_like_a_nick(nick) {
            nick
        } else {
            bare
        };
        return (Some(nick.to_owned()), message.trim().to_owned());
    }
    if let Some(action) = rest.strip_prefix("* ")
        && let Some((nick, _)) = action.split_once(char::is_whitespace)
        && looks_like_a_name(nick)
    {
        return (Some(nick.to_owned()), action.trim().to_owned());
    }
    // Zoom saves its chat as `From  Ana Lima  to  Everyone: text` (or `From Ana Lima : text`,
    // the text perhaps on the line below).
    if let Some((header, message)) = rest.split_once(':')
        && let Some(name) = addressed_sender(header)
        && looks_like_a_name(name)
    {
        return (Some(name.to_owned()), message.trim().to_owned());
    }
    match rest.split_once(": ") {
        Some((name, message)) if looks_like_a_name(name) && !message.trim().is_empty() => {
            (Some(name.trim().to_owned()), message.trim().to_owned())
        }
        _ => (None, rest.to_owned()),
    }
}

/// An IRC line rendered as Markdown (`**\<nick>** text`, `**\* nick** does`) as the log
/// wrote it: the speaker without the emphasis and escapes around it.
fn speaker_unmarked(line: &str) -> std::borrow::Cow<'_, str> {
    for mark in ["**", "__"] {
        let Some(inner) = line.strip_prefix(mark) else {
            continue;
        };
        let Some((speaker, after)) = inner.split_once(mark) else {
            continue;
        };
        let speaker = speaker
            .replace("\\<", "<")
            .replace("\\>", ">")
            .replace("\\*", "*");
        let is_speaker =
            (speaker.starts_with('<') && speaker.ends_with('>')) || speaker.starts_with("* ");
        if is_speaker {
            return format!("{speaker} {}", after.trim_start()).into();
        }
    }
    line.into()
}

/// The sender of a meeting chat's message, headed by whom it is from and to: Zoom's `From
/// Ana Lima  to  Everyone` (or `From Ana Lima`, the recipient left out), Webex's `from
/// Bradley Needham (Guest) to Everyone:`. `None` for a header that does not open with `from`.
fn addressed_sender(header: &str) -> Option<&str> {
    let header = header.trim();
    let from = header
        .strip_prefix("From ")
        .or_else(|| header.strip_prefix("from "))?;
    let from = from.trim_end_matches(':').trim_end();
    let sender = from.rsplit_once(" to ").map_or(from, |(sender, _)| sender);
    Some(sender.trim())
}

/// Words that start a line as a label, not as a person: `Note: …`, `Update: …`.
const LABELS: [&str; 19] = [
    "stream",
    "topic",
    "channel",
    "note",
    "notes",
    "update",
    "status",
    "fyi",
    "action",
    "summary",
    "impact",
    "cause",
    "resolution",
    "todo",
    "decision",
    "question",
    "info",
    "warning",
    "error",
];

/// A chat name is short and has no sentence in it: `alice`, `Bob M.`, `pagerduty-bot`,
/// `Smith, John`; not a zone (`UTC`), not a label (`Note`).
pub(super) fn looks_like_a_name(text: &str) -> bool {
    let text = text.trim();
    // `Brian Richter (Aviary Tech)`: a name with the organisation chat tools add after it.
    if let Some(inner) = text.strip_suffix(')')
        && let Some((name, organisation)) = inner.rsplit_once(" (")
        && !organisation.is_empty()
        && organisation.split_whitespace().count() <= 4
        && !organisation.contains(['(', ')', '[', ']', '<', '>', ':'])
    {
        return looks_like_a_name(name);
    }
    // `**Mondays: 6pm CAT (11am EST)**`: a line set in bold whole is a label, and the words
    // before its colon open the emphasis without closing it.
    if let Some(mark) = ["**", "__", "*", "_"]
        .iter()
        .find(|mark| text.starts_with(*mark))
        && !text.ends_with(mark)
    {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    // A Markdown heading (`## Next meeting - June 3, 13:00 UTC`) names no one, and more
    // times (`13:55, 14:27` after the row's `13:49`) are no one's name.
    if text.is_empty()
        || !text.contains(char::is_alphabetic)
        || text.starts_with('#')
        || text.chars().count() > 40
        || words.len() > 5
        || text.contains("//")
        // `Rick: :heart:` is a name and its message.
        || text.contains(": ")
        || text.contains(['?', '!', '<', '>', '(', ')', '[', ']'])
        || crate::model::zone_named(text).is_some()
        || LABELS.contains(&text.to_lowercase().as_str())
        || text
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
        || is_a_date(text)
    {
        return false;
    }
    // One word may be any handle; several must each start with a capital (or be an
    // initial, or a particle such as `von` between capitalised words), as names do and
    // sentences do not.
    words.len() == 1
        || words.iter().enumerate().all(|(index, word)| {
            let inner = index > 0 && index + 1 < words.len();
            word.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || inner && NAME_PARTICLES.contains(word)
        })
}

/// Whether a label is a day and nothing more (`**23 Feb 2021**`, `Tuesday, 3 May`): it
/// dates its text, it did not write it.
fn is_a_date(text: &str) -> bool {
    // Every day written in full has a number; a name seldom does, and is not read further.
    if !text.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let unmarked = text.trim_matches(['*', '_']);
    crate::model::read_day(unmarked).is_some_and(|(day, rest)| {
        matches!(day, crate::model::WrittenDay::Date(_))
            && rest.trim_matches(['*', '_', ' ', ',']).is_empty()
    })
}

/// Words that join the parts of a name in lower case: `Ludwig van Beethoven`.
const NAME_PARTICLES: [&str; 14] = [
    "von", "van", "der", "den", "de", "da", "das", "do", "dos", "del", "la", "le", "bin", "al",
];
