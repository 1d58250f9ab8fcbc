//! The frame every page of the site shares: its head with the Content-Security-Policy, the
//! site's navigation, and the escaping that keeps what people wrote from becoming markup.

use std::fmt::Write as _;

use base64::Engine as _;
use sha2::{Digest as _, Sha256};

use crate::export::HTML_STYLESHEET;

/// What the site adds to the export's stylesheet: navigation, lists, filters and charts.
const SITE_STYLESHEET: &str = include_str!("../../assets/site/site.css");

/// The parts of the site, in the navigation's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Every postmortem.
    Index,
    /// Open action items.
    Actions,
    /// The figures.
    Stats,
    /// Services and their incidents.
    Services,
    /// Tags and their incidents.
    Tags,
    /// The search.
    Search,
    /// One postmortem's page: no part of the navigation is current.
    Postmortem,
}

const NAVIGATION: [(Part, &str, &str); 6] = [
    (Part::Index, "index.html", "Postmortems"),
    (Part::Actions, "actions.html", "Action items"),
    (Part::Stats, "stats.html", "Stats"),
    (Part::Services, "services/index.html", "Services"),
    (Part::Tags, "tags/index.html", "Tags"),
    (Part::Search, "search.html", "Search"),
];

/// One page before it is framed.
pub struct Page<'a> {
    /// Where it is written, relative to the site's root, with `/` between folders.
    pub path: &'a str,
    /// Its title (the site's name is added).
    pub title: &'a str,
    /// Which part of the navigation it belongs to.
    pub part: Part,
    /// What goes inside `<main>`, already escaped.
    pub main: String,
    /// The page's script, when it has one; the policy allows exactly this script to run.
    pub script: Option<&'static str>,
}

/// How to get from the page at `path` back to the site's root: `""` or `"../"`.
#[must_use]
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The page, framed: the site's name is `site_title`.
#[must_use]
pub fn frame(page: &Page<'_>, site_title: &str) -> Vec<u8> {
    let root = root_of(page.path);
    let style = stylesheet();
    let mut out = String::with_capacity(page.main.len() + style.len() + 2048);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // Nothing runs but the page's own script, nothing loads from anywhere (images are
    // embedded), and only the site's own stylesheet applies, each named by its digest so a
    // copy of the page served from anywhere keeps the same rules.
    let scripts = page.script.map_or_else(String::new, |script| {
        format!(" script-src '{}';", digest(script))
    });
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '{}'; img-src data:;{scripts} base-uri 'none'; form-action 'none'\">",
        digest(&style)
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"Hindsight\">\n");
    let _ = writeln!(
        out,
        "<title>{} \u{2014} {}</title>",
        escape(page.title),
        escape(site_title)
    );
    let _ = writeln!(
        out,
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{}\" href=\"{root}feed.xml\">",
        escape(site_title)
    );
    let _ = writeln!(out, "<style>{style}</style>\n</head>\n<body>");
    out.push_str("<a class=\"skip\" href=\"#content\">Skip to the content</a>\n");
    let _ = write!(
        out,
        "<header class=\"site\">\n<p class=\"site-name\"><a href=\"{root}index.html\">{}</a></p>\n<nav aria-label=\"Site\">\n<ul>\n",
        escape(site_title)
    );
    for (part, href, words) in NAVIGATION {
        let current = if part == page.part {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<li><a href=\"{root}{href}\"{current}>{words}</a></li>"
        );
    }
    out.push_str("</ul>\n</nav>\n</header>\n<main id=\"content\">\n");
    out.push_str(&page.main);
    out.push_str("</main>\n");
    if let Some(script) = page.script {
        let _ = writeln!(out, "<script>{script}</script>");
    }
    out.push_str("</body>\n</html>\n");
    out.into_bytes()
}

/// The stylesheet every page holds: the export's, then the site's.
fn stylesheet() -> String {
    format!("\n{HTML_STYLESHEET}{SITE_STYLESHEET}")
}

/// A Content-Security-Policy source naming `text` by its SHA-256 digest.
fn digest(text: &str) -> String {
    let hash = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(hash)
    )
}

/// Text escaped for an element's content or a quoted attribute. Control characters, which
/// HTML does not allow and no one means to show, are left out.
#[must_use]
pub fn escape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 8);
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_leaves_no_markup_and_no_control_characters() {
        assert_eq!(
            escape("<script>\"a\" & 'b'\u{0}\u{7}</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn a_page_allows_only_its_own_style_and_script() {
        let page = Page {
            path: "postmortems/inc.html",
            title: "A <b>title</b>",
            part: Part::Postmortem,
            main: "<p>body</p>\n".to_owned(),
            script: Some("console.log(1);"),
        };
        let html = String::from_utf8(frame(&page, "Library")).unwrap();
        let script_digest = digest("console.log(1);");
        assert!(html.contains(&format!("script-src '{script_digest}'")));
        assert!(html.contains(&format!("style-src '{}'", digest(&stylesheet()))));
        assert!(html.contains("<title>A &lt;b&gt;title&lt;/b&gt; \u{2014} Library</title>"));
        assert!(html.contains("href=\"../index.html\""));
        assert!(html.contains("href=\"../feed.xml\""));
        assert!(!html.contains(" aria-current=\"page\">"));
        let index = Page {
            path: "index.html",
            part: Part::Index,
            script: None,
            ..page
        };
        let html = String::from_utf8(frame(&index, "Library")).unwrap();
        assert!(html.contains("<a href=\"index.html\" aria-current=\"page\">Postmortems</a>"));
        assert!(!html.contains("script-src"), "no script, none allowed");
        assert!(!html.contains("<script>"));
    }
}
