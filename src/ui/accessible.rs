//! Naming widgets for screen readers (and UI tests) when their visible text does not say
//! enough on its own.

/// Gives a widget the name a screen reader (and a UI test) uses, when its visible text is
/// shared with others, like the "Remove" button of every row.
pub fn accessible_name(response: &egui::Response, role: egui::Role, name: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(role, response.enabled(), name));
}

/// Tells a screen reader what a drop-down, a date button or a similar control holds now, as
/// its value and its description: AT-SPI clients such as Orca read a combo box's selected
/// text from either, depending on the client, and without it they hear only the name.
pub fn announce_value(response: &egui::Response, value: &str) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_value(value);
        node.set_description(value);
    });
}

/// Gives a control the text shown beside it as its description, so a screen reader reads
/// them together (a radio button and the line that says what the choice is).
pub fn describe(response: &egui::Response, description: &str) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_description(description);
    });
}

/// Names a check box and says whether it is ticked (a hand-named check box would otherwise
/// read as neither).
pub fn name_check_box(response: &egui::Response, name: &str, checked: bool) {
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::CheckBox, response.enabled(), checked, name)
    });
}

/// Gives the window the name in its title bar, so a screen reader says which window it is in.
pub fn name_window(ctx: &egui::Context, title: &str) {
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(title));
}

/// A dialog named for screen readers: egui's modal, whose area carries `name` (its title),
/// so a screen reader entering it says which dialog it is. `id_salt` keeps its state apart.
pub fn dialog(id_salt: &str, name: &str) -> egui::Modal {
    let id = egui::Id::unique(id_salt);
    egui::Modal::new(id).area(egui::Modal::default_area(id).accessible_name(name))
}

/// Makes `button` a dialog's default answer: it takes the keyboard when nothing has it, or
/// a field behind the dialog still does (typed in before it opened), so Enter or Space gives
/// that answer and a screen reader starts there. A control of the dialog's own, or a list
/// it opened, keeps the keyboard.
pub fn default_answer(ui: &egui::Ui, button: &egui::Response) {
    let behind = ui
        .memory(egui::Memory::focused)
        .and_then(|id| ui.ctx().read_response(id))
        .is_none_or(|focused| focused.layer_id.order < ui.layer_id().order);
    if behind {
        button.request_focus();
    }
}

/// An empty cell of a grid: it takes the cell's place, but no widget, so a screen reader
/// meets no nameless label there.
pub fn empty_cell(ui: &mut egui::Ui) {
    ui.allocate_space(egui::Vec2::ZERO);
}

/// A part's or a dialog's title, drawn as egui's heading and marked as a heading, so a
/// screen reader can list the page's headings and jump between them.
pub fn heading(ui: &mut egui::Ui, text: impl Into<String>) -> egui::Response {
    let text = text.into();
    let response = ui.heading(&text);
    accessible_name(&response, egui::Role::Heading, &text);
    response
}

/// The title of a group within a part ("Key times", "Participants", a written section), in
/// bold and marked as a heading below the part's own.
pub fn subheading(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let response = ui.strong(text);
    accessible_name(&response, egui::Role::Heading, text);
    response
}

/// Has a screen reader say `response`'s text when it appears or changes, without moving the
/// keyboard (a live region): what the editor did by itself (a merge with the file on disk) or
/// a bar that asks something new.
pub fn announce(response: &egui::Response) {
    response.ctx.accesskit_node_builder(response.id, |node| {
        node.set_live(egui::accesskit::Live::Polite);
    });
}
