//! Lines no block held: kept too, so nothing is lost whatever the Markdown parser does;
//! a link's reference definition goes beside the sections that use it.

use std::collections::HashSet;

use super::Importer;

impl Importer<'_> {
    /// Lines with text that no block covered (the parser passes over a few odd line endings
    /// without a word): kept too, so nothing is lost whatever the parser does.
    pub(super) fn place_what_no_block_held(&mut self) {
        let mut covered = vec![false; self.source_lines.len() + 1];
        for placement in &self.report {
            let (first, last) = placement.lines;
            let last = last.min(self.source_lines.len());
            if first <= last {
                covered[first..=last].fill(true);
            }
        }
        let missed: Vec<(usize, String)> = self
            .source_lines
            .iter()
            .enumerate()
            .filter(|(index, line)| !covered[index + 1] && !line.trim().is_empty())
            .map(|(index, line)| (index + 1, (*line).to_owned()))
            .collect();
        // Which labels each section uses, found once: looking for each definition's label
        // in every section (which grew with each definition added) was quadratic, 6.5 s for
        // 40,000 definitions.
        let mut uses: Option<Vec<HashSet<String>>> = None;
        let mut additions: Vec<Vec<String>> = Vec::new();
        for (line, text) in missed {
            // `[a typo]: https://…`: the address of a link written `[a typo]` in the text,
            // which the reader uses and does not hand on. It goes with the sections that use
            // it, so their links still work.
            if let Some(label) = reference_label(&text) {
                let uses =
                    uses.get_or_insert_with(|| self.section_texts().map(labels_used).collect());
                additions.resize_with(uses.len(), Vec::new);
                let label = label.to_lowercase();
                let mut added = false;
                for (used, added_here) in uses.iter().zip(additions.iter_mut()) {
                    if used.contains(&label) {
                        added_here.push(text.trim().to_owned());
                        added = true;
                    }
                }
                if added {
                    self.place(
                        (line, line),
                        "the address of a link, beside the text that uses it",
                    );
                    continue;
                }
            }
            self.unplaced_text(&text, (line, line), "text the Markdown reader passed over");
        }
        for (index, definitions) in additions.into_iter().enumerate() {
            if let Some(text) = self.section_text_mut(index) {
                for definition in definitions {
                    text.push_str("\n\n");
                    text.push_str(&definition);
                }
            }
        }
    }

    /// The text of every section, built-in then custom, in one order.
    fn section_texts(&self) -> impl Iterator<Item = &str> {
        let narrative = &self.doc.narrative;
        crate::model::Section::ALL
            .into_iter()
            .map(|section| narrative.text(section))
            .chain(
                narrative
                    .custom_sections
                    .iter()
                    .map(|custom| custom.text.as_str()),
            )
    }

    /// The text of section `index` in [`Self::section_texts`]'s order, to change.
    fn section_text_mut(&mut self, index: usize) -> Option<&mut String> {
        let narrative = &mut self.doc.narrative;
        match crate::model::Section::ALL.get(index) {
            Some(section) => Some(narrative.text_mut(*section)),
            None => narrative
                .custom_sections
                .get_mut(index - crate::model::Section::ALL.len())
                .map(|custom| &mut custom.text),
        }
    }
}

/// The labels `text` writes in square brackets (`[label]`, `[text][label]`), lower-cased: the
/// references a definition may serve.
fn labels_used(text: &str) -> HashSet<String> {
    let mut labels = HashSet::new();
    let mut open = None;
    for (at, c) in text.char_indices() {
        match c {
            '[' => open = Some(at),
            ']' => {
                if let Some(from) = open.take() {
                    labels.insert(text[from + 1..at].to_lowercase());
                }
            }
            _ => {}
        }
    }
    labels
}

/// The label of a link reference definition (`[a typo]: https://…`).
fn reference_label(line: &str) -> Option<String> {
    let rest = line.trim().strip_prefix('[')?;
    let (label, after) = rest.split_once("]:")?;
    (!label.is_empty() && !after.trim().is_empty()).then(|| label.to_owned())
}
