//! Counts in words, as the command line and the editor both print them.

/// `1 error`, `2 errors`: `count` and `noun`, which takes an `s` unless there is one.
#[must_use]
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
