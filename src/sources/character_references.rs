//! HTML's character references (`&amp;`, `&#8217;`, `&nbsp;`), which a Markdown page's
//! front matter and a chat saved as a web page both write: read once, here, for both.

/// `text` with HTML's character references (`&#8217;`, `&#x2011;`, `&amp;`, `&mdash;` and
/// the other common names) as the characters they stand for; anything else as written.
#[must_use]
pub fn decoded(text: &str) -> String {
    const NAMED: [(&str, char); 16] = [
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("nbsp", '\u{a0}'),
        ("ndash", '\u{2013}'),
        ("mdash", '\u{2014}'),
        ("hellip", '\u{2026}'),
        ("lsquo", '\u{2018}'),
        ("rsquo", '\u{2019}'),
        ("ldquo", '\u{201c}'),
        ("rdquo", '\u{201d}'),
        ("eacute", '\u{e9}'),
        ("uuml", '\u{fc}'),
        ("copy", '\u{a9}'),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let reference = rest[1..]
            .find(';')
            .filter(|end| *end <= 10)
            .map(|end| &rest[1..=end]);
        let character = reference.and_then(|name| {
            if let Some(number) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(number, 16)
                    .ok()
                    .and_then(char::from_u32)
            } else if let Some(number) = name.strip_prefix('#') {
                number.parse().ok().and_then(char::from_u32)
            } else {
                NAMED
                    .iter()
                    .find(|(known, _)| *known == name)
                    .map(|(_, character)| *character)
            }
        });
        match (character, reference) {
            (Some(character), Some(name)) if character != '\0' => {
                out.push(character);
                rest = &rest[name.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
