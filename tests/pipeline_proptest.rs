//! Any document the loader accepts goes through everything that reads it without a panic:
//! validation, every export, the review's items and lists, and frames of every part of the
//! editor. The documents hold any Unicode, instants across the whole accepted span and any
//! time zone. (`fuzz/` runs the same readers on whatever bytes the loader accepts.)

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

#[path = "common/arbitrary.rs"]
mod arbitrary;

use std::path::Path;

use arbitrary::{date, postmortem};
use hindsight::exercise::{draw_everything, read_everything};
use hindsight::storage::{from_ron_str, to_canonical_ron};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_reader_takes_any_accepted_document(doc in postmortem(), today in date()) {
        // Only what the loader accepts counts: that is what reaches the readers.
        let text = to_canonical_ron(&doc).unwrap();
        let doc = from_ron_str(&text, Path::new("generated.ron"))
            .map_err(|error| TestCaseError::fail(format!("{error}\n---\n{text}")))?;
        let today = today.unwrap_or_else(|| chrono::NaiveDate::from_ymd_opt(2025, 8, 10).unwrap());
        let written = read_everything(&doc, today);
        prop_assert!(written.len() >= 10);
        let folder = tempfile::tempdir().unwrap();
        draw_everything(&doc, today, folder.path(), 2);
    }
}
