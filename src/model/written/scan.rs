//! Reading a number at the start of pasted text, shared by the time, date and zone readers.

/// Reads between `least` and `most` ASCII digits at the start of `text`.
pub fn digits(text: &str, least: usize, most: usize) -> Option<(u32, &str)> {
    let count = text
        .chars()
        .take(most + 1)
        .take_while(char::is_ascii_digit)
        .count();
    if count < least || count > most {
        return None;
    }
    // ASCII digits are one byte each, so `count` is a character boundary.
    let (number, rest) = text.split_at(count);
    Some((number.parse().ok()?, rest))
}
