//! The commands are written once in Rust (`src/commands/`); build.rs generates the handler
//! list, the app manifest and the capability from them. The page's typed wrappers in
//! `ui/src/lib/ipc/index.ts` are written by hand (they carry the TypeScript types), so this
//! test proves they name exactly the same commands with exactly the same arguments, and that
//! the committed capability allows exactly those commands.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// `call<…>('name', { a, b: c })` in the wrappers: each name with its argument keys.
fn wrapper_calls(ts: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut calls = BTreeMap::new();
    for (at, _) in ts.match_indices("call<") {
        let rest = &ts[at + "call".len()..];
        // The type argument, `<…>`, then `('name'`; the definition `call<T>(command` is not
        // a call and has no quote there.
        let mut depth = 0;
        let Some(close) = rest.char_indices().find_map(|(i, c)| {
            match c {
                '<' => depth += 1,
                '>' => depth -= 1,
                _ => {}
            }
            (depth == 0).then_some(i)
        }) else {
            continue;
        };
        if !rest[close + 1..].starts_with("('") {
            continue;
        }
        let name_start = close + 3;
        let name_len = rest[name_start..].find('\'').unwrap();
        let name = rest[name_start..name_start + name_len].to_string();
        let after = &rest[name_start + name_len + 1..];
        let mut keys = BTreeSet::new();
        if let Some(args) = after.trim_start().strip_prefix(", {") {
            let close = args.find('}').unwrap();
            for part in args[..close].split(',') {
                let key = part.split(':').next().unwrap().trim();
                if !key.is_empty() {
                    keys.insert(key.to_string());
                }
            }
        }
        calls.insert(name, keys);
    }
    calls
}

#[test]
fn the_page_wrappers_call_every_command_with_its_arguments_and_nothing_else() {
    let ts = std::fs::read_to_string(repo().join("ui/src/lib/ipc/index.ts")).unwrap();
    let wrappers = wrapper_calls(&ts);
    let rust: BTreeMap<String, BTreeSet<String>> = sdr_app::COMMANDS
        .iter()
        .map(|(name, args)| {
            (
                name.to_string(),
                args.iter().map(|a| a.to_string()).collect(),
            )
        })
        .collect();
    assert!(rust.len() >= 30, "build.rs found the commands: {rust:?}");
    assert_eq!(
        wrappers, rust,
        "ui/src/lib/ipc/index.ts and src-tauri/src/commands/ disagree (left: the page, right: Rust)"
    );
}

#[test]
fn the_capability_allows_exactly_the_commands() {
    let json =
        std::fs::read_to_string(repo().join("src-tauri/capabilities/main-window.json")).unwrap();
    let allowed: BTreeSet<String> = json
        .lines()
        .filter_map(|l| l.trim().trim_end_matches(',').strip_prefix("\"allow-"))
        .map(|l| l.trim_end_matches('"').replace('-', "_"))
        .collect();
    let commands: BTreeSet<String> = sdr_app::COMMANDS
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    assert_eq!(allowed, commands);
}

#[test]
fn the_wrapper_parser_reads_names_and_keys() {
    let ts = "x: (a: string) => call<Foo>('do_it', { profileId, onProgress: channel }),\n\
              y: () => call<null>('ping'),";
    let calls = wrapper_calls(ts);
    assert_eq!(
        calls["do_it"],
        BTreeSet::from(["profileId".to_string(), "onProgress".to_string()])
    );
    assert!(calls["ping"].is_empty());
}
