//! A window restored larger than its screen is fitted to the screen when it first shows, so
//! the status bar stays in view; one that fits is left alone.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside test functions may unwrap too: a panic is a failed test"
)]

mod common;

use common::{ScriptedDialogs, editor_with_example};
use egui::{Rect, ViewportCommand, ViewportId, pos2, vec2};
use egui_kittest::Harness;
use hindsight::app::HindsightApp;

/// Tells the editor, as the window system would, how big its window and its screen are, and
/// returns the size commands it gave the window in the frame after.
fn sizes_asked_with(
    harness: &mut Harness<'_, HindsightApp>,
    screen: egui::Vec2,
    inner: Rect,
    outer: Rect,
) -> Vec<egui::Vec2> {
    let viewport = harness
        .input_mut()
        .viewports
        .get_mut(&ViewportId::ROOT)
        .unwrap();
    viewport.monitor_size = Some(screen);
    viewport.inner_rect = Some(inner);
    viewport.outer_rect = Some(outer);
    harness.step();
    harness.output().viewport_output[&ViewportId::ROOT]
        .commands
        .iter()
        .filter_map(|command| match command {
            ViewportCommand::InnerSize(size) => Some(*size),
            _ => None,
        })
        .collect()
}

#[test]
fn a_window_larger_than_its_screen_is_fitted_once() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    let inner = Rect::from_min_size(pos2(0.0, 30.0), vec2(1900.0, 1150.0));
    let outer = Rect::from_min_size(pos2(0.0, 0.0), vec2(1900.0, 1180.0));
    let asked = sizes_asked_with(&mut harness, vec2(1366.0, 768.0), inner, outer);
    assert_eq!(asked, [vec2(1366.0, 690.0)]);
    // Once fitted, the person may make it any size they like.
    let asked = sizes_asked_with(&mut harness, vec2(1366.0, 768.0), inner, outer);
    assert!(asked.is_empty());
}

#[test]
fn a_window_that_fits_is_left_alone() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    let inner = Rect::from_min_size(pos2(40.0, 70.0), vec2(1200.0, 760.0));
    let outer = Rect::from_min_size(pos2(40.0, 40.0), vec2(1200.0, 790.0));
    let asked = sizes_asked_with(&mut harness, vec2(1920.0, 1080.0), inner, outer);
    assert!(asked.is_empty());
}

/// Signs people write in postmortems that egui's own fonts lack are drawn, not shown as empty
/// boxes: arrows, check marks and crosses, bullets and shapes, primes.
#[test]
fn the_signs_of_a_postmortem_have_glyphs() {
    let mut harness = editor_with_example(&ScriptedDialogs::default());
    harness.run();
    let signs = "→ ← ⇒ ✓ ✗ ✔ ● ► ◆ □ ′ ″ ≥ ≤ ↺";
    for family in [
        egui::FontId::proportional(14.0),
        egui::FontId::monospace(14.0),
    ] {
        let missing: String = signs
            .chars()
            .filter(|sign| {
                !harness
                    .ctx
                    .fonts_mut(|fonts| fonts.has_glyph(&family, *sign))
            })
            .collect();
        assert_eq!(missing.trim(), "", "{family:?}");
    }
}
