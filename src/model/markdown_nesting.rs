//! A cap on how deep one line of Markdown nests lists and quotes before it is read: the
//! written sections are Markdown, and both the import and the exports parse them.
//!
//! Every `- ` or `> ` at the start of a line opens a container inside the one before, so one
//! line of five thousand `- ` is five thousand nested lists, and three thousand such lines
//! made the parser hold 7 GB for a 31 MB file and take 40 s. No postmortem nests a dozen
//! deep. Past [`DEEPEST_MARKDOWN_NESTING`] containers, the marker that would open the next
//! is escaped (`\-`), so the rest of the line is read as the text it is — nothing is
//! dropped, and the parser stays linear.

use std::borrow::Cow;

/// The most lists and quotes one line may open; the rest of it is text.
pub const DEEPEST_MARKDOWN_NESTING: usize = 32;

/// `text` with every line's container markers past [`DEEPEST_MARKDOWN_NESTING`] escaped;
/// borrowed when no line nests that deep (every real document).
#[must_use]
pub fn cap_markdown_nesting(text: &str) -> Cow<'_, str> {
    let mut escaped: Option<String> = None;
    let mut copied_up_to = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if let Some(at) = marker_past_the_cap(line) {
            let out = escaped.get_or_insert_with(|| String::with_capacity(text.len() + 16));
            let cut = line_start + at;
            out.push_str(&text[copied_up_to..cut]);
            out.push('\\');
            copied_up_to = cut;
        }
        line_start += line.len();
    }
    match escaped {
        Some(mut out) => {
            out.push_str(&text[copied_up_to..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(text),
    }
}

/// As [`cap_markdown_nesting`], for text already owned: no copy when nothing changes.
#[must_use]
pub fn cap_markdown_nesting_owned(text: String) -> String {
    let escaped = match cap_markdown_nesting(&text) {
        Cow::Owned(escaped) => Some(escaped),
        Cow::Borrowed(_) => None,
    };
    escaped.unwrap_or(text)
}

/// Where in `line` the marker sits that would open container number
/// [`DEEPEST_MARKDOWN_NESTING`] + 1 (the byte its escape goes before), if the line opens
/// that many.
fn marker_past_the_cap(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut at = 0;
    let mut depth = 0;
    loop {
        while at < bytes.len() && matches!(bytes[at], b' ' | b'\t') {
            at += 1;
        }
        let (escape_at, length) = container_marker(&bytes[at..])?;
        depth += 1;
        if depth > DEEPEST_MARKDOWN_NESTING {
            return Some(at + escape_at);
        }
        at += length;
    }
}

/// The container marker at the start of `rest`: where its escape goes and how long it is
/// (a quote's `>`, a bullet followed by a space, or an ordered item's `12.`/`12)` followed by
/// a space).
fn container_marker(rest: &[u8]) -> Option<(usize, usize)> {
    let followed_by_space = |at: usize| {
        rest.get(at)
            .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    };
    match rest.first()? {
        b'>' => Some((0, 1)),
        b'-' | b'+' | b'*' if followed_by_space(1) => Some((0, 1)),
        b'0'..=b'9' => {
            let digits = rest
                .iter()
                .take(10)
                .take_while(|b| b.is_ascii_digit())
                .count();
            let mark = *rest.get(digits)?;
            (digits <= 9 && matches!(mark, b'.' | b')') && followed_by_space(digits + 1))
                .then_some((digits, digits + 1))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_markdown_is_left_alone() {
        let text = "# Timeline\n\n- 14:03 alert\n  - paged Dana\n    > quoted\n1. first\n";
        assert!(matches!(cap_markdown_nesting(text), Cow::Borrowed(_)));
    }

    #[test]
    fn markers_past_the_cap_become_text() {
        let deep = "- ".repeat(40) + "x\n";
        let text = format!("intro\n{deep}end\n");
        let capped = cap_markdown_nesting(&text);
        let expected = format!(
            "intro\n{}\\{}x\nend\n",
            "- ".repeat(DEEPEST_MARKDOWN_NESTING),
            "- ".repeat(8)
        );
        assert_eq!(capped, expected);
        let quotes = "> ".repeat(33) + "1. x\n";
        assert_eq!(
            super::cap_markdown_nesting(&quotes),
            format!("{}\\> 1. x\n", "> ".repeat(32))
        );
        let numbered = "1. ".repeat(33) + "x";
        assert_eq!(
            super::cap_markdown_nesting(&numbered),
            format!("{}1\\. x", "1. ".repeat(32))
        );
    }

    #[test]
    fn the_parser_reads_the_escaped_markers_as_text() {
        let text = "- ".repeat(5000) + "x\n";
        let capped = cap_markdown_nesting(&text);
        let mut deepest = 0;
        let mut depth = 0;
        let mut words = String::new();
        for event in pulldown_cmark::Parser::new(&capped) {
            match event {
                pulldown_cmark::Event::Start(pulldown_cmark::Tag::List(_)) => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                pulldown_cmark::Event::End(pulldown_cmark::TagEnd::List(_)) => depth -= 1,
                pulldown_cmark::Event::Text(text) => words.push_str(&text),
                _ => {}
            }
        }
        assert_eq!(deepest, DEEPEST_MARKDOWN_NESTING);
        assert!(words.starts_with("- - - "), "{}", &words[..20]);
        assert!(words.ends_with('x'));
    }
}
