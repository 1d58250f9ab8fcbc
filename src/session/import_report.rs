//! What an import of a Markdown postmortem did, kept for the report the editor shows.

use crate::sources::markdown::{Assumed, MarkdownChoices, MarkdownImport, NOT_PLACED, Placement};

/// Where each part of an imported file went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportReport {
    /// The file's name.
    pub source: String,
    /// How many timeline rows, action items and unplaced parts the import gave.
    pub rows: usize,
    /// See `rows`.
    pub items: usize,
    /// See `rows`.
    pub not_placed: usize,
    /// Where each part of the source went, in source order.
    pub placements: Vec<Placement>,
    /// The file's text, to read again when a choice is corrected.
    pub text: String,
    /// What the person chose about how the file is read.
    pub choices: MarkdownChoices,
    /// What the reading assumed.
    pub assumed: Assumed,
    /// The folder of the Markdown file, where the images it shows are.
    pub folder: Option<std::path::PathBuf>,
    /// The images it shows that stayed in the text (not found beside it, or not images),
    /// each with why.
    pub images_left: Vec<String>,
}

impl ImportReport {
    /// The report of `imported`, read from `text` (the file called `source`) as `choices`
    /// say.
    #[must_use]
    pub fn of(
        source: String,
        text: String,
        choices: MarkdownChoices,
        imported: &MarkdownImport,
    ) -> Self {
        Self {
            source,
            rows: imported.doc.timeline.len(),
            items: imported.doc.action_items.len(),
            not_placed: imported.not_placed(),
            placements: imported.report.clone(),
            text,
            choices,
            assumed: imported.assumed.clone(),
            folder: None,
            images_left: Vec::new(),
        }
    }

    /// One sentence on what came in: "13 timeline rows and 6 action items; 1 part could not
    /// be placed and is kept in the section “Imported, not placed”."
    #[must_use]
    pub fn summary(&self) -> String {
        let count = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        let read = format!(
            "{} and {}",
            count(self.rows, "timeline row", "timeline rows"),
            count(self.items, "action item", "action items")
        );
        match self.not_placed {
            0 => format!("{read}; every part was placed."),
            1 => format!(
                "{read}; 1 part could not be placed and is kept word for word in the section \
                 \u{201c}{NOT_PLACED}\u{201d}."
            ),
            n => format!(
                "{read}; {n} parts could not be placed and are kept word for word in the \
                 section \u{201c}{NOT_PLACED}\u{201d}."
            ),
        }
    }
}
