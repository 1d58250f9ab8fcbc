//! Reading dates in written text: ISO dates that start a timestamp (`2015-10-21`), and lines
//! that are a date and nothing more, which date the times below them: `2015-10-21 (all
//! times UTC)`, `Friday, 26 July 2024`, `July 26th, 2024`, `## Tue 3 Sep`.

use super::scan::digits;
use super::zones::{PasteZone, read_zone, zone_named};

/// A date as written: the year may be left out ("Friday, July 26th").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PastedDate {
    /// The year, when written.
    pub year: Option<i32>,
    /// The month, 1–12.
    pub month: u32,
    /// The day of the month, 1–31.
    pub day: u32,
}

/// Reads `2015-10-21`, `2015/10/21`, `2015-Oct-21` or `2015年10月21日` at the start of `text`; returns the
/// date and the rest.
#[must_use]
pub fn read_iso_date(text: &str) -> Option<(PastedDate, &str)> {
    if let Some(((year, month, day), rest)) = super::east_asian::read_east_asian_date(text) {
        let date = PastedDate {
            year: Some(year),
            month,
            day,
        };
        return date.is_possible().then_some((date, rest));
    }
    let (year, rest) = digits(text, 4, 4)?;
    let separator = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '/' | '.'))?;
    // `2020.09.10`, as Korea, China and Hungary write a day: with two digits each, since
    // `2024.1.2` is as often a version.
    let (least, most) = if separator == '.' { (2, 2) } else { (1, 2) };
    let (month, rest) = digits(&rest[1..], least, most)
        .or_else(|| (separator != '.').then(|| month_word(&rest[1..])).flatten())?;
    let rest = rest.strip_prefix(separator)?;
    let (day, rest) = digits(rest, least, most)?;
    if rest.starts_with(|c: char| c.is_ascii_digit())
        || separator == '.'
            && rest.starts_with('.')
            && rest[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    // A dotted day may close with its own dot (`2020.09.10.`).
    let rest = if separator == '.' {
        rest.strip_prefix('.').unwrap_or(rest)
    } else {
        rest
    };
    let date = PastedDate {
        year: Some(i32::try_from(year).ok()?),
        month,
        day,
    };
    date.is_possible().then_some((date, rest))
}

/// A month's name or its first three letters at the start of `text`, ended by a `-` or `/`
/// (`Feb-07`), with the rest.
fn month_word(text: &str) -> Option<(u32, &str)> {
    let end = text.find(['-', '/'])?;
    Some((month_named(&text[..end])?, &text[end..]))
}

/// Reads `03-26` or `12/05` (month, then day) at the start of `text`, followed by a space;
/// returns the date without a year and the rest.
#[must_use]
pub fn read_month_day(text: &str) -> Option<(PastedDate, &str)> {
    let (month, rest) = digits(text.trim_start(), 2, 2)?;
    let rest = rest.strip_prefix(['-', '/'])?;
    let (day, rest) = digits(rest, 2, 2)?;
    if !rest.starts_with(' ') {
        return None;
    }
    let date = PastedDate {
        year: None,
        month,
        day,
    };
    date.is_possible().then_some((date, rest))
}

impl PastedDate {
    /// Whether the month and day can be a date in some year.
    pub(super) fn is_possible(self) -> bool {
        let longest = match self.month {
            2 => 29,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => 0,
        };
        (1..=longest).contains(&self.day)
    }
}

/// Reads a line that is a date and nothing else, apart from a weekday, an ordinal suffix,
/// Markdown heading or bold marks, a trailing colon, and a note naming the zone the times
/// below are in (`(all times UTC)`, `— times in PDT`). Returns the date and that zone.
#[must_use]
pub fn read_date_line(line: &str) -> Option<(PastedDate, Option<PasteZone>)> {
    // Bold or emphasis on a part of the line (`2019-09-23 **(all times in UTC-5)**`) marks
    // no word of it; a date has no asterisk.
    let unmarked = line.replace("__", "").replace('*', "");
    let line = unmarked
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches(|c| c == '*' || c == '_')
        .trim()
        .trim_end_matches(':')
        .trim();
    // The note: a part in parentheses, or after a dash, that names a zone.
    let (main, note) = split_note(line);
    let zone = note.and_then(zone_in_note);
    let main = main.trim().trim_end_matches([',', ':']).trim();
    if let Some((date, rest)) = read_iso_date(main) {
        let rest = rest.trim();
        if rest.is_empty() {
            return Some((date, zone));
        }
        // `2015-10-21 UTC`
        return match read_zone(rest) {
            Some((own, after)) if after.trim().is_empty() => Some((date, zone.or(Some(own)))),
            _ => None,
        };
    }
    // `5月27日` over the times of that day, as a Japanese page lists them.
    if let Some(((year, month, day), rest)) = super::east_asian::read_east_asian_day(main)
        && rest.trim().is_empty()
    {
        let date = PastedDate { year, month, day };
        return date.is_possible().then_some((date, zone));
    }
    read_written_date(main).map(|date| (date, zone))
}

/// The words logging programs write before the day they mark, longest first: irssi's
/// `Log opened`, `Day changed` and `Log closed`, `WeeChat`'s `Day changed to`, `HexChat`'s
/// `BEGIN LOGGING AT` and `ENDING LOGGING AT`, mIRC's `Session Start:` and `Session Close:`.
const LOG_LABELS: [&str; 8] = [
    "ending logging at",
    "begin logging at",
    "session start:",
    "session close:",
    "day changed to",
    "day changed",
    "log opened",
    "log closed",
];

/// Reads a line a logging program writes to mark the day it is on: `--- Day changed Sun
/// Oct 15 2006`, `--- Log opened Sat Oct 14 17:31:51 2006`, `**** BEGIN LOGGING AT Sat Oct
/// 14 17:31:51 2006`, `Session Start: Sat Oct 14 17:31:51 2006`, `--- Sat Oct 21 16:28:16
/// UTC 2006 ---`. The clock in it tells when the log was opened, no event; a zone named
/// there is the zone of the lines below. The line must carry the program's rules (`---`,
/// `***`, `===`) or one of its words, so that a message is never taken for one.
#[must_use]
pub fn read_log_day_marker(line: &str) -> Option<(PastedDate, Option<PasteZone>)> {
    let trimmed = line.trim();
    let marked = trimmed.trim_matches(|c: char| matches!(c, '-' | '*' | '=') || c.is_whitespace());
    let ruled = trimmed.starts_with("--") || trimmed.starts_with("**") || trimmed.starts_with("==");
    // Every line of a long log comes here: a label is compared in place, nothing lowered.
    let label = LOG_LABELS.iter().find(|label| {
        marked
            .get(..label.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(label))
    });
    let (labelled, rest) = match label {
        Some(label) => (true, &marked[label.len()..]),
        None => (false, marked),
    };
    if !labelled && !ruled {
        return None;
    }
    let mut zone = None;
    let mut has_year = false;
    let mut date_words = Vec::new();
    for word in rest.split([' ', ',']).filter(|word| !word.is_empty()) {
        let clock = word.contains(':') && word.chars().all(|c| c.is_ascii_digit() || c == ':');
        if clock {
            continue;
        }
        if month_named(word).is_none()
            && let Some(named) = zone_named(word)
        {
            zone = Some(named);
            continue;
        }
        has_year |= word.len() == 4 && word.chars().all(|c| c.is_ascii_digit());
        date_words.push(word);
    }
    // A rule around a date without its year may be a heading of a copy: read as such.
    if !labelled && !has_year {
        return None;
    }
    read_written_date(&date_words.join(" ")).map(|date| (date, zone))
}

/// Splits `2015-10-21 (all times UTC)` into the date and the note.
fn split_note(line: &str) -> (&str, Option<&str>) {
    if let Some(open) = line.find('(')
        && let Some(close) = line[open..].find(')')
    {
        let note = &line[open + 1..open + close];
        let rest = line[open + close + 1..].trim();
        if rest.is_empty() {
            return (&line[..open], Some(note));
        }
    }
    for dash in [" \u{2014} ", " \u{2013} ", " - ", ", "] {
        if let Some((main, note)) = line.split_once(dash)
            && zone_in_note(note).is_some()
            && !tells_a_time(note)
        {
            return (main, Some(note));
        }
    }
    (line, None)
}

/// Whether `text` holds a clock time (a digit before a colon): `June 20, 23:30 PT: paged`
/// is a time and its event, not a date with a note on its zone.
fn tells_a_time(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|pair| pair[0].is_ascii_digit() && pair[1] == b':')
}

/// The zone a note names: `all times UTC`, `times in Europe/Berlin`, `UTC+2`, `PDT`.
fn zone_in_note(note: &str) -> Option<PasteZone> {
    note.split(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .map(|word| word.trim_matches(|c: char| c == '.' || c == ':'))
        .find_map(|word| {
            zone_named(word).or_else(|| match read_zone(word) {
                Some((zone, "")) => Some(zone),
                _ => None,
            })
        })
}

/// `Friday, 26 July 2024`, `26 Jul 2024`, `July 26th, 2024`, `Jul 26 2024`, `Tue 3 Sep`.
pub(super) fn read_written_date(text: &str) -> Option<PastedDate> {
    // `21st of October 2018`, `15 de março de 2023`: the joining words say nothing.
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|word| word.trim_end_matches('.'))
        .filter(|word| !word.is_empty() && !matches!(*word, "of" | "de" | "del"))
        .collect();
    let words: &[&str] = match words.first() {
        Some(first) if is_weekday(first) => &words[1..],
        _ => &words,
    };
    let (month, day, year) = match words {
        [first, second, rest @ ..] => {
            let (month, day) = month_and_day(first, second)?;
            (month, day, rest)
        }
        _ => return None,
    };
    let year = match year {
        [] => None,
        [year] if year.len() == 4 => Some(year.parse().ok()?),
        _ => return None,
    };
    let date = PastedDate { year, month, day };
    date.is_possible().then_some(date)
}

/// `October 21` or `21 Oct` as the month and the day.
pub(super) fn month_and_day(first: &str, second: &str) -> Option<(u32, u32)> {
    match (month_named(first), day_number(second)) {
        (Some(month), Some(day)) => Some((month, day)),
        _ => Some((month_named(second)?, day_number(first)?)),
    }
}

/// `26`, `26th`, `1st`, `2nd`, `3rd`; a range of days (`18-19`, `18–19th`) is its first.
pub(super) fn day_number(word: &str) -> Option<u32> {
    if let Some((first, last)) = word.split_once(['-', '\u{2013}'])
        && let (Some(first), Some(last)) = (single_day(first), single_day(last))
        && first < last
    {
        return Some(first);
    }
    single_day(word)
}

fn single_day(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The months' full names in the other languages postmortems are written in (French,
/// German, Spanish, Portuguese, Italian, Dutch, the Scandinavian ones, Czech, Polish and
/// Russian), where they differ from the English: `23 Mai 2022`, `26 septembre 2024`,
/// `3. März 2021`, `15 de março`, `15. srpna 2019`. Sorted, to be searched by halves: every
/// word of a pasted line may be looked up.
const OTHER_MONTHS: [(&str, u32); 121] = [
    ("abril", 4),
    ("agosto", 8),
    ("aout", 8),
    ("août", 8),
    ("aprile", 4),
    ("augusti", 8),
    ("augustus", 8),
    ("avril", 4),
    ("březen", 3),
    ("března", 3),
    ("czerwca", 6),
    ("czerwiec", 6),
    ("decembre", 12),
    ("desember", 12),
    ("dezember", 12),
    ("dezembro", 12),
    ("dicembre", 12),
    ("diciembre", 12),
    ("duben", 4),
    ("dubna", 4),
    ("décembre", 12),
    ("enero", 1),
    ("febbraio", 2),
    ("febrero", 2),
    ("februar", 2),
    ("februari", 2),
    ("fevereiro", 2),
    ("fevrier", 2),
    ("février", 2),
    ("gennaio", 1),
    ("giugno", 6),
    ("grudnia", 12),
    ("grudzień", 12),
    ("janeiro", 1),
    ("januar", 1),
    ("januari", 1),
    ("janvier", 1),
    ("juillet", 7),
    ("juin", 6),
    ("julho", 7),
    ("juli", 7),
    ("julio", 7),
    ("junho", 6),
    ("juni", 6),
    ("junio", 6),
    ("jänner", 1),
    ("květen", 5),
    ("května", 5),
    ("kwiecień", 4),
    ("kwietnia", 4),
    ("leden", 1),
    ("ledna", 1),
    ("lipca", 7),
    ("lipiec", 7),
    ("listopad", 11),
    ("listopada", 11),
    ("listopadu", 11),
    ("luglio", 7),
    ("lutego", 2),
    ("luty", 2),
    ("maart", 3),
    ("maerz", 3),
    ("maggio", 5),
    ("mai", 5),
    ("maio", 5),
    ("maj", 5),
    ("maja", 5),
    ("marca", 3),
    ("mars", 3),
    ("marzec", 3),
    ("marzo", 3),
    ("março", 3),
    ("mayo", 5),
    ("mei", 5),
    ("märz", 3),
    ("novembre", 11),
    ("novembro", 11),
    ("noviembre", 11),
    ("octobre", 10),
    ("octubre", 10),
    ("oktober", 10),
    ("ottobre", 10),
    ("outubro", 10),
    ("październik", 10),
    ("października", 10),
    ("prosince", 12),
    ("prosinec", 12),
    ("septembre", 9),
    ("septiembre", 9),
    ("setembro", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("sierpień", 8),
    ("sierpnia", 8),
    ("srpen", 8),
    ("srpna", 8),
    ("styczeń", 1),
    ("stycznia", 1),
    ("wrzesień", 9),
    ("września", 9),
    ("září", 9),
    ("únor", 2),
    ("února", 2),
    ("červen", 6),
    ("července", 7),
    ("červenec", 7),
    ("června", 6),
    ("říjen", 10),
    ("října", 10),
    ("августа", 8),
    ("апреля", 4),
    ("декабря", 12),
    ("июля", 7),
    ("июня", 6),
    ("марта", 3),
    ("мая", 5),
    ("ноября", 11),
    ("октября", 10),
    ("сентября", 9),
    ("февраля", 2),
    ("января", 1),
];

/// Whether `word` is a month's full name in a language that writes its months without a
/// capital (`novembre`, `março`, `julio`): `16 novembre` is a day, as `16 November` is.
#[must_use]
pub fn names_a_month_in_another_language(word: &str) -> bool {
    let word = word.to_lowercase();
    OTHER_MONTHS
        .binary_search_by(|(name, _)| name.cmp(&word.as_str()))
        .is_ok()
}

/// A month by its English name or its first three letters (`Sept` too), or by its full
/// name in another language (`Mai`, `septembre`, `März`).
pub(super) fn month_named(word: &str) -> Option<u32> {
    // A month's name is letters alone: a time or a number is none, read without lowering.
    if word.chars().count() < 3 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let word = word.to_lowercase();
    let english = MONTHS
        .iter()
        .position(|month| *month == word || (month.starts_with(&word) && word.len() <= 4))
        .and_then(|position| u32::try_from(position + 1).ok());
    english.or_else(|| {
        OTHER_MONTHS
            .binary_search_by(|(name, _)| name.cmp(&word.as_str()))
            .ok()
            .map(|at| OTHER_MONTHS[at].1)
    })
}

pub(super) fn is_weekday(word: &str) -> bool {
    weekday_named(word).is_some()
}

/// A weekday by its English name or its first three or four letters (`Tue`, `Thur`).
pub(super) fn weekday_named(word: &str) -> Option<chrono::Weekday> {
    const DAYS: [(&str, chrono::Weekday); 7] = [
        ("monday", chrono::Weekday::Mon),
        ("tuesday", chrono::Weekday::Tue),
        ("wednesday", chrono::Weekday::Wed),
        ("thursday", chrono::Weekday::Thu),
        ("friday", chrono::Weekday::Fri),
        ("saturday", chrono::Weekday::Sat),
        ("sunday", chrono::Weekday::Sun),
    ];
    // Written out in full in the languages whose months are read here.
    const OTHER_LANGUAGES: [(&str, chrono::Weekday); 42] = [
        ("lundi", chrono::Weekday::Mon),
        ("mardi", chrono::Weekday::Tue),
        ("mercredi", chrono::Weekday::Wed),
        ("jeudi", chrono::Weekday::Thu),
        ("vendredi", chrono::Weekday::Fri),
        ("samedi", chrono::Weekday::Sat),
        ("dimanche", chrono::Weekday::Sun),
        ("montag", chrono::Weekday::Mon),
        ("dienstag", chrono::Weekday::Tue),
        ("mittwoch", chrono::Weekday::Wed),
        ("donnerstag", chrono::Weekday::Thu),
        ("freitag", chrono::Weekday::Fri),
        ("samstag", chrono::Weekday::Sat),
        ("sonntag", chrono::Weekday::Sun),
        ("lunes", chrono::Weekday::Mon),
        ("martes", chrono::Weekday::Tue),
        ("miércoles", chrono::Weekday::Wed),
        ("jueves", chrono::Weekday::Thu),
        ("viernes", chrono::Weekday::Fri),
        ("sábado", chrono::Weekday::Sat),
        ("domingo", chrono::Weekday::Sun),
        ("lunedì", chrono::Weekday::Mon),
        ("martedì", chrono::Weekday::Tue),
        ("mercoledì", chrono::Weekday::Wed),
        ("giovedì", chrono::Weekday::Thu),
        ("venerdì", chrono::Weekday::Fri),
        ("sabato", chrono::Weekday::Sat),
        ("domenica", chrono::Weekday::Sun),
        ("maandag", chrono::Weekday::Mon),
        ("dinsdag", chrono::Weekday::Tue),
        ("woensdag", chrono::Weekday::Wed),
        ("donderdag", chrono::Weekday::Thu),
        ("vrijdag", chrono::Weekday::Fri),
        ("zaterdag", chrono::Weekday::Sat),
        ("zondag", chrono::Weekday::Sun),
        ("segunda-feira", chrono::Weekday::Mon),
        ("terça-feira", chrono::Weekday::Tue),
        ("quarta-feira", chrono::Weekday::Wed),
        ("quinta-feira", chrono::Weekday::Thu),
        ("sexta-feira", chrono::Weekday::Fri),
        ("sábado", chrono::Weekday::Sat),
        ("domingo", chrono::Weekday::Sun),
    ];
    let word = word.to_lowercase();
    if let Some((_, weekday)) = OTHER_LANGUAGES.iter().find(|(day, _)| *day == word) {
        return Some(*weekday);
    }
    if word.len() < 3 {
        return None;
    }
    // `Mon`, `Tues`, `Thurs`, and `Weds` as the British write it.
    let word = if word == "weds" {
        "wed".to_owned()
    } else {
        word
    };
    DAYS.iter()
        .find(|(day, _)| *day == word || (day.starts_with(&word) && word.len() <= 5))
        .map(|(_, weekday)| *weekday)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: Option<i32>, month: u32, day: u32) -> PastedDate {
        PastedDate { year, month, day }
    }

    #[test]
    fn a_day_alone_as_east_asian_pages_write_it_is_a_date_line() {
        assert_eq!(read_date_line("5月27日"), Some((date(None, 5, 27), None)));
        assert_eq!(
            read_date_line("2021年9月11日（土）"),
            Some((date(Some(2021), 9, 11), None))
        );
        assert_eq!(read_date_line("5月27日に障害が発生"), None);
    }

    #[test]
    fn a_day_written_with_dots_after_its_year() {
        let sept_10 = date(Some(2020), 9, 10);
        assert_eq!(
            read_iso_date("2020.09.10 11:20 - 메일 서버 장애"),
            Some((sept_10, " 11:20 - 메일 서버 장애"))
        );
        assert_eq!(
            read_iso_date("2020.09.10. 11:20"),
            Some((sept_10, " 11:20"))
        );
        // A version is no day.
        for version in ["2024.1.2 released", "2023.10.01.5 build", "2020.13.01"] {
            assert_eq!(read_iso_date(version), None, "{version}");
        }
    }

    #[test]
    fn weekdays_in_their_short_forms() {
        for (word, weekday) in [
            ("Tues", chrono::Weekday::Tue),
            ("Weds", chrono::Weekday::Wed),
            ("Thurs", chrono::Weekday::Thu),
            ("Thu", chrono::Weekday::Thu),
            ("friday", chrono::Weekday::Fri),
        ] {
            assert_eq!(weekday_named(word), Some(weekday), "{word}");
        }
        assert_eq!(weekday_named("Thursdays"), None);
        assert_eq!(weekday_named("Mo"), None);
    }

    #[test]
    fn the_marks_logging_programs_write_for_the_day() {
        let oct_14 = Some((date(Some(2006), 10, 14), None));
        for line in [
            "--- Log opened Sat Oct 14 17:31:51 2006",
            "--- Day changed Sat Oct 14 2006",
            "**** BEGIN LOGGING AT Sat Oct 14 17:31:51 2006",
            "Session Start: Sat Oct 14 17:31:51 2006",
            "-- Day changed to Saturday, 14 October 2006 --",
        ] {
            assert_eq!(read_log_day_marker(line), oct_14, "{line}");
        }
        assert_eq!(
            read_log_day_marker("--- Sat Oct 21 16:28:16 UTC 2006 ---"),
            Some((date(Some(2006), 10, 21), Some(PasteZone::Utc)))
        );
        // A message, or a rule around words that are no date, is no mark.
        for line in [
            "17:31 <SDGathman> Sat Oct 14 2006",
            "Sat Oct 14 17:31:51 2006",
            "--- Topic for #ops is: db failover",
            "-- Oct 14 --",
        ] {
            assert_eq!(read_log_day_marker(line), None, "{line}");
        }
    }

    #[test]
    fn date_lines_in_the_shapes_postmortems_use() {
        let utc = Some(PasteZone::Utc);
        assert_eq!(
            read_date_line("2015-10-21 (all times UTC)"),
            Some((date(Some(2015), 10, 21), utc))
        );
        assert_eq!(
            read_date_line("Friday, 26 July 2024"),
            Some((date(Some(2024), 7, 26), None))
        );
        assert_eq!(
            read_date_line("**July 26th, 2024**"),
            Some((date(Some(2024), 7, 26), None))
        );
        assert_eq!(
            read_date_line("## Tue 3 Sep"),
            Some((date(None, 9, 3), None))
        );
        assert_eq!(
            read_date_line("2024/07/26:"),
            Some((date(Some(2024), 7, 26), None))
        );
        // Bold on the note alone (Carbon's postmortems).
        let (day, zone) = read_date_line("2019-09-23 **(all times in UTC-5)**").unwrap();
        assert_eq!(day, date(Some(2019), 9, 23));
        assert!(zone.is_some(), "{zone:?}");
        assert_eq!(
            read_date_line("26 Jul 2024 \u{2014} all times in Europe/Berlin"),
            Some((
                date(Some(2024), 7, 26),
                Some(PasteZone::Named(chrono_tz::Europe::Berlin))
            ))
        );
    }

    #[test]
    fn dates_written_in_other_languages_and_with_joining_words() {
        for (line, (year, month, day)) in [
            ("23 Mai 2022", (2022, 5, 23)),
            ("26 septembre 2024", (2024, 9, 26)),
            ("3. März 2021", (2021, 3, 3)),
            ("15 de março de 2023", (2023, 3, 15)),
            ("1 dicembre 2020", (2020, 12, 1)),
            ("the 21st of October 2018", (2018, 10, 21)),
            ("15. srpna 2019", (2019, 8, 15)),
            ("3 marca 2021", (2021, 3, 3)),
            ("15 августа 2019", (2019, 8, 15)),
            ("2021年11月25日", (2021, 11, 25)),
        ] {
            let line = line.strip_prefix("the ").unwrap_or(line);
            assert_eq!(
                read_date_line(line),
                Some((date(Some(year), month, day), None)),
                "{line}"
            );
        }
        assert_eq!(month_named("Mars"), Some(3));
        assert_eq!(month_named("Mar"), Some(3));
        assert_eq!(month_named("mais"), None);
        assert!(OTHER_MONTHS.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }

    #[test]
    fn lines_that_only_mention_a_date_are_not_date_lines() {
        for line in [
            "March on",
            "May the fix hold",
            "2015-10-21 deploy started",
            "26 people joined",
            "2015-02-30",
            "Friday",
            "June 20, 23:30 PT: we replaced the chassis",
            "",
        ] {
            assert_eq!(read_date_line(line), None, "{line}");
        }
    }
}
