//! Text from documents printed to a terminal or a CI log. A postmortem can come from anyone,
//! and an escape sequence in a title could recolour, retitle or rewrite what a terminal shows,
//! so control characters are printed as visible escapes instead.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` with every control character (line breaks and tabs included: one finding stays on
/// one line), and the bidirectional overrides that can make a line read differently from
/// what it holds, written as `\u{…}`.
#[must_use]
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs_escape(c) {
            let _infallible = write!(safe, "\\u{{{:x}}}", u32::from(c));
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

/// JSON text with the characters [`terminal_safe`] escapes written as JSON's own `\uXXXX`
/// escapes: the same JSON to a parser, nothing a terminal acts on when printed. (They can
/// only be inside strings: JSON's own syntax is plain ASCII.)
#[must_use]
pub fn json_safe(json: &str) -> Cow<'_, str> {
    if !json.chars().any(needs_escape) {
        return Cow::Borrowed(json);
    }
    let mut safe = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if needs_escape(c) {
            let _infallible = write!(safe, "\\u{:04x}", u32::from(c));
        } else {
            safe.push(c);
        }
    }
    Cow::Owned(safe)
}

/// C0 and C1 controls (escape, carriage return, line breaks…), DEL, and the bidirectional
/// embedding, override and isolate characters.
const fn needs_escape(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{2028}' | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(
            terminal_safe("Priya L. — DB team"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escapes_and_controls_become_visible() {
        assert_eq!(
            terminal_safe("\u{1b}]0;pwned\u{7}red\u{1b}[31m\r\n"),
            "\\u{1b}]0;pwned\\u{7}red\\u{1b}[31m\\u{d}\\u{a}"
        );
        assert_eq!(terminal_safe("a\u{202e}b\u{9b}c"), "a\\u{202e}b\\u{9b}c");
    }
}
