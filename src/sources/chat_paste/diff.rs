//! A log copied from a diff: a commit that added the log to a repository, as `git show` or
//! a web view of the commit shows it (`+2016-06-12 21:01:15<@nick> …` under `@@ -0,0
//! +1,335 @@`). The log is the text the diff adds and keeps, without the diff's marks; the
//! commit's header and the lines it removes are no part of it.

use super::{UnusedLine, UnusedReason};

/// Whether a line is a hunk's header: `@@ -12,7 +12,9 @@`, perhaps with the name of the
/// function the hunk is in after it.
fn is_a_hunk_header(line: &str) -> bool {
    let Some(ranges) = line.strip_prefix("@@ -") else {
        return false;
    };
    let Some((old, rest)) = ranges.split_once(" +") else {
        return false;
    };
    let Some((new, _)) = rest.split_once(" @@") else {
        return false;
    };
    let is_a_range = |range: &str| {
        let (start, length) = range.split_once(',').unwrap_or((range, "0"));
        [start, length]
            .iter()
            .all(|part| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit()))
    };
    is_a_range(old) && is_a_range(new)
}

/// The lines of a paste that is a diff, each as the file holds it after the change: a line
/// the diff adds (`+…`) or keeps (` …`) without its mark; the diff's own lines (the
/// commit's header, the files' names, each hunk's header) and the lines it removes left
/// blank, and listed. A paste with no hunk is left as it is.
pub(super) fn lines_after_the_change(lines: &mut [&str]) -> Vec<UnusedLine> {
    if !lines.iter().any(|line| is_a_hunk_header(line)) {
        return Vec::new();
    }
    let mut unused = Vec::new();
    let mut in_a_hunk = false;
    for (index, line) in lines.iter_mut().enumerate() {
        if is_a_hunk_header(line) {
            in_a_hunk = true;
        } else if in_a_hunk && line.is_empty() {
            continue;
        } else if in_a_hunk && let Some(kept) = line.strip_prefix(['+', ' ']) {
            *line = kept;
            continue;
        } else if in_a_hunk && !line.starts_with(['-', '\\']) {
            // Past the hunk: the next file's header, or the page's text after the diff.
            in_a_hunk = false;
        }
        if !line.trim().is_empty() {
            unused.push(UnusedLine {
                line: index + 1,
                text: line.trim().to_owned(),
                reason: UnusedReason::DiffLine,
            });
        }
        *line = "";
    }
    unused
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hunk_header_has_two_ranges_between_its_marks() {
        assert!(is_a_hunk_header("@@ -0,0 +1,335 @@"));
        assert!(is_a_hunk_header("@@ -12 +12,2 @@ fn main() {"));
        assert!(!is_a_hunk_header("@@ we met at noon @@"));
        assert!(!is_a_hunk_header("@@ -a,b +c,d @@"));
    }

    #[test]
    fn the_log_is_what_the_diff_adds_and_keeps() {
        let text = "commit 4f3e5de\nAuthor: A. Maintainer\n\
                    --- /dev/null\n+++ b/logs/meeting.txt\n@@ -1,2 +1,3 @@\n\
                    +21:01:15 <alice> begin meeting\n 21:01:20 <bob> here\n\
                    -21:01:22 <carol> typo\n\\ No newline at end of file\n\
                    diff --git a/other.txt b/other.txt\n";
        let mut lines: Vec<&str> = text.lines().collect();
        let unused = lines_after_the_change(&mut lines);
        let kept: Vec<&str> = lines.into_iter().filter(|line| !line.is_empty()).collect();
        assert_eq!(
            kept,
            ["21:01:15 <alice> begin meeting", "21:01:20 <bob> here"]
        );
        let listed: Vec<usize> = unused.iter().map(|unused| unused.line).collect();
        assert_eq!(listed, [1, 2, 3, 4, 5, 8, 9, 10]);
        // A paste that only looks like one (a list of `+1` votes) is left as it is.
        let mut votes = vec!["+1 from me", "-1, too risky"];
        assert!(lines_after_the_change(&mut votes).is_empty());
        assert_eq!(votes, ["+1 from me", "-1, too risky"]);
    }
}
