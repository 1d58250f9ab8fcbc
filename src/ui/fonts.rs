//! The fonts the editor draws people's words with: egui's own, and a fallback for the
//! signs postmortems are full of that egui's fonts lack — arrows (`retries → overload`),
//! check marks and crosses (`✓ detected in 2 min`), bullets and shapes (`●`, `►`), primes —
//! which would otherwise show as empty boxes.

/// `DejaVu Sans` (its licence is beside it in `assets/fonts/`): wide coverage of symbols, and
/// close enough to egui's own face not to stand out in a line of text. Also the face of the
/// text in attached SVG drawings.
pub const FALLBACK: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The fallback's name among the context's fonts.
const FALLBACK_NAME: &str = "DejaVu Sans (fallback)";

/// Adds the fallback after egui's fonts in both families, once: egui keeps it from then on,
/// and a repeated call only looks it up. Called at the start of every frame, so the editor
/// window, the test harnesses and the benchmarks all draw with the same fonts.
pub fn install_fallback(ctx: &egui::Context) {
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| egui::epaint::text::InsertFontFamily {
            family,
            priority: egui::epaint::text::FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(egui::epaint::text::FontInsert::new(
        FALLBACK_NAME,
        egui::FontData::from_static(FALLBACK),
        families,
    ));
}
