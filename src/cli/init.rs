//! `hindsight init DIR`: sets up a repository for a team's postmortems: a README for the
//! team, `hindsight.toml` and `owners.toml` to fill in, the `.hindsight/templates/` folder
//! with a first template, a `.gitignore` for cut-off saves, and the pre-commit hooks. A file
//! that is already there is left alone and named.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

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
            Ok(false) => writeln!(out, "kept {shown} (already there)"),
            Err(reason) => {
                outcome = Outcome::Unreadable;
                writeln!(out, "{}", terminal_safe(&reason))
            }
        }
    };
    let templates = folder.join(TEMPLATES_FOLDER);
    if let Err(error) = std::fs::create_dir_all(&templates) {
        writeln!(
            out,
            "{}",
            terminal_safe(&format!("{}: {error}", templates.display()))
        )?;
        return Ok(Outcome::Unreadable);
    }
    std::fs::create_dir_all(folder.join("postmortems"))
        .and_then(|()| keep_file(&folder.join("postmortems/.gitkeep")))
        .or_else(|error| writeln!(out, "{}: {error}", folder.join("postmortems").display()))?;
    for (name, text) in FILES {
        let path = folder.join(name);
        let result = write_new(&path, text.as_bytes());
        report(&path, result, out)?;
    }
    let template = templates.join("team.ron");
    let result = if template.exists() {
        Ok(false)
    } else {
        first_template(&template, today).map(|()| true)
    };
    report(&template, result, out)?;
    if outcome == Outcome::Success {
        writeln!(
            out,
            "A postmortem repository is ready in {}. Next: git init (if it is not a repository yet), pre-commit install, and hindsight new --template {} -o postmortems/FIRST.ron",
            terminal_safe(&folder.display().to_string()),
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
