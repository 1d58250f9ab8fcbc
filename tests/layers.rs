//! The layers of `src` point one way. Each top-level module may use only the modules listed
//! before it (and `app` may also draw through `ui`); none imports one that imports it back.
//! Read from the source text, so a new `use` that breaks the rule fails here, not in review.

#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions may unwrap too: a panic is a failed test"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Bottom first. A module may use those before it in this list, and nothing after it.
const LAYERS: [&str; 12] = [
    "model", "storage", "sources", "export", "review", "example", "sample", "cli", "session", "ui",
    "app", "exercise",
];

/// The top-level modules each file of `src` names through `crate::`.
fn uses_by_module() -> BTreeMap<String, BTreeSet<String>> {
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap();
            let top = relative
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_owned();
            let file = path.file_stem().unwrap_or_default().to_string_lossy();
            // `lib` and `main` name everything; test-only files may reach anywhere.
            if top == "lib" || top == "main" || file == "tests" || file.ends_with("_tests") {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            // Unit tests may reach anywhere; what ships may not.
            let shipped = text.split("#[cfg(test)]").next().unwrap_or_default();
            let found = uses.entry(top.clone()).or_default();
            for line in shipped.lines() {
                let code = line.split("//").next().unwrap_or_default();
                for (at, _) in code.match_indices("crate::") {
                    let name: String = code[at + "crate::".len()..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() && name != top {
                        found.insert(name);
                    }
                }
            }
        }
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
