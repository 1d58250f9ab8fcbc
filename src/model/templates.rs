//! Starting a postmortem from a template: the built-in ones (the layouts of the SRE book,
//! PagerDuty, Atlassian and Rootly, and a blank one), and any postmortem a team keeps as its
//! own template. A template gives the new document its sections, the hint shown in each
//! while it is empty, its severity scale, zone and standing action items; never an incident's
//! facts.

use chrono::NaiveDate;

use super::document::{ActionItem, Postmortem};
use super::ids::ActionId;
use super::kinds::{ActionStatus, DocumentStatus};
use super::narrative::{CustomSection, Narrative, Section};

/// A template that comes with Hindsight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BuiltinTemplate {
    /// Its name on the command line: `sre-book`.
    pub name: &'static str,
    /// Its name in the editor: "Google SRE book".
    pub title: &'static str,
    /// One line on what it is for.
    pub description: &'static str,
    /// The built-in sections it leaves out.
    left_out: &'static [Section],
    /// Its hint for each built-in section it keeps.
    guidance: &'static [(Section, &'static str)],
    /// The sections of its own, each with its hint.
    custom: &'static [(&'static str, &'static str)],
}

impl BuiltinTemplate {
    /// A new, empty postmortem laid out as this template says, started `today`.
    #[must_use]
    pub fn document(&self, today: NaiveDate) -> Postmortem {
        Postmortem {
            created: Some(today),
            narrative: Narrative {
                left_out: self.left_out.to_vec(),
                guidance: self
                    .guidance
                    .iter()
                    .map(|(section, hint)| (*section, (*hint).to_owned()))
                    .collect(),
                custom_sections: self
                    .custom
                    .iter()
                    .map(|(title, hint)| CustomSection {
                        title: (*title).to_owned(),
                        guidance: (*hint).to_owned(),
                        ..CustomSection::default()
                    })
                    .collect(),
                ..Narrative::default()
            },
            ..Postmortem::default()
        }
    }
}

/// The name of the folder, at the root of a repository, that holds its templates (the
/// editor finds it, `hindsight init` makes it).
pub const TEMPLATES_FOLDER: &str = ".hindsight/templates";

/// The built-in template called `name` on the command line.
#[must_use]
pub fn builtin_template(name: &str) -> Option<&'static BuiltinTemplate> {
    BUILTIN_TEMPLATES
        .iter()
        .find(|template| template.name.eq_ignore_ascii_case(name))
}

/// A new postmortem from a team's own template (any postmortem kept as one): its zone,
/// severity scale, links, participants' roles, sections (with the headings they were written
/// under) and standing action items, with
/// new IDs and `today` as its date. What the template's sections say becomes the hint shown
/// in the new document's empty sections; the incident's facts (title, times, timeline) are
/// not copied.
#[must_use]
pub fn from_template(template: &Postmortem, today: NaiveDate) -> Postmortem {
    let written = &template.narrative;
    let mut guidance = written.guidance.clone();
    for section in Section::ALL {
        let text = written.text(section).trim();
        if !text.is_empty() {
            guidance.insert(section, text.to_owned());
        }
    }
    let narrative = Narrative {
        custom_sections: written
            .custom_sections
            .iter()
            .map(|section| CustomSection {
                title: section.title.clone(),
                text: String::new(),
                guidance: if section.text.trim().is_empty() {
                    section.guidance.clone()
                } else {
                    section.text.trim().to_owned()
                },
                // A section the team keeps to itself stays so in every postmortem.
                internal: section.internal,
            })
            .collect(),
        left_out: written.left_out.clone(),
        guidance,
        // The team's own headings are part of its template's shape, as its sections are.
        headings: written.headings.clone(),
        internal: written.internal.clone(),
        ..Narrative::default()
    };
    let mut classification = template.classification.clone();
    classification.severity = None;
    Postmortem {
        status: DocumentStatus::Draft,
        created: Some(today),
        time_zone: template.time_zone,
        classification,
        participants: template.participants.clone(),
        links: template.links.clone(),
        narrative,
        // So are the headings of its lists.
        timeline_heading: template.timeline_heading.clone(),
        action_items_heading: template.action_items_heading.clone(),
        action_items: template
            .action_items
            .iter()
            .map(|item| ActionItem {
                id: ActionId::new(),
                status: ActionStatus::Open,
                due: None,
                completed: None,
                ticket_url: String::new(),
                ..item.clone()
            })
            .collect(),
        ..Postmortem::default()
    }
}

use Section::{
    ContributingFactors, Detection, Impact, LessonsLearned, Resolution, RootCause, Summary,
    SupportingEvidence, Trigger, WhatWentWell, WhatWentWrong, WhereWeGotLucky,
};

/// The templates that come with Hindsight. The hints are ours: short reminders of what a
/// reader needs from each section, in the spirit of each layout.
pub const BUILTIN_TEMPLATES: [BuiltinTemplate; 5] = [
    BuiltinTemplate {
        name: "blank",
        title: "Blank",
        description: "Every section Hindsight knows, with no hints.",
        left_out: &[],
        guidance: &[],
        custom: &[],
    },
    BuiltinTemplate {
        name: "sre-book",
        title: "Google SRE book",
        description: "Summary, impact, root causes, trigger, resolution, detection, what went \
                      well and wrong, and where we got lucky.",
        left_out: &[ContributingFactors, LessonsLearned],
        guidance: &[
            (
                Summary,
                "In two or three sentences: what broke, for how long, and what fixed it.",
            ),
            (
                Impact,
                "Who noticed, how many requests or users, and any money lost.",
            ),
            (
                RootCause,
                "The conditions that made the failure possible, not only the last step.",
            ),
            (
                Trigger,
                "The change or event that set the latent problem off.",
            ),
            (
                Resolution,
                "What stopped the damage, and what put things right.",
            ),
            (Detection, "How we found out, and how long that took."),
            (
                WhatWentWell,
                "Practices and tools that helped; keep doing these.",
            ),
            (WhatWentWrong, "Gaps that slowed us down or made it worse."),
            (
                WhereWeGotLucky,
                "Things that went our way by chance and will not next time.",
            ),
            (
                SupportingEvidence,
                "Graphs, logs and queries that back the analysis.",
            ),
        ],
        custom: &[],
    },
    BuiltinTemplate {
        name: "pagerduty",
        title: "PagerDuty",
        description: "Overview, what happened, contributing factors, resolution, impact, \
                      how we did, and messaging.",
        left_out: &[
            RootCause,
            Trigger,
            Detection,
            SupportingEvidence,
            WhereWeGotLucky,
            LessonsLearned,
        ],
        guidance: &[
            (
                Summary,
                "An overview a busy reader can stop after: the problem, its length and its \
                 cause in a few lines.",
            ),
            (
                ContributingFactors,
                "Every factor that played a part; there is rarely a single root cause.",
            ),
            (Resolution, "How the service was restored, step by step."),
            (
                Impact,
                "Customers and systems affected, for how long, and how badly.",
            ),
            (WhatWentWell, "How'd we do: what worked in the response."),
            (
                WhatWentWrong,
                "How'd we do: what did not go so well, without blaming anyone.",
            ),
        ],
        custom: &[
            (
                "What happened",
                "The story of the incident in plain words, before the timeline's detail.",
            ),
            (
                "Messaging",
                "What we told customers and staff, when, and through which channels.",
            ),
        ],
    },
    BuiltinTemplate {
        name: "atlassian",
        title: "Atlassian",
        description: "Summary, leadup, fault, impact, detection, response, recovery, five \
                      whys and lessons.",
        left_out: &[
            Trigger,
            SupportingEvidence,
            WhatWentWell,
            WhatWentWrong,
            WhereWeGotLucky,
        ],
        guidance: &[
            (
                Summary,
                "What happened, the impact, and the fix, in a short paragraph.",
            ),
            (
                ContributingFactors,
                "Leadup: the changes and circumstances that led to the incident.",
            ),
            (
                RootCause,
                "Fault: how the change or circumstance made the service fail.",
            ),
            (
                Impact,
                "Who was affected, how many support cases came in, what users saw.",
            ),
            (
                Detection,
                "When and how the team found out, and how it could be sooner.",
            ),
            (
                Resolution,
                "Recovery: how the service came back, and how long each step took.",
            ),
            (
                LessonsLearned,
                "What went well, what could be better, and where we were lucky.",
            ),
        ],
        custom: &[
            (
                "Response",
                "Who responded, when, and what got in their way.",
            ),
            (
                "Five whys",
                "Ask why the fault happened, then why that happened, five times over.",
            ),
            (
                "Related records",
                "Earlier incidents like this one, and what came of their actions.",
            ),
        ],
    },
    BuiltinTemplate {
        name: "rootly",
        title: "Rootly",
        description: "Summary and incident details, root cause, contributing factors, \
                      mitigation, evidence, and lessons.",
        left_out: &[Trigger, Detection, WhereWeGotLucky],
        guidance: &[
            (
                Summary,
                "When, what was affected, how users felt it, and what resolved it.",
            ),
            (
                RootCause,
                "The technical cause, with the change that introduced it.",
            ),
            (
                ContributingFactors,
                "What made it worse or let it through: tests, data, limits, process.",
            ),
            (
                Resolution,
                "Mitigation and resolution: the steps and their effect.",
            ),
            (
                Impact,
                "Affected services and users, and the size of the effect.",
            ),
            (SupportingEvidence, "Measurements before and after the fix."),
            (
                WhatWentWell,
                "What limited the damage or sped up the response.",
            ),
            (
                WhatWentWrong,
                "What slowed the response or widened the impact.",
            ),
            (
                LessonsLearned,
                "What we will do differently, in a few points.",
            ),
        ],
        custom: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionStatus, validate};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default()
    }

    #[test]
    fn built_in_templates_lay_out_an_empty_document() {
        let doc = builtin_template("sre-book")
            .map(|t| t.document(today()))
            .unwrap_or_default();
        assert_eq!(doc.created, Some(today()));
        assert!(doc.narrative.root_cause.is_empty());
        assert!(doc.narrative.guidance_for(RootCause).is_some());
        assert!(!doc.narrative.shows(LessonsLearned));
        assert!(doc.narrative.shows(WhereWeGotLucky));
        let pagerduty = builtin_template("PagerDuty").map(|t| t.document(today()));
        let pagerduty = pagerduty.unwrap_or_default();
        assert_eq!(pagerduty.narrative.custom_sections[1].title, "Messaging");
        assert!(pagerduty.narrative.custom_sections[1].text.is_empty());
        assert!(builtin_template("nope").is_none());
        // Every built-in template's hint belongs to a section it keeps.
        for template in &BUILTIN_TEMPLATES {
            for (section, _) in template.guidance {
                assert!(!template.left_out.contains(section), "{}", template.name);
            }
        }
    }

    #[test]
    fn a_teams_template_gives_its_layout_not_its_facts() {
        let mut template = Postmortem {
            title: "Template".to_owned(),
            incident_id: "INC-0".to_owned(),
            ..Postmortem::default()
        };
        template.narrative.impact = "Customers, regions, minutes.".to_owned();
        template.narrative.left_out = vec![Trigger];
        template
            .narrative
            .headings
            .insert(Impact, "Who felt it".to_owned());
        template.set_list_heading(super::super::document::List::ActionItems, "Follow-ups");
        template.narrative.custom_sections.push(CustomSection {
            title: "Customer comms".to_owned(),
            text: "Who told customers what.".to_owned(),
            ..CustomSection::default()
        });
        template.action_items.push(ActionItem {
            action: "Review the runbook".to_owned(),
            status: ActionStatus::Done,
            ..ActionItem::default()
        });
        let doc = from_template(&template, today());
        assert!(doc.title.is_empty() && doc.incident_id.is_empty());
        assert!(doc.narrative.impact.is_empty());
        assert_eq!(
            doc.narrative.guidance_for(Impact),
            Some("Customers, regions, minutes.")
        );
        assert_eq!(
            doc.narrative.custom_sections[0].guidance,
            "Who told customers what."
        );
        assert_eq!(doc.narrative.heading_of(Impact), "Who felt it");
        assert_eq!(doc.action_items_heading, "Follow-ups");
        assert_eq!(doc.action_items[0].status, ActionStatus::Open);
        assert_ne!(doc.action_items[0].id, template.action_items[0].id);
        assert_eq!(doc.created, Some(today()));
        // Hints are not text: the checks see empty sections.
        let _ = validate(&doc);
    }
}
