//! The command-line tools: `hindsight check`, `fmt`, `actions` (and `actions set-ticket`),
//! `attach`, `export`, `timeline-import`, `import`, `new`, `init`, `stats`, `search`, `site`
//! and `merge`. They
//! write to the writers they are given and return an exit code, so tests run them without a
//! process.

mod actions;
mod attach;
mod export;
mod failure;
mod import;
mod init;
mod merge;
mod new;
mod search;
mod set_ticket;
mod site;
mod stats;
mod terminal;
mod timeline_import;

pub use actions::{ActionsRequest, Format, actions};
pub use attach::{AttachRequest, attach};
pub use export::{ExportRequest, export_file};
pub use failure::CommandError;
pub use import::{ImportRequest, import};
pub use init::init;
pub use merge::{MergeRequest, merge_files};
pub use new::{NewRequest, new_document};
pub use search::{SearchRequest, search_command};
pub use set_ticket::set_ticket;
pub use site::{SiteRequest, site};
pub use stats::{StatsFormat, StatsRequest, stats_command};
pub use terminal::{TerminalText, json_safe, terminal_safe};
pub use timeline_import::{TimelineImportRequest, timeline_import};

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::model::{Level, count_levels, plural, validate_with};
use crate::storage::{self, LoadError};

/// How a command-line run ended, as the process exit code scripts and CI read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Everything was fine.
    Success = 0,
    /// Some file has problems in its content (validation errors, or not canonical for
    /// `fmt --check`).
    Problems = 1,
    /// Some file could not be read or parsed.
    Unreadable = 2,
}

impl Outcome {
    /// The process exit code.
    #[must_use]
    pub const fn code(self) -> u8 {
        self as u8
    }
}

/// `hindsight check`: validates each file (under the team's rules in the nearest
/// `hindsight.toml` above it) and reports one line per file, then one line per finding.
/// With `only_postmortems`, files that are not postmortems (other programs' `.ron` files,
/// without a `format_version`) are passed over in silence, as a pre-commit hook over every
/// `.ron` file of a repository needs. With `public`, what the public version would still
/// show that should not be public is an error too.
pub fn check(
    files: &[PathBuf],
    only_postmortems: bool,
    public: bool,
    out: &mut dyn Write,
) -> io::Result<Outcome> {
    let mut outcome = Outcome::Success;
    // Files of one folder share its settings: the folders above are searched once.
    let mut rules_of_folder = std::collections::HashMap::new();
    for path in files {
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let found = rules_of_folder.entry(folder).or_insert_with(|| {
            crate::review::FolderSettings::for_document(path).map(|(settings, _)| settings)
        });
        let settings = match found {
            Ok(settings) => settings.clone(),
            Err(error) => {
                writeln!(out, "{}", terminal_safe(&error.to_string()))?;
                outcome = outcome.max(Outcome::Unreadable);
                continue;
            }
        };
        let doc = match storage::load(path) {
            Ok(doc) => doc,
            Err(LoadError::NotAPostmortem { .. }) if only_postmortems => continue,
            Err(error) => {
                writeln!(out, "{}", terminal_safe(&error.to_string()))?;
                outcome = outcome.max(Outcome::Unreadable);
                continue;
            }
        };
        let mut findings = validate_with(&doc, &settings.rules());
        findings.extend(storage::folder_findings(path, &doc));
        if public {
            findings.extend(public_findings(&doc, &settings.public_rules()));
        }
        findings.sort_by_key(|finding| finding.level);
        let (errors, warnings) = count_levels(&findings);
        let verdict = if errors == 0 {
            "ok".to_owned()
        } else {
            outcome = outcome.max(Outcome::Problems);
            plural(errors, "error")
        };
        writeln!(
            out,
            "{}: {verdict} \u{2014} {}, {}, {}, {}",
            terminal_safe(&path.display().to_string()),
            plural(doc.timeline.len(), "timeline row"),
            plural(doc.action_items.len(), "action item"),
            plural(errors, "error"),
            plural(warnings, "warning"),
        )?;
        for finding in &findings {
            let level = match finding.level {
                Level::Error => "error",
                Level::Warning => "warning",
            };
            writeln!(
                out,
                "  {level}: {} [{}]",
                terminal_safe(&finding.message),
                terminal_safe(&finding.place.to_string())
            )?;
        }
    }
    Ok(outcome)
}

/// How a public version is asked for on the command line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Publication {
    /// Publish even what `check --public` flags.
    pub allow_leaks: bool,
}

/// The public version of `doc` (read from `path`, named `name` in messages), under the
/// rules of the nearest `hindsight.toml`. While it still shows what should not be public,
/// each such thing is named on `err` and the document is refused (exit 1), unless
/// `publication` allows it.
pub fn publish(
    path: &Path,
    name: &str,
    doc: &crate::model::Postmortem,
    publication: Publication,
    err: &mut dyn Write,
) -> io::Result<Result<crate::model::Postmortem, Outcome>> {
    let rules = match crate::review::FolderSettings::for_document(path) {
        Ok((settings, _)) => settings.public_rules(),
        Err(error) => {
            writeln!(err, "hindsight: {}", terminal_safe(&error.to_string()))?;
            return Ok(Err(Outcome::Unreadable));
        }
    };
    publish_under(&rules, name, doc, publication, err)
}

/// The public version of `doc` under `rules`, as [`publish`] makes it.
fn publish_under(
    rules: &crate::model::PublicRules,
    name: &str,
    doc: &crate::model::Postmortem,
    publication: Publication,
    err: &mut dyn Write,
) -> io::Result<Result<crate::model::Postmortem, Outcome>> {
    let leaks = crate::model::public_leaks(doc, rules);
    for leak in &leaks {
        let line = format!("{name}: {}", public_leak_message(leak));
        writeln!(err, "hindsight: {}", terminal_safe(&line))?;
    }
    if !leaks.is_empty() && !publication.allow_leaks {
        let line = format!(
            "{name}: not published; mark those parts internal, list the words to redact, or pass --allow-leaks"
        );
        writeln!(err, "hindsight: {}", terminal_safe(&line))?;
        return Ok(Err(Outcome::Problems));
    }
    Ok(Ok(crate::model::public_version(doc, rules)))
}

/// What the public version of `doc` would still show, as errors: each names what it is and
/// quotes it.
fn public_findings(
    doc: &crate::model::Postmortem,
    rules: &crate::model::PublicRules,
) -> Vec<crate::model::Finding> {
    crate::model::public_leaks(doc, rules)
        .into_iter()
        .map(|leak| crate::model::Finding {
            level: Level::Error,
            message: public_leak_message(&leak),
            place: leak.place,
        })
        .collect()
}

/// A leak in words: `the public version would show an e-mail address: "ops@example.org" (in
/// Resolution)`.
#[must_use]
pub fn public_leak_message(leak: &crate::model::Leak) -> String {
    let kind = leak.kind.label();
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!(
        "the public version would show {article} {kind}: \"{}\" (in {})",
        leak.text, leak.field
    )
}

/// `hindsight fmt`: rewrites each file in the canonical form the editor saves, or with
/// `check_only` reports the files that are not in it and changes nothing. With
/// `only_postmortems`, files that are not postmortems are passed over in silence.
pub fn fmt(
    files: &[PathBuf],
    check_only: bool,
    only_postmortems: bool,
    out: &mut dyn Write,
) -> io::Result<Outcome> {
    let mut outcome = Outcome::Success;
    for path in files {
        match format_one(path, check_only) {
            Ok(FormatResult::NotAPostmortem(_)) if only_postmortems => {}
            Ok(FormatResult::AlreadyCanonical) => {}
            Ok(FormatResult::NotCanonical) => {
                let path = path.display().to_string();
                writeln!(out, "{}: not in canonical form", terminal_safe(&path))?;
                outcome = outcome.max(Outcome::Problems);
            }
            Ok(FormatResult::Rewritten) => {
                let path = path.display().to_string();
                writeln!(out, "{}: formatted", terminal_safe(&path))?;
            }
            Ok(FormatResult::NotAPostmortem(error)) => {
                writeln!(out, "{}", terminal_safe(&error.to_string()))?;
                outcome = outcome.max(Outcome::Unreadable);
            }
            Err(error) => {
                writeln!(out, "{}", terminal_safe(&error.to_string()))?;
                outcome = outcome.max(Outcome::Unreadable);
            }
        }
    }
    Ok(outcome)
}

enum FormatResult {
    NotAPostmortem(LoadError),
    AlreadyCanonical,
    NotCanonical,
    Rewritten,
}

fn format_one(path: &std::path::Path, check_only: bool) -> Result<FormatResult, CommandError> {
    // Read and written under the file's lock: what is written is the canonical form of what
    // was just read, never of an older read.
    let result = storage::update(path, |held| -> Result<_, CommandError> {
        let canonical = storage::to_canonical_ron(&held.doc)?;
        Ok(if held.bytes == canonical.as_bytes() {
            (None, FormatResult::AlreadyCanonical)
        } else if check_only {
            (None, FormatResult::NotCanonical)
        } else {
            (Some(canonical), FormatResult::Rewritten)
        })
    });
    match result {
        Ok(result) => Ok(result),
        Err(storage::UpdateError::Load(error @ LoadError::NotAPostmortem { .. })) => {
            Ok(FormatResult::NotAPostmortem(error))
        }
        Err(error) => Err(error.into()),
    }
}

/// Every postmortem below `folder`, with the files that could not be read reported on `err`
/// (the rest are still used); `None`, said on `err`, when the folder itself cannot be read.
fn postmortems_in(
    folder: &std::path::Path,
    err: &mut dyn Write,
) -> io::Result<Option<(crate::review::Postmortems, crate::review::Unreadable)>> {
    match crate::review::read_postmortems(folder) {
        Ok((docs, unreadable)) => {
            for (_, reason) in &unreadable {
                writeln!(err, "hindsight: skipped {}", terminal_safe(reason))?;
            }
            Ok(Some((docs, unreadable)))
        }
        Err(error) => {
            writeln!(
                err,
                "hindsight: cannot read the folder {}: {error}",
                folder.display()
            )?;
            Ok(None)
        }
    }
}
