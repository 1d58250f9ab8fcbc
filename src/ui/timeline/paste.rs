//! "Paste from chat": the pasted text, a preview of the rows it makes with the lines each
//! came from, and the lines that made nothing with why, before anything is added.

use chrono::NaiveDate;

use super::state::{ImportedRows, PasteForm, TimelineState};
use crate::model::{
    Direction, Edit, Postmortem, TimelineRow, WrittenDay, format_instant, key_times_out_of_order,
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
    let title = if form.imported.is_some() {
        "Import timeline rows"
    } else {
        "Paste from chat"
    };
    let modal = crate::ui::accessible::dialog("paste_from_chat", title).show(ctx, |ui| {
        ui.set_width(720.0);
        let rows: Vec<TimelineRow> = if let Some(imported) = form.imported.as_mut() {
            crate::ui::accessible::heading(ui, "Import timeline rows");
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
            crate::ui::accessible::heading(ui, "Paste from chat");
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
        ui.add_space(10.0);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
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
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    if modal.should_close() || close {
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
        state.select(id);
    }
}

/// The widest a preview's event may be before it wraps: a long message or an address
/// must not push the dialog, and its button to add the rows, past the window's edge.
const EVENT_WIDTH: f32 = 380.0;

/// A row's event in a preview, wrapped at [`EVENT_WIDTH`]. A message with no words (an
/// image alone in an export) says so, rather than showing, and being read as, nothing.
fn event_cell(ui: &mut egui::Ui, event: &str) {
    ui.scope(|ui| {
        ui.set_max_width(EVENT_WIDTH);
        if event.trim().is_empty() {
            ui.weak("(no text)");
        } else {
            ui.add(egui::Label::new(event).wrap());
        }
    });
}

/// A row's time in a preview, in the document's zone.
fn time_cell(ui: &mut egui::Ui, doc: &Postmortem, time: Option<chrono::DateTime<chrono::Utc>>) {
    match time {
        Some(time) => ui.monospace(format_instant(time, doc.time_zone)),
        None => ui.weak("no time"),
    };
}

/// A row's actor in a preview; none leaves the cell empty, with nothing for a screen reader
/// to stop on.
fn actor_cell(ui: &mut egui::Ui, actor: Option<&str>) {
    match actor.filter(|actor| !actor.trim().is_empty()) {
        Some(actor) => {
            ui.label(actor);
        }
        None => crate::ui::accessible::empty_cell(ui),
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

/// The text box of a paste and the preview of what it makes; returns the rows. A pasted
/// export that a reader of files knows goes to `pasted_export`, read.
fn paste_text_ui(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    form: &mut PasteForm,
    today: NaiveDate,
    pasted_export: &mut Option<Imported>,
) -> Vec<TimelineRow> {
    ui.label(
        "Paste messages copied from Slack, Teams, Discord, Mattermost or an IRC log, lines that \
         start with a time (14:03, 2:03 PM, 14:20 UTC, 2015-10-06T21:30:42Z), or rows of \
         a table. A date on a line of its own dates the times below it.",
    );
    ui.add_space(6.0);
    let label = ui.weak("Chat lines");
    let field = egui::TextEdit::multiline(&mut form.text)
        .desired_rows(6)
        .desired_width(f32::INFINITY)
        .hint_text("Paste the lines here (Ctrl+V)");
    let response = egui::ScrollArea::vertical()
        .id_salt("paste_text")
        .max_height(160.0)
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
    preview_ui(ui, doc, &resolved);
    resolved.rows.into_iter().map(|pasted| pasted.row).collect()
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
                (None, None) => format!("usual in {}", context.zone.name()),
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
    ui.strong(match (chosen, imported.rows.len()) {
        (1, 1) => "1 row to add".to_owned(),
        (chosen, all) if chosen == all => format!("{all} rows to add"),
        (chosen, all) => format!("{chosen} of {all} rows to add"),
    });
    far_from_incident_ui(ui, doc, imported.rows.iter().filter_map(|row| row.row.time));
    let there = imported.already_there;
    if there > 0 {
        ui.weak(if there == 1 {
            "1 row is in the timeline already and starts unticked.".to_owned()
        } else {
            format!("{there} rows are in the timeline already and start unticked.")
        });
    }
    let routine = imported.routine;
    if routine > 0 {
        ui.weak(if routine == 1 {
            "1 row is the pager notifying someone and starts unticked.".to_owned()
        } else {
            format!("{routine} rows are the pager notifying people and start unticked.")
        });
    }
    egui::ScrollArea::vertical()
        // Salted with what is shown, so a shorter list does not open at the height of a
        // longer one shown before it.
        .id_salt(("imported_rows", &imported.source, imported.rows.len()))
        .max_height(300.0)
        .show(ui, |ui| {
            // Salted as its scroll area is: a grid keeps its rows' heights from frame to
            // frame, and another file's rows must not lend theirs to these.
            egui::Grid::new(("imported_rows", &imported.source, imported.rows.len()))
                .striped(true)
                .show(ui, |ui| {
                    for (index, ((row, accepted), included)) in imported
                        .rows
                        .iter()
                        .zip(imported.accepted.iter_mut())
                        .zip(imported.included.iter_mut())
                        .enumerate()
                    {
                        let add = ui.checkbox(included, "");
                        let name =
                            format!("Add row {}: {}", index + 1, said_in_brief(doc, &row.row));
                        crate::ui::accessible::name_check_box(&add, &name, *included);
                        if index == 0 && std::mem::take(&mut imported.focus_first) {
                            add.request_focus();
                        }
                        time_cell(ui, doc, row.row.time);
                        actor_cell(ui, row.row.actor.as_deref());
                        event_cell(ui, &row.row.event);
                        match row.suggests {
                            Some(marker) => {
                                // The key time it would replace, so the change is seen first.
                                let now = crate::model::KeyTime::for_marker(marker)
                                    .and_then(|key| doc.key_times.get(key))
                                    .map(|time| {
                                        format!(" (now {})", doc.local(time).format("%H:%M"))
                                    })
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
                            None => {
                                crate::ui::accessible::empty_cell(ui);
                            }
                        }
                        ui.end_row();
                    }
                });
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

/// How far from the incident's start a pasted row may be before the preview says so.
const FAR_DAYS: i64 = 7;

/// The rows the paste makes, each with the lines it came from, and the lines that make none
/// with why.
fn preview_ui(ui: &mut egui::Ui, doc: &Postmortem, resolved: &ResolvedPaste) {
    let rows = &resolved.rows;
    ui.add_space(8.0);
    ui.strong(match rows.len() {
        1 => "1 row to add".to_owned(),
        count => format!("{count} rows to add"),
    });
    far_from_incident_ui(ui, doc, rows.iter().filter_map(|pasted| pasted.row.time));
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
    egui::ScrollArea::vertical()
        .id_salt("paste_preview")
        .max_height(180.0)
        .show(ui, |ui| {
            egui::Grid::new("paste_rows").striped(true).show(ui, |ui| {
                for pasted in rows {
                    let row = &pasted.row;
                    time_cell(ui, doc, row.time);
                    actor_cell(ui, row.actor.as_deref());
                    event_cell(ui, &row.event);
                    ui.weak(lines_text(&pasted.lines));
                    ui.end_row();
                }
            });
        });
    if !resolved.unused.is_empty() {
        ui.add_space(6.0);
        let count = resolved.unused.len();
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
            .show(ui, |ui| {
                for unused in &resolved.unused {
                    ui.label(format!(
                        "Line {}: {} \u{2014} {}",
                        unused.line, unused.reason, unused.text
                    ));
                }
            });
    }
}

/// Points out rows more than [`FAR_DAYS`] from the incident's start: a date line meant for
/// another day, or a year typed wrong, shows here before it sends rows years away.
fn far_from_incident_ui(
    ui: &mut egui::Ui,
    doc: &Postmortem,
    times: impl Iterator<Item = chrono::DateTime<chrono::Utc>>,
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
