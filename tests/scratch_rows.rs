//! scratch
use chrono::NaiveDate;
use std::fs;
#[test]
fn rows() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let only = std::env::var("ONLY").unwrap_or_default();
    for entry in fs::read_dir("tests/corpus/postmortems").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if !only
            .split(',')
            .any(|o| !o.is_empty() && name.starts_with(o))
        {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let doc = hindsight::sources::markdown::import_markdown(&text, today).doc;
        println!("=== {name}: {} rows", doc.timeline.len());
        for row in &doc.timeline {
            let t: String = row.event.chars().take(100).collect();
            println!(
                "   {:?} | {}",
                row.time.map(|t| t.to_rfc3339()),
                t.replace('\n', " ")
            );
        }
    }
}
