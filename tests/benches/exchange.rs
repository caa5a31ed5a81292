//! Results exchange at the scale of a programme: N laptop files (default 100) of M learners
//! (default 50) who each did the whole course (every lesson, every quiz twice, one
//! self-assessment: about 400 records a learner), made with the demo generator through the
//! core's API. Measures, as medians:
//!   - exporting one laptop;
//!   - importing all N files into an empty database;
//!   - importing all N again (nothing new);
//!
//! beside the floor, measured in the same run: a bare rusqlite bulk insert of the same rows,
//! in one transaction, into a database with the same schema. And the peak memory of a
//! process importing 10 files and one importing all N (flat means it does not grow with the
//! number of files).
//!
//! Run by `scripts/bench.sh` (release build). `SDR_BENCH_LAPTOPS` and `SDR_BENCH_LEARNERS`
//! change the size; the generated files are kept in `target/bench-exchange/` between runs.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::types::Value;
use sdr_core::exchange::ExportScope;
use sdr_core::views::ImportOutcome;

mod common;
use common::{T, env_or, import_all, laptops, median, open, organizer};

/// The exchanged tables, parents first.
const TABLES: [&str; 12] = [
    "profiles",
    "profile_edits",
    "enrolments",
    "progress_events",
    "quiz_attempts",
    "quiz_answers",
    "quiz_results",
    "assessments",
    "assessment_answers",
    "assessment_results",
    "certificates",
    "workshop_edits",
];

/// Every row of the exchanged tables of a database, table by table.
fn rows(db: &Path) -> Vec<(&'static str, usize, Vec<Vec<Value>>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    TABLES
        .iter()
        .map(|t| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM {t}")).unwrap();
            let width = stmt.column_count();
            let rows = stmt
                .query_map([], |r| (0..width).map(|i| r.get::<_, Value>(i)).collect())
                .unwrap()
                .collect::<rusqlite::Result<Vec<Vec<Value>>>>()
                .unwrap();
            (*t, width, rows)
        })
        .collect()
}

/// The floor: the same rows inserted with prepared statements in one transaction, into a
/// database the app made (same schema, indexes, triggers, WAL, synchronous=FULL, foreign keys).
fn floor(rows: &[(&'static str, usize, Vec<Vec<Value>>)]) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path()));
    let mut conn = rusqlite::Connection::open(dir.path().join("sdr.db")).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")
        .unwrap();
    let start = Instant::now();
    let tx = conn.transaction().unwrap();
    for (table, width, rows) in rows {
        let marks: Vec<String> = (1..=*width).map(|i| format!("?{i}")).collect();
        let mut stmt = tx
            .prepare(&format!(
                "INSERT INTO {table} VALUES ({})",
                marks.join(", ")
            ))
            .unwrap();
        for row in rows {
            stmt.execute(rusqlite::params_from_iter(row.iter()))
                .unwrap();
        }
    }
    tx.commit().unwrap();
    start.elapsed()
}

/// Peak resident memory of this process, from the kernel.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-exchange");
    let n = env_or("SDR_BENCH_LAPTOPS", 100);
    let learners = env_or("SDR_BENCH_LEARNERS", 50);
    let root = root.join(format!("{n}x{learners}"));
    let (dirs, files) = laptops(&root, n, learners);

    // A child run: import the first K files into a fresh database, print the peak memory.
    if let Some(k) = args
        .iter()
        .position(|a| a == "--peak-child")
        .and_then(|i| args.get(i + 1))
        .and_then(|k| k.parse::<usize>().ok())
    {
        let (_d, sdr) = organizer(&dirs);
        let before = peak_rss_kib();
        import_all(&sdr, &files[..k.min(files.len())]);
        println!("peak_kib={} before_kib={before}", peak_rss_kib());
        return;
    }

    let runs = env_or("SDR_BENCH_RUNS", 3);
    let laptop0 = open(&dirs[0]);
    let out = tempfile::tempdir().unwrap();
    let export: Vec<Duration> = (0..5)
        .map(|i| {
            let start = Instant::now();
            laptop0
                .export_results(
                    &ExportScope::All,
                    &out.path().join(format!("{i}.sdrresults")),
                    T,
                )
                .unwrap();
            start.elapsed()
        })
        .collect();

    let mut import = Vec::new();
    let mut reimport = Vec::new();
    let mut floors = Vec::new();
    let mut total = 0;
    let mut table_rows = Vec::new();
    for run in 0..runs {
        let (dir, sdr) = organizer(&dirs);
        let start = Instant::now();
        let (records, outcomes) = import_all(&sdr, &files);
        import.push(start.elapsed());
        assert!(outcomes.iter().all(|o| *o == ImportOutcome::Imported));
        total = records;
        let start = Instant::now();
        let (again, outcomes) = import_all(&sdr, &files);
        reimport.push(start.elapsed());
        assert_eq!(again, 0);
        assert!(
            outcomes
                .iter()
                .all(|o| *o == ImportOutcome::AlreadyImported)
        );
        if run == 0 {
            drop(sdr);
            table_rows = rows(&dir.path().join("sdr.db"));
        }
        floors.push(floor(&table_rows));
    }
    let floor_rows: usize = table_rows.iter().map(|(_, _, r)| r.len()).sum();
    assert_eq!(floor_rows as u64, total, "the floor inserts the same rows");

    let peak = |k: usize| -> String {
        let out = std::process::Command::new(&args[0])
            .args(["--peak-child", &k.to_string()])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        text.lines()
            .find_map(|l| l.strip_prefix("peak_kib="))
            .and_then(|l| l.split_whitespace().next())
            .and_then(|kib| kib.parse::<u64>().ok())
            .map(|kib| format!("{:.0} MiB", kib as f64 / 1024.0))
            .unwrap_or_else(|| "n/a".into())
    };
    let (peak_10, peak_all) = (peak(10), peak(n));

    let ms = |d: Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
    let (imp, fl) = (median(import), median(floors));
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    println!("exchange_export_one_laptop={}", ms(median(export)));
    println!("exchange_import_all={}", ms(imp));
    println!("exchange_reimport_all={}", ms(median(reimport)));
    println!("exchange_floor_bulk_insert={}", ms(fl));
    println!("exchange_ratio={:.2}", imp.as_secs_f64() / fl.as_secs_f64());
    println!("exchange_records={total}");
    println!(
        "exchange_files={n} exchange_mib={:.1}",
        bytes as f64 / 1048576.0
    );
    println!("exchange_peak_10_files={peak_10}");
    println!("exchange_peak_all_files={peak_all}");
}
