//! Where a dragged table row would land, drawn while it is over another row.

/// While something carrying payload `P` is dragged over table row `index`, draws where it
/// would land (a line above or below the row); when it is released there, returns the move as
/// (from, to), `to` being the index the dragged row ends up at.
pub fn row_drop_target<P: std::any::Any + Send + Sync>(
    response: &egui::Response,
    index: usize,
    from: impl Fn(&P) -> usize,
) -> Option<(usize, usize)> {
    let dragged = response.dnd_hover_payload::<P>()?;
    let pointer_y = response.ctx.pointer_interact_pos()?.y;
    let rect = response.rect;
    let below = pointer_y > rect.center().y;
    let y = if below { rect.bottom() } else { rect.top() };
    let colour = response.ctx.global_style().visuals.selection.stroke.color;
    response.ctx.layer_painter(response.layer_id).hline(
        rect.x_range(),
        y,
        egui::Stroke::new(2.0, colour),
    );
    response.dnd_release_payload::<P>()?;
    let from = from(&dragged);
    // The landing slot counts rows before the dragged one is taken out.
    let slot = if below { index + 1 } else { index };
    Some((from, if slot > from { slot - 1 } else { slot }))
}
