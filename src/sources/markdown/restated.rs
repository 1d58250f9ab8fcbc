//! Action items listed twice. A postmortem often lists its follow-up work in full (a table
//! with owners and due dates) and again, shorter, as a checklist of where each stands
//! ("## Action items status", `- [ ] TLS monitoring`). The second list is the same work:
//! read twice, every item would be counted twice.

/// Words too common to tie two items to the same work.
const COMMON: [&str; 16] = [
    "with", "from", "that", "this", "into", "before", "after", "during", "when", "where", "which",
    "their", "there", "about", "should", "would",
];

/// How many leading letters two words must share to count as one word (`rotate` and
/// `rotation`, `investigate` and `investigation`).
const STEM: usize = 5;

/// The most words an item that restates another has: a restatement is the short form.
const SHORT: usize = 12;

/// For each item, the earlier item it restates, if it does. `groups` says which list each
/// item came from (items of one list are neighbours). A list restates an earlier one when
/// it has as many items, at least two, and each is short and says its work with the words
/// of the earlier item in the same place (at least half of its own).
#[must_use]
pub fn restated(items: &[&str], groups: &[usize]) -> Vec<Option<usize>> {
    let mut lists: Vec<(usize, usize)> = Vec::new();
    for (index, group) in groups.iter().enumerate() {
        match lists.last_mut() {
            Some((start, end)) if groups[*start] == *group && *end == index => *end += 1,
            _ => lists.push((index, index + 1)),
        }
    }
    let mut restates = vec![None; items.len()];
    for (later_index, later) in lists.iter().enumerate() {
        let earlier = lists[..later_index].iter().find(|earlier| {
            let length = earlier.1 - earlier.0;
            length >= 2
                && length == later.1 - later.0
                && restates[earlier.0].is_none()
                && (0..length).all(|at| restates_item(items[later.0 + at], items[earlier.0 + at]))
        });
        if let Some(earlier) = earlier {
            for at in 0..later.1 - later.0 {
                restates[later.0 + at] = Some(earlier.0 + at);
            }
        }
    }
    restates
}

/// Whether `short` says the work of `full` again: it is short, and at least half of its
/// words that say something (four letters or more, not a common one, compared by their
/// first letters) are in `full`.
fn restates_item(short: &str, full: &str) -> bool {
    let stems = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|word| word.chars().count() >= 4)
            .map(str::to_lowercase)
            .filter(|word| !COMMON.contains(&word.as_str()))
            .map(|word| word.chars().take(STEM).collect())
            .collect()
    };
    let own = stems(short);
    let theirs = stems(full);
    let shared = own.iter().filter(|stem| theirs.contains(stem)).count();
    short.split_whitespace().count() <= SHORT && shared > 0 && shared * 2 >= own.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checklist_of_the_same_work_restates_the_table_above_it() {
        let items = [
            "Rotate the admin password (owner: Ana)",
            "Back up the data folder before any recreate",
            "Add an expiry probe for every certificate",
            "Admin password rotation",
            "Data folder backup",
            "Certificate expiry probe",
        ];
        assert_eq!(
            restated(&items, &[0, 0, 0, 1, 1, 1]),
            [None, None, None, Some(0), Some(1), Some(2)]
        );
    }

    #[test]
    fn other_work_in_a_list_of_the_same_length_is_new_work() {
        let items = [
            "Rotate the admin password",
            "Back up the data folder",
            "Write a runbook for failover",
            "Data folder backup",
        ];
        assert_eq!(restated(&items, &[0, 0, 1, 1]), [None; 4]);
        // Long items that share a word or two are work of their own.
        let items = [
            "Check the domain before entering the solver loop",
            "Cap how much can be minted per deposit",
            "Invariant fuzzing: property tests over solver inputs that assert the invariant",
            "Differential tests comparing the deposit path with a reference model of minting",
        ];
        assert_eq!(restated(&items, &[0, 0, 1, 1]), [None; 4]);
        // Lists of different lengths, or of one item, restate nothing.
        let items = ["Rotate the password", "Password rotation", "Rotate it"];
        assert_eq!(restated(&items, &[0, 1, 1]), [None; 3]);
        assert_eq!(restated(&items[..2], &[0, 1]), [None; 2]);
    }
}
