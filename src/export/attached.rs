//! Attached files in exports. The HTML page embeds each image in itself (a `data:` address),
//! so the one file still prints and mails on its own; Markdown links to the file beside the
//! postmortem (`inc-812.files/…`), where a wiki or a repository shows it.
//!
//! An SVG drawing is embedded only as an image, which a browser shows without running any
//! script it holds; it never becomes part of the page's markup.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use base64::Engine as _;
use pulldown_cmark_escape::escape_html;

use crate::model::{AttachedTo, Attachment, Postmortem, Section, attached_at};

/// The bytes of a document's attached files, by their paths in the document: what an HTML
/// export embeds. Storage reads them (see `storage::read_all`); exports never touch the disk.
pub type AttachedFiles = BTreeMap<String, Vec<u8>>;

/// The attachments shown at `place` in `doc`.
#[must_use]
pub fn at(doc: &Postmortem, place: AttachedTo) -> Vec<&Attachment> {
    attached_at(&doc.attachments, place, |place| doc.has_place(place))
        .map(|(_, attachment)| attachment)
        .collect()
}

/// The attachments of a built-in section.
#[must_use]
pub fn of_section(doc: &Postmortem, section: Section) -> Vec<&Attachment> {
    at(doc, AttachedTo::Section(section))
}

/// Attachments as Markdown: an image as `![caption](path "original name")`, another file
/// as a link to it, each on a line of its own, then a blank line. The title keeps the
/// file's original name, for the Markdown import to give it back.
pub fn markdown(out: &mut String, attachments: &[&Attachment]) {
    if attachments.is_empty() {
        return;
    }
    for attachment in attachments {
        let label = markdown_label(attachment.display_name());
        let path = markdown_destination(&attachment.path);
        let title = markdown_title(&attachment.original_name);
        let mark = if attachment.kind().is_image() {
            "!"
        } else {
            ""
        };
        let _ = writeln!(out, "{mark}[{label}]({path}{title})\n");
    }
}

/// A link's title (` "p99.png"`), with the characters that would end it escaped; nothing
/// for no name.
fn markdown_title(name: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(name.len() + 3);
    out.push_str(" \"");
    for c in name.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out.push('"');
    out
}

/// A link's words, with the characters that would end or restyle them escaped.
fn markdown_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '[' | ']' | '\\' | '*' | '_' | '`' | '<' | '>' | '!' | '#'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// A link's destination in angle brackets, which allow spaces; the characters that would end
/// it are percent-encoded.
fn markdown_destination(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 2);
    out.push('<');
    for c in path.chars() {
        match c {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\n' | '\r' => {}
            other => out.push(other),
        }
    }
    out.push('>');
    out
}

/// Attachments as HTML figures: an image embedded in the page with its caption (the image's
/// alternative text too), another file named with where it is kept; one whose bytes are not
/// in `files` says it was not found.
pub fn html(out: &mut String, attachments: &[&Attachment], files: &AttachedFiles) {
    if attachments.is_empty() {
        return;
    }
    out.push_str("<div class=\"attachments\">\n");
    for attachment in attachments {
        let name = escaped(attachment.display_name());
        let caption = escaped(attachment.caption.trim());
        let kind = attachment.kind();
        match files.get(&attachment.path) {
            Some(bytes) if kind.is_image() => {
                let data = base64::engine::general_purpose::STANDARD.encode(bytes);
                let _ = write!(
                    out,
                    "<figure><img src=\"data:{};base64,{data}\" alt=\"{name}\">",
                    kind.media_type()
                );
            }
            Some(bytes) => {
                let _ = write!(
                    out,
                    "<figure class=\"file\"><p>Attached file: {} ({}, kept in {})</p>",
                    escaped(&attachment.original_name),
                    size_in_words(bytes.len()),
                    escaped(&attachment.path)
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<figure class=\"missing\"><p>The attached file {name} ({}) was not found \
                     when this page was written.</p>",
                    escaped(&attachment.path)
                );
            }
        }
        if !caption.is_empty() {
            let _ = write!(out, "<figcaption>{caption}</figcaption>");
        }
        out.push_str("</figure>\n");
    }
    out.push_str("</div>\n");
}

fn escaped(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let _ = escape_html(&mut out, raw);
    out
}

/// A file's size as people read it: bytes, KB or MB.
fn size_in_words(bytes: usize) -> String {
    const KB: usize = 1024;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < KB * KB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        crate::model::megabytes(bytes as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attachment(path: &str, caption: &str) -> Attachment {
        Attachment {
            path: path.to_owned(),
            caption: caption.to_owned(),
            original_name: "graph.png".to_owned(),
            ..Attachment::default()
        }
    }

    #[test]
    fn markdown_links_images_by_their_caption_and_keeps_the_link_whole() {
        let mut out = String::new();
        let graph = attachment("inc 812.files/ab.png", "p99 [peak] *latency*");
        let log = Attachment {
            original_name: "server.log".to_owned(),
            ..attachment("inc 812.files/cd.log", "")
        };
        markdown(&mut out, &[&graph, &log]);
        assert_eq!(
            out,
            "![p99 \\[peak\\] \\*latency\\*](<inc 812.files/ab.png> \"graph.png\")\n\n\
             [server.log](<inc 812.files/cd.log> \"server.log\")\n\n"
        );
    }

    #[test]
    fn html_embeds_images_with_their_caption_as_the_alternative_text() {
        let graph = attachment("inc.files/ab.png", "p99 <script>");
        let svg = attachment("inc.files/cd.svg", "drawing");
        let gone = attachment("inc.files/ef.png", "");
        let files = AttachedFiles::from([
            ("inc.files/ab.png".to_owned(), b"PNG".to_vec()),
            (
                "inc.files/cd.svg".to_owned(),
                b"<svg onload=\"alert(1)\"/>".to_vec(),
            ),
        ]);
        let mut out = String::new();
        html(&mut out, &[&graph, &svg, &gone], &files);
        assert!(
            out.contains(
                "<figure><img src=\"data:image/png;base64,UE5H\" alt=\"p99 &lt;script&gt;\">\
                 <figcaption>p99 &lt;script&gt;</figcaption></figure>"
            ),
            "{out}"
        );
        // The drawing is only ever an image's bytes: its markup never reaches the page.
        assert!(out.contains("src=\"data:image/svg+xml;base64,"), "{out}");
        assert!(!out.contains("onload"), "{out}");
        assert!(
            out.contains("The attached file graph.png (inc.files/ef.png) was not found"),
            "{out}"
        );
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_in_words(900), "900 bytes");
        assert_eq!(size_in_words(1500), "2 KB");
        assert_eq!(size_in_words(3 * 1024 * 1024), "3.0 MB");
    }
}
