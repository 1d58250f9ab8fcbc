//! Which URLs the editor will open. A postmortem can come from anyone; a `file:`, `javascript:`
//! or custom-scheme link in it must never be launched by a click.

use url::Url;

/// The schemes a click may open.
pub const OPENABLE_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The only fields a `mailto` link may fill in. Some mail clients also honour `attach`
/// (attaching a local file, such as a private key) or other headers; a link from a document
/// must not be able to ask for those.
const MAILTO_FIELDS: [&str; 4] = ["subject", "body", "cc", "bcc"];

/// The URL, parsed, when it is safe to hand to the browser: `http` or `https` with a host,
/// or `mailto` with no fields but a subject, body, cc and bcc.
#[must_use]
pub fn openable_url(text: &str) -> Option<Url> {
    let url = Url::parse(text.trim()).ok()?;
    match url.scheme() {
        "http" | "https" if url.host().is_some() => Some(url),
        "mailto" if mailto_fields_are_harmless(&url) => Some(url),
        _ => None,
    }
}

fn mailto_fields_are_harmless(url: &Url) -> bool {
    url.query_pairs().all(|(field, _)| {
        MAILTO_FIELDS
            .iter()
            .any(|allowed| field.eq_ignore_ascii_case(allowed))
    })
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
            "mailto:oncall@example.com?subject=INC-620&body=See%20the%20postmortem&cc=a@example.com&BCC=b@example.com",
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
            "mailto:a@example.com?attach=~/.ssh/id_rsa",
            "mailto:a@example.com?subject=hi&Attachment=/etc/passwd",
            "mailto:a@example.com?X-Mailer=evil",
            "mailto:a@example.com?subject=hi&%61ttach=/etc/shadow",
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
