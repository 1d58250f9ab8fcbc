//! A chat saved as a web page (Rocket.Chat's "Export messages" as HTML, Zulip's published
//! archive): its markup read as the lines a person sees, each line where it was, so that
//! every row still points at the lines it came from. A link keeps its address after its
//! words; an icon that links to the message (`<a href=…><img …></a> Name (date):`) makes
//! the line a link to it, as the Markdown such archives also write.

use crate::sources::character_references::decoded;

/// Tags whose content is no text a person reads on the page.
const HIDDEN: [&str; 3] = ["script", "style", "title"];

/// `text` read as a web page's lines, when it is one: it opens with a page's markup
/// (`<!DOCTYPE html>`, `<html>`, `<head>`, `<meta …>`, `<body>`), or closes paragraphs,
/// divisions, list items or table rows (`</p>`, `</div>`, `</li>`, `</tr>`) on two lines at
/// least: a page's part saved alone. `None` for any other text: an IRC
/// log's `<nick>` is no markup.
#[must_use]
pub fn page_text(text: &str) -> Option<String> {
    let opening = text
        .trim_start()
        .get(..16)
        .unwrap_or(text.trim_start())
        .to_ascii_lowercase();
    let opens_a_page = ["<!doctype html", "<html", "<head", "<meta", "<body"]
        .iter()
        .any(|start| opening.starts_with(start));
    // Only a line with `</` is looked at again, so a long log costs one pass.
    let closes_blocks = text
        .lines()
        .filter(|line| {
            line.contains("</") && {
                let lower = line.to_ascii_lowercase();
                ["</p>", "</div>", "</li>", "</tr>"]
                    .iter()
                    .any(|close| lower.contains(close))
            }
        })
        .take(2)
        .count()
        == 2;
    if !opens_a_page && !closes_blocks {
        return None;
    }
    let mut hidden: Option<&str> = None;
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| line_text(line, &mut hidden))
        .collect();
    Some(lines.join("\n"))
}

/// One line of markup as text; `hidden` carries a hidden element (`<style>`) open across
/// lines.
fn line_text(line: &str, hidden: &mut Option<&str>) -> String {
    let mut out = String::new();
    let mut rest = line;
    // The address of a link around nothing but an image, on this line.
    let mut icon_link: Option<String> = None;
    // The address of the link open now, and where its words began in `out`.
    let mut open_link: Option<(String, usize)> = None;
    // Where the words of a link to an anchor of the page itself began.
    let mut open_anchor: Option<usize> = None;
    // A log page's row anchored by its own stamp, and its cells so far.
    let mut row = StampedRow::default();
    while let Some(open) = rest.find('<') {
        if hidden.is_none() {
            out.push_str(&rest[..open]);
        }
        let Some(close) = rest[open..].find('>') else {
            // A `<` that opens no tag is text.
            if hidden.is_none() {
                out.push_str(&rest[open..]);
            }
            rest = "";
            break;
        };
        let tag = &rest[open + 1..open + close];
        rest = &rest[open + close + 1..];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if let Some(open_hidden) = *hidden {
            if closing && name == open_hidden {
                *hidden = None;
            }
            continue;
        }
        if !closing && let Some(kind) = HIDDEN.iter().find(|kind| **kind == name) {
            *hidden = Some(kind);
            continue;
        }
        match (name.as_str(), closing) {
            ("tr", false) => row.stamp = attribute(tag, "id").and_then(|id| stamp_in(&id)),
            ("th" | "td", false) if row.stamp.is_some() => {
                row.cell = Some((name == "th", out.len()));
            }
            ("th" | "td", true) if row.stamp.is_some() => {
                if let Some((header, start)) = row.cell.take() {
                    let text = out[start..].trim().to_owned();
                    out.truncate(start);
                    row.cells.push((header, text));
                }
            }
            ("a", false) => {
                let href = attribute(tag, "href");
                open_anchor = href
                    .as_deref()
                    .filter(|href| href.starts_with('#'))
                    .map(|_| out.len());
                open_link = href
                    .filter(|href| href.starts_with("http://") || href.starts_with("https://"))
                    .map(|href| (decoded(&href), out.len()));
            }
            ("a", true) => {
                close_link(
                    &mut out,
                    open_anchor.take(),
                    open_link.take(),
                    &mut icon_link,
                );
            }
            ("br" | "p" | "div" | "td" | "th" | "li", _)
                if !out.is_empty() && !out.ends_with(' ') =>
            {
                out.push(' ');
            }
            _ => {}
        }
    }
    if hidden.is_none() {
        out.push_str(rest);
    }
    if let Some(message) = row.message() {
        out = message;
    }
    let text = decoded(out.trim());
    match icon_link {
        Some(href) if !text.is_empty() => {
            let (words, colon) = match text.strip_suffix(':') {
                Some(words) => (words.trim_end(), ":"),
                None => (text.as_str(), ""),
            };
            format!("[{words}]({href}){colon}")
        }
        Some(href) => href,
        None => text,
    }
}

/// Closes a link whose words began at `anchor` (a link to the page's own anchor) or at
/// `link`'s start (a link to `link`'s address) in `out`. A mark that links to the line's
/// own anchor (`<a href="#l-1901">#</a>`, a log page's permalink) is no word of the message;
/// a link keeps its address after its words, and a link around no words (an icon) is kept
/// in `icon_link` for the line.
fn close_link(
    out: &mut String,
    anchor: Option<usize>,
    link: Option<(String, usize)>,
    icon_link: &mut Option<String>,
) {
    if let Some(start) = anchor
        && is_a_permalink_mark(&out[start..])
    {
        out.truncate(start);
    }
    if let Some((href, start)) = link {
        let words = out[start..].trim();
        if words.is_empty() {
            icon_link.get_or_insert(href);
        } else if words != href {
            out.push_str(" (");
            out.push_str(&href);
            out.push(')');
        }
    }
}

/// Whether a link's words are only the mark a page draws for a line's permalink.
fn is_a_permalink_mark(words: &str) -> bool {
    matches!(
        words.trim().to_lowercase().as_str(),
        "#" | "¶" | "§" | "∞" | "🔗" | "link" | "permalink"
    )
}

/// A row of a log page's table that its anchor stamps (`<tr id="t2013-03-12T01:04:58">`,
/// as irclog2html writes each message): one message at that instant, its header cell the
/// speaker and its other cells the text.
#[derive(Default)]
struct StampedRow {
    /// The stamp, as a time the chat reader reads at a line's start.
    stamp: Option<String>,
    /// The cell open now: whether it is a header cell, and where its words began.
    cell: Option<(bool, usize)>,
    /// The cells read: whether each is a header cell, and its words.
    cells: Vec<(bool, String)>,
}

impl StampedRow {
    /// `2013-03-12T01:04:58 user33: hi all`: the stamp, the speaker and the text; a cell
    /// that only repeats the stamp's time (`01:04`, the link to the row) is left out.
    fn message(&self) -> Option<String> {
        let stamp = self.stamp.as_deref()?;
        if self.cells.is_empty() {
            return None;
        }
        let clock = stamp.split_once('T').map_or(stamp, |(_, clock)| clock);
        let speaker = self
            .cells
            .iter()
            .find(|(header, words)| *header && !words.is_empty())
            .map(|(_, words)| words.as_str());
        let text: Vec<&str> = self
            .cells
            .iter()
            .filter(|(header, words)| {
                !header && !words.is_empty() && !clock.starts_with(words.as_str())
            })
            .map(|(_, words)| words.as_str())
            .collect();
        let text = text.join(" ");
        Some(match speaker {
            Some(speaker) => format!("{stamp} {speaker}: {text}"),
            None => format!("{stamp} {text}"),
        })
    }
}

/// The stamp an anchor holds (`t2013-03-12T01:04:58`, `msg-2013-03-12T01:04:58`): a date
/// and a time after a prefix of letters and signs.
fn stamp_in(id: &str) -> Option<String> {
    let stamp = id.trim_start_matches(|c: char| !c.is_ascii_digit());
    let (clock, rest) = crate::model::read_clock(stamp)?;
    (clock.date.is_some() && rest.is_empty()).then(|| stamp.to_owned())
}

/// The value of attribute `name` in a tag's text (`a href="…" class=zl`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = lower[..at].ends_with(char::is_whitespace);
        let after = lower[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let value_start = tag.len() - after.len() + 1;
        let value = tag[value_start..].trim_start();
        return Some(match value.chars().next() {
            Some(quote @ ('"' | '\'')) => value[1..]
                .split(quote)
                .next()
                .unwrap_or_default()
                .to_owned(),
            _ => value
                .split(|c: char| c.is_whitespace())
                .next()
                .unwrap_or_default()
                .to_owned(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rocket_chat_export_reads_as_its_lines() {
        let page = "<meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"><p>\
                    <strong>gabriel.plassat</strong> (Tue, 23 Jul 2019 09:24:01 GMT):<br/>\n\
                    Agenda : https://docs.example/sheet &amp; more\n</p>\n";
        assert_eq!(
            page_text(page).unwrap(),
            "gabriel.plassat (Tue, 23 Jul 2019 09:24:01 GMT):\n\
             Agenda : https://docs.example/sheet & more\n\n"
        );
    }

    #[test]
    fn an_icon_linking_to_the_message_makes_its_header_a_link_and_other_links_keep_addresses() {
        let page = "<html>\n<head><title>Downtime</title><style>\nh4 { color: red }\n</style>\
                    </head>\n<h4><a href=\"https://chat.example/near/33390\" class=\"zl\">\
                    <img src=\"zulip.svg\" alt=\"view\"></a> Kevin Paul \
                    <a href=\"../topic.html#33390\">(Jun 03 2021 at 18:53)</a>:</h4>\n\
                    <p>See <a href=\"https://status.example\">the status page</a>.</p>\n</html>";
        assert_eq!(
            page_text(page).unwrap(),
            "\n\n\n\n[Kevin Paul (Jun 03 2021 at 18:53)](https://chat.example/near/33390):\n\
             See the status page (https://status.example).\n"
        );
    }

    #[test]
    fn a_log_pages_rows_anchored_by_their_stamps_are_messages() {
        let page = "<!DOCTYPE html>\n<table class=\"irclog\">\n\
                    <tr id=\"t2013-03-12T01:04:58\"><th class=\"nick\">user33</th>\
                    <td class=\"text\">hi &amp; all</td><td class=\"time\">\
                    <a href=\"#t2013-03-12T01:04:58\" class=\"time\">01:04</a></td></tr>\n\
                    <tr id=\"t2013-03-12T04:26:01\"><td class=\"other\" colspan=\"2\">-ab-bot- build \
                    failed, see <a href=\"http://ab.example/275\">http://ab.example/275</a></td>\
                    <td><a href=\"#t2013-03-12T04:26:01\">04:26</a></td></tr>\n</table>\n";
        assert_eq!(
            page_text(page).unwrap(),
            "\n\n2013-03-12T01:04:58 user33: hi & all\n\
             2013-03-12T04:26:01 -ab-bot- build failed, see http://ab.example/275\n\n"
        );
    }

    #[test]
    fn a_log_pages_list_items_saved_alone_read_as_lines_without_their_permalink_marks() {
        let page = " <li id=\"l-1901\" _a=\"bsm\"><a href=\"#l-1901\">#</a> [15:51] \
                    &lt;bsm&gt; is bugzilla down?</li>\n <li id=\"l-1906\"><a href=\"#l-1906\">#</a> \
                    [15:51] &lt;glob&gt; see <a href=\"http://status.example/\">status</a></li>\n";
        assert_eq!(
            page_text(page).unwrap(),
            "[15:51] <bsm> is bugzilla down?\n[15:51] <glob> see status (http://status.example/)\n"
        );
    }

    #[test]
    fn an_irc_log_or_a_paste_is_no_page() {
        for text in [
            "12:03 <p> hello\n12:04 <td> <b>bold</b> move\n",
            "14:03 Grafana alert fired\n",
            "a < b and c > d\n",
        ] {
            assert!(page_text(text).is_none(), "{text}");
        }
    }
}
