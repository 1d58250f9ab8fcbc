//! Edits to any list in the document (services, people, links, sections), so each list gets
//! add, remove, replace and reorder from one tested implementation.

/// One change to a list.
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "a list edit does nothing until it is applied"]
pub enum ListEdit<T> {
    /// Append an item.
    Push(T),
    /// Put an item at this index, moving the ones from there down.
    Insert(usize, T),
    /// Remove the item at this index.
    Remove(usize),
    /// Replace the item at this index.
    Replace(usize, T),
    /// Move the item at `from` so that it ends up at index `to`.
    Move {
        /// Where the item is.
        from: usize,
        /// Where it should be afterwards.
        to: usize,
    },
}

impl<T: PartialEq> ListEdit<T> {
    /// Makes the change; returns whether the list changed. An index past the end changes
    /// nothing: the list may have changed since the edit was made.
    pub fn apply(self, list: &mut Vec<T>) -> bool {
        match self {
            Self::Push(item) => {
                list.push(item);
                true
            }
            Self::Insert(index, item) if index <= list.len() => {
                list.insert(index, item);
                true
            }
            Self::Remove(index) if index < list.len() => {
                list.remove(index);
                true
            }
            Self::Replace(index, item) => match list.get_mut(index) {
                Some(slot) if *slot != item => {
                    *slot = item;
                    true
                }
                _ => false,
            },
            Self::Move { from, to } if from < list.len() && to < list.len() && from != to => {
                let item = list.remove(from);
                list.insert(to, item);
                true
            }
            Self::Insert(..) | Self::Remove(_) | Self::Move { .. } => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letters() -> Vec<char> {
        vec!['a', 'b', 'c', 'd']
    }

    #[test]
    fn push_remove_replace() {
        let mut list = letters();
        assert!(ListEdit::Push('e').apply(&mut list));
        assert!(ListEdit::Insert(1, 'x').apply(&mut list));
        assert!(ListEdit::Remove(1).apply(&mut list));
        assert!(!ListEdit::Insert(9, 'x').apply(&mut list));
        assert!(ListEdit::Remove(0).apply(&mut list));
        assert!(ListEdit::Replace(0, 'B').apply(&mut list));
        assert!(
            !ListEdit::Replace(0, 'B').apply(&mut list),
            "same value is no change"
        );
        assert_eq!(list, ['B', 'c', 'd', 'e']);
    }

    #[test]
    fn move_puts_the_item_at_the_target_index() {
        let mut list = letters();
        assert!(ListEdit::Move { from: 0, to: 2 }.apply(&mut list));
        assert_eq!(list, ['b', 'c', 'a', 'd']);
        assert!(ListEdit::Move { from: 3, to: 0 }.apply(&mut list));
        assert_eq!(list, ['d', 'b', 'c', 'a']);
    }

    #[test]
    fn stale_indexes_change_nothing() {
        let mut list = letters();
        assert!(!ListEdit::Remove(4).apply(&mut list));
        assert!(!ListEdit::Replace(9, 'z').apply(&mut list));
        assert!(!ListEdit::Move { from: 1, to: 4 }.apply(&mut list));
        assert!(!ListEdit::Move { from: 1, to: 1 }.apply(&mut list));
        assert_eq!(list, letters());
    }
}
