//! The region a story's writers are in, found in its sentences: the one zone they name
//! beside their times (`at 10:27am Eastern`, `at 9:10 PM PST`) or on a line of its own
//! (`All times in Eastern.`), for a timeline whose own times name none.

use crate::model::{
    PasteZone, city_time_named, read_clock, region_of, region_time_in, zone_of_whole_hours,
};

/// The one region the file's sentences name beside their times (`On Saturday, Aug 31 at
/// 10:27am Eastern …`, `at 9:10 PM PST`), with the line (from 1) that first names it: where
/// the writers are, for a timeline whose own times name no zone. `None` where no sentence
/// names one, or where they name two, or UTC or an offset beside a time as well (the bare
/// times could then be in either). A time in UTC in brackets after a region's time on its
/// line (`at 10:00 EST (15:00 UTC)`) only converts it.
pub(super) fn region_told(lines: &[&str]) -> Option<(chrono_tz::Tz, usize)> {
    let mut found: Option<(chrono_tz::Tz, usize)> = None;
    for (index, line) in lines.iter().enumerate() {
        // A line of its own about the times (`All times in Eastern.`) inside text that no
        // heading sets apart (a page's text copied flat) names where the writers are too.
        if super::settings::zone_line(line).is_some()
            && let Some(region) = line
                .split(|c: char| !c.is_ascii_alphabetic())
                .find_map(region_of)
        {
            match found {
                None => found = Some((region, index + 1)),
                Some((first, _)) if first == region => {}
                Some(_) => return None,
            }
            continue;
        }
        let mut region_on_line = false;
        let starts = line.char_indices().filter(|(at, c)| {
            c.is_ascii_digit()
                && !line[..*at].ends_with(|before: char| before.is_alphanumeric() || before == ':')
        });
        for (at, _) in starts {
            let Some((written, rest)) = read_clock(&line[at..]) else {
                continue;
            };
            let written_zone = &line[at..line.len() - rest.len()];
            let told = match written.zone {
                Some(PasteZone::Named(region) | PasteZone::Regional(region, _)) => {
                    Some(Some(region))
                }
                // `EST`: a standard time's abbreviation reads as its offset; its word names
                // the region.
                // `de 1h02 à 10h17 (UTC+2)`: an offset alone is a clock of its own.
                Some(PasteZone::Offset(offset)) => Some(
                    last_word(written_zone)
                        .and_then(region_of)
                        .or_else(|| zone_of_whole_hours(offset)),
                ),
                Some(PasteZone::Utc | PasteZone::Ambiguous(_)) => Some(None),
                // `10:27am Eastern all indexes …`: a region's name right after the time, in
                // the middle of a sentence.
                // Else a region's time named in words in the same line (`from late last
                // night eastern US time until 10:45am`).
                // `de 18h00 à 22h00 (heure de Paris)`: a city's clock named in words.
                None => first_word(rest)
                    .and_then(region_of)
                    .or_else(|| city_time_named(rest))
                    .or_else(|| region_time_in(line))
                    .map(Some),
            };
            let converts =
                told == Some(None) && region_on_line && line[..at].trim_end().ends_with('(');
            if converts {
                continue;
            }
            region_on_line |= matches!(told, Some(Some(_)));
            match (told, found) {
                (Some(Some(region)), None) => found = Some((region, index + 1)),
                (Some(Some(region)), Some((first, _))) if region == first => {}
                (Some(_), _) => return None,
                (None, _) => {}
            }
        }
    }
    found
}

/// The last word of letters in `text`, if any.
fn last_word(text: &str) -> Option<&str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .rfind(|word| !word.is_empty())
}

/// The word of letters `text` starts with, after spaces.
fn first_word(text: &str) -> Option<&str> {
    let text = text.trim_start_matches([' ', '\u{a0}']);
    let end = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    (end > 0).then(|| &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_its_own_about_the_times_names_the_writers_region() {
        let lines = [
            "Event Log",
            "All times in Eastern.",
            "2:43 AM - Out of Cards goes offline.",
        ];
        assert_eq!(region_told(&lines), Some((chrono_tz::America::New_York, 2)));
        // One that names another region beside a time makes the region unknown.
        let two = ["All times in Eastern.", "At 9:10 PM PST we rolled back."];
        assert_eq!(region_told(&two), None);
    }
}
