//! File → New from template…: gathering the templates (built-in, the repository's
//! `.hindsight/templates/`, the folder the person picked) and starting the new document.

use std::path::PathBuf;

use super::{DialogPurpose, HindsightApp};
use crate::model::{builtin_template, from_template};
use crate::session::{
    GuardedAction, OpenDocument, TemplateAnswer, TemplateChooser, TemplateSource,
    repository_templates,
};
use crate::session::{Modal, ModalKind};
use crate::storage;

impl HindsightApp {
    /// Opens the chooser with every template found now.
    pub(super) fn offer_templates(&mut self) {
        let mut folders: Vec<PathBuf> = Vec::new();
        let start = self
            .document
            .path()
            .and_then(std::path::Path::parent)
            .map_or_else(|| self.home_folder.clone(), ToOwned::to_owned);
        if let Some(folder) = repository_templates(&start) {
            folders.push(folder);
        }
        if let Some(folder) = self.settings.template_folder.clone()
            && !folders.contains(&folder)
        {
            folders.push(folder);
        }
        self.modals.open(Modal::Templates(TemplateChooser::new(
            folders,
            storage::load,
        )));
    }

    pub(super) fn answer_templates(&mut self, ctx: &egui::Context, answer: TemplateAnswer) {
        match answer {
            TemplateAnswer::Cancel => {
                self.modals.close(ModalKind::Templates);
            }
            TemplateAnswer::PickFolder => {
                self.modals.close(ModalKind::Templates);
                self.start_dialog(ctx, DialogPurpose::TemplatesFolder);
            }
            TemplateAnswer::Create => {
                let Some(Modal::Templates(chooser)) = self.modals.close(ModalKind::Templates)
                else {
                    return;
                };
                if let Some(choice) = chooser.choices.get(chooser.selected) {
                    self.request(ctx, GuardedAction::NewFromTemplate(choice.source.clone()));
                }
            }
        }
    }

    /// Remembers the folder of templates the person picked, and shows the chooser again.
    pub(super) fn use_templates_folder(&mut self, folder: PathBuf) {
        self.settings.template_folder = Some(folder);
        self.offer_templates();
    }

    /// Starts a new, untitled document from the template.
    pub(super) fn new_from_template(&mut self, source: &TemplateSource) {
        let today = self.clock.today();
        let doc = match source {
            TemplateSource::Builtin(name) => builtin_template(name).map(|t| t.document(today)),
            TemplateSource::File(path) => match storage::load(path) {
                Ok(template) => Some(from_template(&template, today)),
                Err(error) => {
                    self.modals.open(Modal::Error(format!(
                        "No new postmortem was started; the template could not be read.\n\n{error}"
                    )));
                    return;
                }
            },
        };
        let Some(doc) = doc else {
            return;
        };
        self.replace_document(OpenDocument::untitled(doc));
        self.part = crate::session::Part::Analysis;
        "New postmortem from a template".clone_into(&mut self.status);
    }
}
