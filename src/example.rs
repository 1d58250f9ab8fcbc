//! The bundled example postmortem, built into the binary so the editor can open it with no
//! file on disk.

use std::path::Path;

use crate::model::Postmortem;
use crate::storage::{LoadError, from_ron_str};

/// The example's RON text, exactly as shipped in `assets/examples/`.
pub const EXAMPLE_RON: &str = include_str!("../assets/examples/user-api-latency.ron");

/// The example's file name, used to name it in messages.
pub const EXAMPLE_NAME: &str = "user-api-latency.ron";

/// The example document.
pub fn example_postmortem() -> Result<Postmortem, LoadError> {
    from_ron_str(EXAMPLE_RON, Path::new(EXAMPLE_NAME))
}
