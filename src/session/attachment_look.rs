//! How the editor shows each attached file, worked out once per file (not per frame): as
//! an image from a loader's address, as a file by its name, or as a broken image with the
//! reason it cannot be shown.

use std::collections::BTreeMap;

/// How one attachment is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Look {
    /// An image the loaders may decode (in the background), from this address
    /// (`file://…`, or `bytes://…` for a document with no file yet), with its size.
    Image {
        /// Where egui's loaders find its bytes.
        uri: String,
        /// Its width and height in pixels, from its header.
        size: (u32, u32),
    },
    /// A file that is no image (a log excerpt, a PDF): shown by its name.
    File,
    /// A file that is not where the document says (not committed, or its folder not moved
    /// with the postmortem): an error in the checks, as in `hindsight check`.
    Missing,
    /// An image that cannot be shown, and why, in words for the person.
    Broken(String),
}

/// The looks of a document's attachments, by their paths in the document.
pub type Looks = BTreeMap<String, Look>;

/// An error for each attachment whose file is missing, as the checks list them.
#[must_use]
pub fn missing_files(doc: &crate::model::Postmortem, looks: &Looks) -> Vec<crate::model::Finding> {
    doc.attachments
        .iter()
        .enumerate()
        .filter(|(_, attachment)| looks.get(&attachment.path) == Some(&Look::Missing))
        .map(|(index, attachment)| crate::model::missing_attachment(index, attachment))
        .collect()
}

/// The most pixels an attached image may have to be shown: a full-page screenshot of a
/// long dashboard fits; a decompression bomb does not.
pub const MAX_IMAGE_PIXELS: u64 = 64 * 1024 * 1024;

/// How an image of `size` is shown when the display takes textures of at most `max_side`
/// pixels a side.
#[must_use]
pub fn image_look(uri: String, size: (u32, u32), max_side: usize) -> Look {
    let (width, height) = size;
    let pixels = u64::from(width) * u64::from(height);
    let too_wide = usize::try_from(width.max(height)).map_or(true, |side| side > max_side);
    if too_wide {
        Look::Broken(format!(
            "The image is {width}\u{d7}{height} pixels; this display shows at most {max_side} \
             a side. Open the file itself to see it."
        ))
    } else if pixels > MAX_IMAGE_PIXELS || width == 0 || height == 0 {
        Look::Broken(format!(
            "The image says it is {width}\u{d7}{height} pixels, too many to show safely."
        ))
    } else {
        Look::Image { uri, size }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_image_past_the_display_or_the_pixel_budget_is_broken_with_its_reason() {
        let uri = || "file:///a.png".to_owned();
        assert_eq!(
            image_look(uri(), (1920, 1080), 8192),
            Look::Image {
                uri: uri(),
                size: (1920, 1080)
            }
        );
        let Look::Broken(reason) = image_look(uri(), (20_000, 100), 16_384) else {
            panic!("a side past the display's must not be shown");
        };
        assert!(
            reason.contains("20000\u{d7}100") && reason.contains("16384"),
            "{reason}"
        );
        assert!(matches!(
            image_look(uri(), (16_000, 16_000), 16_384),
            Look::Broken(_)
        ));
        assert!(matches!(
            image_look(uri(), (0, 10), 16_384),
            Look::Broken(_)
        ));
    }
}
