//! Choosing what to read from a Slack export: a channel and a time window (the incident's,
//! widened by an hour, to start with). The app reads the messages and shows them in the
//! import form, where the person picks which become rows.

use super::state::TimelineState;
use crate::model::{
    DayContext, DayOrder, Postmortem, TimeEntryError, incident_day, parse_time_entry,
};
use crate::session::{Request, SlackChoice, UiRequests};
use crate::ui::accessible::accessible_name;

/// Draws the form while it is open.
pub fn slack_form_ui(
    ctx: &egui::Context,
    doc: &Postmortem,
    state: &mut TimelineState,
    requests: &mut UiRequests,
) {
    let Some(form) = state.slack.as_mut() else {
        return;
    };
    let mut close = false;
    let modal = crate::ui::accessible::dialog("slack_import", "Import from a Slack export").show(
        ctx,
        |ui| {
            ui.set_width(560.0);
            crate::ui::accessible::heading(ui, "Import from a Slack export");
            ui.label(format!("From {}", form.export.display()));
            ui.add_space(8.0);
            egui::Grid::new("slack_choice")
                .num_columns(2)
                .spacing([10.0, 6.0])
                .show(ui, |ui| {
                    ui.label("Channel");
                    let combo = egui::ComboBox::from_id_salt("slack_channel")
                        .selected_text(format!("#{}", form.channel))
                        .width(260.0)
                        .show_ui(ui, |ui| {
                            for channel in &form.channels {
                                ui.selectable_value(
                                    &mut form.channel,
                                    channel.clone(),
                                    format!("#{channel}"),
                                );
                            }
                        });
                    accessible_name(&combo.response, egui::Role::ComboBox, "Slack channel");
                    crate::ui::accessible::announce_value(&combo.response, &form.channel);
                    ui.end_row();
                    for (text, name, field) in [
                        ("From", "Window start", &mut form.start),
                        ("To", "Window end", &mut form.end),
                    ] {
                        ui.label(text);
                        let response = ui.add(
                            egui::TextEdit::singleline(field)
                                .desired_width(180.0)
                                .hint_text("2025-08-01 14:00"),
                        );
                        accessible_name(&response, egui::Role::TextInput, name);
                        ui.end_row();
                    }
                });
            ui.weak(format!(
                "Times in {}; only the days the window touches are read.",
                crate::model::zone_label(doc.time_zone)
            ));
            if let Some(error) = &form.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.add_space(10.0);
            crate::ui::dialog_buttons::dialog_buttons(ui, |ui| {
                if ui.button("Cancel").clicked() {
                    close = true;
                }
                if ui.button("Show messages").clicked() {
                    match window(doc, &form.start, &form.end) {
                        Ok((start, end)) => {
                            form.error = None;
                            requests.push(Request::ImportSlack(SlackChoice {
                                export: form.export.clone(),
                                channel: form.channel.clone(),
                                start,
                                end,
                            }));
                        }
                        Err(reason) => form.error = Some(reason.to_string()),
                    }
                }
            });
        },
    );
    if modal.should_close() || close {
        state.slack = None;
    }
}

type Window = (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>);

/// Why the typed window is not one.
#[derive(Debug, thiserror::Error)]
enum WindowError {
    /// An end has a day and a time that do not read.
    #[error("{which}: {error}")]
    Unreadable {
        /// "From" or "To".
        which: &'static str,
        /// What is wrong with it.
        error: TimeEntryError,
    },
    /// An end is not a day with a time.
    #[error("{which}: type a date and a time, like 2025-08-01 14:00")]
    NoDayAndTime {
        /// "From" or "To".
        which: &'static str,
    },
    /// The window ends before it starts.
    #[error("The window ends before it starts.")]
    Backwards,
}

/// The window typed as two local dates and times in the document's zone.
fn window(doc: &Postmortem, start: &str, end: &str) -> Result<Window, WindowError> {
    let read = |text: &str, which: &'static str| match parse_time_entry(text) {
        Ok(entry) if entry.has_day() => {
            let reference = incident_day(doc).unwrap_or_default();
            let context = DayContext {
                reference,
                order: DayOrder::usual_in(doc.time_zone),
                latest: None,
            };
            entry
                .on(context, doc.time_zone)
                .map_err(|error| WindowError::Unreadable { which, error })
        }
        _ => Err(WindowError::NoDayAndTime { which }),
    };
    let (start, end) = (read(start, "From")?, read(end, "To")?);
    if end < start {
        return Err(WindowError::Backwards);
    }
    Ok((start, end))
}
