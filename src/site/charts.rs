//! Charts as SVG inside the page: bars standing in columns (stacked when a column holds
//! parts) and bars lying in rows. Each chart is one image to a screen reader, named by its
//! title and described in words, and the page lists the same figures in a table beside it.
//! Colours are attributes, so the charts look the same printed and without the stylesheet.

use std::fmt::Write as _;

use super::page::escape;

/// The colours of a chart's parts, the first the strongest.
pub const PALETTE: [&str; 7] = [
    "#8c1d18", "#d1453b", "#f0883e", "#e3b341", "#6e9f5e", "#8250df", "#57606a",
];

/// The colour of overdue work.
pub const OVERDUE: &str = "#a40e26";
/// The colour of open work not yet due.
pub const OPEN: &str = "#0969da";

/// One column: its label under it, and its parts from the bottom up (value and colour).
pub struct Column {
    /// The words under the column.
    pub label: String,
    /// Its parts from the bottom up, each with its colour.
    pub parts: Vec<(usize, &'static str)>,
}

/// What every chart says about itself.
pub struct Described<'a> {
    /// A name for its elements' ids, unique on the page.
    pub id: &'a str,
    /// Its title, which names the image.
    pub title: &'a str,
    /// What it shows, in words, for those who cannot see it.
    pub description: &'a str,
}

/// The width of a chart that has the page's width to itself.
pub const WIDTH: f64 = 720.0;
const PLOT_TOP: f64 = 12.0;
const PLOT_HEIGHT: f64 = 180.0;
const LEFT: f64 = 36.0;
const LABELS: f64 = 34.0;

/// Columns standing side by side over a scale from 0, in a chart `width` units wide.
#[must_use]
pub fn columns(described: &Described<'_>, columns: &[Column], width: f64) -> String {
    let most = columns
        .iter()
        .map(|column| column.parts.iter().map(|(value, _)| value).sum::<usize>())
        .max()
        .unwrap_or(0);
    let top = nice_top(most);
    let height = PLOT_TOP + PLOT_HEIGHT + LABELS;
    let mut svg = open(described, width, height);
    axis(&mut svg, top, width);
    let slot = (width - LEFT - 8.0) / count_f64(columns.len().max(1));
    let bar = (slot * 0.7).min(48.0);
    // Labels need about 60 units each; where they would overlap, every n-th is written.
    let fit = ((width - LEFT) / 60.0).floor().max(1.0);
    let every = (count_f64(columns.len()) / fit).ceil().max(1.0);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a small positive whole number"
    )]
    let every = every as usize;
    for (index, column) in columns.iter().enumerate() {
        let x = LEFT + slot * count_f64(index) + (slot - bar) / 2.0;
        let mut base = PLOT_TOP + PLOT_HEIGHT;
        for (value, colour) in &column.parts {
            if *value == 0 {
                continue;
            }
            let h = PLOT_HEIGHT * count_f64(*value) / count_f64(top);
            base -= h;
            let _ = write!(
                svg,
                "<rect x=\"{x:.1}\" y=\"{base:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\" fill=\"{colour}\"/>"
            );
        }
        let total: usize = column.parts.iter().map(|(value, _)| value).sum();
        if total > 0 {
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\">{total}</text>",
                x + bar / 2.0,
                base - 3.0
            );
        }
        if index % every == 0 {
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#59636e\">{}</text>",
                x + bar / 2.0,
                PLOT_TOP + PLOT_HEIGHT + 16.0,
                escape(&column.label)
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}

/// Bars lying in rows, each with its label before it and its value after it.
#[must_use]
pub fn rows(described: &Described<'_>, rows: &[(String, usize)], colour: &str) -> String {
    let row_height = 22.0;
    let label_width = 200.0;
    let height = row_height * count_f64(rows.len()) + 8.0;
    let most = rows
        .iter()
        .map(|(_, value)| *value)
        .max()
        .unwrap_or(0)
        .max(1);
    let mut svg = open(described, WIDTH, height);
    for (index, (label, value)) in rows.iter().enumerate() {
        let y = 4.0 + row_height * count_f64(index);
        let length = (WIDTH - label_width - 60.0) * count_f64(*value) / count_f64(most);
        let shown = shorten(label, 30);
        let _ = write!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"12\">{}</text><rect x=\"{label_width:.1}\" y=\"{:.1}\" width=\"{length:.1}\" height=\"{:.1}\" fill=\"{colour}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\">{value}</text>",
            label_width - 8.0,
            y + 14.0,
            escape(&shown),
            y + 3.0,
            row_height - 6.0,
            label_width + length + 6.0,
            y + 14.0,
        );
    }
    svg.push_str("</svg>\n");
    svg
}

fn open(described: &Described<'_>, width: f64, height: f64) -> String {
    let id = described.id;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" width=\"{width:.0}\" height=\"{height:.0}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"sans-serif\" fill=\"#1f2328\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(described.title),
        escape(described.description)
    )
}

/// The scale's lines: 0, half and the top.
fn axis(svg: &mut String, top: usize, width: f64) {
    for step in 0..=2_u32 {
        let value = top * step as usize / 2;
        let y = PLOT_TOP + PLOT_HEIGHT - PLOT_HEIGHT * f64::from(step) / 2.0;
        let _ = write!(
            svg,
            "<line x1=\"{LEFT:.1}\" x2=\"{:.1}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#d1d9e0\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"11\" fill=\"#59636e\">{value}</text>",
            width - 8.0,
            LEFT - 6.0,
            y + 4.0
        );
    }
}

/// The top of a scale holding `most`: an even number, so half of it is a whole one.
fn nice_top(most: usize) -> usize {
    let most = most.max(2);
    most + most % 2
}

/// At most `chars` characters of `label`, with an ellipsis when it was cut.
fn shorten(label: &str, chars: usize) -> String {
    if label.chars().count() <= chars {
        label.to_owned()
    } else {
        let mut short: String = label.chars().take(chars - 1).collect();
        short.push('\u{2026}');
        short
    }
}

#[expect(
    clippy::cast_precision_loss,
    reason = "counts of incidents and items, far below 2^52"
)]
fn count_f64(count: usize) -> f64 {
    count as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_is_one_named_and_described_image_with_its_text_escaped() {
        let described = Described {
            id: "due",
            title: "Open items <by week>",
            description: "3 overdue & 2 later",
        };
        let svg = columns(
            &described,
            &[
                Column {
                    label: "<Overdue>".to_owned(),
                    parts: vec![(3, OVERDUE)],
                },
                Column {
                    label: "Later".to_owned(),
                    parts: vec![(0, OVERDUE), (2, OPEN)],
                },
            ],
            WIDTH,
        );
        assert!(svg.starts_with("<svg "));
        assert!(svg.contains("role=\"img\" aria-labelledby=\"due-title due-desc\""));
        assert!(svg.contains("<title id=\"due-title\">Open items &lt;by week&gt;</title>"));
        assert!(svg.contains("<desc id=\"due-desc\">3 overdue &amp; 2 later</desc>"));
        assert!(svg.contains("&lt;Overdue&gt;"));
        assert_eq!(svg.matches("<rect").count(), 2, "no bar for a zero part");
        assert!(!svg.contains("style="));
    }

    #[test]
    fn the_longest_row_fills_the_width_and_a_long_label_is_shortened() {
        let described = Described {
            id: "services",
            title: "Services",
            description: "",
        };
        let long = "A service with a very long name indeed, longer than thirty".to_owned();
        let svg = rows(&described, &[(long, 4), ("Short".to_owned(), 2)], OPEN);
        assert!(svg.contains("A service with a very long na\u{2026}"));
        assert!(svg.contains("width=\"460.0\""), "{svg}");
        assert!(svg.contains("width=\"230.0\""), "{svg}");
    }
}
