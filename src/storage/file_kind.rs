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

/// Opens `path` for reading when it is a regular file, looked at before it is opened (opening
/// a named pipe waits for a writer, perhaps for ever) and again after (the path may have been
/// swapped in between). Anything else is an `InvalidInput` error that says what it is.
pub fn open_regular_file(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let refuse = |what: &str| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("it is {what}, not a file"),
        )
    };
    if let Some(what) = not_a_regular_file(std::fs::metadata(path)?.file_type()) {
        return Err(refuse(what));
    }
    let file = std::fs::File::open(path)?;
    if let Some(what) = not_a_regular_file(file.metadata()?.file_type()) {
        return Err(refuse(what));
    }
    Ok(file)
}

/// The bytes of the regular file at `path` when it holds at most `limit` of them; a larger
/// file is an `InvalidData` error naming the limit, found without reading past it.
pub fn read_regular_file(path: &std::path::Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let file = open_regular_file(path)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "it is larger than {} KiB, which is more than such a file ever needs",
                limit / 1024
            ),
        ));
    }
    Ok(bytes)
}
