//! A small library of postmortems for the site's tests: three incidents of the User API,
//! one of them written to break a page.

#![allow(
    clippy::unwrap_used,
    reason = "a panic in a test helper is a failed test with its message"
)]

use std::fs;
use std::path::Path;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use hindsight::model::{ActionItem, ActionStatus, CustomSection, Postmortem, Section};

/// What people might write to break a page.
pub const HOSTILE: &str = "<script>alert(\"x\")</script> & <img src=x onerror=alert(1)>";

/// Three postmortems of the User API: the example (2025-08-01), a SEV-1 in September with
/// an overdue item owned by Dana W., and one in October whose title and summary try to
/// become markup, with a section of its team's own and an attached image.
pub fn library(dir: &Path) {
    fs::write(dir.join("inc-620.ron"), hindsight::example::EXAMPLE_RON).unwrap();
    fs::create_dir_all(dir.join("2025")).unwrap();
    let start = Utc.with_ymd_and_hms(2025, 9, 3, 9, 0, 0).unwrap();
    let mut severe = Postmortem {
        title: "Checkout down".to_owned(),
        incident_id: "INC-700".to_owned(),
        ..Postmortem::default()
    };
    severe.classification.severity = Some("SEV-1".to_owned());
    severe.classification.services = vec!["Checkout".to_owned(), "User API".to_owned()];
    severe.classification.tags = vec!["deploy".to_owned()];
    severe.key_times.started = Some(start);
    severe.key_times.resolved = Some(start + Duration::minutes(90));
    severe.action_items = vec![
        ActionItem {
            action: "Add a canary stage to checkout deploys".to_owned(),
            owner: "Dana W.".to_owned(),
            due: NaiveDate::from_ymd_opt(2025, 9, 20),
            ..ActionItem::default()
        },
        ActionItem {
            action: "Write the runbook".to_owned(),
            owner: "dana w.".to_owned(),
            due: NaiveDate::from_ymd_opt(2025, 11, 3),
            ..ActionItem::default()
        },
        ActionItem {
            action: "Already done".to_owned(),
            owner: "Dana W.".to_owned(),
            status: ActionStatus::Done,
            ..ActionItem::default()
        },
    ];
    hindsight::storage::save(&dir.join("2025/inc-700.ron"), &severe).unwrap();

    let path = dir.join("2025/inc-710.ron");
    let mut hostile = Postmortem {
        title: HOSTILE.to_owned(),
        ..Postmortem::default()
    };
    hostile.key_times.started = Some(Utc.with_ymd_and_hms(2025, 10, 2, 8, 0, 0).unwrap());
    hostile.classification.services = vec!["user api".to_owned()];
    *hostile.narrative.text_mut(Section::Summary) = format!("Summary {HOSTILE} </script>");
    hostile.narrative.custom_sections.push(CustomSection {
        title: "Zebra notes".to_owned(),
        text: "A quokka crossed the Überbrücke.".to_owned(),
        ..CustomSection::default()
    });
    let mut attachment = hindsight::storage::store_bytes(&path, &png(), "graph.png").unwrap();
    "Latency graph".clone_into(&mut attachment.caption);
    hostile.attachments.push(attachment);
    hindsight::storage::save(&path, &hostile).unwrap();
}

fn png() -> Vec<u8> {
    let image = image::RgbaImage::from_pixel(3, 2, image::Rgba([200, 30, 30, 255]));
    let mut bytes = std::io::Cursor::new(Vec::new());
    image.write_to(&mut bytes, image::ImageFormat::Png).unwrap();
    bytes.into_inner()
}
