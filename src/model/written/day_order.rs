//! Whether `03/04` is the 3rd of April or the 4th of March: what a source's own dates prove
//! or suggest, and what is usual where the document is kept.

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::dates::{day_number, month_named};

/// Whether `03/04` is the 3rd of April or the 4th of March.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayOrder {
    /// `25/09/2024`: most of the world.
    DayFirst,
    /// `09/25/2024`: the United States and a few others.
    MonthFirst,
}

impl DayOrder {
    /// The order usual where `zone` is. Without other evidence, a document kept in UTC is
    /// read month-first, as most published English postmortems are written.
    #[must_use]
    pub fn usual_in(zone: Tz) -> Self {
        let name = zone.name();
        let united_states = name.starts_with("US/")
            || name == "Pacific/Honolulu"
            || [
                "New_York",
                "Chicago",
                "Denver",
                "Los_Angeles",
                "Phoenix",
                "Anchorage",
                "Adak",
                "Boise",
                "Detroit",
                "Indiana/",
                "Kentucky/",
                "North_Dakota/",
                "Juneau",
                "Sitka",
                "Nome",
                "Yakutat",
                "Metlakatla",
                "Menominee",
            ]
            .iter()
            .any(|place| {
                name.strip_prefix("America/")
                    .is_some_and(|rest| rest.starts_with(place))
            });
        let month_first = united_states
            || matches!(
                name,
                "UTC" | "Etc/UTC" | "GMT" | "Etc/GMT" | "Asia/Manila" | "Pacific/Guam"
            );
        if month_first {
            Self::MonthFirst
        } else {
            Self::DayFirst
        }
    }

    /// The order a source's own dates prove, if any does: a first number above 12 proves
    /// day-first, a second above 12 month-first. `None` when no date tells (or they
    /// disagree, which a person must settle).
    #[must_use]
    pub fn proved_by<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Self> {
        let (mut day_first, mut month_first) = (false, false);
        for text in texts {
            for NumericDate { first, second, .. } in numeric_dates(text) {
                day_first |= first > 12 && second <= 12;
                month_first |= second > 12 && first <= 12;
            }
        }
        match (day_first, month_first) {
            (true, false) => Some(Self::DayFirst),
            (false, true) => Some(Self::MonthFirst),
            _ => None,
        }
    }

    /// Whether any of `texts` writes a date with numbers alone (`03/04`, `5-26-21`), whose
    /// order then matters.
    #[must_use]
    pub fn matters_in<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
        texts
            .into_iter()
            .any(|text| numeric_dates(text).next().is_some())
    }

    /// The order a source's own dates prove, else the one they suggest.
    #[must_use]
    pub fn found_in(texts: &[&str]) -> Option<Self> {
        Self::proved_by(texts.iter().copied()).or_else(|| Self::suggested_by(texts))
    }

    /// The order a source's dates suggest when none proves it: the reading under which its
    /// numeric dates lie close together (an incident spans days, so `08-01-2026` to
    /// `12-01-2026` is four days in January, not four months), else the way it writes dates
    /// with month names (`28 November` is written by people who write the day first,
    /// `November 28` by people who write the month first). `None` when nothing leans.
    #[must_use]
    pub fn suggested_by(texts: &[&str]) -> Option<Self> {
        Self::suggested_by_named_twins(texts)
            .or_else(|| Self::suggested_by_span(texts))
            .or_else(|| Self::suggested_by_month_names(texts))
            .or_else(|| Self::suggested_by_dots(texts))
    }

    /// The reading under which the source's dates in numbers are days it also writes with
    /// the month's name (`Cloud Mail Incident - 04/03/2020` over `On Wednesday 4th March
    /// 2020 …`), when only one reading makes any of them such a day.
    fn suggested_by_named_twins(texts: &[&str]) -> Option<Self> {
        let named: std::collections::HashSet<NaiveDate> =
            texts.iter().flat_map(|text| named_dates(text)).collect();
        let (mut day_first, mut month_first) = (false, false);
        for date in texts.iter().flat_map(|text| numeric_dates(text)) {
            let Some(year) = date.year.filter(|_| date.first != date.second) else {
                continue;
            };
            let as_named = |month: u32, day: u32| {
                NaiveDate::from_ymd_opt(year, month, day).is_some_and(|day| named.contains(&day))
            };
            day_first |= as_named(date.second, date.first);
            month_first |= as_named(date.first, date.second);
        }
        match (day_first, month_first) {
            (true, false) => Some(Self::DayFirst),
            (false, true) => Some(Self::MonthFirst),
            _ => None,
        }
    }

    /// Day first when every date written in numbers alone is written with dots
    /// (`03.04.2024`), as the places that write them so do; a source that also writes
    /// `8/12/2022` may write `8.12.2022` the American way.
    fn suggested_by_dots(texts: &[&str]) -> Option<Self> {
        let mut dates = texts.iter().flat_map(|text| numeric_dates(text)).peekable();
        dates.peek()?;
        dates.all(|date| date.dotted).then_some(Self::DayFirst)
    }

    /// The reading under which the dates with a year span much less time.
    fn suggested_by_span(texts: &[&str]) -> Option<Self> {
        let mut spans = [Span::default(), Span::default()];
        // Dotted dates lean day first on their own (a typo among them, `04.10.2022` for
        // `04.01.2022`, would stretch the span).
        for date in texts.iter().flat_map(|text| numeric_dates(text)) {
            let Some(year) = date.year.filter(|_| !date.dotted) else {
                continue;
            };
            for (span, (day, month)) in spans
                .iter_mut()
                .zip([(date.first, date.second), (date.second, date.first)])
            {
                if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
                    span.take(date);
                }
            }
        }
        let [day_first, month_first] = spans.map(Span::days);
        let (day_first, month_first) = (day_first?, month_first?);
        // Clearly shorter: half as long, and a week less at the least.
        if day_first * 2 + 7 <= month_first {
            Some(Self::DayFirst)
        } else if month_first * 2 + 7 <= day_first {
            Some(Self::MonthFirst)
        } else {
            None
        }
    }

    /// The order of day and month in the dates written with a month's name, when (nearly)
    /// all of them agree.
    fn suggested_by_month_names(texts: &[&str]) -> Option<Self> {
        let (mut day_first, mut month_first) = (0_usize, 0_usize);
        for text in texts {
            let words: Vec<&str> = text
                .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '*'))
                .map(|word| word.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':')))
                .filter(|word| !word.is_empty())
                .collect();
            for pair in words.windows(2) {
                let numbered = |word: &str| {
                    word.starts_with(|c: char| c.is_ascii_digit()) && day_number(word).is_some()
                };
                if month_named(pair[0]).is_some() && numbered(pair[1]) {
                    month_first += 1;
                } else if numbered(pair[0]) && month_named(pair[1]).is_some() {
                    day_first += 1;
                }
            }
        }
        if day_first > 3 * month_first {
            Some(Self::DayFirst)
        } else if month_first > 3 * day_first {
            Some(Self::MonthFirst)
        } else {
            None
        }
    }

    /// How the choice is named to a person.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::DayFirst => "day first (25/09/2024)",
            Self::MonthFirst => "month first (09/25/2024)",
        }
    }
}

/// The days `text` writes with the month's name and the year (`4th March 2020`, `March 4,
/// 2020`).
fn named_dates(text: &str) -> Vec<NaiveDate> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '*'))
        .map(|word| word.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':')))
        .filter(|word| !word.is_empty())
        .collect();
    let numbered = |word: &str| {
        word.starts_with(|c: char| c.is_ascii_digit())
            .then(|| day_number(word))
            .flatten()
    };
    let year = |word: &str| {
        (word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()))
            .then(|| word.parse::<i32>().ok())
            .flatten()
    };
    words
        .windows(3)
        .filter_map(|three| {
            let (day, month) = match (numbered(three[0]), month_named(three[1])) {
                (Some(day), Some(month)) => (day, month),
                _ => (numbered(three[1])?, month_named(three[0])?),
            };
            NaiveDate::from_ymd_opt(year(three[2])?, month, day)
        })
        .collect()
}

/// A date written with numbers alone: its first two numbers and its year, if written.
struct NumericDate {
    first: u32,
    second: u32,
    year: Option<i32>,
    /// Written with dots (`03.04.2024`), as most of Europe writes the day first.
    dotted: bool,
}

/// Every `a/b`, `a/b/c`, `a-b-c` or `a.b.yyyy` written in `text` (ISO dates start with four
/// digits, so they are not counted; a dotted one needs its four-digit year, as `1.10.12` is
/// a version). A two-digit year is this century's.
fn numeric_dates(text: &str) -> impl Iterator<Item = NumericDate> + '_ {
    text.split(|c: char| !(c.is_ascii_digit() || matches!(c, '/' | '-' | '.')))
        .map(|token| token.trim_matches(['.', '-', '/']))
        .filter_map(|token| {
            let dashed = token.contains('-');
            let dotted = token.contains('.');
            let slashed = token.contains('/');
            if usize::from(dashed) + usize::from(dotted) + usize::from(slashed) != 1 {
                return None;
            }
            if (dashed && token.matches('-').count() != 2)
                || (dotted && token.matches('.').count() != 2)
            {
                return None;
            }
            let mut parts = token.split(['/', '-', '.']);
            let first = parts.next()?;
            let second = parts.next()?;
            let third = parts.next();
            let short = |part: &str| (1..=2).contains(&part.len());
            if !short(first)
                || !short(second)
                || parts.next().is_some()
                || (dotted && third.is_none_or(|year| year.len() != 4))
            {
                return None;
            }
            let year = match third {
                None => None,
                Some(year) if year.len() == 2 => Some(2000 + year.parse::<i32>().ok()?),
                Some(year) if year.len() == 4 => Some(year.parse().ok()?),
                Some(_) => return None,
            };
            Some(NumericDate {
                first: first.parse().ok()?,
                second: second.parse().ok()?,
                year,
                dotted,
            })
        })
}

/// The earliest and latest of some dates.
#[derive(Clone, Copy, Default)]
struct Span {
    earliest: Option<NaiveDate>,
    latest: Option<NaiveDate>,
}

impl Span {
    fn take(&mut self, date: NaiveDate) {
        self.earliest = Some(self.earliest.map_or(date, |earliest| earliest.min(date)));
        self.latest = Some(self.latest.map_or(date, |latest| latest.max(date)));
    }

    /// How many days apart the earliest and latest are; `None` for fewer than two dates.
    fn days(self) -> Option<i64> {
        let (earliest, latest) = self.earliest.zip(self.latest)?;
        (earliest != latest).then(|| (latest - earliest).num_days())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_proves_its_order_or_leaves_it_to_the_zone() {
        assert_eq!(
            DayOrder::proved_by(["03/04/2024 x", "25/09/2024 y"]),
            Some(DayOrder::DayFirst)
        );
        assert_eq!(
            DayOrder::proved_by(["03/04/2024", "09/25/2024"]),
            Some(DayOrder::MonthFirst)
        );
        assert_eq!(DayOrder::proved_by(["03/04/2024", "1/2"]), None);
        assert_eq!(DayOrder::proved_by(["25/09 and 09/25"]), None);
        assert_eq!(
            DayOrder::usual_in(chrono_tz::America::New_York),
            DayOrder::MonthFirst
        );
        assert_eq!(
            DayOrder::usual_in(chrono_tz::Europe::Berlin),
            DayOrder::DayFirst
        );
        assert_eq!(
            DayOrder::usual_in(chrono_tz::America::Sao_Paulo),
            DayOrder::DayFirst
        );
    }

    #[test]
    fn dates_close_together_suggest_the_order() {
        // Four days in January, not four months of 2026.
        let lines = [
            "- **08-01-2026** expired",
            "- **11-01-2026 10:00** failures",
            "12-01-2026 fixed",
        ];
        assert_eq!(DayOrder::suggested_by(&lines), Some(DayOrder::DayFirst));
        let lines = ["03/04/24 deploy", "03/05/24 rollback"];
        assert_eq!(DayOrder::suggested_by(&lines), Some(DayOrder::MonthFirst));
        // One date, or dates as close either way, lean nowhere.
        assert_eq!(DayOrder::suggested_by(&["03/04/2024"]), None);
        assert_eq!(DayOrder::suggested_by(&["01/02/2024", "02/01/2024"]), None);
    }

    #[test]
    fn a_day_written_both_in_numbers_and_with_its_month_suggests_the_order() {
        let lines = [
            "Cloud Mail Incident - 04/03/2020",
            "On Wednesday 4th March 2020 from 11:01 to 13:05, mail failed.",
            "Posted Mar 11, 2020 - 10:18 CAT",
        ];
        assert_eq!(DayOrder::suggested_by(&lines), Some(DayOrder::DayFirst));
        let lines = ["Outage 04/03/2020", "On April 3, 2020 the disks filled."];
        assert_eq!(DayOrder::suggested_by(&lines), Some(DayOrder::MonthFirst));
        // A day that is the same either way tells nothing.
        assert_eq!(
            DayOrder::suggested_by_named_twins(&["Outage 03/03/2020", "On 3 March 2020"]),
            None
        );
    }

    #[test]
    fn dates_written_with_dots_alone_suggest_the_day_first() {
        assert_eq!(
            DayOrder::suggested_by(&["Störung am 03.04.2024", "Update 04.04.2024"]),
            Some(DayOrder::DayFirst)
        );
        // `25.09.2024` proves it, as `25/09/2024` does.
        assert_eq!(
            DayOrder::proved_by(["25.09.2024 Wartung"]),
            Some(DayOrder::DayFirst)
        );
        // A page that writes `8/12/2022` too may write `8.12.2022` the American way; a
        // version number is no date.
        assert_eq!(
            DayOrder::suggested_by(&["8.12.2022 Carrier Outage", "reported 8/12/2022"]),
            None
        );
        assert_eq!(DayOrder::suggested_by(&["upgraded to 1.10.12"]), None);
    }

    #[test]
    fn month_names_suggest_the_order_when_numbers_do_not() {
        let british = [
            "On 28 November 2025 the chart was upgraded.",
            "It expired on 8 January.",
        ];
        assert_eq!(DayOrder::suggested_by(&british), Some(DayOrder::DayFirst));
        let american = [
            "On November 28, 2025 we upgraded.",
            "Sept. 18th we noticed.",
        ];
        assert_eq!(
            DayOrder::suggested_by(&american),
            Some(DayOrder::MonthFirst)
        );
        // Counts and verbs are no dates; a mixed source leans nowhere.
        assert_eq!(DayOrder::suggested_by(&["3 servers may 2x the load"]), None);
        assert_eq!(DayOrder::suggested_by(&["1 May and May 2"]), None);
    }
}
