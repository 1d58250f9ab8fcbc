//! Searching every postmortem of the folder: words in any order, quoted phrases, case and
//! accents ignored; each hit lists the fields that match with the text around the match,
//! and a click opens the postmortem at that field. The search runs on a helper thread.

use std::path::PathBuf;

use super::state::ReviewState;
use crate::model::plural;
use crate::review::FieldMatch;
use crate::session::ReviewSession;
use crate::session::{Request, ReviewRequest, UiRequests};
use crate::ui::accessible::accessible_name;

/// Draws the search field and what it found.
pub fn search_view_ui(
    ui: &mut egui::Ui,
    session: &ReviewSession,
    state: &mut ReviewState,
    requests: &mut UiRequests,
) {
    ui.horizontal(|ui| {
        let label = ui.label("Search the folder");
        let field = ui.add(
            egui::TextEdit::singleline(&mut state.search_text)
                .desired_width(420.0)
                .hint_text("words in any order, or \"a phrase\""),
        );
        let field = field.labelled_by(label.id);
        if std::mem::take(&mut state.focus_search) {
            field.request_focus();
        }
        ui.weak("Ctrl+Shift+F");
    });
    let typed = state.search_text.trim().to_owned();
    let asked = session
        .search_pending
        .as_ref()
        .map(|(query, _)| query.as_str())
        .or_else(|| session.search.as_ref().map(|answer| answer.query.as_str()));
    if !typed.is_empty()
        && asked != Some(typed.as_str())
        && !requests.asked(|request| matches!(request, Request::Review(_)))
    {
        requests.push(Request::Review(ReviewRequest::Search(typed.clone())));
    }
    ui.add_space(6.0);
    if typed.is_empty() {
        ui.weak("Type to search titles, fields, sections, timeline rows and action items of every postmortem in the folder.");
        return;
    }
    let Some(answer) = session
        .search
        .as_ref()
        .filter(|answer| answer.query == typed)
    else {
        ui.weak("Searching\u{2026}");
        return;
    };
    if answer.hits.is_empty() {
        ui.label(format!("No postmortem holds \u{201c}{typed}\u{201d}."));
        return;
    }
    ui.label(format!(
        "{} found, best first \u{b7} click a field to open the postmortem there",
        plural(answer.hits.len(), "postmortem")
    ));
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for hit in &answer.hits {
                let title = if hit.title.trim().is_empty() {
                    "Untitled"
                } else {
                    hit.title.as_str()
                };
                ui.horizontal(|ui| {
                    ui.strong(title);
                    // Named inside the folder: the folder is in the heading already.
                    ui.weak(crate::review::path_in_folder(
                        std::path::Path::new(&hit.file),
                        &session.folder,
                    ));
                });
                ui.indent(("hit", hit.file.as_str()), |ui| {
                    for found in &hit.matches {
                        ui.horizontal(|ui| {
                            let link = ui.link(&found.field);
                            accessible_name(
                                &link,
                                egui::Role::Link,
                                &format!("{}: {} in {title}", found.field, found.snippet),
                            );
                            ui.add(egui::Label::new(marked_snippet(ui, found)).truncate());
                            if link.clicked() {
                                requests.push(Request::Review(ReviewRequest::OpenAt(
                                    PathBuf::from(&hit.file),
                                    found.place,
                                )));
                            }
                        });
                    }
                });
                ui.add_space(6.0);
            }
        });
}

/// The snippet with the words that matched marked: stronger, on the selection's tint.
fn marked_snippet(ui: &egui::Ui, found: &FieldMatch) -> egui::text::LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = egui::TextFormat::simple(font.clone(), ui.visuals().text_color());
    let marked = egui::TextFormat {
        color: ui.visuals().strong_text_color(),
        background: ui.visuals().selection.bg_fill.gamma_multiply(0.6),
        ..egui::TextFormat::simple(font, ui.visuals().strong_text_color())
    };
    let mut job = egui::text::LayoutJob::default();
    let mut at = 0;
    for mark in &found.marks {
        let (Some(before), Some(word)) = (
            found.snippet.get(at..mark.start),
            found.snippet.get(mark.clone()),
        ) else {
            continue;
        };
        job.append(before, 0.0, plain.clone());
        job.append(word, 0.0, marked.clone());
        at = mark.end;
    }
    job.append(found.snippet.get(at..).unwrap_or_default(), 0.0, plain);
    job
}
