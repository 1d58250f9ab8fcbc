//! `hindsight search DIR QUERY…`: the postmortems below a folder whose text matches, best
//! first, with the fields that match and a snippet of each.

use std::io::{self, Write};
use std::path::PathBuf;

use super::{Outcome, terminal_safe};
use crate::review::{SearchQuery, search};

/// What `hindsight search` was asked for.
#[derive(Clone, Debug)]
pub struct SearchRequest {
    /// The folder to read.
    pub folder: PathBuf,
    /// The query: words, and phrases in double quotes.
    pub query: String,
    /// Print one JSON array instead of lines for a terminal.
    pub json: bool,
}

/// Runs the command: exit 0 (with or without matches), or 2 when the query is empty or
/// something could not be read (the rest is still searched).
pub fn search_command(
    request: &SearchRequest,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let query = SearchQuery::parse(&request.query);
    if query.is_empty() {
        writeln!(err, "hindsight: the query has no words to look for")?;
        return Ok(Outcome::Unreadable);
    }
    let Some((docs, unreadable)) = super::postmortems_in(&request.folder, err)? else {
        return Ok(Outcome::Unreadable);
    };
    let hits = search(&docs, &query);
    if request.json {
        serde_json::to_writer_pretty(&mut *out, &hits).map_err(io::Error::other)?;
        writeln!(out)?;
    } else if hits.is_empty() {
        writeln!(out, "No postmortem matches.")?;
    } else {
        for hit in &hits {
            writeln!(
                out,
                "{}: {}",
                terminal_safe(&hit.file),
                terminal_safe(&hit.title)
            )?;
            for found in &hit.matches {
                writeln!(
                    out,
                    "  {}: {}",
                    terminal_safe(&found.field),
                    terminal_safe(&found.snippet)
                )?;
            }
        }
    }
    Ok(if unreadable.is_empty() {
        Outcome::Success
    } else {
        Outcome::Unreadable
    })
}
