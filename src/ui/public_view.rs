//! The public version of the postmortem, beside what was written: what a customer-facing
//! version says (parts marked Internal left out, people named by their roles, ticket links,
//! internal hosts and the listed terms taken out, attached files left behind), with what it
//! would still show that should not be public marked, and listed with the way to it.

use super::View;
use super::accessible::{accessible_name, subheading};
use crate::export::ExportFormat;
use crate::model::{Edit, LeakKind};
use crate::session::{PublicPreview, Request, UiRequests};

/// Draws the part: the public summary and the terms to redact, what is still to take out,
/// and the two versions side by side.
pub fn public_ui(
    ui: &mut egui::Ui,
    view: &View<'_>,
    edits: &mut Vec<Edit>,
    requests: &mut UiRequests,
) {
    let doc = view.document.doc();
    let preview = view.document.public_preview();
    crate::ui::accessible::heading(ui, "Public version");
    ui.weak(
        "What customers may read: parts ticked Internal are left out, people are named by \
         their roles, ticket links, internal hosts (hindsight.toml's internal_domains) and the \
         terms below are taken out, and attached files stay behind. The command line's export \
         and site write it too, with their public option.",
    );
    ui.add_space(8.0);
    ui.columns(2, |columns| {
        summary_ui(&mut columns[0], doc, edits);
        terms_ui(&mut columns[1], doc, edits);
    });
    ui.add_space(8.0);
    // However many there are, the list leaves the two versions most of the room.
    egui::ScrollArea::vertical()
        .id_salt("public_leaks")
        .max_height(160.0)
        .show(ui, |ui| leaks_ui(ui, preview, requests));
    ui.add_space(4.0);
    export_ui(ui, preview, requests);
    ui.add_space(8.0);
    side_by_side_ui(ui, preview);
}

fn summary_ui(ui: &mut egui::Ui, doc: &crate::model::Postmortem, edits: &mut Vec<Edit>) {
    let heading = subheading(ui, "Public summary");
    let mut text = doc.public.summary.clone();
    let field = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .desired_rows(4)
                .desired_width(f32::INFINITY)
                .hint_text("Empty: the public version shows the summary"),
        )
        .labelled_by(heading.id);
    if field.changed() {
        edits.push(Edit::SetPublicSummary(text));
    }
}

/// The terms to redact, one a line. Lines are kept as typed while the field has the
/// keyboard (so a new line can be started), and the blank ones dropped when it is left.
fn terms_ui(ui: &mut egui::Ui, doc: &crate::model::Postmortem, edits: &mut Vec<Edit>) {
    let heading = subheading(ui, "Terms to redact");
    let mut text = doc.public.redact.join("\n");
    let field = ui
        .add(
            egui::TextEdit::multiline(&mut text)
                .desired_rows(4)
                .desired_width(f32::INFINITY)
                .hint_text("One word or phrase a line: a customer's name, a project's code name"),
        )
        .labelled_by(heading.id);
    if field.changed() {
        edits.push(Edit::SetRedactTerms(
            text.split('\n').map(str::to_owned).collect(),
        ));
    }
    if field.lost_focus() {
        let kept: Vec<String> = doc
            .public
            .redact
            .iter()
            .map(|term| term.trim().to_owned())
            .filter(|term| !term.is_empty())
            .collect();
        if kept != doc.public.redact {
            edits.push(Edit::SetRedactTerms(kept));
        }
    }
}

/// What the public version would still show, each with a button to where it is written.
fn leaks_ui(ui: &mut egui::Ui, preview: &PublicPreview, requests: &mut UiRequests) {
    if preview.leaks.is_empty() {
        subheading(ui, "Nothing to take out");
        ui.weak(
            "The public version shows no e-mail address, private address, internal host, \
             name or ticket link that Hindsight can find. Read it through before it goes out.",
        );
        return;
    }
    subheading(
        ui,
        &format!(
            "Still to take out ({}): mark the part Internal, add the words to the terms, or \
             rewrite them",
            preview.leaks.len()
        ),
    );
    egui::Grid::new("public_leaks")
        .num_columns(3)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for (index, leak) in preview.leaks.iter().enumerate() {
                ui.label(egui::RichText::new(leak.kind.label()).color(mark_colour(ui, leak.kind)));
                ui.label(format!("\u{201c}{}\u{201d} in {}", leak.text, leak.field));
                let show = ui.small_button("Show");
                accessible_name(
                    &show,
                    egui::Role::Button,
                    &format!("Show where {} {} is written", leak.kind.label(), index + 1),
                );
                if show.clicked() {
                    requests.push(Request::GoTo(leak.place));
                }
                ui.end_row();
            }
        });
}

/// The buttons that write the public version, usable once nothing is left to take out.
fn export_ui(ui: &mut egui::Ui, preview: &PublicPreview, requests: &mut UiRequests) {
    let ready = preview.leaks.is_empty();
    ui.horizontal(|ui| {
        ui.label("Export the public version as");
        for format in [ExportFormat::Markdown, ExportFormat::Html] {
            let button = ui
                .add_enabled(ready, egui::Button::new(format.menu_label()))
                .on_disabled_hover_text("Take out what is listed above first");
            accessible_name(
                &button,
                egui::Role::Button,
                &format!("Export the public version as {}", format.file_type()),
            );
            if button.clicked() {
                requests.push(Request::ExportPublic(format));
            }
        }
    });
}

/// The document as written and its public version, as Markdown, side by side, each
/// scrolled on its own; what should not be public is marked in the public one. Only the
/// lines in view are laid out, so a postmortem of 10,000 rows shows as fast as a short one.
fn side_by_side_ui(ui: &mut egui::Ui, preview: &PublicPreview) {
    ui.columns(2, |columns| {
        let sides = [
            (
                "As written",
                &preview.written_markdown,
                &preview.written_lines,
                &[][..],
            ),
            (
                "Public version",
                &preview.public_markdown,
                &preview.public_lines,
                &preview.marks[..],
            ),
        ];
        for (column, (heading, text, lines, marks)) in columns.iter_mut().zip(sides) {
            subheading(column, heading);
            let row_height = column.text_style_height(&egui::TextStyle::Monospace);
            egui::ScrollArea::both()
                .id_salt(heading)
                .auto_shrink(false)
                .show_rows(column, row_height, lines.len(), |ui, shown| {
                    for at in shown {
                        let start = lines[at];
                        let end = lines.get(at + 1).map_or(text.len(), |next| next - 1);
                        let job = monospace_line(text, start..end.max(start), marks, ui);
                        ui.add(egui::Label::new(job).extend());
                    }
                });
        }
    });
}

/// The line `line` of `text` in the monospace font, with the parts of `marks` in it on a
/// background of their kind's colour.
fn monospace_line(
    text: &str,
    line: std::ops::Range<usize>,
    marks: &[(std::ops::Range<usize>, LeakKind)],
    ui: &egui::Ui,
) -> egui::text::LayoutJob {
    let font = egui::TextStyle::Monospace.resolve(ui.style());
    let plain = egui::TextFormat::simple(font.clone(), ui.visuals().text_color());
    let mut job = egui::text::LayoutJob::default();
    let mut from = line.start;
    // Marks are in order: the first that ends after the line starts, onwards.
    let first = marks.partition_point(|(range, _)| range.end <= line.start);
    for (range, kind) in &marks[first..] {
        if range.start >= line.end {
            break;
        }
        let start = range.start.max(from);
        let end = range.end.min(line.end);
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) || start >= end {
            continue;
        }
        job.append(&text[from..start], 0.0, plain.clone());
        let mut marked = egui::TextFormat::simple(font.clone(), ui.visuals().strong_text_color());
        marked.background = mark_colour(ui, *kind).gamma_multiply(0.35);
        marked.underline = egui::Stroke::new(1.5, mark_colour(ui, *kind));
        job.append(&text[start..end], 0.0, marked);
        from = end;
    }
    job.append(&text[from..line.end], 0.0, plain);
    job
}

/// Each kind of leak's colour: people's names and addresses in the error colour, the rest
/// in the warning colour.
fn mark_colour(ui: &egui::Ui, kind: LeakKind) -> egui::Color32 {
    match kind {
        LeakKind::EmailAddress | LeakKind::PersonName | LeakKind::PrivateAddress => {
            ui.visuals().error_fg_color
        }
        LeakKind::InternalHost | LeakKind::TicketLink => ui.visuals().warn_fg_color,
    }
}
