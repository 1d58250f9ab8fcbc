//! Reading a zone written beside a pasted time or on a date line: `UTC`, `Z`, `+02:00`,
//! `UTC+2`, `(UTC)`, an abbreviation with one meaning, or an IANA name.

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
    /// An IANA zone such as `Europe/Berlin`.
    Named(Tz),
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
    if let Some(found) = read_offset(rest) {
        return Some(found);
    }
    let word_end = rest
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(rest.len(), |(at, _)| at);
    let (word, after) = rest.split_at(word_end);
    let zone = zone_named(word)?;
    if zone == PasteZone::Utc
        && let Some((offset, after)) = read_offset(after)
    {
        return Some((offset, after));
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
    let (hours, rest) = digits(rest, 1, 2)?;
    let (minutes, rest) = match rest.strip_prefix(':') {
        Some(rest) => digits(rest, 2, 2)?,
        None => digits(rest, 2, 2).unwrap_or((0, rest)),
    };
    if rest.starts_with(char::is_alphanumeric) || hours > 14 || minutes > 59 {
        return None;
    }
    let seconds = i32::try_from(hours * 3600 + minutes * 60).ok()? * sign;
    Some((PasteZone::Offset(FixedOffset::east_opt(seconds)?), rest))
}

/// A zone written as a word: UTC and GMT, and the abbreviations with one meaning that
/// incident channels use. (IST, say, is India, Ireland or Israel, so it is not read.)
#[must_use]
pub fn zone_named(word: &str) -> Option<PasteZone> {
    let hours = match word.to_ascii_uppercase().as_str() {
        "UTC" | "GMT" => return Some(PasteZone::Utc),
        "PST" => -8,
        "PDT" | "MST" => -7,
        "MDT" | "CST" => -6,
        "CDT" | "EST" => -5,
        "EDT" => -4,
        "BST" | "CET" => 1,
        "CEST" | "EET" => 2,
        "EEST" => 3,
        "JST" => 9,
        "AEST" => 10,
        "AEDT" => 11,
        // Only area/place names: the legacy one-word names (Turkey, Japan, Egypt…) are
        // words of a sentence far more often than zones.
        _ if word.contains('/') => return word.parse::<Tz>().ok().map(PasteZone::Named),
        _ => return None,
    };
    FixedOffset::east_opt(hours * 3600).map(PasteZone::Offset)
}
