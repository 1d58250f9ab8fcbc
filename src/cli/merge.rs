//! `hindsight merge BASE OURS THEIRS [PATH]`: git's merge driver for postmortems (`%O %A %B
//! %P`). It merges the two sides by the document's structure (see [`crate::model::merge`]),
//! writes the result over OURS, and exits 0 when it merged cleanly or 1 when conflicts are
//! left in the file for someone to settle, so git reports the path as conflicted.
//!
//! A side that is not a postmortem this build reads (a broken file, one from a newer
//! Hindsight, one git itself left conflicted) cannot be merged by structure; then the driver
//! does what git would have done without it: `git merge-file`, line by line, with conflict
//! markers.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use super::Outcome;
use super::terminal::terminal_safe;
use crate::model::{Postmortem, merge, plural};
use crate::storage::{self, LoadError};

/// What `hindsight merge` is asked to do.
#[derive(Clone, Debug)]
pub struct MergeRequest {
    /// The common ancestor (`%O`); empty when both sides added the file.
    pub base: PathBuf,
    /// Our side (`%A`), where the result is written.
    pub ours: PathBuf,
    /// Their side (`%B`).
    pub theirs: PathBuf,
    /// The file's path in the repository (`%P`), for messages.
    pub name: Option<PathBuf>,
}

/// Runs the driver; reports conflicts and fallbacks on `err`.
pub fn merge_files(request: &MergeRequest, err: &mut dyn Write) -> io::Result<Outcome> {
    let name = request
        .name
        .as_deref()
        .unwrap_or(&request.ours)
        .display()
        .to_string();
    let name = terminal_safe(&name);
    let sides = read_base(&request.base).and_then(|base| {
        let ours = storage::load(&request.ours)?;
        let theirs = storage::load(&request.theirs)?;
        Ok((base, ours, theirs))
    });
    let (base, ours, theirs) = match sides {
        Ok(sides) => sides,
        Err(error) => {
            writeln!(
                err,
                "hindsight merge: {name}: {}; merging it line by line instead",
                terminal_safe(&error.to_string())
            )?;
            return merge_lines(request, err);
        }
    };
    let merged = match merge(&base, &ours, &theirs) {
        Ok(merged) => merged,
        Err(error) => {
            writeln!(err, "hindsight merge: {name}: {error}")?;
            return merge_lines(request, err);
        }
    };
    if let Err(error) = storage::save(&request.ours, &merged.doc) {
        writeln!(
            err,
            "hindsight merge: {name}: {}",
            terminal_safe(&error.to_string())
        )?;
        return Ok(Outcome::Unreadable);
    }
    let left = merged.doc.conflicts.len();
    if left == 0 {
        return Ok(Outcome::Success);
    }
    writeln!(
        err,
        "hindsight merge: {name}: both sides changed {} differently; ours is in place and theirs is kept in the file's conflicts list. Settle {} in the editor's Checks, or by hand:",
        plural(left, "thing"),
        if left == 1 { "it" } else { "them" },
    )?;
    for conflict in &merged.doc.conflicts {
        writeln!(err, "  {}", terminal_safe(&conflict.message()))?;
    }
    Ok(Outcome::Problems)
}

/// The common ancestor: an empty file (both sides added the postmortem) is an empty document,
/// so what both wrote alike merges and the rest is a conflict.
fn read_base(path: &Path) -> Result<Postmortem, LoadError> {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_file() && metadata.len() == 0 => Ok(Postmortem::default()),
        _ => storage::load(path),
    }
}

/// git's own line merge, for sides that do not read as postmortems.
fn merge_lines(request: &MergeRequest, err: &mut dyn Write) -> io::Result<Outcome> {
    let status = Command::new("git")
        .arg("merge-file")
        .args(["-L", "ours", "-L", "base", "-L", "theirs"])
        .arg(&request.ours)
        .arg(&request.base)
        .arg(&request.theirs)
        .status();
    match status {
        Ok(status) if status.success() => Ok(Outcome::Success),
        // git merge-file exits with the number of conflicts, or a negative number on error.
        Ok(status) if status.code().is_some_and(|code| code > 0) => Ok(Outcome::Problems),
        Ok(status) => {
            writeln!(err, "hindsight merge: git merge-file failed ({status})")?;
            Ok(Outcome::Unreadable)
        }
        Err(error) => {
            writeln!(
                err,
                "hindsight merge: could not run git merge-file: {error}"
            )?;
            Ok(Outcome::Unreadable)
        }
    }
}
