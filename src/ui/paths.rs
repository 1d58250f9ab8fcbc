//! Paths as people read them in menus and lists.

use std::path::Path;

/// A path as people read it: the file name, then the folder it is in.
pub fn describe_path(path: &Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => format!("{name}  \u{2014}  {}", folder.display()),
        None => name,
    }
}
