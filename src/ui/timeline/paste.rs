//! "Paste from chat": the pasted lines, a preview of the rows they make, and the lines that
//! could not be read, before anything is added.

use chrono::NaiveDate;

use super::state::TimelineState;
use crate::model::{
    ChatPaste, Edit, Postmortem, TimelineRow, format_instant, parse_chat, resolve_after,
};

/// The rows a paste would add, each time read after the one before it, and the lines that
/// did not make a row, with why.
fn preview(
    doc: &Postmortem,
    paste: &ChatPaste,
    insert_at: usize,
    today: NaiveDate,
) -> (Vec<TimelineRow>, Vec<String>) {
    let mut above = doc.timeline[..insert_at.min(doc.timeline.len())]
        .iter()
        .rev()
        .find_map(|row| row.time);
    let mut rows = Vec::new();
    let mut problems: Vec<String> = paste
        .unread
        .iter()
        .map(|line| {
            format!(
                "Line {}: no time at the start \u{2014} {}",
                line.line, line.text
            )
        })
        .collect();
    for line in &paste.rows {
        match resolve_after(
            line.entry,
            above,
            doc.key_times.started,
            doc.time_zone,
            today,
        ) {
            Ok(time) => {
                above = Some(time);
                rows.push(TimelineRow {
                    time: Some(time),
                    event: line.event.clone(),
                    actor: line.actor.clone(),
                    ..TimelineRow::default()
                });
            }
            Err(error) => problems.push(format!("Line {}: {error}", line.line)),
        }
    }
    (rows, problems)
}

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
    let modal = egui::Modal::new(egui::Id::unique("paste_from_chat")).show(ctx, |ui| {
        ui.set_width(720.0);
        ui.heading("Paste from chat");
        ui.label("Each line that starts with a time becomes a row: 14:03 \u{2026}, [14:03] \u{2026} or 14:03:10 name: \u{2026}");
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
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::RequestPaste);
        }

        let parsed = parse_chat(&form.text);
        let (rows, problems) = preview(doc, &parsed, form.insert_at, today);
        ui.add_space(8.0);
        ui.strong(match rows.len() {
            1 => "1 row to add".to_owned(),
            count => format!("{count} rows to add"),
        });
        egui::ScrollArea::vertical()
            .id_salt("paste_preview")
            .max_height(180.0)
            .show(ui, |ui| {
                egui::Grid::new("paste_rows").striped(true).show(ui, |ui| {
                    for row in &rows {
                        ui.monospace(row.time.map_or_else(String::new, |t| format_instant(t, doc.time_zone)));
                        ui.label(row.actor.as_deref().unwrap_or(""));
                        ui.label(&row.event);
                        ui.end_row();
                    }
                });
            });
        if !problems.is_empty() {
            ui.add_space(6.0);
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("{} lines could not be read and will be left out:", problems.len()),
            );
            for problem in &problems {
                ui.label(problem);
            }
        }
        ui.add_space(10.0);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let add = ui.add_enabled(!rows.is_empty(), egui::Button::new(match rows.len() {
                1 => "Add 1 row".to_owned(),
                count => format!("Add {count} rows"),
            }));
            if add.clicked() {
                first_added = rows.first().map(|row| row.id);
                edits.push(Edit::InsertRows(form.insert_at, rows));
                close = true;
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    if modal.should_close() || close {
        state.paste = None;
    }
    if let Some(id) = first_added {
        state.select(id);
    }
}
