//! The review list: one row per action item, read-only, painted once per look and reused
//! (see [`crate::ui::row_meshes`]); two clicks on a row open its postmortem.

use chrono::NaiveDate;
use egui::Sense;

use super::state::{ReviewState, RowLook};
use super::{ReviewRequest, UiRequests};
use crate::model::Due;
use crate::review::{ReviewItem, ReviewSort};
use crate::ui::accessible::accessible_name;
use crate::ui::painted::{Look, PartText, describe, describe_row, part_shapes};
use crate::ui::row_table::{ColumnWidth, RowTable, VisibleRow};
use crate::ui::theme;

/// The columns: the action takes what the others leave.
const WIDTHS: [ColumnWidth; 8] = [
    ColumnWidth::Exact(230.0),
    ColumnWidth::Exact(70.0),
    ColumnWidth::Fill(160.0),
    ColumnWidth::Exact(110.0),
    ColumnWidth::Exact(86.0),
    ColumnWidth::Exact(112.0),
    ColumnWidth::Exact(88.0),
    ColumnWidth::Exact(70.0),
];

/// The column titles and what each sorts by.
const COLUMNS: [(&str, ReviewSort); 8] = [
    ("Incident", ReviewSort::Incident),
    ("Severity", ReviewSort::Severity),
    ("Action", ReviewSort::Action),
    ("Owner", ReviewSort::Owner),
    ("Due date", ReviewSort::Due),
    ("", ReviewSort::Due),
    ("Status", ReviewSort::Status),
    ("Priority", ReviewSort::Priority),
];

/// Draws the list of `listed` items (positions in `items`).
pub fn table_ui(
    ui: &mut egui::Ui,
    items: &[ReviewItem],
    listed: &[usize],
    state: &mut ReviewState,
    today: NaiveDate,
    requests: &mut UiRequests,
) {
    let table = RowTable {
        id_salt: "review_table",
        widths: &WIDTHS,
        gap: ui.spacing().item_spacing.x,
        row_height: ui.spacing().interact_size.y + 4.0,
        header_height: 24.0,
        scroll_to: None,
    };
    let sort = (state.query.sort, state.query.reversed);
    let mut sort_clicked = None;
    let mut layout_seen = false;
    table.show(
        ui,
        listed.len(),
        |ui, column| header_ui(ui, COLUMNS[column], sort, &mut sort_clicked),
        |ui, row| {
            if !layout_seen {
                state.rows.begin_frame(ui, row.columns.widths());
                layout_seen = true;
            }
            row_ui(ui, &row, items, listed, state, today, requests);
        },
    );
    if let Some(column) = sort_clicked {
        state.toggle_sort(column);
    }
}

fn header_ui(
    ui: &mut egui::Ui,
    (title, column): (&str, ReviewSort),
    sort: (ReviewSort, bool),
    clicked: &mut Option<ReviewSort>,
) {
    if title.is_empty() {
        return;
    }
    let button = ui.add(egui::Button::new(egui::RichText::new(title).strong()).frame(false));
    let direction = match (sort.0 == column, sort.1) {
        (false, _) => "",
        (true, false) => " (ascending)",
        (true, true) => " (descending)",
    };
    accessible_name(
        &button,
        egui::Role::Button,
        &format!("Sort review by {}{direction}", title.to_lowercase()),
    );
    if button.clicked() {
        *clicked = Some(column);
    }
}

/// The texts of an item's cells, each with its colour.
fn cells(entry: &ReviewItem, due: Due, visuals: &egui::Visuals) -> [(String, egui::Color32); 8] {
    let item = &entry.item;
    let plain = if item.status.is_open() {
        visuals.text_color()
    } else {
        visuals.weak_text_color()
    };
    let date = |date: Option<NaiveDate>| date.map(|date| date.format("%Y-%m-%d").to_string());
    let incident = match date(entry.incident_date) {
        Some(day) => format!("{} ({day})", entry.incident_title),
        None => entry.incident_title.clone(),
    };
    let late = match due {
        Due::Overdue(_) => theme::overdue(visuals),
        _ => theme::due_soon(visuals),
    };
    [
        (incident, plain),
        (entry.severity.clone().unwrap_or_default(), plain),
        (item.action.clone(), plain),
        (item.owner.clone(), plain),
        (date(item.due).unwrap_or_default(), plain),
        (due.words().unwrap_or_default(), late),
        (item.status.label().to_owned(), plain),
        (item.priority.label().to_owned(), plain),
    ]
}

/// One item of the list; two clicks on it open its postmortem.
fn row_ui(
    ui: &egui::Ui,
    row: &VisibleRow<'_>,
    items: &[ReviewItem],
    listed: &[usize],
    state: &mut ReviewState,
    today: NaiveDate,
    requests: &mut UiRequests,
) {
    let position = row.index;
    let index = listed[position];
    let entry = &items[index];
    let row_id = egui::Id::unique(("review row", index));
    if state
        .last_click
        .is_some_and(|(clicked, _)| clicked == index)
    {
        row.paint_selected(ui);
    }
    if position > 0
        && state
            .query
            .starts_group(&items[listed[position - 1]], entry)
    {
        let line = ui.visuals().widgets.noninteractive.fg_stroke;
        ui.painter().hline(row.rect.x_range(), row.rect.top(), line);
    }
    let due = Due::of(&entry.item, today);
    let at_origin = VisibleRow {
        rect: egui::Rect::from_min_size(egui::Pos2::ZERO, row.rect.size()),
        ..*row
    };
    state.rows.draw(
        ui,
        index,
        row.rect.min,
        |look| look.1 == due && look.0 == *entry,
        || {
            let mut shapes = Vec::new();
            for (column, (text, colour)) in cells(entry, due, ui.visuals()).into_iter().enumerate()
            {
                let text = PartText::plain(text).coloured(Some(colour));
                part_shapes(ui, Look::Text, at_origin.cell(column), &text, &mut shapes);
            }
            (RowLook(entry.clone(), due), shapes)
        },
    );
    let response = ui.interact(row.rect, row_id, Sense::click());
    // Only when assistive technology listens (the row's own node exists) are the cells
    // described one by one, as the labels they look like.
    if describe_row(ui, row_id) {
        for (column, (text, _)) in cells(entry, due, ui.visuals()).into_iter().enumerate() {
            let text = PartText::plain(text);
            if !text.text.is_empty() {
                describe(
                    ui,
                    row_id.with(column),
                    row.cell(column),
                    Look::Text,
                    "",
                    &text,
                );
            }
        }
    }
    if response.clicked() {
        // Two clicks on the same item within the double-click delay open it.
        let now = ui.input(|input| input.time);
        let delay = ui
            .ctx()
            .options(|options| options.input_options.max_double_click_delay);
        match state.last_click {
            Some((last, at)) if last == index && now - at <= delay => {
                requests.review = Some(ReviewRequest::Open(entry.path.clone(), entry.item.id));
                state.last_click = None;
            }
            _ => state.last_click = Some((index, now)),
        }
    }
    response.on_hover_text("Double-click to open this postmortem");
}
