//! Front matter above a postmortem (YAML between `---` lines, TOML between `+++`), as the
//! static site generators and docs tools write it: its keys and values as text, for the
//! importer to read as fields. YAML is read by `yaml-rust2`, TOML by `toml`.

use yaml_rust2::{Yaml, YamlLoader};

/// Why front matter could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FrontMatterError {
    /// TOML that does not parse.
    #[error("{}", .0.message())]
    Toml(#[from] toml::de::Error),
    /// YAML that does not parse.
    #[error(transparent)]
    Yaml(#[from] yaml_rust2::ScanError),
    /// Readable, but not keys with values.
    #[error("it is not a list of keys and values")]
    NotKeysAndValues,
}

/// The keys and values of front matter, in order, each value as text: a list becomes
/// `a, b`, a nested table `key.inner`. An error says why the block could not be read.
pub fn entries(text: &str, toml: bool) -> Result<Vec<(String, String)>, FrontMatterError> {
    let mut entries = Vec::new();
    if toml {
        let table: toml::Table = text.parse()?;
        for (key, value) in &table {
            toml_entries(key, value, &mut entries);
        }
    } else {
        let documents = YamlLoader::load_from_str(text)?;
        let Some(Yaml::Hash(hash)) = documents.first() else {
            return Err(FrontMatterError::NotKeysAndValues);
        };
        for (key, value) in hash {
            yaml_entries(&yaml_text(key), value, &mut entries);
        }
    }
    Ok(entries)
}

/// The comments written on lines of their own in front matter (`# Possible severity levels:
/// down, disrupted, notice`), without their `#`, lines in a row as one comment of several
/// lines, each with the line of the first top-level
/// key written after it (`None` when none is), so that it can be kept beside what it
/// explains. A `#` inside a value that runs over several lines (YAML's `|` and `>`, TOML's
/// `"""`) is the value's text, not a comment.
#[must_use]
pub fn comments(text: &str) -> Vec<(Option<usize>, String)> {
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut block_indent: Option<usize> = None;
    let mut in_toml_string = false;
    let mut keys: Vec<usize> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if let Some(block) = block_indent {
            if trimmed.is_empty() || indent > block {
                continue;
            }
            block_indent = None;
        }
        let marks = line.matches("\"\"\"").count() + line.matches("'''").count();
        if in_toml_string {
            in_toml_string = marks % 2 == 0;
            continue;
        }
        if trimmed.starts_with('#') {
            let comment = trimmed.trim_start_matches('#').trim();
            // Comment lines in a row are one comment, its lines kept.
            match found.last_mut() {
                Some((last, text)) if *last + 1 == number => {
                    *last = number;
                    if !comment.is_empty() {
                        text.push('\n');
                        text.push_str(comment);
                    }
                }
                _ => found.push((number, comment.to_owned())),
            }
            continue;
        }
        in_toml_string = marks % 2 == 1;
        if indent == 0 && !trimmed.is_empty() && !trimmed.starts_with('-') {
            keys.push(number);
        }
        let value = trimmed.split_once(": ").map_or(trimmed, |(_, value)| value);
        if trimmed.contains(':')
            && matches!(
                value.trim_end_matches(':'),
                "|" | "|-" | "|+" | ">" | ">-" | ">+"
            )
        {
            block_indent = Some(indent);
        }
    }
    found
        .into_iter()
        .filter(|(_, comment)| !comment.is_empty())
        .map(|(number, comment)| (keys.iter().copied().find(|key| *key > number), comment))
        .collect()
}

/// A comment as an item of the details' list, its further lines indented under it.
fn comment_item(comment: &str) -> String {
    format!("- Comment: {}", comment.replace('\n', "\n  "))
}

/// The line where the top-level key `key` is written in front matter (`key:`, `key =`,
/// `"key":`, a TOML table's `[key]` or `[key.inner]`).
#[must_use]
pub fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines().position(|line| {
        let bare = line.trim_start_matches(['[', '"', '\'']);
        line.len() == line.trim_start().len()
            && bare
                .strip_prefix(key)
                .is_some_and(|rest| rest.starts_with([':', ' ', '=', ']', '.', '"', '\'']))
    })
}

fn toml_entries(key: &str, value: &toml::Value, entries: &mut Vec<(String, String)>) {
    match value {
        toml::Value::Table(table) => {
            for (inner, value) in table {
                toml_entries(&format!("{key}.{inner}"), value, entries);
            }
        }
        toml::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(toml_text).collect();
            entries.push((key.to_owned(), items.join(", ")));
        }
        value => entries.push((key.to_owned(), toml_text(value))),
    }
}

fn toml_text(value: &toml::Value) -> String {
    match value {
        toml::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

fn yaml_entries(key: &str, value: &Yaml, entries: &mut Vec<(String, String)>) {
    match value {
        Yaml::Hash(hash) => {
            for (inner, value) in hash {
                yaml_entries(&format!("{key}.{}", yaml_text(inner)), value, entries);
            }
        }
        Yaml::Array(items) => {
            let items: Vec<String> = items.iter().map(yaml_text).collect();
            entries.push((key.to_owned(), items.join(", ")));
        }
        value => entries.push((key.to_owned(), yaml_text(value))),
    }
}

fn yaml_text(value: &Yaml) -> String {
    match value {
        Yaml::String(text) | Yaml::Real(text) => text.clone(),
        Yaml::Integer(number) => number.to_string(),
        Yaml::Boolean(flag) => flag.to_string(),
        Yaml::Array(items) => items.iter().map(yaml_text).collect::<Vec<_>>().join(", "),
        Yaml::Hash(hash) => hash
            .iter()
            .map(|(key, value)| format!("{}: {}", yaml_text(key), yaml_text(value)))
            .collect::<Vec<_>>()
            .join(", "),
        Yaml::Alias(_) | Yaml::Null | Yaml::BadValue => String::new(),
    }
}

/// A front matter key in lower case, its words run together (`resolvedWhen`, `published_at`
/// and `Published At` alike), as the keys below are written.
fn plain_key(key: &str) -> String {
    key.to_lowercase().replace(['_', '-', ' '], "")
}

/// The keys static sites' themes give the day a page was published, lower case and run
/// together: Astro's `pubDate`, Hugo's `publishDate`, `publishedAt`, `published_at`.
const PUBLISHED_KEYS: [&str; 6] = [
    "published",
    "publishedat",
    "publishedon",
    "pubdate",
    "publishdate",
    "datepublished",
];

impl super::Importer<'_> {
    /// Front matter's keys as fields (`title`, `date`, `authors`, `tags`, `severity`…); a key
    /// Hindsight has no field for is kept in the details as written, and front matter that
    /// cannot be read is kept whole, with why. It is never the title or the summary.
    pub(super) fn front_matter(&mut self, block: &super::blocks::Block, toml: bool, text: &str) {
        let date_before = self.context.date;
        self.front_matter_lines = Some(block.lines);
        match entries(text, toml) {
            Ok(entries) => {
                // Comments are the writer's words too (`# Possible severity levels: down,
                // disrupted, notice`): each is kept before the key written after it.
                let mut comments = comments(text).into_iter().peekable();
                let written_before = self.as_written.len();
                // A status site's incident file (cState's, with its `resolvedWhen`) dates
                // the incident by when it began: its `date` is the start, a key time.
                let status_file = entries
                    .iter()
                    .any(|(key, _)| plain_key(key) == "resolvedwhen");
                for (key, value) in entries {
                    let top = key.split('.').next().unwrap_or(&key);
                    let line = key_line(text, top);
                    while let Some((_, comment)) = comments.next_if(|(before, _)| {
                        line.is_some_and(|line| before.is_some_and(|before| before <= line))
                    }) {
                        self.as_written.push(comment_item(&comment));
                    }
                    if value.trim().is_empty() {
                        // `duration:` with nothing after it: the key is written, so it is kept.
                        self.as_written.push(format!("- {key}:"));
                        continue;
                    }
                    // A site's templates put these values into HTML, where authors write
                    // `post&#x2011;mortem` or `AT&amp;T` for the characters they mean.
                    let value = crate::sources::character_references::decoded(&value);
                    let line = format!("{key}: {value}");
                    // Some sites' themes name the page's title `heading` or `headline`, and
                    // its date by when it was published (`publishedAt`, `pubDate`).
                    let field = super::fields::field_named(&key).or_else(|| {
                        let key = plain_key(&key);
                        if matches!(key.as_str(), "heading" | "headline") {
                            Some(super::fields::Field::Title)
                        } else if matches!(key.as_str(), "resolvedwhen" | "resolvedat") {
                            // A status site's incident file (cState's `resolvedWhen`):
                            // when it was resolved, a key time.
                            Some(super::fields::Field::Times(Some(
                                crate::model::KeyTime::Resolved,
                            )))
                        } else {
                            PUBLISHED_KEYS
                                .contains(&key.as_str())
                                .then_some(super::fields::Field::Date)
                        }
                    });
                    if status_file && key.eq_ignore_ascii_case("date") {
                        let started =
                            super::fields::Field::Times(Some(crate::model::KeyTime::Started));
                        self.field(started, &line, &value, block.lines);
                    }
                    if let Some(field) = field {
                        self.field(field, &line, &value, block.lines);
                    } else {
                        self.as_written.push(format!("- {line}"));
                    }
                }
                for (_, comment) in comments {
                    self.as_written.push(comment_item(&comment));
                }
                if self.as_written.len() > written_before {
                    self.place(
                        block.lines,
                        format!("front matter, in {}", super::DETAILS_AS_WRITTEN),
                    );
                }
            }
            Err(why) => self.unplaced(block, &format!("front matter that cannot be read: {why}")),
        }
        // A page's `date` is when it was published, which a date in the title outranks.
        if self.context.date != date_before {
            self.published = self.context.date;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_references_in_front_matter_are_the_characters_they_name() {
        assert_eq!(
            crate::sources::character_references::decoded(
                "post&#x2011;mortem for AT&amp;T &mdash; Bob&#8217;s &unknown; R&D &#0; &"
            ),
            "post\u{2011}mortem for AT&T \u{2014} Bob\u{2019}s &unknown; R&D &#0; &"
        );
    }

    #[test]
    fn comments_in_front_matter_go_with_the_key_after_them() {
        let yaml = "title: Down\n# Possible severity levels: down, notice\nseverity: down\n\
                    notes: |\n  # not a comment\n  text\n# - Profile:\n#    https://x.test/a\n#\n";
        assert_eq!(
            comments(yaml),
            [
                (Some(2), "Possible severity levels: down, notice".to_owned()),
                (None, "- Profile:\nhttps://x.test/a".to_owned()),
            ]
        );
        assert_eq!(key_line(yaml, "severity"), Some(2));
        assert_eq!(key_line(yaml, "notes"), Some(3));
        let toml = "title = \"x\"\n# about extra\n[extra]\nbody = \"\"\"\n# kept\n\"\"\"\n";
        assert_eq!(comments(toml), [(Some(2), "about extra".to_owned())]);
        assert_eq!(key_line(toml, "extra"), Some(2));
    }

    #[test]
    fn yaml_and_toml_front_matter_as_keys_and_values() {
        let yaml = "title: \"DNS outage\"\ndate: 2024-03-02\nauthors:\n  - Dana W.\n  - Li Q.\n\
                    tags: [dns, network]\nextra:\n  team: core\n";
        assert_eq!(
            entries(yaml, false).unwrap(),
            [
                ("title".to_owned(), "DNS outage".to_owned()),
                ("date".to_owned(), "2024-03-02".to_owned()),
                ("authors".to_owned(), "Dana W., Li Q.".to_owned()),
                ("tags".to_owned(), "dns, network".to_owned()),
                ("extra.team".to_owned(), "core".to_owned()),
            ]
        );
        let toml = "title = \"DNS outage\"\ndate = 2024-03-02\nauthors = [\"Dana W.\"]\n";
        assert_eq!(
            entries(toml, true).unwrap(),
            [
                ("authors".to_owned(), "Dana W.".to_owned()),
                ("date".to_owned(), "2024-03-02".to_owned()),
                ("title".to_owned(), "DNS outage".to_owned()),
            ]
        );
        assert!(entries("title: [unclosed", false).is_err());
        assert!(entries("just words", false).is_err());
    }
}
