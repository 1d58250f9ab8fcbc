//! A table's text cell: its text drawn in a field's frame, and egui's own `TextEdit` only
//! while the cell has the keyboard.
//!
//! A screenful of the timeline or the action items holds about 150 text cells. A `TextEdit`
//! lays out and runs a whole editor every frame, which made those tables about seven times
//! as costly to draw as a page of prose (#28), though only one cell is typed in at a time.
//! So a cell at rest draws its text and the field's frame, and takes clicks and the
//! keyboard like any control; the moment it has the keyboard it is a `TextEdit`. Both forms
//! use one `Id`, so the keyboard, Tab's order, the cursor placed by a click and what a screen
//! reader is told (role, name, value, the text itself) pass from one to the other.

use egui::emath::TSTransform;
use egui::text::{CCursorRange, LayoutJob, TextFormat};
use egui::text_edit::TextEditState;
use egui::{Color32, CursorIcon, Galley, Id, Response, Sense, TextEdit, Ui, Vec2};
use std::sync::Arc;

/// A text cell of a table row: what it holds and how it is drawn.
pub struct TextCell<'t> {
    id: Id,
    text: &'t mut String,
    hint: &'t str,
    colour: Option<Color32>,
    /// How many lines the cell shows: 1 for a one-line field; more for a sentence that wraps
    /// onto the row's lines and ends in "…" when it needs more.
    lines: usize,
}

/// What a text cell did this frame.
pub struct TextCellResponse {
    /// The cell's response: `changed` when its text did.
    pub response: Response,
    /// Whether a wrapped cell at rest cut its text short with "…".
    pub cut: bool,
}

impl<'t> TextCell<'t> {
    /// A one-line cell editing `text`, known by `id` (which must stay the cell's from frame
    /// to frame: the row's own identity, not its position, keeps the keyboard on the cell
    /// when rows move).
    pub fn new(id: Id, text: &'t mut String) -> Self {
        Self {
            id,
            text,
            hint: "",
            colour: None,
            lines: 1,
        }
    }

    /// The weak text shown while the cell is empty, which a screen reader reads as the
    /// field's placeholder.
    #[must_use]
    pub fn hint(self, hint: &'t str) -> Self {
        Self { hint, ..self }
    }

    /// The colour of the cell's text (a time out of order, a date that does not read).
    #[must_use]
    pub fn colour(self, colour: Color32) -> Self {
        Self {
            colour: Some(colour),
            ..self
        }
    }

    /// Shows the text wrapped onto `lines` lines; typed in, it scrolls within them. Enter
    /// does not start a new line (the caller decides what it does).
    #[must_use]
    pub fn wrapped(self, lines: usize) -> Self {
        Self {
            lines: lines.max(1),
            ..self
        }
    }

    /// Draws the cell as wide as the room left.
    pub fn show(self, ui: &mut Ui) -> TextCellResponse {
        if ui.memory(|memory| memory.has_focus(self.id)) {
            self.editor(ui)
        } else {
            self.at_rest(ui)
        }
    }

    /// egui's `TextEdit`, for the cell being typed in.
    fn editor(self, ui: &mut Ui) -> TextCellResponse {
        let colour = self.colour.unwrap_or_else(|| text_colour(ui));
        let width = ui.available_width();
        let response = if self.lines == 1 {
            ui.add(
                TextEdit::singleline(self.text)
                    .id(self.id)
                    .hint_text(self.hint)
                    .text_color(colour)
                    .desired_width(width),
            )
        } else {
            let field = TextEdit::multiline(self.text)
                .id(self.id)
                .desired_rows(self.lines)
                .return_key(None)
                .hint_text(self.hint)
                .text_color(colour)
                .desired_width(width);
            egui::ScrollArea::vertical()
                .id_salt(self.id)
                .max_height(ui.available_height())
                .show(ui, |ui| ui.add(field))
                .inner
        };
        TextCellResponse {
            response,
            cut: false,
        }
    }

    /// The text in a field's frame, for a cell nobody is typing in.
    fn at_rest(self, ui: &mut Ui) -> TextCellResponse {
        let padding = ui.spacing().button_padding;
        let line_height = line_height(ui);
        #[allow(
            clippy::cast_precision_loss,
            reason = "a cell shows a handful of lines, far below f32's exact range"
        )]
        let text_height = line_height * self.lines as f32;
        // The size `TextEdit` takes in the same room (it is never narrower than 24 points),
        // so a cell does not move when it comes alive.
        let size = Vec2::new(
            ui.available_width().max(24.0),
            (text_height + 2.0 * padding.y).max(ui.spacing().interact_size.y),
        );
        let (_, rect) = ui.allocate_space(size);
        let mut response = ui
            .interact(rect, self.id, Sense::click_and_drag())
            .on_hover_cursor(CursorIcon::Text);
        let inner = rect.shrink2(padding);
        let colour = self.colour.unwrap_or_else(|| text_colour(ui));
        let galley = self.layout(ui, inner.width(), colour, self.lines);

        if ui.is_rect_visible(rect) {
            let look = ui.style().interact(&response);
            let painter = ui.painter();
            painter.rect(
                rect.expand(look.expansion),
                look.corner_radius,
                ui.visuals().text_edit_bg_color(),
                look.bg_stroke,
                egui::StrokeKind::Inside,
            );
            let painter = painter.with_clip_rect(inner.expand(1.0).intersect(ui.clip_rect()));
            if self.text.is_empty() {
                if !self.hint.is_empty() {
                    let hint = layout(
                        ui,
                        self.hint.to_owned(),
                        inner.width(),
                        ui.visuals().weak_text_color(),
                        1,
                    );
                    painter.galley(inner.min, hint, colour);
                }
            } else {
                painter.galley(inner.min, Arc::clone(&galley), colour);
            }
        }

        // A press puts the cursor where it landed and the keyboard on the cell, as it would
        // in the field itself: a slow click or a drag starts typing too, and a drag goes on
        // selecting in the field from that cursor.
        if response.is_pointer_button_down_on() || response.clicked() {
            if let Some(pointer) = response.interact_pointer_pos() {
                let at = galley.cursor_from_pos(pointer - inner.min);
                let mut state = TextEditState::load(ui.ctx(), self.id).unwrap_or_default();
                state.cursor.set_char_range(Some(CCursorRange::one(at)));
                state.store(ui.ctx(), self.id);
            }
            response.request_focus();
        }
        // The keyboard arrived (a click, Tab, a request): the next frame draws the editor.
        if response.has_focus() {
            ui.ctx().request_repaint();
        }

        // A screen reader may set the whole text without moving the keyboard here first
        // (unless the table is read-only, as `TextEdit` would be).
        let set_to = ui
            .is_enabled()
            .then(|| {
                ui.input(|input| {
                    input
                        .accesskit_action_requests(self.id, egui::accesskit::Action::SetValue)
                        .find_map(|request| match &request.data {
                            Some(egui::accesskit::ActionData::Value(value)) => {
                                Some(value.to_string())
                            }
                            _ => None,
                        })
                })
            })
            .flatten();
        let before = self.text.clone();
        if let Some(value) = set_to
            && value != *self.text
        {
            *self.text = value;
            response.mark_changed();
        }

        self.tell_screen_readers(ui, &response, &before, &galley, inner.min, colour);
        TextCellResponse {
            response,
            cut: galley.elided,
        }
    }

    /// Tells a screen reader what `TextEdit` would: a text field with its value, its
    /// placeholder, and the text itself in runs it can move through.
    fn tell_screen_readers(
        &self,
        ui: &Ui,
        response: &Response,
        before: &str,
        shown: &Arc<Galley>,
        at: egui::Pos2,
        colour: Color32,
    ) {
        let enabled = ui.is_enabled();
        response.widget_info(|| {
            egui::WidgetInfo::text_edit(enabled, before, self.text.as_str(), self.hint)
        });
        // A wrapped cell holds one paragraph too (Enter leaves it), so both are one-line
        // inputs to a screen reader, as the callers name them.
        ui.ctx().accesskit_node_builder(self.id, |node| {
            node.set_role(egui::accesskit::Role::TextInput);
            node.add_action(egui::accesskit::Action::SetValue);
        });
        // A cell cut short still gives a screen reader every word.
        let whole = if shown.elided {
            self.layout(ui, shown.rect.width().max(1.0), colour, usize::MAX)
        } else {
            Arc::clone(shown)
        };
        egui::text_selection::accesskit_text::update_accesskit_for_text_widget(
            ui.ctx(),
            self.id,
            None,
            TSTransform::from_translation(at.to_vec2()),
            &whole,
        );
    }

    fn layout(&self, ui: &Ui, width: f32, colour: Color32, lines: usize) -> Arc<Galley> {
        layout(ui, self.text.clone(), width, colour, lines)
    }
}

/// The colour a field's text has when no other is asked for.
fn text_colour(ui: &Ui) -> Color32 {
    ui.visuals()
        .override_text_color
        .unwrap_or_else(|| ui.visuals().widgets.inactive.text_color())
}

/// The height of a line of a field's text, as `TextEdit` spaces it.
fn line_height(ui: &Ui) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.fonts_mut(|fonts| fonts.row_height(&font)) + ui.spacing().extra_text_line_spacing
}

/// `text` laid out as a field shows it: on one line, clipped by the cell, or wrapped to
/// `width` on at most `lines` lines, the last ending in "…" when more would be needed.
fn layout(ui: &Ui, text: String, width: f32, colour: Color32, lines: usize) -> Arc<Galley> {
    let format = TextFormat {
        font_id: egui::TextStyle::Body.resolve(ui.style()),
        color: colour,
        line_height: Some(line_height(ui)),
        ..TextFormat::default()
    };
    let mut job = LayoutJob::single_section(text, format);
    if lines > 1 {
        job.wrap.max_width = width;
        job.wrap.max_rows = lines;
        job.wrap.overflow_character = Some('\u{2026}');
    }
    ui.fonts_mut(|fonts| fonts.layout_job(job))
}
