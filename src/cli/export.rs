//! `hindsight export`: one postmortem as Markdown, HTML or CSV, to stdout or a file.

use std::io::{self, Write};
use std::path::PathBuf;

use super::{Outcome, terminal_safe};
use crate::export::{ExportFormat, ExportOptions, export};
use crate::storage;

/// What `hindsight export` was asked to do.
#[derive(Clone, Debug)]
pub struct ExportRequest {
    /// The postmortem to export.
    pub file: PathBuf,
    /// The format to write.
    pub format: ExportFormat,
    /// Where to write it; standard output when `None`.
    pub output: Option<PathBuf>,
    /// Which rows and sections to include.
    pub options: ExportOptions,
    /// Where to copy the attached files, for the Markdown's relative links.
    pub assets_dir: Option<PathBuf>,
    /// The public version instead of the document itself.
    pub public: Option<super::Publication>,
}

/// Runs `hindsight export`. A file that cannot be read, or an output that cannot be written,
/// is reported on `err` with exit code 2; an existing output file is replaced whole or not at
/// all.
pub fn export_file(
    request: &ExportRequest,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let doc = match storage::load(&request.file) {
        Ok(doc) => doc,
        Err(error) => {
            let message = error.to_string();
            writeln!(err, "hindsight export: {}", terminal_safe(&message))?;
            return Ok(Outcome::Unreadable);
        }
    };
    let mut outcome = Outcome::Success;
    let doc = match &request.public {
        None => doc,
        Some(publication) => {
            let name = request.file.display().to_string();
            match super::publish(&request.file, &name, &doc, *publication, err)? {
                Ok(public) => public,
                Err(refused) => return Ok(refused),
            }
        }
    };
    // A public version carries no attached files: no one can read what a screenshot shows.
    let files = if request.format == ExportFormat::Html && request.public.is_none() {
        storage::read_all(&request.file, &doc)
    } else {
        crate::export::AttachedFiles::new()
    };
    let text = match export(&doc, request.format, request.options, &files) {
        Ok(text) => text,
        Err(error) => {
            let message = format!("{}: {error}", request.file.display());
            writeln!(err, "hindsight export: {}", terminal_safe(&message))?;
            return Ok(Outcome::Unreadable);
        }
    };
    if let Some(dir) = &request.assets_dir {
        for (attachment, error) in storage::copy_attachments(&request.file, &doc, dir) {
            let message = format!("{} was not copied: {error}", attachment.path);
            writeln!(err, "hindsight export: {}", terminal_safe(&message))?;
            outcome = Outcome::Unreadable;
        }
    }
    match &request.output {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            if storage::same_file(path, &request.file) {
                let message = format!(
                    "{}: the output is the postmortem itself; name another file with -o",
                    path.display()
                );
                writeln!(err, "hindsight export: {}", terminal_safe(&message))?;
                return Ok(Outcome::Unreadable);
            }
            if let Err(error) = storage::atomic_write(path, text.as_bytes()) {
                let message = error.to_string();
                writeln!(err, "hindsight export: {}", terminal_safe(&message))?;
                return Ok(Outcome::Unreadable);
            }
        }
    }
    Ok(outcome)
}
