//! A time written as an offset from a start, as some timelines count: `T+0`, `T+15m`,
//! `T + 1h30m`, `+1 hrs`, `[+6.5 hrs]`, `+2 days`. It is placed by adding it to the first time
//! written in full above it, else to the incident's start.

use chrono::TimeDelta;

/// An offset as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offset {
    /// How long after the start.
    pub after: TimeDelta,
    /// The offset as written, for the row's notes.
    pub written: String,
}

/// Reads an offset at the start of `text`; returns it and the text after it.
#[must_use]
pub fn read_offset(text: &str) -> Option<(Offset, &str)> {
    let start = text.trim_start();
    let (open, inner) = match start.chars().next()? {
        '[' => (Some(']'), &start[1..]),
        '(' => (Some(')'), &start[1..]),
        _ => (None, start),
    };
    let (counted, mut rest) = match inner.strip_prefix(['T', 't']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, inner),
    };
    // `T0`, `T+0`: the start itself.
    let plus = rest.strip_prefix('+');
    if plus.is_none() && !(counted && rest.starts_with('0')) {
        return None;
    }
    // `T+~10 min`: about ten minutes in; the mark stays in the offset as written.
    rest = plus
        .unwrap_or(rest)
        .trim_start()
        .trim_start_matches(['~', '\u{2248}'])
        .trim_start();
    let mut after = TimeDelta::zero();
    let mut parts = 0;
    while let Some((amount, unit, next)) = amount_and_unit(rest) {
        after += scaled(amount, unit_of(unit)?)?;
        parts += 1;
        rest = next;
    }
    if parts == 0 {
        // `T+0` alone.
        let zero = rest.strip_prefix('0')?;
        if !counted || zero.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
        rest = zero;
    }
    if let Some(close) = open {
        rest = rest.trim_start().strip_prefix(close)?;
    }
    let written = start[..start.len() - rest.len()].trim().to_owned();
    Some((Offset { after, written }, rest))
}

/// `1.5 hrs`, `30m`, `2 days`: a number and a unit of time, and the text after them.
fn amount_and_unit(text: &str) -> Option<(f64, &str, &str)> {
    let text = text.trim_start();
    let number_end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    if number_end == 0 {
        return None;
    }
    let amount: f64 = text[..number_end].parse().ok()?;
    let after_number = text[number_end..].trim_start();
    let unit_end = after_number
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(after_number.len());
    let unit = &after_number[..unit_end];
    unit_of(unit)?;
    Some((amount, unit, &after_number[unit_end..]))
}

/// The length of one of `unit`.
fn unit_of(unit: &str) -> Option<TimeDelta> {
    match unit.to_ascii_lowercase().as_str() {
        "s" | "sec" | "secs" | "second" | "seconds" => Some(TimeDelta::seconds(1)),
        "m" | "min" | "mins" | "minute" | "minutes" => Some(TimeDelta::minutes(1)),
        "h" | "hr" | "hrs" | "hour" | "hours" => Some(TimeDelta::hours(1)),
        "d" | "day" | "days" => Some(TimeDelta::days(1)),
        _ => None,
    }
}

/// `amount` of `unit`, to the second; `None` beyond a year, which no incident counts in.
fn scaled(amount: f64, unit: TimeDelta) -> Option<TimeDelta> {
    let seconds = amount * unit.as_seconds_f64();
    if !(0.0..=366.0 * 86_400.0).contains(&seconds) {
        return None;
    }
    #[allow(
        clippy::cast_possible_truncation,
        reason = "checked above to be within a year of seconds"
    )]
    let seconds = seconds.round() as i64;
    Some(TimeDelta::seconds(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(text: &str) -> Option<(i64, &str)> {
        read_offset(text).map(|(offset, rest)| (offset.after.num_minutes(), rest))
    }

    #[test]
    fn offsets_as_timelines_count_them() {
        assert_eq!(after("T+0 alert fired"), Some((0, " alert fired")));
        assert_eq!(after("T+15m paged"), Some((15, " paged")));
        assert_eq!(
            after("T+~10 min: pods restart"),
            Some((10, ": pods restart"))
        );
        assert_eq!(after("T + 1h30m rollback"), Some((90, " rollback")));
        assert_eq!(after("[+1 hrs]"), Some((60, "")));
        assert_eq!(after("[+6.5 hrs]"), Some((390, "")));
        assert_eq!(after("+2 days later"), Some((2880, " later")));
        assert_eq!(
            read_offset("[+6.5 hrs] x").map(|(offset, _)| offset.written),
            Some("[+6.5 hrs]".to_owned())
        );
        // Not offsets.
        assert_eq!(after("+2 Business Days Later"), None);
        assert_eq!(after("+1 to the idea"), None);
        assert_eq!(after("Tuesday"), None);
        assert_eq!(after("T+"), None);
        assert_eq!(after("3 hrs"), None);
    }
}
