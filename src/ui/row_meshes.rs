//! Rows painted once and reused while they look the same.
//!
//! A long table at rest shows the same two dozen rows frame after frame. Laying out their
//! text and tessellating their rounded frames every frame was most of the cost of such a
//! frame (BENCHMARKS.md). Here each row's shapes are tessellated once into a mesh, relative
//! to the row's corner, and the mesh is handed to egui again as long as the row's look has
//! not changed: the frame then costs a copy of the row's vertices, nothing more.
//!
//! What a mesh depends on besides the row itself — the pixel density, the font atlas the
//! glyphs point into, the visuals, the column widths — is checked once per frame; when any of
//! it changes, every row is painted afresh.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

use egui::emath::GuiRounding as _;
use egui::epaint::{Mesh, Tessellator};
use egui::{Pos2, Shape};

/// The meshes of the rows drawn in the last frame, by row key `K`, each with the look `L` it
/// was painted for.
pub struct RowMeshes<K, L> {
    setting: Option<Setting>,
    /// How full the font atlas was last frame: egui empties a full atlas and lays glyphs out
    /// anew, which leaves painted text pointing at the wrong glyphs.
    atlas_fill: f32,
    frame: u64,
    rows: HashMap<K, Row<L>>,
}

impl<K, L> Default for RowMeshes<K, L> {
    fn default() -> Self {
        Self {
            setting: None,
            atlas_fill: 0.0,
            frame: 0,
            rows: HashMap::new(),
        }
    }
}

impl<K, L> std::fmt::Debug for RowMeshes<K, L> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("RowMeshes")
            .field("rows", &self.rows.len())
            .finish_non_exhaustive()
    }
}

/// Everything a painted row depends on that is not the row.
#[derive(Clone, Debug, PartialEq)]
struct Setting {
    pixels_per_point: f32,
    tessellation: egui::epaint::TessellationOptions,
    font_image_size: [usize; 2],
    visuals: egui::Visuals,
    layout: Vec<f32>,
}

struct Row<L> {
    look: L,
    /// The row's mesh with its top-left corner at the origin.
    mesh: Mesh,
    /// The mesh moved to where it was drawn last, reused while the row stays there.
    placed: Option<(Pos2, Arc<Mesh>)>,
    last_drawn: u64,
}

impl<K: Hash + Eq + Copy, L> RowMeshes<K, L> {
    /// Starts a frame of the table. `layout` is whatever else the rows' look depends on (the
    /// column widths); a change in it, or in how egui paints, forgets every row. Rows not
    /// drawn in the previous frame are forgotten too, so scrolling through ten thousand rows
    /// keeps only a screenful.
    pub fn begin_frame(&mut self, ui: &egui::Ui, layout: impl Iterator<Item = f32>) {
        let ctx = ui.ctx();
        let (font_image_size, atlas_fill) =
            ctx.fonts(|fonts| (fonts.font_image_size(), fonts.font_atlas_fill_ratio()));
        let setting = Setting {
            pixels_per_point: ctx.pixels_per_point(),
            tessellation: ctx.tessellation_options(|options| *options),
            font_image_size,
            visuals: ui.visuals().clone(),
            layout: layout.collect(),
        };
        let atlas_emptied = atlas_fill < self.atlas_fill;
        self.atlas_fill = atlas_fill;
        if atlas_emptied || self.setting.as_ref() != Some(&setting) {
            self.rows.clear();
            self.setting = Some(setting);
        }
        let last = self.frame;
        self.rows.retain(|_, row| row.last_drawn == last);
        self.frame += 1;
    }

    /// Draws row `key` with its top-left corner at `corner`, and returns the look it is drawn
    /// with. When the row was painted for a look that `is_current` accepts, its mesh is
    /// reused; otherwise `paint` gives the new look and the row's shapes, placed relative to
    /// the origin.
    pub fn draw(
        &mut self,
        ui: &egui::Ui,
        key: K,
        corner: Pos2,
        is_current: impl FnOnce(&L) -> bool,
        paint: impl FnOnce() -> (L, Vec<Shape>),
    ) -> Option<&L> {
        // Whole pixels, so the glyphs stay as sharp as where they were tessellated.
        let corner = corner.round_to_pixels(ui.ctx().pixels_per_point());
        if self.rows.get(&key).is_none_or(|row| !is_current(&row.look)) {
            let (look, shapes) = paint();
            let mesh = self.tessellate(shapes);
            self.rows.insert(
                key,
                Row {
                    look,
                    mesh,
                    placed: None,
                    last_drawn: self.frame,
                },
            );
        }
        let row = self.rows.get_mut(&key)?;
        row.last_drawn = self.frame;
        let mesh = match &row.placed {
            Some((placed_at, mesh)) if *placed_at == corner => Arc::clone(mesh),
            _ => {
                let mut mesh = row.mesh.clone();
                mesh.translate(corner.to_vec2());
                let mesh = Arc::new(mesh);
                row.placed = Some((corner, Arc::clone(&mesh)));
                mesh
            }
        };
        ui.painter().add(Shape::Mesh(mesh));
        Some(&row.look)
    }

    fn tessellate(&self, shapes: Vec<Shape>) -> Mesh {
        let mut mesh = Mesh::default();
        let Some(setting) = &self.setting else {
            return mesh;
        };
        // Discs are only a shortcut for small circles, which rows do not draw.
        let mut tessellator = Tessellator::new(
            setting.pixels_per_point,
            setting.tessellation,
            setting.font_image_size,
            Vec::new(),
        );
        for shape in shapes {
            tessellator.tessellate_shape(shape, &mut mesh);
        }
        mesh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs one frame in which `draw` may draw rows; returns the bounds of the meshes drawn.
    fn frame(ctx: &egui::Context, mut draw: impl FnMut(&egui::Ui)) -> Vec<egui::Rect> {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                Pos2::ZERO,
                egui::vec2(400.0, 300.0),
            )),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| draw(ui));
        // No GPU here to upload the font texture to.
        output.textures_delta.clear();
        output
            .shapes
            .iter()
            .filter_map(|clipped| match &clipped.shape {
                Shape::Mesh(mesh) => Some(mesh.calc_bounds()),
                _ => None,
            })
            .collect()
    }

    fn square() -> Vec<Shape> {
        let rect = egui::Rect::from_min_size(Pos2::ZERO, egui::vec2(20.0, 10.0));
        vec![Shape::rect_filled(rect, 0.0, egui::Color32::RED)]
    }

    #[test]
    fn a_row_is_painted_once_while_its_look_holds_and_again_when_it_changes() {
        let ctx = egui::Context::default();
        let mut meshes = RowMeshes::<u32, &str>::default();
        let mut paints = 0;
        for look in ["open", "open", "open", "done"] {
            frame(&ctx, |ui| {
                meshes.begin_frame(ui, [100.0].into_iter());
                meshes.draw(
                    ui,
                    7,
                    Pos2::new(0.0, 10.0),
                    |drawn| *drawn == look,
                    || {
                        paints += 1;
                        (look, square())
                    },
                );
            });
        }
        assert_eq!(paints, 2);
    }

    #[test]
    fn a_scrolled_row_is_moved_not_painted_again() {
        let ctx = egui::Context::default();
        let mut meshes = RowMeshes::<u32, ()>::default();
        let mut paints = 0;
        let mut drawn_at = Vec::new();
        for top in [10.0, 34.0] {
            drawn_at.extend(frame(&ctx, |ui| {
                meshes.begin_frame(ui, [100.0].into_iter());
                meshes.draw(
                    ui,
                    7,
                    Pos2::new(5.0, top),
                    |()| true,
                    || {
                        paints += 1;
                        ((), square())
                    },
                );
            }));
        }
        assert_eq!(paints, 1);
        let tops: Vec<f32> = drawn_at.iter().map(|bounds| bounds.top().round()).collect();
        let lefts: Vec<f32> = drawn_at
            .iter()
            .map(|bounds| bounds.left().round())
            .collect();
        // Anti-aliasing feathers the edge by half a pixel outwards.
        assert_eq!(tops, [10.0, 34.0]);
        assert_eq!(lefts, [5.0, 5.0]);
    }

    #[test]
    fn rows_out_of_view_are_forgotten() {
        let ctx = egui::Context::default();
        let mut meshes = RowMeshes::<u32, ()>::default();
        let mut paints = 0;
        for drawn in [true, false, true] {
            frame(&ctx, |ui| {
                meshes.begin_frame(ui, [100.0].into_iter());
                if drawn {
                    meshes.draw(
                        ui,
                        7,
                        Pos2::ZERO,
                        |()| true,
                        || {
                            paints += 1;
                            ((), square())
                        },
                    );
                }
            });
        }
        assert_eq!(paints, 2);
        assert_eq!(meshes.rows.len(), 1);
    }

    #[test]
    fn other_columns_or_another_zoom_paint_every_row_afresh() {
        let ctx = egui::Context::default();
        let mut meshes = RowMeshes::<u32, ()>::default();
        let mut paints = 0;
        for (width, zoom) in [(100.0, 1.0), (100.0, 1.0), (120.0, 1.0), (120.0, 1.5)] {
            ctx.set_zoom_factor(zoom);
            frame(&ctx, |ui| {
                meshes.begin_frame(ui, [width].into_iter());
                meshes.draw(
                    ui,
                    7,
                    Pos2::ZERO,
                    |()| true,
                    || {
                        paints += 1;
                        ((), square())
                    },
                );
            });
        }
        assert_eq!(paints, 3);
    }
}
