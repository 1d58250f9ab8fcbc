//! Keeping one written section from swallowing the rest of a Markdown export.
//!
//! A section is Markdown as the lead typed it and goes into the export unchanged, with one
//! exception. A code fence or an HTML block that is never closed runs, by the `CommonMark`
//! rules, to the end of the document: a log pasted with a forgotten closing ```` ``` ````
//! would turn every later heading and table into code. Such a block is closed at the end of
//! its own section, which is where the lead meant it to end.

use std::borrow::Cow;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

/// A paragraph that cannot occur by accident, put after the section to see whether it is
/// read as its own paragraph.
const PROBE: &str = "hindsight-probe-7f3a9c";

/// How many blocks can be closed in one section; each pass closes the outermost one.
const MAX_PASSES: usize = 8;

/// The section's text, with a closing line added for each code fence or HTML block that
/// would otherwise run on past the end of the section.
#[must_use]
pub fn close_open_blocks(text: &str) -> Cow<'_, str> {
    // Lists and quotes nested thousands deep on one line would take the parser gigabytes;
    // past the cap their markers are text (as the Markdown import reads them).
    let mut closed = crate::model::cap_markdown_nesting(text);
    for _ in 0..MAX_PASSES {
        let Some(end_line) = open_block_closer(&closed) else {
            return closed;
        };
        let mut extended = closed.into_owned();
        if !extended.ends_with('\n') {
            extended.push('\n');
        }
        extended.push_str(&end_line);
        closed = Cow::Owned(extended);
    }
    closed
}

/// The line that closes the block still open at the end of `text`, if one is open.
fn open_block_closer(text: &str) -> Option<String> {
    let probed = format!("{text}\n\n{PROBE}\n");
    let probe_at = probed.len() - PROBE.len() - 1;
    let mut depth = 0_usize;
    for (event, range) in Parser::new_ext(&probed, super::MARKDOWN_OPTIONS).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                let outermost = depth == 0;
                depth += 1;
                if !outermost || !range.contains(&probe_at) {
                    continue;
                }
                let opening = probed[range.start..].lines().next().unwrap_or_default();
                return match tag {
                    Tag::Paragraph if range.start == probe_at => None,
                    Tag::CodeBlock(CodeBlockKind::Fenced(_)) => Some(fence_closer(opening)),
                    Tag::HtmlBlock => html_closer(opening),
                    _ => None,
                };
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// A fence at least as long as the opening one, of the same character.
fn fence_closer(opening: &str) -> String {
    let opening = opening.trim_start();
    let fence_char = opening.chars().next().unwrap_or('`');
    let length = opening.chars().take_while(|c| *c == fence_char).count();
    fence_char.to_string().repeat(length.max(3))
}

/// The end marker of the HTML blocks that, by `CommonMark`'s rules, only end at one.
fn html_closer(opening: &str) -> Option<String> {
    let opening = opening.trim_start().to_ascii_lowercase();
    for tag in ["script", "pre", "style", "textarea"] {
        if opening.starts_with(&format!("<{tag}")) {
            return Some(format!("</{tag}>"));
        }
    }
    let closer = if opening.starts_with("<!--") {
        "-->"
    } else if opening.starts_with("<![cdata[") {
        "]]>"
    } else if opening.starts_with("<?") {
        "?>"
    } else if opening.starts_with("<!") {
        ">"
    } else {
        return None;
    };
    Some(closer.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_and_plain_text_is_left_alone() {
        for text in [
            "Plain words.",
            "- a list\n- of things",
            "```\ncode\n```",
            "~~~~ rust\nfn main() {}\n~~~~\n\nAfter.",
            "<!-- a comment -->\n\nText",
            "<div>\nblock\n</div>",
            "> quoted\n>\n> more",
            "    indented code",
        ] {
            assert!(
                matches!(close_open_blocks(text), Cow::Borrowed(_)),
                "{text:?} was changed"
            );
        }
    }

    #[test]
    fn an_unclosed_fence_is_closed_with_the_same_fence() {
        assert_eq!(
            close_open_blocks("Log:\n\n````text\n12:00 error"),
            "Log:\n\n````text\n12:00 error\n````"
        );
        assert_eq!(
            close_open_blocks("~~~\nnot closed\n"),
            "~~~\nnot closed\n~~~"
        );
    }

    #[test]
    fn unclosed_html_blocks_are_closed() {
        assert_eq!(close_open_blocks("<!-- draft"), "<!-- draft\n-->");
        assert_eq!(
            close_open_blocks("<pre>\nraw text"),
            "<pre>\nraw text\n</pre>"
        );
        assert_eq!(close_open_blocks("<?php echo 1;"), "<?php echo 1;\n?>");
    }

    #[test]
    fn whatever_follows_a_closed_section_stands_on_its_own() {
        for text in [
            "```",
            "````\n```",
            "<!--",
            "<script>",
            "<![CDATA[",
            "<!DOCTYPE",
            "- ```\n  code",
            "> ```\n> code",
        ] {
            let closed = close_open_blocks(text);
            assert_eq!(open_block_closer(&closed), None, "{text:?} stays open");
        }
    }
}
