//! A written section's Markdown as HTML that can be trusted on a page: raw HTML shows as
//! text, links and images lead only to web and mail addresses (an image becomes a link to
//! itself, so opening the page fetches nothing), and the author's headings are set below the
//! section's own, in steps of one, whatever levels they were written at.

use std::collections::BTreeSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Parser, Tag, TagEnd};

use crate::model::openable_url;

/// The level the first heading inside a section takes: the section's own heading is `<h2>`.
const FIRST_LEVEL: usize = 3;

/// A task-list item's box, as a mark a screen reader names, instead of a form control that
/// has no label and does nothing.
const DONE_MARK: &str = "<span class=\"task\" role=\"img\" aria-label=\"Done\">\u{2611}</span> ";
const OPEN_MARK: &str =
    "<span class=\"task\" role=\"img\" aria-label=\"Not done\">\u{2610}</span> ";

/// A link or image being read: whether its end is kept, and whether it has words yet.
struct OpenLink {
    kept: bool,
    worded: bool,
    address: String,
}

/// Appends the HTML of `markdown` to `out`.
pub fn push_safe_html(out: &mut String, markdown: &str) {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, super::MARKDOWN_OPTIONS).collect();
    let written: BTreeSet<HeadingLevel> = events
        .iter()
        .filter_map(|event| match event {
            Event::Start(Tag::Heading { level, .. }) => Some(*level),
            _ => None,
        })
        .collect();
    // Each written level takes its rank among those written, but never more than one below
    // the heading before it, so an author's `####` first is an `<h3>` under the section.
    let mut last = FIRST_LEVEL - 1;
    let mut shifted = |level: HeadingLevel| {
        let rank = written
            .iter()
            .position(|known| *known == level)
            .unwrap_or(0);
        let at = (FIRST_LEVEL + rank).min(last + 1).min(6);
        last = at;
        HeadingLevel::try_from(at).unwrap_or(HeadingLevel::H6)
    };
    // The level the open heading was given, for its end.
    let mut heading = HeadingLevel::H6;
    let mut open: Vec<OpenLink> = Vec::new();
    let mut safe: Vec<Event<'_>> = Vec::with_capacity(events.len());
    for event in events {
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => {
                mark_worded(&mut open);
                safe.push(Event::Text(raw));
            }
            Event::Text(_) | Event::Code(_) => {
                mark_worded(&mut open);
                safe.push(event);
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                heading = shifted(level);
                safe.push(Event::Start(Tag::Heading {
                    level: heading,
                    id,
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(_)) => safe.push(Event::End(TagEnd::Heading(heading))),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => safe.extend(safe_link(&mut open, link_type, &dest_url, title, id)),
            // An image would fetch from the network when the page opens; a link to it does not.
            Event::Start(Tag::Image {
                dest_url,
                title,
                id,
                ..
            }) => safe.extend(safe_link(&mut open, LinkType::Inline, &dest_url, title, id)),
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some(link) = open.pop().filter(|link| link.kept) {
                    // A link with no words (an image without alt text) says where it goes.
                    if !link.worded {
                        safe.push(Event::Text(CowStr::from(link.address)));
                    }
                    safe.push(Event::End(TagEnd::Link));
                }
            }
            Event::TaskListMarker(done) => {
                let mark = if done { DONE_MARK } else { OPEN_MARK };
                safe.push(Event::InlineHtml(CowStr::Borrowed(mark)));
            }
            other => safe.push(other),
        }
    }
    pulldown_cmark::html::push_html(out, safe.into_iter());
}

fn mark_worded(open: &mut [OpenLink]) {
    for link in open {
        link.worded = true;
    }
}

/// The start of a link to `dest_url` when it is a web or mail address, or nothing (its words
/// stay as text). `open` records which ends to keep.
fn safe_link<'a>(
    open: &mut Vec<OpenLink>,
    link_type: LinkType,
    dest_url: &str,
    title: CowStr<'a>,
    id: CowStr<'a>,
) -> Option<Event<'a>> {
    let safe = openable_url(dest_url).map(|url| url.to_string());
    open.push(OpenLink {
        kept: safe.is_some(),
        worded: false,
        address: safe.clone().unwrap_or_default(),
    });
    safe.map(|url| {
        Event::Start(Tag::Link {
            link_type,
            dest_url: url.into(),
            title,
            id,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(markdown: &str) -> String {
        let mut out = String::new();
        push_safe_html(&mut out, markdown);
        out
    }

    #[test]
    fn headings_sit_below_the_sections_own_in_steps_of_one() {
        let out = html("# Top\n\ntext\n\n#### Deep\n\n## Middle\n");
        assert!(out.contains("<h3>Top</h3>"), "{out}");
        assert!(
            out.contains("<h4>Deep</h4>"),
            "never two below the one before: {out}"
        );
        assert!(out.contains("<h4>Middle</h4>"), "{out}");
        let out = html("#### Phase 1\n\n### Detection\n\n#### First\n");
        assert!(out.contains("<h3>Phase 1</h3>"), "{out}");
        assert!(out.contains("<h3>Detection</h3>"), "{out}");
        assert!(out.contains("<h4>First</h4>"), "{out}");
        let deep = html("##### Only\n\n###### Deeper\n");
        assert!(
            deep.contains("<h3>Only</h3>") && deep.contains("<h4>Deeper</h4>"),
            "{deep}"
        );
    }

    #[test]
    fn a_task_box_is_a_named_mark_and_no_form_control() {
        let out = html("- [x] Rotate the keys\n- [ ] Write the runbook\n");
        assert!(!out.contains("<input"), "{out}");
        assert!(
            out.contains("aria-label=\"Done\">\u{2611}</span> Rotate the keys"),
            "{out}"
        );
        assert!(
            out.contains("aria-label=\"Not done\">\u{2610}</span> Write the runbook"),
            "{out}"
        );
    }

    #[test]
    fn an_image_without_words_becomes_a_link_that_says_where_it_goes() {
        let out = html("See ![](https://example.org/graph.png) and [](https://example.org/x).");
        assert!(
            out.contains(
                "<a href=\"https://example.org/graph.png\">https://example.org/graph.png</a>"
            ),
            "{out}"
        );
        assert!(
            out.contains("<a href=\"https://example.org/x\">https://example.org/x</a>"),
            "{out}"
        );
        assert!(!out.contains("<img"), "{out}");
        let worded = html("![p99 graph](https://example.org/graph.png)");
        assert!(worded.contains(">p99 graph</a>"), "{worded}");
    }

    #[test]
    fn raw_html_and_unsafe_addresses_stay_words() {
        let out = html(
            "<script>alert(1)</script>\n\n[click](javascript:alert(1)) ![x](file:///etc/passwd)",
        );
        assert!(!out.contains("<script"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
        assert!(!out.contains("javascript:"), "{out}");
        assert!(!out.contains("file:"), "{out}");
        assert!(out.contains("click"), "{out}");
    }
}
