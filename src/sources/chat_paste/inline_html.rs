//! Inline HTML around a copy's words, as chat archives rendered to Markdown write them
//! (`**walter** <span style="color: grey">19:30:15 UTC</span>`): the tags go, the words stay.

use std::borrow::Cow;

/// The elements that only style words. A tag of one of these is taken away when it is a
/// closing tag, has attributes, or is closed later on its line: `<nick>` in an IRC log, which
/// has none of these, stays.
const STYLING: [&str; 18] = [
    "span", "font", "small", "b", "i", "em", "strong", "sup", "sub", "u", "div", "p", "br", "code",
    "kbd", "mark", "time", "abbr",
];

/// `text` without the styling tags of its lines; unchanged (borrowed) when it has none.
#[must_use]
pub fn without_inline_html(text: &str) -> Cow<'_, str> {
    if !text.contains('<') {
        return Cow::Borrowed(text);
    }
    let mut changed = false;
    let mut out = String::with_capacity(text.len());
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let plain = line_without_tags(line);
        changed |= matches!(plain, Cow::Owned(_));
        out.push_str(&plain);
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

fn line_without_tags(line: &str) -> Cow<'_, str> {
    // The elements closed somewhere on the line, found once: looking for each opening tag's
    // closing one again would make a line of many tags quadratic.
    let lower = line.contains("</").then(|| line.to_ascii_lowercase());
    let closed: Vec<&str> = STYLING
        .iter()
        .copied()
        .filter(|name| {
            lower
                .as_ref()
                .is_some_and(|lower| lower.contains(&format!("</{name}>")))
        })
        .collect();
    let mut out = String::new();
    let mut rest = line;
    let mut changed = false;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let after_name = &tag[usize::from(closing) + name.len()..];
        let end = tag.find('>');
        let styling = STYLING.contains(&name.as_str())
            && after_name.starts_with([' ', '>', '/'])
            && end.is_some();
        let strip = styling
            && (closing
                || name == "br"
                || after_name.starts_with(' ')
                || closed.contains(&name.as_str()));
        out.push_str(&rest[..open]);
        if let Some(end) = end.filter(|_| strip) {
            // `<br>` parts words; a styling tag sits inside a word's run or around it.
            if name == "br" {
                out.push(' ');
            }
            rest = &tag[end + 1..];
            changed = true;
        } else {
            out.push('<');
            rest = tag;
        }
    }
    if !changed {
        return Cow::Borrowed(line);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::without_inline_html;

    #[test]
    fn styling_tags_go_and_irc_nicks_stay() {
        assert_eq!(
            without_inline_html(
                "**walter** <span style=\"color: grey; font-size: 90%;\">19:30:15 UTC</span>"
            ),
            "**walter** 19:30:15 UTC"
        );
        assert_eq!(
            without_inline_html("<span style=\"font-size: 90%;\">Hello everybody!</span>"),
            "Hello everybody!"
        );
        assert_eq!(without_inline_html("line<br>two"), "line two");
        for kept in [
            "14:03 <alice> deploying",
            "[09:15] <b> hi",
            "a < b and c > d",
            "<i am here",
        ] {
            assert_eq!(without_inline_html(kept), kept);
        }
    }
}
