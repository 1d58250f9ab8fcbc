//! What a line of a paste carries around its words: a list's bullet, emphasis, a log's
//! own tag, a time in brackets or written as a link, the separators after a time and a
//! chat's `(edited)` mark. The reader looks past these to find a line's time and author.

use super::{WrittenDay, WrittenTime, read_clock, read_unix_stamp};

/// A line that is a time and nothing else: `2:04`, `[14:05]`, `1569876804`.
pub(super) fn is_bare_time(line: &str) -> bool {
    read_clock(line)
        .or_else(|| read_unix_stamp(line))
        .is_some_and(|(_, rest)| rest.trim().is_empty())
        || bracketed_time(line).is_some_and(|(_, _, after)| after.trim().is_empty())
}

/// The same moment written again after a time, in another zone (`/07:40am PST` after
/// `2:40am GMT+1`, `| 31 juillet 2024 13h57 (heure du Pacifique)` after `… 20h57 UTC`):
/// the restatement, without the mark that sets it apart. It is no event: the update's
/// text is below it.
#[must_use]
pub fn restated_time(rest: &str) -> Option<&str> {
    let rest = rest.trim();
    let restated = rest
        .strip_prefix(['/', '|', '(', '=', '\u{2013}', '\u{2014}', '-'])?
        .trim();
    // `(06:20 AM EDT)`: the brackets around it are no part of it.
    let restated = match restated.strip_suffix(')') {
        Some(inside) if rest.starts_with('(') && !inside.contains('(') => inside.trim_end(),
        _ => restated,
    };
    // `31 juillet 2024 13h57`: the day may be written again too.
    let time = crate::model::read_day(restated)
        .map_or(restated, |(_, after)| after.trim_start_matches([',', ' ']));
    let (_, mut after) = read_clock(time)?;
    // `(06:20 AM EDT, 03:20 AM PDT)`: the same time in more zones than one.
    while let Some((_, rest)) = after
        .trim_start()
        .strip_prefix([',', '/', ';'])
        .and_then(|more| read_clock(more.trim_start()))
    {
        after = rest;
    }
    let after = after.trim();
    // `(heure du Pacifique)`: the zone named in words the time reader does not know.
    let zone_in_words =
        after.starts_with('(') && after.ends_with(')') && after.split_whitespace().count() <= 4;
    (after
        .trim_matches(|c: char| !c.is_alphanumeric())
        .is_empty()
        || zone_in_words)
        .then_some(restated)
}

/// `- `, `* `, `• `, `1. `, `1) ` at the start of a line, and a heading's `### ` before a
/// time.
pub(super) fn strip_list_marker(line: &str) -> &str {
    // `↳ 2025-08-25 10:13 dakkk: thanks`: a reply in a thread, written under the message it
    // answers (Matrix and Slack archives).
    for bullet in [
        "- ",
        "* ",
        "\u{2022} ",
        "+ ",
        "\u{2013} ",
        "\u{2014} ",
        "\u{21b3} ",
        "\u{21aa} ",
        "\u{2514} ",
    ] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return rest.trim_start();
        }
    }
    // `` `2020-12-02T17:55:31+00:00 heroku[router]: …``: a log line pasted after a code
    // mark left open.
    // (A time in a code span, `` `14:03` deploy``, is read as it was.)
    let unticked = line.trim_start_matches('`');
    if unticked.len() < line.len()
        && read_clock(unticked).is_some_and(|(_, rest)| !rest.starts_with('`'))
    {
        return unticked;
    }
    // `### 12:49 PM` over the text: a Markdown heading that is a time heads its entry.
    let hashes = line.bytes().take_while(|byte| *byte == b'#').count();
    if (1..=6).contains(&hashes)
        && let Some(rest) = line[hashes..].strip_prefix(' ')
        && read_clock(rest.trim_start()).is_some()
    {
        return rest.trim_start();
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && let Some(rest) = line[digits..]
            .strip_prefix(". ")
            .or_else(|| line[digits..].strip_prefix(") "))
    {
        return rest.trim_start();
    }
    after_a_step_number(line).unwrap_or(line)
}

/// The text after a step's number written right against the time that follows it
/// (`1.15:23,监测到故障`, `2、15:47`, `3)09:10`), as a numbered list typed without its
/// space is: the time with a colon says the number before it is no part of it.
pub fn after_a_step_number(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = line[digits..].strip_prefix(['.', '、', ')'])?;
    let hour = rest.bytes().take_while(u8::is_ascii_digit).count();
    let minutes = rest.get(hour..)?.strip_prefix(':')?;
    let glued_time = (1..=2).contains(&hour)
        && minutes.len() >= 2
        && minutes.bytes().take(2).all(|byte| byte.is_ascii_digit())
        && !minutes[2..].starts_with(|c: char| c.is_ascii_digit());
    glued_time.then_some(rest)
}

/// A line whose first words are in bold or italics (`**16:58 UTC** - …`, `_14:03_ …`), or
/// that is all in them (a chat header pasted into Markdown: `_Diego M.  8:05 PM_`), without
/// the marks around them, so a time set off that way reads as any other.
pub(super) fn strip_leading_emphasis(line: &str) -> std::borrow::Cow<'_, str> {
    for mark in ["**", "__", "*", "_"] {
        if let Some(inside) = line
            .strip_prefix(mark)
            .and_then(|rest| rest.strip_suffix(mark))
            && !inside.trim().is_empty()
            && !inside.contains(mark)
        {
            return std::borrow::Cow::Borrowed(inside.trim());
        }
        if let Some(rest) = line.strip_prefix(mark)
            && let Some((inside, after)) = rest.split_once(mark)
            && !inside.is_empty()
            && inside.len() <= 40
            && read_clock(inside).is_some()
        {
            return std::borrow::Cow::Owned(format!("{inside}{after}"));
        }
    }
    time_emphasised_after_its_day(line)
        .map_or(std::borrow::Cow::Borrowed(line), std::borrow::Cow::Owned)
}

/// A day, then its time in bold or italics (`Dec 17th **21:43** @nova …`, an ops log kept
/// in Markdown): the line without the marks around the time.
fn time_emphasised_after_its_day(line: &str) -> Option<String> {
    // Looked for only where a mark stands before a digit near the start, so that the day is
    // read on few lines of a long log.
    let mark_at = line.find(['*', '_']).filter(|at| *at <= 24)?;
    let after_marks = line[mark_at..].trim_start_matches(['*', '_']);
    if !after_marks.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (_, after_day) = crate::model::read_day(line)?;
    let day = &line[..line.len() - after_day.len()];
    let after_day = after_day.trim_start();
    let mark = ["**", "__", "*", "_"]
        .into_iter()
        .find(|mark| after_day.starts_with(mark))?;
    let (inside, after) = after_day[mark.len()..].split_once(mark)?;
    let (_, rest) = read_clock(inside)?;
    rest.trim()
        .is_empty()
        .then(|| format!("{} {inside}{after}", day.trim_end()))
}

/// A time in brackets at the start: `[14:03]`, `(2:03 PM)`, `[10:42 • 13/08/2024]`,
/// `[2025-08-01 14:03]`. Returns the time, whether it may head a message (a chat header),
/// and the text after the brackets.
/// A mark in brackets at the start of a line that is one word and no time (`[1179759531]`,
/// `[INFO]`, `<worker-3>`), and the rest of the line after it.
pub(super) fn leading_tag(line: &str) -> Option<(&str, &str)> {
    let close = match line.chars().next()? {
        '[' => ']',
        '<' => '>',
        _ => return None,
    };
    let end = line.find(close)?;
    let inside = &line[1..end];
    let one_word = !inside.is_empty()
        && inside.len() <= 40
        && !inside.chars().any(char::is_whitespace)
        && read_clock(inside).is_none();
    let rest = line[end + close.len_utf8()..].trim_start();
    (one_word && !rest.is_empty()).then(|| (&line[..=end], rest))
}

pub(super) fn bracketed_time(line: &str) -> Option<(WrittenTime, bool, &str)> {
    let close = match line.chars().next()? {
        '[' => ']',
        '(' => ')',
        _ => return None,
    };
    let (inside, after) = line[1..].split_once(close)?;
    // `[03-26 23:04]`: a month and day before the time (Kubernetes' postmortems).
    // `[1620246243]`: seconds since 1970, as Nagios stamps its log.
    let (clock, rest) = read_clock(inside)
        .or_else(|| {
            let (date, rest) = crate::model::read_month_day(inside)?;
            let (mut clock, rest) = read_clock(rest)?;
            clock.date = Some(WrittenDay::Date(date));
            Some((clock, rest))
        })
        .or_else(|| crate::model::read_unix_stamp(inside))?;
    // After the time only a date may follow inside the brackets (Teams writes one).
    let rest = rest
        .trim()
        .trim_start_matches(['\u{2022}', ',', '\u{b7}'])
        .trim();
    if !rest.is_empty()
        && !rest
            .chars()
            .all(|c| c.is_ascii_digit() || "/.-".contains(c))
    {
        return None;
    }
    Some((clock, true, strip_separators(after)))
}

/// A log page's state written right against its bracketed stamp, as a monitor's history
/// copies its icons' words (`Service Ok[2018-09-02 04:34:38] SERVICE ALERT: …`): the
/// label, and the time with the text after it. Only a stamp with its day, glued to a few
/// words with no space, so a name before a time in a chat (`Alice [10:05]`) stays one.
pub(super) fn glued_label_time(line: &str) -> Option<(&str, (WrittenTime, bool, &str))> {
    let open = line.find('[')?;
    let label = &line[..open];
    let glued = label.chars().next_back().is_some_and(char::is_alphanumeric);
    if !glued || label.split_whitespace().count() > 3 || label.contains([']', '(', ':']) {
        return None;
    }
    let timed = bracketed_time(&line[open..])?;
    timed.0.date.is_some().then_some((label.trim(), timed))
}

/// The keys a structured log line (logfmt, as Go's logrus and Prometheus write) opens with
/// its time under.
const LOGFMT_TIME_KEYS: [&str; 4] = ["time=", "ts=", "timestamp=", "t="];

/// A structured log line that opens with its time as a key and value (`time="2017-06-21T09:
/// 29:15Z" level=info msg="Listening on :9093"`): the time and the fields after it.
pub(super) fn logfmt_time(line: &str) -> Option<(WrittenTime, &str)> {
    let value = LOGFMT_TIME_KEYS
        .iter()
        .find_map(|key| line.strip_prefix(key))?;
    let (written, rest) = match value.strip_prefix('"') {
        Some(quoted) => quoted.split_once('"')?,
        None => value.split_once(' ').unwrap_or((value, "")),
    };
    let (clock, after) = read_clock(written)?;
    (after.trim().is_empty() && clock.date.is_some()).then_some((clock, rest.trim_start()))
}

/// The fields of a structured log line after its time, as a row's text and notes: the
/// message (`msg="…"`) is the text, the other fields as written the notes.
pub(super) fn logfmt_message(fields: &str) -> (String, String) {
    for key in ["msg=", "message="] {
        let Some(at) = fields
            .match_indices(key)
            .map(|(at, _)| at)
            .find(|at| *at == 0 || fields[..*at].ends_with(' '))
        else {
            continue;
        };
        let value = &fields[at + key.len()..];
        let (message, after) = match value.strip_prefix('"') {
            Some(quoted) => {
                let end = quoted
                    .char_indices()
                    .find(|(index, c)| *c == '"' && !quoted[..*index].ends_with('\\'))
                    .map_or(quoted.len(), |(index, _)| index);
                (&quoted[..end], quoted.get(end + 1..).unwrap_or_default())
            }
            None => value.split_once(' ').unwrap_or((value, "")),
        };
        let others = format!("{} {}", fields[..at].trim(), after.trim());
        return (message.replace("\\\"", "\""), others.trim().to_owned());
    }
    (fields.to_owned(), String::new())
}

/// The words a status desk labels its updates with, and those an incident report labels
/// its first and last moments with (`Start: 2016/03/16 15:00 - …`, `End: …`).
const STATUS_WORDS: [&str; 20] = [
    "start",
    "started",
    "begin",
    "began",
    "end",
    "ended",
    "detected",
    "posted",
    "updated",
    "update",
    "edit",
    "edited",
    "resolved",
    "investigating",
    "identified",
    "monitoring",
    "scheduled",
    "recovering",
    "mitigated",
    "completed",
];

/// The stages of an incident's updates; not `Completed` or `Scheduled`, which open the
/// paragraphs of a list of work as often.
const UPDATE_LABELS: [&str; 8] = [
    "update",
    "updated",
    "investigating",
    "identified",
    "monitoring",
    "recovering",
    "mitigated",
    "resolved",
];

/// Whether a line is only an update's status (`Resolved`, `**Monitoring**`, `Update:`), as
/// a status page's text puts it on a line of its own over the update.
pub(crate) fn is_a_status_word(line: &str) -> bool {
    let word = line.trim().trim_matches(['*', '_']).trim_end_matches(':');
    UPDATE_LABELS
        .iter()
        .any(|label| word.eq_ignore_ascii_case(label))
}

/// A status desk's label opening an update, set apart by its emphasis or a colon and then
/// a dash or colon (`*Update* - We have isolated the issue`, `**Resolved:** All clear`,
/// `Investigating - We are looking`): the label and the update's text. A sentence that
/// opens with such a word (`Update the runbook`) has no separator after it.
pub(crate) fn status_label(line: &str) -> Option<(&str, &str)> {
    let unmarked = line.trim_start().trim_start_matches(['*', '_']);
    let word_end = unmarked
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(unmarked.len());
    let (label, after) = unmarked.split_at(word_end);
    if !UPDATE_LABELS
        .iter()
        .any(|word| label.eq_ignore_ascii_case(word))
    {
        return None;
    }
    let after = after_update_number(after);
    let closed = after.trim_start_matches(['*', '_', ':']);
    let separated = closed.len() < after.len()
        || closed
            .trim_start()
            .starts_with(['-', '\u{2013}', '\u{2014}']);
    let after = closed;
    let text = strip_separators(after);
    (separated && !text.is_empty()).then_some((label, text))
}

/// What follows an update's number after its label (` 3: …` in `Update 3: …`, ` #2 (…)`),
/// as a status blog numbers its updates; `after` as it is when no number stands first.
fn after_update_number(after: &str) -> &str {
    /// The most digits an update's number has: more is a year or a count of something.
    const NUMBER_DIGITS: usize = 2;
    let number = after.trim_start().trim_start_matches('#');
    let digits = number.len()
        - number
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let rest = &number[digits..];
    // `Update 10:24 …` is a time, not an update's number.
    let a_clock =
        rest.starts_with([':', '.', 'h']) && rest[1..].starts_with(|c: char| c.is_ascii_digit());
    let set_apart =
        rest.is_empty() || rest.starts_with([':', '(', ' ', '*', '_', '-', '\u{2013}', '\u{2014}']);
    if (1..=NUMBER_DIGITS).contains(&digits) && set_apart && !a_clock {
        rest.trim_start()
    } else {
        after
    }
}

/// A status page's or a log's label and its time at the start of a line, in brackets or
/// not (`[UPDATED 12:56pm PST] …`, `Update 09:00: …`, `**Update 10:00**: …`): the label,
/// the time and the text after them. Without brackets the label must be a status word and
/// the time set apart from the text by a colon or a dash (or the end of its emphasis), so
/// `Updated 3 hosts` stays text.
pub(crate) fn labelled_time(line: &str) -> Option<(&str, WrittenTime, &str)> {
    if let Some(found) = labelled_bracketed_time(line) {
        return Some(found);
    }
    let unmarked = line.trim_start_matches(['*', '_']);
    let emphasised = unmarked.len() < line.len();
    if let Some(found) = update_in_other_words(unmarked) {
        return Some(found);
    }
    let (label, time) = unmarked.split_once(' ')?;
    // `**UPDATE** (2021-01-19 12:00 UTC) - …`: the label set apart by its own emphasis,
    // the stamp after it in brackets.
    let bare_label = label.trim_end_matches(['*', '_', ':']);
    if !STATUS_WORDS
        .iter()
        .any(|word| bare_label.eq_ignore_ascii_case(word))
    {
        return None;
    }
    // `*Update* - (4:27 PM PST) We are …`: a dash may stand between them, or the update's
    // number (`Update 3 (11:15AM PST): …`).
    if let Some((clock, _, after)) = bracketed_time(time)
        .or_else(|| bracketed_time(strip_separators(time)))
        .or_else(|| bracketed_time(after_update_number(time)))
    {
        return Some((bare_label, clock, after));
    }
    // A label in emphasis takes its time in brackets; one with a colon alone may be
    // followed by its time (`Start: 2016/03/16 15:00 - …`).
    if bare_label.len() < label.trim_end_matches(':').len() {
        return None;
    }
    // `Resolved - November 15, 5PM: The issue …`: a dash may stand before the time too.
    let (clock, after) = read_clock(time).or_else(|| {
        time.trim_start()
            .starts_with(['-', '\u{2013}', '\u{2014}'])
            .then(|| read_clock(strip_separators(time)))
            .flatten()
    })?;
    // `UPDATE 11:10am Tuesday 11-April-2017: …`: the day may follow the time.
    let (clock, after) = match crate::model::read_day(after) {
        Some((day, rest))
            if clock.date.is_none()
                && rest
                    .trim_start()
                    .starts_with([':', '-', '\u{2013}', '\u{2014}']) =>
        {
            (
                WrittenTime {
                    date: Some(day),
                    ..clock
                },
                rest,
            )
        }
        _ => (clock, after),
    };
    let closed = after.trim_start_matches(['*', '_']);
    // `Update 2023-09-29 12:20 CEST (06:20 AM EDT, 03:20 AM PDT)` on a line of its own,
    // over the update's text: the label and its time head what follows. (A stamp alone,
    // `Posted Nov 19, 2018 - 22:46 UTC`, closes the text above it.)
    let a_stage = is_a_status_word(bare_label);
    let alone = a_stage && (closed.trim().is_empty() || restated_time(closed).is_some());
    // `Identified Feb 23 02:30 UTC` with the update's text run on after it, as a page's
    // paragraph joins its lines: a status and a whole stamp (its day or zone written) are
    // set apart from the text by themselves.
    let run_on =
        a_stage && (clock.date.is_some() || clock.zone.is_some()) && closed.starts_with(' ');
    let set_apart = (emphasised && closed.len() < after.len())
        || alone
        || run_on
        || closed
            .trim_start()
            .starts_with([':', '-', '\u{2013}', '\u{2014}']);
    let text = if alone || run_on {
        closed.trim()
    } else {
        strip_separators(closed)
    };
    set_apart.then_some((bare_label, clock, text))
}

/// An update labelled in French, German, Spanish, Portuguese, Italian or Dutch, or in
/// English with a word before its time (`Mise à jour de 18h15 : …`, `Aktualisierung um
/// 14:00 Uhr: …`, `Actualización a las 10:30 - …`, `Update at 09:00: …`): the label, the
/// time and the text after the colon or dash that sets the time apart.
fn update_in_other_words(line: &str) -> Option<(&str, WrittenTime, &str)> {
    const LABELS: [&str; 9] = [
        "mise à jour",
        "aktualisierung",
        "actualización",
        "actualizacion",
        "atualização",
        "atualizacao",
        "aggiornamento",
        "update",
        "bijwerking",
    ];
    const LINKS: [&str; 13] = [
        "de ", "à ", "a las ", "às ", "as ", "um ", "ore ", "delle ", "alle ", "at ", "om ",
        "van ", "a ",
    ];
    let lower = line.to_lowercase();
    let label = LABELS
        .iter()
        .find(|label| lower.starts_with(*label) && lower[label.len()..].starts_with(' '))?;
    // Lowering keeps these labels' lengths in bytes: the same cut fits the line.
    let label_text = line.get(..label.len())?;
    let after_label = line.get(label.len()..)?.trim_start();
    // `Update placed at 15-09-2017, 14:24h:`: how the update was given may stand between.
    let after_label = after_label
        .split_once(' ')
        .filter(|(word, _)| {
            ["placed", "posted", "published", "added", "sent"]
                .iter()
                .any(|given| word.eq_ignore_ascii_case(given))
        })
        .map_or(after_label, |(_, rest)| rest.trim_start());
    let after_link = LINKS.iter().find_map(|link| {
        after_label
            .get(..link.len())
            .filter(|head| head.eq_ignore_ascii_case(link))
            .map(|_| &after_label[link.len()..])
    })?;
    let (clock, after) = read_clock(after_link)?;
    let after = after.trim_start_matches(['*', '_']).trim_start();
    after
        .starts_with([':', '-', '\u{2013}', '\u{2014}'])
        .then(|| (label_text, clock, strip_separators(after)))
}

/// A time in brackets after a one-word label, as a status desk stamps its updates
/// (`[POSTED 4:57pm PST]`, `[UPDATED 12:56pm PST]`, `[Update 14:03]`): the label, the time
/// and the text after the brackets. The label is a status word or a word in capitals, so a
/// name in the brackets (`[Alice 14:03]`) is not taken for one.
fn labelled_bracketed_time(line: &str) -> Option<(&str, WrittenTime, &str)> {
    let close = line.strip_prefix('[')?.find(']')? + 1;
    let inside = &line[1..close];
    let (label, time) = inside.split_once(' ')?;
    // A status word, or one word in capitals: `[Alice 14:03]` would be a person.
    let status_word = STATUS_WORDS
        .iter()
        .any(|word| label.eq_ignore_ascii_case(word));
    let shouted = label.len() <= 12
        && label
            .chars()
            .all(|c| c.is_alphabetic() && !c.is_lowercase())
        && label.chars().count() >= 2;
    if !status_word && !shouted {
        return None;
    }
    let (clock, rest) = read_clock(time)?;
    rest.trim()
        .is_empty()
        .then(|| (label, clock, strip_separators(&line[close + 1..])))
}

/// Separators people put between a time and what follows: ` - `, ` – `, ` — `, `: `, ` | `,
/// and the comma of a sentence that opens with its time (`At 11:17 UTC, a drive failed`;
/// `6時00分、`, with the comma of Japanese and Chinese), and an arrow (`11:52 -> the
/// certificate was issued`, `=>`).
pub(super) fn strip_separators(text: &str) -> &str {
    let rest = separator_marks(text);
    // `->` loses its dash to the marks; `- >` is no arrow.
    let after_a_dash = text[..text.len() - rest.len()].ends_with('-');
    // (IRCCloud marks a join with `→`: that arrow is the line's own.)
    let arrow = rest
        .strip_prefix("=>")
        .or_else(|| rest.strip_prefix('>').filter(|_| after_a_dash));
    arrow.map_or(rest, separator_marks)
}

/// `text` past the marks of [`strip_separators`] other than an arrow.
fn separator_marks(text: &str) -> &str {
    text.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '\u{2013}'
                    | '\u{2014}'
                    | ':'
                    | '|'
                    | ','
                    | '\u{3001}'
                    | '\u{ff0c}'
                    | '\u{ff1a}'
            )
    })
}

/// A message's text without Slack's "(edited)" mark.
pub(super) fn strip_edited(text: &str) -> &str {
    text.trim().strip_suffix("(edited)").unwrap_or(text).trim()
}

/// A line that opens with a time followed by a web address in brackets, as a Markdown link
/// on the time reads (`17:58 (https://chat/…): Ana acknowledged`): the line with the address
/// taken out (`17:58: Ana acknowledged`), and the address.
#[must_use]
pub fn time_link(line: &str) -> Option<(String, String)> {
    let (time, rest) = line.split_once(' ')?;
    let timelike = time.len() <= 8
        && time.chars().any(|c| c.is_ascii_digit())
        && time
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '~' | '.'));
    let inside = rest.strip_prefix('(')?;
    let (address, after) = inside.split_once(')')?;
    let web = (address.starts_with("https://") || address.starts_with("http://"))
        && !address.contains(char::is_whitespace);
    (timelike && web).then(|| (format!("{time}{after}"), address.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_steps_number_typed_against_its_time_is_a_list_mark() {
        assert_eq!(
            after_a_step_number("1.15:23,监测到故障"),
            Some("15:23,监测到故障")
        );
        assert_eq!(after_a_step_number("12、09:05 重启"), Some("09:05 重启"));
        assert_eq!(strip_list_marker("3)16:45 recovered"), "16:45 recovered");
        assert_eq!(
            strip_list_marker("`2020-12-02T17:55:31+00:00 app[web.1]: up"),
            "2020-12-02T17:55:31+00:00 app[web.1]: up"
        );
        assert_eq!(strip_list_marker("`14:03` deploy"), "`14:03` deploy");
        // A dotted time, a version or a number with no time after it stays as written.
        for written in ["1.15 PM", "1.15.23", "2.1:3", "100.15:23", "3.15:230"] {
            assert_eq!(after_a_step_number(written), None, "{written}");
        }
    }

    #[test]
    fn the_same_time_written_again_in_another_zone_is_a_restatement() {
        assert_eq!(restated_time("/07:40am PST"), Some("07:40am PST"));
        assert_eq!(restated_time(" | 13:57 PDT"), Some("13:57 PDT"));
        assert_eq!(
            restated_time(" (06:20 AM EDT, 03:20 AM PDT)"),
            Some("06:20 AM EDT, 03:20 AM PDT")
        );
        assert_eq!(
            restated_time(" | 31 juillet 2024 13h57 (heure du Pacifique)"),
            Some("31 juillet 2024 13h57 (heure du Pacifique)")
        );
        for told in [
            "/ we paged at 07:40",
            " - the API failed",
            " (14:05 was when it began)",
            "",
        ] {
            assert_eq!(restated_time(told), None, "{told}");
        }
    }

    #[test]
    fn an_update_may_be_numbered_or_stand_alone_with_its_time() {
        use chrono::Timelike;
        let (label, clock, text) = labelled_time("Update 3 (11:15AM PST): New cable.").unwrap();
        assert_eq!(
            (label, clock.time.hour(), text),
            ("Update", 11, "New cable.")
        );
        let (_, clock, text) = labelled_time("Update 6(3:10AM PST): Back online.").unwrap();
        assert_eq!((clock.time.hour(), text), (3, "Back online."));
        assert_eq!(
            status_label("Update 2: Technicians continue."),
            Some(("Update", "Technicians continue."))
        );
        // `Update 10:24` is a time, not the tenth update.
        assert_eq!(
            after_update_number(" 10:24 Rolled back"),
            " 10:24 Rolled back"
        );
        assert_eq!(after_update_number(" #12: Rolled back"), ": Rolled back");
        // Alone on its line, restated in other zones, the label and time head the text
        // below; a stamp alone closes the text above and is no such label.
        let (_, clock, rest) =
            labelled_time("Update 2023-09-29 12:20 CEST (06:20 AM EDT, 03:20 AM PDT)").unwrap();
        assert_eq!(clock.time.hour(), 12);
        assert!(restated_time(rest).is_some(), "{rest}");
        assert!(labelled_time("Posted Nov 19, 2018 - 22:46 UTC").is_none());
        assert_eq!(status_label("Update 2024 brought new hosts"), None);
    }

    #[test]
    fn an_update_labelled_in_other_words_gives_its_time() {
        for (line, hour, minute, text) in [
            (
                "Mise à jour de 18h15 : le disque est réparé.",
                18,
                15,
                "le disque est réparé.",
            ),
            (
                "Aktualisierung um 14:00 Uhr: Dienst läuft wieder.",
                14,
                0,
                "Dienst läuft wieder.",
            ),
            (
                "Actualización a las 10:30 - servicio restaurado",
                10,
                30,
                "servicio restaurado",
            ),
            (
                "**Update at 09:05**: the fix is out",
                9,
                5,
                "the fix is out",
            ),
            (
                "Update placed at 15-09-2017, 14:24h: The link is back.",
                14,
                24,
                "The link is back.",
            ),
        ] {
            let (_, clock, after) = labelled_time(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(
                (clock.time, after),
                (
                    chrono::NaiveTime::from_hms_opt(hour, minute, 0).unwrap(),
                    text
                ),
                "{line}"
            );
        }
        // A sentence that opens with the word and tells a time later is no label.
        assert!(labelled_time("Update the runbook at 09:00 tomorrow").is_none());
        assert!(labelled_time("Mise à jour prévue demain à 18h15.").is_none());
    }
}
