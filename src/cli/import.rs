//! `hindsight import FILE.md…`: Markdown postmortems as Hindsight documents, each written
//! beside its source (or where `-o` / `--out-dir` say), never over an existing file unless
//! `--force`. One file that cannot be read or written is reported and the rest go on.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use super::terminal::terminal_safe;
use super::{CommandError, Outcome};
use crate::model::plural;
use crate::sources::markdown::{
    MarkdownChoices, MarkdownImport, import_markdown_with, keep_local_images,
};
use crate::sources::read_source_text;
use crate::storage;

/// What `hindsight import` was asked to do.
#[derive(Clone, Debug)]
pub struct ImportRequest {
    /// The Markdown files.
    pub files: Vec<PathBuf>,
    /// Where to write the one document (only with one file).
    pub output: Option<PathBuf>,
    /// The folder to write the documents in, each named after its source.
    pub out_dir: Option<PathBuf>,
    /// Print, for each file, where each part of it went.
    pub report: bool,
    /// Write over a file that is already there.
    pub force: bool,
    /// How times are read where a file does not say: zone, day, order of lines and of
    /// numbers in dates.
    pub choices: crate::sources::ReadingChoices,
    /// The day the new documents are created.
    pub today: NaiveDate,
}

/// Runs the command: one line per file to `out`, problems to `err`.
pub fn import(
    request: &ImportRequest,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    if request.output.is_some() && request.files.len() > 1 {
        writeln!(
            err,
            "hindsight: -o names one output file; use --out-dir for {} files",
            request.files.len()
        )?;
        return Ok(Outcome::Unreadable);
    }
    let files = match planned_inputs(request) {
        Ok(files) => files,
        Err(reason) => {
            writeln!(err, "hindsight: {}", terminal_safe(&reason.to_string()))?;
            return Ok(Outcome::Unreadable);
        }
    };
    // Files are converted in parallel (most of the time is spent waiting for each save to
    // reach the disk) and reported in the order they were named.
    let results: Vec<_> = files
        .par_iter()
        .map(|file| import_one(request, file))
        .collect();
    let mut outcome = Outcome::Success;
    for (file, result) in files.iter().zip(results) {
        match result {
            Ok((target, imported, images_left)) => {
                writeln!(
                    out,
                    "{} \u{2192} {}: {} timeline rows, {} action items{}{}",
                    terminal_safe(&file.display().to_string()),
                    terminal_safe(&target.display().to_string()),
                    imported.doc.timeline.len(),
                    imported.doc.action_items.len(),
                    match imported.doc.attachments.len() {
                        0 => String::new(),
                        count => format!(", {}", plural(count, "attached file")),
                    },
                    match imported.not_placed() {
                        0 => String::new(),
                        1 => ", 1 part not placed".to_owned(),
                        count => format!(", {count} parts not placed"),
                    }
                )?;
                for problem in images_left {
                    let message = format!(
                        "{}: an image was left in the text: {problem}",
                        file.display()
                    );
                    writeln!(err, "hindsight: warning: {}", terminal_safe(&message))?;
                }
                if request.report {
                    for line in assumptions(&imported) {
                        writeln!(out, "  {}", terminal_safe(&line))?;
                    }
                    for placement in &imported.report {
                        let (first, last) = placement.lines;
                        let lines = if first == last {
                            format!("line {first}")
                        } else {
                            format!("lines {first}\u{2013}{last}")
                        };
                        writeln!(out, "  {lines}: {}", terminal_safe(&placement.place))?;
                    }
                }
            }
            Err(reason) => {
                writeln!(
                    err,
                    "hindsight: {}: {}",
                    terminal_safe(&file.display().to_string()),
                    terminal_safe(&reason.to_string())
                )?;
                outcome = Outcome::Unreadable;
            }
        }
    }
    Ok(outcome)
}

/// What the reading assumed about the file's times, a line each, for the report: each
/// can be set with `--zone`, `--date`, `--newest-first` and `--day-order`.
fn assumptions(imported: &MarkdownImport) -> Vec<String> {
    let assumed = &imported.assumed;
    let chosen_or = |chosen: bool, otherwise: &str| {
        if chosen {
            "as you chose".to_owned()
        } else {
            otherwise.to_owned()
        }
    };
    let mut lines = vec![
        format!(
            "times that name no zone: {} ({})",
            crate::model::zone_label(assumed.zone.value),
            assumed.zone_why()
        ),
        format!(
            "times with no date: on {} ({})",
            assumed.day.format("%Y-%m-%d"),
            assumed.day_from.describe()
        ),
        format!(
            "lines read {} ({})",
            if assumed.newest_first.value {
                "newest first"
            } else {
                "oldest first"
            },
            chosen_or(assumed.newest_first.chosen, "found from the times")
        ),
    ];
    if assumed.numeric_dates {
        lines.push(format!(
            "dates like 03/04 read {} ({})",
            assumed.day_order.describe(),
            assumed.day_order_from
        ));
    }
    if let Some(note) = assumed.html_note() {
        lines.push(note.to_owned());
    }
    for candidate in &assumed.candidates {
        let (first, last) = candidate.lines;
        let (timed, of) = candidate.timed;
        lines.push(format!(
            "lines {first}\u{2013}{last}: {} with {timed} of {of} starting with a time, not read as the timeline",
            candidate.kind
        ));
    }
    lines
}

fn import_one(
    request: &ImportRequest,
    file: &Path,
) -> Result<(PathBuf, MarkdownImport, Vec<String>), CommandError> {
    let text = read_source_text(file, &mut io::empty())?;
    let target = target_for(request, file);
    if !request.force && target.exists() {
        return Err(CommandError::AlreadyThere(target));
    }
    let choices = MarkdownChoices {
        reading: request.choices,
        timeline_blocks: Vec::new(),
        file_name: file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned()),
    };
    let mut imported = import_markdown_with(&text, request.today, &choices);
    // The graphs kept beside the Markdown go beside the postmortem.
    let folder = file.parent().unwrap_or_else(|| Path::new("."));
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let images_left = keep_local_images(&mut imported.doc, folder, |image| {
        let bytes = storage::read_image_within(image, folder)?;
        let name = image
            .file_name()
            .map_or_else(|| "image".into(), |name| name.to_string_lossy());
        storage::store_bytes(&target, &bytes, &name).map_err(|error| error.to_string())
    });
    storage::replace_locked(&target, &imported.doc)?;
    Ok((target, imported, images_left))
}

/// The inputs to read, each once (a file named twice, however spelt, is read once), after
/// checking that no two of them would be written to one output and that no output is one of
/// the inputs (not even with `--force`): either is refused before anything is written.
fn planned_inputs(request: &ImportRequest) -> Result<Vec<PathBuf>, CommandError> {
    let mut inputs: Vec<(PathBuf, PathBuf)> = Vec::new();
    for file in &request.files {
        let identity = identity_of(file);
        if inputs.iter().all(|(_, known)| *known != identity) {
            inputs.push((file.clone(), identity));
        }
    }
    let mut outputs: Vec<(PathBuf, &Path)> = Vec::new();
    for (file, _) in &inputs {
        let target = target_for(request, file);
        let identity = identity_of(&target);
        if let Some((_, input)) = inputs.iter().find(|(_, input)| *input == identity) {
            return Err(CommandError::OverAnInput {
                target,
                input: input.clone(),
            });
        }
        if let Some((_, other)) = outputs.iter().find(|(known, _)| *known == identity) {
            return Err(CommandError::SameOutput {
                first: (*other).to_owned(),
                second: file.clone(),
                target,
            });
        }
        outputs.push((identity, file));
    }
    Ok(inputs.into_iter().map(|(file, _)| file).collect())
}

/// The one name of the file `path` is or would be: links and `..` resolved for what
/// exists, the folder resolved for a file not made yet.
fn identity_of(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    match (absolute.parent(), absolute.file_name()) {
        (Some(folder), Some(name)) => std::fs::canonicalize(folder)
            .map_or_else(|_| absolute.clone(), |folder| folder.join(name)),
        _ => absolute,
    }
}

/// `notes/inc-620.md` → `notes/inc-620.ron`, or `DIR/inc-620.ron` with `--out-dir`.
fn target_for(request: &ImportRequest, file: &Path) -> PathBuf {
    if let Some(output) = &request.output {
        return output.clone();
    }
    let name = file.with_extension("ron");
    let name = name
        .file_name()
        .map_or_else(|| "imported.ron".into(), ToOwned::to_owned);
    match &request.out_dir {
        Some(dir) => dir.join(name),
        None => file.with_file_name(name),
    }
}
