//! How much of a file Hindsight will read, whatever is handed to it.

/// The largest file Hindsight will read. Real postmortems are kilobytes; a generated stress
/// document of 10,000 rows and 10,000 actions is about 4 MB. Anything past this is refused
/// before it is read, so memory stays bounded whatever is handed to us.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// How deeply values may nest. A postmortem nests five levels; the limit stops hostile input
/// from exhausting the stack.
pub const RECURSION_LIMIT: usize = 64;
