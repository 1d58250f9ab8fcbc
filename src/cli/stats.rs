//! `hindsight stats DIR`: what the incidents below a folder add up to, for a terminal, a
//! script (JSON) or a spreadsheet (CSV).

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;

use chrono::NaiveDate;

use super::{Outcome, terminal_safe};
use crate::review::{FolderSettings, Spread, Stats, stats, stats_csv};

/// How `hindsight stats` prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatsFormat {
    /// A summary for a terminal.
    #[default]
    Table,
    /// One JSON object.
    Json,
    /// Rows of `measure,key,value` for a spreadsheet.
    Csv,
}

/// What `hindsight stats` was asked for.
#[derive(Clone, Debug)]
pub struct StatsRequest {
    /// The folder to read.
    pub folder: PathBuf,
    /// Only incidents on or after this day.
    pub since: Option<NaiveDate>,
    /// Only incidents on or before this day.
    pub until: Option<NaiveDate>,
    /// How to print.
    pub format: StatsFormat,
    /// The day overdue items and late reviews are counted from.
    pub today: NaiveDate,
}

/// Runs the command. Unreadable files are reported on `err` and leave the rest counted.
pub fn stats_command(
    request: &StatsRequest,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let deadlines = match FolderSettings::in_folder(&request.folder) {
        Ok(settings) => settings.late_reviews,
        Err(reason) => {
            writeln!(err, "hindsight: {}", terminal_safe(&reason.to_string()))?;
            return Ok(Outcome::Unreadable);
        }
    };
    let Some((docs, unreadable)) = super::postmortems_in(&request.folder, err)? else {
        return Ok(Outcome::Unreadable);
    };
    let stats = stats(
        &docs,
        request.since,
        request.until,
        request.today,
        deadlines,
    );
    match request.format {
        StatsFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &stats).map_err(io::Error::other)?;
            writeln!(out)?;
        }
        StatsFormat::Csv => {
            out.write_all(stats_csv(&stats).map_err(io::Error::other)?.as_bytes())?;
        }
        StatsFormat::Table => out.write_all(table(&stats).as_bytes())?,
    }
    Ok(if unreadable.is_empty() {
        Outcome::Success
    } else {
        Outcome::Unreadable
    })
}

/// "By severity: SEV-1 2, SEV-2 5" on one line while it is short; a long list (a folder
/// touches dozens of services) one name a line, most incidents first.
fn counts_block(title: &str, counts: &std::collections::BTreeMap<String, usize>) -> String {
    const ONE_LINE: usize = 6;
    if counts.is_empty() {
        return format!("{title}: none\n");
    }
    if counts.len() <= ONE_LINE {
        let line = counts
            .iter()
            .map(|(name, count)| format!("{} {count}", terminal_safe(name)))
            .collect::<Vec<_>>()
            .join(", ");
        return format!("{title}: {line}\n");
    }
    let mut sorted: Vec<(&String, &usize)> = counts.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let mut text = format!("{title}:\n");
    for (name, count) in sorted {
        let _ = writeln!(text, "  {count:>4}  {}", terminal_safe(name));
    }
    text
}

fn minutes(value: Option<f64>) -> String {
    value.map_or_else(|| "\u{2014}".to_owned(), crate::model::format_minutes)
}

fn spread_line(name: &str, spread: &Spread) -> String {
    format!(
        "  {name:<12} median {:>8}  90th percentile {:>8}  ({} of {})\n",
        minutes(spread.median_minutes),
        minutes(spread.p90_minutes),
        spread.count,
        spread.count + spread.missing
    )
}

fn table(stats: &Stats) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "{} incidents", stats.incidents);
    text.push_str(&counts_block("By month", &stats.by_month));
    text.push_str(&counts_block("By severity", &stats.by_severity));
    text.push_str(&counts_block("By service", &stats.by_service));
    text.push_str(&counts_block("By type", &stats.by_type));
    text.push_str(&counts_block("By tag", &stats.by_tag));
    text.push_str(&counts_block(
        "Recurring services",
        &stats.recurring.services,
    ));
    text.push_str(&counts_block("Recurring tags", &stats.recurring.tags));
    text.push_str("Time from the start of impact:\n");
    for (name, duration) in stats.durations.each() {
        text.push_str(&spread_line(name, &duration.all));
    }
    let actions = &stats.actions;
    let _ = writeln!(
        text,
        "Action items: {} total, {} open ({} overdue), {} done, {} declined; median days to done: {}",
        actions.total,
        actions.open,
        actions.overdue,
        actions.done,
        actions.declined,
        actions
            .median_days_to_done
            .map_or_else(|| "\u{2014}".to_owned(), |days| format!("{days:.0}"))
    );
    text.push_str(&counts_block("Open by owner", &actions.open_by_owner));
    if stats.late_reviews.is_empty() {
        text.push_str("Late reviews: none\n");
    } else {
        text.push_str("Late reviews (worst first):\n");
        for late in &stats.late_reviews {
            let _ = writeln!(
                text,
                "  {} days late  {}  {}  resolved {}  {}  {}",
                late.days_late,
                late.status,
                if late.owner.is_empty() {
                    "no lead".into()
                } else {
                    terminal_safe(&late.owner)
                },
                late.resolved,
                terminal_safe(&late.file),
                terminal_safe(&late.title)
            );
        }
    }
    text
}
