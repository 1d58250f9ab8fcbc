//! Reading a zone written beside a time or on a date line: `UTC`, `Z`, `+02:00`, `UTC+2`,
//! `(UTC)`, an abbreviation (`PDT`, `CET`), a region's plain name (`Eastern`, `Pacific
//! time`), or an IANA name (`Europe/Berlin`).
//!
//! A fixed abbreviation (`PDT`) means its offset; a region's name (`PT`, `Eastern`) means the
//! region's zone, summer time and all. An abbreviation with several meanings (`IST`) is
//! kept as such and settled by the document's zone, or reported.

use chrono::FixedOffset;
use chrono_tz::Tz;

use super::scan::digits;

/// The zone a pasted time is written in, when it names one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasteZone {
    /// `UTC`, `GMT` or `Z`.
    Utc,
    /// `+02:00`, `-0700`, `UTC+2`, or an abbreviation such as `PDT` with a fixed offset.
    Offset(FixedOffset),
    /// An IANA zone such as `Europe/Berlin`, or a region's zone written as `PT` or `Eastern`.
    Named(Tz),
    /// A summer time's abbreviation (`PDT`, `CEST`): its region, and the offset it names.
    /// No place keeps summer time all year, so on a day that is known it is the region's
    /// clock (`PDT` on 2015-02-26 meant the Pacific clock, then on PST); on a day that is
    /// only guessed it is taken at its word.
    Regional(Tz, FixedOffset),
    /// An abbreviation that names several zones (`IST`): the document's zone says which.
    Ambiguous(Ambiguous),
}

/// An abbreviation with more than one meaning in common use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ambiguous {
    /// India, Ireland or Israel Standard Time.
    Ist,
}

impl Ambiguous {
    /// The zones it may stand for.
    #[must_use]
    pub fn candidates(self) -> &'static [Tz] {
        match self {
            Self::Ist => &[
                chrono_tz::Asia::Kolkata,
                chrono_tz::Asia::Calcutta,
                chrono_tz::Europe::Dublin,
                chrono_tz::Asia::Jerusalem,
                chrono_tz::Asia::Tel_Aviv,
            ],
        }
    }

    /// How it is written.
    #[must_use]
    pub fn written(self) -> &'static str {
        match self {
            Self::Ist => "IST",
        }
    }

    /// What a person is told when the document's zone does not settle it.
    #[must_use]
    pub fn question(self) -> &'static str {
        match self {
            Self::Ist => {
                "IST is India, Irish or Israel Standard Time: set the document's zone to Asia/Kolkata, Europe/Dublin or Asia/Jerusalem to say which"
            }
        }
    }
}

/// Reads a zone written after a time: `Z` (right after it), `UTC`, `GMT`, `UTC+2`,
/// `+02:00`, `-0700`, `(UTC)`, or a common abbreviation with one meaning (`PDT`, `CET`…).
pub fn read_zone(text: &str) -> Option<(PasteZone, &str)> {
    if let Some(rest) = text.strip_prefix(['Z', 'z'])
        && !rest.starts_with(char::is_alphanumeric)
    {
        return Some((PasteZone::Utc, rest));
    }
    let rest = text.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    if let Some(inner) = rest.strip_prefix('(')
        && let Some((zone, after)) = read_zone(inner)
        && let Some(after) = after.trim_start().strip_prefix(')')
    {
        return Some((zone, after));
    }
    if let Some((zone, after)) = read_offset(rest) {
        return Some((zone, after_zone_name_in_brackets(after)));
    }
    if let Some(found) = spelled_out(rest) {
        return Some(found);
    }
    // Letters of any script: Russian writes Moscow's time `МСК`.
    let word_end = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(at, _)| at);
    let (word, after) = rest.split_at(word_end);
    if let Some(zone) = region_named(word) {
        // `Pacific` and `Central` are words of sentences too: a region's name is a zone only
        // where nothing but `time` or punctuation follows it.
        let after = after
            .strip_prefix(" time")
            .or_else(|| after.strip_prefix(" Time"))
            .unwrap_or(after);
        return (!after.starts_with(|c: char| c.is_alphanumeric() || c == ' ')
            || after
                .trim_start()
                .starts_with(['-', '\u{2014}', '\u{2013}', '(']))
        .then_some((zone, after));
    }
    let zone = zone_named(word)?;
    if zone == PasteZone::Utc
        && let Some((offset, after)) = read_offset(after)
    {
        return Some((offset, after_zone_name_in_brackets(after)));
    }
    Some((zone, after))
}

/// `+02:00`, `-0700`, `+2`.
fn read_offset(text: &str) -> Option<(PasteZone, &str)> {
    let (sign, rest) = match text.chars().next()? {
        '+' => (1, &text[1..]),
        // The minus sign and the hyphen: offsets are written with either.
        '-' => (-1, &text[1..]),
        '\u{2212}' => (-1, &text['\u{2212}'.len_utf8()..]),
        _ => return None,
    };
    // `-0700`: four digits are the hours and minutes glued together.
    let glued = rest
        .get(..4)
        .filter(|four| four.bytes().all(|b| b.is_ascii_digit()));
    let (hours, minutes, rest) = if let Some(four) = glued {
        let (hours, _) = digits(&four[..2], 2, 2)?;
        let (minutes, _) = digits(&four[2..], 2, 2)?;
        (hours, minutes, &rest[4..])
    } else {
        let (hours, rest) = digits(rest, 1, 2)?;
        let (minutes, rest) = match rest.strip_prefix(':') {
            Some(rest) => digits(rest, 2, 2)?,
            None => digits(rest, 2, 2).unwrap_or((0, rest)),
        };
        (hours, minutes, rest)
    };
    if rest.starts_with(char::is_alphanumeric) || hours > 14 || minutes > 59 {
        return None;
    }
    let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()? * sign;
    Some((PasteZone::Offset(FixedOffset::east_opt(seconds)?), rest))
}

/// `after` without the name of the offset's zone in brackets that some programs write
/// after it (JavaScript's `GMT+0100 (CET)`, `GMT-0700 (Pacific Daylight Time)`): the
/// offset says the time, the name only repeats it.
fn after_zone_name_in_brackets(after: &str) -> &str {
    let Some(inside) = after.trim_start_matches(' ').strip_prefix('(') else {
        return after;
    };
    let Some((name, rest)) = inside.split_once(')') else {
        return after;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let abbreviation = matches!(words.as_slice(), [only]
        if (2..=5).contains(&only.len()) && only.chars().all(|c| c.is_ascii_uppercase()));
    let spelled = words.len() <= 6
        && words
            .last()
            .is_some_and(|last| last.eq_ignore_ascii_case("time"))
        && words
            .iter()
            .all(|word| word.chars().all(char::is_alphabetic));
    if abbreviation || spelled { rest } else { after }
}

/// A zone written as a word: UTC and GMT, the abbreviations incident channels use, and the
/// regions' short names (`ET`, `PT`). IST, which is India, Ireland or Israel, is read as
/// [`PasteZone::Ambiguous`].
#[must_use]
pub fn zone_named(word: &str) -> Option<PasteZone> {
    let upper = word.to_ascii_uppercase();
    let region = match upper.as_str() {
        "ET" => Some(chrono_tz::America::New_York),
        "CT" => Some(chrono_tz::America::Chicago),
        "MT" => Some(chrono_tz::America::Denver),
        "PT" => Some(chrono_tz::America::Los_Angeles),
        "AET" => Some(chrono_tz::Australia::Sydney),
        // New Zealand Time, its clock whatever the season (`At 7:40pm NZT today`).
        "NZT" => Some(chrono_tz::Pacific::Auckland),
        // Moscow's clock, whatever offset it kept that year; Russian writes it `МСК`.
        "MSK" | "МСК" | "мск" => Some(chrono_tz::Europe::Moscow),
        _ => None,
    };
    if let Some(region) = region {
        return Some(PasteZone::Named(region));
    }
    if let Some((region, hours)) = regional(&upper) {
        return FixedOffset::east_opt(hours * 3600)
            .map(|offset| PasteZone::Regional(region, offset));
    }
    let hours = match upper.as_str() {
        "UTC" | "GMT" | "UT" => return Some(PasteZone::Utc),
        "IST" => return Some(PasteZone::Ambiguous(Ambiguous::Ist)),
        "HST" => -10,
        "AKST" => -9,
        "PST" => -8,
        "MST" => -7,
        "CST" => -6,
        "EST" => -5,
        "BRT" | "ART" => -3,
        "WET" => 0,
        "CET" => 1,
        "EET" | "CAT" | "SAST" => 2,
        "EAT" => 3,
        // Gulf Standard Time (the UAE and Oman), by far its commonest use.
        "GST" => 4,
        "PKT" => 5,
        "ICT" | "WIB" => 7,
        "SGT" | "HKT" | "AWST" | "PHT" => 8,
        "JST" | "KST" => 9,
        "AEST" => 10,
        "NZST" => 12,
        // Only area/place names: the legacy one-word names (Turkey, Japan, Egypt…) are
        // words of a sentence far more often than zones.
        _ if word.contains('/') => {
            return word
                .parse::<Tz>()
                .ok()
                .or_else(|| standard_and_summer(&upper))
                .map(PasteZone::Named);
        }
        _ => return None,
    };
    FixedOffset::east_opt(hours * 3600).map(PasteZone::Offset)
}

/// The region whose summer time `abbreviation` (upper case) is, and the hours from UTC it
/// names. No place keeps summer time all year, so a summer time names its region's clock.
/// A standard time stays the offset it names: some places keep it all year (Arizona's
/// `MST`, Queensland's `AEST`), and a `PST` written in summer is as often meant as written.
fn regional(abbreviation: &str) -> Option<(Tz, i32)> {
    REGIONS
        .iter()
        .find(|(_, summer, _, _)| *summer == abbreviation)
        .map(|(_, _, region, hours)| (*region, *hours))
}

/// The region whose standard time is `offset` (`CET`'s +01:00, `EST`'s −05:00) and whose
/// clock showed it at every one of `instants`: times written in a standard time on its
/// region's winter days (`Posted Nov 17, 2022 - 19:31 CET`) place their writer there, as
/// a summer time's abbreviation does all year. GMT's and WET's zero is UTC's as often.
#[must_use]
pub fn region_in_its_winter(
    offset: FixedOffset,
    instants: &[chrono::DateTime<chrono::Utc>],
) -> Option<Tz> {
    use chrono::{Offset, TimeZone};
    let seconds = offset.local_minus_utc();
    if seconds == 0 || instants.is_empty() {
        return None;
    }
    REGIONS
        .iter()
        .filter(|(_, _, _, summer)| (summer - 1) * 3600 == seconds)
        .map(|(_, _, region, _)| *region)
        .find(|region| {
            instants.iter().all(|instant| {
                region
                    .offset_from_utc_datetime(&instant.naive_utc())
                    .fix()
                    .local_minus_utc()
                    == seconds
            })
        })
}

/// Regions whose clocks change: their winter and summer abbreviations, and the summer
/// time's hours from UTC.
const REGIONS: [(&str, &str, Tz, i32); 12] = [
    ("PST", "PDT", chrono_tz::America::Los_Angeles, -7),
    ("MST", "MDT", chrono_tz::America::Denver, -6),
    ("CST", "CDT", chrono_tz::America::Chicago, -5),
    ("EST", "EDT", chrono_tz::America::New_York, -4),
    ("AKST", "AKDT", chrono_tz::America::Anchorage, -8),
    ("GMT", "BST", chrono_tz::Europe::London, 1),
    ("WET", "WEST", chrono_tz::Europe::Lisbon, 1),
    ("CET", "CEST", chrono_tz::Europe::Berlin, 2),
    ("EET", "EEST", chrono_tz::Europe::Athens, 3),
    ("AEST", "AEDT", chrono_tz::Australia::Sydney, 11),
    ("NZST", "NZDT", chrono_tz::Pacific::Auckland, 13),
    ("IST", "IDT", chrono_tz::Asia::Jerusalem, 3),
];

impl PasteZone {
    /// This zone on a day that was guessed, not known: a region's abbreviation is taken at
    /// its word, since the guess cannot show the author slipped.
    #[must_use]
    pub const fn at_its_word(self) -> Self {
        match self {
            Self::Regional(_, offset) => Self::Offset(offset),
            other => other,
        }
    }
}

/// The region a zone's name places its writer in: a region or an IANA name itself, or an
/// abbreviation of a region whose clocks change, winter or summer (`EST` and `EDT` are
/// both New York's), or a region's plain name (`Eastern`), which right beside a time is its
/// zone. What the document's zone is, not how one time is read: a time written
/// `12:11 PM EST` is still UTC−5.
#[must_use]
pub fn region_of(word: &str) -> Option<Tz> {
    let Some(zone) = zone_named(word) else {
        return match region_named(word)? {
            PasteZone::Named(region) => Some(region),
            _ => None,
        };
    };
    match zone {
        PasteZone::Named(region) | PasteZone::Regional(region, _) => Some(region),
        PasteZone::Offset(_) => {
            let upper = word.to_ascii_uppercase();
            REGIONS
                .iter()
                .find(|(winter, _, _, _)| *winter == upper && upper != "GMT")
                .map(|(_, _, region, _)| *region)
        }
        PasteZone::Utc | PasteZone::Ambiguous(_) => None,
    }
}

/// A region's winter and summer abbreviations written as a pair, either way round
/// (`PST/PDT`, `CEST/CET`): the region, whose clocks change between the two.
fn standard_and_summer(pair: &str) -> Option<Tz> {
    let (first, second) = pair.split_once('/')?;
    REGIONS
        .iter()
        .find(|(winter, summer, _, _)| {
            (first == *winter && second == *summer) || (first == *summer && second == *winter)
        })
        .map(|(_, _, region, _)| *region)
}

/// Zones spelled out in words, and the abbreviation each stands for.
const SPELLED_OUT: [(&str, &str); 22] = [
    ("pacific daylight time", "PDT"),
    ("pacific standard time", "PST"),
    ("mountain daylight time", "MDT"),
    ("mountain standard time", "MST"),
    ("central daylight time", "CDT"),
    ("central standard time", "CST"),
    ("eastern daylight time", "EDT"),
    ("eastern standard time", "EST"),
    ("alaska daylight time", "AKDT"),
    ("alaska standard time", "AKST"),
    ("british summer time", "BST"),
    ("greenwich mean time", "GMT"),
    ("coordinated universal time", "UTC"),
    ("central european summer time", "CEST"),
    ("central european time", "CET"),
    ("eastern european summer time", "EEST"),
    ("eastern european time", "EET"),
    ("japan standard time", "JST"),
    ("australian eastern daylight time", "AEDT"),
    ("australian eastern standard time", "AEST"),
    ("new zealand daylight time", "NZDT"),
    ("new zealand standard time", "NZST"),
];

/// A zone spelled out at the start of `text` (`Pacific Daylight Time`, `Central European
/// Summer Time`), read as its abbreviation would be; with the text after it.
fn spelled_out(text: &str) -> Option<(PasteZone, &str)> {
    SPELLED_OUT.iter().find_map(|(words, abbreviation)| {
        let head = text.get(..words.len())?;
        let rest = &text[words.len()..];
        (head.eq_ignore_ascii_case(words) && !rest.starts_with(char::is_alphanumeric))
            .then(|| zone_named(abbreviation).map(|zone| (zone, rest)))
            .flatten()
    })
}

/// The first zone spelled out anywhere in `text` (`All times are Pacific Daylight Time`).
#[must_use]
pub fn zone_spelled_in(text: &str) -> Option<PasteZone> {
    text.char_indices()
        .filter(|(at, c)| {
            c.is_alphabetic() && !text[..*at].ends_with(|before: char| before.is_alphanumeric())
        })
        .find_map(|(at, _)| spelled_out(&text[at..]).map(|(zone, _)| zone))
}

/// A US region's time named in words anywhere in `text`: `eastern US time`, `Pacific
/// time`, `US Central Time`, as a story says the zone of its times once.
#[must_use]
pub fn region_time_in(text: &str) -> Option<Tz> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    words.windows(2).enumerate().find_map(|(at, pair)| {
        let Some(PasteZone::Named(zone)) = region_named(&pair[0]) else {
            return None;
        };
        let after = if pair[1] == "us" {
            words.get(at + 2)?
        } else {
            &pair[1]
        };
        (after == "time").then_some(zone)
    })
}

/// A region's plain name: `Eastern`, `Central`, `Mountain`, `Pacific`.
fn region_named(word: &str) -> Option<PasteZone> {
    let zone = match word.to_ascii_lowercase().as_str() {
        "eastern" => chrono_tz::America::New_York,
        "central" => chrono_tz::America::Chicago,
        "mountain" => chrono_tz::America::Denver,
        "pacific" => chrono_tz::America::Los_Angeles,
        _ => return None,
    };
    Some(PasteZone::Named(zone))
}

/// The zone a city names at the start of `text` (`Denver`, `New York`, `sao paulo`): the
/// place part of an IANA name in one of the continents and oceans, with spaces for its
/// underscores. Returns the zone and the length of the name in `text`. A city's name is a
/// person's or a word as often as a zone (`Sydney`, `Phoenix`), so the readers take it for
/// a zone only where a source writes it after its times, line after line.
#[must_use]
pub fn city_zone_at_start(text: &str) -> Option<(Tz, usize)> {
    // Names run to three words (`Port of Spain`); the longest that names a city wins.
    let ends: Vec<usize> = text
        .char_indices()
        .filter(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '\''))
        .map(|(at, _)| at)
        .chain(std::iter::once(text.len()))
        .take(3)
        .collect();
    ends.iter().rev().find_map(|end| {
        let name = text[..*end].to_lowercase();
        CITIES.get(name.as_str()).map(|zone| (*zone, *end))
    })
}

/// A city's clock named after a time, in words (`Paris time`, `(heure de Paris)`,
/// `hora de Madrid`, `ora di Roma`): the zone of that city. The words around the name say
/// it is a clock, so the name is no person's.
#[must_use]
pub fn city_time_named(text: &str) -> Option<Tz> {
    const BEFORE: [&str; 6] = [
        "heure de ",
        "heure d'",
        "hora de ",
        "horário de ",
        "ora di ",
        "time in ",
    ];
    let text = text.trim_start_matches([' ', '\u{a0}', '(', ',']);
    let lower = text.to_lowercase();
    if let Some(lead) = BEFORE.iter().find(|lead| lower.starts_with(*lead)) {
        return city_zone_at_start(&text[lead.len()..]).map(|(zone, _)| zone);
    }
    let (zone, end) = city_zone_at_start(text)?;
    let after = text[end..].to_lowercase();
    [" time", " local time"]
        .iter()
        .any(|word| {
            after
                .strip_prefix(word)
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
        .then_some(zone)
}

/// The cities of the IANA names, lower case with spaces, and their zones.
static CITIES: std::sync::LazyLock<std::collections::HashMap<String, Tz>> =
    std::sync::LazyLock::new(|| {
        const AREAS: [&str; 8] = [
            "America",
            "Europe",
            "Asia",
            "Africa",
            "Australia",
            "Pacific",
            "Atlantic",
            "Indian",
        ];
        // The old links named for a part of a country, not a city.
        const NOT_CITIES: [&str; 8] = [
            "North", "South", "West", "East", "Central", "Eastern", "Pacific", "Mountain",
        ];
        chrono_tz::TZ_VARIANTS
            .iter()
            .filter_map(|tz| {
                let name = tz.name();
                let (area, place) = (name.split('/').next()?, name.rsplit('/').next()?);
                let city = AREAS.contains(&area)
                    && !NOT_CITIES.contains(&place)
                    && !place.chars().all(|c| c.is_ascii_uppercase());
                city.then(|| (place.replace('_', " ").to_lowercase(), *tz))
            })
            .collect()
    });

/// A whole-hour offset other than UTC as the zone that keeps it all year (`+08:00` is
/// `Etc/GMT-8`, whose sign runs the other way).
#[must_use]
pub fn zone_of_whole_hours(offset: chrono::FixedOffset) -> Option<chrono_tz::Tz> {
    let seconds = offset.local_minus_utc();
    if seconds == 0 || seconds % 3600 != 0 {
        return None;
    }
    let hours = seconds / 3600;
    let name = if hours > 0 {
        format!("Etc/GMT-{hours}")
    } else {
        format!("Etc/GMT+{}", -hours)
    };
    name.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moscow_time_in_either_script_is_moscows_clock() {
        for word in ["MSK", "МСК"] {
            assert_eq!(
                zone_named(word),
                Some(PasteZone::Named(chrono_tz::Europe::Moscow)),
                "{word}"
            );
        }
        let (zone, after) = read_zone(" (МСК): Система").unwrap();
        assert_eq!(zone, PasteZone::Named(chrono_tz::Europe::Moscow));
        assert_eq!(after, ": Система");
    }

    #[test]
    fn a_standard_time_on_its_regions_winter_days_places_its_writer() {
        use chrono::TimeZone;
        let at = |y, m, d| {
            chrono::Utc
                .with_ymd_and_hms(y, m, d, 12, 0, 0)
                .single()
                .unwrap()
        };
        let hours = |h: i32| FixedOffset::east_opt(h * 3600).unwrap();
        assert_eq!(
            region_in_its_winter(hours(1), &[at(2022, 11, 17), at(2022, 11, 25)]),
            Some(chrono_tz::Europe::Berlin)
        );
        assert_eq!(
            region_in_its_winter(hours(-5), &[at(2024, 1, 9)]),
            Some(chrono_tz::America::New_York)
        );
        // `CET` in July is no region's clock then; nor is UTC's zero a region.
        assert_eq!(region_in_its_winter(hours(1), &[at(2022, 7, 1)]), None);
        assert_eq!(
            region_in_its_winter(hours(1), &[at(2022, 11, 17), at(2022, 7, 1)]),
            None
        );
        assert_eq!(region_in_its_winter(hours(0), &[at(2022, 11, 17)]), None);
        assert_eq!(region_in_its_winter(hours(1), &[]), None);
    }

    #[test]
    fn a_city_of_the_zone_names_is_its_zone() {
        assert_eq!(
            city_zone_at_start("Denver - Mark updated the plugins"),
            Some((chrono_tz::America::Denver, 6))
        );
        assert_eq!(
            city_zone_at_start("new york: paged"),
            Some((chrono_tz::America::New_York, 8))
        );
        assert_eq!(
            city_zone_at_start("Sao Paulo"),
            Some((chrono_tz::America::Sao_Paulo, 9))
        );
        for not_a_city in ["West - restarted", "Deployed", "Denverite", "NSW time", ""] {
            assert_eq!(city_zone_at_start(not_a_city), None, "{not_a_city}");
        }
    }

    #[test]
    fn a_zones_name_in_brackets_after_its_offset_goes_with_it() {
        let plus_one = PasteZone::Offset(FixedOffset::east_opt(3600).unwrap());
        assert_eq!(
            read_zone("GMT+0100 (CET)] DEBUG"),
            Some((plus_one, "] DEBUG"))
        );
        assert_eq!(
            read_zone("GMT-0800 (Pacific Standard Time) error"),
            Some((
                PasteZone::Offset(FixedOffset::west_opt(8 * 3600).unwrap()),
                " error"
            ))
        );
        assert_eq!(read_zone("+01:00 (CET)"), Some((plus_one, "")));
        // Words in brackets that name no zone are the message's.
        assert_eq!(
            read_zone("+01:00 (retrying) x"),
            Some((plus_one, " (retrying) x"))
        );
    }

    #[test]
    fn a_citys_clock_named_in_words_is_its_zone() {
        for (written, zone) in [
            (" (heure de Paris), le traitement", chrono_tz::Europe::Paris),
            ("Paris time", chrono_tz::Europe::Paris),
            ("hora de Madrid", chrono_tz::Europe::Madrid),
            ("(time in Tokyo)", chrono_tz::Asia::Tokyo),
            ("New York time, the alert", chrono_tz::America::New_York),
        ] {
            assert_eq!(city_time_named(written), Some(zone), "{written}");
        }
        for not_a_clock in ["Paris was paged", "Sydney restarted it", "Timeline", ""] {
            assert_eq!(city_time_named(not_a_clock), None, "{not_a_clock}");
        }
    }

    #[test]
    fn a_us_regions_time_named_in_words() {
        for (text, region) in [
            (
                "from late last night (April 5th) eastern US time until",
                chrono_tz::America::New_York,
            ),
            (
                "All times are Pacific time.",
                chrono_tz::America::Los_Angeles,
            ),
            ("US Central Time", chrono_tz::America::Chicago),
        ] {
            assert_eq!(region_time_in(text), Some(region), "{text}");
        }
        for text in [
            "the central database",
            "Pacific Ocean",
            "mountain of time",
            "",
        ] {
            assert_eq!(region_time_in(text), None, "{text}");
        }
    }

    #[test]
    fn a_regions_two_abbreviations_name_the_region() {
        for (pair, region) in [
            ("PST/PDT", chrono_tz::America::Los_Angeles),
            ("pdt/pst", chrono_tz::America::Los_Angeles),
            ("CET/CEST", chrono_tz::Europe::Berlin),
            ("EST/EDT", chrono_tz::America::New_York),
            ("Europe/Dublin", chrono_tz::Europe::Dublin),
            // A region's time named without its season.
            ("NZT", chrono_tz::Pacific::Auckland),
            ("PT", chrono_tz::America::Los_Angeles),
        ] {
            assert_eq!(zone_named(pair), Some(PasteZone::Named(region)), "{pair}");
        }
        // A summer time alone names its region too: no place keeps it all year.
        for (summer, region) in [
            ("PDT", chrono_tz::America::Los_Angeles),
            ("CEST", chrono_tz::Europe::Berlin),
            ("BST", chrono_tz::Europe::London),
            ("AEDT", chrono_tz::Australia::Sydney),
        ] {
            assert!(
                matches!(zone_named(summer), Some(PasteZone::Regional(named, _)) if named == region),
                "{summer}"
            );
        }
        assert_eq!(region_of("EST"), Some(chrono_tz::America::New_York));
        assert_eq!(region_of("PDT"), Some(chrono_tz::America::Los_Angeles));
        assert_eq!(region_of("UTC"), None);
        assert_eq!(region_of("JST"), None);
        // Two zones of different regions, or one alone, are no such pair.
        assert_eq!(zone_named("PST/CET"), None);
        // A standard time stays what it says: Arizona keeps MST all year.
        assert_eq!(
            zone_named("MST"),
            FixedOffset::east_opt(-7 * 3600).map(PasteZone::Offset)
        );
        assert_eq!(
            zone_named("PST"),
            FixedOffset::east_opt(-8 * 3600).map(PasteZone::Offset)
        );
    }
}
