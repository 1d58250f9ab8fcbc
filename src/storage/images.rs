//! Images before they are shown or taken: the size an image's header claims (read without
//! decoding it, so a decompression bomb is judged before anything is decoded), a pasted
//! screenshot as a PNG file, and the images an imported Markdown file may bring along.

use std::fs;
use std::io;
use std::path::Path;

use super::attachments::{file_of, read_limited};
use crate::model::{ATTACHMENTS_FOLDER_SUFFIX, Attachment, AttachmentKind, is_stored_name};

/// The width and height an image's header gives, read without decoding it: what decides
/// whether the editor may show it at all (a decompression bomb gives itself away here).
pub fn image_size(bytes: &[u8]) -> Result<(u32, u32), String> {
    image::ImageReader::new(io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|error| error.to_string())?
        .into_dimensions()
        .map_err(|error| error.to_string())
}

/// As [`image_size`], for `attachment` of the postmortem at `doc_path`: only its header is
/// read, however large the file.
pub fn image_size_of(doc_path: &Path, attachment: &Attachment) -> Result<(u32, u32), String> {
    let Some(path) = file_of(doc_path, attachment) else {
        return Err("its path is not inside the attachments folder".to_owned());
    };
    let found = fs::symlink_metadata(&path).map_err(|error| error.to_string())?;
    if !found.is_file() {
        return Err("it is a link or a folder, not a file".to_owned());
    }
    image::ImageReader::open(&path)
        .map_err(|error| error.to_string())?
        .with_guessed_format()
        .map_err(|error| error.to_string())?
        .into_dimensions()
        .map_err(|error| error.to_string())
}

/// A pasted image (`width` × `height` pixels of RGBA, alpha not premultiplied) as the
/// bytes of a PNG file, to attach like any other.
pub fn png_of(width: u32, height: u32, rgba: Vec<u8>) -> Result<Vec<u8>, String> {
    let image = image::RgbaImage::from_raw(width, height, rgba)
        .ok_or_else(|| "the pasted image's pixels do not match its size".to_owned())?;
    let mut bytes = Vec::new();
    image
        .write_to(&mut io::Cursor::new(&mut bytes), image::ImageFormat::Png)
        .map_err(|error| error.to_string())?;
    Ok(bytes)
}

/// The bytes of an image a Markdown file shows, to attach on import: only a file inside
/// `folder` (the Markdown file's, links resolved) that is an image by its name and by its
/// bytes. Someone else's Markdown may name `../../.ssh/id_rsa` as an image; nothing but the
/// images that came with it is ever copied into the postmortem's folder.
pub fn read_image_within(file: &Path, folder: &Path) -> Result<Vec<u8>, String> {
    let real = fs::canonicalize(file).map_err(|error| error.to_string())?;
    let folder = fs::canonicalize(folder).map_err(|error| error.to_string())?;
    if !real.starts_with(&folder) {
        return Err("it is outside the Markdown file's folder, so it was not copied".to_owned());
    }
    let name = real
        .file_name()
        .map(|name| name.to_string_lossy())
        .unwrap_or_default();
    let kind = AttachmentKind::of(&name);
    // A file an export of Hindsight's links to, in the folder it keeps beside a postmortem,
    // is taken whatever it is: it was attached once already.
    let stored_by_hindsight = is_stored_name(&name)
        && real
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|folder| {
                folder
                    .to_string_lossy()
                    .ends_with(ATTACHMENTS_FOLDER_SUFFIX)
            });
    if stored_by_hindsight {
        return read_limited(&real).map_err(|error| error.to_string());
    }
    if !kind.is_image() {
        return Err("it is not an image by its name, so it was not copied".to_owned());
    }
    let bytes = read_limited(&real).map_err(|error| error.to_string())?;
    let looks_like_one = if kind == AttachmentKind::Svg {
        String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).contains("<svg")
    } else {
        image::guess_format(&bytes).is_ok()
    };
    if looks_like_one {
        Ok(bytes)
    } else {
        Err("its bytes are not an image, so it was not copied".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_images_inside_the_markdown_files_folder_are_taken_on_import() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("notes");
        fs::create_dir(&notes).unwrap();
        let png = image::RgbaImage::new(1, 1);
        png.save(notes.join("graph.png")).unwrap();
        fs::write(dir.path().join("secret.png"), b"\x89PNG outside").unwrap();
        fs::write(notes.join("notes.png"), b"not an image at all").unwrap();
        fs::write(notes.join("key.txt"), b"secret").unwrap();
        assert!(read_image_within(&notes.join("graph.png"), &notes).is_ok());
        for (file, why) in [
            (notes.join("../secret.png"), "outside"),
            (notes.join("notes.png"), "not an image"),
            (notes.join("key.txt"), "not an image by its name"),
            (notes.join("gone.png"), "No such file"),
        ] {
            let error = read_image_within(&file, &notes).unwrap_err();
            assert!(error.contains(why), "{file:?}: {error}");
        }
    }
}
