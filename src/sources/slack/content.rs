//! What a Slack message says, as text: Slack's emoji codes as emoji, the first web address
//! it links, and the text bots and integrations put in `attachments` and `blocks` rather
//! than in the message's own `text` (an alert's title and details, a workflow's form).

use serde_json::Value;

/// The first web address a message links (`<https://…|label>` or `<https://…>`): the
/// graph or log search it points at is the row's evidence.
/// Slack writes emoji as codes (`:white_check_mark:`, `:+1::skin-tone-3:`); the known ones
/// become the emoji itself, and a workspace's own (`:partyparrot:`) stay as written. Skin
/// tones are left out: egui draws a modifier as a glyph of its own, beside the emoji.
pub(super) fn with_emoji(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(':') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let code_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-')))
            .unwrap_or(after.len());
        let emoji = after[code_len..]
            .starts_with(':')
            .then(|| emojis::get_by_shortcode(&after[..code_len]))
            .flatten();
        let Some(emoji) = emoji else {
            out.push(':');
            rest = after;
            continue;
        };
        out.push_str(emoji.as_str());
        rest = &after[code_len + 1..];
        if let Some(tone) = rest.strip_prefix(":skin-tone-")
            && let Some(after_tone) = tone
                .strip_prefix(['2', '3', '4', '5', '6'])
                .and_then(|tone| tone.strip_prefix(':'))
        {
            rest = after_tone;
        }
    }
    out.push_str(rest);
    out
}

pub(super) fn first_web_link(text: &str) -> Option<String> {
    text.split('<').skip(1).find_map(|part| {
        let target = part.split(['>', '|']).next()?;
        crate::model::web_url(target).map(|_| target.to_owned())
    })
}

/// The text of a message's attachments and blocks, in Slack's markup, one part a line:
/// an attachment's pretext, title, text and fields (its fallback only when it has none of
/// them), and every text of the blocks (sections, headers, rich text, context).
pub(super) fn attached_text(attachments: &[Value], blocks: &[Value]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for attachment in attachments {
        let before = parts.len();
        for key in ["pretext", "author_name", "title", "text"] {
            if let Some(text) = attachment.get(key).and_then(Value::as_str) {
                push_part(&mut parts, text);
            }
        }
        // In Slack's own markup, as a link in a message is.
        if let Some(url) = attachment.get("title_link").and_then(Value::as_str) {
            push_part(&mut parts, &format!("<{url}>"));
        }
        for field in attachment
            .get("fields")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let title = field
                .get("title")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let value = field
                .get("value")
                .and_then(Value::as_str)
                .unwrap_or_default();
            match (title.trim().is_empty(), value.trim().is_empty()) {
                (false, false) => push_part(&mut parts, &format!("{title}: {value}")),
                (true, false) => push_part(&mut parts, value),
                (false, true) => push_part(&mut parts, title),
                (true, true) => {}
            }
        }
        if let Some(blocks) = attachment.get("blocks").and_then(Value::as_array) {
            for block in blocks {
                block_text(block, &mut parts);
            }
        }
        if parts.len() == before
            && let Some(fallback) = attachment.get("fallback").and_then(Value::as_str)
        {
            push_part(&mut parts, fallback);
        }
    }
    for block in blocks {
        block_text(block, &mut parts);
    }
    parts.join("\n")
}

fn push_part(parts: &mut Vec<String>, text: &str) {
    let text = text.trim();
    if !text.is_empty() && !parts.iter().any(|part| part == text) {
        parts.push(text.to_owned());
    }
}

/// The texts of one block, depth first: a `text` (a string, or an object with one), a
/// link's address where it shows no text, a mention as Slack's `<@U1>` for the export's
/// names to replace.
fn block_text(block: &Value, parts: &mut Vec<String>) {
    match block {
        Value::Object(fields) => {
            let kind = fields
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or_default();
            match (kind, fields.get("text")) {
                (_, Some(Value::String(text))) if kind != "link" => {
                    push_part(parts, text);
                }
                ("link", text) => {
                    let url = fields
                        .get("url")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    match text.and_then(Value::as_str) {
                        Some(text) if !text.trim().is_empty() => {
                            push_part(parts, &format!("<{url}|{text}>"));
                        }
                        _ => push_part(parts, &format!("<{url}>")),
                    }
                }
                ("user", _) => {
                    if let Some(id) = fields.get("user_id").and_then(Value::as_str) {
                        push_part(parts, &format!("<@{id}>"));
                    }
                }
                _ => {}
            }
            for (key, value) in fields {
                if key != "text" || !value.is_string() {
                    block_text(value, parts);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                block_text(item, parts);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bots_text_in_attachments_and_blocks() {
        let attachments: Vec<Value> = serde_json::from_str(
            r#"[{"fallback": "[FIRING] High error rate", "title": "[FIRING:1] High error rate",
                 "title_link": "https://grafana.example/alerting/1",
                 "text": "error rate 7% on checkout", "fields": [{"title": "Severity", "value": "page"}]},
                {"fallback": "only a fallback"}]"#,
        )
        .unwrap();
        let blocks: Vec<Value> = serde_json::from_str(
            r#"[{"type": "section", "text": {"type": "mrkdwn", "text": "*Deploy* finished"}},
                {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
                    {"type": "text", "text": "see "},
                    {"type": "link", "url": "https://ci.example/42"},
                    {"type": "user", "user_id": "U1"}]}]}]"#,
        )
        .unwrap();
        assert_eq!(
            attached_text(&attachments, &blocks),
            "[FIRING:1] High error rate\nerror rate 7% on checkout\n\
             <https://grafana.example/alerting/1>\nSeverity: page\nonly a fallback\n\
             *Deploy* finished\nsee\n<https://ci.example/42>\n<@U1>"
        );
    }
}
