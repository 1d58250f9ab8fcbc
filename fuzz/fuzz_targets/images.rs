//! Feeds arbitrary bytes to the checks an attached image passes before the editor shows it:
//! its header is read, the size it claims judged, and only an image judged showable is
//! decoded, as egui's loaders decode it. None of it may panic, hang or run out of memory,
//! whatever the bytes (a decompression bomb, a truncated file, a header that lies).

#![no_main]

use hindsight::session::{Look, image_look};
use hindsight::storage::image_size;
use libfuzzer_sys::fuzz_target;

/// A display's usual largest texture side.
const MAX_SIDE: usize = 8192;

fuzz_target!(|data: &[u8]| {
    let Ok(size) = image_size(data) else {
        return;
    };
    if let Look::Image { .. } = image_look(String::new(), size, MAX_SIDE) {
        // What the loaders would do with it; an error is the broken mark, never a crash.
        if let Ok(image) = image::load_from_memory(data) {
            assert!(
                usize::try_from(image.width()).is_ok_and(|width| width <= MAX_SIDE)
                    && usize::try_from(image.height()).is_ok_and(|height| height <= MAX_SIDE),
                "an image larger than its header said was decoded"
            );
        }
    }
});
