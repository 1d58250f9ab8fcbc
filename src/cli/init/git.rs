//! What `init` does for git: a `.gitattributes` that has git merge postmortems with
//! `hindsight merge`, and, inside a repository, the merge driver in its config.

use std::io::{self, Write};
use std::path::Path;
use std::process::Command;

use super::writing::{link_target, stays_inside, write_new};
use crate::cli::terminal::terminal_safe;
use crate::cli::{CommandError, Outcome};
use crate::storage;

/// Writes or completes `.gitattributes` and, inside a git repository, sets the merge driver;
/// says what it did on `out`, and marks `outcome` when something could not be done. Returns
/// whether `folder` is inside a git repository.
pub(super) fn set_up(
    folder: &Path,
    out: &mut dyn Write,
    outcome: &mut Outcome,
) -> io::Result<bool> {
    let in_git = git_work_tree(folder);
    let attributes = folder.join(".gitattributes");
    let result = stays_inside(folder, &attributes).and_then(|()| merge_attributes(&attributes));
    report_attributes(&attributes, result, out, outcome)?;
    if in_git {
        match set_merge_driver(folder) {
            Ok(command) => writeln!(
                out,
                "set git's merge driver for postmortems in this repository: {}",
                terminal_safe(&command)
            )?,
            Err(reason) => {
                *outcome = Outcome::Unreadable;
                writeln!(
                    out,
                    "could not set git's merge driver: {}",
                    terminal_safe(&reason.to_string())
                )?;
            }
        }
    }
    Ok(in_git)
}

/// The line of `.gitattributes` that has git merge postmortems with `hindsight merge`.
const MERGE_ATTRIBUTE: &str = "*.ron merge=hindsight";

/// What `init` does to `.gitattributes`.
enum Attributes {
    Created,
    Added,
    AlreadyThere,
}

/// Writes `.gitattributes` with the merge attribute, or adds the attribute to one that lacks
/// it (the team's other lines stay as they are).
fn merge_attributes(path: &Path) -> Result<Attributes, CommandError> {
    let text = format!(
        "# Postmortems merge by their structure (rows, items and fields), not line by line.\n{MERGE_ATTRIBUTE}\n"
    );
    if !path.exists() {
        return write_new(path, text.as_bytes()).map(|_| Attributes::Created);
    }
    let known = storage::read_regular_file(path, ATTRIBUTES_LIMIT).map_err(CommandError::Read)?;
    let known = String::from_utf8_lossy(&known);
    let has_driver = known.lines().any(|line| {
        let mut words = line.split_whitespace();
        words.next() == Some("*.ron") && words.any(|word| word == "merge=hindsight")
    });
    if has_driver {
        return Ok(Attributes::AlreadyThere);
    }
    let separator = if known.is_empty() || known.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    let joined = format!("{known}{separator}{text}");
    storage::atomic_write(path, joined.as_bytes())?;
    Ok(Attributes::Added)
}

/// The largest `.gitattributes` read: far above any real one.
const ATTRIBUTES_LIMIT: u64 = 1024 * 1024;

fn report_attributes(
    path: &Path,
    result: Result<Attributes, CommandError>,
    out: &mut dyn Write,
    outcome: &mut Outcome,
) -> io::Result<()> {
    let shown = path.display().to_string();
    let shown = terminal_safe(&shown);
    match result {
        Ok(Attributes::Created) => writeln!(out, "created {shown}"),
        Ok(Attributes::Added) => match link_target(path) {
            // Written through the link, as editors write: the file it names changed.
            Some(target) => writeln!(
                out,
                "added \"{MERGE_ATTRIBUTE}\" to {shown} (a link: written to {})",
                terminal_safe(&target.display().to_string())
            ),
            None => writeln!(out, "added \"{MERGE_ATTRIBUTE}\" to {shown}"),
        },
        Ok(Attributes::AlreadyThere) => writeln!(out, "kept {shown} (already there)"),
        Err(reason) => {
            *outcome = Outcome::Unreadable;
            writeln!(out, "{shown}: {}", terminal_safe(&reason.to_string()))
        }
    }
}

/// Whether `folder` is inside a git work tree (and git is there to ask).
fn git_work_tree(folder: &Path) -> bool {
    Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(["rev-parse", "--is-inside-work-tree"])
        .output()
        .is_ok_and(|output| output.status.success() && output.stdout.starts_with(b"true"))
}

/// Sets the merge driver in the repository's own config (config is not committed, so each
/// clone sets it once; docs/command-line.md gives the line). Returns the driver's command.
fn set_merge_driver(folder: &Path) -> Result<String, CommandError> {
    let command = format!("{} merge %O %A %B %P", driver_program());
    for (key, value) in [
        (
            "merge.hindsight.name",
            "Hindsight: postmortems by structure",
        ),
        ("merge.hindsight.driver", command.as_str()),
    ] {
        let output = Command::new("git")
            .arg("-C")
            .arg(folder)
            .args(["config", key, value])
            .output()
            .map_err(CommandError::GitMissing)?;
        if !output.status.success() {
            return Err(CommandError::GitRefused(
                String::from_utf8_lossy(&output.stderr).trim().to_owned(),
            ));
        }
    }
    Ok(command)
}

/// How git should call this program: `hindsight` when that name on the PATH is this very
/// program, else its full path (a build not installed), quoted for the shell git runs the
/// driver with.
fn driver_program() -> String {
    let Ok(this) = std::env::current_exe() else {
        return "hindsight".to_owned();
    };
    let on_path = std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path)
            .any(|folder| storage::same_file(&folder.join("hindsight"), &this))
    });
    if on_path {
        return "hindsight".to_owned();
    }
    let full = this.display().to_string();
    format!("'{}'", full.replace('\'', r"'\''"))
}
