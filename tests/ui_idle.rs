//! With no input the editor asks for no repaints: it uses no power while a person reads.

mod common;

use common::{ScriptedDialogs, click, editor_with_example};

#[test]
fn every_part_is_idle_without_input() {
    // The editor opens on the overview, which is checked first, then each other part.
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    assert_idle(&mut harness, "Overview");
    for part in [
        "Timeline (13)",
        "Analysis",
        "Action items (6)",
        "Checks (0)",
    ] {
        click(&mut harness, part);
        assert_idle(&mut harness, part);
    }
}

/// Counts the frames, out of twenty with no input, that ask for another frame.
fn assert_idle(harness: &mut egui_kittest::Harness<'_, hindsight::app::HindsightApp>, part: &str) {
    // Let tooltips and animations from the last click settle, with the pointer gone.
    harness.remove_cursor();
    harness.run();
    let mut frames_wanting_more = 0;
    for _ in 0..20 {
        harness.step();
        let delay = harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay;
        if delay != std::time::Duration::MAX {
            frames_wanting_more += 1;
        }
    }
    assert_eq!(
        frames_wanting_more, 0,
        "{part} keeps repainting with no input"
    );
}
