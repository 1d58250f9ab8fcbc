//! The document being edited, where it lives on disk, and whether it has unsaved changes.

use std::path::{Path, PathBuf};

use std::cell::OnceCell;
use std::sync::Arc;

use super::history::{History, Step};
use super::snapshot::Snapshot;
use crate::model::{Edit, Finding, Postmortem, TeamRules, validate_with};
use crate::storage::ContentHash;

/// A saved revision no state ever has, for a document whose file does not hold any of them.
const NEVER_SAVED: u64 = u64::MAX;

/// A postmortem open in the editor.
#[derive(Debug)]
pub struct OpenDocument {
    doc: Postmortem,
    path: Option<PathBuf>,
    /// Names the state the document is in: every edit makes a new one, undo and redo go back
    /// to an earlier one. Compared with `saved_revision` to know whether anything is unsaved.
    revision: u64,
    saved_revision: u64,
    /// The next new state's number; never reused, so a number always means one content.
    next_revision: u64,
    history: History,
    /// What validation says, worked out when first asked for after a change and kept until
    /// the next: validating 10,000 rows takes about a millisecond, which an edit need not wait
    /// for when nobody looks.
    findings: OnceCell<Vec<Finding>>,
    /// The row whose marker set each key time, worked out once per change.
    key_time_rows: OnceCell<[Option<usize>; 5]>,
    /// The public version and what it would still show, worked out when the preview first
    /// asks after a change.
    public: OnceCell<PublicPreview>,
    /// The fingerprint of the file's bytes as this document last read or wrote them: what
    /// "the file changed on disk" is measured against. `None` when not known (the file is
    /// then taken as it is when the editor starts watching it).
    disk_content: Option<ContentHash>,
    /// The document as its file held it when this editor last read or wrote it: the common
    /// ancestor a merge with a change made on disk measures both sides' edits from. `None`
    /// when not known (a new document, a restored copy).
    disk_version: Option<Arc<Postmortem>>,
    /// Whether this is the bundled example, shown at the first start, so the editor can say so.
    example: bool,
    /// What the team's `hindsight.toml` adds to the checks (its list of tags).
    rules: TeamRules,
}

/// The public version of a document, as the preview shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicPreview {
    /// What `hindsight export --public` would write.
    pub doc: Postmortem,
    /// What it would still show that should not be public.
    pub leaks: Vec<crate::model::Leak>,
    /// The document as written, as Markdown.
    pub written_markdown: String,
    /// The public version as Markdown.
    pub public_markdown: String,
    /// Where in the public Markdown something should not be public.
    pub marks: Vec<(std::ops::Range<usize>, crate::model::LeakKind)>,
    /// Where each line of the written Markdown starts, for showing only the lines in view.
    pub written_lines: Vec<usize>,
    /// Where each line of the public Markdown starts.
    pub public_lines: Vec<usize>,
}

/// Where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(at, _)| at + 1))
        .filter(|start| *start < text.len())
        .collect()
}

impl PublicPreview {
    fn of(doc: &Postmortem, rules: &crate::model::PublicRules) -> Self {
        use crate::export::{ExportOptions, Portion, to_markdown};
        let public = crate::model::public_version(doc, rules);
        let public_markdown = to_markdown(&public, ExportOptions::default(), Portion::Whole);
        let written_markdown = to_markdown(doc, ExportOptions::default(), Portion::Whole);
        Self {
            leaks: crate::model::public_leaks(doc, rules),
            marks: crate::model::leaks_in_text(doc, rules, &public_markdown),
            written_lines: line_starts(&written_markdown),
            public_lines: line_starts(&public_markdown),
            written_markdown,
            public_markdown,
            doc: public,
        }
    }
}

impl OpenDocument {
    /// A document that has never been saved. It counts as having nothing unsaved until the
    /// first edit, so opening the example and closing again asks nothing.
    #[must_use]
    pub fn untitled(doc: Postmortem) -> Self {
        Self::new(doc, None)
    }

    /// A document just read from `path`.
    #[must_use]
    pub fn from_file(doc: Postmortem, path: PathBuf) -> Self {
        let mut document = Self::new(doc, Some(path));
        document.disk_version = Some(Arc::new(document.doc.clone()));
        document
    }

    /// A document restored from a recovery copy: it belongs to `path` (if it had a file) and
    /// counts as unsaved, since the file does not hold it.
    #[must_use]
    pub fn recovered(doc: Postmortem, path: Option<PathBuf>) -> Self {
        let mut document = Self::new(doc, path);
        document.mark_unsaved();
        document
    }

    /// Makes the document count as unsaved whatever its history says: what is shown is no
    /// longer what the file holds (after a restore, or keeping one's version of a file that
    /// changed on disk).
    pub const fn mark_unsaved(&mut self) {
        self.saved_revision = NEVER_SAVED;
    }

    fn new(doc: Postmortem, path: Option<PathBuf>) -> Self {
        Self {
            doc,
            path,
            revision: 0,
            saved_revision: 0,
            next_revision: 1,
            history: History::default(),
            findings: OnceCell::new(),
            key_time_rows: OnceCell::new(),
            public: OnceCell::new(),
            disk_content: None,
            disk_version: None,
            example: false,
            rules: TeamRules::default(),
        }
    }

    /// The bundled example, as the first start shows it: untitled, and named as the example.
    #[must_use]
    pub fn example(doc: Postmortem) -> Self {
        let mut document = Self::new(doc, None);
        document.example = true;
        document
    }

    /// Whether this is the bundled example, not yet saved anywhere.
    #[must_use]
    pub const fn is_example(&self) -> bool {
        self.example && self.path.is_none()
    }

    /// Records that the file held `hash` when this document was read from it (or, for a
    /// restored copy, when the lost session last read or wrote it).
    #[must_use]
    pub const fn with_disk_content(mut self, hash: Option<ContentHash>) -> Self {
        self.disk_content = hash;
        self
    }

    /// The fingerprint of the file as this document last read or wrote it, if known.
    #[must_use]
    pub const fn disk_content(&self) -> Option<ContentHash> {
        self.disk_content
    }

    /// The document as its file held it when last read or written here, when known.
    #[must_use]
    pub fn disk_version(&self) -> Option<&Postmortem> {
        self.disk_version.as_deref()
    }

    /// Takes `merged` (this document's edits merged with `disk`, what the file now holds,
    /// whose bytes have the fingerprint `hash`) as one step that undo can take back. The file
    /// does not hold the merge, so it counts as unsaved; `disk` is the ancestor of the next
    /// merge.
    pub fn take_merge(&mut self, merged: Postmortem, disk: Postmortem, hash: ContentHash) {
        self.apply(Edit::Replace(Box::new(merged)));
        self.disk_version = Some(Arc::new(disk));
        self.disk_content = Some(hash);
        self.mark_unsaved();
    }

    /// Records that the file now holds `disk` (bytes of fingerprint `hash`), which the person
    /// chose not to take in: the ancestor of the next merge.
    pub fn set_disk_version(&mut self, disk: Postmortem, hash: ContentHash) {
        self.disk_version = Some(Arc::new(disk));
        self.disk_content = Some(hash);
    }

    /// Forgets the version last read: the file is gone, and what may come in its place is
    /// no descendant of it.
    pub fn forget_disk_version(&mut self) {
        self.disk_version = None;
    }

    /// The postmortem.
    #[must_use]
    pub const fn doc(&self) -> &Postmortem {
        &self.doc
    }

    /// The file it was opened from or last saved to.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The name people know the document by, in the window title and in questions: the
    /// file name; for a document not saved yet, "Example postmortem" for the bundled
    /// example, else its title, else "Untitled".
    #[must_use]
    pub fn display_name(&self) -> String {
        if let Some(name) = self.path.as_deref().and_then(Path::file_name) {
            return name.to_string_lossy().into_owned();
        }
        if self.example {
            return "Example postmortem".to_owned();
        }
        match self.doc.title.trim() {
            "" => "Untitled".to_owned(),
            title => title.to_owned(),
        }
    }

    /// Counts the edits applied so far; panels use it to know when cached work is stale.
    #[must_use]
    pub const fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether there are changes that saving would write.
    #[must_use]
    pub const fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// What validation says about the current state.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        self.findings
            .get_or_init(|| validate_with(&self.doc, &self.rules))
    }

    /// The team's rules the document is checked under.
    #[must_use]
    pub const fn rules(&self) -> &TeamRules {
        &self.rules
    }

    /// Checks the document under the team's rules from now on (found beside its file).
    pub fn set_rules(&mut self, rules: TeamRules) {
        if self.rules != rules {
            self.rules = rules;
            self.forget_derived();
        }
    }

    /// The position of the timeline row whose marker set each key time, in
    /// [`KeyTime::ALL`](crate::model::KeyTime::ALL)'s order; computed once per change.
    pub fn key_time_rows(&self) -> [Option<usize>; 5] {
        *self
            .key_time_rows
            .get_or_init(|| crate::model::rows_setting_key_times(&self.doc.timeline))
    }

    /// Applies an edit made at `now` (seconds, any clock); an edit that changes nothing
    /// leaves the document and the undo history as they were.
    pub fn apply_at(&mut self, edit: Edit, now: f64) {
        let key = edit.merge_key();
        let continues = self.history.continues(key.as_deref(), now);
        // A burst of typing needs no new snapshot: undo goes back to before its first key.
        let before = (!continues).then(|| Step {
            doc: Snapshot::of(&self.doc, self.history.newest_snapshot()),
            state: self.revision,
            label: edit.describe(),
        });
        if edit.apply(&mut self.doc) {
            self.revision = self.next_revision;
            self.next_revision += 1;
            self.forget_derived();
            self.history.record(before, key, now);
        }
    }

    /// Applies an edit as one step of its own.
    pub fn apply(&mut self, edit: Edit) {
        self.apply_at(edit, f64::NEG_INFINITY);
    }

    /// Goes back one step; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        let current = self.current_step();
        match self.history.undo(current) {
            Some(step) => {
                self.restore(&step);
                true
            }
            None => false,
        }
    }

    /// Goes forward one step; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        let current = self.current_step();
        match self.history.redo(current) {
            Some(step) => {
                self.restore(&step);
                true
            }
            None => false,
        }
    }

    /// The attachments the document refers to now or at any step Undo or Redo reaches:
    /// their files must stay, or undoing a removal would bring back a missing file.
    pub fn attachments_within_reach(&self) -> impl Iterator<Item = &crate::model::Attachment> {
        self.doc
            .attachments
            .iter()
            .chain(self.history.attachments())
    }

    /// "change title": what undo would undo.
    #[must_use]
    pub fn undo_label(&self) -> Option<&str> {
        self.history.undo_label()
    }

    /// What redo would redo.
    #[must_use]
    pub fn redo_label(&self) -> Option<&str> {
        self.history.redo_label()
    }

    fn current_step(&self) -> Step {
        Step {
            doc: Snapshot::of(&self.doc, self.history.newest_snapshot()),
            state: self.revision,
            label: String::new(),
        }
    }

    fn restore(&mut self, step: &Step) {
        self.doc = step.doc.to_document();
        self.revision = step.state;
        self.forget_derived();
    }

    /// Drops what was worked out from the document, after it changed.
    fn forget_derived(&mut self) {
        self.findings = OnceCell::new();
        self.key_time_rows = OnceCell::new();
        self.public = OnceCell::new();
    }

    /// The public version of the document and what it would still show, under the team's
    /// rules; computed once per change.
    pub fn public_preview(&self) -> &PublicPreview {
        self.public
            .get_or_init(|| PublicPreview::of(&self.doc, &self.rules.public))
    }

    /// The document as it will be written, stamped with the day of the save.
    #[must_use]
    pub fn prepared_for_save(&self, today: chrono::NaiveDate) -> Postmortem {
        let mut doc = self.doc.clone();
        doc.updated = Some(today);
        doc.created.get_or_insert(today);
        doc
    }

    /// Records a successful save of `saved` (from [`Self::prepared_for_save`]) to `path`,
    /// whose bytes now have the fingerprint `written`.
    pub fn mark_saved(&mut self, saved: Postmortem, path: PathBuf, written: ContentHash) {
        self.disk_version = Some(Arc::new(saved.clone()));
        self.doc = saved;
        self.forget_derived();
        self.path = Some(path);
        self.saved_revision = self.revision;
        self.disk_content = Some(written);
    }
}
