//! Where action items begin and end when no template's heading says so: a sentence that
//! names steps taken against a repeat, a solution ordered under its heading, items headed
//! with their owners, a label that starts the items, and headings of ideas beside them.

use chrono::NaiveDate;

use super::*;
use crate::model::ActionStatus;

fn import(text: &str) -> MarkdownImport {
    import_markdown(text, NaiveDate::from_ymd_opt(2026, 12, 7).unwrap())
}

fn action_texts(imported: &MarkdownImport) -> Vec<&str> {
    imported
        .doc
        .action_items
        .iter()
        .map(|item| item.action.as_str())
        .collect()
}

#[test]
fn steps_taken_so_it_does_not_repeat_are_done_items_wherever_they_stand() {
    let imported = import(
        "APIs outage\n\nAt 12:25 PM UTC our APIs became unreachable.\n\n\
         To make sure that mistakes like this one won't repeat, following action have been taken:\n\
         1. Immediately we blocked an ability to remove services during deployments.\n\
         2. We prioritised a task to align the development environments with production.\n",
    );
    assert_eq!(
        super::tests::actions_and_statuses(&imported.doc),
        [
            (
                "Immediately we blocked an ability to remove services during deployments.",
                ActionStatus::Done
            ),
            (
                "We prioritised a task to align the development environments with production.",
                ActionStatus::Open
            ),
        ]
    );
}

#[test]
fn a_solution_heading_over_an_order_is_an_item_and_over_a_story_is_none() {
    let imported = import(
        "# Outage\n\n## What happened\n\nThe provider stopped answering.\n\n## Solution\n\n\
         Create a fallback process so that when the provider does not respond, another is tried.\n",
    );
    assert_eq!(
        action_texts(&imported),
        ["Create a fallback process so that when the provider does not respond, another is tried."]
    );
    for story in [
        "The final solution was to roll back the service in all nodes.",
        "Rolled back the service in all nodes, which ended it.",
    ] {
        let imported = import(&format!(
            "# Outage\n\n## What happened\n\nThe disk filled up.\n\n## Solution\n\n{story}\n"
        ));
        assert!(action_texts(&imported).is_empty(), "{story}");
    }
}

#[test]
fn a_heading_within_the_items_that_names_its_owner_is_an_item() {
    let imported = import(
        "# Disk full\n\n## Timeline\n\n- 18:53 the disk filled\n\n# Resulting Action\n\n\
         #### 1) Cron cleanup scheduled `@malte`\n\nCron scheduled to remove old archives.\n\n\
         #### 2) Alerts configured `@dma`\n\nAlerts scheduled for storage over 90%.\n\n\
         A template was created for future incidents.\n",
    );
    let owners: Vec<(&str, &str)> = imported
        .doc
        .action_items
        .iter()
        .map(|item| (item.action.as_str(), item.owner.as_str()))
        .collect();
    assert_eq!(
        owners,
        [
            ("Cron cleanup scheduled @malte", "@malte"),
            ("Alerts configured @dma", "@dma"),
        ]
    );
}

#[test]
fn items_a_label_starts_end_at_the_next_heading() {
    let imported = import(
        "**Summary:** The DNS provider failed.\n\n**Action Items:**\n\n\
         | Action Item | Owner | State |\n| --- | --- | --- |\n\
         | Add a second DNS provider | Lukas | PLANNED |\n\n\
         ## Conclusion\n\nThe learning from this incident will drive changes to our setup.\n",
    );
    assert_eq!(action_texts(&imported), ["Add a second DNS provider"]);
    assert!(
        imported
            .doc
            .narrative
            .custom_sections
            .iter()
            .any(|section| section.title == "Conclusion"
                && section.text.contains("will drive changes")),
        "{:?}",
        imported.doc.narrative.custom_sections
    );
}

#[test]
fn ideas_beside_the_named_items_are_kept_as_written() {
    let imported = import(
        "# Report\n\n## Post-mortem\n\n### Possible Improvements:\n\n\
         #### What we could do to prevent this happening again\n\n\
         * Cluster acceptance tests on a separate cluster\n\n\
         ### Actions\n\n* Define acceptance tests\n* Pin terraform modules\n",
    );
    assert_eq!(
        action_texts(&imported),
        ["Define acceptance tests", "Pin terraform modules"]
    );
}

#[test]
fn a_checklist_of_the_write_ups_upkeep_is_no_work() {
    let imported = import(
        "# Hub outage\n\n## Action items\n\n1. Deploy a new core pool with more CPU.\n\n\
         # Actions\n\n- [x] Incident has been dealt with or is over\n\
         - [x] Sections above are filled out\n\
         - [x] Incident title and after-action report is cleaned up\n\
         - [x] All actionable items above have linked GitHub Issues\n",
    );
    assert_eq!(
        action_texts(&imported),
        ["Deploy a new core pool with more CPU."]
    );
    // Its words stay on the page.
    assert!(
        super::tests::all_text(&imported.doc).contains("sections above are filled out"),
        "{:?}",
        imported.doc.narrative
    );
    // Boxes of real work that mention a report are items.
    let imported = import(
        "# Outage\n\n## Action items\n\n- [ ] Add an alert on the report queue\n\
         - [ ] Raise the proxy's memory limit\n- [x] Restart the workers nightly\n",
    );
    assert_eq!(action_texts(&imported).len(), 3);
}

#[test]
fn steps_taken_to_restore_the_service_are_the_response_not_action_items() {
    let story =
        "# Outage of the API\n\nOn 3 March 2024 at 14:05 UTC the API stopped answering.\n\n";
    let steps = "1. We restarted the proxy.\n2. We cleared the cache.\n";
    let imported = import(&format!(
        "{story}The following steps were taken to restore the service:\n\n{steps}"
    ));
    assert!(action_texts(&imported).is_empty());
    assert!(super::tests::all_text(&imported.doc).contains("we restarted the proxy."));
    let imported = import(&format!(
        "{story}The following steps have been taken to prevent a recurrence:\n\n{steps}"
    ));
    assert_eq!(
        super::tests::actions_and_statuses(&imported.doc),
        [
            ("We restarted the proxy.", ActionStatus::Done),
            ("We cleared the cache.", ActionStatus::Done),
        ]
    );
}
