//! "How the lines are read": what a reading of pasted text or an imported file assumed —
//! the zone and day of times that name none, the order of the lines, the order of numbers
//! in dates — each with why, and a control to correct it. The paste preview and the
//! Markdown import report both show it; a correction is read again at once.

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::model::DayOrder;
use crate::sources::ReadingChoices;
use crate::ui::accessible::{accessible_name, announce_value};
use crate::ui::dates::{date_picker, from_jiff, to_jiff};
use crate::ui::zone_picker::zone_picker;

/// What a reading assumed, each with why, to show.
pub struct ReadingShown {
    /// The zone of times that name none, and why.
    pub zone: (Tz, String),
    /// The day of times with no date, and why.
    pub day: (NaiveDate, String),
    /// Whether the lines were read newest first, and why.
    pub newest_first: (bool, String),
    /// How numbers alone in dates were read, and why; `None` when no date reads both ways.
    pub day_order: Option<(DayOrder, String)>,
}

/// Draws the assumptions with their controls; a correction goes into `choices`. Returns
/// whether one did.
pub fn reading_choices_ui(
    ui: &mut egui::Ui,
    salt: &str,
    shown: &ReadingShown,
    choices: &mut ReadingChoices,
) -> bool {
    let before = *choices;
    egui::Grid::new(salt)
        .num_columns(3)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label("Zone of times with no zone");
            if let Some(zone) = zone_picker(ui, &format!("{salt}_zone"), &label, shown.zone.0) {
                choices.zone = Some(zone);
            }
            why_ui(ui, &shown.zone.1);
            ui.end_row();

            ui.label("Day of times with no date");
            let day = shown.day.0;
            if let Some(mut picked) = to_jiff(day) {
                let was = picked;
                let button = ui.add(date_picker(&mut picked, &format!("{salt}_day"), "%Y-%m-%d"));
                accessible_name(&button, egui::Role::Button, "Day of times with no date");
                announce_value(&button, &day.format("%Y-%m-%d").to_string());
                note_the_day_picker(ui, salt, &button, picked != was);
                if picked != was {
                    choices.day = from_jiff(picked);
                }
            } else {
                ui.label(day.format("%Y-%m-%d").to_string());
            }
            why_ui(ui, &shown.day.1);
            ui.end_row();

            ui.label("Order of the lines");
            ui.horizontal(|ui| {
                for (newest_first, words) in [(false, "Oldest first"), (true, "Newest first")] {
                    if ui
                        .radio(shown.newest_first.0 == newest_first, words)
                        .clicked()
                    {
                        choices.newest_first = Some(newest_first);
                    }
                }
            });
            why_ui(ui, &shown.newest_first.1);
            ui.end_row();

            if let Some((order_read, why)) = &shown.day_order {
                ui.label("Dates like 03/04");
                ui.horizontal(|ui| {
                    for order in [DayOrder::DayFirst, DayOrder::MonthFirst] {
                        if ui.radio(*order_read == order, order.describe()).clicked() {
                            choices.day_order = Some(order);
                        }
                    }
                });
                why_ui(ui, why);
                ui.end_row();
            }
        });
    *choices != before
}

/// Where the dialogs showing these choices are told that Escape went to the day's picker.
fn escape_id() -> egui::Id {
    egui::Id::unique("reading_choices_escape_closed_the_day_picker")
}

/// Keeps whether the day's date picker is open, so that the Escape which closes it is known
/// to be the picker's. The picker is no popup egui's modal can see, so without this the
/// same key would close the dialog too, and a paste or a report with it.
fn note_the_day_picker(ui: &egui::Ui, salt: &str, button: &egui::Response, picked: bool) {
    let open_id = egui::Id::unique((salt, "day_picker_open"));
    let mut open = button.clicked() || ui.data(|data| data.get_temp(open_id).unwrap_or(false));
    let escape = ui.input(|input| input.key_pressed(egui::Key::Escape));
    let escape_closed_it = open && escape && !button.clicked();
    if escape_closed_it || picked {
        open = false;
    }
    ui.data_mut(|data| {
        data.insert_temp(open_id, open);
        data.insert_temp(escape_id(), escape_closed_it);
    });
}

/// Whether the Escape pressed this frame closed the day's date picker of the choices just
/// drawn: the dialog around them stays open.
#[must_use]
pub fn escape_closed_the_day_picker(ctx: &egui::Context) -> bool {
    ctx.data(|data| data.get_temp(escape_id()).unwrap_or(false))
}

/// Why a value was taken, in a column narrow enough for the dialogs it shows in: a long
/// reason wraps rather than runs past the edge.
fn why_ui(ui: &mut egui::Ui, why: &str) {
    ui.scope(|ui| {
        ui.set_max_width(230.0);
        ui.add(egui::Label::new(egui::RichText::new(why).weak()).wrap());
    });
}
