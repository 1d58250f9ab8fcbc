//! Every parser of typed or pasted text takes any Unicode without panicking: chat paste,
//! time entry, date entry and the zone search. Pasted text from chat tools and web pages
//! brings non-breaking, ideographic and zero-width spaces, so those are weighted in.

use hindsight::model::{parse_date, parse_time_entry, zones_matching};
use hindsight::sources::{PasteContext, UnusedReason, parse_chat, resolve_paste};
use proptest::prelude::*;
use proptest::sample::select;

/// Every character Unicode calls whitespace, plus the invisible ones that travel with it.
const SPACES: [char; 29] = [
    '\t', '\n', '\u{b}', '\u{c}', '\r', ' ', '\u{85}', '\u{a0}', '\u{1680}', '\u{2000}',
    '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}', '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}',
    '\u{2009}', '\u{200a}', '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}', '\u{3000}', '\u{200b}',
    '\u{feff}', '\u{200d}', '\u{180e}',
];

/// Text built from the pieces parsers look for, joined by any kind of space, or any
/// Unicode at all.
fn pasted_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        select(SPACES.to_vec()).prop_map(String::from),
        select(vec![
            "14:03",
            "2025-08-01",
            "[",
            "]",
            "-",
            "\u{2013}",
            "\u{2014}",
            ":",
            ": ",
            "T",
            "alice",
            "Bob M.",
            "25:99",
            "9999-12-31",
            "0000-01-01",
            "é",
            "日本",
            "🙂",
            "\u{301}",
            "PM",
            "2:03 PM",
            "12:00 am",
            "<alice>",
            "* ",
            "|",
            "\t",
            "\n",
            "UTC",
            "Z",
            "+02:00",
            "(all times UTC)",
            "Friday, 26 July 2024",
            "Alice R.  ",
            "[10:42 \u{2022} 13/08/2024]",
            "2015-10-06T21:30:42Z",
            "1. ",
            "- ",
            "|---|",
            "Time",
            "Event",
        ])
        .prop_map(str::to_owned),
        any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        proptest::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat()),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn chat_paste_reads_any_text(text in pasted_text()) {
        let paste = parse_chat(&text);
        // Every non-blank line is in exactly one row, dates the rows below, or is listed
        // with why: never dropped, never used twice. A CR alone ends a line too (old Mac
        // files), and a byte-order mark, a zero-width space or an invisible mark of writing
        // direction is no text.
        let unified = text
            .strip_prefix('\u{feff}')
            .unwrap_or(&text)
            .replace(
                |c| matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{2060}' | '\u{feff}'),
                "",
            )
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        let non_blank: Vec<usize> = unified
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(index, _)| index + 1)
            .collect();
        // A log's mark of the day and a post's byline are listed with why and date the lines
        // below: one line, counted once.
        let listed_and_dating = |line: &usize| {
            paste.unused.iter().any(|unused| {
                unused.line == *line
                    && matches!(unused.reason, UnusedReason::LogMark | UnusedReason::Byline)
            })
        };
        let dating: Vec<usize> = paste
            .date_lines
            .iter()
            .copied()
            .filter(|line| !listed_and_dating(line))
            .collect();
        let mut accounted: Vec<usize> = paste
            .rows
            .iter()
            .flat_map(|row| row.lines.iter().copied())
            .chain(paste.unused.iter().map(|unused| unused.line))
            .chain(dating.iter().copied())
            .collect();
        accounted.sort_unstable();
        prop_assert_eq!(&accounted, &non_blank);
        // Placing the rows in time never panics and never gives a time out of range (a row
        // copied without a time, as Zulip copies, stays without one).
        let today = chrono::NaiveDate::from_ymd_opt(2025, 8, 10).unwrap();
        let resolved = resolve_paste(&paste, &PasteContext { zone: chrono_tz::America::New_York, started: None, day: today, direction: None, day_order: None, latest: None });
        for row in &resolved.rows {
            prop_assert!(row.row.time.is_none_or(hindsight::model::instant_in_range));
        }
        // And after placing, every line is still in a row or listed.
        let mut placed: Vec<usize> = resolved
            .rows
            .iter()
            .flat_map(|row| row.lines.iter().copied())
            .chain(resolved.unused.iter().map(|unused| unused.line))
            .chain(dating.iter().copied())
            .collect();
        placed.sort_unstable();
        prop_assert_eq!(placed, non_blank);
    }

    #[test]
    fn markdown_import_reads_any_text(text in pasted_text()) {
        let today = chrono::NaiveDate::from_ymd_opt(2025, 8, 10).unwrap();
        let imported = hindsight::sources::markdown::import_markdown(&text, today);
        // Whatever it made saves and loads back.
        let saved = hindsight::storage::to_canonical_ron(&imported.doc).unwrap();
        let loaded = hindsight::storage::from_ron_str(&saved, std::path::Path::new("imported.ron"))
            .map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(&loaded, &imported.doc);
        // Every line with text is in some part of the report.
        let text = text.replace(['\u{2010}', '\u{2011}', '\u{2012}'], "-");
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            if line.trim().is_empty() {
                continue;
            }
            prop_assert!(
                imported
                    .report
                    .iter()
                    .any(|placement| (placement.lines.0..=placement.lines.1).contains(&number)),
                "line {} ({:?}) is in no part of the report: {:#?}",
                number,
                line,
                imported.report
            );
        }
    }

    #[test]
    fn time_and_date_entry_read_any_text(text in pasted_text()) {
        let _time = parse_time_entry(&text);
        if let Ok(date) = parse_date(&text) {
            prop_assert!(hindsight::model::date_in_range(date));
        }
    }

    #[test]
    fn the_zone_search_takes_any_text(text in pasted_text()) {
        for zone in zones_matching(&text) {
            let lower = zone.name().to_lowercase();
            prop_assert!(!lower.is_empty());
        }
    }
}

#[test]
fn a_line_with_a_non_breaking_or_ideographic_space_becomes_a_row() {
    for space in ['\u{a0}', '\u{3000}', '\u{202f}'] {
        let paste = parse_chat(&format!("2025-08-01{space}14:03{space}alert fired"));
        assert_eq!(paste.rows.len(), 1, "{space:?}");
        assert_eq!(paste.rows[0].event, "alert fired", "{space:?}");
    }
    let paste = parse_chat("-\u{a0}x\n2025-08-01\u{3000}14:03");
    assert_eq!(paste.rows.len() + paste.unused.len(), 2);
}
