//! The TypeScript types of everything that crosses IPC are generated from the Rust types. This
//! test fails when the committed `ui/src/lib/ipc/bindings.ts` is stale; run it with
//! `UPDATE_BINDINGS=1` to regenerate the file.

use sdr_system_tests::repo_root;

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let path = repo_root().join("ui/src/lib/ipc/bindings.ts");
    let generated = sdr_core::views::typescript_bindings();
    if std::env::var("UPDATE_BINDINGS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/ipc/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p sdr-system-tests --test bindings`"
    );
}
