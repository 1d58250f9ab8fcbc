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
    // The header is the first line that is not blank; a return alone ends a line too.
    let first = text
        .split(['\r', '\n'])
        .find(|line| !line.trim().is_empty())?;
    // A header row of names: commas between them, no spaces run into a sentence.
    if !first.contains(',') || first.contains('\t') || first.trim_start().starts_with('|') {
        return None;
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    // The lines above it are blank, so the header's text is found first where it is.
    let header_line = text.find(first).map_or(1, |start| line_of(text, start));
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
        let start = usize::try_from(position.byte()).ok()?;
        // The CSV reader counts lines by line feeds alone; a carriage return alone ends a
        // line too (old Mac files), as everywhere else a paste is read.
        let line = line_of(text, start);
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
        // A record of white space alone (a line of a vertical tab) is a blank line.
        if cells.iter().all(String::is_empty) {
            continue;
        }
        rows.push((line, source, cells));
    }
    if rows.is_empty() {
        return None;
    }
    let mut paste = super::parse_table(&header, &rows);
    paste.unused.insert(
        0,
        super::UnusedLine {
            line: header_line,
            text: first.to_owned(),
            reason: super::UnusedReason::TableHeader,
        },
    );
    Some(paste)
}

/// The line, counted from 1, that byte `at` of `text` is on: a line ends at a line feed, a
/// carriage return and line feed, or a carriage return alone.
fn line_of(text: &str, at: usize) -> usize {
    let before = text.get(..at).unwrap_or(text);
    // A return and a feed together end one line.
    before.matches(['\r', '\n']).count() - before.matches("\r\n").count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_keep_their_lines_when_a_return_alone_ends_them() {
        let text = "Author,Date,Content\r\"a\",\"04-Jan-20 09:23 AM\",\"hi\"\r\u{b}\r\
                    \"b\",\"04-Jan-20 09:25 AM\",\"yo\"\r\n";
        let paste = csv_export(text).expect("a CSV export");
        let lines: Vec<Vec<usize>> = paste.rows.iter().map(|row| row.lines.clone()).collect();
        assert_eq!(lines, [vec![2], vec![4]]);
        assert_eq!(line_of("a\r\nb\rc\nd", 7), 4);
    }

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
