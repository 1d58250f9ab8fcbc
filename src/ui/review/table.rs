//! The review list: one row per action item, read-only, declared on the editor's table
//! component, under a heading per group when the list is grouped (a click on the heading
//! folds the group). A click selects a row (Ctrl adds, Shift selects a run), a double-click
//! or Enter opens its postmortem at the item.

use chrono::NaiveDate;

use super::state::{Line, Listing, ReviewState};
use crate::model::{ActionField, Due, Place};
use crate::review::{Group, ReviewItem, ReviewSort};
use crate::session::{Request, ReviewRequest, UiRequests};
use crate::ui::table::{Column, Rows, Table, sort_button_ui};
use crate::ui::theme;

/// The columns, and what each sorts by: the incident and the action take what the others
/// leave. The item's columns are titled as the document's declaration names them; they are
/// narrower here than in the editor, where each holds a control.
const COLUMNS: [(Column, ReviewSort); 8] = [
    (Column::flexible("Incident", 160.0), ReviewSort::Incident),
    (Column::fixed("Severity", 74.0), ReviewSort::Severity),
    (
        Column::flexible(ActionField::Action.title(), 160.0).weight(2.0),
        ReviewSort::Action,
    ),
    (
        Column::fixed(ActionField::Owner.title(), 110.0),
        ReviewSort::Owner,
    ),
    (
        Column::fixed(ActionField::Due.title(), 92.0),
        ReviewSort::Due,
    ),
    (
        Column::fixed("", 112.0).spoken_as("Time left"),
        ReviewSort::Due,
    ),
    (
        Column::fixed(ActionField::Status.title(), 92.0),
        ReviewSort::Status,
    ),
    (
        Column::fixed(ActionField::Priority.title(), 80.0),
        ReviewSort::Priority,
    ),
];

/// Draws the list's `listing` of `items`.
pub fn table_ui(
    ui: &mut egui::Ui,
    items: &[ReviewItem],
    listing: &Listing,
    state: &mut ReviewState,
    today: NaiveDate,
    requests: &mut UiRequests,
) {
    let columns = COLUMNS.map(|(column, _)| column);
    let table = Table {
        id_salt: "review_table",
        name: "Action items of the folder",
        columns: &columns,
        row_height: ui.spacing().interact_size.y + 6.0,
        scroll_to: None,
        numbered: false,
        movable: false,
    };
    let mut rows = ReviewRows {
        items,
        listing,
        state,
        today,
        sort_clicked: None,
        toggled: None,
    };
    let output = table.show(ui, &mut rows);
    let (sort_clicked, toggled) = (rows.sort_clicked, rows.toggled);
    if let Some(column) = sort_clicked {
        state.toggle_sort(column);
    }
    if let Some(name) = toggled {
        state.toggle_group(&name);
    }
    let item_at = |line: usize| match listing.lines.get(line) {
        Some(Line::Item(position)) => listing.listed.get(*position).copied(),
        _ => None,
    };
    if let Some(index) = output.clicked.and_then(item_at) {
        // The keys held when the button was let go (the click's own), not those of the
        // frame's end: a quick Ctrl+click can start and end within one frame.
        let modifiers = ui.input(|input| {
            input
                .events
                .iter()
                .rev()
                .find_map(|event| match event {
                    egui::Event::PointerButton {
                        button: egui::PointerButton::Primary,
                        pressed: false,
                        modifiers,
                        ..
                    } => Some(*modifiers),
                    _ => None,
                })
                .unwrap_or(input.modifiers)
        });
        state.click_item(index, modifiers, &listing.listed);
    }
    if let Some(index) = output.opened.and_then(item_at) {
        let entry = &items[index];
        requests.push(Request::Review(ReviewRequest::OpenAt(
            entry.path.clone(),
            Place::ActionItem(entry.item.id),
        )));
    }
}

struct ReviewRows<'a> {
    items: &'a [ReviewItem],
    listing: &'a Listing,
    state: &'a ReviewState,
    today: NaiveDate,
    sort_clicked: Option<ReviewSort>,
    /// The group whose heading was clicked this frame.
    toggled: Option<String>,
}

impl ReviewRows<'_> {
    fn entry(&self, line: usize) -> Option<(usize, &ReviewItem)> {
        match self.listing.lines.get(line) {
            Some(Line::Item(position)) => {
                let index = *self.listing.listed.get(*position)?;
                Some((index, &self.items[index]))
            }
            _ => None,
        }
    }

    fn group(&self, line: usize) -> Option<&Group> {
        match self.listing.lines.get(line) {
            Some(Line::Heading(number)) => self.listing.groups.get(*number),
            _ => None,
        }
    }
}

/// "4 items · 3 open · 1 overdue".
fn group_counts(group: &Group) -> String {
    let mut words = vec![if group.items == 1 {
        "1 item".to_owned()
    } else {
        format!("{} items", group.items)
    }];
    words.push(format!("{} open", group.open));
    if group.overdue > 0 {
        words.push(format!("{} overdue", group.overdue));
    }
    words.join(" \u{b7} ")
}

impl Rows for ReviewRows<'_> {
    fn count(&self) -> usize {
        self.listing.lines.len()
    }

    fn key(&self, line: usize) -> egui::Id {
        match (self.entry(line), self.group(line)) {
            (Some((index, _)), _) => egui::Id::unique(("review row", index)),
            (None, Some(group)) => egui::Id::unique(("review group", group.name.as_str())),
            (None, None) => egui::Id::unique(("review line", line)),
        }
    }

    fn row_name(&self, line: usize) -> String {
        if let Some(group) = self.group(line) {
            return format!("{}: {}", group.name, group_counts(group));
        }
        self.entry(line).map_or_else(String::new, |(_, entry)| {
            format!("{}, {}", entry.incident_title, entry.item.action)
        })
    }

    fn open_name(&self, line: usize) -> Option<String> {
        let (_, entry) = self.entry(line)?;
        Some(format!(
            "Open {}: {}",
            entry.incident_title, entry.item.action
        ))
    }

    fn is_selected(&self, line: usize) -> bool {
        self.entry(line)
            .is_some_and(|(index, _)| self.state.selection.contains(&index))
    }

    fn is_heading(&self, line: usize) -> bool {
        matches!(self.listing.lines.get(line), Some(Line::Heading(_)))
    }

    fn heading_ui(&mut self, ui: &mut egui::Ui, line: usize) {
        let Some(group) = self.group(line) else {
            return;
        };
        let open = !self.state.collapsed.contains(&group.name);
        let rect = ui.max_rect();
        let response = ui.interact(rect, ui.scope_id().with("toggle"), egui::Sense::click());
        let spoken = format!(
            "{}: {}, {}",
            group.name,
            group_counts(group),
            if open { "shown" } else { "folded" }
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &spoken));
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_expanded(open));
        let icon_rect = egui::Rect::from_center_size(
            egui::pos2(rect.left() + 8.0, rect.center().y),
            egui::vec2(12.0, 12.0),
        );
        let icon_response = response.clone().with_new_rect(icon_rect);
        egui::collapsing_header::paint_default_icon(
            ui,
            if open { 1.0 } else { 0.0 },
            &icon_response,
        );
        ui.add_space(20.0);
        ui.add(egui::Label::new(egui::RichText::new(&group.name).strong()).selectable(false));
        ui.add_space(8.0);
        let counts = group_counts(group);
        if group.overdue > 0 {
            ui.add(
                egui::Label::new(egui::RichText::new(counts).color(theme::overdue(ui.visuals())))
                    .selectable(false),
            );
        } else {
            ui.add(egui::Label::new(counts).selectable(false));
        }
        if response.has_focus() {
            ui.painter().rect_stroke(
                rect,
                0.0,
                ui.visuals().selection.stroke,
                egui::StrokeKind::Inside,
            );
        }
        if response.clicked() {
            self.toggled = Some(group.name.clone());
        }
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

    fn cell_ui(&mut self, ui: &mut egui::Ui, line: usize, column: usize) {
        let Some((_, entry)) = self.entry(line) else {
            return;
        };
        let item = &entry.item;
        let visuals = ui.visuals();
        // Open work in the colour of the editor's fields; closed work recedes.
        let colour = if item.status.is_open() {
            visuals.widgets.inactive.text_color()
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
            6 if !item.declined_reason.trim().is_empty() => format!(
                "{} \u{2014} {}",
                item.status.label(),
                item.declined_reason.trim()
            ),
            6 => item.status.label().to_owned(),
            _ => item.priority.label().to_owned(),
        };
        if !text.is_empty() {
            ui.colored_label(colour, text).on_hover_text(
                "Double-click (or Tab to the row and press Enter) to open this postmortem",
            );
        }
    }
}
