//! Counts and sizes in words, as the command line, the editor and the exports print them.

/// `1 error`, `2 errors`: `count` and `noun`, which takes an `s` unless there is one.
#[must_use]
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// A size in megabytes, as people read it.
#[must_use]
pub fn megabytes(bytes: u64) -> String {
    #[allow(
        clippy::cast_precision_loss,
        reason = "a file size shown to one decimal place"
    )]
    let megabytes = bytes as f64 / (1024.0 * 1024.0);
    format!("{megabytes:.1} MB")
}
