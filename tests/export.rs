//! Exports: snapshots of the example in every format, and a document full of hostile text
//! read back from each format to show every character survives and none of it becomes markup.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use chrono::{NaiveDate, TimeZone, Utc};
use hindsight::example::example_postmortem;
use hindsight::export::{
    AttachedFiles, ExportFormat, ExportOptions, Portion, actions_csv, export, timeline_csv,
    to_html, to_markdown,
};
use hindsight::model::{
    ActionItem, ActionStatus, CustomSection, Link, LinkKind, Participant, ParticipantRole,
    Postmortem, Section, TimelineRow,
};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// Text that breaks naive Markdown, HTML or CSV writers.
const HOSTILE: [&str; 22] = [
    "a | b || c",
    "back\\slash \\| \\\\ and \\n",
    "# not a heading",
    "- not a list",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "line one\nline two\n\nafter a blank line",
    "*not emphasis* _nor this_ `nor code` ~~nor struck~~ **nor bold**",
    "[not a link](javascript:alert(1)) ![nor an image](x.png)",
    "&amp; &lt; &#60; entities stay as typed",
    "  padded at both ends  ",
    "$x$ and $$y$$",
    "--- | ===",
    "> not a quote",
    "1. not a numbered list",
    "trailing backslash \\",
    "\"quotes\", 'apostrophes', commas; and \"\"doubled\"\"",
    "| --- |",
    "<!-- not a comment -->",
    "emoji \u{1f525} and \u{fc}n\u{ef}c\u{f6}d\u{e9}",
    "=HYPERLINK(\"http://example.com\")",
    "<https://autolink.example.com> and www.example.com",
];

fn example() -> Postmortem {
    example_postmortem().unwrap()
}

/// A document whose every text field holds hostile text.
fn hostile_document() -> Postmortem {
    let at = |minute| Utc.with_ymd_and_hms(2025, 8, 1, 14, minute, 0).single();
    let mut doc = example();
    "<script>alert('title')</script> | *x* ## #".clone_into(&mut doc.title);
    HOSTILE[0].clone_into(&mut doc.incident_id);
    HOSTILE[4].clone_into(&mut doc.classification.incident_type);
    doc.classification.services = vec![HOSTILE[1].to_owned()];
    doc.authors = vec![HOSTILE[9].to_owned()];
    doc.participants = vec![Participant {
        name: HOSTILE[5].to_owned(),
        role: ParticipantRole::IncidentLead,
        note: HOSTILE[7].to_owned(),
    }];
    doc.links = vec![
        Link {
            kind: LinkKind::Other,
            label: HOSTILE[4].to_owned(),
            url: "javascript:alert(1)".to_owned(),
            ..Link::default()
        },
        Link {
            kind: LinkKind::Dashboard,
            label: HOSTILE[5].to_owned(),
            url: "https://example.com/?a=1&b=\"2\"".to_owned(),
            ..Link::default()
        },
    ];
    doc.narrative.impact = format!("{}\n\n{}", HOSTILE[4], HOSTILE[8]);
    doc.narrative.custom_sections = HOSTILE
        .iter()
        .map(|text| CustomSection {
            title: text.replace('\n', " "),
            text: (*text).to_owned(),
            ..CustomSection::default()
        })
        .collect();
    doc.timeline = HOSTILE
        .iter()
        .enumerate()
        .map(|(index, text)| TimelineRow {
            time: at(u32::try_from(index).unwrap()),
            event: (*text).to_owned(),
            notes: HOSTILE[HOSTILE.len() - 1 - index].to_owned(),
            actor: Some((*text).to_owned()),
            evidence: (*text).to_owned(),
            ..TimelineRow::default()
        })
        .collect();
    doc.action_items = HOSTILE
        .iter()
        .enumerate()
        .map(|(index, text)| ActionItem {
            action: (*text).to_owned(),
            owner: HOSTILE[(index + 3) % HOSTILE.len()].to_owned(),
            due: NaiveDate::from_ymd_opt(2025, 8, 5),
            ticket_url: (*text).to_owned(),
            ..ActionItem::default()
        })
        .collect();
    doc
}

/// A table read back from rendered Markdown: its header and body rows, each cell's text as a
/// reader sees it (`<br>` read as a line break). Any markup inside a cell fails the test.
struct ReadTable {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn tables_in(markdown: &str) -> Vec<ReadTable> {
    let options = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_MATH;
    let mut tables = Vec::new();
    let mut cell: Option<String> = None;
    let mut row: Vec<String> = Vec::new();
    let mut in_head = false;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Table(_)) => tables.push(ReadTable {
                header: Vec::new(),
                rows: Vec::new(),
            }),
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                tables.last_mut().unwrap().header = std::mem::take(&mut row);
            }
            Event::End(TagEnd::TableRow) => tables
                .last_mut()
                .unwrap()
                .rows
                .push(std::mem::take(&mut row)),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.push(cell.take().unwrap()),
            Event::Start(Tag::TableRow) | Event::End(TagEnd::Table) => {}
            Event::Text(text) if cell.is_some() => cell.as_mut().unwrap().push_str(&text),
            Event::InlineHtml(html) if cell.is_some() && &*html == "<br>" => {
                cell.as_mut().unwrap().push('\n');
            }
            other if cell.is_some() => panic!("markup inside a table cell: {other:?}"),
            _ => {}
        }
    }
    assert!(!in_head);
    tables
}

/// The text of every heading of `level`, failing on markup inside one.
fn headings_in(markdown: &str, level: HeadingLevel) -> Vec<String> {
    let mut headings = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level: found, .. }) if found == level => {
                current = Some(String::new());
            }
            Event::End(TagEnd::Heading(found)) if found == level => {
                headings.push(current.take().unwrap());
            }
            Event::Text(text) if current.is_some() => current.as_mut().unwrap().push_str(&text),
            other if current.is_some() => panic!("markup inside a heading: {other:?}"),
            _ => {}
        }
    }
    headings
}

fn table_with_header<'a>(tables: &'a [ReadTable], first: &str) -> &'a ReadTable {
    tables
        .iter()
        .find(|table| table.header.first().is_some_and(|name| name == first))
        .unwrap_or_else(|| panic!("no table starting with {first}"))
}

/// The value the details table gives `field`.
fn detail_value(details: &ReadTable, field: &str) -> String {
    details
        .rows
        .iter()
        .find(|row| row[0] == field)
        .map_or_else(|| panic!("no {field} row"), |row| row[1].clone())
}

#[test]
fn the_example_as_markdown() {
    let markdown = to_markdown(&example(), ExportOptions::default(), Portion::Whole);
    insta::assert_snapshot!("example_markdown", markdown);
}

#[test]
fn the_example_as_markdown_renders_the_templates_tables() {
    let doc = example();
    let markdown = to_markdown(&doc, ExportOptions::default(), Portion::Whole);
    let tables = tables_in(&markdown);
    assert_eq!(tables.len(), 3, "details, timeline and action items");

    let details = table_with_header(&tables, "Field");
    let fields: Vec<&str> = details.rows.iter().map(|row| row[0].as_str()).collect();
    for field in [
        "Incident type & severity",
        "Services/components",
        "Impact window",
        "Duration & time to resolve",
        "Participants",
        "Important links",
    ] {
        assert!(fields.contains(&field), "no {field} row in {fields:?}");
    }
    let value = |field: &str| detail_value(details, field);
    assert_eq!(
        value("Incident type & severity"),
        "SEV-2 \u{2014} Performance degradation"
    );
    assert_eq!(
        value("Impact window"),
        "Start: 2025-08-01 14:03 UTC; End: 14:33 UTC"
    );
    assert!(value("Duration & time to resolve").starts_with("30 min total; detected after 2 min"));
    assert!(
        value("Participants")
            .starts_with("Incident lead: Alice R. (on-call SRE); Responder: Bob M.")
    );

    let timeline = table_with_header(&tables, "Time (UTC)");
    // The example names who acted and links evidence, so the table has columns for both.
    // (Stars and markers are marked in HTML only: this table is read back by the importer.)
    assert_eq!(
        timeline.header,
        ["Time (UTC)", "Event / action", "Notes", "Who", "Evidence"]
    );
    assert_eq!(timeline.rows.len(), 13);
    assert_eq!(timeline.rows[0][0], "2025-08-01 14:03");
    assert_eq!(timeline.rows[1][0], "14:05");
    for (row, read) in doc.timeline.iter().zip(&timeline.rows) {
        assert_eq!(read[1], row.event);
        assert_eq!(read[2], row.notes);
        assert_eq!(read[4], row.evidence);
    }
    assert_eq!(
        timeline.rows[0][4],
        "https://grafana.example.com/d/user-api-latency?from=1754056800000&to=1754059200000"
    );

    let actions = table_with_header(&tables, "Action");
    assert_eq!(actions.header, ["Action", "Owner", "Due date", "Status"]);
    assert_eq!(actions.rows.len(), 6);
    assert_eq!(actions.rows[0][1], "Priya L.");
    assert_eq!(actions.rows[0][2], "2025-08-05");

    let sections = headings_in(&markdown, HeadingLevel::H2);
    assert_eq!(sections[0], "Summary");
    assert!(sections.contains(&"Root cause".to_owned()));
    assert_eq!(sections.last().unwrap(), "Action items");
    assert_eq!(
        headings_in(&markdown, HeadingLevel::H1),
        [doc.title.as_str()]
    );
}

#[test]
fn options_leave_out_unstarred_rows_and_empty_sections() {
    let doc = example();
    let options = ExportOptions {
        starred_only: true,
        skip_empty_sections: true,
        ..ExportOptions::default()
    };
    let markdown = to_markdown(&doc, options, Portion::Whole);
    insta::assert_snapshot!("example_markdown_starred_without_empty", markdown);
    let starred = doc.timeline.iter().filter(|row| row.starred).count();
    assert!(starred > 0 && starred < doc.timeline.len());
    let tables = tables_in(&markdown);
    assert_eq!(table_with_header(&tables, "Time (UTC)").rows.len(), starred);
    assert!(!headings_in(&markdown, HeadingLevel::H2).contains(&"Where we got lucky".to_owned()));

    let full = to_markdown(&doc, ExportOptions::default(), Portion::Whole);
    assert!(headings_in(&full, HeadingLevel::H2).contains(&"Where we got lucky".to_owned()));
}

#[test]
fn a_portion_holds_only_its_part() {
    let doc = example();
    let options = ExportOptions::default();
    let timeline = to_markdown(&doc, options, Portion::Timeline);
    assert_eq!(tables_in(&timeline).len(), 1);
    assert_eq!(headings_in(&timeline, HeadingLevel::H2), ["Timeline"]);
    let actions = to_markdown(&doc, options, Portion::ActionItems);
    assert_eq!(
        table_with_header(&tables_in(&actions), "Action").rows.len(),
        6
    );
    let analysis = to_markdown(&doc, options, Portion::Analysis);
    assert!(tables_in(&analysis).is_empty());
    assert_eq!(headings_in(&analysis, HeadingLevel::H2).len(), 12);
    let overview = to_markdown(&doc, options, Portion::Overview);
    assert_eq!(
        headings_in(&overview, HeadingLevel::H1),
        [doc.title.as_str()]
    );
    assert_eq!(tables_in(&overview).len(), 1);
}

#[test]
fn the_example_as_html_and_csv() {
    let doc = example();
    let options = ExportOptions::default();
    insta::assert_snapshot!(
        "example_html",
        to_html(&doc, options, &AttachedFiles::new())
    );
    insta::assert_snapshot!("example_actions_csv", actions_csv(&doc, options).unwrap());
    insta::assert_snapshot!("example_timeline_csv", timeline_csv(&doc, options).unwrap());
}

#[test]
fn the_same_document_exports_to_the_same_bytes() {
    let doc = hostile_document();
    for format in ExportFormat::ALL {
        let options = ExportOptions::default();
        assert_eq!(
            export(&doc, format, options, &AttachedFiles::new()).unwrap(),
            export(&doc.clone(), format, options, &AttachedFiles::new()).unwrap(),
            "{format:?}"
        );
    }
}

#[test]
fn hostile_text_reads_back_exactly_from_markdown() {
    let doc = hostile_document();
    let markdown = to_markdown(&doc, ExportOptions::default(), Portion::Whole);
    let tables = tables_in(&markdown);
    assert_eq!(
        tables.len(),
        3,
        "a cell broke out of its table:\n{markdown}"
    );

    let timeline = table_with_header(&tables, "Time (UTC)");
    assert_eq!(timeline.header.len(), 5);
    assert_eq!(timeline.rows.len(), doc.timeline.len());
    for (row, read) in doc.timeline.iter().zip(&timeline.rows) {
        assert_eq!(read.len(), 5);
        assert_eq!(read[1], row.event);
        assert_eq!(read[2], row.notes);
        assert_eq!(&read[3], row.actor.as_ref().unwrap());
        assert_eq!(read[4], row.evidence);
    }

    let actions = table_with_header(&tables, "Action");
    assert_eq!(actions.rows.len(), doc.action_items.len());
    for (item, read) in doc.action_items.iter().zip(&actions.rows) {
        assert_eq!(read.len(), 4);
        assert_eq!(read[0], item.action);
        assert_eq!(read[1], item.owner);
        assert_eq!(read[3], ActionStatus::Open.label());
    }

    let details = table_with_header(&tables, "Field");
    let value = |field: &str| detail_value(details, field);
    assert_eq!(value("Incident"), doc.incident_id);
    assert_eq!(value("Services/components"), doc.classification.services[0]);
    assert_eq!(value("Authors"), doc.authors[0]);
    assert_eq!(
        value("Participants"),
        format!("Incident lead: {} ({})", HOSTILE[5], HOSTILE[7])
    );

    // The first top-level heading is the title; later ones come from written sections,
    // which are Markdown.
    assert_eq!(headings_in(&markdown, HeadingLevel::H1)[0], doc.title);
    let headings = headings_in(&markdown, HeadingLevel::H2);
    for custom in &doc.narrative.custom_sections {
        assert!(
            headings.contains(&custom.title),
            "heading {:?} lost",
            custom.title
        );
    }
}

/// The text of an HTML element as a reader sees it, with `<br>` as a line break.
fn element_text(element: scraper::ElementRef<'_>) -> String {
    let mut text = String::new();
    for node in element.descendants() {
        match node.value() {
            scraper::Node::Text(part) => text.push_str(part),
            scraper::Node::Element(inner) if inner.name() == "br" => text.push('\n'),
            _ => {}
        }
    }
    text
}

/// Fails on any element a Hindsight page never writes, any event-handler attribute and any
/// link that is not to a web or mail address.
fn assert_only_safe_markup(parsed: &scraper::Html) {
    let allowed = [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "header",
        "section",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "div",
        "br",
        "a",
        "ul",
        "ol",
        "li",
        "em",
        "strong",
        "code",
        "pre",
        "blockquote",
        "del",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "hr",
        // A row's star and marker.
        "span",
        // The picture of the incident: shapes and text, nothing that links or loads.
        "figure",
        "svg",
        "rect",
        "line",
        "text",
    ];
    for node in parsed.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        assert!(
            allowed.contains(&element.name()),
            "<{}> in the page",
            element.name()
        );
        for (name, value) in element.attrs() {
            assert!(
                !name.starts_with("on"),
                "{name}={value} on <{}>",
                element.name()
            );
            if name == "href" {
                assert!(
                    ["http:", "https:", "mailto:"]
                        .iter()
                        .any(|scheme| value.starts_with(scheme)),
                    "link to {value}"
                );
            }
        }
    }
}

#[test]
fn evidence_that_is_a_web_address_is_a_link_in_html_and_anything_else_text() {
    let mut doc = example();
    doc.timeline[1].evidence = "javascript:alert(1)".to_owned();
    let page = to_html(&doc, ExportOptions::default(), &AttachedFiles::new());
    let parsed = scraper::Html::parse_document(&page);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let links: Vec<&str> = parsed
        .select(&select("table.timeline a"))
        .filter_map(|link| link.value().attr("href"))
        .collect();
    assert_eq!(
        links,
        [
            "https://grafana.example.com/d/user-api-latency?from=1754056800000&to=1754059200000",
            "https://git.example.com/user-api/commit/a7c3dbe",
            "https://grafana.example.com/d/user-api-latency?from=1754057700000&to=1754058300000",
        ]
    );
    let second_row: Vec<String> = parsed
        .select(&select("table.timeline tbody tr"))
        .nth(1)
        .unwrap()
        .select(&select("td"))
        .map(element_text)
        .collect();
    assert_eq!(second_row.last().unwrap(), "javascript:alert(1)");
}

#[test]
fn hostile_text_is_only_text_in_html() {
    let doc = hostile_document();
    let page = to_html(&doc, ExportOptions::default(), &AttachedFiles::new());
    let parsed = scraper::Html::parse_document(&page);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);

    assert_only_safe_markup(&parsed);

    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    // A second line of defence: the page itself forbids scripts and remote loads.
    let policies: Vec<&str> = parsed
        .select(&select("head meta[http-equiv=\"Content-Security-Policy\"]"))
        .filter_map(|meta| meta.value().attr("content"))
        .collect();
    assert_eq!(policies.len(), 1, "{policies:?}");
    for directive in [
        "default-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ] {
        assert!(policies[0].contains(directive), "{}", policies[0]);
    }
    assert!(!policies[0].contains("script-src"), "{}", policies[0]);
    let title = parsed.select(&select("h1")).next().unwrap();
    assert_eq!(element_text(title), doc.title);
    let cells: Vec<Vec<String>> = parsed
        .select(&select("table.timeline tbody tr"))
        .map(|row| row.select(&select("td")).map(element_text).collect())
        .collect();
    assert_eq!(cells.len(), doc.timeline.len());
    for (row, read) in doc.timeline.iter().zip(&cells) {
        assert_eq!(read[1], row.event);
        assert_eq!(read[2], row.notes);
        assert_eq!(&read[3], row.actor.as_ref().unwrap());
    }
    let actions: Vec<Vec<String>> = parsed
        .select(&select("table.actions tbody tr"))
        .map(|row| row.select(&select("td")).map(element_text).collect())
        .collect();
    for (item, read) in doc.action_items.iter().zip(&actions) {
        assert_eq!(read[0], item.action);
        assert_eq!(read[1], item.owner);
    }
    // Raw HTML in a written section is shown as the characters typed.
    let written: String = parsed
        .select(&select("div.written"))
        .map(element_text)
        .collect();
    assert!(written.contains("<script>alert(1)</script>"));
    assert!(written.contains("<img src=x onerror=alert(1)>"));
    // The details link with a script URL keeps its words and loses its target; the web one
    // is a link, with its quotes encoded.
    let links: Vec<&str> = parsed
        .select(&select("table.fields a"))
        .filter_map(|link| link.value().attr("href"))
        .collect();
    assert_eq!(links, ["https://example.com/?a=1&b=%222%22"]);
    let link_cell = parsed
        .select(&select("table.fields td"))
        .next_back()
        .unwrap();
    assert!(
        element_text(link_cell).starts_with("<script>alert(1)</script> (javascript:alert(1));")
    );
}

#[test]
fn hostile_text_reads_back_exactly_from_csv_when_asked_for_exact_cells() {
    let doc = hostile_document();
    let options = ExportOptions {
        exact_csv: true,
        ..ExportOptions::default()
    };
    let timeline = timeline_csv(&doc, options).unwrap();
    let mut reader = csv::Reader::from_reader(timeline.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "time", "event", "notes", "actor", "marker", "starred", "evidence"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), doc.timeline.len());
    for (row, record) in doc.timeline.iter().zip(&records) {
        assert_eq!(
            &record[0],
            row.time
                .unwrap()
                .format("%Y-%m-%dT%H:%M:%S+00:00")
                .to_string()
        );
        assert_eq!(&record[1], row.event);
        assert_eq!(&record[2], row.notes);
        assert_eq!(&record[3], row.actor.as_ref().unwrap());
        assert_eq!(&record[6], row.evidence);
    }

    let actions = actions_csv(&doc, options).unwrap();
    let mut reader = csv::Reader::from_reader(actions.as_bytes());
    assert_eq!(reader.headers().unwrap().len(), 9);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), doc.action_items.len());
    for (item, record) in doc.action_items.iter().zip(&records) {
        assert_eq!(&record[0], item.action);
        assert_eq!(&record[1], item.owner);
        assert_eq!(&record[2], "2025-08-05");
        assert_eq!(&record[3], "Open");
        assert_eq!(&record[6], item.ticket_url);
        assert_eq!(&record[8], item.declined_reason);
    }
}

#[test]
fn csv_exports_neutralise_formulas_by_default_and_keep_everything_else_exact() {
    let mut doc = hostile_document();
    for (index, formula) in ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\ry"]
        .into_iter()
        .enumerate()
    {
        let row = index % doc.timeline.len();
        doc.timeline[row].event = formula.to_owned();
        let item = index % doc.action_items.len();
        doc.action_items[item].owner = formula.to_owned();
    }
    let options = ExportOptions::default();
    let expected = |text: &str| {
        if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
            format!("'{text}")
        } else {
            text.to_owned()
        }
    };
    let timeline = timeline_csv(&doc, options).unwrap();
    let mut reader = csv::Reader::from_reader(timeline.as_bytes());
    let mut neutralised = 0;
    for (row, record) in doc
        .timeline
        .iter()
        .zip(reader.records().map(Result::unwrap))
    {
        assert_eq!(record[1], expected(&row.event));
        assert_eq!(record[2], expected(&row.notes));
        neutralised += usize::from(record[1] != row.event);
    }
    assert!(neutralised > 0, "no formula was in the timeline");
    let actions = actions_csv(&doc, options).unwrap();
    let mut reader = csv::Reader::from_reader(actions.as_bytes());
    for (item, record) in doc
        .action_items
        .iter()
        .zip(reader.records().map(Result::unwrap))
    {
        assert_eq!(record[0], expected(&item.action));
        assert_eq!(record[1], expected(&item.owner));
    }
}

#[test]
fn timeline_times_are_in_the_documents_zone() {
    let mut doc = example();
    doc.time_zone = chrono_tz::Europe::Berlin;
    let markdown = to_markdown(&doc, ExportOptions::default(), Portion::Timeline);
    let tables = tables_in(&markdown);
    let timeline = table_with_header(&tables, "Time (Europe/Berlin)");
    assert_eq!(timeline.rows[0][0], "2025-08-01 16:03");
    let csv = timeline_csv(&doc, ExportOptions::default()).unwrap();
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("2025-08-01T16:03:00+02:00,")
    );
}

#[test]
fn a_section_is_exported_under_the_heading_it_was_written_under() {
    let mut doc = example();
    doc.narrative
        .headings
        .insert(Section::RootCause, "Root Cause Analysis".to_owned());
    doc.narrative
        .headings
        .insert(Section::Summary, "Executive summary".to_owned());
    let markdown = to_markdown(&doc, ExportOptions::default(), Portion::Whole);
    let headings = headings_in(&markdown, HeadingLevel::H2);
    assert!(
        headings.contains(&"Root Cause Analysis".to_owned()),
        "{headings:?}"
    );
    assert!(
        headings.contains(&"Executive summary".to_owned()),
        "{headings:?}"
    );
    assert!(!headings.contains(&"Root cause".to_owned()), "{headings:?}");
    let html = to_html(&doc, ExportOptions::default(), &AttachedFiles::new());
    assert!(html.contains(">Root Cause Analysis</h2>"), "{html}");
    assert!(html.contains(">Executive summary</h2>"), "{html}");
}

#[test]
fn attachments_are_linked_in_markdown_and_embedded_in_html_where_they_belong() {
    use hindsight::model::{AttachedTo, Attachment, Section};
    let mut doc = example_postmortem().unwrap();
    let row = doc.timeline[2].id;
    let file = |name: &str, caption: &str, place| Attachment {
        path: format!("user-api-latency.files/{name}"),
        caption: caption.to_owned(),
        original_name: name.to_owned(),
        place,
    };
    doc.attachments = vec![
        file(
            "aa.png",
            "p99 latency",
            AttachedTo::Section(Section::Impact),
        ),
        file("bb.png", "Error rate at the spike", AttachedTo::Row(row)),
        file("cc.log", "", AttachedTo::Document),
    ];
    let markdown = to_markdown(&doc, ExportOptions::default(), Portion::Whole);
    let impact = markdown.find("## Impact").unwrap();
    let next = impact + 3 + markdown[impact + 3..].find("\n## ").unwrap();
    assert!(
        markdown[impact..next]
            .contains("![p99 latency](<user-api-latency.files/aa.png> \"aa.png\")"),
        "{markdown}"
    );
    assert!(
        markdown.contains("![Error rate at the spike](<user-api-latency.files/bb.png> \"bb.png\")"),
        "{markdown}"
    );
    assert!(
        markdown
            .contains("## Attachments\n\n[cc.log](<user-api-latency.files/cc.log> \"cc.log\")\n"),
        "{markdown}"
    );

    let files = AttachedFiles::from([
        (
            "user-api-latency.files/aa.png".to_owned(),
            b"graph".to_vec(),
        ),
        ("user-api-latency.files/cc.log".to_owned(), b"log".to_vec()),
    ]);
    let page = to_html(&doc, ExportOptions::default(), &files);
    assert!(
        page.contains("<img src=\"data:image/png;base64,Z3JhcGg=\" alt=\"p99 latency\">"),
        "{page}"
    );
    assert!(
        page.contains("Attached file: cc.log (3 bytes, kept in user-api-latency.files/cc.log)")
    );
    // The row's graph was not read: the page says so, and still opens.
    assert!(page.contains(
        "The attached file Error rate at the spike (user-api-latency.files/bb.png) was not found"
    ));
    assert!(page.contains("img-src data:;"));
}

#[test]
fn a_section_with_only_an_attachment_is_kept_when_empty_sections_are_left_out() {
    use hindsight::model::{AttachedTo, Attachment, Section};
    let mut doc = example_postmortem().unwrap();
    doc.narrative.detection = String::new();
    doc.attachments = vec![Attachment {
        path: "x.files/aa.png".to_owned(),
        caption: "The alert that fired".to_owned(),
        place: AttachedTo::Section(Section::Detection),
        ..Attachment::default()
    }];
    let options = ExportOptions {
        skip_empty_sections: true,
        ..ExportOptions::default()
    };
    let markdown = to_markdown(&doc, options, Portion::Whole);
    assert!(
        markdown.contains("## Detection\n\n![The alert that fired](<x.files/aa.png>)\n"),
        "{markdown}"
    );
}

#[test]
fn a_file_of_a_section_of_the_teams_own_is_under_that_section() {
    use hindsight::model::{AttachedTo, Attachment, CustomSection};
    let mut doc = example_postmortem().unwrap();
    doc.narrative.custom_sections.push(CustomSection {
        title: "Customer communication".to_owned(),
        text: "We wrote to every customer affected.".to_owned(),
        ..CustomSection::default()
    });
    doc.attachments.push(Attachment {
        path: "x.files/aa.png".to_owned(),
        caption: "The e-mail sent".to_owned(),
        place: AttachedTo::Custom(0),
        ..Attachment::default()
    });
    let markdown = to_markdown(&doc, ExportOptions::default(), Portion::Whole);
    assert!(
        markdown.contains(
            "## Customer communication\n\nWe wrote to every customer affected.\n\n![The e-mail sent](<x.files/aa.png>)\n"
        ),
        "{markdown}"
    );
    assert!(!markdown.contains("## Attachments"), "{markdown}");
}
