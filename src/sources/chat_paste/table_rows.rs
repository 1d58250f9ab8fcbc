//! Rows of a table pasted as text: Markdown (`| 14:51 | event | notes |`) and rows copied
//! from a spreadsheet or a document's table, which arrive tab-separated. A header row says
//! which column is which; without one the columns are time, event, then notes.

use super::{PastedRow, Reader, UnusedReason};
use crate::model::{
    Offset, PasteZone, PastedDate, WrittenDay, WrittenTime, read_clock, read_date_line, read_offset,
};

/// What a column of a pasted table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnMeaning {
    /// The date of the row.
    Date,
    /// The time (or date and time).
    Time,
    /// What happened.
    Event,
    /// Notes beside it.
    Notes,
    /// Who did it.
    Actor,
    /// A link to where it can be seen.
    Evidence,
    /// Something else, kept in the notes under its header.
    Other,
}

/// What one table row's cells say, each read by its column's meaning.
#[derive(Default)]
pub struct RowCells<'a> {
    /// The date column's date.
    pub date: Option<PastedDate>,
    /// The time column's time.
    pub clock: Option<WrittenTime>,
    /// The column the time was read from: a table may give each time column a zone of its
    /// own (`| NZST | UTC | Event |`).
    pub clock_column: Option<usize>,
    /// A time written as an offset (`+1 hrs`).
    pub offset: Option<Offset>,
    /// A date or time cell that holds a date, as written: the row's date when it has no
    /// time of day.
    pub written_date: Option<&'a str>,
    /// The event's cells.
    pub event: Vec<String>,
    /// The cells kept in the notes.
    pub notes: Vec<String>,
    /// Who did it.
    pub actor: Option<String>,
    /// The first link column.
    pub evidence: String,
}

impl<'a> RowCells<'a> {
    /// Reads `cells` by `meanings`.
    #[must_use]
    pub fn read(meanings: &[ColumnMeaning], cells: &'a [String]) -> Self {
        let mut row = Self::default();
        for (index, cell) in cells.iter().enumerate() {
            let meaning = meanings.get(index).copied().unwrap_or(ColumnMeaning::Other);
            if cell.is_empty() {
                continue;
            }
            match meaning {
                ColumnMeaning::Date => {
                    row.date = read_date_line(cell).map(|(date, _)| date);
                    row.written_date = row.written_date.or(row.date.map(|_| cell.as_str()));
                    // A date column whose cells carry the time too (`2025-03-11 21:52`).
                    if row.date.is_none() {
                        row.clock = row.clock.or_else(|| read_clock(cell).map(|(c, _)| c));
                    }
                    // A day written in a form no reader here knows (`08-04` under `Date
                    // (2026)`) still dates the row as written.
                    if row.clock.is_none() && cell.chars().any(|c| c.is_ascii_digit()) {
                        row.written_date = row.written_date.or(Some(cell.as_str()));
                    }
                }
                ColumnMeaning::Time => {
                    let mut used = false;
                    if row.clock.is_none() {
                        row.clock = crate::model::read_time_cell(cell).map(|(clock, _)| clock);
                        row.clock_column = row.clock.map(|_| index);
                        used = row.clock.is_some();
                    }
                    if row.offset.is_none() {
                        row.offset = read_offset(cell).map(|(offset, _)| offset);
                        used |= row.offset.is_some();
                    }
                    if row.written_date.is_none() && read_date_line(cell).is_some() {
                        row.written_date = Some(cell.as_str());
                        used = true;
                    }
                    // A second time column's cell (the same moment in another zone), or
                    // one that does not read (`2026-06-20, 2026-06-21`), stays in the notes.
                    if !used && cell.chars().any(char::is_alphanumeric) {
                        row.notes.push(cell.clone());
                    }
                }
                ColumnMeaning::Event => row.event.push(cell.clone()),
                // A second link column is kept in the notes.
                ColumnMeaning::Evidence if row.evidence.is_empty() => {
                    row.evidence.clone_from(cell);
                }
                ColumnMeaning::Notes | ColumnMeaning::Other | ColumnMeaning::Evidence => {
                    row.notes.push(cell.clone());
                }
                ColumnMeaning::Actor => row.actor = Some(cell.clone()),
            }
        }
        row
    }
}

/// The cells of a line that is a table row, or `None` when it is not one.
#[must_use]
pub fn table_cells(line: &str) -> Option<Vec<String>> {
    let trimmed = line.trim();
    // A row written without its leading pipe, as Markdown allows (`clarkb | hi | 19:00 |`),
    // closes with one.
    let open = trimmed.strip_prefix('|').or_else(|| {
        (trimmed.len() > 1 && trimmed.ends_with('|') && trimmed.matches('|').count() >= 2)
            .then_some(trimmed)
    });
    if let Some(inner) = open {
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        return Some(
            inner
                .split('|')
                .map(|cell| cell.trim().to_owned())
                .collect(),
        );
    }
    if line.contains('\t') {
        let cells: Vec<String> = line
            .split('\t')
            .map(|cell| cell.trim().to_owned())
            .collect();
        if cells.iter().filter(|cell| !cell.is_empty()).count() >= 2 {
            return Some(cells);
        }
    }
    None
}

/// Whether the cells are a Markdown rule under a header: `|---|:--:|`.
#[must_use]
pub fn is_rule(cells: &[String]) -> bool {
    cells.iter().all(|cell| {
        let dashes = cell.trim_matches(':');
        !dashes.is_empty() && dashes.chars().all(|c| c == '-')
    })
}

/// The meanings of a header row's cells, or `None` when the row is not a header (no cell
/// names a time, an event or a column a timeline has).
#[must_use]
pub fn header_meanings(cells: &[String]) -> Option<Vec<ColumnMeaning>> {
    let mut meanings: Vec<ColumnMeaning> = cells.iter().map(|cell| meaning_of(cell)).collect();
    // `| Date | Time | State |`: beside a column of times, the first column no name places
    // holds what happened — in a row of names only: a row of the table itself holds a time
    // or a date, and a cell that is a zone's abbreviation (`| … | Gst |`) may be a name.
    let names_a_time = cells.iter().zip(&meanings).any(|(cell, meaning)| {
        *meaning == ColumnMeaning::Time && crate::model::zone_named(cell.trim()).is_none()
    }) && cells
        .iter()
        .all(|cell| read_clock(cell).is_none() && read_date_line(cell).is_none());
    let names_no_text = !meanings
        .iter()
        .any(|meaning| matches!(meaning, ColumnMeaning::Event | ColumnMeaning::Notes));
    if names_a_time
        && names_no_text
        && let Some(first_other) = meanings
            .iter_mut()
            .find(|meaning| **meaning == ColumnMeaning::Other)
    {
        *first_other = ColumnMeaning::Event;
    }
    // A date column alone is a story told by the day.
    let knows_time = meanings
        .iter()
        .any(|meaning| matches!(meaning, ColumnMeaning::Time | ColumnMeaning::Date));
    let knows_text = meanings
        .iter()
        .any(|meaning| matches!(meaning, ColumnMeaning::Event | ColumnMeaning::Notes));
    (knows_time && knows_text).then_some(meanings)
}

fn meaning_of(header: &str) -> ColumnMeaning {
    let header = header
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c == ':')
        .to_lowercase();
    // A column headed by a zone alone (`NZST`, `UTC`, `PT`) holds times in that zone.
    if crate::model::zone_named(&header).is_some() {
        return ColumnMeaning::Time;
    }
    let header = header.split(['(', '[']).next().unwrap_or_default().trim();
    // "Event / action", "Notes & context": the first part that names a column; "Time UTC",
    // "Date and time in CET": the words before the zone.
    std::iter::once(header)
        .chain(header.split(['/', '&', ',']).map(str::trim))
        .chain(std::iter::once(zone_at_end(header).0))
        .map(meaning_of_words)
        .find(|meaning| *meaning != ColumnMeaning::Other)
        .unwrap_or(ColumnMeaning::Other)
}

/// A column's meaning by its name, in English or in the other languages postmortems are
/// written in (`| Date | Événement |`, `| Uhrzeit | Ereignis |`, `| Hora | Descripción |`).
fn meaning_of_words(header: &str) -> ColumnMeaning {
    match header {
        "date" | "day" | "datum" | "fecha" | "data" | "jour" | "día" | "dia" | "dag" | "giorno" => {
            ColumnMeaning::Date
        }
        "time" | "when" | "timestamp" | "time (utc)" | "date/time" | "datetime"
        | "date and time" | "utc" | "local time" | "at" | "heure" | "horodatage"
        | "date et heure" | "zeit" | "uhrzeit" | "zeitpunkt" | "hora" | "fecha y hora"
        | "data e hora" | "ora" | "orario" | "tijd" | "tijdstip" | "tid" | "tidspunkt"
        | "klockslag" => ColumnMeaning::Time,
        "event"
        | "what"
        | "what happened"
        | "description"
        | "message"
        | "summary"
        | "action"
        | "activity"
        | "update"
        | "text"
        | "content"
        | "body"
        | "événement"
        | "évènement"
        | "evenement"
        | "description de l'événement"
        | "ereignis"
        | "beschreibung"
        | "vorgang"
        | "evento"
        | "descripción"
        | "descrição"
        | "descrizione"
        | "gebeurtenis"
        | "beschrijving"
        | "händelse"
        | "hendelse"
        | "begivenhed"
        | "beskrivning"
        | "beskrivelse"
        | "událost"
        | "zdarzenie"
        | "opis" => ColumnMeaning::Event,
        "notes" | "note" | "details" | "detail" | "comment" | "comments" | "impact" | "context"
        | "remarque" | "remarques" | "commentaire" | "commentaires" | "détails" | "bemerkung"
        | "bemerkungen" | "kommentar" | "notas" | "nota" | "observaciones" | "observações"
        | "opmerking" | "opmerkingen" => ColumnMeaning::Notes,
        "actor" | "who" | "by" | "owner" | "person" | "user" | "author" | "responder" | "agent"
        | "name" | "from" | "qui" | "par" | "auteur" | "acteur" | "wer" | "quién" | "quem"
        | "chi" | "wie" | "vem" | "hvem" => ColumnMeaning::Actor,
        "evidence" | "link" | "links" | "source" | "url" | "graph" | "dashboard" | "lien"
        | "liens" | "preuve" | "quelle" | "fuente" | "fonte" | "bron" => ColumnMeaning::Evidence,
        _ => ColumnMeaning::Other,
    }
}

/// The zone a header names for its time column: `Time (UTC)`, `When [PDT]`, `Time in CET`.
#[must_use]
pub fn header_zone(cells: &[String], meanings: &[ColumnMeaning]) -> Option<super::PasteZone> {
    // The time column's header, else the date column's (`Date (UTC)` over dates with times).
    let at = meanings
        .iter()
        .position(|meaning| *meaning == ColumnMeaning::Time)
        .or_else(|| {
            meanings
                .iter()
                .position(|meaning| *meaning == ColumnMeaning::Date)
        })?;
    zone_of_column(cells.get(at)?)
}

/// The zone each column's header names, in order: a table may head two time columns with
/// two zones (`| NZST | UTC | Event |`).
#[must_use]
pub fn column_zones(cells: &[String]) -> Vec<Option<super::PasteZone>> {
    cells.iter().map(|cell| zone_of_column(cell)).collect()
}

/// The zone one header names: in brackets (`Time (UTC)`), last (`Time in CET`), or alone
/// (`NZST`).
fn zone_of_column(header: &str) -> Option<super::PasteZone> {
    let Some((_, inside)) = header.split_once(['(', '[']) else {
        let plain = header.trim().trim_matches(['*', '_', ':', ' ']);
        return crate::model::zone_named(plain).or_else(|| zone_at_end(plain).1);
    };
    let inside = inside.trim_end_matches([')', ']', '*', '_', ':', ' ']);
    crate::model::zone_named(inside.trim())
}

/// A header's words before a zone written last (`Time UTC`, `Date and time in CET`, `When -
/// PST`), and that zone.
fn zone_at_end(header: &str) -> (&str, Option<super::PasteZone>) {
    let Some((before, last)) = header.trim_end().rsplit_once(' ') else {
        return (header, None);
    };
    let Some(zone) = crate::model::zone_named(last) else {
        return (header, None);
    };
    let before = before.trim_end_matches([' ', '-', '\u{2013}', '\u{2014}']);
    let before = before
        .strip_suffix(" in")
        .or_else(|| before.strip_suffix(" In"))
        .unwrap_or(before);
    (before.trim_end(), Some(zone))
}

/// The meanings of the columns of a row that came without a header, `time_at` being the
/// cell that holds the time: the cell after it is the event, the next the notes, any
/// further ones are kept in the notes too. A row whose time comes last, as a log page
/// writes it (`clarkb | We will get started shortly | 19:00 |`), has its event just before
/// the time and, before that, who said it.
#[must_use]
pub fn default_meanings(cells: &[String], time_at: usize) -> Vec<ColumnMeaning> {
    // Only who and what before the time: a `Detected | 2022-04-28 10:34` row is a field.
    let before: Vec<usize> = (0..time_at).filter(|at| !cells[*at].is_empty()).collect();
    let time_last = cells[time_at + 1..].iter().all(String::is_empty) && before.len() >= 2;
    (0..cells.len())
        .map(|index| match index.checked_sub(time_at) {
            Some(0) => ColumnMeaning::Time,
            Some(1) => ColumnMeaning::Event,
            Some(2) => ColumnMeaning::Notes,
            None if time_last && before.last() == Some(&index) => ColumnMeaning::Event,
            None if time_last && before.first() == Some(&index) => ColumnMeaning::Actor,
            Some(_) | None => ColumnMeaning::Other,
        })
        .collect()
}

/// What a table's header says: what each column holds, the zone its times are in (`Time
/// (UTC)`) and the year of its dates (`Date (2021)`).
#[derive(Clone, Debug)]
pub(super) struct TableColumns {
    meanings: Vec<ColumnMeaning>,
    zone: Option<PasteZone>,
    /// The zone each column's own header names.
    zones: Vec<Option<PasteZone>>,
    year: Option<i32>,
}

impl TableColumns {
    pub(super) fn of_header(cells: &[String]) -> Option<Self> {
        let meanings = header_meanings(cells)?;
        let zone = header_zone(cells, &meanings);
        let year = cells.iter().find_map(|cell| {
            let (_, inside) = cell.split_once('(')?;
            let inside = inside.trim_end_matches(')').trim();
            (inside.len() == 4)
                .then(|| inside.parse::<i32>().ok())
                .flatten()
        });
        Some(Self {
            meanings,
            zone,
            zones: column_zones(cells),
            year,
        })
    }
}

impl Reader {
    /// One row of a table pasted as text: a rule or a header is listed, a row with a time
    /// (or, under a header, a day or an offset) is a row.
    pub(super) fn table_row(&mut self, number: usize, line: &str, cells: &[String]) {
        if is_rule(cells) {
            self.unused(number, line, UnusedReason::TableRule);
            return;
        }
        if let Some(columns) = TableColumns::of_header(cells) {
            self.columns = Some(columns);
            self.unused(number, line, UnusedReason::TableHeader);
            return;
        }
        let (meanings, header_zone, header_year) = if let Some(columns) = &self.columns {
            (columns.meanings.clone(), columns.zone, columns.year)
        } else {
            let Some(time_at) = cells.iter().position(|cell| read_clock(cell).is_some()) else {
                self.unused(number, line, UnusedReason::NoTime);
                return;
            };
            (default_meanings(cells, time_at), None, None)
        };
        let RowCells {
            date,
            clock,
            clock_column,
            offset,
            written_date,
            event,
            notes,
            actor,
            evidence,
        } = RowCells::read(&meanings, cells);
        let Some(mut clock) = clock else {
            // Under a header, a row whose time cell is empty is a row without a time (as
            // Hindsight's own export writes one).
            // A time cell with no digit in it (`...`, `?`, `TBD`) says the time is not known.
            let time_cell_empty = meanings.iter().zip(cells).any(|(meaning, cell)| {
                *meaning == ColumnMeaning::Time && !cell.chars().any(|c| c.is_ascii_digit())
            });
            // `[+1 hrs]` counts from the first time written in full above it.
            let counted = offset.is_some() && !event.is_empty();
            // A day without a time of day (a saga told over weeks) is a row without a time
            // whose event begins with the date as written, as a list item's would.
            let dated = written_date.filter(|_| !counted);
            if self.columns.is_none()
                || event.is_empty()
                || !(time_cell_empty || counted || dated.is_some())
            {
                self.unused(number, line, UnusedReason::NoTime);
                return;
            }
            let event = event.join(" ");
            self.paste.rows.push(PastedRow {
                lines: vec![number],
                clock: None,
                offset,
                day: self.day,
                actor,
                event: match dated {
                    Some(date) => format!("{date}: {event}"),
                    None => event,
                },
                notes: notes.join("; "),
                evidence,
            });
            return;
        };
        if event.is_empty() {
            self.unused(number, line, UnusedReason::EmptyRow);
            return;
        }
        // A date column, else the time's own; a year in the header fills a missing one.
        clock.date = match clock.date.or(date.map(WrittenDay::Date)) {
            Some(WrittenDay::Date(date)) => Some(WrittenDay::Date(PastedDate {
                year: date.year.or(header_year),
                ..date
            })),
            other => other,
        };
        // The zone of the column the time came from, else the one the header names.
        let column_zone =
            clock_column.and_then(|at| self.columns.as_ref()?.zones.get(at).copied().flatten());
        clock.zone = clock.zone.or(column_zone).or(header_zone);
        self.paste.rows.push(PastedRow {
            lines: vec![number],
            clock: Some(clock),
            offset: None,
            day: self.day,
            actor,
            event: event.join(" "),
            notes: notes.join("; "),
            evidence,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(line: &str) -> Vec<String> {
        table_cells(line).unwrap()
    }

    #[test]
    fn a_log_pages_rows_with_the_time_last_are_who_what_and_when() {
        let cells = table_cells("clarkb | We will get started shortly | 19:00 |").unwrap();
        assert_eq!(
            default_meanings(&cells, 2),
            [
                ColumnMeaning::Actor,
                ColumnMeaning::Event,
                ColumnMeaning::Time
            ]
        );
        assert!(table_cells("a plain | line").is_none());
        // A field and its time: no log's row.
        let cells = table_cells("| **Detected** | `2022-04-28 10:34` |").unwrap();
        assert_eq!(
            default_meanings(&cells, 1),
            [ColumnMeaning::Other, ColumnMeaning::Time]
        );
        assert!(is_rule(&table_cells("---|---|---|").unwrap()));
    }

    #[test]
    fn markdown_and_tab_separated_rows() {
        assert_eq!(
            cells("| 14:51 | event | notes |"),
            ["14:51", "event", "notes"]
        );
        assert_eq!(
            cells("14:51\tevent\t\tAlice"),
            ["14:51", "event", "", "Alice"]
        );
        assert!(is_rule(&cells("|---|:---:|--|")));
        assert!(!is_rule(&cells("| 14:51 | - |")));
        assert_eq!(table_cells("14:51 no tabs here"), None);
        assert_eq!(table_cells("only\t"), None);
    }

    #[test]
    fn headers_say_which_column_is_which() {
        use ColumnMeaning::{Actor, Event, Evidence, Notes, Time};
        assert_eq!(
            header_meanings(&cells(
                "| Time (UTC) | What happened | Who | Notes | Link |"
            )),
            Some(vec![Time, Event, Actor, Notes, Evidence])
        );
        assert_eq!(
            header_meanings(&cells(
                "| Time (UTC) | Event / action | Notes | Owner & team |"
            )),
            Some(vec![Time, Event, Notes, Actor])
        );
        assert_eq!(
            header_meanings(&cells("| Date | Événement |")),
            Some(vec![ColumnMeaning::Date, Event])
        );
        assert_eq!(
            header_meanings(&cells("| Uhrzeit | Ereignis | Wer |")),
            Some(vec![Time, Event, Actor])
        );
        assert_eq!(header_meanings(&cells("| 14:51 | event |")), None);
        assert_eq!(header_meanings(&cells("| Name | Role |")), None);
    }

    #[test]
    fn a_zone_written_after_the_time_columns_name_is_its_zone() {
        use ColumnMeaning::{Event, Time};
        let utc = Some(super::super::PasteZone::Utc);
        for header in [
            "| Date and Time in CET | Event |",
            "| Time UTC | Event |",
            "| **When - PST** | Event |",
            "| Time (PDT) | Event |",
        ] {
            let header = cells(header);
            let meanings = header_meanings(&header);
            assert_eq!(meanings, Some(vec![Time, Event]), "{header:?}");
            let zone = header_zone(&header, &meanings.unwrap_or_default());
            assert!(zone.is_some(), "{header:?}");
        }
        let header = cells("| Time UTC | Event |");
        assert_eq!(header_zone(&header, &[Time, Event]), utc);
        // A word that is no zone stays part of the name.
        assert_eq!(
            header_meanings(&cells("| Time spent | Event |")).map(|m| m[0]),
            None
        );
    }

    #[test]
    fn a_time_column_reads_four_digits_without_their_colon() {
        let rows = [
            (
                3,
                "| 0730 | operator | renewed the metadata |".to_owned(),
                cells("| 0730 | operator | renewed the metadata |"),
            ),
            (
                4,
                "| 1215 | comms | told the users |".to_owned(),
                cells("| 1215 | comms | told the users |"),
            ),
        ];
        let paste = super::super::parse_table(&cells("| Time | Event Type | Description |"), &rows);
        let times: Vec<Option<chrono::NaiveTime>> = paste
            .rows
            .iter()
            .map(|row| row.clock.map(|clock| clock.time))
            .collect();
        assert_eq!(
            times,
            [
                chrono::NaiveTime::from_hms_opt(7, 30, 0),
                chrono::NaiveTime::from_hms_opt(12, 15, 0)
            ]
        );
    }
}
