//! The rows a paste or a file would add, shown before anything is added: one line each with a
//! box to leave it out, its time, actor and event, and what else is known of it (the lines it
//! came from, a key time it could mark). Both forms show their rows here, so they look and
//! read the same to a person and to a screen reader.

use chrono::{DateTime, Utc};

use crate::model::{Postmortem, TimelineRow, format_instant};

/// The room a preview's column takes, in points. The event takes what is left of the form.
const CHECK_WIDTH: f32 = 22.0;
const TIME_WIDTH: f32 = 160.0;
const ACTOR_WIDTH: f32 = 130.0;

/// The least an event is given, so a narrow window still shows a few words of each.
const LEAST_EVENT_WIDTH: f32 = 200.0;

/// One row of a preview.
pub struct PreviewRow<'a> {
    /// The row as it would be added.
    pub row: &'a TimelineRow,
    /// Whether it is to be added; the box beside it changes this.
    pub included: &'a mut bool,
    /// Whether the timeline has it already (the same time and event), said beside it.
    pub already_there: bool,
}

/// How wide a form showing a preview is: most of a wide window, so long messages wrap into
/// few lines, and never past a narrow one's edge.
pub fn form_width(ctx: &egui::Context) -> f32 {
    (ctx.content_rect().width() - 80.0).clamp(520.0, 920.0)
}

/// How much of the window a form's body may take before it scrolls: all of it but the
/// form's heading, its buttons and the margins around them.
pub fn body_height(ctx: &egui::Context) -> f32 {
    (ctx.content_rect().height() - FORM_CHROME).max(200.0)
}

/// The height of a form's heading, its row of buttons, and the margins of the form and of
/// the window around it.
const FORM_CHROME: f32 = 170.0;

/// How tall the list of rows may grow: a good part of the window, so several rows are seen
/// at once, while the form's buttons stay on screen.
fn list_height(ctx: &egui::Context) -> f32 {
    (ctx.content_rect().height() * 0.4).clamp(160.0, 520.0)
}

/// Draws `rows` in a scrolling list; `trailing` draws the last column of row `index` and
/// takes `trailing_width` points. The first row's box takes the keyboard when `focus_first`.
pub fn rows_preview<'a>(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    rows: impl Iterator<Item = PreviewRow<'a>>,
    trailing_width: f32,
    focus_first: bool,
    mut trailing: impl FnMut(&mut egui::Ui, usize),
) {
    let spacing = ui.spacing().item_spacing.x;
    let event_width = (ui.available_width()
        - CHECK_WIDTH
        - TIME_WIDTH
        - ACTOR_WIDTH
        - trailing_width
        - 4.0 * spacing
        // The scroll bar's room, so the last column is not under it.
        - 16.0)
        .max(LEAST_EVENT_WIDTH);
    let height = list_height(ui.ctx());
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .max_height(height)
        // Its own height, not the room left below it in a dialog that is centred and moves
        // as it grows.
        .min_scrolled_height(height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (index, shown) in rows.enumerate() {
                let fill = if index % 2 == 1 {
                    ui.visuals().faint_bg_color
                } else {
                    egui::Color32::TRANSPARENT
                };
                egui::Frame::new()
                    .fill(fill)
                    .inner_margin(egui::Margin::symmetric(0, 3))
                    .show(ui, |ui| {
                        ui.horizontal_top(|ui| {
                            let add = ui.add_sized(
                                [CHECK_WIDTH, 18.0],
                                egui::Checkbox::without_text(shown.included),
                            );
                            let there = if shown.already_there {
                                " (in the timeline already)"
                            } else {
                                ""
                            };
                            let name = format!(
                                "Add row {}: {}{there}",
                                index + 1,
                                said_in_brief(doc, shown.row)
                            );
                            crate::ui::accessible::name_check_box(&add, &name, *shown.included);
                            if index == 0 && focus_first {
                                add.request_focus();
                            }
                            // Tab walks the boxes down the list: the one with the keyboard
                            // is scrolled into view, so the person sees where it is.
                            if add.gained_focus() {
                                add.scroll_to_me(None);
                            }
                            cell(ui, TIME_WIDTH, |ui| time_cell(ui, doc, shown.row.time));
                            cell(ui, ACTOR_WIDTH, |ui| {
                                actor_cell(ui, shown.row.actor.as_deref());
                            });
                            cell(ui, event_width, |ui| event_cell(ui, &shown.row.event));
                            cell(ui, trailing_width, |ui| {
                                trailing(ui, index);
                                if shown.already_there {
                                    ui.weak("in the timeline");
                                }
                            });
                        });
                    });
            }
        });
}

/// A column of a preview's row: `width` wide, its content at the top, wrapping within it.
fn cell(ui: &mut egui::Ui, width: f32, content: impl FnOnce(&mut egui::Ui)) {
    ui.allocate_ui_with_layout(
        egui::vec2(width, 0.0),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_width(width);
            content(ui);
        },
    );
}

/// A row's event. A message with no words (an image alone in an export) says so, rather
/// than showing, and being read as, nothing.
fn event_cell(ui: &mut egui::Ui, event: &str) {
    if event.trim().is_empty() {
        ui.weak("(no text)");
    } else {
        ui.add(egui::Label::new(event).wrap());
    }
}

/// A row's time in the document's zone.
fn time_cell(ui: &mut egui::Ui, doc: &Postmortem, time: Option<DateTime<Utc>>) {
    match time {
        Some(time) => ui.monospace(format_instant(time, doc.time_zone)),
        None => ui.weak("no time"),
    };
}

/// A row's actor; none leaves the cell empty, with nothing for a screen reader to stop on.
fn actor_cell(ui: &mut egui::Ui, actor: Option<&str>) {
    if let Some(actor) = actor.filter(|actor| !actor.trim().is_empty()) {
        ui.add(egui::Label::new(actor).wrap());
    }
}

/// How many of an event's words name a row to a screen reader, beside its time and actor.
const WORDS_IN_BRIEF: usize = 8;

/// How many characters of them at most: an address is one long word.
const CHARS_IN_BRIEF: usize = 60;

/// A row in a few words, for the name of the check box that adds it: its time, its actor and
/// the start of its event, so that moving from box to box tells which message each adds.
fn said_in_brief(doc: &Postmortem, row: &TimelineRow) -> String {
    let time = row.time.map_or_else(
        || "no time".to_owned(),
        |time| format_instant(time, doc.time_zone),
    );
    let mut words = row.event.split_whitespace();
    let mut event: Vec<&str> = words.by_ref().take(WORDS_IN_BRIEF).collect();
    if words.next().is_some() {
        event.push("\u{2026}");
    }
    let event = if event.is_empty() {
        "(no text)".to_owned()
    } else {
        let joined = event.join(" ");
        if joined.chars().count() > CHARS_IN_BRIEF {
            let cut: String = joined.chars().take(CHARS_IN_BRIEF).collect();
            format!("{}\u{2026}", cut.trim_end_matches('\u{2026}').trim_end())
        } else {
            joined
        }
    };
    match row
        .actor
        .as_deref()
        .filter(|actor| !actor.trim().is_empty())
    {
        Some(actor) => format!("{time}, {actor}: {event}"),
        None => format!("{time}: {event}"),
    }
}

/// "12 rows to add", or "9 of 12 rows to add" when some are left out.
pub fn count_line(chosen: usize, all: usize) -> String {
    match (chosen, all) {
        (1, 1) => "1 row to add".to_owned(),
        (chosen, all) if chosen == all => format!("{all} rows to add"),
        (chosen, all) => format!("{chosen} of {all} rows to add"),
    }
}

/// Says how many rows start unticked because the timeline has them already.
pub fn already_there_line(ui: &mut egui::Ui, there: usize) {
    if there > 0 {
        ui.weak(if there == 1 {
            "1 row is in the timeline already and starts unticked.".to_owned()
        } else {
            format!("{there} rows are in the timeline already and start unticked.")
        });
    }
}

/// Whether `rows` already hold `row`: the same time and the same event (an export imported
/// twice, lines pasted again).
pub fn already_there(rows: &[TimelineRow], row: &TimelineRow) -> bool {
    rows.iter()
        .any(|existing| existing.time == row.time && existing.event.trim() == row.event.trim())
}

/// How far from the incident's start a row may be before the preview says so.
const FAR_DAYS: i64 = 7;

/// Points out rows more than [`FAR_DAYS`] from the incident's start: a date line meant for
/// another day, or a year typed wrong, shows here before it sends rows years away.
pub fn far_from_incident_ui(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    times: impl Iterator<Item = DateTime<Utc>>,
) {
    let Some(started) = doc.key_times.started else {
        return;
    };
    let far = times
        .filter(|time| (*time - started).num_days().abs() > FAR_DAYS)
        .count();
    if far > 0 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "{} more than {FAR_DAYS} days from the incident's start ({}): check {} \
                 dates, and the year of the incident.",
                if far == 1 {
                    "1 row is".to_owned()
                } else {
                    format!("{far} rows are")
                },
                format_instant(started, doc.time_zone),
                if far == 1 { "its" } else { "their" },
            ),
        );
    }
}
