//! Exports of one postmortem: GitHub-flavoured Markdown for wikis, tickets and chat, a
//! self-contained HTML page for reading and printing, and CSV of the action items and the
//! timeline for spreadsheets.
//!
//! Exports read the document and nothing else, so the same document always gives the same
//! bytes, and none of them can be broken by what the lead typed.

mod attached;
mod blocks;
mod csv_tables;
mod html;
mod markdown;
mod picture_svg;
mod report;
mod safe_markdown;

pub use attached::AttachedFiles;
pub use blocks::close_open_blocks;
pub use csv_tables::{
    ACTIONS_HEADER, TIMELINE_HEADER, actions_csv, finish_csv, spreadsheet_cell, timeline_csv,
};
pub use html::{HTML_STYLESHEET, html_body, to_html};
pub use markdown::{markdown_cell, to_markdown};
pub use report::UNTITLED;

use crate::model::Postmortem;

/// The Markdown extensions the written sections may use, for rendering them and for reading
/// their structure: GitHub's tables, strikethrough and task lists.
const MARKDOWN_OPTIONS: pulldown_cmark::Options = pulldown_cmark::Options::ENABLE_TABLES
    .union(pulldown_cmark::Options::ENABLE_STRIKETHROUGH)
    .union(pulldown_cmark::Options::ENABLE_TASKLISTS);

/// A kind of export file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// The whole document as GitHub-flavoured Markdown.
    Markdown,
    /// The whole document as one HTML page.
    Html,
    /// The action items as CSV.
    ActionsCsv,
    /// The timeline as CSV.
    TimelineCsv,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [Self; 4] = [
        Self::Markdown,
        Self::Html,
        Self::ActionsCsv,
        Self::TimelineCsv,
    ];

    /// The menu item's words.
    #[must_use]
    pub const fn menu_label(self) -> &'static str {
        match self {
            Self::Markdown => "Markdown\u{2026}",
            Self::Html => "HTML\u{2026}",
            Self::ActionsCsv => "Action items as CSV\u{2026}",
            Self::TimelineCsv => "Timeline as CSV\u{2026}",
        }
    }

    /// The file name extension, without the dot.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Html => "html",
            Self::ActionsCsv | Self::TimelineCsv => "csv",
        }
    }

    /// The name of the file type, for the save dialog's filter.
    #[must_use]
    pub const fn file_type(self) -> &'static str {
        match self {
            Self::Markdown => "Markdown",
            Self::Html => "HTML page",
            Self::ActionsCsv | Self::TimelineCsv => "CSV",
        }
    }

    /// What is added to the document's file name to suggest the export's name.
    #[must_use]
    pub const fn name_suffix(self) -> &'static str {
        match self {
            Self::Markdown | Self::Html => "",
            Self::ActionsCsv => "-actions",
            Self::TimelineCsv => "-timeline",
        }
    }
}

/// Choices that shape an export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ExportOptions {
    /// Show only the starred timeline rows.
    pub starred_only: bool,
    /// Leave out written sections that have no text.
    pub skip_empty_sections: bool,
    /// Write CSV cells exactly as typed, even those a spreadsheet would run as a formula.
    /// Never remembered between runs: every session starts safe.
    #[serde(skip)]
    pub exact_csv: bool,
}

/// How much of the document a Markdown export covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Portion {
    /// All of it.
    Whole,
    /// The title and the details table.
    Overview,
    /// The timeline table.
    Timeline,
    /// The written sections, the summary first.
    Analysis,
    /// The action-items table.
    ActionItems,
}

/// Why an export could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer failed.
    #[error("could not write the CSV: {0}")]
    Csv(#[from] csv::Error),
}

/// The document in `format`; an HTML page embeds the attached images from `files`.
pub fn export(
    doc: &Postmortem,
    format: ExportFormat,
    options: ExportOptions,
    files: &AttachedFiles,
) -> Result<String, ExportError> {
    Ok(match format {
        ExportFormat::Markdown => to_markdown(doc, options, Portion::Whole),
        ExportFormat::Html => to_html(doc, options, files),
        ExportFormat::ActionsCsv => actions_csv(doc, options)?,
        ExportFormat::TimelineCsv => timeline_csv(doc, options)?,
    })
}
