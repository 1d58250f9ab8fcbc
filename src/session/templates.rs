//! The templates offered by File → New from template…: the built-in ones, then a team's own
//! (postmortem files in a `.hindsight/templates/` folder at the root of the repository the
//! open document is in, and in a folder the person picked, remembered between runs).

use std::path::{Path, PathBuf};

use crate::model::{BUILTIN_TEMPLATES, Postmortem};
use crate::storage::LoadError;

/// Where a template comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateSource {
    /// One that comes with Hindsight, by its command-line name.
    Builtin(&'static str),
    /// A team's postmortem file kept as a template.
    File(PathBuf),
}

/// One template to choose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateChoice {
    /// Its name in the list.
    pub title: String,
    /// A line on what it is, or where it lives.
    pub description: String,
    /// Where it comes from.
    pub source: TemplateSource,
}

/// The chooser while it is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateChooser {
    /// The templates, built-in first.
    pub choices: Vec<TemplateChoice>,
    /// The one chosen so far.
    pub selected: usize,
    /// Template files that could not be read, with why.
    pub problems: Vec<String>,
    /// The folders the team's templates were looked for in.
    pub folders: Vec<PathBuf>,
}

/// The person's answer in the chooser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateAnswer {
    /// Start a new postmortem from the selected template.
    Create,
    /// Pick a folder of templates.
    PickFolder,
    /// Close the chooser.
    Cancel,
}

pub use crate::model::TEMPLATES_FOLDER;

/// The `.hindsight/templates` folder of the repository `start` is in: the nearest one in
/// `start` or a folder above it.
#[must_use]
pub fn repository_templates(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|folder| folder.join(TEMPLATES_FOLDER))
        .find(|folder| folder.is_dir())
}

impl TemplateChooser {
    /// The chooser offering the built-in templates and the postmortem files in `folders`
    /// (read with `load`; one that fails is listed as a problem, not offered).
    pub fn new(
        folders: Vec<PathBuf>,
        load: impl Fn(&Path) -> Result<Postmortem, LoadError>,
    ) -> Self {
        let mut choices: Vec<TemplateChoice> = BUILTIN_TEMPLATES
            .iter()
            .map(|template| TemplateChoice {
                title: template.title.to_owned(),
                description: template.description.to_owned(),
                source: TemplateSource::Builtin(template.name),
            })
            .collect();
        let mut problems = Vec::new();
        for folder in &folders {
            let Ok(entries) = std::fs::read_dir(folder) else {
                problems.push(format!("{}: cannot be read", folder.display()));
                continue;
            };
            let mut files: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| {
                    path.extension()
                        .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
                })
                .collect();
            files.sort();
            for path in files {
                match load(&path) {
                    Ok(template) => choices.push(TemplateChoice {
                        title: if template.title.trim().is_empty() {
                            path.file_stem()
                                .map_or_else(String::new, |stem| stem.to_string_lossy().into())
                        } else {
                            template.title.clone()
                        },
                        description: path.display().to_string(),
                        source: TemplateSource::File(path),
                    }),
                    Err(reason) => problems.push(reason.to_string()),
                }
            }
        }
        Self {
            choices,
            selected: 0,
            problems,
            folders,
        }
    }
}
