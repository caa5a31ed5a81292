//! What the exchange and report benchmarks share: the laptops' data, made once with the demo
//! generator and kept in `target/bench-exchange/`, and an organizer's database.

use std::path::{Path, PathBuf};
use std::time::Duration;

use sdr_core::demo::{self, DemoMode, DemoSpec};
use sdr_core::exchange::ExportScope;
use sdr_core::views::ImportOutcome;
use sdr_core::{Sdr, content};

pub const WORKSHOPS: [&str; 5] = [
    "2018-malaysia",
    "2018-philippines",
    "2018-chinese-taipei",
    "2018-thailand",
    "2018-viet-nam",
];
pub const T: i64 = 1_795_737_600_000;

pub fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

pub fn open(dir: &Path) -> Sdr {
    Sdr::open(dir, content::builtin().unwrap()).unwrap()
}

pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// The laptops' data folders and files, made once and kept.
pub fn laptops(root: &Path, n: usize, learners: usize) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let files_dir = root.join("files");
    std::fs::create_dir_all(&files_dir).unwrap();
    let mut dirs = Vec::new();
    let mut files = Vec::new();
    for i in 0..n {
        let dir = root.join(format!("laptop-{i:03}"));
        let file = files_dir.join(format!("laptop-{i:03}.sdrresults"));
        if !file.exists() {
            let _ = std::fs::remove_dir_all(&dir);
            let sdr = open(&dir);
            sdr.set_laptop_name(&format!("Laptop {i}")).unwrap();
            let spec = DemoSpec {
                learners: learners as u32,
                workshop_id: WORKSHOPS[i % WORKSHOPS.len()].into(),
                seed: 1000 + i as u64,
                mode: DemoMode::FullCourse,
            };
            demo::generate(&sdr, &spec).unwrap();
            sdr.export_results(&ExportScope::All, &file, T).unwrap();
            eprint!("\rmade laptop {}/{n}", i + 1);
        }
        dirs.push(dir);
        files.push(file);
    }
    eprintln!();
    (dirs, files)
}

/// A fresh organizer database trusting every laptop.
pub fn organizer(dirs: &[PathBuf]) -> (tempfile::TempDir, Sdr) {
    let dir = tempfile::tempdir().unwrap();
    let sdr = open(dir.path());
    for (i, d) in dirs.iter().enumerate() {
        let key = open(d).issuer_key(T).unwrap().public_key;
        sdr.import_issuer(&key, &format!("Laptop {i}"), T).unwrap();
    }
    (dir, sdr)
}

/// What `sdr import FILE...` does: every file, each in its own transaction.
pub fn import_all(sdr: &Sdr, files: &[PathBuf]) -> (u64, Vec<ImportOutcome>) {
    let reports = sdr.import_results(files, false, T, &mut |_, _, _| {});
    let mut records = 0u64;
    let mut outcomes = Vec::new();
    for r in reports {
        assert!(r.error.is_none(), "{r:?}");
        records += u64::from(r.records_new + r.learners_new);
        outcomes.push(r.outcome);
    }
    (records, outcomes)
}
