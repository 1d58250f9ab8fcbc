//! Dates a file writes in its text and its name, wherever they stand: the first date of
//! the file (outside comments, deadlines and bylines), a day told without its year placed
//! before a post's publication, the year a month or a weekday gives, and a blog's file name.

use chrono::NaiveDate;

use crate::model::{
    DayContext, DayOrder, PastedDate, WrittenDay, read_clock, read_date_line, read_day,
};

/// The date a file's name gives (`2019-03-18-galaxy-downtime.md`, `20240118_notes.md`,
/// `02-03-2021-outage-post-mortem.md`): a year, month and day in that order, eight digits
/// that make a day, or a day and a month before the year, read in `order` where the
/// numbers alone cannot tell (`02-03-2021`), else not read at all. A page saved under its
/// address's last part names its day in words too
/// (`postmortem-of-our-november-29-2016-api-outage`).
#[must_use]
pub fn date_in_file_name(name: &str, order: Option<DayOrder>) -> Option<NaiveDate> {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    date_in_numbers_of(stem, order).or_else(|| {
        let spaced: String = stem
            .chars()
            .map(|c| if matches!(c, '-' | '_' | '.') { ' ' } else { c })
            .collect();
        date_in_text(&spaced, order)
    })
}

/// A date `stem` writes in numbers alone: see [`date_in_file_name`].
fn date_in_numbers_of(stem: &str, order: Option<DayOrder>) -> Option<NaiveDate> {
    let numbers: Vec<&str> = stem
        .split(|c: char| !c.is_ascii_digit())
        .filter(|digits| !digits.is_empty())
        .collect();
    let parse = |year: &str, month: &str, day: &str| {
        NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
            .filter(|date| crate::model::date_in_range(*date))
    };
    let compact = numbers
        .iter()
        .filter(|digits| digits.len() == 8)
        .find_map(|digits| parse(&digits[..4], &digits[4..6], &digits[6..]));
    compact.or_else(|| {
        numbers.windows(3).find_map(|three| match three {
            [year, month, day] if year.len() == 4 && month.len() <= 2 && day.len() <= 2 => {
                parse(year, month, day)
            }
            [first, second, year] if year.len() == 4 && first.len() <= 2 && second.len() <= 2 => {
                let (a, b): (u32, u32) = (first.parse().ok()?, second.parse().ok()?);
                let day_first = match (a > 12, b > 12) {
                    (true, false) => true,
                    (false, true) => false,
                    (false, false) => order? == DayOrder::DayFirst,
                    (true, true) => return None,
                };
                if day_first {
                    parse(year, second, first)
                } else {
                    parse(year, first, second)
                }
            }
            _ => None,
        })
    })
}

/// The most words a date is written in: `Friday 26 February 2024`, `26 de fevereiro de
/// 2024`.
const DATE_WORDS: usize = 5;

/// The first date in `text` with a year (`February 5th, 2019 Partial Prow Outage`,
/// `Flags is down - September 29, 2025`, `2018-01-18, reddit hugs mybinder`). Numbers alone
/// are read in `order` (the one the document's own dates prove), else month first.
#[must_use]
pub fn date_in_text(text: &str, order: Option<DayOrder>) -> Option<NaiveDate> {
    let order = order
        .or_else(|| DayOrder::proved_by([text]))
        .unwrap_or(DayOrder::MonthFirst);
    // `2025年9月17日上午：无法加载通知`: a date of a language written without spaces runs on
    // into the words after it, and may have spaces inside it (`2016 年 3 月 29 日`).
    if text.contains(['年', '년']) {
        let number_starts = text.char_indices().filter(|(at, c)| {
            c.is_ascii_digit() && !text[..*at].ends_with(|before: char| before.is_ascii_digit())
        });
        for (at, _) in number_starts {
            if let Some((
                WrittenDay::Date(PastedDate {
                    year: Some(year),
                    month,
                    day,
                }),
                rest,
            )) = read_day(&text[at..])
                && text[at..text.len() - rest.len()].contains(['年', '년'])
                && let Some(date) = NaiveDate::from_ymd_opt(year, month, day)
            {
                return Some(date);
            }
        }
    }
    let words = words_of(text);
    for length in (1..=DATE_WORDS).rev() {
        for window in words.windows(length) {
            if !has_a_number(window) {
                continue;
            }
            if let Some(date) = full_date(&window.join(" "), order) {
                return Some(date);
            }
        }
    }
    None
}

/// Whether some word of `window` holds a digit: a date with a year always does, so the
/// many windows without one (most of a paragraph) are passed over without reading them.
fn has_a_number(window: &[&str]) -> bool {
    window
        .iter()
        .any(|word| word.bytes().any(|byte| byte.is_ascii_digit()))
}

/// `lines` with those inside HTML comments (`<!-- … -->`) blank: a template's hints and
/// examples, which a reader of the page never sees, date nothing.
#[must_use]
pub fn outside_comments<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut inside = false;
    lines
        .iter()
        .map(|line| {
            let opens = line.trim_start().starts_with("<!--");
            if opens {
                inside = true;
            }
            let shown = if inside { "" } else { *line };
            if inside && line.contains("-->") {
                inside = false;
            }
            shown
        })
        .collect()
}

/// The first date with a year written anywhere in `lines` (`On October 15, 2018, …`,
/// `Website Outage 5-26-21`): the day an incident's bare times are on when no field, title or
/// date line says. Numbers alone are read in `order`. A date written as a deadline (`due
/// 2025-09-01`, `by March 3, 2025`) is when something is to be done after the incident, so it
/// is passed over. Returns the date with its line's number, from 1.
#[must_use]
pub fn first_date_in(
    lines: &[&str],
    order: DayOrder,
    keep: impl Fn(NaiveDate) -> bool,
) -> Option<(NaiveDate, usize)> {
    lines.iter().enumerate().find_map(|(index, line)| {
        let words = words_of(line);
        (0..words.len())
            .filter(|start| !(*start > 0 && is_a_deadline_word(words[start - 1])))
            .find_map(|start| {
                (1..=DATE_WORDS.min(words.len() - start))
                    .rev()
                    .find_map(|length| {
                        let window = &words[start..start + length];
                        has_a_number(window)
                            .then(|| full_date(&window.join(" "), order))
                            .flatten()
                            .filter(|date| keep(*date))
                    })
            })
            .map(|date| (date, index + 1))
    })
}

/// Whether a line is a page's byline, which dates the page rather than what it tells:
/// `Posted on April 6, 2018`, or a few words set apart by middle dots, bars or a forum's
/// `»` with the date among them (`pbergene · description · 2018-04-06`, `Jane Doe | 6 min
/// read | Apr 6, 2018`, `Post by Laanders » Feb 17th 2017 10:55`).
/// A table's row, which opens with its bar, is none.
#[must_use]
pub fn is_a_byline(line: &str) -> bool {
    const BYLINE_WORDS: usize = 12;
    let line = line.trim();
    if crate::model::read_byline_day(line).is_some() {
        return true;
    }
    let parts = line
        .split(['\u{b7}', '|', '\u{2022}', '\u{bb}'])
        .filter(|part| !part.trim().is_empty())
        .count();
    !line.starts_with('|') && parts >= 2 && line.split_whitespace().count() <= BYLINE_WORDS
}

/// The first day written by its month's name without a year (`Starting on March 15th, …`)
/// in `lines`, in the last year that puts it no later than `published`: a page tells what
/// happened before it was published. Returns the date with its line's number, from 1.
#[must_use]
pub fn first_day_before(lines: &[&str], published: NaiveDate) -> Option<(NaiveDate, usize)> {
    lines.iter().enumerate().find_map(|(index, line)| {
        if let Some(day) = east_asian_day_in(line, published) {
            return Some((day, index + 1));
        }
        let words = words_of(line);
        words
            .windows(2)
            .enumerate()
            .filter(|(start, _)| !(*start > 0 && is_a_deadline_word(words[start - 1])))
            .find_map(|(_, pair)| {
                // `November 12` or `3 August`: a month is written with its capital, unless
                // its language writes it small (`16 novembre`).
                let month_first = pair[0].starts_with(|c: char| c.is_ascii_uppercase());
                let day_first = pair[0].starts_with(|c: char| c.is_ascii_digit())
                    && (pair[1].starts_with(|c: char| c.is_ascii_uppercase())
                        || crate::model::names_a_month_in_another_language(
                            pair[1].trim_end_matches([',', '.', ';', ':']),
                        ));
                if !(month_first || day_first) {
                    return None;
                }
                let candidate = pair
                    .join(" ")
                    .trim_matches(|c: char| matches!(c, ',' | ':' | ';' | '.'))
                    .to_owned();
                let (date, _) = read_date_line(&candidate)?;
                date.year.is_none().then_some(())?;
                crate::model::calendar_date(date, published, Some(published)).ok()
            })
            .map(|date| (date, index + 1))
    })
}

/// The first day written as Chinese and Japanese write it without its year (`4月8日`,
/// `12 月 18 日`) in `line`, in the last year that puts it no later than `published`.
fn east_asian_day_in(line: &str, published: NaiveDate) -> Option<NaiveDate> {
    line.char_indices()
        .filter(|(at, c)| {
            c.is_ascii_digit()
                && !line[..*at]
                    .chars()
                    .next_back()
                    .is_some_and(|before| before.is_ascii_digit())
        })
        .find_map(|(at, _)| {
            let rest = &line[at..];
            let month_mark = rest
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start()
                .starts_with('月');
            let (WrittenDay::Date(date), _) = read_day(rest).filter(|_| month_mark)? else {
                return None;
            };
            date.year.is_none().then_some(())?;
            crate::model::calendar_date(date, published, Some(published)).ok()
        })
}

/// The year of the first month written with its year and no day (`July 2017 IT service
/// disruption summary`) in `lines`, with its line's number, from 1.
#[must_use]
pub fn first_month_of_a_year(lines: &[&str]) -> Option<(i32, usize)> {
    lines
        .iter()
        .enumerate()
        .find_map(|(index, line)| month_of_a_year_in(line).map(|(_, year)| (year, index + 1)))
}

/// The first month written with its year and no day in `line` (`Incident de septembre
/// 2021`): the month and the year.
#[must_use]
pub fn month_of_a_year_in(line: &str) -> Option<(u32, i32)> {
    word_starts(line).find_map(|at| crate::model::read_month_of_a_year(&line[at..]))
}

/// Where each word of `line` starts: a letter after a space, a bracket or emphasis.
fn word_starts(line: &str) -> impl Iterator<Item = usize> + '_ {
    line.char_indices()
        .filter(|(at, c)| {
            c.is_alphabetic()
                && line[..*at].chars().next_back().is_none_or(|before| {
                    before.is_whitespace() || matches!(before, '(' | '*' | '_')
                })
        })
        .map(|(at, _)| at)
}

/// The first day written with its weekday and without its year (`on Friday, March 28th`)
/// in `lines`, in the last year up to `latest` whose calendar puts it on that weekday.
/// Returns the date with its line's number, from 1.
#[must_use]
pub fn first_day_its_weekday_dates(
    lines: &[&str],
    latest: NaiveDate,
) -> Option<(NaiveDate, usize)> {
    lines.iter().enumerate().find_map(|(index, line)| {
        word_starts(line)
            .find_map(|at| crate::model::day_its_weekday_dates(&line[at..], latest))
            .map(|date| (date, index + 1))
    })
}

/// Whether `word` says the date after it is a deadline: "due", "by", "until", "before",
/// "deadline", "ETA", "target" (with any punctuation around it).
fn is_a_deadline_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    ["due", "by", "until", "before", "deadline", "eta", "target"]
        .iter()
        .any(|deadline| word.eq_ignore_ascii_case(deadline))
}

/// The words of `text`, apart from the brackets, emphasis and quotation marks around them.
fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | ')' | '[' | ']' | '*' | '_' | '"' | '\u{201c}' | '\u{201d}'
            )
    })
    .filter(|word| !word.is_empty())
    .collect()
}

/// A date with its year, and nothing else, in `candidate`.
fn full_date(candidate: &str, order: DayOrder) -> Option<NaiveDate> {
    let candidate = candidate.trim_matches(|c: char| matches!(c, ',' | ':' | ';' | '-' | '.'));
    // A range of days written from an ISO date (`2024-12-19/20`, `2025-07-30/31`) starts on
    // its first.
    let candidate = match candidate.split_once('/') {
        Some((first, _)) if first.len() == 10 && first.as_bytes().get(4) == Some(&b'-') => first,
        _ => candidate,
    };
    let date = if let Some((
        PastedDate {
            year: Some(year),
            month,
            day,
        },
        _,
    )) = read_date_line(candidate)
    {
        NaiveDate::from_ymd_opt(year, month, day)?
    } else {
        let (written, rest) = read_day(candidate)?;
        let has_year = matches!(
            written,
            WrittenDay::Date(PastedDate { year: Some(_), .. })
                | WrittenDay::Numeric { year: Some(_), .. }
        );
        // `2021年11月25日午後3時`: a time glued to the date, as scripts without spaces write it.
        let time_glued = || read_clock(rest).is_some_and(|(_, after)| after.trim().is_empty());
        if !has_year || !(rest.trim().is_empty() || time_glued()) {
            return None;
        }
        let context = DayContext {
            reference: NaiveDate::default(),
            order,
            latest: None,
        };
        written.settle(context).ok()?
    };
    crate::model::date_in_range(date).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_inside_html_comments_date_nothing() {
        let lines = [
            "## Timeline",
            "<!--",
            "2019-12-30",
            "    23:30 an example row",
            "-->",
            "| Timeline 20.04.22 | Event |",
        ];
        let shown = outside_comments(&lines);
        assert_eq!(shown[2], "");
        assert_eq!(shown[5], lines[5]);
        let (date, line) = first_date_in(&shown, DayOrder::DayFirst, |_| true).unwrap();
        assert_eq!(
            (date, line),
            (NaiveDate::from_ymd_opt(2022, 4, 20).unwrap(), 6)
        );
    }

    #[test]
    fn a_date_joined_by_words_is_read_whole() {
        assert_eq!(
            date_in_text("Em 26 de fevereiro de 2024, das 17h50 UTC", None),
            NaiveDate::from_ymd_opt(2024, 2, 26)
        );
        assert_eq!(
            first_date_in(
                &["El lunes 3 de marzo de 2025 hubo un corte"],
                DayOrder::DayFirst,
                |_| true
            ),
            Some((NaiveDate::from_ymd_opt(2025, 3, 3).unwrap(), 1))
        );
    }

    #[test]
    fn dates_written_in_titles_and_lines() {
        // A range of days from an ISO date starts on its first.
        assert_eq!(
            date_in_text("Network Outage Postmortem (2024-12-19/20)", None),
            NaiveDate::from_ymd_opt(2024, 12, 19)
        );
        assert_eq!(
            date_in_text("February 5th, 2019 Partial Prow Outage", None),
            NaiveDate::from_ymd_opt(2019, 2, 5)
        );
        assert_eq!(
            date_in_text("Flags is down - September 29, 2025", None),
            NaiveDate::from_ymd_opt(2025, 9, 29)
        );
        assert_eq!(
            date_in_text("2018-01-18, reddit hugs mybinder", None),
            NaiveDate::from_ymd_opt(2018, 1, 18)
        );
        assert_eq!(date_in_text("User API latency", None), None);
        // Chinese with spaces around its numbers, glued to the title after it.
        assert_eq!(
            date_in_text("2016 年 3 月 29 日:数据存储服务响应缓慢的故障说明", None),
            NaiveDate::from_ymd_opt(2016, 3, 29)
        );
        assert_eq!(
            date_in_text("서비스 장애 안내 (2021년 11월 25일)", None),
            NaiveDate::from_ymd_opt(2021, 11, 25)
        );
        // A number before the year is no year of it.
        assert_eq!(date_in_text("第 3 次故障 12 月 5 日", None), None);
    }

    #[test]
    fn a_deadline_is_not_the_incidents_day() {
        let order = DayOrder::MonthFirst;
        let lines = [
            "- [ ] Add validation for the TTL (owner: Bob, due 2025-09-01)",
            "- [ ] Alert on evictions, by March 3, 2025",
            "Deadline: 2025-10-01",
            "We moved on 2025-08-12 at noon.",
        ];
        assert_eq!(
            first_date_in(&lines, order, |_| true),
            Some((NaiveDate::from_ymd_opt(2025, 8, 12).unwrap(), 4))
        );
        assert_eq!(first_date_in(&lines[..3], order, |_| true), None);
        // Without a year, a day named by its month is the last one before publication.
        let published = NaiveDate::from_ymd_opt(2023, 3, 23).unwrap();
        let story = [
            "---",
            "Starting on March 15th and going through to the 17th, users saw 404s.",
        ];
        assert_eq!(
            first_day_before(&story, published),
            Some((NaiveDate::from_ymd_opt(2023, 3, 15).unwrap(), 2))
        );
        assert_eq!(
            first_day_before(&["We may 2 times a day retry."], published),
            None
        );
        // A day written before its month, in a table's cell inside a link.
        let table = ["| [3 August — general outage](https://status.example/1) | Errors |"];
        assert_eq!(
            first_day_before(&table, published),
            Some((NaiveDate::from_ymd_opt(2022, 8, 3).unwrap(), 1))
        );
        assert_eq!(
            first_day_before(&["We ran 3 Jobs at once."], published),
            None
        );
    }
}
