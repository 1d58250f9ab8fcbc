//! Changes to a document, as values. The editor turns gestures into edits and applies them
//! after layout, so every change goes through one place that can be tested, undone and
//! counted as unsaved.

use super::document::Postmortem;
use super::kinds::DocumentStatus;

/// One change to a postmortem.
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use = "an edit does nothing until it is applied"]
pub enum Edit {
    /// Replace the title.
    SetTitle(String),
    /// Replace the incident ID.
    SetIncidentId(String),
    /// Change the document status.
    SetStatus(DocumentStatus),
    /// Replace the incident type.
    SetIncidentType(String),
    /// Pick a severity level by name, or none.
    SetSeverity(Option<String>),
}

impl Edit {
    /// Makes the change. Returns whether the document changed, so an edit that sets a value
    /// to what it already was does not mark the document unsaved.
    pub fn apply(self, doc: &mut Postmortem) -> bool {
        fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
            if *slot == value {
                false
            } else {
                *slot = value;
                true
            }
        }
        match self {
            Self::SetTitle(title) => replace(&mut doc.title, title),
            Self::SetIncidentId(id) => replace(&mut doc.incident_id, id),
            Self::SetStatus(status) => replace(&mut doc.status, status),
            Self::SetIncidentType(kind) => replace(&mut doc.classification.incident_type, kind),
            Self::SetSeverity(level) => replace(&mut doc.classification.severity, level),
        }
    }

    /// What the edit does, in words for an undo menu ("Undo change title").
    #[must_use]
    pub const fn describe(&self) -> &'static str {
        match self {
            Self::SetTitle(_) => "change title",
            Self::SetIncidentId(_) => "change incident ID",
            Self::SetStatus(_) => "change status",
            Self::SetIncidentType(_) => "change incident type",
            Self::SetSeverity(_) => "change severity",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applying_an_edit_changes_the_document_once() {
        let mut doc = Postmortem::default();
        assert!(Edit::SetTitle("Latency".to_owned()).apply(&mut doc));
        assert_eq!(doc.title, "Latency");
        assert!(!Edit::SetTitle("Latency".to_owned()).apply(&mut doc));
        assert!(Edit::SetStatus(DocumentStatus::Final).apply(&mut doc));
        assert_eq!(doc.status, DocumentStatus::Final);
        assert!(Edit::SetSeverity(Some("SEV-2".to_owned())).apply(&mut doc));
        assert_eq!(doc.severity_level().map(|l| l.name.as_str()), Some("SEV-2"));
    }
}
