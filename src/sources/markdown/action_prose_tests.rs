//! Action items as people write them outside a tidy list: prose under the heading, the fixes
//! a release made, sub-points written flush under numbered items.

use chrono::NaiveDate;

use super::*;
use crate::model::{ActionStatus, Section};

fn import(text: &str) -> MarkdownImport {
    import_markdown(text, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap())
}

fn actions(imported: &MarkdownImport) -> Vec<(&str, ActionStatus)> {
    imported
        .doc
        .action_items
        .iter()
        .map(|item| (item.action.as_str(), item.status))
        .collect()
}

fn action_texts(imported: &MarkdownImport) -> Vec<&str> {
    actions(imported)
        .into_iter()
        .map(|(action, _)| action)
        .collect()
}

#[test]
fn prose_under_the_heading_is_an_item_only_when_it_commits_to_work() {
    let imported = import(
        "# Upload flood\n\n## Future measures\n\n\
         We will be introducing rate limiting on the upload endpoint.\n\n\
         While it is impossible to tell intent, many have speculated about it.\n\n\
         Evaluate a pull-through cache for registries\n\n\
         The old job has been disabled and removed.\n\n\
         Thanks for reading!\n",
    );
    assert_eq!(
        actions(&imported),
        [
            (
                "We will be introducing rate limiting on the upload endpoint.",
                ActionStatus::Open
            ),
            (
                "Evaluate a pull-through cache for registries",
                ActionStatus::Open
            ),
            (
                "The old job has been disabled and removed.",
                ActionStatus::Done
            ),
        ]
    );
    // The story and the thanks are kept word for word, not lost.
    let kept = imported
        .doc
        .narrative
        .custom_sections
        .iter()
        .map(|section| section.text.as_str())
        .collect::<String>();
    assert!(kept.contains("many have speculated"), "{kept}");
    assert!(kept.contains("Thanks for reading!"), "{kept}");
}

#[test]
fn fixes_a_release_made_are_done_items_in_a_list_or_in_the_lines_below() {
    let imported = import(
        "# Dust storm\n\n## Resolution and recovery\n\n\
         Version 2.5.2 included fixes that cleared the mempool.\n\
         * Bundles with only fast-forward spends are rejected.\n\
         * Spends are validated against the latest singleton.\n\n\
         On November 4 1.2.11 was released. This included many fixes, the most important being:\n\
         Blocks are now always prioritized over transactions.\n\
         A transaction queue was implemented.\n\n\
         ## Root cause\n\n\
         The deploy included changes to the load balancer:\n\n\
         - a shorter timeout\n",
    );
    assert_eq!(
        actions(&imported),
        [
            (
                "Bundles with only fast-forward spends are rejected.",
                ActionStatus::Done
            ),
            (
                "Spends are validated against the latest singleton.",
                ActionStatus::Done
            ),
            (
                "Blocks are now always prioritized over transactions.",
                ActionStatus::Done
            ),
            ("A transaction queue was implemented.", ActionStatus::Done),
        ]
    );
    let resolution = imported.doc.narrative.text(Section::Resolution);
    assert!(
        resolution.contains("the most important being:"),
        "{resolution}"
    );
    // A root cause that lists what a deploy changed lists no work.
    let root_cause = imported.doc.narrative.text(Section::RootCause);
    assert!(root_cause.contains("a shorter timeout"), "{root_cause}");
}

#[test]
fn a_bullet_list_flush_under_a_numbered_item_details_it() {
    let imported = import(
        "# Persons table\n\n## Immediate actions\n\n\
         1. **Migration to a new table**\n\n\
         - Created a new partitioned table.\n\
         - Ran a backfill script.\n\n\
         2. **Scaling ingestion**\n\n\
         - Lag per partition\n",
    );
    let items = actions(&imported);
    assert_eq!(items.len(), 2, "{items:?}");
    assert!(items[0].0.starts_with("Migration to a new table"));
    assert!(
        items[0].0.contains("Ran a backfill script."),
        "{}",
        items[0].0
    );
    assert!(items[1].0.contains("Lag per partition"), "{}", items[1].0);
}

#[test]
fn a_sentence_that_says_how_to_do_something_does_not_make_a_list_of_actions() {
    let imported = import(
        "# Hook outage\n\n## What went wrong\n\n\
         Currently the only safe way to do this would be:\n\n\
         - Loosen the config loading\n\
         - Deploy an updated Prow\n\n\
         ## Action items\n\n\
         - Alert on config load failures\n",
    );
    let items = actions(&imported);
    assert_eq!(items.len(), 1, "{items:?}");
    assert_eq!(items[0].0, "Alert on config load failures");
}

#[test]
fn items_named_by_their_tickets_are_items_and_links_to_the_fix_are_not() {
    let imported = import(
        "# Path bypass\n\n## Resolution\n\nThe following patches were produced:\n\
         * https://github.com/example/proxy/commit/c22cfd2c\n\
         * https://github.com/example/proxy/commit/7ed6d218\n\n\
         ## Action items\n\n\
         [KM676](https://trello.com/c/QIgNLSh1)\n\
         https://github.com/example/proxy/issues?q=is%3Aissue+%22Action+item%22\n",
    );
    assert_eq!(
        actions(&imported),
        [
            ("KM676", ActionStatus::Open),
            (
                "https://github.com/example/proxy/issues?q=is%3Aissue+%22Action+item%22",
                ActionStatus::Open
            ),
        ]
    );
    assert_eq!(
        imported.doc.action_items[0].ticket_url,
        "https://trello.com/c/QIgNLSh1"
    );
    // The commit links stay in the resolution, as written.
    assert!(
        imported
            .doc
            .narrative
            .resolution
            .contains("* https://github.com/example/proxy/commit/c22cfd2c"),
        "{}",
        imported.doc.narrative.resolution
    );
}

#[test]
fn a_bold_name_above_a_list_groups_the_items_below_it() {
    let imported = import(
        "# Workshop\n\n## Action Items\n\n\
         **Storage & Capacity** (Issue #1)\n- [ ] Audit volume allocation\n- [ ] Alert on disk use\n\n\
         **Image Management**\n- [ ] Mirror images to every region\n",
    );
    let texts: Vec<&str> = actions(&imported)
        .into_iter()
        .map(|(text, _)| text)
        .collect();
    assert_eq!(
        texts,
        [
            "Audit volume allocation",
            "Alert on disk use",
            "Mirror images to every region"
        ]
    );
}

#[test]
fn advice_that_restates_named_action_items_is_kept_as_written_and_is_the_work_without_them() {
    let with_items = import(
        "# Workshop\n\n## Action Items\n\n- [ ] Migrate DNS to Terraform\n\n\
         ## Lessons Learned\n\nScale matters.\n\n### Process Improvements\n\n\
         1. **Checklist:** validate two days before\n\n\
         ## Technical Recommendations\n\n1. Migrate DNS to Terraform\n",
    );
    assert_eq!(
        actions(&with_items),
        [("Migrate DNS to Terraform", ActionStatus::Open)]
    );
    assert!(
        with_items
            .doc
            .narrative
            .lessons_learned
            .contains("### Process Improvements"),
        "{}",
        with_items.doc.narrative.lessons_learned
    );
    // Without a list of action items, the recommendations are the work.
    let advice_only =
        import("# Supply chain\n\n## Recommendations\n\n- Enable 2FA for publishing\n");
    assert_eq!(
        actions(&advice_only),
        [("Enable 2FA for publishing", ActionStatus::Open)]
    );
}

#[test]
fn a_sub_heading_with_only_its_story_below_is_one_item_and_a_group_heads_a_list() {
    let imported = import(
        "# Exposed API\n\n## Corrective Actions\n\n### Public User Check\n\n\
         We wrapped the resolvers. We will also add tests.\n\n\
         ### Introspection\n\nThe client depends on these queries:\n\n\
         - `COPYRIGHT_QUERY`\n- `VISIBILITY_QUERY`\n\n\
         | Resolver | Query |\n| --- | --- |\n| Bureau | bureaus |\n\n\
         ### Short term\n\n- Add rate limits\n- Rotate the keys\n",
    );
    let texts: Vec<&str> = actions(&imported)
        .into_iter()
        .map(|(text, _)| text)
        .collect();
    assert_eq!(
        texts,
        [
            "Public User Check",
            "Introspection",
            "Add rate limits",
            "Rotate the keys"
        ]
    );
}

#[test]
fn a_status_checklist_of_the_same_work_marks_the_items_and_keeps_its_wording() {
    let imported = import(
        "# Certificate loss\n\n## Follow-up actions\n\n\
         | Action | Owner |\n|---|---|\n\
         | Rotate the admin password exposed in chat | @dana |\n\
         | Add TLS monitoring with a blackbox probe | @dana |\n\n\
         ## Action items status\n\n\
         - [x] Admin password rotation\n\
         - [ ] TLS monitoring (blackbox probe + alert)\n",
    );
    assert_eq!(
        actions(&imported),
        [
            (
                "Rotate the admin password exposed in chat",
                ActionStatus::Done
            ),
            (
                "Add TLS monitoring with a blackbox probe",
                ActionStatus::Open
            ),
        ]
    );
    let as_written = super::tests::details_as_written(&imported.doc);
    assert!(
        as_written.contains("- [x] Admin password rotation (action item 1)")
            && as_written.contains("- [ ] TLS monitoring (blackbox probe + alert) (action item 2)"),
        "{as_written}"
    );
}

#[test]
fn a_paragraph_of_several_commitments_under_the_heading_is_an_item_each() {
    let imported = import(
        "# Task processing failure\n\n## Prevention?\n\n\
         It is necessary to monitor the task queue. Currently, we do not\n\
         notice most problems. We have added a second worker. We will remove\n\
         old tasks automatically.\n",
    );
    assert_eq!(
        actions(&imported),
        [
            (
                "It is necessary to monitor the task queue. Currently, we do not notice most \
                 problems.",
                ActionStatus::Open
            ),
            ("We have added a second worker.", ActionStatus::Done),
            (
                "We will remove old tasks automatically.",
                ActionStatus::Open
            ),
        ]
    );
}

#[test]
fn a_list_of_reasons_for_acting_is_no_work() {
    let imported = import(
        "# Upload flood\n\n## Root cause\n\n\
         We decided to take action on this behavior because:\n\n\
         - the packages impersonated the team\n\
         - the rate of uploading hurt the service\n",
    );
    assert!(
        imported.doc.action_items.is_empty(),
        "{:?}",
        actions(&imported)
    );
}

#[test]
fn a_task_box_marked_as_begun_is_work_in_progress() {
    let imported = import(
        "# Disk full\n\n## Follow-ups\n\n\
         - [x] Add a disk alert at 85%\n\
         - [~] Audit the log rotation — half done\n\
         - [ ] Move the audit captures to their own folder\n",
    );
    assert_eq!(
        actions(&imported),
        [
            ("Add a disk alert at 85%", ActionStatus::Done),
            (
                "Audit the log rotation — half done",
                ActionStatus::InProgress
            ),
            (
                "Move the audit captures to their own folder",
                ActionStatus::Open
            ),
        ]
    );
}

#[test]
fn a_list_introduced_as_causes_under_the_action_heading_is_no_work() {
    let imported = import(
        "# Disk full\n\n## Root cause + remediation\n\nTwo layered causes:\n\n\
         1. **Log rotation kept too much** — the old syslog should have aged off.\n\
         2. **No disk alert** — someone should have been paged at 85%.\n\n\
         Operational follow-ups:\n\n\
         - [x] Add a disk alert at 85%\n\
         - [ ] Audit the log rotation\n",
    );
    assert_eq!(
        actions(&imported),
        [
            ("Add a disk alert at 85%", ActionStatus::Done),
            ("Audit the log rotation", ActionStatus::Open),
        ]
    );
}

#[test]
fn a_table_of_work_under_the_heading_in_another_language_is_an_item_a_row() {
    let imported = import(
        "# Postmortem — API em crash loop\n\n## Ações (rastreadas no plano)\n\n\
         | Ação | Prioridade | Onde |\n|------|-----------|------|\n\
         | Teste de integração que aplica a migration | P1 | Fase 2 do plano |\n\
         | Alerta de RestartCount na VM para detectar crash loop | P3 | Backlog infra |\n\n\
         ## Ações tomadas\n\n- Reverti o deploy às 11:14\n",
    );
    let items = &imported.doc.action_items;
    assert_eq!(items.len(), 2, "{:?}", actions(&imported));
    assert_eq!(
        items[0].action,
        "Teste de integração que aplica a migration (Onde: Fase 2 do plano)"
    );
    assert!(items[1].action.starts_with("Alerta de RestartCount"));
}

#[test]
fn a_table_of_records_under_the_heading_is_no_work() {
    let imported = import(
        "# Buckets\n\n## Corrective Actions\n\nWe removed these records:\n\n\
         | type | name |\n|---|---|\n| CNAME | publications.america.gov |\n| CNAME | static.america.gov |\n",
    );
    assert!(
        imported.doc.action_items.is_empty(),
        "{:?}",
        actions(&imported)
    );
}

#[test]
fn problems_listed_under_the_action_heading_are_no_work() {
    let imported = import(
        "# Network outage\n\n## Corrective and Preventive Measures\n\n\
         ### Problems during Recovery\n\nWe ran into these:\n\n\
         - Email was down, as all our relays are in the data center.\n\
         - No status page was published.\n\n\
         ### Changes that need to be made\n\n\
         - We will deploy an external email relay.\n",
    );
    assert_eq!(
        actions(&imported),
        [(
            "We will deploy an external email relay.",
            ActionStatus::Open
        )]
    );
}

#[test]
fn a_lessons_list_does_not_hide_the_commitments_told_beside_it() {
    let imported = import(
        "# Database lost\n\n## Lessons learned\n\n### Our database is large\n\n\
         * Run a repack to reclaim free space.\n\n\
         ### Our tools can be better\n\n\
         We realised the server names were confusing. We're considering colouring the \
         terminal by the server's role.\n\n\
         We upgraded the backup tool on all servers.\n\n\
         We received a lot of support from the community.\n",
    );
    assert_eq!(
        actions(&imported),
        [
            ("Run a repack to reclaim free space.", ActionStatus::Open),
            (
                "We realised the server names were confusing. We're considering colouring \
                 the terminal by the server's role.",
                ActionStatus::Open
            ),
            (
                "We upgraded the backup tool on all servers.",
                ActionStatus::Done
            ),
        ]
    );
}

#[test]
fn work_done_since_under_labels_is_an_item_per_line_and_done_unless_still_to_come() {
    let imported = import(
        "# Project deleted\n\n## Changes we have made\n\n\
         1. **Hard guardrails on removal**\n\n   \
            - Set removal to retain-all for production assets.\n   \
            - Add policy checks that fail a plan touching production.\n\n\
         2. **Incident communications**\n   \
            - Even for a short interruption, we will notify users in the app.\n",
    );
    assert_eq!(
        actions(&imported),
        [
            (
                "Hard guardrails on removal: Set removal to retain-all for production assets.",
                ActionStatus::Done
            ),
            (
                "Hard guardrails on removal: Add policy checks that fail a plan touching \
                 production.",
                ActionStatus::Done
            ),
            (
                "Incident communications\nEven for a short interruption, we will notify users \
                 in the app.",
                ActionStatus::Open
            ),
        ]
    );
}

#[test]
fn a_sentence_introducing_work_heads_the_lists_under_the_bold_labels_below_it() {
    let imported = import(
        "# Proxy outage\n\n## Moving Forward\n\n\
         One provider as a single point of failure is unacceptable. We are taking the \
         following concrete actions:\n\n\
         **Infrastructure Diversification**\n\n\
         - Assess alternatives for the proxy\n- Review DNS management\n\n\
         **Communication Systems**\n\n- Migrate our status page\n\n\
         We apologize for the impact this outage had.\n",
    );
    assert_eq!(
        actions(&imported),
        [
            ("Assess alternatives for the proxy", ActionStatus::Open),
            ("Review DNS management", ActionStatus::Open),
            ("Migrate our status page", ActionStatus::Open),
        ]
    );
    // The labels are kept as the groups' words.
    let kept = imported
        .doc
        .narrative
        .custom_sections
        .iter()
        .map(|section| section.text.as_str())
        .collect::<String>();
    assert!(kept.contains("Communication Systems"), "{kept}");
    assert!(kept.contains("We apologize"), "{kept}");
}

#[test]
fn each_box_of_a_nested_task_list_is_an_action_item_under_its_parents_words() {
    let text = "# Airdrop\n\n## Action items\n\n\
                - [ ] Add read replicas\n\
                - [ ] Ensure that alerting is in place for:\n  \
                  - [ ] Warp Speed\n  \
                  - [x] Claims backend\n\
                - [ ] Load test the claims path\n  \
                  Run it weekly, against staging.\n";
    let imported = import(text);
    assert_eq!(
        actions(&imported),
        vec![
            ("Add read replicas", ActionStatus::Open),
            ("Ensure that alerting is in place for:", ActionStatus::Open),
            (
                "Ensure that alerting is in place for: Warp Speed",
                ActionStatus::Open
            ),
            (
                "Ensure that alerting is in place for: Claims backend",
                ActionStatus::Done
            ),
            // A line written under a task without a box of its own is more of it.
            (
                "Load test the claims path Run it weekly, against staging.",
                ActionStatus::Open
            ),
        ]
    );
    // Each nested task is placed on its own line.
    let places: Vec<_> = imported
        .report
        .iter()
        .filter(|place| place.place.starts_with("action item"))
        .map(|place| place.lines)
        .collect();
    assert_eq!(places, vec![(5, 5), (6, 6), (7, 7), (8, 8), (9, 10)]);
}

#[test]
fn an_organisation_writing_of_itself_in_the_third_person_names_its_work() {
    let text = "# API update\n\n## What is CMS doing now?\n\n\
                The BB2.0 team has implemented an enhanced review process. The team is \
                implementing additional monitoring and alerting.\n\n\
                CMS will communicate directly with affected beneficiaries.\n\n\
                **Impacted Applications:**\n\n- 1upHealth\n- Humana\n";
    let imported = import(text);
    assert_eq!(
        action_texts(&imported),
        [
            "The BB2.0 team has implemented an enhanced review process.",
            "The team is implementing additional monitoring and alerting.",
            "CMS will communicate directly with affected beneficiaries.",
        ]
    );
    // The applications hit are the impact, not work.
    let impact = imported.doc.narrative.text(Section::Impact);
    assert!(impact.contains("Humana"), "{impact}");
}

#[test]
fn a_paragraph_that_adds_work_right_after_an_introduced_list_is_one_more_item() {
    let text = "# Outage\n\n## What went wrong\n\n\
                A migration locked the table. We will make these changes to prevent it:\n\n\
                1. Lint migrations for safe locks.\n\
                1. Test against production-sized data.\n\n\
                We are also making changes to split the service into failure domains.\n\n\
                We are also grateful for your patience.\n";
    let imported = import(text);
    assert_eq!(
        action_texts(&imported),
        [
            "Lint migrations for safe locks.",
            "Test against production-sized data.",
            "We are also making changes to split the service into failure domains.",
        ]
    );
}

#[test]
fn a_group_that_says_it_has_none_holds_no_item() {
    let imported = import(
        "# Outage\n\n## Action items\n\n### Process improvements\n\n1. Spin up a dev hub.\n\n\
         ### Documentation improvements\n\nNone.\n\n### Technical improvements\n\nN/A\n\n\
         ### Monitoring\n\nNone identified at this time.\n",
    );
    assert_eq!(action_texts(&imported), ["Spin up a dev hub."]);
    // A sentence that opens with the word is work as any other.
    let imported = import(
        "# Outage\n\n## Action items\n\nNone of the alerts paged: we will add a pager rule.\n",
    );
    assert_eq!(action_texts(&imported).len(), 1);
}

#[test]
fn groups_over_paragraphs_that_each_close_with_their_status_are_groups_of_items() {
    let markdown = "# Report\n\n## Action Items\n\n\
        A number of action items came from this incident. These include the following:\n\n\
        ### Engineering and Architecture\n\n\
        Reduced the dataset size carried by our ZooKeeper ensembles by over 60%. (Completed)\n\n\
        Improve resiliency in Kibana routes discovery methods. (In progress)\n\n\
        ### Process and Communications\n\n\
        Formalized our maintenance matrix to reduce exposure of critical services within a region. (Completed)\n";
    // The same page copied as text: its headings are lines, its list items lines with no
    // full stop, and nothing but its introduction says the groups are the items'.
    let page = "Elastic Cloud Incident Report\n\nImpact\n\
        Coordination layer\n\
        Inability to create, modify, or delete clusters through the console\n\
        ZooKeeper was unavailable between 02:50 UTC and 07:17 UTC\n\
        Proxy layer\n\
        Inability to access services within running clusters\n\
        Action Items\n\
        A number of action items came from this incident. These include the following:\n\
        Engineering and Architecture\n\
        Reduced the dataset size carried by our ZooKeeper ensembles by over 60%. (Completed)\n\
        Improve resiliency in Kibana routes discovery methods. (In progress)\n\
        Process and Communications\n\
        Formalized our maintenance matrix to reduce exposure of critical services within a region. (Completed)\n";
    for text in [markdown, page] {
        let imported = import(text);
        assert_eq!(
            actions(&imported),
            [
                (
                    "Reduced the dataset size carried by our ZooKeeper ensembles by over 60%. (Completed)",
                    ActionStatus::Done
                ),
                (
                    "Improve resiliency in Kibana routes discovery methods. (In progress)",
                    ActionStatus::Open
                ),
                (
                    "Formalized our maintenance matrix to reduce exposure of critical services within a region. (Completed)",
                    ActionStatus::Done
                ),
            ],
            "{text}"
        );
    }
    // One paragraph closed by its status under a heading of its own is that item.
    let imported = import(
        "# Report\n\n## Action Items\n\n### Add a canary stage\n\n\
         The deploy pipeline gets a canary stage before production. (In progress)\n",
    );
    assert_eq!(action_texts(&imported), ["Add a canary stage"]);
}

#[test]
fn an_outline_of_labelled_parts_nests_its_review_actions() {
    let imported = import(
        "# Incident on 2022-01-22 - DNS records deleted\n\n\
         - **Key events**\n  - First detected 2022-01-22 11:57\n  - Resolved 2022-01-22 14:38\n\n\
         - **Time to repair**: 2h 2m\n\n\
         - **Resolution**:\n  - Manually adding the annotations restored the DNS.\n\n\
         - **Review actions**:\n  - Create pingdom alerts for test apps\n  \
         - Assign someone to be the 'hammer' on Fridays\n",
    );
    assert_eq!(
        action_texts(&imported),
        [
            "Create pingdom alerts for test apps",
            "Assign someone to be the 'hammer' on Fridays"
        ]
    );
    assert_eq!(imported.doc.timeline.len(), 2);
}
