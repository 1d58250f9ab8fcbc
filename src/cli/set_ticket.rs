//! `hindsight actions set-ticket FILE ID URL`: records where an action item is tracked, so
//! the next tracker export skips it.

use std::io::{self, Write};
use std::path::Path;

use super::terminal::terminal_safe;
use super::{CommandError, Outcome};
use crate::storage;

/// Sets the ticket of the item whose ID is or starts with `id`; the file is saved atomically
/// in canonical form.
pub fn set_ticket(
    file: &Path,
    id: &str,
    url: &str,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    match record(file, id, url) {
        Ok(short) => {
            writeln!(
                out,
                "{}: action item {short} is tracked in {}",
                terminal_safe(&file.display().to_string()),
                terminal_safe(url.trim())
            )?;
            Ok(Outcome::Success)
        }
        Err(reason) => {
            writeln!(err, "hindsight: {}", terminal_safe(&reason.to_string()))?;
            Ok(Outcome::Unreadable)
        }
    }
}

fn record(file: &Path, id: &str, url: &str) -> Result<String, CommandError> {
    let url = url.trim();
    if url.is_empty() {
        return Err(CommandError::EmptyTicket);
    }
    let wanted = id.trim().to_lowercase().replace('-', "");
    if wanted.len() < 4 {
        return Err(CommandError::IdTooShort(id.to_owned()));
    }
    // Found and changed in the file as it is under its lock, so fifty of these at once
    // each keep their ticket.
    storage::update(file, |held| {
        let mut doc = held.doc;
        let matching: Vec<usize> = doc
            .action_items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.id.to_string().replace('-', "").starts_with(&wanted))
            .map(|(index, _)| index)
            .collect();
        let index = match matching.as_slice() {
            [index] => *index,
            [] => {
                return Err(CommandError::NoSuchItem {
                    file: file.to_owned(),
                    id: id.to_owned(),
                });
            }
            _ => {
                return Err(CommandError::AmbiguousItem {
                    file: file.to_owned(),
                    id: id.to_owned(),
                    count: matching.len(),
                });
            }
        };
        let item = &mut doc.action_items[index];
        url.clone_into(&mut item.ticket_url);
        let short = item.id.short();
        let text = storage::to_canonical_ron(&doc)?;
        Ok((Some(text), short))
    })
    .map_err(CommandError::from)
}
