//! Blocks of HTML in a Markdown post that hold its text (`<p>9:30pm: Cory got an alert</p>`,
//! a post kept as HTML since the blog moved from `WordPress`), written again as Markdown before
//! the post is read, so that their paragraphs, lists and tables are read as any others are.
//! HTML that only wraps or decorates (`<details>`, an image, a comment) stays as written.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::sources::html_markdown::{is_text_in_html, markdown_of};

/// `text` with each top-level block of HTML that lays out text as its Markdown, and
/// whether any was.
#[must_use]
pub fn with_html_as_markdown(text: String) -> (String, bool) {
    if !text.contains('<') {
        return (text, false);
    }
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut blocks: Vec<std::ops::Range<usize>> = Vec::new();
    let mut depth = 0usize;
    let mut open: Option<usize> = None;
    for (event, range) in Parser::new_ext(&text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) if depth == 0 => {
                open = Some(range.start);
                depth += 1;
            }
            Event::End(TagEnd::HtmlBlock) if depth == 1 => {
                if let Some(start) = open.take() {
                    blocks.push(start..range.end.max(start));
                }
                depth -= 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for block in blocks {
        // A block that opens `<pre>` and ends at a blank line inside it goes on to its
        // `</pre>`, as the blog's own renderer reads it: a log quoted in a highlighted
        // `<pre><code>` is code to the end, not paragraphs of lines that start with times.
        if block.start < at {
            continue;
        }
        let block = block.start..preformatted_end(&text, block.clone());
        let Some(html) = text.get(block.clone()) else {
            continue;
        };
        if !is_text_in_html(html) {
            continue;
        }
        out.push_str(text[at..block.start].trim_start_matches('\n'));
        // Markdown after a line of a paragraph would be read as more of it.
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
        }
        out.push_str(&markdown_of(html));
        out.push_str("\n\n");
        at = block.end;
    }
    if at == 0 {
        return (text, false);
    }
    out.push_str(text[at..].trim_start_matches('\n'));
    (out, true)
}

/// Where `block` of `text` ends once a `<pre>` it opens and does not close is closed: at
/// the end of the line that holds its `</pre>`, else where it ended.
fn preformatted_end(text: &str, block: std::ops::Range<usize>) -> usize {
    let lower = text[block.clone()].to_ascii_lowercase();
    let (Some(opened), closed) = (lower.rfind("<pre"), lower.rfind("</pre")) else {
        return block.end;
    };
    if closed.is_some_and(|closed| closed > opened) {
        return block.end;
    }
    let after = &text[block.end..];
    after
        .to_ascii_lowercase()
        .find("</pre")
        .map_or(block.end, |close| {
            let line_end = after[close..]
                .find('\n')
                .map_or(after.len(), |end| close + end);
            block.end + line_end
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_that_lays_out_text_is_read_as_markdown_and_the_rest_stays() {
        let text = "## Timeline\n\nAll times are PST.\n\n<div style=\"padding-left:2em;\">\n\
                    <p>9:30pm: Cory got an alert.\n\n<p>9:47pm: Sergei looked.\n</div>\n\n\
                    <details>\n\n- 10:00 kept\n\n</details>\n\n<!-- a note -->\n";
        assert_eq!(
            with_html_as_markdown(text.to_owned()).0,
            "## Timeline\n\nAll times are PST.\n\n9:30pm: Cory got an alert.\n\n\
             9:47pm: Sergei looked.\n\n<details>\n\n- 10:00 kept\n\n</details>\n\n\
             <!-- a note -->\n"
        );
        // A highlighted log whose `<pre>` has blank lines in it stays code to its `</pre>`.
        let log = "Our logs:\n\n<div class=\"highlight\"><pre><code>$ grep drop mongod.log\n\n\
                   2021-06-24T01:34:08.018+0000 I COMMAND dropDatabase config\n\
                   2021-06-24T01:35:18.840+0000 I COMMAND dropDatabase newsblur\n\
                   </code></pre></div>\n\nAfter the log.\n";
        assert_eq!(
            with_html_as_markdown(log.to_owned()).0,
            "Our logs:\n\n```\n$ grep drop mongod.log\n\n\
             2021-06-24T01:34:08.018+0000 I COMMAND dropDatabase config\n\
             2021-06-24T01:35:18.840+0000 I COMMAND dropDatabase newsblur\n```\n\n\
             After the log.\n"
        );
        let plain = "# Title\n\nNo markup.\n".to_owned();
        assert_eq!(with_html_as_markdown(plain.clone()), (plain, false));
    }
}
