//! `hindsight attach FILE PATH [--row N | --section NAME] [--caption TEXT]`: keeps a graph,
//! a screenshot or a log excerpt beside the postmortem and refers to it from the document.

use std::io::{self, Write};
use std::path::PathBuf;

use super::terminal::terminal_safe;
use super::{CommandError, Outcome};
use crate::model::{AttachedTo, Attachment, Postmortem, Section};
use crate::storage;

/// What to attach, and where.
#[derive(Debug, Default)]
pub struct AttachRequest {
    /// The postmortem.
    pub file: PathBuf,
    /// The file to attach.
    pub attached: PathBuf,
    /// The timeline row it belongs to, numbered from 1 as the editor shows them.
    pub row: Option<usize>,
    /// The section it belongs to, by its heading (`Impact`, `root cause`).
    pub section: Option<String>,
    /// What it shows.
    pub caption: Option<String>,
}

/// Copies the file into the postmortem's attachments folder and adds the reference, saved
/// atomically under the file's lock. Exits 0, or 2 when a file cannot be read or written,
/// the file is too large, or no row or section has the name given.
pub fn attach(
    request: &AttachRequest,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    match attach_file(request, err) {
        Ok(attachment) => {
            writeln!(
                out,
                "{}: attached {} as {}",
                terminal_safe(&request.file.display().to_string()),
                terminal_safe(&attachment.original_name),
                terminal_safe(&attachment.path)
            )?;
            Ok(Outcome::Success)
        }
        Err(reason) => {
            writeln!(err, "hindsight: {}", terminal_safe(&reason.to_string()))?;
            Ok(Outcome::Unreadable)
        }
    }
}

fn attach_file(request: &AttachRequest, err: &mut dyn Write) -> Result<Attachment, CommandError> {
    // The document is read first, so that a wrong row or section stores nothing.
    let doc = storage::load(&request.file)?;
    let place = place_in(&doc, request)?;
    let stored = storage::store_file(&request.file, &request.attached)?;
    let size = std::fs::metadata(&request.attached).map_or(0, |found| found.len());
    if size > storage::ATTACHMENT_WARNING_BYTES {
        let _ = writeln!(
            err,
            "hindsight: warning: {} is {}; files this large grow a repository fast (the README says how to keep them in git LFS)",
            terminal_safe(&request.attached.display().to_string()),
            crate::model::megabytes(size)
        );
    }
    let attachment = Attachment {
        caption: request
            .caption
            .clone()
            .unwrap_or_default()
            .trim()
            .to_owned(),
        place,
        ..stored
    };
    // Added to the file as it is under its lock: an edit saved since the look above stays.
    storage::update(&request.file, |held| -> Result<_, CommandError> {
        let mut doc = held.doc;
        let place = place_in(&doc, request)?;
        doc.attachments.push(Attachment {
            place,
            ..attachment.clone()
        });
        let text = storage::to_canonical_ron(&doc)?;
        Ok((Some(text), ()))
    })
    .map_err(CommandError::from)?;
    Ok(attachment)
}

/// Where the request puts the attachment in `doc`.
fn place_in(doc: &Postmortem, request: &AttachRequest) -> Result<AttachedTo, CommandError> {
    if let Some(number) = request.row {
        let row = number
            .checked_sub(1)
            .and_then(|index| doc.timeline.get(index))
            .ok_or_else(|| CommandError::NoSuchRow {
                file: request.file.clone(),
                row: number,
                count: doc.timeline.len(),
            })?;
        return Ok(AttachedTo::Row(row.id));
    }
    if let Some(name) = &request.section {
        return section_named(doc, name);
    }
    Ok(AttachedTo::Document)
}

/// The section whose heading is `name`, without regard to case, spaces or underscores: a
/// built-in one (by the template's heading or the one it was written under), else one of
/// the team's own.
fn section_named(doc: &Postmortem, name: &str) -> Result<AttachedTo, CommandError> {
    let key = |text: &str| {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let wanted = key(name);
    let built_in = Section::ALL.into_iter().find(|section| {
        key(section.heading()) == wanted || key(doc.narrative.heading_of(*section)) == wanted
    });
    let own = || {
        doc.narrative
            .custom_sections
            .iter()
            .position(|custom| key(&custom.title) == wanted)
    };
    built_in
        .map(AttachedTo::Section)
        .or_else(|| own().map(AttachedTo::Custom))
        .ok_or_else(|| CommandError::NoSuchSection {
            name: name.to_owned(),
            known: Section::ALL
                .iter()
                .map(|section| doc.narrative.heading_of(*section))
                .chain(
                    doc.narrative
                        .custom_sections
                        .iter()
                        .map(|custom| custom.title.as_str()),
                )
                .collect::<Vec<_>>()
                .join(", "),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_is_found_by_its_heading_in_any_case() {
        let doc = Postmortem::default();
        assert_eq!(
            section_named(&doc, "root cause").unwrap(),
            AttachedTo::Section(Section::RootCause)
        );
        assert_eq!(
            section_named(&doc, "ROOT_CAUSE").unwrap(),
            AttachedTo::Section(Section::RootCause)
        );
        let mut doc = doc;
        doc.narrative
            .custom_sections
            .push(crate::model::CustomSection {
                title: "Customer communication".to_owned(),
                ..crate::model::CustomSection::default()
            });
        assert_eq!(
            section_named(&doc, "customer communication").unwrap(),
            AttachedTo::Custom(0)
        );
        let error = section_named(&doc, "Graphs").unwrap_err().to_string();
        assert!(
            error.contains("Impact") && error.contains("Graphs"),
            "{error}"
        );
    }
}
