//! Lines no block held: kept too, so nothing is lost whatever the Markdown parser does;
//! a link's reference definition goes beside the sections that use it.

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
        for (line, text) in missed {
            // `[a typo]: https://…`: the address of a link written `[a typo]` in the text,
            // which the reader uses and does not hand on. It goes with the sections that use
            // it, so their links still work.
            if let Some(label) = reference_label(&text)
                && self.add_reference(&label, text.trim())
            {
                self.place(
                    (line, line),
                    "the address of a link, beside the text that uses it",
                );
                continue;
            }
            self.unplaced_text(&text, (line, line), "text the Markdown reader passed over");
        }
    }

    /// Adds a link's reference definition to every section whose text uses `[label]`.
    /// Returns whether one did.
    fn add_reference(&mut self, label: &str, definition: &str) -> bool {
        let used = format!("[{}]", label.to_lowercase());
        let narrative = &mut self.doc.narrative;
        let mut added = false;
        for section in crate::model::Section::ALL {
            let text = narrative.text_mut(section);
            if text.to_lowercase().contains(&used) {
                text.push_str("\n\n");
                text.push_str(definition);
                added = true;
            }
        }
        for custom in &mut narrative.custom_sections {
            if custom.text.to_lowercase().contains(&used) {
                custom.text.push_str("\n\n");
                custom.text.push_str(definition);
                added = true;
            }
        }
        added
    }
}

/// The label of a link reference definition (`[a typo]: https://…`).
fn reference_label(line: &str) -> Option<String> {
    let rest = line.trim().strip_prefix('[')?;
    let (label, after) = rest.split_once("]:")?;
    (!label.is_empty() && !after.trim().is_empty()).then(|| label.to_owned())
}
