//! A window restored larger than its screen (a laptop taken off a big monitor, a screen
//! turned to a lower resolution) is fitted to the screen once it first shows, so that its
//! edges and the status bar are in view.

use egui::{Rect, Vec2};

/// Room kept free at the screen's edge for a taskbar, a dock or a top bar, which a window
/// cannot see: the window is fitted to the screen less this.
const DESKTOP_BARS: f32 = 48.0;

/// The inner size that fits a window whose inside is `inner` and whose frame with its title
/// bar is `outer` onto a screen of `screen`, or `None` when it fits already.
#[must_use]
pub fn fitted_inner_size(screen: Vec2, inner: Rect, outer: Rect) -> Option<Vec2> {
    let frame = (outer.size() - inner.size()).max(Vec2::ZERO);
    let room = screen - Vec2::new(0.0, DESKTOP_BARS) - frame;
    let fitted = inner.size().min(room).max(Vec2::splat(320.0));
    let too_big = outer.width() > screen.x || outer.height() > screen.y - DESKTOP_BARS;
    (too_big && fitted != inner.size()).then_some(fitted)
}

/// Fits the window to its screen when it is larger; true once the window's size and screen
/// were known (whatever was done), so it is checked once per run.
pub fn fit_window_to_screen(ctx: &egui::Context) -> bool {
    let (screen, inner, outer, whole_screen) = ctx.input(|input| {
        let viewport = input.viewport();
        (
            viewport.monitor_size,
            viewport.inner_rect,
            viewport.outer_rect,
            viewport.maximized == Some(true) || viewport.fullscreen == Some(true),
        )
    });
    let (Some(screen), Some(inner), Some(outer)) = (screen, inner, outer) else {
        return false;
    };
    // A maximised or full-screen window is the window manager's to size.
    if !whole_screen && let Some(size) = fitted_inner_size(screen, inner, outer) {
        ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32, width: f32, height: f32) -> Rect {
        Rect::from_min_size(egui::pos2(x, y), egui::vec2(width, height))
    }

    #[test]
    fn a_window_taller_than_a_laptop_screen_is_fitted_with_its_title_bar() {
        // Restored at 1900x1150 from a 1920x1200 monitor onto a 1366x768 laptop.
        let inner = rect(0.0, 30.0, 1900.0, 1150.0);
        let outer = rect(0.0, 0.0, 1900.0, 1180.0);
        let size = fitted_inner_size(egui::vec2(1366.0, 768.0), inner, outer);
        assert_eq!(size, Some(egui::vec2(1366.0, 768.0 - 48.0 - 30.0)));
    }

    #[test]
    fn a_window_that_fits_is_left_as_it_is() {
        let inner = rect(100.0, 130.0, 1200.0, 700.0);
        let outer = rect(100.0, 100.0, 1200.0, 730.0);
        assert_eq!(
            fitted_inner_size(egui::vec2(1920.0, 1080.0), inner, outer),
            None
        );
    }

    #[test]
    fn only_the_side_that_is_too_big_shrinks() {
        let inner = rect(0.0, 0.0, 1000.0, 2000.0);
        let size = fitted_inner_size(egui::vec2(1920.0, 1080.0), inner, inner);
        assert_eq!(size, Some(egui::vec2(1000.0, 1032.0)));
    }
}
