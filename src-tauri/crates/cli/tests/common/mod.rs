//! What the CLI tests share: running the built `sdr` on a data folder.

use std::path::Path;
use std::process::{Command, Output};

/// `sdr ARGS --data-dir DATA`, run to the end.
pub fn sdr(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sdr"))
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .output()
        .unwrap()
}
