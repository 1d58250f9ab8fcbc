//! `hindsight init DIR`: sets up a repository for a team's postmortems: a README for the
//! team, `hindsight.toml` and `owners.toml` to fill in, the `.hindsight/templates/` folder
//! with a first template, a `.gitignore` for cut-off saves, the pre-commit hooks, and a
//! `.gitattributes` that has git merge postmortems with `hindsight merge`; inside a git
//! repository it also sets that merge driver in the repository's config. A file that is
//! already there is left alone and named (`.gitattributes` only gains the merge line).

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;

use super::Outcome;
use super::terminal::terminal_safe;
use crate::model::{TEMPLATES_FOLDER, builtin_template};
use crate::storage;

/// The template `init` puts in `.hindsight/templates/`: the SRE book's layout, which the
/// team adapts (its sections become the hints of every new postmortem).
const FIRST_TEMPLATE: &str = "sre-book";

/// The files `init` writes, relative to the folder, with their contents.
const FILES: [(&str, &str); 5] = [
    ("README.md", include_str!("init_files/README.md")),
    ("hindsight.toml", include_str!("init_files/hindsight.toml")),
    ("owners.toml", include_str!("init_files/owners.toml")),
    (".gitignore", include_str!("init_files/gitignore")),
    (
        ".pre-commit-config.yaml",
        include_str!("init_files/pre-commit-config.yaml"),
    ),
];

/// Runs the command: creates `folder` if needed and writes what is missing in it.
pub fn init(folder: &Path, today: NaiveDate, out: &mut dyn Write) -> io::Result<Outcome> {
    let mut outcome = Outcome::Success;
    let mut report = |path: &Path, result: Result<bool, String>, out: &mut dyn Write| {
        let path = path.display().to_string();
        let shown = terminal_safe(&path);
        match result {
            Ok(true) => writeln!(out, "created {shown}"),
            Ok(false) => match link_target(Path::new(&path)) {
                Some(target) => writeln!(
                    out,
                    "kept {shown} (already there: a link to {})",
                    terminal_safe(&target.display().to_string())
                ),
                None => writeln!(out, "kept {shown} (already there)"),
            },
            Err(reason) => {
                outcome = Outcome::Unreadable;
                writeln!(out, "{}", terminal_safe(&reason))
            }
        }
    };
    let templates = folder.join(TEMPLATES_FOLDER);
    // A folder that is already there as a link to somewhere else is not written into.
    for sub in [".hindsight", TEMPLATES_FOLDER, "postmortems"] {
        let sub = folder.join(sub);
        if let Some(real) = outside(folder, &sub.join("x")) {
            writeln!(
                out,
                "{}",
                terminal_safe(&format!(
                    "{}: a link out of {} (to {}); nothing is written through it",
                    sub.display(),
                    folder.display(),
                    real.display()
                ))
            )?;
            return Ok(Outcome::Unreadable);
        }
    }
    if let Err(error) = std::fs::create_dir_all(&templates) {
        writeln!(
            out,
            "{}",
            terminal_safe(&format!("{}: {error}", templates.display()))
        )?;
        return Ok(Outcome::Unreadable);
    }
    let keep = folder.join("postmortems/.gitkeep");
    let result = std::fs::create_dir_all(folder.join("postmortems"))
        .map_err(|error| format!("{}: {error}", folder.join("postmortems").display()))
        .and_then(|()| stays_inside(folder, &keep))
        .and_then(|()| keep_file(&keep).map_err(|error| format!("{}: {error}", keep.display())));
    if let Err(reason) = result {
        report(&keep, Err(reason), out)?;
    }
    for (name, text) in FILES {
        let path = folder.join(name);
        let result = stays_inside(folder, &path).and_then(|()| write_new(&path, text.as_bytes()));
        report(&path, result, out)?;
    }
    let template = templates.join("team.ron");
    let result = stays_inside(folder, &template).and_then(|()| {
        if template.exists() {
            Ok(false)
        } else {
            first_template(&template, today).map(|()| true)
        }
    });
    report(&template, result, out)?;
    let in_git = git_work_tree(folder);
    let attributes = folder.join(".gitattributes");
    let result = stays_inside(folder, &attributes).and_then(|()| merge_attributes(&attributes));
    report_attributes(&attributes, result, out, &mut outcome)?;
    if in_git {
        match set_merge_driver(folder) {
            Ok(command) => writeln!(
                out,
                "set git's merge driver for postmortems in this repository: {}",
                terminal_safe(&command)
            )?,
            Err(reason) => {
                outcome = Outcome::Unreadable;
                writeln!(
                    out,
                    "could not set git's merge driver: {}",
                    terminal_safe(&reason)
                )?;
            }
        }
    }
    if outcome == Outcome::Success {
        writeln!(
            out,
            "A postmortem repository is ready in {}. Next: {}pre-commit install, and hindsight new --template {} -o postmortems/FIRST.ron",
            terminal_safe(&folder.display().to_string()),
            if in_git {
                ""
            } else {
                "git init and hindsight init again (to set git's merge driver for postmortems), "
            },
            terminal_safe(
                &PathBuf::from(TEMPLATES_FOLDER)
                    .join("team.ron")
                    .display()
                    .to_string()
            ),
        )?;
    }
    Ok(outcome)
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
fn merge_attributes(path: &Path) -> Result<Attributes, String> {
    let text = format!(
        "# Postmortems merge by their structure (rows, items and fields), not line by line.\n{MERGE_ATTRIBUTE}\n"
    );
    if !path.exists() {
        return write_new(path, text.as_bytes()).map(|_| Attributes::Created);
    }
    let known =
        storage::read_regular_file(path, ATTRIBUTES_LIMIT).map_err(|error| error.to_string())?;
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
    storage::atomic_write(path, joined.as_bytes())
        .map(|()| Attributes::Added)
        .map_err(|error| error.to_string())
}

/// The largest `.gitattributes` read: far above any real one.
const ATTRIBUTES_LIMIT: u64 = 1024 * 1024;

fn report_attributes(
    path: &Path,
    result: Result<Attributes, String>,
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
            writeln!(out, "{shown}: {}", terminal_safe(&reason))
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
/// clone sets it once; the README gives the line). Returns the driver's command.
fn set_merge_driver(folder: &Path) -> Result<String, String> {
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
            .map_err(|error| format!("git config: {error}"))?;
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
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

/// Refuses a file whose folder, once links are followed, is not inside `folder`: a
/// `postmortems` that is a link to another folder would have `init` write there.
fn stays_inside(folder: &Path, path: &Path) -> Result<(), String> {
    match outside(folder, path) {
        Some(real) => Err(format!(
            "{}: not written: its folder is a link out of {} (to {})",
            path.display(),
            folder.display(),
            real.display()
        )),
        None => Ok(()),
    }
}

/// Where `path`'s folder really is, when following links there leaves `folder`.
fn outside(folder: &Path, path: &Path) -> Option<PathBuf> {
    let root = folder.canonicalize().ok()?;
    let parent = path.parent()?.canonicalize().ok()?;
    (!parent.starts_with(&root)).then_some(parent)
}

/// Where `path` leads when it is a symbolic link.
fn link_target(path: &Path) -> Option<PathBuf> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink());
    is_link.then(|| {
        path.canonicalize()
            .or_else(|_| std::fs::read_link(path))
            .ok()
    })?
}

/// Writes `path` unless it is there; whether it wrote it.
fn write_new(path: &Path, bytes: &[u8]) -> Result<bool, String> {
    if path.exists() {
        return Ok(false);
    }
    storage::atomic_write(path, bytes)
        .map(|()| true)
        .map_err(|error| error.to_string())
}

/// An empty file that keeps an empty folder in git.
fn keep_file(path: &Path) -> io::Result<()> {
    if path.exists() {
        Ok(())
    } else {
        std::fs::write(path, b"")
    }
}

/// The team's first template: the SRE book's layout, titled so that `check` passes on it.
fn first_template(path: &Path, today: NaiveDate) -> Result<(), String> {
    let Some(builtin) = builtin_template(FIRST_TEMPLATE) else {
        return Err(format!("no built-in template {FIRST_TEMPLATE}"));
    };
    let mut doc = builtin.document(today);
    "Our postmortem template".clone_into(&mut doc.title);
    storage::save(path, &doc).map_err(|error| error.to_string())
}
