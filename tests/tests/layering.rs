//! The rules of ARCHITECTURE.md that a compiler does not check, checked here: the core never
//! depends on Tauri or a webview, and storage stays private to the core.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Every package `sdr-core` depends on, directly or not (normal and build dependencies).
fn core_dependencies() -> BTreeSet<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let host = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .arg("-vV")
        .output()
        .expect("rustc runs");
    let host = String::from_utf8_lossy(&host.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .expect("rustc names its host");
    let out = Command::new(cargo)
        .current_dir(repo())
        .args(["metadata", "--format-version", "1", "--locked"])
        .args(["--filter-platform", &host])
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let nodes: HashMap<&str, &serde_json::Value> = meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n))
        .collect();
    let core = names
        .iter()
        .find(|(_, name)| **name == "sdr-core")
        .map(|(id, _)| *id)
        .unwrap();
    let mut seen = BTreeSet::new();
    let mut stack = vec![core];
    while let Some(id) = stack.pop() {
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let runtime = dep["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"].is_null() || k["kind"] == "build");
            let dep_id = dep["pkg"].as_str().unwrap();
            if runtime && seen.insert(names[dep_id].to_string()) {
                stack.push(dep_id);
            }
        }
    }
    seen
}

#[test]
fn the_core_depends_on_no_tauri_no_webview_and_no_async_runtime() {
    let deps = core_dependencies();
    assert!(deps.contains("rusqlite"), "the walk found the core's deps");
    let banned: Vec<_> = deps
        .iter()
        .filter(|d| {
            d.starts_with("tauri")
                || d.starts_with("wry")
                || d.starts_with("webkit2gtk")
                || d.starts_with("gtk")
                || *d == "tokio"
        })
        .collect();
    assert!(banned.is_empty(), "sdr-core depends on {banned:?}");
}

#[test]
fn only_the_core_touches_sql() {
    for dir in ["src-tauri/src", "src-tauri/crates/cli/src"] {
        for entry in walk(&repo().join(dir)) {
            let text = std::fs::read_to_string(&entry).unwrap();
            assert!(
                !text.contains("rusqlite"),
                "{} uses SQLite directly; only sdr-core may",
                entry.display()
            );
        }
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            files.push(p);
        }
    }
    files
}
