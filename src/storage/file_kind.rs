//! Telling a regular file from the things that only look like one by name: folders, named
//! pipes, devices and sockets. Opening a pipe or a device to read waits forever for a writer,
//! so such paths are refused before they are opened.

use std::fs::FileType;

/// What `file_type` is, in words, when it is not a regular file.
#[must_use]
pub fn not_a_regular_file(file_type: FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some("a device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}
