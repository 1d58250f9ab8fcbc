//! Which URLs the editor will open. A postmortem can come from anyone; a `file:`, `javascript:`
//! or custom-scheme link in it must never be launched by a click.

use url::Url;

/// The schemes a click may open.
pub const OPENABLE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The URL, parsed, when it is safe to hand to the browser: `http` or `https` with a host,
/// or `mailto`.
#[must_use]
pub fn openable_url(text: &str) -> Option<Url> {
    let url = Url::parse(text.trim()).ok()?;
    match url.scheme() {
        "http" | "https" if url.host().is_some() => Some(url),
        "mailto" => Some(url),
        _ => None,
    }
}

/// Like [`openable_url`], for ticket links, which only make sense on the web.
#[must_use]
pub fn web_url(text: &str) -> Option<Url> {
    openable_url(text).filter(|url| url.scheme() != "mailto")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_and_mail_links_open() {
        for text in [
            "https://grafana.example.com/d/latency",
            "http://intranet/wiki",
            " HTTPS://Example.com ",
            "mailto:oncall@example.com",
        ] {
            assert!(openable_url(text).is_some(), "{text}");
        }
    }

    #[test]
    fn everything_else_is_refused() {
        for text in [
            "",
            "grafana dashboard",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ssh://host",
            "slack://channel?id=1",
            "https://",
            "data:text/html,<script>",
        ] {
            assert!(openable_url(text).is_none(), "{text}");
        }
    }

    #[test]
    fn tickets_are_web_only() {
        assert!(web_url("https://tickets.example.com/OPS-1").is_some());
        assert!(web_url("mailto:someone@example.com").is_none());
    }
}
