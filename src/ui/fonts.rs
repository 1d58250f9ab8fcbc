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
    ctx.add_font(egui::epaint::text::FontInsert::new(
        FALLBACK_NAME,
        egui::FontData::from_static(FALLBACK),
        after_the_others(),
    ));
}

/// Last in both families: a face drawn only for what the ones before it lack.
fn after_the_others() -> Vec<egui::epaint::text::InsertFontFamily> {
    [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| egui::epaint::text::InsertFontFamily {
            family,
            priority: egui::epaint::text::FontPriority::Lowest,
        })
        .collect()
}

/// Where the systems Hindsight runs on keep a face for Chinese, Japanese and Korean text,
/// which neither egui's fonts nor the fallback have: Noto CJK and Droid Sans Fallback on
/// Linux, `PingFang` on macOS, Microsoft `YaHei` and `Malgun Gothic` on Windows. Shipping one
/// would add tens of megabytes for what the system already has.
const CJK_FACES: [&str; 10] = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "C:\\Windows\\Fonts\\msyh.ttc",
    "C:\\Windows\\Fonts\\malgun.ttf",
];

/// The first face for CJK text that `read` finds (the file system, in the editor), with
/// where it was.
pub fn first_cjk_face(
    read: impl Fn(&std::path::Path) -> Option<Vec<u8>>,
) -> Option<(&'static str, Vec<u8>)> {
    CJK_FACES
        .iter()
        .find_map(|path| read(std::path::Path::new(path)).map(|bytes| (*path, bytes)))
}

/// Adds a face for CJK text after the fallback, so that a postmortem in Chinese, Japanese
/// or Korean shows its words rather than empty boxes.
pub fn install_cjk_face(ctx: &egui::Context, bytes: Vec<u8>) {
    install_fallback(ctx);
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "CJK (system)",
        egui::FontData::from_owned(bytes),
        after_the_others(),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_cjk_face_the_system_has_is_taken() {
        let found = first_cjk_face(|path| {
            path.to_str()
                .is_some_and(|path| {
                    path.ends_with("DroidSansFallbackFull.ttf") || path.ends_with("msyh.ttc")
                })
                .then(|| vec![1, 2, 3])
        });
        assert_eq!(
            found,
            Some((
                "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
                vec![1, 2, 3]
            ))
        );
        assert_eq!(first_cjk_face(|_| None), None);
    }
}
