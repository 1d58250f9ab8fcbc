//! Text from documents printed to a terminal or a CI log. A postmortem can come from anyone,
//! and an escape sequence in a title could recolour, retitle or rewrite what a terminal shows,
//! so control characters are printed as visible escapes instead.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

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

/// Everything written to a terminal, whatever the format (a table, CSV, JSON, Markdown),
/// with the characters [`terminal_safe`] escapes made visible, line breaks and tabs kept. The
/// command line writes through this when its output is a terminal, so that no text from a
/// document (a CSV cell, a JSON string) can act on the terminal; written to a file or a pipe,
/// the output stays exact.
pub struct TerminalText<W: io::Write> {
    inner: W,
    /// The first bytes of a character whose last bytes have not been written yet.
    pending: Vec<u8>,
}

impl<W: io::Write> TerminalText<W> {
    /// Makes what is written to `inner` safe to show.
    pub const fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    fn write_text(&mut self, text: &str) -> io::Result<()> {
        for c in text.chars() {
            if needs_escape(c) && c != '\n' && c != '\t' {
                write!(self.inner, "\\u{{{:x}}}", u32::from(c))?;
            } else {
                let mut buffer = [0; 4];
                self.inner
                    .write_all(c.encode_utf8(&mut buffer).as_bytes())?;
            }
        }
        Ok(())
    }
}

impl<W: io::Write> io::Write for TerminalText<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        let mut pending = std::mem::take(&mut self.pending);
        let mut start = 0;
        loop {
            match std::str::from_utf8(&pending[start..]) {
                Ok(text) => {
                    self.write_text(text)?;
                    start = pending.len();
                    break;
                }
                Err(error) => {
                    let valid = start + error.valid_up_to();
                    // Checked by from_utf8 just above.
                    let text = std::str::from_utf8(&pending[start..valid]).unwrap_or_default();
                    self.write_text(text)?;
                    // Bytes that are no character are shown as the replacement character;
                    // a character cut between two writes is kept for the next.
                    let Some(bad) = error.error_len() else {
                        start = valid;
                        break;
                    };
                    self.write_text("\u{fffd}")?;
                    start = valid + bad;
                }
            }
        }
        pending.drain(..start);
        self.pending = pending;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let rest = std::mem::take(&mut self.pending);
            self.write_text(&String::from_utf8_lossy(&rest))?;
        }
        self.inner.flush()
    }
}

impl<W: io::Write> Drop for TerminalText<W> {
    fn drop(&mut self) {
        // Nothing is left to report a failure to at this point.
        let _ = io::Write::flush(self);
    }
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

    #[test]
    fn a_terminal_sees_escapes_made_visible_in_any_format_and_lines_kept() {
        let mut shown = Vec::new();
        {
            let mut terminal = TerminalText::new(&mut shown);
            let csv = "action,owner\n\"\u{1b}]0;pwned\u{7}\",Priya\u{202e}L.\n";
            // Written a byte at a time, so characters arrive cut in pieces.
            for byte in csv.as_bytes() {
                io::Write::write_all(&mut terminal, std::slice::from_ref(byte)).unwrap();
            }
            io::Write::write_all(&mut terminal, b"caf\xc3").unwrap();
            io::Write::write_all(&mut terminal, b"\xa9 \xff\tend\n").unwrap();
        }
        assert_eq!(
            String::from_utf8(shown).unwrap(),
            "action,owner\n\"\\u{1b}]0;pwned\\u{7}\",Priya\\u{202e}L.\ncaf\u{e9} \u{fffd}\tend\n"
        );
    }
}
