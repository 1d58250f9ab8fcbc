//! Reading timeline rows from a file the person picked, into the timeline's paste form to
//! look over before anything is added.

use std::path::Path;

use super::HindsightApp;
use crate::sources::{self, SourceKind};
use crate::ui;

impl HindsightApp {
    /// Reads `path` as a source of timeline rows; a file that cannot be read is reported and
    /// nothing changes.
    pub(super) fn import_timeline(&mut self, path: &Path) {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        let failed = |error: sources::SourceError| match error {
            sources::SourceError::Unreadable { .. } => {
                format!("{}:{error}", path.display())
            }
            other => format!("{}: {other}", path.display()),
        };
        if sources::is_slack_export(path) {
            // Choosing a channel and a time window needs a form of its own, not built yet.
            self.error = Some(format!(
                "{} is a Slack workspace export. The editor cannot read those yet; the command \
                 line can: hindsight timeline-import FILE.ron \"{}\" --channel NAME",
                path.display(),
                path.display()
            ));
            return;
        }
        let read = sources::read_source_text(path, &mut std::io::empty()).and_then(|text| {
            let kind = sources::detect(&text);
            let imported = sources::import(&text, kind, self.document.doc(), self.clock.today())?;
            Ok((kind, text, imported))
        });
        match read {
            Ok((kind, text, imported)) => {
                // Text is shown as text, to be read (and corrected) as a paste is.
                let text = (kind == SourceKind::Text).then_some(text);
                ui::show_import(
                    &self.document.doc().timeline,
                    &mut self.panels.timeline,
                    name,
                    imported,
                    text,
                );
            }
            Err(error) => {
                self.error = Some(format!(
                    "No rows were imported; the timeline is unchanged.\n\n{}",
                    failed(error)
                ));
            }
        }
    }
}
