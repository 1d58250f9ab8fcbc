//! Any document saves and loads back equal, whatever its text holds.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

#[path = "common/arbitrary.rs"]
mod arbitrary;

use arbitrary::postmortem;
use hindsight::storage::{from_ron_str, to_canonical_ron};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_document_saves_and_loads_back_equal(doc in postmortem()) {
        let text = to_canonical_ron(&doc).unwrap();
        let loaded = from_ron_str(&text, std::path::Path::new("generated.ron"))
            .map_err(|error| TestCaseError::fail(format!("{error}\n---\n{text}")))?;
        prop_assert_eq!(&loaded, &doc);
        prop_assert_eq!(to_canonical_ron(&loaded).unwrap(), text);
    }
}
