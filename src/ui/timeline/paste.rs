//! "Paste from chat", and the import of a file's rows: the pasted text (or the file's), a
//! preview of the rows it makes with the lines each came from, and the lines that made
//! nothing with why, before anything is added.

use chrono::NaiveDate;

use super::preview;
use super::state::{ImportedRows, PasteForm, TimelineState};
use crate::model::{
    Direction, Edit, Postmortem, TimelineField, TimelineRow, WrittenDay, key_times_out_of_order,
    rows_out_of_order,
};
use crate::sources::{self, Imported, ReadingChoices, SourceError, SourceKind};
use crate::sources::{ChatPaste, PasteContext, ResolvedPaste, parse_chat, resolve_paste};
use crate::ui::reading_choices::{ReadingShown, reading_choices_ui};

/// Draws the form while it is open; adding the rows is one edit.
pub fn paste_form_ui(
    ctx: &egui::Context,
    doc: &Postmortem,
    state: &mut TimelineState,
    today: NaiveDate,
    edits: &mut Vec<Edit>,
) {
    let Some(form) = state.paste.as_mut() else {
        return;
    };
    let mut close = false;
    let mut first_added = None;
    let mut pasted_export = None;
    // Rows from a file are an import, whether its text is read as a paste or its rows are
    // a pager's: the title says where they come from.
    let title = if form.imported.is_some() || form.source.is_some() {
        "Import timeline rows"
    } else {
        "Paste from chat"
    };
    let modal = crate::ui::accessible::dialog("paste_from_chat", title).show(ctx, |ui| {
        ui.set_width(preview::form_width(ui.ctx()));
        crate::ui::accessible::heading(ui, title);
        // Everything between the heading and the buttons scrolls, so that however much the
        // preview holds, the form fits the window and its buttons stay on screen.
        let body = egui::ScrollArea::vertical()
            .id_salt("paste_form_body")
            .max_height(preview::body_height(ui.ctx()))
            // Its own height, not the room left below it: a dialog is centred, and the room
            // below moves as it grows.
            .min_scrolled_height(preview::body_height(ui.ctx()))
            .auto_shrink([false, true]);
        let rows = body.show(ui, |ui| {
            let rows: Vec<TimelineRow> = if let Some(imported) = form.imported.as_mut() {
                imported_ui(ui, doc, imported);
                imported
                    .rows
                    .iter()
                    .zip(&imported.accepted)
                    .zip(&imported.included)
                    .filter(|(_, included)| **included)
                    .map(|((imported, accepted), _)| {
                        let mut row = imported.row.clone();
                        if let Some(marker) = imported.suggests.filter(|_| *accepted) {
                            row.marker = marker;
                        }
                        row
                    })
                    .collect()
            } else {
                paste_text_ui(ui, doc, form, today, &mut pasted_export)
            };
            // An empty timeline is in time order: the rows go in at their places.
            let in_time_order = rows_out_of_order(&doc.timeline).is_empty()
                && (doc.timeline.is_empty() || doc.timeline.iter().any(|row| row.time.is_some()));
            if !rows.is_empty() {
                ui.weak(if in_time_order {
                    "The rows go in at their places in time."
                } else {
                    "The timeline is not in time order, so the rows go in below the selected row."
                });
            }
            for problem in key_time_problems_added(doc, &rows) {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("{problem} Check the marks ticked above."),
                );
            }
            (rows, in_time_order)
        });
        let (rows, in_time_order) = rows.inner;
        ui.add_space(10.0);
        crate::ui::dialog_buttons::dialog_buttons(ui, |ui| {
            if ui.button("Cancel").clicked() {
                close = true;
            }
            let add = ui.add_enabled(
                !rows.is_empty(),
                egui::Button::new(match rows.len() {
                    1 => "Add 1 row".to_owned(),
                    count => format!("Add {count} rows"),
                }),
            );
            if add.clicked() {
                first_added = rows.first().map(|row| row.id);
                edits.push(if in_time_order {
                    Edit::InsertRowsByTime(rows)
                } else {
                    Edit::InsertRows(form.insert_at, rows)
                });
                close = true;
            }
        });
    });
    let escaped = modal.should_close()
        && !crate::ui::reading_choices::escape_closed_the_day_picker(&modal.response.ctx);
    if escaped || close {
        state.paste = None;
    } else if let Some(imported) = pasted_export {
        // A whole export pasted (a chat exporter's page, a pager's JSON) is read as the
        // file would be, and shown row by row like one.
        super::commands::show_import(
            &doc.timeline,
            state,
            "the pasted text".to_owned(),
            imported,
            None,
        );
    }
    if let Some(id) = first_added {
        // The keyboard goes on in the timeline, at the first row added, rather than being
        // left nowhere as the form closes.
        state.edit(id, TimelineField::Event);
    }
}

/// The text box of a paste and the preview of what it makes; returns the rows. A pasted
/// export that a reader of files knows goes to `pasted_export`, read.
fn paste_text_ui(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    form: &mut PasteForm,
    today: NaiveDate,
    pasted_export: &mut Option<Imported>,
) -> Vec<TimelineRow> {
    let label = if let Some(source) = &form.source {
        ui.label(format!(
            "From {source}: its lines are read as a paste is. Correct them here, or how they \
             are read below, before the rows are added."
        ));
        ui.add_space(6.0);
        ui.weak(format!("Lines of {source}"))
    } else {
        ui.label(
            "Paste messages copied from Slack, Teams, Discord, Mattermost or an IRC log, lines \
             that start with a time (14:03, 2:03 PM, 14:20 UTC, 2015-10-06T21:30:42Z), or rows \
             of a table. A date on a line of its own dates the times below it.",
        );
        ui.add_space(6.0);
        ui.weak("Chat lines")
    };
    let field = egui::TextEdit::multiline(&mut form.text)
        .desired_rows(6)
        .desired_width(f32::INFINITY)
        .hint_text("Paste the lines here (Ctrl+V)");
    let response = egui::ScrollArea::vertical()
        .id_salt("paste_text")
        .max_height(160.0)
        .min_scrolled_height(160.0)
        .show(ui, |ui| ui.add(field))
        .inner
        .labelled_by(label.id);
    if form.request_paste {
        form.request_paste = false;
        response.request_focus();
        ui.ctx()
            .send_viewport_cmd(egui::ViewportCommand::RequestPaste);
    }
    if response.changed() {
        form.refused = None;
        match read_pasted_export(&form.text, doc, today, form.choices) {
            Some(Ok(imported)) => *pasted_export = Some(imported),
            Some(Err(reason)) => form.refused = Some(reason),
            None => {}
        }
    }
    if let Some(reason) = &form.refused {
        ui.add_space(8.0);
        ui.colored_label(ui.visuals().error_fg_color, reason);
        return Vec::new();
    }
    let parsed = parse_chat(&form.text);
    let context = form.choices.context(doc, today);
    let resolved = resolve_paste(&parsed, &context);
    if !parsed.rows.is_empty() {
        assumptions_ui(ui, &parsed, &context, &resolved, &mut form.choices);
    }
    preview_ui(ui, doc, form, resolved)
}

/// Reads pasted text that is a whole export rather than lines of chat: its rows, or why it
/// cannot be read (JSON of an unknown shape, a feed, a broken export) — never its markup
/// read as chat lines. None when the text is lines of chat.
fn read_pasted_export(
    text: &str,
    doc: &Postmortem,
    today: NaiveDate,
    choices: ReadingChoices,
) -> Option<Result<Imported, String>> {
    let kind = sources::detect(text);
    if kind == SourceKind::Text {
        return None;
    }
    Some(
        sources::import(text, kind, doc, today, &choices).map_err(|error| match error {
            SourceError::Unreadable {
                line,
                column,
                reason,
            } => format!(
                "The pasted text was not read: line {line}, column {column}: {reason}. \
                 No rows were made from it."
            ),
            other => format!("The pasted text was not read: it is {other}."),
        }),
    )
}

/// What the reading assumed — the zone, the day, the order of the lines and of numbers in
/// dates — each with a control to correct it; the preview below reads the lines again at once.
fn assumptions_ui(
    ui: &mut egui::Ui,
    parsed: &ChatPaste,
    context: &PasteContext,
    resolved: &ResolvedPaste,
    choices: &mut ReadingChoices,
) {
    let chosen_or = |chosen: bool, otherwise: &str| {
        if chosen {
            "as you chose".to_owned()
        } else {
            otherwise.to_owned()
        }
    };
    let shown = ReadingShown {
        zone: (
            context.zone,
            chosen_or(choices.zone.is_some(), "the document's"),
        ),
        day: (
            context.day,
            chosen_or(choices.day.is_some(), "the incident's day"),
        ),
        newest_first: (
            resolved.direction == Direction::NewestFirst,
            chosen_or(choices.newest_first.is_some(), "found from the times"),
        ),
        day_order: has_numbers_only_dates(parsed).then(|| {
            let why = match (choices.day_order, parsed.day_order) {
                (Some(_), _) => "as you chose".to_owned(),
                (None, Some(_)) => "from the other dates pasted".to_owned(),
                (None, None) => format!("usual in {}", crate::model::zone_label(context.zone)),
            };
            (resolved.day_order, why)
        }),
    };
    ui.add_space(8.0);
    ui.strong("How the lines are read");
    reading_choices_ui(ui, "paste_assumptions", &shown, choices);
}

/// Whether any pasted time has a date written with numbers alone that reads both ways.
fn has_numbers_only_dates(parsed: &ChatPaste) -> bool {
    parsed
        .rows
        .iter()
        .filter_map(|row| row.clock?.date)
        .any(|day| matches!(day, WrittenDay::Numeric { .. }))
}

/// The rows read from a file that is not text, each with the key-time marker it suggests
/// (a pager's trigger, acknowledge or resolve) to accept or not.
fn imported_ui(ui: &mut egui::Ui, doc: &Postmortem, imported: &mut ImportedRows) {
    ui.label(format!("From {}", imported.source));
    ui.add_space(8.0);
    let chosen = imported
        .included
        .iter()
        .filter(|included| **included)
        .count();
    ui.strong(preview::count_line(chosen, imported.rows.len()));
    preview::far_from_incident_ui(ui, doc, imported.rows.iter().filter_map(|row| row.row.time));
    preview::already_there_line(ui, imported.already_there);
    let routine = imported.routine;
    if routine > 0 {
        ui.weak(if routine == 1 {
            "1 row is the pager notifying someone and starts unticked.".to_owned()
        } else {
            format!("{routine} rows are the pager notifying people and start unticked.")
        });
    }
    let ImportedRows {
        source,
        rows,
        included,
        accepted,
        focus_first,
        ..
    } = imported;
    let already_there: Vec<bool> = rows
        .iter()
        .map(|row| preview::already_there(&doc.timeline, &row.row))
        .collect();
    let marks = rows.iter().any(|row| row.suggests.is_some());
    let shown = rows
        .iter()
        .zip(included.iter_mut())
        .zip(already_there.iter())
        .map(|((row, included), there)| preview::PreviewRow {
            row: &row.row,
            included,
            already_there: *there,
        });
    // Salted with what is shown, so a shorter list does not open at the height, or the
    // place, of a longer one shown before it.
    let salt = ("imported_rows", &*source, rows.len());
    let trailing_width = if marks { 210.0 } else { 0.0 };
    let focus = std::mem::take(focus_first);
    preview::rows_preview(ui, doc, salt, shown, trailing_width, focus, |ui, index| {
        let (row, accepted) = (&rows[index], &mut accepted[index]);
        if let Some(marker) = row.suggests {
            // The key time it would replace, so the change is seen first.
            let now = crate::model::KeyTime::for_marker(marker)
                .and_then(|key| doc.key_times.get(key))
                .map(|time| format!(" (now {})", doc.local(time).format("%H:%M")))
                .unwrap_or_default();
            let text = format!("Mark {}{now}", marker.label().to_lowercase());
            let check = ui.checkbox(accepted, text);
            let name = format!(
                "Mark row {} {}: sets the key time",
                index + 1,
                marker.label().to_lowercase()
            );
            crate::ui::accessible::name_check_box(&check, &name, *accepted);
        }
    });
}

/// What would be wrong with the key times once `rows` go in with their markers (a pager's
/// acknowledgement accepted as the key time but earlier than the detection already set) and
/// is not wrong now, so the person sees it before adding, not after.
fn key_time_problems_added(doc: &Postmortem, rows: &[TimelineRow]) -> Vec<String> {
    let mut key_times = doc.key_times.clone();
    for row in rows {
        if let (Some(key), Some(time)) = (crate::model::KeyTime::for_marker(row.marker), row.time) {
            key_times.set(key, Some(time));
        }
    }
    let now = key_times_out_of_order(&doc.key_times, doc.time_zone);
    key_times_out_of_order(&key_times, doc.time_zone)
        .into_iter()
        .filter(|problem| !now.contains(problem))
        .map(|(_, message)| message)
        .collect()
}

/// The rows the paste makes, each with the lines it came from and a box to leave it out,
/// and the lines that make none with why; returns the rows to add.
fn preview_ui(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    form: &mut PasteForm,
    resolved: ResolvedPaste,
) -> Vec<TimelineRow> {
    let ResolvedPaste { rows, unused, .. } = resolved;
    // A row is known by the lines it was read from, which stay the same when the zone or
    // the order is corrected and when other lines are edited: the person's choice stays
    // with it.
    let lines: Vec<&str> = form.text.lines().collect();
    let keys: Vec<String> = rows
        .iter()
        .map(|pasted| {
            let written: Vec<&str> = pasted
                .lines
                .iter()
                .filter_map(|line| lines.get(line.wrapping_sub(1)).copied())
                .collect();
            written.join("\n")
        })
        .collect();
    let there: Vec<bool> = rows
        .iter()
        .map(|pasted| preview::already_there(&doc.timeline, &pasted.row))
        .collect();
    let mut included: Vec<bool> = keys
        .iter()
        .zip(&there)
        .map(|(key, there)| *there == form.toggled.contains(key))
        .collect();
    ui.add_space(8.0);
    let chosen = included.iter().filter(|included| **included).count();
    ui.strong(preview::count_line(chosen, rows.len()));
    preview::far_from_incident_ui(ui, doc, rows.iter().filter_map(|pasted| pasted.row.time));
    preview::already_there_line(ui, there.iter().filter(|there| **there).count());
    let untimed = rows
        .iter()
        .filter(|pasted| pasted.row.time.is_none())
        .count();
    if untimed > 0 {
        // Zulip and some other chats copy messages without their times.
        ui.weak(if untimed == 1 {
            "1 row was copied without a time: fill it in once the row is added.".to_owned()
        } else {
            format!(
                "{untimed} rows were copied without times: fill them in once the rows are \
                 added."
            )
        });
    }
    let shown =
        rows.iter()
            .zip(included.iter_mut())
            .zip(&there)
            .map(|((pasted, included), there)| preview::PreviewRow {
                row: &pasted.row,
                included,
                already_there: *there,
            });
    let focus = std::mem::take(&mut form.focus_first);
    preview::rows_preview(ui, doc, "paste_preview", shown, 90.0, focus, |ui, index| {
        ui.weak(lines_text(&rows[index].lines));
    });
    for ((key, there), included) in keys.iter().zip(&there).zip(&included) {
        if *included == *there {
            form.toggled.insert(key.clone());
        } else {
            form.toggled.remove(key);
        }
    }
    if !unused.is_empty() {
        ui.add_space(6.0);
        let count = unused.len();
        ui.colored_label(
            ui.visuals().warn_fg_color,
            if count == 1 {
                "1 line makes no row and will be left out:".to_owned()
            } else {
                format!("{count} lines make no row and will be left out:")
            },
        );
        egui::ScrollArea::vertical()
            .id_salt("paste_unused")
            .max_height(120.0)
            .min_scrolled_height(120.0)
            .show(ui, |ui| {
                for unused in &unused {
                    ui.label(format!(
                        "Line {}: {} \u{2014} {}",
                        unused.line, unused.reason, unused.text
                    ));
                }
            });
    }
    rows.into_iter()
        .zip(included)
        .filter(|(_, included)| *included)
        .map(|(pasted, _)| pasted.row)
        .collect()
}

/// "line 4" or "lines 1–3" (or "lines 1, 3" when they are apart).
fn lines_text(lines: &[usize]) -> String {
    match lines {
        [] => String::new(),
        [line] => format!("line {line}"),
        [first, .., last] if last - first + 1 == lines.len() => {
            format!("lines {first}\u{2013}{last}")
        }
        _ => {
            let numbers: Vec<String> = lines.iter().map(ToString::to_string).collect();
            format!("lines {}", numbers.join(", "))
        }
    }
}
