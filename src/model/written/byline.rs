//! A post's byline (`Posted by Status Desk on December 23rd, 2009 at 04:57 pm PST`), which
//! dates the updates written below it.

use super::clock::read_clock;
use super::dates::{PastedDate, read_iso_date, read_written_date};
use super::zones::PasteZone;

/// The verbs a post's byline opens with.
const BYLINE_VERBS: [&str; 4] = ["posted ", "published ", "updated ", "written "];

/// Reads a post's byline, which dates the updates written below it: `Posted by Status Desk
/// on December 23rd, 2009 at 04:57 pm PST`, `Published on 2019-05-02`. Its day, which must
/// name its year, and the zone its time names. The time tells when the post went up, no
/// event. A verb, `by` and at most five words of who, then `on` and the day: a sentence
/// that goes on after the day, or does something to an object (`Updated the runbook on
/// …`), is no byline.
#[must_use]
pub fn read_byline_day(line: &str) -> Option<(PastedDate, Option<PasteZone>)> {
    let trimmed = line.trim().trim_matches(|c| c == '*' || c == '_').trim();
    let verb = BYLINE_VERBS.iter().find(|verb| {
        trimmed
            .get(..verb.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(verb))
    })?;
    let rest = &trimmed[verb.len()..];
    let on = rest
        .char_indices()
        .find(|(at, _)| {
            rest.get(*at..at + 3)
                .is_some_and(|word| word.eq_ignore_ascii_case("on "))
                && (*at == 0 || rest[..*at].ends_with(' '))
        })
        .map(|(at, _)| at)?;
    let who = rest[..on].trim();
    let by_someone = who.is_empty()
        || who
            .get(..3)
            .is_some_and(|by| by.eq_ignore_ascii_case("by "));
    if !by_someone || who.split_whitespace().count() > 6 {
        return None;
    }
    let written = rest[on + 3..].trim().trim_end_matches(['.', ':']);
    // The day alone, or the day and the time the post went up.
    let (day_part, zone) = match written
        .find(" at ")
        .and_then(|at| Some((at, read_clock(&written[at + 4..])?)))
    {
        Some((at, (clock, after))) if after.trim().is_empty() => (&written[..at], clock.zone),
        Some(_) => return None,
        None => (written, None),
    };
    let day_part = day_part.trim().trim_end_matches(',');
    let date = read_written_date(day_part).or_else(|| {
        read_iso_date(day_part)
            .filter(|(_, rest)| rest.trim().is_empty())
            .map(|(date, _)| date)
    })?;
    date.year.is_some().then_some((date, zone))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: Option<i32>, month: u32, day: u32) -> PastedDate {
        PastedDate { year, month, day }
    }

    #[test]
    fn a_posts_byline_dates_what_follows_it() {
        let dec_23 = date(Some(2009), 12, 23);
        assert_eq!(
            read_byline_day("Posted by Status Desk on December 23rd, 2009 at 04:57 pm PST"),
            Some((dec_23, read_clock("04:57 pm PST").unwrap().0.zone))
        );
        assert_eq!(
            read_byline_day("*Published on 23 December 2009*"),
            Some((dec_23, None))
        );
        assert_eq!(
            read_byline_day("Updated on 2009-12-23"),
            Some((dec_23, None))
        );
        // A sentence that goes on, a day without its year, or a long who is no byline.
        for line in [
            "Posted on December 23rd, 2009 at 04:57 pm PST that the grid is down",
            "Posted by Status Desk on December 23rd",
            "Updated the runbook on 2009-12-23",
            "Posted to the list by the on-call engineer of the week on 2009-12-23",
            "We posted on 2009-12-23",
        ] {
            assert_eq!(read_byline_day(line), None, "{line}");
        }
    }
}
