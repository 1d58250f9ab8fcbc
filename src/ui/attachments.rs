//! Attached files where they belong: a strip of cards under a section, under the selected
//! timeline row and at the end of the analysis, each with its thumbnail, its caption to edit
//! and its buttons; and the viewer that shows one image whole, to zoom and pan.
//!
//! Thumbnails come from egui's image loaders, which read and decode the file in the
//! background and keep it; an image the editor cannot show safely (see [`Look`]) is a
//! broken-image mark with the reason, never handed to the loaders.

use crate::model::{AttachedTo, Attachment, Edit, ListEdit, Postmortem, attached_at};
use crate::session::{Look, Looks, Request, UiRequests};

use super::accessible::accessible_name;

/// The largest a thumbnail is drawn.
const THUMBNAIL: egui::Vec2 = egui::vec2(200.0, 130.0);

/// The width of one attachment's card.
const CARD_WIDTH: f32 = 216.0;

/// What a strip of attachments is called for, in the words its buttons use: "the Impact
/// section", "row 3", "the postmortem".
pub struct Where<'a> {
    /// Where new files go.
    pub place: AttachedTo,
    /// The place in words, for the buttons' names.
    pub words: &'a str,
}

/// The attachments at `place`, as a strip of cards; nothing when there are none.
pub fn attachments_ui(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    looks: &Looks,
    place: AttachedTo,
    requests: &mut UiRequests,
) {
    let shown: Vec<(usize, &Attachment)> =
        attached_at(&doc.attachments, place, |place| doc.has_place(place)).collect();
    if shown.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for (index, attachment) in &shown {
            card_ui(ui, *index, attachment, looks, requests);
        }
    });
}

/// The small button that asks for a file to attach at `at`.
pub fn attach_button_ui(ui: &mut egui::Ui, at: &Where<'_>, requests: &mut UiRequests) {
    let attach = ui.small_button("\u{1f4ce} Attach file\u{2026}");
    accessible_name(
        &attach,
        egui::Role::Button,
        &format!("Attach a file to {}", at.words),
    );
    if attach.on_hover_text("Or drop files here").clicked() {
        requests.push(Request::Attach(at.place));
    }
}

/// One attachment: its thumbnail (or its name, or why it cannot be shown), its caption and
/// its buttons.
fn card_ui(
    ui: &mut egui::Ui,
    index: usize,
    attachment: &Attachment,
    looks: &Looks,
    requests: &mut UiRequests,
) {
    let name = attachment.display_name().to_owned();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(CARD_WIDTH);
        ui.vertical(|ui| {
            let shown = match looks.get(&attachment.path) {
                // An image whose header reads well but whose data does not (cut short,
                // corrupt) is known once the loaders have tried it: a broken mark too.
                Some(Look::Image { uri, size }) => {
                    if let Err(error) = ui.ctx().try_load_image(uri, egui::SizeHint::default()) {
                        broken_ui(ui, &format!("The image cannot be shown: {error}"));
                        false
                    } else {
                        let image = ui.add(
                            egui::Image::new(uri.as_str())
                                .fit_to_exact_size(thumbnail_size(*size))
                                .alt_text(name.as_str())
                                .sense(egui::Sense::click()),
                        );
                        image.on_hover_cursor(egui::CursorIcon::ZoomIn).clicked()
                    }
                }
                Some(Look::Broken(reason)) => {
                    broken_ui(ui, reason);
                    false
                }
                Some(Look::Missing) => {
                    broken_ui(ui, &format!("The file is not there: {}", attachment.path));
                    false
                }
                Some(Look::File) | None => {
                    ui.label(format!("\u{1f4c4} {}", attachment.original_name));
                    false
                }
            };
            let mut caption = attachment.caption.clone();
            let field = ui.add(
                egui::TextEdit::multiline(&mut caption)
                    .hint_text("Caption: what it shows")
                    .desired_rows(1)
                    .desired_width(CARD_WIDTH - 8.0),
            );
            accessible_name(
                &field,
                egui::Role::TextInput,
                &format!("Caption of {}", attachment.original_name),
            );
            if field.changed() {
                requests.edits([Edit::Attachments(ListEdit::Replace(
                    index,
                    Attachment {
                        caption,
                        ..attachment.clone()
                    },
                ))]);
            }
            ui.horizontal(|ui| {
                let view = ui.small_button("View");
                accessible_name(&view, egui::Role::Button, &format!("View {name}"));
                let remove = ui.small_button("Remove");
                accessible_name(&remove, egui::Role::Button, &format!("Remove {name}"));
                if view.clicked() || shown {
                    requests.push(Request::ViewAttachment(index));
                }
                if remove.clicked() {
                    requests.edits([Edit::Attachments(ListEdit::Remove(index))]);
                }
            });
        });
    });
}

/// The size a thumbnail of an image of `size` pixels is drawn at: the whole image, scaled
/// down (never up) to fit [`THUMBNAIL`].
fn thumbnail_size((width, height): (u32, u32)) -> egui::Vec2 {
    #[allow(
        clippy::cast_precision_loss,
        reason = "an image's side in pixels, far below f32's exact range"
    )]
    let natural = egui::vec2(width.max(1) as f32, height.max(1) as f32);
    let scale = (THUMBNAIL.x / natural.x)
        .min(THUMBNAIL.y / natural.y)
        .min(1.0);
    natural * scale
}

/// The broken-image mark: the space a thumbnail takes, with the reason written in it.
fn broken_ui(ui: &mut egui::Ui, reason: &str) {
    let color = ui.visuals().error_fg_color;
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.0, color))
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.set_width(THUMBNAIL.x - 12.0);
            ui.add(
                egui::Label::new(egui::RichText::new(format!("\u{26a0} {reason}")).color(color))
                    .wrap(),
            );
        });
}

/// Files dragged over `rect` are outlined there, and attached there when dropped.
pub fn drop_target(ui: &egui::Ui, rect: egui::Rect, at: &Where<'_>, requests: &mut UiRequests) {
    let (hovering, dropped, pointer) = ui.ctx().input(|input| {
        (
            !input.raw.hovered_files.is_empty(),
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_owned())
                .filter(|path| !path.as_os_str().is_empty())
                .collect::<Vec<_>>(),
            input.pointer.hover_pos(),
        )
    });
    let over = pointer.is_some_and(|pointer| rect.expand(8.0).contains(pointer));
    if hovering && over {
        ui.painter().rect_stroke(
            rect.expand(4.0),
            4.0,
            egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
            egui::StrokeKind::Outside,
        );
    }
    if over && !dropped.is_empty() {
        requests.push(Request::AttachFiles(dropped, at.place));
    }
}

/// The image pasted this frame (Ctrl+V with a screenshot on the clipboard), if one was.
#[must_use]
pub fn pasted_image(ctx: &egui::Context) -> Option<std::sync::Arc<egui::ColorImage>> {
    ctx.input(|input| {
        input.events.iter().find_map(|event| match event {
            egui::Event::PasteImage(image) => Some(std::sync::Arc::clone(image)),
            _ => None,
        })
    })
}

/// After a save: the files in the attachments folder that Hindsight did not write and
/// nothing refers to. Hindsight removes its own such files itself; these only if the person
/// says so.
pub fn foreign_files_ui(ctx: &egui::Context, names: &[String], requests: &mut UiRequests) {
    use crate::session::ModalAnswer;
    let modal = super::accessible::dialog("foreign_files", "Files in the attachments folder").show(
        ctx,
        |ui| {
            ui.set_max_width(560.0);
            super::accessible::heading(ui, "Files Hindsight did not put there");
            ui.add_space(6.0);
            ui.add(
                egui::Label::new(format!(
                    "The postmortem's attachments folder holds {} that nothing in it refers to \
                     and that Hindsight did not write. Someone may have put them there on \
                     purpose.",
                    crate::model::plural(names.len(), "file")
                ))
                .wrap(),
            );
            ui.add_space(4.0);
            for name in names.iter().take(12) {
                ui.label(format!("\u{2022} {name}"));
            }
            if names.len() > 12 {
                ui.weak(format!("and {} more", names.len() - 12));
            }
            ui.add_space(10.0);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let keep = ui.button("Keep them");
                super::accessible::default_answer(ui, &keep);
                if keep.clicked() {
                    requests.answer(ModalAnswer::ForeignFiles(false));
                }
                if ui.button("Remove them").clicked() {
                    requests.answer(ModalAnswer::ForeignFiles(true));
                }
            });
        },
    );
    if modal.should_close()
        && !requests.answered(|answer| matches!(answer, ModalAnswer::ForeignFiles(_)))
    {
        requests.answer(ModalAnswer::ForeignFiles(false));
    }
}

/// The viewer: one image whole, in a window over the editor, to zoom (the wheel with Ctrl,
/// or the buttons) and pan (drag). `scene` keeps what part of the image is in view.
pub fn viewer_ui(
    ctx: &egui::Context,
    attachment: &Attachment,
    look: Option<&Look>,
    scene: &mut egui::Rect,
    requests: &mut UiRequests,
) {
    let name = attachment.display_name().to_owned();
    let modal = super::accessible::dialog("attachment_viewer", &name).show(ctx, |ui| {
        let screen = ui.ctx().content_rect();
        ui.set_width((screen.width() * 0.8).max(320.0));
        super::accessible::heading(ui, name.as_str());
        if attachment.caption.trim().is_empty() {
            ui.weak(attachment.original_name.as_str());
        }
        let mut close = false;
        ui.horizontal(|ui| {
            let zoom_in = ui.button("Zoom in");
            let zoom_out = ui.button("Zoom out");
            let fit = ui.button("Fit");
            let actual = ui.button("Actual size");
            close = ui.button("Close").clicked();
            if let Some(Look::Image { .. }) = look {
                // The view is the part of the image shown: a smaller one is nearer. Plus and
                // minus do the same from the keyboard.
                let (plus, minus) = ui.input(|input| {
                    (
                        input.key_pressed(egui::Key::Plus) || input.key_pressed(egui::Key::Equals),
                        input.key_pressed(egui::Key::Minus),
                    )
                });
                if (zoom_in.clicked() || plus) && scene.is_positive() {
                    *scene = scene.scale_from_center(0.8);
                }
                if (zoom_out.clicked() || minus) && scene.is_positive() {
                    *scene = scene.scale_from_center(1.25);
                }
                // An empty view is one the scene resets to the whole image.
                if fit.clicked() {
                    *scene = egui::Rect::ZERO;
                }
                if actual.clicked() {
                    *scene = egui::Rect::from_min_size(
                        egui::Pos2::ZERO,
                        egui::vec2(ui.available_width(), screen.height() * 0.7),
                    );
                }
            }
        });
        match look {
            Some(Look::Image { uri, size }) => {
                #[allow(
                    clippy::cast_precision_loss,
                    reason = "an image's side in pixels, far below f32's exact range"
                )]
                let natural = egui::vec2(size.0 as f32, size.1 as f32);
                let height = (screen.height() * 0.7).max(200.0);
                ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
                    egui::Frame::canvas(ui.style()).show(ui, |ui| {
                        ui.set_min_size(egui::vec2(ui.available_width(), height));
                        egui::Scene::new()
                            .zoom_range(0.05..=8.0)
                            .show(ui, scene, |ui| {
                                ui.add(
                                    egui::Image::new(uri.as_str())
                                        .fit_to_exact_size(natural)
                                        .alt_text(name.as_str()),
                                );
                            });
                    });
                });
                ui.weak("Drag to pan; Ctrl and the wheel, a pinch, or + and \u{2212} to zoom.");
            }
            Some(Look::Broken(reason)) => broken_ui(ui, reason),
            Some(Look::Missing) => {
                broken_ui(ui, &format!("The file is not there: {}", attachment.path));
            }
            Some(Look::File) | None => {
                ui.label(format!(
                    "{} is kept beside the postmortem as {}.",
                    attachment.original_name, attachment.path
                ));
            }
        }
        close
    });
    if modal.inner || modal.should_close() {
        requests.answer(crate::session::ModalAnswer::CloseViewer);
    }
}
