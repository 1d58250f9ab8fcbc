//! Pieces of work a sentence numbers inline, as prose lists them without a list: `1) we
//! are going to change the code … and 2) we are going to partition requests`, `(1) … (2)
//! …`.

/// The pieces of a text that numbers them inline (`We learned two lessons: 1) we are going
/// to change the code … and 2) we are going to partition requests …`, `(1) … (2) …`),
/// each without its number or the `and` that joins it to the next. The words before the
/// first number go with it, unless they end with a colon as an introduction does. `None`
/// unless the numbers run 1, 2 and on, each after a space or at the start.
pub(super) fn enumerated_inline(text: &str) -> Option<Vec<String>> {
    let mut marks: Vec<(usize, usize)> = Vec::new();
    // The marks the next number may be written with: `2) ` or `(2) `.
    let next_marks = |number: usize| [format!("{number}) "), format!("({number}) ")];
    let mut wanted = next_marks(1);
    let mut after_a_space = true;
    for (at, c) in text.char_indices() {
        if after_a_space
            && let Some(mark) = wanted
                .iter()
                .find(|mark| text[at..].starts_with(mark.as_str()))
        {
            marks.push((at, at + mark.len()));
            wanted = next_marks(marks.len() + 1);
        }
        after_a_space = c.is_whitespace();
    }
    if marks.len() < 2 {
        return None;
    }
    let trimmed = |piece: &str| {
        let mut piece = piece.trim().trim_end_matches([',', ';']).trim_end();
        for joint in [" and", " or"] {
            piece = piece.strip_suffix(joint).unwrap_or(piece);
        }
        piece.trim_end_matches([',', ';']).trim().to_owned()
    };
    let mut pieces: Vec<String> = marks
        .iter()
        .enumerate()
        .map(|(index, (_, after))| {
            let end = marks.get(index + 1).map_or(text.len(), |(next, _)| *next);
            trimmed(&text[*after..end])
        })
        .collect();
    let introduction = text[..marks[0].0].trim();
    if !introduction.is_empty() && !introduction.ends_with(':') {
        pieces[0] = format!("{introduction} {}", pieces[0]);
    }
    Some(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_numbered_inline_are_read_apart_only_when_the_numbers_run_from_one() {
        assert_eq!(
            enumerated_inline("Two fixes: (1) add an alert, and (2) raise the limit."),
            Some(vec![
                "add an alert".to_owned(),
                "raise the limit.".to_owned()
            ])
        );
        assert_eq!(
            enumerated_inline("Next we 1) add an alert 2) raise the limit"),
            Some(vec![
                "Next we add an alert".to_owned(),
                "raise the limit".to_owned()
            ])
        );
        for text in [
            "We saw 2) errors and 3) timeouts",
            "Only one: 1) add an alert",
            "Step1) and step2) were skipped",
        ] {
            assert_eq!(enumerated_inline(text), None, "{text}");
        }
    }
}
