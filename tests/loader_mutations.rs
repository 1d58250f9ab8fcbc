//! The loader fed mutated copies of the example: bytes flipped, cut out, repeated or inserted,
//! the file cut short. It must never panic; it either refuses with a `file:line:column` reason
//! or accepts a document that saves and reads back unchanged. (The cargo-fuzz target in
//! `fuzz/` explores the same ground for much longer.)

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::path::Path;

use hindsight::example::EXAMPLE_RON;
use hindsight::storage::{LoadError, from_ron_bytes, from_ron_str, to_canonical_ron};
use proptest::prelude::*;

/// One change to the file's bytes, at a position taken modulo its length.
#[derive(Clone, Debug)]
enum Mutation {
    Flip { at: usize, bits: u8 },
    Cut { at: usize, len: usize },
    Repeat { at: usize, len: usize, times: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let syntax = prop::sample::select(b"()[]{},:\"#rSomeNone\\\n \t0123456789-T:Z.e+".to_vec());
    prop_oneof![
        (any::<usize>(), 1..=255_u8).prop_map(|(at, bits)| Mutation::Flip { at, bits }),
        (any::<usize>(), 1..200_usize).prop_map(|(at, len)| Mutation::Cut { at, len }),
        (any::<usize>(), 1..200_usize, 1..50_usize).prop_map(|(at, len, times)| Mutation::Repeat {
            at,
            len,
            times
        }),
        (
            any::<usize>(),
            prop_oneof![
                prop::collection::vec(syntax, 1..20),
                prop::collection::vec(any::<u8>(), 1..20),
            ]
        )
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len().max(1);
    match mutation {
        Mutation::Flip { at, bits } => {
            if let Some(byte) = bytes.get_mut(at % len) {
                *byte ^= bits;
            }
        }
        Mutation::Cut { at, len: cut } => {
            let start = at % len;
            let end = (start + cut).min(bytes.len());
            bytes.drain(start.min(end)..end);
        }
        Mutation::Repeat {
            at,
            len: span,
            times,
        } => {
            let start = at % len;
            let end = (start + span).min(bytes.len());
            let piece = bytes[start.min(end)..end].repeat(*times);
            bytes.splice(end..end, piece);
        }
        Mutation::Insert { at, bytes: new } => {
            let at = (at % len).min(bytes.len());
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::Truncate { at } => bytes.truncate(at % len),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn mutated_examples_are_refused_clearly_or_read_whole(
        mutations in prop::collection::vec(mutation(), 1..6)
    ) {
        let mut bytes = EXAMPLE_RON.as_bytes().to_vec();
        for mutation in &mutations {
            apply(&mut bytes, mutation);
        }
        let path = Path::new("mutated.ron");
        match from_ron_bytes(&bytes, path) {
            Ok(doc) => {
                let saved = to_canonical_ron(&doc).unwrap();
                prop_assert_eq!(from_ron_str(&saved, path).unwrap(), doc);
            }
            Err(error) => {
                let message = error.to_string();
                let position = message
                    .strip_prefix("mutated.ron:")
                    .and_then(|rest| {
                        let mut parts = rest.splitn(3, ':');
                        let line = parts.next()?.parse::<usize>().ok()?;
                        let column = parts.next()?.parse::<usize>().ok()?;
                        let reason = parts.next()?.trim();
                        Some((line, column, reason.len()))
                    });
                prop_assert!(
                    matches!(position, Some((line, column, reason)) if line >= 1 && column >= 1 && reason > 0),
                    "no file:line:column: reason in {:?}",
                    message
                );
                let read_and_parsed =
                    !matches!(error, LoadError::Unreadable { .. } | LoadError::TooLarge { .. });
                prop_assert!(read_and_parsed, "bytes in memory cannot be unreadable or too large");
            }
        }
    }
}
