//! The words a person reads in a part of a web page, as chat tools' exports write a message
//! in HTML: white space as a browser shows it (a run of spaces and line ends is one space),
//! a line break where the page breaks one (`<br>`, the end of a paragraph, a division, a
//! list item, a quotation), a link's address after its words when the words are not the
//! address, and an emoji drawn as an image by the character it stands for.

use scraper::node::Element;
use scraper::{ElementRef, Node, Selector};

use super::SourceError;

/// A selector a reader of exported pages uses, parsed; an error names it (a selector is
/// written in the reader, so one that does not parse is the reader's fault, reported
/// rather than panicked on).
pub fn selector(css: &str) -> Result<Selector, SourceError> {
    Selector::parse(css).map_err(|error| SourceError::Unreadable {
        line: 0,
        column: 0,
        reason: format!("the selector {css} that the reader uses is wrong: {error}"),
    })
}

/// Elements that end a line of their own.
const BLOCKS: [&str; 14] = [
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "hr",
];

/// The text of `element`, leaving out the elements `skip` picks (a button, an "(edited)"
/// mark).
pub fn text_of(element: ElementRef<'_>, skip: &dyn Fn(&Element) -> bool) -> String {
    let mut out = String::new();
    walk(element, skip, false, &mut out);
    out.lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

fn walk(element: ElementRef<'_>, skip: &dyn Fn(&Element) -> bool, pre: bool, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) if pre => out.push_str(text),
            Node::Text(text) => push_collapsed(text, out),
            Node::Element(tag) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                if skip(tag) {
                    continue;
                }
                match tag.name() {
                    "br" => out.push('\n'),
                    "script" | "style" | "head" | "title" => {}
                    "img" => {
                        let emoji = tag.classes().any(|class| class.contains("emoji"));
                        if let Some(alt) = tag.attr("alt").filter(|_| emoji) {
                            out.push_str(alt);
                        }
                    }
                    // Teams writes an emoji as an element of its own, the character in `alt`.
                    "emoji" => {
                        if let Some(alt) = tag.attr("alt") {
                            out.push_str(alt);
                        }
                    }
                    "a" => {
                        let start = out.len();
                        walk(child, skip, pre, out);
                        let words = out[start..].trim().to_owned();
                        if let Some(address) = tag.attr("href").filter(|address| {
                            (address.starts_with("http://") || address.starts_with("https://"))
                                && !words.contains(address)
                                && words != bare(address)
                        }) {
                            if words.is_empty() {
                                out.push_str(address);
                            } else {
                                out.push_str(" (");
                                out.push_str(address);
                                out.push(')');
                            }
                        }
                    }
                    name if BLOCKS.contains(&name) => {
                        end_line(out);
                        walk(child, skip, pre || name == "pre", out);
                        end_line(out);
                    }
                    _ => walk(child, skip, pre, out),
                }
            }
            _ => {}
        }
    }
}

/// An address without its scheme and closing slash, as people write one in words
/// (`status.example.com`).
fn bare(address: &str) -> &str {
    address
        .split_once("://")
        .map_or(address, |(_, rest)| rest)
        .trim_end_matches('/')
}

/// `text` as a browser lays it out: every run of white space one space.
fn push_collapsed(text: &str, out: &mut String) {
    let mut words = text.split_whitespace().peekable();
    if text.starts_with(char::is_whitespace) && !out.is_empty() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
    while let Some(word) = words.next() {
        out.push_str(word);
        if words.peek().is_some() || text.ends_with(char::is_whitespace) {
            out.push(' ');
        }
    }
}

fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use scraper::Html;

    use super::*;

    fn text(html: &str) -> String {
        let fragment = Html::parse_fragment(html);
        text_of(fragment.root_element(), &|_| false)
    }

    #[test]
    fn white_space_collapses_and_breaks_are_kept() {
        assert_eq!(
            text("<div class=text>\n  Disk   full<br>on db-01\n</div><p>Restarted.</p>"),
            "Disk full\non db-01\nRestarted."
        );
        assert_eq!(text("<pre>a  b\n c</pre>"), "a  b\nc");
    }

    #[test]
    fn links_keep_their_address_and_emoji_their_character() {
        assert_eq!(
            text(
                "See <a href=\"https://status.example.com/x\">the status page</a> \
                  <img class=\"chatlog__emoji\" alt=\"👍\" src=\"e.svg\">"
            ),
            "See the status page (https://status.example.com/x) 👍"
        );
        assert_eq!(
            text("<a href=\"https://example.com/\">https://example.com/</a>"),
            "https://example.com/"
        );
        assert_eq!(
            text("<a href=\"http://hub.example.org\">hub.example.org</a>"),
            "hub.example.org"
        );
        // A link inside the page keeps its words only.
        assert_eq!(
            text("<a href=\"#go_to_message12\">this message</a>"),
            "this message"
        );
    }

    #[test]
    fn skipped_elements_leave_no_words() {
        let fragment = Html::parse_fragment("fixed <span class=edited>(edited)</span>");
        let skip = |tag: &Element| tag.classes().any(|class| class == "edited");
        assert_eq!(text_of(fragment.root_element(), &skip), "fixed");
    }
}
