//! The written analysis: the fixed sections of the template and the team's own sections.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The written sections of a postmortem, in the order a reader meets them.
///
/// Each text is Markdown as the lead typed it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Narrative {
    /// What happened, for someone with a minute to spare.
    pub summary: String,
    /// Who and what was affected, and how much.
    pub impact: String,
    /// Why it happened.
    pub root_cause: String,
    /// What set it off.
    pub trigger: String,
    /// What made it worse or more likely.
    pub contributing_factors: String,
    /// How it was noticed.
    pub detection: String,
    /// How it was fixed.
    pub resolution: String,
    /// Measurements and records that back the analysis.
    pub supporting_evidence: String,
    /// What helped.
    pub what_went_well: String,
    /// What hurt.
    pub what_went_wrong: String,
    /// What could have been worse.
    pub where_we_got_lucky: String,
    /// What the team takes away.
    pub lessons_learned: String,
    /// Sections the team added, in their chosen order.
    pub custom_sections: Vec<CustomSection>,
    /// Built-in sections the template this postmortem started from leaves out: not shown,
    /// checked or exported while they are empty. Added in format version 2.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub left_out: Vec<Section>,
    /// What to write in each built-in section, from the template: shown in an empty section
    /// as a hint, never part of its text. Added in format version 2.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub guidance: BTreeMap<Section, String>,
    /// The heading a section was written under where it differs from the built-in one
    /// ("Root Cause Analysis" for the root cause): the author's words, shown and exported in
    /// its place. Added in format version 3.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub headings: BTreeMap<Section, String>,
    /// Built-in sections left out of the public version. Added in format version 6; written
    /// only when there are some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub internal: Vec<Section>,
}

/// A section the team added to the written analysis.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CustomSection {
    /// The heading.
    pub title: String,
    /// The text, as Markdown.
    pub text: String,
    /// What to write here, from the template: shown while the section is empty, never part
    /// of its text. Added in format version 2.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub guidance: String,
    /// Left out of the public version. Added in format version 6; written only when set.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub internal: bool,
}

/// Names one of the built-in narrative sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// What happened, briefly.
    Summary,
    /// Who and what was affected.
    Impact,
    /// Why it happened.
    RootCause,
    /// What set it off.
    Trigger,
    /// What made it worse.
    ContributingFactors,
    /// How it was noticed.
    Detection,
    /// How it was fixed.
    Resolution,
    /// What backs the analysis.
    SupportingEvidence,
    /// What helped.
    WhatWentWell,
    /// What hurt.
    WhatWentWrong,
    /// What could have been worse.
    WhereWeGotLucky,
    /// What the team takes away.
    LessonsLearned,
}

impl Section {
    /// The built-in sections in the order a postmortem is read.
    pub const ALL: [Self; 12] = [
        Self::Summary,
        Self::Impact,
        Self::RootCause,
        Self::Trigger,
        Self::ContributingFactors,
        Self::Detection,
        Self::Resolution,
        Self::SupportingEvidence,
        Self::WhatWentWell,
        Self::WhatWentWrong,
        Self::WhereWeGotLucky,
        Self::LessonsLearned,
    ];

    /// The section's heading.
    #[must_use]
    pub const fn heading(self) -> &'static str {
        match self {
            Self::Summary => "Summary",
            Self::Impact => "Impact",
            Self::RootCause => "Root cause",
            Self::Trigger => "Trigger",
            Self::ContributingFactors => "Contributing factors",
            Self::Detection => "Detection",
            Self::Resolution => "Resolution",
            Self::SupportingEvidence => "Supporting evidence",
            Self::WhatWentWell => "What went well",
            Self::WhatWentWrong => "What went wrong",
            Self::WhereWeGotLucky => "Where we got lucky",
            Self::LessonsLearned => "Lessons learned",
        }
    }
}

impl Narrative {
    /// The text of one built-in section.
    #[must_use]
    pub fn text(&self, section: Section) -> &str {
        match section {
            Section::Summary => &self.summary,
            Section::Impact => &self.impact,
            Section::RootCause => &self.root_cause,
            Section::Trigger => &self.trigger,
            Section::ContributingFactors => &self.contributing_factors,
            Section::Detection => &self.detection,
            Section::Resolution => &self.resolution,
            Section::SupportingEvidence => &self.supporting_evidence,
            Section::WhatWentWell => &self.what_went_well,
            Section::WhatWentWrong => &self.what_went_wrong,
            Section::WhereWeGotLucky => &self.where_we_got_lucky,
            Section::LessonsLearned => &self.lessons_learned,
        }
    }

    /// The text of one built-in section, to change it.
    pub fn text_mut(&mut self, section: Section) -> &mut String {
        match section {
            Section::Summary => &mut self.summary,
            Section::Impact => &mut self.impact,
            Section::RootCause => &mut self.root_cause,
            Section::Trigger => &mut self.trigger,
            Section::ContributingFactors => &mut self.contributing_factors,
            Section::Detection => &mut self.detection,
            Section::Resolution => &mut self.resolution,
            Section::SupportingEvidence => &mut self.supporting_evidence,
            Section::WhatWentWell => &mut self.what_went_well,
            Section::WhatWentWrong => &mut self.what_went_wrong,
            Section::WhereWeGotLucky => &mut self.where_we_got_lucky,
            Section::LessonsLearned => &mut self.lessons_learned,
        }
    }
}

impl Narrative {
    /// Whether `section` is shown: it has text, or the template does not leave it out.
    #[must_use]
    pub fn shows(&self, section: Section) -> bool {
        !self.text(section).trim().is_empty() || !self.left_out.contains(&section)
    }

    /// The heading `section` is shown and exported under: the one it was written under, else
    /// the built-in one.
    #[must_use]
    pub fn heading_of(&self, section: Section) -> &str {
        self.headings
            .get(&section)
            .map(String::as_str)
            .filter(|heading| !heading.trim().is_empty())
            .unwrap_or(section.heading())
    }

    /// Shows `section` under `heading`; empty, or the built-in heading itself, goes back to
    /// the built-in one. Returns whether that changed anything.
    pub fn set_heading(&mut self, section: Section, heading: &str) -> bool {
        let heading = heading.trim();
        let before = self.headings.get(&section).cloned();
        if heading.is_empty() || heading == section.heading() {
            self.headings.remove(&section);
        } else {
            self.headings.insert(section, heading.to_owned());
        }
        before.as_ref() != self.headings.get(&section)
    }

    /// The template's hint for `section`, if it gave one.
    #[must_use]
    pub fn guidance_for(&self, section: Section) -> Option<&str> {
        self.guidance.get(&section).map(String::as_str)
    }
}
