//! What a line written above some times says about them: the zone they are in (`All times
//! in PST`, `Timeline (CET)`), their day (`#### 29-09-2021`), or both. Such a line carries
//! on to the timeline's pieces below it.

use chrono::NaiveDate;

use super::dates_in_text::date_in_text;
use crate::model::{DayOrder, PasteZone, PastedDate, read_date_line, zone_named, zone_spelled_in};

/// What a line written above some times says about them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting {
    /// The zone they are in.
    pub zone: Option<PasteZone>,
    /// The day they are on; without its year (`## 31 OKTOBER`), in the year of the
    /// incident's day.
    pub day: Option<PastedDate>,
    /// The line as written, kept when it says more than a day and a zone (`### March 5,
    /// 2025: Sepolia Testnet Issue Timeline`).
    pub kept: Option<String>,
    /// The weekday they are on, when the line names only that (`Mercredi` over the day's
    /// times): the nearest such day to the day in force.
    pub weekday: Option<chrono::Weekday>,
}

/// A line of more words than this says more than a day and a zone, and is kept as written.
const SETTING_WORDS_ALONE: usize = 6;

impl Setting {
    /// What `text` says about the times below it, when it says anything: a zone in a line
    /// about times (`All times in PST`), a date with its year, or both; or a line that is
    /// only a day, its year left to the incident's (`31 OKTOBER`, `Tuesday 5 March`). `words` caps how
    /// long a text may be and still be such a line rather than a sentence of the story.
    #[must_use]
    pub fn of(text: &str, words: usize, order: Option<DayOrder>) -> Option<Self> {
        if text.split_whitespace().count() > words {
            return None;
        }
        let count = text.split_whitespace().count();
        let only_a_day = read_date_line(text);
        // `2019-09-23 (all times in UTC-5)`: a day with a note of its zone.
        let zone = zone_line_of_any_length(text)
            .or(only_a_day.and_then(|(_, zone)| zone))
            .or_else(|| zone_alone(text));
        // `### 25-Jun-2021: Bigdata storage repaired` says what happened that day too.
        let says_more = count > SETTING_WORDS_ALONE || (only_a_day.is_none() && zone.is_none());
        let setting = Self {
            zone,
            day: date_in_text(text, order)
                .map(pasted_date)
                .or_else(|| only_a_day.map(|(date, _)| date)),
            kept: says_more.then(|| text.to_owned()),
            weekday: None,
        };
        (setting.zone.is_some() || setting.day.is_some()).then_some(setting)
    }
}

/// `All times in PST`, `(all times UTC)`, `Times are CET.`: the zone such a line names.
#[must_use]
pub fn zone_line(text: &str) -> Option<PasteZone> {
    if text.split_whitespace().count() > 12 {
        return None;
    }
    zone_line_of_any_length(text)
}

/// The zone a timeline's heading names: as a line about times does (`Timeline (all times
/// PST)`), or as a zone alone beside the word (`Timeline (CET)`, `Timeline – UTC`,
/// `Detailed timeline [PST/PDT]`).
#[must_use]
pub fn zone_in_timeline_heading(heading: &str) -> Option<PasteZone> {
    zone_line(heading).or_else(|| {
        let words: Vec<&str> = heading
            .split(|c: char| c.is_whitespace() || "()[],;:-\u{2013}\u{2014}".contains(c))
            .filter(|word| !word.is_empty())
            .collect();
        (words.len() <= 6)
            .then(|| {
                words.iter().find_map(|word| zone_named(word)).or_else(|| {
                    // `Timeline (Eastern US Time):`: a region's time in words.
                    crate::model::region_time_in(heading).map(PasteZone::Named)
                })
            })
            .flatten()
    })
}

/// The zone a line in the timeline is and nothing else (`(UTC+9:30)`, `**PST**`): what the
/// times below it are in. Elsewhere such a line is a word of the story (`GST`).
fn zone_alone(text: &str) -> Option<PasteZone> {
    let bare = text
        .trim()
        .trim_matches(['*', '_', '[', ']', ' ', ':', '.']);
    crate::model::read_zone(bare)
        .filter(|(_, rest)| rest.trim().is_empty())
        .map(|(zone, _)| zone)
}

/// The zone a text about times names (`… and all times are in UTC.`), however long it is.
fn zone_line_of_any_length(text: &str) -> Option<PasteZone> {
    let lower = text.to_lowercase();
    let says_times = [
        "all times",
        "times are",
        "times in",
        "time zone",
        "timezone",
    ]
    .iter()
    .any(|phrase| lower.contains(phrase));
    if !says_times {
        return None;
    }
    let zone = zone_spelled_in(text).or_else(|| {
        // `Times are in CET:` over its list: the colon ends the zone's word.
        text.split(|c: char| {
            c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | ',' | '.' | ';' | ':')
        })
        .filter(|word| !word.is_empty())
        // `All times central.`: a region's plain name too.
        .find_map(|word| {
            zone_named(word).or_else(|| crate::model::region_of(word).map(PasteZone::Named))
        })
    })?;
    // `All times in PDT (UTC-7)`: an abbreviation whose offset is spelled out beside it is
    // taken at its word, all year.
    let spelled_out = ["utc-", "utc+", "gmt-", "gmt+", "utc \u{2212}"]
        .iter()
        .any(|offset| lower.contains(offset));
    Some(if spelled_out {
        zone.at_its_word()
    } else {
        zone
    })
}

/// The calendar date in `text` (see [`date_in_text`]), as a date written with its year.
pub(super) fn day_in_text(text: &str, order: Option<DayOrder>) -> Option<PastedDate> {
    date_in_text(text, order).map(pasted_date)
}

/// A calendar date as a date written with its year.
pub(super) fn pasted_date(date: NaiveDate) -> PastedDate {
    use chrono::Datelike;
    PastedDate {
        year: Some(date.year()),
        month: date.month(),
        day: date.day(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_and_dates_written_around_a_timeline() {
        assert!(zone_line("All times in PST, on February 5th 2019").is_some());
        assert!(zone_line("All times in CET.").is_some());
        assert_eq!(
            zone_line("Times are in CET:"),
            zone_line("Times are in CET."),
            "a colon before the list ends the zone's word as a full stop does"
        );
        assert!(zone_line("Times are in CET:").is_some());
        assert!(zone_line("(all times UTC)").is_some());
        // With its offset spelled out, a summer time is that offset all year.
        assert_eq!(
            zone_line("All times in PDT (UTC-7)."),
            chrono::FixedOffset::west_opt(7 * 3600).map(PasteZone::Offset)
        );
        assert!(matches!(
            zone_line("All times in PDT."),
            Some(PasteZone::Regional(..))
        ));
        assert!(zone_line("The times were bad").is_none());
        // A timeline's heading may name its zone alone.
        for heading in [
            "Timeline (CET)",
            "Timeline - UTC",
            "Detailed timeline [PST/PDT]",
            "Timeline (Eastern US Time):",
        ] {
            assert!(zone_in_timeline_heading(heading).is_some(), "{heading}");
        }
        assert!(zone_in_timeline_heading("Timeline of the response").is_none());
    }
}
