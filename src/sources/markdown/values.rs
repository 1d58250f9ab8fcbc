//! Small readers of a value as written, shared by the fields, the key times and the people:
//! the hyphens editors put in, lists written on one line, and what the fields read so far.

use chrono::NaiveDate;

/// The text with the hyphens people's editors put in (non-breaking, figure) as plain ones.
#[must_use]
pub fn plain_hyphens_only(text: &str) -> String {
    text.replace(['\u{2010}', '\u{2011}', '\u{2012}'], "-")
}

/// The text with the heading marks a web editor leaves before a non-breaking space
/// (`###\u{a0}Timeline`) followed by a plain space, as Markdown needs to see a heading.
#[must_use]
pub fn headings_with_plain_spaces(text: String) -> String {
    if !text.contains('\u{a0}') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let marks = line.len() - line.trim_start_matches('#').len();
        match line[marks..].strip_prefix('\u{a0}') {
            Some(rest) if (1..=6).contains(&marks) => {
                out.push_str(&line[..marks]);
                out.push(' ');
                out.push_str(rest);
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// The text with the hyphens people's editors put in (non-breaking, figure) as plain ones,
/// so dates and levels read; used for reading values only, never for text kept.
#[must_use]
pub fn plain_hyphens(text: &str) -> String {
    text.replace(['\u{2010}', '\u{2011}', '\u{2012}'], "-")
        .replace('\u{a0}', " ")
}

/// What the fields read so far give the rest of the import.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    /// The incident's day, from a date field.
    pub date: Option<NaiveDate>,
    /// The region a key-time field's zone places the writers in (`12:11 PM EST`), and that
    /// field's line.
    pub key_times_zone: Option<(chrono_tz::Tz, usize)>,
    /// The offset a site generator's stamp writes in a date field (`date: 2020-05-26
    /// 23:00:00 +0800`): where the page was written, when nothing else says.
    pub published_offset: Option<chrono::FixedOffset>,
    /// The time of day a date field writes (`date: 2013-01-11 15:57`): when the page was
    /// published, which nothing it tells happened after.
    pub published_time: Option<chrono::NaiveTime>,
}

/// Items of a list written on one line: split at `,` and `;` outside parentheses, and at a
/// final " and ".
#[must_use]
pub fn split_list(value: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut depth = 0_i32;
    let mut start = 0;
    for (at, character) in value.char_indices() {
        match character {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' | ';' if depth <= 0 => {
                items.push(&value[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    items.push(&value[start..]);
    items
        .into_iter()
        .flat_map(|item| {
            let item = item.trim();
            let item = item.strip_prefix("and ").unwrap_or(item);
            match item.split_once(" and ") {
                Some((a, b)) if !a.contains('(') && !b.contains('(') && a.len() < 40 => vec![a, b],
                _ => vec![item],
            }
        })
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_mark_before_a_non_breaking_space_is_a_heading() {
        assert_eq!(
            headings_with_plain_spaces(
                "###\u{a0}Timeline\ntext\u{a0}kept\n#\u{a0}\u{a0}x".to_owned()
            ),
            "### Timeline\ntext\u{a0}kept\n# \u{a0}x"
        );
        assert_eq!(
            headings_with_plain_spaces("####### \u{a0}deep".to_owned()),
            "####### \u{a0}deep"
        );
    }
}
