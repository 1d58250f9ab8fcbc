//! Text a person typed that did not read as the field's value (a time, a date), as the checks
//! and the question before a save name it. The panels work out which fields hold such text.

use crate::model::{Finding, Level, Place};

/// One field whose text is not in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldBack {
    /// Where the field is, to go to it.
    pub place: Place,
    /// The field, as a person names it: "Row 12's time".
    pub field: String,
    /// What was typed.
    pub text: String,
    /// Why it does not read.
    pub reason: String,
}

impl HeldBack {
    /// "Row 12's time: “2:61” — type a time like 14:03 …", for the question before a save.
    #[must_use]
    pub fn line(&self) -> String {
        format!(
            "{}: \u{201c}{}\u{201d} \u{2014} {}",
            self.field, self.text, self.reason
        )
    }

    /// "Row 12's time: “2:61” is not in the document — …", for the checks.
    #[must_use]
    pub fn message(&self) -> String {
        format!(
            "{}: \u{201c}{}\u{201d} is not in the document \u{2014} {}",
            self.field, self.text, self.reason
        )
    }

    /// The held-back text as an error among the checks' findings.
    #[must_use]
    pub fn finding(&self) -> Finding {
        Finding {
            level: Level::Error,
            message: self.message(),
            place: self.place,
        }
    }
}
