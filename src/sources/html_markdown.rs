//! HTML written inside a Markdown file, as Markdown. Blogs that moved from `WordPress`,
//! Roller or Blogger keep their old posts as HTML in a `.md` file (`<p>9:30pm: Cory got an alert</p>`,
//! a whole post in one `<p>` broken by `<br />`); read as Markdown, such a post is one block
//! of markup. Written again as the Markdown it stands for (paragraphs, line breaks, lists,
//! headings, tables, bold and links), it is read by the same rules as any other post, and
//! every word and address in it is kept.

use std::fmt::Write as _;

use scraper::{ElementRef, Html, Node};

/// The HTML elements that make a block of HTML a part of the text rather than markup around
/// it (`<details>`, `<center>`, an image alone).
const TEXT_BLOCKS: [&str; 14] = [
    "p",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "pre",
    "dd",
    "dt",
];

/// Whether `html` holds text laid out by the elements that Markdown has its own forms for.
#[must_use]
pub fn is_text_in_html(html: &str) -> bool {
    let fragment = Html::parse_fragment(html);
    let laid_out = fragment.root_element().descendants().any(|node| {
        node.value()
            .as_element()
            .is_some_and(|element| TEXT_BLOCKS.contains(&element.name()))
    });
    let worded = fragment
        .root_element()
        .text()
        .any(|text| text.chars().any(char::is_alphanumeric));
    laid_out && worded
}

/// `html` as Markdown: each paragraph, heading, list item, table and quotation a block of its
/// own (blank lines between), `<br>` a line break, bold and emphasis marked, a link's
/// address after its words.
#[must_use]
pub fn markdown_of(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut writer = Writer::default();
    writer.children(fragment.root_element());
    writer.end_block();
    writer
        .out
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim_matches('\n')
        .to_owned()
}

/// The Markdown written so far, and where in the nesting of lists the writer is.
#[derive(Default)]
struct Writer {
    out: String,
    /// The open lists: whether each is numbered, and the number of its next item.
    lists: Vec<Option<usize>>,
    /// Inside `<pre>`: white space is kept.
    pre: bool,
}

impl Writer {
    fn children(&mut self, element: ElementRef<'_>) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) if self.pre => self.out.push_str(text),
                Node::Text(text) => self.words(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, element: ElementRef<'_>) {
        let tag = element.value();
        match tag.name() {
            // An embed's script is no text, but its address is one the writer put in.
            "script" => {
                if let Some(source) = tag.attr("src").filter(|source| source.contains("://")) {
                    let _ = write!(self.out, " <{}>", source.trim());
                }
            }
            "style" | "head" | "title" | "template" => {}
            "br" => self.line_break(),
            "hr" => {
                self.end_block();
                self.out.push_str("***");
                self.end_block();
            }
            "p" | "div" | "section" | "article" | "dd" | "dt" | "figure" | "figcaption" => {
                self.end_block();
                self.children(element);
                self.end_block();
            }
            name @ ("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => {
                self.end_block();
                let level = name[1..].parse::<usize>().unwrap_or(2);
                self.out.push_str(&"#".repeat(level));
                self.out.push(' ');
                self.children(element);
                self.end_block();
            }
            "ul" | "ol" => {
                self.end_block();
                self.lists.push((tag.name() == "ol").then_some(1));
                self.children(element);
                self.lists.pop();
                self.end_block();
            }
            "li" => self.item(element),
            "blockquote" => {
                self.end_block();
                let inner = markdown_of(&element.inner_html());
                for line in inner.lines() {
                    self.out.push_str("> ");
                    self.out.push_str(line);
                    self.out.push('\n');
                }
                self.end_block();
            }
            "pre" => {
                // A fence longer than any run of backticks in the code, so none ends it.
                let longest_run = element
                    .text()
                    .flat_map(|text| text.split(|c| c != '`'))
                    .map(str::len)
                    .max()
                    .unwrap_or(0);
                let fence = "`".repeat(longest_run.max(2) + 1);
                self.end_block();
                self.out.push_str(&fence);
                self.out.push('\n');
                self.pre = true;
                self.children(element);
                self.pre = false;
                self.start_line();
                self.out.push_str(&fence);
                self.end_block();
            }
            "table" => self.table(element),
            "strong" | "b" => self.marked(element, "**"),
            "em" | "i" => self.marked(element, "*"),
            "code" if !self.pre => self.marked(element, "`"),
            "a" => self.link(element),
            "img" => {
                let alt = tag.attr("alt").unwrap_or_default().trim();
                if let Some(source) = tag.attr("src") {
                    let _ = write!(self.out, "![{alt}]({source})");
                }
            }
            _ => self.children(element),
        }
    }

    /// Text as a browser lays it out: every run of white space one space.
    fn words(&mut self, text: &str) {
        if text.trim().is_empty() {
            if !self.out.is_empty() && !self.out.ends_with([' ', '\n']) {
                self.out.push(' ');
            }
            return;
        }
        if text.starts_with(char::is_whitespace) && !self.out.ends_with([' ', '\n']) {
            self.out.push(' ');
        }
        self.out
            .push_str(&text.split_whitespace().collect::<Vec<_>>().join(" "));
        if text.ends_with(char::is_whitespace) {
            self.out.push(' ');
        }
    }

    /// Words set apart by `mark` on both sides (`**Timeline**`), the spaces around them
    /// outside the marks, as Markdown needs them.
    fn marked(&mut self, element: ElementRef<'_>, mark: &str) {
        let inner = {
            let mut inner = Self {
                pre: self.pre,
                ..Self::default()
            };
            inner.children(element);
            inner.out
        };
        let words = inner.split_whitespace().collect::<Vec<_>>().join(" ");
        if words.is_empty() {
            self.words(&inner);
            return;
        }
        if inner.starts_with(char::is_whitespace) && !self.out.ends_with([' ', '\n']) {
            self.out.push(' ');
        }
        self.out.push_str(mark);
        self.out.push_str(&words);
        self.out.push_str(mark);
        if inner.ends_with(char::is_whitespace) {
            self.out.push(' ');
        }
    }

    /// A link: its words, with its address after them where the words do not say it.
    fn link(&mut self, element: ElementRef<'_>) {
        let start = self.out.len();
        self.children(element);
        let Some(address) = element.value().attr("href").map(str::trim) else {
            return;
        };
        if address.is_empty() || address.starts_with('#') || address.starts_with("javascript:") {
            return;
        }
        let words = self.out[start..].trim().to_owned();
        let lead = &self.out[start..self.out.len() - self.out[start..].trim_start().len()];
        let lead = lead.to_owned();
        self.out.truncate(start);
        self.out.push_str(&lead);
        if words.is_empty() {
            let _ = write!(self.out, "<{address}>");
        } else if words == address {
            self.out.push_str(&words);
        } else {
            let _ = write!(self.out, "[{words}]({address})");
        }
    }

    fn item(&mut self, element: ElementRef<'_>) {
        self.start_line();
        let marker = match self.lists.last_mut() {
            Some(Some(number)) => {
                let marker = format!("{number}. ");
                *number += 1;
                marker
            }
            _ => "- ".to_owned(),
        };
        self.out.push_str(&marker);
        let mut inner = Self::default();
        inner.children(element);
        // An item's further lines and the lists nested in it go under its text, indented to
        // where its text starts, as Markdown reads them as the item's.
        let indent = " ".repeat(marker.len());
        let mut lines = inner
            .out
            .trim()
            .lines()
            .filter(|line| !line.trim().is_empty());
        if let Some(first) = lines.next() {
            self.out.push_str(first);
        }
        for line in lines {
            self.out.push('\n');
            self.out.push_str(&indent);
            self.out.push_str(line);
        }
        self.out.push('\n');
    }

    /// A table as a pipe table: its first row the header.
    fn table(&mut self, element: ElementRef<'_>) {
        self.end_block();
        let rows: Vec<Vec<String>> = element
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|row| row.value().name() == "tr")
            .map(|row| {
                row.children()
                    .filter_map(ElementRef::wrap)
                    .filter(|cell| matches!(cell.value().name(), "td" | "th"))
                    .map(|cell| {
                        markdown_of(&cell.inner_html())
                            .lines()
                            .map(str::trim)
                            .filter(|line| !line.is_empty())
                            .collect::<Vec<_>>()
                            .join("<br>")
                            .replace('|', "\\|")
                    })
                    .collect()
            })
            .collect();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        for (index, row) in rows.iter().enumerate() {
            let mut cells = row.clone();
            cells.resize(width, String::new());
            let _ = writeln!(self.out, "| {} |", cells.join(" | "));
            if index == 0 {
                let _ = writeln!(self.out, "|{}", " --- |".repeat(width.max(1)));
            }
        }
        self.end_block();
    }

    fn line_break(&mut self) {
        // Two breaks in a row (`<br /><br />`) end a paragraph, as they look on the page.
        let trimmed = self.out.trim_end_matches(' ');
        self.out.truncate(trimmed.len());
        self.out.push('\n');
    }

    fn start_line(&mut self) {
        let trimmed = self.out.trim_end_matches(' ');
        self.out.truncate(trimmed.len());
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn end_block(&mut self) {
        let trimmed = self.out.trim_end_matches([' ', '\n']);
        self.out.truncate(trimmed.len());
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_breaks_become_markdown_paragraphs_and_lines() {
        let html = "<p> <span style=\"font-family: Arial;\"><strong>Timeline</strong></span><br /> \
                    <span></span><br /> <span><strong>0401 UTC 2014-10-26 -</strong> eris \
                    notes&nbsp;the degraded disk</span><br /> <span><strong>1212 UTC \
                    2014-10-30 -</strong> INFRA-8551 created.</span></p>\n<p>9:47pm: Cory \
                    looked at <a href=\"http://twitter.com/SoftlayerNotify\">@SoftlayerNotify</a>";
        assert_eq!(
            markdown_of(html),
            "**Timeline**\n\n**0401 UTC 2014-10-26 -** eris notes the degraded disk\n\
             **1212 UTC 2014-10-30 -** INFRA-8551 created.\n\n9:47pm: Cory looked at \
             [@SoftlayerNotify](http://twitter.com/SoftlayerNotify)"
        );
        assert!(is_text_in_html(html));
        assert!(!is_text_in_html("<details>"));
        assert!(!is_text_in_html("<img src=\"a.png\">"));
    }

    #[test]
    fn lists_headings_and_tables_keep_their_shape() {
        let html = "<h3>To Do</h3><ol><li>Replace <b>disks</b></li><li>Add alerts<ul>\
                    <li>on mirrors</li></ul></li></ol><table><tr><th>Time</th><th>Event</th></tr>\
                    <tr><td>10:05</td><td>API | up</td></tr></table>";
        assert_eq!(
            markdown_of(html),
            "### To Do\n\n1. Replace **disks**\n2. Add alerts\n   - on mirrors\n\n\
             | Time | Event |\n| --- | --- |\n| 10:05 | API \\| up |"
        );
    }

    #[test]
    fn preformatted_text_is_a_code_block_that_its_own_backticks_do_not_end() {
        assert_eq!(
            markdown_of("<pre><code>10:05 deploy\n\n```\nx\n```</code></pre>"),
            "````\n10:05 deploy\n\n```\nx\n```\n````"
        );
    }
}
