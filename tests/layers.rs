//! The layers of `src` point one way. Each top-level module may use only the modules listed
//! before it (and `app` may also draw through `ui`); none imports one that imports it back;
//! and inside a folder, no files import each other round in a circle. Read from the source
//! text — every shipped line, test code left out item by item — so a new `use` that breaks
//! the rule fails here, not in review.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Bottom first. A module may use those before it in this list, and nothing after it.
const LAYERS: [&str; 13] = [
    "model", "storage", "sources", "export", "review", "site", "example", "sample", "cli",
    "session", "ui", "app", "exercise",
];

/// One file of `src` that ships: its module path (`ui/action_items/cells`; a folder's
/// `mod.rs` is the folder) and its text without the items marked `#[cfg(test)]`.
struct Source {
    module: String,
    shipped: String,
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every file of `src` but `lib.rs`, the binary (`main.rs` and its modules in `main/`) and
/// files that are only tests.
fn sources() -> Vec<Source> {
    let src = src();
    let mut found = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|ext| ext != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap().with_extension("");
            let written = relative.to_string_lossy().replace('\\', "/");
            let file = path.file_stem().unwrap_or_default().to_string_lossy();
            // `lib` and the binary name everything; test-only files may reach anywhere.
            if written == "lib"
                || written == "main"
                || written.starts_with("main/")
                || file == "tests"
                || file.ends_with("_tests")
            {
                continue;
            }
            let module = written
                .strip_suffix("/mod")
                .map_or_else(|| written.clone(), str::to_owned);
            let text = fs::read_to_string(&path).unwrap();
            found.push(Source {
                module,
                shipped: without_test_items(&text),
            });
        }
    }
    found.sort_by(|a, b| a.module.cmp(&b.module));
    found
}

/// `text` without each item that follows a `#[cfg(test)]` (a `mod tests { … }`, a `mod
/// tests;`, a test-only function): the code after such an item ships and is read.
fn without_test_items(text: &str) -> String {
    const MARK: &str = "#[cfg(test)]";
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        kept.push_str(&rest[..at]);
        let item = &rest[at + MARK.len()..];
        rest = &item[item_length(item)..];
    }
    kept.push_str(rest);
    kept
}

/// How long the item at the start of `text` is: up to its `;` or its closing brace, past
/// strings, characters and comments (whose braces do not count).
fn item_length(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut depth = 0_usize;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                at += text[at..].find('\n').unwrap_or(text.len() - at);
                continue;
            }
            b'/' if bytes.get(at + 1) == Some(&b'*') => {
                at += text[at..].find("*/").map_or(text.len() - at, |end| end + 2);
                continue;
            }
            b'r' if matches!(bytes.get(at + 1), Some(b'"' | b'#'))
                && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric()) =>
            {
                let hashes = text[at + 1..].bytes().take_while(|b| *b == b'#').count();
                if bytes.get(at + 1 + hashes) == Some(&b'"') {
                    let close = format!("\"{}", "#".repeat(hashes));
                    let body = at + 2 + hashes;
                    at = body
                        + text[body..]
                            .find(&close)
                            .map_or(text.len() - body, |end| end + close.len());
                    continue;
                }
            }
            b'"' => {
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
            }
            // A character literal (`'{'`, `'\''`); a lifetime (`'a`) has no closing quote.
            b'\'' => {
                let close = if bytes.get(at + 1) == Some(&b'\\') {
                    text[at + 2..].find('\'').map(|end| at + 2 + end)
                } else {
                    let width = text[at + 1..].chars().next().map_or(1, char::len_utf8);
                    (bytes.get(at + 1 + width) == Some(&b'\'')).then_some(at + 1 + width)
                };
                if let Some(close) = close {
                    at = close;
                }
            }
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return at + 1;
                }
            }
            b';' if depth == 0 => return at + 1,
            _ => {}
        }
        at += 1;
    }
    text.len()
}

/// The top-level modules each top-level module names through `crate::`.
fn uses_by_module() -> BTreeMap<String, BTreeSet<String>> {
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for source in sources() {
        let top = source.module.split('/').next().unwrap().to_owned();
        let found = uses.entry(top.clone()).or_default();
        for path in paths_named(&source.shipped, "crate::") {
            if let Some(name) = path.first()
                && *name != top
            {
                found.insert(name.clone());
            }
        }
    }
    uses
}

/// The paths written after `prefix` (`crate::`, `super::`, `self::`), each as its segments,
/// with `{a, b::c}` groups spread out; comments are not read.
fn paths_named(text: &str, prefix: &str) -> Vec<Vec<String>> {
    let code: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let mut paths = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        spread(&code[at + prefix.len()..], &mut Vec::new(), &mut paths);
    }
    paths
}

/// Reads one path (or a `{…}` group of them) at the start of `text` onto `paths`.
fn spread(text: &str, so_far: &mut Vec<String>, paths: &mut Vec<Vec<String>>) {
    let text = text.trim_start();
    if let Some(group) = text.strip_prefix('{') {
        let mut depth = 0;
        let mut start = 0;
        for (at, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    spread(&group[start..at], &mut so_far.clone(), paths);
                    return;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    spread(&group[start..at], &mut so_far.clone(), paths);
                    start = at + 1;
                }
                _ => {}
            }
        }
        return;
    }
    let name: String = text
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    if name.is_empty() {
        if !so_far.is_empty() {
            paths.push(so_far.clone());
        }
        return;
    }
    so_far.push(name.clone());
    match text[name.len()..].trim_start().strip_prefix("::") {
        Some(rest) => spread(rest, so_far, paths),
        None => paths.push(so_far.clone()),
    }
}

/// For each file, the other files of its own folder it names (`super::cells`, `self::state`
/// in a `mod.rs`, or through `crate::` in full); a folder's `mod.rs` is left out, since its
/// files may use what it declares.
fn sibling_uses(sources: &[Source]) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<&str> = sources
        .iter()
        .map(|source| source.module.as_str())
        .collect();
    let parent = |module: &str| {
        module
            .rsplit_once('/')
            .map_or("", |(folder, _)| folder)
            .to_owned()
    };
    let mut uses = BTreeMap::new();
    for source in sources {
        let folder = parent(&source.module);
        let is_folder = modules
            .iter()
            .any(|other| other.starts_with(&format!("{}/", source.module)));
        let mut named = BTreeSet::new();
        let mut note = |candidate: String| {
            if parent(&candidate) == folder
                && candidate != source.module
                && modules.contains(candidate.as_str())
            {
                named.insert(candidate);
            }
        };
        for path in paths_named(&source.shipped, "super::") {
            // From a folder's own mod.rs, `super` is the folder above.
            if !is_folder && let Some(first) = path.first() {
                note(
                    format!("{folder}/{first}")
                        .trim_start_matches('/')
                        .to_owned(),
                );
            }
        }
        for path in paths_named(&source.shipped, "crate::") {
            let mut module = String::new();
            for segment in path {
                module = if module.is_empty() {
                    segment
                } else {
                    format!("{module}/{segment}")
                };
                note(module.clone());
            }
        }
        uses.insert(source.module.clone(), named);
    }
    uses
}

#[test]
fn every_top_level_module_is_in_a_layer() {
    for module in uses_by_module().keys() {
        assert!(
            LAYERS.contains(&module.as_str()),
            "src/{module} is in no layer: add it to LAYERS where it belongs"
        );
    }
}

#[test]
fn layers_only_point_down() {
    let position = |name: &str| LAYERS.iter().position(|layer| *layer == name);
    let mut wrong = Vec::new();
    for (module, used) in uses_by_module() {
        let Some(at) = position(&module) else {
            continue;
        };
        for name in used {
            let Some(other) = position(&name) else {
                continue;
            };
            if other > at {
                wrong.push(format!("{module} uses {name}, which is above it"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let uses = uses_by_module();
    let mut circles = Vec::new();
    for (module, used) in &uses {
        for name in used {
            if uses.get(name).is_some_and(|back| back.contains(module)) && module < name {
                circles.push(format!("{module} <-> {name}"));
            }
        }
    }
    assert!(circles.is_empty(), "{circles:#?}");
}

#[test]
fn no_files_of_one_folder_import_each_other_round_in_a_circle() {
    let uses = sibling_uses(&sources());
    // A file is in a circle when it can reach itself through the files it names.
    let mut circles = BTreeSet::new();
    for start in uses.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&String> = uses[start].iter().collect();
        while let Some(module) = stack.pop() {
            if module == start {
                circles.insert(start.clone());
                break;
            }
            if seen.insert(module) {
                stack.extend(uses.get(module).into_iter().flatten());
            }
        }
    }
    assert!(
        circles.is_empty(),
        "files in a circle of imports: {circles:#?}"
    );
}

#[test]
fn test_code_is_left_out_item_by_item() {
    let text = "use crate::model::X;\n#[cfg(test)]\nmod tests {\n    use crate::ui::Y;\n    fn f() { let s = \"}\"; let c = '{'; }\n}\nuse crate::storage::Z;\n#[cfg(test)]\nmod more;\nfn g<'a>(x: &'a str) {}\n";
    let shipped = without_test_items(text);
    assert!(shipped.contains("crate::model::X"));
    assert!(!shipped.contains("crate::ui::Y"), "{shipped}");
    assert!(shipped.contains("crate::storage::Z"), "{shipped}");
    assert!(!shipped.contains("mod more"));
    assert!(shipped.contains("fn g<'a>"));
    assert_eq!(
        paths_named("use super::{cells::Item, state::{A, B}, theme};", "super::"),
        [
            vec!["cells".to_owned(), "Item".to_owned()],
            vec!["state".to_owned(), "A".to_owned()],
            vec!["state".to_owned(), "B".to_owned()],
            vec!["theme".to_owned()],
        ]
    );
}
