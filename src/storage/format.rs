//! The file format: pretty RON in one canonical layout, with `format_version` first.
//!
//! Canonical means the same document always gives the same bytes, and changing one field
//! changes only that field's lines, so postmortems diff and merge cleanly in git. Strings are
//! written unescaped, so a paragraph edit shows up as the lines that changed rather than as
//! one long escaped line.

use std::path::Path;

use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::error::{LoadError, SaveError};
use super::limits::{MAX_FILE_BYTES, RECURSION_LIMIT};
use crate::model::{FORMAT_VERSION, Postmortem};

/// Writes the document in canonical form, always as the current format version; a document
/// larger than Hindsight opens is refused rather than written.
pub fn to_canonical_ron(doc: &Postmortem) -> Result<String, SaveError> {
    let config = PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .escape_strings(false);
    let mut text = ron::Options::default().to_string_pretty(doc, config)?;
    text.push('\n');
    // Whatever is written must open again.
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(SaveError::TooLarge {
            size: text.len() as u64,
        });
    }
    Ok(text)
}

/// Reads a postmortem from text; `path` names the source in error messages.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Postmortem, LoadError> {
    // Editors on Windows may start a UTF-8 file with a byte-order mark; it is not content.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Invalid {
            path: path.to_owned(),
            line: 1,
            column: 1,
            reason: "the file is empty".to_owned(),
        });
    }
    let options = ron::Options::default().with_recursion_limit(RECURSION_LIMIT);
    match options.from_str::<Postmortem>(text) {
        Ok(mut doc) => {
            check_version(doc.format_version, text, path)?;
            // Older files are upgraded in memory and written back in the current format.
            doc.format_version = FORMAT_VERSION;
            Ok(doc)
        }
        Err(error) => {
            // A file from a newer Hindsight may not fit this version's structs at all: say
            // that, rather than what in it did not fit. Read only the version to tell.
            if let Ok(probe) = options.from_str::<VersionProbe>(text) {
                check_version(probe.format_version, text, path)?;
            }
            Err(invalid(path, text, &error))
        }
    }
}

/// Refuses a file with no version (another program's RON) or a newer one than this build
/// reads; the document is never used when this fails, so nothing is half-read.
fn check_version(found: u32, text: &str, path: &Path) -> Result<(), LoadError> {
    if found == 0 {
        return Err(LoadError::NotAPostmortem {
            path: path.to_owned(),
        });
    }
    if found > FORMAT_VERSION {
        let (line, column) = position_of("format_version", text);
        return Err(LoadError::TooNew {
            path: path.to_owned(),
            line,
            column,
            found,
        });
    }
    Ok(())
}

/// Reads a postmortem from raw bytes, refusing anything that is not UTF-8 text.
pub fn from_ron_bytes(bytes: &[u8], path: &Path) -> Result<Postmortem, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => from_ron_str(text, path),
        Err(error) => {
            let valid = &bytes[..error.valid_up_to()];
            // Everything before the bad byte is valid UTF-8, so this cannot fail.
            let before = std::str::from_utf8(valid).unwrap_or_default();
            let (line, column) = end_position(before);
            Err(LoadError::Invalid {
                path: path.to_owned(),
                line,
                column,
                reason: format!(
                    "this is not a text file (byte {} is not UTF-8); a postmortem is RON text",
                    error.valid_up_to()
                ),
            })
        }
    }
}

/// The `format_version` a postmortem's text declares, reading nothing else; `None` when the
/// text is not a RON struct with one.
pub(super) fn format_version_of(text: &str) -> Option<u32> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let options = ron::Options::default().with_recursion_limit(RECURSION_LIMIT);
    options
        .from_str::<VersionProbe>(text)
        .ok()
        .map(|probe| probe.format_version)
        .filter(|version| *version > 0)
}

/// Only the version, with every other field skipped unread. Versions count from 1, so 0
/// stands for "no version given".
#[derive(Deserialize)]
#[serde(rename = "Postmortem")]
struct VersionProbe {
    #[serde(default)]
    format_version: u32,
}

fn invalid(path: &Path, text: &str, error: &ron::error::SpannedError) -> LoadError {
    let mut reason = plain_reason(&error.code);
    // A file cut short makes RON stop at its last token wanting the next one ("expected a
    // comma"): where the problem reaches the end of the text, that is what to say.
    let end = end_position(text.trim_end());
    // A string left open runs to the end whatever span RON gives it.
    let reaches_the_end = (error.span.end.line, error.span.end.col) >= end
        || matches!(error.code, ron::Error::ExpectedStringEnd);
    if reaches_the_end && !matches!(error.code, ron::Error::Eof) {
        reason = format!("the file ends too early (is it truncated?): {reason}");
    }
    LoadError::Invalid {
        path: path.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        reason,
    }
}

const NOT_RON_POSTMORTEM: &str =
    "expected `(` to start the postmortem; this does not look like a Hindsight RON file";

/// RON's own message, reworded where it would puzzle someone who has never seen RON.
fn plain_reason(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "the file ends too early (is it truncated or empty?)".to_owned(),
        ron::Error::ExceededRecursionLimit => format!(
            "values are nested more than {RECURSION_LIMIT} levels deep; no postmortem nests that deep"
        ),
        ron::Error::ExpectedStructLike | ron::Error::ExpectedNamedStructLike("Postmortem") => {
            NOT_RON_POSTMORTEM.to_owned()
        }
        ron::Error::ExpectedAttribute => {
            format!("unexpected `#` (is this Markdown?); {NOT_RON_POSTMORTEM}")
        }
        // Values such as dates and time zones report through serde's custom messages, which
        // say what is wrong but not that it is a value.
        ron::Error::Message(message) => format!("invalid value: {message}"),
        other => {
            let message = other.to_string();
            // RON capitalises its messages; ours follow "path:line:column:" in lower case.
            let mut chars = message.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
    }
}

/// The 1-based line and column just past `text`.
fn end_position(text: &str) -> (usize, usize) {
    let line = 1 + text.matches('\n').count();
    let column = 1 + text
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count());
    (line, column)
}

/// The 1-based line and column where `needle` first appears, or 1:1.
fn position_of(needle: &str, text: &str) -> (usize, usize) {
    text.find(needle)
        .map_or((1, 1), |offset| end_position(&text[..offset]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_from_one() {
        assert_eq!(end_position(""), (1, 1));
        assert_eq!(end_position("ab"), (1, 3));
        assert_eq!(end_position("ab\nc"), (2, 2));
        assert_eq!(position_of("x", "(\n  x: 1)"), (2, 3));
    }

    #[test]
    fn a_file_cut_short_says_so_wherever_the_reader_stopped() {
        let path = Path::new("inc.ron");
        for text in [
            "(format_version: 2, title: \"x\"",
            "(format_version: 2, title: \"x\",\n  timeline: [\n",
            "(format_version: 2, title: \"x\", incident_id: \"INC-",
        ] {
            let message = from_ron_str(text, path).unwrap_err().to_string();
            assert!(message.contains("ends too early"), "{text:?}: {message}");
        }
        // A mistake in the middle of a file is not called an early end.
        let message = from_ron_str("(format_version: 2, title: 5, summary: \"\")", path)
            .unwrap_err()
            .to_string();
        assert!(!message.contains("ends too early"), "{message}");
    }
}
