//! The review list: one row per action item, read-only, declared on the editor's table
//! component; a click selects a row, a double-click opens its postmortem.

use chrono::NaiveDate;

use super::state::ReviewState;
use super::{ReviewRequest, UiRequests};
use crate::model::Due;
use crate::review::{ReviewItem, ReviewSort};
use crate::ui::table::{Column, Rows, Table, sort_button_ui};
use crate::ui::theme;

/// The columns, and what each sorts by: the incident and the action take what the others
/// leave.
const COLUMNS: [(Column, ReviewSort); 8] = [
    (Column::flexible("Incident", 160.0), ReviewSort::Incident),
    (Column::fixed("Severity", 74.0), ReviewSort::Severity),
    (
        Column::flexible("Action", 160.0).weight(2.0),
        ReviewSort::Action,
    ),
    (Column::fixed("Owner", 110.0), ReviewSort::Owner),
    (Column::fixed("Due date", 92.0), ReviewSort::Due),
    (
        Column::fixed("", 112.0).spoken_as("Time left"),
        ReviewSort::Due,
    ),
    (Column::fixed("Status", 92.0), ReviewSort::Status),
    (Column::fixed("Priority", 80.0), ReviewSort::Priority),
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
    let columns = COLUMNS.map(|(column, _)| column);
    let table = Table {
        id_salt: "review_table",
        name: "Action items of the folder",
        columns: &columns,
        row_height: ui.spacing().interact_size.y + 4.0,
        scroll_to: None,
        numbered: false,
        movable: false,
    };
    let mut rows = ReviewRows {
        items,
        listed,
        state,
        today,
        sort_clicked: None,
    };
    let output = table.show(ui, &mut rows);
    let sort_clicked = rows.sort_clicked;
    if let Some(column) = sort_clicked {
        state.toggle_sort(column);
    }
    if let Some(position) = output.clicked {
        state.selected = Some(listed[position]);
    }
    if let Some(position) = output.opened {
        let entry = &items[listed[position]];
        requests.review = Some(ReviewRequest::Open(entry.path.clone(), entry.item.id));
    }
}

struct ReviewRows<'a> {
    items: &'a [ReviewItem],
    listed: &'a [usize],
    state: &'a ReviewState,
    today: NaiveDate,
    sort_clicked: Option<ReviewSort>,
}

impl Rows for ReviewRows<'_> {
    fn count(&self) -> usize {
        self.listed.len()
    }

    fn key(&self, position: usize) -> egui::Id {
        egui::Id::unique(("review row", self.listed[position]))
    }

    fn row_name(&self, position: usize) -> String {
        let entry = &self.items[self.listed[position]];
        format!("{}, {}", entry.incident_title, entry.item.action)
    }

    fn open_name(&self, position: usize) -> Option<String> {
        let entry = &self.items[self.listed[position]];
        Some(format!(
            "Open {}: {}",
            entry.incident_title, entry.item.action
        ))
    }

    fn is_selected(&self, position: usize) -> bool {
        self.state.selected == Some(self.listed[position])
    }

    fn starts_group(&self, position: usize) -> bool {
        position > 0
            && self.state.query.starts_group(
                &self.items[self.listed[position - 1]],
                &self.items[self.listed[position]],
            )
    }

    fn header_ui(&mut self, ui: &mut egui::Ui, column: usize, title: &'static str) {
        if title.is_empty() {
            return;
        }
        let by = COLUMNS[column].1;
        let sorted = Some((self.state.query.sort == by, self.state.query.reversed));
        if sort_button_ui(ui, title, "Sort review by", sorted) {
            self.sort_clicked = Some(by);
        }
    }

    fn cell_ui(&mut self, ui: &mut egui::Ui, position: usize, column: usize) {
        let entry = &self.items[self.listed[position]];
        let item = &entry.item;
        let visuals = ui.visuals();
        let colour = if item.status.is_open() {
            visuals.text_color()
        } else {
            visuals.weak_text_color()
        };
        let date = |date: Option<NaiveDate>| date.map(|date| date.format("%Y-%m-%d").to_string());
        let text = match column {
            0 => match date(entry.incident_date) {
                Some(day) => format!("{} ({day})", entry.incident_title),
                None => entry.incident_title.clone(),
            },
            1 => entry.severity.clone().unwrap_or_default(),
            2 => item.action.clone(),
            3 => item.owner.clone(),
            4 => date(item.due).unwrap_or_default(),
            5 => {
                let due = Due::of(item, self.today);
                let late = match due {
                    Due::Overdue(_) => theme::overdue(visuals),
                    _ => theme::due_soon(visuals),
                };
                if let Some(words) = due.words() {
                    ui.colored_label(late, words);
                }
                return;
            }
            6 => item.status.label().to_owned(),
            _ => item.priority.label().to_owned(),
        };
        if !text.is_empty() {
            ui.colored_label(colour, text)
                .on_hover_text("Double-click to open this postmortem");
        }
    }
}
