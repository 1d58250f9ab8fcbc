//! Small widgets the panels share: chips for lists of names, and the move/remove buttons of
//! editable rows.

use chrono::Datelike;

use crate::model::ListEdit;

/// Gives a widget the name a screen reader (and a UI test) uses, when its visible text is
/// shared with others, like the "Remove" button of every row.
pub fn accessible_name(response: &egui::Response, role: egui::Role, name: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(role, response.enabled(), name));
}

/// A list of short names as chips: each with a × to remove it, and a field where Enter adds
/// one. A name already in the list is not added twice; the field says so instead.
pub fn chips_ui(
    ui: &mut egui::Ui,
    label: &egui::Response,
    noun: &str,
    items: &[String],
) -> Option<ListEdit<String>> {
    let mut edit = None;
    let input_id = label.id.with("new_chip");
    ui.horizontal_wrapped(|ui| {
        for (index, item) in items.iter().enumerate() {
            egui::Frame::new()
                .fill(ui.visuals().faint_bg_color)
                .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                .corner_radius(8.0)
                .inner_margin(egui::Margin::symmetric(6, 1))
                .show(ui, |ui| {
                    ui.spacing_mut().item_spacing.x = 4.0;
                    ui.label(item);
                    let remove = ui.add(egui::Button::new("\u{d7}").frame(false).small());
                    accessible_name(&remove, egui::Role::Button, &format!("Remove {item}"));
                    if remove.on_hover_text(format!("Remove {item}")).clicked() {
                        edit = Some(ListEdit::Remove(index));
                    }
                });
        }
        let mut text = ui.data_mut(|data| data.get_temp::<String>(input_id).unwrap_or_default());
        let field = ui.add(
            egui::TextEdit::singleline(&mut text)
                .id(input_id)
                .desired_width(180.0)
                .hint_text(format!("Add {noun}, then Enter")),
        );
        let field = field.labelled_by(label.id);
        let typed = text.trim().to_owned();
        let duplicate = items
            .iter()
            .any(|item| item.trim().eq_ignore_ascii_case(&typed));
        if field.lost_focus()
            && ui.input(|input| input.key_pressed(egui::Key::Enter))
            && !typed.is_empty()
        {
            if duplicate {
                // Keep the text so the person sees what was refused.
                field.request_focus();
            } else {
                edit = Some(ListEdit::Push(typed.clone()));
                text.clear();
                // Stay in the field: services are usually typed one after another.
                field.request_focus();
            }
        }
        if duplicate && !typed.is_empty() {
            ui.colored_label(ui.visuals().warn_fg_color, "already listed");
        }
        ui.data_mut(|data| data.insert_temp(input_id, text));
    });
    edit
}

/// "Move up", "Move down" and "Remove" for row `index` of `count`; names each for screen
/// readers with `what` ("participant 2").
pub fn row_buttons_ui<T>(
    ui: &mut egui::Ui,
    index: usize,
    count: usize,
    what: &str,
) -> Option<ListEdit<T>> {
    let mut edit = None;
    let up = ui.add_enabled(index > 0, egui::Button::new("Up").small());
    accessible_name(&up, egui::Role::Button, &format!("Move {what} up"));
    if up.clicked() {
        edit = Some(ListEdit::Move {
            from: index,
            to: index - 1,
        });
    }
    let down = ui.add_enabled(index + 1 < count, egui::Button::new("Down").small());
    accessible_name(&down, egui::Role::Button, &format!("Move {what} down"));
    if down.clicked() {
        edit = Some(ListEdit::Move {
            from: index,
            to: index + 1,
        });
    }
    let remove = ui.add(egui::Button::new("Remove").small());
    accessible_name(&remove, egui::Role::Button, &format!("Remove {what}"));
    if remove.clicked() {
        edit = Some(ListEdit::Remove(index));
    }
    edit
}

/// A single-line text field of a fixed width inside a table, named by its column header.
/// (A grid would otherwise shrink the field to the width its column had in the last frame.)
pub fn text_cell(
    ui: &mut egui::Ui,
    text: &mut String,
    width: f32,
    header: &egui::Response,
) -> egui::Response {
    let height = ui.spacing().interact_size.y;
    ui.add_sized([width, height], egui::TextEdit::singleline(text))
        .labelled_by(header.id)
}

/// The `egui_extras` date picker button showing `selection` in `format`, the way Hindsight
/// shows it everywhere: without an icon, and without the year, month and day drop-downs,
/// which have no names a screen reader could read (the arrows and the calendar do).
pub fn date_picker<'a>(
    selection: &'a mut jiff::civil::Date,
    id_salt: &'a str,
    format: &str,
) -> egui_extras::DatePickerButton<'a> {
    egui_extras::DatePickerButton::new(selection)
        .id_salt(id_salt)
        .combo_boxes(false)
        .show_icon(false)
        .format(format)
}

/// A chrono date as the date picker's `jiff` date.
pub fn to_jiff(date: chrono::NaiveDate) -> Option<jiff::civil::Date> {
    let year = i16::try_from(date.year()).ok()?;
    let month = i8::try_from(date.month()).ok()?;
    let day = i8::try_from(date.day()).ok()?;
    jiff::civil::Date::new(year, month, day).ok()
}

/// A date picked in the date picker as a chrono date; `None` outside the years a postmortem
/// may hold, so the picker cannot store what the loader would refuse.
pub fn from_jiff(date: jiff::civil::Date) -> Option<chrono::NaiveDate> {
    let month = u32::try_from(date.month()).ok()?;
    let day = u32::try_from(date.day()).ok()?;
    chrono::NaiveDate::from_ymd_opt(i32::from(date.year()), month, day)
        .filter(|date| crate::model::date_in_range(*date))
}

/// While something carrying payload `P` is dragged over table row `index`, draws where it
/// would land (a line above or below the row); when it is released there, returns the move as
/// (from, to), `to` being the index the dragged row ends up at.
pub fn row_drop_target<P: std::any::Any + Send + Sync>(
    response: &egui::Response,
    index: usize,
    from: impl Fn(&P) -> usize,
) -> Option<(usize, usize)> {
    let dragged = response.dnd_hover_payload::<P>()?;
    let pointer_y = response.ctx.pointer_interact_pos()?.y;
    let rect = response.rect;
    let below = pointer_y > rect.center().y;
    let y = if below { rect.bottom() } else { rect.top() };
    let colour = response.ctx.global_style().visuals.selection.stroke.color;
    response.ctx.layer_painter(response.layer_id).hline(
        rect.x_range(),
        y,
        egui::Stroke::new(2.0, colour),
    );
    response.dnd_release_payload::<P>()?;
    let from = from(&dragged);
    // The landing slot counts rows before the dragged one is taken out.
    let slot = if below { index + 1 } else { index };
    Some((from, if slot > from { slot - 1 } else { slot }))
}

/// A labelled drop-down that narrows a list to one of `options` ("Owner: Everyone").
pub fn choice_filter_ui(
    ui: &mut egui::Ui,
    label: &str,
    everything: &str,
    options: &[String],
    chosen: &mut Option<String>,
) {
    let label = ui.label(label);
    egui::ComboBox::from_id_salt(("choice_filter", label.id))
        .selected_text(chosen.as_deref().unwrap_or(everything))
        .show_ui(ui, |ui| {
            ui.selectable_value(chosen, None, everything);
            for option in options {
                ui.selectable_value(chosen, Some(option.clone()), option);
            }
        })
        .response
        .labelled_by(label.id);
}

/// The status and date filters as a row of toggles.
pub fn action_filter_ui(
    ui: &mut egui::Ui,
    filters: &[crate::model::ActionFilter],
    chosen: &mut crate::model::ActionFilter,
) {
    for filter in filters {
        if ui
            .selectable_label(*chosen == *filter, filter.label())
            .clicked()
        {
            *chosen = *filter;
        }
    }
}
