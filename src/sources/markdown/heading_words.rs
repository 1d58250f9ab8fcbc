//! The words of a heading, matched by their stems, as every reading of headings does it:
//! a stem (`remedi`) matches any word it begins (`Remediation`, `remedies`), a word pair
//! (`next` then `step…`) matches two words in a row, and a phrase of three (`linha` … `tempo…`)
//! matches with any joining word between.
//!
//! Headings are typed in a hurry and rarely proof-read (`Moving Foward`, `Timline`,
//! `Remdiation`), so a long stem also matches a word with one slip of the keyboard: a letter
//! left out, two letters swapped or one doubled. Only stems of seven letters or more forgive
//! a slip; a shorter one would match other words (`action` less its `o` begins `acting`).

/// The shortest stem that forgives a slip.
const FORGIVING_LENGTH: usize = 7;

/// A normalised heading's words.
pub struct HeadingWords<'a> {
    words: Vec<&'a str>,
}

impl<'a> HeadingWords<'a> {
    /// The words of `normalized` (see [`super::headings::normalized`]), `follow-up` and
    /// `and/or` split in two.
    pub fn of(normalized: &'a str) -> Self {
        Self {
            words: normalized
                .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
                .filter(|word| !word.is_empty())
                .collect(),
        }
    }

    /// The words, in order.
    pub fn words(&self) -> &[&'a str] {
        &self.words
    }

    /// Whether a word begins with `stem`.
    pub fn has(&self, stem: &str) -> bool {
        self.words.iter().any(|word| {
            begins_like(word, stem)
                // `l'avenir`, `d'amélioration`: French and Italian elide the article into
                // the word.
                || word.split_once('\'').is_some_and(|(article, rest)| {
                    matches!(article, "l" | "d" | "dell" | "all" | "qu") && begins_like(rest, stem)
                })
        })
    }

    /// Whether a word begins with one of `stems`.
    pub fn has_any(&self, stems: &[&str]) -> bool {
        stems.iter().any(|stem| self.has(stem))
    }

    /// Whether `first`, as written, is followed by a word that begins with `second`.
    pub fn pair(&self, first: &str, second: &str) -> bool {
        self.words
            .windows(2)
            .any(|two| two[0] == first && begins_like(two[1], second))
    }

    /// Whether `first`, as written, one joining word and then a word that begins with `last`
    /// stand in a row (`linha do tempo`, `ligne du temps`).
    pub fn phrase(&self, first: &str, last: &str) -> bool {
        self.words
            .windows(3)
            .any(|three| three[0] == first && begins_like(three[2], last))
    }
}

/// Whether `word` begins with `stem`, or, for a long stem, with the stem as typed with one
/// slip: a letter left out, two neighbours swapped, or one letter doubled.
pub fn begins_like(word: &str, stem: &str) -> bool {
    if word.starts_with(stem) {
        return true;
    }
    let stem: Vec<char> = stem.chars().collect();
    if stem.len() < FORGIVING_LENGTH {
        return false;
    }
    let word: Vec<char> = word.chars().collect();
    // The slip is never in the first letter: a word that begins otherwise is another word.
    if word.first() != stem.first() {
        return false;
    }
    let same = word.iter().zip(&stem).take_while(|(a, b)| a == b).count();
    let after = |from_word: usize, from_stem: usize| {
        let rest = &stem[from_stem.min(stem.len())..];
        word.get(from_word..)
            .is_some_and(|tail| tail.starts_with(rest))
    };
    let left_out = after(same, same + 1);
    let swapped = word.get(same + 1) == stem.get(same)
        && word.get(same) == stem.get(same + 1)
        && after(same + 2, same + 2);
    let doubled = same > 0 && word.get(same) == stem.get(same - 1) && after(same + 1, same);
    left_out || swapped || doubled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_stem_forgives_one_slip_of_the_keyboard() {
        assert!(begins_like("forward", "forward"));
        assert!(begins_like("foward", "forward"));
        assert!(begins_like("timline", "timeline"));
        assert!(begins_like("tiemline", "timeline"));
        assert!(begins_like("timeliine", "timeline"));
        assert!(begins_like("remdiation", "remediat"));
        assert!(begins_like("improvments", "improvement"));
    }

    #[test]
    fn a_short_stem_another_word_or_two_slips_do_not_match() {
        // `action` is too short to forgive: less its `o` it begins `acting`.
        assert!(!begins_like("acting", "action"));
        assert!(!begins_like("acton", "action"));
        // A letter changed for another makes another word.
        assert!(!begins_like("revolution", "resolution"));
        // The first letter is never the slip.
        assert!(!begins_like("imeline", "timeline"));
        assert!(!begins_like("tmlne", "timeline"));
        assert!(!begins_like("towards", "forward"));
    }

    #[test]
    fn pairs_and_phrases_match_words_in_a_row() {
        let heading = "moving foward and next steps";
        let words = HeadingWords::of(heading);
        assert!(words.pair("moving", "forward"));
        assert!(words.pair("next", "step"));
        assert!(!words.pair("steps", "next"));
        let timeline = HeadingWords::of("linha do tempo");
        assert!(timeline.phrase("linha", "tempo"));
        assert!(!timeline.pair("linha", "tempo"));
    }
}
