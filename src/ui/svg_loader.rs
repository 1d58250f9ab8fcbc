//! SVG drawings for the attachments' thumbnails and viewer, drawn on a thread of their own.
//!
//! `egui_extras`'s SVG loader draws on the thread that asks, which is the editor's: one
//! drawing that takes seconds (a hostile or simply huge one) would freeze the window. This
//! loader parses and draws with resvg on a background thread, at most [`MAX_SIDE`] pixels a
//! side whatever size the drawing claims, and keeps the result per address and size.

use std::collections::HashMap;
use std::sync::Arc;
use std::task::Poll;

use egui::load::{BytesPoll, ImageLoadResult, ImageLoader, ImagePoll, LoadError, SizeHint};
use egui::mutex::Mutex;

/// The most pixels a side of a drawn SVG has, whatever it asks for.
pub const MAX_SIDE: f32 = 2048.0;

type Drawn = Poll<Result<Arc<egui::ColorImage>, String>>;

/// Draws `.svg` attachments off the editor's thread.
#[derive(Default)]
pub struct SvgLoader {
    drawn: Arc<Mutex<HashMap<(String, SizeHint), Drawn>>>,
}

impl SvgLoader {
    /// The loader's ID among egui's loaders.
    pub const ID: &'static str = concat!(module_path!(), "::SvgLoader");
}

/// Installs the loader once.
pub fn install_svg_loader(ctx: &egui::Context) {
    if !ctx.is_loader_installed(SvgLoader::ID) {
        ctx.add_image_loader(Arc::new(SvgLoader::default()));
    }
}

impl ImageLoader for SvgLoader {
    fn id(&self) -> &str {
        Self::ID
    }

    fn load(&self, ctx: &egui::Context, uri: &str, size_hint: SizeHint) -> ImageLoadResult {
        if !uri.to_ascii_lowercase().ends_with(".svg") {
            return Err(LoadError::NotSupported);
        }
        let key = (uri.to_owned(), size_hint);
        if let Some(drawn) = self.drawn.lock().get(&key) {
            return match drawn {
                Poll::Ready(Ok(image)) => Ok(ImagePoll::Ready {
                    image: Arc::clone(image),
                }),
                Poll::Ready(Err(reason)) => Err(LoadError::Loading(reason.clone())),
                Poll::Pending => Ok(ImagePoll::Pending { size: None }),
            };
        }
        match ctx.try_load_bytes(uri) {
            Ok(BytesPoll::Ready { bytes, .. }) => {
                self.drawn.lock().insert(key.clone(), Poll::Pending);
                let drawn = Arc::clone(&self.drawn);
                let waker = ctx.clone();
                let started = std::thread::Builder::new()
                    .name("hindsight svg".to_owned())
                    .spawn(move || {
                        let result = draw(&bytes, size_hint).map(Arc::new);
                        drawn.lock().insert(key, Poll::Ready(result));
                        waker.request_repaint();
                    });
                if let Err(error) = started {
                    let reason = format!("no thread to draw it on: {error}");
                    self.drawn.lock().insert(
                        (uri.to_owned(), size_hint),
                        Poll::Ready(Err(reason.clone())),
                    );
                    return Err(LoadError::Loading(reason));
                }
                Ok(ImagePoll::Pending { size: None })
            }
            Ok(BytesPoll::Pending { size }) => Ok(ImagePoll::Pending { size }),
            Err(error) => Err(error),
        }
    }

    fn forget(&self, uri: &str) {
        self.drawn.lock().retain(|(known, _), _| known != uri);
    }

    fn forget_all(&self) {
        self.drawn.lock().clear();
    }

    fn has_pending(&self) -> bool {
        self.drawn.lock().values().any(Poll::is_pending)
    }

    fn byte_size(&self) -> usize {
        self.drawn
            .lock()
            .values()
            .map(|drawn| match drawn {
                Poll::Ready(Ok(image)) => image.pixels.len() * 4,
                _ => 0,
            })
            .sum()
    }
}

/// How drawings are read: their text set in the font the editor bundles (`DejaVu Sans`), for
/// whatever family they name, so that a diagram's labels show the same on every machine and
/// no system font folder is ever scanned.
fn options() -> &'static resvg::usvg::Options<'static> {
    static OPTIONS: std::sync::OnceLock<resvg::usvg::Options<'static>> = std::sync::OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut options = resvg::usvg::Options::default();
        let fonts = options.fontdb_mut();
        fonts.load_font_data(super::fonts::FALLBACK.to_vec());
        let family = "DejaVu Sans";
        fonts.set_sans_serif_family(family);
        fonts.set_serif_family(family);
        fonts.set_monospace_family(family);
        fonts.set_cursive_family(family);
        fonts.set_fantasy_family(family);
        family.clone_into(&mut options.font_family);
        options
    })
}

/// The drawing in `bytes` at the size `hint` asks, within [`MAX_SIDE`].
fn draw(bytes: &[u8], hint: SizeHint) -> Result<egui::ColorImage, String> {
    let tree = resvg::usvg::Tree::from_data(bytes, options()).map_err(|error| error.to_string())?;
    let natural = egui::vec2(tree.size().width(), tree.size().height());
    if !(natural.x > 0.0 && natural.y > 0.0 && natural.is_finite()) {
        return Err("the drawing has no size".to_owned());
    }
    #[allow(
        clippy::cast_precision_loss,
        reason = "a size hint in pixels, far below f32's exact range"
    )]
    let wanted = match hint {
        SizeHint::Scale(scale) => natural * scale.into_inner(),
        SizeHint::Width(width) => natural * (width as f32 / natural.x),
        SizeHint::Height(height) => natural * (height as f32 / natural.y),
        SizeHint::Size {
            width,
            height,
            maintain_aspect_ratio: true,
        } => natural * (width as f32 / natural.x).min(height as f32 / natural.y),
        SizeHint::Size { width, height, .. } => egui::vec2(width as f32, height as f32),
    };
    // However large the drawing says it is, no more than MAX_SIDE a side is drawn.
    let fitted = wanted * (MAX_SIDE / wanted.x.max(wanted.y)).min(1.0);
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 1..=MAX_SIDE just before"
    )]
    let (width, height) = (
        fitted.x.round().clamp(1.0, MAX_SIDE) as u32,
        fitted.y.round().clamp(1.0, MAX_SIDE) as u32,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| "the drawing's size cannot be drawn".to_owned())?;
    #[allow(clippy::cast_precision_loss, reason = "at most MAX_SIDE, exact in f32")]
    let transform = resvg::tiny_skia::Transform::from_scale(
        width as f32 / natural.x,
        height as f32 / natural.y,
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    Ok(egui::ColorImage::from_rgba_premultiplied(
        [width as usize, height as usize],
        pixmap.data(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &[u8] = br##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#ff0000"/></svg>"##;

    #[test]
    fn a_drawing_is_drawn_at_the_size_asked_keeping_its_shape() {
        let image = draw(
            SQUARE,
            SizeHint::Size {
                width: 200,
                height: 200,
                maintain_aspect_ratio: true,
            },
        )
        .unwrap();
        assert_eq!(image.size, [200, 100]);
        assert_eq!(image.pixels[0], egui::Color32::from_rgb(255, 0, 0));
    }

    #[test]
    fn a_drawings_text_is_drawn_in_the_bundled_font_whatever_family_it_names() {
        let labelled = br##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text x="5" y="30" font-family="Arial" font-size="30" fill="#000000">API</text></svg>"##;
        let image = draw(labelled, SizeHint::Scale(1.0.into())).unwrap();
        let inked = image.pixels.iter().filter(|pixel| pixel.a() > 0).count();
        assert!(inked > 50, "the label was not drawn ({inked} pixels)");
    }

    #[test]
    fn a_drawing_that_claims_to_be_huge_is_drawn_no_larger_than_the_cap() {
        let huge = br#"<svg xmlns="http://www.w3.org/2000/svg" width="1000000" height="500000"><circle cx="10" cy="10" r="5"/></svg>"#;
        let image = draw(huge, SizeHint::Scale(1.0.into())).unwrap();
        assert_eq!(image.size, [2048, 1024]);
    }

    #[test]
    fn what_is_no_drawing_is_an_error_never_a_panic() {
        for bytes in [
            &b"not svg at all"[..],
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\"/>",
            b"<svg",
            b"\x89PNG\r\n\x1a\n",
        ] {
            assert!(draw(bytes, SizeHint::Scale(1.0.into())).is_err());
        }
    }
}
