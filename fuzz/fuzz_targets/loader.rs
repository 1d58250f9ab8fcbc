//! Feeds arbitrary bytes to the postmortem loader. It must never panic, hang or run out of
//! memory; whatever it accepts must save and read back as the same document.

#![no_main]

use std::path::Path;

use hindsight::storage::{from_ron_bytes, from_ron_str, to_canonical_ron};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.ron");
    let Ok(doc) = from_ron_bytes(data, path) else {
        return;
    };
    let saved = to_canonical_ron(&doc).expect("an accepted document saves");
    let reread = from_ron_str(&saved, path).expect("a saved document reads back");
    assert_eq!(reread, doc, "a document changed on its way through a save");
});
