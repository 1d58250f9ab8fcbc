//! A chat exported as CSV (Discord's exporter, a spreadsheet saved from a chat tool): a
//! header naming a time or date column and a text column (`Author,Date,Content`), then one
//! record a message, whose quoted text may run over several lines. Read as a table is, each
//! row keeping the line its record starts on.

use super::ChatPaste;
use super::table_rows::header_meanings;

/// `text` read as a chat exported to CSV, when it is one: a header of at least two names
/// that say where the time and the text are, and at least one record. `None` for any
/// other text, which is read line by line.
#[must_use]
pub fn csv_export(text: &str) -> Option<ChatPaste> {
    let first = text.lines().next()?;
    // A header row of names: commas between them, no spaces run into a sentence.
    if !first.contains(',') || first.contains('\t') || first.trim_start().starts_with('|') {
        return None;
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .ok()?
        .iter()
        .map(|name| name.trim().to_owned())
        .collect();
    if header.len() < 2
        || header
            .iter()
            .any(|name| name.split_whitespace().count() > 4)
    {
        return None;
    }
    header_meanings(&header)?;
    let mut rows = Vec::new();
    let mut records = reader.records().peekable();
    while let Some(record) = records.next() {
        let record = record.ok()?;
        let position = record.position()?;
        let line = usize::try_from(position.line()).ok()?;
        let start = usize::try_from(position.byte()).ok()?;
        let end = match records.peek() {
            Some(Ok(next)) => next
                .position()
                .and_then(|next| usize::try_from(next.byte()).ok())
                .unwrap_or(text.len()),
            _ => text.len(),
        };
        let source = text
            .get(start..end)
            .unwrap_or_default()
            .trim_end()
            .to_owned();
        let cells: Vec<String> = record.iter().map(|cell| cell.trim().to_owned()).collect();
        rows.push((line, source, cells));
    }
    if rows.is_empty() {
        return None;
    }
    let mut paste = super::parse_table(&header, &rows);
    paste.unused.insert(
        0,
        super::UnusedLine {
            line: 1,
            text: first.to_owned(),
            reason: super::UnusedReason::TableHeader,
        },
    );
    Some(paste)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_discord_export_in_csv_is_a_row_a_message_with_its_author_and_whole_text() {
        let text = "AuthorID,Author,Date,Content,Attachments,Reactions\n\
                    \"4014\",\"zatJUM#9924\",\"04-Jan-20 09:23 AM\",\"@dukeleto I have an issue:```\n\
                    [HUSH3] matched.1 VALID\n\
                    komodod: Assertion failed.```\",\"\",\"\"\n\
                    \"2492\",\"PHBA2061#2530\",\"04-Jan-20 09:57 AM\",\"don't update it just yet\",\"\",\"\"\n";
        let paste = csv_export(text).expect("a CSV export");
        assert_eq!(paste.rows.len(), 2);
        let first = &paste.rows[0];
        assert_eq!(first.actor.as_deref(), Some("zatJUM#9924"));
        assert!(
            first.event.contains("komodod: Assertion failed."),
            "{}",
            first.event
        );
        assert_eq!(first.lines, [2]);
        let clock = first.clock.expect("a time");
        assert_eq!(
            clock.time,
            chrono::NaiveTime::from_hms_opt(9, 23, 0).unwrap()
        );
        assert!(clock.date.is_some());
        assert_eq!(paste.rows[1].lines, [5]);
        assert_eq!(paste.unused[0].line, 1, "the header is listed");
    }

    #[test]
    fn other_text_with_commas_is_no_csv_export() {
        for text in [
            "14:03 alice: restarted, then paged bob\n14:05 bob: ack, looking\n",
            "Name,Role\nDana,IC\n",
            "When the deploy failed, we rolled back, and then we paged\n",
        ] {
            assert!(csv_export(text).is_none(), "{text}");
        }
    }
}
