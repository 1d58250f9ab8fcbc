//! The editor's panels. Each draws from a read-only view of the state and records what the
//! person asked for in [`UiRequests`]; nothing here changes the document directly.

mod accessible;
mod action_items;
mod analysis;
mod attachments;
mod checks;
mod dates;
mod dialog_buttons;
mod fields;
mod filters;
mod focus;
mod fonts;
mod held_back;
mod import_report;
mod internal_mark;
mod key_times;
mod menu;
mod modals;
mod overview;
mod paths;
mod people;
mod public_view;
mod reading_choices;
mod review;
mod safety;
mod status_bar;
mod svg_loader;
mod table;
mod template_chooser;
mod theme;
mod timeline;
mod view;
mod written_heading;
mod zone_picker;

pub use accessible::name_window;
pub use action_items::{ActionsState, add_action_item};
pub use attachments::pasted_image;
pub use fonts::install_fallback as install_fallback_font;
pub use fonts::{first_cjk_face, install_cjk_face};
pub use held_back::held_back;
pub use modals::modals_ui;
pub use review::ReviewState;
pub use svg_loader::install_svg_loader;
pub use timeline::{
    BadTime, ImportedRows, PasteForm, SlackForm, TimelineState, show_import, show_slack_choice,
    slack_choice_failed, timeline_edit,
};
pub use view::View;
// The requests the panels return, and the parts they show, are the session's words.
pub use crate::session::{Part, ReviewExport, ReviewRequest, UiRequests};

use crate::model::count_levels;
use crate::session::Request;
use crate::session::UiCommand;

/// What the panels remember between frames that is not part of the document.
#[derive(Debug, Default)]
pub struct PanelState {
    /// The timeline editor's selection, focus and unread times.
    pub timeline: TimelineState,
    /// The action-item tracker's filters, sort and selection.
    pub actions: ActionsState,
    /// The review view's filters, grouping and sort.
    pub review: ReviewState,
    /// Key times being typed, and typed ones that were refused.
    pub key_times: key_times::KeyTimesState,
}

/// Draws the whole editor window.
pub fn editor_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    panels: &mut PanelState,
    requests: &mut UiRequests,
) {
    egui::Panel::top("menu_bar").show(ui, |ui| menu::menu_bar_ui(ui, view, requests));
    if let Some((change, path)) = view.disk_change {
        egui::Panel::top("disk_change").show(ui, |ui| {
            safety::disk_change_bar_ui(ui, change, path, view.document, requests);
        });
    }
    egui::Panel::bottom("status_bar").show(ui, |ui| status_bar::status_bar_ui(ui, view));
    egui::Panel::left("parts")
        .resizable(false)
        .exact_size(156.0)
        .show(ui, |ui| parts_ui(ui, view, requests));
    // The parts' widgets take their ids from a scope of their own: counted among the panels
    // above, they would change whenever the bar about a change on disk comes or goes, and
    // the field being typed in would lose the keyboard.
    let central = egui::UiBuilder::new().scope_id(egui::Id::unique("central_panel"));
    ui.scope_builder(central, |ui| {
        central_ui(ui, view, panels, requests);
    });
}

/// The part on screen, in the space the panels leave.
fn central_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    panels: &mut PanelState,
    requests: &mut UiRequests,
) {
    egui::CentralPanel::default().show(ui, |ui| {
        let doc = view.document.doc();
        // The document's panels write their changes into a list of their own.
        let mut edits = Vec::new();
        match view.part {
            Part::Overview => {
                overview::overview_ui(ui, view, &mut panels.key_times, &mut edits);
            }
            Part::Timeline => timeline::timeline_ui(ui, view, &mut panels.timeline, requests),
            Part::Analysis => {
                analysis::analysis_ui(ui, doc, view, &mut edits, requests);
            }
            Part::ActionItems => {
                action_items::action_items_ui(ui, view, &mut panels.actions, &mut edits);
            }
            Part::Checks => checks::checks_ui(ui, view, requests),
            Part::Public => public_view::public_ui(ui, view, &mut edits, requests),
            Part::Review => match view.review {
                Some(session) => {
                    review::review_ui(ui, session, &mut panels.review, view.today, requests);
                }
                None => review::no_folder_ui(ui, view.recent_review_folders, requests),
            },
        }
        requests.edits(edits);
    });
}

/// The side panel that moves between the parts of the document.
fn parts_ui(ui: &mut egui::Ui, view: &View<'_>, requests: &mut UiRequests) {
    let doc = view.document.doc();
    ui.add_space(8.0);
    for part in Part::SIDE_PANEL {
        let count = match part {
            // The public version is worked out only when it is looked at.
            Part::Overview | Part::Analysis | Part::Public => None,
            Part::Timeline => Some(doc.timeline.len()),
            Part::ActionItems => Some(doc.action_items.len()),
            Part::Checks => {
                Some(view.document.findings().len() + view.errors_beyond_the_document())
            }
            Part::Review => view
                .review
                .and_then(|review| review.scan.as_ref())
                .map(|scan| scan.items.len()),
        };
        let (text, name) = match count {
            // Two spaces set the count apart on screen; a screen reader gets one.
            Some(count) => (
                format!("{}  ({count})", part.label()),
                format!("{} ({count})", part.label()),
            ),
            None => (part.label().to_owned(), part.label().to_owned()),
        };
        let selected = view.part == part;
        let button = egui::Button::selectable(selected, text)
            .min_size(egui::vec2(ui.available_width(), 28.0));
        let response = ui.add(button);
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, true, selected, name.as_str())
        });
        let shortcut = UiCommand::ShowPart(part)
            .shortcut()
            .map(|shortcut| ui.ctx().format_shortcut(&shortcut))
            .unwrap_or_default();
        let hint = if part == Part::Checks {
            let (errors, warnings) = count_levels(view.document.findings());
            let errors = errors + view.errors_beyond_the_document();
            format!(
                "{} and {}; click to see them ({shortcut})",
                crate::model::plural(errors, "error"),
                crate::model::plural(warnings, "warning")
            )
        } else {
            format!("{} ({shortcut})", part.label())
        };
        let response = response.on_hover_text(hint);
        if response.clicked() {
            requests.push(Request::ShowPart(part));
        }
    }
}
