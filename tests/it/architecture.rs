//! The layout is the architecture: top-level modules of `src/` are layers, and a layer
//! may use only the layers below it. This test reads every `src/**/*.rs`, collects each
//! `crate::…` path that leads from one top-level module to another (in `use` lines,
//! grouped `use crate::{a, b}` lists and inline paths alike, and `crate::name!` macro
//! calls, attributed to the module that defines the macro), and fails on an edge that
//! goes up the declared order, stays within a group of siblings, names an undeclared
//! module, or closes a cycle. Its own tests below show that it catches each of these.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers from the top; within one group, modules are siblings that may not use
/// each other. `lib.rs`/`main.rs` (the root) may use everything and nothing uses them.
const LAYERS: &[&[&str]] = &[
    &["commands"],
    &["cli"],
    &["credentials"],
    &["config"],
    &["slb"],
    &["api"],
    &["output"],
    &["error", "interrupt", "secret", "source", "text"],
];

/// One `crate::` reference: the file, the top-level module it is in, the one it names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Edge {
    file: String,
    from: String,
    to: String,
}

/// The top-level module a file under `src/` belongs to; None for the crate root.
fn top_module(relative: &str) -> Option<String> {
    let first = relative.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then(|| name.to_owned())
}

/// The text without `//` comments (doc comments included: they may mention paths
/// that are not code) and without the contents of string literals.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut in_string = false;
        let mut previous = ' ';
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if !in_string && c == '/' && chars.peek() == Some(&'/') {
                break;
            }
            if c == '"' && previous != '\\' && previous != '\'' {
                in_string = !in_string;
            } else if !in_string {
                out.push(c);
            }
            previous = if previous == '\\' && c == '\\' { ' ' } else { c };
        }
        out.push('\n');
    }
    out
}

/// The first segment of every `crate::` path: `crate::api::client::Client` gives `api`,
/// `crate::{cli::X, output}` gives `cli` and `output`, `crate::verbose!` gives `verbose`.
fn crate_paths(text: &str) -> Vec<String> {
    let code = code_only(text);
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let mut start = 0;
    while let Some(offset) = code[start..].find("crate::") {
        let at = start + offset;
        start = at + "crate::".len();
        let before = at.checked_sub(1).map(|i| bytes[i] as char);
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // e.g. `my_crate::`
        }
        let rest = &code[start..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level items of the group: at depth 0, up to `::`, `,` or `}`.
            let mut depth = 0;
            let mut item = String::new();
            let mut at_item_start = true;
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => at_item_start = true,
                    c if depth == 0 && at_item_start && (c.is_alphanumeric() || c == '_') => item.push(c),
                    c if depth == 0 && at_item_start && !item.is_empty() && !c.is_whitespace() => {
                        found.push(std::mem::take(&mut item));
                        at_item_start = false;
                    }
                    _ => {}
                }
                if c == ',' && depth == 0 && !item.is_empty() {
                    found.push(std::mem::take(&mut item));
                }
            }
            if !item.is_empty() {
                found.push(item);
            }
        } else {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                found.push(name);
            }
        }
    }
    found
}

/// `#[macro_export] macro_rules! NAME` definitions: NAME → the module defining it.
fn exported_macros(files: &[(String, String)]) -> BTreeMap<String, String> {
    let mut macros = BTreeMap::new();
    for (path, text) in files {
        let Some(module) = top_module(path) else { continue };
        for line in text.lines() {
            if let Some(rest) = line.trim_start().strip_prefix("macro_rules!") {
                let name: String =
                    rest.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                macros.insert(name, module.clone());
            }
        }
    }
    macros
}

/// Every cross-module edge and every violation of the layer rules, as messages.
fn violations(files: &[(String, String)]) -> (Vec<Edge>, Vec<String>) {
    let rank: BTreeMap<&str, usize> =
        LAYERS.iter().enumerate().flat_map(|(i, group)| group.iter().map(move |m| (*m, i))).collect();
    let macros = exported_macros(files);
    let mut edges = BTreeSet::new();
    let mut problems = Vec::new();
    for (path, text) in files {
        let from = top_module(path);
        if let Some(from) = &from {
            if !rank.contains_key(from.as_str()) {
                problems.push(format!("{path}: module `{from}` is not in the declared layers"));
            }
        }
        for name in crate_paths(text) {
            let to = macros.get(&name).cloned().unwrap_or(name);
            let Some(from) = &from else { continue }; // the root may use anything
            if &to == from {
                continue;
            }
            edges.insert(Edge { file: path.clone(), from: from.clone(), to });
        }
    }
    for edge in &edges {
        let (Some(&a), Some(b)) = (rank.get(edge.from.as_str()), rank.get(edge.to.as_str())) else {
            if !rank.contains_key(edge.to.as_str()) {
                problems.push(format!(
                    "{}: `{}` uses `crate::{}`, which is no declared layer",
                    edge.file, edge.from, edge.to
                ));
            }
            continue;
        };
        if *b < a {
            problems.push(format!("{}: `{}` uses `{}`, a layer above it", edge.file, edge.from, edge.to));
        } else if *b == a {
            problems
                .push(format!("{}: `{}` uses its sibling `{}` (same layer)", edge.file, edge.from, edge.to));
        }
    }
    problems.extend(cycles(&edges));
    (edges.into_iter().collect(), problems)
}

/// Cycles in the module graph, each reported once as `a → b → a`.
fn cycles(edges: &BTreeSet<Edge>) -> Vec<String> {
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in edges {
        graph.entry(e.from.as_str()).or_default().insert(e.to.as_str());
    }
    let mut found = BTreeSet::new();
    fn walk<'a>(
        node: &'a str,
        graph: &BTreeMap<&'a str, BTreeSet<&'a str>>,
        path: &mut Vec<&'a str>,
        found: &mut BTreeSet<String>,
    ) {
        if let Some(i) = path.iter().position(|n| *n == node) {
            let mut cycle: Vec<&str> = path[i..].to_vec();
            // Report from the smallest name so each cycle appears once.
            let smallest = (0..cycle.len()).min_by_key(|&k| cycle[k]).unwrap_or(0);
            cycle.rotate_left(smallest);
            found.insert(format!("import cycle: {} → {}", cycle.join(" → "), cycle[0]));
            return;
        }
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            walk(next, graph, path, found);
        }
        path.pop();
    }
    for node in graph.keys() {
        walk(node, &graph, &mut Vec::new(), &mut found);
    }
    found.into_iter().collect()
}

fn source_files(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            source_files(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push((relative, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn layers_point_one_way_and_there_is_no_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&root, &root, &mut files);
    let (edges, problems) = violations(&files);
    assert!(edges.len() > 40, "the scan found too few edges to be working: {edges:?}");
    assert!(problems.is_empty(), "the layout breaks its layer rules:\n{}", problems.join("\n"));
}

#[test]
fn every_layer_folder_has_a_module_doc() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let text = std::fs::read_to_string(path.join("mod.rs")).unwrap();
            assert!(text.starts_with("//!"), "{} has no //! paragraph", path.display());
        }
    }
}

fn fixture(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect()
}

#[test]
fn the_checker_finds_paths_in_every_form() {
    let text = "use crate::api::client::Client;\nuse crate::{cli::{A, B}, output, text::quote};\n\
                fn f() { crate::verbose!(\"x\"); let _ = crate::slb::PRODUCT; }\n\
                // crate::commands in a comment is not code\nlet s = \"crate::config\";\n";
    assert_eq!(crate_paths(text), ["api", "cli", "output", "text", "verbose", "slb"]);
}

#[test]
fn the_checker_refuses_an_upward_edge() {
    let files = fixture(&[
        ("output/mod.rs", "use crate::cli::OutputFormat;\n"),
        ("cli.rs", "use crate::output::OutputFormat;\n"),
    ]);
    let (_, problems) = violations(&files);
    assert!(problems.iter().any(|p| p.contains("`output` uses `cli`, a layer above it")), "{problems:?}");
}

#[test]
fn the_checker_refuses_a_cycle_and_a_sibling_edge() {
    let files = fixture(&[
        ("text.rs", "use crate::error::Error;\n"),
        ("error.rs", "fn f() { crate::text::quote(\"\"); }\n"),
    ]);
    let (_, problems) = violations(&files);
    assert!(problems.iter().any(|p| p == "import cycle: error → text → error"), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("uses its sibling")), "{problems:?}");
}

#[test]
fn the_checker_refuses_an_undeclared_module_and_attributes_macros() {
    let files = fixture(&[
        ("utils.rs", "pub fn x() {}\n"),
        ("output/log.rs", "#[macro_export]\nmacro_rules! verbose { () => {} }\n"),
        ("error.rs", "fn f() { crate::verbose!(); }\n"),
    ]);
    let (_, problems) = violations(&files);
    assert!(problems.iter().any(|p| p.contains("`utils` is not in the declared layers")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("`error` uses `output`, a layer above it")), "{problems:?}");
}
