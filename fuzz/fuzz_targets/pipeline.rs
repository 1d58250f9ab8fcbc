//! Feeds arbitrary bytes to the loader and every document it accepts to everything that reads
//! a document: validation, every export, the review's items, and headless frames of every
//! part of the editor (`hindsight::exercise`). Nothing may panic, hang or run out of memory.

#![no_main]

use std::path::Path;

use chrono::NaiveDate;
use hindsight::exercise::{draw_everything, read_everything};
use hindsight::storage::from_ron_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = from_ron_bytes(data, Path::new("fuzz.ron")) else {
        return;
    };
    let today = NaiveDate::from_ymd_opt(2025, 8, 10).expect("a real day");
    let _written = read_everything(&doc, today);
    let folder = tempfile::tempdir().expect("a temporary folder");
    draw_everything(&doc, today, folder.path(), 1);
});
