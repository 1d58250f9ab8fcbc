//! Attaching files in the editor: from the file dialog, the path form or a drop on the
//! window. A saved document's files go straight into the folder beside it; an untitled
//! one's wait in memory until its first save puts them there. Save As carries them to the
//! new file's folder, and a save removes the files nothing refers to any more.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::HindsightApp;
use crate::model::{AttachedTo, Attachment, AttachmentKind, Edit, ListEdit, Postmortem};
use crate::session::{Look, Modal, Part, Request, image_look};
use crate::storage::{self, AttachError};

/// The folder named in the references of files that wait in memory: the first save
/// carries them to the folder beside the new file, and points the references there.
const UNSAVED_FOLDER: &str = "unsaved.files";

/// The reference to bytes kept in memory for a document with no file yet.
fn in_memory(bytes: &[u8], original_name: String) -> Attachment {
    Attachment {
        path: format!(
            "{UNSAVED_FOLDER}/{}",
            storage::stored_name(bytes, &original_name)
        ),
        original_name,
        ..Attachment::default()
    }
}

/// The size a drawing is shown at before it is drawn: a screen's shape, which the thumbnail
/// and the viewer fit the drawing into.
const SVG_SHAPE: (u32, u32) = (1200, 800);

/// The part of the editor that shows the files at `place`.
const fn part_showing(place: AttachedTo) -> Part {
    match place {
        AttachedTo::Row(_) => Part::Timeline,
        AttachedTo::Document | AttachedTo::Section(_) | AttachedTo::Custom(_) => Part::Analysis,
    }
}

/// The address under which an untitled document's attached bytes are given to egui's
/// loaders.
fn memory_uri(path: &str) -> String {
    format!("bytes://hindsight/{path}")
}

impl HindsightApp {
    /// Where an attachment goes when the person names no place: the selected timeline row
    /// while the timeline is shown, else the document as a whole.
    pub(super) fn place_in_view(&self) -> AttachedTo {
        match (self.part, self.panels.timeline.selected) {
            (Part::Timeline, Some(row)) if self.document.doc().row(row).is_some() => {
                AttachedTo::Row(row)
            }
            _ => AttachedTo::Document,
        }
    }

    /// Files dropped, and an image pasted, where no strip of attachments and no section took
    /// them go to the place in view (the selected row, else the document).
    pub(super) fn attach_what_no_strip_took(
        &self,
        ctx: &egui::Context,
        requests: &mut crate::session::UiRequests,
    ) {
        if !self.no_modal_open() {
            return;
        }
        let claimed = requests.asked(|request| matches!(request, Request::AttachFiles(..)));
        let others = dropped_attachments(ctx);
        if !claimed && !others.is_empty() {
            requests.push(Request::AttachFiles(others, self.place_in_view()));
        }
        let pasted = requests.asked(|request| matches!(request, Request::AttachImage(..)));
        if !pasted && let Some(image) = crate::ui::pasted_image(ctx) {
            requests.push(Request::AttachImage(image, self.place_in_view()));
        }
    }

    /// Attaches each file at `place`, as one change per file; a file that cannot be
    /// attached is said in an error, and the others still are.
    pub(super) fn attach_paths(&mut self, paths: &[PathBuf], place: AttachedTo) {
        let mut failures = Vec::new();
        let mut attached = 0;
        let mut large = Vec::new();
        for path in paths {
            match self.attach_one(path, place) {
                Ok(attachment) => {
                    if std::fs::metadata(path)
                        .is_ok_and(|found| found.len() > storage::ATTACHMENT_WARNING_BYTES)
                    {
                        large.push(attachment.original_name.clone());
                    }
                    self.document
                        .apply(Edit::Attachments(ListEdit::Push(attachment)));
                    attached += 1;
                }
                Err(error) => failures.push(error.to_string()),
            }
        }
        if attached > 0 {
            // The person sees where it went.
            self.part = part_showing(place);
            self.status = if large.is_empty() {
                format!("Attached {}", crate::model::plural(attached, "file"))
            } else {
                format!(
                    "Attached {}. {} over {}: large files grow a repository fast; the README \
                     says how to keep them in git LFS.",
                    crate::model::plural(attached, "file"),
                    large.join(", "),
                    crate::model::megabytes(storage::ATTACHMENT_WARNING_BYTES)
                )
            };
        }
        if !failures.is_empty() {
            self.modals.open(Modal::Error(format!(
                "Not attached:\n\n{}",
                failures.join("\n")
            )));
        }
    }

    fn attach_one(&mut self, source: &Path, place: AttachedTo) -> Result<Attachment, AttachError> {
        let stored = if let Some(doc_path) = self.document.path() {
            storage::store_file(doc_path, source)?
        } else {
            let bytes = storage::read_to_attach(source)?;
            let original_name = source
                .file_name()
                .map_or_else(|| "attachment".into(), |name| name.to_string_lossy())
                .into_owned();
            self.keep_in_memory(bytes, original_name)
        };
        Ok(Attachment { place, ..stored })
    }

    /// Keeps the bytes of a file attached to a document with no file yet, until its first
    /// save.
    fn keep_in_memory(&mut self, bytes: Vec<u8>, original_name: String) -> Attachment {
        let attachment = in_memory(&bytes, original_name);
        self.unsaved_files.insert(attachment.path.clone(), bytes);
        attachment
    }

    /// Takes the images an imported Markdown file shows from beside it (`folder`) into
    /// `doc`'s attachments, their bytes kept in memory until the document is first saved.
    /// Returns, for each image left in the text, why.
    pub(super) fn keep_imported_images(
        doc: &mut Postmortem,
        folder: &Path,
    ) -> (std::collections::BTreeMap<String, Vec<u8>>, Vec<String>) {
        let mut files = std::collections::BTreeMap::new();
        let left = crate::sources::markdown::keep_local_images(doc, folder, |image| {
            let bytes = storage::read_image_within(image, folder)?;
            let name = image
                .file_name()
                .map_or_else(|| "image".into(), |name| name.to_string_lossy())
                .into_owned();
            let attachment = in_memory(&bytes, name);
            files.insert(attachment.path.clone(), bytes);
            Ok(attachment)
        });
        (files, left)
    }

    /// Attaches an image pasted from the clipboard at `place`, as a PNG named for the day.
    pub(super) fn attach_pasted_image(&mut self, image: &egui::ColorImage, place: AttachedTo) {
        let [width, height] = image.size;
        let rgba: Vec<u8> = image
            .pixels
            .iter()
            .flat_map(egui::Color32::to_srgba_unmultiplied)
            .collect();
        let original_name = format!("Pasted image {}.png", self.clock.today());
        let encoded = u32::try_from(width)
            .ok()
            .zip(u32::try_from(height).ok())
            .ok_or_else(|| "the pasted image is too large".to_owned())
            .and_then(|(width, height)| storage::png_of(width, height, rgba));
        let stored = encoded.and_then(|bytes| match self.document.path() {
            Some(doc_path) => storage::store_bytes(doc_path, &bytes, &original_name)
                .map_err(|error| error.to_string()),
            None => Ok(self.keep_in_memory(bytes, original_name.clone())),
        });
        match stored {
            Ok(stored) => {
                self.document
                    .apply(Edit::Attachments(ListEdit::Push(Attachment {
                        place,
                        ..stored
                    })));
                self.part = part_showing(place);
                "Attached the pasted image".clone_into(&mut self.status);
            }
            Err(reason) => self.modals.open(Modal::Error(format!(
                "The pasted image was not attached: {reason}"
            ))),
        }
    }

    /// The document to write at `path`: with its attachments' files stored in the folder
    /// beside `path` (from the old folder, or from memory for a document never saved) and
    /// its references pointing there. Unchanged when the files are there already.
    pub(super) fn carried_to(
        &self,
        path: &Path,
        prepared: Postmortem,
    ) -> Result<Postmortem, AttachError> {
        let same_file = self.document.path() == Some(path);
        if prepared.attachments.is_empty() || (same_file && self.unsaved_files.is_empty()) {
            return Ok(prepared);
        }
        let old = self.document.path().map(Path::to_owned);
        storage::carry(path, &prepared, |attachment| {
            self.unsaved_files
                .get(&attachment.path)
                .cloned()
                .or_else(|| {
                    let old = old.as_deref()?;
                    storage::read_attachment(old, attachment).ok()
                })
        })
    }

    /// After a save to `path`: the files that waited in memory are on disk now, and those
    /// nothing refers to any more are removed. Says in the status what was removed.
    pub(super) fn tidy_attachments_after_save(&mut self, path: &Path) {
        self.unsaved_files.clear();
        self.looks.clear();
        let referenced = storage::referenced_names(self.document.attachments_within_reach());
        match storage::sweep(path, &referenced) {
            Ok(swept) => {
                if !swept.removed.is_empty() {
                    let _ = write!(
                        self.status,
                        " (removed {} nothing refers to any more)",
                        crate::model::plural(swept.removed.len(), "attached file")
                    );
                }
                // Someone else's files are only ever removed when the person says so, and
                // asked about once.
                let unasked: Vec<String> = swept
                    .left
                    .into_iter()
                    .filter(|name| !self.foreign_files_kept.contains(name))
                    .collect();
                if !unasked.is_empty() {
                    self.modals.open(Modal::ForeignFiles(unasked));
                }
            }
            Err(error) => {
                let _ = write!(
                    self.status,
                    " (files nothing refers to could not be removed from {}: {error})",
                    storage::folder_name_for(path)
                );
            }
        }
    }

    /// The answer about files in the attachments folder Hindsight did not write.
    pub(super) fn answer_foreign_files(&mut self, remove: bool) {
        let Some(Modal::ForeignFiles(names)) =
            self.modals.close(crate::session::ModalKind::ForeignFiles)
        else {
            return;
        };
        let Some(path) = self.document.path().map(Path::to_owned) else {
            return;
        };
        if !remove {
            self.foreign_files_kept.extend(names);
            return;
        }
        match storage::remove_from_folder(&path, &names) {
            Ok(removed) => {
                self.status = format!(
                    "Removed {} from {}",
                    crate::model::plural(removed, "file"),
                    storage::folder_name_for(&path)
                );
            }
            Err(error) => self.modals.open(Modal::Error(format!(
                "Not every file was removed from {}: {error}",
                storage::folder_name_for(&path)
            ))),
        }
    }

    /// Works out how each attachment not seen before is shown: only its header is read, once.
    pub(super) fn look_at_attachments(&mut self, ctx: &egui::Context) {
        let max_side = ctx.input(|input| input.max_texture_side);
        let doc_path = self.document.path().map(Path::to_owned);
        for attachment in &self.document.doc().attachments {
            if self.looks.contains_key(&attachment.path) {
                continue;
            }
            let look = look_of(
                ctx,
                attachment,
                doc_path.as_deref(),
                self.unsaved_files.get(&attachment.path),
                max_side,
            );
            self.looks.insert(attachment.path.clone(), look);
        }
    }
}

/// How `attachment` is shown: from memory when its bytes wait there, else from its file.
fn look_of(
    ctx: &egui::Context,
    attachment: &Attachment,
    doc_path: Option<&Path>,
    in_memory: Option<&Vec<u8>>,
    max_side: usize,
) -> Look {
    // Where its bytes are: in memory until the first save, else in the file beside it.
    let file =
        doc_path.and_then(|doc_path| Some((doc_path, storage::file_of(doc_path, attachment)?)));
    if in_memory.is_none() && !file.as_ref().is_some_and(|(_, file)| file.is_file()) {
        return Look::Missing;
    }
    let kind = attachment.kind();
    if !kind.is_image() {
        return Look::File;
    }
    let uri = match (in_memory, &file) {
        (Some(bytes), _) => {
            let uri = memory_uri(&attachment.path);
            ctx.include_bytes(uri.clone(), bytes.clone());
            uri
        }
        (None, Some((_, file))) => {
            let absolute = std::path::absolute(file).unwrap_or_else(|_| file.clone());
            format!("file://{}", absolute.display())
        }
        (None, None) => return Look::Missing,
    };
    // A drawing has no pixels to count: it is drawn (on the SVG loader's thread) at the
    // size it is shown, never larger than that loader's cap, so it is shown as a drawing of
    // a screen's shape.
    if kind == AttachmentKind::Svg {
        return image_look(uri, SVG_SHAPE, max_side);
    }
    let size = match (in_memory, file) {
        (Some(bytes), _) => storage::image_size(bytes),
        (None, Some((doc_path, _))) => storage::image_size_of(doc_path, attachment),
        (None, None) => return Look::Missing,
    };
    match size {
        Ok(size) => image_look(uri, size, max_side),
        Err(reason) => Look::Broken(format!("The image cannot be read: {reason}.")),
    }
}

/// The files dropped on the window this frame that are neither postmortems nor Markdown:
/// files to attach.
fn dropped_attachments(ctx: &egui::Context) -> Vec<PathBuf> {
    ctx.input(|input| {
        input
            .raw
            .dropped_files
            .iter()
            .map(|file| file.path().to_owned())
            .filter(|path| {
                !path.as_os_str().is_empty()
                    && !super::is_markdown(path)
                    && !path
                        .extension()
                        .is_some_and(|ext| ext.eq_ignore_ascii_case("ron"))
            })
            .collect()
    })
}
