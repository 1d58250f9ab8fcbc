//! `hindsight new --template NAME -o FILE.ron`: a new postmortem laid out by a built-in
//! template or by a team's own (a postmortem file kept as a template), never written over an
//! existing file unless `--force`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::terminal::terminal_safe;
use super::{CommandError, Outcome};
use crate::model::{BUILTIN_TEMPLATES, Postmortem, builtin_template, from_template};
use crate::storage;

/// What `hindsight new` was asked to do.
#[derive(Clone, Debug)]
pub struct NewRequest {
    /// A built-in template's name (`sre-book`) or the path of a postmortem kept as one.
    pub template: String,
    /// Where to write the new postmortem.
    pub output: PathBuf,
    /// Write over a file that is already there.
    pub force: bool,
    /// The new postmortem's date.
    pub today: NaiveDate,
}

/// Runs the command.
pub fn new_document(
    request: &NewRequest,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    match create(request) {
        Ok(()) => {
            writeln!(
                out,
                "{}: new postmortem from the template {}",
                terminal_safe(&request.output.display().to_string()),
                terminal_safe(&request.template)
            )?;
            Ok(Outcome::Success)
        }
        Err(reason) => {
            writeln!(err, "hindsight: {}", terminal_safe(&reason.to_string()))?;
            Ok(Outcome::Unreadable)
        }
    }
}

fn create(request: &NewRequest) -> Result<(), CommandError> {
    if !request.force && request.output.exists() {
        return Err(CommandError::AlreadyThere(request.output.clone()));
    }
    let doc = document_from(&request.template, request.today)?;
    Ok(storage::replace_locked(&request.output, &doc)?)
}

/// The new document a template gives: a built-in one by name, else a postmortem file.
fn document_from(template: &str, today: NaiveDate) -> Result<Postmortem, CommandError> {
    if let Some(builtin) = builtin_template(template) {
        return Ok(builtin.document(today));
    }
    let path = Path::new(template);
    if path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
        || path.exists()
    {
        let template = storage::load(path)?;
        return Ok(from_template(&template, today));
    }
    let names: Vec<&str> = BUILTIN_TEMPLATES
        .iter()
        .map(|template| template.name)
        .collect();
    Err(CommandError::NoSuchTemplate {
        name: template.to_owned(),
        known: names.join(", "),
    })
}
