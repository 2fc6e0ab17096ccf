//! The layout is the architecture: top-level modules of `src/` are layers, and a layer
//! may use only the layers below it. This test reads every `src/**/*.rs`, collects each
//! `crate::…` path that leads from one top-level module to another (in `use` lines,
//! grouped `use crate::{a, b}` lists and inline paths alike, and `crate::name!` macro
//! calls, attributed to the module that defines the macro), and fails on an edge that
//! goes up the declared order, stays within a group of siblings, names an undeclared
//! module, or closes a cycle. Inside a folder, the files are modules too: one may use
//! another (`super::x`, `crate::commands::x`), but no two may use each other, directly or
//! round a cycle. A folder's `mod.rs` is its interface: its children may use it, and it
//! them, without that counting as a cycle. Its own tests below show that it catches
//! each of these.

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

/// A file's module path: `commands/server_group/change.rs` → `commands::server_group::change`,
/// a folder's `mod.rs` → the folder's path.
fn module_path(relative: &str) -> Vec<String> {
    let mut parts: Vec<String> = relative.trim_end_matches(".rs").split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Every `crate::…` and `super::…` path of the code (test modules at the end of a file,
/// from its first `#[cfg(test)]`, are left out: their `super` is the file itself), each
/// as an absolute module path from `module`, with grouped imports taken apart.
fn absolute_paths(module: &[String], is_mod_rs: bool, text: &str) -> Vec<Vec<String>> {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    let code = code_only(text);
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < code.len() {
        let rest = &code[at..];
        let start_crate = rest.starts_with("crate::");
        let start_super = rest.starts_with("super::");
        let boundary = at == 0
            || !(bytes[at - 1] as char).is_alphanumeric() && bytes[at - 1] != b'_' && bytes[at - 1] != b':';
        if !(boundary && (start_crate || start_super)) {
            at += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        // The base: the crate, or the parent of this file's module once per `super`.
        let mut base: Vec<String> = if start_crate { Vec::new() } else { module.to_vec() };
        let mut i = at;
        if start_crate {
            i += "crate::".len();
        } else {
            // A `mod.rs` is its folder's module: `super` is the folder's parent.
            while code[i..].starts_with("super::") {
                base.pop();
                i += "super::".len();
            }
            let _ = is_mod_rs;
        }
        let mut segments = base.clone();
        loop {
            let name: String = code[i..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if name.is_empty() {
                if code[i..].starts_with('{') {
                    // `{a, b::c}`: each item's first segment.
                    let end = code[i..].find('}').map_or(code.len(), |e| i + e);
                    for item in code[i + 1..end].split(',') {
                        let first: String =
                            item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                        if !first.is_empty() && first != "self" {
                            let mut path = segments.clone();
                            path.push(first);
                            found.push(path);
                        }
                    }
                    if code[i + 1..end].split(',').any(|item| item.trim() == "self") {
                        found.push(segments.clone());
                    }
                } else {
                    found.push(segments.clone());
                }
                break;
            }
            i += name.len();
            segments.push(name);
            if code[i..].starts_with("::") {
                i += 2;
            } else {
                found.push(segments.clone());
                break;
            }
        }
        at = i.max(at + 1);
    }
    found
}

/// Cycles among the files (modules) of one folder, as `folder: a → b → a`.
fn folder_cycles(files: &[(String, String)]) -> Vec<String> {
    let modules: BTreeSet<Vec<String>> = files.iter().map(|(p, _)| module_path(p)).collect();
    let mut edges: BTreeSet<Edge> = BTreeSet::new();
    for (path, text) in files {
        let from = module_path(path);
        for target in absolute_paths(&from, path.ends_with("mod.rs"), text) {
            let common = from.iter().zip(&target).take_while(|(a, b)| a == b).count();
            // Both sides must be children of the folder where they part: the folder's own
            // mod.rs (its interface) and its items are not.
            let (Some(a), Some(b)) = (from.get(common), target.get(common)) else { continue };
            if common == 0 {
                continue; // between layers: the layer rules above
            }
            let folder = &from[..common];
            let child = |name: &String| {
                let mut m = folder.to_vec();
                m.push(name.clone());
                modules.iter().any(|known| known.starts_with(&m))
            };
            if !child(a) || !child(b) {
                continue;
            }
            let folder = folder.join("::");
            edges.insert(Edge {
                file: path.clone(),
                from: format!("{folder}::{a}"),
                to: format!("{folder}::{b}"),
            });
        }
    }
    cycles(&edges)
}

#[test]
fn no_two_files_of_a_folder_use_each_other() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&root, &root, &mut files);
    let cycles = folder_cycles(&files);
    assert!(cycles.is_empty(), "modules of one folder use each other:\n{}", cycles.join("\n"));
}

#[test]
fn the_checker_finds_a_cycle_inside_a_folder() {
    let files = fixture(&[
        ("commands/mod.rs", "pub(crate) mod a;\n"),
        ("commands/a.rs", "use super::b::f;\nuse super::Shared;\n"),
        ("commands/b.rs", "fn g() { crate::commands::c::h(); }\n"),
        ("commands/c.rs", "use super::{a::x, Shared};\n#[cfg(test)]\nmod tests { use super::*; }\n"),
        ("commands/deep/mod.rs", "use super::super::api::X;\n"),
        ("commands/deep/d.rs", "use super::super::a::y;\nuse super::e;\n"),
        ("commands/deep/e.rs", "use super::d;\n"),
    ]);
    assert_eq!(
        folder_cycles(&files),
        [
            "import cycle: commands::a → commands::b → commands::c → commands::a",
            "import cycle: commands::deep::d → commands::deep::e → commands::deep::d"
        ]
    );
    // A child using its folder's mod.rs, and mod.rs using a child, is no cycle.
    let files =
        fixture(&[("x/mod.rs", "use self::a::A;\nfn f() { a::g(); }\n"), ("x/a.rs", "use super::Shared;\n")]);
    assert!(folder_cycles(&files).is_empty());
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
